"""The "Weekly plan and reminders" dialog: defaults on a tick, a plan saved as the
controls say, errors said in the dialog (which stays open), start at login, the
calendar export, Cancel, and a small screen."""

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
)

from coach import autostart, paths
from coach.config import Options
from coach.plan import DAYS, Day, Entry, Plan, PlanError, load_plan, save_plan
from coach.ui import plan_dialog
from coach.ui.plan_dialog import PlanDialog
from tests.conftest import FLAGSHIP

DESK = "desk-break"
ANKLE = "ankle-calf"


@pytest.fixture
def library(data_dir):
    return Options(data_dir=data_dir).load_library()


@pytest.fixture
def plan_path(data_dir) -> Path:
    return data_dir / paths.PLAN_FILE


@pytest.fixture
def make_dialog(qtbot, library, plan_path, data_dir):
    def make(*, reminders_on=True, keep_running=False, lang="en") -> PlanDialog:
        dialog = PlanDialog(library, lang, plan_path, reminders_on=reminders_on,
                            keep_running=keep_running, data_dir_for_autostart=data_dir)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def autostart_files() -> list[Path]:
    folder = autostart.entry_path().parent
    return sorted(folder.glob("*.desktop")) if folder.is_dir() else []


def tick(qtbot, box) -> None:
    qtbot.keyClick(box, Qt.Key.Key_Space)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def days_on(row) -> set[Day]:
    return {day for day, button in row.day_buttons.items() if button.isChecked()}


def test_ticking_a_routine_fills_its_defaults(make_dialog, qtbot):
    dialog = make_dialog()
    flagship, desk = dialog.rows[FLAGSHIP], dialog.rows[DESK]
    assert not flagship.details.isVisible()
    tick(qtbot, flagship.check)
    assert flagship.details.isVisible()
    assert days_on(flagship) == {Day.MON, Day.WED, Day.FRI}  # every other day at first
    assert flagship.time_edit.time() == QTime(10, 0) and flagship.time_edit.isVisible()
    tick(qtbot, desk.check)
    assert days_on(desk) == set(DAYS[:5])
    assert not desk.time_edit.isVisible()
    assert desk.hourly.isVisible() and desk.hourly.text() == "every hour during active hours"
    tick(qtbot, dialog.rows[ANKLE].check)
    assert days_on(dialog.rows[ANKLE]) == set(DAYS)  # "once a day"


def test_days_and_time_are_saved_as_shown(make_dialog, qtbot, plan_path):
    dialog = make_dialog()
    flagship = dialog.rows[FLAGSHIP]
    tick(qtbot, flagship.check)
    click(qtbot, flagship.day_buttons[Day.WED])  # off
    click(qtbot, flagship.day_buttons[Day.SAT])  # on
    flagship.time_edit.setTime(QTime(7, 30))
    tick(qtbot, dialog.rows[DESK].check)
    dialog.active_from.setTime(QTime(8, 0))
    tick(qtbot, dialog.quiet_check)  # quiet hours off
    with qtbot.waitSignal(dialog.plan_saved) as saved:
        click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    loaded = load_plan(plan_path)
    assert loaded.problem is None and loaded.plan == saved.args[0]
    plan = loaded.plan
    entry = plan.entry(FLAGSHIP)
    assert entry is not None
    assert (entry.days, entry.at, entry.every) == (
        frozenset({Day.MON, Day.FRI, Day.SAT}), time(7, 30), None)
    assert entry.since is not None
    desk = plan.entry(DESK)
    assert desk is not None and (desk.at, desk.every) == (time(8, 0), 60)
    assert plan.active_hours == (time(8, 0), time(17, 0)) and plan.quiet_hours is None


