"""The coach's health rules, table by table (no Qt, no display)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from coach.advice import (
    AfterAdvice,
    History,
    Morning,
    Today,
    is_exercise,
    morning_of,
    morning_session,
    morning_verdict,
    reference_pain,
    session_outcome,
    stop_before_restart,
    today_advice,
)
from coach.journal import EventKind, LevelChoice, Outcome, Rating, SafetyEvent, Session
from coach.progression import Levels, after_advice

TZ = timezone(timedelta(hours=9))
TODAY = date(2026, 12, 1)
LEVELS = Levels(3, 2)  # three levels, the standard one the second


def at(day_offset: int, hour: int = 10) -> datetime:
    day = TODAY + timedelta(days=day_offset)
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def session(uid: str, day: int, outcome: str | None, steps: int = 5,
            routine: str = "ten") -> Session:
    return Session(uid, routine, at(day), at(day, 11), steps, outcome)


def rating(value: int, context: str, day: int, session_uid: str | None = None,
           hour: int = 10) -> Rating:
    return Rating(f"r{day}{context}{value}{hour}", at(day, hour), value, context,
                  session_uid=session_uid)


@pytest.mark.parametrize(("total", "done", "reason", "expected"), [
    (5, 5, None, Outcome.COMPLETED),  # played through
    (5, 0, None, Outcome.STOPPED),  # reached the end by skipping every step
    (5, 4, None, Outcome.STOPPED),  # one step skipped
    (5, 2, "user", Outcome.STOPPED),
    (5, 5, "user", Outcome.STOPPED),  # cannot happen, but a stop is never "completed"
    (5, 0, "sharp_pain", Outcome.SHARP_PAIN),
    (5, 2, "unwell", Outcome.STOPPED),  # no outcome of its own: the safety event says why
    (5, 0, "unwell", Outcome.STOPPED),
    (0, 0, None, Outcome.STOPPED),
])
def test_session_outcome(total, done, reason, expected):
    assert session_outcome(total, done, reason) is expected


@pytest.mark.parametrize(("outcome", "steps", "expected"), [
    ("completed", 5, True), ("sharp_pain", 0, True), ("stopped", 2, True),
    ("stopped", 0, False),  # left before the first step was done
    ("safety_skip", 0, False), ("safety_skip", 3, False),  # a skip stays a skip
    (None, 0, False), (None, 2, True),  # cut short by a crash
])
def test_is_exercise(outcome, steps, expected):
    assert is_exercise(outcome, steps) is expected


@pytest.mark.parametrize(("morning", "reference", "expected"), [
    (2, 3.0, Morning.SETTLED), (3, 3.0, Morning.SETTLED), (4, 3.0, Morning.NOT_SETTLED),
    (4, 3.4, Morning.SETTLED),  # less than a point above the usual mean
    (9, None, Morning.NOT_SETTLED),  # no "before" rating: a 9 is never "back to usual"
    (6, 7.0, Morning.NOT_SETTLED),  # red is never settled
    (1, None, Morning.UNCLEAR), (4, None, Morning.UNCLEAR),
    # Above the level before but in the safe zone: whole-number noise, not "not settled"
    # (a user whose pain never left 0 to 2 was eased and rested for weeks).
    (1, 0.0, Morning.SAFE), (2, 0.0, Morning.SAFE), (3, 2.0, Morning.NOT_SETTLED),
])
def test_morning_verdict(morning, reference, expected):
    assert morning_verdict(morning, reference) is expected


def test_reference_is_the_before_rating_else_the_usual_week():
    s = session("s", -1, "completed")
    with_before = History.of([s], [rating(2, "before", -1, "s"), rating(6, "check_in", -3)])
    assert reference_pain(with_before, s) == 2
    without = History.of([s], [rating(6, "check_in", -3), rating(4, "check_in", -2),
                               rating(1, "check_in", -20)])  # the last is too old
    assert reference_pain(without, s) == 5
    assert reference_pain(History.of([s]), s) is None


def test_morning_question_is_about_yesterdays_exercise_only():
    skip = session("skip", -1, "safety_skip", steps=0)
    assert morning_session(History.of([skip]), TODAY) is None
    left = session("left", -1, "stopped", steps=0)
    assert morning_session(History.of([left]), TODAY) is None
    done = session("done", -1, "stopped", steps=2)
    assert morning_session(History.of([done, skip]), TODAY) == done
    answered = History.of([done], [rating(3, "next_morning", 0, "done")])
    assert morning_session(answered, TODAY) is None
    assert morning_session(History.of([session("old", -2, "completed")]), TODAY) is None


def test_no_morning_question_until_a_night_has_passed():
    """A session from 23:50 to 00:01 was "yesterday's" at 00:03: Today asked how the
    knee was "this morning", and the answer was stored as a next-morning rating a few
    minutes after exercise."""
    late = Session("late", "ten", datetime(2026, 11, 30, 23, 50, tzinfo=TZ),
                   datetime(2026, 12, 1, 0, 1, tzinfo=TZ), 5, "completed")
    history = History.of([late])
    just_after = datetime(2026, 12, 1, 0, 3, tzinfo=TZ)
    assert morning_session(history, TODAY, just_after) is None
    assert today_advice(history, TODAY, just_after).kind is Today.DONE_TODAY
    morning = datetime(2026, 12, 1, 7, 30, tzinfo=TZ)
    assert morning_session(history, TODAY, morning) == late
    assert today_advice(history, TODAY, morning).kind is Today.YESTERDAY


def test_the_morning_question_waits_for_the_morning():
    """After a session that ended at 19:30, Today asked at 01:45 how the knee was
    "this morning", and a sore answer in the night was judged as the next morning's."""
    evening = Session("eve", "ten", at(-1, 19), datetime(2026, 11, 30, 19, 30, tzinfo=TZ),
                      5, "completed")
    history = History.of([evening])
    night = datetime(2026, 12, 1, 1, 45, tzinfo=TZ)
    assert morning_session(history, TODAY, night) is None
    assert today_advice(history, TODAY, night).kind is Today.DONE_TODAY
    dawn = datetime(2026, 12, 1, 4, 30, tzinfo=TZ)
    assert morning_session(history, TODAY, dawn) == evening
    assert today_advice(history, TODAY, dawn).kind is Today.YESTERDAY


