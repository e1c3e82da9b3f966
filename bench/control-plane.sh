#!/usr/bin/env bash
# Control-plane benchmark with hollow nodes, durable storage (fsync on): one silo on SQLite, or with --postgres
# (or env ACTORS_BENCH_POSTGRES) two silos in one process on a fresh database of that PostgreSQL server.
# Usage: bench/control-plane.sh [--postgres CONNECTION] [NODES DEPLOYMENTS REPLICAS]
#   (default 100 10 100; the issue's scale is 1000 100 100; deploy/postgres.sh prints a CONNECTION)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/ControlPlaneBench -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/ControlPlaneBench/bin/Release/net10.0/Actors.ControlPlaneBench.dll "$@"
