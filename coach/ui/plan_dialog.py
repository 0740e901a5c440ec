"""The "Weekly plan and reminders" dialog: which routines on which days at what time,
the plan's active and quiet hours, and the switches around reminders (on, start at
login, keep running). It only edits: the plan rules live in :mod:`coach.plan`, the
login entry in :mod:`coach.autostart`, the calendar file in :mod:`coach.ics`.

Nothing is written until Save; a failure is shown in the dialog, which stays open
with every choice intact.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, QStandardPaths, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coach import autostart
from coach.ics import plan_ics, write_ics
from coach.library import Library
from coach.plan import (
    DAYS,
    Day,
    Entry,
    Plan,
    PlanError,
    default_entry,
    load_plan,
    save_plan,
    set_aside,
    set_aside_name,
)
from coach.routine import Routine
from coach.ui import theme
from coach.ui.widgets import duration_text, plain_label, set_text_colour, translate


def _qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


def _time(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


def _time_edit(name: str, accessible: str, moment: time) -> QTimeEdit:
    edit = QTimeEdit(_qtime(moment))
    edit.setDisplayFormat("HH:mm")
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    return edit


def _name(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


class PlanRow(QWidget):
    """One routine: "in my plan", its days, and its time (or "every hour" for an
    hourly routine such as the desk break). Unticked, only the title shows.

    Signals:
        changed: a tick, a day or the time changed.
    """

    changed = Signal()

    def __init__(self, routine: Routine, lang: str, entry: Entry | None,
                 default: Callable[[], Entry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.routine = routine
        self._entry = entry  # what the saved plan says, restored on a new tick
        self._default = default
        self._every: int | None = None
        title = routine.title.get(lang)
        self.setObjectName(f"planRow_{routine.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(4)

        top = QHBoxLayout()
        self.check = QCheckBox(title)
        _name(self.check, f"planCheck_{routine.id}", title)
        self.check.setAccessibleDescription(self.tr("In my plan"))
        self.check.setToolTip(self.tr("In my plan"))
        length = plain_label(duration_text(routine.total_seconds),
                             object_name=f"planDuration_{routine.id}")
        length.setWordWrap(False)
        length.setAccessibleName(self.tr("Takes {duration}").format(duration=length.text()))
        set_text_colour(length)
        top.addWidget(self.check, 1)
        top.addWidget(length)
        layout.addLayout(top)

        self.details = QWidget()
        self.details.setObjectName(f"planDetails_{routine.id}")
        row = self._row = QHBoxLayout(self.details)
        indent = self.check.style().pixelMetric(self.check.style().PixelMetric.PM_IndicatorWidth)
        row.setContentsMargins(indent + 6, 0, 0, 0)
        row.setSpacing(3)
        locale = QLocale()
        self.day_buttons: dict[Day, QPushButton] = {}
        width = max(QPushButton().fontMetrics().horizontalAdvance(
            locale.dayName(n, QLocale.FormatType.ShortFormat)) for n in range(1, 8)) + 16
        for number, day in enumerate(DAYS, start=1):
            button = QPushButton(locale.dayName(number, QLocale.FormatType.ShortFormat))
            long_name = locale.dayName(number, QLocale.FormatType.LongFormat)
            _name(button, f"planDay_{routine.id}_{day.value}", long_name)
            button.setAccessibleDescription(self.tr("{routine} on {day}").format(
                routine=title, day=long_name))
            button.setToolTip(long_name)
            button.setCheckable(True)
            button.setFixedWidth(width)
            button.setProperty("dayToggle", True)
            button.toggled.connect(self._days_changed)
            self.day_buttons[day] = button
            row.addWidget(button)
        row.addSpacing(12)
        self.at_label = QLabel(self.tr("at"))
        _name(self.at_label, f"planAtLabel_{routine.id}", self.tr("at"))
        self.time_edit = _time_edit(f"planTime_{routine.id}",
                                    self.tr("Time for {routine}").format(routine=title),
                                    time(10, 0))
        self.at_label.setBuddy(self.time_edit)
        self.time_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.time_edit.timeChanged.connect(self.changed)
        self.hourly = plain_label("", object_name=f"planHourly_{routine.id}")
        row.addWidget(self.at_label)
        row.addWidget(self.time_edit)
        row.addWidget(self.hourly, 1)  # takes the room first, wraps only when narrow
        row.addStretch(0)
        layout.addWidget(self.details)

        self.error = plain_label(self.tr("Pick at least one day, or untick this routine."),
                                 object_name=f"planRowError_{routine.id}")
        self.error.setAccessibleName(self.error.text())
        self.error.setContentsMargins(indent + 6, 0, 0, 0)
        set_text_colour(self.error, lambda c: c.error_text)
        layout.addWidget(self.error)

        self.check.toggled.connect(self._ticked)
        if entry is not None:
            self._fill(entry)
        self.check.setChecked(entry is not None)
        self._show_state()

    def natural_width(self) -> int:
        """How wide its details are unwrapped, ticked or not, hourly or not."""
        layout = self._row
        margins = layout.contentsMargins()
        buttons = sum(b.width() for b in self.day_buttons.values())
        when = max(self.at_label.sizeHint().width() + layout.spacing()
                   + self.time_edit.sizeHint().width(),
                   self.hourly.fontMetrics().horizontalAdvance(
                       self.tr("every hour during active hours")) + 4)
        return (margins.left() + margins.right() + buttons + 12 + when
                + layout.spacing() * (len(self.day_buttons) + 2))

    def focus_chain(self) -> list[QWidget]:
        """Its controls in visual order, for the dialog's Tab order."""
        return [self.check, *self.day_buttons.values(), self.time_edit]

    def days(self) -> frozenset[Day]:
        return frozenset(d for d, b in self.day_buttons.items() if b.isChecked())

    def needs_a_day(self) -> bool:
        return self.check.isChecked() and not self.days()

    def entry(self, active_start: time) -> Entry | None:
        """The entry the controls describe (None when unticked); an hourly entry
        starts with the active hours, as :class:`coach.plan.Entry` says."""
        if not self.check.isChecked():
            return None
        at = active_start if self._every is not None else _time(self.time_edit)
        old = self._entry
        if old is not None and (old.days, old.at, old.every) == (self.days(), at, self._every):
            return old  # unchanged: byte for byte
        return Entry(self.routine.id, self.days(), at, self._every)  # Plan.replan dates it

    def _fill(self, entry: Entry) -> None:
        for day, button in self.day_buttons.items():
            button.blockSignals(True)
            button.setChecked(day in entry.days)
            button.blockSignals(False)
        self.time_edit.setTime(_qtime(entry.at))
        self._every = entry.every
        hourly = entry.every is not None
        if hourly:
            self.hourly.setText(self.tr("every hour during active hours")
                                if entry.every == 60 else
                                self.tr("every {minutes} minutes during active hours")
                                .format(minutes=entry.every))
            self.hourly.setAccessibleName(self.hourly.text())
        self.at_label.setVisible(not hourly)
        self.time_edit.setVisible(not hourly)
        self.hourly.setVisible(hourly)

    def _ticked(self, on: bool) -> None:
        if on:
            self._fill(self._entry or self._default())
        self._show_state()
        self.changed.emit()

    def _days_changed(self) -> None:
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        self.details.setVisible(self.check.isChecked())
        self.error.setVisible(self.needs_a_day())


