"""The main window: the Today screen (shown first), the routine list with the chosen
routine's details, the pain trend, and the way in to a session; message bars for
anything the user must know (damaged journal, routine files that could not be
loaded)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
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
from coach.library import Library
from coach.plan import LoadedPlan, load_plan
from coach.routine import Routine
from coach.schedule import Reminder, ReminderState
from coach.textsafe import terminal_safe
from coach.today import offer_open, today
from coach.ui import theme
from coach.ui.settings import Settings
from coach.ui.widgets import (
    MessageBar,
    after_first_paint,
    duration_text,
    message_box,
    plain_label,
    plain_tip,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget

    from coach.progression import Recommendation
    from coach.ui.reminders import ReminderService
    from coach.ui.routine_view import RoutineDetails
    from coach.ui.session_flow import SessionFlow
    from coach.ui.tray import ReminderPresenter
    from coach.ui.trend_view import TrendView

# Dialogs (coach.ui.help, QMessageBox, ...) are imported where they are opened: Qt
# builds each class's enums on first use, and start-up should pay only for what it shows.

ROUTINE_ROLE = Qt.ItemDataRole.UserRole

#: The size the window opens at when the screen has room for it.
PREFERRED_SIZE = QSize(1100, 720)
#: Fits a 1024x600 screen at 150 % scaling (683x400 logical) with a panel and a title
#: bar; every page scrolls rather than clips down to this size.
MINIMUM_SIZE = QSize(600, 330)
#: Of the screen's free area, what a first window takes at most.
SCREEN_SHARE = 0.9

log = logging.getLogger(__name__)
T = TypeVar("T")


def first_run_size(available: QRect) -> QSize:
    """The preferred size, shrunk to a share of the screen's free area if needed."""
    return QSize(min(PREFERRED_SIZE.width(), int(available.width() * SCREEN_SHARE)),
                 min(PREFERRED_SIZE.height(), int(available.height() * SCREEN_SHARE)))


def fit_to_screen(wanted: QRect, available: QRect) -> QRect:
    """*wanted* made no larger than *available*, then moved (as little as possible)
    to lie inside it: a remembered place on a screen that is gone or smaller."""
    width = min(wanted.width(), available.width())
    height = min(wanted.height(), available.height())
    x = max(available.left(), min(wanted.left(), available.left() + available.width() - width))
    y = max(available.top(), min(wanted.top(), available.top() + available.height() - height))
    return QRect(x, y, width, height)


