import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QMessageBox, QPushButton

from coach import config
from coach.ui.app import open_settings
from tests.conftest import FLAGSHIP
from tests.ui.conftest import show_active


def texts(widget):
    return [label.text() for label in widget.findChildren(QLabel)]


def test_lists_bundled_routines_with_the_flagship_first(make_window):
    window = make_window()
    routines = window.findChild(type(window.routine_list), "routineList")
    assert routines.count() == 6
    assert routines.item(0).text().startswith("Ten-minute inner-quadriceps routine\n10 min 22 s")
    assert window.selected_routine().id == FLAGSHIP
    shown = texts(window.details)
    assert "Ten-minute inner-quadriceps routine" in shown
    assert "Before you start" in shown
    assert any("Do not train while your knee is hot" in t for t in shown)
    assert window.findChild(QPushButton, "startButton").isEnabled()


def test_every_step_line_says_how_it_is_sided(make_window):
    """A step the legs take in turns said "(2 min 52 s, )": each way a step can be
    sided has its words, and an unsided step has none."""
    from coach.routine import SIDES
    from coach.ui.routine_view import sides_text

    window = make_window()
    for sides in SIDES:
        step = window.selected_routine().steps[0]._replace(sides=sides)
        assert bool(sides_text(step)) == (sides != "none")
    shown = texts(window.details)
    assert any("Under-knee press" in t and "legs take turns)" in t for t in shown)
    for row in range(window.routine_list.count()):
        window.routine_list.setCurrentRow(row)
        assert not [t for t in texts(window.details) if ", )" in t or "()" in t]


def test_routines_tab_is_built_once_the_window_is_painted(make_window, qtbot):
    window = make_window()
    # Not part of the first screen (Today): built right after the first paint.
    assert window.findChild(QPushButton, "startButton") is None
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "startButton") is not None)
    assert window.findChild(QListWidget, "routineList").count() == 6
    assert window.findChild(QPushButton, "startButton").isEnabled()


@pytest.mark.parametrize("how", ["saved_page", "ctrl_2"])
def test_routines_tab_is_built_when_first_shown(make_window, qtbot, how):
    if how == "saved_page":
        make_window().settings.set(config.PAGE, "routines")
    window = make_window()
    if how == "ctrl_2":
        show_active(window, qtbot)
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.tab_pages["routines"]
    routines = window.findChild(QListWidget, "routineList")
    assert routines is not None and routines.count() == 6
    assert routines.currentItem() is not None
    assert window.findChild(QPushButton, "startButton").isEnabled()


def test_selecting_another_routine_shows_it_and_is_remembered(make_window, qtbot, data_dir):
    window = make_window()
    window.routine_list.setCurrentRow(5)
    assert window.details.routine.id == "desk-break"
    window.close()
    again = make_window()
    assert again.selected_routine().id == "desk-break"


def test_broken_routine_files_are_named_and_detailed(make_window, tmp_path, minimal_routine,
                                                     write_routine, qtbot):
    minimal_routine()
    write_routine("broken.toml", "schema = 1\nid = 'oops'\nnope = 1\n")
    window = make_window(routine_dirs=[tmp_path / "routines"])
    window.show()
    assert window.routine_list.count() == 7
    assert window.broken_bar.isVisible()
    assert window.broken_bar.label.text() == "Some routines could not be loaded: broken.toml"
    window.show_broken_routines()
    dialog = window.findChild(type(window), "brokenRoutinesDialog") or \
        next(w for w in window.children() if w.objectName() == "brokenRoutinesDialog")
    assert "broken.toml:3: unknown key 'nope'" in dialog.findChild(
        __import__("PySide6.QtWidgets").QtWidgets.QPlainTextEdit).toPlainText()


def test_damaged_journal_is_announced_in_the_window(make_window, data_dir):
    (data_dir / "journal.sqlite3").write_bytes(b"\x00garbage" * 100)
    window = make_window()
    bar = next(w for w in window.findChildren(QLabel) if "could not be opened" in w.text())
    assert "journal.sqlite3.damaged-" in bar.text()
    assert window.journal.writable


