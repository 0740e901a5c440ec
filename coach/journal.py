"""The journal: pain ratings, sessions and safety events in one SQLite file.

Every user action is committed the moment it happens (autocommit, WAL,
``synchronous=FULL``), so a rating confirmed on screen survives a crash or a
``kill -9``. The schema version lives in ``PRAGMA user_version`` and grows through
small numbered migrations. A damaged file is never fatal: it is moved aside with a
timestamped name and a fresh journal starts; an unwritable folder gives a read-only
(or in-memory) journal. What happened is described by a :class:`JournalNotice` that
the CLI and the window put into words. A sound file that cannot be used just now (in
use by another copy, a full disk, a disk error) is a :class:`JournalError` and stays
where it is.
This module imports nothing from Qt.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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


# Plain strings: the schema's CHECK constraints are written from these.
CONTEXTS = tuple(c.value for c in Context)
SIDES = ("left", "right", "both")
OUTCOMES = tuple(o.value for o in Outcome)
EVENT_KINDS = tuple(k.value for k in EventKind)


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


#: Migration N (1-based) gives the SQL that brings the schema from version N-1 to N.
MIGRATIONS: tuple[Callable[[], str], ...] = (_v1,)
SCHEMA_VERSION = len(MIGRATIONS)


class Changed(enum.Flag):
    """What a committed write changed, as told to the journal's listeners."""

    RATINGS = enum.auto()
    SESSIONS = enum.auto()
    EVENTS = enum.auto()
    ALL = RATINGS | SESSIONS | EVENTS


#: A journal listener: called after each committed change with what it changed.
ChangeListener = Callable[[Changed], None]


class JournalError(Exception):
    """A journal operation failed; the message is fit to show."""


class JournalReadOnly(JournalError):
    """The journal cannot be written (read-only folder or file)."""


class _TooNew(sqlite3.DatabaseError):
    pass


class _Damaged(sqlite3.DatabaseError):
    pass


@dataclass(frozen=True)
class JournalNotice:
    """Something the user must be told about the journal at start-up.

    *kind* is ``"moved_aside"`` (the old file was damaged or too new and is kept at
    *backup*; a fresh journal was started) or ``"read_only"`` (ratings cannot be saved).
    """

    kind: str
    path: Path
    reason: str
    backup: Path | None = None


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


class SafetyEvent(NamedTuple):
    uid: str
    at: datetime
    kind: str
    session_uid: str | None = None
    step: int | None = None
    side: str | None = None
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


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _check(value: Any, allowed: tuple[str, ...], what: str, optional: bool = False) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")


