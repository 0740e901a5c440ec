"""The journal: pain ratings, sessions and safety events in one SQLite file.

Every user action is committed the moment it happens (autocommit, WAL,
``synchronous=FULL``), so a rating confirmed on screen survives a crash or a
``kill -9``. The file is marked as Knee Coach's with ``PRAGMA application_id``; the
schema version lives in ``PRAGMA user_version`` and grows through small numbered
migrations.

Opening (:func:`open_journal`, in :mod:`coach.journal_open`) never costs the user
their history and never fails; a :class:`JournalNotice` says what happened, for the
CLI and the window to put into words. Damage found later is a
:class:`JournalDamaged`; :meth:`Journal.quick_check` looks for it and
:meth:`Journal.salvage` rescues every record that can still be read.
This module imports nothing from Qt.
"""

from __future__ import annotations

import contextlib
import enum
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple


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
    SHARP_PAIN = "sharp_pain"
    UNWELL = "unwell"


class Test(StrEnum):
    """The self-tests of function (docs/function.md)."""

    CHAIR_STAND = "chair_stand"  # 30-second chair stand: stands counted
    PSFS = "psfs"  # Patient-Specific Functional Scale: one activity rated 0-10


class ChoiceKind(StrEnum):
    """What the user did about a routine's level (:meth:`Journal.add_level_choice`)."""

    ACCEPTED = "accepted"  # took the level the coach offered
    DECLINED = "declined"  # kept the level; the choice's level is the one declined
    CHOSEN = "chosen"  # picked the level by hand


# Plain strings: the schema's CHECK constraints are written from these.
CONTEXTS = tuple(c.value for c in Context)
SIDES = ("left", "right", "both")
OUTCOMES = tuple(o.value for o in Outcome)
EVENT_KINDS = tuple(k.value for k in EventKind)
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
            kind TEXT NOT NULL CHECK (kind IN {EVENT_KINDS!r}),
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


#: Migration N (1-based) gives the SQL that brings the schema from version N-1 to N.
MIGRATIONS: tuple[Callable[[], str], ...] = (_v1, _v2, _v3, _v4)
SCHEMA_VERSION = len(MIGRATIONS)

#: ``PRAGMA application_id`` of every Knee Coach journal ("KnCo" in ASCII): an SQLite
#: file without it is someone else's, unless it is a journal from before the marker.
APPLICATION_ID = int.from_bytes(b"KnCo", "big")


class Changed(enum.Flag):
    """What a committed write changed, as told to the journal's listeners."""

    RATINGS = enum.auto()
    SESSIONS = enum.auto()
    EVENTS = enum.auto()
    LEVELS = enum.auto()
    TESTS = enum.auto()
    ALL = RATINGS | SESSIONS | EVENTS | LEVELS | TESTS


#: A journal listener: called after each committed change with what it changed.
ChangeListener = Callable[[Changed], None]


class JournalError(Exception):
    """A journal operation failed; the message is fit to show."""


class JournalReadOnly(JournalError):
    """The journal cannot be written (read-only folder or file, or a journal opened
    read-only because of a :class:`JournalNotice`)."""


class JournalBusy(JournalError):
    """Another program held the journal's lock for longer than a save may wait
    (:data:`WRITE_BUSY_TIMEOUT`): nothing was saved; trying again later may work."""


class JournalDamaged(JournalError):
    """Part of the journal file is damaged and cannot be read. Everything else still
    can be: :meth:`Journal.salvage` (``coach export``) rescues it."""


class _TooNew(sqlite3.DatabaseError):
    pass


class _Damaged(sqlite3.DatabaseError):
    pass


class _Foreign(sqlite3.DatabaseError):
    """An SQLite file that is not a Knee Coach journal: never written to."""


class JournalNotice(NamedTuple):
    """Something the user must be told about the journal at start-up.

    *kind* says what happened; *reason* is the cause, a short clause fit to follow
    "cannot be saved:" (English, from the core):

    ``"moved_aside"``
        The file was damaged or from a newer Knee Coach; it is kept at *backup* and a
        fresh journal was started (writable).
    ``"read_only"``
        The folder or the file cannot be written to; the journal is shown read-only.
    ``"locked"``
        Another program holds the file's lock; shown read-only, nothing can be saved
        until that program lets go (and Knee Coach is started again).
    ``"disk_full"``
        The disk is full; shown read-only until some space is freed.
    ``"unusable"``
        The file cannot be used: a disk error, a folder in its place, or SQLite
        cannot open it. Nothing in it was changed.
    ``"foreign"``
        The file is not a Knee Coach journal (another program's SQLite file): it was
        left untouched and nothing can be saved until it is moved away.

    Except for ``"moved_aside"`` the journal is read-only. *stand_in* is true when what
    it shows is an empty journal in memory, not the file's contents (which could not
    be read, or are not a journal): an export of it would be empty.
    """

    kind: str
    path: Path
    reason: str
    backup: Path | None = None
    stand_in: bool = False