def test_first_run_notice_shows_once(make_window, qtbot, data_dir):
    window = make_window(notice_seen=False)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "firstRunNotice") is not None)
    box = window.findChild(QMessageBox, "firstRunNotice")
    assert box.text() == "This app does not replace advice from a clinician."
    qtbot.waitUntil(box.isVisible)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert open_settings(data_dir).get(config.FIRST_RUN_NOTICE_SEEN)


def test_window_size_is_remembered(make_window):
    window = make_window()
    window.show()
    window.resize(760, 520)
    window.close()
    again = make_window()
    assert (again.width(), again.height()) == (760, 520)


def test_routine_text_is_plain_never_html(make_window, tmp_path, minimal_routine):
    minimal_routine(title="<b>Bold</b> &amp; co")
    window = make_window(routine_dirs=[tmp_path / "routines"])
    window.routine_list.setCurrentRow(6)
    title = window.details.findChild(QLabel, "routineTitle")
    assert title.text() == "<b>Bold</b> &amp; co"
    assert title.textFormat() == Qt.TextFormat.PlainText


def test_open_unknown_routine_says_so(make_window, qtbot):
    window = make_window()
    assert not window.open_routine("<img src='/dev/zero'>no-such-routine")
    box = window.findChild(QMessageBox, "routineNotFound")
    assert "<img src='/dev/zero'>no-such-routine" in box.text()  # shown, not interpreted
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.done(0)
    assert window.open_routine(FLAGSHIP)


def test_start_button_opens_the_session_and_back_returns(make_window, qtbot):
    window = make_window()
    window.show()
    window.settings.set(config.SOUND, False)
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert window.flow is not None and window.pages.currentWidget() is window.flow
    assert window.flow.findChild(QPushButton, "safetyOk").isVisible()
    # The menus stay (Quit, Help); only what makes no sense mid-session is off.
    assert window.menuBar().isEnabled()
    assert not any(action.isEnabled() for action in window.outside_session)
    window.flow.findChild(QPushButton, "backButton").click()
    assert window.flow is None and window.pages.currentIndex() == 0
    assert all(action.isEnabled() for action in window.outside_session)


def start_exercising(window, qtbot):
    show_active(window, qtbot)
    window.start_selected()
    window.flow.ok_button.click()
    window.flow.before_panel.skipped.emit()
    qtbot.waitUntil(window.flow.player.isVisible)
    assert window.flow.exercising()


@pytest.mark.parametrize("how", ["close", "ctrl_q"])
def test_closing_mid_session_asks_first(make_window, qtbot, how):
    window = make_window()
    start_exercising(window, qtbot)

    def close() -> None:
        if how == "close":
            window.close()
        else:
            qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Q,
                           Qt.KeyboardModifier.ControlModifier)

    close()
    box = window.flow.findChild(QMessageBox, "confirmEnd")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert window.isVisible() and window.flow.engine.state == "paused"
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: window.flow.engine.state == "running")
    assert window.isVisible()
    close()
    box = window.flow.findChild(QMessageBox, "confirmEnd")
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    [session] = window.journal.sessions()
    assert session.outcome == "stopped" and session.ended is not None


