"""Reminders in the window: :class:`ReminderService` keeps the plan's next reminder on
one single-shot timer, and :class:`ReminderWindow` is the small always-on-top note that
shows a due reminder with its choices (start, snooze, not today).

What is due, and when, is :mod:`coach.schedule`'s business; the service only asks it
again when its timer fires, when something changes (the plan, the journal, a session)
and when the user answers a reminder. The timer is never longer than
:data:`MAX_WAIT`, so sleep, a clock change or a new time zone is noticed within that
without any other hook, and the app wakes no more often than that while idle.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coach import paths
from coach.advice import History
from coach.journal import Changed, Journal, JournalError
from coach.plan import Plan, PlanError, load_plan
from coach.routine import Routine
from coach.schedule import (
    GRACE,
    SNOOZE_LONG,
    SNOOZE_SHORT,
    Reminder,
    ReminderKind,
    ReminderState,
    load_state,
    local_date,
    local_zone,
    next_reminder,
    rest_on,
    save_state,
)
from coach.ui.widgets import duration_text, plain_label, translate

log = logging.getLogger(__name__)

def _stamp(path: Path) -> tuple[int, int] | None:
    """The file's modification time and size (None: not there or unreadable)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


# The longest the timer waits before asking again (catches sleep and clock changes).
MAX_WAIT = timedelta(minutes=15)
# Below this the timer is a coarse one (5 %), above it a very coarse one (whole seconds).
_COARSE_BELOW_MS = 60_000
# At most this many reminders are announced by one check (two routines at one time).
_MAX_AT_ONCE = 8

Clock = Callable[[], datetime]
ZoneProvider = Callable[[], tzinfo]


def system_now() -> datetime:
    """Now, aware, in the system's zone."""
    return datetime.now(UTC).astimezone(local_zone())


def _same(a: Reminder | None, b: Reminder | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.kind, a.key, a.at, a.snoozed) == (b.kind, b.key, b.at, b.snoozed)