class Journal:
    """An open journal. Use :func:`open_journal` to get one.

    Listeners added with :meth:`subscribe` are told after every committed change
    what it changed (:class:`Changed`); views that show the journal follow it that
    way instead of being refreshed by hand.
    """

    def __init__(self, db: sqlite3.Connection, path: Path, *, writable: bool = True,
                 notice: JournalNotice | None = None) -> None:
        self.db = db
        self.path = path
        self.writable = writable
        self.notice = notice
        self._listeners: list[ChangeListener] = []

    def close(self) -> None:
        self.db.close()

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
        listeners are then told that *changes* may have changed."""
        if not self.writable:
            raise JournalReadOnly("the journal is read-only: nothing can be saved")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self._announce(changes)

    def _write(self, sql: str, args: tuple[Any, ...], changes: Changed) -> sqlite3.Cursor:
        try:
            with self.transaction(changes) as db:
                return db.execute(sql, args)
        except sqlite3.Error as err:
            raise JournalError(f"could not save to the journal: {err}") from err

    def _session_id(self, session_uid: str | None) -> int | None:
        if session_uid is None:
            return None
        row = self.db.execute("SELECT id FROM sessions WHERE uid = ?", (session_uid,)).fetchone()
        if row is None:
            raise ValueError(f"no session {session_uid!r} in the journal")
        return int(row[0])

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
        rows = self.db.execute(
            "SELECT r.uid, r.at, r.value, r.context, r.side, r.note, s.uid FROM ratings r "
            f"LEFT JOIN sessions s ON s.id = r.session_id {where} "
            "ORDER BY julianday(r.at), r.id", args)
        return [Rating(u, datetime.fromisoformat(a), v, c, sd, n, su)
                for u, a, v, c, sd, n, su in rows]

    def rating_points(self) -> list[tuple[str, float, str, int, str]]:
        """Every rating, oldest first, as plain rows for charting years of them:
        ``(uid, time stamp in seconds since the epoch, local day as recorded
        "YYYY-MM-DD", value, context)``. Far cheaper than :meth:`ratings`, which
        builds a record with a parsed time for each."""
        return self.db.execute(
            f"SELECT uid, {_EPOCH.format('at')}, substr(at, 1, 10), value, context "
            "FROM ratings ORDER BY julianday(at), id").fetchall()

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

    def ratings_for_session(self, session_uid: str) -> list[Rating]:
        return self._ratings("WHERE s.uid = ?", (session_uid,))

    def rating(self, uid: str) -> Rating | None:
        return next((r for r in self._ratings("WHERE r.uid = ?", (uid,))), None)

    # -- sessions ------------------------------------------------------------
    def start_session(self, routine_id: str, *, at: datetime | None = None,
                      uid: str | None = None) -> Session:
        session = Session(uid or new_uid(), routine_id, at or now())
        self._write("INSERT INTO sessions (uid, routine_id, started) VALUES (?, ?, ?)",
                    (session.uid, routine_id, iso(session.started)), Changed.SESSIONS)
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
        rows = self.db.execute(
            "SELECT uid, routine_id, started, ended, steps_completed, outcome FROM sessions "
            "ORDER BY julianday(started), id")
        return [Session(u, r, datetime.fromisoformat(s), _time(e), n, o)
                for u, r, s, e, n, o in rows]

    def session_points(self) -> list[tuple[float, str, str | None, int]]:
        """Every session, oldest first: ``(start as seconds since the epoch, local day
        it started "YYYY-MM-DD", outcome or None while unfinished, steps done)``."""
        return self.db.execute(
            f"SELECT {_EPOCH.format('started')}, substr(started, 1, 10), outcome, "
            "steps_completed FROM sessions ORDER BY julianday(started), id").fetchall()

    def last_session(self) -> Session | None:
        row = self.db.execute(
            "SELECT uid, routine_id, started, ended, steps_completed, outcome FROM sessions "
            "ORDER BY julianday(started) DESC, id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        u, r, s, e, n, o = row
        return Session(u, r, datetime.fromisoformat(s), _time(e), n, o)

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
        rows = self.db.execute(
            "SELECT e.uid, e.at, e.kind, s.uid, e.step, e.side, e.note FROM safety_events e "
            "LEFT JOIN sessions s ON s.id = e.session_id ORDER BY julianday(e.at), e.id")
        return [SafetyEvent(u, datetime.fromisoformat(a), k, su, st, sd, n)
                for u, a, k, su, st, sd, n in rows]


# -- opening -----------------------------------------------------------------
#: How long opening waits for another connection to finish writing (seconds).
BUSY_TIMEOUT = 5.0


class _Trouble(enum.Enum):
    """Why a journal file could not be opened; each gets its own answer."""

    DAMAGED = enum.auto()  # moved aside, a fresh journal starts
    IN_USE = enum.auto()  # another copy writes it: JournalError, nothing moved
    READ_ONLY = enum.auto()  # opened read-only
    FULL = enum.auto()
    DISK = enum.auto()
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


def _trouble(err: sqlite3.Error) -> _Trouble:
    """Classify by SQLite's result code, never by the message (which is translated
    in some builds and reworded between versions)."""
    if isinstance(err, _Damaged | _TooNew):
        return _Trouble.DAMAGED
    code = getattr(err, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return _Trouble.OTHER
    return _TROUBLE_BY_CODE.get(code & 0xFF, _Trouble.OTHER)  # extended -> primary code


def _cannot_use(path: Path, trouble: _Trouble, err: sqlite3.Error) -> JournalError:
    if trouble is _Trouble.IN_USE:
        message = (f"the journal {path} is in use by another copy of Knee Coach (or another "
                   "program) and stayed busy; close the other copy and try again")
    elif trouble is _Trouble.FULL:
        message = (f"the disk is full: the journal {path} cannot be opened until some space "
                   "is freed. Nothing in it was changed")
    elif trouble is _Trouble.DISK:
        message = (f"the journal {path} could not be read or written: the disk reported an "
                   f"error ({err}). Nothing in it was changed")
    else:
        message = f"the journal {path} could not be opened ({err}). Nothing in it was changed"
    return JournalError(message)


def _connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    db = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=BUSY_TIMEOUT,
                         check_same_thread=False)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def _check_header(path: Path) -> None:
    """A cheap look at the first bytes, before SQLite opens the file: 100 bytes or more
    that do not start as an SQLite file are not a journal.

    Nothing else is judged here, outside SQLite's locks. A shorter or empty file may
    be one that another copy is creating this moment, and a header counting more
    pages than the file holds may be a checkpoint half way (it writes page 1 first).
    SQLite checks both under its locks, in :func:`_prepare`'s write transaction, and
    reports a file really cut off or garbled as ``SQLITE_CORRUPT`` or ``SQLITE_NOTADB``.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return
    if len(header) == 100 and not header.startswith(b"SQLite format 3\x00"):
        raise _Damaged("it is not a journal file")