#: SQL for an ISO 8601 time column as seconds since the epoch (UTC): julianday()
#: honours the stored UTC offset.
_EPOCH = "(julianday({}) - 2440587.5) * 86400.0"

# Records are named tuples: immutable values that are cheap to build by the
# thousand when the trend page reads ten years of ratings.
class Rating(NamedTuple):
    uid: str
    at: datetime
    value: int
    context: str
    side: str | None = None
    note: str | None = None
    session_uid: str | None = None


class Session(NamedTuple):
    uid: str
    routine_id: str
    started: datetime
    ended: datetime | None = None
    steps_completed: int = 0
    outcome: str | None = None
    level: int | None = None  # None: from before levels, or a routine with one level


class SafetyEvent(NamedTuple):
    uid: str
    at: datetime
    kind: str
    session_uid: str | None = None
    step: int | None = None
    side: str | None = None
    note: str | None = None


class LevelChoice(NamedTuple):
    uid: str
    at: datetime
    routine_id: str
    level: int
    kind: str  # a ChoiceKind


class TestResult(NamedTuple):
    """One self-test result: *score* is stands (chair stand) or 0-10 (PSFS, for the
    activity *item* in the user's words); *note* says how it went (a hand used, a
    knee that hurt)."""

    uid: str
    at: datetime
    test: str  # a Test
    score: int
    item: str | None = None
    note: str | None = None


def new_uid() -> str:
    import uuid

    return uuid.uuid4().hex


def now() -> datetime:
    """The current local time, aware of its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("times stored in the journal must carry a UTC offset")
    return moment.isoformat(timespec="seconds")


def _moment(text: str) -> datetime:
    """A stored time. The journal writes each with its UTC offset (:func:`iso`): one
    without can only come from a damaged page."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"a stored time has no UTC offset: {text!r}")
    return moment


def _time(text: str | None) -> datetime | None:
    return _moment(text) if text else None


def _check(value: Any, allowed: tuple[str, ...], what: str, optional: bool = False) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")


def _rating(uid: str, at: str, value: int, context: str, side: str | None,
            note: str | None, session_uid: str | None) -> Rating:
    return Rating(uid, _moment(at), value, context, side, note, session_uid)


def _session(uid: str, routine_id: str, started: str, ended: str | None, steps: int,
             outcome: str | None, level: int | None) -> Session:
    return Session(uid, routine_id, _moment(started), _time(ended), steps, outcome, level)


def _level_choice(uid: str, at: str, routine_id: str, level: int, kind: str
                  ) -> LevelChoice:
    return LevelChoice(uid, _moment(at), routine_id, level, kind)


def _test_result(uid: str, at: str, test: str, score: int, item: str | None,
                 note: str | None) -> TestResult:
    return TestResult(uid, _moment(at), test, score, item, note)


def check_test_result(result: TestResult) -> TestResult:
    """*result* if it may be kept (a PSFS activity stripped), else ValueError saying
    why."""
    _check(result.test, TESTS, "test")
    top = MAX_STANDS if result.test == Test.CHAIR_STAND else 10
    score = result.score
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= top:
        raise ValueError(f"a {result.test} score is a whole number from 0 to {top}, "
                         f"not {score!r}")
    if result.test == Test.PSFS:
        item = result.item.strip() if isinstance(result.item, str) else ""
        if not item or len(item) > MAX_ACTIVITY or "\0" in item:
            raise ValueError(f"a PSFS activity is text of 1 to {MAX_ACTIVITY} "
                             "characters")
        return result._replace(item=item)
    if result.item is not None:
        raise ValueError("only a PSFS result names an activity")
    return result


def _check_level(level: Any, optional: bool = False) -> None:
    if level is None and optional:
        return
    if isinstance(level, bool) or not isinstance(level, int) or level < 1:
        raise ValueError(f"a routine level is a whole number from 1, not {level!r}")


def _event(uid: str, at: str, kind: str, session_uid: str | None, step: int | None,
           side: str | None, note: str | None) -> SafetyEvent:
    return SafetyEvent(uid, _moment(at), kind, session_uid, step, side, note)


_SESSION_COLUMNS = "uid, routine_id, started, ended, steps_completed, outcome, level"


