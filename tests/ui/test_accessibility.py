"""Screen readers and the keyboard (issue 16): Tab order on each page, checked in Qt,
and the real accessibility tree, read through AT-SPI from a running app under Xvfb."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from coach import config
from coach.journal import open_journal
from coach.ui.app import open_settings
from tests.ui.conftest import show_active
from tests.ui.test_session_flow import flow, into_player  # noqa: F401 - fixtures

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher",
                 "/usr/lib/at-spi2-core/at-spi-bus-launcher")


# -- Tab order, in Qt ----------------------------------------------------------------
def tab_walk(start: QWidget, limit: int = 40) -> list[QWidget]:
    """The widgets Tab visits from *start* until it comes back round."""
    start.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(limit):
        QApplication.focusWidget().focusNextChild()
        current = QApplication.focusWidget()
        if current is seen[0]:
            return seen
        seen.append(current)
    raise AssertionError(f"Tab never came back: {[w.objectName() for w in seen]}")


def names(widgets: list[QWidget]) -> list[str]:
    return [w.objectName() for w in widgets]


def assert_no_bare_scroll_area(widgets: list[QWidget]) -> None:
    for widget in widgets:
        area = widget if isinstance(widget, QAbstractScrollArea) else None
        if area is None and isinstance(widget.parent(), QAbstractScrollArea) \
                and widget is widget.parent().viewport():
            area = widget.parent()
        if area is None or widget.objectName() in ("routineList", "trendChart"):
            continue
        raise AssertionError(f"Tab reaches a bare scroll area: {area!r} "
                             f"{area.objectName()!r} in {names(widgets)}")


def test_tab_on_the_today_screen(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    start = window.today_page.start_button
    order = names(tab_walk(start))
    assert order[0] == "todayStart"
    for name in ("planButton", "todayChoose", "checkInButton"):
        assert name in order
    assert "todayPage" not in order
    assert_no_bare_scroll_area(tab_walk(start))


def test_tab_on_the_routines_page(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    window.show_page("routines")
    order = names(tab_walk(window.routine_list))
    assert order.index("routineList") < order.index("startButton")
    assert "checkInButton" in order
    assert "routineDetails" not in order
    assert_no_bare_scroll_area(tab_walk(window.routine_list))


def test_tab_on_the_safety_check_never_reaches_the_scroll_area(qtbot, flow):  # noqa: F811
    # Left to right, as on screen, then round to the level above them; the page opens
    # with "my knee is fine" focused.
    order = tab_walk(flow.findChild(QWidget, "backButton"))
    assert names(order) == ["backButton", "safetyNotToday", "safetyOk", "levelPicker"]
    assert_no_bare_scroll_area(order)


def test_tab_on_the_rating_page(qtbot, flow):  # noqa: F811
    flow.ok_button.click()
    qtbot.waitUntil(flow.before_panel.isVisible)
    flow.before_panel.rating.set_value(3)
    order = tab_walk(flow.before_panel.rating)
    assert names(order) == ["painRating", "beforeBack", "painSkip", "painSubmit"]
    # Before exercise the zones do not apply (they judge pain during and right after
    # it): the numbers and their anchors only, as the plain buttons show.
    before = flow.before_panel.rating.group
    assert [before.button(v).accessibleName() for v in (0, 3, 10)] == [
        "0, no pain", "3", "10, worst pain imaginable"]
    after = flow.after_panel.rating.group
    assert [after.button(v).accessibleName() for v in (0, 3, 10)] == [
        "0, no pain, safe", "3, acceptable", "10, worst pain imaginable, too much"]


def test_tab_in_the_player_reaches_every_button(qtbot, flow):  # noqa: F811
    into_player(qtbot, flow)
    order = names(tab_walk(flow.player))
    for name in ("pauseButton", "nextButton", "previousButton", "sharpPainButton",
                 "unwellButton", "focusModeButton"):
        assert name in order
    assert order[0] == "player"
    countdown = flow.player.countdown
    assert re.fullmatch(r"\d+ seconds left in .+", countdown.accessibleName())
    step = flow.player.step_title.text()
    assert countdown.accessibleDescription().startswith(f"{step}: ")


def test_tab_on_the_trend_page(make_window, qtbot):
    window = make_window()
    window.journal.add_rating(4, "check_in")
    show_active(window, qtbot)
    window.show_page("trend")
    qtbot.waitUntil(lambda: window.trend is not None and window.trend.isVisible())
    first = window.trend.findChild(QWidget, "range_2w")
    order = names(tab_walk(first))
    # The ranges are one group, as radio buttons are: Tab stops once, arrows choose.
    assert any(name.startswith("range_") for name in order)
    for name in ("export_png", "export_csv", "export_pdf", "trendChart", "baselineButton"):
        assert name in order
    assert "trendScroll" not in order
    assert_no_bare_scroll_area(tab_walk(first))


# -- The real accessibility tree, through AT-SPI ---------------------------------------
def missing_prerequisites() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if not any(Path(p).exists() for p in BUS_LAUNCHERS):
        missing.append("at-spi-bus-launcher (Debian package at-spi2-core)")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode:
        missing.append(f"pyatspi for {SYSTEM_PYTHON} (Debian package python3-pyatspi)")
    return missing


def poll(what: str, ready, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Processes:
    """Start processes in their own process groups; stop them all, last first."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def start(self, args: list[str], **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(args, start_new_session=True, **kwargs)
        self.started.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            if process.stdout is not None:
                process.stdout.close()


