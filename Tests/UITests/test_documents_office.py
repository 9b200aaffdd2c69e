"""公文製作 in a workspace with a registered office (agency card gca, administrator admin): the clerk
張雅婷 (card clerk) holds documents.draft and documents.review but not documents.approve. Two letters
are made with the command line — one she sent up (陳核) on her card, one nobody has signed — and
she signs in in the window: her 主辦公文 and 待核公文 hold only her letter (the office's view, where
the command line lists both), 新增公文 is enabled, and on her letter 核稿 is enabled while 決行 is
disabled before any card or PIN, its tooltip naming documents.approve."""

import json
import os
import shutil
import tempfile

import cardlab
from civicui import check, main, wait_for
from test_signin import ROOT, civicdesk, sensitive, set_up_office, sign_in


def doc(workspace, *arguments, pin=False):
    return civicdesk("doc", workspace, *arguments, pins=1 if pin else 0)


def set_up(workspace):
    set_up_office(workspace, "documents.draft,documents.review")
    hers = doc(workspace, "new", "--template", "xca-application").strip()
    doc(workspace, "sign", hers, "--step", "submit", "--token", "pkcs11:token=clerk", pin=True)
    doc(workspace, "new", "--template", "clerk-assignment")
    everyone = json.loads(doc(workspace, "list", "--json"))
    check(len(everyone) == 2, f"the command line lists both letters: {everyone}")
    return hers


def test(app, hers):
    app.select_area("公文製作")
    sign_in(app, "signin")
    app.label("主辦公文", timeout=15)
    # Her view: one letter of her own, one waiting for her 核稿; the unsigned letter is nobody's.
    wait_for(lambda: len(app.find_all("label", "1 件")) == 2 and app.find_all("label", "0 件"), 15,
             "主辦公文 and 待核公文 to hold her one letter, 會辦公文 none")
    check(sensitive(app.find("push button", "新增公文")), "新增公文 is enabled with documents.draft")
    app.screenshot("office-lists", settle=1)

    open_letter(app, hers)
    review = app.find("push button", "核稿", timeout=10)
    approve = app.find("push button", "決行")
    wait_for(lambda: not sensitive(approve), 10, "決行 to be disabled without documents.approve")
    check(sensitive(review), "核稿 is enabled with documents.review")
    check("documents.approve" in approve.description, f"決行 says which permission is missing: {approve.description!r}")
    app.screenshot("office-letter", settle=1.5)


def open_letter(app, letter_id):
    """Opens the letter from the first list: the row's 公文文號 cell, then Enter's twin, 開啟."""
    cell = app.label(letter_id, timeout=10)
    app.click(cell)
    app.click_button("開啟主辦公文中選取的公文")
    app.label("簽核歷程", timeout=15)


def run():
    folder = tempfile.mkdtemp(prefix="civicdesk-documents-office-")
    workspace = os.path.join(folder, "workspace")
    try:
        hers = set_up(workspace)
        return main("documents-office", lambda app: test(app, hers), env={
            "CIVICDESK_WORKSPACE": workspace,
            "CIVICDESK_DATA_DIR": os.path.join(ROOT, "data"),
        })
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        cardlab.remove()
        cardlab.insert("person:lead")


if __name__ == "__main__":
    run()
