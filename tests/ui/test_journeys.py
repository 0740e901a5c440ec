"""Whole journeys through the window, read back from the journal and its CSV export:
what the app records must be what happened."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from coach.csvio import export_csv
from tests.ui.conftest import rate_before_start, show_active
from tests.ui.test_trend import open_trend


def check_in_with_note(window, qtbot, value_key, note: str):
    window.check_in()
    dialog = window.findChild(QDialog, "ratingDialog")
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.rating, value_key)
    note_field = dialog.findChild(type(dialog.note), "ratingNote")
    note_field.setFocus()
    qtbot.keyClicks(note_field, note)
    qtbot.keyClick(note_field, Qt.Key.Key_Return)  # Enter in the note saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return dialog


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_enter_in_the_check_in_note_saves_the_rating(make_window, qtbot, use_language, lang):
    use_language(lang)
    window = make_window(lang=lang)
    window.show()
    check_in_with_note(window, qtbot, Qt.Key.Key_4, "stairs")
    [rating] = window.journal.ratings()
    assert (rating.value, rating.context, rating.note) == (4, "check_in", "stairs")


def test_enter_in_the_note_without_a_number_asks_for_one(make_window, qtbot):
    window = make_window()
    window.show()
    window.check_in()
    dialog = window.findChild(QDialog, "ratingDialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.note.setFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    assert window.journal.ratings() == []


def test_skip_skip_through_and_note_are_exported_as_they_happened(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    # 1. Hot, red or swollen, then back to the routines.
    window.start_selected()
    window.flow.findChild(QPushButton, "safetyNotToday").click()
    window.flow.pages.currentWidget().findChild(QPushButton, "backButton").click()
    # 2. Into the player, then → through every step, no rating after.
    window.start_selected()
    flow = window.flow
    flow.ok_button.click()
    flow.before_panel.findChild(QPushButton, "painSkip").click()
    qtbot.waitUntil(flow.player.isVisible)
    for _ in flow.routine.steps:
        qtbot.keyClick(flow.focusWidget() or flow, Qt.Key.Key_Right)
    qtbot.waitUntil(flow.after_panel.isVisible)
    flow.after_panel.findChild(QPushButton, "painSkip").click()
    flow.pages.currentWidget().findChild(QPushButton, "backButton").click()
    assert window.flow is None
    # 3. A check-in saved with Enter in its note.
    check_in_with_note(window, qtbot, Qt.Key.Key_3, "after the walk")

    out = io.StringIO()
    export_csv(window.journal, out)
    rows = out.getvalue().splitlines()
    sessions = [r for r in rows if r.startswith("session,")]
    assert len(sessions) == 2
    assert ",0,safety_skip," in sessions[0]
    assert ",0,stopped," in sessions[1]  # not "completed": no step's work ran
    assert any(",3,check_in,,after the walk," in r for r in rows)
    qtbot.waitUntil(lambda: "hot, red or swollen" not in window.today_page.today_label.text())
    assert "exercised today" not in window.today_page.today_label.text()  # no step was done


def test_the_trend_tab_shows_a_new_session_when_it_is_shown_again(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    window.journal.add_rating(5, "check_in")
    trend = open_trend(window, qtbot)
    assert trend.summary.sessions_4_weeks == 0
    window.show_page("routines")
    window.start_selected()
    flow = window.flow
    rate_before_start(qtbot, flow, Qt.Key.Key_6)
    qtbot.waitUntil(flow.player.isVisible)
    qtbot.keyClick(flow.focusWidget() or flow, Qt.Key.Key_S)  # sharp pain
    assert flow.findChild(QLabel, "sharpPainAdvice") is not None
    flow.pages.currentWidget().findChild(QPushButton, "backButton").click()
    window.show_page("trend")
    qtbot.waitUntil(lambda: len(trend.stop_marks.getData()[0]) == 1)
    assert list(trend.scatters["before"].getData()[1]) == [6]
    assert trend.summary.sessions_4_weeks == 1
    lines = [label.text() for label in trend.findChildren(QLabel, "summaryLine")]
    assert "1 session in the last 4 weeks." in lines
