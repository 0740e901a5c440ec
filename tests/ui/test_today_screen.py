"""The Today screen in the main window: what is planned with a big Start, the rest day
after a stop, the next reminder, and the window that keeps reminders running when
closed (asked once) and quits for good from Quit."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton

from coach import config, paths
from coach.plan import EVERY_DAY, Entry, Plan, save_plan
from tests.ui.conftest import rate_before_start, show_active

#: A tool window (the reminder) asks offscreen Qt to raise it, which it cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

FLAGSHIP = "ten-minute-inner-thigh"
ANKLE = "ankle-calf"


def plan_every_day(data_dir, *routines, at=time(23, 59)):
    save_plan(data_dir / paths.PLAN_FILE,
              Plan(entries=tuple(Entry(r, EVERY_DAY, at) for r in routines)))


@pytest.fixture
def reminding(make_window, qtbot, data_dir):
    """A window on a daily plan of the flagship, shown, with its reminders running."""
    plan_every_day(data_dir, FLAGSHIP)
    window = make_window()
    show_active(window, qtbot)
    window.start_reminders()
    return window


def test_a_planned_routine_has_the_big_start_and_starts(make_window, qtbot, data_dir):
    plan_every_day(data_dir, ANKLE)
    window = make_window()
    show_active(window, qtbot)
    page = window.today_page
    assert window.current_page() == "today"
    start = page.start_button
    assert start is not None and start.objectName() == "todayStart"
    assert ANKLE.split("-")[0].title() in start.accessibleName()  # "Ankle…"
    assert window.focusWidget() is start
    start.click()
    assert window.flow is not None and window.flow.routine.id == ANKLE
    window.close_session()


def test_without_a_plan_the_reminder_line_offers_one(make_window):
    window = make_window()
    page = window.today_page
    assert "Make a weekly plan" in page.reminder_label.text()
    assert "No weekly plan yet" in page.action_label.text()
    assert "plan" not in page.action_label.text().removeprefix("No weekly plan")  # once
    assert not page.pain_row.isVisible() and not page.week_label.isVisible()


def test_after_a_sharp_pain_stop_today_asks_instead_of_starting(make_window, qtbot,
                                                                data_dir, journal):
    plan_every_day(data_dir, FLAGSHIP)
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    session = journal.start_session(FLAGSHIP, at=yesterday)
    journal.end_session(session.uid, "sharp_pain", 2, at=yesterday)
    journal.add_safety_event("sharp_pain", session_uid=session.uid, step=3, at=yesterday)
    window = make_window()
    page = window.today_page
    assert page.start_button is None
    assert page.findChild(QPushButton, "todayStart") is None
    rate = page.findChild(QPushButton, "todayCheckIn")
    assert rate is not None
    assert "sharp pain" in page.action_label.text()
    assert "Talk to a clinician" in page.today_label.text()
    rate.click()
    dialog = window.findChild(QDialog, "ratingDialog")
    assert dialog is not None and dialog.context == "check_in"
    dialog.reject()


def test_after_resting_for_high_pain_today_asks_instead_of_welcoming(make_window, qtbot,
                                                                     data_dir, journal):
    """A new user rated 8 before the start and chose "Rest today": Today said "Welcome
    ... press Start" with a big Start button."""
    window = make_window()
    show_active(window, qtbot)
    window.start_selected()
    flow = window.flow
    rate_before_start(qtbot, flow, Qt.Key.Key_8)
    qtbot.waitUntil(lambda: flow.findChild(QPushButton, "highPainRest") is not None)
    flow.findChild(QPushButton, "highPainRest").click()
    flow.pages.currentWidget().findChild(QPushButton, "backButton").click()
    page = window.today_page
    qtbot.waitUntil(lambda: "hurt a lot before the session" in page.action_label.text())
    assert not page.today_box.isVisible()  # no "Welcome ... press Start" above it
    assert page.findChild(QPushButton, "todayStart") is None
    assert page.findChild(QPushButton, "todayCheckIn") is not None


def test_the_glance_and_the_week_show_with_a_plan_and_ratings(make_window, data_dir,
                                                              journal):
    plan_every_day(data_dir, FLAGSHIP)
    now = datetime.now().astimezone().replace(hour=8, minute=0)
    for n in range(20):
        journal.add_rating(5, "check_in", at=now - timedelta(days=19 - n))
    session = journal.start_session(FLAGSHIP, at=now - timedelta(days=1))
    journal.add_rating(2, "after", at=now - timedelta(days=1), session_uid=session.uid)
    journal.end_session(session.uid, "completed", 5, at=now - timedelta(days=1))
    window = make_window()
    window.show()
    page = window.today_page
    assert page.pain_row.isVisible()
    assert page.verdict.text() == "● About the same as your first week"
    assert len(page.sparkline.daily) == 20
    assert page.week_label.isVisible() and "planned sessions done" in page.week_label.text()
    assert page.last_label.text().startswith("Last session: ")
    assert "pain right after: 2 of 10 (safe)" in page.last_label.text()  # mid-sentence: no capital


