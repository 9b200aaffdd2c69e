"""The 憑證註冊與授權 area on an empty workspace with the card lab's demo office (docs-registry.md):
首次註冊 end to end — 用戶約定條款, the agency card `gca` (機關代號 10001) and its PIN, the
administrator 林志強's card `admin` (F128765439) and its PIN, swapped in the one reader with the
card's control socket as a person would, both certificates shown, the contact form, and the result
— checked against `civicdesk registry records --json` of the same workspace; then 授權指派 and the
four queries of 查詢作業."""

import json
import os
import re
import shutil
import subprocess
import tempfile

import time

import pyatspi

import cardlab
from civicui import BUILD_DIR, check, descendants, main, text_of, wait_for

PIN = "123456"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))


def registry(workspace, *arguments):
    result = subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), "registry", *arguments, "--workspace", workspace, "--json"],
                            capture_output=True, text=True)
    check(result.returncode == 0, f"registry {' '.join(arguments)} failed: {result.stderr}")
    return json.loads(result.stdout)


def swap(card):
    cardlab.remove()
    cardlab.insert(card)


def prove_card(app, card, holder, identifier_field, identifier, shot, root=None):
    """Puts `card` in, waits for it to be found (its holder named on the PIN step), types the
    identifier and the PIN, and presses 確認. `root`: the wizard whose step this is."""
    swap(card)
    app.label(f"（{holder}）的 PIN 碼", timeout=20, contains=True)
    field, pin = step_fields(app, identifier_field, root)
    app.type_into(field, identifier)
    app.type_into(pin, PIN)
    app.screenshot(shot)
    press(app, "確認", root)


def step_fields(app, identifier_field, root=None):
    """The identifier and PIN fields of the card step shown. Pages shown once stay in the tree
    with their size (AT-SPI calls them showing): the step's identifier field is the one with the
    focus (each card step puts it there), else the last one (the area's wizards and their steps
    come in order); its PIN field is the next one after it."""
    app.find("text", identifier_field, root=root)
    fields = app.find_all("text", identifier_field, root=root)
    focused = [f for f in fields if f.getState().contains(pyatspi.STATE_FOCUSED)]
    field = (focused or fields)[-1]
    nodes = list(descendants(root or app.application()))
    after = nodes[[i for i, node in enumerate(nodes) if node == field][0]:]
    return field, [n for n in after if n.getRoleName() == "text" and n.name == "PIN 碼"][0]


def press(app, name, root=None, timeout=20):
    """Clicks the button `name` of the wizard `root` (the area's other wizards have theirs too)
    once it is enabled."""
    if root is None:
        return app.click_button(name, timeout=timeout)
    button = app.find("push button", name, timeout=timeout, root=root)
    wait_for(lambda: button.getState().contains(pyatspi.STATE_SENSITIVE), timeout, f"button {name!r} to be enabled")
    app.click(button)


def register(app, workspace):
    app.select_area("憑證註冊與授權")
    app.label("用戶約定條款", contains=True)
    app.screenshot("terms")
    app.click_button("同意條款內容")

    # A 自然人憑證 where the agency card is asked is named as such.
    app.label("這是自然人憑證，不是機關憑證", timeout=15, contains=True)
    app.screenshot("agency-wrong-card")
    prove_card(app, "agency:gca", "數位發展部資訊處", "機關代號(五碼)", "10001", "agency-card")
    app.label("請放入授權管理者之自然人憑證IC卡", timeout=20, contains=True)
    prove_card(app, "person:admin", "林志強", "授權管理者身分證統一編號", "F128765439", "administrator-card")

    app.label("機關憑證資訊", timeout=20)
    app.type_text("姓名", "林志強")
    app.type_text("電子信箱", "admin@example.gov.tw")
    app.type_text("連絡電話", "(02)2701-3411")
    app.type_text("分機", "5312")
    app.screenshot("details")
    app.click_button("確認")
    app.label("首次註冊成功", timeout=20)
    app.screenshot("registered")
    records = registry(workspace, "records", "--agency-code", "10001")
    check(len(records) == 1 if isinstance(records, list) else len(records.get("records", [])) == 1,
          f"one registration record after 首次註冊, got {records}")
    app.click_button("完成")


def clerks(workspace):
    listed = registry(workspace, "clerk", "list")
    return listed if isinstance(listed, list) else listed.get("clerks", [])


def last(app, role, name):
    """The last widget so named: the page shown of the area's last-built wizard (see prove_card)."""
    app.find(role, name, timeout=30)
    return app.find_all(role, name)[-1]


def tick(app, label):
    app.click(app.find("check box", label))


