"""The journal's schema: the closed sets its columns hold (enums for the code, plain
strings for the CHECK constraints) and the numbered migrations that build its tables."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class Context(StrEnum):
    """When a rating was taken."""

    BEFORE = "before"
    AFTER = "after"
    NEXT_MORNING = "next_morning"
    CHECK_IN = "check_in"


class Outcome(StrEnum):
    """How a session ended (decided by ``coach.advice.session_outcome``)."""

    COMPLETED = "completed"  # every step's work ran
    STOPPED = "stopped"  # ended early, with the steps actually done
    SHARP_PAIN = "sharp_pain"  # the sharp-pain stop
    SAFETY_SKIP = "safety_skip"  # hot, red or swollen: never started, whatever follows


class EventKind(StrEnum):
    """A safety event: a stop (of a session, or of the chair stand test when it has
    none), or the chair stand test's safety check answered "yes" (no session to
    record it: a hot, red or swollen knee, or feeling unwell; no test that day)."""

    SHARP_PAIN = "sharp_pain"
    UNWELL = "unwell"
    NOT_TODAY = "not_today"


class Test(StrEnum):
    """The self-tests of function (docs/function.md)."""

    CHAIR_STAND = "chair_stand"  # 30-second chair stand: stands counted
    PSFS = "psfs"  # Patient-Specific Functional Scale: one activity rated 0-10


class ChoiceKind(StrEnum):
    """What the user did about a routine's level
    (:meth:`coach.journal.Journal.add_level_choice`)."""

    ACCEPTED = "accepted"  # took the level the coach offered
    DECLINED = "declined"  # kept the level; the choice's level is the one declined
    CHOSEN = "chosen"  # picked the level by hand


# Plain strings: the schema's CHECK constraints are written from these.
CONTEXTS = tuple(c.value for c in Context)
SIDES = ("left", "right", "both")
OUTCOMES = tuple(o.value for o in Outcome)
EVENT_KINDS = tuple(k.value for k in EventKind)
#: The kinds the first schema allowed (migration 5 added ``not_today``).
_V1_EVENT_KINDS = ("sharp_pain", "unwell")
CHOICE_KINDS = tuple(k.value for k in ChoiceKind)
TESTS = tuple(t.value for t in Test)
#: The most stands anyone makes in 30 seconds is about 30; a score above this is a
#: typing error.
MAX_STANDS = 60
#: A PSFS activity in the user's own words, at most this long.
MAX_ACTIVITY = 200


def _v1() -> str:
    return f"""
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            routine_id TEXT NOT NULL,
            started TEXT NOT NULL,
            ended TEXT,
            steps_completed INTEGER NOT NULL DEFAULT 0 CHECK (steps_completed >= 0),
            outcome TEXT CHECK (outcome IN {OUTCOMES!r})
        );
        CREATE TABLE ratings (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
            context TEXT NOT NULL CHECK (context IN {CONTEXTS!r}),
            side TEXT CHECK (side IN {SIDES!r}),
            note TEXT,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL
        );
        CREATE TABLE safety_events (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN {_V1_EVENT_KINDS!r}),
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            step INTEGER,
            side TEXT,
            note TEXT
        );
        CREATE INDEX ratings_by_time ON ratings (julianday(at));
        CREATE INDEX sessions_by_time ON sessions (julianday(started));
    """


def _v2() -> str:
    """Routine levels: the level each session was played at (NULL before levels
    existed, or for a routine with one level) and the user's answers to the coach's
    level offers."""
    return f"""
        ALTER TABLE sessions ADD COLUMN level INTEGER CHECK (level >= 1);
        CREATE TABLE level_choices (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            routine_id TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level >= 1),
            kind TEXT NOT NULL CHECK (kind IN {CHOICE_KINDS!r})
        );
    """


def _v3() -> str:
    """Function self-tests: a 30-second chair stand (stands) or one PSFS activity rated
    0-10 (its words in *item*). The ratings of one PSFS sitting share their time."""
    return f"""
        CREATE TABLE test_results (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            test TEXT NOT NULL CHECK (test IN {TESTS!r}),
            score INTEGER NOT NULL CHECK (score >= 0 AND (
                (test = 'chair_stand' AND score <= {MAX_STANDS})
                OR (test = 'psfs' AND score <= 10))),
            item TEXT CHECK ((test = 'psfs') = (item IS NOT NULL)),
            note TEXT
        );
        CREATE INDEX test_results_by_time ON test_results (julianday(at));
    """


def _group_add(row: str) -> str:
    """The statement counting rating *row* (``new``) in its group."""
    return f"""
        INSERT INTO rating_groups (day, context, value, n, first_id, first_uid, first_at)
        VALUES (substr({row}.at, 1, 10), {row}.context, {row}.value, 1, {row}.id,
                {row}.uid, {row}.at)
        ON CONFLICT DO UPDATE SET n = n + 1,
            first_id = min(first_id, excluded.first_id),
            first_uid = iif(excluded.first_id < first_id, excluded.first_uid, first_uid),
            first_at = iif(excluded.first_id < first_id, excluded.first_at, first_at);"""


def _group_remove(row: str) -> str:
    """The statements taking rating *row* (``old``) out of its group: the group's
    shown rating, when it was that one, becomes the next oldest of the group (found
    through the time index: a local day lies within a day of its UTC one)."""
    group = (f"day = substr({row}.at, 1, 10) AND context = {row}.context "
             f"AND value = {row}.value")
    same = (f"FROM ratings WHERE julianday(at) BETWEEN julianday({row}.at) - 2 "
            f"AND julianday({row}.at) + 2 AND substr(at, 1, 10) = substr({row}.at, 1, 10) "
            f"AND context = {row}.context AND value = {row}.value")
    return f"""
        UPDATE rating_groups SET n = n - 1 WHERE {group};
        DELETE FROM rating_groups WHERE {group} AND n <= 0;
        UPDATE rating_groups SET (first_id, first_uid, first_at) = (
            SELECT id, uid, at {same} ORDER BY id LIMIT 1)
        WHERE {group} AND first_id = {row}.id AND EXISTS (SELECT 1 {same});"""


def _v4() -> str:
    """The chart's groups: how many ratings each local day as recorded, context and
    value holds, and the oldest of them, kept by triggers. A chart of a million
    ratings reads these (about 11 a day and context at most) instead of making
    SQLite sort a million rows (seconds) at every visit."""
    return f"""
        CREATE TABLE rating_groups (
            day TEXT NOT NULL,
            context TEXT NOT NULL,
            value INTEGER NOT NULL,
            n INTEGER NOT NULL,
            first_id INTEGER NOT NULL,
            first_uid TEXT NOT NULL,
            first_at TEXT NOT NULL,
            PRIMARY KEY (day, context, value)
        ) WITHOUT ROWID;
        INSERT INTO rating_groups (day, context, value, n, first_id, first_uid, first_at)
            SELECT g.day, g.context, g.value, g.n, r.id, r.uid, r.at
            FROM (SELECT substr(at, 1, 10) AS day, context, value, count(*) AS n,
                         min(id) AS id FROM ratings GROUP BY 1, 2, 3) AS g
            JOIN ratings r ON r.id = g.id;
        CREATE TRIGGER rating_groups_insert AFTER INSERT ON ratings BEGIN
            {_group_add("new")}
        END;
        CREATE TRIGGER rating_groups_delete AFTER DELETE ON ratings BEGIN
            {_group_remove("old")}
        END;
        CREATE TRIGGER rating_groups_update AFTER UPDATE OF id, uid, at, value, context
        ON ratings BEGIN
            {_group_remove("old")}
            {_group_add("new")}
        END;
    """


def _v5() -> str:
    """Safety events of a new kind, ``not_today`` (the chair stand test's safety check
    answered yes). SQLite cannot change a CHECK constraint in place: the table is
    made anew, with the same columns and rows."""
    return f"""
        CREATE TABLE safety_events_v5 (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN {EVENT_KINDS!r}),
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            step INTEGER,
            side TEXT,
            note TEXT
        );
        INSERT INTO safety_events_v5 (id, uid, at, kind, session_id, step, side, note)
            SELECT id, uid, at, kind, session_id, step, side, note FROM safety_events;
        DROP TABLE safety_events;
        ALTER TABLE safety_events_v5 RENAME TO safety_events;
    """


#: Migration N (1-based) gives the SQL that brings the schema from version N-1 to N.
MIGRATIONS: tuple[Callable[[], str], ...] = (_v1, _v2, _v3, _v4, _v5)
SCHEMA_VERSION = len(MIGRATIONS)

#: ``PRAGMA application_id`` of every Knee Coach journal ("KnCo" in ASCII): an SQLite
#: file without it is someone else's, unless it is a journal from before the marker.
APPLICATION_ID = int.from_bytes(b"KnCo", "big")