def test_an_entry_stays_as_it_was_and_others_are_kept(make_dialog, qtbot, plan_path):
    old = Entry(FLAGSHIP, frozenset({Day.TUE}), time(18, 15))
    foreign = Entry("my-own-routine", frozenset({Day.SUN}), time(9, 0))
    save_plan(plan_path, Plan((foreign, old)))
    dialog = make_dialog()
    flagship = dialog.rows[FLAGSHIP]
    assert flagship.check.isChecked() and days_on(flagship) == {Day.TUE}
    assert flagship.time_edit.time() == QTime(18, 15)
    tick(qtbot, flagship.check)  # off and on again: the saved entry, not the defaults
    tick(qtbot, flagship.check)
    assert days_on(flagship) == {Day.TUE}
    with qtbot.waitSignal(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    assert load_plan(plan_path).plan.entries == (foreign, old)


def test_new_days_or_an_unticked_routine_keep_the_old_entry_for_past_weeks(
        make_dialog, qtbot, plan_path):
    """The weeks before the change are judged by the days planned then."""
    started = date.today() - timedelta(weeks=5)
    old = Entry(FLAGSHIP, frozenset({Day.MON, Day.WED, Day.FRI}), time(7, 30), since=started)
    desk = Entry(DESK, frozenset(DAYS[:5]), time(9), 60, since=started)
    save_plan(plan_path, Plan((old, desk)))
    dialog = make_dialog()
    click(qtbot, dialog.rows[FLAGSHIP].day_buttons[Day.TUE])
    tick(qtbot, dialog.rows[DESK].check)  # out of the plan
    with qtbot.waitSignal(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    plan = load_plan(plan_path).plan
    today = date.today()
    assert plan.entries == (old._replace(days=old.days | {Day.TUE}, since=today),)
    yesterday = today - timedelta(days=1)
    assert plan.retired == (old._replace(until=yesterday), desk._replace(until=yesterday))


def test_a_routine_without_days_cannot_be_saved(make_dialog, qtbot, plan_path):
    dialog = make_dialog()
    row = dialog.rows[FLAGSHIP]
    tick(qtbot, row.check)
    for day in (Day.MON, Day.WED, Day.FRI):
        click(qtbot, row.day_buttons[day])
    assert row.error.isVisible()
    assert row.error.text() == "Pick at least one day, or untick this routine."
    with qtbot.assertNotEmitted(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    assert dialog.isVisible() and not plan_path.exists()
    assert dialog.status.isVisible() and "at least one day" in dialog.status.text()
    click(qtbot, row.day_buttons[Day.THU])
    assert not row.error.isVisible()


def test_a_time_in_the_quiet_hours_is_said_not_saved(make_dialog, qtbot, plan_path):
    dialog = make_dialog()
    row = dialog.rows[FLAGSHIP]
    tick(qtbot, row.check)
    row.time_edit.setTime(QTime(23, 50))  # default quiet hours 21:30-07:00
    with qtbot.assertNotEmitted(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    assert dialog.isVisible() and not plan_path.exists()
    assert "is in the quiet hours" in dialog.status.text()
    tick(qtbot, dialog.quiet_check)  # no quiet hours: the reminder can come
    with qtbot.waitSignal(dialog.plan_saved):
        click(qtbot, dialog.save_button)


def test_back_to_front_active_hours_are_said(make_dialog, qtbot, plan_path):
    dialog = make_dialog()
    dialog.active_to.setTime(QTime(8, 0))
    assert dialog.hours_error.isVisible()
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and not plan_path.exists()


def test_a_full_disk_keeps_the_dialog_open_with_the_reason(make_dialog, qtbot, monkeypatch,
                                                           plan_path):
    message = f"the plan could not be saved to {plan_path}: the disk is full. " \
              "Free some space and try again."

    def full(_path, _plan):
        raise PlanError(message)

    monkeypatch.setattr(plan_dialog, "save_plan", full)
    dialog = make_dialog()
    tick(qtbot, dialog.rows[FLAGSHIP].check)
    with qtbot.assertNotEmitted(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.status.isVisible() and dialog.status.text() == message
    assert dialog.rows[FLAGSHIP].check.isChecked()  # nothing lost: try again later


def test_a_damaged_plan_is_said_and_set_aside_on_save(make_dialog, qtbot, plan_path):
    plan_path.write_text("{not json", encoding="utf-8")
    dialog = make_dialog()
    problem = dialog.findChild(QLabel, "planLoadProblem")
    assert problem is not None and "plan.json.damaged" in problem.text()
    tick(qtbot, dialog.rows[DESK].check)
    with qtbot.waitSignal(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    assert plan_path.with_name("plan.json.damaged").read_text() == "{not json"
    assert load_plan(plan_path).plan.entry(DESK) is not None


def test_a_plan_that_could_not_be_read_is_never_replaced(make_dialog, qtbot, plan_path):
    plan_path.mkdir()  # as a plan without read permission: it may be sound
    dialog = make_dialog()
    problem = dialog.findChild(QLabel, "planLoadProblem")
    assert "it may be sound, so saving here changes nothing" in problem.text()
    tick(qtbot, dialog.rows[DESK].check)
    click(qtbot, dialog.save_button)
    assert "nothing was changed: it may be sound" in dialog.status.text()
    assert dialog.isVisible() and plan_path.is_dir()
    assert not list(plan_path.parent.glob("plan.json.*"))


def test_start_at_login_writes_and_removes_one_entry(make_dialog, qtbot, data_dir):
    dialog = make_dialog()
    assert not dialog.autostart_check.isChecked()
    tick(qtbot, dialog.autostart_check)
    with qtbot.waitSignal(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    files = autostart_files()
    assert [f.name for f in files] == [autostart.DESKTOP_FILE]
    assert str(data_dir) in files[0].read_text()
    dialog = make_dialog()
    assert dialog.autostart_check.isChecked() and dialog.start_at_login
    tick(qtbot, dialog.autostart_check)
    with qtbot.waitSignal(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    assert autostart_files() == []


def test_start_at_login_failure_is_said_and_nothing_is_saved(make_dialog, qtbot, plan_path):
    folder = autostart.entry_path().parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be")
    dialog = make_dialog()
    tick(qtbot, dialog.autostart_check)
    with qtbot.assertNotEmitted(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    assert dialog.isVisible() and not plan_path.exists()
    assert dialog.status.text().startswith("Start at login could not be changed: ")
    assert "Traceback" not in dialog.status.text()


def test_reminder_switches_go_in_and_come_back(make_dialog, qtbot):
    dialog = make_dialog(reminders_on=True, keep_running=False)
    assert dialog.reminders_on and not dialog.keep_running
    tick(qtbot, dialog.reminders_check)
    tick(qtbot, dialog.keep_running_check)
    with qtbot.waitSignal(dialog.plan_saved):
        click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.reminders_on and dialog.keep_running


def test_calendar_export_writes_the_plan_as_shown(make_dialog, qtbot, monkeypatch,
                                                  tmp_path, plan_path):
    asked = []

    def choose(*args, **kwargs):
        asked.append(args)
        return str(tmp_path / "my plan"), "Calendar files (*.ics)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog = make_dialog()
    tick(qtbot, dialog.rows[FLAGSHIP].check)
    click(qtbot, dialog.export_button)
    written = tmp_path / "my plan.ics"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR" in text
    assert "Ten-minute inner-quadriceps routine" in text
    assert dialog.status.isVisible() and str(written) in dialog.status.text()
    assert len(asked) == 1 and not plan_path.exists()  # exporting is not saving


def test_calendar_export_failure_is_said(make_dialog, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: (str(tmp_path / "no such folder" / "plan.ics"), "")))
    dialog = make_dialog()
    tick(qtbot, dialog.rows[FLAGSHIP].check)
    click(qtbot, dialog.export_button)
    assert dialog.status.text().startswith("The calendar file could not be written to ")


def test_cancel_writes_nothing(make_dialog, qtbot, plan_path):
    dialog = make_dialog()
    tick(qtbot, dialog.rows[FLAGSHIP].check)
    tick(qtbot, dialog.autostart_check)
    with qtbot.assertNotEmitted(dialog.plan_saved):
        click(qtbot, dialog.cancel_button)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not plan_path.exists() and autostart_files() == []


def test_every_control_is_named_and_announced(make_dialog):
    dialog = make_dialog()
    controls = dialog.findChildren(QAbstractButton) + dialog.findChildren(QAbstractSpinBox)
    controls = [c for c in controls if c.objectName() != "qt_scrollarea_viewport"]
    assert len(controls) > 60
    unnamed = [c for c in controls if not c.objectName() or not c.accessibleName()]
    assert unnamed == []
    monday = dialog.findChild(QAbstractButton, f"planDay_{FLAGSHIP}_mon")
    assert monday is not None and monday.accessibleName() == "Monday"


def test_day_names_follow_the_language(make_dialog):
    QLocale.setDefault(QLocale(QLocale.Language.Japanese))
    try:
        dialog = make_dialog(lang="ja")
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English))
    monday = dialog.rows[FLAGSHIP].day_buttons[Day.MON]
    assert monday.text() == "月" and monday.accessibleName() == "月曜日"


def test_tab_goes_through_the_controls_in_order(make_dialog, qtbot):
    dialog = make_dialog()
    tick(qtbot, dialog.rows[FLAGSHIP].check)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.rows[FLAGSHIP].check.setFocus()
    seen = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        name = widget.objectName() or widget.parent().objectName()  # a time edit's field
        if not seen or seen[-1] != name:
            seen.append(name)
        if name == "planCancelButton":
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    wanted = [f"planCheck_{FLAGSHIP}", f"planDay_{FLAGSHIP}_mon", f"planDay_{FLAGSHIP}_sun",
              f"planTime_{FLAGSHIP}", f"planCheck_{ANKLE}", f"planCheck_{DESK}",
              "activeFrom", "activeTo", "quietCheck", "quietFrom", "quietTo",
              "remindersCheck", "keepRunningCheck", "autostartCheck", "planExportButton",
              "planSaveButton", "planCancelButton"]
    assert [n for n in seen if n in wanted] == wanted


def test_a_small_screen_scrolls_instead_of_clipping(make_dialog, qtbot):
    dialog = make_dialog()
    for row in dialog.rows.values():
        tick(qtbot, row.check)
    dialog.resize(600, 330)
    qtbot.waitUntil(lambda: dialog.scroll_area.verticalScrollBar().isVisible())
    assert dialog.size() == QSize(600, 330)
    inside = QRect(QPoint(0, 0), dialog.size())
    for button in (dialog.save_button, dialog.cancel_button, dialog.export_button):
        assert inside.contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))
    content = dialog.scroll_area.widget()
    fits = content.width() <= dialog.scroll_area.viewport().width()
    assert fits or dialog.scroll_area.horizontalScrollBar().isVisible()
    dialog.scroll_area.ensureWidgetVisible(dialog.autostart_check)
    qtbot.waitUntil(lambda: dialog.autostart_check.visibleRegion().boundingRect().height()
                    == dialog.autostart_check.height())
