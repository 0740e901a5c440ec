from datetime import datetime, timedelta, timezone

import pytest

from coach.journal import Session, open_journal
from coach.level_changes import LevelChange, level_changes

JST = timezone(timedelta(hours=9))
START = datetime(2026, 3, 1, 9, tzinfo=JST)


def session(day: int, level: int | None, routine: str = "a") -> Session:
    return Session(f"{routine}{day}", routine, START + timedelta(days=day), level=level)


def at(day: int) -> datetime:
    return START + timedelta(days=day)


@pytest.mark.parametrize(("levels", "expected"), [
    pytest.param([], [], id="no sessions"),
    pytest.param([None, None], [], id="sessions before levels"),
    pytest.param([2], [], id="the first level is where it starts"),
    pytest.param([2, 2, 2], [], id="same level"),
    pytest.param([2, 2, 3], [(2, 2, 3)], id="up"),
    pytest.param([3, 2], [(1, 3, 2)], id="down"),
    pytest.param([2, 3, 2, 1], [(1, 2, 3), (2, 3, 2), (3, 2, 1)], id="each change"),
    pytest.param([None, 2, None, 3], [(3, 2, 3)], id="sessions without a level skipped"),
    pytest.param([2, None, 2], [], id="a session without a level is not a change"),
])
def test_changes_of_one_routine(levels, expected):
    sessions = [session(day, level) for day, level in enumerate(levels)]
    assert level_changes(sessions) == [LevelChange(at(day), "a", old, new)
                                       for day, old, new in expected]


def test_each_routine_is_followed_on_its_own():
    sessions = [session(0, 2, "a"), session(1, 4, "b"), session(2, 2, "a"),
                session(3, 3, "a"), session(4, 4, "b"), session(5, 1, "b")]
    assert level_changes(sessions) == [LevelChange(at(3), "a", 2, 3),
                                       LevelChange(at(5), "b", 4, 1)]


def test_sessions_are_taken_in_time_order_whatever_order_they_come_in():
    sessions = [session(2, 3), session(0, 1), session(1, 2)]
    assert level_changes(sessions) == [LevelChange(at(1), "a", 1, 2),
                                       LevelChange(at(2), "a", 2, 3)]


def test_changes_from_the_journal(tmp_path):
    journal = open_journal(tmp_path / "journal.sqlite3")
    for day, level in enumerate([2, 2, 3]):
        journal.start_session("a", at=at(day), level=level)
    assert level_changes(journal.sessions()) == [LevelChange(at(2), "a", 2, 3)]
    journal.close()
