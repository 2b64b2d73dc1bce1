#!/usr/bin/env bash
# Builds Topolab and opens the bundled single-region example in the GUI.
#   installer/run.sh             GUI (falls back to the headless job when there is no display)
#   installer/run.sh --headless  the same example in the terminal: validate, analyze, simulate
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TOPOLAB_BUILD_DIR:-$repo/build}
example=$repo/resources/examples/single-region.topolab.yaml

headless=0
case "${1:-}" in
    --headless) headless=1 ;;
    "") ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: installer/run.sh [--headless]" >&2; exit 2 ;;
esac

"$repo/installer/setup.sh"

if [ $headless -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "topolab: no display found (DISPLAY and WAYLAND_DISPLAY are unset);" \
         "running the headless job instead"
    headless=1
fi

if [ $headless -eq 1 ]; then
    "$build_dir/app/topolab-cli" validate "$example"
    "$build_dir/app/topolab-cli" analyze "$example"
    echo
    # 40 simulated minutes instead of the scenario's hour: long enough for both scheduled
    # failures (lb-1 at 10 min, the database failover at 30 min), short enough to wait for.
    exec "$build_dir/app/topolab-cli" simulate "$example" --duration 2400
fi
exec "$build_dir/app/topolab" "$example"
