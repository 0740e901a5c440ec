"""Reminders on the local wall clock, driven by an injected clock (no waiting): DST,
time-zone changes, sleep, snooze, "not today", pause, quiet hours, a running session
and the gentle check-in on a rest day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from coach.advice import History
from coach.journal import Rating, SafetyEvent, Session
from coach.plan import EVERY_DAY, Day, Entry, Plan
from coach.schedule import (
    SNOOZE_LONG,
    ReminderKind,
    ReminderState,
    RestReason,
    next_planned,
    next_reminder,
    occurrences,
    rest_on,
    wall_instant,
    zone_for,
)

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")
MWF = frozenset({Day.MON, Day.WED, Day.FRI})
FLAGSHIP = "ten-minute-inner-thigh"


def at(tz, y, m, d, hh=0, mm=0, fold=0):
    return datetime(y, m, d, hh, mm, tzinfo=tz, fold=fold)


def plan_of(*entries, quiet=None):
    return Plan(entries=tuple(entries), quiet_hours=quiet)


def daily(hh, mm=0, routine=FLAGSHIP, days=EVERY_DAY):
    return Entry(routine, frozenset(days), time(hh, mm))


def session(start, routine=FLAGSHIP, outcome="completed", steps=5, uid=None):
    return Session(uid or f"s-{start.isoformat()}-{routine}", routine, start,
                   start + timedelta(minutes=10), steps, outcome)


class Clock:
    """The app's loop in miniature: ask, show when due, ask again."""

    def __init__(self, plan, now, history=None, tz=None):
        self.plan, self.now, self.history, self.tz = plan, now, history, tz
        self.state = ReminderState.starting(now)

    def ask(self, **kwargs):
        return next_reminder(self.plan, self.now, self.state, history=self.history,
                             tz=self.tz, **kwargs)

    def run_until(self, moment):
        """Jump to each reminder's time up to *moment*, showing each; return them."""
        shown = []
        while True:
            reminder = self.ask()
            if reminder is None or reminder.at > moment:
                self.now = moment
                return shown
            self.now = max(self.now, reminder.at)
            self.state = self.state.mark_shown(reminder, self.now)
            shown.append(reminder)


# -- plain reminders --------------------------------------------------------------------
def test_next_reminder_is_the_next_planned_wall_time():
    plan = plan_of(Entry(FLAGSHIP, MWF, time(7, 30)))
    monday = at(LONDON, 2026, 11, 30, 6)
    reminder = next_reminder(plan, monday, ReminderState.starting(monday))
    assert reminder.kind is ReminderKind.EXERCISE and reminder.routine_id == FLAGSHIP
    assert reminder.at == at(LONDON, 2026, 11, 30, 7, 30) and not reminder.due(monday)
    assert reminder.due(at(LONDON, 2026, 11, 30, 7, 30))
    clock = Clock(plan, monday)
    shown = clock.run_until(at(LONDON, 2026, 12, 7, 0))
    assert [r.at.date() for r in shown] == [date(2026, 11, 30), date(2026, 12, 2),
                                            date(2026, 12, 4)]


def test_nothing_planned_means_no_reminder():
    now = at(LONDON, 2026, 11, 30, 6)
    assert next_reminder(Plan(), now, ReminderState.starting(now)) is None


def test_a_naive_now_is_refused():
    with pytest.raises(ValueError, match="aware"):
        next_reminder(plan_of(daily(7)), datetime(2026, 11, 30, 6))


def test_zone_for_keeps_zoneinfo_and_falls_back_to_the_fixed_offset(monkeypatch):
    assert zone_for(at(TOKYO, 2026, 1, 1)) is TOKYO
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    # What datetime.now().astimezone() gives: a fixed offset. The system zone agrees
    # with it, so its DST rules are used; a different offset is kept as it is.
    assert zone_for(datetime(2026, 1, 1, 9, tzinfo=timezone(timedelta(hours=9)))) == TOKYO
    other = datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=2)))
    assert zone_for(other) == timezone(timedelta(hours=2))


def test_a_reminder_a_little_late_is_still_shown_not_missed():
    plan = plan_of(daily(7, 30))
    clock = Clock(plan, at(LONDON, 2026, 11, 30, 7))
    clock.now = at(LONDON, 2026, 11, 30, 7, 40)  # the timer fired ten minutes late
    reminder = clock.ask()
    assert reminder.kind is ReminderKind.EXERCISE and reminder.due(clock.now)


# -- DST ----------------------------------------------------------------------------------
def test_dst_spring_forward_keeps_the_wall_time():
    clock = Clock(plan_of(daily(7, 30)), at(NY, 2026, 3, 6, 12), tz=NY)
    shown = clock.run_until(at(NY, 2026, 3, 10, 12))
    assert [r.at.astimezone(NY).strftime("%d %H:%M %z") for r in shown] == [
        "07 07:30 -0500", "08 07:30 -0400", "09 07:30 -0400", "10 07:30 -0400"]


