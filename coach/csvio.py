"""The journal as CSV: export for spreadsheets and backups, import to restore.

One row per record with a ``kind`` column (``session``, ``rating``,
``safety_event``); times are ISO 8601 with their UTC offset. Each record carries its
``uid``, so importing skips what is already there and importing the same file twice
adds nothing. An import is checked whole before anything is written: one bad row
and nothing is imported, with every bad row named by its line.
This module imports nothing from Qt.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from coach.journal import (
    CONTEXTS,
    EVENT_KINDS,
    OUTCOMES,
    SIDES,
    Journal,
    iso,
)

COLUMNS = ("kind", "uid", "time", "end_time", "routine_id", "value", "context", "side",
           "note", "steps_completed", "outcome", "event", "step", "session_uid")
KINDS = ("session", "rating", "safety_event")


def _rows(journal: Journal) -> Iterable[dict[str, Any]]:
    for s in journal.sessions():
        yield {"kind": "session", "uid": s.uid, "time": iso(s.started),
               "end_time": iso(s.ended) if s.ended else "", "routine_id": s.routine_id,
               "steps_completed": s.steps_completed, "outcome": s.outcome or ""}
    for r in journal.ratings():
        yield {"kind": "rating", "uid": r.uid, "time": iso(r.at), "value": r.value,
               "context": r.context, "side": r.side or "", "note": r.note or "",
               "session_uid": r.session_uid or ""}
    for e in journal.safety_events():
        yield {"kind": "safety_event", "uid": e.uid, "time": iso(e.at), "event": e.kind,
               "step": "" if e.step is None else e.step, "side": e.side or "",
               "note": e.note or "", "session_uid": e.session_uid or ""}


def export_csv(journal: Journal, out: IO[str]) -> int:
    """Write the whole journal to *out*; return the number of records written."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in _rows(journal):
        writer.writerow(row)
        count += 1
    return count


def save_csv(journal: Journal, path: Path) -> int:
    """Export to the file *path*, all or nothing; return the number of records.

    The rows go to a temporary file in the same folder, renamed over *path* only once
    complete, so a full disk or a pulled drive never leaves a half-written export
    under the chosen name; the temporary file is removed when anything fails. An
    OSError names *path*, never the temporary file."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            count = export_csv(journal, handle)
        os.replace(tmp, path)
    except BaseException as err:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(err, OSError) and err.strerror:
            raise OSError(err.errno, err.strerror, str(path)) from err
        raise
    return count


@dataclass
class ImportResult:
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


class _RowError(ValueError):
    pass


def _time(row: dict[str, str], key: str, required: bool = True) -> datetime | None:
    text = (row.get(key) or "").strip()
    if not text:
        if required:
            raise _RowError(f"'{key}' is empty")
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _RowError(f"'{key}' is not an ISO 8601 time: {text!r}") from None
    if moment.tzinfo is None:
        raise _RowError(f"'{key}' has no UTC offset (like +09:00): {text!r}")
    return moment


def _int(row: dict[str, str], key: str, low: int, high: int | None = None,
         required: bool = True) -> int | None:
    text = (row.get(key) or "").strip()
    if not text and not required:
        return None
    try:
        value = int(text)
    except ValueError:
        raise _RowError(f"'{key}' must be a whole number, not {text!r}") from None
    if value < low or (high is not None and value > high):
        limit = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise _RowError(f"'{key}' must be {limit}, not {value}")
    return value


def _choice(row: dict[str, str], key: str, allowed: tuple[str, ...],
            required: bool = True) -> str | None:
    text = (row.get(key) or "").strip()
    if not text and not required:
        return None
    if text not in allowed:
        raise _RowError(f"'{key}' must be one of {', '.join(allowed)}, not {text!r}")
    return text


def _parse(row: dict[str, str]) -> tuple[str, dict[str, Any]]:
    kind = _choice(row, "kind", KINDS) or ""
    uid = _required(row, "uid")
    session_uid = (row.get("session_uid") or "").strip() or None
    note = row.get("note") or None
    if kind == "session":
        return kind, {"uid": uid, "routine_id": _required(row, "routine_id"),
                      "at": _time(row, "time"), "ended": _time(row, "end_time", False),
                      "steps": _int(row, "steps_completed", 0, required=False) or 0,
                      "outcome": _choice(row, "outcome", OUTCOMES, required=False)}
    if kind == "rating":
        return kind, {"uid": uid, "at": _time(row, "time"), "value": _int(row, "value", 0, 10),
                      "context": _choice(row, "context", CONTEXTS),
                      "side": _choice(row, "side", SIDES, required=False), "note": note,
                      "session_uid": session_uid}
    return kind, {"uid": uid, "at": _time(row, "time"),
                  "kind": _choice(row, "event", EVENT_KINDS),
                  "step": _int(row, "step", 1, required=False),
                  "side": _choice(row, "side", SIDES, required=False), "note": note,
                  "session_uid": session_uid}


def _required(row: dict[str, str], key: str) -> str:
    text = (row.get(key) or "").strip()
    if not text:
        raise _RowError(f"'{key}' is empty")
    return text


def import_csv(journal: Journal, source: IO[str]) -> ImportResult:
    """Restore records from a CSV written by :func:`export_csv`."""
    result = ImportResult()
    reader = csv.DictReader(source)
    missing = [c for c in ("kind", "uid", "time") if c not in (reader.fieldnames or ())]
    if missing:
        result.problems.append(f"line 1: not a Knee Coach export (missing column "
                               f"{', '.join(missing)})")
        return result
    parsed: list[tuple[str, dict[str, Any]]] = []
    for row in reader:
        try:
            parsed.append(_parse(row))
        except _RowError as err:
            result.problems.append(f"line {reader.line_num}: {err}")
    if result.problems:
        return result
    known_sessions = {s.uid for s in journal.sessions()} | {
        fields["uid"] for kind, fields in parsed if kind == "session"}
    for kind, fields in parsed:
        if fields.get("session_uid") and kind != "session" and \
                fields["session_uid"] not in known_sessions:
            result.problems.append(f"{kind} {fields['uid']}: refers to session "
                                   f"{fields['session_uid']}, which is neither in the file "
                                   "nor in the journal")
    if result.problems:
        return result
    order = {"session": 0, "rating": 1, "safety_event": 2}
    with journal.transaction() as db:
        for kind, f in sorted(parsed, key=lambda item: order[item[0]]):
            session_id = None
            if f.get("session_uid"):
                session_id = db.execute("SELECT id FROM sessions WHERE uid = ?",
                                        (f["session_uid"],)).fetchone()[0]
            if kind == "session":
                cursor = db.execute(
                    "INSERT OR IGNORE INTO sessions (uid, routine_id, started, ended, "
                    "steps_completed, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                    (f["uid"], f["routine_id"], iso(f["at"]),
                     iso(f["ended"]) if f["ended"] else None, f["steps"], f["outcome"]))
            elif kind == "rating":
                cursor = db.execute(
                    "INSERT OR IGNORE INTO ratings (uid, at, value, context, side, note, "
                    "session_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (f["uid"], iso(f["at"]), f["value"], f["context"], f["side"], f["note"],
                     session_id))
            else:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO safety_events (uid, at, kind, session_id, step, "
                    "side, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (f["uid"], iso(f["at"]), f["kind"], session_id, f["step"], f["side"],
                     f["note"]))
            if cursor.rowcount:
                result.added[kind] += 1
            else:
                result.skipped += 1
    return result