def standard_keys(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for *key*, or *fallback* where the platform has none (the
    offscreen platform and some desktops define no Quit key at all)."""
    return QKeySequence.keyBindings(key) or [QKeySequence(fallback)]


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
    #: The window closed for good (not hidden to keep reminders running): the app
    #: quits (see ``coach.ui.app.run_window``).
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
        #: Set when the user asked for a restart (new language); the app starts a new
        #: process after this one has closed its journal and released the data folder.
        self.restart_pending = False
        #: Reminders at the plan's times (:meth:`start_reminders`), None until then
        #: and while they are off.
        self.reminders: ReminderService | None = None
        self.reminder_ui: ReminderPresenter | None = None
        #: Quit was chosen (menu, tray): close even when reminders would keep running.
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
        self._home: QSplitter | None = None
        self.routines_page = QWidget()
        QVBoxLayout(self.routines_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.routines_page, self.tr("Routines"))
        self.trend_page = QWidget()
        QVBoxLayout(self.trend_page).setContentsMargins(0, 0, 0, 0)
        # The chart code loads at the first visit (about half a second): this is on
        # screen meanwhile.
        self.trend_loading = plain_label(self.tr("Loading the chart…"), point_delta=2,
                                         object_name="trendLoading")
        self.trend_loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.trend_page.layout().addWidget(self.trend_loading)
        # Scrolls rather than clips when the window is narrower than the chart's tools.
        trend_scroll = QScrollArea()
        trend_scroll.setObjectName("trendScroll")
        trend_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the chart's tools
        trend_scroll.setWidgetResizable(True)
        trend_scroll.setFrameShape(QFrame.Shape.NoFrame)
        trend_scroll.setWidget(self.trend_page)
        self.tabs.addTab(trend_scroll, self.tr("Pain trend"))
        #: The tabs by the name the settings keep.
        self.tab_pages: dict[str, QWidget] = {
            "today": self.today_page, "routines": self.routines_page, "trend": trend_scroll}
        self.trend: TrendView | None = None
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
        self._build_menus()

        if self.journal.notice:
            self.show_journal_notice(self.journal.notice)
        from coach.ui.journal_status import DamageCheck

        # Damaged pages go unnoticed until read: look for them once the window is up.
        self.damage_check = DamageCheck(self.journal, self)
        self.damage_check.damaged.connect(self.journal_damaged)
        self._show_broken_routines()
        self.update_today()
        # The views follow the journal: whatever writes to it (a session, a check-in,
        # a correction, an import), the home screen and the chart catch up.
        self._refresh_queued = False
        self._trend_stale = False
        self.journal.subscribe(self._journal_changed)
        self._restore_geometry()
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
    def routine_list(self) -> QListWidget:
        """The routine list, filled (see :meth:`_ensure_routines`)."""
        self._ensure_routines()
        return self._routine_list

    @property
    def details(self) -> RoutineDetails:
        """The selected routine's details, filled (see :meth:`_ensure_routines`)."""
        self._ensure_routines()
        return self._details

    @property
    def splitter(self) -> QSplitter:
        """The routines tab: the list beside the details (built, perhaps not filled)."""
        if self._home is None:
            self._home = self._build_home()
        return self._home

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

    def _build_home(self) -> QSplitter:
        """The routines tab's content, put in its page; only through :attr:`splitter`
        (its list, details and Start cost start-up ~10 ms, and Qt's item views' enums)."""
        from PySide6.QtWidgets import QListWidget

        from coach.ui.routine_view import RoutineDetails

        self._routine_list = QListWidget()
        self._routine_list.setObjectName("routineList")
        self._routine_list.setAccessibleName(self.tr("Routines"))
        self._routine_list.setAccessibleDescription(self.tr(
            "Up and Down choose a routine, Return starts it"))
        self._routine_list.setSpacing(3)
        self._routine_list.setWordWrap(True)
        font = self._routine_list.font()
        font.setPointSizeF(font.pointSizeF() + 1.5)
        self._routine_list.setFont(font)
        self._routine_list.currentItemChanged.connect(self._on_routine_changed)
        self._routine_list.itemActivated.connect(lambda _item: self.start_selected())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addWidget(plain_label(self.tr("Routines"), point_delta=3, bold=True))
        left_layout.addWidget(self._routine_list, 1)

        self._details = RoutineDetails()
        self._details.level_answered.connect(self.answer_level)
        self._details.weaker_side_chosen.connect(self._weaker_side_chosen)
        start_button = QPushButton(self.tr("Start routine"))
        start_button.setObjectName("startButton")
        start_button.setAccessibleName(self.tr("Start routine"))
        start_button.setAccessibleDescription(self.tr("Start the selected routine"))
        start_button.setDefault(True)
        start_button.setMinimumHeight(48)
        font = start_button.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        start_button.setFont(font)
        start_button.clicked.connect(self.start_selected)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 12, 12)
        right_layout.addWidget(self._details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(start_button)
        right_layout.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        splitter.setChildrenCollapsible(False)
        saved = self.settings.get(config.WINDOW_SPLITTER)
        if saved:
            splitter.restoreState(QByteArray(saved))
        self.routines_page.layout().addWidget(splitter)
        # Tab reaches the list and Start where it would have, had they been built with
        # the window (added now, they come last in the window's focus chain).
        before = self.routines_page.previousInFocusChain()
        while before is not self and not before.focusPolicy() & Qt.FocusPolicy.TabFocus:
            before = before.previousInFocusChain()
        for widget in (self._routine_list, start_button):
            QWidget.setTabOrder(before, widget)
            before = widget
        return splitter

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        #: Actions that make no sense while a session runs (Quit and Help stay).
        self.outside_session: list[QAction] = []
        rate_action = file_menu.addAction(self.tr("Rate my &pain now…"))
        rate_action.setShortcut(QKeySequence("Ctrl+N"))
        rate_action.triggered.connect(self.check_in)
        file_menu.addSeparator()
        reload_action = file_menu.addAction(self.tr("&Reload routines"))
        reload_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Refresh, "F5"))
        reload_action.triggered.connect(self.reload_routines)
        calendar_action = file_menu.addAction(self.tr("Export weekly plan to &calendar…"))
        calendar_action.triggered.connect(self.export_plan_calendar)
        self.outside_session += [rate_action, reload_action, calendar_action]
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        quit_action.triggered.connect(self.quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for name, text, key in (("today", self.tr("T&oday"), "Ctrl+1"),
                                ("routines", self.tr("&Routines"), "Ctrl+2"),
                                ("trend", self.tr("Pain &trend"), "Ctrl+3")):
            action = view_menu.addAction(text)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, n=name: self.show_page(n))
            self.outside_session.append(action)

        tests_menu = self.menuBar().addMenu(self.tr("T&ests"))
        chair_action = tests_menu.addAction(self.tr("30-second &chair stand test…"))
        chair_action.triggered.connect(self.chair_stand_test)
        psfs_action = tests_menu.addAction(self.tr("&Activities that are hard (PSFS)…"))
        psfs_action.triggered.connect(self.psfs_test)
        self.outside_session += [chair_action, psfs_action]

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.outside_session.append(language_menu.menuAction())
        group = QActionGroup(self)
        saved = self.settings.get(config.LANGUAGE)
        for code, name in (("system", self.tr("System default")), ("en", "English"),
                           ("ja", "日本語")):
            action = self._choice(name, code, saved == code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._on_language_chosen)
        self._build_appearance_menus(settings_menu)
        # addAction(text) then connect: addAction(text, slot) makes PySide6 build
        # QIcon's enums while it picks the overload.
        settings_menu.addAction(self.tr("Sound and &voice…")).triggered.connect(
            self._show_sound_settings)
        plan_action = settings_menu.addAction(self.tr("Weekly &plan and reminders…"))
        plan_action.triggered.connect(self.edit_plan)
        self.outside_session.append(plan_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        safety_action = help_menu.addAction(self.tr("&Safety and when to get help"))
        safety_action.setShortcuts(standard_keys(QKeySequence.StandardKey.HelpContents, "F1"))
        safety_action.triggered.connect(self.show_safety)
        help_menu.addAction(self.tr("&Daily life tips")).triggered.connect(
            self.show_daily_life)
        help_menu.addAction(self.tr("&About Knee Coach")).triggered.connect(self.show_about)

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

    def _show_sound_settings(self) -> None:
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
        from PySide6.QtWidgets import QListWidgetItem

        start_button = self.start_button  # built now if need be
        self._routine_list.clear()
        for routine in self.library.routines:
            item = QListWidgetItem(self._routine_item_text(routine))
            item.setData(ROUTINE_ROLE, routine.id)
            item.setToolTip(plain_tip(routine.summary.get(self.lang)))
            self._routine_list.addItem(item)
        wanted = keep or self.settings.get(config.LAST_ROUTINE)
        row = next((i for i, r in enumerate(self.library.routines) if r.id == wanted), 0)
        if self.library.routines:
            self._routine_list.setCurrentRow(row)
        else:
            self._details.show_routine(None, self.lang)
        start_button.setEnabled(bool(self.library.routines))

    def _routine_item_text(self, routine: Routine) -> str:
        """Its name, and its length at the level the coach would play it next (as
        its details say; the standard level's length for a routine with no advice)."""
        advice = self.level_advice(routine)[0]
        played = routine.at_level(advice.level) if advice is not None else routine
        return f"{routine.title.get(self.lang)}\n{duration_text(played.total_seconds)}"

    def _relabel_routines(self) -> None:
        """The lengths in the list again: a level chosen, offered or eased changes them."""
        for row in range(self._routine_list.count()):
            item = self._routine_list.item(row)
            routine = self.library.get(item.data(ROUTINE_ROLE))
            if routine is not None:
                text = self._routine_item_text(routine)
                if item.text() != text:
                    item.setText(text)

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
        now = datetime.now().astimezone()
        try:
            data = gather(self.journal, self.library, self.lang, plan=loaded.plan,
                          has_plan=loaded.exists and bool(loaded.plan.entries),
                          state=self.reminder_state(), reminders_on=self.settings.get(
                              config.REMINDERS), now=now,
                          chosen_baseline=self._saved_baseline(),
                          last_used=self.settings.get(config.LAST_ROUTINE))
        except JournalError as err:  # damaged: the bar says what to do
            self.journal_damaged([str(err)])
            history = History([])
            data = TodayData(today(loaded.plan, history, now), history, None, None,
                             self.settings.get(config.REMINDERS), False, loaded.plan)
        self.today_page.show_today(data)

    def load_plan(self) -> LoadedPlan:
        """The weekly plan (an unreadable one counts as none; ``coach plan`` says why)."""
        return load_plan(self.options.data_dir / paths.PLAN_FILE)

    def reminder_state(self) -> ReminderState | None:
        """The reminders' snoozes and pauses, so that Today says what they will do."""
        return self.reminders.state if self.reminders is not None else None

    def _routine_name(self, routine_id: str | None) -> str:
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
            self._relabel_routines()
            self._show_details()  # its level and the coach's advice
        if self.flow is not None:  # an offer answered on the safety check
            self.flow.refresh_level(*self.level_advice(self.flow.routine))
        if self.trend is not None:
            if self.trend.isVisible():
                self._reload_trend()
            else:
                self._trend_stale = True  # reloaded when next shown

    def _reload_trend(self) -> None:
        assert self.trend is not None
        try:
            self.trend.reload()
        except JournalError as err:  # damaged: the chart stays as it was
            self.journal_damaged([str(err)])

    def selected_routine(self) -> Routine | None:
        item = self.routine_list.currentItem()
        return self.library.get(item.data(ROUTINE_ROLE)) if item else None

    def _on_routine_changed(self) -> None:
        routine = self._show_details()
        if routine:
            self.settings.set(config.LAST_ROUTINE, routine.id)

    def reload_routines(self) -> None:
        current = self.selected_routine()
        self.library = self.options.load_library()
        self.library.save_cache()
        self._fill_routines(keep=current.id if current else None)
        self.statusBar().showMessage(self.tr("Routines reloaded."), 4000)

    def open_routine(self, routine_id: str, level: int | None = None) -> bool:
        """Select *routine_id* and start it (``coach run``), at *level* if given; say
        so if it is unknown or has no such level."""
        for row in range(self.routine_list.count()):
            if self.routine_list.item(row).data(ROUTINE_ROLE) == routine_id:
                self.routine_list.setCurrentRow(row)
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

    def _show_details(self) -> Routine | None:
        routine = self.selected_routine()
        advice, offer = self.level_advice(routine) if routine else (None, False)
        self.details.show_routine(
            routine, self.lang, advice=advice, offer=offer,
            weaker_side=self.settings.get(config.weaker_side(routine.id)) if routine else "")
        return routine

    def _weaker_side_chosen(self, side: str) -> None:
        routine = self.selected_routine()
        if routine is not None:
            self.settings.set(config.weaker_side(routine.id), side)
            self._show_details()

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
            self.statusBar().showMessage(self.tr("Could not save the level: {error}").format(
                error=err), 8000)
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
        self.flow = SessionFlow(routine, self.journal, lang=self.lang,
                                speed=self.options.speed, settings=self.settings,
                                advice=advice, offer=offer)
        self.flow.closed.connect(self.close_session)
        self.flow.level_answered.connect(self.answer_level)
        self.pages.addWidget(self.flow)
        self.pages.setCurrentWidget(self.flow)
        if self.reminders is not None:
            self.reminders.set_session_running(True)
        for action in self.outside_session:
            action.setEnabled(False)
        self.flow.start()

    def close_session(self) -> None:
        if self.flow is None:
            return
        self.flow.shutdown()
        self.pages.setCurrentIndex(0)
        self.pages.removeWidget(self.flow)
        self.flow.deleteLater()
        self.flow = None
        if self.reminders is not None:
            self.reminders.set_session_running(False)
        for action in self.outside_session:
            action.setEnabled(True)
        self.routine_list.setFocus()

    def show_broken_routines(self) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit

        dialog = QDialog(self)
        dialog.setObjectName("brokenRoutinesDialog")
        dialog.setWindowTitle(self.tr("Routine files that could not be loaded"))
        dialog.resize(760, 360)
        layout = QVBoxLayout(dialog)
        layout.addWidget(plain_label(self.tr(
            "These files were skipped. The other routines work as usual. Fix each "
            "problem at the line shown, then choose File > Reload routines.")))
        text = QPlainTextEdit("\n".join(str(p) for p in self.library.problems))
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.open()

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
        if name == "trend" and self.trend is None:
            # Load once "Loading the chart…" is on screen (also when the window opens
            # on this tab: the window is drawn before the chart code loads).
            after_first_paint(self.trend_loading, self._load_trend)
        elif name == "trend" and self._trend_stale:
            self._trend_stale = False
            self._reload_trend()

    def _load_trend(self) -> None:
        if self.trend is None:
            from coach.ui.trend_view import TrendView

            self.chart_module_loaded.emit()
            self.trend = TrendView(self.journal, baseline=self._saved_baseline())
            self.trend.baseline_changed.connect(self._save_baseline)
            self.trend.rate_now.connect(self.check_in)
            self.trend.export_requested.connect(self.export)
            self.trend.history_requested.connect(self.show_history)
            # A large journal is read in the background: its failure comes later, and
            # is said as a reload's is (_reload_trend).
            self.trend.read_failed.connect(lambda message: self.journal_damaged([message]))
            self.trend_loading.hide()
            self.trend_page.layout().addWidget(self.trend)
            self._reload_trend()

    def _saved_baseline(self) -> tuple[date, date] | None:
        try:
            start, end = (date.fromisoformat(self.settings.get(key))
                          for key in (config.BASELINE_START, config.BASELINE_END))
        except (TypeError, ValueError):
            return None
        return start, end

    def _save_baseline(self, period: tuple[date, date] | None) -> None:
        for key, value in zip((config.BASELINE_START, config.BASELINE_END),
                              period or ("", ""), strict=True):
            self.settings.set(key, str(value))

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
        from coach.ui.report import export_with_dialog

        target = export_with_dialog(self, kind, self.journal, self.trend, self.settings,
                                    title_of=self._routine_name)
        if target is not None:
            self.statusBar().showMessage(self.tr("Saved {path}").format(path=target), 6000)

    def answer_morning(self, session_uid: str) -> None:
        """The next-morning question (from the Today screen): is the pain back to
        usual after yesterday's session?"""
        from coach.ui.checkin import morning_dialog

        session = next((s for s in self.journal.sessions() if s.uid == session_uid), None)
        if session is not None:
            morning_dialog(self, self.journal, session,
                           self._routine_name(session.routine_id)).open()

    # -- reminders -------------------------------------------------------------------
    def start_reminders(self) -> None:
        """Remind at the plan's times (when reminders are on and there is a plan).
        Called once the window is up: nothing of it is on the first screen's path."""
        if self.reminders is not None or not self.settings.get(config.REMINDERS):
            return
        from coach.ui.reminders import ReminderService
        from coach.ui.tray import ReminderPresenter

        self.reminders = ReminderService.open(self.options.data_dir, self.journal,
                                              parent=self)
        self.reminder_ui = ReminderPresenter(self.reminders, self.library.get,
                                             lang=self.lang, parent=self)
        self.reminder_ui.start_requested.connect(self._start_from_reminder)
        self.reminder_ui.rate_requested.connect(lambda: (self.bring_forward(),
                                                         self.check_in()))
        self.reminder_ui.open_requested.connect(self.bring_forward)
        self.reminder_ui.quit_requested.connect(self.quit)
        self.reminders.next_changed.connect(self._show_next_reminder)
        self.reminders.set_session_running(self.flow is not None)
        self.reminders.start()

    def stop_reminders(self) -> None:
        for part in (self.reminder_ui, self.reminders):
            if part is not None:
                part.shutdown()
                part.deleteLater()
        self.reminders = self.reminder_ui = None

    def _start_from_reminder(self, routine_id: str) -> None:
        self.bring_forward()
        if self.flow is None:
            self.open_routine(routine_id)

    def _show_next_reminder(self, reminder: Reminder | None) -> None:
        assert self.reminders is not None  # it is what tells
        self.today_page.show_reminder(reminder, self.settings.get(config.REMINDERS),
                                      bool(self.reminders.plan.entries))

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
        from PySide6.QtWidgets import QMessageBox

        if self.findChild(QMessageBox, "keepRunningQuestion") is not None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Keep reminders running?"),
                          self.tr("Knee Coach can stay running in the background so that it "
                                  "reminds you at the times of your weekly plan. You can "
                                  "change this in Settings > Weekly plan and reminders."),
                          parent=self)
        box.setObjectName("keepRunningQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        keep = box.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)

        def answered(button: object) -> None:
            self.settings.set(config.KEEP_RUNNING, "yes" if button is keep else "no")
            self.close()

        box.buttonClicked.connect(answered)
        box.open()
        return None

    def export_plan_calendar(self) -> None:
        """The saved weekly plan as an iCalendar file, so reminders reach a phone."""
        plan = self.load_plan().plan
        if not plan.entries:
            box = message_box(self, self.tr("No weekly plan yet"), icon="information", text=self.tr(
                "Make a weekly plan first (Settings > Weekly plan and reminders); it can "
                "then be exported to your calendar."))
            box.setObjectName("noPlanToExport")
            box.open()
            return
        from coach.ui.plan_dialog import export_calendar

        try:
            path = export_calendar(self, plan, self.library, self.lang)
        except OSError as err:
            message_box(self, self.tr("Export the plan"), str(err)).open()
            return
        if path is not None:
            self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 6000)

    def edit_plan(self) -> None:
        """The weekly plan and reminders (one dialog at a time)."""
        from coach.ui.plan_dialog import PlanDialog

        if self.findChild(PlanDialog, "planDialog") is not None:
            return
        data_dir = self.options.data_dir
        dialog = PlanDialog(
            self.library, self.lang, data_dir / paths.PLAN_FILE,
            reminders_on=self.settings.get(config.REMINDERS),
            keep_running=self.settings.get(config.KEEP_RUNNING) == "yes",
            # The login entry names the folder only when it is not the usual one.
            data_dir_for_autostart=None if data_dir == paths.default_data_dir() else data_dir,
            parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            self.settings.set(config.REMINDERS, dialog.reminders_on)
            self.settings.set(config.KEEP_RUNNING, "yes" if dialog.keep_running else "no")
            self.plan_changed.emit()
            if not dialog.reminders_on:
                self.stop_reminders()
            elif self.reminders is None:
                self.start_reminders()
            else:
                self.reminders.set_plan(self.load_plan().plan)
            self.update_today()

        dialog.accepted.connect(accepted)
        dialog.open()

    # -- notices ---------------------------------------------------------------
    def show_journal_notice(self, notice: JournalNotice) -> None:
        from coach.ui.journal_status import notice_bar

        bar = notice_bar(notice)
        bar.setObjectName("journalNotice")
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

        DailyLifeDialog(self, title_of=self._routine_name).open()

    def show_about(self) -> None:
        from coach.ui.help import about_box

        about_box(self).open()

    def _build_appearance_menus(self, settings_menu: QMenu) -> None:
        """Appearance (theme, high contrast): saved and applied at once. Text size:
        saved at once, used from the next start (fonts are sized from it as the
        window is built)."""
        appearance = settings_menu.addMenu(self.tr("&Appearance"))
        appearance.setObjectName("appearanceMenu")
        group = QActionGroup(self)
        saved = self.settings.get(config.THEME)
        for code, name in (("system", self.tr("System default")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            action = self._choice(name, code, saved == code)
            group.addAction(action)
            appearance.addAction(action)
        group.triggered.connect(
            lambda action: self._appearance_changed(config.THEME, action.data()))
        appearance.addSeparator()
        contrast = self._choice(self.tr("&High contrast"), None,
                                self.settings.get(config.HIGH_CONTRAST))
        contrast.setObjectName("highContrastAction")
        contrast.toggled.connect(
            lambda on: self._appearance_changed(config.HIGH_CONTRAST, bool(on)))
        appearance.addAction(contrast)
        sizes = settings_menu.addMenu(self.tr("&Text size"))
        sizes.setObjectName("textSizeMenu")
        size_group = QActionGroup(self)
        scale = theme.clamp_scale(self.settings.get(config.TEXT_SCALE))
        for percent in theme.TEXT_SCALES:
            action = self._choice(self.tr("{n} %").format(n=percent), percent,
                                  percent == scale)
            size_group.addAction(action)
            sizes.addAction(action)
        size_group.triggered.connect(
            lambda action: self._appearance_changed(config.TEXT_SCALE, int(action.data())))
        self.outside_session += [appearance.menuAction(), sizes.menuAction()]

    def _choice(self, text: str, data: object, checked: bool) -> QAction:
        """A checkable menu item of the window. (``QAction(text, parent)`` would make
        PySide6 build QIcon's enums while it picks the overload: ~3 ms of start-up.)"""
        action = QAction(self)
        action.setText(text)
        action.setCheckable(True)
        if data is not None:
            action.setData(data)
        action.setChecked(checked)
        return action

    def _appearance_changed(self, key: config.Setting[T], value: T) -> None:
        """The theme and high contrast change at once; the text size at the next start
        (offered now)."""
        if key == config.TEXT_SCALE:
            self._save_and_offer_restart(key, value, self.tr("Text size"), self.tr(
                "The new text size is used the next time Knee Coach starts. Restart now?"),
                "appearanceRestart")
            return
        self.settings.set(key, value)
        self.settings.sync()
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, self.settings)

    def _on_language_chosen(self, action: QAction) -> None:
        self._save_and_offer_restart(config.LANGUAGE, action.data(), self.tr("Language"), self.tr(
            "The new language is used the next time Knee Coach starts. Restart now?"),
            "languageRestart")

    def _save_and_offer_restart(self, key: config.Setting[T], value: T, title: str, text: str,
                                name: str) -> None:
        """Save a setting the window reads only at start, and offer to restart."""
        self.settings.set(key, value)
        self.settings.sync()
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName(name)
        box.accepted.connect(self._restart)
        box.open()

    def _restart(self) -> None:
        """Close, and have the app start again once this one has let go of the data
        folder (see ``coach.ui.app.run_window``)."""
        self.restart_pending = True
        if not self.close():
            self.restart_pending = False

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

    def _restore_geometry(self) -> None:
        """The remembered size and place, kept on the screen (which may have changed
        since); the first time, a size that fits the screen's free area."""
        from PySide6.QtGui import QGuiApplication

        geometry = self.settings.get(config.WINDOW_GEOMETRY)
        restored = bool(geometry) and self.restoreGeometry(QByteArray(geometry))
        screen = (QGuiApplication.screenAt(self.geometry().center()) if restored
                  else None) or self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        # Never a minimum larger than the screen: the window could not fit at all.
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(available.size()))
        if restored:
            if not self.windowState() & (Qt.WindowState.WindowMaximized
                                         | Qt.WindowState.WindowFullScreen):
                self.setGeometry(fit_to_screen(self.geometry(), available))
        else:
            size = first_run_size(available).expandedTo(self.minimumSize())
            frame = QRect(available.topLeft(), size)
            frame.moveCenter(available.center())
            self.setGeometry(frame)

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
        if self.flow is not None:
            self.flow.shutdown()  # records the session as stopped, with its progress
        self.stop_reminders()
        self.journal.unsubscribe(self._journal_changed)
        self._save_window_state()
        super().closeEvent(event)
        self.finished.emit()

    def _save_window_state(self) -> None:
        self.settings.set(config.WINDOW_GEOMETRY, self.saveGeometry().data())
        if self._home is not None:  # else as saved: it was never shown
            self.settings.set(config.WINDOW_SPLITTER, self._home.saveState().data())
        self.settings.sync()
