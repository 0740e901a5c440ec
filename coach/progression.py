"""When to offer the next level of a routine, an easier one or a rest day, free of Qt.

The rules follow the pain-monitoring model of the NEMEX programme that GLA:D uses
(clinical.md section 3): a red session, or pain not back to usual by the next
morning, makes the next session easier or calls for a rest day; consistently green,
well-controlled sessions may try the next level; usual pain that creeps up from week
to week, or flares up, never moves the user up. Each function returns an enum plus
numbers (:class:`Recommendation`); widgets put them into words. docs/progression.md
states every rule for users and clinicians.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from coach.advice import (
    GREEN_STREAK,
    SKIP_REMINDER_DAYS,
    AfterAdvice,
    History,
    Morning,
    evening_of,
    is_green_session,
    morning_of,
)
from coach.journal import ChoiceKind, Context, LevelChoice, Outcome, Session
from coach.pain import Zone, fmean, zone

if TYPE_CHECKING:
    from coach.routine import Routine

#: Days walked back from today to find a flare-up that is still going on.
FLARE_LOOKBACK_DAYS = 28
#: A day's mean usual pain at least this far above the week before it starts a flare-up.
FLARE_MARGIN = 2.0
#: A flare-up is over on a day whose mean usual pain is back within this of its baseline.
SETTLED_MARGIN = 1.0
#: A flare-up lasting this many days (counting its first day and today): see a clinician.
FLARE_LONG_DAYS = 7
#: The days of usual pain a baseline, and each week of the "pain rising" check, is the
#: mean of; it needs at least :data:`MIN_RATINGS` ratings.
WEEK_DAYS = 7
MIN_RATINGS = 2
#: Usual pain this much higher this week than the week before is creeping up.
RISING_MARGIN = 1.0
#: The top of the green zone (coach.pain.zone): a flare-up with no baseline is over on a
#: day whose mean usual pain is this or lower.
GREEN_TOP = 2
#: The top of the amber zone: a hot, red or swollen flare-up with no baseline is also
#: over, from :data:`SKIP_REMINDER_DAYS` after the skip, on a day no higher than the
#: first day rated after it and no higher than this (pain steady, not rising).
AMBER_TOP = 5
#: Two sessions this many days apart start a new green streak.
GAP_DAYS = 14
#: The last session this many days ago (or more): start again one level lower.
LONG_GAP_DAYS = 28


class Action(StrEnum):
    """What the next session of a routine should be."""

    PROGRESS = "progress"  # offer the next level (recommended_level > level)
    HOLD = "hold"  # stay at this level
    EASE = "ease"  # offer an easier level (recommended_level < level)
    REST = "rest"  # rest today (and during a flare-up, until it settles)


class Why(StrEnum):
    """Reason codes: the values are the JSON codes (``coach today --json``)."""

    FIRST_SESSION = "first_session"
    LONG_GAP = "long_gap"
    SHARP_PAIN_STOP = "sharp_pain_stop"
    SHARP_PAIN_TEST = "sharp_pain_test"  # the chair stand test stopped for a sharp pain
    UNWELL_STOP = "unwell_stop"
    MORNING_NOT_SETTLED = "morning_not_settled"
    AFTER_RED = "after_red"
    AFTER_AMBER = "after_amber"
    STOPPED_EARLY = "stopped_early"
    NOT_RATED = "not_rated"
    GREEN_STREAK = "green_streak"
    GREEN_SO_FAR = "green_so_far"
    MORNING_UNKNOWN = "morning_unknown"
    DECLINED = "declined"
    PAIN_RISING = "pain_rising"
    AT_TOP = "at_top"
    AT_BOTTOM = "at_bottom"
    CHOSEN_BY_HAND = "chosen_by_hand"
    SINGLE_LEVEL = "single_level"
    FLARE_PAIN = "flare_pain"
    FLARE_HOT_RED_SWOLLEN = "flare_hot_red_swollen"
    FLARE_LONG = "flare_long"
    AFTER_FLARE = "after_flare"


class Levels(NamedTuple):
    """A routine's levels: how many (at least 1) and which is the standard one."""

    count: int  # type: ignore[assignment]  # the spec's name; hides tuple.count
    standard: int