def test_a_session_in_the_small_hours_is_last_nights():
    """A session from 00:30 to 00:45 on Tuesday: on Tuesday morning Today said "You
    have exercised today" and asked nothing; the morning question came on Wednesday,
    a day late, and its answer was taken as the knee's first morning after it."""
    owl = Session("owl", "ten", datetime(2026, 12, 1, 0, 30, tzinfo=TZ),
                  datetime(2026, 12, 1, 0, 45, tzinfo=TZ), 5, "completed")
    history = History.of([owl], [rating(3, "before", 0, "owl", hour=0)])
    night = datetime(2026, 12, 1, 1, 0, tzinfo=TZ)
    assert morning_session(history, TODAY, night) is None  # no night has passed yet
    assert today_advice(history, TODAY, night).kind is Today.DONE_TODAY
    morning = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)
    assert morning_session(history, TODAY, morning) == owl
    advice = today_advice(history, TODAY, morning)
    assert (advice.kind, advice.day, advice.days) == (Today.YESTERDAY, TODAY, 1)
    later = datetime(2026, 12, 2, 8, 0, tzinfo=TZ)
    assert morning_session(history, TODAY + timedelta(1), later) is None
    assert today_advice(history, TODAY + timedelta(1), later).days == 2
    answered = History.of([owl], [rating(3, "before", 0, "owl", hour=0),
                                  rating(5, "next_morning", 0, "owl", hour=8)])
    assert today_advice(answered, TODAY, morning).kind is Today.MORNING_NOT_SETTLED
    # A session after 04:00 is that day's: asked the morning after, as before.
    early = Session("early", "ten", at(0, 5), at(0, 6), 5, "completed")
    assert morning_session(History.of([early]), TODAY, morning) is None
    assert today_advice(History.of([early]), TODAY, morning).kind is Today.DONE_TODAY


def test_one_morning_answer_speaks_for_last_nights_sessions_too():
    """A session at 22:00 and another at 00:30 share one morning: its answer speaks for
    both, and the 22:00 session's usual level is the one before it."""
    evening = Session("evening", "ten", at(-1, 22), at(-1, 23), 5, "completed")
    owl = Session("owl", "ankle", datetime(2026, 12, 1, 0, 30, tzinfo=TZ),
                  datetime(2026, 12, 1, 0, 45, tzinfo=TZ), 5, "completed")
    history = History.of([evening, owl], [
        rating(2, "before", -1, "evening", hour=22), rating(6, "before", 0, "owl", hour=0),
        rating(2, "next_morning", 0, "owl", hour=8)])
    assert morning_of(history, evening) is Morning.SETTLED
    assert reference_pain(history, owl) == 2  # the evening's first "before"
    assert morning_of(history, owl) is Morning.SETTLED


