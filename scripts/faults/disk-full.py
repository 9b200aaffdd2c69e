#!/usr/bin/env python3
"""disk-full.py: import and pack with the disk filling up half-way (issue 16, item 3).

A small tmpfs (mount -t tmpfs -o size=…; needs root) is first the workspace, then the output
folder, at several sizes below what the operation needs. Each run must end with exit 1 and the
disk-full message (「磁碟空間不足」), leave no hidden or partial file, keep the workspace
opening with whole batches only (the case's counts add up to the batches it lists), and, once
space is freed (the tmpfs made larger), importing or packing again must complete the case with
a clean run's counts and files.

    scripts/faults/disk-full.py [--records 6000] [--batches 3] [--sizes 0.2,0.5,0.8] [--seed 1]
        [--json] [--build .build/debug]

Uses the card lab of the environment (SOFTHSM2_CONF set) or one of its own. The tmpfs is
unmounted however the run ends. Exit status 0 when every run gave the message, left nothing
and recovered.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

harness = import_module("damaged-imports")
kill = import_module("kill-outputs")
MESSAGE = "磁碟空間不足"
OUTPUTS = ("連署(送件用).zip", "連署.xlsx")


class SmallDisk:
    """A tmpfs of `size` bytes at `folder`, made larger by `free()`."""

    def __init__(self, folder, size):
        self.folder = folder
        os.makedirs(folder)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={max(size // 1024, 64)}k,mode=0700", "tmpfs", folder], check=True)

    def used(self):
        stat = os.statvfs(self.folder)
        return (stat.f_blocks - stat.f_bfree) * stat.f_frsize

    def free(self):
        subprocess.run(["mount", "-o", "remount,size=1g", self.folder], check=True)

    def close(self):
        subprocess.run(["umount", "-l", self.folder], check=False)


def size_of(folder):
    return sum(os.path.getsize(os.path.join(d, n)) for d, _, names in os.walk(folder) for n in names)


def whole_batches(civicdesk):
    """None when the workspace does not open; else whether its counts add up to its batches. A
    workspace whose very first tables did not fit ("no case" either) still says the disk is full
    when opened on that disk: nothing of it was kept."""
    result = civicdesk.run(["status", "--case", "113002", "--json"])
    if result.returncode != 0:
        error = result.stderr.decode()
        return "no case" if "113002" in error or MESSAGE in error else None
    status = json.loads(result.stdout)
    return sum(status["counts"].values()) == sum(batch["records"] for batch in status["batches"])


def full_run(name, size, run, check_after, recover, disk, figures):
    figures["runs"] += 1
    result = run()
    stderr = result.stderr.decode("utf-8", "replace")
    problems = []
    if result.returncode == 0:
        figures["fitted"] += 1  # the operation needed less than this size: nothing to check
        disk.free()
        return
    if result.returncode != 1 or MESSAGE not in stderr:
        problems.append(f"exit {result.returncode} without 「{MESSAGE}」: {stderr[-400:]}")
    left = check_after()
    if left:
        problems.append(left)
    disk.free()
    again = recover()
    if again:
        problems.append(again)
    if problems:
        figures["failed"] += 1
        figures["problems"].append(f"{name} at {size} bytes: " + "; ".join(problems))
    else:
        figures["clear"] += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=6000)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--sizes", default="0.1,0.3,0.5,0.7,0.9", help="tmpfs sizes as fractions of what the operation needs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build", default=os.environ.get("CIVICDESK_BUILD_DIR", os.path.join(harness.ROOT, ".build/debug")))
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    build = os.path.abspath(arguments.build)
    fractions = [float(text) for text in arguments.sizes.split(",")]
    work = tempfile.mkdtemp(prefix="civicdesk-diskfull.")
    os.chmod(work, 0o700)
    lab = harness.Lab(build)
    figures = {}
    disks = []
    try:
        generated = os.path.join(work, "batches")
        subprocess.run([os.path.join(build, "civicdesk-rostergen"), "--records", str(arguments.records), "--batches",
                        str(arguments.batches), "--seed", str(arguments.seed), "--recipient",
                        os.path.join(harness.PKI, "people/lead/enc.pem"), "--pki", harness.PKI, "--key-pool",
                        os.path.join(work, "keys.pem"), "--key-pool-size", "4", "--out", generated], check=True, stdout=subprocess.DEVNULL)
        files = sorted(os.path.join(generated, name) for name in os.listdir(generated) if name.endswith(".cec"))
        environment = dict(lab.environment, LANG="zh_TW.UTF-8", CIVICDESK_TRUST_DIR="", XDG_DATA_HOME=os.path.join(work, "data"),
                           CIVICDESK_DOCUMENTS_DIR=os.path.join(work, "documents"))
        clean = kill.Civicdesk(build, environment, os.path.join(work, "clean"))
        kill.timed(clean, clean.import_(files))
        expected = clean.counts()
        clean_out = os.path.join(work, "clean-out")
        pack = ["pack", "--case", "113002", "--token", kill.TOKEN, "--pin-stdin", "--out"]
        kill.timed(clean, pack + [clean_out])
        workspace_size, output_size = size_of(clean.workspace), size_of(clean_out)

        def mount(index, size):
            disk = SmallDisk(os.path.join(work, f"disk-{index}"), size)
            disks.append(disk)
            return disk

        imports = {"runs": 0, "clear": 0, "fitted": 0, "failed": 0, "problems": [], "needs bytes": workspace_size}
        for index, fraction in enumerate(fractions):
            size = int(workspace_size * fraction)
            disk = mount(f"import-{index}", size)
            civicdesk = kill.Civicdesk(build, environment, os.path.join(disk.folder, "workspace"))

            def after_import():
                left = kill.leftovers(civicdesk.workspace)
                whole = whole_batches(civicdesk)
                return (f"left {left}" if left else "") + ("" if whole in (True, "no case") else f" workspace: whole batches {whole}")

            def reimport():
                again = civicdesk.run(civicdesk.import_(files), pin=True)
                counts = civicdesk.counts()
                return "" if again.returncode == 0 and counts == expected else \
                    f"import again exit {again.returncode}, counts {counts}: {again.stderr.decode()[-300:]}"

            full_run("import", size, lambda: civicdesk.run(civicdesk.import_(files), pin=True), after_import, reimport, disk, imports)
        packs = {"runs": 0, "clear": 0, "fitted": 0, "failed": 0, "problems": [], "needs bytes": output_size}
        for index, fraction in enumerate(fractions):
            size = int(output_size * fraction)
            disk = mount(f"pack-{index}", size)
            out = os.path.join(disk.folder, "out")

            def after_pack():
                present = [name for name in os.listdir(out)] if os.path.isdir(out) else []
                return f"left {present} in the output folder" if present else ""

            def repack():
                again = clean.run(pack + [out], pin=True)
                packed = all(os.path.exists(os.path.join(out, name)) for name in OUTPUTS)
                return "" if again.returncode == 0 and packed else f"pack again exit {again.returncode}: {again.stderr.decode()[-300:]}"

            full_run("pack", size, lambda: clean.run(pack + [out], pin=True), after_pack, repack, disk, packs)
        figures = {"import": imports, "pack": packs}
    finally:
        for disk in disks:
            disk.close()
        lab.stop()
        shutil.rmtree(work, ignore_errors=True)
    return kill.report(figures, arguments.json, lambda operation, result: (
        f"disk full during {operation} (needs {result['needs bytes']} bytes): {result['runs']} runs, "
        f"{result['clear']} stopped with 「{MESSAGE}」, nothing left and completed again, "
        f"{result['fitted']} fitted, {result['failed']} failed"))


if __name__ == "__main__":
    sys.exit(main())
