"""The main window: its tabs (the Today screen first), the way in to a session and
back, the views following the journal, message bars for anything the user must know
(damaged journal, routine files that could not be loaded), and closing or hiding."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coach import config, paths
from coach.advice import History
from coach.config import Options
from coach.journal import Changed, Journal, JournalError, JournalNotice
from coach.journal import now as local_now
from coach.library import Library
from coach.plan import LoadedPlan, load_plan
from coach.routine import Routine
from coach.schedule import ReminderState
from coach.textsafe import terminal_safe
from coach.today import offer_open, today
from coach.ui import theme
from coach.ui.main_menus import MainMenus
from coach.ui.settings import Settings
from coach.ui.trend_tab import TrendTab
from coach.ui.widgets import MessageBar, after_first_paint, message_box, settle_bar
from coach.ui.window_geometry import MINIMUM_SIZE, restore_geometry

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget

    from coach.progression import Recommendation
    from coach.recorder import SessionRecorder
    from coach.ui.reminders import ReminderService
    from coach.ui.routine_view import RoutineDetails
    from coach.ui.routines_tab import RoutinesTab
    from coach.ui.session_flow import SessionFlow
    from coach.ui.tray import ReminderPresenter
    from coach.ui.trend_view import TrendView

# Dialogs (coach.ui.help, QMessageBox, ...) are imported where they are opened: Qt
# builds each class's enums on first use, and start-up should pay only for what it shows.

log = logging.getLogger(__name__)


class TabRow(QTabBar):
    """Tabs at least as tall as the widget in the tab widget's corner (the check-in
    button, whatever the text size), so it sits inside the row: a taller corner
    widget would hang over the page below it."""

    def __init__(self, corner: QWidget) -> None:
        super().__init__()
        self._corner = corner

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802
        size = super().tabSizeHint(index)
        size.setHeight(max(size.height(), self._corner.sizeHint().height()))
        return size


class MainWindow(QMainWindow):
    """Knee Coach's one window. *library* and *journal* may be given (tests);
    otherwise they are loaded from *options*.

    Signals:
        chart_module_loaded: pyqtgraph and the chart code were just imported, at the
            first visit to the trend page; they stay loaded until the app quits.
        plan_changed: the weekly plan or the reminder settings were saved.
        finished: the window closed for good (not hidden to keep reminders running).
    """

    chart_module_loaded = Signal()
    plan_changed = Signal()
    # The window closed for good (not hidden to keep reminders running): the app
    # quits (see ``coach.ui.app.run_window``).
    finished = Signal()

    def __init__(self, options: Options, *, settings: Settings, lang: str,
                 library: Library | None = None, journal: Journal | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.options = options
        self.settings = settings
        self.lang = lang
        self.library = library if library is not None else options.load_library()
        self.journal = journal if journal is not None else options.open_journal()
        self.flow: SessionFlow | None = None
        self._return_page = "routines"  # the tab a session started from (close_session)
        # Set when the user asked for a restart (new language); the app starts a new
        # process after this one has closed its journal and released the data folder.
        self.restart_pending = False
        # Reminders at the plan's times (:meth:`start_reminders`), None until then
        # and while they are off.
        self.reminders: ReminderService | None = None
        self.reminder_ui: ReminderPresenter | None = None
        # Quit was chosen (menu, tray): close even when reminders would keep running.
        self._quitting = False
        self.setWindowTitle(self.tr("Knee Coach"))
        self.setMinimumSize(MINIMUM_SIZE)

        self.bars = QVBoxLayout()
        self.bars.setContentsMargins(12, 8, 12, 0)
        self.pages = QStackedWidget()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        corner = QWidget()  # the check-in button, off the window's edge and the page
        self.tabs.setTabBar(TabRow(corner))
        self.tabs.setDocumentMode(True)
        from coach.ui.today_view import TodayPage

        self.today_page = TodayPage(self.library, lang)
        self.today_page.start_requested.connect(self.open_routine)
        self.today_page.start_level_requested.connect(
            lambda rid, level: self.open_routine(rid, level))
        self.today_page.level_answered.connect(self.answer_level)
        self.today_page.chair_stand_requested.connect(self.chair_stand_test)
        self.today_page.choose_requested.connect(lambda: self.show_page("routines"))
        self.today_page.check_in_requested.connect(self.check_in)
        self.today_page.morning_requested.connect(self.answer_morning)
        self.today_page.plan_requested.connect(self.edit_plan)
        self.tabs.addTab(self.today_page, self.tr("Today"))
        self._build_broken_bar()
        # The routines tab's list and details are built and filled at its first
        # visit, or once the window is up (:meth:`_ensure_routines`): the Today screen
        # comes first.
        self._routines_filled = False
        self._close_unsaved = False  # "Close anyway" with part of a session unsaved
        # Sessions left with writes not on disk yet (the journal was busy or full):
        # tried again on a timer until they are, and asked about before closing.
        self._unsaved: list[SessionRecorder] = []
        self._unsaved_timer: QTimer | None = None
        self._routines_tab: RoutinesTab | None = None
        self.routines_page = QWidget()
        QVBoxLayout(self.routines_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.routines_page, self.tr("Routines"))
        self._trend_tab = TrendTab(self, settings)
        self.trend_page, self.trend_loading = self._trend_tab.page, self._trend_tab.loading
        self.tabs.addTab(self._trend_tab.scroll, self.tr("Pain trend"))
        # The tabs by the name the settings keep.
        self.tab_pages: dict[str, QWidget] = {
            "today": self.today_page, "routines": self.routines_page,
            "trend": self._trend_tab.scroll}
        self.check_in_button = QPushButton(self.tr("How is your knee?"))
        self.check_in_button.setObjectName("checkInButton")
        self.check_in_button.setAccessibleName(self.tr("How is your knee? Rate my pain now"))
        self.check_in_button.setAccessibleDescription(self.tr(
            "Rate your knee pain from 0 to 10 and save it in your journal"))
        self.check_in_button.setMinimumHeight(30)  # a target easy to hit
        self.check_in_button.clicked.connect(self.check_in)
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 2, 8, 3)
        corner_layout.addWidget(self.check_in_button)
        self.tabs.setCornerWidget(corner)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.pages.addWidget(self.tabs)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.bars)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        # There from the start: a status bar that appeared with its first message
        # would push the page (the chart) up and back down again.
        self.statusBar()
        self._menus = MainMenus(self, self.settings)
        self.outside_session = self._menus.outside_session

        if self.journal.notice:
            self.show_journal_notice(self.journal.notice)
        self._tell_of_kept_journal()
        if self.settings.problem:
            bar = MessageBar(self.tr(
                "Your settings could not be read: {problem}. Knee Coach uses its defaults "
                "and cannot keep changes until it is moved away.").format(
                problem=self.settings.problem))
            bar.setObjectName("settingsProblem")
            self.bars.addWidget(bar)
        from coach.ui.journal_status import DamageCheck

        # Damaged pages go unnoticed until read: look for them once the window is up.
        self.damage_check = DamageCheck(self.journal, self)
        self.damage_check.damaged.connect(self.journal_damaged)
        self._show_broken_routines()
        self.update_today()
        # The views follow the journal: whatever writes to it (a session, a check-in,
        # a correction, an import), the home screen and the chart catch up.
        self._refresh_queued = False
        self.journal.subscribe(self._journal_changed)
        # The text size in effect (a new one chosen in the menu waits for a restart).
        self._text_scale = theme.clamp_scale(self.settings.get(config.TEXT_SCALE))
        restore_geometry(self, self.settings.get(config.WINDOW_GEOMETRY), self._text_scale,
                         self.settings.get(config.WINDOW_TEXT_SCALE))
        self.show_page(self.settings.get(config.PAGE))
        after_first_paint(self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self._ensure_routines()
        self.library.save_cache()  # what was parsed, for the next start

    # -- building ------------------------------------------------------------
    def _build_broken_bar(self) -> None:
        self.broken_bar = MessageBar("", level="warning", closable=False,
                                     action=self.tr("Details…"))
        self.broken_bar.setObjectName("brokenRoutines")
        self.broken_bar.action_clicked.connect(self.show_broken_routines)
        self.broken_bar.hide()
        self.bars.addWidget(self.broken_bar)  # over every page: Today is shown first

    @property
    def _routines(self) -> RoutinesTab:
        """The routines tab's list, details and Start, built at the first need: only
        through here (they cost start-up ~10 ms, and Qt's item views' enums)."""
        if self._routines_tab is None:
            from coach.ui.routines_tab import RoutinesTab

            self._routines_tab = RoutinesTab(self)
        return self._routines_tab

    @property
    def routine_list(self) -> QListWidget:
        """The routine list, filled (see :meth:`_ensure_routines`)."""
        self._ensure_routines()
        return self._routines.routine_list

    @property
    def details(self) -> RoutineDetails:
        """The selected routine's details, filled (see :meth:`_ensure_routines`)."""
        self._ensure_routines()
        return self._routines.details

    @property
    def splitter(self) -> QSplitter:
        """The routines tab: the list beside the details (built, perhaps not filled)."""
        return self._routines.splitter

    @property
    def start_button(self) -> QPushButton:
        """The routines tab's Start (built, perhaps not filled)."""
        return self.splitter.findChild(QPushButton, "startButton")

    def _ensure_routines(self) -> None:
        """Build and fill the routine list (and so the details) once: at the first
        visit to the routines tab, or right after the first paint, or when anything
        asks for it."""
        if not self._routines_filled:
            self._routines_filled = True
            self._fill_routines()

    def chair_stand_test(self) -> None:
        """Tests > 30-second chair stand test (also from Today when it is due)."""
        if self.flow is not None:
            return
        from coach.ui.chair_stand import ChairStandDialog

        dialog = ChairStandDialog(self.journal, self.settings, self.lang, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def psfs_test(self) -> None:
        """Tests > Activities that are hard (the Patient-Specific Functional Scale)."""
        if self.flow is not None:
            return
        from coach.ui.psfs import PsfsDialog

        dialog = PsfsDialog(self.journal, self.lang, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_sound_settings(self) -> None:
        """Settings > Sound and voice."""
        from coach.ui.sound_settings import show_sound_settings

        # A running session's cues follow the changes at once.
        show_sound_settings(self, self.settings, self.lang,
                            self.flow.cues if self.flow is not None else None)

    # -- routines ------------------------------------------------------------
    def _fill_routines(self, keep: str | None = None) -> None:
        """The routine list from the library, *keep* (else the last used) selected."""
        self._show_broken_routines()
        if not self._routines_filled:  # filled when first wanted (_ensure_routines)
            return
        self._routines.fill(keep)

    def _show_broken_routines(self) -> None:
        """The bar over every page naming routine files that could not be loaded."""
        broken = self.library.broken_files
        if broken:
            # A few names; the rest are one click away (Details…).
            shown = [terminal_safe(path.name) for path in list(broken)[:3]]
            names = ", ".join(shown)
            if len(broken) > len(shown):
                text = self.tr("{n} routine files could not be loaded: {names} and {more} "
                               "more.").format(n=len(broken), names=names,
                                               more=len(broken) - len(shown))
            else:
                text = self.tr("Some routines could not be loaded: {names}").format(
                    names=names)
            self.broken_bar.label.setText(text)
        self.broken_bar.setVisible(bool(broken))

    def update_today(self) -> None:
        """The Today screen, from the plan and the journal (gentle: rest days are fine)."""
        from coach.ui.today_view import TodayData, gather

        loaded = self.load_plan()
        now = local_now()  # in the zone the computer is in now (after a flight too)
        try:
            data = gather(self.journal, self.library, self.lang, plan=loaded.plan,
                          has_plan=loaded.exists and bool(loaded.plan.entries),
                          state=self.reminder_state(), reminders_on=self.settings.get(
                              config.REMINDERS), now=now,
                          chosen_baseline=self._trend_tab.saved_baseline(),
                          last_used=self.settings.get(config.LAST_ROUTINE))
        except JournalError as err:  # damaged: the bar says what to do
            self.journal_damaged([str(err)])
            history = History([])
            data = TodayData(today(loaded.plan, history, now), history, None, None,
                             self.settings.get(config.REMINDERS), False, loaded.plan,
                             unreadable=True)  # no advice from the empty history
        self.today_page.show_today(data)

    def load_plan(self) -> LoadedPlan:
        """The weekly plan (an unreadable one counts as none; ``coach plan`` says why)."""
        return load_plan(self.options.data_dir / paths.PLAN_FILE)

    def reminder_state(self) -> ReminderState | None:
        """The reminders' snoozes and pauses, so that Today says what they will do."""
        return self.reminders.state if self.reminders is not None else None

    def routine_name(self, routine_id: str | None) -> str:
        """A routine's title, or its id when the library has no such routine."""
        routine = self.library.get(routine_id) if routine_id else None
        return routine.title.get(self.lang) if routine else (routine_id or "")

    def _journal_changed(self, _changed: Changed) -> None:
        # Coalesced: a session writes several times in a row.
        if not self._refresh_queued:
            self._refresh_queued = True
            QTimer.singleShot(0, self._refresh_views)

    def _refresh_views(self) -> None:
        self._refresh_queued = False
        self.update_today()
        if self._routines_filled:
            self._routines.relabel()
            self._routines.show_details()  # its level and the coach's advice
        if self.flow is not None:  # an offer answered on the safety check
            self.flow.refresh_level(*self.level_advice(self.flow.routine))
        self._trend_tab.journal_changed()

    def selected_routine(self) -> Routine | None:
        item = self.routine_list.currentItem()
        return self._routines.routine_of(item) if item else None

    def reload_routines(self) -> None:
        current = self.selected_routine()
        self.library = self.options.load_library()
        self.library.save_cache()
        self._fill_routines(keep=current.id if current else None)
        self.statusBar().showMessage(self.tr("Routines reloaded."), 4000)

    def open_routine(self, routine_id: str, level: int | None = None) -> bool:
        """Select *routine_id* and start it (``coach run``), at *level* if given; say
        so if it is unknown or has no such level."""
        routine_list = self.routine_list  # built and filled first if need be
        row = self._routines.row_of(routine_id)
        if row is not None:
            routine_list.setCurrentRow(row)
            routine = self.library.get(routine_id)
            if routine is not None and level is not None \
                    and not 1 <= level <= routine.level_count:
                box = message_box(self, self.tr("No such level"), self.tr(
                    "“{routine}” has no level {level}: it has levels 1 to {count}. "
                    "Choose one on the safety check.").format(
                    routine=routine.title.get(self.lang), level=level,
                    count=routine.level_count) if routine.levels else self.tr(
                    "“{routine}” has one level only, so it starts as it is.").format(
                    routine=routine.title.get(self.lang)))
                box.setObjectName("noSuchLevel")
                box.open()
                level = None
            self.start_selected(level)
            return True
        box = message_box(self, self.tr("Routine not found"), self.tr(
            "There is no routine with the id “{id}”. Choose one from the list."
        ).format(id=routine_id))
        box.setObjectName("routineNotFound")
        box.open()
        return False

    def level_advice(self, routine: Routine) -> tuple[Recommendation | None, bool]:
        """The coach's recommendation for *routine*'s next session (from the Today
        screen's data, which follows the journal), and whether its offer is open."""
        data = self.today_page.data
        advice = data.view.level_of(routine.id) if data is not None else None
        if advice is None:
            return None, False
        return advice, offer_open(data.history, advice) if data is not None else False

    def answer_level(self, routine_id: str, level: int, kind: str) -> None:
        """Record the user's answer to a level offer, or the level picked by hand; the
        views follow the journal. On the safety check, a new level opens the session
        again at that level (nothing of it is recorded yet)."""
        try:
            self.journal.add_level_choice(routine_id, level, kind)
        except JournalError as err:
            # In view on the safety check too (the status bar is hidden in a session),
            # and the lists put back at the level in force.
            from coach.ui.levels import LevelPanel

            for panel in self.findChildren(LevelPanel):
                panel.reset_pick()
            box = message_box(self, self.tr("Level not saved"), self.tr(
                "Could not save the level: {error}. Your level is unchanged; try again in "
                "a moment.").format(error=err))
            box.setObjectName("levelNotSaved")
            box.open()
            return
        flow = self.flow
        if flow is not None and flow.routine.id == routine_id and kind != "declined" \
                and level != flow.routine.level and not flow.recorder.session:
            self.close_session()
            self.start_selected(level)

    def start_selected(self, level: int | None = None) -> None:
        """Open the selected routine's session, beginning with its safety check, at
        *level* (default: the level the coach has the user at)."""
        routine = self.selected_routine()
        if routine is None or self.flow is not None:
            return
        from coach.ui.session_flow import SessionFlow

        advice, offer = self.level_advice(routine)
        current = advice.level if advice is not None else routine.level
        chosen = current if level is None else level
        if chosen != current:  # the user's own pick: no offer on top of it
            advice, offer = None, False
        routine = routine.at_level(chosen).for_weaker_side(
            self.settings.get(config.weaker_side(routine.id)))
        self._return_page = self.current_page()  # where "Back" goes when it ends
        self.flow = SessionFlow(routine, self.journal, lang=self.lang,
                                speed=self.options.speed, settings=self.settings,
                                advice=advice, offer=offer, back_to=self._return_page)
        self.flow.closed.connect(self.close_session)
        self.flow.level_answered.connect(self.answer_level)
        self.pages.addWidget(self.flow)
        self.pages.setCurrentWidget(self.flow)
        if self.reminders is not None:
            self.reminders.set_session_running(True)
        for action in self.outside_session:
            action.setEnabled(False)
        # Its messages are about what the menus do outside a session; its empty line
        # is better spent on the player (at large text it is a line of instructions).
        self.statusBar().hide()
        self.flow.start()

    def close_session(self) -> None:
        if self.flow is None:
            return
        self.flow.shutdown()
        self._keep_unsaved(self.flow.recorder)
        self.pages.setCurrentIndex(0)
        self.pages.removeWidget(self.flow)
        self.flow.deleteLater()
        self.flow = None
        if self.reminders is not None:
            self.reminders.set_session_running(False)
        for action in self.outside_session:
            action.setEnabled(True)
        self.statusBar().show()
        # Back where the session was started, with the keyboard on that page (the
        # routine list had it even when the Today page was shown).
        self.show_page(self._return_page)

    def show_broken_routines(self) -> None:
        from coach.ui.routines_tab import show_broken_routines

        show_broken_routines(self, self.library.problems)

    # -- pain trend and ratings ----------------------------------------------------
    def show_page(self, name: str) -> None:
        """Show the tab *name* ("today", "routines" or "trend"; anything else: today)
        and put the keyboard where that page is used from."""
        page = self.tab_pages.get(name, self.today_page)
        self.tabs.setCurrentWidget(page)
        focus = (self.today_page.start_button or self.today_page.plan_button
                 if name == "today" else self.routine_list if name == "routines" else None)
        if focus is not None:
            focus.setFocus()

    def current_page(self) -> str:
        current = self.tabs.currentWidget()
        return next(name for name, page in self.tab_pages.items() if page is current)

    def _on_tab_changed(self, _index: int) -> None:
        name = self.current_page()
        self.settings.set(config.PAGE, name)
        if name == "routines":
            self._ensure_routines()
        if name == "trend":
            self._trend_tab.shown()

    @property
    def trend(self) -> TrendView | None:
        """The chart, once loaded at the first visit to its tab."""
        return self._trend_tab.view

    def check_in(self) -> None:
        """"How is your knee?": a rating now, with an optional side and note."""
        from coach.ui.checkin import RatingDialog

        dialog = RatingDialog(self.journal, context="check_in",
                              question=self.tr("How much does your knee hurt right now?"),
                              parent=self)
        dialog.saved.connect(lambda rating: self.statusBar().showMessage(
            self.tr("Saved: pain {value} of 10.").format(value=rating.value), 5000))
        dialog.open()

    def show_history(self) -> None:
        from coach.ui.checkin import HistoryDialog

        HistoryDialog(self.journal, self).open()

    def export(self, kind: str) -> None:
        """Save the chart (png), the journal (csv) or the clinician's report (pdf)."""
        from coach.ui.window_actions import export

        export(self, kind)

    def answer_morning(self, session_uid: str) -> None:
        """The next-morning question (from the Today screen): is the pain back to
        usual after yesterday's session?"""
        from coach.ui.checkin import morning_dialog

        session = next((s for s in self.journal.sessions() if s.uid == session_uid), None)
        if session is not None:
            morning_dialog(self, self.journal, session,
                           self.routine_name(session.routine_id)).open()

    # -- reminders -------------------------------------------------------------------
    def start_reminders(self) -> None:
        """Remind at the plan's times (when reminders are on and there is a plan).
        Called once the window is up: nothing of it is on the first screen's path."""
        if self.reminders is not None or not self.settings.get(config.REMINDERS):
            return
        from coach.ui.window_reminders import open_reminders

        self.reminders, self.reminder_ui = open_reminders(self)
        self.reminders.set_session_running(self.flow is not None)
        self.reminders.start()

    def stop_reminders(self) -> None:
        for part in (self.reminder_ui, self.reminders):
            if part is not None:
                part.shutdown()
                part.deleteLater()
        self.reminders = self.reminder_ui = None

    def bring_forward(self) -> None:
        """Show the window (perhaps hidden to keep reminders running) and raise it."""
        self._quitting = False
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        """Close and quit, even when reminders would keep the app running. A running
        session asks first; its answer closes again later, still quitting (so the
        flag stays set until the window is brought back)."""
        self._quitting = True
        self.close()

    def _keeps_running(self) -> bool | None:
        """Whether closing the window only hides it: reminders are on, there is a plan
        to remind of, and the user said so. None: not asked yet (the question is now
        open; its answer closes or hides the window)."""
        if self._quitting or self.reminders is None or not self.reminders.plan.entries:
            return False
        answer = self.settings.get(config.KEEP_RUNNING)
        if answer:
            return answer == "yes"
        from coach.ui.window_reminders import ask_keep_running

        ask_keep_running(self, self.settings)
        return None

    def export_plan_calendar(self) -> None:
        """The saved weekly plan as an iCalendar file, so reminders reach a phone."""
        from coach.ui.window_actions import export_plan_calendar

        export_plan_calendar(self)

    def edit_plan(self) -> None:
        """The weekly plan and reminders (one dialog at a time)."""
        from coach.ui.window_actions import edit_plan

        edit_plan(self)

    # -- notices ---------------------------------------------------------------
    def show_journal_notice(self, notice: JournalNotice) -> None:
        from coach.ui.journal_status import notice_bar

        bar = notice_bar(notice)
        bar.setObjectName("journalNotice")
        self.bars.addWidget(bar)

    def _tell_of_kept_journal(self) -> None:
        """A journal kept aside by a command (``coach today`` in a script) was said
        only on its stderr: the window tells of the newest one once."""
        from coach.journal_open import kept_journals

        kept = kept_journals(self.journal.path)
        if not kept or kept[-1].name == self.settings.get(config.JOURNAL_KEPT_TOLD):
            return
        self.settings.set(config.JOURNAL_KEPT_TOLD, kept[-1].name)
        notice = self.journal.notice
        if notice is not None and notice.backup == kept[-1]:
            return  # the notice above tells of it
        bar = MessageBar(self.tr(
            "Earlier, your journal could not be opened, so it was kept as {backup} and a "
            "new one was started. Nothing was deleted: the history before then is in that "
            "file.").format(backup=kept[-1]))
        bar.setObjectName("journalKept")
        self.bars.addWidget(bar)

    def journal_damaged(self, problems: list[str] | None = None) -> None:
        """Part of the journal cannot be read (found by the check after start-up, or
        by a view reading it): say so once, and offer the export that rescues it."""
        if problems:
            log.warning("journal damaged: %s", "; ".join(problems))
        if self.findChild(MessageBar, "journalDamaged"):
            return
        from coach.ui.journal_status import damage_bar

        bar = damage_bar()
        bar.setObjectName("journalDamaged")
        bar.action_clicked.connect(lambda: self.export("csv"))
        self.bars.addWidget(bar)

    def show_safety(self) -> None:
        from coach.ui.help import SafetyDialog

        SafetyDialog(self).open()

    def show_daily_life(self) -> None:
        from coach.ui.help import DailyLifeDialog

        DailyLifeDialog(self, title_of=self.routine_name).open()

    def show_about(self) -> None:
        from coach.ui.help import about_box

        about_box(self).open()

    # -- window state ----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # Questions and notices open over a window the user can already see, not
        # before it is drawn.
        after_first_paint(self, self.damage_check.start)
        if not self.settings.get(config.FIRST_RUN_NOTICE_SEEN):
            after_first_paint(self, self._show_first_run_notice)

    def _show_first_run_notice(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from coach.ui.help import first_run_notice

        if self.settings.get(config.FIRST_RUN_NOTICE_SEEN) or \
                self.findChild(QMessageBox, "firstRunNotice"):
            return
        box = first_run_notice(self)
        box.finished.connect(lambda _result: self.settings.set(
            config.FIRST_RUN_NOTICE_SEEN, True))
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.flow is not None and self.flow.exercising():
            # As Esc does: ask first; "yes" ends the session (saved) and closes.
            event.ignore()
            self.flow.confirm_end(on_end=self.close)
            return
        keep = self._keeps_running()
        if keep is None:  # asked: the answer closes again
            event.ignore()
            return
        if keep:
            # Hidden, not closed: the reminders go on (the tray or a launch brings the
            # window back).
            event.ignore()
            self._save_window_state()
            self.hide()
            return
        if not self._close_unsaved:
            problem = self._unsaved_problem()
            if problem is not None:  # closing would lose it: ask first
                event.ignore()
                self._ask_close_unsaved(problem)
                return
        if self.flow is not None:
            self.flow.shutdown()  # records the session as stopped, with its progress
        self.stop_reminders()
        self.journal.unsubscribe(self._journal_changed)
        self._save_window_state()
        super().closeEvent(event)
        self.finished.emit()

    def _keep_unsaved(self, recorder: SessionRecorder) -> None:
        """A session left with writes not on disk yet: keep trying them after its page
        is gone, and say so."""
        from coach.ui.session_flow import RETRY_MS

        if recorder.flush():
            return
        recorder.on_error = None  # its page (which showed the errors) is gone
        self._unsaved.append(recorder)
        if self._unsaved_timer is None:
            self._unsaved_timer = QTimer(self)
            self._unsaved_timer.setInterval(RETRY_MS)
            self._unsaved_timer.timeout.connect(self._retry_unsaved)
        self._unsaved_timer.start()
        if self.findChild(MessageBar, "sessionUnsaved") is None:
            error = recorder.errors[-1] if recorder.errors else ""
            bar = MessageBar(self.tr(
                "Part of your last session is not in your journal yet: {error}. Nothing "
                "is lost: Knee Coach tries again every few seconds while it is "
                "open.").format(error=error), level="error", closable=False)
            bar.setObjectName("sessionUnsaved")
            self.bars.addWidget(bar)

    def _retry_unsaved(self) -> None:
        self._unsaved = [r for r in self._unsaved if not r.flush()]
        if self._unsaved or self._unsaved_timer is None:
            return
        self._unsaved_timer.stop()
        settle_bar(self, self.bars, "sessionUnsaved", self.tr(
            "Saved: your last session is all in your journal now."), "sessionSaved")

    def _unsaved_problem(self) -> JournalError | None:
        """What keeps part of a session off the disk, after one more try; None when
        nothing is waiting."""
        if self.flow is not None:
            problem = self.flow.unsaved()
            if problem is not None:
                return problem
        self._retry_unsaved()
        waiting = [r.errors[-1] for r in self._unsaved if r.errors]
        return waiting[0] if waiting else None

    def _ask_close_unsaved(self, problem: JournalError) -> None:
        """Part of the session is not on disk yet: close anyway (it is lost), or keep
        the window open while it is tried again."""
        from PySide6.QtWidgets import QMessageBox

        box = message_box(self, self.tr("Not saved yet"), self.tr(
            "Part of this session is not in your journal yet ({error}). If Knee Coach "
            "closes now, it is lost. Keep the window open a little longer and it is "
            "tried again every few seconds.").format(error=problem))
        box.setObjectName("closeUnsaved")
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        close = box.addButton(self.tr("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            if box.clickedButton() is close:
                self._close_unsaved = True
                self.close()

        box.finished.connect(answered)
        box.open()

    def _save_window_state(self) -> None:
        self.settings.set(config.WINDOW_GEOMETRY, self.saveGeometry().data())
        self.settings.set(config.WINDOW_TEXT_SCALE, self._text_scale)
        if self._routines_tab is not None:  # else as saved: it was never shown
            self.settings.set(config.WINDOW_SPLITTER,
                              self._routines_tab.splitter.saveState().data())
        self.settings.sync()
