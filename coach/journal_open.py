"""Opening the journal: never fails and never costs the user their history.

Only real damage (or a journal from a newer Knee Coach) moves the file aside, with a
timestamped name, for a fresh journal. A file that cannot be used just now (another
program holds it, a full disk, a disk error, a folder in its place) or that is not a
Knee Coach journal stays where it is, byte for byte, and the journal opens read-only
on what can be read. Creation and migration run in one write transaction that
re-reads the schema version, so two copies opening a new file take turns. A
:class:`coach.journal.JournalNotice` says what happened. Imports nothing from Qt.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from coach.journal import Journal, now
from coach.journal_errors import (
    WRITE_BUSY_TIMEOUT,
    DamagedFile,
    ForeignFile,
    JournalNotice,
    TooNewFile,
    Trouble,
    classify,
    notice_reason,
)
from coach.journal_schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

_KIND_BY_TROUBLE = {
    Trouble.IN_USE: "locked",
    Trouble.READ_ONLY: "read_only",
    Trouble.FULL: "disk_full",
    Trouble.FOREIGN: "foreign",
}

#: How long opening waits for another connection to finish writing (seconds): two
#: copies creating a new journal at the same moment take turns (creating takes
#: milliseconds), and a journal another program holds opens read-only after this
#: wait, so the window is not kept from the user for long.
BUSY_TIMEOUT = 2.0



def _connect(target: str, *, uri: bool = False,
             timeout: float | None = None) -> sqlite3.Connection:
    db = sqlite3.connect(target, uri=uri, isolation_level=None,
                         timeout=BUSY_TIMEOUT if timeout is None else timeout,
                         check_same_thread=False)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def _uri(path: Path, query: str) -> str:
    return f"{path.resolve().as_uri()}?{query}"


def _check_header(path: Path) -> None:
    """A cheap look at the first bytes, before SQLite opens the file: 100 bytes or more
    that do not start as an SQLite file are not a journal.

    Nothing else is judged here, outside SQLite's locks. A shorter or empty file may
    be one that another copy is creating this moment, and a header counting more
    pages than the file holds may be a checkpoint half way (it writes page 1 first).
    SQLite checks both under its locks, in :func:`_prepare`'s write transaction, and
    reports a file really cut off or garbled as ``SQLITE_CORRUPT`` or ``SQLITE_NOTADB``.
    A file that cannot be read here is left for SQLite to judge too.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return
    if len(header) == 100 and not header.startswith(b"SQLite format 3\x00"):
        raise DamagedFile("it is not a journal file")


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
    while another connection reads or writes the file in rollback mode (it is creating
    the journal): try again until that wait has passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as err:
            if classify(err) is not Trouble.IN_USE or time.monotonic() >= deadline:
                raise
        time.sleep(0.02)


