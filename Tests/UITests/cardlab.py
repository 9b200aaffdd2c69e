"""The card lab of a GUI test run: run.sh starts one (scripts/card-lab.sh) before the tests and
exports its environment, so every CivicDesk started by a test sees the reader "CivicDesk
Virtual 00 00" with the virtual card in it (person:lead) and the SoftHSM2 tokens. These helpers
take the card out and put cards in (through the card's control socket), stop and start the
lab's pcscd, and check a token's PIN."""

import os
import socket
import subprocess

READER = os.environ.get("CIVICDESK_CARD_READER", "CivicDesk Virtual 00 00")


def control(command, control_socket=None):
    """Sends one command line (insert [CARD], remove, remove-after N, mute, status); returns the answer.
    CARD is person:NAME, agency:NAME, health or unknown."""
    path = control_socket or os.environ["CIVICDESK_CARDSIM_CONTROL"]
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(path)
        connection.sendall((command + "\n").encode())
        answer = connection.makefile().readline().strip()
    if not answer.startswith("ok"):
        raise RuntimeError(f"card lab: {command}: {answer}")
    return answer


def remove():
    control("remove")


def insert(card="person:lead"):
    """Puts `card` in the reader (a card already there must be removed first, as in life)."""
    control(f"insert {card}")


def status():
    """'ok inserted person:lead apdus=12', 'ok removed person:lead apdus=0', …"""
    return control("status")


def pcscd(action):
    """Stops or starts the lab's reader service ("stop" / "start"), as a service stop would."""
    lab = os.environ["CIVICDESK_CARD_LAB"]
    script = os.path.join(os.path.dirname(__file__), "../../scripts/card-lab.sh")
    subprocess.run([script, "pcscd", lab, action], check=True, stdout=subprocess.DEVNULL)


def token_accepts_pin(token, pin):
    """True when the lab's SoftHSM2 token `token` (lead, admin, …) logs in with `pin`: checks a
    PIN change on the token itself, not through CivicDesk."""
    result = subprocess.run(["pkcs11-tool", "--module", os.environ["CIVICDESK_PKCS11_MODULE"], "--token-label", token,
                             "--login", "--pin", pin, "--list-objects", "--type", "privkey"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return result.returncode == 0
