"""Walk Knee Coach's accessibility tree through AT-SPI, as a screen reader sees it.

Run with the system python3 (Debian's python3-pyatspi; the project's venv cannot
import it), with DISPLAY and DBUS_SESSION_BUS_ADDRESS of the running app. It drives
the app only through AT-SPI actions (what a screen reader user can do): home, the
safety check, the "before" rating, the player, a sharp-pain stop, then the trend
tab. For each page it prints one JSON line: {"page": NAME, "nodes": [[role, name,
description], ...]} for the nodes on screen. Every wait is a bounded poll.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi

APP_NAME = "Knee Coach"
POLL = 0.1


def wait_for(what: str, find, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = find()
        except Exception:  # noqa: BLE001 - the tree changes under us; try again
            found = None
        if found:
            return found
        time.sleep(POLL)
    raise SystemExit(f"atspi_walk: timed out waiting for {what}")


def application():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == APP_NAME:
            return app
    return None


def showing(node) -> bool:
    return node.getState().contains(pyatspi.STATE_SHOWING)


def walk(node, out: list, depth: int = 0) -> None:
    if depth > 60:
        return
    for child in node:
        if child is None:
            continue
        try:
            if not showing(child):
                continue
            out.append((child, child.getRoleName(), child.name or "",
                        child.description or ""))
        except Exception:  # noqa: BLE001 - a node went away: skip it
            continue
        walk(child, out, depth + 1)


def nodes(app) -> list:
    out: list = []
    walk(app, out)
    return out


def find(app, role: str, name: str | None = None, starts: str | None = None):
    for node, node_role, node_name, _ in nodes(app):
        if node_role != role:
            continue
        if name is not None and node_name == name:
            return node
        if starts is not None and node_name.startswith(starts):
            return node
    return None


def press(app, role: str, name: str, *, until, what: str, timeout: float = 15.0) -> None:
    """Do the control's default action (as a screen reader's "activate" does), again
    if need be, until *until* says the app has moved on."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            node = find(app, role, name)
            if node is not None:
                action = node.queryAction()
                action.doAction(0)
        except Exception:  # noqa: BLE001 - the node went away as the page changed
            pass
        try:
            wait_for(what, until, timeout=min(2.0, max(0.1, deadline - time.monotonic())))
            return
        except SystemExit:
            continue
    dump(app, "stuck")
    raise SystemExit(f"atspi_walk: pressing {role} {name!r} never led to {what}")


def dump(app, page: str) -> None:
    rows = [[role, name, description] for _, role, name, description in nodes(app)]
    print(json.dumps({"page": page, "nodes": rows}, ensure_ascii=False), flush=True)


#: The Today screen's Start, for the routine it suggests on a first run.
TODAY_START = "Start “Ten-minute inner-quadriceps routine”"


def main() -> None:
    app = wait_for("the application in the AT-SPI registry", application, timeout=20)
    wait_for("the Today screen", lambda: find(app, "push button", TODAY_START))
    dump(app, "home")
    press(app, "page tab", "Routines", what="the routines page",
          until=lambda: find(app, "push button", "Start routine"))
    dump(app, "routines")
    press(app, "push button", "Start routine", what="the safety check",
          until=lambda: find(app, "push button", "No, my knee is fine today"))
    dump(app, "safety")
    press(app, "push button", "No, my knee is fine today", what="the rating page",
          until=lambda: find(app, "push button", "Save and start"))
    dump(app, "rating")
    press(app, "check box", "3", what="a chosen rating",
          until=lambda: find(app, "check box", "3").getState().contains(
              pyatspi.STATE_CHECKED))
    press(app, "push button", "Save and start", what="the player",
          until=lambda: any(" seconds left in " in name for _, _, name, _ in nodes(app)))
    dump(app, "player")
    press(app, "push button", "Sharp pain – stop", what="the advice page",
          until=lambda: find(app, "label", "Session stopped"))
    dump(app, "result")
    press(app, "push button", "Back to routines", what="the home screen again",
          until=lambda: find(app, "push button", "Start routine"))
    press(app, "page tab", "Pain trend", what="the trend page",
          until=lambda: find(app, "check box", "Show All"))
    dump(app, "trend")


if __name__ == "__main__":
    try:
        main()
    except SystemExit as stop:
        print(stop, file=sys.stderr)
        sys.exit(1)
