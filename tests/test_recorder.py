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


class Outage:
    """The journal's writes fail (another program holds it) while :attr:`down`."""

    def __init__(self, journal, monkeypatch) -> None:
        from coach.journal import JournalBusy

        self.down = False
        real = journal.transaction

        def transaction(*args, **kwargs):
            if self.down:
                raise JournalBusy("another program is using the journal")
            return real(*args, **kwargs)

        monkeypatch.setattr(journal, "transaction", transaction)


def test_writes_that_fail_are_kept_and_written_in_order_once_the_journal_is_back(
        flagship, journal, monkeypatch):
    """The start failed for a moment: every later write was skipped (session None), and
    a sharp-pain stop after it was lost while the page said it was recorded."""
    outage = Outage(journal, monkeypatch)
    clock = FakeClock()
    errors = []
    recorder = SessionRecorder(journal, flagship.id, errors.append, level=2)
    engine = SessionEngine(flagship.at_level(2), clock)
    recorder.attach(engine)
    outage.down = True
    recorder.begin()
    assert not recorder.saved and errors
    outage.down = False
    assert recorder.rate(3, "before")  # the start goes first, then the rating
    engine.start()
    outage.down = True
    clock.advance(engine.timeline[0].duration + 0.5)
    engine.update()
    started = recorder.session.started
    engine.stop("sharp_pain")
    assert not recorder.saved and journal.safety_events() == []
    outage.down = False
    assert recorder.flush() and recorder.saved
    [session] = journal.sessions()
    assert (session.uid, session.started, session.outcome) == (
        recorder.session.uid, started, "sharp_pain")
    [event] = journal.safety_events()
    assert (event.kind, event.session_uid, event.step) == ("sharp_pain", session.uid, 1)
    assert [(r.value, r.session_uid) for r in journal.ratings()] == [(3, session.uid)]


def test_a_hot_knee_answer_is_kept_until_it_is_on_disk(flagship, journal, monkeypatch):
    outage = Outage(journal, monkeypatch)
    recorder = SessionRecorder(journal, flagship.id)
    outage.down = True
    recorder.skipped_by_safety_check()
    assert journal.sessions() == [] and not recorder.saved
    outage.down = False
    assert recorder.flush()
    [session] = journal.sessions()
    assert (session.outcome, session.steps_completed) == ("safety_skip", 0)
