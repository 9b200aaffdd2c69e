#!/usr/bin/env bash
# make-deb.sh BUILD_DIR OUT_DIR (`make deb`): OUT_DIR/civicdesk_{version}_{arch}.deb from a release
# build whose Swift runtime is linked in (--static-swift-stdlib), so the package depends on Debian
# packages only: those holding the shared libraries the binary loads (found with ldd and dpkg -S,
# so the list follows the code), and pcscd, the reader service. The files are those of
# `make install` under /usr (scripts/install.sh); dpkg's triggers refresh the desktop, MIME and
# icon caches, so the package needs no maintainer scripts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR OUT_DIR" >&2; exit 2; }
build=$1 out=$2
version=$(sed -n 's/.*static let number = "\(.*\)".*/\1/p' "$root/Sources/CivicCore/Version.swift")
arch=$(dpkg --print-architecture)
stage=$(mktemp -d "${TMPDIR:-/tmp}/civicdesk-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
package=$stage/civicdesk

DESTDIR=$package PREFIX=/usr "$root/scripts/install.sh" install "$build"
install -D -m 0644 "$root/LICENSE" "$package/usr/share/doc/civicdesk/copyright"
# Debian ships programs without their symbol tables (96 MB → 65 MB here).
strip --strip-unneeded "$package/usr/bin/civicdesk"

# The Debian package of every shared library the program links (its NEEDED entries, where ldd
# finds them); a library no package holds (a Swift runtime library from /opt/swift) would be
# missing on the user's machine: refuse.
program=$package/usr/bin/civicdesk
depends=()
for needed in $(readelf -d "$program" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
    case $needed in ld-linux*) continue ;; esac # the dynamic loader, libc6's
    library=$(ldd "$program" | awk -v name="$needed" '$1 == name && $3 ~ /^\// { print $3 }')
    [ -n "$library" ] || { echo "make-deb: $needed is not found on this machine" >&2; exit 1; }
    real=$(readlink -f "$library")
    owner=$(dpkg -S "$library" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$library" 2>/dev/null || true)
    [ -n "$owner" ] || { echo "make-deb: $library comes from no Debian package; link it statically" >&2; exit 1; }
    depends+=("${owner%%:*}")
done
depends_line=$(printf '%s\n' "${depends[@]}" pcscd | LC_ALL=C sort -u | paste -sd, - | sed 's/,/, /g')

mkdir -p "$package/DEBIAN"
cat >"$package/DEBIAN/control" <<CONTROL
Package: civicdesk
Version: $version
Architecture: $arch
Maintainer: CivicDesk developers <dev@civicdesk.tw>
Installed-Size: $(du -sk --exclude=DEBIAN "$package" | cut -f1)
Depends: $depends_line
Recommends: opensc-pkcs11
Section: utils
Priority: optional
Homepage: https://civicdesk.tw
Description: Taiwan e-government smart-card paperwork in one desktop program
 CivicDesk does the card-based paperwork of Taiwan's e-government in one native,
 offline program: petition rosters decrypted, checked and packed with the lead
 person's citizen certificate card (自然人憑證), agency certificate registration
 and clerks' permissions, official letters (公文), and the readers, cards and
 certificates with PIN changes.
CONTROL
mkdir -p "$out"
deb=$out/civicdesk_${version}_${arch}.deb
dpkg-deb --root-owner-group --build "$package" "$deb" >/dev/null
echo "$deb"
