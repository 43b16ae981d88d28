#!/usr/bin/env bash
# Runs every test twice: in a -Werror build and in an AddressSanitizer +
# UndefinedBehaviorSanitizer build. Ends with the line "N passed, N failed",
# counted from meson's testlog.json of both builds.
set -uo pipefail
cd "$(dirname "$0")/.."

failed_builds=0

run_build () {
  local dir=$1
  shift
  if [ ! -d "$dir" ]; then
    meson setup "$dir" -Dwerror=true "$@" || { failed_builds=$((failed_builds + 1)); return; }
  fi
  meson compile -C "$dir" || { failed_builds=$((failed_builds + 1)); return; }
  meson test -C "$dir" --print-errorlogs --num-processes 2
}

run_build _build
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_build _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug

python3 - "$failed_builds" _build _build-sanitize <<'PY'
import json, os, sys

passed = failed = int(sys.argv[1])
passed = 0
for build in sys.argv[2:]:
    log = os.path.join(build, "meson-logs", "testlog.json")
    if not os.path.exists(log):
        continue
    with open(log) as f:
        for line in f:
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result != "SKIP":
                failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
