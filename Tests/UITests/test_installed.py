"""CivicDesk as a user gets it: installed into a DESTDIR (scripts/install.sh, the `make install`
layout under /usr), started from that tree's bin/ with LANGUAGE=en, it finds its catalogues beside
itself and shows English in every area: the sidebar and the window title name each area in
English, and no label on any page is a catalogue string left in Chinese. About names the version
and the build."""

import gettext
import os
import re
import shutil
import subprocess
import tempfile

import civicui
from civicui import check, main, wait_for

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
AREAS = ["連署名冊", "憑證註冊與授權", "公文製作", "讀卡機與憑證"]
HAN = re.compile(r"[\u4e00-\u9fff]")
# The build installed (the GUI tests' own, debug unless CIVICDESK_BUILD_DIR says otherwise).
BUILT_FROM = civicui.BUILD_DIR


def install():
    destdir = tempfile.mkdtemp(prefix="civicdesk-installed-")
    subprocess.run([os.path.join(ROOT, "scripts/install.sh"), "install", civicui.BUILD_DIR], check=True,
                   env=dict(os.environ, DESTDIR=destdir, PREFIX="/usr"), stdout=subprocess.DEVNULL)
    return destdir


def catalogue_strings():
    """The window's Chinese strings, as po/civicdesk.pot lists them."""
    with open(os.path.join(ROOT, "po/civicdesk.pot"), encoding="utf-8") as file:
        text = file.read()
    return {eval(match) for match in re.findall(r'^msgid ("(?:[^"\\]|\\.)+")$', text, re.M)}


def test_with(english, chinese):
    def body(app):
        titles = [english.gettext(area) for area in AREAS]
        translated = {english.gettext(source) for source in chinese} - chinese
        check(all(title and not HAN.search(title) for title in titles), f"the catalogue names the areas in English: {titles}")
        sidebar = app.find("list", english.gettext("功能區"))
        items = [item.name for item in app.find_all("list item", root=sidebar)]
        check(items == titles, f"the sidebar lists the areas in English, not {items}")
        for title in titles:
            app.select_area(title)
            page = app.find("panel", title, timeout=10)
            labels = [label for label in app.labels(root=page) if label]
            left = [label for label in labels if label in chinese]
            check(not left, f"{title}: labels still in Chinese: {left}")
            check(any(label in translated for label in labels), f"{title}: no label from the catalogue in English: {labels}")
            app.screenshot(f"area-{titles.index(title) + 1}")

        # About (the ☰ menu's app.about, asked for over D-Bus as the menu would): the version and
        # the build, in English.
        subprocess.run(["gapplication", "action", "tw.civicdesk.CivicDesk", "about"], env=app.env, check=True, timeout=20)
        build = "debug build" if "/debug" in os.path.realpath(BUILT_FROM) else "release build"
        with open(os.path.join(ROOT, "Sources/CivicCore/Version.swift")) as file:
            number = re.search(r'static let number = "([^"]+)"', file.read()).group(1)
        version = f"{number} ({build})"

        def about_labels():
            frames = [frame for frame in app.frames() if any(version in text for text in app.labels(root=frame))]
            return frames and app.labels(root=frames[0])
        texts = wait_for(about_labels, 10, f"an About window naming {version}")
        check(not any(text in chinese for text in texts), f"About is in English: {texts}")
        app.screenshot("about")
    return body


def run():
    destdir = install()
    try:
        locale = os.path.join(destdir, "usr/share/locale")
        english = gettext.translation("civicdesk", localedir=locale, languages=["en"])
        civicui.BUILD_DIR = os.path.join(destdir, "usr/bin")
        # The installed share/ among the desktop's data folders, as in /usr: the icon comes from there.
        data_dirs = os.path.join(destdir, "usr/share") + ":" + os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
        main("installed", test_with(english, catalogue_strings()), env={"LANGUAGE": "en", "XDG_DATA_DIRS": data_dirs})
    finally:
        shutil.rmtree(destdir, ignore_errors=True)


if __name__ == "__main__":
    run()