def test_dst_fall_back_keeps_the_wall_time():
    clock = Clock(plan_of(daily(7, 30)), at(NY, 2026, 10, 30, 12), tz=NY)
    shown = clock.run_until(at(NY, 2026, 11, 3, 12))
    assert [r.at.astimezone(NY).strftime("%d %H:%M %z") for r in shown] == [
        "31 07:30 -0400", "01 07:30 -0500", "02 07:30 -0500", "03 07:30 -0500"]


def test_a_time_that_does_not_exist_fires_after_the_gap_like_rfc_5545():
    # 02:30 does not exist on 8 March 2026 in New York: taken with the offset before
    # the gap, that is 03:30 EDT.
    clock = Clock(plan_of(daily(2, 30)), at(NY, 2026, 3, 7, 12), tz=NY)
    shown = clock.run_until(at(NY, 2026, 3, 9, 12))
    assert [r.at.astimezone(NY).strftime("%d %H:%M %z") for r in shown] == [
        "08 03:30 -0400", "09 02:30 -0400"]
    assert wall_instant(date(2026, 3, 8), time(2, 30), NY) == datetime(2026, 3, 8, 7, 30,
                                                                       tzinfo=UTC)


def test_a_time_that_happens_twice_fires_once_at_the_first():
    clock = Clock(plan_of(daily(1, 30)), at(NY, 2026, 10, 31, 12), tz=NY)
    shown = clock.run_until(at(NY, 2026, 11, 1, 12))
    assert len(shown) == 1
    assert shown[0].at.astimezone(UTC) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # EDT
    # An hour later the wall clock reads 01:30 again (EST): nothing more today.
    second = at(NY, 2026, 11, 1, 1, 31, fold=1)
    reminder = next_reminder(clock.plan, second, clock.state, tz=NY)
    assert reminder.day == date(2026, 11, 2)


def test_hourly_nudges_across_dst_keep_the_wall_hours():
    plan = Plan(entries=(Entry("desk-break", EVERY_DAY, time(9), 60),), quiet_hours=None)
    found = occurrences(plan, date(2026, 3, 8), date(2026, 3, 8), NY)
    assert [o.at.astimezone(NY).hour for o in found] == list(range(10, 18))
    assert all(o.nudge for o in found)


# -- time-zone changes ----------------------------------------------------------------------
def test_flying_west_does_not_repeat_the_same_days_reminder():
    plan = plan_of(daily(7, 30))
    clock = Clock(plan, at(TOKYO, 2026, 12, 1, 6), tz=TOKYO)
    shown = clock.run_until(at(TOKYO, 2026, 12, 1, 8))
    assert [r.day for r in shown] == [date(2026, 12, 1)]
    # Landed in London the same calendar day, before 07:30 there.
    clock.tz = LONDON
    clock.now = at(LONDON, 2026, 12, 1, 6)
    reminder = clock.ask()
    assert reminder.at == at(LONDON, 2026, 12, 2, 7, 30)


def test_flying_east_follows_the_new_wall_clock():
    plan = plan_of(daily(7, 30))
    clock = Clock(plan, at(LONDON, 2026, 12, 1, 8), tz=LONDON)
    clock.run_until(at(LONDON, 2026, 12, 1, 9))
    clock.tz = TOKYO
    clock.now = at(TOKYO, 2026, 12, 2, 6)  # 21:00 London: landed in Tokyo
    reminder = clock.ask()
    assert reminder.at == at(TOKYO, 2026, 12, 2, 7, 30)
    assert reminder.at.astimezone(TOKYO).strftime("%H:%M") == "07:30"


# -- sleep ------------------------------------------------------------------------------------
def test_reminders_missed_while_asleep_are_reported_once_not_replayed():
    plan = plan_of(Entry(FLAGSHIP, MWF, time(7, 30)),
                   Entry("desk-break", EVERY_DAY, time(9), 60))
    clock = Clock(plan, at(LONDON, 2026, 11, 30, 6))
    clock.run_until(at(LONDON, 2026, 11, 30, 7, 45))
    clock.now = at(LONDON, 2026, 12, 3, 12, 5)  # woke on Thursday after lunch
    reminder = clock.ask()
    assert reminder.kind is ReminderKind.MISSED and reminder.due(clock.now)
    assert reminder.missed == ("desk-break", FLAGSHIP)  # each once, in order
    clock.state = clock.state.mark_shown(reminder, clock.now)
    after = clock.ask()  # 12:00 is five minutes late: still a reminder, the only one
    assert after.kind is ReminderKind.NUDGE and after.at == at(LONDON, 2026, 12, 3, 12)
    assert after.due(clock.now)
    clock.state = clock.state.mark_shown(after, clock.now)
    following = clock.ask()
    assert following.at == at(LONDON, 2026, 12, 3, 13) and not following.due(clock.now)


