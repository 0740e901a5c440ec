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
The schema is in :mod:`coach.journal_schema`, what went wrong in
:mod:`coach.journal_errors`, the rescue of damaged tables in :mod:`coach.journal_salvage`.
This module imports nothing from Qt.
"""

from __future__ import annotations

import contextlib
import enum
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from coach.journal_errors import (
    WRITE_BUSY_TIMEOUT,
    JournalBusy,
    JournalDamaged,
    JournalError,
    JournalNotice,
    JournalReadOnly,
    Trouble,
    classify,
    journal_error,
)
from coach.journal_schema import (
    APPLICATION_ID,
    CHOICE_KINDS,
    CONTEXTS,
    EVENT_KINDS,
    MAX_ACTIVITY,
    MAX_STANDS,
    MIGRATIONS,
    OUTCOMES,
    SCHEMA_VERSION,
    SIDES,
    TESTS,
    ChoiceKind,
    Context,
    EventKind,
    Outcome,
    Test,
)

# The app imports the journal's names from here, the schema's and the errors' included.
__all__ = [
    "APPLICATION_ID", "CHOICE_KINDS", "CONTEXTS", "EVENT_KINDS", "MAX_ACTIVITY",
    "MAX_STANDS", "MIGRATIONS", "OUTCOMES", "SCHEMA_VERSION", "SIDES", "TESTS",
    "WRITE_BUSY_TIMEOUT", "ChangeListener", "Changed", "ChoiceKind", "Context",
    "EventKind", "Journal", "JournalBusy", "JournalDamaged", "JournalError",
    "JournalNotice", "JournalReadOnly", "LevelChoice", "Outcome", "Rating",
    "SafetyEvent", "Salvage", "Session", "Test", "TestResult", "check_test_result",
    "iso", "new_uid", "now", "open_journal",
]


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
    """The current local time, aware of its UTC offset, to the second. The C library's
    zone is read again first (``time.tzset``): it reads it once, so after a flight
    (the desktop's zone changed while the window ran) records were stamped in the old
    zone, on the wrong day, while the reminders followed the new one."""
    if hasattr(time, "tzset"):  # (not on Windows)
        time.tzset()
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
            raise journal_error(err, "saved") from err
        self._announce(changes)

    def _write(self, sql: str, args: tuple[Any, ...], changes: Changed) -> sqlite3.Cursor:
        with self.transaction(changes) as db:
            return db.execute(sql, args)

    def _fetch(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise journal_error(err, "read") from err

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

    def set_session_level(self, session_uid: str, level: int) -> None:
        """A session not yet under way is played at another *level* after all (the
        user chose to go on gently on a bad day)."""
        _check_level(level)
        self._write("UPDATE sessions SET level = ? WHERE uid = ?", (level, session_uid),
                    Changed.SESSIONS)

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
            trouble = classify(err)
            if trouble is Trouble.IN_USE:
                return []
            if trouble is Trouble.DAMAGED:
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
        from coach.journal_salvage import rescue

        with contextlib.suppress(JournalDamaged):
            return Salvage(self.sessions(), self.ratings(), self.safety_events(), [],
                           self.test_results(), self.level_choices())
        unreadable: list[str] = []
        sessions = rescue(self.db, "sessions", self._session_columns, _session, "session",
                          unreadable)
        uids = {rowid: session.uid for rowid, session in sessions}
        ratings = rescue(self.db, "ratings",
                         "uid, at, value, context, side, note, session_id",
                         _rating, "rating", unreadable, sessions=uids)
        events = rescue(self.db, "safety_events",
                        "uid, at, kind, session_id, step, side, note",
                        _event, "safety event", unreadable, sessions=uids)
        tests = rescue(self.db, "test_results", "uid, at, test, score, item, note",
                       _test_result, "test result", unreadable) \
            if self.version >= 3 else []
        choices = rescue(self.db, "level_choices", "uid, at, routine_id, level, kind",
                         _level_choice, "level choice", unreadable) \
            if self.version >= 2 else []
        return Salvage(
            [s for _, s in sorted(sessions, key=lambda p: (p[1].started, p[0]))],
            [r for _, r in sorted(ratings, key=lambda p: (p[1].at, p[0]))],
            [e for _, e in sorted(events, key=lambda p: (p[1].at, p[0]))], unreadable,
            [t for _, t in sorted(tests, key=lambda p: (p[1].at, p[0]))],
            [c for _, c in sorted(choices, key=lambda p: (p[1].at, p[0]))])


def open_journal(path: Path) -> Journal:
    """Open (or create) the journal at *path*; never raises for the file's state
    (see :mod:`coach.journal_open`)."""
    from coach.journal_open import open_journal as open_file

    return open_file(path)
