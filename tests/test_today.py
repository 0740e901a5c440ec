"""The Today result: action and reason codes for every branch, adherence (done of
planned, never a streak) and the plain-English message."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach import paths
from coach.advice import History
from coach.journal import Rating, SafetyEvent, Session
from coach.library import load_library
from coach.plan import EVERY_DAY, Day, Entry, Plan
from coach.schedule import ReminderKind
from coach.today import Action, Reason, adherence, today, today_json, used_to_it

LONDON = ZoneInfo("Europe/London")
FLAGSHIP = "ten-minute-inner-thigh"
MWF = frozenset({Day.MON, Day.WED, Day.FRI})
MONDAY = date(2026, 11, 30)


def at(day, hh=12, mm=0):
    return datetime.combine(day, time(hh, mm), tzinfo=LONDON)


def done(day, routine=FLAGSHIP, outcome="completed", steps=5, hh=9):
    start = at(day, hh)
    return Session(f"{routine}-{start.isoformat()}", routine, start,
                   start + timedelta(minutes=10), steps, outcome)


@pytest.fixture(scope="module")
def routines():
    return {r.id: r for r in load_library([paths.bundled_routines_dir()]).routines}


PLAN = Plan(entries=(Entry(FLAGSHIP, MWF, time(7, 30)),
                     Entry("desk-break", EVERY_DAY - {Day.SAT, Day.SUN}, time(9), 60)))


def test_no_plan_suggests_exercise(routines):
    view = today(Plan(), History([]), at(MONDAY), routines=routines)
    assert (view.action, view.reasons) == (Action.EXERCISE, (Reason.NO_PLAN, "welcome"))
    assert view.planned == () and view.next_reminder is None
    assert "No weekly plan yet" in view.message


def test_planned_and_not_done(routines):
    view = today(PLAN, History([]), at(MONDAY, 6), routines=routines)
    assert view.date == MONDAY and view.planned == (FLAGSHIP, "desk-break")
    assert view.action is Action.EXERCISE and view.reasons[0] == Reason.PLANNED
    assert view.next_reminder.at == at(MONDAY, 7, 30)
    assert view.message.startswith("Planned today: “Ten-minute inner-quadriceps routine” and "
                                   "“Two-minute desk break”.")


def test_done_today_is_a_rest(routines):
    view = today(PLAN, History.of([done(MONDAY)]), at(MONDAY, 12), routines=routines)
    assert view.done == (FLAGSHIP,) and view.action is Action.REST
    assert view.reasons == (Reason.DONE, "done_today")
    assert view.message.startswith("Done for today: “Ten-minute inner-quadriceps routine”.")


def test_one_of_two_planned_routines_done_is_not_done_for_today(routines):
    """The advice's kind "done_today" (the last session was today) shares its code with
    Today's own reason: with one of two routines done the screen said "Done for today:
    … Well done." above a Start button for the other."""
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(7, 30)),
                         Entry("ankle-calf", EVERY_DAY, time(18))))
    view = today(plan, History.of([done(MONDAY)]), at(MONDAY, 12), routines=routines)
    assert view.action is Action.EXERCISE and view.day_reason == Reason.PLANNED
    assert view.message.startswith("Planned today: “")
    assert "Done for today" not in view.message


def test_just_past_midnight_after_a_late_session_the_day_is_still_planned(routines):
    """A session from 23:50 to 00:05: at 00:30 the advice still counts it as today's
    (no night since), but the new day's plan is not done."""
    start = at(MONDAY, 23, 50)
    late = Session(f"{FLAGSHIP}-late", FLAGSHIP, start, start + timedelta(minutes=15), 5,
                   "completed")
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(7, 30)),))
    view = today(plan, History.of([late]), at(MONDAY + timedelta(1), 0, 30),
                 routines=routines)
    assert view.advice.kind.value == "done_today" and view.done == ()
    assert view.action is Action.EXERCISE
    assert view.message.startswith("Planned today: “Ten-minute inner-quadriceps routine”.")


def test_a_day_without_a_planned_routine_is_a_rest(routines):
    tuesday = MONDAY + timedelta(1)
    view = today(PLAN, History([]), at(tuesday), routines=routines)
    assert view.planned == ("desk-break",)  # nudges alone are not a training day
    assert view.action is Action.REST and view.reasons[0] == Reason.NOT_PLANNED


