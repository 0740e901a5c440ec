"""The chair stand test and the PSFS played as a user would: keys and buttons, a fake
clock for the 30 seconds, the journal checked after each answer."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QWidget

from coach import config
from coach import journal as journal_module
from coach.journal import JournalError, now
from coach.ui.app import open_settings
from coach.ui.chair_stand import ChairStandDialog, Stage
from coach.ui.psfs import PsfsDialog
from tests.test_session import FakeClock

CHAIR = journal_module.Test.CHAIR_STAND
PSFS = journal_module.Test.PSFS


@pytest.fixture
def settings(data_dir):
    settings = open_settings(data_dir)
    settings.set(config.SOUND, False)  # no audio device here; one test checks that path
    settings.set(config.VOICE, False)
    return settings


@pytest.fixture
def make_chair(qtbot, journal, settings):
    def make(lang="en"):
        clock = FakeClock()
        dialog = ChairStandDialog(journal, settings, lang, clock=clock)
        dialog.clock = clock
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        clock.advance(1)  # past the safety question's quiet moment
        return dialog

    return make


def key(qtbot, dialog, k):
    qtbot.keyClick(dialog.focusWidget() or dialog, k)


def child(dialog, kind, name):
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def to_running(qtbot, dialog):
    """Through the safety page and the practice by Return, then past the 3-2-1."""
    key(qtbot, dialog, Qt.Key.Key_Return)  # "No, continue" is the default
    assert dialog.stage is Stage.PRACTICE
    key(qtbot, dialog, Qt.Key.Key_Return)  # "Ready"
    assert dialog.stage is Stage.COUNT_IN
    dialog.clock.advance(3)
    dialog.tick()
    assert dialog.stage is Stage.RUNNING


def test_hot_knee_gives_rest_advice_and_notes_a_rest_day(qtbot, make_chair, journal):
    dialog = make_chair()
    child(dialog, QPushButton, "chairNotToday").click()
    assert child(dialog, QLabel, "restAdvice").isVisible()
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert "If one calf or thigh is painful, swollen, warm or red" in shown
    assert "With a fever or if you feel unwell, rest until you feel well again." in shown
    assert ("No test result was saved; your journal notes today as a day to rest your "
            "knee.") in shown
    assert dialog.stage is Stage.ENDED
    assert not child(dialog, QPushButton, "sharpPainButton").isVisible()
    key(qtbot, dialog, Qt.Key.Key_Return)  # Close
    assert not dialog.isVisible()
    assert journal.test_results() == []
    # The answer is kept (it used to be dropped, and Today planned exercise).
    assert [(e.kind, e.session_uid, e.note) for e in journal.safety_events()] == [
        ("not_today", None, "30-second chair stand test")]


def test_a_not_today_the_journal_could_not_keep_says_so(qtbot, make_chair, journal,
                                                         monkeypatch):
    def locked(*args, **kwargs):
        raise JournalError("another program is using the journal")

    monkeypatch.setattr(journal, "add_safety_event", locked)
    dialog = make_chair()
    child(dialog, QPushButton, "chairNotToday").click()
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert ("No test result was saved. Today could not be noted as a rest day in your "
            "journal (another program is using the journal).") in shown
    assert dialog.stage is Stage.ENDED


def test_the_safety_question_and_its_answers_stay_in_view_on_a_short_screen(
        qtbot, make_chair):
    # 1024x600 less a panel and a title bar: the instructions scroll, the question and
    # its three answers never do.
    dialog = make_chair()
    dialog.resize(1000, 520)
    qtbot.waitUntil(lambda: dialog.height() == 520)
    # The stop rule before the how-to: it was below the fold, and "No, continue"
    # started the test without it ever being seen (not clipped by the scrolled area).
    rule = child(dialog, QWidget, "chairStopRule")
    qtbot.waitUntil(lambda: rule.visibleRegion().boundingRect().size() == rule.size())
    for widget in (child(dialog, QLabel, "safetyQuestion"),
                   child(dialog, QPushButton, "chairCancel"),
                   child(dialog, QPushButton, "chairNotToday"),
                   child(dialog, QPushButton, "chairSafetyOk")):
        qtbot.waitUntil(lambda widget=widget: widget.isVisible() and dialog.rect().contains(
            QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())))


def test_close_stays_in_view_under_the_rest_advice_on_a_short_screen(qtbot, make_chair):
    dialog = make_chair()
    dialog.resize(800, 480)
    qtbot.waitUntil(lambda: dialog.height() == 480)
    child(dialog, QPushButton, "chairNotToday").click()
    close = child(dialog, QPushButton, "chairClose")
    qtbot.waitUntil(lambda: close.isVisible() and dialog.rect().contains(
        QRect(close.mapTo(dialog, QPoint(0, 0)), close.size())))


def test_a_full_run_counts_space_presses_and_saves_them_with_the_note(qtbot, make_chair,
                                                                      journal):
    dialog = make_chair()
    key(qtbot, dialog, Qt.Key.Key_Return)
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert child(dialog, QLabel, "standCountdown").text() == "3"
    key(qtbot, dialog, Qt.Key.Key_Space)  # before "Go": not a stand
    assert dialog.count == 0
    dialog.clock.advance(3)
    dialog.tick()
    assert child(dialog, QLabel, "standCountdown").text() == "30"
    assert child(dialog, QPushButton, "sharpPainButton").isVisible()
    for _ in range(12):
        dialog.clock.advance(2)
        key(qtbot, dialog, Qt.Key.Key_Space)
    assert child(dialog, QLabel, "standTally").text() == "12"
    dialog.clock.advance(10)
    dialog.tick()
    assert dialog.stage is Stage.RESULT
    assert child(dialog, QSpinBox, "standCount").value() == 12
    key(qtbot, dialog, Qt.Key.Key_Space)  # a press just too late changes nothing
    assert child(dialog, QSpinBox, "standCount").value() == 12 and dialog.isVisible()
    qtbot.keyClicks(child(dialog, QLineEdit, "standNote"), "used my hands once")
    key(qtbot, dialog, Qt.Key.Key_Return)  # Save is the default
    [result] = journal.test_results(CHAIR)
    assert (result.score, result.note, result.item) == (12, "used my hands once", None)
    assert not dialog.isVisible()


def test_the_big_button_counts_too_and_a_typed_number_wins(qtbot, make_chair, journal):
    dialog = make_chair()
    to_running(qtbot, dialog)
    for _ in range(3):
        child(dialog, QPushButton, "standButton").click()
    dialog.clock.advance(30)
    dialog.tick()
    spin = child(dialog, QSpinBox, "standCount")
    assert spin.value() == 3 and spin.hasFocus()
    qtbot.keyClicks(spin, "14")  # the whole number is selected: typing replaces it
    child(dialog, QPushButton, "saveStands").click()
    assert [r.score for r in journal.test_results()] == [14]


def test_sharp_pain_stops_at_once_keeps_the_stop_and_no_result(qtbot, make_chair, journal):
    dialog = make_chair()
    to_running(qtbot, dialog)
    key(qtbot, dialog, Qt.Key.Key_Space)
    key(qtbot, dialog, Qt.Key.Key_S)
    assert child(dialog, QLabel, "sharpPainAdvice").isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Get medical advice the same day if" in texts  # help.py's own lists
    assert "If one calf or thigh is painful, swollen, warm or red" in texts
    dialog.clock.advance(40)
    dialog.tick()
    key(qtbot, dialog, Qt.Key.Key_Space)
    assert dialog.stage is Stage.ENDED and journal.test_results() == []
    [event] = journal.safety_events()
    assert (event.kind, event.note) == ("sharp_pain", "30-second chair stand test")
    assert "The stop is noted in your journal" in texts


def test_dizzy_or_unsteady_stops_as_unwell_not_as_a_sharp_pain(qtbot, make_chair, journal):
    """The test told a dizzy user to press "Sharp pain – stop": the journal and the
    advice then spoke of a sharp pain. It has its own stop, as a session has."""
    from coach.schedule import RestReason, rest_on

    dialog = make_chair()
    to_running(qtbot, dialog)
    assert child(dialog, QPushButton, "unwellButton").isVisible()
    key(qtbot, dialog, Qt.Key.Key_U)
    assert child(dialog, QLabel, "unwellAdvice").isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "You stopped because you felt unwell" in texts
    assert dialog.findChild(QLabel, "sharpPainAdvice") is None
    assert journal.test_results() == []
    [event] = journal.safety_events()
    assert (event.kind, event.note) == ("unwell", "30-second chair stand test")
    from coach.advice import History

    history = History.load(journal, event.at.date())
    assert rest_on(history, event.at.date(), event.at.tzinfo).reason is RestReason.UNWELL


def test_the_button_stops_the_practice_too(qtbot, make_chair, journal):
    dialog = make_chair()
    key(qtbot, dialog, Qt.Key.Key_Return)
    child(dialog, QPushButton, "sharpPainButton").click()
    assert child(dialog, QLabel, "sharpPainAdvice").isVisible()
    assert journal.test_results() == []


def test_the_countdown_ends_exactly_at_thirty_seconds_of_the_clock(qtbot, make_chair):
    dialog = make_chair()
    to_running(qtbot, dialog)
    dialog.clock.advance(0.25)
    dialog.tick()
    assert dialog._timer.isActive() and dialog._timer.remainingTime() in (750, 751)
    dialog.clock.advance(29.749)  # 29.999 s in
    dialog.tick()
    assert dialog.stage is Stage.RUNNING
    assert child(dialog, QLabel, "standCountdown").text() == "1"
    key(qtbot, dialog, Qt.Key.Key_Space)
    assert dialog.count == 1
    dialog.clock.advance(0.001)  # 30 s exactly; no tick yet: the press asks the clock
    key(qtbot, dialog, Qt.Key.Key_Space)
    assert dialog.stage is Stage.RESULT and dialog.count == 1
    assert not dialog._timer.isActive()


def test_beeps_and_voice_hear_the_count_in_the_start_and_the_end(qtbot, make_chair,
                                                                 monkeypatch):
    dialog = make_chair()
    heard = []
    monkeypatch.setattr(dialog.cues, "on_event", lambda e: heard.append(
        (e.kind, e.seconds)))
    key(qtbot, dialog, Qt.Key.Key_Return)
    key(qtbot, dialog, Qt.Key.Key_Return)
    for _ in range(3):
        dialog.tick()  # a second tick in the same second says nothing twice
        dialog.clock.advance(1)
    dialog.tick()
    dialog.clock.advance(30)
    dialog.tick()
    assert heard == [("countdown", 3), ("countdown", 2), ("countdown", 1), ("started", 0),
                     ("phase_started", 0), ("finished", 0)]
    assert dialog._phrase(_event("phase_started")) == "Go"
    assert dialog._phrase(_event("finished")) == "Stop"


def _event(kind):
    from coach.session import Event

    return Event(kind)


@pytest.mark.qt_log_ignore("PulseAudioService", "pa_context_connect")
def test_without_a_sound_output_the_count_page_says_so(qtbot, make_chair, settings,
                                                       monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    settings.set(config.SOUND, True)
    dialog = make_chair()
    to_running(qtbot, dialog)
    note = child(dialog, QLabel, "cueStatus")
    assert note.isVisible() and "No sound output" in note.text()


def test_a_journal_error_keeps_the_dialog_open_with_the_count(qtbot, make_chair, journal,
                                                              monkeypatch):
    dialog = make_chair()
    to_running(qtbot, dialog)
    for _ in range(9):
        key(qtbot, dialog, Qt.Key.Key_Space)
    dialog.clock.advance(30)
    dialog.tick()
    qtbot.keyClicks(child(dialog, QLineEdit, "standNote"), "left knee hurt")

    def full(*args, **kwargs):
        raise JournalError("the disk is full")

    monkeypatch.setattr(journal, "add_test_result", full)
    child(dialog, QPushButton, "saveStands").click()
    problem = child(dialog, QLabel, "standProblem")
    assert problem.isVisible() and "the disk is full" in problem.text()
    assert dialog.isVisible() and dialog.stage is Stage.RESULT
    assert child(dialog, QSpinBox, "standCount").value() == 9
    assert child(dialog, QLineEdit, "standNote").text() == "left knee hurt"
    monkeypatch.undo()  # the disk has room again: the same screen saves
    child(dialog, QPushButton, "saveStands").click()
    assert [(r.score, r.note) for r in journal.test_results()] == [(9, "left knee hurt")]


def test_escape_asks_before_abandoning_a_running_test(qtbot, make_chair, journal):
    dialog = make_chair()
    to_running(qtbot, dialog)
    key(qtbot, dialog, Qt.Key.Key_Escape)
    box = child(dialog, QMessageBox, "confirmLeave")
    box.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible() and dialog.stage is Stage.RUNNING
    key(qtbot, dialog, Qt.Key.Key_Escape)
    child(dialog, QMessageBox, "confirmLeave").button(QMessageBox.StandardButton.Yes).click()
    assert not dialog.isVisible() and journal.test_results() == []


def test_a_recent_result_is_mentioned_but_does_not_block(qtbot, make_chair, journal):
    assert make_chair().findChild(QLabel, "recentTest") is None
    journal.add_test_result(CHAIR, 10, at=now() - timedelta(days=3))
    dialog = make_chair()
    assert "a week or more apart" in child(dialog, QLabel, "recentTest").text()
    assert "10 stands" in child(dialog, QLabel, "lastStands").text()
    to_running(qtbot, dialog)


# -- PSFS ------------------------------------------------------------------------------
@pytest.fixture
def make_psfs(qtbot, journal):
    def make(lang="en"):
        dialog = PsfsDialog(journal, lang)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def fill(qtbot, dialog, n, words=None, score=None):
    if words is not None:
        edit = child(dialog, QLineEdit, f"psfsActivity{n}")
        edit.clear()
        qtbot.keyClicks(edit, words)
    if score is not None:
        child(dialog, QSpinBox, f"psfsScore{n}").setValue(score)


def test_psfs_saves_only_the_complete_rows(qtbot, make_psfs, journal):
    dialog = make_psfs()
    # The name the Tests menu and the trend's summary use, not one of its own.
    assert dialog.windowTitle() == "Activities that are hard (PSFS)"
    fill(qtbot, dialog, 1, "climbing the stairs to the first floor", 4)
    fill(qtbot, dialog, 2, "kneeling in the garden")  # no rating: left out
    fill(qtbot, dialog, 3, score=7)  # no words: left out
    fill(qtbot, dialog, 4, "  getting out of the car  ", 0)
    child(dialog, QPushButton, "savePsfs").click()
    saved = journal.test_results(PSFS)
    assert [(r.item, r.score) for r in saved] == [
        ("climbing the stairs to the first floor", 4), ("getting out of the car", 0)]
    assert saved[0].at == saved[1].at and not dialog.isVisible()


def test_psfs_refuses_an_empty_form(qtbot, make_psfs, journal):
    dialog = make_psfs()
    fill(qtbot, dialog, 1, "walking to the shop")
    child(dialog, QPushButton, "savePsfs").click()
    assert "at least one activity" in child(dialog, QLabel, "psfsProblem").text()
    assert dialog.isVisible() and journal.test_results() == []


def test_psfs_starts_from_the_last_sittings_activities(qtbot, make_psfs, journal):
    journal.add_psfs([("stairs", 3), ("walking", 6)], at=now() - timedelta(days=30))
    journal.add_psfs([("stairs", 5), ("kneeling", 2)], at=now() - timedelta(days=2))
    dialog = make_psfs()
    assert [child(dialog, QLineEdit, f"psfsActivity{n}").text() for n in (1, 2, 3)] == [
        "stairs", "kneeling", ""]
    assert [child(dialog, QLabel, f"psfsLast{n}").text() for n in (1, 2, 3)] == [
        "5 of 10", "2 of 10", ""]
    assert dialog.focusWidget() is child(dialog, QSpinBox, "psfsScore1")
    fill(qtbot, dialog, 2, "kneeling down")
    assert child(dialog, QLabel, "psfsLast2").text() == "new activity"
    fill(qtbot, dialog, 1, score=7)
    fill(qtbot, dialog, 2, score=4)
    child(dialog, QPushButton, "savePsfs").click()
    latest = journal.test_results(PSFS)[-2:]
    assert [(r.item, r.score) for r in latest] == [("stairs", 7), ("kneeling down", 4)]


def test_psfs_return_moves_through_the_form_before_it_saves(qtbot, make_psfs, journal):
    dialog = make_psfs()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.focusWidget(), "standing up from a low chair")
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.focusWidget() is child(dialog, QSpinBox, "psfsScore1")
    qtbot.keyClicks(dialog.focusWidget(), "6")
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.focusWidget() is child(dialog, QLineEdit, "psfsActivity2")
    assert journal.test_results() == []
    child(dialog, QPushButton, "savePsfs").setFocus()
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert [(r.item, r.score) for r in journal.test_results()] == [
        ("standing up from a low chair", 6)]


def test_psfs_journal_error_keeps_what_was_typed(qtbot, make_psfs, journal, monkeypatch):
    dialog = make_psfs()
    fill(qtbot, dialog, 1, "stairs", 5)

    def busy(*args, **kwargs):
        raise JournalError("another program is using the journal")

    monkeypatch.setattr(journal, "add_psfs", busy)
    child(dialog, QPushButton, "savePsfs").click()
    assert "another program" in child(dialog, QLabel, "psfsProblem").text()
    assert dialog.isVisible()
    assert child(dialog, QLineEdit, "psfsActivity1").text() == "stairs"
    assert child(dialog, QSpinBox, "psfsScore1").value() == 5


# -- Japanese --------------------------------------------------------------------------
def shown_texts(dialog):
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
    texts += [e.placeholderText() for e in dialog.findChildren(QLineEdit)]
    return [t for t in texts if t]


def test_both_dialogs_build_and_play_in_japanese(qtbot, use_language, make_chair,
                                                 make_psfs, journal):
    use_language("ja")
    journal.add_test_result(CHAIR, 11, at=now() - timedelta(days=1))
    journal.add_psfs([("階段", 4)], at=now() - timedelta(days=1))
    rest = make_chair("ja")
    child(rest, QPushButton, "chairNotToday").click()
    stopped = make_chair("ja")
    to_running(qtbot, stopped)
    stopped.sharp_pain()
    done = make_chair("ja")
    to_running(qtbot, done)
    done.clock.advance(30)
    done.tick()
    psfs = make_psfs("ja")
    for dialog in (rest, stopped, done, psfs):
        texts = shown_texts(dialog)
        assert texts and dialog.windowTitle()
        # A translation that lost or renamed a placeholder shows its braces.
        assert not [t for t in texts if "{" in t or "}" in t]
    assert child(psfs, QLineEdit, "psfsActivity1").text() == "階段"


def test_the_safety_question_ignores_a_key_from_the_menu(qtbot, journal, settings):
    """Return pressed twice from the Tests menu, or held down, answered "Is your knee
    hot, red or swollen today?" before it could be read."""
    clock = FakeClock()
    dialog = ChairStandDialog(journal, settings, "en", clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    key(qtbot, dialog, Qt.Key.Key_Return)
    key(qtbot, dialog, Qt.Key.Key_Space)
    assert dialog.pages.currentWidget() is dialog.safety_page
    clock.advance(1)
    key(qtbot, dialog, Qt.Key.Key_Return)  # "No, continue" is the default
    assert dialog.pages.currentWidget() is dialog.practice_page


def test_the_panel_says_a_retry_soon_after_is_too_soon_to_compare(qapp):
    """A second test ten minutes after the first read "2 more than the first time: a
    meaningful change"."""
    from datetime import datetime, timedelta

    from coach.summary import Measure
    from coach.ui.function_view import chair_lines

    first = datetime(2026, 12, 1, 10).astimezone()
    soon = Measure(9, 11, 2, False, first, first + timedelta(minutes=10), 2, too_soon=True)
    lines = chair_lines(soon)
    assert lines[1].startswith("Too soon after the first time to compare")
    assert not any("meaningful" in line for line in lines)
