#!/usr/bin/env python3
"""card-pull.py: the card taken out, or its PKCS#11 module failing, while an import or a pack
runs (issue 16, item 3).

`--fault pull` (the default): the command line finds the reader holding the card it was given
(its certificate, read over PC/SC) and watches it while it works; in the card lab the card is
pulled with `civicdesk-cardsim control SOCKET remove` at a random point. Each run must either
finish before the pull, or stop with exit 1 and 「卡片已從讀卡機取出」.

`--fault module`: the token's module is `failing-pkcs11.c` in front of SoftHSM2, which starts
answering CKR_DEVICE_ERROR at a random one of the calls a clean run makes. Each run must stop
with exit 1 and 「卡片無法完成操作」 (or, when it breaks while the token is still being looked
for, 「找不到」 the token).

Either way the run leaves no hidden or partial file, only whole batches in the workspace and
nothing in the output folder; with the card back (or the module whole), importing or packing
again completes the case with a clean run's counts and files.

    scripts/faults/card-pull.py [--fault pull|module] [--trials 10] [--records 6000] [--batches 3]
        [--seed 1] [--json] [--build .build/debug]

Uses the card lab of the environment (SOFTHSM2_CONF set) or one of its own. Exit status 0 when
every pulled run stopped cleanly and recovered.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

harness = import_module("damaged-imports")
kill = import_module("kill-outputs")
full = import_module("disk-full")


class Card:
    """The lead person's card, pulled out of its reader at a random moment."""
    messages = ("卡片已從讀卡機取出",)

    def __init__(self, build, environment):
        self.command = [os.path.join(build, "civicdesk-cardsim"), "control", environment["CIVICDESK_CARDSIM_CONTROL"]]
        self.list = [os.path.join(build, "civicdesk"), "card", "list", "--json"]
        self.environment = environment
        self.reader = environment["CIVICDESK_CARD_READER"]

    def control(self, words):
        return subprocess.run(self.command + words, capture_output=True, text=True, env=self.environment).stdout

    def put_back(self):
        """The lead person's card back in its reader, once the reader service shows it."""
        if not self.control(["status"]).startswith("ok inserted person:lead "):
            self.control(["remove"])
            self.control(["insert", "person:lead"])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            listed = subprocess.run(self.list, capture_output=True, env=self.environment)
            try:
                readers = json.loads(listed.stdout).get("readers", [])
            except ValueError:
                readers = []
            if any(reader.get("name") == self.reader and reader.get("cardPresent") for reader in readers):
                return
            time.sleep(0.05)
        raise SystemExit("card-pull: the lead person's card did not come back")


    def strike(self, civicdesk, arguments, rng, seconds):
        """Runs `arguments`, pulling the card at a random moment; (when, result)."""
        delay = rng.uniform(0.05, seconds)
        process = subprocess.Popen(civicdesk.command(arguments), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=civicdesk.environment)
        process.stdin.write(kill.PIN)
        process.stdin.close()
        process.stdin = None
        time.sleep(delay)
        self.control(["remove"])
        stdout, stderr = process.communicate(timeout=300)
        return f"pulled after {delay:.2f} s", subprocess.CompletedProcess(arguments, process.returncode, stdout, stderr)


class FailingModule:
    """SoftHSM2 behind `failing-pkcs11.c`, failing from a random one of a clean run's calls on."""
    messages = ("卡片無法完成操作", "找不到")

    def __init__(self, work):
        self.library = os.path.join(work, "failing-pkcs11.so")
        compiler = shutil.which("cc") or shutil.which("clang") or "/opt/swift/usr/bin/clang"  # Swift brings clang
        subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-o", self.library,
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "failing-pkcs11.c"), "-ldl"], check=True)
        self.count_file = os.path.join(work, "pkcs11-calls")
        self.calls = {}

    def environment(self, civicdesk, **settings):
        return dict(civicdesk.environment, CIVICDESK_PKCS11_MODULE=self.library,
                    FAILING_PKCS11_MODULE=civicdesk.environment.get("CIVICDESK_PKCS11_MODULE", "/usr/lib/softhsm/libsofthsm2.so"),
                    **settings)

    def count(self, civicdesk, arguments):
        """Runs `arguments` whole through the module, counting the calls a clean run makes."""
        counted = subprocess.run(civicdesk.command(arguments), input=kill.PIN, capture_output=True,
                                 env=self.environment(civicdesk, FAILING_PKCS11_COUNT=self.count_file))
        if counted.returncode != 0:
            raise SystemExit(f"card-pull: {arguments[0]} through the failing module failed: {counted.stderr.decode()}")
        with open(self.count_file) as file:
            self.calls[arguments[0]] = int(file.read())

    def strike(self, civicdesk, arguments, rng, seconds):
        """Runs `arguments` with the module failing from a random call on; (where, result)."""
        calls = self.calls[arguments[0]]
        after = rng.randrange(calls)
        run = subprocess.run(civicdesk.command(arguments), input=kill.PIN, capture_output=True,
                             env=self.environment(civicdesk, FAILING_PKCS11_AFTER=str(after)))
        return f"module failing from call {after} of {calls}", run

    def put_back(self):
        """Nothing to put back: the next run loads the module whole."""