@pytest.mark.parametrize(("history", "reason"), [
    (History.of([done(MONDAY - timedelta(1), outcome="safety_skip", steps=0)]),
     Reason.HOT_RED_SWOLLEN),
    (History.of([done(MONDAY - timedelta(1), outcome="sharp_pain", steps=2)],
                events=[SafetyEvent("e", at(MONDAY - timedelta(1), 9, 5), "sharp_pain",
                                    f"{FLAGSHIP}-{at(MONDAY - timedelta(1), 9).isoformat()}",
                                    3)]),
     Reason.SHARP_PAIN_STOP),
    (History.of([done(MONDAY - timedelta(1), outcome="stopped", steps=0)],
                events=[SafetyEvent("e", at(MONDAY - timedelta(1), 9, 5), "unwell")]),
     Reason.UNWELL_STOP),
    # The chair stand test's safety check answered yes: no session, the same rest.
    (History.of([done(MONDAY - timedelta(3))],
                events=[SafetyEvent("e", at(MONDAY - timedelta(1), 9), "not_today")]),
     Reason.HOT_RED_SWOLLEN),
    (History.of([done(MONDAY, outcome="stopped", steps=0, hh=5)],
                [Rating("b", at(MONDAY, 5, 1), 8, "before",
                        session_uid=f"{FLAGSHIP}-{at(MONDAY, 5).isoformat()}")]),
     Reason.HIGH_PAIN),
])
def test_rest_day_asks_how_the_knee_is(routines, history, reason):
    view = today(PLAN, history, at(MONDAY, 6), routines=routines)
    assert view.action is Action.CHECK_IN and view.reasons[0] == reason
    assert view.next_reminder.kind is ReminderKind.CHECK_IN
    assert "How is your knee today?" in view.message
    assert "no exercise is planned for today" in view.message


def test_the_chair_stand_tests_not_today_is_spoken_of_as_a_skip(routines):
    """Its "Yes, or I feel unwell" saved nothing, and Today went on planning exercise."""
    history = History.of([done(MONDAY - timedelta(3))],
                         events=[SafetyEvent("e", at(MONDAY, 7), "not_today")])
    view = today(PLAN, history, at(MONDAY, 9), routines=routines)
    assert view.action is Action.CHECK_IN and view.reasons[0] == Reason.HOT_RED_SWOLLEN
    assert (view.advice.kind.value, view.advice.routine_id, view.advice.day) == (
        "rest_after_skip", None, MONDAY)
    # Exercise chosen after it ends the rest, as after a session's skip.
    later = History.of([done(MONDAY, hh=10)], events=history.events)
    assert today(PLAN, later, at(MONDAY, 11), routines=routines).action is Action.REST
    assert today(PLAN, later, at(MONDAY + timedelta(1), 9),
                 routines=routines).reasons[0] != Reason.HOT_RED_SWOLLEN


def test_after_checking_in_the_rest_day_is_a_rest(routines):
    skip = done(MONDAY, outcome="safety_skip", steps=0, hh=7)
    rating = Rating("r", at(MONDAY, 8), 4, "check_in")
    view = today(PLAN, History.of([skip], [rating]), at(MONDAY, 9), routines=routines)
    assert view.action is Action.REST
    assert view.reasons[:2] == (Reason.HOT_RED_SWOLLEN, Reason.CHECKED_IN)
    assert "Thank you for checking in" in view.message


def test_adherence_is_done_of_planned_per_week():
    history = History.of([done(MONDAY), done(MONDAY + timedelta(1)),  # Tuesday for Wednesday
                          done(MONDAY + timedelta(1), hh=18),  # twice a day counts once
                          done(MONDAY + timedelta(2), routine="desk-break")])
    week = adherence(PLAN, history, MONDAY + timedelta(3), LONDON)
    assert (week.first, week.last, week.done, week.planned) == (
        MONDAY, MONDAY + timedelta(6), 2, 3)


def test_extra_sessions_never_make_more_than_planned():
    history = History.of([done(MONDAY + timedelta(n)) for n in range(7)])
    week = adherence(PLAN, history, MONDAY, LONDON)
    assert (week.done, week.planned) == (3, 3)


