#!/usr/bin/env bash
# Fuzz/seeds.sh: the seed corpora, .build-fuzz/seeds/TARGET/, made from the test data: the TEST
# PKI's certificates (DER, PEM, a MOICA certificate store), small batches made by
# civicdesk-rostergen (GCM and CBC, PKCS#1 v1.5 and OAEP) and `openssl cms` (BER, PEM), their
# decrypted lines (header, records with every defect, trailer) and the records' signatures,
# the texts users type (IDs, dates, PKCS#11 URIs), and the DI letters of the document exchange's
# tests in the ways other systems write them (BOM or not, Big5, CRLF). Made once; delete the folder to remake.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=$root/.build-fuzz/seeds
pki=$root/data/test-pki
rostergen=${CIVICDESK_ROSTERGEN:-$root/.build/debug/civicdesk-rostergen}
[ -e "$seeds/ready" ] && exit 0
rm -rf "$seeds"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in "$root"/Fuzz/Targets/*.swift; do mkdir -p "$seeds/$(basename "$target" .swift)"; done

# A seed file in TARGET's corpus named after its contents.
seed() {
    local target=$1 file=$2
    cp "$file" "$seeds/$target/$(sha1sum "$file" | cut -c1-16)"
}
# Each argument after TARGET as a seed of its own.
texts() {
    local target=$1; shift
    for text in "$@"; do printf '%s' "$text" >"$work/text"; seed "$target" "$work/text"; done
}

texts ids A123456789 B223456782 F128765439 A800000014 AC01234567 a123456789 A12345678 04595257 10458575 22099131 ''
texts dates 113/03/04 113/3/4 113-03-04 113.03.04 1130304 中華民國113年3月4日 民國113年3月4日 '１１３/０３/０４' \
    ' 113/02/29 ' 2024-03-04 2024-03-05T15:05:31+08:00 2024-03-05T15:05:31.123456Z 1990-02-28t00:00:00.5-05:30
texts pkcs11-uri 'pkcs11:token=lead' 'pkcs11:token=lead;object=sign;type=private?module-path=/usr/lib/softhsm/libsofthsm2.so' \
    'pkcs11:token=%E7%8E%8B;id=%01%02;slot-id=3' 'pkcs11:manufacturer=SoftHSM%20project;serial=0123?module-name=softhsm2' \
    'pkcs11:x-vendor=1;library-version=2.6&x=1' 'PKCS11:TOKEN=A?pin-value=1234'

# Card answers: status words, a certificate slot's first bytes, commands as the virtual card parses them.
printf '\x02\x90\x00\x02\x6a\x82\x06\x30\x82\x05\x10\x90\x00\x07\x80\xa4\x00\x00\x02\x3f\x00\x05\x80\xb0\x07\x00\xc8' >"$work/answers"
seed card-answers "$work/answers"
printf '\x0a\x43\x48\x54\x20\x56\x33\x32\x4e\x90\x00\x04\x30\x81\x90\x90\x02\x62\x82\x02\x6b\x00' >"$work/answers"
seed card-answers "$work/answers"

# Certificates: every TEST certificate in DER and PEM, and a MOICA store as the virtual card serves it.
for pem in "$pki"/ca/*.pem "$pki"/people/*/*.pem "$pki"/trust/*.pem "$pki"/untrusted/*.pem "$pki"/agencies/*/*.pem; do
    [ -f "$pem" ] || continue
    openssl x509 -in "$pem" -outform DER -out "$work/cert.der" 2>/dev/null || continue
    seed card-certificates "$work/cert.der"
    seed card-certificates "$pem"
    seed asn1 "$work/cert.der"
done
store=$work/store
head -c $((4 * 0x700)) /dev/zero | tr '\0' '\377' >"$store"
slot=0
for pem in "$pki/ca/root.pem" "$pki/ca/moica.pem" "$pki/people/lead/enc.pem" "$pki/people/lead/sign.pem"; do
    openssl x509 -in "$pem" -outform DER -out "$work/cert.der"
    dd if="$work/cert.der" of="$store" bs=1 seek=$((slot * 0x700)) conv=notrunc status=none
    slot=$((slot + 1))
done
seed card-certificates "$store"

# Batches: small ones by civicdesk-rostergen with every defect, and by openssl cms in BER and PEM.
if [ ! -x "$rostergen" ]; then
    echo "seeds: $rostergen is missing (swift build --product civicdesk-rostergen); batch seeds left out" >&2
