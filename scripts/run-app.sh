#!/usr/bin/env bash
# Starts the built CivicDesk window with Chinese fonts selected when the locale is C, on the demo
# cards: a card lab (scripts/card-lab.sh) with 王大明's 自然人憑證 in the first reader and the
# demo office's agency card (GCA, 數位發展部資訊處, 機關代號 10001) in the second, stopped when the
# window closes, and the demo workspace (scripts/demo-data.sh: a petition case with batches
# waiting in a demo Downloads folder, the test PKI's CAs as trust anchors). It prints how to
# swap the cards, e.g. the administrator's (林志強) for 王大明's. CIVICDESK_REAL_CARDS=1 uses the
# machine's own pcscd, readers and workspace instead.
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
        control="$root/.build/debug/civicdesk-cardsim control"
        cat >&2 <<EOF
run-app: demo cards (PIN 123456): reader 1 "$CIVICDESK_CARD_READER" holds 王大明's 自然人憑證 (lead),
  reader 2 "$CIVICDESK_CARD_READER2" the agency card of 數位發展部資訊處 (agency:gca, 機關代號 10001).
  The administrator's card (林志強 F128765439) in reader 1, for registering the office:
    $control $CIVICDESK_CARDSIM_CONTROL remove
    $control $CIVICDESK_CARDSIM_CONTROL insert person:admin
  Reader 2 likewise through $CIVICDESK_CARDSIM_CONTROL2. Other cards: person:clerk, person:clerk2,
  person:admin-renewed, agency:gca-renewed, agency:hca … (data/test-pki/README.md).
EOF
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