def accepts(path: Path, server: subprocess.Popen) -> bool:
    """Does the X server listen on *path* (it must still be running)?"""
    import socket

    assert server.poll() is None, f"Xvfb exited ({server.returncode})"
    with socket.socket(socket.AF_UNIX) as client:
        try:
            client.connect(str(path))
        except OSError:
            return False
    return True


def free_display() -> int:
    for number in range(140, 240):
        if not Path(f"/tmp/.X{number}-lock").exists() and \
                not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise AssertionError("no free X display number")


@pytest.fixture
def desktop(tmp_path):
    """A private X server, D-Bus session bus and AT-SPI bus: the environment a screen
    reader runs in. Yields the environment for the processes that join it."""
    missing = missing_prerequisites()
    if missing:
        message = ("the AT-SPI test needs " + ", ".join(missing) +
                   ": run scripts/system-deps.sh")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    processes = Processes()
    try:
        number = free_display()
        xvfb = processes.start(["Xvfb", f":{number}", "-screen", "0", "1280x900x24",
                                "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        # Until it takes a connection, not only until its socket file is there: the
        # app once found no display at that moment (exit -6) on a busy machine.
        poll("Xvfb", lambda: accepts(Path(f"/tmp/.X11-unix/X{number}"), xvfb))
        bus = processes.start(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
        address = bus.stdout.readline().strip()
        assert address, "dbus-daemon printed no address"
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("QT_", "AT_SPI", "DBUS_"))}
        env.update(DISPLAY=f":{number}", DBUS_SESSION_BUS_ADDRESS=address,
                   NO_AT_BRIDGE="0", GTK_A11Y="atspi")
        launcher = next(p for p in BUS_LAUNCHERS if Path(p).exists())
        processes.start([launcher, "--launch-immediately"], env=env,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        yield processes, env
    finally:
        processes.stop()


def test_screen_reader_sees_every_page(desktop, tmp_path):
    processes, env = desktop
    data = tmp_path / "data"
    data.mkdir()
    settings = open_settings(data)
    settings.set(config.FIRST_RUN_NOTICE_SEEN, True)
    settings.set(config.SOUND, False)
    settings.set(config.VOICE, False)
    settings.sync()
    open_journal(data / "journal.sqlite3").close()
    app_env = dict(env, QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    app_log = tmp_path / "app.log"
    with app_log.open("w") as log:
        app = processes.start([sys.executable, "-m", "coach", "--data-dir", str(data),
                               "--lang", "en"], env=app_env, stdout=log, stderr=log)
    started = time.monotonic()
    try:
        walked = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_walk.py")], env=env,
                                capture_output=True, text=True, timeout=60)
    finally:
        seconds = time.monotonic() - started
    assert app.poll() is None, (f"the app exited ({app.returncode}): {app_log.read_text()}\n"
                                f"{walked.stdout[-2000:]}\n{walked.stderr[-2000:]}")
    assert walked.returncode == 0, (walked.stderr + "\n" + walked.stdout +
                                    "\napp: " + app_log.read_text())
    pages = {}
    for line in walked.stdout.splitlines():
        record = json.loads(line)
        pages[record["page"]] = [tuple(node) for node in record["nodes"]]
    assert seconds < 30, f"the walk took {seconds:.1f} s"

    def has(page: str, role: str, name: str | re.Pattern[str]) -> tuple:
        for node in pages[page]:
            if node[0] == role and (name.fullmatch(node[1]) if isinstance(name, re.Pattern)
                                    else node[1] == name):
                return node
        raise AssertionError(f"no {role} {name!r} on {page}: "
                             f"{[n[:2] for n in pages[page] if n[1]]}")

    assert has("home", "push button", "Start “Ten-minute inner-quadriceps routine”")[2] == \
        "Begins with its safety check"
    has("home", "push button", "Weekly plan and reminders")
    has("home", "push button", "How is your knee? Rate my pain now")
    has("home", "page tab", "Routines")
    has("home", "page tab", "Pain trend")
    has("routines", "list", "Routines")
    assert has("routines", "push button", "Start routine")[2] == "Start the selected routine"
    has("safety", "push button", "No, my knee is fine today")
    has("safety", "push button", "Yes, or I feel unwell")
    has("safety", "push button", "Back to routines")
    # The numbers are checkable buttons: Qt gives them the check box role.
    # Before exercise the zones do not apply: the numbers and their anchors only.
    has("rating", "check box", "3")
    has("rating", "check box", "0, no pain")
    has("rating", "check box", "10, worst pain imaginable")
    assert not any(n[1] == "Welcome to Knee Coach" for n in pages["home"])
    has("rating", "push button", "Save and start")
    has("rating", "push button", "Skip and start")
    has("player", "label", re.compile(r"\d+ seconds left in .+"))
    for role, name in (("push button", "Sharp pain – stop"), ("push button", "I feel unwell"),
                       ("push button", "Pause"), ("push button", "Next step"),
                       ("push button", "Previous step"), ("check box", "Full screen"),
                       ("check box", "Sound"), ("check box", "Voice")):
        assert has("player", role, name)[2], f"{name} has no description"
    has("player", "label", "Knee-twist return")  # stepTitle
    has("result", "label", "Session stopped")
    has("result", "push button", "Back to routines")
    has("trend", "check box", "Show All")  # checkable: the check box role, as the numbers
    has("trend", "push button", "Export CSV…")
    chart = [n for n in pages["trend"] if n[1] == "Chart of pain ratings over time"]
    assert chart and chart[0][2], "the chart has no name or description"
    assert any(n[1] == "Is it working?" for n in pages["trend"])
