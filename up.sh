#!/usr/bin/env bash
# The all-in-one cluster: installs and starts the Docker engine with the local test image if missing
# (deploy/docker.sh), builds, and runs `actors up` (control plane, Kubernetes API, node agent on this
# machine's Docker engine, SQLite under ~/.actors). Extra arguments go to `actors up`.
set -euo pipefail
cd "$(dirname "$0")"
deploy/docker.sh >&2
dotnet build src/Silo -c Release -nologo -v quiet -clp:ErrorsOnly
exec src/Silo/bin/Release/net10.0/actors up "$@"
