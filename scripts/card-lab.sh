#!/usr/bin/env bash
# card-lab.sh: a private card world for tests and the demo — its own pcscd with the vpcd driver,
# civicdesk-cardsim playing a card in its reader, and SoftHSM2 tokens holding the test persons'
# and agencies' keys — without touching the machine's own pcscd or readers.
#
#   card-lab.sh start DIR [--card SPEC] [--second-card SPEC] [--no-card] [--owner PID]
#       SPEC: person:NAME (default person:lead), agency:NAME, health or unknown.
#       --second-card puts a second card in the second reader; --no-card starts with the first
#       reader empty. With --owner, the lab stops by itself within a second of PID's end.
#       Prints the environment to use (also written to DIR/env, to `source`):
#         PCSCLITE_CSOCK_NAME        the private pcscd's socket (DIR/run/pcscd.comm)
#         CIVICDESK_CARD_READER      the first reader ("CivicDesk Virtual 00 00")
#         CIVICDESK_CARD_READER2     the second reader ("CivicDesk Virtual 00 01")
#         CIVICDESK_CARDSIM_CONTROL  the first card's control socket (DIR/cardsim.sock)
#         CIVICDESK_CARDSIM_CONTROL2 the second card's, when --second-card was given
#         SOFTHSM2_CONF              SoftHSM2's configuration (tokens in DIR/tokens)
#         CIVICDESK_PKCS11_MODULE    /usr/lib/softhsm/libsofthsm2.so
#       Tokens: one per person and agency of data/test-pki, labelled with its name (lead,
#       gca, …), user PIN and SO PIN from people.json; keys and certificates labelled sign/enc
#       with CKA_ID 01/02 (an agency's: agency, 01).
#   card-lab.sh stop DIR        stops everything the lab started, by process id
#   card-lab.sh pcscd DIR stop|start   takes the reader service away and back (the readers go too)
#   card-lab.sh reap [PARENT]   stops and removes the labs (PARENT/civicdesk-lab.*, PARENT by default
#                               $TMPDIR or /tmp) whose owner has ended, or that were told to stop
#   CIVICDESK_CARD_LAB_DEBUG=1 makes pcscd log every call and APDU to DIR/pcscd.log.
#
# How: pcscd and the cards run in new mount, network and PID namespaces (`unshare`; as a normal
# user through a user namespace). The mount namespace puts DIR/run over /run/pcscd (Debian's
# pcscd ignores PCSCLITE_CSOCK_NAME for its own socket) and hides the USB reader drivers; the
# network namespace keeps vpcd's port (35963) private; the namespace's first process supervises
# the others, and when it ends the kernel ends them all. Cards are inserted and removed through
# the control socket: `civicdesk-cardsim control SOCKET remove|insert [SPEC]|status`.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${CIVICDESK_BUILD_DIR:-$root/.build/debug}
pki=$root/data/test-pki
softhsm=/usr/lib/softhsm/libsofthsm2.so
port=35963
reader="CivicDesk Virtual 00 00"
reader2="CivicDesk Virtual 00 01"
python=/usr/bin/python3
[ -x $python ] || python=python3

fail() { echo "card-lab: $*" >&2; exit 1; }

# wait_until SECONDS WHAT COMMAND...: polls COMMAND every 0.1 s; WHAT only names it for the reader.
wait_until() {
    local deadline=$((SECONDS + $1))
    shift 2
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}

lab_alive() { # the recorded unshare process is alive and is this lab's
    local pid
    pid=$(cat "$1/lab.pid" 2>/dev/null) || return 1
    tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q "card-lab.sh inside $1 "
}

# card_state DIR READER: prints "card", "empty" or "absent" for READER, as a PC/SC client sees it.
card_state() {
    PCSCLITE_CSOCK_NAME=$1/run/pcscd.comm "$build/civicdesk" card list --json 2>/dev/null |
        "$python" -c '
import json, sys
readers = {r["name"]: r for r in json.load(sys.stdin)["readers"]}
reader = readers.get(sys.argv[1])
print("absent" if reader is None else "card" if reader["cardPresent"] else "empty")' "$2"
}
state_is() { [ "$(card_state "$1" "$2")" = "$3" ]; }
reader_listed() { [ "$(card_state "$1" "$reader")" != absent ]; }

