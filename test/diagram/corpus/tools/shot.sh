#!/bin/sh
# Renders a corpus drawing to PNG through headless Chromium: shot.sh <file> <out.png> [--roles]
set -e
dir=$(mktemp -d)
size=$(node "$(dirname "$0")/render.mjs" "$1" "$dir/d.svg" $3 | sed 's/.*: //')
w=${size%x*}; h=${size#*x}
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$dir/profile" --hide-scrollbars \
  --window-size="$w,$h" --screenshot="$2" "file://$dir/d.svg" >/dev/null 2>&1
rm -rf "$dir"
echo "$2"
