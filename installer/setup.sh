#!/usr/bin/env bash
# Shared by run.sh and test.sh: installs the Debian packages the build needs (only the missing
# ones), then configures and builds Topolab into $TOPOLAB_BUILD_DIR (default: <repo>/build).
#   installer/setup.sh [more Debian packages to install when missing]
# $TOPOLAB_CMAKE_OPTIONS, when set, is added to the configure step (e.g. -DTOPOLAB_WITH_MPI=ON).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TOPOLAB_BUILD_DIR:-$repo/build}

packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    libboost-graph-dev libssh-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
    libbenchmark-dev fonts-dejavu-core
    graphviz python3 python3-yaml
    haproxy bind9-utils
)
# Packages named on the command line (test.sh's list of what only the tests need) are installed
# the same way, when missing.
packages+=("$@")

missing_packages() {
    local p
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$p"
        fi
    done
}

install_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    if [ ${#missing[@]} -eq 0 ]; then
        echo "topolab: all build dependencies are installed"
        return
    fi
    echo "topolab: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || {
            echo "topolab: need root (or sudo) to install: ${missing[*]}" >&2
            exit 1
        }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    local generator=()
    if [ ! -f "$build_dir/CMakeCache.txt" ] && command -v ninja >/dev/null; then
        generator=(-G Ninja)
    fi
    local options=()
    read -r -a options <<< "${TOPOLAB_CMAKE_OPTIONS:-}"
    cmake -S "$repo" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "${options[@]}"
    # In an existing build tree, CMake 3.25's AUTOMOC does not notice a Q_OBJECT header newly
    # picked up by a source glob (the link then misses its meta-object); dropping the autogen
    # stamps makes it rescan, which costs seconds.
    find "$build_dir" -path '*_autogen/timestamp' -delete 2>/dev/null || true
    cmake --build "$build_dir" -j2
}

install_packages
configure_and_build