def test_sleep_without_anything_planned_in_between_reports_nothing():
    plan = plan_of(Entry(FLAGSHIP, MWF, time(7, 30)))
    clock = Clock(plan, at(LONDON, 2026, 11, 30, 8))
    clock.now = at(LONDON, 2026, 12, 1, 20)  # slept through Tuesday: nothing planned
    assert clock.ask().at == at(LONDON, 2026, 12, 2, 7, 30)


def test_reminders_missed_long_ago_are_forgotten():
    plan = plan_of(daily(7, 30))
    clock = Clock(plan, at(LONDON, 2026, 10, 1, 8))
    clock.now = at(LONDON, 2026, 11, 30, 6)  # the state is two months old
    reminder = clock.ask()
    assert reminder.kind is ReminderKind.MISSED
    assert reminder.covers_until == at(LONDON, 2026, 11, 29, 7, 30).astimezone(UTC)


def test_a_missed_session_is_not_reminded_again_later():
    plan = plan_of(Entry(FLAGSHIP, MWF, time(7, 30)))
    clock = Clock(plan, at(LONDON, 2026, 11, 30, 6))
    clock.now = at(LONDON, 2026, 11, 30, 9)  # asleep through 07:30
    clock.state = clock.state.mark_shown(clock.ask(), clock.now)
    assert clock.ask().at == at(LONDON, 2026, 12, 2, 7, 30)


# -- the user's answers -------------------------------------------------------------------------
@pytest.mark.parametrize(("delay", "minutes"), [(None, 10), (SNOOZE_LONG, 60)])
def test_snooze_brings_the_reminder_back_once(delay, minutes):
    plan = plan_of(Entry(FLAGSHIP, MWF, time(7, 30)))
    now = at(LONDON, 2026, 11, 30, 7, 30)
    state = ReminderState.starting(now)
    first = next_reminder(plan, now, state)
    state = state.snooze(first, now, delay) if delay else state.snooze(first, now)
    again = next_reminder(plan, now, state)
    assert again.snoozed and again.routine_id == FLAGSHIP
    assert again.at == now + timedelta(minutes=minutes)
    later = again.at
    state = state.mark_shown(again, later)
    assert next_reminder(plan, later, state).at == at(LONDON, 2026, 12, 2, 7, 30)


def test_snoozed_reminder_is_dropped_once_the_session_is_done():
    plan = plan_of(daily(7, 30))
    now = at(LONDON, 2026, 11, 30, 7, 30)
    state = ReminderState.starting(now)
    state = state.snooze(next_reminder(plan, now, state), now)
    history = History.of([session(at(LONDON, 2026, 11, 30, 7, 32))])
    reminder = next_reminder(plan, at(LONDON, 2026, 11, 30, 7, 45), state, history=history)
    assert reminder.day == date(2026, 12, 1)


def test_not_today_silences_that_routine_until_tomorrow():
    plan = plan_of(Entry("desk-break", EVERY_DAY, time(9), 60), daily(16, 30))
    now = at(LONDON, 2026, 11, 30, 10)
    state = ReminderState.starting(now)
    nudge = next_reminder(plan, now, state)
    assert nudge.kind is ReminderKind.NUDGE and nudge.routine_id == "desk-break"
    state = state.skip_today(nudge, now)
    reminder = next_reminder(plan, now, state)
    assert (reminder.routine_id, reminder.at) == (FLAGSHIP, at(LONDON, 2026, 11, 30, 16, 30))
    state = state.mark_shown(reminder, reminder.at)
    assert next_reminder(plan, reminder.at, state).at == at(LONDON, 2026, 12, 1, 10)


def test_pause_for_today_and_resume():
    plan = plan_of(daily(7, 30), daily(18, routine="back-of-knee"))
    now = at(LONDON, 2026, 11, 30, 12)
    state = ReminderState.starting(now).pause_today(date(2026, 11, 30))
    assert next_reminder(plan, now, state).at == at(LONDON, 2026, 12, 1, 7, 30)
    assert next_reminder(plan, now, state.resume()).at == at(LONDON, 2026, 11, 30, 18)


def test_quiet_hours_hold_no_reminders():
    quiet = (time(21, 30), time(7))
    plan = plan_of(daily(6, 45), daily(22, routine="back-of-knee"), daily(12, routine="x"),
                   quiet=quiet)
    now = at(LONDON, 2026, 11, 30, 0)
    clock = Clock(plan, now)
    shown = clock.run_until(at(LONDON, 2026, 12, 1, 23, 59))
    assert {r.at.strftime("%H:%M") for r in shown} == {"12:00"}


def test_no_reminder_while_a_session_runs():
    plan = plan_of(daily(7, 30), daily(7, 35, routine="back-of-knee"))
    now = at(LONDON, 2026, 11, 30, 7, 36)
    state = ReminderState.starting(at(LONDON, 2026, 11, 30, 7))
    running = next_reminder(plan, now, state, session_running=True)
    assert not running.due(now) and running.day == date(2026, 12, 1)
    # The session (the flagship) ended: its reminder is gone, the other one shows.
    history = History.of([session(at(LONDON, 2026, 11, 30, 7, 25))])
    after = next_reminder(plan, at(LONDON, 2026, 11, 30, 7, 38), state, history=history)
    assert after.routine_id == "back-of-knee" and after.due(at(LONDON, 2026, 11, 30, 7, 38))