def test_one_morning_answer_speaks_for_the_whole_day_before():
    """Two routines yesterday: the morning question is asked about the last one only,
    and the first stayed "morning unknown" for ever (no level offer could follow)."""
    first = session("first", -1, "completed", routine="ten")
    last = Session("last", "ankle", at(-1, 12), at(-1, 13), 5, "completed")
    history = History.of([first, last], [rating(3, "before", -1, "first"),
                                         rating(3, "before", -1, "last", hour=12),
                                         rating(3, "next_morning", 0, "last", hour=8)])
    assert morning_session(history, TODAY) is None  # answered
    assert morning_of(history, first) is Morning.SETTLED
    assert morning_of(history, session("older", -2, "completed")) is None  # another day
    # Its own answer, where there is one, comes first.
    own = History.of([first, last], [rating(3, "before", -1, "first"),
                                     rating(6, "next_morning", 0, "first", hour=7),
                                     rating(3, "next_morning", 0, "last", hour=8)])
    assert morning_of(own, first) is Morning.NOT_SETTLED


def green_history(n: int, *, last_morning: int | None = None) -> tuple[History, Session]:
    sessions, ratings = [], []
    for i in range(n):
        uid = f"s{i}"
        sessions.append(session(uid, -2 * (n - i), "completed"))
        ratings.append(rating(1, "after", -2 * (n - i), uid, hour=11))
        ratings.append(rating(2, "before", -2 * (n - i), uid, hour=9))
    if last_morning is not None:
        ratings.append(rating(last_morning, "next_morning", -1, sessions[-2].uid))
    return History.of(sessions, ratings), sessions[-1]


@pytest.mark.parametrize(("case", "expected"), [
    ("single green", AfterAdvice.KEEP_GREEN),
    ("two greens", AfterAdvice.KEEP_GREEN),
    ("three greens", AfterAdvice.TRY_MORE),
    ("three greens, a morning not settled", AfterAdvice.KEEP_GREEN),
    ("amber", AfterAdvice.HOLD),
    ("red", AfterAdvice.EASIER),
    ("green but skipped steps", AfterAdvice.KEEP_GREEN),
    ("green after a sharp-pain stop", AfterAdvice.KEEP_GREEN),
])
def test_after_session_advice(case, expected):
    n = {"single green": 1, "two greens": 2}.get(case, 3)
    history, current = green_history(n, last_morning=6 if "morning" in case else None)
    value = {"amber": 4, "red": 7}.get(case, 1)
    if case == "green but skipped steps":
        current = current._replace(outcome="stopped", steps_completed=0)
    if case == "green after a sharp-pain stop":
        history.sessions[-2] = history.sessions[-2]._replace(outcome="sharp_pain")
    assert after_advice(history, current, value, LEVELS, TODAY) is expected


def test_green_streak_counts_only_this_routine():
    history, current = green_history(3)
    other = [s._replace(routine_id="desk") for s in history.sessions[:-1]]
    history.sessions[:-1] = other
    assert after_advice(history, current, 1, LEVELS, TODAY) is AfterAdvice.KEEP_GREEN


def test_the_next_level_is_promised_only_where_the_coach_will_offer_it():
    """Three green sessions in a row said "the coach will offer the next level" at the
    top level, in a routine with one level, and after a level was just accepted (the
    streak restarts): the offer never came."""
    history, current = green_history(3)
    assert after_advice(history, current, 1, LEVELS, TODAY) is AfterAdvice.TRY_MORE
    assert after_advice(history, current, 1, Levels(3, 3), TODAY) is AfterAdvice.KEEP_GREEN
    assert after_advice(history, current, 1, Levels(1, 1), TODAY) is AfterAdvice.KEEP_GREEN
    accepted = LevelChoice("c", at(-3, 12), "ten", 2, "accepted")
    history = History.of(history.sessions, [r for group in history.session_ratings.values()
                                            for r in group], choices=[accepted])
    assert after_advice(history, current, 1, LEVELS, TODAY) is AfterAdvice.KEEP_GREEN


def test_the_next_start_after_a_sharp_pain_stop_shows_it():
    stopped = session("s", -3, "sharp_pain", steps=1)
    event = SafetyEvent("e", at(-3, 10), "sharp_pain", "s", 2, "left")
    history = History.of([stopped], events=[event])
    stop = stop_before_restart(history, "ten")
    assert stop is not None and stop.step == 2 and stop.at == at(-3, 10)
    assert stop_before_restart(history, "desk") is None  # another routine
    # A skip or a session left before it began does not hide the stop...
    later = [stopped, session("k", -1, "safety_skip", 0), session("l", 0, "stopped", 0)]
    assert stop_before_restart(History.of(later, events=[event]), "ten") is not None
    # ... a session done since then does.
    done = [stopped, session("d", -1, "completed")]
    assert stop_before_restart(History.of(done, events=[event]), "ten") is None


