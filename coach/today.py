"""What the Today screen (and ``coach today``) says, free of Qt: the day's planned and
done routines, one action (exercise, rest or check in) with short reason codes, this
week's adherence, and the next reminder.

The result is data; :func:`today_message` puts it into plain English for the command
line. The window builds its own (translated) words from the same codes. Adherence is
"sessions done of planned", never a streak: a missed day costs nothing later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any, NamedTuple

from coach.advice import History, Today, TodayAdvice, chair_stand_due, today_advice
from coach.journal import Journal
from coach.pain import fmean
from coach.plan import EVERY_DAY, Cadence, Plan, cadence
from coach.progression import Action as LevelAction
from coach.progression import Flare, Recommendation, Why, flare, levels_of, recommend
from coach.routine import Routine
from coach.schedule import (
    Reminder,
    ReminderState,
    RestReason,
    local_date,
    next_reminder,
    recorded_day,
    rest_on,
    zone_for,
)
from coach.trend import (
    TREND_CONTEXTS,
    WINDOW_DAYS,
    Change,
    rolling_mean,
    summarise_days,
)

#: "Used to it" (the ten-minute routine may go daily): this many sessions of it...
USED_TO_IT_SESSIONS = 6
#: ...spread over at least this many days, and no rest trigger in that time.
USED_TO_IT_DAYS = 14


class Action(StrEnum):
    EXERCISE = "exercise"
    REST = "rest"
    CHECK_IN = "check_in"


class Reason(StrEnum):
    """Short codes for why; the advice's own kind (``advice.Today``) is added too."""

    NO_PLAN = "no_plan"
    PLANNED = "planned_today"
    NOT_PLANNED = "not_planned_today"
    DONE = "done_today"
    HOT_RED_SWOLLEN = RestReason.HOT_RED_SWOLLEN.value
    SHARP_PAIN_STOP = RestReason.SHARP_PAIN.value
    UNWELL_STOP = RestReason.UNWELL.value
    CHECKED_IN = "checked_in"
    READY_FOR_DAILY = "ready_for_daily"
    CHAIR_STAND_DUE = "chair_stand_due"  # the 30-second test: never done, or 4 weeks ago
    FLARE_UP = RestReason.FLARE_UP.value  # pain well above its average: rest a while
    HIGH_PAIN = RestReason.HIGH_PAIN.value  # "Rest today" with pain in the red
    RED_AT_EASIEST = RestReason.RED_AT_EASIEST.value  # the coach's "Rest today"
    UNSETTLED_AT_EASIEST = RestReason.UNSETTLED_AT_EASIEST.value


# -- adherence ------------------------------------------------------------------------
class Adherence(NamedTuple):
    """Sessions done of planned, over the local days *first* to *last*."""

    first: date
    last: date
    done: int
    planned: int

    def to_json(self) -> dict[str, Any]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat(),
                "done": self.done, "planned": self.planned}


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week(plan: Plan, history: History, monday: date, tz: tzinfo) -> tuple[int, int]:
    """(done, planned) in one Monday-to-Sunday week. Per entry, the days it was done
    count up to the days it was planned: a session moved to another day still counts.
    Each day is judged by the entry in force then (a retired one for days before a
    change); rest days, and days before the entry was planned, are not planned days,
    and sessions outside its days in force do not count towards it; hourly nudges are
    not counted."""
    days = [monday + timedelta(days=n) for n in range(7)]
    resting = {d for d in days if rest_on(history, d, tz) is not None}
    done_total = planned_total = 0
    for entry in plan.ever_planned():
        if entry.every is not None:
            continue
        in_force = [d for d in days if entry.in_force(d)]
        done_days = {recorded_day(s.started) for s in history.exercised(entry.routine_id)}
        # A planned day the routine was done on stays planned when the session itself
        # made it a rest day (a sharp-pain stop): "2 of 2 done" stood on a Friday still
        # to do, the stop counted done and its day no longer planned.
        planned = sum(1 for d in in_force if (d not in resting or d in done_days)
                      and d.weekday() in {day.weekday for day in entry.days})
        done = len(done_days & set(in_force))
        planned_total += planned
        done_total += min(done, planned)
    return done_total, planned_total


def adherence(plan: Plan, history: History, today: date, tz: tzinfo,
              weeks: int = 1, *, before_this_week: bool = False) -> Adherence:
    """Done of planned over *weeks* calendar weeks: this week (whole week planned), or
    with *before_this_week* the *weeks* complete weeks before it."""
    monday = _week_start(today)
    if before_this_week:
        monday -= timedelta(weeks=weeks)
    done = planned = 0
    for n in range(weeks):
        d, p = _week(plan, history, monday + timedelta(weeks=n), tz)
        done, planned = done + d, planned + p
    return Adherence(monday, monday + timedelta(days=7 * weeks - 1), done, planned)


