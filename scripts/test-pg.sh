#!/usr/bin/env bash
# Runs the server test suite against a throwaway PostgreSQL cluster on a loopback port, then removes it.
# Needs PostgreSQL's binaries (Debian: apt-get install postgresql); as root, the cluster runs as `postgres`.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql), or set PG_BIN." >&2
  exit 1
fi
PORT="${TEST_PG_PORT:-55432}"
DATA_DIR="$(mktemp -d /tmp/factmark-pg-XXXXXX)"

# initdb refuses to run as root: run the cluster as the postgres user, which must own its folder.
as_owner=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$DATA_DIR"
  as_owner=(runuser -u postgres --)
fi

stop_cluster() {
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA_DIR"
}
trap stop_cluster EXIT

"${as_owner[@]}" "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust --no-locale -E UTF8 >/dev/null
# Loopback only, socket in /tmp; durability off: the cluster is thrown away after the run.
start_cluster() {
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
}
# A start that fails (the port taken meanwhile, say) shows the server's log, then is tried once more on the next port.
if ! start_cluster; then
  echo "PostgreSQL did not start on port $PORT; its log:" >&2
  cat "$DATA_DIR/server.log" >&2 || true
  PORT=$((PORT + 1))
  start_cluster
fi

export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "Server tests against PostgreSQL at $TEST_DATABASE_URL"
pnpm exec vitest run --project server "$@"