def _error(err: sqlite3.Error, doing: str) -> JournalError:
    """The :class:`JournalError` that tells the user what *err* means; *doing* is
    "read" or "saved"."""
    trouble = _trouble(err)
    if trouble is _Trouble.DAMAGED:
        return JournalDamaged(f"the journal is damaged: part of it cannot be read ({err}). "
                              "an export to CSV saves every record that can still be read")
    if trouble is _Trouble.IN_USE:
        return JournalBusy("the journal is busy: another program is using it. "
                           "Try again in a moment")
    if trouble is _Trouble.FULL:
        return JournalError("the disk is full. Free some space and try again")
    if trouble is _Trouble.READ_ONLY:
        return JournalReadOnly(f"the journal cannot be written to ({err})")
    if trouble is _Trouble.DISK:
        return JournalError(f"the disk reported an error ({err})")
    return JournalError(f"the journal could not be {doing} ({err})")


def _unless_damage(err: sqlite3.Error) -> None:
    """Rescue reads go on past damage, and past nothing else."""
    if _trouble(err) is not _Trouble.DAMAGED:
        raise _error(err, "read") from err


def _spans(ids: Sequence[int]) -> str:
    """``[3, 4, 5, 9]`` as ``"3-5, 9"``."""
    spans: list[list[int]] = []
    for n in sorted(ids):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


class Salvage(NamedTuple):
    """What :meth:`Journal.salvage` could read, each kind oldest first, and what it
    could not: one line per kind of record with losses (empty when all was read)."""

    sessions: list[Session]
    ratings: list[Rating]
    events: list[SafetyEvent]
    unreadable: list[str]
    tests: list[TestResult] = []  # never changed in place
    choices: list[LevelChoice] = []  # never changed in place


