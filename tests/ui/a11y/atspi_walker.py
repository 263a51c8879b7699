"""The screen-reader side of the AT-SPI test. Runs under Debian's /usr/bin/python3 (python3-pyatspi).

Usage: atspi_walker.py VENV_PYTHON APP_SCRIPT DATA_DIR SCREEN...

Starts the app (from the project's venv), asks it to show each SCREEN in turn,
and walks that window's accessible tree the way Orca does: over AT-SPI, from
the desktop. Prints one JSON object: {"screens": {name: title}, "problems":
[...], "failed": [...]}. A problem is a focusable, showing control without a
name, or with a role that does not fit what it is (a focusable label or panel,
a password field announced as plain text).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi

APP_NAME = "epcs-a11y"
INTERACTIVE_ROLES = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "spin button",
    "table",
    "list",
    "tree",
    "tree table",
    "table cell",
    "list item",
    "page tab",
    "menu item",
    "menu bar",
    "slider",
    "link",
    "scroll bar",
    "check menu item",
    "radio menu item",
    "entry",
    "tool bar",
    "menu",
    "column header",
    "table column header",
    "row header",
}
# Focusable but never the thing a control should be announced as.
# (A focusable label is fine when it is text one can select, e.g. a code; one holding a link is not.)
WRONG_ROLES = {"panel", "filler", "unknown", "client", "frame", "grouping", "section"}


def find_app(timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == APP_NAME:
                return app
        time.sleep(0.2)
    raise SystemExit(json.dumps({"error": "the application never appeared on the AT-SPI bus"}))


def _links(node) -> int:
    try:
        return node.queryHypertext().getNLinks()
    except Exception:
        return 0


def _text(node) -> str:
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return ""


def walk(node, path, out, depth=0, texts=None):
    """Collect problems into `out` and, into `texts`, what a screen reader can read of each showing node."""
    if node is None or depth > 60:
        return
    try:
        role = node.getRoleName()
        name = (node.name or "").strip()
        states = node.getState()
        count = node.childCount
    except Exception:
        return
    here = f"{path}/{role}:{name[:40]}"
    showing = states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)
    if showing and texts is not None:
        texts.append(
            {"role": role, "name": name, "description": (node.description or "").strip(), "text": _text(node)}
        )
    if showing and states.contains(pyatspi.STATE_FOCUSABLE):
        descr = (node.description or "").strip()
        if role in WRONG_ROLES:
            out.append({"path": here, "problem": f"focusable {role}"})
        elif role == "label" and _links(node):
            out.append({"path": here, "problem": "a link inside a label: make it a button"})
        elif not name and role not in ("table cell", "list item", "menu bar", "scroll bar", "tool bar"):
            labelled = any(r.getRelationType() == pyatspi.RELATION_LABELLED_BY for r in node.getRelationSet())
            if not labelled:
                out.append({"path": here, "problem": "no name", "description": descr})
    if role in ("table", "tree table", "list") and count > 50:
        count = 50  # rows past the first screenful add nothing
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:  # a row that vanished meanwhile
            child = None
        walk(child, here, out, depth + 1, texts)


def _pump(seconds: float) -> None:
    """Let AT-SPI events arrive (the announcement listener runs from GLib's main context)."""
    from gi.repository import GLib

    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def main() -> int:
    venv_python, app_script, data_dir, *screens = sys.argv[1:]
    proc = subprocess.Popen(
        [venv_python, app_script, data_dir],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    result = {"screens": {}, "problems": [], "failed": [], "texts": {}, "announced": []}
    announced = result["announced"]

    def heard(event) -> None:  # what Orca would speak unprompted: Qt's QAccessibleAnnouncementEvent
        announced.append(str(event.any_data))

    pyatspi.Registry.registerEventListener(heard, "object:announcement")
    try:
        line = proc.stdout.readline().strip()
        if line != "ready":
            raise SystemExit(json.dumps({"error": f"app did not start: {line!r}"}))
        app = find_app()
        for screen in screens:
            proc.stdin.write(f"show {screen}\n")
            proc.stdin.flush()
            answer = proc.stdout.readline().strip()
            if not answer.startswith("shown "):
                result["failed"].append(answer or f"{screen}: no answer")
                continue
            title = answer.split(" ", 2)[2] if answer.count(" ") >= 2 else ""
            result["screens"][screen] = title
            _pump(0.6)
            found = False
            for i in range(app.childCount):
                win = app.getChildAtIndex(i)
                if win is None:
                    continue
                if (win.name or "") == title and win.getState().contains(pyatspi.STATE_SHOWING):
                    found = True
                    problems = []
                    texts = result["texts"].setdefault(screen, [])
                    walk(win, screen, problems, texts=texts)
                    result["problems"] += problems
            if not found:
                result["failed"].append(f"{screen}: no showing window titled {title!r} on the AT-SPI bus")
        proc.stdin.write("quit\n")
        proc.stdin.flush()
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