make_tokens() { # make_tokens DIR: one SoftHSM2 token per test person and agency
    local dir=$1 pin so_pin name kind key label id
    mkdir -p "$dir/tokens" "$dir/der"
    printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n' \
        "$dir/tokens" >"$dir/softhsm2.conf"
    pin=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pin"])' "$pki/people.json")
    so_pin=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["soPin"])' "$pki/people.json")
    export SOFTHSM2_CONF=$dir/softhsm2.conf
    for kind in people agencies; do
        for name in $(ls "$pki/$kind"); do
            softhsm2-util --init-token --free --label "$name" --pin "$pin" --so-pin "$so_pin" >/dev/null
            for key in "$pki/$kind/$name"/*.key; do
                label=$(basename "$key" .key)
                case $label in sign | agency) id=01 ;; *) id=02 ;; esac
                softhsm2-util --import "$key" --token "$name" --label "$label" --id "$id" --pin "$pin" >/dev/null
                openssl x509 -in "${key%.key}.pem" -outform DER -out "$dir/der/$name-$label.der"
                pkcs11-tool --module "$softhsm" --token-label "$name" --login --pin "$pin" \
                    --write-object "$dir/der/$name-$label.der" --type cert --id "$id" --label "$label" >/dev/null
            done
        done
    done
    rm -rf "$dir/der"
}

# inside DIR OWNER CARD CARD2: the namespace's first process. Sets up the mounts and loopback,
# starts the cards and keeps pcscd running (or stopped while DIR/pcscd.hold exists) until
# DIR/stop appears or OWNER ends.
inside() {
    local dir=$1 owner=$2 card=$3 card2=$4 pcscd_pid="" children=()
    if [ -d /run/pcscd ]; then
        mount --bind "$dir/run" /run/pcscd
    else # no pcscd package state on this machine: a private /run holds the socket instead
        mount -t tmpfs tmpfs /run && mkdir /run/pcscd && mount --bind "$dir/run" /run/pcscd
    fi
    mount -t tmpfs tmpfs /usr/lib/pcsc/drivers # no USB readers: a developer's real reader stays theirs
    ip link set lo up
    "$build/civicdesk-cardsim" --control "$dir/cardsim.sock" --port $port --pki "$pki" $card \
        >>"$dir/cardsim.log" 2>&1 &
    children+=($!)
    if [ -n "$card2" ]; then
        "$build/civicdesk-cardsim" --control "$dir/cardsim2.sock" --port $((port + 1)) --pki "$pki" $card2 \
            >>"$dir/cardsim2.log" 2>&1 &
        children+=($!)
    fi
    while [ ! -e "$dir/stop" ] && { [ -z "$owner" ] || [ -d "/proc/$owner" ]; }; do
        if [ -e "$dir/pcscd.hold" ]; then
            if [ -n "$pcscd_pid" ]; then # as a service stop does: TERM, and KILL if it hangs
                kill "$pcscd_pid" 2>/dev/null || true
                for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pcscd_pid" 2>/dev/null && sleep 0.2; done
                kill -KILL "$pcscd_pid" 2>/dev/null || true
                wait "$pcscd_pid" 2>/dev/null || true
                rm -f "$dir/run/pcscd.comm" # a killed pcscd leaves its socket behind
                pcscd_pid=""
            fi
        elif [ -z "$pcscd_pid" ] || ! kill -0 "$pcscd_pid" 2>/dev/null; then
            rm -f "$dir/run/pcscd.comm" "$dir/run/pcscd.pid"
            pcscd --foreground --config "$dir/conf" ${CIVICDESK_CARD_LAB_DEBUG:+--debug --apdu} >>"$dir/pcscd.log" 2>&1 &
            pcscd_pid=$!
        fi
        sleep 0.2
    done
    # Nothing to save: SIGKILL spares pcscd's second-long shutdown of its reader threads.
    kill -KILL ${pcscd_pid:+"$pcscd_pid"} "${children[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
}

card_args() { # card_args SPEC: the cardsim options for a card spec
    case $1 in
        person:*) echo "--person ${1#person:}" ;;
        agency:*) echo "--agency ${1#agency:}" ;;
        health) echo "--health" ;;
        unknown) echo "--unknown" ;;
        *) fail "unknown card $1 (person:NAME, agency:NAME, health or unknown)" ;;
    esac
}

start() {
    local dir=$1 card=person:lead card2="" inserted=1 owner=""
    shift
    while [ $# -gt 0 ]; do
        case $1 in
            --card) card=$2; shift ;;
            --second-card) card2=$2; shift ;;
            --no-card) inserted=0 ;;
            --owner) owner=$2; shift ;;
            *) fail "unknown option $1" ;;
        esac
        shift
    done
    for program in civicdesk civicdesk-cardsim; do
        [ -x "$build/$program" ] || fail "$build/$program is missing; build first (swift build)"
    done
    lab_alive "$dir" && fail "a lab is already running in $dir"
    mkdir -p "$dir/run" "$dir/conf" "$dir/lib"
    dir=$(cd "$dir" && pwd)
    rm -f "$dir/stop" "$dir/pcscd.hold" "$dir/run/"*
    cp "$(pkg-config --variable=usbdropdir libpcsclite 2>/dev/null || echo /usr/lib/pcsc/drivers)/serial/libifdvpcd.so" "$dir/lib/"
    printf 'FRIENDLYNAME "CivicDesk Virtual"\nDEVICENAME /dev/null:0x%X\nLIBPATH %s/lib/libifdvpcd.so\nCHANNELID 0x%X\n' \
        $port "$dir" $port >"$dir/conf/vpcd"
    [ -d "$dir/tokens" ] || make_tokens "$dir"

    local cards second=""
    cards=$(card_args "$card")
    [ $inserted = 1 ] || cards="$cards --removed"
    [ -z "$card2" ] || second=$(card_args "$card2")
    local namespaces=(--mount --propagation private --net --pid --fork --kill-child)
    [ "$(id -u)" = 0 ] || namespaces=(--user --map-root-user "${namespaces[@]}")
    echo "$owner" >"$dir/owner"
    # Only standard input, output and error go to the lab: a descriptor inherited from the
    # caller would outlive it there, and some callers (Foundation's Process) wait for every
    # copy of one to close before they see this script end.
    (
        for fd in $(ls "/proc/$BASHPID/fd"); do
            [ "$fd" -le 2 ] || eval "exec $fd>&-" 2>/dev/null || true
        done
        exec setsid unshare "${namespaces[@]}" bash "$root/scripts/card-lab.sh" inside "$dir" "$owner" "$cards" "$second"
    ) </dev/null >>"$dir/lab.log" 2>&1 &
    echo $! >"$dir/lab.pid"

    local expected=empty
    [ $inserted = 1 ] && expected=card
    if ! wait_until 20 "the reader" state_is "$dir" "$reader" $expected ||
        { [ -n "$card2" ] && ! wait_until 10 "the second card" state_is "$dir" "$reader2" card; }; then
        tail -n 20 "$dir/lab.log" "$dir/pcscd.log" "$dir/cardsim.log" >&2 2>/dev/null || true
        stop "$dir"
        fail "the private pcscd did not show its reader with the card in 20 s (logs above, in $dir)"
    fi
    {
        echo "export PCSCLITE_CSOCK_NAME='$dir/run/pcscd.comm'"
        echo "export CIVICDESK_CARD_READER='$reader'"
        echo "export CIVICDESK_CARD_READER2='$reader2'"
        echo "export CIVICDESK_CARDSIM_CONTROL='$dir/cardsim.sock'"
        [ -z "$card2" ] || echo "export CIVICDESK_CARDSIM_CONTROL2='$dir/cardsim2.sock'"
        echo "export SOFTHSM2_CONF='$dir/softhsm2.conf'"
        echo "export CIVICDESK_PKCS11_MODULE='$softhsm'"
    } >"$dir/env"
    cat "$dir/env"
}

stop() {
    local dir=$1 pid
    touch "$dir/stop" 2>/dev/null || return 0
    lab_alive "$dir" || return 0
    pid=$(cat "$dir/lab.pid")
    wait_until 3 "the lab to stop" test ! -d "/proc/$pid" && return 0
    # The supervisor did not finish: killing unshare kills the namespace's first process
    # (--kill-child), and with it, by the kernel, every process in the namespace.
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 3 "the lab to end" test ! -d "/proc/$pid" || fail "process $pid of $dir did not end"
}

pcscd_switch() {
    local dir=$1
    lab_alive "$dir" || fail "no lab runs in $dir"
    case $2 in
        stop)
            touch "$dir/pcscd.hold"
            wait_until 10 "pcscd to stop" test ! -S "$dir/run/pcscd.comm" || fail "pcscd did not stop"
            ;;
        start)
            rm -f "$dir/pcscd.hold"
            wait_until 10 "pcscd to start" reader_listed "$dir" || fail "pcscd did not come back"
            ;;
        *) fail "pcscd DIR stop|start" ;;
    esac
}

reap() {
    local parent=${1:-${TMPDIR:-/tmp}} dir owner
    for dir in "$parent"/civicdesk-lab.*; do
        [ -d "$dir" ] || continue
        owner=$(cat "$dir/owner" 2>/dev/null || true)
        # Left alone: a lab whose owner lives, and one without an owner (a demo, or one still
        # starting) that nobody asked to stop.
        if [ -n "$owner" ] && [ -d "/proc/$owner" ]; then continue; fi
        if [ -z "$owner" ] && [ ! -e "$dir/stop" ]; then continue; fi
        stop "$dir"
        rm -rf "$dir"
    done
}

case ${1:-} in
    start) [ $# -ge 2 ] || fail "usage: start DIR [options]"; shift; start "$@" ;;
    stop) [ $# -eq 2 ] || fail "usage: stop DIR"; stop "$2" ;;
    pcscd) [ $# -eq 3 ] || fail "usage: pcscd DIR stop|start"; pcscd_switch "$2" "$3" ;;
    reap) reap "${2:-}" ;;
    inside) inside "$2" "$3" "$4" "$5" ;;
    *) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