class ReminderService(QObject):
    """The plan's reminders on the wall clock, with one single-shot timer.

    *clock* returns an aware ``now`` and *zone* the local zone (both injected: tests
    move a fake clock and call :meth:`check_now`). The state (snoozes, "not today",
    the pause, what was shown) is kept in *state_path* when given. With a *journal*
    the service follows its changes (rest days, sessions done). Call :meth:`start`
    once the signals are connected, :meth:`shutdown` before the journal closes.

    Signals:
        due(Reminder): show this reminder now (each one once; a MISSED one sums up
            every reminder that passed while the computer slept or the app was closed).
        next_changed(object): the next reminder to come (a Reminder) or None, for the
            Today screen's "next reminder" line.
        paused_changed(bool): reminders were paused for today, or resumed.
    """

    due = Signal(object)
    next_changed = Signal(object)
    paused_changed = Signal(bool)
    # After every check (each timer run, journal change, plan change): what depends
    # on the day or the journal (the tray's Start, a reminder left waiting) follows.
    checked = Signal()

    def __init__(self, plan: Plan, *, journal: Journal | None = None,
                 state_path: Path | None = None, clock: Clock = system_now,
                 zone: ZoneProvider = local_zone, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.journal = journal
        self.state_path = state_path
        self.clock = clock
        self.zone = zone
        self.session_running = False
        # From the start of the last session to its end: what came due meanwhile is
        # shown after it, not called missed "while the computer was asleep".
        self._session_from: datetime | None = None
        self._held: tuple[datetime, datetime] | None = None
        # The plan file, followed: `coach plan add` while the window runs.
        self.plan_path: Path | None = None
        self._plan_stamp: tuple[int, int] | None = None
        self.upcoming: Reminder | None = None
        self._history: tuple[date, History] | None = None
        self._save_failed = False
        self._check_queued = False
        now = clock()
        state = load_state(state_path) if state_path is not None else ReminderState()
        self.state = state if state.since is not None else ReminderState.starting(now)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check_now)
        if journal is not None:
            journal.subscribe(self._journal_changed)

    @classmethod
    def open(cls, data_dir: Path, journal: Journal | None = None, *,
             clock: Clock = system_now, zone: ZoneProvider = local_zone,
             parent: QObject | None = None) -> ReminderService:
        """The service for a data folder: its ``plan.json`` (no plan if unreadable)
        and its ``reminders.json``."""
        loaded = load_plan(data_dir / paths.PLAN_FILE)
        if loaded.problem is not None:
            log.warning("%s", loaded.problem)
        service = cls(loaded.plan, journal=journal,
                      state_path=data_dir / paths.REMINDER_STATE_FILE,
                      clock=clock, zone=zone, parent=parent)
        service.plan_path = data_dir / paths.PLAN_FILE
        service._plan_stamp = _stamp(service.plan_path)
        return service

    # -- life cycle ------------------------------------------------------------------
    def start(self) -> None:
        """Announce what is due now (a missed note first) and arm the timer."""
        self.check_now()

    def shutdown(self) -> None:
        self.timer.stop()
        if self.journal is not None:
            self.journal.unsubscribe(self._journal_changed)
            self.journal = None

    # -- what the rest of the app tells us --------------------------------------------
    def set_plan(self, plan: Plan) -> None:
        """A new plan, from now on: its times already past were not missed (the app was
        running; a routine added at noon for 10:00 is not "missed while asleep")."""
        self.plan = plan
        if self.plan_path is not None:
            self._plan_stamp = _stamp(self.plan_path)
        now = self.clock().astimezone(UTC)
        since = self.state.since
        self.state = self.state._replace(since=max(since, now - GRACE)
                                         if since is not None and since <= now
                                         else now - GRACE)
        self.check_now()

    def set_session_running(self, running: bool) -> None:
        """No reminder while a session runs; one that came due meanwhile is shown
        after it (not the routine just done)."""
        if running == self.session_running:
            return
        self.session_running = running
        now = self.clock()
        if running:
            self._session_from = now
        elif self._session_from is not None:
            self._held = (self._session_from, now)
        self.check_now()

    def _follow_plan_file(self) -> None:
        """The plan file changed behind the window (`coach plan add`): follow it."""
        if self.plan_path is None:
            return
        stamp = _stamp(self.plan_path)
        if stamp == self._plan_stamp:
            return
        loaded = load_plan(self.plan_path)
        if loaded.problem is not None:
            log.warning("%s", loaded.problem)
        self.set_plan(loaded.plan)

    def reload(self) -> None:
        """The journal changed: read it again and ask again."""
        self._history = None
        self.check_now()

    def _journal_changed(self, _changed: Changed) -> None:
        # A session writes several times in a row: one reload after them.
        self._history = None
        if not self._check_queued:
            self._check_queued = True
            QTimer.singleShot(0, self, self._queued_check)

    def _queued_check(self) -> None:
        self._check_queued = False
        self.check_now()

    # -- what the user answered ---------------------------------------------------------
    def snooze(self, reminder: Reminder, short: bool = True) -> None:
        """Remind again in 10 minutes (*short*) or in an hour."""
        self._change(self.state.snooze(reminder, self.clock(),
                                       SNOOZE_SHORT if short else SNOOZE_LONG))

    def not_today(self, reminder: Reminder) -> None:
        """No more reminders of that routine (or check-ins) today."""
        self._change(self.state.skip_today(reminder, self.clock()))

    def pause_today(self) -> None:
        """No reminders at all for the rest of today."""
        self._change(self.state.pause_today(self.today()))
        self.paused_changed.emit(True)

    def resume(self) -> None:
        # From now on: what the pause held back is neither shown late nor "missed".
        now = self.clock().astimezone(UTC)
        state = self.state.resume()
        self._change(state._replace(since=max(state.since or now, now)))
        self.paused_changed.emit(False)

    def is_paused(self) -> bool:
        return self.state.paused == self.today()

    def _change(self, state: ReminderState) -> None:
        self.state = state
        self._save()
        self.check_now()

    # -- questions ----------------------------------------------------------------------
    def today(self) -> date:
        return local_date(self.clock(), self.zone())

    def history(self) -> History:
        """The journal as the rules see it (read again when it changes or a day passes)."""
        day = self.today()
        if self._history is None or self._history[0] != day:
            history = History([])
            if self.journal is not None:
                try:
                    history = History.load(self.journal, day)
                except JournalError as err:  # damaged: remind by the plan alone
                    log.warning("reminders without the journal: %s", err)
            self._history = (day, history)
        return self._history[1]

    def todays_routine(self) -> str | None:
        """The routine to offer today (the tray's Start): the first planned one not yet
        done, else the first planned; None on a rest day or when none is planned."""
        now, tz = self.clock(), self.zone()
        day = local_date(now, tz)
        history = self.history()
        if rest_on(history, day, tz) is not None:
            return None
        planned = [e.routine_id for e in sorted(self.plan.planned_on(day.weekday()),
                                                key=lambda e: e.at) if e.every is None]
        done = history.done_on(day)
        return next((r for r in planned if r not in done), planned[0] if planned else None)

    # -- the timer ----------------------------------------------------------------------
    def check_now(self) -> None:
        """Announce every reminder due now (each once), then arm the timer for the
        next one, at most :data:`MAX_WAIT` ahead."""
        self._follow_plan_file()  # (calls back here when it changed)
        now, tz = self.clock(), self.zone()
        history = self.history()
        believed = self.state.as_of(now, tz)  # a clock that ran ahead was put right
        if believed is not self.state:
            self.state = believed
            self._save()
        reminder = None
        for _ in range(_MAX_AT_ONCE):
            reminder = next_reminder(self.plan, now, self.state, history=history, tz=tz,
                                     session_running=self.session_running, held=self._held)
            if reminder is None or not reminder.due(now) or self.session_running:
                break
            self.state = self.state.mark_shown(reminder, now)
            self._save()
            self.due.emit(reminder)
            reminder = None
        else:  # more due at once than are announced in one go: the rest right after
            reminder = next_reminder(self.plan, now, self.state, history=history, tz=tz,
                                     session_running=self.session_running, held=self._held)
        if not _same(reminder, self.upcoming):
            self.upcoming = reminder
            self.next_changed.emit(reminder)
        self._arm(now, reminder)
        self.checked.emit()

    def still_relevant(self, reminder: Reminder) -> bool:
        """Is a reminder shown earlier still true now? Not on another day, not for a
        routine done since, not an exercise on a rest day, not a check-in once the
        pain is rated."""
        now, tz = self.clock(), self.zone()
        day = local_date(now, tz)
        if reminder.day != day:
            return False
        history = self.history()
        rest = rest_on(history, day, tz)
        if reminder.kind is ReminderKind.CHECK_IN:
            return rest is not None and not rest.checked_in
        if reminder.routine_id is None:  # the missed note: said once, that day
            return True
        return rest is None and reminder.routine_id not in history.done_on(day)

    def _arm(self, now: datetime, reminder: Reminder | None) -> None:
        wait = MAX_WAIT
        if reminder is not None:
            wait = min(wait, max(reminder.at.astimezone(UTC) - now.astimezone(UTC),
                                 timedelta(0)))
        ms = max(1, math.ceil(wait / timedelta(milliseconds=1)))
        self.timer.setTimerType(Qt.TimerType.CoarseTimer if ms < _COARSE_BELOW_MS
                                else Qt.TimerType.VeryCoarseTimer)
        self.timer.start(ms)

    def _save(self) -> None:
        if self.state_path is None:
            return
        try:
            save_state(self.state_path, self.state)
            self._save_failed = False
        except PlanError as err:  # kept in memory; said once in the log
            if not self._save_failed:
                log.warning("%s", err)
            self._save_failed = True