class Flare(NamedTuple):
    """A flare-up going on today: since which day, what started it, the usual pain it
    is measured against (None: no ratings the week before) and how many days it has
    lasted, counting its first day and today."""

    since: date
    cause: Why
    baseline: float | None
    days: int


class Recommendation(NamedTuple):
    """What the routine's next session should be (:func:`recommend`), with the reason
    codes that say why, most important first."""

    routine_id: str
    level: int  # the level the next session starts at unless the user accepts
    recommended_level: int
    action: Action
    reasons: tuple[Why, ...]
    flare: Flare | None = None
    #: The last session's pain right after it, where a reason speaks of it
    #: (``after_red``, ``after_amber``), so the words can give the number.
    after: int | None = None


def levels_of(routine: Routine) -> Levels:
    return Levels(routine.level_count, routine.standard_level)


# -- levels ---------------------------------------------------------------------------
def _level(session: Session, levels: Levels) -> int:
    """The level a session was played at: one recorded before levels existed (None)
    was at the standard level."""
    return _clamp(levels.standard if session.level is None else session.level, levels)


def _clamp(level: int, levels: Levels) -> int:
    return min(max(level, 1), levels.count)


def _moves(history: History, routine_id: str) -> list[tuple[datetime, int]]:
    """The routine's accepted and hand-picked levels, oldest first."""
    return [(c.at, c.level) for c in history.choices if c.routine_id == routine_id
            and c.kind in (ChoiceKind.ACCEPTED, ChoiceKind.CHOSEN)]


def current_level(history: History, routine_id: str, levels: Levels) -> int:
    """The level the routine's next session starts at: the latest of its last
    session's level and the levels accepted or picked by hand (a declined offer
    changes nothing); the standard level when there is neither."""
    sessions = [s for s in history.sessions if s.routine_id == routine_id]
    with_level = [s for s in sessions if s.level is not None]
    found = [(s.started, _level(s, levels)) for s in (with_level or sessions)[-1:]]
    # A choice made at the moment a session starts comes before it (stable sort).
    latest = sorted([*_moves(history, routine_id), *found], key=lambda m: m[0])
    return _clamp(latest[-1][1], levels) if latest else levels.standard


# -- usual pain -------------------------------------------------------------------------
def _usual_by_day(history: History) -> dict[date, list[int]]:
    key = "usual_by_day"
    if key not in history.memo:
        days: dict[date, list[int]] = defaultdict(list)
        for rating in sorted(history.usual_ratings, key=lambda r: r.at):  # in order
            days[rating.at.date()].append(rating.value)
        history.memo[key] = dict(days)
    return history.memo[key]  # type: ignore[return-value]


def _lowest_running_mean(values: list[int]) -> float:
    """The lowest mean of the first 1, 2, ... of *values* (a day's ratings in order)."""
    total, lowest = 0, float("inf")
    for n, value in enumerate(values, 1):
        total += value
        lowest = min(lowest, total / n)
    return lowest


def _week_mean(days: dict[date, list[int]], last: date) -> float | None:
    """The mean usual pain of the :data:`WEEK_DAYS` days ending on *last*, when rated
    at least :data:`MIN_RATINGS` times."""
    values = [v for n in range(WEEK_DAYS) for v in days.get(last - timedelta(n), ())]
    return fmean(values) if len(values) >= MIN_RATINGS else None


def _pain_rising(history: History, today: date) -> bool:
    days = _usual_by_day(history)
    this_week = _week_mean(days, today)
    week_before = _week_mean(days, today - timedelta(WEEK_DAYS))
    return (this_week is not None and week_before is not None
            and this_week >= week_before + RISING_MARGIN)


def high_before_start(value: int, usual: float | None) -> bool:
    """Is pain of *value* just before a session a reason to ask whether to go on?
    Only in the red zone, and only when clearly above the user's usual pain (by
    :data:`FLARE_MARGIN`, as a flare-up is) or with no usual pain known: someone whose
    usual pain is high is not stopped at every session (clinical.md sections 3, 8)."""
    return zone(value) is Zone.RED and (usual is None or value >= usual + FLARE_MARGIN)