def assign_clerks(app, workspace):
    """授權指派: both cards, the empty list, 新增 by reading 張雅婷's card (讀取憑證, no PIN), 修改
    her permissions, and 刪除 after the confirmation dialog."""
    app.select(app.find("list item", "授權指派"))
    prove_card(app, "agency:gca", "數位發展部資訊處", "機關代號(五碼)", "10001", "clerks-agency-card")
    app.label("請放入授權管理者之自然人憑證IC卡", timeout=20, contains=True)
    prove_card(app, "person:admin", "林志強", "授權管理者身分證統一編號", "F128765439", "clerks-administrator-card")
    app.label("目前查無資料！", timeout=20)
    app.screenshot("clerks-empty")

    app.click_button("新增")
    swap("person:clerk")
    name = last(app, "text", "姓名")
    deadline = time.time() + 20
    while text_of(name) != "張雅婷" and time.time() < deadline:
        app.click_button("讀取憑證")
        time.sleep(0.5)
    check(text_of(name) == "張雅婷", f"讀取憑證 fills 姓名 with 張雅婷, got {text_of(name)!r}")
    check(text_of(last(app, "text", "憑證序號(SN)")) != "", "讀取憑證 fills 憑證序號")
    app.type_into(last(app, "text", "身分證統一編號"), "E224613579")
    tick(app, "匯入名冊")
    tick(app, "查詢連署紀錄")
    app.screenshot("clerk-add")
    app.click_button("確定")
    app.label("新增成功！", timeout=20)
    app.screenshot("clerk-added")
    listed = clerks(workspace)
    check(len(listed) == 1 and listed[0]["name"] == "張雅婷", f"one clerk 張雅婷 after 新增, got {listed}")
    check(sorted(listed[0]["permissions"]) == ["rosters.import", "rosters.query"], f"her permissions, got {listed}")

    app.click_button("修改張雅婷")
    tick(app, "打包送件檔")
    app.screenshot("clerk-change")
    app.click_button("確定")
    app.label("修改成功！", timeout=20)
    listed = clerks(workspace)
    check("rosters.pack" in listed[0]["permissions"], f"rosters.pack given by 修改, got {listed}")


def remove_clerk(app, workspace):
    """授權指派 again: 刪除 張雅婷 after the confirmation dialog."""
    app.select(app.find("list item", "授權指派"))
    app.click_button("刪除張雅婷")
    dialog_button = app.find("push button", "刪除", timeout=10)
    app.screenshot("clerk-remove-confirm")
    app.click(dialog_button)
    app.label("刪除成功！", timeout=20)
    app.label("目前查無資料！", timeout=10)
    app.screenshot("clerk-removed")
    check(clerks(workspace) == [], "no clerk after 刪除")


def row(app, name, timeout=20):
    """The boxed result row whose accessible name (its title：value) starts with `name`."""
    wait_for(lambda: [r for r in app.find_all(None, name, contains=True) if r.name.startswith(name)], timeout,
             f"a row {name!r}")
    return [r for r in app.find_all(None, name, contains=True) if r.name.startswith(name)][0]


def queries(app, workspace):
    """查詢作業: each of the four queries read back over AT-SPI against the same workspace's CLI."""
    app.select(app.find("list item", "查詢作業"))
    app.select(app.find("list item", "查詢憑證註冊收件紀錄"))
    app.type_into(last(app, "text", "機關代號"), "20002")
    app.click_button("查詢憑證註冊收件紀錄")
    app.find(None, "目前查無資料！", timeout=20)
    app.type_into(last(app, "text", "機關代號"), "10001")
    app.click_button("查詢憑證註冊收件紀錄")
    record = row(app, "1. 數位發展部資訊處：")
    check("機關代號 10001" in record.name and "註冊項目 首次註冊" in record.name, f"the 首次註冊 record, got {record.name!r}")
    check(re.search(r"收件時間 1\d\d年\d\d月\d\d日\d\d點\d\d分\d\d秒", record.name), f"收件時間 as the seed writes it, got {record.name!r}")
    app.screenshot("query-records")

    app.select(app.find("list item", "查詢機關憑證OID"))
    prove_card(app, "agency:gca", "數位發展部資訊處", "機關代號(五碼)", "10001", "query-oid-card")
    row(app, "機關名稱：數位發展部資訊處")
    oid = row(app, "機關憑證OID：").name
    check(re.match(r"機關憑證OID：\d+(\.\d+)+", oid), f"an OID, got {oid!r}")
    app.screenshot("query-oid")

    app.select(app.find("list item", "查詢自然人憑證序號"))
    app.label("請放入自然人憑證IC卡，並輸入畫面欄位：", timeout=20)
    prove_card(app, "person:clerk", "張雅婷", "身分證統一編號", "E224613579", "query-serial-card")
    row(app, "姓名：張雅婷")
    serial = clerks(workspace)[0]["serial"]
    shown = row(app, "自然人憑證序號：").name
    check(shown.lower().startswith(f"自然人憑證序號：{serial}".lower()), f"張雅婷's serial {serial}, got {shown!r}")
    app.screenshot("query-serial")

    app.select(app.find("list item", "查詢已授權清單"))
    clerk = row(app, "張雅婷：")
    check(serial.lower() in clerk.name.lower() and "E224613579" in clerk.name, f"張雅婷 listed, got {clerk.name!r}")
    app.screenshot("query-clerks")


