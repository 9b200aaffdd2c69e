"""The 連署名冊 area on the demo case (scripts/demo-data.sh: case 113002 with batch 1 imported and
batches 2–4 waiting in Downloads, every kind of defect): the cases list, the import wizard with
the three batches (a batch for another card named as such first, a wrong card, then) → 王大明's card → PIN 123456 → progress → summary, checked against
`civicdesk roster status --json` of the same workspace; the pack wizard writing both files; 取消
during the import of a large batch of another case, which leaves nothing of it; the record query
filtering an ID prefix; and the purge, after which the case is marked 已清除."""

import json
import os
import shutil
import subprocess
import tempfile

import pyatspi

import cardlab
from civicui import App, BUILD_DIR, check, main, text_of, wait_for

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
CASE = "113002"
OTHER_CASE = "113099"
# A case of its own with one large batch, which takes long enough to import (some 15 s in a debug
# build under the test harness) that 取消 surely lands while it runs.
LARGE_CASE, LARGE_RECORDS = "113003", 90000
PIN = "123456"
ESCAPE, RETURN = 0xff1b, 0xff0d


def demo_copy():
    """A private copy of the demo workspace and Downloads (made by demo-data.sh on first use)."""
    subprocess.run([os.path.join(ROOT, "scripts/demo-data.sh")], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, CIVICDESK_BUILD_DIR=BUILD_DIR))
    folder = tempfile.mkdtemp(prefix="civicdesk-roster-demo-")
    for name in ("workspace", "downloads"):
        shutil.copytree(os.path.join(ROOT, ".build/demo", name), os.path.join(folder, name))
    os.makedirs(os.path.join(folder, "documents"))
    # A batch of another case encrypted for another person's card, which the lead's card cannot open.
    subprocess.run([os.path.join(BUILD_DIR, "civicdesk-rostergen"), "--case", OTHER_CASE, "--records", "30", "--defects", "0",
                    "--recipient", os.path.join(ROOT, "data/test-pki/people/other/enc.pem"), "--pki", os.path.join(ROOT, "data/test-pki"),
                    "--key-pool", os.path.join(ROOT, ".build/demo/keys.pem"), "--out", os.path.join(folder, "downloads")],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([os.path.join(BUILD_DIR, "civicdesk-rostergen"), "--case", LARGE_CASE, "--records", str(LARGE_RECORDS),
                    "--defects", "0", "--pki", os.path.join(ROOT, "data/test-pki"), "--recipient",
                    os.path.join(ROOT, "data/test-pki/people/lead/enc.pem"), "--key-pool", os.path.join(ROOT, ".build/demo/keys.pem"),
                    "--out", os.path.join(folder, "downloads")], check=True, stdout=subprocess.DEVNULL)
    return folder


def status(workspace, case=CASE):
    """`civicdesk roster status --json` of `case`; None when the command says the workspace has no such case."""
    result = subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), "roster", "status", "--workspace", workspace,
                             "--case", case, "--json"], capture_output=True, text=True)
    if result.returncode == 1 and f"沒有案號 {case}" in result.stderr:
        return None
    check(result.returncode == 0, f"roster status --case {case} failed: {result.stderr}")
    return json.loads(result.stdout)


def records(workspace, *options):
    result = subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), "roster", "records", "--workspace", workspace,
                             "--case", CASE, "--json", *options], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def grouped(number):
    return f"{number:,}"


def press(app, keysym):
    """A key press as the keyboard gives it, with the pointer over the window (X focus follows it)."""
    pyatspi.Registry.generateMouseEvent(640, 300, "abs")
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def wrong_card(app):
    """At the card step: no card asks for one, an agency card is named as unusable, the lead's card is taken."""
    cardlab.remove()
    app.label("請插入領銜人的自然人憑證", timeout=10)
    cardlab.insert("agency:gca")
    app.label("這張卡片無法使用", timeout=10)
    app.label("這是機關或團體憑證，不是自然人憑證", contains=True)
    check(not app.find("push button", "下一步").getState().contains(pyatspi.STATE_SENSITIVE),
          "下一步 stays disabled with the wrong card")
    app.screenshot("import-wrong-card")
    cardlab.remove()
    cardlab.insert("person:lead")


