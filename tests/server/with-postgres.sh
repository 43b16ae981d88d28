#!/usr/bin/env bash
# Runs a command with MMX_TEST_POSTGRES_URL pointing at a throwaway
# PostgreSQL cluster on a free loopback port, then removes the cluster.
# PostgreSQL refuses to run as root: as root (CI), the cluster runs as the
# unprivileged "postgres" user that Debian's package creates.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL's server is not installed (apt-get install postgresql)." >&2
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/mmx-pg-XXXXXX")
run_as=()
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "Running as root needs the unprivileged user \"postgres\" (apt-get install postgresql)." >&2
    exit 1
  fi
  chown postgres "$dir"
  run_as=("$(command -v runuser || echo /usr/sbin/runuser)" -u postgres --)
fi

cleanup () {
  "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${run_as[@]}" "$bindir/initdb" -D "$dir/data" -U mmx --auth=trust -E UTF8 --no-sync \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

# A free port can be taken between the choice and the start: try again.
started=0
for attempt in 1 2 3 4 5; do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" \
       start >/dev/null; then
    started=1
    break
  fi
done
if [ "$started" != 1 ]; then
  cat "$dir/server.log" >&2
  exit 1
fi

export MMX_TEST_POSTGRES_URL="postgres://mmx@127.0.0.1:$port/postgres"
"$@"