def used_to_it(history: History, routine_id: str, today: date, tz: tzinfo) -> bool:
    """Enough recent sessions of the routine, over two weeks or more, with no rest
    trigger in that time: the ten-minute routine may become daily."""
    start = today - timedelta(days=3 * USED_TO_IT_DAYS // 2)
    days = sorted({recorded_day(s.started) for s in history.exercised(routine_id)
                   if start <= recorded_day(s.started) <= today})
    if len(days) < USED_TO_IT_SESSIONS or (days[-1] - days[0]).days < USED_TO_IT_DAYS - 1:
        return False
    return not any(rest_on(history, today - timedelta(days=n), tz)
                   for n in range(USED_TO_IT_DAYS))


# -- today ----------------------------------------------------------------------------
class TodayView(NamedTuple):
    """Everything the Today screen shows, as data."""

    date: date
    planned: tuple[str, ...]
    done: tuple[str, ...]
    action: Action
    reasons: tuple[str, ...]
    advice: TodayAdvice
    this_week: Adherence
    four_weeks: Adherence  # the four complete weeks before this one
    next_reminder: Reminder | None
    titles: Mapping[str, str]  # routine id -> title, for the message
    #: Each routine's level and what the coach recommends for its next session.
    levels: tuple[Recommendation, ...] = ()
    flare: Flare | None = None

    def level_of(self, routine_id: str) -> Recommendation | None:
        return next((r for r in self.levels if r.routine_id == routine_id), None)

    @property
    def day_reason(self) -> str:
        """The first reason, which says what kind of day it is (planned, done, a rest
        day...). The advice's kind, added last, may share a code with it ("done_today":
        the last session was today, which says nothing of the rest of the plan)."""
        return self.reasons[0]

    @property
    def message(self) -> str:
        return today_message(self)


def today(plan: Plan, history: History, now: datetime, *,
          state: ReminderState | None = None, tz: tzinfo | None = None,
          routines: Mapping[str, Routine] | None = None, lang: str = "en",
          session_running: bool = False) -> TodayView:
    """What to do today (local date of *now*), from the plan and the journal."""
    tz = tz or zone_for(now)
    day = local_date(now, tz)
    plan = plan.as_of(day)
    routines = routines or {}
    planned = tuple(e.routine_id for e in sorted(plan.planned_on(day.weekday()),
                                                  key=lambda e: e.at))
    done = history.done_on(day)
    main = [r for r in planned if (e := plan.entry(r)) is not None and e.every is None]
    advice = today_advice(history, day, now)
    rest = rest_on(history, day, tz)
    flare_up = flare(history, day)
    reasons: list[str] = []
    if rest is not None:
        action = Action.REST if rest.checked_in else Action.CHECK_IN
        reasons.append(rest.reason.value)
        if rest.checked_in:
            reasons.append(Reason.CHECKED_IN)
    elif not plan.entries:
        action = Action.EXERCISE if not done else Action.REST
        reasons.append(Reason.NO_PLAN if not done else Reason.DONE)
    elif not main:  # hourly nudges alone do not make a training day
        action, reasons = Action.REST, [Reason.NOT_PLANNED]
    elif all(r in done for r in main):
        action, reasons = Action.REST, [Reason.DONE]
    else:
        action, reasons = Action.EXERCISE, [Reason.PLANNED]
    if action is Action.EXERCISE and history.exercised() \
            and advice.kind not in (Today.AFTER_SHARP_PAIN, Today.AFTER_UNWELL,
                                    Today.MORNING_NOT_SETTLED) \
            and chair_stand_due(history.tests, day, history.test_sharp_pains()):
        # (Not after a stop, nor on a morning not settled: the test is a hard effort,
        # and Today says to talk to a clinician, to exercise only once well, or to
        # make the next session easier, first.)
        reasons.append(Reason.CHAIR_STAND_DUE)
    levels = recommendations(history, routines.values(), day)
    for entry in plan.entries:
        routine = routines.get(entry.routine_id)
        if (routine is not None and cadence(routine) is Cadence.EVERY_OTHER_DAY
                and entry.days != EVERY_DAY and used_to_it(history, routine.id, day, tz)
                and _suits(levels, routine.id)):
            reasons.append(Reason.READY_FOR_DAILY)
            break
    reasons.append(advice.kind.value)
    titles = {rid: r.title.get(lang) for rid, r in routines.items()}
    reminder = next_reminder(plan, now, state or ReminderState.starting(now),
                             history=history, tz=tz, session_running=session_running)
    return TodayView(day, planned, done, action, tuple(reasons), advice,
                     adherence(plan, history, day, tz),
                     adherence(plan, history, day, tz, 4, before_this_week=True),
                     reminder, titles, levels,
                     flare_up)


def _suits(levels: Iterable[Recommendation], routine_id: str) -> bool:
    """Does the routine suit the knee now, as the coach judges its last session (not
    too much, settled the next morning, usual pain not rising)? "You can do it daily"
    read beside "Rest today: your pain was 7 of 10"."""
    found = next((r for r in levels if r.routine_id == routine_id), None)
    return found is not None and found.action in (LevelAction.HOLD, LevelAction.PROGRESS) \
        and Why.PAIN_RISING not in found.reasons


def recommendations(history: History, routines: Iterable[Routine], day: date
                    ) -> tuple[Recommendation, ...]:
    """What the coach recommends for each routine's next session (coach.progression)."""
    return tuple(recommend(history, r.id, levels_of(r), day) for r in routines)


def offer_open(history: History, advice: Recommendation) -> bool:
    """Does the coach offer another level, not yet answered? An offer to progress or
    ease stands until the user accepts it, declines it or picks a level, and comes
    back only after the routine's next session."""
    if advice.action not in (LevelAction.PROGRESS, LevelAction.EASE) \
            or advice.recommended_level == advice.level:
        return False
    sessions = history.exercised_or_unwell(advice.routine_id)
    since = sessions[-1].started if sessions else None
    return not any(c.routine_id == advice.routine_id and (since is None or c.at > since)
                   for c in history.choices)


FLARE_WORDS = ("Your knee seems to be having a flare-up: a reason to rest, not a failure. "
               "Rest it for a few days, or do only the easiest level, until the pain "
               "settles.")


def _names(view: TodayView, ids: tuple[str, ...]) -> str:
    names = [f"“{view.titles.get(i, i)}”" for i in ids] or ["nothing"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def today_message(view: TodayView) -> str:
    """The Today screen's words in English (the window translates from the codes): what
    to do today, then the advice the window's box gives where it is about safety or
    a clinician (a sharp-pain or unwell stop, a hot knee, a morning not settled, a
    long flare-up), which the command line used to leave out."""
    advice = advice_message(view)
    return f"{_action_message(view)} {advice}" if advice else _action_message(view)


def _day_words(day: date) -> str:
    """"Tue 1 Dec" (as the window's English says; strftime's names, as `plan show`)."""
    return f"{day:%a} {day.day} {day:%b}"


def advice_message(view: TodayView) -> str:
    """The window's advice about safety or a clinician, in English ("" for none)."""
    advice, codes = view.advice, set(view.reasons)
    routine = f"“{view.titles.get(advice.routine_id or '', advice.routine_id)}”"
    when = _day_words(advice.day) if advice.day else ""
    words = []
    if Reason.FLARE_UP in codes and view.flare is not None and any(
            Why.FLARE_LONG in r.reasons for r in view.levels if r.flare is not None):
        words.append("This has lasted a week or more: please see a clinician about it.")
    if advice.kind is Today.AFTER_SHARP_PAIN:
        at_step = f" at step {advice.step}" if advice.step is not None else ""
        words.append(f"Your last session ({when}) stopped{at_step} because of a sharp "
                     f"pain. Talk to a clinician before you do {routine} again.")
    elif advice.kind is Today.AFTER_UNWELL:
        words.append(f"Your last session ({when}) stopped because you felt unwell. "
                     "Exercise again only once you feel well; if it happens again, talk "
                     "to a clinician.")
    elif advice.kind is Today.REST_AFTER_SKIP and Reason.HOT_RED_SWOLLEN not in codes:
        words.append(f"On {when} you said your knee was hot, red or swollen, or that you "
                     "felt unwell. If that is still so, rest today; if it does not "
                     "settle, see a clinician.")
    elif advice.kind is Today.MORNING_NOT_SETTLED:
        words.append(f"This morning your pain was {advice.value} of 10 after yesterday's "
                     f"{routine}: it has not settled to its usual level. Make the next "
                     "session easier (fewer repetitions, shorter holds, a smaller "
                     "movement) or rest for a day. If this keeps happening, talk to a "
                     "clinician.")
    return " ".join(words)


def _action_message(view: TodayView) -> str:
    """What to do today, from the reason codes."""
    codes = set(view.reasons)
    if view.action is Action.CHECK_IN:
        if Reason.FLARE_UP in codes:
            return (f"{FLARE_WORDS} How is your knee today? Rate your pain when you are "
                    "ready.")
        why = {Reason.HOT_RED_SWOLLEN: "you said your knee was hot, red or swollen, or that "
                                       "you felt unwell",
               Reason.SHARP_PAIN_STOP: "you stopped because of a sharp pain",
               Reason.UNWELL_STOP: "you stopped because you felt unwell",
               Reason.HIGH_PAIN: "your knee hurt a lot before a session",
               Reason.RED_AT_EASIEST: "your pain was too much right after your last "
                                      "session, already at the easiest level",
               Reason.UNSETTLED_AT_EASIEST: "your knee had not settled the morning after "
                                            "your last session, already at the easiest "
                                            "level"}
        cause = next((why[Reason(c)] for c in view.reasons if c in why), "")
        return (f"A rest day: {cause}. How is your knee today? Rate your pain when you "
                "are ready; no exercise is planned for today.")
    if view.action is Action.REST and Reason.FLARE_UP in codes:
        return f"{FLARE_WORDS} Thank you for checking in today."
    if view.action is Action.REST and Reason.CHECKED_IN in codes:
        return "A rest day. Thank you for checking in; rest and cool the knee if it helps."
    words: list[str] = []
    if view.day_reason == Reason.NO_PLAN:
        words.append("No weekly plan yet: choose a routine to do today, or make a plan.")
    elif view.day_reason == Reason.DONE:
        words.append(f"Done for today: {_names(view, view.done)}. Well done.")
    elif view.day_reason == Reason.NOT_PLANNED:
        words.append("Nothing is planned today: rest, or do a routine if you feel like it.")
    else:
        todo = tuple(r for r in view.planned if r not in view.done)
        words.append(f"Planned today: {_names(view, todo)}.")
    if Reason.READY_FOR_DAILY in codes:
        words.append("You are used to the routine now: you can do it daily if you like.")
    if Reason.CHAIR_STAND_DUE in codes:
        words.append("A 30-second chair stand test is due: it shows how your legs' "
                     "strength changes (Tests menu in the window).")
    week = view.this_week
    if week.planned:
        words.append(f"This week: {week.done} of {week.planned} planned sessions done.")
    return " ".join(words)


def today_json(view: TodayView) -> dict[str, Any]:
    """The shape of ``coach today --json`` (the issue's keys, then more)."""
    reminder = view.next_reminder
    return {
        "date": view.date.isoformat(),
        "planned": list(view.planned),
        "done": list(view.done),
        "action": view.action.value,
        "reasons": list(view.reasons),
        "message": view.message,
        "advice": {"kind": view.advice.kind.value, "routine_id": view.advice.routine_id,
                   "days": view.advice.days},
        "adherence": {"this_week": view.this_week.to_json(),
                      "four_weeks": view.four_weeks.to_json()},
        "next_reminder": None if reminder is None else {
            "kind": reminder.kind.value, "routine_id": reminder.routine_id,
            "at": reminder.at.isoformat(timespec="seconds")},
        "routines": [{"id": r.routine_id, "level": r.level,
                      "recommended_level": r.recommended_level, "action": r.action.value,
                      "reasons": [why.value for why in r.reasons]} for r in view.levels],
        "flare_up": None if view.flare is None else {
            "since": view.flare.since.isoformat(), "cause": view.flare.cause.value,
            "days": view.flare.days},
    }


# -- usual pain at a glance -----------------------------------------------------------------
#: How many days the Today screen's small chart shows, today included.
GLANCE_DAYS = 28


class PainGlance(NamedTuple):
    """Usual pain over the last :data:`GLANCE_DAYS` days for the Today screen: each
    day's mean, the 7-day average by day, and the trend page's verdict (None until
    there is a week to compare with)."""

    daily: list[tuple[date, float]]
    average: list[tuple[date, float | None]]
    change: Change | None
    chosen_baseline: bool
    #: Why *change* is None (``trend.Summary.not_compared``).
    not_compared: str | None = None


def pain_glance(journal: Journal, day: date, *,
                chosen_baseline: tuple[date, date] | None = None) -> PainGlance:
    """Read only what the glance needs (the first week and the last few), so that
    years of ratings cost what a month does."""
    first_shown = day - timedelta(days=GLANCE_DAYS - 1)
    since = first_shown - timedelta(days=WINDOW_DAYS)
    if chosen_baseline is not None:
        since = min(since, chosen_baseline[0])
    by_day: dict[date, list[int]] = {}
    for rating in journal.ratings_since(since):
        if rating.context in TREND_CONTEXTS and rating.at.date() <= day:
            by_day.setdefault(rating.at.date(), []).append(rating.value)
    if chosen_baseline is None:
        for first, values in journal.first_days(tuple(TREND_CONTEXTS), WINDOW_DAYS).items():
            by_day.setdefault(first, values)
    summary = summarise_days(by_day, {}, (), day, chosen_baseline=chosen_baseline)
    recent = {d: v for d, v in by_day.items() if d >= since}
    average = [(d, value) for d, value in rolling_mean((), by_day=recent)
               if first_shown <= d <= day]
    daily = [(d, fmean(values)) for d, values in sorted(recent.items())
             if first_shown <= d <= day]
    return PainGlance(daily, average, summary.change, chosen_baseline is not None,
                      summary.not_compared)
