#!/usr/bin/env bash
# Runtime benchmark: local call throughput and latency (echo grain), activations per second, bytes per
# idle activation with 100,000 grains. Pass --smoke for the short CI run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/RuntimeBench -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet bench/RuntimeBench/bin/Release/net10.0/Actors.RuntimeBench.dll "$@"