def test_four_weeks_before_this_one_and_rest_days_are_not_planned():
    history = History.of([done(MONDAY - timedelta(weeks=1)),
                          done(MONDAY - timedelta(weeks=2) + timedelta(2), outcome="safety_skip",
                               steps=0)])
    four = adherence(PLAN, history, MONDAY, LONDON, 4, before_this_week=True)
    assert (four.first, four.last) == (MONDAY - timedelta(weeks=4), MONDAY - timedelta(1))
    # 12 planned; the skip on a Wednesday makes it and Thursday rest days (Wednesday's
    # session is not owed).
    assert (four.done, four.planned) == (1, 11)


def test_days_before_an_entry_was_planned_are_not_owed():
    plan = Plan(entries=(Entry(FLAGSHIP, MWF, time(7, 30), since=MONDAY + timedelta(2)),))
    week = adherence(plan, History([]), MONDAY, LONDON)
    assert week.planned == 2


def test_sessions_before_an_entry_was_planned_do_not_count_towards_it():
    """A plan made on Wednesday after sessions on Monday and Tuesday: none of its
    sessions is done yet (it said "2 of 2 planned sessions done")."""
    plan = Plan(entries=(Entry(FLAGSHIP, MWF, time(7, 30), since=MONDAY + timedelta(2)),))
    history = History.of([done(MONDAY), done(MONDAY + timedelta(1))])
    week = adherence(plan, history, MONDAY + timedelta(2), LONDON)
    assert (week.done, week.planned) == (0, 2)
    history = History.of([done(MONDAY), done(MONDAY + timedelta(2), hh=18)])
    assert adherence(plan, history, MONDAY + timedelta(2), LONDON).done == 1


def test_past_weeks_keep_the_plan_they_had_when_the_days_change():
    """Every Monday, Wednesday and Friday for four weeks, all done; then daily from this
    Monday. The four weeks before were 12 of 12 (they read 12 of 28), and this week
    counts the new daily entry alone."""
    weeks_ago = MONDAY - timedelta(weeks=4)
    history = History.of([done(weeks_ago + timedelta(weeks=w, days=d))
                          for w in range(4) for d in (0, 2, 4)] + [done(MONDAY)])
    old = Plan(entries=(Entry(FLAGSHIP, MWF, time(7, 30), since=weeks_ago),))
    plan = old.replan(FLAGSHIP, Entry(FLAGSHIP, EVERY_DAY, time(7, 30)), MONDAY)
    four = adherence(plan, history, MONDAY + timedelta(1), LONDON, 4, before_this_week=True)
    assert (four.done, four.planned) == (12, 12)
    assert adherence(plan, history, MONDAY + timedelta(1), LONDON)[2:] == (1, 7)
    # Changed on a Wednesday: Monday was owed under the old days, Wednesday on under the
    # new ones, and the Monday session counts for the old entry only.
    plan = old.replan(FLAGSHIP, Entry(FLAGSHIP, EVERY_DAY, time(7, 30)), MONDAY + timedelta(2))
    assert adherence(plan, history, MONDAY + timedelta(2), LONDON)[2:] == (1, 1 + 5)


def test_a_routine_taken_out_of_the_plan_still_counts_for_the_weeks_it_was_in():
    weeks_ago = MONDAY - timedelta(weeks=4)
    history = History.of([done(weeks_ago + timedelta(weeks=w)) for w in range(4)])
    plan = Plan(entries=(Entry(FLAGSHIP, MWF, time(7, 30), since=weeks_ago),)).replan(
        FLAGSHIP, None, MONDAY)
    four = adherence(plan, history, MONDAY, LONDON, 4, before_this_week=True)
    assert (four.done, four.planned) == (4, 12)
    assert adherence(plan, history, MONDAY, LONDON)[2:] == (0, 0)


def test_a_missed_week_is_not_a_broken_streak(routines):
    history = History.of([done(MONDAY - timedelta(weeks=2))])
    view = today(PLAN, history, at(MONDAY, 6), routines=routines)
    assert view.action is Action.EXERCISE
    for word in ("streak", "missed", "failed", "broke"):
        assert word not in view.message.lower()


