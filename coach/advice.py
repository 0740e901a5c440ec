"""The coach's health rules, free of Qt: what a session's outcome is, what counts as
exercise, which session the morning question is about and what its answer means,
the advice after a session, what the home screen says today, and when the chair stand
test is due.

Every rule returns an enum plus numbers; widgets only put them into words. The
rules follow the pain-monitoring model (clinical.md section 3): pain right after
exercise is judged by its zone, it should be back to the usual level by the next
morning, and "try a little more" waits for *consistently* green sessions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import NamedTuple

from coach.journal import (
    Context,
    EventKind,
    Journal,
    LevelChoice,
    Outcome,
    Rating,
    SafetyEvent,
    Session,
    Test,
    TestResult,
)
from coach.pain import USUAL_PAIN, Zone, fmean, zone

#: How many sessions of a routine in a row must be green before more is suggested.
GREEN_STREAK = 3
#: Days of usual-pain ratings before a session that stand for "usual" when there was
#: no rating just before it.
USUAL_WINDOW_DAYS = 7
#: A hot, red or swollen knee is mentioned on the home screen for this many days.
SKIP_REMINDER_DAYS = 2
#: The 30-second chair stand (a self-test of function, coach.summary): results are
#: comparable a week or more apart (sooner, the test says so)...
CHAIR_STAND_MIN_DAYS = 7
#: ...and Today suggests it again this many days after the last one (none yet: now).
CHAIR_STAND_EVERY_DAYS = 28
#: A morning rating at least this much above the usual level has not settled.
NOT_SETTLED_MARGIN = 1.0
#: The next-morning question waits this long after a session ends (a session that ran
#: past midnight is not "yesterday's" a few minutes later).
NIGHT = timedelta(hours=6)
#: For the next-morning question a session started before this hour belongs to the
#: evening before: one at half past midnight is last night's, and its morning is
#: the one a few hours later, not the day after (see :func:`evening_of`).
NIGHT_OWL = timedelta(hours=4)
#: Usual-pain ratings of at least this many recent days are always read. Today's
#: four-week adherence asks of each day of the four weeks before this one (up to 34
#: days back) whether a flare-up made it a rest day, and a flare-up looks 28 days back
#: from its day, each against the week before it: 34 + 28 + 7.
RECENT_USUAL_DAYS = 69


def not_ahead(today: date) -> Callable[[datetime], bool]:
    """Is a record's time not after tomorrow, wherever it was made? (Before the
    start of the day after tomorrow in UTC: a day's leeway or more in every zone, as
    the chart's ``trend.plausible`` allows a day after now.)"""
    cut = datetime.combine(today + timedelta(days=2), time(), tzinfo=UTC)
    return lambda moment: moment < cut


# -- sessions ---------------------------------------------------------------------
def session_outcome(total_steps: int, steps_done: int, stop_reason: str | None) -> Outcome:
    """How a session that ran ended.

    *stop_reason* is None when the routine reached its end (possibly by skipping
    steps), else the reason given to the engine's ``stop`` ("user", "sharp_pain",
    "unwell"). Completed only when every step's work ran; otherwise it ended early,
    with the steps actually done. Feeling unwell has no outcome of its own (the
    outcomes are a closed set in the schema): it is a plain stop, and the safety
    event recorded with it says why (:meth:`History.unwell_event`).
    """
    if stop_reason == "sharp_pain":
        return Outcome.SHARP_PAIN
    if stop_reason is None and total_steps > 0 and steps_done >= total_steps:
        return Outcome.COMPLETED
    return Outcome.STOPPED


def is_exercise(outcome: str | None, steps_done: int) -> bool:
    """Did this session exercise the knee? A safety skip never did; a session left
    before its first step was done did not (unless a sharp pain stopped it: then the
    user was exercising); one cut short by a crash did if a step was done."""
    if outcome == Outcome.SAFETY_SKIP:
        return False
    if outcome in (Outcome.COMPLETED, Outcome.SHARP_PAIN):
        return True
    return steps_done > 0


# -- the journal as the rules see it -------------------------------------------------
class Skip(NamedTuple):
    """A "yes" to a safety check: when, and the routine it was for (None: the chair
    stand test's)."""

    at: datetime
    routine_id: str | None


