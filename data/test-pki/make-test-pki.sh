#!/usr/bin/env bash
# Makes CivicDesk's TEST PKI: test CAs shaped like Taiwan's GRCA, MOICA, GCA, XCA, MOEACA and HCA,
# test persons with the two certificates of a 自然人憑證 card, agency certificates, and the
# variants the error paths need. TEST MATERIAL ONLY: every private key is in the clear here.
# Run through `make test-pki`; the generated files are committed so tests need no generation.
#
#   make-test-pki.sh                adds only what is missing: every key and certificate already
#                                   here stays as it is (tests and committed fixtures depend on
#                                   them); a CA's new certificates take serials after its highest
#   make-test-pki.sh --regenerate   makes everything afresh (every key and serial changes)
set -euo pipefail
case ${1:-} in
    "") regenerate=0 ;;
    --regenerate) regenerate=1 ;;
    *) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
cd "$(dirname "$0")"
export OPENSSL_CONF=$PWD/openssl.cnf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PKI_CA_DIR=$work  # overridden per CA below

[ $regenerate = 0 ] || rm -rf ca people agencies trust untrusted crl
mkdir -p ca people agencies trust untrusted crl

# Validity of everything "current": from 2024 to 2044, so tests dated 2024–2026 see valid certificates.
valid_from=20240101000000Z
valid_to=20441231235959Z