@pytest.mark.parametrize(("case", "expected"), [
    ("sharp-pain stop", EventKind.SHARP_PAIN),
    ("unwell stop before a step was done", EventKind.UNWELL),
    ("unwell stop, then a skip", EventKind.UNWELL),  # a skip does not hide it
    ("unwell stop in another routine", None),
    ("unwell stop, then a session done", None),
    ("unwell event on a completed session", None),  # it did not stop the session
    ("user stop", None),
])
def test_the_next_start_after_an_unwell_stop_shows_it(case, expected):
    routine = "desk" if "another routine" in case else "ten"
    outcome = {"sharp-pain stop": "sharp_pain", "unwell event on a completed session":
               "completed"}.get(case, "stopped")
    sessions = [session("s", -2, outcome, steps=0, routine=routine)]
    kind = "sharp_pain" if outcome == "sharp_pain" else "unwell"
    events = [] if case == "user stop" else [SafetyEvent("e", at(-2, 10), kind, "s", 1)]
    if "then a skip" in case:
        sessions.append(session("k", -1, "safety_skip", 0))
    if "then a session done" in case:
        sessions.append(session("d", -1, "completed"))
    stop = stop_before_restart(History.of(sessions, events=events), "ten")
    if expected is None:
        assert stop is None
    else:
        assert stop is not None and stop.kind is expected and stop.step == 1
        assert stop.at == at(-2, 10)


@pytest.mark.parametrize(("case", "expected"), [
    ("nothing yet", Today.WELCOME),
    ("safety skip today", Today.REST_AFTER_SKIP),
    ("safety skip 3 days ago, exercised before", Today.DAYS_AGO),
    ("skip only, long ago", Today.WELCOME),
    ("left before start today", Today.WELCOME),
    ("exercised today", Today.DONE_TODAY),
    ("exercised yesterday", Today.YESTERDAY),
    ("yesterday, morning settled", Today.MORNING_SETTLED),
    ("yesterday, morning 9 with no before rating", Today.MORNING_NOT_SETTLED),
    ("yesterday, morning 2 with nothing to compare", Today.MORNING_UNCLEAR),
    ("sharp-pain stop", Today.AFTER_SHARP_PAIN),
    ("rest day after exercise", Today.DAYS_AGO),
    ("desk break yesterday", Today.YESTERDAY),
    ("unwell stop today, before a step was done", Today.AFTER_UNWELL),
    ("unwell stop 3 days ago, after a sharp-pain stop", Today.AFTER_UNWELL),
    ("exercised since an unwell stop", Today.YESTERDAY),
    ("unwell event on a completed session", Today.DAYS_AGO),  # not a stop: imported
])
def test_today(case, expected):
    sessions: list[Session] = []
    ratings: list[Rating] = []
    events: list[SafetyEvent] = []
    if case == "safety skip today":
        sessions = [session("a", -2, "completed"), session("k", 0, "safety_skip", 0)]
    elif case == "safety skip 3 days ago, exercised before":
        sessions = [session("a", -5, "completed"), session("k", -3, "safety_skip", 0)]
    elif case == "skip only, long ago":
        sessions = [session("k", -9, "safety_skip", 0)]
    elif case == "left before start today":
        sessions = [session("l", 0, "stopped", 0)]
    elif case == "exercised today":
        sessions = [session("a", 0, "stopped", 2)]
    elif case.startswith("yesterday") or case == "exercised yesterday":
        sessions = [session("a", -1, "completed")]
        if "settled" in case:
            ratings = [rating(3, "before", -1, "a"), rating(3, "next_morning", 0, "a")]
        elif "9" in case:
            ratings = [rating(9, "next_morning", 0, "a")]
        elif "2 with" in case:
            ratings = [rating(2, "next_morning", 0, "a")]
    elif case == "sharp-pain stop":
        sessions = [session("a", -4, "sharp_pain", 1)]
        events = [SafetyEvent("e", at(-4), "sharp_pain", "a", 2)]
    elif case == "rest day after exercise":
        sessions = [session("a", -2, "completed")]
    elif case == "desk break yesterday":
        sessions = [session("a", -1, "completed", routine="desk-break")]
    elif case == "unwell stop today, before a step was done":
        sessions = [session("a", -2, "completed"), session("u", 0, "stopped", 0)]
        events = [SafetyEvent("e", at(0), "unwell", "u", 1)]
    elif case == "unwell stop 3 days ago, after a sharp-pain stop":
        sessions = [session("p", -6, "sharp_pain", 1), session("u", -3, "stopped", 2)]
        events = [SafetyEvent("e", at(-6), "sharp_pain", "p", 2),
                  SafetyEvent("f", at(-3), "unwell", "u", 3)]
    elif case == "exercised since an unwell stop":
        sessions = [session("u", -3, "stopped", 0), session("a", -1, "completed")]
        events = [SafetyEvent("e", at(-3), "unwell", "u", 1)]
    elif case == "unwell event on a completed session":
        sessions = [session("a", -3, "completed")]
        events = [SafetyEvent("e", at(-3), "unwell", "a", None)]
    advice = today_advice(History.of(sessions, ratings, events), TODAY)
    assert advice.kind is expected
    if expected is Today.AFTER_SHARP_PAIN:
        assert advice.step == 2 and advice.day == TODAY - timedelta(days=4)
    if case == "unwell stop today, before a step was done":
        assert advice.step == 1 and advice.days == 0 and advice.routine_id == "ten"
    if case == "unwell stop 3 days ago, after a sharp-pain stop":
        assert advice.step == 3 and advice.days == 3
    if case == "desk break yesterday":
        assert advice.routine_id == "desk-break"  # the screen words it with its frequency
    if expected is Today.MORNING_NOT_SETTLED:
        assert advice.value == 9


