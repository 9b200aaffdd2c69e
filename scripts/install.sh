#!/usr/bin/env bash
# install.sh install|uninstall BUILD_DIR: lays out (or removes) CivicDesk under $DESTDIR$PREFIX
# as the freedesktop standards say — `make install` / `make uninstall`, and the Debian package
# (scripts/make-deb.sh) installs the same files under /usr:
#   bin/civicdesk                                   the program (from BUILD_DIR)
#   share/applications/tw.civicdesk.CivicDesk.desktop, share/metainfo/….metainfo.xml
#   share/icons/hicolor/{scalable,symbolic}/apps/…  the icons
#   share/mime/packages/tw.civicdesk.CivicDesk.xml  the .cec and .di file types
#   share/locale/{lang}/LC_MESSAGES/civicdesk.mo    the catalogues of po/
#   share/civicdesk/                                data the areas read (templates, DTDs, catalogues)
# The program finds share/ beside its bin/ (Sources/CivicServices/Folders/InstalledFiles.swift).
# Without DESTDIR the desktop's caches are brought up to date afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 2 ] || { echo "usage: $0 install|uninstall BUILD_DIR" >&2; exit 2; }
action=$1 build=$2
prefix=${PREFIX:-/usr/local}
target=${DESTDIR:-}$prefix
id=tw.civicdesk.CivicDesk
languages=$(grep -v '^#' "$root/po/LINGUAS")
# What the areas read at run time, where present in this version (paths under data/).
data_items=(templates di permissions.json agencies.csv)

# source destination mode: one line per installed file (the source empty for catalogues, made here).
files() {
    echo "$build/civicdesk bin/civicdesk 0755"
    echo "$root/Resources/$id.desktop share/applications/$id.desktop 0644"
    echo "$root/Resources/$id.metainfo.xml share/metainfo/$id.metainfo.xml 0644"
    echo "$root/Resources/icons/$id.svg share/icons/hicolor/scalable/apps/$id.svg 0644"
    echo "$root/Resources/icons/$id-symbolic.svg share/icons/hicolor/symbolic/apps/$id-symbolic.svg 0644"
    echo "$root/Resources/$id.mime.xml share/mime/packages/$id.xml 0644"
    for language in $languages; do
        echo "- share/locale/$language/LC_MESSAGES/civicdesk.mo 0644"
    done
}

refresh_caches() {
    [ -z "${DESTDIR:-}" ] || return 0
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$target/share/applications" || true
    command -v update-mime-database >/dev/null && update-mime-database "$target/share/mime" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$target/share/icons/hicolor" || true
}

case "$action" in
    install)
        [ -x "$build/civicdesk" ] || { echo "install: $build/civicdesk is not built" >&2; exit 1; }
        catalogues=$(mktemp -d "${TMPDIR:-/tmp}/civicdesk-mo.XXXXXX")
        trap 'rm -rf "$catalogues"' EXIT
        "$root/scripts/i18n.sh" compile "$catalogues"
        while read -r source destination mode; do
            [ "$source" = - ] && source=$catalogues/${destination#share/locale/}
            install -D -m "$mode" "$source" "$target/$destination"
        done < <(files)
        for item in "${data_items[@]}"; do
            [ -e "$root/data/$item" ] || continue
            mkdir -p "$target/share/civicdesk"
            cp -R --no-preserve=ownership "$root/data/$item" "$target/share/civicdesk/"
            chmod -R u=rwX,go=rX "$target/share/civicdesk/$item"
        done
        refresh_caches
        ;;
    uninstall)
        while read -r _ destination _; do rm -f "$target/$destination"; done < <(files)
        rm -rf "$target/share/civicdesk"
        refresh_caches
        ;;
    *)
        echo "usage: $0 install|uninstall BUILD_DIR" >&2
        exit 2
        ;;
esac