def test_used_to_it_suggests_daily(routines):
    sessions = [done(MONDAY - timedelta(days=n)) for n in range(1, 16, 2)]
    history = History.of(sessions)
    assert used_to_it(history, FLAGSHIP, MONDAY, LONDON)
    view = today(PLAN, history, at(MONDAY, 6), routines=routines)
    assert Reason.READY_FOR_DAILY in view.reasons and "daily" in view.message
    assert not used_to_it(History.of(sessions[:3]), FLAGSHIP, MONDAY, LONDON)


def test_json_has_the_issue_keys(routines):
    data = today_json(today(PLAN, History([]), at(MONDAY, 6), routines=routines))
    assert list(data)[:6] == ["date", "planned", "done", "action", "reasons", "message"]
    assert data["date"] == "2026-11-30" and data["action"] == "exercise"
    assert data["next_reminder"] == {"kind": "exercise", "routine_id": FLAGSHIP,
                                     "at": "2026-11-30T07:30:00+00:00"}
    assert data["adherence"]["this_week"] == {"from": "2026-11-30", "to": "2026-12-06",
                                              "done": 0, "planned": 3}


# -- usual pain at a glance (the Today screen's small chart) -------------------------------
def test_the_glance_agrees_with_the_trend_page_and_reads_only_what_it_shows(journal):
    from coach.today import GLANCE_DAYS, pain_glance
    from coach.trend import summarise

    local = datetime.now().astimezone().tzinfo
    end = date(2026, 12, 1)
    for n in range(120):  # 4 months: 6 easing to about 3, a session's "after" too
        day = end - timedelta(days=119 - n)
        moment = datetime.combine(day, time(8), tzinfo=local)
        journal.add_rating(6 - n // 40, "check_in", at=moment)
        journal.add_rating(9, "after", at=moment + timedelta(hours=1))  # never usual pain
    glance = pain_glance(journal, end)
    assert [d for d, _ in glance.daily] == [end - timedelta(days=GLANCE_DAYS - 1 - n)
                                            for n in range(GLANCE_DAYS)]
    assert all(value == 4 for _, value in glance.daily)
    assert glance.average[-1] == (end, 4.0)
    whole = summarise(journal.ratings(), [], end)
    assert glance.change == whole.change and glance.change.points == -2


def test_first_days_reads_the_first_rated_days_of_the_contexts(journal):
    local = datetime.now().astimezone().tzinfo
    start = datetime(2026, 1, 1, 9, tzinfo=local)
    journal.add_rating(9, "after", at=start - timedelta(days=3))  # not usual pain
    for n in range(20):
        journal.add_rating(n % 11, "check_in", at=start + timedelta(days=n))
        journal.add_rating(5, "before", at=start + timedelta(days=n, hours=2))
    first = journal.first_days(("check_in", "before"), 7)
    assert list(first) == [date(2026, 1, 1) + timedelta(days=n) for n in range(7)]
    assert first[date(2026, 1, 3)] == [2, 5]


def test_the_four_weeks_before_are_judged_on_every_rating_they_need(journal):
    """Usual pain 5 every day, two lower ratings on one day: read from the journal,
    the window of usual pain ended too early for the flare-ups of five weeks back, a
    phantom flare-up made most of those weeks rest days, and "the four weeks before"
    said 1 of 1 instead of 12 of 12."""
    wednesday = MONDAY + timedelta(2)
    day = MONDAY - timedelta(days=60)
    while day <= wednesday:
        values = (2, 2) if day == MONDAY - timedelta(days=33) else (5,)
        for n, value in enumerate(values):
            journal.add_rating(value, "check_in", at=datetime.combine(
                day, time(8 + 10 * n), LONDON))
        if day.weekday() in (0, 2, 4) and day < wednesday:
            session = journal.start_session(FLAGSHIP, at=datetime.combine(day, time(10), LONDON))
            journal.end_session(session.uid, "completed", 5)
        day += timedelta(1)
    plan = Plan(entries=(Entry(FLAGSHIP, MWF, time(10), since=MONDAY - timedelta(days=90)),))
    everything = History.of(journal.sessions(), journal.ratings())
    four = adherence(plan, everything, wednesday, LONDON, 4, before_this_week=True)
    assert (four.done, four.planned) == (12, 12)
    loaded = History.load(journal, wednesday)
    assert adherence(plan, loaded, wednesday, LONDON, 4, before_this_week=True) == four


def test_after_flying_east_last_nights_session_is_not_todays(routines):
    """28 evenings done in New York, then Monday morning in London: the Sunday evening
    session was counted as Monday's ("Done for today", this week 1 of 7, the four
    weeks before 27 of 28); the journal and the summary file it under Sunday."""
    new_york = ZoneInfo("America/New_York")
    first = MONDAY - timedelta(weeks=4)
    history = History.of([done(first + timedelta(days=n), hh=19) for n in range(28)])
    history = History.of([s._replace(started=s.started.replace(tzinfo=new_york),
                                     ended=s.ended.replace(tzinfo=new_york))
                          for s in history.sessions])
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(10), since=first),))
    view = today(plan, history, at(MONDAY, 8), tz=LONDON, routines=routines)
    assert view.done == () and view.action is Action.EXERCISE
    assert view.this_week[2:] == (0, 7) and view.four_weeks[2:] == (28, 28)