def flare(history: History, today: date) -> Flare | None:
    """The flare-up going on *today*, if any (see :func:`_flare`); worked out once
    per history and day."""
    key = ("flare", today)
    if key not in history.memo:
        history.memo[key] = _flare(history, today)
    return history.memo[key]  # type: ignore[return-value]


def _flare(history: History, today: date) -> Flare | None:
    """The flare-up going on today, if any: walks the last :data:`FLARE_LOOKBACK_DAYS`
    days. A day with a safety skip (hot, red or swollen) starts one; so does a day
    whose mean usual pain is :data:`FLARE_MARGIN` above the week before it. It is over
    on a later day with no skip whose mean, at some moment of the day (rating by
    rating), was back within :data:`SETTLED_MARGIN` of that baseline; with no
    baseline, green, or once :data:`SKIP_REMINDER_DAYS` have passed since the last
    skip with no rating since, or, from then on, no higher than the first day rated
    after the skip and not above :data:`AMBER_TOP`."""
    days = _usual_by_day(history)
    skips = {skip.at.date() for skip in history.safety_skips()}
    if not skips and len(history.usual_ratings) < MIN_RATINGS + 1:
        return None  # no skip, and too few ratings for a baseline and a day above it
    found: Flare | None = None
    last_skip = today
    rated_since_skip = False
    first_after_skip: float | None = None  # the first day's mean rated after the skip
    for n in range(FLARE_LOOKBACK_DAYS - 1, -1, -1):
        day = today - timedelta(n)
        values = days.get(day)
        mean = fmean(values) if values else None
        # A day settles a flare-up if its mean did at some moment of the day, rating by
        # rating, as Today would have said then: the day's final mean let a later
        # rating (the one just before exercise, say) undo the end that a morning
        # check-in had brought, and the flare-up came back for the whole week.
        low = _lowest_running_mean(values) if values else None
        if found is None:
            baseline = _week_mean(days, day - timedelta(1))
            if day in skips:
                found = Flare(day, Why.FLARE_HOT_RED_SWOLLEN, baseline, 0)
            elif mean is not None and baseline is not None and mean >= baseline + FLARE_MARGIN:
                found = Flare(day, Why.FLARE_PAIN, baseline, 0)
        elif found.baseline is not None:
            if low is not None and day not in skips and low <= found.baseline + SETTLED_MARGIN:
                found = None
        elif day not in skips and (
                (low is not None and low <= GREEN_TOP)
                or (low is None and not rated_since_skip
                    and (day - last_skip).days >= SKIP_REMINDER_DAYS)
                # A usual pain of 4 every day since one "hot" answer kept the flare-up
                # (rest for every routine) until the skip left the 28 days looked at:
                # steady amber pain is no flare-up, and a few days' rest is the rule.
                or (low is not None and first_after_skip is not None
                    and (day - last_skip).days >= SKIP_REMINDER_DAYS
                    and low <= min(AMBER_TOP, first_after_skip))):
            found = None
        if day in skips:
            last_skip, rated_since_skip, first_after_skip = day, False, None
        elif values:
            rated_since_skip = True
            if first_after_skip is None and mean is not None:
                first_after_skip = mean
    if found is None:
        return None
    return found._replace(days=(today - found.since).days + 1)


# -- one routine -----------------------------------------------------------------------
class _Next(NamedTuple):
    action: Action
    level: int
    reasons: tuple[Why, ...]


def recommend(history: History, routine_id: str, levels: Levels, today: date
              ) -> Recommendation:
    """What the routine's next session should be, and why."""
    level = current_level(history, routine_id, levels)
    going_on = flare(history, today)
    if going_on is not None:
        reasons: tuple[Why, ...] = (going_on.cause,)
        if going_on.days >= FLARE_LONG_DAYS:
            reasons += (Why.FLARE_LONG,)
        return Recommendation(routine_id, level, 1, Action.REST, reasons, going_on)
    action, recommended, reasons = _next(history, routine_id, levels, level, today)
    after = None
    if {Why.AFTER_RED, Why.AFTER_AMBER} & set(reasons):
        rated = history.rating(history.exercised_or_unwell(routine_id)[-1], Context.AFTER)
        after = rated.value if rated is not None else None
    return Recommendation(routine_id, level, recommended, action, reasons, after=after)


