"""Drives CivicDesk over AT-SPI as a person would: find widgets by role and accessible name,
click, type, select, read text back, take screenshots. Run with /usr/bin/python3 (pyatspi)."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

import pyatspi

BUILD_DIR = os.environ.get("CIVICDESK_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../.build/debug"))
SHOTS_DIR = os.environ.get("CIVICDESK_UI_SHOTS", os.path.join(os.path.dirname(__file__), "../../.build/ui-shots"))
APP_NAME = "civicdesk"


class UIFailure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise UIFailure(message)


def wait_for(predicate, timeout=10.0, message="condition", interval=0.1):
    """Polls `predicate` until it returns something truthy; fails with `message` after `timeout`."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except UIFailure:
            raise
        except Exception as error:  # the accessibility tree changes under us; try again
            last_error = error
        time.sleep(interval)
    raise UIFailure(f"timed out after {timeout:.0f} s waiting for {message}" + (f" (last error: {last_error})" if last_error else ""))


def is_showing(accessible):
    """Visible and laid out on screen. GTK 4.8 marks hidden stack pages 'visible' too, but
    gives them no size, so the size tells."""
    if not accessible.getState().contains(pyatspi.STATE_VISIBLE):
        return False
    try:
        extents = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except NotImplementedError:
        return True
    return extents.width > 0 and extents.height > 0


