#!/usr/bin/env bash
# The gettext catalogues in po/ (the window's texts are written in Traditional Chinese, in tr("…")):
#   i18n.sh pot           po/civicdesk.pot from the sources (scripts/i18n-extract.py)
#   i18n.sh update        the pot, then every po/{lang}.po of po/LINGUAS merged with it; zh_TW.po,
#                         the source language, holds the texts themselves
#   i18n.sh compile DIR   DIR/{lang}/LC_MESSAGES/civicdesk.mo for every language (msgfmt --check)
#   i18n.sh check         fails when the pot misses a string of the sources, or en.po a translation
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
languages=$(grep -v '^#' po/LINGUAS)
work=$(mktemp -d "${TMPDIR:-/tmp}/civicdesk-i18n.XXXXXX")
trap 'rm -rf "$work"' EXIT

extract() { # extract OUTPUT.pot
    find Sources -name '*.swift' -print0 | LC_ALL=C sort -z | xargs -0 scripts/i18n-extract.py "$1" >/dev/null
}

# A new catalogue for language $1: the pot with its Language header.
new_po() {
    sed "s/^\"Content-Transfer-Encoding: 8bit\\\\n\"$/&\n\"Language: $1\\\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\\\n\"/" po/civicdesk.pot
}

case "${1:-}" in
    pot)
        extract po/civicdesk.pot
        ;;
    update)
        extract po/civicdesk.pot
        for language in $languages; do
            if [ "$language" = zh_TW ]; then
                new_po zh_TW | msgen --no-wrap - -o po/zh_TW.po
            elif [ -f "po/$language.po" ]; then
                msgmerge --quiet --no-wrap --update --backup=none --no-fuzzy-matching "po/$language.po" po/civicdesk.pot
            else
                new_po "$language" > "po/$language.po"
            fi
        done
        echo "po/: $(($(grep -c '^msgid ' po/civicdesk.pot) - 1)) strings"
        ;;
    compile)
        [ $# -eq 2 ] || { echo "usage: $0 compile DIR" >&2; exit 2; }
        for language in $languages; do
            mkdir -p "$2/$language/LC_MESSAGES"
            msgfmt --check -o "$2/$language/LC_MESSAGES/civicdesk.mo" "po/$language.po"
        done
        ;;
    check)
        extract "$work/civicdesk.pot"
        if ! diff <(grep '^msgid' po/civicdesk.pot) <(grep '^msgid' "$work/civicdesk.pot") >"$work/pot.diff"; then
            echo "i18n: po/civicdesk.pot is not the sources' strings (run scripts/i18n.sh update):" >&2
            grep '^[<>]' "$work/pot.diff" | sed 's/^</  only in the pot:/; s/^>/  only in the sources:/' >&2
            exit 1
        fi
        msgmerge --quiet --no-wrap --no-fuzzy-matching po/en.po "$work/civicdesk.pot" -o "$work/en.po"
        msgattrib --no-wrap --force-po --untranslated "$work/en.po" -o "$work/missing.po"
        msgattrib --no-wrap --force-po --only-fuzzy "$work/en.po" -o "$work/fuzzy.po"
        msgcat --no-wrap --force-po "$work/missing.po" "$work/fuzzy.po" -o "$work/todo.po"
        missing=$(($(grep -c '^msgid ' "$work/todo.po") - 1))
        if [ "$missing" -gt 0 ]; then
            echo "i18n: $missing strings have no English translation in po/en.po:" >&2
            sed '1,/^$/d' "$work/todo.po" >&2
            exit 1
        fi
        for language in $languages; do msgfmt --check -o /dev/null "po/$language.po"; done
        echo "i18n: all $(($(grep -c '^msgid ' po/civicdesk.pot) - 1)) strings translated into English"
        ;;
    *)
        echo "usage: $0 pot|update|compile DIR|check" >&2
        exit 2
        ;;
esac