@dataclass
class History:
    """What the rules need from the journal: every session, the ratings tied to a
    session, the usual-pain ratings of recent weeks, the safety events and the
    answers to level offers. Cheap to build with years of ratings (only session
    ratings and recent ones are read)."""

    sessions: list[Session]
    session_ratings: dict[str, list[Rating]] = field(default_factory=dict)
    usual_ratings: list[Rating] = field(default_factory=list)
    events: list[SafetyEvent] = field(default_factory=list)
    choices: list[LevelChoice] = field(default_factory=list)
    tests: list[TestResult] = field(default_factory=list)  # self-tests of function
    #: Results the rules worked out from this history, kept for the next question
    #: (the reminders ask about a flare-up for each day they look ahead). A History is
    #: a snapshot: nothing changes its lists once it is built.
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, journal: Journal, today: date) -> History:
        """The journal as the rules read it on *today*. Records stamped after tomorrow
        (:func:`not_ahead`: a clock set a year ahead, then put right) are left out, as
        the chart leaves them out: one such session stayed "the last session" for a
        year, and hid every sharp-pain stop after it. Safety records are kept
        whenever they are dated: a stop or a skip never goes unseen."""
        kept = not_ahead(today)
        sessions = [s for s in journal.sessions() if kept(s.started)
                    or s.outcome in (Outcome.SHARP_PAIN, Outcome.SAFETY_SKIP)]
        by_session: dict[str, list[Rating]] = {}
        for rating in journal.session_ratings():
            if rating.session_uid is not None and kept(rating.at):
                by_session.setdefault(rating.session_uid, []).append(rating)
        # Usual pain is read back far enough for the sessions the rules look at: the
        # last few days with sessions of each routine.
        latest: dict[str, list[date]] = {}
        for session in reversed(sessions):
            days = latest.setdefault(session.routine_id, [])
            if len(days) < GREEN_STREAK + 1 and session.started.date() not in days:
                days.append(session.started.date())
        since = min([today - timedelta(days=RECENT_USUAL_DAYS - USUAL_WINDOW_DAYS),
                     *(day for days in latest.values() for day in days)])
        usual = [r for r in journal.ratings_since(since - timedelta(days=USUAL_WINDOW_DAYS))
                 if r.context in USUAL_PAIN and kept(r.at)]
        return cls(sessions, by_session, usual, journal.safety_events(),
                   [c for c in journal.level_choices() if kept(c.at)],
                   [t for t in journal.test_results() if kept(t.at)])

    @classmethod
    def of(cls, sessions: Iterable[Session], ratings: Iterable[Rating] = (),
           events: Iterable[SafetyEvent] = (), choices: Iterable[LevelChoice] = ()
           ) -> History:
        """From plain lists (tests, and callers that have everything at hand)."""
        ratings = list(ratings)
        by_session: dict[str, list[Rating]] = {}
        for rating in ratings:
            if rating.session_uid is not None:
                by_session.setdefault(rating.session_uid, []).append(rating)
        return cls(sorted(sessions, key=lambda s: s.started), by_session,
                   [r for r in ratings if r.context in USUAL_PAIN], list(events),
                   sorted(choices, key=lambda c: c.at))

    def exercised(self, routine_id: str | None = None) -> list[Session]:
        """Sessions that exercised the knee, oldest first (of one routine if given)."""
        return [s for s in self.sessions if self._exercised(s)
                and (routine_id is None or s.routine_id == routine_id)]

    def done_on(self, day: date) -> tuple[str, ...]:
        """The routines exercised on *day* (the day each session was recorded on), in
        the order first done."""
        return tuple(dict.fromkeys(s.routine_id for s in self.exercised()
                                   if s.started.date() == day))

    def _exercised(self, session: Session) -> bool:
        """:func:`is_exercise`, or the pain was rated after the session: that is asked
        only once the player ran, so the knee was exercised even if no step was done
        (ended 40 s into the first step, or stepped through with Next). Pain in the red
        then must count: it was ignored, and the next level offered."""
        return is_exercise(session.outcome, session.steps_completed) or (
            session.outcome != Outcome.SAFETY_SKIP
            and self.rating(session, Context.AFTER) is not None)

    def rating(self, session: Session, context: Context) -> Rating | None:
        """The session's last rating in *context*."""
        found = [r for r in self.session_ratings.get(session.uid, ()) if r.context == context]
        return found[-1] if found else None

    def morning_rating(self, session: Session) -> Rating | None:
        """The next-morning rating after *session*: its own, else the latest given for
        another session of the same evening (:func:`evening_of`). The question is asked
        once, about the day's last session; its answer is the knee's morning after."""
        own = self.rating(session, Context.NEXT_MORNING)
        if own is not None:
            return own
        key = "mornings_by_day"
        mornings = self.memo.get(key)
        if not isinstance(mornings, dict):
            days: dict[date, list[Rating]] = defaultdict(list)
            for other in self.sessions:
                days[evening_of(other)] += [
                    r for r in self.session_ratings.get(other.uid, ())
                    if r.context == Context.NEXT_MORNING]
            mornings = self.memo[key] = {day: max(found, key=lambda r: r.at)
                                         for day, found in days.items() if found}
        found: Rating | None = mornings.get(evening_of(session))
        return found

    def usual_before(self, moment: datetime) -> float | None:
        """The mean usual pain in the week before *moment*, if rated."""
        start = moment - timedelta(days=USUAL_WINDOW_DAYS)
        values = [r.value for r in self.usual_ratings if start <= r.at < moment]
        return fmean(values) if values else None

    def safety_skips(self) -> list[Skip]:
        """Days not exercised because the knee was hot, red or swollen (or the user
        felt unwell), oldest first: a session's safety check answered yes, or the chair
        stand test's (a "not today" event; no routine)."""
        key = "safety_skips"
        found = self.memo.get(key)
        if not isinstance(found, list):
            found = self.memo[key] = sorted(
                [Skip(s.started, s.routine_id) for s in self.sessions
                 if s.outcome == Outcome.SAFETY_SKIP]
                + [Skip(e.at, None) for e in self.events if e.kind == EventKind.NOT_TODAY],
                key=lambda skip: skip.at)
        return found

    def sharp_pain_event(self, session: Session) -> SafetyEvent | None:
        return self._event(session, EventKind.SHARP_PAIN)

    def unwell_event(self, session: Session) -> SafetyEvent | None:
        """The "I feel unwell" stop that ended *session*, if it ended that way."""
        if session.outcome != Outcome.STOPPED:
            return None
        return self._event(session, EventKind.UNWELL)

    def test_sharp_pains(self) -> list[SafetyEvent]:
        """Sharp-pain stops of no session: the chair stand test's, oldest first."""
        return [e for e in self.events
                if e.kind == EventKind.SHARP_PAIN and e.session_uid is None]

    def _event(self, session: Session, kind: EventKind) -> SafetyEvent | None:
        return next((e for e in reversed(self.events)
                     if e.session_uid == session.uid and e.kind == kind), None)

    def exercised_or_unwell(self, routine_id: str | None = None) -> list[Session]:
        """Sessions that exercised the knee or were stopped because the user felt
        unwell (even before a step was done), oldest first (of one routine if given)."""
        unwell = {e.session_uid for e in self.events if e.kind == EventKind.UNWELL}
        return [s for s in self.sessions
                if (routine_id is None or s.routine_id == routine_id)
                and (self._exercised(s)
                     or (s.outcome == Outcome.STOPPED and s.uid in unwell))]