def trials(count, rng, seconds, fault, civicdesk_for, arguments, check_after, recover):
    result = {"trials": 0, "struck": 0, "finished first": 0, "failed": 0, "problems": []}
    for index in range(count):
        fault.put_back()
        civicdesk = civicdesk_for(index)
        when, run = fault.strike(civicdesk, arguments, rng, seconds)
        result["trials"] += 1
        stderr = run.stderr.decode("utf-8", "replace")
        problems = []
        if run.returncode == 0:
            result["finished first"] += 1
        else:
            result["struck"] += 1
            if run.returncode != 1 or not any(message in stderr for message in fault.messages):
                problems.append(f"exit {run.returncode} without 「{'」 or 「'.join(fault.messages)}」: {stderr[-300:]}")
            left = check_after(civicdesk)
            if left:
                problems.append(left)
        fault.put_back()
        again = recover(civicdesk)
        if again:
            problems.append(again)
        if problems:
            result["failed"] += 1
            result["problems"].append(f"{when}: " + "; ".join(problems))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fault", choices=["pull", "module"], default="pull")
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--records", type=int, default=6000)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build", default=os.environ.get("CIVICDESK_BUILD_DIR", os.path.join(harness.ROOT, ".build/debug")))
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    build = os.path.abspath(arguments.build)
    rng = random.Random(arguments.seed)
    work = tempfile.mkdtemp(prefix="civicdesk-cardpull.")
    os.chmod(work, 0o700)
    lab = harness.Lab(build)
    figures = {}
    fault = None
    try:
        generated = os.path.join(work, "batches")
        subprocess.run([os.path.join(build, "civicdesk-rostergen"), "--records", str(arguments.records), "--batches",
                        str(arguments.batches), "--seed", str(arguments.seed), "--recipient",
                        os.path.join(harness.PKI, "people/lead/enc.pem"), "--pki", harness.PKI, "--key-pool",
                        os.path.join(work, "keys.pem"), "--key-pool-size", "4", "--out", generated], check=True, stdout=subprocess.DEVNULL)
        files = sorted(os.path.join(generated, name) for name in os.listdir(generated) if name.endswith(".cec"))
        environment = dict(lab.environment, LANG="zh_TW.UTF-8", CIVICDESK_TRUST_DIR="", XDG_DATA_HOME=os.path.join(work, "data"),
                           CIVICDESK_DOCUMENTS_DIR=os.path.join(work, "documents"))
        fault = Card(build, environment) if arguments.fault == "pull" else FailingModule(work)
        fault.put_back()
        clean = kill.Civicdesk(build, environment, os.path.join(work, "clean"))
        import_seconds = kill.timed(clean, clean.import_(files))
        expected = clean.counts()
        out = os.path.join(work, "out")
        pack = ["pack", "--case", "113002", "--token", kill.TOKEN, "--pin-stdin", "--out", out]
        pack_seconds = kill.timed(clean, pack)
        shutil.rmtree(out)
        if arguments.fault == "module":
            fault.count(kill.Civicdesk(build, environment, os.path.join(work, "counted")), clean.import_(files))
            fault.count(clean, pack)
            shutil.rmtree(out)

        def after_import(civicdesk):
            left = kill.leftovers(civicdesk.workspace)
            whole = full.whole_batches(civicdesk)
            return (f"left {left}" if left else "") + ("" if whole in (True, "no case") else f" workspace: whole batches {whole}")

        def reimport(civicdesk):
            again = civicdesk.run(civicdesk.import_(files), pin=True)
            counts = civicdesk.counts()
            return "" if again.returncode == 0 and counts == expected else \
                f"import again exit {again.returncode}, counts {counts}: {again.stderr.decode()[-300:]}"

        def after_pack(civicdesk):
            present = os.listdir(out) if os.path.isdir(out) else []
            return f"left {present} in the output folder" if present else ""

        def repack(civicdesk):
            again = civicdesk.run(pack, pin=True)
            packed = all(os.path.exists(os.path.join(out, name)) for name in full.OUTPUTS)
            shutil.rmtree(out, ignore_errors=True)
            return "" if again.returncode == 0 and packed else f"pack again exit {again.returncode}: {again.stderr.decode()[-300:]}"

        figures["import"] = trials(arguments.trials, rng, import_seconds, fault, lambda index: kill.Civicdesk(
            build, environment, os.path.join(work, f"import-{index}")), clean.import_(files), after_import, reimport)
        figures["pack"] = trials(arguments.trials, rng, pack_seconds, fault, lambda index: clean, pack, after_pack, repack)
        figures["import seconds"] = round(import_seconds, 2)
        figures["pack seconds"] = round(pack_seconds, 2)
    finally:
        if fault:
            fault.put_back()
        lab.stop()
        shutil.rmtree(work, ignore_errors=True)
    fault_name = "card pulled" if arguments.fault == "pull" else "module failing"
    return kill.report(figures, arguments.json, lambda operation, result: (
        f"{fault_name} during {operation}: {result['trials']} trials, {result['struck']} stopped by it, "
        f"{result['finished first']} finished first, {result['failed']} failed (a wrong message, something "
        f"left, or no recovery)"))


if __name__ == "__main__":
    sys.exit(main())