else
    for variant in "gcm" "cbc" "gcm --oaep"; do
        mkdir -p "$work/batch"
        # shellcheck disable=SC2086
        "$rostergen" --records 14 --defects 60 --seed 7 --cipher $variant --recipient "$pki/people/lead/enc.pem" \
            --pki "$pki" --key-pool "$work/keys.pem" --key-pool-size 2 --out "$work/batch" >/dev/null
        for batch in "$work"/batch/*.cec; do seed cms-envelope "$batch"; done
        [ -e "$work/payload" ] || openssl cms -decrypt -inform DER -in "$work"/batch/*.cec -inkey "$pki/people/lead/enc.key" \
            -recip "$pki/people/lead/enc.pem" -out "$work/payload"
        rm -rf "$work/batch"
    done
    seed roster-header "$work/payload"
    head -n 1 "$work/payload" >"$work/header" && seed roster-header "$work/header"
    # Every line alone; records also as their statement and signature.
    split -l 1 -a 3 "$work/payload" "$work/line."
    for line in "$work"/line.*; do
        truncate -s -1 "$line"
        seed json-line "$line"
        seed record-line "$line"
        python3 - "$line" "$work/pair" "$work/tbs" "$work/sig" 2>/dev/null <<'PY' || continue
import base64, json, sys
record = json.load(open(sys.argv[1], encoding="utf-8"))
tbs, sig = base64.b64decode(record["tbs"]), base64.b64decode(record["sig"])
open(sys.argv[2], "wb").write(len(tbs).to_bytes(2, "big") + tbs + sig)
open(sys.argv[3], "wb").write(tbs)
open(sys.argv[4], "wb").write(sig)
PY
        seed record-signature "$work/pair"
        seed json-line "$work/tbs"
        seed asn1 "$work/sig"
    done
    head -c 3000 "$work/payload" >"$work/small"
    for cipher in aes-256-gcm aes-256-cbc aes-128-gcm; do
        openssl cms -encrypt -binary -in "$work/small" -recip "$pki/people/lead/enc.pem" -"$cipher" -outform DER \
            -out "$work/cms.der" 2>/dev/null && seed cms-envelope "$work/cms.der" && seed asn1 "$work/cms.der"
    done
    openssl cms -encrypt -binary -stream -in "$work/small" -recip "$pki/people/lead/enc.pem" -aes-256-gcm -outform DER \
        -out "$work/cms.ber" && seed cms-envelope "$work/cms.ber" && seed asn1 "$work/cms.ber"
    openssl cms -encrypt -binary -in "$work/small" -recip "$pki/people/lead/enc.pem" -aes-256-gcm -outform PEM \
        -out "$work/cms.pem" && seed cms-envelope "$work/cms.pem"
fi
# Signatures as openssl cms writes them: with and without attributes, BER, content embedded.
printf '{"caseId":"113002","id":"A123456789"}' >"$work/content"
for options in "" "-noattr" "-stream" "-nodetach"; do
    # shellcheck disable=SC2086
    openssl cms -sign -binary -md sha256 -in "$work/content" -signer "$pki/people/lead/sign.pem" \
        -inkey "$pki/people/lead/sign.key" -outform DER $options -out "$work/sig"
    python3 -c 'import sys; c=open(sys.argv[1],"rb").read(); s=open(sys.argv[2],"rb").read(); open(sys.argv[3],"wb").write(len(c).to_bytes(2,"big")+c+s)' \
        "$work/content" "$work/sig" "$work/pair"
    seed record-signature "$work/pair"
    seed asn1 "$work/sig"
done
# DI letters: every .di of the tests, without its byte-order mark, in Big5, with CRLF line ends,
# and the smallest letter the content model takes.
while IFS= read -r -d '' di; do
    seed di-letter "$di"
    sed '1s/^\xEF\xBB\xBF//' "$di" >"$work/nobom.di" && seed di-letter "$work/nobom.di"
    sed -e '1s/^\xEF\xBB\xBF//' -e '1s/encoding="UTF-8"/encoding="big5"/' "$di" | iconv -f UTF-8 -t BIG5 -c >"$work/big5.di" \
        && seed di-letter "$work/big5.di"
    sed 's/$/\r/' "$di" >"$work/crlf.di" && seed di-letter "$work/crlf.di"
done < <(find "$root/Tests" "$root/data" -name '*.di' -print0)
printf '<?xml version="1.0"?><函><發文機關><全銜/></發文機關><函類別/><地址/><聯絡方式/><受文者/><發文日期><年月日/></發文日期><發文字號/><主旨><文字/></主旨><正本/></函>' \
    >"$work/small.di" && seed di-letter "$work/small.di"
touch "$seeds/ready"
