"""The weekly plan, free of Qt: which routines on which days at which local wall time,
the defaults each routine's own frequency suggests, and the small JSON file it lives in.

The file is written atomically (a temporary file, then ``os.replace``); a damaged or
hostile file is reported as a :class:`PlanProblem` and read as no plan, never a crash.
When reminders fire and what they say is :mod:`coach.schedule`'s business.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable
from datetime import date, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from coach.files import read_capped
from coach.routine import ID_PATTERN, Routine

#: Format version of the plan file.
PLAN_VERSION = 1
#: A plan file larger than this is not read (a plan is a few hundred bytes).
MAX_FILE_BYTES = 64 * 1024
#: More entries than this is not a plan a person made.
MAX_ENTRIES = 64
#: How long an entry that was changed or removed is kept, in days after its last one:
#: adherence looks back over this week and the four before (at most 34 days).
KEEP_RETIRED_DAYS = 42
#: Where nothing better is known, a new entry's time.
DEFAULT_TIME = time(10, 0)
#: The desk break's interval, in minutes, during active hours.
HOURLY = 60


class Day(StrEnum):
    """Days of the week, in ISO order (``Day.weekday`` matches ``date.weekday()``)."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def weekday(self) -> int:
        return DAYS.index(self)


DAYS = tuple(Day)
EVERY_DAY = frozenset(DAYS)
EVERY_OTHER_DAY = frozenset((Day.MON, Day.WED, Day.FRI))


class Cadence(StrEnum):
    """How often a routine asks to be done, read from its ``frequency`` text."""

    EVERY_OTHER_DAY = "every_other_day"  # to begin with; daily once used to it
    DAILY = "daily"
    HOURLY = "hourly"  # during active hours (the desk break)


class PlanInputError(ValueError):
    """Bad input for the plan (an unknown day, a time that is not HH:MM...)."""


class PlanError(Exception):
    """The plan could not be saved (a full disk, no permission): the message says
    what happened and what to do."""


class PlanProblem(NamedTuple):
    """Why a plan file could not be read; the plan is then taken as empty."""

    path: Path
    reason: str
    #: False: the file could not be read at all (no permission, a disk error); it
    #: may be sound, so it is never set aside or replaced.
    damaged: bool = True

    def __str__(self) -> str:
        return f"the plan {self.path} could not be read ({self.reason}); it is ignored"

    def check_replaceable(self) -> None:
        """Raise :class:`PlanError` unless a new plan may take this file's place (kept
        aside): one that could not be read at all may be a sound plan."""
        if not self.damaged:
            raise PlanError(f"the plan {self.path} could not be read ({self.reason}), so "
                            "nothing was changed: it may be sound. Make it readable, then "
                            "try again.")


def parse_days(text: str | Iterable[str]) -> frozenset[Day]:
    """``"mon,wed,fri"`` (or a list of names) as days; "daily" and "weekdays" too."""
    names = [n.strip().lower() for n in (text.split(",") if isinstance(text, str) else text)]
    days: set[Day] = set()
    for name in names:
        if name in ("daily", "all", "every"):
            days |= EVERY_DAY
        elif name == "weekdays":
            days |= set(DAYS[:5])
        elif name in DAYS:
            days.add(Day(name))
        else:
            shown = name if len(name) <= 20 else name[:20] + "..."
            raise PlanInputError(f"unknown day {shown!r}: use mon, tue, wed, thu, fri, "
                                 "sat, sun (comma-separated), daily or weekdays")
    if not days:
        raise PlanInputError("no days given: use for example mon,wed,fri")
    return frozenset(days)


_HHMM = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


def parse_time(text: str) -> time:
    """``"07:30"`` as a time; anything else (7:30, 24:00, 07:30:00) is an error."""
    match = _HHMM.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match:
        shown = text if isinstance(text, str) and len(text) <= 20 else "that"
        raise PlanInputError(f"bad time {shown!r}: use HH:MM on a 24-hour clock, "
                             "for example 07:30 or 18:00")
    return time(int(match[1]), int(match[2]))


