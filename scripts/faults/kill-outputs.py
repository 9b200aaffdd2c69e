#!/usr/bin/env python3
"""kill-outputs.py: kill -9 an import and a pack at random points (issue 16, item 3) and check
that nothing is left behind: no hidden or .partial file in the workspace or the output folder,
the workspace still opens, importing again completes with a clean import's counts, and packing
again writes both files.

    scripts/faults/kill-outputs.py [--trials 20] [--records 6000] [--batches 3] [--seed 1]
        [--only import|pack] [--json] [--build .build/debug]

Uses the card lab of the environment (SOFTHSM2_CONF set) or one of its own, like
damaged-imports.py. SoftHSM2 rewrites its token file in place at each login, so a kill can
damage the lab's token itself; that is checked after each kill, put right from a copy, and
counted apart. Exit status 0 when every trial left nothing behind and recovered.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

harness = import_module("damaged-imports")
PKI = harness.PKI
TOKEN = harness.TOKEN
PIN = b"123456\n"


def leftovers(*folders):
    """Hidden or .partial files under `folders` (the workspace's own SQLite files excepted)."""
    found = []
    for folder in folders:
        for directory, _, names in os.walk(folder):
            found += [os.path.join(directory, name) for name in names if name.startswith(".") or name.endswith(".partial")]
    return found


class Civicdesk:
    def __init__(self, build, environment, workspace):
        self.program = os.path.join(build, "civicdesk")
        self.environment = environment
        self.workspace = workspace

    def command(self, arguments):
        return [self.program, "roster"] + arguments + ["--workspace", self.workspace]

    def run(self, arguments, pin=False):
        return subprocess.run(self.command(arguments), input=PIN if pin else b"", capture_output=True, env=self.environment)

    def start(self, arguments):
        process = subprocess.Popen(self.command(arguments), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=self.environment)
        process.stdin.write(PIN)
        process.stdin.close()
        return process

    def import_(self, files):
        return ["import", "--trust", os.path.join(PKI, "trust"), "--token", TOKEN, "--pin-stdin"] + files

    def counts(self):
        result = self.run(["status", "--case", "113002", "--json"])
        return json.loads(result.stdout)["counts"] if result.returncode == 0 else None


class TokenStore:
    """SoftHSM2 rewrites its token file in place at every login, so a kill -9 at that moment can
    leave the token unreadable — SoftHSM2's own store, which a real card does not have. The
    tokens are copied at the start and put back when a kill damaged them (counted apart)."""

    def __init__(self, configuration, backup):
        with open(configuration) as file:
            self.folder = next(line.split("=", 1)[1].strip() for line in file if line.strip().startswith("directories.tokendir"))
        self.backup = backup
        shutil.copytree(self.folder, backup)

    def damaged(self, civicdesk):
        info = subprocess.run([civicdesk.program, "token", "info", "--token", TOKEN], capture_output=True, env=civicdesk.environment)
        if info.returncode == 0:
            return False
        shutil.rmtree(self.folder)
        shutil.copytree(self.backup, self.folder)
        return True


def kill_after(civicdesk, arguments, delay):
    process = civicdesk.start(arguments)
    time.sleep(delay)
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return finished


def timed(civicdesk, arguments, pin=True):
    started = time.monotonic()
    result = civicdesk.run(arguments, pin=pin)
    if result.returncode != 0:
        raise SystemExit(f"kill-outputs: {' '.join(arguments[:1])} failed: {result.stderr.decode()}")
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--records", type=int, default=6000)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["import", "pack"])
    parser.add_argument("--build", default=os.environ.get("CIVICDESK_BUILD_DIR", os.path.join(harness.ROOT, ".build/debug")))
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    build = os.path.abspath(arguments.build)
    rng = random.Random(arguments.seed)

    work = tempfile.mkdtemp(prefix="civicdesk-kill.")
    os.chmod(work, 0o700)
    lab = harness.Lab(build)
    figures = {}
    try:
        generated = os.path.join(work, "batches")
        subprocess.run([os.path.join(build, "civicdesk-rostergen"), "--records", str(arguments.records), "--batches",
                        str(arguments.batches), "--seed", str(arguments.seed), "--recipient",
                        os.path.join(PKI, "people/lead/enc.pem"), "--pki", PKI, "--key-pool", os.path.join(work, "keys.pem"),
                        "--key-pool-size", "4", "--out", generated], check=True, stdout=subprocess.DEVNULL)
        files = sorted(os.path.join(generated, name) for name in os.listdir(generated) if name.endswith(".cec"))
        environment = dict(lab.environment, LANG="zh_TW.UTF-8", CIVICDESK_TRUST_DIR="", XDG_DATA_HOME=os.path.join(work, "data"),
                           CIVICDESK_DOCUMENTS_DIR=os.path.join(work, "documents"))
        tokens = TokenStore(environment["SOFTHSM2_CONF"], os.path.join(work, "tokens"))
        clean = Civicdesk(build, environment, os.path.join(work, "clean"))
        import_seconds = timed(clean, clean.import_(files))
        expected = clean.counts()
        out = os.path.join(work, "out")
        pack = ["pack", "--case", "113002", "--token", TOKEN, "--pin-stdin", "--out", out]
        pack_seconds = timed(clean, pack)
        if arguments.only != "pack":
            figures["import"] = trials(arguments.trials, rng, import_seconds, lambda index: Civicdesk(
                build, environment, os.path.join(work, f"import-{index}")), lambda civicdesk: civicdesk.import_(files),
                expected=expected, recover=lambda civicdesk: civicdesk.run(civicdesk.import_(files), pin=True), tokens=tokens)
        if arguments.only != "import":
            shutil.rmtree(out)
            figures["pack"] = trials(arguments.trials, rng, pack_seconds, lambda index: clean, lambda civicdesk: pack,
                                     expected=expected, recover=lambda civicdesk: civicdesk.run(pack, pin=True), tokens=tokens,
                                     out=out)
        figures["import seconds"] = round(import_seconds, 2)
        figures["pack seconds"] = round(pack_seconds, 2)
    finally:
        lab.stop()
        shutil.rmtree(work, ignore_errors=True)
    return report(figures, arguments.json, lambda operation, result: (
        f"kill -9 during {operation}: {result['trials']} trials ({result['killed']} killed mid-way), "
        f"{result['left']} left hidden/partial files, {result['failed']} did not recover "
        f"(SoftHSM2's token file damaged by the kill and put back: {result['token restored']})"),
        failures=lambda result: result["left"] + result["failed"])


def report(figures, as_json, line, failures=lambda result: result["failed"]):
    """Prints a fault run's figures, as JSON or a line per operation with its first problems, and
    returns the exit status: 0 when there are figures and none of them failed."""
    if as_json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for operation in ("import", "pack"):
            result = figures.get(operation)
            if result:
                print(line(operation, result))
                for problem in result["problems"][:5]:
                    print(f"  {problem}")
    failed = sum(failures(figures[key]) for key in ("import", "pack") if key in figures)
    return 0 if figures and failed == 0 else 1


def trials(count, rng, seconds, civicdesk_for, arguments_for, expected, recover, tokens, out=None):
    result = {"trials": 0, "killed": 0, "left": 0, "failed": 0, "token restored": 0, "problems": []}
    for index in range(count):
        civicdesk = civicdesk_for(index)
        delay = rng.uniform(0.05, seconds * 1.1)
        if not kill_after(civicdesk, arguments_for(civicdesk), delay):
            result["killed"] += 1
        result["trials"] += 1
        left = leftovers(*[folder for folder in (civicdesk.workspace, out) if folder and os.path.isdir(folder)])
        if left:
            result["left"] += 1
            result["problems"].append(f"after {delay:.2f} s: left {left}")
        if tokens.damaged(civicdesk):
            result["token restored"] += 1
        recovered = recover(civicdesk)
        counts = civicdesk.counts()
        packed = out is None or all(os.path.exists(os.path.join(out, name)) for name in ("連署(送件用).zip", "連署.xlsx"))
        if recovered.returncode != 0 or counts != expected or not packed:
            result["failed"] += 1
            result["problems"].append(f"after {delay:.2f} s: again exit {recovered.returncode}, counts {counts}, "
                                      f"packed {packed}: {recovered.stderr.decode()[-300:]}")
    return result


if __name__ == "__main__":
    sys.exit(main())