def _next(history: History, routine_id: str, levels: Levels, level: int, today: date
          ) -> _Next:
    """Rules 1 to 9 of the spec, in order, for the routine's last session."""
    # A stop because the user felt unwell counts even before a step was done.
    sessions = history.exercised_or_unwell(routine_id)
    if not sessions:
        return _Next(Action.HOLD, level, (Why.FIRST_SESSION,))
    last = sessions[-1]
    played = _level(last, levels)
    if (today - last.started.date()).days >= LONG_GAP_DAYS:
        if any(at > last.started for at, _ in _moves(history, routine_id)):
            return _Next(Action.HOLD, level, (Why.LONG_GAP, Why.CHOSEN_BY_HAND))
        return _ease(Why.LONG_GAP, level, level, levels, last, today)
    if last.outcome == Outcome.SHARP_PAIN:
        return _ease(Why.SHARP_PAIN_STOP, played, level, levels, last, today)
    if history.unwell_event(last) is not None:
        return _Next(Action.HOLD, level, (Why.UNWELL_STOP,))
    if morning_of(history, last) is Morning.NOT_SETTLED:
        return _ease(Why.MORNING_NOT_SETTLED, played, level, levels, last, today)
    after = history.rating(last, Context.AFTER)
    after_zone = None if after is None else zone(after.value)
    if after_zone is Zone.RED:
        return _ease(Why.AFTER_RED, played, level, levels, last, today)
    if after_zone is Zone.AMBER:
        return _Next(Action.HOLD, level, (Why.AFTER_AMBER,))
    if last.outcome != Outcome.COMPLETED:
        return _Next(Action.HOLD, level, (Why.STOPPED_EARLY,))
    if after_zone is None:
        return _Next(Action.HOLD, level, (Why.NOT_RATED,))
    return _green(history, routine_id, levels, level, today)


def _ease(reason: Why, played: int, level: int, levels: Levels, last: Session,
          today: date) -> _Next:
    """One level below *played*; at the bottom, a rest day if the session was today
    or yesterday."""
    target = max(1, played - 1)
    if level > target:
        return _Next(Action.EASE, target, (reason,))
    if played > 1:  # the user already went down
        return _Next(Action.HOLD, level, (reason, Why.CHOSEN_BY_HAND))
    recent = (today - last.started.date()).days <= 1
    single = (Why.SINGLE_LEVEL,) if levels.count == 1 else ()
    return _Next(Action.REST if recent else Action.HOLD, level,
                 (reason, Why.AT_BOTTOM, *single))


def _green(history: History, routine_id: str, levels: Levels, level: int, today: date
           ) -> _Next:
    """The last session was green: the next level after a green streak at this level,
    unless usual pain is rising."""
    if _pain_rising(history, today):
        return _Next(Action.HOLD, level, (Why.PAIN_RISING,))
    streak, declined = _streak(history, routine_id, levels, level)
    last = _last_days(streak)
    if not last or not all(is_green_session(history, s) for s in last):
        return _Next(Action.HOLD, level, (Why.DECLINED if declined else Why.GREEN_SO_FAR,))
    if morning_of(history, last[-1]) is None:
        return _Next(Action.HOLD, level, (Why.MORNING_UNKNOWN,))
    if _flared_since(history, last[0].started.date() - timedelta(days=1), today):
        # A knee that has just settled is not ready for more: green sessions again first
        # (a streak's sessions done at the easiest level during the flare-up count not).
        return _Next(Action.HOLD, level, (Why.AFTER_FLARE,))
    if any(stop.at > last[-1].started for stop in history.test_sharp_pains()):
        # A sharp pain in the chair stand test since: nothing harder (clinical.md 4, 8).
        return _Next(Action.HOLD, level, (Why.SHARP_PAIN_TEST,))
    if level >= levels.count:
        single = (Why.SINGLE_LEVEL,) if levels.count == 1 else ()
        return _Next(Action.HOLD, level, (Why.GREEN_STREAK, Why.AT_TOP, *single))
    return _Next(Action.PROGRESS, level + 1, (Why.GREEN_STREAK,))


