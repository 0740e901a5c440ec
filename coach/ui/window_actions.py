"""The main window's exports and plan actions: the chart, journal and report exports,
the weekly plan's dialog (its reminders follow at once) and its calendar file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from coach import config, paths
from coach.ui.widgets import message_box, translate

if TYPE_CHECKING:
    from coach.ui.main_window import MainWindow


def export(window: MainWindow, kind: str) -> None:
    """Save the chart (png), the journal (csv) or the clinician's report (pdf)."""
    from coach.ui.report import export_with_dialog

    target = export_with_dialog(window, kind, window.journal, window.trend, window.settings,
                                title_of=window.routine_name)
    if target is not None:
        window.statusBar().showMessage(
            translate("MainWindow", "Saved {path}").format(path=target), 6000)


def export_plan_calendar(window: MainWindow) -> None:
    """The saved weekly plan as an iCalendar file, so reminders reach a phone."""
    plan = window.load_plan().plan
    if not plan.entries:
        box = message_box(window, translate("MainWindow", "No weekly plan yet"),
                          icon="information", text=translate(
                              "MainWindow",
                              "Make a weekly plan first (Settings > Weekly plan and "
                              "reminders); it can then be exported to your calendar."))
        box.setObjectName("noPlanToExport")
        box.open()
        return
    from coach.ui.plan_dialog import export_calendar

    try:
        path = export_calendar(window, plan, window.library, window.lang)
    except OSError as err:
        message_box(window, translate("MainWindow", "Export the plan"), str(err)).open()
        return
    if path is not None:
        window.statusBar().showMessage(
            translate("MainWindow", "Saved {path}").format(path=path), 6000)


def edit_plan(window: MainWindow) -> None:
    """The weekly plan and reminders (one dialog at a time); saved, the window's
    reminders and Today screen follow at once."""
    from coach.ui.plan_dialog import PlanDialog

    if window.findChild(PlanDialog, "planDialog") is not None:
        return
    settings = window.settings
    data_dir = window.options.data_dir
    dialog = PlanDialog(
        window.library, window.lang, data_dir / paths.PLAN_FILE,
        reminders_on=settings.get(config.REMINDERS),
        keep_running=settings.get(config.KEEP_RUNNING) == "yes",
        # The login entry names the folder only when it is not the usual one.
        data_dir_for_autostart=None if data_dir == paths.default_data_dir() else data_dir,
        parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        settings.set(config.REMINDERS, dialog.reminders_on)
        settings.set(config.KEEP_RUNNING, "yes" if dialog.keep_running else "no")
        window.plan_changed.emit()
        if not dialog.reminders_on:
            window.stop_reminders()
        elif window.reminders is None:
            window.start_reminders()
        else:
            window.reminders.set_plan(window.load_plan().plan)
        window.update_today()

    dialog.accepted.connect(accepted)
    dialog.open()
