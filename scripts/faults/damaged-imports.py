#!/usr/bin/env python3
"""damaged-imports.py: the mutation harness beside libFuzzer (issue 16, items 3 and 4).

Makes valid batches with civicdesk-rostergen (AES-256-GCM, AES-256-CBC, CBC with an OAEP-wrapped
key), damages copies of them (bits flipped, cut short, spliced with another batch, runs of bytes
zeroed) and imports each copy in a process of its own, as a user does:

    civicdesk roster import --pin-stdin --token pkcs11:token=lead FILE   (PIN on standard input)

against the SoftHSM2 tokens of a card lab (the environment's when SOFTHSM2_CONF is set, else one
of its own). It counts exit statuses, deaths by signal and hangs, and checks that every refusal
names the file (「FILE」未匯入：) and imports nothing. Exit status 0 when no process died or hung
and every damaged copy was refused properly; inputs that killed or hung a process are kept.

    scripts/faults/damaged-imports.py [--runs 1500] [--jobs 2] [--seed 1] [--records 40]
        [--timeout 60] [--keep DIR] [--json] [--build .build/debug]

--json prints the figures as one JSON object (for tests) instead of the table.
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PKI = os.path.join(ROOT, "data", "test-pki")
TOKEN = "pkcs11:token=lead"
# One batch per cipher: the reading thread unwraps each on the card, then decrypts as it streams.
KINDS = [("gcm", ["--cipher", "gcm"]), ("cbc", ["--cipher", "cbc"]), ("cbc-oaep", ["--cipher", "cbc", "--oaep"])]


def mutate(data, other, rng):
    """A damaged copy of `data` and how it was damaged; `other` is another batch to splice in."""
    size = len(data)
    kind = rng.choice(["flip", "truncate", "splice", "zero"])
    out = bytearray(data)
    if kind == "flip":
        bits = rng.randint(1, 8)
        for _ in range(bits):
            out[rng.randrange(size)] ^= 1 << rng.randrange(8)
        return bytes(out), f"flip {bits} bit(s)"
    if kind == "truncate":
        cut = rng.randrange(1, size)
        return bytes(out[:cut]), f"truncate to {cut} of {size}"
    if kind == "splice":
        at = rng.randrange(1, size)
        start = rng.randrange(len(other))
        return bytes(out[:at]) + other[start:], f"splice at {at} from the other batch's {start}"
    at = rng.randrange(size)
    length = rng.randint(1, 512)
    out[at:at + length] = bytes(min(length, size - at))
    return bytes(out), f"zero {length} byte(s) at {at}"


def generate(build, folder, records, seed):
    """One valid batch per kind: [(kind, name, bytes)]."""
    batches = []
    for number, (kind, options) in enumerate(KINDS):
        out = os.path.join(folder, kind)
        os.makedirs(out)
        subprocess.run([os.path.join(build, "civicdesk-rostergen"), "--records", str(records), "--batches", "1",
                        "--defects", "5", "--seed", str(seed + number), "--start", f"2024-03-0{number + 1}",
                        "--recipient", os.path.join(PKI, "people/lead/enc.pem"), "--pki", PKI,
                        "--key-pool", os.path.join(folder, "keys.pem"), "--key-pool-size", "2", "--out", out] + options,
                       check=True, stdout=subprocess.DEVNULL)
        name = next(n for n in os.listdir(out) if n.endswith(".cec"))
        with open(os.path.join(out, name), "rb") as file:
            batches.append((kind, name, file.read()))
    return batches


class Lab:
    """The card lab of the environment, or one of this harness's own."""

    def __init__(self, build):
        self.folder = None
        if os.environ.get("SOFTHSM2_CONF"):
            self.environment = dict(os.environ)
            return
        self.folder = tempfile.mkdtemp(prefix="civicdesk-lab.")
        result = subprocess.run([os.path.join(ROOT, "scripts/card-lab.sh"), "start", self.folder, "--owner", str(os.getpid())],
                                env=dict(os.environ, CIVICDESK_BUILD_DIR=build), capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"damaged-imports: card-lab.sh start failed: {result.stderr}")
        self.environment = dict(os.environ)
        for line in result.stdout.splitlines():
            match = re.match(r"export (\w+)='?(.*?)'?$", line)
            if match:
                self.environment[match.group(1)] = match.group(2)

    def stop(self):
        if self.folder:
            subprocess.run([os.path.join(ROOT, "scripts/card-lab.sh"), "stop", self.folder], capture_output=True)
            shutil.rmtree(self.folder, ignore_errors=True)


def reason(stderr, name):
    """The refusal's reason as printed after 「NAME」未匯入：, or None."""
    match = re.search(re.escape(f"「{name}」未匯入：") + r"(.*)", stderr)
    return match.group(1).strip() if match else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1500)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--records", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--keep", default=os.path.join(ROOT, ".build/faults/damaged-imports"),
                        help="where inputs that killed or hung a process are kept")
    parser.add_argument("--build", default=os.environ.get("CIVICDESK_BUILD_DIR", os.path.join(ROOT, ".build/debug")))
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    build = os.path.abspath(arguments.build)

    work = tempfile.mkdtemp(prefix="civicdesk-damaged.")
    os.chmod(work, 0o700)
    lab = Lab(build)
    try:
        batches = generate(build, os.path.join(work, "valid"), arguments.records, arguments.seed)
        # A copy of its own, so a rebuild meanwhile neither breaks the run nor mixes two builds.
        program = shutil.copy2(os.path.join(build, "civicdesk"), os.path.join(work, "civicdesk"))
        environment = dict(lab.environment, LANG="zh_TW.UTF-8", CIVICDESK_TRUST_DIR="", SWIFT_BACKTRACE="enable=yes,interactive=no",
                           XDG_DATA_HOME=os.path.join(work, "data"), CIVICDESK_DOCUMENTS_DIR=os.path.join(work, "documents"))
        figures = run_all(arguments, program, batches, environment, work)
    finally:
        lab.stop()
        shutil.rmtree(work, ignore_errors=True)
    if arguments.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print_table(figures)
    return 0 if figures["signalled"] == 0 and figures["hung"] == 0 and not figures["wrong"] else 1