# -- the next morning ----------------------------------------------------------------
class Morning(StrEnum):
    """Is the pain back to its usual level the morning after a session?"""

    SETTLED = "settled"  # back to the level before the session (or lower)
    NOT_SETTLED = "not_settled"  # higher than before, or in the red zone
    UNCLEAR = "unclear"  # nothing to compare with, and not in the red zone
    SAFE = "safe"  # above the level before, but in the green zone (0 to 2)


def evening_of(session: Session) -> date:
    """The day whose night *session* ended, for the next-morning question: its own
    date, or the day before for one started in the small hours (:data:`NIGHT_OWL`).
    Everything else (the plan, the trend, what was done on a day) keeps the date on
    the clock (``schedule.recorded_day``)."""
    return (session.started - NIGHT_OWL).date()


def after_a_night(session: Session, now: datetime | None) -> bool:
    """Has a night passed since *session* (for the next-morning question)? One that
    ran past midnight is not a morning ago a few minutes later, and at 01:45 after an
    evening session it is still night (None: not asked): :data:`NIGHT` since it ended,
    and the small hours (:data:`NIGHT_OWL`) of the day after its evening are over."""
    return now is None or ((session.ended or session.started) <= now - NIGHT
                           and (now - NIGHT_OWL).date() > evening_of(session))


