#!/usr/bin/env bash
# Runtime benchmark: local and cross-silo call throughput and latency (echo grain), activations per second,
# bytes per idle activation with 100,000 grains. Pass --smoke for the short CI run. Cross-silo calls use the
# PostgreSQL from deploy/postgres.sh for membership and the directory.
set -euo pipefail
cd "$(dirname "$0")/.."
pg="$(deploy/postgres.sh)"
dotnet build bench/RuntimeBench -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/RuntimeBench/bin/Release/net10.0/Actors.RuntimeBench.dll --postgres "$pg" "$@"