class PlanDialog(QDialog):
    """Edit the weekly plan in *plan_path* and the reminder switches.

    *reminders_on* and *keep_running* come in and, after the dialog is accepted, go
    back out as the properties of the same names; the caller stores them. Start at
    login is written here (:mod:`coach.autostart`, with *data_dir_for_autostart*:
    None for the default data folder). Save writes everything and closes; a failure
    is said in the dialog, which stays open. Cancel writes nothing.

    Signals:
        plan_saved(object): the :class:`~coach.plan.Plan` just written.
    """

    plan_saved = Signal(object)

    def __init__(self, library: Library, lang: str, plan_path: Path, *, reminders_on: bool,
                 keep_running: bool, data_dir_for_autostart: Path | None,
                 used_to_it: Callable[[str], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.lang = lang
        self.plan_path = plan_path
        self._autostart_dir = data_dir_for_autostart
        self._used_to_it = used_to_it or (lambda _routine_id: False)
        self._loaded = load_plan(plan_path)
        plan = self._loaded.plan
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("Weekly plan and reminders"))
        self.setAccessibleName(self.windowTitle())

        content = self._content = QWidget()
        content.setObjectName("planContent")
        layout = QVBoxLayout(content)
        if self._loaded.problem is not None:
            found = self._loaded.problem
            words = self.tr(
                "The saved plan could not be read ({reason}). Saving keeps the old file "
                "beside the new one as {name}.") if found.damaged else self.tr(
                "The saved plan could not be read ({reason}); it may be sound, so saving "
                "here changes nothing until the file can be read again.")
            problem = plain_label(words.format(reason=found.reason,
                                               name=set_aside_name(plan_path).name),
                                  object_name="planLoadProblem")
            problem.setAccessibleName(problem.text())
            set_text_colour(problem, lambda c: c.warning_text)
            layout.addWidget(problem)

        routines, inside = self._group("planRoutinesGroup",
                                       self.tr("Routines, days and times"))
        intro = plain_label(self.tr(
            "Tick the routines you want to do, then choose their days and time. Missing "
            "a day costs nothing."), object_name="planIntro")
        intro.setAccessibleName(intro.text())
        set_text_colour(intro)
        inside.addWidget(intro)
        self.rows: dict[str, PlanRow] = {}
        for routine in library.routines:
            row = PlanRow(routine, lang, plan.entry(routine.id),
                          functools.partial(self._default, routine))
            row.changed.connect(self._clear_status)
            self.rows[routine.id] = row
            inside.addWidget(row)
        if not library.routines:
            empty = plain_label(self.tr("No routines were found."), object_name="planEmpty")
            empty.setAccessibleName(empty.text())
            inside.addWidget(empty)
        others = [e.routine_id for e in plan.entries if library.get(e.routine_id) is None]
        if others:
            kept = plain_label(self.tr(
                "Also in the plan, kept as they are (not among the routines here): "
                "{ids}").format(ids=", ".join(others)), point_delta=-1,
                object_name="planOtherEntries")
            kept.setAccessibleName(kept.text())
            set_text_colour(kept)
            inside.addWidget(kept)
        layout.addWidget(routines)
        layout.addWidget(self._build_hours(plan))
        layout.addWidget(self._build_switches(reminders_on, keep_running))
        layout.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("planScroll")
        self.scroll_area.setAccessibleName(self.tr("Weekly plan"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        theme.follow(content, lambda c: content.setStyleSheet(
            f"QPushButton[dayToggle=\"true\"]:checked {{ background: {c.toggle_on}; "
            f"color: {c.on_accent}; }}"), name="dayToggles")

        self.status = plain_label("", object_name="planStatus")
        self.status.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        _name(buttons, "planButtons", self.tr("Dialog buttons"))
        self.export_button = QPushButton(self.tr("Export to calendar…"))
        _name(self.export_button, "planExportButton", self.tr("Export to calendar"))
        self.export_button.setToolTip(self.tr(
            "Write the plan as a calendar file (.ics), so that a phone reminds you too"))
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        _name(self.save_button, "planSaveButton", self.save_button.text().replace("&", ""))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        _name(self.cancel_button, "planCancelButton",
              self.cancel_button.text().replace("&", ""))
        self.export_button.clicked.connect(self.export_calendar)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        outer = self._outer = QVBoxLayout(self)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        outer.addLayout(bottom)
        self._set_tab_order([
            *(w for row in self.rows.values() for w in row.focus_chain()),
            self.active_from, self.active_to, self.quiet_check, self.quiet_from,
            self.quiet_to, self.reminders_check, self.keep_running_check,
            self.autostart_check, self.export_button, self.save_button, self.cancel_button])
        self._fit()

    # -- building --------------------------------------------------------------------
    def _group(self, name: str, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        group = QGroupBox(title)
        _name(group, name, title)
        return group, QVBoxLayout(group)

    def _build_hours(self, plan: Plan) -> QGroupBox:
        group, inside = self._group("planHoursGroup", self.tr("Hours"))
        grid = QGridLayout()
        active = QLabel(self.tr("Active hours"))
        _name(active, "activeHoursLabel", active.text())
        self.active_from = _time_edit("activeFrom", self.tr("Active hours start"),
                                      plan.active_hours[0])
        self.active_to = _time_edit("activeTo", self.tr("Active hours end"),
                                    plan.active_hours[1])
        active.setBuddy(self.active_from)
        self.quiet_check = QCheckBox(self.tr("Quiet hours"))
        _name(self.quiet_check, "quietCheck", self.tr("Quiet hours"))
        quiet = plan.quiet_hours or Plan().quiet_hours
        assert quiet is not None
        self.quiet_from = _time_edit("quietFrom", self.tr("Quiet hours start"), quiet[0])
        self.quiet_to = _time_edit("quietTo", self.tr("Quiet hours end"), quiet[1])
        self.quiet_check.setChecked(plan.quiet_hours is not None)
        for edit in (self.quiet_from, self.quiet_to):
            edit.setEnabled(plan.quiet_hours is not None)
            self.quiet_check.toggled.connect(edit.setEnabled)
        for n, (label, start, end) in enumerate(((active, self.active_from, self.active_to),
                                                 (self.quiet_check, self.quiet_from,
                                                  self.quiet_to))):
            to = QLabel(self.tr("to"))
            _name(to, f"hoursTo{n}", self.tr("to"))
            grid.addWidget(label, n, 0)
            grid.addWidget(start, n, 1)
            grid.addWidget(to, n, 2)
            grid.addWidget(end, n, 3)
        grid.setColumnStretch(4, 1)
        inside.addLayout(grid)
        self.hours_error = plain_label(self.tr("Active hours must end after they start."),
                                       object_name="activeHoursError")
        self.hours_error.setAccessibleName(self.hours_error.text())
        set_text_colour(self.hours_error, lambda c: c.error_text)
        self.hours_error.hide()
        inside.addWidget(self.hours_error)
        hint = plain_label(self.tr(
            "Hourly reminders, such as the desk break, come only during active hours. In "
            "quiet hours nothing is reminded; they may span midnight."), point_delta=-1,
            object_name="hoursHint")
        hint.setAccessibleName(hint.text())
        set_text_colour(hint)
        inside.addWidget(hint)
        for edit in (self.active_from, self.active_to):
            edit.timeChanged.connect(self._hours_changed)
        return group

    def _build_switches(self, reminders_on: bool, keep_running: bool) -> QGroupBox:
        group, self._switches = self._group("planRemindersGroup", self.tr("Reminders"))
        self.reminders_check = self._check( "remindersCheck", self.tr("Reminders on"),
                                           reminders_on)
        self.keep_running_check = self._check(
            "keepRunningCheck",
            self.tr("Keep running in the background when the window is closed"),
            keep_running)
        self.autostart_check = self._check("autostartCheck",
                                           self.tr("Start Knee Coach when I log in"),
                                           autostart.is_enabled())
        self._autostart_was_on = self.autostart_check.isChecked()
        return group

    def _check(self, name: str, text: str, on: bool) -> QCheckBox:
        box = QCheckBox(text)
        _name(box, name, text)
        box.setChecked(on)
        box.toggled.connect(self._clear_status)
        self._switches.addWidget(box)
        return box

    def _set_tab_order(self, chain: list[QWidget]) -> None:
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fit(self) -> None:
        """As tall as the content wants, but never beyond the screen: it scrolls."""
        want = self._content.sizeHint()
        rows = max((row.natural_width() for row in self.rows.values()), default=0)
        outer = self._outer
        margins = outer.contentsMargins()
        frame = (margins.top() + margins.bottom() + outer.spacing()
                 + self.save_button.sizeHint().height())
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        size = QSize(max(want.width(), rows + 60) + bar + 24, want.height() + frame + 2)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            size = size.boundedTo(screen.size() * 0.92)
        self.setMinimumSize(min(420, size.width()), min(240, size.height()))
        self.resize(size)

    # -- state -----------------------------------------------------------------------
    @property
    def reminders_on(self) -> bool:
        return self.reminders_check.isChecked()

    @property
    def keep_running(self) -> bool:
        return self.keep_running_check.isChecked()

    @property
    def start_at_login(self) -> bool:
        return self.autostart_check.isChecked()

    def _default(self, routine: Routine) -> Entry:
        return default_entry(routine, self._hours_plan(self._loaded.plan),
                             used_to_it=self._used_to_it(routine.id))

    def _hours_plan(self, plan: Plan) -> Plan:
        quiet = (_time(self.quiet_from), _time(self.quiet_to)) \
            if self.quiet_check.isChecked() else None
        return plan._replace(active_hours=(_time(self.active_from), _time(self.active_to)),
                       quiet_hours=quiet)

    def plan(self) -> Plan | None:
        """The plan the controls describe, or None (with the reasons shown) when a
        ticked routine has no day or the active hours are back to front."""
        missing = [row for row in self.rows.values() if row.needs_a_day()]
        hours_ok = _time(self.active_from) < _time(self.active_to)
        self.hours_error.setVisible(not hours_ok)
        if missing:
            self._say(self.tr("Pick at least one day for each ticked routine, or untick it."),
                      error=True)
            self.scroll_area.ensureWidgetVisible(missing[0])
            next(iter(missing[0].day_buttons.values())).setFocus()
            return None
        if not hours_ok:
            self._say(self.tr("Active hours must end after they start."), error=True)
            self.scroll_area.ensureWidgetVisible(self.active_to)
            self.active_to.setFocus()
            return None
        plan = self._hours_plan(self._loaded.plan)
        today = date.today()
        for routine_id, row in self.rows.items():
            entry = row.entry(plan.active_hours[0])
            if entry is not plan.entry(routine_id):  # an unchanged entry stays as it is
                plan = plan.replan(routine_id, entry, today)
        return plan

    def save(self) -> None:
        """Write start at login, then the plan; close only when both worked."""
        plan = self.plan()
        if plan is None:
            return
        quiet = [e for e in plan.entries if e.every is None and plan.in_quiet_hours(e.at)]
        if quiet and self.reminders_check.isChecked():
            # A reminder that could never come must not look planned.
            routine = self.library.get(quiet[0].routine_id)
            self._say(self.tr("“{routine}” at {time} is in the quiet hours, so no reminder "
                              "would come: change its time or the quiet hours.").format(
                routine=routine.title.get(self.lang) if routine else quiet[0].routine_id,
                time=quiet[0].at.strftime("%H:%M")), error=True)
            self.scroll_area.ensureWidgetVisible(self.quiet_check)
            return
        if not self._apply_autostart():
            return
        try:
            if self._loaded.problem is not None:
                self._loaded.problem.check_replaceable()
                set_aside(self.plan_path)
            save_plan(self.plan_path, plan)
        except PlanError as err:
            self._say(str(err), error=True)
            return
        self.plan_saved.emit(plan)
        self.accept()

    def _apply_autostart(self) -> bool:
        on = self.autostart_check.isChecked()
        try:
            if on:
                autostart.enable(self._autostart_dir)
            elif self._autostart_was_on:
                autostart.disable()
        except (autostart.AutostartError, ValueError) as err:
            self._say(self.tr("Start at login could not be changed: {reason}").format(
                reason=str(err)), error=True)
            self.scroll_area.ensureWidgetVisible(self.autostart_check)
            self.autostart_check.setFocus()
            return False
        self._autostart_was_on = on
        return True

    def export_calendar(self) -> None:
        """Write the plan as shown (saved or not) to an .ics file the user picks."""
        plan = self.plan()
        if plan is None:
            return
        if not plan.entries:
            self._say(self.tr("Nothing to export yet: tick a routine first."), error=True)
            return
        try:
            path = export_calendar(self, plan, self.library, self.lang)
        except OSError as err:
            self._say(str(err), error=True)
            return
        if path is not None:
            self._say(self.tr("Saved {path}. Open it with your calendar app to get the "
                              "reminders on your phone too.").format(path=str(path)))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        set_text_colour(self.status,
                        (lambda c: c.error_text) if error else (lambda c: c.window_text))
        self.status.show()

    def _clear_status(self) -> None:
        if self.status.isVisible():
            self.status.hide()

    def _hours_changed(self) -> None:
        self.hours_error.setVisible(_time(self.active_from) >= _time(self.active_to))
        self._clear_status()


def export_calendar(parent: QWidget, plan: Plan, library: Library, lang: str) -> Path | None:
    """Ask where, and write *plan* there as an iCalendar file; None when the user
    cancelled. Raises OSError with the words to show when it cannot be written."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, translate("PlanDialog", "Export the plan to a calendar file"),
        str(Path(folder) / "knee-coach.ics"),
        translate("PlanDialog", "Calendar files (*.ics)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    text = plan_ics(plan, {r.id: r for r in library.routines},
                    now=datetime.now().astimezone(), lang=lang)
    try:
        write_ics(path, text)
    except OSError as err:
        raise OSError(translate("PlanDialog", "The calendar file could not be written to "
                                              "{path}: {reason}").format(
            path=str(path), reason=err.strerror or str(err))) from err
    return path