def test_a_new_plan_from_the_dialog_reaches_today_and_the_reminders(make_window, qtbot,
                                                                     data_dir):
    from coach.ui.plan_dialog import PlanDialog

    window = make_window()
    show_active(window, qtbot)
    window.start_reminders()
    assert window.reminders is not None
    window.today_page.plan_button.click()
    dialog = window.findChild(PlanDialog, "planDialog")
    save_plan(data_dir / paths.PLAN_FILE,
              Plan(entries=(Entry(ANKLE, EVERY_DAY, time(23, 59)),)))
    dialog.accept()
    assert ANKLE in window.today_page.data.view.planned
    assert window.reminders.plan.entries[0].routine_id == ANKLE


def test_closing_keeps_reminders_running_when_asked_once_and_quit_ends(reminding, qtbot):
    window = reminding

    with qtbot.assertNotEmitted(window.finished):
        window.close()
        box = window.findChild(QMessageBox, "keepRunningQuestion")
        assert box is not None and window.isVisible()  # asked first
        next(b for b in box.buttons() if b.text() == "Keep running").click()
    assert not window.isVisible() and window.reminders is not None
    assert window.settings.get(config.KEEP_RUNNING) == "yes"
    window.bring_forward()
    assert window.isVisible()
    with qtbot.assertNotEmitted(window.finished):
        window.close()  # not asked again
    assert not window.isVisible()
    with qtbot.waitSignal(window.finished):
        window.quit()
    assert window.reminders is None


def test_without_reminders_closing_ends_the_app(make_window, qtbot, data_dir):
    plan_every_day(data_dir, FLAGSHIP)
    window = make_window()
    window.settings.set(config.REMINDERS, False)
    show_active(window, qtbot)
    window.start_reminders()
    assert window.reminders is None
    with qtbot.waitSignal(window.finished):
        window.close()


def test_reminders_wait_while_a_session_runs(reminding):
    window = reminding
    window.start_selected()
    assert window.reminders.session_running
    window.close_session()
    assert not window.reminders.session_running


def test_today_heading_names_the_day(make_window):
    window = make_window()
    today = date.today()
    assert str(today.day) in window.today_page.heading.text()


def test_answering_quit_to_the_question_ends_the_app(reminding, qtbot):
    window = reminding
    window.close()
    box = window.findChild(QMessageBox, "keepRunningQuestion")
    with qtbot.waitSignal(window.finished):
        next(b for b in box.buttons() if b.text() == "Quit").click()
    assert window.settings.get(config.KEEP_RUNNING) == "no"


def test_the_today_screen_speaks_japanese(make_window, use_language):
    # Every sentence, the advice module's included: a string lupdate cannot see stays
    # English in Japanese (a wrapper around translate() hid them once).
    use_language("ja")
    window = make_window(lang="ja")
    page = window.today_page
    assert page.today_label.text().startswith("ようこそ。")
    assert page.action_label.text().startswith("週の予定はまだありません")
    assert page.start_button.text() == "開始"


