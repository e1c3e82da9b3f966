#!/usr/bin/env bash
# Installs and starts everything the cluster and its tests need on a Debian machine: packages, the
# Docker engine, the local test image, kubectl 1.20 and PostgreSQL. Safe to run again: each step skips what is done.
# Prints the exports the test script uses.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

"$here/install-packages.sh" >&2
"$here/kubectl-120.sh"
if [[ -x "$here/docker.sh" ]]; then
  "$here/docker.sh" >&2
fi
pg="$("$here/postgres.sh")"
echo "export ACTORS_TEST_POSTGRES='$pg'"
