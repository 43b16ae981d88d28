#!/usr/bin/env bash
# The committed samples are exactly what their generator writes.
set -eu
root=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$root/samples/generate-samples.py" --out "$out"
for file in "$out"/*; do
  cmp "$file" "$root/samples/$(basename "$file")"
done
echo "samples match their generator"