def _tables(db: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """The tables of *db* (SQLite's own left out) with their column names."""
    names = [name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")]
    return {name: tuple(column for (column,) in db.execute(
        "SELECT name FROM pragma_table_info(?) ORDER BY cid", (name,))) for name in names}


@functools.cache
def _tables_at(version: int) -> dict[str, tuple[str, ...]]:
    """The tables and columns of a journal at schema *version*, as the migrations make
    them."""
    db = sqlite3.connect(":memory:")
    try:
        for number in range(1, version + 1):
            for statement in _statements(MIGRATIONS[number - 1]()):
                db.execute(statement)
        return _tables(db)
    finally:
        db.close()


@functools.cache
def _triggers_at(version: int) -> frozenset[tuple[str, str]]:
    """The triggers (name, SQL) of a journal at schema *version*, read from the
    migrations' text (running them in memory would cost start-up ~5 ms)."""
    made: dict[str, str] = {}
    for number in range(1, version + 1):
        for statement in _statements(MIGRATIONS[number - 1]()):
            words = statement.split()
            if [w.upper() for w in words[:2]] == ["CREATE", "TRIGGER"]:
                made[words[2]] = " ".join(statement.strip().rstrip(";").split())
            elif [w.upper() for w in words[:2]] == ["DROP", "TRIGGER"]:
                made.pop(words[-1].rstrip(";"), None)
    return frozenset(made.items())


def _triggers(db: sqlite3.Connection) -> frozenset[tuple[str, str]]:
    """(name, SQL with its spacing evened out) of each trigger in *db*."""
    return frozenset((name, " ".join((sql or "").split())) for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))


def strange_triggers(db: sqlite3.Connection) -> list[str]:
    """The names of triggers in the journal *db* (at the current schema) that Knee
    Coach did not make, or made otherwise: a trigger runs on every write, and one put
    there could throw away each rating as it is saved."""
    return sorted({name for name, _sql in _triggers(db) - _triggers_at(SCHEMA_VERSION)})


def _identify(db: sqlite3.Connection, *, mark: bool) -> int:
    """The schema version of the Knee Coach journal in *db* (0: an empty file, to
    become one). Raises :class:`ForeignFile` for anyone else's SQLite file and
    :class:`TooNewFile` for a journal from a newer Knee Coach.

    A file without the mark is ours only when it is empty or holds exactly the tables
    of a journal of its version (one from before the mark); with *mark* it gets the
    mark (in the caller's transaction)."""
    application_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if application_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise TooNewFile(f"it was written by a newer version of Knee Coach (journal "
                             f"version {version}, this app knows up to {SCHEMA_VERSION})")
        return version
    if application_id == 0:
        empty = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        if (empty and version == 0) or (
                0 < version <= SCHEMA_VERSION and _tables(db) == _tables_at(version)):
            if mark:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            return version
    raise ForeignFile("it is not a Knee Coach journal but another program's database, "
                      "and was left untouched")


def _prepare(db: sqlite3.Connection, *, writable: bool) -> int:
    """Check that the file is a sound Knee Coach journal of a known version; writable,
    mark and migrate it, then switch it to WAL. Returns the version found.

    Writable, the check and the migration run in one write transaction that reads the
    version only once it holds the lock: two copies opening a new journal at the same
    moment create the schema once, and the second finds it made. Nothing is written
    before the check (the switch to WAL comes last), so someone else's file stays as
    it was, byte for byte."""
    if writable:
        db.execute("PRAGMA synchronous = FULL")
    db.execute("BEGIN IMMEDIATE" if writable else "BEGIN")  # waits BUSY_TIMEOUT at most
    try:
        version = _identify(db, mark=writable)
        if writable:
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
    if writable:
        _use_wal(db)
    return version


def _open_file(path: Path) -> sqlite3.Connection:
    _check_header(path)
    db = _connect(str(path))
    try:
        _prepare(db, writable=True)
        db.execute(f"PRAGMA busy_timeout = {round(WRITE_BUSY_TIMEOUT * 1000)}")
    except BaseException:
        db.close()
        raise
    return db


def kept_journals(path: Path) -> list[Path]:
    """The journals kept beside *path* because they could not be opened (by the window
    or by any command), oldest first (their names carry the time they were kept)."""
    try:
        found = [p for p in path.parent.glob(f"{glob.escape(path.name)}.damaged-*")
                 if not p.name.endswith(("-wal", "-shm"))]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


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
    """Open (or create) the journal at *path*. Never fails for the state of the file.

    Only real damage (or a journal from a newer Knee Coach) moves the file aside for a
    fresh journal. Everything else leaves the file where it is, unchanged, and gives a
    read-only journal with a :class:`JournalNotice` saying why: an unwritable folder or
    file, another program holding the lock, a full disk, a disk error, a folder in its
    place, or someone else's SQLite file."""
    path = Path(path)
    if path.exists() and not path.is_file():
        what = "a folder" if path.is_dir() else "something other than a file"
        return _stand_in(path, "unusable", f"it is {what}, not a journal file")
    if not _folder_writable(path.parent):
        return _open_read_only(path, "read_only", "the data folder cannot be written to")
    if path.exists() and not os.access(path, os.W_OK):
        return _open_read_only(path, "read_only", "the journal file is read-only")
    try:
        db = _open_file(path)
        strange = strange_triggers(db)
        if strange:  # someone changed the file: read it, write nothing through them
            db.close()
            return _open_read_only(path, "unusable", "it holds database triggers Knee "
                                   f"Coach did not make ({_clip(', '.join(strange))}), so "
                                   "what is saved there might not stay")
        return Journal(db, path, source=_uri(path, "mode=ro"))
    except sqlite3.Error as err:
        trouble = classify(err)
        if trouble is Trouble.FOREIGN:
            return _stand_in(path, "foreign", notice_reason(trouble, err))
        if trouble is not Trouble.DAMAGED:
            return _open_read_only(path, _KIND_BY_TROUBLE.get(trouble, "unusable"),
                                   notice_reason(trouble, err))
        reason = str(err) if isinstance(err, TooNewFile | DamagedFile) else \
            f"the file is damaged ({err})"
    try:
        backup = _move_aside(path, now().strftime("%Y%m%d-%H%M%S"))
    except OSError as err:
        return _stand_in(path, "read_only",
                         f"{reason}, and it could not be moved aside ({err.strerror})")
    try:
        db = _open_file(path)
    except sqlite3.Error as err:  # the disk filled up meanwhile, say
        trouble = classify(err)
        return _stand_in(path, _KIND_BY_TROUBLE.get(trouble, "unusable"),
                         f"{reason}; it was kept as {backup.name}, but a new journal could "
                         f"not be started: {notice_reason(trouble, err)}", backup)
    return Journal(db, path, notice=JournalNotice("moved_aside", path, reason, backup),
                   source=_uri(path, "mode=ro"))


def _clip(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _wal_is_empty(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _open_read_only(path: Path, kind: str, reason: str) -> Journal:
    """The journal at *path*, read-only, with a *kind* notice; an empty stand-in when
    the file cannot be read (or is empty, or not a journal).

    The live file is read first: it shows what another program writes. A full disk
    or a read-only folder leaves no room for the WAL index; then the file is read as
    immutable, but only when no WAL holds commits that are not in it yet (``kill -9``
    or a lost power leaves them): a stale view is never shown as the journal."""
    if not path.is_file():
        return _stand_in(path, kind, reason)
    uris = [_uri(path, "mode=ro")]
    if kind != "locked" and _wal_is_empty(path):
        uris.append(_uri(path, "mode=ro&immutable=1"))
    problem: sqlite3.Error | None = None
    for uri in uris:
        try:
            db = _connect(uri, uri=True, timeout=WRITE_BUSY_TIMEOUT)
        except sqlite3.Error as err:
            problem = err
            continue
        try:
            version = _prepare(db, writable=False)
        except sqlite3.Error as err:
            db.close()
            trouble = classify(err)
            if trouble is Trouble.FOREIGN:
                return _stand_in(path, "foreign", notice_reason(trouble, err))
            if trouble is Trouble.DAMAGED:
                return _stand_in(path, kind,
                                 f"{reason}, and the journal there cannot be read ({err})")
            problem = err
            continue
        if version == 0:  # an empty file: nothing to show, and no tables to show it with
            db.close()
            break
        return Journal(db, path, writable=False, notice=JournalNotice(kind, path, reason),
                       source=uri, version=version)
    if problem is not None:
        reason = f"{reason}; nothing in it could be read ({problem})"
    return _stand_in(path, kind, reason)


def _stand_in(path: Path, kind: str, reason: str, backup: Path | None = None) -> Journal:
    """An empty, read-only journal in memory standing in for the file at *path*."""
    db = _connect(":memory:")
    _prepare(db, writable=True)
    return Journal(db, path, writable=False,
                   notice=JournalNotice(kind, path, reason, backup, stand_in=True))

