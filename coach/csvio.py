"""The journal as CSV: export for spreadsheets and backups, import to restore.

One row per record with a ``kind`` column (``session``, ``rating``,
``safety_event``, ``test_result``); times are ISO 8601 with their UTC offset. The
columns are :data:`COLUMNS`; a session's ``level`` is the routine level it was played
at (empty: from before levels, or a routine with one level), and a file exported before
that column existed imports with no levels. A self-test result (``test_result``) keeps
its score in ``value``, the test (``chair_stand`` or ``psfs``) in ``test`` and a PSFS
activity in ``item``; a file from before those columns imports as it always did. A
``level_choice`` is the user's answer to the coach's offer of a routine's level:
``routine_id``, ``level`` and, in ``choice``, ``accepted``, ``declined`` or ``chosen``
(the coach's next offers follow these, so a restore keeps them). Each
record carries its ``uid``, so importing skips what is already there and importing the
same file twice adds nothing. Free text that a spreadsheet would run as a formula goes
out with one leading apostrophe, which the import takes off again: every note and
activity comes back as it was.
An export of a damaged journal still writes every record that can be read. An import
is checked whole before anything is written: one bad row and nothing is imported,
with every bad row named by its line.
This module imports nothing from Qt.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from coach.journal import (
    CHOICE_KINDS,
    CONTEXTS,
    EVENT_KINDS,
    MAX_STANDS,
    OUTCOMES,
    SIDES,
    TESTS,
    Journal,
    JournalDamaged,
    Salvage,
    Test,
    TestResult,
    check_test_result,
    iso,
    now,
)

COLUMNS = ("kind", "uid", "time", "end_time", "routine_id", "value", "context", "side",
           "note", "steps_completed", "outcome", "event", "step", "session_uid", "level",
           "test", "item", "choice")
KINDS = ("session", "rating", "safety_event", "test_result", "level_choice")

#: Columns of free text, which a hostile file or a user may fill with anything; the
#: others hold names from a fixed set, whole numbers and times.
TEXT_COLUMNS = ("uid", "routine_id", "note", "session_uid", "item")
#: Free text that may run over several lines (the others may not).
MULTILINE_COLUMNS = ("note", "item")
#: What makes a spreadsheet take a cell for a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The mark that keeps a cell text; text that starts with it gets one more, so that
#: taking one off on import is always right.
TEXT_MARK = "'"

#: The times an import takes: older ones are typing errors (year 1 broke the pain
#: trend page), and so are later ones. Between a day ahead of the clock and LATEST a
#: record is in the future, yet taken: a journal kept on a computer whose clock was set
#: wrong holds such records, and its export must restore (the chart leaves them out and
#: says so).
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(3000, 1, 1, tzinfo=UTC)
AHEAD = timedelta(days=1)
#: Real time zones lie within these offsets; SQLite's time functions take no others.
MAX_OFFSET = timedelta(hours=14)
#: More steps than any routine has; bounds what reaches SQLite's 64-bit integers.
MAX_STEPS = 10_000
#: More levels than a routine may have (it may have 5); bounds what reaches SQLite.
MAX_LEVEL = 100


def spreadsheet_text(text: str) -> str:
    """*text* as a cell no spreadsheet runs as a formula: a leading apostrophe before
    a formula start, and before an apostrophe (so that :func:`plain_text` reverses it
    exactly)."""
    if text.startswith((*FORMULA_STARTS, TEXT_MARK)):
        return TEXT_MARK + text
    return text


def plain_text(cell: str) -> str:
    """The text :func:`spreadsheet_text` made *cell* from. A cell written by hand that
    starts with an apostrophe before anything else is taken as it is."""
    if cell.startswith(TEXT_MARK) and cell[1:].startswith((*FORMULA_STARTS, TEXT_MARK)):
        return cell[1:]
    return cell


def _rows(salvage: Salvage) -> Iterable[dict[str, Any]]:
    for s in salvage.sessions:
        yield {"kind": "session", "uid": s.uid, "time": iso(s.started),
               "end_time": iso(s.ended) if s.ended else "", "routine_id": s.routine_id,
               "steps_completed": s.steps_completed, "outcome": s.outcome or "",
               "level": "" if s.level is None else s.level}
    for r in salvage.ratings:
        yield {"kind": "rating", "uid": r.uid, "time": iso(r.at), "value": r.value,
               "context": r.context, "side": r.side or "", "note": r.note or "",
               "session_uid": r.session_uid or ""}
    for e in salvage.events:
        yield {"kind": "safety_event", "uid": e.uid, "time": iso(e.at), "event": e.kind,
               "step": "" if e.step is None else e.step, "side": e.side or "",
               "note": e.note or "", "session_uid": e.session_uid or ""}
    for t in salvage.tests:
        yield {"kind": "test_result", "uid": t.uid, "time": iso(t.at), "value": t.score,
               "test": t.test, "item": t.item or "", "note": t.note or ""}
    for c in salvage.choices:
        yield {"kind": "level_choice", "uid": c.uid, "time": iso(c.at),
               "routine_id": c.routine_id, "level": c.level, "choice": c.kind}


class ExportIncomplete(JournalDamaged):
    """The journal is damaged: the export holds every record that could be read
    (*written* of them) and lacks those described in *unreadable*. Raised once the
    export is complete, so that it is never taken for a whole one."""

    def __init__(self, written: int, unreadable: list[str]) -> None:
        super().__init__(f"the journal is damaged: {written} record(s) were exported, but "
                         f"some could not be read ({'; '.join(unreadable)})")
        self.written = written
        self.unreadable = unreadable


def export_csv(journal: Journal, out: IO[str]) -> int:
    """Write the whole journal to *out*; return the number of records written.

    Raises :class:`ExportIncomplete` after writing every readable record of a damaged
    journal."""
    salvage = journal.salvage()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    # The csv module quotes a field with a line feed but not one with a lone carriage
    # return (the line ends are "\n"), which a reader takes for a line end: a row
    # with one is written with every field quoted.
    quoted = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n",
                            quoting=csv.QUOTE_ALL)
    writer.writeheader()
    count = 0
    for row in _rows(salvage):
        for key in TEXT_COLUMNS:
            if isinstance(row.get(key), str):
                row[key] = spreadsheet_text(row[key])
        carriage_return = any("\r" in str(value) for value in row.values())
        (quoted if carriage_return else writer).writerow(row)
        count += 1
    if salvage.unreadable:
        raise ExportIncomplete(count, salvage.unreadable)
    return count


def save_csv(journal: Journal, path: Path) -> int:
    """Export to the file *path*, all or nothing; return the number of records
    (see :func:`save_whole`)."""
    return save_whole(path, lambda handle: export_csv(journal, handle))


def save_whole(path: Path, write: Callable[[IO[str]], int]) -> int:
    """Let *write* fill the UTF-8 text file *path*, all or nothing; return what it
    returns (the number of records written).

    The text goes to a temporary file in the same folder, renamed over *path* only once
    complete, so a full disk or a pulled drive never leaves a half-written export
    under the chosen name; the temporary file is removed when anything fails. An
    OSError names *path*, never the temporary file. A damaged journal's export is
    saved with every record that can be read, then :class:`ExportIncomplete` says
    what is missing."""
    tmp = None
    incomplete: ExportIncomplete | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            try:
                count = write(handle)
            except ExportIncomplete as err:
                incomplete = err
        os.replace(tmp, path)
    except BaseException as err:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(err, OSError) and err.strerror:
            raise OSError(err.errno, err.strerror, str(path)) from err
        raise
    if incomplete is not None:
        raise incomplete
    return count


@dataclass
class ImportResult:
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    #: Records dated more than a day after the clock (taken: see :data:`LATEST`).
    future: int = 0
    #: Of those skipped, ratings whose value, context, side or note differ from the
    #: journal's own (corrected on one side since): the journal's were kept.
    differ: int = 0
    #: Of those skipped, self-test results whose score, item or note differ from the
    #: journal's (a file changed by hand): the journal's were kept.
    differ_results: int = 0
    #: Rows the file holds more than once, alike (taken once; not counted as skipped).
    repeated: int = 0


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
    offset = moment.utcoffset()
    if offset is None:
        raise _RowError(f"'{key}' has no UTC offset (like +09:00): {text!r}")
    if offset % timedelta(minutes=1) or abs(offset) > MAX_OFFSET:
        raise _RowError(f"'{key}' has a UTC offset no time zone uses (they are whole "
                        f"minutes from -14:00 to +14:00): {text!r}")
    if not EARLIEST <= moment < LATEST:
        raise _RowError(f"'{key}' must be between 1970-01-01 and 2999-12-31, not {text!r}")
    if text[-1] in "Zz":
        # A UTC time from another program says the instant, not the wall clock it was
        # read on: kept at +00:00 it was recorded on the UTC date (a Tokyo morning
        # session the evening before). It takes this computer's offset then, as the
        # app's own records carry the offset where they were made.
        moment = moment.astimezone()
    return moment


def _int(row: dict[str, str], key: str, low: int, high: int,
         required: bool = True) -> int | None:
    text = (row.get(key) or "").strip()
    if not text and not required:
        return None
    try:
        value = int(text)
    except ValueError:
        raise _RowError(f"'{key}' must be a whole number, not {text[:20]!r}") from None
    if not low <= value <= high:
        raise _RowError(f"'{key}' must be from {low} to {high}, not {value}")
    return value


def _choice(row: dict[str, str], key: str, allowed: tuple[str, ...],
            required: bool = True) -> str | None:
    text = (row.get(key) or "").strip()
    if not text and not required:
        return None
    if text not in allowed:
        raise _RowError(f"'{key}' must be one of {', '.join(allowed)}, not {text[:40]!r}")
    return text


def _required(row: dict[str, str], key: str) -> str:
    text = plain_text((row.get(key) or "").strip())
    if not text:
        raise _RowError(f"'{key}' is empty")
    return text


def _parse(row: dict[str, str]) -> tuple[str, dict[str, Any]]:
    for key, value in row.items():
        if key not in MULTILINE_COLUMNS and ("\n" in value or "\r" in value):
            raise _RowError(f"'{key}' runs over several lines: a '\"' is probably missing")
    kind = _choice(row, "kind", KINDS) or ""
    uid = _required(row, "uid")
    session_uid = plain_text((row.get("session_uid") or "").strip()) or None
    note = plain_text(row.get("note") or "") or None
    if kind == "session":
        return kind, {"uid": uid, "routine_id": _required(row, "routine_id"),
                      "at": _time(row, "time"),
                      "ended": _time(row, "end_time", False),
                      "steps": _int(row, "steps_completed", 0, MAX_STEPS, False) or 0,
                      "outcome": _choice(row, "outcome", OUTCOMES, required=False),
                      "level": _int(row, "level", 1, MAX_LEVEL, required=False)}
    if kind == "rating":
        return kind, {"uid": uid, "at": _time(row, "time"),
                      "value": _int(row, "value", 0, 10),
                      "context": _choice(row, "context", CONTEXTS),
                      "side": _choice(row, "side", SIDES, required=False), "note": note,
                      "session_uid": session_uid}
    if kind == "test_result":
        return kind, {"result": _test_result(row, uid, note)}
    if kind == "level_choice":
        return kind, {"uid": uid, "routine_id": _required(row, "routine_id"),
                      "at": _time(row, "time"),
                      "level": _int(row, "level", 1, MAX_LEVEL),
                      "choice": _choice(row, "choice", CHOICE_KINDS)}
    return kind, {"uid": uid, "at": _time(row, "time"),
                  "kind": _choice(row, "event", EVENT_KINDS),
                  "step": _int(row, "step", 1, MAX_STEPS, required=False),
                  "side": _choice(row, "side", SIDES, required=False), "note": note,
                  "session_uid": session_uid}


def _test_result(row: dict[str, str], uid: str, note: str | None) -> TestResult:
    """A ``test_result`` row as the journal keeps it, checked by the journal's rules."""
    at = _time(row, "time")
    test = _choice(row, "test", TESTS)
    score = _int(row, "value", 0, MAX_STANDS if test == Test.CHAIR_STAND else 10)
    item = plain_text(row.get("item") or "") or None
    assert at is not None and test is not None and score is not None  # required
    try:
        return check_test_result(TestResult(uid, at, test, score, item, note))
    except ValueError as err:
        raise _RowError(str(err)) from None