def test_done_today_means_no_reminder_that_day():
    plan = plan_of(daily(18))
    history = History.of([session(at(LONDON, 2026, 11, 30, 9))])
    now = at(LONDON, 2026, 11, 30, 12)
    reminder = next_reminder(plan, now, ReminderState.starting(now), history=history)
    assert reminder.day == date(2026, 12, 1)


def test_a_safety_skip_is_not_a_done_session():
    plan = plan_of(daily(18))
    history = History.of([session(at(LONDON, 2026, 11, 29, 9), outcome="completed"),
                          session(at(LONDON, 2026, 11, 30, 9), outcome="stopped", steps=0)])
    now = at(LONDON, 2026, 11, 30, 12)
    reminder = next_reminder(plan, now, ReminderState.starting(now), history=history)
    assert reminder.day == date(2026, 11, 30)


def test_state_survives_json_and_garbage_gives_a_fresh_state():
    plan = plan_of(daily(7, 30))
    now = at(LONDON, 2026, 11, 30, 7, 30)
    state = ReminderState.starting(now)
    state = state.snooze(next_reminder(plan, now, state), now)
    state = state.pause_today(date(2026, 12, 5))
    state = state.skip_today(next_reminder(plan, now, state), now)
    assert ReminderState.from_json(state.to_json()) == state
    for garbage in (None, [], {"since": 3}, {"since": "2026-01-01T00:00:00"}, "x"):
        assert ReminderState.from_json(garbage) == ReminderState()


def test_next_planned_skips_what_is_done_today():
    plan = plan_of(daily(18), daily(19, routine="back-of-knee"))
    history = History.of([session(at(LONDON, 2026, 11, 30, 9))])
    found = next_planned(plan, at(LONDON, 2026, 11, 30, 12), history=history)
    assert (found.routine_id, found.wall) == ("back-of-knee", time(19))


# -- rest days ---------------------------------------------------------------------------------
def sharp_pain_on(moment):
    s = session(moment, outcome="sharp_pain", steps=2)
    return History.of([s], events=[SafetyEvent("e1", s.ended, "sharp_pain", s.uid, 3)])


def test_after_a_sharp_pain_stop_the_next_reminder_is_a_gentle_check_in():
    plan = plan_of(daily(7, 30), daily(18, routine="back-of-knee"),
                   Entry("desk-break", EVERY_DAY, time(9), 60))
    history = sharp_pain_on(at(LONDON, 2026, 11, 30, 19))
    clock = Clock(plan, at(LONDON, 2026, 11, 30, 20), history)
    shown = clock.run_until(at(LONDON, 2026, 12, 2, 8))
    kinds = [(r.kind, r.day, r.at.strftime("%H:%M")) for r in shown]
    assert kinds[0] == (ReminderKind.CHECK_IN, date(2026, 12, 1), "07:30")
    assert shown[0].routine_id is None and shown[0].rest.reason is RestReason.SHARP_PAIN
    assert [k for k in kinds if k[1] == date(2026, 12, 1)] == [kinds[0]]  # one, no exercise
    # After the rest days the other routines are reminded again; the one stopped waits
    # until the user chooses to do it (test_no_reminder_of_a_routine_stopped_...).
    after = [(r.routine_id, r.at.strftime("%H:%M"))
             for r in clock.run_until(at(LONDON, 2026, 12, 2, 19))
             if r.day == date(2026, 12, 2)]
    assert ("back-of-knee", "18:00") in after and ("desk-break", "10:00") in after
    assert FLAGSHIP not in {routine for routine, _at in after}


def test_after_hot_red_or_swollen_the_same_day_and_the_next_are_rest_days():
    history = History.of([session(at(LONDON, 2026, 11, 30, 7), outcome="safety_skip",
                                  steps=0)])
    assert rest_on(history, date(2026, 11, 30), LONDON).reason is RestReason.HOT_RED_SWOLLEN
    assert rest_on(history, date(2026, 12, 1), LONDON) is not None
    assert rest_on(history, date(2026, 12, 2), LONDON) is None
    assert rest_on(history, date(2026, 11, 29), LONDON) is None
    plan = plan_of(daily(7, 30), daily(18, routine="back-of-knee"))
    clock = Clock(plan, at(LONDON, 2026, 11, 30, 7, 5), history)
    first = clock.ask()
    assert first.kind is ReminderKind.CHECK_IN and first.day == date(2026, 11, 30)


