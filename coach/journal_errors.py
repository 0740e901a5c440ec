"""What went wrong with the journal and what it means: the errors its operations raise,
the notice opening gives, and SQLite's errors classified by result code."""

from __future__ import annotations

import enum
import sqlite3
from pathlib import Path
from typing import NamedTuple

#: How long a save (or a read-only connection) waits for another program's lock, in
#: seconds: short, so that a lock never freezes the window; the save fails with
#: JournalBusy instead.
WRITE_BUSY_TIMEOUT = 0.25


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
    can be: :meth:`coach.journal.Journal.salvage` (``coach export``) rescues it."""


class TooNewFile(sqlite3.DatabaseError):
    """A journal written by a newer Knee Coach; classified as damage."""


class DamagedFile(sqlite3.DatabaseError):
    """A file found damaged by Knee Coach's own look at it, before SQLite reads it;
    classified as damage."""


class ForeignFile(sqlite3.DatabaseError):
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


class Trouble(enum.Enum):
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
    sqlite3.SQLITE_CORRUPT: Trouble.DAMAGED,
    sqlite3.SQLITE_NOTADB: Trouble.DAMAGED,
    sqlite3.SQLITE_BUSY: Trouble.IN_USE,
    sqlite3.SQLITE_LOCKED: Trouble.IN_USE,
    sqlite3.SQLITE_READONLY: Trouble.READ_ONLY,
    sqlite3.SQLITE_PERM: Trouble.READ_ONLY,
    sqlite3.SQLITE_FULL: Trouble.FULL,
    sqlite3.SQLITE_IOERR: Trouble.DISK,
    sqlite3.SQLITE_CANTOPEN: Trouble.CANNOT_OPEN,
}

#: Extended result codes that mean more than their primary code: no room on the disk
#: for the WAL index (the ``-shm`` file) is how a full disk shows when opening.
_TROUBLE_BY_EXTENDED_CODE = {
    sqlite3.SQLITE_IOERR_SHMSIZE: Trouble.FULL,
}


def classify(err: sqlite3.Error) -> Trouble:
    """Classify by SQLite's result code, never by the message (which is translated
    in some builds and reworded between versions)."""
    if isinstance(err, ForeignFile):
        return Trouble.FOREIGN
    if isinstance(err, DamagedFile | TooNewFile):
        return Trouble.DAMAGED
    code = getattr(err, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return Trouble.OTHER
    return _TROUBLE_BY_EXTENDED_CODE.get(
        code, _TROUBLE_BY_CODE.get(code & 0xFF, Trouble.OTHER))  # extended -> primary


def notice_reason(trouble: Trouble, err: sqlite3.Error) -> str:
    """Why a journal that is not damaged cannot be used, for its notice."""
    if trouble is Trouble.IN_USE:
        return "another program is using it"
    if trouble is Trouble.FULL:
        return "the disk is full"
    if trouble is Trouble.DISK:
        return f"the disk reported an error ({err})"
    if trouble is Trouble.READ_ONLY:
        return f"the journal cannot be written to ({err})"
    if trouble is Trouble.FOREIGN:
        return str(err)
    return f"it could not be opened ({err})"


def journal_error(err: sqlite3.Error, doing: str) -> JournalError:
    """The :class:`JournalError` that tells the user what *err* means; *doing* is
    "read" or "saved"."""
    trouble = classify(err)
    if trouble is Trouble.DAMAGED:
        return JournalDamaged(f"the journal is damaged: part of it cannot be read ({err}). "
                              "an export to CSV saves every record that can still be read")
    if trouble is Trouble.IN_USE:
        return JournalBusy("the journal is busy: another program is using it. "
                           "Try again in a moment")
    if trouble is Trouble.FULL:
        return JournalError("the disk is full. Free some space and try again")
    if trouble is Trouble.READ_ONLY:
        return JournalReadOnly(f"the journal cannot be written to ({err})")
    if trouble is Trouble.DISK:
        return JournalError(f"the disk reported an error ({err})")
    return JournalError(f"the journal could not be {doing} ({err})")