def morning_session(history: History, today: date, now: datetime | None = None
                    ) -> Session | None:
    """The session the morning question is about: yesterday's last session that
    exercised the knee, if it has no next-morning rating yet and a night has passed
    since it ended (at *now*)."""
    yesterday = [s for s in history.exercised() if evening_of(s) == today - timedelta(1)]
    if yesterday and not after_a_night(yesterday[-1], now):
        return None
    if not yesterday or history.rating(yesterday[-1], Context.NEXT_MORNING):
        return None
    return yesterday[-1]


def reference_pain(history: History, session: Session) -> float | None:
    """The usual level a next-morning rating is compared with: the rating just before
    the first session of *session*'s day, else the mean usual pain of the week before
    it. One morning speaks for the whole day, so a second session's "before", raised
    by the first (a 7 after it, a 4 before the next), is not the usual level."""
    day = evening_of(session)
    same_day = [s for s in history.sessions if evening_of(s) == day
                and s.started <= session.started] or [session]
    for earlier in same_day:
        before = history.rating(earlier, Context.BEFORE)
        if before is not None:
            return float(before.value)
    return history.usual_before(same_day[0].started)


def morning_verdict(morning: int, reference: float | None) -> Morning:
    """Back to usual? A morning in the red zone never is, whatever came before; one
    above the level before but in the green zone is safe, not "not settled"."""
    if zone(morning) is Zone.RED:
        return Morning.NOT_SETTLED
    if reference is None:
        return Morning.UNCLEAR
    if morning - reference < NOT_SETTLED_MARGIN:
        return Morning.SETTLED
    # A 1 after a 0 is the noise of whole numbers in the safe zone: judged "not
    # settled", it kept a user whose pain never left 0 to 2 at the easiest level for
    # weeks, with rest days.
    return Morning.SAFE if zone(morning) is Zone.GREEN else Morning.NOT_SETTLED


def morning_of(history: History, session: Session) -> Morning | None:
    """The verdict of the next-morning rating after the session, if there is one."""
    rating = history.morning_rating(session)
    if rating is None:
        return None
    return morning_verdict(rating.value, reference_pain(history, session))


# -- right after a session -------------------------------------------------------------
class AfterAdvice(StrEnum):
    """Advice for next time, from the rating right after a session."""

    TRY_MORE = "try_more"  # consistently green: a little more may be tried
    KEEP_GREEN = "keep_green"  # green, but not yet consistently: same level again
    HOLD = "hold"  # amber: same level, check the next morning
    EASIER = "easier"  # red: easier next time, or rest a day


def is_green_session(history: History, session: Session) -> bool:
    """Completed, rated green right after, no stop, and not unsettled next morning."""
    after = history.rating(session, Context.AFTER)
    return (session.outcome == Outcome.COMPLETED and after is not None
            and zone(after.value) is Zone.GREEN
            and morning_of(history, session) is not Morning.NOT_SETTLED)


# -- before starting again ----------------------------------------------------------------
class PreviousStop(NamedTuple):
    """The last time this routine was stopped for a sharp pain or because the user
    felt unwell (*kind*): *step* is 1-based."""

    at: datetime
    step: int | None
    side: str | None
    kind: EventKind = EventKind.SHARP_PAIN


def stop_before_restart(history: History, routine_id: str) -> PreviousStop | None:
    """If this routine's last session ended in a sharp-pain stop or an "I feel
    unwell" stop, that stop: the safety check shows it and asks for a deliberate
    decision to go ahead."""
    sessions = history.exercised_or_unwell(routine_id)
    if not sessions:
        return None
    session = sessions[-1]
    if session.outcome == Outcome.SHARP_PAIN:
        event = history.sharp_pain_event(session)
        if event is None:
            return PreviousStop(session.ended or session.started, None, None)
        return PreviousStop(event.at, event.step, event.side)
    unwell = history.unwell_event(session)
    if unwell is not None:
        return PreviousStop(unwell.at, unwell.step, unwell.side, EventKind.UNWELL)
    return None


