#!/usr/bin/env bash
# Kubernetes API benchmark: one `actors server` (no node agent) on a fresh data directory, driven by bench/ApiBench.
# Usage: bench/api.sh [--smoke]   (--smoke: 2 s phases, 100 watchers, 100 pods; for CI)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Silo -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/ApiBench -c Release -nologo -v quiet -clp:ErrorsOnly

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
data_dir=$(mktemp -d /tmp/actors-api-bench.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$data_dir"
}
trap cleanup EXIT

api_port=$(free_port)
silo_port=$(free_port)
# Per-request info logs to the console would cost the server more than some requests do.
Logging__LogLevel__Default=Warning src/Silo/bin/Release/net10.0/actors server --data-dir "$data_dir" --api-port "$api_port" --silo-port "$silo_port" --node bench \
  >"$data_dir/server.log" 2>&1 &
server_pid=$!
if ! dotnet bench/ApiBench/bin/Release/net10.0/Actors.ApiBench.dll "$data_dir" "$@"; then
  echo "--- server log (tail) ---" >&2
  tail -n 40 "$data_dir/server.log" >&2
  exit 1
fi
