#!/usr/bin/env bash
# demo-data.sh [--reset]: the demo workspace `make run` opens, so a newcomer can do a whole
# import and pack with the demo card (王大明's, PIN 123456). Made once under .build/demo/ by the
# debug build's civicdesk-rostergen and civicdesk; --reset (`make demo-reset`) makes it afresh.
#
#   .build/demo/workspace/   CIVICDESK_WORKSPACE: case 113002 (連署, 19,548,531 electors) with
#                            its first batch already imported
#   .build/demo/downloads/   CIVICDESK_DOWNLOADS_DIR: batches 2–4 waiting to be imported, with
#                            every kind of defect of spec §3
#   .build/demo/documents/   CIVICDESK_DOCUMENTS_DIR: packing writes CivicDesk/113002/ here
#   .build/demo/env          those variables and CIVICDESK_TRUST_DIR (the test PKI's CAs), to `source`
#
# The first batch is imported with the lead person's SoftHSM2 token: the card lab of the
# environment (run-app.sh's) when SOFTHSM2_CONF is set, else a card lab of its own for the while.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
demo=$root/.build/demo
build=${CIVICDESK_BUILD_DIR:-$root/.build/debug}
pki=$root/data/test-pki

if [ "${1:-}" = --reset ]; then
    rm -rf "$demo"
elif [ -e "$demo/ready" ]; then
    cat "$demo/env"
    exit 0
fi
for program in civicdesk civicdesk-rostergen civicdesk-cardsim; do
    [ -x "$build/$program" ] || { echo "demo-data: $build/$program is missing; build first (swift build)" >&2; exit 1; }
done

rm -rf "$demo"
mkdir -p "$demo/generated" "$demo/downloads" "$demo/documents"
chmod 700 "$demo"
"$build/civicdesk-rostergen" --case 113002 --stage 連署 --electorate 19548531 --lead-name 王OO \
    --batches 4 --records 3600 --defects 6 --seed 113002 --start 2024-03-01 --days-per-batch 4 \
    --recipient "$pki/people/lead/enc.pem" --pki "$pki" --key-pool "$demo/keys.pem" --key-pool-size 8 \
    --out "$demo/generated" >/dev/null
batches=("$demo/generated"/*.cec)

lab=""
if [ -z "${SOFTHSM2_CONF:-}" ]; then
    lab=$(mktemp -d "${TMPDIR:-/tmp}/civicdesk-lab.XXXXXX")
    trap '"$root/scripts/card-lab.sh" stop "$lab" >/dev/null 2>&1; rm -rf "$lab"' EXIT
    CIVICDESK_BUILD_DIR=$build "$root/scripts/card-lab.sh" start "$lab" --owner $$ >/dev/null
    . "$lab/env"
fi
pin=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pin"])' "$pki/people.json")
"$build/civicdesk" roster import --workspace "$demo/workspace" --trust "$pki/trust" --token pkcs11:token=lead \
    --pin-stdin "${batches[0]}" <<<"$pin" >/dev/null
mv "${batches[@]:1}" "$demo/downloads/"
rm -rf "$demo/generated"

cat >"$demo/env" <<EOF
export CIVICDESK_WORKSPACE='$demo/workspace'
export CIVICDESK_DOWNLOADS_DIR='$demo/downloads'
export CIVICDESK_DOCUMENTS_DIR='$demo/documents'
export CIVICDESK_TRUST_DIR='$pki/trust'
EOF
touch "$demo/ready"
cat "$demo/env"