def wizard(app, title):
    """The wizard so named (its frame, not its menu item or title label)."""
    app.find(None, title, timeout=20)
    return [w for w in app.find_all(None, title) if w.getRoleName() not in ("list item", "label", "push button")][0]


def replace_administrator(app, workspace):
    """更換憑證 → 更換授權管理者自然人憑證: the registered cards (gca, admin), then 林志強's renewed
    card `admin-renewed`, the stored contact details confirmed, the seed's result message; the
    office's administrator is then the renewed certificate, and 查詢憑證註冊收件紀錄 lists the
    replacement after 首次註冊."""
    title = "更換授權管理者自然人憑證"
    app.select(app.find("list item", "更換憑證"))
    app.label("更換機關憑證和更換授權管理者自然人憑證", timeout=20)
    app.screenshot("replace-choose")
    app.click_button(title)
    replacement = wizard(app, title)
    app.label("用戶約定條款", contains=True)
    press(app, "同意條款內容", replacement)
    # Another office's 機關代號 typed beside the registered card is refused once both cards are
    # proven; 上一步 asks for the agency card afresh.
    prove_card(app, "agency:gca", "數位發展部資訊處", "機關代號(五碼)", "10002", "replace-wrong-code", root=replacement)
    app.label("請放入授權管理者之自然人憑證IC卡", timeout=20, contains=True)
    prove_card(app, "person:admin", "林志強", "授權管理者身分證統一編號", "F128765439", "replace-administrator-card",
               root=replacement)
    app.label("機關代號 10002 與已註冊的機關代號不符。", timeout=20)
    press(app, "上一步", replacement)
    prove_card(app, "agency:gca", "數位發展部資訊處", "機關代號(五碼)", "10001", "replace-agency-card", root=replacement)
    app.label("請放入授權管理者之自然人憑證IC卡", timeout=20, contains=True)
    prove_card(app, "person:admin", "林志強", "授權管理者身分證統一編號", "F128765439", "replace-administrator-card",
               root=replacement)
    # The registered card still in the reader is refused as the renewed one.
    app.label("請放入更換後授權管理者之自然人憑證IC卡", timeout=20, contains=True)
    app.type_into(app.find_all("text", "授權管理者身分證統一編號", root=replacement)[-1], "F128765439")
    app.type_into(app.find_all("text", "PIN 碼", root=replacement)[-1], PIN)
    press(app, "確認", replacement)
    same = "更換後的憑證與目前註冊的憑證相同"
    app.label(same, timeout=20, contains=True)
    app.screenshot("replace-same-card")
    swap("person:admin-renewed")
    wait_for(lambda: not app.find_all("label", same, contains=True), 20, "the refusal to go with the card")
    app.type_into(app.find_all("text", "PIN 碼", root=replacement)[-1], PIN)
    app.screenshot("replace-renewed-card")
    press(app, "確認", replacement)

    app.label("更換授權管理者自然人憑證資訊確認", timeout=20)
    name = app.find_all("text", "姓名", root=replacement)[-1]
    check(text_of(name) == "林志強", f"the stored contact details are shown to confirm, got {text_of(name)!r}")
    renewed = subprocess.run(["openssl", "x509", "-noout", "-serial", "-in",
                              os.path.join(ROOT, "data/test-pki/people/admin-renewed/sign.pem")],
                             capture_output=True, text=True, check=True).stdout.strip().split("=")[1]
    row(app, f"憑證序號：{renewed}")
    app.screenshot("replace-details")
    press(app, "確認", replacement)
    app.label("完成更換授權管理者自然人憑證，如欲繼續辦理授權指派作業，請點選左方選單！", timeout=20, contains=True)
    app.screenshot("replaced")
    records = registry(workspace, "records", "--agency-code", "10001")
    items = [r["item"] for r in (records if isinstance(records, list) else records.get("records", []))]
    check(items == ["first-registration", "administrator-replaced"], f"the records after the replacement, got {items}")
    press(app, "完成", replacement)
    app.label("更換機關憑證和更換授權管理者自然人憑證", timeout=10)

    app.select(app.find("list item", "查詢作業"))
    app.select(app.find("list item", "查詢憑證註冊收件紀錄"))
    app.type_into(last(app, "text", "機關代號"), "10001")
    app.click_button("查詢憑證註冊收件紀錄")
    record = row(app, "2. 數位發展部資訊處：")
    check("註冊項目 更換授權管理者自然人憑證" in record.name, f"the replacement's record, got {record.name!r}")
    app.screenshot("query-records-replaced")


def test(app):
    workspace = app.env["CIVICDESK_WORKSPACE"]
    register(app, workspace)
    assign_clerks(app, workspace)
    queries(app, workspace)
    remove_clerk(app, workspace)
    replace_administrator(app, workspace)


def run():
    folder = tempfile.mkdtemp(prefix="civicdesk-registry-")
    try:
        return main("registry", test, env={"CIVICDESK_WORKSPACE": os.path.join(folder, "workspace")})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        swap("person:lead")


if __name__ == "__main__":
    run()
