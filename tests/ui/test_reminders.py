"""The reminder service on an injected clock (no waiting): its one timer, due once,
snooze, "not today", pause, a running session, sleep, DST, a new time zone and the
check-in on a rest day; and the reminder window's words and buttons."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from coach import paths
from coach.journal import open_journal
from coach.library import load_library
from coach.plan import DAYS, EVERY_DAY, HOURLY, Entry, Plan
from coach.schedule import Reminder, ReminderKind
from coach.ui.reminders import MAX_WAIT, ReminderService, ReminderWindow, reminder_words

#: Showing a tool window asks the platform to raise it; offscreen cannot: harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
FLAGSHIP = "ten-minute-inner-thigh"
ANKLE = "ankle-calf"
DESK = "desk-break"
CAP_MS = MAX_WAIT // timedelta(milliseconds=1)
#: A very coarse timer rounds to whole seconds; real time passes while a test runs.
SLACK_MS = 1500


def berlin(y, m, d, hh, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=BERLIN)


TUESDAY = berlin(2026, 12, 1, 7, 0)


def daily(routine=FLAGSHIP, hh=7, mm=30):
    return Entry(routine, EVERY_DAY, time(hh, mm))


def desk_break():
    return Entry(DESK, frozenset(DAYS[:5]), time(9, 0), HOURLY)


def plan_of(*entries):
    return Plan(entries=tuple(entries))


class FakeClock:
    """Now, moved by hand."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def library():
    return load_library([paths.bundled_routines_dir()])


@pytest.fixture
def make_service(qtbot, data_dir):
    """A started service on a fake clock, its state in the test's data folder."""
    made = []

    def make(plan, now=TUESDAY, *, journal=None, zone=BERLIN):
        clock = FakeClock(now)
        zones = [zone]
        service = ReminderService(plan, journal=journal,
                                  state_path=data_dir / paths.REMINDER_STATE_FILE,
                                  clock=clock, zone=lambda: zones[0])
        service.fake_clock, service.zones = clock, zones
        service.start()
        made.append(service)
        return service

    yield make
    for service in made:
        service.shutdown()


def fire(service):
    """What the timer does when it runs out (the test moved the clock first)."""
    service.timer.timeout.emit()


def remaining_ms(service):
    assert service.timer.isActive() and service.timer.isSingleShot()
    return service.timer.remainingTime()


def local(reminder):
    return reminder.at.astimezone(BERLIN).replace(tzinfo=None)


# -- the timer -------------------------------------------------------------------------
@pytest.mark.parametrize(("now", "expected_ms", "timer_type"), [
    (berlin(2026, 12, 1, 7, 20), 10 * 60_000, Qt.TimerType.VeryCoarseTimer),
    (berlin(2026, 12, 1, 6, 0), CAP_MS, Qt.TimerType.VeryCoarseTimer),  # capped
    (berlin(2026, 12, 1, 7, 29), 60_000, Qt.TimerType.VeryCoarseTimer),
])
def test_one_timer_is_armed_for_the_next_reminder_at_most_a_quarter_hour(
        make_service, now, expected_ms, timer_type):
    service = make_service(plan_of(daily()), now)
    assert abs(remaining_ms(service) - expected_ms) <= SLACK_MS
    assert service.timer.timerType() == timer_type
    assert local(service.upcoming) == datetime(2026, 12, 1, 7, 30)


def test_the_last_seconds_use_a_coarse_timer(make_service):
    service = make_service(plan_of(daily()), berlin(2026, 12, 1, 7, 29) + timedelta(seconds=30))
    assert abs(remaining_ms(service) - 30_000) <= SLACK_MS
    assert service.timer.timerType() == Qt.TimerType.CoarseTimer


def test_a_timer_that_fires_early_asks_again_and_shows_nothing(make_service, qtbot):
    service = make_service(plan_of(daily()), berlin(2026, 12, 1, 7, 29))
    service.fake_clock.now = berlin(2026, 12, 1, 7, 30) - timedelta(milliseconds=300)
    with qtbot.assertNotEmitted(service.due):
        fire(service)
    assert 0 <= remaining_ms(service) <= 300 + SLACK_MS


