#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for tests and local multi-silo clusters, owned by user
# postgres (the server refuses root), listening only on 127.0.0.1. Idempotent: a running cluster is
# left alone. Prints the connection string on stdout.
set -euo pipefail

dir="${ACTORS_PG_DIR:-/var/tmp/actors-postgres}"
port="${ACTORS_PG_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [[ -z "$bin" ]]; then
  echo "PostgreSQL is not installed: run deploy/install-packages.sh" >&2
  exit 1
fi

as_postgres() { runuser -u postgres -- "$@"; }

mkdir -p "$dir"
chown postgres:postgres "$dir"
if [[ ! -f "$dir/data/PG_VERSION" ]]; then
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >"$dir/initdb.log" 2>&1
fi

if ! as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  rm -f "$dir/data/postmaster.pid"
  as_postgres "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=on" start >/dev/null
fi

for _ in $(seq 1 60); do
  if as_postgres "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q; then
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    exit 0
  fi
  sleep 0.5
done
echo "PostgreSQL did not become ready on 127.0.0.1:$port; see $dir/server.log" >&2
exit 1
