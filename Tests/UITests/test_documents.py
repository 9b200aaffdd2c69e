"""The 公文製作 area: a letter from the XCA application template through the new-letter wizard —
fields typed with their inline messages, 說明 items added, moved and indented with the markers
read back (numbering follows), the live preview's page count — previewed and saved, then 陳核
and 決行 on the lead person's card (PIN 123456) through the shared card/PIN flow, checked against
`civicdesk doc show --json` of the same workspace and its verification."""

import json
import os
import shutil
import subprocess
import tempfile

import pyatspi

from civicui import BUILD_DIR, check, main, text_of, wait_for

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
PIN = "123456"
TEMPLATE = "申請組織及團體憑證的函"
FIRST = "擬申請正卡1張，案件流水號為〇〇〇〇〇號。（後五碼）"
SECOND = "擬申請附卡〇張，案件流水號為〇〇〇〇〇號、〇〇〇〇〇號。（後五碼）"
ADDED = "檢附組織及團體憑證申請書1份。"


def doc(workspace, *args):
    result = subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), "doc", *args, "--workspace", workspace],
                            capture_output=True, text=True)
    check(result.returncode == 0, f"civicdesk doc {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def items(app):
    """The 說明 items as the editor lists them, marker and text."""
    listbox = app.find("list", "說明的項目")
    return [child.name for child in listbox if child is not None]


def select_item(app, marker, text):
    app.select(app.find("list item", marker + text))
    wait_for(lambda: text_of(app.find("text", "所選項目內容")) == text, 10, f"the item {marker}{text} to be selected")


def sign(app, step):
    """Takes `step` on the open letter: its button, 下一步, the lead's card, the PIN, then back to the letter."""
    app.click_button(step)
    app.label(f"{step}公文", timeout=10)
    app.screenshot(f"{step}-confirm")
    app.click_button("下一步")
    app.label("自然人憑證：王大明", timeout=20)
    app.screenshot(f"{step}-card")
    app.click_button("下一步")
    app.find("text", "PIN 碼", timeout=10)
    app.type_text("PIN 碼", PIN)
    app.click_button(f"簽章並{step}")
    app.label(f"已{step}", timeout=30)
    app.screenshot(f"{step}-done")
    app.click_button("完成")
    app.label("簽核歷程", timeout=10)


def test(app):
    workspace = app.env["CIVICDESK_WORKSPACE"]
    app.select_area("公文製作")
    for name in ("主辦公文", "會辦公文", "待核公文"):
        app.label(name, timeout=15)
    app.label("0 件")
    app.screenshot("lists-empty")

    # The template, then the fields: a field emptied shows its message inline.
    app.click_button("新增公文")
    app.select(app.find("list item", TEMPLATE, timeout=15))
    app.screenshot("template")
    app.click_button("下一步")
    app.find("text", "主旨", timeout=10)
    app.type_text("受文者", "")
    app.label("受文者：", contains=True, timeout=10)
    app.screenshot("fields-problem")
    app.type_text("受文者", "高雄市議會（憑證初審註冊窗口）")
    wait_for(lambda: not app.find_all("label", "受文者：", contains=True), 10, "the 受文者 message to go")
    app.type_text("承辦人", "陳小華")

    # The 說明 editor: add after 二、, move it up, indent it under 一、; the markers follow.
    check(items(app) == ["一、" + FIRST, "二、" + SECOND], f"the template's 說明 items, not {items(app)}")
    select_item(app, "二、", SECOND)
    app.click_button("新增")
    wait_for(lambda: len(items(app)) == 3, 10, "a third item")
    app.type_text("所選項目內容", ADDED)
    wait_for(lambda: items(app) == ["一、" + FIRST, "二、" + SECOND, "三、" + ADDED], 10, "the new item as 三、")
    app.click_button("上移")
    wait_for(lambda: items(app) == ["一、" + FIRST, "二、" + ADDED, "三、" + SECOND], 10, "the moved item as 二、")
    app.click_button("縮排")
    wait_for(lambda: items(app) == ["一、" + FIRST, "（一）" + ADDED, "二、" + SECOND], 10, "the indented item as （一）")
    check(not app.find("push button", "縮排").getState().contains(pyatspi.STATE_SENSITIVE),
          "縮排 is disabled for a first sub-item")
    app.label("第1頁 共1頁", timeout=15)
    app.screenshot("fields-editor")

    # The preview step, then 儲存.
    app.click_button("下一步")
    app.label("這是函稿列印出來的樣子。確認無誤後按「儲存」存入工作區，再送陳核。", timeout=10)
    app.screenshot("preview", settle=1.5)
    app.click_button("儲存")
    app.label("公文已儲存", timeout=20)
    listed = json.loads(doc(workspace, "list", "--json"))
    check(len(listed) == 1, f"one letter in the workspace, not {listed}")
    letter_id = listed[0]["id"]
    shown = json.loads(doc(workspace, "show", letter_id, "--json"))
    explanation = shown["letter"]["paragraphs"][0]["items"]
    check(explanation[0]["children"][0]["text"] == ADDED and explanation[1]["text"] == SECOND,
          f"the saved 說明 holds the edited items: {explanation}")
    check(shown["letter"]["contact"]["clerk"] == "陳小華", "the typed 承辦人 was saved")
    app.screenshot("saved")
    app.click_button("開啟公文")
    app.label("簽核歷程", timeout=10)
    app.screenshot("letter", settle=1.5)

    sign(app, "陳核")
    sign(app, "決行")
    # The letter page read back from the workspace: 決行, both steps signed by 王大明, 發文 next.
    app.label("公文文號 1150000001・狀態：決行", timeout=10)
    for step in ("陳核", "決行"):
        app.find("list item", step)
    check(len(app.find_all("label", "王大明・", contains=True)) == 2, "王大明 signed both steps")
    app.find("push button", "發文")
    app.screenshot("approved", settle=1.5)

    app.click_button("返回公文列表")
    app.label("決行", timeout=10)
    app.screenshot("lists-approved")


def run_in_workspace():
    folder = tempfile.mkdtemp(prefix="civicdesk-documents-")
    try:
        return main("documents", test, env={
            "CIVICDESK_WORKSPACE": os.path.join(folder, "workspace"),
            "CIVICDESK_DATA_DIR": os.path.join(ROOT, "data"),
        })
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    run_in_workspace()
