#!/usr/bin/env python3
"""privacy.py: the privacy checks of issue 16, item 6, on the command line as a user runs it.

    scripts/faults/privacy.py [--only modes|leaks|purge] [--records 300] [--seed 1] [--json]
        [--build .build/debug]

modes  import and pack under umask 000 and 022 (traced with strace): every file and folder
       created is for its owner only (0600/0700) — the workspace, its database and lines/
       folder, the zip and the xlsx, and any scratch file on the way — and nothing is created
       outside the workspace and the output folder (no log, no temporary copy elsewhere).
leaks  what import, status, records (masked), pack, purge, a wrong PIN, a damaged batch and a
       crash report (SIGSEGV with the Swift backtracer on) print: no PIN, no full ID, no name
       or address of a signer; the process may write no core file (its core size limit is 0). `records --full-ids` must show the full IDs (the check can fail).
purge  after purge, the raw bytes of the database, its WAL and the lines/ folder hold no
       signer's full ID or name (free pages included); before it they did.

Uses the card lab of the environment (SOFTHSM2_CONF set) or one of its own. Exit status 0 when
every check passed; --json prints {check: [problems]}.
"""
import argparse
import json
import os
import re
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
PIN = "123456"
CREATING = re.compile(r'^(?:\[pid +\d+\] |\d+ +)?(open|openat|creat|mkdir|mkdirat)\((?:AT_FDCWD, |\d+<?[^,]*>?, )?"([^"]*)", ?([^)]*)\) = (\d+|-1)')


class Run:
    def __init__(self, build, environment, work):
        self.program = os.path.join(build, "civicdesk")
        self.environment = environment
        self.work = work

    def civicdesk(self, arguments, workspace, stdin=b"", umask=None, trace=None):
        command = [self.program] + arguments + ["--workspace", workspace]
        if trace:
            command = ["strace", "-f", "-qq", "-e", "trace=open,openat,creat,mkdir,mkdirat", "-o", trace] + command
        return subprocess.run(command, input=stdin, capture_output=True, env=self.environment,
                               preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)

    def import_(self, workspace, files, pin=PIN, **options):
        return self.civicdesk(["roster", "import", "--trust", os.path.join(PKI, "trust"), "--token", TOKEN, "--pin-stdin"] + files,
                              workspace, stdin=(pin + "\n").encode(), **options)

    def pack(self, workspace, out, **options):
        return self.civicdesk(["roster", "pack", "--case", "113002", "--token", TOKEN, "--pin-stdin", "--out", out], workspace,
                              stdin=(PIN + "\n").encode(), **options)


def created(trace, token_folder):
    """[(path, mode or None, call)] of every file or folder the traced processes created."""
    found = []
    with open(trace) as file:
        for line in file:
            match = CREATING.match(line)
            if not match or match.group(4) == "-1":
                continue
            call, path, rest = match.group(1), match.group(2), match.group(3)
            if call.startswith("open") and "O_CREAT" not in rest and "O_TMPFILE" not in rest:
                continue
            # The database is made 0600 by CivicDesk before SQLite opens it with O_CREAT (0644,
            # unused then), and its WAL copies that mode; an unnamed file is written by its /proc name.
            if path.startswith(("/dev/", "/proc/", token_folder)) or path.endswith("/workspace.sqlite"):
                continue
            mode = re.search(r"(0[0-7]{3,})\s*$", rest)
            found.append((path, int(mode.group(1), 8) if mode else None, call))
    return found


