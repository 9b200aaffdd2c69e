#!/usr/bin/env bash
# Measures the 公文 (official letter) pipeline on a long letter in a release build: export and
# import of the DI exchange file, and the PDF's render time per page. Sizes: CIVIC_BENCH_DOC_PAGES (default 20: the
# letter gets as many 說明 items as fill exactly that many pages, and each stage stops if it renders
# any other count), CIVIC_BENCH_DOC_ROUNDS (20; medians are printed).
# Each stage is a subcommand of civicdesk-docbench; a new stage adds its subcommand and a
# section below.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
pages=${CIVIC_BENCH_DOC_PAGES:-20}
rounds=${CIVIC_BENCH_DOC_ROUNDS:-20}

swift build -c release --product civicdesk-docbench
bench=.build/release/civicdesk-docbench

echo "== DI exchange file ($pages pages, $rounds rounds)"
"$bench" di --pages "$pages" --rounds "$rounds"

echo "== PDF rendering ($pages pages, $rounds rounds)"
"$bench" render --pages "$pages" --rounds "$rounds"
