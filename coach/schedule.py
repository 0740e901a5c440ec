"""Reminders for the weekly plan, free of Qt: when the next one is due on the local
wall clock, and what it is (exercise, an hourly nudge, a gentle check-in on a rest day,
or one note about reminders missed while the computer slept).

Everything is a pure function of the plan, an aware ``now``, a :class:`ReminderState`
and the journal's :class:`~coach.advice.History`. The window owns one single-shot timer
set to the returned reminder's time and asks again when it fires, after a session, on
waking and when the time zone changes; it never counts ticks.

Wall-clock rules (the same as RFC 5545's): a planned time that does not exist on a
spring-forward day is taken with the offset before the gap (02:30 becomes 03:30); one
that happens twice on a fall-back day is the first of the two, and fires once.
"""

from __future__ import annotations

import os
import time as time_module
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach.advice import History, Morning, morning_of
from coach.files import read_capped
from coach.journal import Context, EventKind, Outcome, Session
from coach.pain import USUAL_PAIN, Zone, zone
from coach.plan import Plan, hhmm, write_atomically
from coach.progression import flare

#: A reminder shown up to this late is still a reminder; later, it was missed.
GRACE = timedelta(minutes=15)
#: How far ahead the next reminder is looked for.
LOOKAHEAD_DAYS = 8
#: Missed reminders older than this are not mentioned at all.
MISSED_LOOKBACK = timedelta(days=7)
#: A rest after a hot, red or swollen knee or a stop lasts that day and this many more.
REST_DAYS = 1
SNOOZE_SHORT = timedelta(minutes=10)
SNOOZE_LONG = timedelta(hours=1)
#: A reminder-state file larger than this is not read.
MAX_STATE_BYTES = 256 * 1024


class ReminderKind(StrEnum):
    EXERCISE = "exercise"  # a planned routine
    NUDGE = "nudge"  # an hourly entry (the desk break): lighter words
    CHECK_IN = "check_in"  # a rest day: "how is your knee?", never exercise
    MISSED = "missed"  # reminders missed while asleep, said once


class RestReason(StrEnum):
    HOT_RED_SWOLLEN = "hot_red_swollen"
    SHARP_PAIN = "sharp_pain_stop"
    UNWELL = "unwell_stop"
    FLARE_UP = "flare_up"  # coach.progression.flare: rest, or the easiest level
    HIGH_PAIN = "high_pain"  # left before the first step, pain in the red: that day only
    # The coach's "Rest today" (docs/progression.md): a session at the easiest level
    # rated in the red right after, or not settled by the next morning.
    RED_AT_EASIEST = "red_after_easiest"
    UNSETTLED_AT_EASIEST = "unsettled_after_easiest"