def check_modes(run, files, token_folder):
    problems = []
    for umask in (0o000, 0o022):
        workspace = os.path.join(run.work, f"umask-{umask:03o}", "workspace")
        out = os.path.join(run.work, f"umask-{umask:03o}", "out")
        os.makedirs(os.path.dirname(workspace))
        for name, result in (("import", run.import_(workspace, files, umask=umask, trace=os.path.join(run.work, f"import-{umask:o}.trace"))),
                             ("pack", run.pack(workspace, out, umask=umask, trace=os.path.join(run.work, f"pack-{umask:o}.trace")))):
            if result.returncode != 0:
                problems.append(f"umask {umask:03o}: {name} failed: {result.stderr.decode()[-300:]}")
                continue
            for path, mode, call in created(os.path.join(run.work, f"{name}-{umask:o}.trace"), token_folder):
                inside = path.startswith((workspace, out)) or path.startswith("/proc/self/fd/")
                if not inside and not path.startswith(os.path.dirname(workspace)):
                    problems.append(f"umask {umask:03o}: {name} created {path} outside the workspace and output folder")
                if mode is None or mode & 0o077:
                    problems.append(f"umask {umask:03o}: {name} {call} {path} with mode {mode and oct(mode)}")
        for folder in (workspace, out):
            for directory, folders, names in os.walk(folder):
                for path, wanted in [(directory, 0o700)] + [(os.path.join(directory, n), 0o600) for n in names]:
                    mode = os.stat(path).st_mode & 0o777
                    if mode != wanted:
                        problems.append(f"umask {umask:03o}: {path} is {oct(mode)}, not {oct(wanted)}")
        if not os.path.exists(os.path.join(out, "連署(送件用).zip")) or not os.path.isdir(os.path.join(workspace, "lines")):
            problems.append(f"umask {umask:03o}: the zip or the lines/ folder is missing")
    return problems


def signers(run, workspace):
    result = run.civicdesk(["roster", "records", "--case", "113002", "--json", "--full-ids"], workspace)
    return json.loads(result.stdout), result.stdout.decode()


def secrets_in(text, people, names=True):
    """What of the PIN and the signers' full IDs, names and addresses `text` shows."""
    found = [f"PIN {PIN}"] if re.search(rf"(?<!\d){PIN}(?!\d)", text) else []
    for person in people:
        found += [f"full ID {person['id']}"] if person["id"] in text else []
        if names:
            found += [f"{key} {person[key]}" for key in ("name", "address") if person[key] and person[key] in text]
    return found[:5]


def check_leaks(run, files, generated):
    problems = []
    workspace = os.path.join(run.work, "leaks", "workspace")
    out = os.path.join(run.work, "leaks", "out")
    outputs = {"import": run.import_(workspace, files)}
    people, full = signers(run, workspace)
    if not people or not all(person["id"] in full for person in people):
        return [f"records --full-ids does not show the full IDs: {full[:200]}"]
    outputs["import again"] = run.import_(workspace, files)
    outputs["import with a wrong PIN"] = run.import_(os.path.join(run.work, "leaks", "other"), files, pin="654321")
    damaged = os.path.join(generated, "damaged.cec")
    with open(files[0], "rb") as source, open(damaged, "wb") as target:
        data = bytearray(source.read())
        data[len(data) // 2] ^= 0xFF
        target.write(data)
    outputs["import of a damaged batch"] = run.import_(os.path.join(run.work, "leaks", "damaged"), [damaged])
    for arguments in (["status", "--case", "113002"], ["status", "--case", "113002", "--json"], ["status"]):
        outputs[" ".join(arguments)] = run.civicdesk(["roster"] + arguments, workspace)
    masked = {name: run.civicdesk(["roster", "records", "--case", "113002"] + extra, workspace)
              for name, extra in (("records", []), ("records --json", ["--json"]))}
    outputs["pack"] = run.pack(workspace, out)
    outputs["crash report"], core = crash(run, files)
    if core != ["0", "0"]:
        problems.append(f"a crash may write a core file with what was decrypted (core size limit {core})")
    outputs["purge"] = run.civicdesk(["roster", "purge", "--case", "113002"], workspace)
    for name, result in outputs.items():
        shown = result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
        found = secrets_in(shown, people)
        if found:
            problems.append(f"{name} shows {found}")
    for name, result in masked.items():
        found = secrets_in(result.stdout.decode() + result.stderr.decode(), people, names=False)
        if found or result.returncode != 0:
            problems.append(f"{name} (without --full-ids) shows {found} (exit {result.returncode})")
    if b"Crashed thread" not in outputs["crash report"].stderr and b"Thread" not in outputs["crash report"].stderr:
        problems.append(f"no crash report was printed: {outputs['crash report'].stderr.decode()[-300:]}")
    return problems


def crash(run, files):
    """An import made to crash (SIGSEGV) while it decrypts, with the Swift backtracer on."""
    workspace = os.path.join(run.work, "leaks", "crashed")
    environment = dict(run.environment, SWIFT_BACKTRACE="enable=yes,interactive=no,registers=all,images=all")
    command = [run.program, "roster", "import", "--trust", os.path.join(PKI, "trust"), "--token", TOKEN, "--pin-stdin"] + files
    process = subprocess.Popen(command + ["--workspace", workspace], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=environment)
    process.stdin.write((PIN + "\n").encode())
    process.stdin.close()
    process.stdin = None
    lines = os.path.join(workspace, "lines")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None and not (os.path.isdir(lines) and os.listdir(lines)):
        time.sleep(0.01)
    core = None
    if process.poll() is None:
        with open(f"/proc/{process.pid}/limits") as file:
            core = next((line.split()[4:6] for line in file if line.startswith("Max core file size")), None)
        process.send_signal(signal.SIGSEGV)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr), core