def hhmm(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def day_list(days: Iterable[Day]) -> list[str]:
    """Days in week order, as their names."""
    return [d.value for d in DAYS if d in set(days)]


class Entry(NamedTuple):
    """One routine in the plan: on *days*, at *at* local wall time. With *every*
    (minutes) the routine repeats from *at* + every until the end of active hours
    (the desk break's hourly nudge); *at* is then the start of active hours."""

    routine_id: str
    days: frozenset[Day]
    at: time
    every: int | None = None
    since: date | None = None  # the day it was planned: adherence counts from here
    until: date | None = None  # a retired entry's last day in force (Plan.retired)

    def in_force(self, day: date) -> bool:
        return (self.since is None or day >= self.since) \
            and (self.until is None or day <= self.until)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"routine_id": self.routine_id, "days": day_list(self.days),
                                "at": hhmm(self.at)}
        if self.every is not None:
            data["every"] = self.every
        if self.since is not None:
            data["since"] = self.since.isoformat()
        if self.until is not None:
            data["until"] = self.until.isoformat()
        return data


class Plan(NamedTuple):
    """The weekly plan. *active_hours* bound the hourly nudges; nothing is reminded
    during *quiet_hours* (start, end; may span midnight). *retired* keeps, for a few
    weeks, entries whose days were changed or that were taken out of the plan (each
    with the last day it was in force), so that past weeks are judged by what was
    planned then; nothing else reads them."""

    entries: tuple[Entry, ...] = ()
    active_hours: tuple[time, time] = (time(9, 0), time(17, 0))
    quiet_hours: tuple[time, time] | None = (time(21, 30), time(7, 0))
    retired: tuple[Entry, ...] = ()

    def entry(self, routine_id: str) -> Entry | None:
        return next((e for e in self.entries if e.routine_id == routine_id), None)

    def as_of(self, today: date) -> Plan:
        """The plan as in force on *today*: an entry planned "since" a later day (made
        while the clock ran ahead, then put right) is in force from today, the clock
        being believed. Today said "Planned today" while the reminders waited for that
        day."""
        if not any(e.since is not None and e.since > today for e in self.entries):
            return self
        return self._replace(entries=tuple(
            e._replace(since=today) if e.since is not None and e.since > today else e
            for e in self.entries))

    def with_entry(self, entry: Entry) -> Plan:
        """Add *entry*, or replace that routine's entry where it stood."""
        if self.entry(entry.routine_id) is None:
            return self._replace(entries=(*self.entries, entry))
        return self._replace(entries=tuple(entry if e.routine_id == entry.routine_id else e
                                           for e in self.entries))

    def without(self, routine_id: str) -> Plan:
        return self._replace(entries=tuple(e for e in self.entries
                                           if e.routine_id != routine_id))

    def replan(self, routine_id: str, entry: Entry | None, today: date) -> Plan:
        """The plan with that routine's entry set to *entry* (None: out of the plan) as
        of *today*. A new time alone keeps the entry's history; new days, hourly or not,
        or leaving the plan retire the old entry with yesterday as its last day, and the
        new one counts from today, so past weeks keep what was planned then (a plan
        that went from three days a week to daily did not owe seven sessions a week
        all along)."""
        old = self.entry(routine_id)
        if entry is not None and old is not None \
                and (entry.days, entry.every) == (old.days, old.every):
            return self.with_entry(entry._replace(since=old.since, until=None))
        retired = self.retired
        if old is not None and (old.since is None or old.since < today):
            retired = (*retired, old._replace(until=today - timedelta(days=1)))
        oldest = today - timedelta(days=KEEP_RETIRED_DAYS)
        plan = self._replace(retired=tuple(r for r in retired
                                           if r.until is not None and r.until >= oldest))
        if entry is None:
            return plan.without(routine_id)
        return plan.with_entry(entry._replace(since=today, until=None))

    def ever_planned(self) -> tuple[Entry, ...]:
        """The entries in force now, and those retired a short while ago."""
        return self.entries + self.retired

    def planned_on(self, weekday: int) -> list[Entry]:
        """Entries planned on that ``date.weekday()``."""
        return [e for e in self.entries if DAYS[weekday] in e.days]

    def in_quiet_hours(self, moment: time) -> bool:
        if self.quiet_hours is None:
            return False
        start, end = self.quiet_hours
        if start <= end:
            return start <= moment < end
        return moment >= start or moment < end

    def to_json(self) -> dict[str, Any]:
        data = {"version": PLAN_VERSION,
                "entries": [e.to_json() for e in self.entries],
                "active_hours": [hhmm(t) for t in self.active_hours],
                "quiet_hours": None if self.quiet_hours is None
                else [hhmm(t) for t in self.quiet_hours]}
        if self.retired:
            data["retired"] = [e.to_json() for e in self.retired]
        return data