# -- the home screen -----------------------------------------------------------------------
class Today(StrEnum):
    """What the home screen says today."""

    WELCOME = "welcome"  # nothing done yet
    AFTER_SHARP_PAIN = "after_sharp_pain"  # the last session stopped for a sharp pain
    AFTER_UNWELL = "after_unwell"  # the last session stopped: the user felt unwell
    REST_AFTER_SKIP = "rest_after_skip"  # hot, red or swollen recently
    DONE_TODAY = "done_today"
    MORNING_SETTLED = "morning_settled"  # yesterday's session, back to usual this morning
    MORNING_NOT_SETTLED = "morning_not_settled"
    MORNING_UNCLEAR = "morning_unclear"
    MORNING_SAFE = "morning_safe"  # a little above usual, in the green zone
    YESTERDAY = "yesterday"  # exercised yesterday, not yet rated this morning
    DAYS_AGO = "days_ago"


class TodayAdvice(NamedTuple):
    kind: Today
    routine_id: str | None = None
    day: date | None = None  # the day of the session or skip spoken of
    days: int = 0  # how many days ago
    step: int | None = None  # 1-based, for a sharp-pain or unwell stop
    value: int | None = None  # the next-morning rating
    after: int | None = None  # the session's rating right after it, if rated


def today_advice(history: History, today: date, now: datetime | None = None
                 ) -> TodayAdvice:
    exercised = history.exercised_or_unwell()
    skips = history.safety_skips()
    last = exercised[-1] if exercised else None
    skip = skips[-1] if skips else None
    if skip is not None and (last is None or skip.at > last.started):
        days = (today - skip.at.date()).days
        if days <= SKIP_REMINDER_DAYS:
            return TodayAdvice(Today.REST_AFTER_SKIP, skip.routine_id, skip.at.date(), days)
    if last is None:
        return TodayAdvice(Today.WELCOME)
    day = last.started.date()
    days = (today - day).days
    if last.outcome == Outcome.SHARP_PAIN:
        event = history.sharp_pain_event(last)
        return TodayAdvice(Today.AFTER_SHARP_PAIN, last.routine_id, day, days,
                           step=event.step if event else None)
    unwell = history.unwell_event(last)
    if unwell is not None:
        return TodayAdvice(Today.AFTER_UNWELL, last.routine_id, day, days, step=unwell.step)
    nights = (today - evening_of(last)).days  # one in the small hours: last night's
    if nights <= 0 or not after_a_night(last, now):  # (a session just past midnight)
        return TodayAdvice(Today.DONE_TODAY, last.routine_id, day, 0)
    if nights == 1:
        morning = history.rating(last, Context.NEXT_MORNING)
        if morning is None:
            return TodayAdvice(Today.YESTERDAY, last.routine_id, day, 1)
        kind = {Morning.SETTLED: Today.MORNING_SETTLED,
                Morning.NOT_SETTLED: Today.MORNING_NOT_SETTLED,
                Morning.UNCLEAR: Today.MORNING_UNCLEAR,
                Morning.SAFE: Today.MORNING_SAFE}[
            morning_verdict(morning.value, reference_pain(history, last))]
        after = history.rating(last, Context.AFTER)
        return TodayAdvice(kind, last.routine_id, day, 1, value=morning.value,
                           after=after.value if after is not None else None)
    return TodayAdvice(Today.DAYS_AGO, last.routine_id, day, nights)


# -- self-tests ---------------------------------------------------------------------------
def chair_stand_days_ago(results: Iterable[TestResult], today: date) -> int | None:
    """Days since the last chair stand test (None: never done)."""
    days = [r.at.date() for r in results if r.test == Test.CHAIR_STAND]
    return (today - max(days)).days if days else None


def chair_stand_due(results: Iterable[TestResult], today: date,
                    stops: Iterable[SafetyEvent] = ()) -> bool:
    """Suggest the test: never done, or done :data:`CHAIR_STAND_EVERY_DAYS` ago; never
    after a sharp-pain stop of the test (*stops*: :meth:`History.test_sharp_pains`)
    since it was last done, which said not to repeat it before talking to a
    clinician (the Tests menu still has it)."""
    results = list(results)
    done = [r.at for r in results if r.test == Test.CHAIR_STAND]
    if any(not done or stop.at > max(done) for stop in stops):
        return False
    ago = chair_stand_days_ago(results, today)
    return ago is None or ago >= CHAIR_STAND_EVERY_DAYS