@pytest.mark.parametrize(("level", "after", "morning", "reason"), [
    (1, 7, 3, Reason.RED_AT_EASIEST),  # red right after, at the easiest level
    (1, 4, 6, Reason.UNSETTLED_AT_EASIEST),  # not settled by the next morning
])
def test_the_coachs_rest_today_is_a_rest_day(routines, level, after, morning, reason):
    """After a session at the easiest level rated 7 right after (or a 6 the next
    morning), the level panel said "Rest today" while Today said "Planned today", set
    an exercise reminder and suggested the chair stand test."""
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(10)),))
    session = done(MONDAY)._replace(level=level)
    ratings = [Rating("b", at(MONDAY, 8, 55), 3, "before", session_uid=session.uid),
               Rating("a", at(MONDAY, 9, 15), after, "after", session_uid=session.uid)]
    tuesday = MONDAY + timedelta(1)
    if reason is Reason.RED_AT_EASIEST:  # known the evening before: asked to check in
        view = today(plan, History.of([session], ratings), at(tuesday, 6),
                     routines=routines)
        assert view.action is Action.CHECK_IN and view.reasons[0] == reason
        assert view.next_reminder.kind is ReminderKind.CHECK_IN
        assert Reason.CHAIR_STAND_DUE not in view.reasons
        assert "A rest day: " in view.message and "easiest level" in view.message
    ratings.append(Rating("m", at(tuesday, 7), morning, "next_morning",
                          session_uid=session.uid))
    history = History.of([session], ratings)
    view = today(plan, history, at(tuesday, 8), routines=routines)
    # The morning answer is the day's check-in: a rest day, checked in.
    assert view.action is Action.REST and view.reasons[:2] == (reason, Reason.CHECKED_IN)
    assert view.next_reminder.day > tuesday  # no exercise reminder today
    assert view.level_of(FLAGSHIP).action.value == "rest"  # the panel's "Rest today"
    later = today(plan, history, at(tuesday + timedelta(1), 8), routines=routines)
    assert later.action is Action.EXERCISE  # one day, as the coach's rule


def test_above_the_easiest_level_too_much_eases_and_is_no_rest_day(routines):
    """At level 2 the coach makes the next session easier (level 1): no rest day."""
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(10)),))
    session = done(MONDAY)._replace(level=2)
    history = History.of([session], [Rating("a", at(MONDAY, 9, 15), 7, "after",
                                            session_uid=session.uid)])
    view = today(plan, history, at(MONDAY + timedelta(1), 8), routines=routines)
    assert view.action is Action.EXERCISE
    assert view.level_of(FLAGSHIP).action.value == "ease"


def test_no_chair_stand_test_is_suggested_after_a_sharp_pain_stop(routines):
    """Two days after a sharp-pain stop (Today: talk to a clinician first) the screen
    suggested the 30-second chair stand test, a hard effort."""
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(10)),))
    stop = done(MONDAY, outcome="sharp_pain", steps=1)
    view = today(plan, History.of([stop]), at(MONDAY + timedelta(2), 8), routines=routines)
    assert view.advice.kind.value == "after_sharp_pain"
    assert Reason.CHAIR_STAND_DUE not in view.reasons
    fine = today(plan, History.of([done(MONDAY)]), at(MONDAY + timedelta(2), 8),
                 routines=routines)
    assert Reason.CHAIR_STAND_DUE in fine.reasons  # never done: due
    # Nor on a morning that has not settled ("make the next session easier").
    ratings = [Rating("b", at(MONDAY, 8), 2, "before", session_uid=done(MONDAY).uid),
               Rating("m", at(MONDAY + timedelta(1), 7), 5, "next_morning",
                      session_uid=done(MONDAY).uid)]
    sore = today(plan, History.of([done(MONDAY)], ratings), at(MONDAY + timedelta(1), 8),
                 routines=routines)
    assert sore.advice.kind.value == "morning_not_settled"
    assert Reason.CHAIR_STAND_DUE not in sore.reasons