def after_advice(history: History, session: Session, value: int, levels: Levels,
                 today: date) -> AfterAdvice:
    """Advice for next time after *session*, just rated *value* (already in *history*
    or not): by the zone of the rating; a green one promises the next level only when
    a settled morning would bring its offer (:func:`offer_due_after`)."""
    level = zone(value)
    if level is Zone.RED:
        return AfterAdvice.EASIER
    if level is Zone.AMBER:
        return AfterAdvice.HOLD
    if session.outcome != Outcome.COMPLETED:
        return AfterAdvice.KEEP_GREEN
    return AfterAdvice.TRY_MORE if offer_due_after(history, session, levels, today) \
        else AfterAdvice.KEEP_GREEN


def offer_due_after(history: History, session: Session, levels: Levels, today: date
                    ) -> bool:
    """Would a settled next morning after *session* (completed and rated green right
    after, just now) bring the offer of the next level? Rules 12 to 16 as they stand
    without that morning: the streak at the session's level (with its restarts), not
    at the top, no usual pain rising, no flare-up today. The after-session page says
    "the coach will offer the next level" only then."""
    level = _level(session, levels)
    if level >= levels.count or _pain_rising(history, today) \
            or flare(history, today) is not None \
            or any(stop.at > session.started for stop in history.test_sharp_pains()):
        return False
    streak, _declined = _streak(history, session.routine_id, levels, level)
    if all(s.uid != session.uid for s in streak):  # its journal write failed
        streak.append(session)
    last = _last_days(streak)
    return bool(last) and last[-1].uid == session.uid and all(
        s.uid == session.uid or is_green_session(history, s) for s in last)


def _last_days(streak: list[Session]) -> list[Session]:
    """The sessions of the streak's last :data:`GREEN_STREAK` days with a session, or
    none if it has fewer days: three green sessions in one morning have one next
    morning between them, not three (clinical.md 3: consistently green)."""
    days = sorted({evening_of(s) for s in streak})[-GREEN_STREAK:]
    if len(days) < GREEN_STREAK:
        return []
    return [s for s in streak if evening_of(s) >= days[0]]


def _flared_since(history: History, day: date, today: date) -> bool:
    """Was there a flare-up on a day after *day*, before *today*?"""
    return any(flare(history, day + timedelta(days=n)) is not None
               for n in range(1, (today - day).days))


def _streak(history: History, routine_id: str, levels: Levels, level: int
            ) -> tuple[list[Session], bool]:
    """The routine's exercised sessions at *level* since the streak last restarted:
    after a session at another level, any level choice (accepted, picked by hand or
    declined), or a gap of :data:`GAP_DAYS` between two sessions. True with them when
    the last restart was a declined offer of a harder level."""
    choices = [c for c in history.choices if c.routine_id == routine_id]
    # A choice made at the moment a session starts comes before it.
    timeline: list[tuple[datetime, int, LevelChoice | Session]] = [
        *((c.at, 0, c) for c in choices),
        *((s.started, 1, s) for s in history.exercised(routine_id))]
    timeline.sort(key=lambda item: item[:2])
    streak: list[Session] = []
    declined: int | None = None  # the level declined, when that restarted the streak
    previous: Session | None = None
    for _, _, item in timeline:
        if isinstance(item, LevelChoice):
            streak = []
            declined = item.level if item.kind == ChoiceKind.DECLINED else None
            continue
        if previous is not None and (
                item.started.date() - previous.started.date()).days >= GAP_DAYS:
            streak, declined = [], None
        if _level(item, levels) == level:
            streak.append(item)
        else:
            streak, declined = [], None
        previous = item
    # Only a declined harder level is "you chose to stay; more is offered again":
    # declining the easier level offered after a red session is not declining more.
    return streak, declined is not None and declined > level