def descendants(root):
    """Every accessible under `root`, depth first."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        try:
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:
            children = []
        stack.extend(reversed([c for c in children if c is not None]))


def text_of(accessible):
    """What a label, entry or text shows: its text contents, else its name."""
    try:
        text = accessible.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return accessible.name


class App:
    """One running CivicDesk with its own configuration and data folders."""

    def __init__(self, test_name, env=None, args=(), home=None):
        self.test_name = test_name
        self.home = home or tempfile.mkdtemp(prefix=f"civicdesk-{test_name}-")
        self.env = dict(os.environ)
        self.env.update({
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local/share"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
        })
        self.env.update(env or {})
        self.args = list(args)
        self.process = None
        self.log_path = os.path.join(SHOTS_DIR, f"{test_name}.log")
        self.shot_count = 0

    # Lifecycle

    def start(self, timeout=30):
        os.makedirs(SHOTS_DIR, exist_ok=True)
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen([os.path.join(BUILD_DIR, "civicdesk"), *self.args], env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.frame = wait_for(self._window_of_running_app, timeout, "the CivicDesk window")
        return self

    def _window_of_running_app(self):
        """The main window; fails at once, with the app's last output, when the app has ended."""
        if self.process.poll() is not None:
            self.log.flush()
            with open(self.log_path, errors="replace") as log:
                tail = log.read()[-600:]
            raise UIFailure(f"CivicDesk ended with status {self.process.returncode} before its window showed:\n{tail}")
        return self._main_frame()

    def launch_again(self, timeout=20):
        """Runs a second `civicdesk` with the same environment and returns its exit status."""
        return subprocess.run([os.path.join(BUILD_DIR, "civicdesk"), *self.args], env=self.env,
                              stdout=self.log, stderr=subprocess.STDOUT, timeout=timeout).returncode

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def applications(self):
        desktop = pyatspi.Registry.getDesktop(0)
        return [a for a in desktop if a is not None and a.name == APP_NAME]

    def _main_frame(self):
        for application in self.applications():
            if self.process and application.get_process_id() != self.process.pid:
                continue
            for child in application:
                if child is not None and child.getRoleName() == "frame" and child.name == "CivicDesk":
                    return child
        return None

    def frames(self):
        return [c for a in self.applications() for c in a if c is not None and c.getRoleName() == "frame"]

    # Finding

    def find_all(self, role, name=None, root=None, showing=True, contains=False):
        matches = []
        for node in descendants(root or self.application()):
            try:
                if role is not None and node.getRoleName() != role:
                    continue
                if name is not None and not (name in node.name if contains else node.name == name):
                    continue
                if showing and not is_showing(node):
                    continue
                matches.append(node)
            except Exception:
                continue
        return matches

    def find(self, role, name=None, timeout=10, root=None, showing=True, contains=False):
        """The first widget with this role and accessible name, waiting for it to appear."""
        found = wait_for(lambda: self.find_all(role, name, root, showing, contains), timeout,
                         f"{role} named {name!r}")
        return found[0]

    def application(self):
        return self.frame.parent

    def label(self, text, timeout=10, contains=False):
        return self.find("label", text, timeout, contains=contains)

    def labels(self, root=None):
        return [text_of(node) for node in self.find_all("label", root=root)]

    def wait_gone(self, role, name, timeout=10):
        wait_for(lambda: not self.find_all(role, name), timeout, f"{role} {name!r} to disappear")

    # Acting

    def click(self, accessible):
        action = accessible.queryAction()
        for index in range(action.nActions):
            if action.getName(index) == "click":
                action.doAction(index)
                return
        # GTK 4.8 gives a check box no action: click its middle with the mouse, as a person would.
        extents = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        check(extents.width > 0, f"{accessible.getRoleName()} {accessible.name!r} has no click action and is not on screen")
        pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2, extents.y + extents.height // 2, "b1c")

    def click_button(self, name, timeout=10):
        button = self.find("push button", name, timeout)
        wait_for(lambda: button.getState().contains(pyatspi.STATE_SENSITIVE), timeout, f"button {name!r} to be enabled")
        self.click(button)

    def scroll(self, clicks, x=660, y=450):
        """Turns the mouse wheel over (x, y), down for positive `clicks`: to see, and screenshot,
        the lower part of a long page (GTK 4.8 offers no AT-SPI way to scroll)."""
        pyatspi.Registry.generateMouseEvent(x, y, "abs")
        for _ in range(abs(clicks)):
            pyatspi.Registry.generateMouseEvent(x, y, "b5c" if clicks > 0 else "b4c")
            time.sleep(0.05)

    def type_into(self, accessible, text):
        accessible.queryEditableText().setTextContents(text)

    def type_text(self, name, text, timeout=10):
        self.type_into(self.find("text", name, timeout), text)

    def select(self, item):
        """Selects a list item (a sidebar row) the way a click would."""
        parent = item.parent
        parent.querySelection().selectChild(item.getIndexInParent())

    def select_area(self, title):
        self.select(self.find("list item", title))
        wait_for(lambda: self.window_title() == title, 10, f"the window title to read {title!r}")

    def window_title(self):
        for node in self.find_all("label", root=self.frame):
            if node.parent is not None and node.parent.parent is not None and node.parent.parent.name == "AdwWindowTitle":
                text = text_of(node)
                if text != "CivicDesk":
                    return text
        return None

    # Looking

    def clipboard(self):
        """What the clipboard holds as text (the app serves it over X; xclip asks for it)."""
        return subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=self.env, capture_output=True,
                              text=True, timeout=10).stdout

    def screenshot(self, step, settle=0.3):
        """`settle` seconds let the last frame render; 0 catches a page that is soon gone."""
        self.shot_count += 1
        path = os.path.join(SHOTS_DIR, f"{self.test_name}-{self.shot_count:02d}-{step}.png")
        time.sleep(settle)
        subprocess.run(["import", "-window", "root", path], check=False)
        return path


def run(test_name, body, **app_options):
    """Starts the app, runs `body(app)`, keeps a screenshot on failure, and always stops the app."""
    for old in os.listdir(SHOTS_DIR) if os.path.isdir(SHOTS_DIR) else []:
        if old.startswith(f"{test_name}-"):
            os.remove(os.path.join(SHOTS_DIR, old))
    app = App(test_name, **app_options)
    try:
        app.start()
        body(app)
        print(f"  {test_name}: ok")
        return 0
    except Exception:
        traceback.print_exc()
        try:
            print(f"  screenshot: {app.screenshot('failure')}")
        except Exception:
            pass
        return 1
    finally:
        app.cleanup()


def main(test_name, body, **app_options):
    sys.exit(run(test_name, body, **app_options))
