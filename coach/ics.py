"""The weekly plan as an iCalendar file (RFC 5545), written by hand: no dependency.

One VEVENT per plan entry, repeating weekly on its days (``RRULE:FREQ=WEEKLY;BYDAY=``;
an hourly entry adds ``BYHOUR`` and ``BYMINUTE``, one VEVENT per minute of the hour
its times fall on), lasting the routine's duration, with a VALARM at the planned
time (none in quiet hours), so a phone reminds even when the computer is off.

Times are *floating* local times (``DTSTART:20261202T073000``, no ``TZID``): the plan
means "07:30 on the wall clock wherever I am", which is what the app's own reminders
do after a time-zone change. A ``TZID`` would pin the event to one zone (and needs a
hand-written VTIMEZONE that goes stale when zone rules change).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from coach.plan import DAYS, Entry, Plan
from coach.routine import Routine

PRODID = "-//Knee Coach//Weekly plan//EN"
_BYDAY = {day: day.value[:2].upper() for day in DAYS}
#: An event's duration when the routine is not known.
FALLBACK_SECONDS = 10 * 60


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines
    escaped; other control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c == "\n" or c == "\t" or ord(c) >= 0x20)
    text = "".join(c for c in text if ord(c) != 0x7F)
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence;
    continuation lines start with one space. Lines end with CRLF."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out) + "\r\n"


def duration(seconds: float) -> str:
    """An RFC 5545 DURATION, rounded up to whole minutes (at least one)."""
    minutes = max(1, math.ceil(seconds / 60))
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")


def _first_day(entry: Entry, start: date) -> date:
    """The first day on or after *start* on one of the entry's days (DTSTART must be
    an occurrence of its own RRULE)."""
    day = start
    while DAYS[day.weekday()] not in entry.days:
        day += timedelta(days=1)
    return day


def _uid(entry: Entry) -> str:
    digest = hashlib.sha256(entry.routine_id.encode("utf-8")).hexdigest()[:16]
    return f"plan-{digest}@knee-coach"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(plan: Plan, entry: Entry, routine: Routine | None, lang: str,
           start: date, stamp: str) -> list[str]:
    """The entry's VEVENT; an hourly entry may need several (see :func:`_times`)."""
    title = routine.title.get(lang) if routine else entry.routine_id
    seconds = routine.total_seconds if routine else FALLBACK_SECONDS
    day = _first_day(entry, start)
    weekly = "FREQ=WEEKLY;BYDAY=" + ",".join(_BYDAY[d] for d in DAYS if d in entry.days)
    rules = [(entry.at, weekly, _uid(entry))]
    if entry.every is not None:
        groups = _times(plan, entry, day)
        if groups:
            rules = [(time(hours[0], minute),
                      f"{weekly};BYHOUR={','.join(map(str, hours))};BYMINUTE={minute}",
                      _uid(entry) if n == 0 else _uid(entry).replace("@", f"-{minute:02d}@"))
                     for n, (minute, hours) in enumerate(groups)]
    summary = escape_text(title)
    lines: list[str] = []
    for first, rule, uid in rules:
        # No alarm in quiet hours, as the app itself reminds of nothing then (and
        # `coach plan add` says so): a phone rang at 01:30 where the window kept quiet.
        alarm = [] if plan.in_quiet_hours(first) else [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:PT0S",
            f"DESCRIPTION:{summary}",
            "END:VALARM",
        ]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{datetime.combine(day, first).strftime('%Y%m%dT%H%M%S')}",
            f"DURATION:{duration(seconds)}",
            f"RRULE:{rule}",
            f"SUMMARY:{summary}",
            f"DESCRIPTION:{escape_text('Knee Coach: ' + title)}",
            "CATEGORIES:Knee Coach",
            "TRANSP:TRANSPARENT",
            *alarm,
            "END:VEVENT",
        ]
    return lines


def _times(plan: Plan, entry: Entry, day: date) -> list[tuple[int, list[int]]]:
    """An hourly entry's times in a day, as (minute, hours) groups in order of their
    first time. A rule with BYHOUR and BYMINUTE means every hour at every minute
    listed, so one rule says every 30 minutes from 09:30 to 17:00 only with 09:00 and
    17:30 added; one rule per minute of the hour says exactly the app's times (none in
    quiet hours: with active hours to 22:00 a phone rang at 22:00)."""
    assert entry.every is not None
    moment = datetime.combine(day, entry.at) + timedelta(minutes=entry.every)
    end = datetime.combine(day, plan.active_hours[1])
    groups: dict[int, list[int]] = {}
    while moment <= end and moment.date() == day:
        if not plan.in_quiet_hours(moment.time()):  # no nudge then, as in the app
            groups.setdefault(moment.minute, []).append(moment.hour)
        moment += timedelta(minutes=entry.every)
    return list(groups.items())


def plan_ics(plan: Plan, routines: Mapping[str, Routine], *, now: datetime,
             lang: str = "en") -> str:
    """The plan as an iCalendar text (CRLF line ends). *now* (aware) is the DTSTAMP
    and the first day events may start; *routines* give titles and durations."""
    stamp = _stamp(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Knee Coach"]
    for entry in plan.entries:
        lines += _event(plan, entry, routines.get(entry.routine_id), lang, now.date(), stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def write_ics(path: Path, text: str) -> None:
    """Write *text* exactly (CRLF kept) as UTF-8, to a temporary file renamed over
    *path*: a full disk leaves an earlier calendar file whole. Raises OSError."""
    import contextlib
    import os

    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