def card_and_pin(app, start_label, shot, wrong_pin=False):
    """The card step finds 王大明's card; Enter goes on; the PIN step shows, 123456 is typed
    (after a wrong PIN, which is refused with the tries left, when `wrong_pin`)."""
    app.label("自然人憑證：王大明", timeout=20)
    wait_for(lambda: app.find("push button", "下一步").getState().contains(pyatspi.STATE_SENSITIVE), 20,
             "下一步 to be enabled on the card step")
    app.screenshot(f"{shot}-card")
    press(app, RETURN)
    app.find("text", "PIN 碼", timeout=10)
    if wrong_pin:
        app.type_text("PIN 碼", "000000")
        app.click_button(start_label)
        app.label("PIN 碼錯誤", timeout=15, contains=True)
        app.screenshot(f"{shot}-wrong-pin")
    app.type_text("PIN 碼", PIN)
    app.screenshot(f"{shot}-pin")
    app.click_button(start_label)


def test(app):
    workspace = app.env["CIVICDESK_WORKSPACE"]
    before = status(workspace)

    # The cases list: the demo case with its progress toward the threshold.
    app.select_area("連署名冊")
    app.label("連署案件", timeout=15)
    app.label(before["caseTitle"])
    app.label(f"有效 {grouped(before['valid'])}／門檻 {grouped(before['threshold'])}")
    app.screenshot("cases")

    # Escape closes the wizard.
    app.click_button("匯入名冊檔")
    app.label("選擇名冊檔", timeout=10)
    press(app, ESCAPE)
    app.wait_gone("label", "選擇名冊檔")
    app.label("連署案件")

    # Import: a batch for another card is named at the card step and taken out of the choice.
    app.click_button("匯入名冊檔")
    downloads = sorted(os.listdir(app.env["CIVICDESK_DOWNLOADS_DIR"]))
    other = [name for name in downloads if name.startswith(OTHER_CASE)]
    files = [name for name in downloads if name.startswith(CASE + "-")]
    check(len(files) == 3 and len(other) == 1, f"three demo batches and one for another card wait in Downloads, not {downloads}")
    for name in other + files:
        app.click(app.find("check box", name, timeout=15))
    app.screenshot("import-files")
    app.click_button("下一步")
    app.label("有檔案不是加密給王大明的卡片", timeout=20)
    app.label(f"「{other[0]}」不是加密給這張卡的", contains=True)
    app.screenshot("import-file-for-another-card")
    app.click_button("上一步")
    app.click(app.find("check box", other[0], timeout=10))
    app.click_button("下一步")
    wrong_card(app)
    card_and_pin(app, "開始解密", "import")
    app.screenshot("import-progress", settle=0)
    app.label("匯入完成", timeout=180)
    app.screenshot("import-summary")

    after = status(workspace)
    imported = sum(after["counts"].values()) - sum(before["counts"].values())
    check(imported == 2700, f"the three batches hold 2,700 records, not {imported}")
    app.label(f"共 {grouped(imported)} 筆，每筆都已驗證簽章與憑證。")
    app.label("已匯入 3 個檔案。")
    app.label(f"有效 {grouped(after['valid'])}／門檻 {grouped(after['threshold'])}")
    for status_name, label in (("bad-signature", "簽章驗證失敗"), ("underage", "未滿十八歲"), ("malformed", "資料格式錯誤")):
        count = after["counts"][status_name] - before["counts"][status_name]
        check(count > 0, f"the demo has {status_name} records in batches 2–4")
        app.find("label", f"{label} {grouped(count)}")
    app.click_button("完成")
    app.label(f"有效 {grouped(after['valid'])}／門檻 {grouped(after['threshold'])}", timeout=10)
    app.screenshot("cases-imported")

    # Pack into the default folder, Documents/CivicDesk/113002/.
    app.click_button("打包送件檔")
    folder = os.path.join(app.env["CIVICDESK_DOCUMENTS_DIR"], "CivicDesk", CASE)
    app.label("輸出設定", timeout=10)
    app.label(folder + "/")
    app.screenshot("pack-options")
    app.click_button("下一步")
    card_and_pin(app, "開始打包", "pack", wrong_pin=True)
    app.label("打包完成", timeout=120)
    app.screenshot("pack-done")
    for name in ("連署(送件用).zip", "連署.xlsx"):
        path = os.path.join(folder, name)
        check(os.path.isfile(path) and os.path.getsize(path) > 0, f"{path} was written")
    app.find("push button", "開啟資料夾")
    app.click_button("完成")
    app.label("連署案件", timeout=10)

    cancel_import(app, workspace)

    # The record query: every record, then those of one ID prefix, masked.
    app.click_button("查詢名冊")
    app.label(f"共 {grouped(sum(after['counts'].values()))} 筆", timeout=15)
    app.screenshot("records-all")
    first = records(workspace)[0]["id"]
    prefix = first[:3]
    expected = len(records(workspace, "--id-prefix", prefix))
    app.type_text("身分證統一編號前 6 碼", prefix)
    app.click_button("查詢")
    app.label(f"共 {grouped(expected)} 筆", timeout=15)
    shown = wait_for(lambda: [text_of(label) for label in app.find_all("label") if text_of(label).startswith(prefix)], 10,
                     "rows of the prefix in the list")
    check(all(text.endswith("****") for text in shown if len(text) == 10), f"IDs are masked: {shown[:5]}")
    app.screenshot("records-prefix")

    # Then those of two signing days, typed as 民國 dates: the count the command line gives.
    app.click_button("重填")
    expected = len(records(workspace, "--from", "113/03/02", "--to", "113/03/03"))
    check(0 < expected < sum(after["counts"].values()), f"two signing days hold some of the records, not {expected}")
    app.type_text("連署日期（起）", "113/03/02")
    app.type_text("連署日期（迄）", "113/03/03")
    app.click_button("查詢")
    app.label(f"共 {grouped(expected)} 筆", timeout=15)
    app.screenshot("records-dates")
    press(app, ESCAPE)
    app.label("連署案件", timeout=10)

    # Purge, confirmed in a message dialog: the case keeps its counts, marked 已清除.
    app.click_button("清除個資")
    app.label("刪除案號 113002 的個人資料？", timeout=10)
    app.screenshot("purge-question")
    app.click_button("確定清除")
    app.label("案號 113002・連署・已清除", timeout=15)
    check(status(workspace)["purgedAt"] is not None, "the workspace marks the case purged")
    app.label(f"有效 {grouped(after['valid'])}／門檻 {grouped(after['threshold'])}")
    app.screenshot("purged")