def run_all(arguments, program, batches, environment, work):
    lock = threading.Lock()
    figures = {"runs": 0, "token retries": 0, "refused": 0, "imported": 0, "signalled": 0, "hung": 0, "signals": {}, "statuses": {},
               "reasons": {}, "wrong": [], "kept": [], "seconds": 0.0}
    local = threading.local()
    started = time.monotonic()

    def one(index):
        rng = random.Random(f"{arguments.seed}/{index}")
        kind, name, data = batches[index % len(batches)]
        other = batches[(index + 1) % len(batches)][2]
        damaged, how = mutate(data, other, rng)
        if not hasattr(local, "folder"):
            local.folder = tempfile.mkdtemp(dir=work, prefix="job.")
        folder = os.path.join(local.folder, str(index))
        os.makedirs(folder)
        path = os.path.join(folder, name)
        with open(path, "wb") as file:
            file.write(damaged)
        # A fresh workspace each time: what one copy did cannot change what the next one meets.
        command = [program, "roster", "import", "--workspace", os.path.join(folder, "workspace"),
                   "--trust", os.path.join(PKI, "trust"), "--token", TOKEN, "--pin-stdin", path]
        for attempt in range(2):
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       env=environment, start_new_session=True)
            try:
                out, err = process.communicate(b"123456\n", timeout=arguments.timeout)
                status = process.returncode
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                out, err = process.communicate()
                status = "hang"
            err = err.decode("utf-8", "replace")
            # Refused before the file was looked at, for the token (C_Login failing, the token
            # not found): SoftHSM2 rewrites its token file in place at each login, which another
            # process reading it at that moment finds broken. The lab's, not the file's; the same
            # copy is imported once more.
            if status != 1 or reason(err, name) is not None or not ("C_Login" in err or TOKEN in err):
                break
            with lock:
                figures["token retries"] += 1
        with lock:
            figures["runs"] += 1
            if figures["runs"] % 100 == 0 and not arguments.json:
                print(f"  {figures['runs']} runs, {figures['signalled']} deaths by signal, {figures['hung']} hangs",
                      file=sys.stderr, flush=True)
            figures["statuses"][str(status)] = figures["statuses"].get(str(status), 0) + 1
            problem = None
            if status == "hang":
                figures["hung"] += 1
                problem = "hang"
            elif status < 0 or status > 128:
                number = -status if status < 0 else status - 128
                label = signal.Signals(number).name if number in signal.valid_signals() else str(number)
                figures["signalled"] += 1
                figures["signals"][label] = figures["signals"].get(label, 0) + 1
                problem = label
            elif status == 0:
                figures["imported"] += 1  # the damage missed everything checked (an unused byte)
            else:
                why = reason(err, name)
                if status != 1 or why is None or out:
                    figures["wrong"].append({"input": how, "kind": kind, "status": status, "stderr": err[-2000:]})
                else:
                    figures["refused"] += 1
                    short = re.sub(r"\d+", "N", why)[:60]
                    figures["reasons"][short] = figures["reasons"].get(short, 0) + 1
            if problem:
                os.makedirs(arguments.keep, exist_ok=True)
                kept = os.path.join(arguments.keep, f"{problem}-{kind}-{arguments.seed}-{index}.cec")
                with open(kept, "wb") as file:
                    file.write(damaged)
                with open(kept + ".stderr", "w") as file:
                    file.write(f"{how}\n{err}")
                figures["kept"].append(kept)
        shutil.rmtree(folder, ignore_errors=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(arguments.jobs, 1)) as pool:
        for future in [pool.submit(one, index) for index in range(arguments.runs)]:
            future.result()
    figures["seconds"] = round(time.monotonic() - started, 1)
    return figures


def print_table(figures):
    print(f"damaged imports: {figures['runs']} runs in {figures['seconds']} s")
    print(f"  refused properly   {figures['refused']}")
    print(f"  imported (damage missed every check) {figures['imported']}")
    print(f"  deaths by signal   {figures['signalled']}  {figures['signals'] or ''}")
    print(f"  hangs              {figures['hung']}")
    print(f"  wrong refusals     {len(figures['wrong'])}")
    print(f"  token retries      {figures['token retries']} (SoftHSM2 read while another process rewrote it)")
    print("  exit statuses      " + ", ".join(f"{k}: {v}" for k, v in sorted(figures["statuses"].items())))
    print("  reasons:")
    for why, count in sorted(figures["reasons"].items(), key=lambda item: -item[1]):
        print(f"    {count:6}  {why}")
    for wrong in figures["wrong"][:5]:
        print(f"  wrong: {wrong['kind']} {wrong['input']} exit {wrong['status']}: {wrong['stderr'][-300:]}")
    for kept in figures["kept"]:
        print(f"  kept: {kept}")


if __name__ == "__main__":
    sys.exit(main())
