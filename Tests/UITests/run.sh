#!/usr/bin/env bash
# Runs the GUI tests as a person uses the app: a virtual screen (Xvfb), a session D-Bus, the
# AT-SPI accessibility bus and a card lab (scripts/card-lab.sh), then each test_*.py (or those
# matching $1) with Debian's python3 and pyatspi. Every process started here is stopped on exit,
# also when a test fails.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
export CIVICDESK_BUILD_DIR=${CIVICDESK_BUILD_DIR:-$root/.build/debug}
export CIVICDESK_UI_SHOTS=${CIVICDESK_UI_SHOTS:-$root/.build/ui-shots}
mkdir -p "$CIVICDESK_UI_SHOTS"
run=$(mktemp -d "${TMPDIR:-/tmp}/civicdesk-ui.XXXXXX")
pids=()

kill_tree() {
    local pid=$1 child
    for child in $(pgrep -P "$pid" 2>/dev/null); do kill_tree "$child"; done
    kill "$pid" 2>/dev/null
}
cleanup() {
    for pid in "${pids[@]}"; do kill_tree "$pid"; done
    "$root/scripts/card-lab.sh" stop "$run/card-lab" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
    local deadline=$((SECONDS + $1)) what=$2
    shift 2
    until "$@"; do
        if [ $SECONDS -ge $deadline ]; then echo "UI tests: $what did not start" >&2; exit 1; fi
        sleep 0.1
    done
}

# A display number of its own, chosen at random above those desktops and other Xvfb runs take
# first: with `-displayfd` Xvfb took the lowest free number, and while another test run's X
# server on that number was going away, a client could still reach the old server ("cannot open
# display" right after). A number whose server does not come up is given up for another.
x_answers() { xdpyinfo -display "$DISPLAY" >/dev/null 2>&1; }
start_xvfb() {
    local display=$((100 + RANDOM % 800)) deadline=$((SECONDS + 20))
    [ -e "/tmp/.X$display-lock" ] && return 1
    Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp 2>"$run/xvfb.log" &
    xvfb_pid=$!
    export DISPLAY=:$display
    until x_answers; do
        if ! kill -0 "$xvfb_pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
            kill "$xvfb_pid" 2>/dev/null
            return 1
        fi
        sleep 0.1
    done
}
for attempt in 1 2 3 4 5; do
    start_xvfb && break
    [ "$attempt" = 5 ] && { echo "UI tests: Xvfb did not start (see $run/xvfb.log)" >&2; exit 1; }
done
pids+=("$xvfb_pid")

dbus-daemon --session --nofork --print-address=3 3>"$run/bus" 2>"$run/dbus.log" &
pids+=($!)
wait_for 20 "the session D-Bus" test -s "$run/bus"
export DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$run/bus")

/usr/libexec/at-spi-bus-launcher --launch-immediately 2>"$run/atspi.log" &
pids+=($!)
has_a11y_bus() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
        string:org.a11y.Bus 2>/dev/null | grep -q 'boolean true'
}
wait_for 20 "the AT-SPI bus" has_a11y_bus

# A private pcscd with the virtual card and SoftHSM2 tokens (see cardlab.py): its environment
# is exported for every CivicDesk the tests start.
"$root/scripts/card-lab.sh" start "$run/card-lab" --owner $$ >/dev/null || { echo "UI tests: the card lab did not start" >&2; exit 1; }
. "$run/card-lab/env"
export CIVICDESK_CARD_LAB=$run/card-lab
# The test PKI's CAs are the trust anchors, so the lab's cards show as valid.
export CIVICDESK_TRUST_DIR=$root/data/test-pki/trust

# Chinese text is laid out with the fonts of its language only under a zh_TW locale. The window
# is Chinese whatever the caller's LANGUAGE (test_installed asks for English itself).
. "$root/scripts/zh-locale.sh"
unset LANGUAGE
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=0 GTK_A11Y=atspi

failed=()
passed=0
for test in "$root"/Tests/UITests/test_*.py; do
    name=$(basename "$test" .py)
    case "$name" in *${1:-}*) ;; *) continue ;; esac
    echo "UI test $name: started"
    if /usr/bin/python3 "$test"; then
        echo "UI test $name: passed"
        passed=$((passed + 1))
    else
        echo "UI test $name: FAILED"
        failed+=("$name")
    fi
done
echo "UI tests: $passed passed, ${#failed[@]} failed${failed:+ (${failed[*]})}; screenshots in $CIVICDESK_UI_SHOTS"
[ ${#failed[@]} -eq 0 ]