# -- the local zone -------------------------------------------------------------------
def local_zone() -> tzinfo:
    """The system's time zone with its DST rules (``$TZ``, else /etc/localtime), or
    the current fixed offset where no rules can be found (Windows without tzdata, or
    a POSIX rule in ``$TZ`` such as ``JST-9``, which the C library reads and the
    journal stamps by: /etc/localtime's zone put the reminders hours off). The C
    library's zone is read again first, so both follow a change of zone."""
    if hasattr(time_module, "tzset"):
        time_module.tzset()
    key = os.environ.get("TZ", "").lstrip(":")
    if key:
        try:
            return ZoneInfo(key)
        except (ValueError, ZoneInfoNotFoundError):
            return datetime.now().astimezone().tzinfo or UTC
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
        with open("/etc/localtime", "rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except (OSError, ValueError, ZoneInfoNotFoundError):
        pass
    return datetime.now().astimezone().tzinfo or UTC


def zone_for(now: datetime) -> tzinfo:
    """The zone *now* was taken in: its own ZoneInfo, else the system zone if it
    agrees with *now*'s offset, else *now*'s fixed offset."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime (with its UTC offset)")
    if isinstance(now.tzinfo, ZoneInfo):
        return now.tzinfo
    zone = local_zone()
    return zone if zone.utcoffset(now.replace(tzinfo=None)) == now.utcoffset() else now.tzinfo


def wall_instant(day: date, wall: time, tz: tzinfo) -> datetime:
    """The instant (UTC) of *wall* on *day* in *tz* (gap: offset before it; fold: first)."""
    return datetime.combine(day, wall, tzinfo=tz).replace(fold=0).astimezone(UTC)


def local_date(moment: datetime, tz: tzinfo) -> date:
    """The day *moment* falls on in *tz*: for now, and for planned times."""
    return moment.astimezone(tz).date()


def recorded_day(moment: datetime) -> date:
    """The day a journal record belongs to: the date on the clock where and when it was
    recorded (its stored UTC offset), as the journal, the trend and the coach's rules
    count it. A later change of time zone does not move it: an evening session in New
    York stays Monday's when Tuesday morning comes in London."""
    return moment.date()


# -- rest days --------------------------------------------------------------------------
class Rest(NamedTuple):
    """Why *day* is a rest day, since when, and whether the user checked in that day."""

    reason: RestReason
    since: datetime
    checked_in: bool = False


def _end(session: Session) -> datetime:
    """When *session* ended, for a rest it brings: never before it started (a clock
    stepped back during it stamped its end first, and the session itself then counted
    as "exercise since the stop", cancelling its own rest day)."""
    return max(session.started, session.ended or session.started)


def _triggers(history: History) -> Iterator[tuple[datetime, RestReason]]:
    for skip in history.safety_skips():
        yield skip.at, RestReason.HOT_RED_SWOLLEN
    started = {}
    for session in history.sessions:
        started[session.uid] = session.started
        if session.outcome == Outcome.SHARP_PAIN:
            yield _end(session), RestReason.SHARP_PAIN
        elif session.outcome == Outcome.STOPPED and session.steps_completed == 0:
            # "Rest today" after a rating in the red before the start (or leaving then).
            before = history.rating(session, Context.BEFORE)
            if before is not None and zone(before.value) is Zone.RED:
                yield _end(session), RestReason.HIGH_PAIN
    for event in history.events:
        # (Not before its own session's start, as above.)
        at = max(event.at, started.get(event.session_uid or "", event.at))
        if event.kind == EventKind.SHARP_PAIN:
            yield at, RestReason.SHARP_PAIN
        elif event.kind == EventKind.UNWELL:
            yield at, RestReason.UNWELL


def _too_much(history: History, day: date) -> list[tuple[datetime, RestReason]]:
    """Sessions that make *day* a rest day as the coach's levels do: at the easiest
    level (or a routine with one level, or recorded before levels: ``level`` None),
    rated in the red right after, or not settled by the next morning, that day or
    :data:`REST_DAYS` before. Above the easiest level the coach eases instead (the
    next session one level easier), which is no rest day."""
    found = []
    for session in history.exercised():
        ended = _end(session)
        if session.level not in (None, 1) or not 0 <= (day - recorded_day(ended)).days \
                <= REST_DAYS:
            continue
        if session.outcome == Outcome.SHARP_PAIN or history.unwell_event(session):
            continue  # a stop: a rest of its own (_triggers)
        after = history.rating(session, Context.AFTER)
        if morning_of(history, session) is Morning.NOT_SETTLED:  # the coach's order
            found.append((ended, RestReason.UNSETTLED_AT_EASIEST))
        elif after is not None and zone(after.value) is Zone.RED:
            found.append((ended, RestReason.RED_AT_EASIEST))
    return found


def rest_on(history: History, day: date, tz: tzinfo) -> Rest | None:
    """A rest day: a hot, red or swollen answer, a sharp-pain stop or an "unwell" stop
    that day or up to :data:`REST_DAYS` before, and no exercise since (a session the
    user chose to do after it ends the rest); a session left before its first step
    with pain in the red zone before the start, that day only (the next day's pain
    decides the next); a session at the easiest level that was too much
    (:func:`_too_much`), that day and the next; or a day in a flare-up
    (:func:`coach.progression.flare`), which ends only when the pain settles and is
    checked in on by any rating of the usual pain."""
    recent = [(at, why) for at, why in _triggers(history)
              if 0 <= (day - recorded_day(at)).days
              <= (0 if why is RestReason.HIGH_PAIN else REST_DAYS)]
    recent += _too_much(history, day)
    if not recent:
        up = flare(history, day)
        if up is None:
            return None
        return Rest(RestReason.FLARE_UP, datetime.combine(up.since, time(), tz),
                    any(r.context in USUAL_PAIN and recorded_day(r.at) == day
                        for r in history.usual_ratings))
    since, reason = max(recent, key=lambda pair: pair[0])
    if any(s.started > since and recorded_day(s.started) <= day
           for s in history.exercised()):
        return None
    # The morning question's answer is the day's rating too: Today asked "How is your
    # knee today?" again right after it (as a flare-up's rest day already counted it).
    checked = any(r.context in (Context.CHECK_IN, Context.NEXT_MORNING) and r.at > since
                  and recorded_day(r.at) == day for r in history.usual_ratings)
    return Rest(reason, since, checked)


# -- occurrences ------------------------------------------------------------------------
class Occurrence(NamedTuple):
    """One planned time: routine, local day and wall time, and its instant (UTC)."""

    routine_id: str
    day: date
    wall: time
    at: datetime
    nudge: bool = False
    every: int | None = None

    @property
    def key(self) -> str:
        return f"{self.routine_id}@{self.day.isoformat()}T{hhmm(self.wall)}"


def occurrences(plan: Plan, first: date, last: date, tz: tzinfo) -> list[Occurrence]:
    """Every planned time from *first* to *last* (local days), by instant; an hourly
    entry fires every *every* minutes after *at* up to the end of active hours."""
    found: list[Occurrence] = []
    day = first
    while day <= last:
        for entry in plan.planned_on(day.weekday()):
            if entry.since is not None and day < entry.since:
                continue  # not planned yet then: never "missed"
            if entry.every is None:
                found.append(Occurrence(entry.routine_id, day, entry.at,
                                        wall_instant(day, entry.at, tz)))
                continue
            start = datetime.combine(day, entry.at)
            end = datetime.combine(day, plan.active_hours[1])
            step = timedelta(minutes=entry.every)
            moment = start + step
            while moment <= end:
                found.append(Occurrence(entry.routine_id, day, moment.time(),
                                        wall_instant(day, moment.time(), tz), True,
                                        entry.every))
                moment += step
        day += timedelta(days=1)
    found.sort(key=lambda o: (o.at, o.routine_id))
    return found


# -- the reminder and the state ---------------------------------------------------------
class Reminder(NamedTuple):
    """What to remind of, and when (*at*, aware, in the local zone; due when
    ``at <= now``). *routine_id* is None for a check-in and for missed reminders,
    whose routines are in *missed* (once each, in order)."""

    kind: ReminderKind
    at: datetime
    day: date
    key: str
    routine_id: str | None = None
    wall: time | None = None
    snoozed: bool = False
    missed: tuple[str, ...] = ()
    rest: Rest | None = None
    covers_until: datetime | None = None  # MISSED: the last missed instant

    def due(self, now: datetime) -> bool:
        return self.at.astimezone(UTC) <= now.astimezone(UTC)


class Snooze(NamedTuple):
    key: str
    kind: ReminderKind
    routine_id: str | None
    day: date
    wall: time | None
    until: datetime  # UTC


def _checkin_key(day: date) -> str:
    return f"check_in@{day.isoformat()}"


class ReminderState(NamedTuple):
    """What the user did with reminders. Immutable: each method returns the new state
    (its mappings are never changed in place, so the empty defaults may be shared).
    Start with :meth:`starting`; keep it (``to_json``) to report reminders missed
    while the app was closed too."""

    since: datetime | None = None  # UTC: everything up to here was dealt with
    shown: Mapping[str, date] = MappingProxyType({})  # occurrence key -> its day
    snoozes: tuple[Snooze, ...] = ()
    not_today: Mapping[str, date] = MappingProxyType({})  # routine id -> day
    paused: date | None = None  # reminders paused for that local day

    @classmethod
    def starting(cls, now: datetime) -> ReminderState:
        return cls(since=now.astimezone(UTC) - GRACE)

    def as_of(self, now: datetime, tz: tzinfo) -> ReminderState:
        """Without the reminders marked shown for a day still to come: only a due
        reminder is marked, so those were shown while the clock ran ahead, and once it
        is put right they come again on their day (the real Wednesday 07:30 never came
        after a clock a day fast had shown it). The clock is believed. (After a flight
        west the same day's reminder stays shown; one over the date line, whose day
        is still to come where the user landed, comes again.)"""
        today = local_date(now, tz)
        kept = {key: day for key, day in self.shown.items() if day <= today}
        return self if len(kept) == len(self.shown) else self._replace(shown=kept)

    def mark_shown(self, reminder: Reminder, now: datetime) -> ReminderState:
        """The reminder was shown (or the missed note was): it will not come again."""
        now_u = now.astimezone(UTC)
        shown = {k: d for k, d in self.shown.items() if (now_u.date() - d).days <= 9}
        snoozes = tuple(s for s in self.snoozes if s.key != reminder.key)
        since = max(self.since or now_u - GRACE, now_u - GRACE)
        if reminder.kind is ReminderKind.MISSED:
            until = reminder.covers_until or now_u
            snoozes = tuple(s for s in snoozes if s.until > until)
            since = max(self.since or until, until)
        else:
            shown[reminder.key] = reminder.day
        return self._replace(since=since, shown=shown, snoozes=snoozes)

    def snooze(self, reminder: Reminder, now: datetime,
               delay: timedelta = SNOOZE_SHORT) -> ReminderState:
        """Remind again *delay* from now (10 minutes or an hour)."""
        state = self.mark_shown(reminder, now)
        until = now.astimezone(UTC) + delay
        entry = Snooze(reminder.key, reminder.kind, reminder.routine_id, reminder.day,
                       reminder.wall, until)
        return state._replace(snoozes=(*state.snoozes, entry))

    def skip_today(self, reminder: Reminder, now: datetime) -> ReminderState:
        """"Not today": no more reminders of that routine (or check-ins) that day."""
        state = self.mark_shown(reminder, now)
        if reminder.routine_id is None:
            return state._replace(shown={**state.shown, _checkin_key(reminder.day):
                                         reminder.day})
        return state._replace(not_today={**state.not_today,
                                         reminder.routine_id: reminder.day},
                       snoozes=tuple(s for s in state.snoozes
                                     if s.routine_id != reminder.routine_id))

    def pause_today(self, today: date) -> ReminderState:
        """No reminders at all for the rest of *today* (a local date)."""
        return self._replace(paused=today)

    def resume(self) -> ReminderState:
        return self._replace(paused=None)

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat() if self.since else None,
            "shown": {k: d.isoformat() for k, d in self.shown.items()},
            "snoozes": [{"key": s.key, "kind": s.kind.value, "routine_id": s.routine_id,
                         "day": s.day.isoformat(),
                         "wall": hhmm(s.wall) if s.wall else None,
                         "until": s.until.isoformat()} for s in self.snoozes],
            "not_today": {k: d.isoformat() for k, d in self.not_today.items()},
            "paused": self.paused.isoformat() if self.paused else None,
        }

    @classmethod
    def from_json(cls, data: Any) -> ReminderState:
        """The state as saved; anything unreadable gives a fresh state (never raises)."""
        try:
            def moment(text: str) -> datetime:
                value = datetime.fromisoformat(text)
                if value.tzinfo is None:
                    raise ValueError("no offset")
                return value.astimezone(UTC)

            snoozes = tuple(Snooze(str(s["key"]), ReminderKind(s["kind"]), s["routine_id"],
                                   date.fromisoformat(s["day"]),
                                   time.fromisoformat(s["wall"]) if s["wall"] else None,
                                   moment(s["until"])) for s in data["snoozes"])
            if not all(s.routine_id is None or isinstance(s.routine_id, str)
                       for s in snoozes):
                raise TypeError("a snooze's routine is not an id")
            return cls(
                since=moment(data["since"]) if data["since"] else None,
                shown={str(k): date.fromisoformat(v) for k, v in data["shown"].items()},
                snoozes=snoozes,
                not_today={str(k): date.fromisoformat(v)
                           for k, v in data["not_today"].items()},
                paused=date.fromisoformat(data["paused"]) if data["paused"] else None)
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError):
            return cls()


