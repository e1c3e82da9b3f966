#!/usr/bin/env bash
# Control-plane benchmark with hollow nodes: one silo on SQLite with fsync on.
# Usage: bench/control-plane.sh [NODES DEPLOYMENTS REPLICAS]   (default 100 10 100; the issue's scale is 1000 100 100)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/ControlPlaneBench -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/ControlPlaneBench/bin/Release/net10.0/Actors.ControlPlaneBench.dll "$@"