def test_leaving_with_pain_in_the_red_before_the_start_is_a_rest_that_day_only():
    """"Rest today" after a rating of 8 before the start: Today and the reminders treat
    the day as a rest day (it said "Welcome ... press Start"); the next day's pain
    decides the next."""
    left = session(at(LONDON, 2026, 11, 30, 9), outcome="stopped", steps=0)
    high = Rating("b", at(LONDON, 2026, 11, 30, 9, 1), 8, "before", session_uid=left.uid)
    history = History.of([left], [high])
    assert rest_on(history, date(2026, 11, 30), LONDON).reason is RestReason.HIGH_PAIN
    assert rest_on(history, date(2026, 12, 1), LONDON) is None
    assert rest_on(History.of([left], [high._replace(value=5)]), date(2026, 11, 30),
                   LONDON) is None  # not in the red: just left
    done = left._replace(steps_completed=1)
    assert rest_on(History.of([done], [high]), date(2026, 11, 30), LONDON) is None
    plan = plan_of(daily(18))
    clock = Clock(plan, at(LONDON, 2026, 11, 30, 10), history)
    first = clock.ask()
    assert first.kind is ReminderKind.CHECK_IN and first.day == date(2026, 11, 30)


def test_a_check_in_rating_ends_the_check_in_reminders_that_day():
    history = sharp_pain_on(at(LONDON, 2026, 11, 30, 19))
    rating = Rating("r1", at(LONDON, 2026, 12, 1, 7), 3, "check_in")
    history = History.of(history.sessions, [rating], history.events)
    assert rest_on(history, date(2026, 12, 1), LONDON).checked_in
    plan = plan_of(daily(7, 30), daily(7, 45, routine="back-of-knee"))
    clock = Clock(plan, at(LONDON, 2026, 12, 1, 7, 1), history)
    assert clock.ask().day == date(2026, 12, 2)  # not 07:45 today: checked in


def test_choosing_to_exercise_after_the_stop_ends_the_rest():
    history = sharp_pain_on(at(LONDON, 2026, 11, 30, 9))
    later = session(at(LONDON, 2026, 11, 30, 17), uid="later")
    history = History.of([*history.sessions, later], events=history.events)
    assert rest_on(history, date(2026, 12, 1), LONDON) is None


def test_a_missed_check_in_is_not_reported_and_a_later_one_comes_instead():
    history = sharp_pain_on(at(LONDON, 2026, 11, 30, 19))
    plan = plan_of(daily(7, 30), daily(18, routine="back-of-knee"))
    clock = Clock(plan, at(LONDON, 2026, 11, 30, 20), history)
    clock.now = at(LONDON, 2026, 12, 1, 12)  # slept through the morning
    reminder = clock.ask()
    assert reminder.kind is ReminderKind.CHECK_IN and reminder.at.strftime("%H:%M") == "18:00"


def test_not_today_on_a_check_in_ends_check_ins_for_the_day():
    history = sharp_pain_on(at(LONDON, 2026, 11, 30, 19))
    plan = plan_of(daily(7, 30), daily(18, routine="back-of-knee"))
    now = at(LONDON, 2026, 12, 1, 7, 30)
    state = ReminderState.starting(now)
    check_in = next_reminder(plan, now, state, history=history)
    state = state.skip_today(check_in, now)
    assert next_reminder(plan, now, state, history=history).day == date(2026, 12, 2)


def test_state_file_round_trip_and_damage(tmp_path):
    from coach.schedule import load_state, save_state

    plan = plan_of(daily(7, 30))
    now = at(LONDON, 2026, 11, 30, 7, 30)
    state = ReminderState.starting(now)
    state = state.snooze(next_reminder(plan, now, state), now).pause_today(now.date())
    path = tmp_path / "reminders.json"
    save_state(path, state)
    assert load_state(path) == state
    for raw in (b"", b"[", b"\xff", b"[" * 100_000, b'{"since": 1}', b" " * 300_000):
        path.write_bytes(raw)
        assert load_state(path) == ReminderState()
    assert load_state(tmp_path / "missing.json") == ReminderState()


# -- a change of time zone: records keep the day they were recorded on ------------------
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def test_an_evening_session_before_flying_east_is_not_the_next_days():
    """19:30 on Monday in New York is 00:30 on Tuesday in London: Tuesday's reminder was
    dropped as done, and Today said "Done for today" on Tuesday morning."""
    history = History.of([session(at(NY, 2026, 11, 30, 19, 30))])
    now = at(LONDON, 2026, 12, 1, 8)
    reminder = next_reminder(plan_of(daily(10)), now, ReminderState.starting(now),
                             history=history, tz=LONDON)
    assert reminder is not None and reminder.at == at(LONDON, 2026, 12, 1, 10)