def test_due_at_its_time_once(make_service, qtbot):
    service = make_service(plan_of(daily()), berlin(2026, 12, 1, 7, 0))
    service.fake_clock.now = berlin(2026, 12, 1, 7, 30)
    with qtbot.waitSignal(service.due) as due, qtbot.waitSignal(service.next_changed) as nxt:
        fire(service)
    reminder = due.args[0]
    assert (reminder.kind, reminder.routine_id) == (ReminderKind.EXERCISE, FLAGSHIP)
    assert local(nxt.args[0]) == datetime(2026, 12, 2, 7, 30)  # tomorrow's
    with qtbot.assertNotEmitted(service.due):
        fire(service)
        service.fake_clock.advance(minutes=5)
        fire(service)
    assert abs(remaining_ms(service) - CAP_MS) <= SLACK_MS


def test_two_routines_at_one_time_are_both_shown(make_service, qtbot):
    service = make_service(plan_of(daily(), daily(ANKLE)), berlin(2026, 12, 1, 7, 0))
    service.fake_clock.now = berlin(2026, 12, 1, 7, 30)
    shown = []
    service.due.connect(shown.append)
    fire(service)
    assert sorted(r.routine_id for r in shown) == [ANKLE, FLAGSHIP]


# -- the user's answers ------------------------------------------------------------------
@pytest.mark.parametrize(("short", "minutes"), [(True, 10), (False, 60)])
def test_snooze_brings_it_back_after_its_time_and_not_before(make_service, qtbot, short,
                                                             minutes):
    service = make_service(plan_of(daily()), berlin(2026, 12, 1, 7, 29))
    service.fake_clock.advance(minutes=1)
    with qtbot.waitSignal(service.due) as due:
        fire(service)
    service.snooze(due.args[0], short)
    assert local(service.upcoming) == datetime(2026, 12, 1, 7, 30 + minutes % 60,
                                               ) + timedelta(hours=minutes // 60)
    service.fake_clock.advance(minutes=minutes - 1)
    with qtbot.assertNotEmitted(service.due):
        fire(service)
    assert abs(remaining_ms(service) - 60_000) <= SLACK_MS
    service.fake_clock.advance(minutes=1)
    with qtbot.waitSignal(service.due) as again:
        fire(service)
    assert again.args[0].snoozed and again.args[0].routine_id == FLAGSHIP
    with qtbot.assertNotEmitted(service.due):  # once
        service.fake_clock.advance(minutes=minutes)
        fire(service)


def test_not_today_stops_that_routine_until_tomorrow(make_service, qtbot):
    service = make_service(plan_of(desk_break(), daily(hh=12, mm=0)),
                           berlin(2026, 12, 1, 9, 59))
    service.fake_clock.advance(minutes=1)
    with qtbot.waitSignal(service.due) as due:
        fire(service)
    assert due.args[0].kind is ReminderKind.NUDGE
    service.not_today(due.args[0])
    shown = []
    service.due.connect(shown.append)
    for hour in range(11, 18):
        service.fake_clock.now = berlin(2026, 12, 1, hour)
        fire(service)
    assert [(r.routine_id, local(r).hour) for r in shown] == [(FLAGSHIP, 12)]
    assert (service.upcoming.routine_id, local(service.upcoming)) == (
        DESK, datetime(2026, 12, 2, 10, 0))
    service.fake_clock.now = berlin(2026, 12, 2, 10, 0)
    with qtbot.waitSignal(service.due) as tomorrow:
        fire(service)
    assert tomorrow.args[0].routine_id == DESK


def test_pause_for_today_and_resume(make_service, qtbot):
    service = make_service(plan_of(desk_break(), daily(hh=12, mm=0)),
                           berlin(2026, 12, 1, 10, 5))
    with qtbot.waitSignal(service.paused_changed, check_params_cb=lambda p: p is True):
        service.pause_today()
    assert service.is_paused()
    assert local(service.upcoming) == datetime(2026, 12, 2, 10, 0)
    with qtbot.assertNotEmitted(service.due):
        for hour in (11, 12, 15):
            service.fake_clock.now = berlin(2026, 12, 1, hour, 5)
            fire(service)
    with (qtbot.waitSignal(service.paused_changed, check_params_cb=lambda p: p is False),
          qtbot.assertNotEmitted(service.due)):  # what the pause held back is not "missed"
        service.resume()
    assert local(service.upcoming) == datetime(2026, 12, 1, 16, 0)


def test_a_pause_ends_with_the_day(make_service, qtbot):
    service = make_service(plan_of(daily()), berlin(2026, 12, 1, 7, 0))
    service.pause_today()
    service.fake_clock.now = berlin(2026, 12, 2, 7, 30)
    assert not service.is_paused()
    with qtbot.waitSignal(service.due):
        fire(service)


# -- a session, sleep, the state file ----------------------------------------------------
@pytest.mark.parametrize("ends", [(7, 40), (7, 50)], ids=["within grace", "long session"])
def test_nothing_during_a_session_then_shown_after_it(make_service, qtbot, ends):
    """Shown once the session ends; after a long one it was called missed "while the
    computer was asleep or Knee Coach was closed"."""
    service = make_service(plan_of(daily(ANKLE)), berlin(2026, 12, 1, 7, 10))
    service.set_session_running(True)
    with qtbot.assertNotEmitted(service.due):
        service.fake_clock.now = berlin(2026, 12, 1, 7, 30)
        fire(service)
        service.fake_clock.now = berlin(2026, 12, 1, *ends)
        fire(service)
    with qtbot.waitSignal(service.due) as due:
        service.set_session_running(False)
    assert due.args[0].kind is ReminderKind.EXERCISE and due.args[0].routine_id == ANKLE


def test_more_reminders_at_once_than_one_go_come_right_after_not_as_missed(
        make_service, qtbot):
    """Ten routines at 07:30: eight were shown and the other two came 15 minutes later
    as "missed while asleep"."""
    plan = plan_of(*(daily(f"routine-{n}") for n in range(10)))
    service = make_service(plan, berlin(2026, 12, 1, 7, 29))
    shown = []
    service.due.connect(shown.append)
    service.fake_clock.now = berlin(2026, 12, 1, 7, 30)
    fire(service)
    assert len(shown) == 8 and remaining_ms(service) <= 1
    fire(service)
    assert [r.kind for r in shown] == [ReminderKind.EXERCISE] * 10


def test_a_plan_changed_behind_the_window_is_followed(qtbot, data_dir):
    """`coach plan add/remove` while the window ran: the reminders kept the old plan
    (a removed routine still fired) while Today showed the new one."""
    from coach.plan import save_plan

    path = data_dir / paths.PLAN_FILE
    save_plan(path, plan_of(daily(FLAGSHIP, 18, 0)))
    clock = FakeClock(berlin(2026, 12, 1, 8, 0))
    service = ReminderService.open(data_dir, clock=clock, zone=lambda: BERLIN)
    try:
        service.start()
        assert service.upcoming.routine_id == FLAGSHIP
        save_plan(path, plan_of(daily(ANKLE, 9, 0)))
        clock.now = berlin(2026, 12, 1, 8, 10)
        fire(service)
        assert service.upcoming.routine_id == ANKLE
        assert local(service.upcoming) == datetime(2026, 12, 1, 9, 0)
    finally:
        service.shutdown()


def test_a_new_plan_at_noon_does_not_call_its_morning_missed(make_service, qtbot):
    service = make_service(plan_of(daily(FLAGSHIP, 18, 0)), berlin(2026, 12, 1, 7, 0))
    service.fake_clock.now = berlin(2026, 12, 1, 12, 0)  # nothing due all morning
    with qtbot.assertNotEmitted(service.due):
        service.set_plan(plan_of(daily(FLAGSHIP, 18, 0), daily(ANKLE, 10, 0)))
    assert service.upcoming.routine_id == FLAGSHIP


def test_the_planned_routine_done_in_that_session_is_not_reminded(
        make_service, qtbot, data_dir):
    journal = open_journal(data_dir / "journal.sqlite3")
    try:
        service = make_service(plan_of(daily()), berlin(2026, 12, 1, 7, 25), journal=journal)
        service.set_session_running(True)
        session = journal.start_session(FLAGSHIP, at=berlin(2026, 12, 1, 7, 26))
        service.fake_clock.now = berlin(2026, 12, 1, 7, 37)
        journal.end_session(session.uid, "completed", 5, at=service.fake_clock.now)
        with qtbot.assertNotEmitted(service.due):
            service.set_session_running(False)
            qtbot.waitUntil(lambda: not service._check_queued)
        assert local(service.upcoming) == datetime(2026, 12, 2, 7, 30)
    finally:
        service.shutdown()
        journal.close()


def test_sleep_gives_one_missed_note_not_a_flood(make_service, qtbot, data_dir):
    plan = plan_of(daily(), daily(ANKLE, 8, 30), desk_break())
    service = make_service(plan, berlin(2026, 12, 1, 7, 0))
    service.fake_clock.now = berlin(2026, 12, 1, 10, 50)  # asleep from 07:00
    shown = []
    service.due.connect(shown.append)
    fire(service)
    assert [r.kind for r in shown] == [ReminderKind.MISSED]
    assert shown[0].missed == (FLAGSHIP, ANKLE, DESK)  # each routine once
    fire(service)
    assert len(shown) == 1
    # Started again from the saved state: not said twice.
    again = ReminderService(plan, state_path=data_dir / paths.REMINDER_STATE_FILE,
                            clock=service.fake_clock, zone=lambda: BERLIN)
    with qtbot.assertNotEmitted(again.due):
        again.start()
    again.shutdown()
    service.fake_clock.now = berlin(2026, 12, 1, 11, 0)
    fire(service)
    assert [r.routine_id for r in shown[1:]] == [DESK]  # then only what comes next


@pytest.mark.parametrize("before", [
    berlin(2027, 3, 27, 7, 30),  # spring forward in the night to Sunday 28 March
    berlin(2026, 10, 24, 7, 30),  # fall back in the night to Sunday 25 October
])
def test_dst_keeps_the_wall_time(make_service, qtbot, before):
    service = make_service(plan_of(daily()), before - timedelta(minutes=1))
    service.fake_clock.now = before
    with qtbot.waitSignal(service.due):
        fire(service)
    after = service.upcoming.at.astimezone(BERLIN)
    assert (after.date() - before.date()).days == 1 and after.time() == time(7, 30)
    assert after.utcoffset() != before.utcoffset()
    service.fake_clock.now = datetime.combine(after.date(), time(7, 20), BERLIN)
    fire(service)
    assert abs(remaining_ms(service) - 10 * 60_000) <= SLACK_MS
    service.fake_clock.now = after
    with qtbot.waitSignal(service.due) as due:
        fire(service)
    assert due.args[0].at.astimezone(BERLIN).time() == time(7, 30)


def test_a_new_time_zone_is_followed_at_the_next_check(make_service, qtbot):
    service = make_service(plan_of(daily()), berlin(2026, 12, 1, 8, 0))
    service.zones[0] = TOKYO  # flew east: 16:00 in Tokyo
    service.fake_clock.now = service.fake_clock.now.astimezone(TOKYO)
    fire(service)
    upcoming = service.upcoming.at.astimezone(TOKYO)
    assert (upcoming.date().isoformat(), upcoming.time()) == ("2026-12-02", time(7, 30))


# -- rest day --------------------------------------------------------------------------
def test_a_sharp_pain_stop_turns_the_next_reminder_into_a_check_in(
        make_service, qtbot, data_dir):
    journal = open_journal(data_dir / "journal.sqlite3")
    try:
        service = make_service(plan_of(daily()), berlin(2026, 11, 30, 9, 0), journal=journal)
        assert service.upcoming.kind is ReminderKind.EXERCISE
        stopped = berlin(2026, 11, 30, 10, 4)
        session = journal.start_session(FLAGSHIP, at=berlin(2026, 11, 30, 10, 0))
        journal.add_safety_event("sharp_pain", session_uid=session.uid, step=2, at=stopped)
        journal.end_session(session.uid, "sharp_pain", 1, at=stopped)
        # The service follows the journal by itself.
        qtbot.waitUntil(lambda: service.upcoming.kind is ReminderKind.CHECK_IN)
        assert local(service.upcoming) == datetime(2026, 12, 1, 7, 30)
        service.fake_clock.now = berlin(2026, 12, 1, 7, 30)
        with qtbot.waitSignal(service.due) as due:
            fire(service)
        assert due.args[0].kind is ReminderKind.CHECK_IN and due.args[0].routine_id is None
        assert service.todays_routine() is None  # nothing to start on a rest day
    finally:
        service.shutdown()
        journal.close()


# -- the window --------------------------------------------------------------------------
def reminder(kind=ReminderKind.EXERCISE, routine_id=FLAGSHIP, missed=()):
    at = berlin(2026, 12, 1, 7, 30)
    return Reminder(kind, at, at.date(), f"{routine_id}@2026-12-01T07:30", routine_id,
                    time(7, 30), missed=missed)


@pytest.fixture
def window(qtbot, library):
    made = ReminderWindow(library.get, "en")
    qtbot.addWidget(made)
    return made


def visible_buttons(window):
    names = ("reminderStart", "reminderRate", "reminderOpen", "reminderSnooze10",
             "reminderSnooze60", "reminderNotToday", "reminderClose")
    return [n for n in names if window.findChild(type(window.start_button), n).isVisible()]


def test_window_stays_on_top_without_taking_the_keyboard(window):
    window.show_reminder(reminder())
    assert window.objectName() == "reminderWindow" and window.isVisible()
    flags = window.windowFlags()
    assert flags & Qt.WindowType.WindowStaysOnTopHint and flags & Qt.WindowType.Tool
    assert not flags & Qt.WindowType.WindowDoesNotAcceptFocus
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert not window.isModal()


@pytest.mark.parametrize(("button", "signal", "args"), [
    ("reminderStart", "start_requested", lambda r: [FLAGSHIP]),
    ("reminderSnooze10", "snooze_requested", lambda r: [r, True]),
    ("reminderSnooze60", "snooze_requested", lambda r: [r, False]),
    ("reminderNotToday", "not_today_requested", lambda r: [r]),
])
def test_window_buttons_ask_for_the_right_thing(window, qtbot, button, signal, args):
    shown = reminder()
    window.show_reminder(shown)
    assert visible_buttons(window) == ["reminderStart", "reminderSnooze10",
                                       "reminderSnooze60", "reminderNotToday"]
    heading, text = window.heading.text(), window.text.text()
    assert heading == "Time for your routine"
    assert "Ten-minute inner-quadriceps routine" in text and "min" in text
    with qtbot.waitSignal(getattr(window, signal)) as emitted:
        qtbot.mouseClick(window.findChild(type(window.start_button), button),
                         Qt.MouseButton.LeftButton)
    assert emitted.args == args(shown)
    assert not window.isVisible()


def test_check_in_asks_to_rate_instead_of_start(window, qtbot):
    window.show_reminder(reminder(ReminderKind.CHECK_IN, None))
    assert visible_buttons(window) == ["reminderRate", "reminderSnooze10",
                                       "reminderSnooze60", "reminderNotToday"]
    assert window.heading.text() == "How is your knee today?"
    with qtbot.waitSignal(window.rate_requested):
        qtbot.mouseClick(window.rate_button, Qt.MouseButton.LeftButton)


def test_missed_note_offers_start_or_close(window, qtbot):
    window.show_reminder(reminder(ReminderKind.MISSED, None, missed=(FLAGSHIP,)))
    assert visible_buttons(window) == ["reminderStart", "reminderClose"]
    assert "asleep" in window.text.text()
    with qtbot.waitSignal(window.start_requested, check_params_cb=lambda r: r == FLAGSHIP):
        qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    window.show_reminder(reminder(ReminderKind.MISSED, None, missed=(FLAGSHIP, DESK)))
    assert visible_buttons(window) == ["reminderOpen", "reminderClose"]
    with qtbot.assertNotEmitted(window.start_requested):
        qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_nudge_words(window):
    window.show_reminder(reminder(ReminderKind.NUDGE, DESK))
    assert "stand up and move for two minutes" in window.text.text()
    assert "reminderStart" in visible_buttons(window)


@pytest.mark.parametrize("kind", list(ReminderKind))
def test_words_are_kind(library, kind):
    heading, text = reminder_words(reminder(kind, FLAGSHIP, missed=(FLAGSHIP, ANKLE)),
                                   library.get, "en")
    words = f"{heading} {text}".lower()
    assert heading and text
    assert not any(bad in words for bad in ("you missed", "streak", "failed", "must"))


def test_a_clock_put_right_brings_back_the_reminder_it_had_shown_ahead(make_service):
    """The clock a day fast showed Wednesday's 07:30 reminder on Tuesday; put right,
    the real Wednesday 07:30 never came."""
    service = make_service(plan_of(daily()), berlin(2026, 12, 2, 7, 0))  # a day fast
    shown = []
    service.due.connect(shown.append)
    service.fake_clock.now = berlin(2026, 12, 2, 7, 31)
    fire(service)
    assert [r.day.isoformat() for r in shown] == ["2026-12-02"]
    service.fake_clock.now = berlin(2026, 12, 1, 12, 0)  # put right: Tuesday noon
    fire(service)  # the timer's next check
    service.fake_clock.now = berlin(2026, 12, 2, 7, 31)
    fire(service)
    assert [r.day.isoformat() for r in shown] == ["2026-12-02"] * 2
