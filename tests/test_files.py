"""Files from outside read safely: a pipe or a device in a file's place is refused at
once (it would block the reader for ever, or never end), and every reader of the data
folder's small files goes through that check."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

import pytest

from coach import config, paths
from coach.files import NotOrdinaryFile, is_ordinary_or_missing, read_capped
from coach.plan import load_plan
from coach.routine_cache import ParseCache
from coach.schedule import ReminderState, load_state

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def settled(call, timeout: float = 10.0):
    """*call*'s result, failing (not hanging) if it blocks."""
    done: list = []
    worker = threading.Thread(target=lambda: done.append(call()), daemon=True)
    worker.start()
    worker.join(timeout)
    return worker.is_alive(), done


@pytest.fixture
def pipe(tmp_path):
    """A named pipe; a reader still blocked on it is let go at the end."""
    made: list[Path] = []

    def make(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)
        made.append(path)
        return path

    yield make
    for path in made:
        with contextlib.suppress(OSError):  # a blocked open() returns once a writer comes
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def test_read_capped_refuses_a_pipe_and_a_device_at_once(tmp_path, pipe):
    fifo = pipe(tmp_path / "f")
    blocked, _ = settled(lambda: pytest.raises(NotOrdinaryFile, read_capped, fifo, 10))
    assert not blocked
    if Path("/dev/zero").exists():
        with pytest.raises(NotOrdinaryFile):
            read_capped(Path("/dev/zero"), 10)
    (tmp_path / "ok").write_bytes(b"x" * 50)
    assert read_capped(tmp_path / "ok", 10) == b"x" * 11  # one more than allowed
    assert not is_ordinary_or_missing(fifo)
    assert is_ordinary_or_missing(tmp_path / "ok") and is_ordinary_or_missing(tmp_path / "no")


def test_the_data_folders_readers_do_not_hang_on_a_pipe(tmp_path, pipe):
    """A pipe as plan.json, reminders.json, the routine cache or settings.ini hung
    `coach today`, `coach list` and the window before its first paint."""
    plan = pipe(tmp_path / paths.PLAN_FILE)
    state = pipe(tmp_path / paths.REMINDER_STATE_FILE)
    cache = pipe(tmp_path / "cache" / "routines.json")
    pipe(tmp_path / paths.SETTINGS_FILE)
    blocked, found = settled(lambda: (
        load_plan(plan), load_state(state), ParseCache(cache)._read(),
        config.read_saved_language(tmp_path)))
    assert not blocked
    loaded, reminders, entries, language = found[0]
    assert loaded.problem is not None and loaded.problem.reason == "not an ordinary file"
    assert not loaded.problem.damaged  # never set aside and replaced
    assert reminders == ReminderState() and entries == {} and language is None


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/zero")
def test_the_data_folders_readers_do_not_read_a_device_for_ever(tmp_path):
    for name in (paths.PLAN_FILE, paths.REMINDER_STATE_FILE, paths.SETTINGS_FILE):
        (tmp_path / name).symlink_to("/dev/zero")
    assert load_plan(tmp_path / paths.PLAN_FILE).problem.reason == "not an ordinary file"
    assert load_state(tmp_path / paths.REMINDER_STATE_FILE) == ReminderState()
    assert config.read_saved_language(tmp_path) is None
