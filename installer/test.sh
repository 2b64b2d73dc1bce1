#!/usr/bin/env bash
# Builds Topolab and runs every test suite except benchmarks (label `bench`).
#   installer/test.sh [extra ctest arguments, e.g. -L gui or -R yaml]
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TOPOLAB_BUILD_DIR:-$repo/build}

# What only the tests need (run.sh installs none of it): the deploy suites run real servers on
# network namespaces (tests/deploy/rig/rig.sh), and a benchmark compares a deploy with Ansible.
test_packages=(
    openssh-server haproxy postgresql tinc dnsmasq-base bind9 bind9-utils
    iproute2 curl util-linux ansible-core
)
# The package test builds the Debian package and checks it with Debian's own tools.
test_packages+=(help2man dpkg-dev lintian desktop-file-utils appstream shared-mime-info man-db)
# Open MPI, to check that a sweep across the processes of an MPI job writes what a threaded one
# does; topolab-cli is built with TOPOLAB_WITH_MPI for it.
test_packages+=(libopenmpi-dev openmpi-bin)
export TOPOLAB_CMAKE_OPTIONS="${TOPOLAB_CMAKE_OPTIONS:-} -DTOPOLAB_WITH_MPI=ON"
# Node.js and npm, for s3rver. A Node.js from outside Debian brings its own npm, which Debian's
# `npm` package conflicts with: each is asked for only when its command is missing.
command -v node >/dev/null || test_packages+=(nodejs)
command -v npm >/dev/null || test_packages+=(npm)

"$repo/installer/setup.sh" "${test_packages[@]}"

export QT_QPA_PLATFORM=offscreen
cd "$build_dir"
ctest --output-on-failure --label-exclude bench -j2 "$@"
