#!/usr/bin/env bash
# Builds the Debian package of Topolab: installs what packaging needs (help2man for the manual
# pages, dpkg-dev for the computed Depends), builds, then runs CPack in the build tree.
#   installer/package.sh          writes build/topolab_VERSION_ARCH.deb and prints its path
# Install it with `apt install ./build/topolab_*.deb` (apt resolves the Depends).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TOPOLAB_BUILD_DIR:-$repo/build}

# The desktop package leaves MPI out (clusters build from source: docs/cluster.md), also when
# this build tree was configured with it for the tests.
export TOPOLAB_CMAKE_OPTIONS="-DTOPOLAB_WITH_MPI=OFF ${TOPOLAB_CMAKE_OPTIONS:-}"
"$repo/installer/setup.sh" help2man dpkg-dev

cd "$build_dir"
cpack -G DEB >/dev/null
deb=$(ls -t "$build_dir"/topolab_*.deb | head -n 1)
echo "$deb"
