#!/usr/bin/env bash
# Fuzz/build.sh [TARGET...]: builds the libFuzzer targets of Fuzz/Targets/ (all, or those named)
# into .build-fuzz/bin/, outside SwiftPM so the normal `swift build` never sees them.
#
# The modules a target reads (CivicCore; CivicCrypto with its C shim and libcrypto;
# CivicDocumentExchange with CivicFiles and libxml2) are compiled once with the sanitizers' instrumentation and `-enable-testing`, so a target can
# `@testable import` the internal parsers it drives; they are rebuilt when a source is newer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/.build-fuzz
export PATH=/opt/swift/usr/bin:$PATH
sanitize=(-sanitize=fuzzer,address)
swift_flags=(-O -g -swift-version 6 -parse-as-library "${sanitize[@]}" -use-ld=lld
             -I "$out/modules" -I "$root/Sources/COpenSSL" -I "$out/modules/COpenSSLShim"
             -I "$root/Sources/CLibXML2" $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g'))
mkdir -p "$out/modules/COpenSSLShim" "$out/lib" "$out/bin"

# True when $1 is missing or older than any of the files after it.
stale() {
    local product=$1; shift
    [ -e "$product" ] || return 0
    [ -n "$(find "$@" -newer "$product" -print -quit)" ]
}

# Swift module $1 from Sources/$1, linked as a static library; rebuilt when its sources or the
# libraries after $1 (those it imports) are newer.
module() {
    local name=$1; shift
    local sources=("$root/Sources/$name")
    stale "$out/lib/lib$name.a" "${sources[@]}" "$@" "$0" || return 0
    echo "fuzz build: module $name" >&2
    mapfile -t files < <(find "${sources[@]}" -name '*.swift' | sort)
    swiftc "${swift_flags[@]}" -enable-testing -wmo -module-name "$name" -emit-library -static \
        -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -o "$out/lib/lib$name.a" "${files[@]}"
}

shim() {
    local object=$out/lib/COpenSSLShim.o
    stale "$object" "$root/Sources/COpenSSLShim" "$0" || return 0
    echo "fuzz build: COpenSSLShim" >&2
    # SwiftPM makes this module map for a C target without one.
    printf 'module COpenSSLShim {\n    umbrella header "%s"\n    export *\n}\n' \
        "$root/Sources/COpenSSLShim/include/COpenSSLShim.h" >"$out/modules/COpenSSLShim/module.modulemap"
    local objects=()
    for file in "$root"/Sources/COpenSSLShim/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -I "$root/Sources/COpenSSLShim/include" \
            "$file" -o "$out/lib/$(basename "$file" .c).o"
        objects+=("$out/lib/$(basename "$file" .c).o")
    done
    ld.lld -r "${objects[@]}" -o "$object"
}

# What target $1 links beyond CivicCore: its `// fuzz-links:` line.
links_of() {
    sed -n 's|^// fuzz-links: *||p' "$root/Fuzz/Targets/$1.swift" 2>/dev/null | head -1
}

# Target $1 from Fuzz/Targets/$1.swift; `// fuzz-links: Crypto` in it links CivicCrypto too,
# `// fuzz-links: DocumentExchange` CivicDocumentExchange (with CivicFiles and libxml2).
target() {
    local name=$1 file=$root/Fuzz/Targets/$1.swift
    [ -f "$file" ] || { echo "fuzz build: no target $name" >&2; exit 2; }
    local links=(-lCivicCore)
    case "$(links_of "$name")" in
        Crypto) links=(-lCivicCrypto -lCivicCore "$out/lib/COpenSSLShim.o" -lcrypto) ;;
        DocumentExchange) links=(-lCivicDocumentExchange -lCivicFiles -lCivicCore -lxml2) ;;
    esac
    stale "$out/bin/$name" "$file" "$root/Fuzz/Support" "$out/lib" "$0" || return 0
    echo "fuzz build: target $name" >&2
    swiftc "${swift_flags[@]}" -module-name "Fuzz_${name//-/_}" "$file" "$root"/Fuzz/Support/*.swift \
        -L "$out/lib" "${links[@]}" -o "$out/bin/$name"
}

if [ $# -eq 0 ]; then
    set -- $(cd "$root/Fuzz/Targets" && ls *.swift | sed 's/\.swift$//')
fi
# Only the modules the named targets link are built.
needs=" $(for name in "$@"; do links_of "$name"; done | sort -u | tr '\n' ' ')"
module CivicCore
if [[ $needs == *" Crypto "* ]]; then
    shim
    module CivicCrypto "$out/lib/libCivicCore.a" "$out/lib/COpenSSLShim.o"
fi
if [[ $needs == *" DocumentExchange "* ]]; then
    module CivicFiles "$out/lib/libCivicCore.a"
    module CivicDocumentExchange "$out/lib/libCivicCore.a" "$out/lib/libCivicFiles.a"
fi
for name in "$@"; do target "$name"; done