# -- the next reminder ------------------------------------------------------------------
class _Rules:
    """The filters of one :func:`next_reminder` call."""

    def __init__(self, plan: Plan, state: ReminderState, history: History,
                 tz: tzinfo) -> None:
        self.plan, self.state, self.tz = plan, state, tz
        exercised = history.exercised()
        self.done_days = {(s.routine_id, recorded_day(s.started)) for s in exercised}
        self.starts = [(s.routine_id, s.started.astimezone(UTC)) for s in exercised]
        # Routines whose last session ended in a sharp pain: Today says to talk to a
        # clinician before doing them again, so no exercise reminder of them until the
        # user chooses to (the session then asks for a deliberate decision). A rest
        # day's check-in still comes.
        last: dict[str, Session] = {}
        for session in history.exercised_or_unwell():
            last[session.routine_id] = session
        self.stopped = {r for r, s in last.items() if s.outcome == Outcome.SHARP_PAIN}
        self.history = history
        self._rest: dict[date, Rest | None] = {}

    def rest(self, day: date) -> Rest | None:
        if day not in self._rest:
            self._rest[day] = rest_on(self.history, day, self.tz)
        return self._rest[day]

    def wanted(self, routine_id: str | None, day: date, at: datetime,
               every: int | None) -> bool:
        state = self.state
        if state.paused == day or self.plan.in_quiet_hours(at.astimezone(self.tz).time()):
            return False
        if routine_id is None:
            return True
        if state.not_today.get(routine_id) == day:
            return False
        if every is None:
            return (routine_id, day) not in self.done_days
        window = timedelta(minutes=every)
        return not any(r == routine_id and at - window <= started <= at
                       for r, started in self.starts)


