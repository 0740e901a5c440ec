"""How a reminder reaches the user: a notification from the tray icon where the desktop
has a tray, else the small :class:`~coach.ui.reminders.ReminderWindow` (GNOME has no
tray, so the tray is never the only way in). :class:`TrayIcon` is the icon and its
menu; :class:`ReminderPresenter` joins the service, the icon and the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from coach import paths
from coach.schedule import Reminder
from coach.ui.reminders import ReminderService, ReminderWindow, RoutineLookup, reminder_words
from coach.ui.widgets import translate


def app_icon() -> QIcon:
    return QIcon(str(paths.assets_dir() / "icons" / "knee-coach.svg"))


class TrayIcon(QObject):
    """Knee Coach's icon in the system tray, with its menu (objectName ``trayMenu``).

    Signals:
        start_requested(str): start today's routine (its id).
        rate_requested(): "Rate my pain now…".
        pause_toggled(bool): pause reminders for today (True) or resume them (False).
        open_requested(): open the main window (the menu item, or a click on the icon
            when no reminder is waiting).
        reminder_requested(): a click on the notification, or on the icon while a
            reminder is waiting: show the reminder's choices.
        quit_requested(): "Quit".
    """

    start_requested = Signal(str)
    rate_requested = Signal()
    pause_toggled = Signal(bool)
    open_requested = Signal()
    reminder_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.waiting = False  # a reminder was notified and not yet answered
        self._routine_id: str | None = None
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.start_action = self._action("trayStart", "", self._start)
        self.rate_action = self._action("trayRate", translate("Tray", "Rate my pain now…"),
                                        self.rate_requested.emit)
        self.menu.addSeparator()
        self.pause_action = self._action("trayPause",
                                         translate("Tray", "Pause reminders for today"),
                                         None)
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self.pause_toggled)
        self.menu.addSeparator()
        self.open_action = self._action("trayOpen", translate("Tray", "Open Knee Coach"),
                                        self.open_requested.emit)
        self.quit_action = self._action("trayQuit", translate("Tray", "Quit"),
                                        self.quit_requested.emit)
        self.set_todays_routine(None, "")
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip("Knee Coach")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)

    def _action(self, name: str, text: str, slot: object) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        if slot is not None:
            action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # -- what the app tells it -----------------------------------------------------------
    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_todays_routine(self, routine_id: str | None, title: str) -> None:
        """The menu's first item: Start "<title>" (hidden when nothing is planned)."""
        self._routine_id = routine_id
        self.start_action.setText(translate("Tray", "Start “{title}”").format(title=title))
        self.start_action.setVisible(routine_id is not None)

    def set_paused(self, paused: bool) -> None:
        if self.pause_action.isChecked() != paused:
            self.pause_action.blockSignals(True)
            self.pause_action.setChecked(paused)
            self.pause_action.blockSignals(False)

    def notify(self, heading: str, text: str) -> None:
        """A desktop notification; clicking it asks for the reminder's choices."""
        self.waiting = True
        self.icon.showMessage(heading, text, app_icon(), 60_000)

    # -- what the user does ---------------------------------------------------------------
    def _start(self) -> None:
        if self._routine_id is not None:
            self.start_requested.emit(self._routine_id)

    def _message_clicked(self) -> None:
        if self.waiting:
            self.reminder_requested.emit()
        else:
            self.open_requested.emit()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self._message_clicked()


class ReminderPresenter(QObject):
    """Shows the service's reminders: a tray notification when *tray* is true (by
    default: when the desktop has a tray that shows messages), else the reminder
    window; the window's answers go back to the service.

    Signals:
        start_requested(str): start this routine (from the window or the tray).
        rate_requested(): open the pain check-in.
        open_requested(): bring the main window forward.
        quit_requested(): "Quit" in the tray menu.
    """

    start_requested = Signal(str)
    rate_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, service: ReminderService, routine_of: RoutineLookup, *,
                 lang: str = "en", tray: bool | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if tray is None:
            tray = (QSystemTrayIcon.isSystemTrayAvailable()
                    and QSystemTrayIcon.supportsMessages())
        self.service = service
        self.routine_of = routine_of
        self.lang = lang
        self.pending: Reminder | None = None
        self.window = ReminderWindow(routine_of, lang)
        self.window.start_requested.connect(self._start)
        self.window.rate_requested.connect(self._rate)
        self.window.open_requested.connect(self.open_requested)
        self.window.snooze_requested.connect(self._snooze)
        self.window.not_today_requested.connect(self._not_today)
        self.tray: TrayIcon | None = None
        if tray:
            self.tray = TrayIcon(self)
            self.tray.start_requested.connect(self.start_requested)
            self.tray.rate_requested.connect(self.rate_requested)
            self.tray.open_requested.connect(self.open_requested)
            self.tray.quit_requested.connect(self.quit_requested)
            self.tray.reminder_requested.connect(self.show_pending)
            self.tray.pause_toggled.connect(self._pause_toggled)
            service.paused_changed.connect(self.tray.set_paused)
            service.checked.connect(self.refresh_menu)
            self.refresh_menu()
            if QSystemTrayIcon.isSystemTrayAvailable():
                self.tray.show()
        service.due.connect(self.present)
        service.checked.connect(self._drop_stale)

    def _drop_stale(self) -> None:
        """A reminder left waiting (notified, not clicked) that is no longer true: a
        click on the icon hours later said "planned for now" after the routine was
        done, or the next day."""
        if self.pending is not None and not self.service.still_relevant(self.pending):
            self._answered()

    def present(self, reminder: Reminder) -> None:
        self.pending = reminder
        if self.tray is None:
            self.window.show_reminder(reminder)
            return
        heading, text = reminder_words(reminder, self.routine_of, self.lang)
        self.tray.notify(heading, text)
        if self.window.isVisible():  # an older reminder on screen: show the new one
            self.window.show_reminder(reminder)

    def show_pending(self) -> None:
        """The reminder's choices (a click on the notification or the icon)."""
        self._drop_stale()
        if self.pending is not None:
            self.window.show_reminder(self.pending)
        else:
            self.open_requested.emit()

    def refresh_menu(self, _next: object = None) -> None:
        """Today's routine and the pause, as they are now (also after a new day)."""
        if self.tray is None:
            return
        routine_id = self.service.todays_routine()
        routine = self.routine_of(routine_id) if routine_id else None
        title = routine.title.get(self.lang) if routine is not None else routine_id or ""
        self.tray.set_todays_routine(routine_id, title)
        self.tray.set_paused(self.service.is_paused())

    def _answered(self) -> None:
        self.pending = None
        if self.tray is not None:
            self.tray.waiting = False

    def _start(self, routine_id: str) -> None:
        self._answered()
        self.start_requested.emit(routine_id)

    def _rate(self) -> None:
        self._answered()
        self.rate_requested.emit()

    def _snooze(self, reminder: Reminder, short: bool) -> None:
        self._answered()
        self.service.snooze(reminder, short)

    def _not_today(self, reminder: Reminder) -> None:
        self._answered()
        self.service.not_today(reminder)

    def _pause_toggled(self, paused: bool) -> None:
        if paused:
            self.service.pause_today()
        else:
            self.service.resume()

    def shutdown(self) -> None:
        self.window.close()
        self.window.deleteLater()
        if self.tray is not None:
            self.tray.hide()
