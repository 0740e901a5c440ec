"""One Knee Coach per data folder: a second launch hands its request to the open
window and exits; the journal is never shared by two windows nor moved aside by
their race; a language change restarts the app with the same options."""

import os
import signal
import subprocess
import sys

import pytest
from PySide6 import QtCore
from PySide6.QtNetwork import QLocalSocket

from coach import config
from coach.config import Options
from coach.ui import app as app_module
from coach.ui import single_instance
from coach.ui.app import close_down, open_settings, run_window
from coach.ui.single_instance import (
    InstanceLock,
    NoAnswer,
    Request,
    ask_running_copy,
    bring_forward,
    claim,
    server_name,
)
from tests.conftest import FLAGSHIP, REPO

# The offscreen platform cannot raise a window; bring_forward asks it to.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def child_env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("COACH_EXIT_AFTER_FIRST_PAINT", None)  # these windows stay open
    return env


def mark_first_run_done(folder):
    settings = open_settings(folder)  # no first-run notice over the window
    settings.set(config.FIRST_RUN_NOTICE_SEEN, True)
    settings.set(config.SOUND, False)
    settings.sync()


def launch(folder, *args, log):
    """``coach --data-dir FOLDER ARGS`` in a child process, as a double click does."""
    return subprocess.Popen(
        [sys.executable, "-m", "coach", "--data-dir", str(folder), *args], cwd=REPO,
        env=child_env(), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)


def ended(*processes):
    return [p for p in processes if p.poll() is not None]


def stop(*processes):
    for process in processes:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def held(data_dir):
    """This test process holds *data_dir* and answers on its socket."""
    lock = claim(data_dir, Request(), wait=0)
    assert lock is not None
    lock.listen()
    yield lock
    lock.release()


@pytest.mark.slow
def test_two_launches_at_once_leave_one_window_and_one_journal(tmp_path, qtbot):
    # Before, both opened a window: the second called the journal the first was
    # creating damaged, moved it aside and split the history between two files.
    for round_ in range(5):
        folder = tmp_path / f"round-{round_}"
        mark_first_run_done(folder)
        with open(tmp_path / f"round-{round_}.log", "w+b") as log:
            both = [launch(folder, log=log) for _ in range(2)]
            try:
                qtbot.waitUntil(lambda: bool(ended(*both)), timeout=30_000)  # noqa: B023
                [second] = ended(*both)
                log.seek(0)
                assert second.returncode == 0, log.read().decode()
                [first] = [p for p in both if p is not second]
                # The one left is the window of this folder: it answers, and stays.
                assert ask_running_copy(folder, Request(), timeout=10)
                assert first.poll() is None
                names = sorted(p.name for p in folder.iterdir())
                assert [n for n in names if n.startswith("journal.sqlite3")][0] == \
                    "journal.sqlite3"
                assert not [n for n in names if "damaged" in n], names
            finally:
                stop(*both)
        assert not [p.name for p in folder.iterdir() if "damaged" in p.name]


def test_a_second_launch_with_run_starts_the_routine_in_the_open_window(
        make_window, held, data_dir, qtbot, tmp_path):
    window = make_window()
    window.settings.set(config.SOUND, False)
    held.requested.connect(lambda request: bring_forward(window, request))
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    with open(tmp_path / "second.log", "w+b") as log:
        second = launch(data_dir, "run", FLAGSHIP, log=log)
        try:
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        finally:
            stop(second)
        log.seek(0)
        assert second.returncode == 0, log.read().decode()
    assert window.flow is not None and window.flow.routine.id == FLAGSHIP
    assert not window.isMinimized() and window.isVisible()

    # A session is on screen: a later "run" only brings the window forward.
    flow = window.flow
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    with open(tmp_path / "third.log", "w+b") as log:
        try:
            with qtbot.waitSignal(held.requested, timeout=30_000):
                third = launch(data_dir, "run", "desk-break", log=log)
            qtbot.waitUntil(lambda: third.poll() is not None, timeout=30_000)
        finally:
            stop(third)
        assert third.returncode == 0
    assert window.flow is flow and not window.isMinimized()
    window.close_session()


def send(qtbot, data_dir, payload):
    """Write *payload* to the running copy's socket; what came back, if anything."""
    socket = QLocalSocket()
    with qtbot.waitSignal(socket.connected):
        socket.connectToServer(server_name(data_dir))
    with qtbot.waitSignal(socket.disconnected, timeout=3000):
        socket.write(payload)
    return socket.readAll().data()


