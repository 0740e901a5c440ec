"""The main window's reminders: the service and its tray (or small window) wired to the
window, and the question whether closing the window keeps them running."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from coach import config
from coach.schedule import Reminder
from coach.ui.reminders import ReminderService
from coach.ui.settings import Settings
from coach.ui.tray import ReminderPresenter
from coach.ui.widgets import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coach.ui.main_window import MainWindow


def open_reminders(window: MainWindow) -> tuple[ReminderService, ReminderPresenter]:
    """The reminder service of *window*'s data folder and journal, and its presenter,
    their requests wired to the window; not started yet."""
    reminders = ReminderService.open(window.options.data_dir, window.journal, parent=window)
    presenter = ReminderPresenter(reminders, window.library.get, lang=window.lang,
                                  parent=window)
    presenter.start_requested.connect(
        lambda routine_id: _start_from_reminder(window, routine_id))
    presenter.rate_requested.connect(lambda: (window.bring_forward(), window.check_in()))
    presenter.open_requested.connect(window.bring_forward)
    presenter.quit_requested.connect(window.quit)
    reminders.next_changed.connect(lambda reminder: _show_next_reminder(window, reminder))
    return reminders, presenter


def _start_from_reminder(window: MainWindow, routine_id: str) -> None:
    window.bring_forward()
    if window.flow is None:
        window.open_routine(routine_id)


def _show_next_reminder(window: MainWindow, reminder: Reminder | None) -> None:
    assert window.reminders is not None  # it is what tells
    window.today_page.show_reminder(reminder, window.settings.get(config.REMINDERS),
                                    bool(window.reminders.plan.entries))


def ask_keep_running(window: QWidget, settings: Settings) -> None:
    """Ask whether closing *window* leaves the reminders running (once: not while the
    question is open); the answer is saved and closes the window again."""
    from PySide6.QtWidgets import QMessageBox

    if window.findChild(QMessageBox, "keepRunningQuestion") is not None:
        return
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("MainWindow", "Keep reminders running?"),
                      translate("MainWindow",
                                "Knee Coach can stay running in the background so that it "
                                "reminds you at the times of your weekly plan. You can "
                                "change this in Settings > Weekly plan and reminders."),
                      parent=window)
    box.setObjectName("keepRunningQuestion")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    keep = box.addButton(translate("MainWindow", "Keep running"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("MainWindow", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)

    def answered(button: object) -> None:
        settings.set(config.KEEP_RUNNING, "yes" if button is keep else "no")
        window.close()

    box.buttonClicked.connect(answered)
    box.open()