def test_no_daily_suggestion_the_day_after_too_much(routines):
    """"You are used to the routine now: you can do it daily" stood beside the coach's
    "your pain was 7 of 10, which is too much for now"."""
    sessions = [done(MONDAY - timedelta(days=n))._replace(level=2) for n in range(1, 16, 2)]
    red = Rating("a", sessions[0].ended, 7, "after", session_uid=sessions[0].uid)
    history = History.of(sessions, [red])
    assert used_to_it(history, FLAGSHIP, MONDAY, LONDON)  # by the count of sessions
    view = today(PLAN, history, at(MONDAY, 6), routines=routines)
    assert view.level_of(FLAGSHIP).action.value == "ease"
    assert Reason.READY_FOR_DAILY not in view.reasons and "daily" not in view.message


def test_a_day_whose_session_made_it_a_rest_day_stays_planned(routines):
    """Monday done, Wednesday stopped for a sharp pain (Wednesday and Thursday rest
    days): on Friday, still to do, it said "This week: 2 of 2 planned sessions done"."""
    stop = done(MONDAY + timedelta(2), outcome="sharp_pain", steps=1)
    history = History.of([done(MONDAY), stop])
    week = adherence(PLAN, history, MONDAY + timedelta(4), LONDON)
    assert (week.done, week.planned) == (2, 3)


def test_the_morning_answer_is_the_rest_days_check_in(routines):
    """On the rest day after a red session at the easiest level, answering the morning
    question was followed by "How is your knee today? Rate your pain" again."""
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(10)),))
    session = done(MONDAY)._replace(level=1)
    ratings = [Rating("a", at(MONDAY, 9, 15), 7, "after", session_uid=session.uid)]
    tuesday = at(MONDAY + timedelta(1), 8)
    view = today(plan, History.of([session], ratings), tuesday, routines=routines)
    assert view.action is Action.CHECK_IN
    ratings.append(Rating("m", at(MONDAY + timedelta(1), 7, 30), 3, "next_morning",
                          session_uid=session.uid))
    view = today(plan, History.of([session], ratings), tuesday, routines=routines)
    assert view.action is Action.REST and Reason.CHECKED_IN in view.reasons


def test_the_command_line_gives_the_windows_safety_advice_too(routines):
    """Three days after a sharp-pain stop `coach today` said only "Planned today: …",
    while the window said to talk to a clinician before doing it again; on a long
    flare-up it said "rest a few days" on day 9 without "see a clinician"."""
    plan = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(10)),))
    stop = done(MONDAY, outcome="sharp_pain", steps=2)
    events = [SafetyEvent("e", stop.ended, "sharp_pain", stop.uid, 3)]
    view = today(plan, History.of([stop], events=events), at(MONDAY + timedelta(3), 8),
                 routines=routines)
    assert view.message.startswith("Planned today: ")
    assert view.message.endswith("Your last session (Mon 30 Nov) stopped at step 3 because "
                                 "of a sharp pain. Talk to a clinician before you do "
                                 "“Ten-minute inner-quadriceps routine” again.")
    assert today_json(view)["message"] == view.message
    # A flare-up of more than a week (usual pain 6 against a week of 2).
    ratings = [Rating(f"u{n}", at(MONDAY - timedelta(n), 9), 2, "check_in")
               for n in range(10, 17)]
    ratings += [Rating(f"f{n}", at(MONDAY - timedelta(n), 9), 6, "check_in")
                for n in range(0, 10)]
    view = today(plan, History.of([], ratings), at(MONDAY, 12), routines=routines)
    assert "flare-up" in view.message
    assert view.message.endswith("This has lasted a week or more: please see a clinician "
                                 "about it.")
