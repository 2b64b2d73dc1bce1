#!/usr/bin/env bash
# Builds Topolab and runs every test suite except benchmarks (label `bench`).
#   installer/test.sh [extra ctest arguments, e.g. -L gui or -R yaml]
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TOPOLAB_BUILD_DIR:-$repo/build}

"$repo/installer/setup.sh"

export QT_QPA_PLATFORM=offscreen
cd "$build_dir"
ctest --output-on-failure --label-exclude bench -j2 "$@"