def _statements(script: str) -> Iterator[str]:
    """A migration's statements one by one: ``executescript`` would first commit the
    transaction they must run in."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):  # not a ";" inside a literal
            if statement.strip(" \t\r\n;"):
                yield statement
            statement = ""
    if statement.strip(" \t\r\n;"):
        yield statement


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL. SQLite answers "busy" at once here, without the busy timeout,
    while another connection writes the file in rollback mode (it is creating the
    journal): try again until that wait has passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as err:
            if _trouble(err) is not _Trouble.IN_USE or time.monotonic() >= deadline:
                raise
        time.sleep(0.02)


def _check_version(db: sqlite3.Connection) -> int:
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise _TooNew(f"it was written by a newer version of Knee Coach "
                      f"(journal version {version}, this app knows up to {SCHEMA_VERSION})")
    return version


def _prepare(db: sqlite3.Connection, *, writable: bool) -> None:
    """Check the file is a sound journal of a known version, and migrate it.

    Writable, the check and the migration run in one write transaction that reads the
    version only once it holds the lock: two copies opening a new journal at the same
    moment create the schema once, and the second finds it made."""
    if not writable:
        _check_version(db)
        return
    _use_wal(db)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("BEGIN IMMEDIATE")  # waits up to BUSY_TIMEOUT for another writer
    try:
        version = _check_version(db)
        for number in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _statements(MIGRATIONS[number - 1]()):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise


def _open_file(path: Path) -> sqlite3.Connection:
    _check_header(path)
    db = _connect(str(path))
    try:
        _prepare(db, writable=True)
    except BaseException:
        db.close()
        raise
    return db


def _move_aside(path: Path, stamp: str) -> Path:
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(backup)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.rename(backup.with_name(backup.name + suffix))
    return backup


def _folder_writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def open_journal(path: Path) -> Journal:
    """Open (or create) the journal at *path*.

    Only real damage (or a file from a newer app) moves the file aside for a fresh
    journal; an unwritable folder or file gives a read-only journal. Raises
    :class:`JournalError` when a sound file cannot be used now: another copy keeps it
    busy, the disk is full or fails."""
    path = Path(path)
    if not _folder_writable(path.parent) or (path.exists() and not os.access(path, os.W_OK)):
        return _open_read_only(path)
    try:
        return Journal(_open_file(path), path)
    except sqlite3.Error as err:
        trouble = _trouble(err)
        if trouble is _Trouble.READ_ONLY:
            return _open_read_only(path, f"the journal cannot be written to ({err})")
        if trouble is not _Trouble.DAMAGED:
            raise _cannot_use(path, trouble, err) from err
        reason = str(err) if isinstance(err, _TooNew | _Damaged) else \
            f"the file is damaged ({err})"
    try:
        backup = _move_aside(path, now().strftime("%Y%m%d-%H%M%S"))
    except OSError as err:
        db = _connect(":memory:")
        _prepare(db, writable=True)
        return Journal(db, path, writable=False, notice=JournalNotice(
            "read_only", path, f"{reason}, and it could not be moved aside ({err.strerror})"))
    try:
        db = _open_file(path)
    except sqlite3.Error as err:
        raise _cannot_use(path, _trouble(err), err) from err
    return Journal(db, path, notice=JournalNotice("moved_aside", path, reason, backup))


def _open_read_only(path: Path, reason: str = "the data folder cannot be written to"
                    ) -> Journal:
    if path.exists():
        try:
            db = _connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            _prepare(db, writable=False)
            return Journal(db, path, writable=False,
                           notice=JournalNotice("read_only", path, reason))
        except sqlite3.DatabaseError as err:
            reason = f"{reason}, and the journal there cannot be read ({err})"
    db = _connect(":memory:")
    _prepare(db, writable=True)
    return Journal(db, path, writable=False, notice=JournalNotice("read_only", path, reason))
