"""The rescue of a damaged journal, one table at a time: its rows are read in ever
smaller ranges of row ids, so that only the records on damaged pages are lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from coach.journal_errors import Trouble, classify, journal_error


def _unless_damage(err: sqlite3.Error) -> None:
    """Rescue reads go on past damage, and past nothing else."""
    if classify(err) is not Trouble.DAMAGED:
        raise journal_error(err, "read") from err


def _spans(ids: Sequence[int]) -> str:
    """``[3, 4, 5, 9]`` as ``"3-5, 9"``."""
    spans: list[list[int]] = []
    for n in sorted(ids):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


def rescue(db: sqlite3.Connection, table: str, columns: str, make: Callable[..., Any],
           noun: str, unreadable: list[str], *, sessions: dict[int, str] | None = None
           ) -> list[tuple[int, Any]]:
    """The readable rows of *table* in *db* as ``(row id, record)``; what cannot be
    read is described in *unreadable*. With *sessions* (row id -> uid of every session
    that could be read), the column ``session_id`` of *columns* becomes the session's
    uid; a record whose session was lost keeps none."""
    known = True
    ids: Sequence[int]
    try:
        ids = [i for (i,) in db.execute(
            f"SELECT id FROM {table} INDEXED BY sqlite_autoindex_{table}_1 ORDER BY id")]
    except sqlite3.DatabaseError as err:
        _unless_damage(err)
        known = False
        try:
            top = db.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
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
                rows = db.execute(one, (part[0],)).fetchall()
            else:
                rows = db.execute(sql, (part[0], part[-1])).fetchall()
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