def test_the_rest_days_after_a_stop_stay_the_days_it_was_recorded_on():
    """A sharp-pain stop on Monday 07:00 in London rests Monday and Tuesday wherever the
    user is on Tuesday (in Los Angeles it still fell on Monday 23:00 and the rest ended
    a day early)."""
    stop = session(at(LONDON, 2026, 11, 30, 7), outcome="sharp_pain", steps=2)
    history = History.of([stop])
    assert rest_on(history, date(2026, 12, 1), LOS_ANGELES) is not None
    assert rest_on(history, date(2026, 12, 2), LOS_ANGELES) is None
    east = History.of([session(at(NY, 2026, 11, 29, 20), outcome="sharp_pain",
                               steps=2)])
    assert rest_on(east, date(2026, 11, 30), LONDON) is not None
    assert rest_on(east, date(2026, 12, 1), LONDON) is None


# -- snoozes, missed notes and the state file: what they must not say -----------------
def _snoozed(plan, now, history=None, delay=SNOOZE_LONG):
    state = ReminderState.starting(now)
    first = next_reminder(plan, now, state, history=history, tz=LONDON)
    return first, state.snooze(first, now, delay)


def test_a_snoozed_exercise_does_not_come_back_on_a_rest_day():
    """Snoozed at 09:00, then a sharp-pain stop in another routine at 09:09: the snooze
    brought the exercise back at 10:00 on a rest day."""
    plan = plan_of(daily(9))
    now = at(LONDON, 2026, 12, 1, 9)
    _first, state = _snoozed(plan, now)
    stop = session(at(LONDON, 2026, 12, 1, 9, 5), routine="ankle-calf", outcome="sharp_pain",
                   steps=1)
    history = History.of([stop])
    later = at(LONDON, 2026, 12, 1, 10)
    got = next_reminder(plan, later, state, history=history, tz=LONDON)
    assert got is None or not (got.snoozed and got.kind is ReminderKind.EXERCISE)


def test_a_snoozed_check_in_does_not_come_back_once_the_pain_is_rated():
    plan = plan_of(daily(9))
    stop = session(at(LONDON, 2026, 11, 30, 18), outcome="sharp_pain", steps=1)
    now = at(LONDON, 2026, 12, 1, 9)
    first, state = _snoozed(plan, now, History.of([stop]), timedelta(minutes=10))
    assert first.kind is ReminderKind.CHECK_IN
    rated = History.of([stop], [Rating("c", at(LONDON, 2026, 12, 1, 9, 3), 3, "check_in")])
    got = next_reminder(plan, at(LONDON, 2026, 12, 1, 9, 10), state, history=rated, tz=LONDON)
    assert got is None or got.kind is not ReminderKind.CHECK_IN


def test_a_snooze_of_a_routine_taken_out_of_the_plan_does_not_come_back():
    plan = plan_of(daily(9))
    now = at(LONDON, 2026, 12, 1, 9)
    _first, state = _snoozed(plan, now)
    without = plan.replan(FLAGSHIP, None, now.date())
    assert next_reminder(without, at(LONDON, 2026, 12, 1, 10), state, tz=LONDON) is None


def test_a_snooze_past_midnight_is_said_on_the_day_it_comes_back():
    plan = plan_of(daily(23, 55))
    now = at(LONDON, 2026, 12, 1, 23, 55)
    _first, state = _snoozed(plan, now)
    again = next_reminder(plan, now, state, tz=LONDON)
    assert again.snoozed and again.day == date(2026, 12, 2)


def test_what_came_due_during_a_session_is_shown_after_it_not_called_missed():
    """A nudge at 10:00 during a session from 09:50 to 10:20 became "While the computer
    was asleep or Knee Coach was closed..."."""
    plan = plan_of(Entry("desk-break", EVERY_DAY, time(9), 60))
    start, end = at(LONDON, 2026, 12, 1, 9, 50), at(LONDON, 2026, 12, 1, 10, 20)
    state = ReminderState.starting(start)
    during = next_reminder(plan, end - timedelta(minutes=1), state, tz=LONDON,
                           session_running=True)
    assert during is None or not during.due(end - timedelta(minutes=1))
    after = next_reminder(plan, end, state, tz=LONDON, held=(start, end))
    assert after.kind is ReminderKind.NUDGE and after.due(end)
    assert next_reminder(plan, end, state, tz=LONDON).kind is ReminderKind.MISSED  # (old)


def test_a_time_the_days_check_in_stood_for_is_not_missed_when_a_session_ends_the_rest():
    plan = plan_of(daily(10))
    stop = session(at(LONDON, 2026, 11, 30, 18), outcome="sharp_pain", steps=1)
    clock = Clock(plan, at(LONDON, 2026, 12, 1, 8), History.of([stop]), LONDON)
    shown = clock.run_until(at(LONDON, 2026, 12, 1, 10, 30))
    assert [r.kind for r in shown] == [ReminderKind.CHECK_IN]
    # Another routine done at 10:40 ends the rest; the 10:00 slot was the check-in's.
    clock.history = History.of([stop, session(at(LONDON, 2026, 12, 1, 10, 40),
                                              routine="ankle-calf")])
    clock.now = at(LONDON, 2026, 12, 1, 11, 15)
    got = clock.ask()
    assert got is None or got.kind is not ReminderKind.MISSED


