"""Files opened from the file manager (`civicdesk FILE`, as the desktop entry's Exec runs it): a
`.cec` batch brings the running window forward on the 連署名冊 import wizard with that batch
ticked, still one window; a `.di` letter on 公文製作; a first start with a batch opens on the
wizard once the workspace is read; a name that is no file is a usage error (status 2)."""

import os
import shutil
import subprocess
import tempfile

import pyatspi

from civicui import BUILD_DIR, check, run as run_test, wait_for

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))


def demo_copy():
    """The demo workspace and one of its waiting batches, put outside Downloads (as a batch
    saved elsewhere would be), and an empty Downloads folder."""
    subprocess.run([os.path.join(ROOT, "scripts/demo-data.sh")], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, CIVICDESK_BUILD_DIR=BUILD_DIR))
    folder = tempfile.mkdtemp(prefix="civicdesk-open-demo-")
    shutil.copytree(os.path.join(ROOT, ".build/demo/workspace"), os.path.join(folder, "workspace"))
    for name in ("downloads", "documents", "elsewhere"):
        os.makedirs(os.path.join(folder, name))
    batch = sorted(os.listdir(os.path.join(ROOT, ".build/demo/downloads")))[0]
    shutil.copy(os.path.join(ROOT, ".build/demo/downloads", batch), os.path.join(folder, "elsewhere", batch))
    letter = os.path.join(folder, "elsewhere", "letter.di")
    with open(letter, "w") as file:
        file.write('<?xml version="1.0" encoding="UTF-8"?>\n<函/>\n')
    return folder, os.path.join(folder, "elsewhere", batch), letter


def open_in_running(app, path):
    """What the file manager does: run `civicdesk PATH`, which hands the file over and exits."""
    return subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), path], env=app.env, stdout=app.log,
                          stderr=subprocess.STDOUT, timeout=20).returncode


def ticked(app, name):
    box = app.find("check box", name, timeout=15)
    return box.getState().contains(pyatspi.STATE_CHECKED)


def test_running(batch, letter):
    def body(app):
        app.select_area("讀卡機與憑證")
        status = open_in_running(app, batch)
        check(status == 0, f"`civicdesk {batch}` hands over and exits cleanly, not with {status}")
        wait_for(lambda: app.window_title() == "連署名冊", 15, "the window on 連署名冊")
        app.label("選擇名冊檔", timeout=15)
        name = os.path.basename(batch)
        wait_for(lambda: ticked(app, name), 15, f"{name} ticked in the import wizard")
        check(len(app.applications()) == 1 and len(app.frames()) == 1, "still one CivicDesk with one window")
        app.screenshot("batch-opened")

        status = open_in_running(app, letter)
        check(status == 0, f"`civicdesk {letter}` exits cleanly, not with {status}")
        wait_for(lambda: app.window_title() == "公文製作", 15, "the window on 公文製作")
        app.screenshot("letter-opened")

        missing = subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), "no-such-file.cec"], env=app.env,
                                 capture_output=True, text=True, timeout=20)
        check(missing.returncode == 2 and "no-such-file.cec" in missing.stderr,
              f"a missing file is a usage error: {missing.returncode} {missing.stderr!r}")
    return body


def test_first_start(batch):
    def body(app):
        wait_for(lambda: app.window_title() == "連署名冊", 15, "the first window on 連署名冊")
        name = os.path.basename(batch)
        wait_for(lambda: ticked(app, name), 15, f"{name} ticked in the import wizard on the first start")
        app.screenshot("started-with-batch")
    return body


def run():
    demo, batch, letter = demo_copy()
    env = {
        "CIVICDESK_WORKSPACE": os.path.join(demo, "workspace"),
        "CIVICDESK_DOWNLOADS_DIR": os.path.join(demo, "downloads"),
        "CIVICDESK_DOCUMENTS_DIR": os.path.join(demo, "documents"),
    }
    try:
        failed = run_test("open-files", test_running(batch, letter), env=env)
        failed += run_test("open-files-first", test_first_start(batch), env=env, args=[batch])
        return failed
    finally:
        shutil.rmtree(demo, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(1 if run() else 0)
