#!/usr/bin/env bash
# check-packaging.sh BUILD_DIR DEB_DIR (`make check-packaging`, part of `make test`): what the desktop reads
# about CivicDesk is valid and agrees with the program — the desktop entry (desktop-file-validate),
# the AppStream metainfo (appstreamcli validate --no-net), the file types (update-mime-database),
# the catalogues (msgfmt --check), the id, version and homepage in Version.swift, the icons found
# by name by GTK's icon theme in an installed tree, and the Debian package's contents (dpkg-deb -c).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR DEB_DIR" >&2; exit 2; }
build=$1 debs=$2
id=tw.civicdesk.CivicDesk
work=$(mktemp -d "${TMPDIR:-/tmp}/civicdesk-packaging.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "check-packaging: $*" >&2; failures=$((failures + 1)); }
swift_constant() { sed -n "s/.*static let $1 = \"\\(.*\\)\".*/\\1/p" Sources/CivicCore/Version.swift; }

desktop-file-validate "Resources/$id.desktop" || fail "the desktop entry is not valid"
appstreamcli validate --no-net --pedantic "Resources/$id.metainfo.xml" || fail "the metainfo is not valid"

# One id, one version, one homepage.
[ "$(swift_constant applicationID)" = "$id" ] || fail "Version.swift's applicationID is not $id"
grep -q "^Icon=$id$" "Resources/$id.desktop" || fail "the desktop entry's icon is not $id"
grep -q "<id>$id</id>" "Resources/$id.metainfo.xml" || fail "the metainfo's id is not $id"
newest=$(grep -o '<release version="[^"]*"' "Resources/$id.metainfo.xml" | head -n1 | cut -d'"' -f2)
[ "$newest" = "$(swift_constant number)" ] || fail "the metainfo's newest release $newest is not Version.swift's $(swift_constant number)"
grep -q "<url type=\"homepage\">$(swift_constant website)</url>" "Resources/$id.metainfo.xml" \
    || fail "the metainfo's homepage is not Version.swift's website"

# The file types: shared-mime-info reads them, and the desktop entry opens both.
mkdir -p "$work/mime/packages"
cp "Resources/$id.mime.xml" "$work/mime/packages/$id.xml"
XDG_DATA_HOME=$work update-mime-database "$work/mime" 2>"$work/mime.log" && ! grep -q . "$work/mime.log" || fail "the MIME types: $(cat "$work/mime.log")"
for glob in '*.cec' '*.di'; do
    grep -qF ":$glob" "$work/mime/globs2" || fail "no MIME type for $glob"
done
for type in $(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "Resources/$id.mime.xml"); do
    grep -q "^MimeType=.*$type;" "Resources/$id.desktop" || fail "the desktop entry does not open $type"
done

for po in po/*.po; do msgfmt --check -o /dev/null "$po" || fail "$po does not compile"; done

# The icons, by name, from an installed tree (GTK's own lookup, as the shell's grid does).
DESTDIR=$work/root PREFIX=/usr scripts/install.sh install "$build" >/dev/null
/usr/bin/python3 scripts/icon-lookup.py "$work/root/usr/share/icons" "$id" "$id-symbolic" || fail "GTK's icon theme does not find the icons"

# The package: its files, and the libraries it depends on.
deb=$(ls -t "$debs"/civicdesk_*.deb | head -n1)
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$work/contents"
for path in /usr/bin/civicdesk "/usr/share/applications/$id.desktop" "/usr/share/metainfo/$id.metainfo.xml" \
            "/usr/share/icons/hicolor/scalable/apps/$id.svg" "/usr/share/icons/hicolor/symbolic/apps/$id-symbolic.svg" \
            "/usr/share/mime/packages/$id.xml" /usr/share/locale/en/LC_MESSAGES/civicdesk.mo /usr/share/doc/civicdesk/copyright; do
    grep -qxF "$path" "$work/contents" || fail "$deb has no $path"
done
depends=$(dpkg-deb -f "$deb" Depends)
for package in libgtk-4-1 libadwaita-1-0 libpcsclite1 libssl3 libsqlite3-0 pcscd; do
    [[ ", $depends," == *", $package,"* ]] || fail "$deb does not depend on $package ($depends)"
done
dpkg-deb -x "$deb" "$work/deb"
if ldd "$work/deb/usr/bin/civicdesk" | grep -E 'libswift|libFoundation|not found'; then
    fail "the packaged program loads libraries no Debian package provides"
fi

[ $failures -eq 0 ] || exit 1
echo "check-packaging: desktop entry, metainfo, file types, catalogues, icons and $(basename "$deb") ($(wc -l <"$work/contents") entries) are in order"