def test_file_menu_exports_the_saved_plan_to_a_calendar(make_window, data_dir, tmp_path,
                                                       monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    window.export_plan_calendar()  # no plan yet: said, nothing asked
    assert window.findChild(QMessageBox, "noPlanToExport") is not None
    plan_every_day(data_dir, FLAGSHIP, at=time(7, 30))
    target = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    window.export_plan_calendar()
    text = (tmp_path / "mine.ics").read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in text and "RRULE:FREQ=WEEKLY" in text and "BEGIN:VALARM" in text
    assert window.statusBar().currentMessage() == f"Saved {tmp_path / 'mine.ics'}"


def test_quit_during_a_session_quits_once_the_session_is_ended(reminding, qtbot):
    window = reminding
    window.settings.set(config.KEEP_RUNNING, "yes")
    window.start_selected()
    flow = window.flow
    flow.ok_button.click()
    qtbot.waitUntil(flow.before_panel.isVisible)
    flow.before_panel.rating.hold_keys(0)
    flow.before_panel.rating.set_value(2)
    flow.before_panel.submit.click()
    qtbot.waitUntil(flow.player.isVisible)
    window.quit()  # asks first: the session is running
    box = flow.findChild(QMessageBox, "confirmEnd")
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(window.finished):  # ended and quit, not hidden
        box.button(QMessageBox.StandardButton.Yes).click()


def test_a_due_chair_stand_test_is_suggested_until_it_is_done(make_window, qtbot, data_dir):
    from PySide6.QtWidgets import QLabel

    from coach.journal import open_journal

    plan_every_day(data_dir, ANKLE)
    journal = open_journal(data_dir / paths.JOURNAL_FILE)
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    session = journal.start_session(ANKLE, at=yesterday)
    journal.end_session(session.uid, "completed", 3, at=yesterday + timedelta(minutes=8))
    journal.close()
    window = make_window()
    show_active(window, qtbot)
    page = window.today_page
    assert "chair_stand_due" in page.data.view.reasons
    assert page.findChild(QLabel, "chairStandDue").isVisible()
    assert page.findChild(QPushButton, "todayChairStand").isVisible()
    window.journal.add_test_result("chair_stand", 11)
    qtbot.waitUntil(lambda: page.findChild(QPushButton, "todayChairStand") is None)
    assert "chair_stand_due" not in page.data.view.reasons


def yesterdays_session(journal, routine=FLAGSHIP):
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    session = journal.start_session(routine, at=yesterday)
    journal.end_session(session.uid, "completed", 5, at=yesterday)


@pytest.mark.parametrize("planned", [True, False])
def test_after_yesterday_the_morning_question_speaks_once(make_window, data_dir, journal,
                                                           planned):
    """The box said "Yesterday: “X”. Every other day to begin with; ..." above
    "Yesterday you did “X”. How is your knee this morning?", and the first contradicted
    a plan for every day. The question names yesterday's routine; its own frequency
    speaks only when today's plan does not."""
    plan_every_day(data_dir, FLAGSHIP if planned else ANKLE)
    yesterdays_session(journal)
    page = make_window().today_page
    assert "Yesterday you did “Ten-minute" in page.morning_label.text()
    assert not page.morning_label.isHidden()
    if planned:
        assert page.today_label.isHidden()
    else:
        assert page.today_label.text() == (
            "How often to do “Ten-minute inner-quadriceps routine”: Every other day to "
            "begin with; daily once you are used to it.")
        assert not page.today_label.isHidden()


def test_a_planned_routine_says_when_it_is_planned(make_window, data_dir):
    plan_every_day(data_dir, FLAGSHIP, at=time(10, 0))
    page = make_window().today_page
    facts = [label.text() for label in page.findChildren(QLabel, "routineFacts")]
    assert facts == ["10 min 22 s, level 2, “Standard”; planned for 10:00"]


@pytest.mark.parametrize(("after", "carry_on"), [(2, True), (7, False)])
def test_a_settled_morning_says_carry_on_only_when_the_coach_does(make_window, data_dir,
                                                                  journal, after, carry_on):
    """Yesterday rated 7 right after (too much), back to usual this morning: the box
    said "the exercise suited you. Carry on at the same level." while the level panel
    under it offered an easier level. The morning's fact stays; the advice is the
    coach's."""
    plan_every_day(data_dir, FLAGSHIP)
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    session = journal.start_session(FLAGSHIP, at=yesterday, level=2)
    journal.add_rating(3, "before", at=yesterday, session_uid=session.uid)
    journal.end_session(session.uid, "completed", 5, at=yesterday)
    journal.add_rating(after, "after", at=yesterday + timedelta(minutes=11),
                       session_uid=session.uid)
    journal.add_rating(3, "next_morning", session_uid=session.uid)
    text = make_window().today_page.today_label.text()
    assert text.startswith("This morning your pain was 3 of 10, back to its usual level")
    assert ("Carry on at the same level" in text) is carry_on


def test_a_sharp_pain_in_the_chair_stand_test_is_not_called_a_session(make_window, journal):
    """The test's sharp-pain stop (no session) made Today say "a session stopped
    because of a sharp pain"."""
    journal.add_safety_event("sharp_pain", note="30-second chair stand test")
    text = make_window().today_page.action_label.text()
    assert text.startswith("A rest day: you stopped because of a sharp pain.")


def test_one_of_two_planned_routines_done_does_not_say_done_for_today(make_window, data_dir,
                                                                      journal):
    """The advice's "done_today" (the last session was today) was read as the day's
    own: "Done for today. Well done." beside the Start of the routine still to do."""
    plan_every_day(data_dir, FLAGSHIP, ANKLE)
    start = datetime.now().astimezone() - timedelta(minutes=20)
    if start.date() != date.today():
        pytest.skip("too close to midnight for a session today")
    session = journal.start_session(FLAGSHIP, at=start)
    journal.end_session(session.uid, "completed", 5, at=start + timedelta(minutes=10))
    page = make_window().today_page
    assert "Done for today" not in page.action_label.text()
    assert page.start_button is not None and ANKLE.split("-")[0].title() in \
        page.start_button.accessibleName()


def test_the_chair_stand_tests_hot_knee_answer_makes_today_a_rest_day(make_window, qtbot,
                                                                       data_dir):
    """"Yes, or I feel unwell" in the test saved nothing, and Today went on planning
    the day's exercise for a knee the user had just called hot or swollen."""
    from coach.ui.chair_stand import ChairStandDialog

    plan_every_day(data_dir, FLAGSHIP)
    window = make_window()
    show_active(window, qtbot)
    assert window.today_page.data.view.action.value == "exercise"
    window.chair_stand_test()
    dialog = window.findChild(ChairStandDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.findChild(QPushButton, "chairNotToday").click()
    dialog.findChild(QPushButton, "chairClose").click()
    page = window.today_page
    qtbot.waitUntil(lambda: page.data.view.reasons[:1] == ("hot_red_swollen",))
    assert page.data.view.action.value == "check_in"
    assert "your knee was hot, red or swollen" in page.today_label.text()


def test_a_safety_yes_is_told_as_given_with_a_readable_date(make_window, journal):
    """"Yes, or I feel unwell" was told back as "On 2026-12-02 your knee was hot, red
    or swollen": a claim the user may not have made, in a date format used nowhere
    else on the screen."""
    from coach.ui.widgets import short_day

    yesterday = datetime.now().astimezone() - timedelta(days=1)
    session = journal.start_session(FLAGSHIP, at=yesterday)
    journal.end_session(session.uid, "safety_skip", 0, at=yesterday)
    text = make_window().today_page.today_label.text()
    assert text.startswith(f"On {short_day(yesterday.date())} you said your knee was hot, "
                           "red or swollen, or that you felt unwell.")
    assert yesterday.date().isoformat() not in text


def test_every_rest_reason_has_its_own_words():
    """A rest day for a reason the window had no words for read "you said your knee was
    hot, red or swollen", the words for another reason."""
    from coach.advice import Today, TodayAdvice
    from coach.schedule import RestReason
    from coach.today import Action, Adherence, TodayView
    from coach.ui.today_view import action_words

    week = Adherence(date(2026, 11, 30), date(2026, 12, 6), 0, 0)
    said = {}
    for reason in RestReason:
        if reason is RestReason.FLARE_UP:  # said in the flare-up box above
            continue
        view = TodayView(date(2026, 12, 1), (), (), Action.CHECK_IN, (reason.value,),
                         TodayAdvice(Today.WELCOME), week, week, None, {})
        said[reason] = action_words(view)
    assert len(set(said.values())) == len(said), said


def test_a_morning_a_little_above_usual_in_the_safe_range_says_so(make_window, data_dir,
                                                                  journal):
    """A 1 the morning after a 0 before the session read "it has not settled to its
    usual level. Make the next session easier or rest for a day"."""
    plan_every_day(data_dir, FLAGSHIP)
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    session = journal.start_session(FLAGSHIP, at=yesterday, level=2)
    journal.add_rating(0, "before", at=yesterday, session_uid=session.uid)
    journal.end_session(session.uid, "completed", 5, at=yesterday)
    journal.add_rating(1, "after", at=yesterday + timedelta(minutes=11),
                       session_uid=session.uid)
    journal.add_rating(1, "next_morning", session_uid=session.uid)
    text = make_window().today_page.today_label.text()
    assert text == ("This morning your pain was 1 of 10 after yesterday's “Ten-minute "
                    "inner-quadriceps routine”: a little above your usual level, and still "
                    "in the safe range (0 to 2). Carry on at the same level.")


def test_a_rest_day_does_not_say_pick_up_where_you_left_off(make_window, journal):
    """A session three days ago, then a rating of 8 before today's start and "Rest
    today": the box said "Whenever you are ready, pick up where you left off" above
    "A rest day: … no exercise is planned for today"."""
    then = datetime.now().astimezone() - timedelta(days=3)
    session = journal.start_session(FLAGSHIP, at=then, level=2)
    journal.end_session(session.uid, "completed", 5, at=then + timedelta(minutes=10))
    left = journal.start_session(FLAGSHIP, level=2)
    journal.add_rating(8, "before", session_uid=left.uid)
    journal.end_session(left.uid, "stopped", 0)
    page = make_window().today_page
    assert "hurt a lot before the session" in page.action_label.text()
    assert "pick up where you left off" not in page.today_label.text()
    assert page.today_box.isHidden()


def test_the_glance_says_why_it_does_not_compare(make_window, journal):
    """Two months of ratings, then one in the last week: the glance said "Not enough
    ratings yet to compare with your first week" (the trend page: rate on 2 days)."""
    now = datetime.now().astimezone()
    for days in range(6, 60):
        journal.add_rating(4, "check_in", at=now - timedelta(days=days))
    page = make_window().today_page
    assert page.verdict.text() == ("Rate your pain on at least 2 days in a week to "
                                   "compare it with your first week.")