def next_reminder(plan: Plan, now: datetime, state: ReminderState | None = None, *,
                  history: History | None = None, tz: tzinfo | None = None,
                  session_running: bool = False,
                  held: tuple[datetime, datetime] | None = None) -> Reminder | None:
    """The reminder to show now (``due(now)``) or to set a timer for, or None when
    nothing is planned in the next week.

    Reminders missed since ``state.since`` (more than :data:`GRACE` late: the computer
    slept, the app was closed) come back as one MISSED reminder, never one by one, and
    not in quiet hours. While *session_running* nothing is due: the next future
    reminder is returned and the caller asks again when the session ends; those that
    came due during it (*held*: from its start to its end) are then shown, not called
    missed. On a rest day (:func:`rest_on`) the day's first reminder becomes one
    CHECK_IN and no exercise is reminded, snoozed or not.
    """
    tz = tz or zone_for(now)
    state = (state or ReminderState()).as_of(now, tz)
    history = history or History([])
    now_u = now.astimezone(UTC)
    # A "since" ahead of the clock (a clock that ran fast and was put right, a hostile
    # file) would hide every reminder until then: the clock is believed.
    since = state.since if state.since is not None and state.since <= now_u else None
    floor = max(since or now_u - GRACE, now_u - MISSED_LOOKBACK)
    today = local_date(now_u, tz)
    plan = plan.as_of(today)
    rules = _Rules(plan, state, history, tz)
    first = local_date(floor, tz) - timedelta(days=1)
    candidates: list[Reminder] = []
    checkin_days: set[date] = set()
    late = now_u - GRACE
    for occ in occurrences(plan, first, today + timedelta(days=LOOKAHEAD_DAYS), tz):
        if occ.at <= floor or occ.key in state.shown:
            continue
        if not rules.wanted(occ.routine_id, occ.day, occ.at, occ.every):
            continue
        if occ.at <= late and _checkin_key(occ.day) in state.shown:
            continue  # the day's check-in stood for it (a later session ended the rest)
        rest = rules.rest(occ.day)
        if rest is None:
            if occ.routine_id in rules.stopped:
                continue
            kind = ReminderKind.NUDGE if occ.nudge else ReminderKind.EXERCISE
            candidates.append(Reminder(kind, occ.at.astimezone(tz), occ.day, occ.key,
                                       occ.routine_id, occ.wall))
            continue
        key = _checkin_key(occ.day)
        if (occ.day in checkin_days or rest.checked_in or key in state.shown
                or occ.at <= now_u - GRACE):
            continue  # one check-in a day, never reported as missed
        checkin_days.add(occ.day)
        candidates.append(Reminder(ReminderKind.CHECK_IN, occ.at.astimezone(tz), occ.day,
                                   key, None, occ.wall, rest=rest))
    planned = {e.routine_id for e in plan.entries}
    for snooze in state.snoozes:
        if not floor < snooze.until <= now_u + SNOOZE_LONG:  # a snooze is an hour at most
            continue
        day = local_date(snooze.until, tz)  # the day it comes back on (past midnight)
        rest = rules.rest(day)
        if snooze.routine_id is None:  # a check-in: only while the rest day needs one
            keep = rest is not None and not rest.checked_in
        else:  # never an exercise on a rest day, nor a routine taken out of the plan
            keep = rest is None and snooze.routine_id in planned \
                and snooze.routine_id not in rules.stopped
        if keep and rules.wanted(snooze.routine_id, day, snooze.until, None):
            candidates.append(Reminder(snooze.kind, snooze.until.astimezone(tz), day,
                                       snooze.key, snooze.routine_id, snooze.wall, True,
                                       rest=rest if snooze.routine_id is None else None))
    candidates.sort(key=lambda r: (r.at.astimezone(UTC), r.key))

    def during_session(reminder: Reminder) -> bool:
        at = reminder.at.astimezone(UTC)
        return held is not None and not session_running and at <= late \
            and held[0].astimezone(UTC) <= at <= held[1].astimezone(UTC)

    missed = [r for r in candidates
              if r.at.astimezone(UTC) <= late and not during_session(r)]
    if missed and not session_running and not plan.in_quiet_hours(now_u.astimezone(tz).time()):
        ids = tuple(dict.fromkeys(r.routine_id for r in missed if r.routine_id))
        return Reminder(ReminderKind.MISSED, now_u.astimezone(tz), today,
                        f"missed@{now_u.isoformat()}", missed=ids,
                        covers_until=max(r.at.astimezone(UTC) for r in missed))
    upcoming = [r for r in candidates if during_session(r) or r.at.astimezone(UTC) > (
        now_u if session_running else late)]
    return upcoming[0] if upcoming else None


