"""The 公文製作 area: a letter from the XCA application template through the new-letter wizard —
fields typed with their inline messages, 速別 and 密等 chosen (a classified letter's missing
condition shown inline), two files attached through the desktop's file dialog and one removed,
說明 items added, moved and indented with the markers read back
(numbering follows), 辦法 items added in the second editor, the live preview's page count —
previewed and saved, then 陳核, 核稿, 決行 and 發文 on the lead person's card (PIN 123456) through
the shared card/PIN flow, the 發文字號 the window shows checked against `civicdesk doc show
--json` of the same workspace, and the attached file found in `civicdesk doc export`'s folder."""

import json
import os
import shutil
import subprocess
import tempfile
import time

import pyatspi

from civicui import BUILD_DIR, check, descendants, is_showing, main, text_of, wait_for

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
PIN = "123456"
TEMPLATE = "申請組織及團體憑證的函"
FIRST = "擬申請正卡1張，案件流水號為〇〇〇〇〇號。（後五碼）"
SECOND = "擬申請附卡〇張，案件流水號為〇〇〇〇〇號、〇〇〇〇〇號。（後五碼）"
ADDED = "檢附組織及團體憑證申請書1份。"
ACTION = ["請於5月7日前完成初審。", "初審後請逕送內政部憑證管理中心。"]
CONDITION = "本件於公布時解密"
DOWN, RETURN, SLASH = 0xff54, 0xff0d, 0x2f
FILES = {"申請書.pdf": b"%PDF-1.4 application form", "清冊.ods": b"PK roster"}


