"""When each routine's level changed, read from the sessions in the journal: what the
trend chart marks and the clinician's report lists.
This module imports nothing from Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from coach.journal import Session


class LevelChange(NamedTuple):
    """A session of *routine_id* played at level *new* where the routine's previous
    session with a level was at *old*."""

    at: datetime  # when the session at the new level started
    routine_id: str
    old: int | None
    new: int


def level_changes(sessions: Iterable[Session]) -> list[LevelChange]:
    """Every change of level, oldest first. Each routine is followed on its own;
    sessions without a level (from before levels, or a routine with one level) are
    passed over, and a routine's first session with a level is where it starts, not a
    change."""
    last: dict[str, int] = {}
    changes: list[LevelChange] = []
    for session in sorted(sessions, key=lambda s: s.started):
        if session.level is None:
            continue
        previous = last.get(session.routine_id)
        if previous is not None and previous != session.level:
            changes.append(LevelChange(session.started, session.routine_id, previous,
                                       session.level))
        last[session.routine_id] = session.level
    return changes