def next_planned(plan: Plan, now: datetime, *, history: History | None = None,
                 tz: tzinfo | None = None) -> Occurrence | None:
    """The next planned time after *now* whose routine is not already done that day
    (what ``coach plan show`` calls the next planned session; no snoozes). Not on a
    rest day, nor of a routine stopped for a sharp pain until it is done again: Today
    said "A rest day" while `plan show` named the session as next. A time in quiet
    hours is planned (no reminder comes for it, and `plan add` said so)."""
    tz = tz or zone_for(now)
    now_u = now.astimezone(UTC)
    today = local_date(now_u, tz)
    plan = plan.as_of(today)
    rules = _Rules(plan._replace(quiet_hours=None), ReminderState(), history or History([]),
                   tz)
    for occ in occurrences(plan, today, today + timedelta(days=LOOKAHEAD_DAYS), tz):
        if occ.at > now_u and rules.rest(occ.day) is None \
                and occ.routine_id not in rules.stopped \
                and rules.wanted(occ.routine_id, occ.day, occ.at, occ.every):
            return occ
    return None


def load_state(path: Path) -> ReminderState:
    """The saved reminder state (snoozes, "not today", pause, what was shown); a
    missing, damaged or hostile file gives a fresh state."""
    try:
        raw = read_capped(path, MAX_STATE_BYTES)
        if len(raw) > MAX_STATE_BYTES:
            return ReminderState()
        import json

        return ReminderState.from_json(json.loads(raw.decode("utf-8")))
    except (OSError, ValueError, RecursionError, OverflowError):  # JSON, Unicode: ValueError
        return ReminderState()


def save_state(path: Path, state: ReminderState) -> None:
    """Write the state atomically; :class:`~coach.plan.PlanError` when it cannot be."""
    import json

    write_atomically(path, json.dumps(state.to_json()) + "\n", "the reminder state")
