# Sourced: makes a zh_TW.UTF-8 locale available (compiled once into .build/locale when the system
# has none) and selects it when the user's locale is C or POSIX, so Chinese text gets Chinese fonts.
_civic_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "${LC_ALL:-${LANG:-C}}" in
    C|C.*|POSIX|"")
        if ! locale -a 2>/dev/null | grep -qi '^zh_TW\.utf-\?8$'; then
            if [ ! -d "$_civic_root/.build/locale/zh_TW.UTF-8" ]; then
                mkdir -p "$_civic_root/.build/locale"
                localedef -i zh_TW -f UTF-8 "$_civic_root/.build/locale/zh_TW.UTF-8" 2>/dev/null || true
            fi
            export LOCPATH="$_civic_root/.build/locale"
        fi
        export LANG=zh_TW.UTF-8
        unset LC_ALL
        ;;
esac
unset _civic_root