@pytest.mark.parametrize("payload", [
    b"not json\n",
    b"\xff\xfe\n",
    b'["raise"]\n',
    b'{"action": "format the disk"}\n',
    b'{"action": "run", "routine": 5}\n',
    b'{"action": "run", "routine": ""}\n',
    b'{"action": "run", "routine": "' + b"x" * 900 + b'"}\n',
    b"[" * 1000 + b"\n",
    b"{" * 5000,  # no end of line: cut off at 1 KiB
    b"",  # says nothing: dropped after a while
])
def test_what_comes_in_on_the_socket_is_not_trusted(held, data_dir, qtbot, monkeypatch,
                                                   payload):
    monkeypatch.setattr(single_instance, "ANSWER_WAIT", 0.3)
    received = []
    held.requested.connect(received.append)
    assert send(qtbot, data_dir, payload) == b""
    assert received == []
    # ... and the next caller is still answered.
    assert send(qtbot, data_dir, b'{"action": "run", "routine": "desk-break"}\n') == \
        b'{"ok": true}\n'
    assert received == [Request("desk-break")]


def test_a_copy_that_holds_the_folder_but_never_answers_is_not_joined(data_dir):
    # Still starting, or hung: no second window on the folder, and no endless wait.
    holder = InstanceLock(data_dir)
    assert holder.try_lock()  # holds the folder, does not listen
    with pytest.raises(NoAnswer, match="already open on .* does not answer"):
        claim(data_dir, Request(), wait=0.5)
    holder.release()
    lock = claim(data_dir, Request(), wait=0.5)
    assert lock is not None and lock.held
    lock.release()


KILLED = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from coach.ui.single_instance import InstanceLock

app = QCoreApplication([])
lock = InstanceLock(Path(sys.argv[1]))
assert lock.try_lock()
lock.listen()
print("ready", flush=True)
app.exec()
"""


def test_a_copy_killed_with_its_folder_held_does_not_block_the_next(data_dir, qtbot):
    child = subprocess.Popen([sys.executable, "-c", KILLED, str(data_dir)], cwd=REPO,
                             env=child_env(), stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "ready\n"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    assert (data_dir / single_instance.LOCK_FILE).exists()  # left behind, as is its socket
    lock = claim(data_dir, Request(), wait=2)
    assert lock is not None
    lock.listen()  # over the dead copy's socket
    received = []
    lock.requested.connect(received.append)
    assert send(qtbot, data_dir, Request().encode()) == b'{"ok": true}\n'
    assert received == [Request()]
    lock.release()
    assert not (data_dir / single_instance.LOCK_FILE).exists()


def test_run_window_hands_over_or_gives_up_without_opening_a_window(data_dir, monkeypatch,
                                                                     capsys, qapp):
    monkeypatch.setattr(app_module, "lighten_pyside_import_hook", lambda: None)
    monkeypatch.setattr(app_module, "setup_logging", lambda folder: None)
    monkeypatch.setattr(app_module, "claim", lambda folder, request: None)
    assert run_window(Options(data_dir=data_dir), "desk-break") == 0

    def no_answer(folder, request):
        raise NoAnswer("Knee Coach is already open on here but does not answer")

    monkeypatch.setattr(app_module, "claim", no_answer)
    assert run_window(Options(data_dir=data_dir)) == 1
    assert capsys.readouterr().err == \
        "coach: Knee Coach is already open on here but does not answer\n"
    assert not (data_dir / "journal.sqlite3").exists()


@pytest.mark.parametrize("restart", [True, False])
def test_closing_lets_go_of_the_folder_then_restarts_if_asked(make_window, data_dir,
                                                              monkeypatch, restart):
    started = []

    class FakeProcess:
        @staticmethod
        def startDetached(program, arguments):  # noqa: N802
            started.append((program, arguments))
            return True, 4242

    monkeypatch.setattr(QtCore, "QProcess", FakeProcess)  # close_down imports it when used
    window = make_window(lang="ja")  # the window's options carry --lang ja
    lock = claim(data_dir, Request(), wait=0)
    window.restart_pending = restart
    close_down(window, lock, window.options)
    assert not lock.held
    with pytest.raises(Exception, match="closed database"):
        window.journal.ratings()
    if restart:  # the same folder, the language from the settings file, not --lang
        assert started == [(sys.executable, ["-m", "coach", "--data-dir", str(data_dir)])]
    else:
        assert started == []
    again = claim(data_dir, Request(), wait=0)  # the restarted copy finds it free
    assert again is not None
    again.release()