def test_history_from_the_journal_reads_what_the_rules_need(tmp_path):
    from coach.journal import open_journal

    journal = open_journal(tmp_path / "j.sqlite3")
    s = journal.start_session("ten", at=at(-1))
    journal.add_rating(3, "before", at=at(-1), session_uid=s.uid)
    journal.end_session(s.uid, "completed", 5, at=at(-1, 11))
    journal.add_rating(5, "check_in", at=at(-4))
    journal.add_rating(6, "check_in", at=at(-400))  # far older than any session
    history = History.load(journal, TODAY)
    assert [r.value for r in history.usual_ratings] == [5, 3]
    assert history.rating(history.sessions[0], "before").value == 3
    journal.close()


def test_a_session_dated_a_year_ahead_does_not_hide_the_stops_after_it(journal):
    """A session stamped a year ahead (the clock's year set wrong for a day, then put
    right) stayed "the last session" for a year: the sharp-pain stop after it went
    unseen by Today, by the warning before a restart and by the levels."""
    from coach.advice import stop_before_restart

    now = datetime(2026, 12, 9, 12, tzinfo=TZ)
    ahead = journal.start_session("ten", at=datetime(2027, 11, 20, 9, tzinfo=TZ), level=2)
    journal.end_session(ahead.uid, "completed", 5, at=datetime(2027, 11, 20, 9, 10, tzinfo=TZ))
    journal.add_rating(1, "after", at=datetime(2027, 11, 20, 9, 11, tzinfo=TZ),
                       session_uid=ahead.uid)
    stop = journal.start_session("ten", at=datetime(2026, 12, 9, 9, tzinfo=TZ), level=2)
    journal.end_session(stop.uid, "sharp_pain", 1, at=datetime(2026, 12, 9, 9, 3, tzinfo=TZ))
    journal.add_safety_event("sharp_pain", session_uid=stop.uid, step=2,
                             at=datetime(2026, 12, 9, 9, 3, tzinfo=TZ))
    history = History.load(journal, now.date())
    assert [s.uid for s in history.sessions] == [stop.uid]
    assert today_advice(history, now.date(), now).kind is Today.AFTER_SHARP_PAIN
    assert stop_before_restart(history, "ten") is not None
    # A stop or a skip is kept whenever it is dated: it is never the one unseen.
    skip = journal.start_session("ten", at=datetime(2027, 1, 5, 9, tzinfo=TZ))
    journal.end_session(skip.uid, "safety_skip", 0, at=datetime(2027, 1, 5, 9, tzinfo=TZ))
    assert skip.uid in [s.uid for s in History.load(journal, now.date()).sessions]
    # Tomorrow's record (clocks and zones differ a little) is read, as the chart does.
    soon = journal.add_rating(3, "check_in", at=datetime(2026, 12, 10, 23, tzinfo=TZ))
    assert soon in History.load(journal, now.date()).usual_ratings