# -- defaults from the routine's own frequency -----------------------------------------
_CADENCE_WORDS = ((Cadence.HOURLY, ("an hour", "per hour", "hourly", "1時間に")),
                  (Cadence.EVERY_OTHER_DAY, ("every other day", "1日おき", "隔日")))


def cadence(routine: Routine) -> Cadence:
    """What the routine's ``frequency`` text asks for; daily when it says nothing
    more specific (most routines: "once a day")."""
    if routine.frequency is None:
        return Cadence.DAILY
    text = f"{routine.frequency.en} {routine.frequency.ja or ''}".lower()
    for kind, words in _CADENCE_WORDS:
        if any(word in text for word in words):
            return kind
    return Cadence.DAILY


def default_entry(routine: Routine, plan: Plan | None = None, *,
                  used_to_it: bool = False) -> Entry:
    """The entry a routine gets when the user picks it without saying when: every
    other day (mon, wed, fri) at first, daily once *used_to_it*; hourly during the
    plan's active hours for the desk break."""
    kind = cadence(routine)
    if kind is Cadence.HOURLY:
        start = (plan or Plan()).active_hours[0]
        return Entry(routine.id, EVERY_DAY - {Day.SAT, Day.SUN}, start, HOURLY)
    if kind is Cadence.EVERY_OTHER_DAY and not used_to_it:
        return Entry(routine.id, EVERY_OTHER_DAY, DEFAULT_TIME)
    return Entry(routine.id, EVERY_DAY, DEFAULT_TIME)


# -- the file -------------------------------------------------------------------------
def _date(raw: Any, where: str, key: str) -> date | None:
    value = raw.get(key)
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: {key} must be a date (YYYY-MM-DD)") from None


def _checked_entry(raw: Any, n: int, what: str = "entry") -> Entry:
    where = f"{what} {n}"
    if not isinstance(raw, dict):
        raise ValueError(f"{where} is not an object")
    routine_id = raw.get("routine_id")
    if not isinstance(routine_id, str) or len(routine_id) > 100 \
            or not ID_PATTERN.fullmatch(routine_id):
        raise ValueError(f"{where} has no valid routine_id")
    days = raw.get("days")
    if not isinstance(days, list) or not all(isinstance(d, str) for d in days) \
            or len(days) > 7:
        raise ValueError(f"{where}: days must be a list of day names")
    at = raw.get("at")
    if not isinstance(at, str):
        raise ValueError(f"{where}: at must be HH:MM")
    every = raw.get("every")
    if every is not None and (type(every) is not int or not 15 <= every <= 24 * 60):
        raise ValueError(f"{where}: every must be minutes from 15 to 1440")
    since, until = _date(raw, where, "since"), _date(raw, where, "until")
    if what == "retired" and (until is None or (since is not None and since > until)):
        raise ValueError(f"{where}: until must be a date on or after since")
    if what != "retired" and until is not None:
        raise ValueError(f"{where}: only a retired entry has until")
    try:
        return Entry(routine_id, parse_days(days), parse_time(at), every, since, until)
    except PlanInputError as err:
        raise ValueError(f"{where}: {err}") from None


def _hours(raw: Any, what: str) -> tuple[time, time]:
    if not isinstance(raw, list) or len(raw) != 2 or not all(isinstance(t, str) for t in raw):
        raise ValueError(f"{what} must be two HH:MM times")
    try:
        return parse_time(raw[0]), parse_time(raw[1])
    except PlanInputError as err:
        raise ValueError(f"{what}: {err}") from None


