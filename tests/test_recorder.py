"""The session recorder against a real journal file (no Qt)."""

from __future__ import annotations

import pytest

from coach import paths
from coach.recorder import SessionRecorder
from coach.routine import load_routine
from coach.session import SessionEngine
from tests.conftest import FLAGSHIP
from tests.test_session import FakeClock


@pytest.fixture
def flagship():
    return load_routine(next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]


def test_a_session_moved_to_another_level_before_its_start_records_it(flagship, journal):
    """Going on gently on a bad day: the session begun at level 2 is played at level 1
    on a new engine, and the journal and the steps recorded follow that engine."""
    standard, easiest = flagship.at_level(2), flagship.at_level(1)
    clock = FakeClock()
    recorder = SessionRecorder(journal, flagship.id, level=2)
    first = SessionEngine(standard, clock)
    recorder.attach(first)
    recorder.begin()
    recorder.rate(8, "before")
    engine = SessionEngine(easiest, clock)
    recorder.play_at_level(1, engine)
    [session] = journal.sessions()
    assert session.level == 1 and recorder.session.level == 1
    engine.start()
    clock.advance(engine.timeline[0].duration + 0.5)
    engine.update()
    engine.stop("sharp_pain")
    [session] = journal.sessions()
    assert (session.level, session.outcome) == (1, "sharp_pain")
    assert [r.session_uid for r in journal.ratings()] == [session.uid]


def test_a_level_is_a_whole_number_from_one(journal):
    session = journal.start_session("r", level=2)
    for bad in (0, -1, True, 1.5):
        with pytest.raises(ValueError):
            journal.set_session_level(session.uid, bad)
    assert journal.sessions()[0].level == 2