class Journal:
    """An open journal. Use :func:`open_journal` to get one.

    Listeners added with :meth:`subscribe` are told after every committed change
    what it changed (:class:`Changed`); views that show the journal follow it that
    way instead of being refreshed by hand.

    Reads raise :class:`JournalDamaged` on damage (:class:`JournalBusy`, or a plain
    :class:`JournalError`, on other trouble), never a raw ``sqlite3`` error; writes
    raise :class:`JournalReadOnly`, :class:`JournalBusy` (after at most
    :data:`WRITE_BUSY_TIMEOUT`), :class:`JournalDamaged` or :class:`JournalError`.
    *source* is the ``file:`` URI that opens the same file read-only on another
    connection (for :meth:`quick_check`); None for a journal held in memory.
    """

    def __init__(self, db: sqlite3.Connection, path: Path, *, writable: bool = True,
                 notice: JournalNotice | None = None, source: str | None = None,
                 version: int = SCHEMA_VERSION) -> None:
        self.db = db
        self.path = path
        self.writable = writable
        self.notice = notice
        self.source = source
        # A journal opened read-only is not migrated: one from before levels (version
        # 1) is read as it is, every session without a level and no level choices.
        self.version = version
        # (Likewise a journal from before the self-tests, version 2, has none.)
        self._session_columns = (_SESSION_COLUMNS if version >= 2 else
                                 _SESSION_COLUMNS.replace(", level", ", NULL"))
        self._listeners: list[ChangeListener] = []

    def close(self) -> None:
        self.db.close()

    def reader(self) -> Journal:
        """This journal on a read-only connection of its own, for the thread that
        calls it (a worker reading while the window writes). Needs :attr:`source`;
        raises ``sqlite3.Error`` when the connection cannot be made."""
        if self.source is None:
            raise ValueError("a journal held in memory has no other connection")
        db = sqlite3.connect(self.source, uri=True, isolation_level=None,
                             timeout=WRITE_BUSY_TIMEOUT)
        return Journal(db, self.path, writable=False, source=self.source,
                       version=self.version)

    # -- change notification -------------------------------------------------
    def subscribe(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _announce(self, changed: Changed) -> None:
        for listener in list(self._listeners):
            listener(changed)

    @contextlib.contextmanager
    def transaction(self, changes: Changed = Changed.ALL) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work, committed when the block ends without error; the
        listeners are then told that *changes* may have changed. An SQLite error on
        the way becomes the :class:`JournalError` that says what it means."""
        if not self.writable:
            raise JournalReadOnly("the journal is read-only: nothing can be saved")
        try:
            self.db.execute("BEGIN IMMEDIATE")  # waits WRITE_BUSY_TIMEOUT at most
            try:
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise _error(err, "saved") from err
        self._announce(changes)

    def _write(self, sql: str, args: tuple[Any, ...], changes: Changed) -> sqlite3.Cursor:
        with self.transaction(changes) as db:
            return db.execute(sql, args)

    def _fetch(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise _error(err, "read") from err

    @staticmethod
    def _records(rows: list[Any], make: Callable[..., Any]) -> list[Any]:
        """Rows as records. A time that does not parse can only come from a damaged
        page (the journal writes every one with :func:`iso`)."""
        try:
            return [make(*row) for row in rows]
        except (ValueError, TypeError) as err:
            raise JournalDamaged(f"the journal is damaged: a record cannot be read ({err}). "
                                 "an export to CSV saves every record that can still be read"
                                 ) from err

    def _session_id(self, session_uid: str | None) -> int | None:
        if session_uid is None:
            return None
        rows = self._fetch("SELECT id FROM sessions WHERE uid = ?", (session_uid,))
        if not rows:
            raise ValueError(f"no session {session_uid!r} in the journal")
        return int(rows[0][0])

    # -- ratings -------------------------------------------------------------
    def add_rating(self, value: int, context: str, *, at: datetime | None = None,
                   side: str | None = None, note: str | None = None,
                   session_uid: str | None = None, uid: str | None = None) -> Rating:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
        _check(context, CONTEXTS, "context")
        _check(side, SIDES, "side", optional=True)
        rating = Rating(uid or new_uid(), at or now(), value, context, side,
                        note or None, session_uid)
        self._write(
            "INSERT INTO ratings (uid, at, value, context, side, note, session_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (rating.uid, iso(rating.at), value, context, side, rating.note,
             self._session_id(session_uid)), Changed.RATINGS)
        return rating

    def ratings(self) -> list[Rating]:
        """Every rating, oldest first."""
        return self._ratings("", ())

    def _ratings(self, where: str, args: tuple[Any, ...]) -> list[Rating]:
        rows = self._fetch(
            "SELECT r.uid, r.at, r.value, r.context, r.side, r.note, s.uid FROM ratings r "
            f"LEFT JOIN sessions s ON s.id = r.session_id {where} "
            "ORDER BY julianday(r.at), r.id", args)
        return self._records(rows, _rating)

    def rating_points(self) -> list[tuple[str, float, str, int, str]]:
        """Every rating, oldest first, as plain rows for charting years of them:
        ``(uid, time stamp in seconds since the epoch, local day as recorded
        "YYYY-MM-DD", value, context)``. Far cheaper than :meth:`ratings`, which
        builds a record with a parsed time for each."""
        return self._fetch(
            f"SELECT uid, {_EPOCH.format('at')}, substr(at, 1, 10), value, context "
            "FROM ratings ORDER BY julianday(at), id")

    def chart_ratings(self, most: int) -> tuple[int, bool, list[tuple[str, float | None, str,
                                                                     int, str, int]]]:
        """The ratings for a chart, oldest first: how many are stored, whether they
        come grouped, and rows ``(uid, time stamp, day, value, context, how many)``
        whose first five are as :meth:`rating_points` gives them. Up to *most*
        ratings: one row each (how many: 1). Beyond: one row per local day as
        recorded, context and value, with the group's oldest rating and how many the
        group holds, oldest day first (a million ratings come down to at most 11 rows
        a day and context). The groups are kept by the journal (``rating_groups``);
        a journal from before them, or one whose groups do not add up (edited by
        hand), is grouped here, which makes SQLite sort every rating (seconds for a
        million). Call it in a worker thread, on a read-only connection of its own
        (:attr:`source`)."""
        with self._snapshot():
            ((stored,),) = self._fetch("SELECT count(*) FROM ratings")
            if stored <= most:
                return stored, False, self._fetch(
                    f"SELECT uid, {_EPOCH.format('at')}, substr(at, 1, 10), value, context, "
                    "1 FROM ratings ORDER BY julianday(at), id")
            # In the groups' order (day, context, value) the days come oldest first;
            # within a day the dots need no order.
            if self.version >= 4 and self._fetch(
                    "SELECT total(n) FROM rating_groups")[0][0] == stored:
                return stored, True, self._fetch(
                    f"SELECT first_uid, {_EPOCH.format('first_at')}, day, value, context, n "
                    "FROM rating_groups ORDER BY day, context, value")
            return stored, True, self._fetch(
                f"SELECT r.uid, {_EPOCH.format('r.at')}, g.day, g.value, g.context, g.n "
                "FROM (SELECT substr(at, 1, 10) AS day, context, value, count(*) AS n, "
                "min(id) AS id FROM ratings GROUP BY 1, 2, 3) AS g "
                "JOIN ratings r ON r.id = g.id ORDER BY g.day, g.context, g.value")

    def update_rating(self, uid: str, *, value: int | None = None,
                      note: str | None = None, side: str | None = None) -> Rating:
        """Correct a rating (value, note or side); returns the rating as stored."""
        current = self.rating(uid)
        if current is None:
            raise ValueError(f"no rating {uid!r} in the journal")
        value = current.value if value is None else value
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
        _check(side, SIDES, "side", optional=True)
        note = current.note if note is None else (note or None)
        side = current.side if side is None else side
        self._write("UPDATE ratings SET value = ?, note = ?, side = ? WHERE uid = ?",
                    (value, note, side, uid), Changed.RATINGS)
        return Rating(uid, current.at, value, current.context, side, note,
                      current.session_uid)

    def delete_rating(self, uid: str) -> Rating:
        """Remove a rating; returns it so that it can be put back (undo)."""
        current = self.rating(uid)
        if current is None:
            raise ValueError(f"no rating {uid!r} in the journal")
        self._write("DELETE FROM ratings WHERE uid = ?", (uid,), Changed.RATINGS)
        return current

    def restore_rating(self, rating: Rating) -> None:
        """Put back a rating removed by :meth:`delete_rating`, unchanged."""
        self.add_rating(rating.value, rating.context, at=rating.at, side=rating.side,
                        note=rating.note, session_uid=rating.session_uid, uid=rating.uid)

    def session_ratings(self) -> list[Rating]:
        """Every rating tied to a session (before, after, next morning), oldest first."""
        return self._ratings("WHERE r.session_id IS NOT NULL", ())

    def ratings_since(self, day: date) -> list[Rating]:
        """Every rating from local day *day* on (and perhaps a few hours before it:
        the time index is in UTC), oldest first."""
        return self._ratings("WHERE julianday(r.at) >= julianday(?) - 0.6",
                             (day.isoformat(),))

    def first_days(self, contexts: Sequence[str], days: int) -> dict[date, list[int]]:
        """The values of the ratings in *contexts* on the first *days* local days that
        have any, by day: read in time order through the time index, a few hundred
        rows at a time, so years of ratings cost no more than the first weeks."""
        marks = ", ".join("?" * len(contexts))
        found: dict[date, list[int]] = {}
        offset, chunk = 0, 256
        while True:
            rows = self._fetch(
                f"SELECT substr(at, 1, 10), value FROM ratings WHERE context IN ({marks}) "
                "ORDER BY julianday(at), id LIMIT ? OFFSET ?", (*contexts, chunk, offset))
            for day_text, value in rows:
                try:
                    day = date.fromisoformat(day_text)
                except (TypeError, ValueError):  # a damaged time stamp: left out
                    continue
                if day not in found and len(found) == days:
                    return found
                found.setdefault(day, []).append(value)
            if len(rows) < chunk:
                return found
            offset += chunk

    def rating(self, uid: str) -> Rating | None:
        return next((r for r in self._ratings("WHERE r.uid = ?", (uid,))), None)

    # -- sessions ------------------------------------------------------------
    def start_session(self, routine_id: str, *, at: datetime | None = None,
                      uid: str | None = None, level: int | None = None) -> Session:
        """A session begins; *level* is the routine level it is played at (None for a
        routine with one level)."""
        _check_level(level, optional=True)
        session = Session(uid or new_uid(), routine_id, at or now(), level=level)
        self._write("INSERT INTO sessions (uid, routine_id, started, level) "
                    "VALUES (?, ?, ?, ?)",
                    (session.uid, routine_id, iso(session.started), level), Changed.SESSIONS)
        return session

    def record_progress(self, session_uid: str, steps_completed: int) -> None:
        """Store how far a running session has got, as it happens."""
        self._write("UPDATE sessions SET steps_completed = ? WHERE uid = ?",
                    (steps_completed, session_uid), Changed.SESSIONS)

    def end_session(self, session_uid: str, outcome: str, steps_completed: int, *,
                    at: datetime | None = None) -> None:
        _check(outcome, OUTCOMES, "outcome")
        self._write("UPDATE sessions SET ended = ?, outcome = ?, steps_completed = ? "
                    "WHERE uid = ?", (iso(at or now()), outcome, steps_completed, session_uid),
                    Changed.SESSIONS)

    def sessions(self) -> list[Session]:
        rows = self._fetch(f"SELECT {self._session_columns} FROM sessions "
                           "ORDER BY julianday(started), id")
        return self._records(rows, _session)

    def session_points(self) -> list[tuple[float, str, str | None, int]]:
        """Every session, oldest first: ``(start as seconds since the epoch, local day
        it started "YYYY-MM-DD", outcome or None while unfinished, steps done)``."""
        return self._fetch(
            f"SELECT {_EPOCH.format('started')}, substr(started, 1, 10), outcome, "
            "steps_completed FROM sessions ORDER BY julianday(started), id")

    # -- routine levels ------------------------------------------------------
    def add_level_choice(self, routine_id: str, level: int, kind: str, *,
                         at: datetime | None = None, uid: str | None = None) -> LevelChoice:
        """The user accepted or declined the coach's offer of *level*, or chose it."""
        _check_level(level)
        _check(kind, CHOICE_KINDS, "kind")
        choice = LevelChoice(uid or new_uid(), at or now(), routine_id, level, kind)
        self._write("INSERT INTO level_choices (uid, at, routine_id, level, kind) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (choice.uid, iso(choice.at), routine_id, level, kind), Changed.LEVELS)
        return choice

    def level_choices(self) -> list[LevelChoice]:
        if self.version < 2:
            return []
        rows = self._fetch("SELECT uid, at, routine_id, level, kind FROM level_choices "
                           "ORDER BY julianday(at), id")
        return self._records(rows, _level_choice)

    # -- self-tests ------------------------------------------------------------
    def add_test_result(self, test: str, score: int, *, item: str | None = None,
                        note: str | None = None, at: datetime | None = None,
                        uid: str | None = None) -> TestResult:
        """Keep one result (one PSFS activity: give each of a sitting the same *at*)."""
        result = check_test_result(TestResult(uid or new_uid(), at or now(), test, score,
                                              item, note or None))
        self._write("INSERT INTO test_results (uid, at, test, score, item, note) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (result.uid, iso(result.at), test, score, result.item, result.note),
                    Changed.TESTS)
        return result

    def add_psfs(self, scores: Sequence[tuple[str, int]], *, at: datetime | None = None,
                 note: str | None = None) -> list[TestResult]:
        """One PSFS sitting: each (activity, 0-10) saved at the same time, together."""
        moment = at or now()
        results = [check_test_result(TestResult(new_uid(), moment, Test.PSFS, score,
                                                item, note or None))
                   for item, score in scores]
        with self.transaction(Changed.TESTS) as db:
            for r in results:
                db.execute("INSERT INTO test_results (uid, at, test, score, item, note) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (r.uid, iso(r.at), r.test, r.score, r.item, r.note))
        return results

    def test_results(self, test: str | None = None) -> list[TestResult]:
        """Every self-test result (of *test* if given), oldest first."""
        if self.version < 3:
            return []
        where, args = ("WHERE test = ?", (test,)) if test is not None else ("", ())
        rows = self._fetch(f"SELECT uid, at, test, score, item, note FROM test_results "
                           f"{where} ORDER BY julianday(at), id", args)
        return self._records(rows, _test_result)

    def delete_test_result(self, uid: str) -> None:
        self._write("DELETE FROM test_results WHERE uid = ?", (uid,), Changed.TESTS)

    # -- safety events -------------------------------------------------------
    def add_safety_event(self, kind: str, *, session_uid: str | None = None,
                         step: int | None = None, side: str | None = None,
                         note: str | None = None, at: datetime | None = None,
                         uid: str | None = None) -> SafetyEvent:
        _check(kind, EVENT_KINDS, "kind")
        event = SafetyEvent(uid or new_uid(), at or now(), kind, session_uid, step,
                            side, note or None)
        self._write(
            "INSERT INTO safety_events (uid, at, kind, session_id, step, side, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event.uid, iso(event.at), kind, self._session_id(session_uid), step, side,
             event.note), Changed.EVENTS)
        return event

    def safety_events(self) -> list[SafetyEvent]:
        rows = self._fetch(
            "SELECT e.uid, e.at, e.kind, s.uid, e.step, e.side, e.note FROM safety_events e "
            "LEFT JOIN sessions s ON s.id = e.session_id ORDER BY julianday(e.at), e.id")
        return self._records(rows, _event)

    # -- health --------------------------------------------------------------
    def quick_check(self) -> list[str]:
        """Look for damage with ``PRAGMA quick_check``; return what it found, empty
        when the file is sound. Never raises.

        Damaged pages go unnoticed until something reads them, so the window runs this
        after start-up, in a worker thread: it uses a read-only connection of its own
        (made in the calling thread) and never touches :attr:`db`. A journal held in
        memory has nothing to check; a file kept busy by another program is not
        damaged, and is taken as sound (it is checked next time)."""
        if self.source is None:
            return []
        try:
            db = sqlite3.connect(self.source, uri=True, timeout=WRITE_BUSY_TIMEOUT)
            try:
                rows = db.execute("PRAGMA quick_check").fetchall()
            finally:
                db.close()
        except sqlite3.Error as err:
            trouble = _trouble(err)
            if trouble is _Trouble.IN_USE:
                return []
            if trouble is _Trouble.DAMAGED:
                return [f"the journal is damaged ({err})"]
            return [f"the journal could not be checked ({err})"]
        return [str(text) for (text,) in rows if text != "ok"]

    def salvage(self) -> Salvage:
        """Every record that can be read, and what could not be: the rescue for a
        damaged journal (``coach export`` uses it).

        A sound journal is read as usual, one query a table. Past damage, each table
        is read in ever smaller ranges of row ids, so that only the records on damaged
        pages are lost; the ids to try come from the ``uid`` index, which lives on
        other pages than the rows, so the records lost are counted exactly. Raises
        :class:`JournalError` only for trouble other than damage (a lock, a disk
        error)."""
        with self._snapshot():
            return self._salvage()

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the journal (a WAL reader keeps its
        snapshot for a transaction), even while another connection writes: a rating
        never comes without the session it refers to."""
        began = not self.db.in_transaction
        if began:
            self.db.execute("BEGIN")  # deferred: touches nothing until the first read
        try:
            yield
        finally:
            if began and self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("COMMIT")

    def _salvage(self) -> Salvage:
        with contextlib.suppress(JournalDamaged):
            return Salvage(self.sessions(), self.ratings(), self.safety_events(), [],
                           self.test_results(), self.level_choices())
        unreadable: list[str] = []
        sessions = self._rescue("sessions", self._session_columns, _session, "session",
                                unreadable)
        uids = {rowid: session.uid for rowid, session in sessions}
        ratings = self._rescue("ratings", "uid, at, value, context, side, note, session_id",
                               _rating, "rating", unreadable, sessions=uids)
        events = self._rescue("safety_events", "uid, at, kind, session_id, step, side, note",
                              _event, "safety event", unreadable, sessions=uids)
        tests = self._rescue("test_results", "uid, at, test, score, item, note",
                             _test_result, "test result", unreadable) \
            if self.version >= 3 else []
        choices = self._rescue("level_choices", "uid, at, routine_id, level, kind",
                               _level_choice, "level choice", unreadable) \
            if self.version >= 2 else []
        return Salvage(
            [s for _, s in sorted(sessions, key=lambda p: (p[1].started, p[0]))],
            [r for _, r in sorted(ratings, key=lambda p: (p[1].at, p[0]))],
            [e for _, e in sorted(events, key=lambda p: (p[1].at, p[0]))], unreadable,
            [t for _, t in sorted(tests, key=lambda p: (p[1].at, p[0]))],
            [c for _, c in sorted(choices, key=lambda p: (p[1].at, p[0]))])

    def _rescue(self, table: str, columns: str, make: Callable[..., Any], noun: str,
                unreadable: list[str], *, sessions: dict[int, str] | None = None
                ) -> list[tuple[int, Any]]:
        """The readable rows of *table* as ``(row id, record)``; what cannot be read is
        described in *unreadable*. With *sessions* (row id -> uid of every session that
        could be read), the column ``session_id`` of *columns* becomes the session's
        uid; a record whose session was lost keeps none."""
        known = True
        ids: Sequence[int]
        try:
            ids = [i for (i,) in self.db.execute(
                f"SELECT id FROM {table} INDEXED BY sqlite_autoindex_{table}_1 ORDER BY id")]
        except sqlite3.DatabaseError as err:
            _unless_damage(err)
            known = False
            try:
                top = self.db.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
            except sqlite3.DatabaseError as err:
                _unless_damage(err)
                unreadable.append(f"no {noun} could be read: that part of the journal is "
                                  "damaged beyond rescue")
                return []
            ids = range(1, int(top or 0) + 1)
        sql = f"SELECT id, {columns} FROM {table} WHERE id BETWEEN ? AND ? ORDER BY id"
        # One row by its id, without stepping on to the next (maybe damaged) page to
        # see where a range ends.
        one = f"SELECT id, {columns} FROM {table} WHERE id = ?"
        link = columns.split(", ").index("session_id") if sessions is not None else -1
        found: list[tuple[int, Any]] = []
        lost: list[int] = []
        orphans: list[int] = []

        def read(part: Sequence[int]) -> None:
            if not part:
                return
            try:
                if len(part) == 1:
                    rows = self.db.execute(one, (part[0],)).fetchall()
                else:
                    rows = self.db.execute(sql, (part[0], part[-1])).fetchall()
            except sqlite3.DatabaseError as err:
                _unless_damage(err)
                if len(part) == 1:
                    lost.append(part[0])
                else:
                    read(part[:len(part) // 2])
                    read(part[len(part) // 2:])
                return
            for rowid, *values in rows:
                session_id = values[link] if sessions is not None else None
                if sessions is not None:
                    values[link] = None if session_id is None else sessions.get(session_id)
                try:
                    found.append((rowid, make(*values)))
                except (ValueError, TypeError):  # a time or a field garbled in place
                    lost.append(rowid)
                    continue
                if session_id is not None and values[link] is None:
                    orphans.append(rowid)

        read(ids)
        if lost and known:
            unreadable.append(f"{len(lost)} {noun}(s) could not be read "
                              f"(row ids {_spans(lost)})")
        elif lost:
            unreadable.append(f"the {noun}s with row ids {_spans(lost)} could not be read "
                              "(how many there were is not known)")
        if orphans:
            unreadable.append(f"{len(orphans)} {noun}(s) belonged to a session that could not "
                              f"be read and are kept without it (row ids {_spans(orphans)})")
        return found


# -- what went wrong ----------------------------------------------------------
#: How long a save (or a read-only connection) waits for another program's lock, in
#: seconds: short, so that a lock never freezes the window; the save fails with
#: JournalBusy instead.
WRITE_BUSY_TIMEOUT = 0.25


class _Trouble(enum.Enum):
    """Why a journal file could not be used; each gets its own answer."""

    DAMAGED = enum.auto()  # moved aside, a fresh journal starts
    FOREIGN = enum.auto()  # not a journal: left untouched, an empty stand-in is shown
    IN_USE = enum.auto()  # another program holds the lock: read-only, "locked"
    READ_ONLY = enum.auto()  # read-only, "read_only"
    FULL = enum.auto()  # read-only, "disk_full"
    DISK = enum.auto()  # read-only, "unusable" (as all that follow)
    CANNOT_OPEN = enum.auto()
    OTHER = enum.auto()


_TROUBLE_BY_CODE = {
    sqlite3.SQLITE_CORRUPT: _Trouble.DAMAGED,
    sqlite3.SQLITE_NOTADB: _Trouble.DAMAGED,
    sqlite3.SQLITE_BUSY: _Trouble.IN_USE,
    sqlite3.SQLITE_LOCKED: _Trouble.IN_USE,
    sqlite3.SQLITE_READONLY: _Trouble.READ_ONLY,
    sqlite3.SQLITE_PERM: _Trouble.READ_ONLY,
    sqlite3.SQLITE_FULL: _Trouble.FULL,
    sqlite3.SQLITE_IOERR: _Trouble.DISK,
    sqlite3.SQLITE_CANTOPEN: _Trouble.CANNOT_OPEN,
}

#: Extended result codes that mean more than their primary code: no room on the disk
#: for the WAL index (the ``-shm`` file) is how a full disk shows when opening.
_TROUBLE_BY_EXTENDED_CODE = {
    sqlite3.SQLITE_IOERR_SHMSIZE: _Trouble.FULL,
}



def _trouble(err: sqlite3.Error) -> _Trouble:
    """Classify by SQLite's result code, never by the message (which is translated
    in some builds and reworded between versions)."""
    if isinstance(err, _Foreign):
        return _Trouble.FOREIGN
    if isinstance(err, _Damaged | _TooNew):
        return _Trouble.DAMAGED
    code = getattr(err, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return _Trouble.OTHER
    return _TROUBLE_BY_EXTENDED_CODE.get(
        code, _TROUBLE_BY_CODE.get(code & 0xFF, _Trouble.OTHER))  # extended -> primary


def _reason(trouble: _Trouble, err: sqlite3.Error) -> str:
    """Why a journal that is not damaged cannot be used, for its notice."""
    if trouble is _Trouble.IN_USE:
        return "another program is using it"
    if trouble is _Trouble.FULL:
        return "the disk is full"
    if trouble is _Trouble.DISK:
        return f"the disk reported an error ({err})"
    if trouble is _Trouble.READ_ONLY:
        return f"the journal cannot be written to ({err})"
    if trouble is _Trouble.FOREIGN:
        return str(err)
    return f"it could not be opened ({err})"


def open_journal(path: Path) -> Journal:
    """Open (or create) the journal at *path*; never raises for the file's state
    (see :mod:`coach.journal_open`)."""
    from coach.journal_open import open_journal as open_file

    return open_file(path)
