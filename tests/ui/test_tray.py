"""How reminders reach the user: the reminder window where there is no tray (offscreen,
GNOME), and the tray icon's notification and menu where there is one."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from coach import paths
from coach.journal import open_journal
from coach.library import load_library
from coach.schedule import ReminderKind
from coach.ui.reminders import ReminderService
from coach.ui.tray import ReminderPresenter, TrayIcon
from tests.ui.test_reminders import (
    BERLIN,
    FLAGSHIP,
    FakeClock,
    berlin,
    daily,
    fire,
    plan_of,
)

#: Showing a tool window asks the platform to raise it; offscreen cannot: harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

TITLE = "Ten-minute inner-quadriceps routine"
BEFORE = berlin(2026, 12, 1, 7, 29)


@pytest.fixture
def library():
    return load_library([paths.bundled_routines_dir()])


@pytest.fixture
def setup(qtbot, data_dir, library):
    """A service 1 minute before the flagship's 07:30 and its presenter."""
    made = []

    def make(*, tray=None, journal=None, now=BEFORE):
        clock = FakeClock(now)
        service = ReminderService(plan_of(daily()), journal=journal,
                                  state_path=data_dir / paths.REMINDER_STATE_FILE,
                                  clock=clock, zone=lambda: BERLIN)
        presenter = ReminderPresenter(service, library.get, tray=tray)
        qtbot.addWidget(presenter.window)
        service.fake_clock = clock
        service.start()
        made.append((service, presenter))
        return service, presenter

    yield make
    for service, presenter in made:
        presenter.shutdown()
        service.shutdown()


def test_without_a_tray_the_reminder_window_is_used(setup, qtbot):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen, like GNOME
    service, presenter = setup()
    assert presenter.tray is None
    service.fake_clock.advance(minutes=1)
    fire(service)
    window = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "reminderWindow" and w.isVisible())
    assert window is presenter.window and TITLE in window.text.text()
    # Snooze from the window reaches the service: back in 10 minutes.
    qtbot.mouseClick(window.snooze10, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    service.fake_clock.advance(minutes=10)
    fire(service)
    assert window.isVisible() and window.reminder.snoozed
    with qtbot.waitSignal(presenter.start_requested) as start:
        qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert start.args == [FLAGSHIP]


def test_not_today_from_the_window(setup, qtbot):
    service, presenter = setup()
    service.fake_clock.advance(minutes=1)
    fire(service)
    qtbot.mouseClick(presenter.window.not_today, Qt.MouseButton.LeftButton)
    assert service.upcoming.at.astimezone(BERLIN).replace(tzinfo=None) == \
        datetime(2026, 12, 2, 7, 30)


def test_with_a_tray_a_notification_then_the_window_on_click(setup, qtbot, monkeypatch):
    service, presenter = setup(tray=True)
    tray = presenter.tray
    notes = []
    monkeypatch.setattr(tray.icon, "showMessage", lambda *args: notes.append(args[:2]))
    service.fake_clock.advance(minutes=1)
    fire(service)
    assert notes == [("Time for your routine", notes[0][1])] and TITLE in notes[0][1]
    assert not presenter.window.isVisible()  # buttons in a notification are unreliable
    tray.icon.messageClicked.emit()
    assert presenter.window.isVisible()
    qtbot.mouseClick(presenter.window.snooze60, Qt.MouseButton.LeftButton)
    assert not tray.waiting
    with qtbot.waitSignal(presenter.open_requested):  # nothing waiting: open the app
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)


def test_tray_menu_items_and_their_signals(qtbot):
    tray = TrayIcon()
    menu = tray.menu
    assert menu.objectName() == "trayMenu"
    tray.set_todays_routine(FLAGSHIP, TITLE)
    texts = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    assert texts == [f"Start “{TITLE}”", "Rate my pain now…", "Pause reminders for today",
                     "Open Knee Coach", "Quit"]
    for action, signal, args in [(tray.start_action, tray.start_requested, [FLAGSHIP]),
                                 (tray.rate_action, tray.rate_requested, []),
                                 (tray.pause_action, tray.pause_toggled, [True]),
                                 (tray.pause_action, tray.pause_toggled, [False]),
                                 (tray.open_action, tray.open_requested, []),
                                 (tray.quit_action, tray.quit_requested, [])]:
        with qtbot.waitSignal(signal) as emitted:
            action.trigger()
        assert emitted.args == args
    tray.set_todays_routine(None, "")
    assert not tray.start_action.isVisible()


def test_pause_in_the_tray_pauses_the_service_and_follows_it(setup, qtbot):
    service, presenter = setup(tray=True)
    pause = presenter.tray.pause_action
    pause.trigger()
    assert service.is_paused() and pause.isChecked()
    service.resume()  # from elsewhere (the Today screen)
    assert not pause.isChecked()
    with qtbot.waitSignal(presenter.rate_requested):
        presenter.tray.rate_action.trigger()


def test_tray_offers_todays_routine_but_not_on_a_rest_day(setup, qtbot, data_dir):
    journal = open_journal(data_dir / "journal.sqlite3")
    try:
        service, presenter = setup(tray=True, journal=journal)
        start = presenter.tray.start_action
        assert start.isVisible() and start.text() == f"Start “{TITLE}”"
        with qtbot.waitSignal(presenter.start_requested) as started:
            start.trigger()
        assert started.args == [FLAGSHIP]
        journal.add_safety_event("sharp_pain", at=berlin(2026, 12, 1, 7, 0))
        qtbot.waitUntil(lambda: not start.isVisible())
        assert service.upcoming.kind is ReminderKind.CHECK_IN
    finally:
        journal.close()


def test_a_waiting_reminder_is_dropped_once_the_routine_is_done(setup, qtbot, data_dir,
                                                                monkeypatch):
    """Notified at 07:30, not clicked, the routine done at 08:00: a click on the icon at
    15:00 still said it was "planned for now"."""
    journal = open_journal(data_dir / "journal.sqlite3")
    try:
        service, presenter = setup(tray=True, journal=journal)
        monkeypatch.setattr(presenter.tray.icon, "showMessage", lambda *args: None)
        service.fake_clock.advance(minutes=1)
        fire(service)
        assert presenter.pending is not None
        session = journal.start_session(FLAGSHIP, at=berlin(2026, 12, 1, 8, 0))
        journal.end_session(session.uid, "completed", 5, at=berlin(2026, 12, 1, 8, 11))
        service.fake_clock.now = berlin(2026, 12, 1, 15, 0)
        with qtbot.waitSignal(presenter.open_requested):
            presenter.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
        assert presenter.pending is None and not presenter.window.isVisible()
    finally:
        journal.close()