# -- words ------------------------------------------------------------------------------
RoutineLookup = Callable[[str], Routine | None]


def quoted(title: str) -> str:
    return translate("Reminder", "“{title}”").format(title=title)


def _title(routine_of: RoutineLookup, routine_id: str, lang: str) -> str:
    routine = routine_of(routine_id)
    return routine.title.get(lang) if routine is not None else routine_id


def reminder_words(reminder: Reminder, routine_of: RoutineLookup, lang: str
                   ) -> tuple[str, str]:
    """The heading and the sentence for *reminder*: kind, never "you missed"."""
    kind = reminder.kind
    if kind is ReminderKind.CHECK_IN:
        return (translate("Reminder", "How is your knee today?"),
                translate("Reminder", "Today is a day to rest your knee. When you have a "
                          "moment, rate your pain: it helps decide what comes next."))
    if kind is ReminderKind.MISSED:
        names = [quoted(_title(routine_of, r, lang)) for r in reminder.missed]
        heading = translate("Reminder", "While you were away")
        if not names:
            return heading, translate("Reminder", "While the computer was asleep or Knee "
                                      "Coach was closed, a reminder passed.")
        if len(names) == 1:
            return heading, translate("Reminder", "While the computer was asleep or Knee "
                                      "Coach was closed, the reminder for {names} passed. "
                                      "There is no catching up to do: start it now if you "
                                      "like, or at the next planned time."
                                      ).format(names=names[0])
        joined = translate("Reminder", ", ").join(names)
        return heading, translate("Reminder", "While the computer was asleep or Knee Coach "
                                  "was closed, the reminders for {names} passed. There is "
                                  "no catching up to do.").format(names=joined)
    routine_id = reminder.routine_id or ""
    routine = routine_of(routine_id)
    title = quoted(_title(routine_of, routine_id, lang))
    if kind is ReminderKind.NUDGE:
        return (translate("Reminder", "Time for a short break"),
                translate("Reminder", "Time to stand up and move for two minutes: {title}."
                          ).format(title=title))
    if routine is not None:
        return (translate("Reminder", "Time for your routine"),
                translate("Reminder", "{title} ({duration}) is planned for now. Start "
                          "whenever you are ready, or choose a later time."
                          ).format(title=title, duration=duration_text(routine.total_seconds)))
    return (translate("Reminder", "Time for your routine"),
            translate("Reminder", "{title} is planned for now.").format(title=title))


