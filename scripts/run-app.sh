#!/usr/bin/env bash
# Starts the built CivicDesk window with Chinese fonts selected when the locale is C, on the demo
# cards: a card lab (scripts/card-lab.sh) with 王大明's 自然人憑證 in the first reader and an
# agency card (GCA) in the second, stopped when the window closes, and the demo workspace
# (scripts/demo-data.sh: a petition case with batches waiting in a demo Downloads folder, the
# test PKI's CAs as trust anchors). CIVICDESK_REAL_CARDS=1 uses the machine's own pcscd,
# readers and workspace instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The build to run (`make run`: the release build); the card lab and the demo use its tools too.
export CIVICDESK_BUILD_DIR=${CIVICDESK_BUILD_DIR:-$root/.build/debug}
. "$root/scripts/zh-locale.sh"
if [ "${CIVICDESK_REAL_CARDS:-0}" != 1 ]; then
    lab=$(mktemp -d "${TMPDIR:-/tmp}/civicdesk-lab.XXXXXX")
    trap '"$root/scripts/card-lab.sh" stop "$lab"; rm -rf "$lab"' EXIT
    if "$root/scripts/card-lab.sh" start "$lab" --owner $$ --second-card agency:gca >/dev/null; then
        . "$lab/env"
        export CIVICDESK_TRUST_DIR="$root/data/test-pki/trust"
        if "$root/scripts/demo-data.sh" >/dev/null; then
            . "$root/.build/demo/env"
        else
            echo "run-app: the demo workspace could not be made (scripts/demo-data.sh); CivicDesk uses your own" >&2
        fi
    else
        echo "run-app: the demo cards did not start; CivicDesk uses this machine's readers" >&2
    fi
fi
"$CIVICDESK_BUILD_DIR/civicdesk" "$@"