def cancel_import(app, workspace):
    """取消 during the import of a large batch: the batch is rolled back whole, its case never
    appears, and the summary says nothing was imported and why."""
    app.click_button("匯入名冊檔")
    large = next(name for name in os.listdir(app.env["CIVICDESK_DOWNLOADS_DIR"]) if name.startswith(LARGE_CASE))
    app.click(app.find("check box", large, timeout=15))
    # The frame's 取消 is one button on every step: found now, pressed the moment the work runs.
    cancel = app.find("push button", "取消")
    app.click_button("下一步")
    card_and_pin(app, "開始解密", "cancel")
    app.label("正在解密並檢查名冊…", timeout=20)
    wait_for(lambda: cancel.getState().contains(pyatspi.STATE_SENSITIVE), 20, "取消 to be enabled while importing")
    app.click(cancel)
    app.screenshot("cancel-progress", settle=0)
    app.label("沒有匯入任何檔案", timeout=60)
    app.label("已取消匯入，此批次未匯入任何資料。", contains=True)
    app.screenshot("cancel-summary")
    check(status(workspace, LARGE_CASE) is None, f"the cancelled batch's case {LARGE_CASE} is not in the workspace")
    app.click_button("完成")
    app.label("連署案件", timeout=10)


def run_with_demo():
    demo = demo_copy()
    try:
        return main("roster", test, env={
            "CIVICDESK_WORKSPACE": os.path.join(demo, "workspace"),
            "CIVICDESK_DOWNLOADS_DIR": os.path.join(demo, "downloads"),
            "CIVICDESK_DOCUMENTS_DIR": os.path.join(demo, "documents"),
        })
    finally:
        shutil.rmtree(demo, ignore_errors=True)


if __name__ == "__main__":
    run_with_demo()
