"""The window: four areas in the sidebar, each shows its page, one instance, remembered area."""

import json
import os

from civicui import App, check, main, wait_for

AREAS = ["連署名冊", "憑證註冊與授權", "公文製作", "讀卡機與憑證"]


def test(app):
    sidebar = app.find("list", "功能區")
    items = [item.name for item in app.find_all("list item", root=sidebar)]
    check(items == AREAS, f"the sidebar lists the four areas in order, not {items}")
    app.screenshot("window")

    for title in AREAS:
        app.select_area(title)
        page = app.find("panel", title, timeout=5)
        check(page is not None, f"the page of {title} is shown")
        app.screenshot(f"area-{AREAS.index(title) + 1}")

    # A second launch hands over to the running instance and exits; still one window.
    status = app.launch_again()
    check(status == 0, f"the second launch exits cleanly, not with {status}")
    check(len(app.applications()) == 1, "only one CivicDesk is running")
    check(len(app.frames()) == 1, f"one window, not {len(app.frames())}")

    # Closing remembers the area; the next start opens on it.
    app.select_area("公文製作")
    app.click_button("關閉")
    wait_for(lambda: app.process.poll() is not None, 10, "the app to exit after closing its window")
    state_path = os.path.join(app.env["XDG_CONFIG_HOME"], "civicdesk", "window.json")
    with open(state_path) as file:
        state = json.load(file)
    check(state["area"] == "documents" and state["width"] > 0 and state["height"] > 0, f"saved state {state}")
    again = App("shell-restart", home=app.home)
    try:
        again.start()
        wait_for(lambda: again.window_title() == "公文製作", 10, "the remembered area on restart")
        again.screenshot("restarted")
    finally:
        again.stop()


if __name__ == "__main__":
    main("shell", test)
