"""Shared fixtures. Every test runs headless, with HOME and the data folder in a
temporary directory, so nothing touches the real home folder."""

from __future__ import annotations

import gc
import os
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _daytime_zone(hour: int) -> str:
    """A fixed-offset zone in which the local time is now about *hour* o'clock. Tests
    that speak of "yesterday" and "this morning" with the real clock (a session a day
    before now, its morning question) mean the day: between midnight and 04:00 the
    next-morning rules (coach.advice.evening_of) rightly read such a session as the
    night before's. The suite takes minutes, so its local day stays the day.
    ``COACH_TEST_HOUR`` runs it at another hour (``COACH_TEST_HOUR=2``: the night)."""
    shift = (hour - datetime.now(UTC).hour + 12) % 24 - 12  # -12 to 11 hours from UTC
    return f"Etc/GMT{-shift:+d}" if shift else "UTC"  # Etc/GMT's signs are reversed


os.environ["TZ"] = _daytime_zone(int(os.environ.get("COACH_TEST_HOUR", "12")))
time.tzset()

REPO = Path(__file__).resolve().parent.parent
FLAGSHIP = "ten-minute-inner-thigh"


@pytest.fixture(autouse=True)
def collect_between_tests():
    """Python's collector off during a test, and run between tests, as the app runs it
    from its event loop (coach.ui.collector): a collection inside a Qt call can free a
    widget whose destructor waits for a lock that call holds (a run hung that way).
    What survives is frozen, so each collection walks one test's objects only."""
    gc.disable()
    yield
    gc.disable()  # the command-line tools turn it on
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("COACH_DATA_DIR", str(home / "coach-data"))
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return home


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def journal(data_dir: Path):
    """A journal of its own in the test's data folder (no window)."""
    from coach.journal import open_journal

    journal = open_journal(data_dir / "journal.sqlite3")
    yield journal
    journal.close()


@pytest.fixture
def write_routine(tmp_path: Path):
    """Write a routine file (dedented) into tmp_path/routines and return its path."""
    folder = tmp_path / "routines"
    folder.mkdir(exist_ok=True)

    def write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return write


MINIMAL = """
schema = 1
id = "{id}"
title = "{title}"
summary = "A short test routine."

[[steps]]
title = "Sit and breathe"
instructions = ["Sit on a chair.", "Breathe slowly."]
duration = 30
"""


@pytest.fixture
def minimal_routine(write_routine):
    def write(name: str = "good.toml", id: str = "good-one", title: str = "Good one") -> Path:
        return write_routine(name, MINIMAL.format(id=id, title=title))

    return write