def test_days_before_an_entry_was_planned_are_never_missed():
    plan = plan_of(Entry(FLAGSHIP, EVERY_DAY, time(7, 30), since=date(2026, 11, 30)))
    assert {o.day for o in occurrences(plan, date(2026, 11, 27), date(2026, 12, 1),
                                       LONDON)} == {date(2026, 11, 30), date(2026, 12, 1)}


def test_the_missed_note_waits_for_the_end_of_quiet_hours():
    plan = plan_of(daily(18), quiet=(time(21, 30), time(7)))
    state = ReminderState.starting(at(LONDON, 2026, 12, 1, 12))
    late = next_reminder(plan, at(LONDON, 2026, 12, 1, 23), state, tz=LONDON)
    assert late is None or late.kind is not ReminderKind.MISSED
    morning = next_reminder(plan, at(LONDON, 2026, 12, 2, 7, 5), state, tz=LONDON)
    assert morning.kind is ReminderKind.MISSED


def test_a_since_ahead_of_the_clock_does_not_silence_the_reminders():
    """A clock that ran days fast and was put right, or a hostile file: every reminder
    up to that day was skipped without a word."""
    plan = plan_of(daily(7, 30))
    state = ReminderState.starting(at(LONDON, 2026, 12, 3, 9))  # the wrong clock
    got = next_reminder(plan, at(LONDON, 2026, 12, 1, 6), state, tz=LONDON)
    assert got.at == at(LONDON, 2026, 12, 1, 7, 30)


@pytest.mark.parametrize("data", [
    {"since": "9999-12-31T23:30:00-01:00", "shown": {}, "snoozes": [], "not_today": {},
     "paused": None},
    {"since": None, "shown": {}, "not_today": {}, "paused": None, "snoozes": [
        {"key": "k", "kind": "exercise", "routine_id": ["a"], "day": "2026-12-01",
         "wall": None, "until": "2026-12-01T10:00:00+00:00"}]},
])
def test_a_hostile_state_file_is_a_fresh_start(tmp_path, data):
    import json

    from coach.schedule import load_state

    path = tmp_path / "reminders.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_state(path) == ReminderState()


def test_a_snooze_far_ahead_is_not_believed():
    """One that no snooze button makes (a hostile file) stopped the reminders with an
    OverflowError in a zone east of UTC."""
    plan = plan_of(daily(7, 30))
    now = at(TOKYO, 2026, 12, 1, 7, 30)
    state = ReminderState.starting(now)
    first = next_reminder(plan, now, state, tz=TOKYO)
    state = state.snooze(first, now)
    far = state._replace(snoozes=tuple(
        s._replace(until=datetime(9999, 12, 31, 23, 59, tzinfo=UTC)) for s in state.snoozes))
    got = next_reminder(plan, now, far, tz=TOKYO)
    assert got is not None and not got.snoozed


def test_an_entry_planned_since_a_later_day_is_in_force_from_today():
    """Made while the clock ran ahead (then put right): Today said "Planned today"
    while the reminders and `coach plan show` waited for that day. The clock is
    believed: the entry is in force from today, and yesterday is not "missed"."""
    from coach.advice import History
    from coach.today import today

    monday = at(LONDON, 2026, 11, 30, 6)
    plan = Plan(entries=(Entry("r", EVERY_DAY, time(7, 30), since=date(2026, 12, 10)),))
    reminder = next_reminder(plan, monday, ReminderState.starting(monday))
    assert reminder is not None and reminder.kind is ReminderKind.EXERCISE
    assert reminder.at == at(LONDON, 2026, 11, 30, 7, 30)
    assert next_planned(plan, monday).day == date(2026, 11, 30)
    view = today(plan, History([]), monday)
    assert view.planned == ("r",) and view.next_reminder.at == reminder.at
    assert plan.as_of(date(2026, 12, 11)) is plan  # in force already: unchanged


def test_no_reminder_of_a_routine_stopped_for_a_sharp_pain_until_it_is_done_again():
    """Two days after a sharp-pain stop Today said "Talk to a clinician before you do
    it again" while the reminders said it was time to do it. The other routines are
    still reminded; doing the routine again (a deliberate choice) brings them back."""
    stop = session(at(LONDON, 2026, 12, 7, 9), outcome="sharp_pain", steps=1)
    plan = plan_of(daily(10), daily(18, routine="ankle-calf"))
    now = at(LONDON, 2026, 12, 9, 8)
    history = History.of([stop])
    reminder = next_reminder(plan, now, ReminderState.starting(now), history=history)
    assert reminder.routine_id == "ankle-calf" and reminder.at == at(LONDON, 2026, 12, 9, 18)
    again = session(at(LONDON, 2026, 12, 9, 8, 30))
    later = at(LONDON, 2026, 12, 9, 9)
    reminder = next_reminder(plan, later, ReminderState.starting(later),
                             history=History.of([stop, again]))
    assert reminder.routine_id == "ankle-calf"  # today's was done
    tomorrow = at(LONDON, 2026, 12, 10, 8)
    reminder = next_reminder(plan, tomorrow, ReminderState.starting(tomorrow),
                             history=History.of([stop, again]))
    assert (reminder.routine_id, reminder.at) == (FLAGSHIP, at(LONDON, 2026, 12, 10, 10))