def raw_hits(folder, people):
    """The signers' full IDs and names found in the raw bytes of the workspace's files."""
    contents = b""
    for directory, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(directory, name), "rb") as file:
                contents += file.read()
    found = []
    for person in people:
        for key in ("id", "name"):
            if person[key] and person[key].encode() in contents:
                found.append(f"{key} {person[key]}")
    return found


def check_purge(run, files):
    workspace = os.path.join(run.work, "purge", "workspace")
    result = run.import_(workspace, files)
    if result.returncode != 0:
        return [f"import failed: {result.stderr.decode()[-300:]}"]
    people, _ = signers(run, workspace)
    # Some personal data is rewritten (a second import of the same batches changes nothing but
    # reads), and records go to free pages only when deleted: purge with the WAL still full.
    before = raw_hits(workspace, people)
    if len(before) < len(people):
        return [f"before purge the workspace shows only {len(before)} of {2 * len(people)} IDs and names: the check cannot see them"]
    result = run.civicdesk(["roster", "purge", "--case", "113002"], workspace)
    if result.returncode != 0:
        return [f"purge failed: {result.stderr.decode()[-300:]}"]
    after = raw_hits(workspace, people)
    return [f"after purge the workspace's files still hold {len(after)} IDs and names, e.g. {after[:4]}"] if after else []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["modes", "leaks", "purge"])
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build", default=os.environ.get("CIVICDESK_BUILD_DIR", os.path.join(harness.ROOT, ".build/debug")))
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    build = os.path.abspath(arguments.build)
    work = tempfile.mkdtemp(prefix="civicdesk-privacy.")
    os.chmod(work, 0o700)
    lab = harness.Lab(build)
    results = {}
    try:
        generated = os.path.join(work, "batches")
        subprocess.run([os.path.join(build, "civicdesk-rostergen"), "--records", str(arguments.records), "--batches", "2",
                        "--seed", str(arguments.seed), "--recipient", os.path.join(PKI, "people/lead/enc.pem"), "--pki", PKI,
                        "--key-pool", os.path.join(work, "keys.pem"), "--key-pool-size", "2", "--out", generated],
                       check=True, stdout=subprocess.DEVNULL)
        files = sorted(os.path.join(generated, name) for name in os.listdir(generated) if name.endswith(".cec"))
        environment = dict(lab.environment, LANG="zh_TW.UTF-8", CIVICDESK_TRUST_DIR="", XDG_DATA_HOME=os.path.join(work, "data"),
                           CIVICDESK_DOCUMENTS_DIR=os.path.join(work, "documents"))
        with open(environment["SOFTHSM2_CONF"]) as file:
            token_folder = next(line.split("=", 1)[1].strip() for line in file if line.strip().startswith("directories.tokendir"))
        run = Run(build, environment, work)
        checks = {"modes": lambda: check_modes(run, files, token_folder), "leaks": lambda: check_leaks(run, files, generated),
                  "purge": lambda: check_purge(run, files)}
        for name, check in checks.items():
            if arguments.only in (None, name):
                results[name] = check()
    finally:
        lab.stop()
        shutil.rmtree(work, ignore_errors=True)
    if arguments.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for name, problems in results.items():
            print(f"privacy {name}: {'passed' if not problems else f'{len(problems)} problem(s)'}")
            for problem in problems[:10]:
                print(f"  {problem}")
    return 0 if not any(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