class ReminderWindow(QWidget):
    """A small note on top of other windows that never takes the keyboard from them:
    what is due and the choices for it. Answering hides it.

    Signals:
        start_requested(str): start that routine now.
        rate_requested(): open the pain check-in.
        open_requested(): bring the main window forward.
        snooze_requested(object, bool): snooze the Reminder, for 10 minutes if True,
            else for an hour.
        not_today_requested(object): no more reminders of it today.
    """

    start_requested = Signal(str)
    rate_requested = Signal()
    open_requested = Signal()
    snooze_requested = Signal(object, bool)
    not_today_requested = Signal(object)

    def __init__(self, routine_of: RoutineLookup, lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("reminderWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)
        self.setWindowTitle(translate("Reminder", "Knee Coach reminder"))
        self.routine_of = routine_of
        self.lang = lang
        self.reminder: Reminder | None = None
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        self.heading = plain_label(point_delta=3, bold=True, object_name="reminderHeading")
        self.text = plain_label(object_name="reminderText")
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.setSpacing(6)
        layout.addSpacing(4)
        layout.addLayout(row)

        def button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.clicked.connect(slot)
            row.addWidget(made)
            return made

        self.start_button = button("reminderStart", translate("Reminder", "Start now"),
                                   self._start)
        self.rate_button = button("reminderRate", translate("Reminder", "Rate my pain"),
                                  lambda: self._answer(self.rate_requested.emit))
        self.open_button = button("reminderOpen", translate("Reminder", "Open Knee Coach"),
                                  lambda: self._answer(self.open_requested.emit))
        self.snooze10 = button("reminderSnooze10", translate("Reminder", "Snooze 10 min"),
                               lambda: self._snooze(True))
        self.snooze60 = button("reminderSnooze60", translate("Reminder", "Snooze 1 hour"),
                               lambda: self._snooze(False))
        self.not_today = button("reminderNotToday", translate("Reminder", "Not today"),
                                self._not_today)
        self.close_button = button("reminderClose", translate("Reminder", "Close"),
                                   lambda: self._answer(None))
        self.setMinimumWidth(440)
        self.setMaximumWidth(620)

    def show_reminder(self, reminder: Reminder) -> None:
        """Show *reminder* (replacing any other) without taking the keyboard."""
        self.reminder = reminder
        heading, text = reminder_words(reminder, self.routine_of, self.lang)
        self.heading.setText(heading)
        self.text.setText(text)
        self.setAccessibleName(heading)
        kind = reminder.kind
        missed = kind is ReminderKind.MISSED
        startable = self._routine_id() is not None
        self.start_button.setVisible(startable)
        self.rate_button.setVisible(kind is ReminderKind.CHECK_IN)
        self.open_button.setVisible(missed and not startable)
        for choice in (self.snooze10, self.snooze60, self.not_today):
            choice.setVisible(not missed)
        self.close_button.setVisible(missed)
        self.adjustSize()
        # Wrapped text: as tall as the chosen width needs, no taller.
        height = self.box.totalHeightForWidth(self.width())
        if height > 0:
            self.resize(self.width(), height)
        self._place()
        self.show()

    def _routine_id(self) -> str | None:
        reminder = self.reminder
        if reminder is None or reminder.kind is ReminderKind.CHECK_IN:
            return None
        if reminder.kind is ReminderKind.MISSED:
            return reminder.missed[0] if len(reminder.missed) == 1 else None
        return reminder.routine_id

    def _place(self) -> None:
        """Top right of the screen, clear of the panel."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        margin = 16
        self.move(area.right() - self.width() - margin, area.top() + margin)

    def _answer(self, emit: Callable[[], None] | None) -> None:
        self.hide()
        if emit is not None:
            emit()
        self.reminder = None

    def _start(self) -> None:
        routine_id = self._routine_id()
        if routine_id is not None:
            self._answer(lambda: self.start_requested.emit(routine_id))

    def _snooze(self, short: bool) -> None:
        reminder = self.reminder
        if reminder is not None:
            self._answer(lambda: self.snooze_requested.emit(reminder, short))

    def _not_today(self) -> None:
        reminder = self.reminder
        if reminder is not None:
            self._answer(lambda: self.not_today_requested.emit(reminder))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Closed from its title bar: the reminder was seen, nothing more.
        self.reminder = None
        super().closeEvent(event)
