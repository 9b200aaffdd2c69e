"""登入 in a workspace with a registered office (the demo case 113002 of scripts/demo-data.sh): the
office (agency card gca, administrator admin) and the clerk 張雅婷 (card clerk) with rosters.import
and rosters.query but not rosters.pack are set up with the command line; the window asks for the
clerk's card before the 連署名冊 area, the header bar names her, 打包送件檔 is disabled; after 登出
and the administrator giving her rosters.pack (`civicdesk registry clerk change`), she signs in
again and 打包送件檔 is enabled."""

import json
import os
import shutil
import subprocess
import tempfile

import pyatspi

import cardlab
from civicui import BUILD_DIR, check, main, wait_for
from test_roster import RETURN, press

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
PIN = "123456"
OFFICE_CARDS = ["--agency-token", "pkcs11:token=gca", "--admin-token", "pkcs11:token=admin"]


def civicdesk(command, workspace, *arguments, pins=0):
    """`civicdesk COMMAND …` on `workspace`, `pins` card PINs given on standard input."""
    stdin = [] if pins == 0 else ["--pin-stdin"]
    result = subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), command, *arguments, *stdin, "--workspace", workspace],
                            input=(PIN + "\n") * pins, capture_output=True, text=True)
    check(result.returncode == 0, f"civicdesk {command} {' '.join(arguments)} failed: {result.stderr}")
    return result.stdout


def registry(workspace, *arguments, pins=0):
    return civicdesk("registry", workspace, *arguments, pins=pins)


def set_up_office(workspace, permissions="rosters.import,rosters.query"):
    """The demo office registered in `workspace`, 張雅婷 its clerk with `permissions`."""
    registry(workspace, "register", "--agency-code", "10001", *OFFICE_CARDS, "--admin-id", "F128765439", "--name", "林志強",
             "--email", "admin@moda.gov.tw", "--phone", "(02)2701-3411", "--extension", "5312", pins=2)
    registry(workspace, "clerk", "add", *OFFICE_CARDS, "--clerk-cert", os.path.join(ROOT, "data/test-pki/people/clerk/sign.pem"),
             "--id", "E224613579", "--permissions", permissions, pins=2)


def clerk_serial(workspace):
    clerks = json.loads(registry(workspace, "clerk", "list", "--json"))
    check(len(clerks) == 1 and clerks[0]["name"] == "張雅婷", f"the clerk 張雅婷, got {clerks}")
    return clerks[0]["serial"]


def sensitive(button):
    return button.getState().contains(pyatspi.STATE_SENSITIVE)


def sign_in(app, shot):
    """The 登入 page: the clerk's card in the reader, its PIN, Enter; the header bar names her."""
    app.label("請放入授權經辦人之自然人憑證IC卡", timeout=20, contains=True)
    cardlab.remove()
    cardlab.insert("person:clerk")
    app.label("（張雅婷）的 PIN 碼", timeout=20, contains=True)
    app.type_into(app.find_all("text", "PIN 碼")[-1], PIN)
    app.screenshot(shot)
    # Enter in the PIN field signs in, as 登入 does.
    press(app, RETURN)
    app.label("經辦人：張雅婷", timeout=30)
    app.find("push button", "登出")


def pack_button(app):
    app.label("連署案件", timeout=20)
    return app.find("push button", "打包送件檔", timeout=10)


def test(app):
    workspace = app.env["CIVICDESK_WORKSPACE"]
    app.select_area("連署名冊")
    sign_in(app, "signin-card")
    pack = pack_button(app)
    # The page is built again as the session changes: wait for the clerk's rights to be applied.
    wait_for(lambda: not sensitive(pack_button(app)), 10, "打包送件檔 to be disabled without rosters.pack")
    check(sensitive(app.find("push button", "匯入名冊檔")), "匯入名冊檔 is enabled with rosters.import")
    check(not sensitive(app.find("push button", "清除個資")), "清除個資 is disabled without rosters.purge")
    app.screenshot("signed-in-without-pack")

    app.click_button("登出")
    app.wait_gone("label", "經辦人：張雅婷")
    registry(workspace, "clerk", "change", *OFFICE_CARDS, "--serial", clerk_serial(workspace),
             "--permissions", "rosters.import,rosters.query,rosters.pack", pins=2)
    app.screenshot("signed-out")
    sign_in(app, "signin-again")
    wait_for(lambda: sensitive(pack_button(app)), 10, "打包送件檔 to be enabled with rosters.pack")
    app.screenshot("signed-in-with-pack")


def run():
    subprocess.run([os.path.join(ROOT, "scripts/demo-data.sh")], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, CIVICDESK_BUILD_DIR=BUILD_DIR))
    folder = tempfile.mkdtemp(prefix="civicdesk-signin-")
    workspace = os.path.join(folder, "workspace")
    shutil.copytree(os.path.join(ROOT, ".build/demo/workspace"), workspace)
    try:
        set_up_office(workspace)
        return main("signin", test, env={"CIVICDESK_WORKSPACE": workspace})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        cardlab.remove()
        cardlab.insert("person:lead")


if __name__ == "__main__":
    run()