@pytest.fixture
def zone_env(monkeypatch):
    """Set $TZ for a test; the C library's zone is read again after it."""
    import time as time_module

    yield lambda key: monkeypatch.setenv("TZ", key)
    monkeypatch.undo()
    time_module.tzset()


def test_records_and_reminders_follow_a_new_zone_together(zone_env):
    """After a flight (the zone changed while the window ran) the reminders followed
    the new zone but the journal stamped records in the old one, on the day before:
    the C library reads the zone once unless told to read it again."""
    from coach.journal import now as journal_now
    from coach.schedule import local_zone

    zone_env("Europe/London")
    london = journal_now()
    zone_env("Asia/Tokyo")
    assert journal_now().utcoffset() == timedelta(hours=9) != london.utcoffset()
    assert str(local_zone()) == "Asia/Tokyo"


def test_a_posix_tz_rule_puts_the_reminders_in_the_journals_zone(zone_env):
    """TZ=JST-9 (a POSIX rule, no zone name): the journal stamped +09:00 while the
    reminders took /etc/localtime's zone and fired hours off."""
    from coach.journal import now as journal_now
    from coach.schedule import local_zone

    zone_env("JST-9")
    moment = datetime(2026, 12, 2, 12)
    assert local_zone().utcoffset(moment) == timedelta(hours=9) == journal_now().utcoffset()


def test_a_reminder_shown_while_the_clock_ran_ahead_comes_again_at_its_time():
    """With the clock a day fast, Wednesday's 07:30 reminder was shown on Tuesday;
    once the clock was put right, the real Wednesday 07:30 never came (its key was
    kept as shown). The window forgets such marks when it next checks (as_of)."""
    plan = plan_of(daily(7, 30))
    ahead = at(LONDON, 2026, 12, 2, 7, 31)  # the clock says Wednesday
    shown = next_reminder(plan, ahead, ReminderState.starting(ahead))
    assert shown.day == date(2026, 12, 2) and shown.due(ahead)
    state = ReminderState.starting(ahead).mark_shown(shown, ahead)
    right = at(LONDON, 2026, 12, 1, 12)  # put right: Tuesday noon
    state = state.as_of(right, LONDON)
    assert shown.key not in state.shown
    wednesday = at(LONDON, 2026, 12, 2, 7, 31)
    again = next_reminder(plan, wednesday, state)
    assert again.key == shown.key and again.due(wednesday)
    # A reminder shown at its time stays shown.
    kept = state.mark_shown(again, wednesday).as_of(wednesday, LONDON)
    assert again.key in kept.shown


def test_the_next_planned_session_is_not_on_a_rest_day():
    """With the knee hot this morning Today said "A rest day" while `coach plan show`
    named today's 18:00 session as next; after the rest days it named the routine
    stopped for a sharp pain, which the reminders leave out until it is done again."""
    from coach.schedule import next_planned

    plan = plan_of(daily(18), daily(19, routine="back-of-knee"))
    skip = session(at(LONDON, 2026, 12, 1, 9), outcome="safety_skip", steps=0)
    now = at(LONDON, 2026, 12, 1, 10)
    found = next_planned(plan, now, history=History.of([skip]), tz=LONDON)
    assert found.day == date(2026, 12, 3)  # today and tomorrow are rest days
    stop = session(at(LONDON, 2026, 11, 25, 9), outcome="sharp_pain", steps=1)
    found = next_planned(plan, now, history=History.of([stop]), tz=LONDON)
    assert (found.routine_id, found.day) == ("back-of-knee", date(2026, 12, 1))
    # A time in quiet hours is still planned (only no reminder comes for it).
    late = Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(23)),))
    assert next_planned(late, now, tz=LONDON).wall == time(23)


def test_a_stop_whose_clock_stepped_back_keeps_its_rest_day():
    """The clock was put back while a session ran (started 19:00 by a clock hours
    fast, stopped for a sharp pain at 10:02): the session, starting "after" its own
    stop, counted as exercise since it and cancelled the rest day it brought."""
    start = at(TOKYO, 2026, 12, 2, 19)
    stop = Session("S", FLAGSHIP, start, at(TOKYO, 2026, 12, 2, 10, 2), 0, "sharp_pain")
    event = SafetyEvent("e", at(TOKYO, 2026, 12, 2, 10, 2), "sharp_pain", "S", 1)
    for history in (History.of([stop]), History.of([stop], events=[event])):
        for day in (date(2026, 12, 2), date(2026, 12, 3)):
            assert rest_on(history, day, TOKYO).reason is RestReason.SHARP_PAIN