def test_return_at_launch_starts_the_suggested_routine(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    assert window.current_page() == "today"
    start = window.today_page.start_button
    assert window.focusWidget() is start and start.isDefault()
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert window.flow is not None and window.flow.routine is window.library.routines[0]


def test_keyboard_chooses_and_starts_a_routine_on_the_routines_page(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "routines"
    assert window.focusWidget() is window.routine_list
    qtbot.keyClick(window.routine_list, Qt.Key.Key_Down)
    second = window.selected_routine()
    assert second is not None and second is window.library.routines[1]
    qtbot.keyClick(window.routine_list, Qt.Key.Key_Return)
    assert window.flow is not None and window.flow.routine is second


def test_an_unexpected_error_is_logged_and_said_once(make_window, qtbot, monkeypatch, tmp_path):
    import sys

    from coach.ui.app import install_excepthook

    window = make_window()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(window, tmp_path / "coach.log")
    for _ in range(2):
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    boxes = window.findChildren(QMessageBox, "unexpectedError")
    assert len(boxes) == 1 and str(tmp_path / "coach.log") in boxes[0].text()


def test_today_box_says_what_to_do_from_the_last_session(make_window, data_dir):
    from datetime import datetime, timedelta

    from coach.journal import open_journal

    window = make_window()
    assert window.today_page.today_label.text().startswith("Welcome. A good start is “Ten-minute")
    window.close()
    journal = open_journal(data_dir / "journal.sqlite3")
    now = datetime.now().astimezone()
    session = journal.start_session("desk-break", at=now - timedelta(days=1))
    journal.end_session(session.uid, "completed", 3, at=now - timedelta(days=1))
    # The desk break's own frequency, not the ten-minute routine's "every other day";
    # the morning question under it names the routine.
    page = make_window().today_page
    assert page.today_label.text() == ("How often to do “Two-minute desk break”: About once "
                                       "an hour while you are sitting.")
    assert "Yesterday you did “Two-minute desk break”" in page.morning_label.text()
    session = journal.start_session("ankle-calf", at=now - timedelta(days=3))
    journal.end_session(session.uid, "completed", 5)  # older: the newest still decides
    page = make_window().today_page
    assert page.today_label.text() == ("How often to do “Two-minute desk break”: About once "
                                       "an hour while you are sitting.")
    session = journal.start_session("ankle-calf", at=now)
    journal.end_session(session.uid, "sharp_pain", 1)
    assert "stopped because of a sharp pain" in make_window().today_page.today_label.text()
    journal.close()


def test_a_safety_skip_is_not_exercise_on_the_home_screen(make_window, qtbot):
    window = make_window()
    window.show()
    window.start_selected()
    window.flow.findChild(QPushButton, "safetyNotToday").click()
    window.flow.pages.currentWidget().findChild(QPushButton, "backButton").click()
    assert window.flow is None
    qtbot.waitUntil(lambda: "hot, red or swollen" in window.today_page.today_label.text())
    assert "exercised" not in window.today_page.today_label.text()
    [session] = window.journal.sessions()
    assert session.outcome == "safety_skip"


def test_a_bad_morning_without_a_before_rating_is_not_called_usual(make_window, qtbot,
                                                                     data_dir):
    from datetime import datetime, timedelta

    from coach.journal import open_journal

    journal = open_journal(data_dir / "journal.sqlite3")
    now = datetime.now().astimezone()
    session = journal.start_session(FLAGSHIP, at=now - timedelta(days=1))
    journal.end_session(session.uid, "completed", 5, at=now - timedelta(days=1))
    journal.close()
    window = make_window()
    window.show()
    assert window.today_page.morning_row.isVisible()  # asked on the Today screen
    window.today_page.morning_button.click()
    dialog = window.findChild(QDialog, "morningCheck")
    qtbot.keyClick(dialog.rating, Qt.Key.Key_9)
    qtbot.keyClick(dialog.rating, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "9 of 10" in window.today_page.today_label.text())
    text = window.today_page.today_label.text()
    assert "has not settled" in text and "suited you" not in text
    window.statusBar().clearMessage()  # the advice does not live in the status bar
    assert "has not settled" in window.today_page.today_label.text()


def test_many_broken_routine_files_are_summed_up_and_the_good_ones_load(make_window, tmp_path):
    from tests.hostile import write_hostile

    folder = tmp_path / "hostile"
    folder.mkdir()
    expected = write_hostile(folder)
    window = make_window(routine_dirs=[folder])
    assert "good-one" in [r.id for r in window.library.routines]
    text = window.broken_bar.label.text()
    assert text.startswith(f"{len(expected)} routine files could not be loaded: ")
    assert text.endswith(f" and {len(expected) - 3} more.")


def test_a_background_read_of_the_chart_that_fails_is_said(make_window, qtbot, caplog):
    from coach.ui.widgets import MessageBar

    window = make_window()
    window.journal.add_rating(4, "check_in")
    show_active(window, qtbot)
    window.show_page("trend")
    qtbot.waitUntil(lambda: window.trend is not None and window.trend.isVisible())
    assert window.findChild(MessageBar, "journalDamaged") is None
    window.trend.read_failed.emit("the journal is damaged: part of it cannot be read")
    assert window.findChild(MessageBar, "journalDamaged") is not None
    assert "part of it cannot be read" in caplog.text


def test_the_pain_question_before_the_start_has_a_way_back(make_window, qtbot):
    """After the safety check the only ways on were to rate or skip into the routine:
    "Back to routines" leaves, and the session counts as left before its start."""
    window = make_window()
    show_active(window, qtbot)
    window.show_page("routines")
    window.start_selected()
    flow = window.flow
    flow.ok_button.click()
    qtbot.waitUntil(flow.before_panel.isVisible)
    back = flow.before_panel.findChild(QPushButton, "beforeBack")
    assert back.isVisible() and back.text() == "Back to routines"
    # The page names the routine it is about to start, and its buttons are as large
    # as the other session pages' (they were small and plain).
    assert flow.findChild(QLabel, "beforeRoutine").text() == flow.routine.title.en
    assert min(b.height() for b in (back, flow.before_panel.submit)) >= 52
    back.click()
    qtbot.waitUntil(lambda: window.flow is None)
    [session] = window.journal.sessions()
    assert (session.outcome, session.steps_completed) == ("stopped", 0)
    assert window.current_page() == "routines"


def test_back_goes_where_the_session_was_started(make_window, qtbot):
    """"Back to routines" landed on the Today tab when the session began there, with
    the keyboard on the hidden routine list. The button names where it goes."""
    window = make_window()
    show_active(window, qtbot)
    assert window.current_page() == "today"
    window.today_page.start_button.click()
    flow = window.flow
    back = flow.check_page.findChild(QPushButton, "backButton")
    assert back.text() == "Back to Today"
    back.click()
    qtbot.waitUntil(lambda: window.flow is None)
    assert window.current_page() == "today"
    assert window.focusWidget() is window.today_page.start_button


def test_closing_with_part_of_a_session_unsaved_asks_before_losing_it(
        make_window, qtbot, monkeypatch):
    """A session ended while another program held the journal: "Yes" closed the
    window at once and the end was never written (the session open for ever)."""
    from tests.test_recorder import Outage

    window = make_window()
    start_exercising(window, qtbot)
    outage = Outage(window.journal, monkeypatch)
    outage.down = True
    window.close()
    box = window.flow.findChild(QMessageBox, "confirmEnd")
    qtbot.waitUntil(box.isVisible)
    assert "not in your journal yet" not in box.text()  # the start is on disk
    box.button(QMessageBox.StandardButton.Yes).click()
    ask = window.findChild(QMessageBox, "closeUnsaved")
    qtbot.waitUntil(lambda: ask is not None and ask.isVisible())
    assert "If Knee Coach closes now, it is lost" in ask.text()
    assert window.isVisible()
    ask.button(QMessageBox.StandardButton.Cancel).click()  # keep it open
    outage.down = False
    assert window.flow.retry_saving()
    [session] = window.journal.sessions()
    assert session.outcome == "stopped" and session.ended is not None
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())  # nothing left unsaved: no question


def test_leaving_a_session_with_part_of_it_unsaved_keeps_trying(make_window, qtbot,
                                                                monkeypatch):
    """"Back to Today" on the stop page deleted the page and what it was still trying to
    write with it."""
    from coach.ui.widgets import MessageBar
    from tests.test_recorder import Outage

    window = make_window()
    start_exercising(window, qtbot)
    outage = Outage(window.journal, monkeypatch)
    outage.down = True
    window.flow.sharp_pain()
    window.close_session()  # "Back to Today"
    assert window.flow is None
    bar = window.findChild(MessageBar, "sessionUnsaved")
    assert bar is not None and "Nothing is lost" in bar.label.text()
    assert window.journal.safety_events() == []
    window.close()  # asks first: closing would lose it
    ask = window.findChild(QMessageBox, "closeUnsaved")
    qtbot.waitUntil(lambda: ask is not None and ask.isVisible())
    ask.button(QMessageBox.StandardButton.Cancel).click()
    window._unsaved_timer.setInterval(20)  # (every few seconds in use)
    outage.down = False
    qtbot.waitUntil(lambda: window.findChild(MessageBar, "sessionSaved") is not None)
    [session] = window.journal.sessions()
    assert session.outcome == "sharp_pain" and len(window.journal.safety_events()) == 1