def _csv_problem(err: csv.Error) -> str:
    """What a CSV reading error means for the user. The csv module gives no codes:
    its messages (fixed English text in CPython) are all there is to go by."""
    text = str(err)
    if "field larger than field limit" in text:
        return (f"a field is longer than {csv.field_size_limit()} characters "
                "(a '\"' may be missing)")
    if "unexpected end of data" in text:
        return "a quoted field starts in this record and is never closed (a '\"' is missing)"
    return f"this record cannot be read as CSV ({text}): a '\"' may be missing or not doubled"


def _decode_problem(err: UnicodeDecodeError) -> str:
    if bytes(err.object[:2]) in (b"\xff\xfe", b"\xfe\xff"):
        return ("the file is UTF-16 text; Knee Coach reads CSV saved as UTF-8 "
                "(in a spreadsheet: 'CSV UTF-8')")
    return ("the file is not UTF-8 text; Knee Coach reads CSV saved as UTF-8 "
            "(in a spreadsheet: 'CSV UTF-8')")


def _read(source: IO[str], problems: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Every record of *source* with the line it starts on; what cannot be read goes
    to *problems*. ``strict`` makes the csv module report a quote left open instead
    of reading the rest of the file into one field."""
    reader = csv.reader(source, strict=True)
    records: list[tuple[int, dict[str, str]]] = []
    line = 1
    try:
        header = next(reader, [])
        missing = [c for c in ("kind", "uid", "time") if c not in header]
        if missing:
            problems.append(f"line 1: not a Knee Coach export (missing column "
                            f"{', '.join(missing)})")
            return []
        twice = sorted({c for c in header if header.count(c) > 1})
        if twice:  # a row would keep only the last of them
            problems.append(f"line 1: the column {', '.join(twice)} appears more than once")
            return []
        while True:
            line = reader.line_num + 1
            fields = next(reader, None)
            if fields is None:
                return records
            if not fields:  # a blank line
                continue
            if len(fields) != len(header):
                problems.append(f"line {line}: {len(fields)} fields where the header has "
                                f"{len(header)} (a '\"' or a ',' is missing or too many)")
                continue
            records.append((line, dict(zip(header, fields, strict=True))))
    except csv.Error as err:
        problems.append(f"line {line}: {_csv_problem(err)}")
    except UnicodeDecodeError as err:
        problems.append(_decode_problem(err))
    return []


def import_csv(journal: Journal, source: IO[str], *,
               clock: Callable[[], datetime] = now) -> ImportResult:
    """Restore records from a CSV written by :func:`export_csv`: all of them, or none
    and a problem for each line that is wrong. Times must lie between 1970-01-01 and
    :data:`LATEST`; those more than a day after *clock* are counted in ``future``."""
    result = ImportResult()
    records = _read(source, result.problems)
    parsed: list[tuple[str, dict[str, Any]]] = []
    # A record twice in the file: once is enough if the rows agree; if they do not,
    # neither may win unseen (the second was counted "already in the journal").
    seen: dict[tuple[str, str], tuple[int, dict[str, str]]] = {}
    for line, row in records:
        key = (row.get("kind", ""), row.get("uid", ""))
        if key in seen:
            first, kept = seen[key]
            if kept != row:
                result.problems.append(f"line {line}: {key[0]} {key[1]} is on line {first} "
                                       "too, with other values: keep one of them")
            else:
                result.repeated += 1
            continue
        seen[key] = (line, row)
        try:
            parsed.append(_parse(row))
        except _RowError as err:
            result.problems.append(f"line {line}: {err}")
    if result.problems:
        return result
    ahead = clock() + AHEAD
    result.future = sum(1 for _kind, fields in parsed
                        if (fields["result"].at if "result" in fields else fields["at"]) > ahead)
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
    order = {kind: n for n, kind in enumerate(KINDS)}  # sessions before what refers to them
    with journal.transaction() as db:
        for kind, f in sorted(parsed, key=lambda item: order[item[0]]):
            session_id = None
            if f.get("session_uid"):
                session_id = db.execute("SELECT id FROM sessions WHERE uid = ?",
                                        (f["session_uid"],)).fetchone()[0]
            if kind == "session":
                cursor = db.execute(
                    "INSERT OR IGNORE INTO sessions (uid, routine_id, started, ended, "
                    "steps_completed, outcome, level) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (f["uid"], f["routine_id"], iso(f["at"]),
                     iso(f["ended"]) if f["ended"] else None, f["steps"], f["outcome"],
                     f["level"]))
            elif kind == "rating":
                cursor = db.execute(
                    "INSERT OR IGNORE INTO ratings (uid, at, value, context, side, note, "
                    "session_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (f["uid"], iso(f["at"]), f["value"], f["context"], f["side"], f["note"],
                     session_id))
            elif kind == "safety_event":
                cursor = db.execute(
                    "INSERT OR IGNORE INTO safety_events (uid, at, kind, session_id, step, "
                    "side, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (f["uid"], iso(f["at"]), f["kind"], session_id, f["step"], f["side"],
                     f["note"]))
            elif kind == "level_choice":
                cursor = db.execute(
                    "INSERT OR IGNORE INTO level_choices (uid, at, routine_id, level, kind) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (f["uid"], iso(f["at"]), f["routine_id"], f["level"], f["choice"]))
            else:
                t = f["result"]
                cursor = db.execute(
                    "INSERT OR IGNORE INTO test_results (uid, at, test, score, item, note) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (t.uid, iso(t.at), t.test, t.score, t.item, t.note))
            if cursor.rowcount:
                result.added[kind] += 1
                continue
            result.skipped += 1
            if kind == "rating":
                kept = db.execute("SELECT value, context, side, note FROM ratings "
                                  "WHERE uid = ?", (f["uid"],)).fetchone()
                if kept is not None and tuple(kept) != (f["value"], f["context"],
                                                        f["side"], f["note"]):
                    result.differ += 1
            elif kind == "test_result":
                t = f["result"]
                kept = db.execute("SELECT test, score, item, note FROM test_results "
                                  "WHERE uid = ?", (t.uid,)).fetchone()
                if kept is not None and tuple(kept) != (t.test, t.score, t.item, t.note):
                    result.differ_results += 1
    return result