def doc(workspace, *args):
    result = subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), "doc", *args, "--workspace", workspace],
                            capture_output=True, text=True)
    check(result.returncode == 0, f"civicdesk doc {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def items(app, heading="說明"):
    """The items of 說明 (or 辦法) as its editor lists them, marker and text."""
    listbox = app.find("list", f"{heading}的項目", showing=False)
    return [child.name for child in listbox if child is not None]


def select_item(app, marker, text):
    app.select(app.find("list item", marker + text))
    wait_for(lambda: text_of(app.find("text", "說明：所選項目內容")) == text, 10, f"the item {marker}{text} to be selected")


def reveal(app, accessible):
    """Turns the mouse wheel over the fields, one notch at a time, until `accessible` is on screen."""
    def settled():
        last = None
        for _ in range(10):
            time.sleep(0.15)
            extents = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            if last is not None and (extents.y, extents.height) == last:
                return extents
            last = (extents.y, extents.height)
        return extents
    for _ in range(40):
        extents = settled()
        if 145 <= extents.y and extents.y + extents.height <= 715:
            return
        app.scroll(1 if extents.y + extents.height > 715 else -1, x=450, y=450)
    check(False, f"{accessible.name} did not come into view")


def choose(app, name, steps_down):
    """Opens the combo row `name` with a click and moves `steps_down` choices down its list with the keyboard."""
    combo = app.find("combo box", name)
    reveal(app, combo)
    app.click(combo)
    time.sleep(0.5)
    for key in [DOWN] * steps_down + [RETURN]:
        pyatspi.Registry.generateKeyboardEvent(key, None, pyatspi.KEY_SYM)
        time.sleep(0.2)


def attach(app, path):
    """加入附件檔…, then in the desktop's file dialog the file's path typed (as after pressing /) and 開啟."""
    app.click_button("加入附件檔…")
    dialog = app.find("filler", "選擇附件檔", timeout=15)
    time.sleep(0.5)
    pyatspi.Registry.generateMouseEvent(300, 200, "abs")
    pyatspi.Registry.generateKeyboardEvent(SLASH, None, pyatspi.KEY_SYM)
    location = wait_for(lambda: [node for node in descendants(dialog) if node.getRoleName() == "text" and is_showing(node)],
                        10, "the file dialog's location field")[0]
    app.type_into(location, path)
    time.sleep(0.3)
    app.click([node for node in descendants(dialog) if node.getRoleName() == "push button" and node.name.startswith("開啟")][0])
    app.find("list item", os.path.basename(path), timeout=10)


def chosen(app, name):
    """The choice a combo row shows."""
    return [text_of(node) for node in app.find_all("label", root=app.find("combo box", name))][-1]


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
    outcome = app.label("發文字號 ", contains=True, timeout=5).name if step == "發文" else None
    app.click_button("完成")
    app.label("簽核歷程", timeout=10)
    return outcome


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
    # 發文 needs the agency code and the number's 字.
    app.type_text("機關代碼", "A09000000E")
    app.type_text("發文字號的字（例：議秘）", "議秘")

    # 速別 and 密等 from their lists; a classified letter's missing condition is said inline.
    choose(app, "速別", 2)
    wait_for(lambda: chosen(app, "速別") == "速件", 10, "速別 to read 速件")
    check(not app.find("text", "解密條件或保密期限（例：本件於公布時解密）").getState().contains(pyatspi.STATE_SENSITIVE),
          "no condition is asked of an ordinary letter")
    choose(app, "密等", 1)
    wait_for(lambda: chosen(app, "密等") == "密", 10, "密等 to read 密")
    reveal(app, app.label("解密條件或保密期限：機密公文須寫明解密條件或保密期限（例：本件於公布時解密）。", timeout=10))
    app.screenshot("fields-classified", settle=1)
    app.type_text("解密條件或保密期限（例：本件於公布時解密）", CONDITION)
    wait_for(lambda: not app.find_all("label", "解密條件或保密期限：", contains=True), 10, "the condition's message to go")

    # 附件: two files chosen in the file dialog, listed; one removed again.
    downloads = app.env["CIVICDESK_DOWNLOADS_DIR"]
    for name in FILES:
        attach(app, os.path.join(downloads, name))
    reveal(app, app.find("list item", "清冊.ods"))
    app.screenshot("fields-attachments", settle=1)
    app.click_button("移除附件檔 清冊.ods")
    app.wait_gone("list item", "清冊.ods")
    app.find("list item", "申請書.pdf")

    # The 說明 editor: add after 二、, move it up, indent it under 一、; the markers follow.
    check(items(app) == ["一、" + FIRST, "二、" + SECOND], f"the template's 說明 items, not {items(app)}")
    select_item(app, "二、", SECOND)
    app.click_button("說明：新增")
    wait_for(lambda: len(items(app)) == 3, 10, "a third item")
    app.type_text("說明：所選項目內容", ADDED)
    wait_for(lambda: items(app) == ["一、" + FIRST, "二、" + SECOND, "三、" + ADDED], 10, "the new item as 三、")
    app.click_button("說明：上移")
    wait_for(lambda: items(app) == ["一、" + FIRST, "二、" + ADDED, "三、" + SECOND], 10, "the moved item as 二、")
    app.click_button("說明：縮排")
    wait_for(lambda: items(app) == ["一、" + FIRST, "（一）" + ADDED, "二、" + SECOND], 10, "the indented item as （一）")
    check(not app.find("push button", "說明：縮排").getState().contains(pyatspi.STATE_SENSITIVE),
          "縮排 is disabled for a first sub-item")

    # The 辦法 editor, the same editor a second time: two items, numbered 一、 and 二、.
    check(items(app, "辦法") == [], "the template has no 辦法")
    for text in ACTION:
        app.click_button("辦法：新增")
        wait_for(lambda: len(items(app, "辦法")) == ACTION.index(text) + 1, 10, "a new 辦法 item")
        app.type_text("辦法：所選項目內容", text)
    wait_for(lambda: items(app, "辦法") == ["一、" + ACTION[0], "二、" + ACTION[1]], 10, "the 辦法 items as 一、 and 二、")
    app.label("第1頁 共1頁", timeout=15)
    reveal(app, app.find("list", "辦法的項目"))
    app.screenshot("fields-editor", settle=1)

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
    check(shown["letter"]["urgency"] == "速件", f"the chosen 速別 was saved: {shown['letter']['urgency']}")
    check(shown["letter"]["classification"] == {"level": "密", "condition": CONDITION},
          f"the 密等 and its condition were saved: {shown['letter']['classification']}")
    check([file["fileName"] for file in shown["letter"]["attachments"]["files"]] == ["申請書.pdf"],
          f"the one attached file was saved: {shown['letter']['attachments']}")
    exported = os.path.join(os.path.dirname(workspace), "export")
    doc(workspace, "export", letter_id, "--out", exported)
    with open(os.path.join(exported, "申請書.pdf"), "rb") as copy:
        check(copy.read() == FILES["申請書.pdf"], "the export carries the attached file as chosen")
    check(not os.path.exists(os.path.join(exported, "清冊.ods")), "the removed file is not exported")
    action = shown["letter"]["paragraphs"][1]
    check(action["heading"] == "辦法" and [item["text"] for item in action["items"]] == ACTION, f"the saved 辦法: {action}")
    app.screenshot("saved")
    app.click_button("開啟公文")
    app.label("簽核歷程", timeout=10)
    app.screenshot("letter", settle=1.5)

    sign(app, "陳核")
    sign(app, "核稿")
    sign(app, "決行")
    # The letter page read back from the workspace: 決行, the three steps signed by 王大明, 發文 next.
    app.label("公文文號 1150000001・狀態：決行", timeout=10)
    for step in ("陳核", "核稿", "決行"):
        app.find("list item", step)
    check(len(app.find_all("label", "王大明・", contains=True)) == 3, "王大明 signed every step")
    app.find("push button", "發文")
    app.screenshot("approved", settle=1.5)

    # 發文 numbers the letter: the number the window shows is the workspace's.
    outcome = sign(app, "發文")
    number = json.loads(doc(workspace, "show", letter_id, "--json"))["letter"]["number"]
    text = f"{number['word']}字第{number['year']:03d}{number['serial']:07d}號"
    check(number["word"] == "議秘" and f"發文字號 {text}" in outcome, f"the dispatch page names {text}: {outcome}")
    app.label(f"公文文號 {text}・狀態：發文", timeout=10)
    check(not app.find_all("push button", "發文"), "nothing follows 發文")
    app.screenshot("dispatched", settle=1.5)

    app.click_button("返回公文列表")
    app.label("發文", timeout=10)
    app.label(text, timeout=10)
    app.screenshot("lists-dispatched")


def run_in_workspace():
    folder = tempfile.mkdtemp(prefix="civicdesk-documents-")
    downloads = os.path.join(folder, "downloads")
    os.makedirs(downloads)
    for name, content in FILES.items():
        with open(os.path.join(downloads, name), "wb") as file:
            file.write(content)
    try:
        return main("documents", test, env={
            "CIVICDESK_WORKSPACE": os.path.join(folder, "workspace"),
            "CIVICDESK_DOWNLOADS_DIR": downloads,
            "CIVICDESK_DATA_DIR": os.path.join(ROOT, "data"),
        })
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    run_in_workspace()
