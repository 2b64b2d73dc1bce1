#!/usr/bin/env bash
# The Debian package as a user gets it: built by CPack from this build tree, unpacked into a
# scratch root, and checked the way Debian's own tools check such a package.
#   package_test.sh BUILD_DIR
# Checks: lintian finds no error or warning; the control fields (name, the project's version,
# Depends computed by dpkg-shlibdeps, naming the package of every library the binaries link and
# resolvable by apt); the installed topolab-cli's --version and `validate` of every installed
# example; `topolab --export` of one, offscreen; desktop-file-validate, appstreamcli validate
# --no-net, the MIME type compiled by update-mime-database, the icons at their sizes, and the
# manual pages rendered by man without a warning.
set -uo pipefail

build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
need() {
    command -v "$1" >/dev/null || { echo "FAIL: $1 is missing (installer/test.sh installs it)" >&2; exit 1; }
}
for tool in cpack dpkg-deb dpkg-shlibdeps apt-get desktop-file-validate appstreamcli \
            update-mime-database man help2man python3 readelf lintian; do
    need "$tool"
done

# --- build ------------------------------------------------------------------------------------
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack could not build the package" >&2
    exit 1
fi
deb=$(ls "$work"/out/topolab_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "FAIL: cpack wrote no topolab_*.deb" >&2; exit 1; }
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- control fields ---------------------------------------------------------------------------
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ "$(dpkg-deb -f "$deb" Package)" = topolab ] || fail "Package is not topolab"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version $(dpkg-deb -f "$deb" Version) is not the project's $version"
depends=$(dpkg-deb -f "$deb" Depends)
[ -n "$depends" ] || fail "no Depends"
echo "Depends: $depends"
depends_names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*//; s/[[:space:]]//g; s/:.*//' | sort -u)

root=$work/root
dpkg-deb -x "$deb" "$root"
for program in topolab topolab-cli; do
    binary=$root/usr/bin/$program
    [ -x "$binary" ] || { fail "/usr/bin/$program is not installed"; continue; }
    # Every library the program links directly comes from a package Depends names (the
    # libraries' own dependencies are their packages' business).
    needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    for soname in $needed; do
        # The dynamic loader is libc6's, which Depends names first.
        [[ $soname == ld-linux* ]] && continue
        path=$(ldd "$binary" | awk -v n="$soname" '$1 == n && $3 ~ /^\// { print $3 }')
        owner=
        for candidate in "$path" "${path/#\/usr\/lib/\/lib}" "${path/#\/lib/\/usr\/lib}"; do
            [ -n "$candidate" ] && owner=$(dpkg -S "$candidate" 2>/dev/null | head -n 1 | cut -d: -f1)
            [ -n "$owner" ] && break
        done
        if [ -z "$owner" ]; then
            fail "$program links $soname ($path), which no installed package holds"
        elif ! grep -qx "$owner" <<<"$depends_names"; then
            fail "$program links $soname from $owner, which Depends does not name"
        fi
    done
done
apt-get install --simulate -qq "$deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt cannot resolve the package's Depends"; }

# lintian, Debian's package checker: no errors and no warnings.
lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1
if grep -q '^[EW]: ' "$work/lintian.log"; then
    grep '^[EW]: ' "$work/lintian.log" >&2
    fail "lintian found errors or warnings"
fi

# --- the programs -----------------------------------------------------------------------------
cli=$root/usr/bin/topolab-cli
[ "$("$cli" --version)" = "topolab-cli $version" ] || fail "topolab-cli --version says '$("$cli" --version)'"
examples=("$root"/usr/share/topolab/examples/*.topolab.yaml)
[ -f "${examples[0]}" ] || fail "no examples under /usr/share/topolab/examples"
for example in "${examples[@]}"; do
    "$cli" validate "$example" >"$work/validate.log" 2>&1 \
        || { cat "$work/validate.log" >&2; fail "validate $(basename "$example")"; }
done
QT_QPA_PLATFORM=offscreen "$root/usr/bin/topolab" --export "$work/picture.svg" "${examples[0]}" \
    || fail "topolab --export exited $?"
python3 -c 'import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); assert d.documentElement.tagName == "svg"' \
    "$work/picture.svg" 2>/dev/null || fail "topolab --export wrote no SVG document"
python3 -m py_compile "$root/usr/share/topolab/deploy/demo-app.py" || fail "demo-app.py does not compile"
[ -f "$root/usr/share/doc/topolab/copyright" ] || fail "no /usr/share/doc/topolab/copyright"
zcat "$root/usr/share/doc/topolab/changelog.gz" 2>/dev/null | head -n 1 | grep -q "^topolab ($version) " \
    || fail "changelog.gz does not start with this version"

# --- desktop integration ----------------------------------------------------------------------
id=org.topolab.Topolab
desktop=$root/usr/share/applications/$id.desktop
desktop-file-validate "$desktop" || fail "desktop-file-validate refused $id.desktop"
exec_line=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root/usr/bin/$exec_line" ] || fail "the desktop entry runs '$exec_line', which is not in /usr/bin"
grep -qx "Icon=$id" "$desktop" || fail "the desktop entry's icon is not $id"
grep -q '^MimeType=.*application/x-topolab+yaml;' "$desktop" || fail "the desktop entry does not open application/x-topolab+yaml"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" \
    || fail "appstreamcli refused $id.metainfo.xml"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$id.metainfo.xml" \
    || fail "the metainfo's release is not $version"
update-mime-database "$root/usr/share/mime" >/dev/null 2>&1 || fail "update-mime-database refused the MIME type"
grep -q '^[0-9]*:application/x-topolab+yaml:\*\.topolab\.yaml$' "$root/usr/share/mime/globs2" \
    || fail "*.topolab.yaml is not registered as application/x-topolab+yaml"
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$id.svg" ] || fail "no scalable icon"
for size in 16 22 24 32 48 64 128 256 512; do
    png=$root/usr/share/icons/hicolor/${size}x$size/apps/$id.png
    [ -f "$png" ] || { fail "no ${size}x$size icon"; continue; }
    actual=$(python3 -c 'import struct, sys; h = open(sys.argv[1], "rb").read(24); assert h[:8] == b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", h[16:24]))' "$png" 2>/dev/null)
    [ "$actual" = "${size}x$size" ] || fail "the ${size}x$size icon is '$actual'"
done

# --- manual pages -----------------------------------------------------------------------------
for program in topolab-cli topolab; do
    page=$root/usr/share/man/man1/$program.1.gz
    [ -f "$page" ] || { fail "no manual page for $program"; continue; }
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >"$work/$program.txt")
    [ -z "$warnings" ] || fail "man warns about $program.1: $warnings"
done
for command in validate analyze simulate export render plan deploy format; do
    grep -q "^   $command\$" "$work/topolab-cli.txt" || fail "topolab-cli(1) has no section for $command"
done

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "the package passed every check"
