"""The 讀卡機與憑證 page against the card lab: 王大明's 自然人憑證 shown with both certificates
and their badges, copied details, the card taken out, a 健保卡 and an agency card put in, the
reader service stopped and back, the PIN changed on the lab's SoftHSM2 token (a wrong PIN
first), and the page without trust anchors."""

import time

import cardlab
from civicui import App, check, main, text_of, wait_for

AREA = "讀卡機與憑證"
NO_CARD = "請插入自然人憑證或機關憑證"


def show_lead_card(app):
    app.label("自然人憑證", timeout=15)
    app.label("王大明")


def change_pin(app, current, new, again=None):
    """Opens the dialog, types the PINs and answers 變更."""
    app.click_button("變更 PIN 碼")
    app.type_text("目前的 PIN 碼", current)
    app.type_text("新 PIN 碼", new)
    app.type_text("再次輸入新 PIN 碼", again or new)


def test(app):
    app.select_area(AREA)

    # The reader, the card's kind, the holder, both certificates with their badges.
    app.find("list item", cardlab.READER, timeout=15)
    show_lead_card(app)
    for group in ("簽章憑證", "加密憑證"):
        app.label(group)
    valid = wait_for(lambda: len(app.find_all("label", "有效")) >= 2 and app.find_all("label", "有效"), 10,
                     "a 有效 badge on both holder certificates")
    check(len(valid) >= 2, "both holder certificates are valid")
    holder_rows = [text_of(label) for label in app.find_all("label", "王大明")]
    check(len(holder_rows) >= 3, f"the holder's name in the header and in each certificate, not {holder_rows}")
    check(app.find_all("label", "中華民國113年1月1日 至 中華民國134年1月1日"),
          "validity in 中華民國 dates on Taiwan's clock (notAfter 2044-12-31T23:59:59Z)")
    app.screenshot("card")
    app.scroll(15)
    app.label("發證機構憑證")
    app.screenshot("card-lower")
    app.scroll(-15)

    # Copying a certificate's details puts them, with the PEM, on the clipboard.
    app.click_button("複製簽章憑證")
    app.label("已複製", timeout=5)
    copied = wait_for(app.clipboard, 5, "the clipboard to hold the certificate")
    check(copied.startswith("簽章憑證：王大明") and "序號：1100000000000001" in copied, f"copied text: {copied[:200]!r}")
    check("-----BEGIN CERTIFICATE-----" in copied, "the PEM is copied too")
    app.screenshot("copied")

    # Taking the card out empties the page within two seconds.
    cardlab.remove()
    started = time.monotonic()
    app.label(NO_CARD, timeout=2)
    check(time.monotonic() - started <= 2, "the empty reader is shown within two seconds")
    check(not app.find_all("label", "簽章憑證"), "no certificate is left on the page")
    app.screenshot("no-card")

    # A 健保卡 is explained.
    cardlab.insert("health")
    app.label("健保卡", timeout=10)
    app.label("這是健保卡，不是憑證卡", contains=True)
    app.screenshot("health-card")
    cardlab.remove()
    app.label(NO_CARD, timeout=5)
    cardlab.insert("unknown")
    app.label("無法辨識的卡片", timeout=10)
    app.label("無法辨識這張卡片", contains=True)
    cardlab.remove()
    app.label(NO_CARD, timeout=5)

    # An agency card: one organisation certificate, its kind by the issuing CA and its OID.
    cardlab.insert("agency:gca")
    app.label("機關或團體憑證", timeout=10)
    app.label("機關憑證")
    check(app.find_all("label", "數位發展部資訊處"), "the agency's name")
    app.label("機關(組織)OID")
    app.label("2.16.886.101.20003.20065.20001")
    app.screenshot("agency-card")
    cardlab.remove()
    app.label(NO_CARD, timeout=5)
    cardlab.insert("agency:hca")
    app.label("臺北市示範聯合診所", timeout=10)
    app.label("憑證種類")
    app.label("醫事憑證")
    app.label("2.16.886.101.90040.40001")
    app.screenshot("agency-card-hca")
    cardlab.remove()
    app.label(NO_CARD, timeout=5)

    # Without the reader service the page says how to start it, and recovers when it returns.
    cardlab.insert("person:lead")
    show_lead_card(app)
    cardlab.pcscd("stop")
    app.label("讀卡機服務沒有執行", timeout=10)
    app.label("sudo systemctl start pcscd", contains=True)
    app.screenshot("no-service")
    cardlab.pcscd("start")
    show_lead_card(app)

    # Changing the PIN: a slip the dialog catches, a wrong current PIN the token refuses, then
    # 123456 → 654321 on the token itself, and back.
    change_pin(app, "123456", "654321", again="654329")
    app.click_button("變更")
    app.label("兩次輸入的新 PIN 碼不一致", contains=True, timeout=10)
    app.screenshot("pin-mismatch")
    app.type_text("目前的 PIN 碼", "111111")
    app.type_text("新 PIN 碼", "654321")
    app.type_text("再次輸入新 PIN 碼", "654321")
    app.click_button("變更")
    app.label("PIN 碼錯誤", contains=True, timeout=10)
    app.screenshot("pin-wrong")
    check(cardlab.token_accepts_pin("lead", "123456"), "a wrong current PIN changed nothing")
    app.type_text("目前的 PIN 碼", "123456")
    app.type_text("新 PIN 碼", "654321")
    app.type_text("再次輸入新 PIN 碼", "654321")
    app.click_button("變更")
    app.label("PIN 碼已變更，請記住新的 PIN 碼。", timeout=10)
    app.screenshot("pin-changed")
    check(cardlab.token_accepts_pin("lead", "654321") and not cardlab.token_accepts_pin("lead", "123456"),
          "the token now takes the new PIN and refuses the old one")
    wait_for(lambda: app.find_all("push button", "變更 PIN 碼") and
             app.find_all("push button", "變更 PIN 碼")[0].getState().contains(__import__("pyatspi").STATE_SENSITIVE),
             10, "the page to be ready again")
    change_pin(app, "654321", "123456")
    app.click_button("變更")
    app.label("PIN 碼已變更，請記住新的 PIN 碼。", timeout=10)
    check(cardlab.token_accepts_pin("lead", "123456"), "the PIN is back to 123456")

    # Without trust anchors the badge says the certificates cannot be verified, and why; without
    # the card's PKCS#11 module the PIN cannot be changed, and the dialog says what to install
    # (a new instance: a second launch would only hand over to the running one).
    app.stop()
    plain = App("cards-no-trust", env={"CIVICDESK_TRUST_DIR": app.home + "/no-trust",
                                       "CIVICDESK_PKCS11_MODULE": app.home + "/no-module.so"})
    try:
        plain.start()
        plain.select_area(AREA)
        plain.label("自然人憑證", timeout=15)
        plain.label("無法驗證：未設定信任的憑證管理中心")
        plain.label("尚未設定信任的憑證管理中心", contains=True)
        plain.screenshot("no-trust")
        plain.click_button("變更 PIN 碼")
        plain.label("無法變更 PIN 碼", timeout=10)
        plain.label("找不到卡片的 PKCS#11 模組", contains=True)
        plain.screenshot("no-module")
        plain.click_button("確定")
        plain.wait_gone("label", "無法變更 PIN 碼")
    finally:
        plain.cleanup()


if __name__ == "__main__":
    main("cards", test)
