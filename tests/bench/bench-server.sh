#!/usr/bin/env bash
# Benchmark of marketingmix-server with wrk on loopback (not a test):
#   1. authenticated reads, GET /v1/account with a valid token, while 1,000
#      idle connections stay open; requests/s, p99, errors, RSS before/after;
#   2. logins, POST /v1/auth/login, bounded by the Argon2id cost: counts of
#      200, 429 and anything else, and p99.
# The machine is shared: the reads run three times, each line with the load
# average at its end, so a noisy neighbour shows.
# Usage: bench-server.sh SERVER-BINARY [SECONDS]
set -euo pipefail

server=$1
seconds=${2:-10}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/mmx-bench-XXXXXX")
pid=""
idle_pid=""
cleanup () {
  [ -n "$idle_pid" ] && kill "$idle_pid" 2>/dev/null || true
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

load () { cut -d' ' -f1-3 /proc/loadavg; }
rss_kib () { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load average before (1, 5, 15 min): $(load)"

# Production settings, but no per-address limits: every request comes
# from 127.0.0.1 here.
"$server" serve --db "$dir/bench.db" --listen 127.0.0.1:0 --access-log "$dir/access.log" \
  --max-connections-per-ip 0 --auth-rate 1000000 --auth-burst 1000000 >"$dir/out" 2>"$dir/err" &
pid=$!
for _ in $(seq 100); do grep -q 'Listening on port' "$dir/out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^Listening on port //p' "$dir/out")
[ -n "$port" ] || { cat "$dir/err" >&2; exit 1; }
base="http://127.0.0.1:$port"

curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"correct horse battery staple"}' "$base/v1/auth/signup"
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"correct horse battery staple"}' "$base/v1/auth/login" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')

# 1,000 idle connections, held open for the whole run.
python3 - "$port" >"$dir/idle" <<'PY' &
import socket, sys, time
sockets = []
for _ in range(1000):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    sockets.append(s)
print(len(sockets), flush=True)
time.sleep(3600)
PY
idle_pid=$!
for _ in $(seq 100); do [ -s "$dir/idle" ] && break; sleep 0.1; done
echo "idle connections open: $(cat "$dir/idle")"

echo
echo "== GET /v1/account, 2 wrk threads, 32 connections, 3 x ${seconds}s (after a 5 s warm-up)"
wrk -t2 -c32 -d5s -H "Authorization: Bearer $token" "$base/v1/account" >/dev/null
rss_before=$(rss_kib)
for run in 1 2 3; do
  wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$base/v1/account" >"$dir/wrk-account"
  rps=$(sed -n 's/^Requests\/sec: *//p' "$dir/wrk-account")
  p99=$(awk '$1 == "99%" { print $2 }' "$dir/wrk-account")
  errors=$(grep -E 'Non-2xx|Socket errors' "$dir/wrk-account" | tr -s ' ' | tr '\n' ' ' || true)
  echo "run $run: $rps requests/s, p99 $p99, errors: ${errors:-none}; load average $(load)"
done
rss_after=$(rss_kib)
echo "server RSS: ${rss_before} KiB before, ${rss_after} KiB after"
echo "idle connections still answered: $(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")"
echo "load average after reads: $(load)"

cat >"$dir/login.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"email":"bench@example.com","password":"correct horse battery staple"}'
wrk.headers["Content-Type"] = "application/json"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status %d: %d\n", status, n)) end
  io.write(string.format("p99: %.1f ms\n", latency:percentile(99) / 1000))
end
LUA

# As many logins at once as hashing threads, then a flood: the flood must
# get 429s at once, never a timeout or a 5xx.
for connections in 2 32; do
  echo
  echo "== POST /v1/auth/login, 2 wrk threads, $connections connections, 10s (Argon2id 64 MiB, 2 passes)"
  wrk -t2 -c"$connections" -d10s --latency -s "$dir/login.lua" "$base/v1/auth/login" | tee "$dir/wrk-login"
  echo "load average after logins: $(load)"
done