def plan_from_json(data: Any) -> Plan:
    """The plan in *data* (as read from the file); ValueError says what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("not a plan (expected an object)")
    version = data.get("version", PLAN_VERSION)
    if type(version) is not int or version > PLAN_VERSION:
        raise ValueError(f"written by a newer Knee Coach (version {version!r})"
                         if type(version) is int else "bad version")
    raw_entries = data.get("entries", [])
    if not isinstance(raw_entries, list):
        raise ValueError("entries must be a list")
    if len(raw_entries) > MAX_ENTRIES:
        raise ValueError(f"more than {MAX_ENTRIES} entries")
    plan = Plan()
    for n, raw in enumerate(raw_entries, 1):
        entry = _checked_entry(raw, n)
        if plan.entry(entry.routine_id) is not None:
            raise ValueError(f"entry {n}: {entry.routine_id} is planned twice")
        plan = plan.with_entry(entry)
    raw_retired = data.get("retired", [])
    if not isinstance(raw_retired, list):
        raise ValueError("retired must be a list")
    if len(raw_retired) > MAX_ENTRIES:
        raise ValueError(f"more than {MAX_ENTRIES} retired entries")
    plan = plan._replace(retired=tuple(_checked_entry(raw, n, "retired")
                                       for n, raw in enumerate(raw_retired, 1)))
    if "active_hours" in data:
        start, end = _hours(data["active_hours"], "active_hours")
        if not start < end:
            raise ValueError("active_hours must start before they end")
        plan = plan._replace(active_hours=(start, end))
    if "quiet_hours" in data:
        quiet = data["quiet_hours"]
        plan = plan._replace(quiet_hours=None if quiet is None else _hours(quiet, "quiet_hours"))
    return plan


class LoadedPlan(NamedTuple):
    """What :func:`load_plan` found: the plan (empty when there is none or the file is
    unusable), whether a file was there, and the problem if it could not be read."""

    plan: Plan = Plan()
    exists: bool = False
    problem: PlanProblem | None = None


def load_plan(path: Path) -> LoadedPlan:
    """Read the plan file. Never raises: a missing file is no plan; a damaged,
    oversized, foreign or unreadable one is no plan plus a :class:`PlanProblem`."""
    try:
        raw = read_capped(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        return LoadedPlan()
    except OSError as err:
        return LoadedPlan(exists=True, problem=PlanProblem(path, err.strerror or str(err),
                                                           damaged=False))
    if len(raw) > MAX_FILE_BYTES:
        return LoadedPlan(exists=True, problem=PlanProblem(
            path, f"larger than {MAX_FILE_BYTES // 1024} KiB"))
    import json  # only when there is a plan file

    try:
        data = json.loads(raw.decode("utf-8"))
        return LoadedPlan(plan_from_json(data), exists=True)
    except UnicodeDecodeError:
        reason = "not UTF-8 text"
    except RecursionError:
        reason = "nested too deeply"
    except ValueError as err:  # json.JSONDecodeError is a ValueError
        if isinstance(err, json.JSONDecodeError):
            reason = f"not valid JSON: {err.msg} at line {err.lineno}"
        elif "integer string conversion" in str(err):  # Python's own advice is not ours
            reason = "a number in it is thousands of digits long"
        else:
            reason = str(err)
    return LoadedPlan(exists=True, problem=PlanProblem(path, reason))


def save_plan(path: Path, plan: Plan) -> None:
    """Write *plan* atomically: the old file stays whole until the new one is complete.
    Raises :class:`PlanError` with a message for the user (disk full, no permission)."""
    import json

    write_atomically(path, json.dumps(plan.to_json(), indent=2, ensure_ascii=False) + "\n",
                     "the plan")


def write_atomically(path: Path, text: str, what: str) -> None:
    """Write *text* to a temporary file beside *path*, then rename it over *path*.
    :class:`PlanError` names *what* could not be saved and why."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        import errno

        if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise PlanError(f"{what} could not be saved to {path}: the disk is full. "
                            "Free some space and try again.") from err
        raise PlanError(f"{what} could not be saved to {path}: "
                        f"{err.strerror or err}.") from err


def set_aside_name(path: Path) -> Path:
    """The name a damaged plan file is kept under: ``NAME.damaged``, or
    ``NAME.damaged-2``, ``-3``... beside ones kept before (never over one)."""
    n = 1
    while True:
        backup = path.with_name(path.name + ".damaged" + (f"-{n}" if n > 1 else ""))
        if not os.path.lexists(backup):
            return backup
        n += 1


def set_aside(path: Path) -> Path | None:
    """Keep a damaged plan file as :func:`set_aside_name` says (a new plan replaces
    it); None if it could not be moved."""
    backup = set_aside_name(path)
    try:
        os.rename(path, backup)
    except OSError:
        return None
    return backup
