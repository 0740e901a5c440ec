"""Routine levels in the window: the level shown and played, the coach's offer to
accept or decline, a level picked by hand, ``coach run ID --level N`` and the
flare-up state on Today."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from coach import config, paths
from coach.journal import ChoiceKind, open_journal
from coach.plan import EVERY_DAY, Entry, Plan, save_plan
from coach.ui.single_instance import Request
from tests.ui.conftest import show_active

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

FLAGSHIP = "ten-minute-inner-thigh"


def green_sessions(data_dir, days=(3, 2, 1), level: int | None = 2) -> None:
    """Sessions of the flagship on each of *days* days ago at *level*: completed,
    green right after and back to usual the next morning."""
    journal = open_journal(data_dir / paths.JOURNAL_FILE)
    now = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    for ago in days:
        start = now - timedelta(days=ago)
        session = journal.start_session(FLAGSHIP, at=start, level=level)
        journal.add_rating(2, "before", at=start - timedelta(minutes=5),
                           session_uid=session.uid)
        journal.end_session(session.uid, "completed", 5, at=start + timedelta(minutes=11))
        journal.add_rating(1, "after", at=start + timedelta(minutes=12),
                           session_uid=session.uid)
        journal.add_rating(2, "next_morning", at=start + timedelta(days=1, hours=-2),
                           session_uid=session.uid)
    journal.close()


def routines_page(window, qtbot):
    show_active(window, qtbot)
    window.show_page("routines")
    return window.details.level_panel


def test_the_level_is_shown_before_the_start_and_in_the_player(make_window, qtbot):
    window = make_window()
    panel = routines_page(window, qtbot)
    assert panel.isVisible()
    assert panel.title.text() == "Level 2 of 3, “Standard”"
    assert panel.picker is not None and panel.picker.currentIndex() == 1
    assert not panel.offer_row.isVisible()  # a first session: nothing to offer
    assert "first session" in panel.reasons.text()
    window.start_selected()
    flow = window.flow
    assert flow.routine.level == 2
    flow.ok_button.click()
    flow.before_panel.skipped.emit()
    assert flow.player.level_label.text() == "Level 2 of 3, “Standard”"
    window.close_session()
    [session] = window.journal.sessions()
    assert session.level == 2


def test_three_green_sessions_offer_the_next_level_and_accepting_takes_it(make_window, qtbot,
                                                                          data_dir):
    green_sessions(data_dir)
    window = make_window()
    panel = routines_page(window, qtbot)
    assert panel.offer_row.isVisible()
    assert panel.advice_label.text() == ("Ready for a little more? You could try level 3, "
                                         "“Harder”.")
    assert "last three days you did this routine were green" in panel.reasons.text()
    assert panel.accept.text() == "Try level 3" and panel.decline.text() == "Stay at level 2"
    panel.accept.click()
    [choice] = window.journal.level_choices()
    assert (choice.routine_id, choice.level, choice.kind) == (FLAGSHIP, 3, "accepted")
    qtbot.waitUntil(lambda: window.details.level_panel.title.text().startswith("Level 3"))
    assert not window.details.level_panel.offer_row.isVisible()
    # The steps listed are the level's own.
    assert window.details.routine.level == 3
    window.start_selected()
    assert window.flow.routine.level == 3


def test_declining_keeps_the_level_and_closes_the_offer(make_window, qtbot, data_dir):
    green_sessions(data_dir)
    window = make_window()
    panel = routines_page(window, qtbot)
    panel.decline.click()
    [choice] = window.journal.level_choices()
    assert (choice.level, choice.kind) == (3, ChoiceKind.DECLINED)
    qtbot.waitUntil(lambda: not window.details.level_panel.offer_row.isVisible())
    assert window.details.level_panel.title.text().startswith("Level 2")
    window.start_selected()
    assert window.flow.routine.level == 2


def test_any_level_can_be_picked_by_hand(make_window, qtbot):
    window = make_window()
    panel = routines_page(window, qtbot)
    panel.picker.setCurrentIndex(0)
    panel.picker.activated.emit(0)
    [choice] = window.journal.level_choices()
    assert (choice.level, choice.kind) == (1, ChoiceKind.CHOSEN)
    qtbot.waitUntil(lambda: window.details.level_panel.title.text() ==
                    "Level 1 of 3, “Easier”")


def test_the_routine_list_gives_the_length_at_the_coachs_level(make_window, qtbot):
    # The list said the standard level's length while the details (and the session)
    # used the level the coach picks; a level picked by hand changes both.
    from coach.ui.widgets import duration_text

    window = make_window()
    panel = routines_page(window, qtbot)
    routine = window.library.get(FLAGSHIP)
    item = window.routine_list.currentItem()

    def length(level):
        return duration_text(routine.at_level(level).total_seconds)

    assert length(1) != length(2)
    assert item.text().endswith("\n" + length(2))
    panel.picker.setCurrentIndex(0)
    panel.picker.activated.emit(0)
    qtbot.waitUntil(lambda: item.text().endswith("\n" + length(1)))
    assert window.details.findChild(QLabel, "routineFacts").text().startswith(length(1))


def test_a_level_picked_on_the_safety_check_opens_the_session_at_that_level(make_window,
                                                                            qtbot):
    window = make_window()
    show_active(window, qtbot)
    window.open_routine(FLAGSHIP)
    flow = window.flow
    picker = flow.level_panel.picker
    picker.setCurrentIndex(2)
    picker.activated.emit(2)
    assert window.flow is not flow and window.flow.routine.level == 3
    assert window.journal.sessions() == []  # nothing of the first one was recorded
    window.flow.ok_button.click()
    assert window.journal.sessions()[0].level == 3


def test_run_with_a_level_starts_there_and_an_unknown_level_says_so(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    assert window.open_routine(FLAGSHIP, level=1)
    assert window.flow.routine.level == 1
    window.close_session()
    assert window.open_routine(FLAGSHIP, level=9)
    box = window.findChild(QMessageBox, "noSuchLevel")
    assert box is not None and "has no level 9: it has levels 1 to 3" in box.text()
    assert window.flow.routine.level == 2
    box.close()


def test_a_second_launch_passes_the_level_on():
    assert Request.decode(Request(FLAGSHIP, 3).encode()) == Request(FLAGSHIP, 3)
    assert Request.decode(Request(FLAGSHIP).encode()) == Request(FLAGSHIP, None)
    assert Request.decode(b'{"action": "run", "routine": "x", "level": 0}') is None
    assert Request.decode(b'{"action": "run", "routine": "x", "level": "2"}') is None


def test_a_flare_up_asks_for_rest_kindly_and_offers_the_easiest_level(make_window, qtbot,
                                                                      data_dir):
    journal = open_journal(data_dir / paths.JOURNAL_FILE)
    now = datetime.now().astimezone()
    for ago in range(2, 9):  # a usual week at 2 of 10...
        journal.add_rating(2, "check_in", at=now - timedelta(days=ago))
    journal.add_rating(6, "check_in", at=now - timedelta(days=1))  # ...then a jump
    journal.close()
    save_plan(data_dir / paths.PLAN_FILE, Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(23, 59)),)))
    window = make_window()
    show_active(window, qtbot)
    page = window.today_page
    assert page.data.view.action == "check_in" and "flare_up" in page.data.view.reasons
    words = page.today_label.text()
    assert "flare-up" in words and "not a failure" in words
    assert "Welcome" not in words  # the flare-up, not a first-start greeting, is today's news
    assert page.action_label.text().startswith("How is your knee today?")
    advice = page.data.view.level_of(FLAGSHIP)
    assert (advice.action, advice.recommended_level) == ("rest", 1)
    easiest = [b for b in page.findChildren(type(page.plan_button))
               if b.text() == "Start the easiest level"]
    assert len(easiest) == 1
    easiest[0].click()
    assert window.flow is not None and window.flow.routine.level == 1


def test_today_carries_the_offer_for_a_planned_routine(make_window, qtbot, data_dir):
    green_sessions(data_dir)
    save_plan(data_dir / paths.PLAN_FILE,
              Plan(entries=(Entry(FLAGSHIP, EVERY_DAY, time(23, 59)),)))
    window = make_window()
    show_active(window, qtbot)
    offer = window.today_page.findChild(type(window.details.level_panel), "todayLevelOffer")
    assert offer is not None and offer.isVisible()
    assert offer.accept.text() == "Try level 3"
    offer.accept.click()
    assert window.journal.level_choices()[0].kind == "accepted"
    qtbot.waitUntil(lambda: window.today_page.findChild(
        type(window.details.level_panel), "todayLevelOffer") is None)
    window.today_page.start_button.click()
    assert window.flow.routine.level == 3


def test_a_weaker_leg_chosen_for_a_routine_adds_its_extra_work(make_window, qtbot):
    window = make_window()
    panel = routines_page(window, qtbot)
    details = window.details
    routine = window.selected_routine()
    # Once failed in CI (1 run in 9, not reproduced): wait for the row rather than
    # assume it, and say what was shown if it never comes.
    def row_shown() -> None:
        assert details.weaker_row.isVisible(), (
            routine.id, getattr(details.routine, "id", None), window.current_page(),
            details.isVisible())

    qtbot.waitUntil(row_shown)
    assert details.weaker_side.currentData() == ""
    steps = len(details.routine.steps)
    details.weaker_side.setCurrentIndex(2)
    details.weaker_side.activated.emit(2)
    assert window.settings.get(config.weaker_side(routine.id)) == "right"
    assert len(details.routine.steps) == steps + 1
    assert panel.isVisible()
    window.start_selected()
    extra = [s for s in window.flow.routine.steps if s.title.en.endswith("weaker leg")]
    assert len(extra) == 1 and extra[0].sides == "right"


def test_a_level_that_could_not_be_saved_on_the_safety_check_is_said(make_window, qtbot,
                                                                     monkeypatch):
    """The message went to the status bar, hidden during a session, and the list
    showed "3. Harder" while level 2 was what would be played."""
    from PySide6.QtWidgets import QMessageBox

    from tests.test_recorder import Outage

    window = make_window()
    show_active(window, qtbot)
    window.open_routine(FLAGSHIP)
    flow = window.flow
    outage = Outage(window.journal, monkeypatch)
    outage.down = True
    picker = flow.level_panel.picker
    picker.setCurrentIndex(2)
    picker.activated.emit(2)
    box = window.findChild(QMessageBox, "levelNotSaved")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "Your level is unchanged" in box.text()
    assert window.flow is flow and flow.routine.level == 2
    assert picker.currentIndex() == 1  # back at level 2, as played


def test_the_list_gives_the_length_with_a_weaker_legs_extra_work(make_window, qtbot):
    """The details said 11 min 7 s with the left leg's extra presses, the list beside
    them still 10 min 22 s."""
    from coach.ui.widgets import duration_text

    window = make_window()
    routines_page(window, qtbot)
    routine = window.library.get(FLAGSHIP)
    item = window.routine_list.currentItem()
    combo = window.details.weaker_side
    combo.setCurrentIndex(combo.findData("left"))
    combo.activated.emit(combo.currentIndex())
    longer = duration_text(routine.at_level(2).for_weaker_side("left").total_seconds)
    assert longer != duration_text(routine.at_level(2).total_seconds)
    qtbot.waitUntil(lambda: item.text().endswith("\n" + longer))
    assert window.details.findChild(QLabel, "routineFacts").text().startswith(longer)


def test_the_details_say_how_much_of_the_length_is_the_weaker_legs(make_window, qtbot):
    """With a weaker leg chosen the details said "11 min 7 s" right above the
    routine's own "About ten and a half minutes in all": they now say how much of
    it is the extra work."""
    from coach.ui.widgets import duration_text

    window = make_window()
    routines_page(window, qtbot)
    routine = window.library.get(FLAGSHIP).at_level(2)
    facts = window.details.findChild(QLabel, "routineFacts")
    assert "weaker leg" not in facts.text()  # none chosen: the routine as written
    combo = window.details.weaker_side
    combo.setCurrentIndex(combo.findData("left"))
    combo.activated.emit(combo.currentIndex())
    extra = routine.for_weaker_side("left").total_seconds - routine.total_seconds
    qtbot.waitUntil(lambda: "weaker leg" in window.details.findChild(
        QLabel, "routineFacts").text())
    text = window.details.findChild(QLabel, "routineFacts").text()
    assert f"with {duration_text(extra)} for your weaker leg" in text