# key FILE: a new RSA key, unless FILE already holds one.
key() { [ -e "$1" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }

# Every certificate already here, as "issuer-hash serial" lines, so a CA's next serial follows them.
for pem in ca/*.pem untrusted/*.pem people/*/*.pem agencies/*/*.pem; do
    if [ -e "$pem" ]; then
        printf '%s %s\n' "$(openssl x509 -in "$pem" -noout -issuer_hash)" "$(openssl x509 -in "$pem" -noout -serial | cut -d= -f2)"
    fi
done >"$work/issued.txt"

# ca_init NAME FIRST_SERIAL [CA_CERT]: the bookkeeping folder `openssl ca` needs for one CA. Its
# next serial is FIRST_SERIAL, or one past the highest that CA_CERT already issued here.
ca_init() {
    local next=$2 hash issued_serial
    mkdir -p "$work/$1/issued"
    : > "$work/$1/index.txt"
    if [ -n "${3:-}" ] && [ -e "$3" ]; then
        hash=$(openssl x509 -in "$3" -noout -subject_hash)
        while read -r issuer issued_serial; do
            if [ "$issuer" = "$hash" ] && ((16#$issued_serial >= 16#$next)); then next=$(printf '%X' $((16#$issued_serial + 1))); fi
        done <"$work/issued.txt"
    fi
    [ $((${#next} % 2)) = 0 ] || next=0$next
    printf '%s\n' "$next" > "$work/$1/serial"
}

# issue CA_NAME CA_CERT CA_KEY SUBJECT KEY OUT EXTENSIONS FROM TO
issue() {
    local ca=$1 ca_cert=$2 ca_key=$3 subject=$4 key=$5 out=$6 extensions=$7 from=$8 to=$9
    openssl req -new -key "$key" -subj "$subject" -utf8 -out "$work/request.csr"
    PKI_CA_DIR=$work/$ca openssl ca -batch -notext -utf8 -in "$work/request.csr" -out "$out" \
        -cert "$ca_cert" -keyfile "$ca_key" -extensions "$extensions" -startdate "$from" -enddate "$to" 2>/dev/null
}

# self_sign CA_NAME SUBJECT KEY OUT
self_sign() {
    openssl req -new -key "$3" -subj "$2" -utf8 -out "$work/request.csr"
    PKI_CA_DIR=$work/$1 openssl ca -batch -notext -utf8 -selfsign -in "$work/request.csr" -out "$4" \
        -keyfile "$3" -extensions root_ca -startdate 20200101000000Z -enddate 20491231235959Z 2>/dev/null
}

# The trusted hierarchy: a GRCA-like root and the five issuing CAs under it.
ca_init root 1000 ca/root.pem
key ca/root.key
[ -e ca/root.pem ] || self_sign root "/C=TW/O=CivicDesk TEST/CN=CivicDesk TEST 政府憑證總管理中心 (GRCA)" ca/root.key ca/root.pem
for family in moica:內政部憑證管理中心 gca:政府憑證管理中心 xca:組織及團體憑證管理中心 moeaca:工商憑證管理中心 hca:醫事憑證管理中心; do
    id=${family%%:*}
    name=${family#*:}
    key "ca/$id.key"
    [ -e "ca/$id.pem" ] || issue root ca/root.pem ca/root.key "/C=TW/O=CivicDesk TEST/CN=CivicDesk TEST $name (${id^^})" \
        "ca/$id.key" "ca/$id.pem" issuing_ca 20200101000000Z 20451231235959Z
done
for id in root moica gca xca moeaca hca; do
    [ -e "trust/$id.pem" ] || cp "ca/$id.pem" trust/
done

# An unrelated root and issuing CA, for "untrusted certificate".
ca_init other-root 5000 untrusted/root.pem
key untrusted/root.key
[ -e untrusted/root.pem ] || self_sign other-root "/C=TW/O=Nobody TEST/CN=Untrusted TEST Root CA" untrusted/root.key untrusted/root.pem
key untrusted/issuing.key
[ -e untrusted/issuing.pem ] || issue other-root untrusted/root.pem untrusted/root.key "/C=TW/O=Nobody TEST/CN=Untrusted TEST Issuing CA" \
    untrusted/issuing.key untrusted/issuing.pem issuing_ca 20200101000000Z 20451231235959Z

ca_init moica 1100000000000001 ca/moica.pem
ca_init untrusted-issuing 2200000000000001 untrusted/issuing.pem
# person FOLDER NAME SUBJECT_SERIAL [CA FROM TO SIGN_EXTENSIONS]: the certificates of FOLDER not there yet.
# A renewed card is a new folder with the same NAME and SUBJECT_SERIAL: new keys, new certificate serials.
person() {
    local folder=people/$1 name=$2 serial=$3 ca=${4:-moica} from=${5:-$valid_from} to=${6:-$valid_to} sign_ext=${7:-person_sign}
    local ca_cert=ca/moica.pem ca_key=ca/moica.key
    if [ "$ca" = untrusted-issuing ]; then ca_cert=untrusted/issuing.pem; ca_key=untrusted/issuing.key; fi
    mkdir -p "$folder"
    key "$folder/sign.key"
    key "$folder/enc.key"
    [ -e "$folder/sign.pem" ] ||
        issue "$ca" "$ca_cert" "$ca_key" "/C=TW/CN=$name/serialNumber=$serial" "$folder/sign.key" "$folder/sign.pem" "$sign_ext" "$from" "$to"
    [ -e "$folder/enc.pem" ] ||
        issue "$ca" "$ca_cert" "$ca_key" "/C=TW/CN=$name/serialNumber=$serial" "$folder/enc.key" "$folder/enc.pem" person_enc "$from" "$to"
}

person lead 王大明 0000000112345678
person other 陳美玲 0000000187654321
person admin 林志強 0000000111112222
person clerk 張雅婷 0000000133334444
person expired 李過期 0000000155556666 moica 20190101000000Z 20231231235959Z
person revoked 周撤銷 0000000177778888
person wrong-usage 吳用途 0000000199990000 moica "$valid_from" "$valid_to" wrong_usage
person untrusted 鄭外來 0000000100001111 untrusted-issuing
# Added later, so after the others of their CA: a second clerk, and the renewed cards of the
# clerk and the administrator (same holder, new keys and serials) for the registry's replacements.
person clerk2 黃建華 0000000122223333
person clerk-renewed 張雅婷 0000000133334444
person admin-renewed 林志強 0000000111112222

# A CRL of the MOICA-like CA that lists the "revoked" person's certificates. Made with them: the
# CA's record of issued certificates lasts one run.
if [ ! -e crl/moica.crl ]; then
    for which in sign enc; do
        serial=$(openssl x509 -in "people/revoked/$which.pem" -noout -serial | cut -d= -f2)
        grep -q "	$serial	" "$work/moica/index.txt" ||
            { echo "make-test-pki: crl/moica.crl can only be made with people/revoked: use --regenerate" >&2; exit 1; }
        sed -i "s/^V\(\t[^\t]*\t\)\t$serial\t/R\1240601000000Z\t$serial\t/" "$work/moica/index.txt"
    done
    PKI_CA_DIR=$work/moica openssl ca -gencrl -cert ca/moica.pem -keyfile ca/moica.key -crldays 7300 -out crl/moica.crl 2>/dev/null
fi

# Agency certificates: the organisation's name in O/OU/CN and its identifier in
# organizationIdentifier (2.5.4.97): an agency OID for GCA, XCA and HCA, the 統一編號 for MOEACA.
ca_init gca 3300000000000001 ca/gca.pem
ca_init xca 4400000000000001 ca/xca.pem
ca_init moeaca 5500000000000001 ca/moeaca.pem
ca_init hca 6600000000000001 ca/hca.pem
# agency FOLDER CA SUBJECT: the agency certificate of FOLDER, unless it is there.
agency() {
    mkdir -p "agencies/$1"
    key "agencies/$1/agency.key"
    [ -e "agencies/$1/agency.pem" ] ||
        issue "$2" "ca/$2.pem" "ca/$2.key" "$3" "agencies/$1/agency.key" "agencies/$1/agency.pem" agency "$valid_from" "$valid_to"
}
gca_subject="/C=TW/O=行政院/OU=數位發展部/CN=數位發展部資訊處/organizationIdentifier=2.16.886.101.20003.20065.20001"
agency gca gca "$gca_subject"
agency gca-unlisted gca "/C=TW/O=臺北市政府/OU=測試局/CN=臺北市政府測試局/organizationIdentifier=2.16.886.101.99999.00001"
agency xca xca "/C=TW/O=社團法人台灣公民科技協會/CN=社團法人台灣公民科技協會/organizationIdentifier=2.16.886.111.90010.90003"
agency moeaca moeaca "/C=TW/O=範例科技股份有限公司/CN=範例科技股份有限公司/organizationIdentifier=22099131"
# Added later: the renewed card of gca (same agency, new key and serial) and a 醫事憑證.
agency gca-renewed gca "$gca_subject"
agency hca hca "/C=TW/O=臺北市示範聯合診所/CN=臺北市示範聯合診所/organizationIdentifier=2.16.886.101.90040.40001"

rm -f ca/*.srl
echo "Test PKI written to $(pwd)"
