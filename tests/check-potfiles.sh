#!/usr/bin/env bash
# Every source file with translatable strings is listed in po/POTFILES.in.
set -eu
root=$1
cd "$root"
missing=0
for file in $(grep -l '_(' src --include='*.c' -r | sort); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "$file has translatable strings but is not in po/POTFILES.in"
    missing=1
  fi
done
while read -r file; do
  [ -z "$file" ] || [ -f "$file" ] || { echo "po/POTFILES.in lists $file, which does not exist"; missing=1; }
done < po/POTFILES.in
exit $missing
