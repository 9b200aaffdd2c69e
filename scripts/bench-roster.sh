#!/usr/bin/env bash
# bench-roster.sh (`make bench-roster`): a full petition through the real command line, in a
# release build, against a card-lab SoftHSM2 token — import, then pack — beside what this
# machine can do at best:
#   - the RSA-2048 verification floor: `openssl speed` on all cores just before and just after
#     the import (their mean), two verifications per
#     record (the signer's certificate and the record's signature);
#   - `gzip -1` over the same records.jsonl + excluded.jsonl the pack writes.
# Targets (not tests): import ≥ 50 % of the floor, pack ≤ 1.5 × gzip -1, peak memory < 300 MB.
#
# The roster (CIVIC_BENCH_RECORDS=300000 records in CIVIC_BENCH_BATCHES=6 batches with
# CIVIC_BENCH_DEFECTS=2 % defects, CIVIC_BENCH_SEED=1) is generated once by civicdesk-rostergen
# and cached outside git in ${XDG_CACHE_HOME:-~/.cache}/civicdesk-bench/, keyed by those values.
# The machine's load is printed before and after: other work running meanwhile skews the figures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH=/opt/swift/usr/bin:$PATH
records=${CIVIC_BENCH_RECORDS:-300000}
batches=${CIVIC_BENCH_BATCHES:-6}
defects=${CIVIC_BENCH_DEFECTS:-2}
seed=${CIVIC_BENCH_SEED:-1}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/civicdesk-bench/roster-v1-r$records-b$batches-d$defects-s$seed
bin=$root/.build/release
pin=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pin"])' data/test-pki/people.json)

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
# The same flags as `make release`, so the two share one build.
swift build -c release --static-swift-stdlib 2>&1 | tail -2

if [ ! -e "$cache/complete" ]; then
    echo "== generating $records records in $batches batches into $cache (once)"
    rm -rf "$cache/batches"
    mkdir -p "$cache/batches"
    "$bin/civicdesk-rostergen" --records "$records" --batches "$batches" --defects "$defects" --seed "$seed" \
        --key-pool "$cache/keys.pem" --out "$cache/batches"
    touch "$cache/complete"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/civicdesk-bench.XXXXXX")
lab=$work/lab
mkdir "$lab"
trap 'scripts/card-lab.sh stop "$lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
CIVICDESK_BUILD_DIR=$bin scripts/card-lab.sh start "$lab" --owner $$ >/dev/null
. "$lab/env"
export LANG=en_US.UTF-8 CIVICDESK_TRUST_DIR=

calc() { awk "BEGIN { printf \"%.4f\", $* }"; }

# timed NAME COMMAND...: runs COMMAND with PIN on stdin under GNU time; sets NAME_seconds, NAME_mb.
timed() {
    local name=$1 started ended
    shift
    started=$(date +%s.%N)
    /usr/bin/time -v -o "$work/$name.time" "$@" <<<"$pin" >"$work/$name.log" 2>&1 || {
        cat "$work/$name.log" >&2
        exit 1
    }
    ended=$(date +%s.%N)
    printf -v "${name}_seconds" '%.2f' "$(calc "$ended - $started")"
    printf -v "${name}_mb" '%d' "$(($(awk -F': ' '/Maximum resident/ {print $2}' "$work/$name.time") / 1024))"
}

# rsa_floor NAME: RSA-2048 verifications per second on all cores (openssl speed, 5 s) into NAME.
rsa_floor() {
    printf -v "$1" '%s' "$(openssl speed -multi "$(nproc)" -seconds 5 rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $NF}')"
}

# The floor is read just before and just after the import, and their mean taken: this virtual
# machine's speed drifts by up to a fifth over minutes, and one reading taken later would judge
# the import against a machine other than the one it ran on.
echo "== RSA-2048 on $(nproc) cores before the import (openssl speed, 5 s)"
rsa_floor verify_before

echo "== import"
timed import "$bin/civicdesk" roster import --workspace "$work/workspace" --trust data/test-pki/trust \
    --token pkcs11:token=lead --pin-stdin "$cache"/batches/*.cec
grep -v '^Importing' "$work/import.log" | sed 's/^/   /'
case_id=$(grep -o 'case [0-9]*' "$work/import.log" | head -1 | cut -d' ' -f2)

echo "== RSA-2048 on $(nproc) cores after the import (openssl speed, 5 s)"
rsa_floor verify_after

echo "== pack"
timed pack "$bin/civicdesk" roster pack --workspace "$work/workspace" --case "$case_id" --token pkcs11:token=lead \
    --pin-stdin --out "$work/out" --packed-at 2024-04-01T09:00:00+08:00
unzip -q "$work/out/"*.zip records.jsonl excluded.jsonl -d "$work/extract"
started=$(date +%s.%N)
gzip -1 -c "$work/extract/records.jsonl" "$work/extract/excluded.jsonl" >/dev/null
gzip_seconds=$(calc "$(date +%s.%N) - $started")

imported=$(awk '/records$/ {n += $(NF-1)} END {print n}' "$work/import.log")
verify_per_second=$(calc "($verify_before + $verify_after) / 2")
floor=$(calc "$verify_per_second / 2")
rate=$(calc "$imported / $import_seconds")
printf '\n%-34s %s\n' "records" "$imported"
printf '%-34s %s s, %.0f records/s, peak %s MB\n' "import" "$import_seconds" "$rate" "$import_mb"
printf '%-34s %.0f verifications/s = %.0f records/s (mean of %.0f before and %.0f after)\n' \
    "RSA-2048 floor ($(nproc) cores)" "$verify_per_second" "$floor" "$verify_before" "$verify_after"
printf '%-34s %.1f %% (target ≥ 50 %%)\n' "import / floor" "$(calc "100 * $rate / $floor")"
printf '%-34s %s s, peak %s MB\n' "pack" "$pack_seconds" "$pack_mb"
printf '%-34s %.2f s (%s MB)\n' "gzip -1 of the same two entries" "$gzip_seconds" \
    "$(( ($(stat -c %s "$work/extract/records.jsonl") + $(stat -c %s "$work/extract/excluded.jsonl")) / 1048576 ))"
printf '%-34s %.2f (target ≤ 1.5)\n' "pack / gzip -1" "$(calc "$pack_seconds / $gzip_seconds")"
printf '%-34s < 300 MB\n' "peak memory target"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
