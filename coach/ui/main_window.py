"""The main window: the routine list, the chosen routine's details and the way in
to a session; message bars for anything the user must know (damaged journal,
routine files that could not be loaded)."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coach import config
from coach.advice import History, Today, TodayAdvice, today_advice
from coach.config import Options
from coach.journal import Changed, Journal, JournalError, JournalNotice
from coach.library import Library
from coach.routine import Routine
from coach.textsafe import terminal_safe

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from coach.ui.session_flow import SessionFlow
    from coach.ui.trend_view import TrendView
from coach.ui import theme
from coach.ui.routine_view import RoutineDetails
from coach.ui.settings import Settings
from coach.ui.widgets import (
    MessageBar,
    after_first_paint,
    callout,
    duration_text,
    message_box,
    plain_label,
    plain_tip,
)

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


class MainWindow(QMainWindow):
    """Knee Coach's one window. *library* and *journal* may be given (tests);
    otherwise they are loaded from *options*.

    Signals:
        chart_module_loaded: pyqtgraph and the chart code were just imported, at the
            first visit to the trend page; they stay loaded until the app quits.
    """

    chart_module_loaded = Signal()

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
        self._morning_checked = False
        #: Set when the user asked for a restart (new language); the app starts a new
        #: process after this one has closed its journal and released the data folder.
        self.restart_pending = False
        self.setWindowTitle(self.tr("Knee Coach"))
        self.setMinimumSize(MINIMUM_SIZE)

        self.bars = QVBoxLayout()
        self.bars.setContentsMargins(12, 8, 12, 0)
        self.pages = QStackedWidget()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_home(), self.tr("Routines"))
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
        self.trend: TrendView | None = None
        self.check_in_button = QPushButton(self.tr("How is your knee?"))
        self.check_in_button.setObjectName("checkInButton")
        self.check_in_button.setAccessibleName(self.tr("How is your knee? Rate my pain now"))
        self.check_in_button.setAccessibleDescription(self.tr(
            "Rate your knee pain from 0 to 10 and save it in your journal"))
        self.check_in_button.setMinimumHeight(34)
        self.check_in_button.clicked.connect(self.check_in)
        self.tabs.setCornerWidget(self.check_in_button)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.pages.addWidget(self.tabs)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.bars)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus()

        if self.journal.notice:
            self.show_journal_notice(self.journal.notice)
        from coach.ui.journal_status import DamageCheck

        # Damaged pages go unnoticed until read: look for them once the window is up.
        self.damage_check = DamageCheck(self.journal, self)
        self.damage_check.damaged.connect(self.journal_damaged)
        self._fill_routines()
        self.update_today()
        # The views follow the journal: whatever writes to it (a session, a check-in,
        # a correction, an import), the home screen and the chart catch up.
        self._refresh_queued = False
        self._trend_stale = False
        self.journal.subscribe(self._journal_changed)
        self._restore_geometry()
        self.tabs.setCurrentIndex(self.settings.get(config.TAB))
        # Keys go to the routines first (arrows choose, Enter starts), not the tab bar.
        self.routine_list.setFocus()

    # -- building ------------------------------------------------------------
    def _build_home(self) -> QWidget:
        self.routine_list = QListWidget()
        self.routine_list.setObjectName("routineList")
        self.routine_list.setAccessibleName(self.tr("Routines"))
        self.routine_list.setAccessibleDescription(self.tr(
            "Up and Down choose a routine, Return starts it"))
        self.routine_list.setSpacing(3)
        self.routine_list.setWordWrap(True)
        font = self.routine_list.font()
        font.setPointSizeF(font.pointSizeF() + 1.5)
        self.routine_list.setFont(font)
        self.routine_list.currentItemChanged.connect(self._on_routine_changed)
        self.routine_list.itemActivated.connect(lambda _item: self.start_selected())

        self.broken_bar = MessageBar("", level="warning", closable=False,
                                     action=self.tr("Details…"))
        self.broken_bar.setObjectName("brokenRoutines")
        self.broken_bar.action_clicked.connect(self.show_broken_routines)
        self.broken_bar.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addWidget(plain_label(self.tr("Routines"), point_delta=3, bold=True))
        left_layout.addWidget(self.routine_list, 1)
        left_layout.addWidget(self.broken_bar)

        self.details = RoutineDetails()
        self.start_button = QPushButton(self.tr("Start routine"))
        self.start_button.setObjectName("startButton")
        self.start_button.setAccessibleName(self.tr("Start routine"))
        self.start_button.setAccessibleDescription(self.tr("Start the selected routine"))
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(48)
        font = self.start_button.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.clicked.connect(self.start_selected)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 12, 12)
        info_accent, info_background = theme.current().callout["info"]
        self.today_box, today_layout = callout("todayBox", accent=info_accent,
                                               background=info_background)
        self.today_label = plain_label("", point_delta=1, object_name="todayLabel")
        self.today_box.setAccessibleName(self.tr("Today"))
        self.today_label.setAccessibleDescription(self.tr("What to do today"))
        today_layout.addWidget(self.today_label)
        right_layout.addWidget(self.today_box)
        right_layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        right_layout.addLayout(buttons)

        # Scrolls rather than clips on a small screen: Start stays reachable.
        right_scroll = QScrollArea()
        right_scroll.setObjectName("homeRight")
        right_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to Start
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setWidget(right)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right_scroll)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 700])
        self.splitter.setChildrenCollapsible(False)
        return self.splitter

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
        self.outside_session += [rate_action, reload_action]
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, (text, key) in enumerate(((self.tr("&Routines"), "Ctrl+1"),
                                             (self.tr("Pain &trend"), "Ctrl+2"))):
            action = view_menu.addAction(text)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.outside_session.append(action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.outside_session.append(language_menu.menuAction())
        group = QActionGroup(self)
        saved = self.settings.get(config.LANGUAGE)
        for code, name in (("system", self.tr("System default")), ("en", "English"),
                           ("ja", "日本語")):
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(saved == code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._on_language_chosen)
        self._build_appearance_menus(settings_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        safety_action = help_menu.addAction(self.tr("&Safety and when to get help"))
        safety_action.setShortcuts(standard_keys(QKeySequence.StandardKey.HelpContents, "F1"))
        safety_action.triggered.connect(self.show_safety)
        help_menu.addAction(self.tr("&Daily life tips"), self.show_daily_life)
        help_menu.addAction(self.tr("&About Knee Coach"), self.show_about)

    # -- routines ------------------------------------------------------------
    def _fill_routines(self, keep: str | None = None) -> None:
        self.routine_list.clear()
        for routine in self.library.routines:
            text = f"{routine.title.get(self.lang)}\n{duration_text(routine.total_seconds)}"
            item = QListWidgetItem(text)
            item.setData(ROUTINE_ROLE, routine.id)
            item.setToolTip(plain_tip(routine.summary.get(self.lang)))
            self.routine_list.addItem(item)
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
        wanted = keep or self.settings.get(config.LAST_ROUTINE)
        row = next((i for i, r in enumerate(self.library.routines) if r.id == wanted), 0)
        if self.library.routines:
            self.routine_list.setCurrentRow(row)
        else:
            self.details.show_routine(None, self.lang)
        self.start_button.setEnabled(bool(self.library.routines))

    def update_today(self) -> None:
        """What to do today, from the journal (gentle: rest days are fine)."""
        try:
            history = History.load(self.journal, date.today())
        except JournalError as err:  # damaged: the bar says what to do
            self.journal_damaged([str(err)])
            history = History([])
        self.today_label.setText(self._today_text(today_advice(history, date.today())))

    def _routine_name(self, routine_id: str | None) -> str:
        routine = self.library.get(routine_id) if routine_id else None
        return routine.title.get(self.lang) if routine else (routine_id or "")

    def _today_text(self, advice: TodayAdvice) -> str:
        name = self._routine_name(advice.routine_id)
        when = advice.day.isoformat() if advice.day else ""
        kind = advice.kind
        if kind is Today.WELCOME:
            flagship = self.library.routines[0].title.get(self.lang) \
                if self.library.routines else ""
            return self.tr("Welcome. A good start is “{routine}”: read its safety notes, "
                           "then press Start routine.").format(routine=flagship)
        if kind is Today.AFTER_SHARP_PAIN:
            if advice.step is not None:
                return self.tr("Your last session ({date}) stopped at step {step} because "
                               "of a sharp pain. Talk to a clinician before you do "
                               "“{routine}” again.").format(date=when, step=advice.step,
                                                            routine=name)
            return self.tr("Your last session ({date}) stopped because of a sharp pain. "
                           "Talk to a clinician before you do “{routine}” again.").format(
                date=when, routine=name)
        if kind is Today.AFTER_UNWELL:
            return self.tr("Your last session ({date}) stopped because you felt unwell. "
                           "Exercise again only once you feel well; if it happens again, "
                           "talk to a clinician.").format(date=when)
        if kind is Today.REST_AFTER_SKIP:
            return self.tr("On {date} your knee was hot, red or swollen. If it still is, "
                           "rest today; if it does not settle, see a clinician.").format(
                date=when)
        if kind is Today.DONE_TODAY:
            return self.tr("You have exercised today (“{routine}”). Rest now, and tomorrow "
                           "morning note how your knee feels.").format(routine=name)
        if kind is Today.YESTERDAY:
            routine = self.library.get(advice.routine_id or "")
            often = routine.frequency.get(self.lang) if routine and routine.frequency \
                else ""
            if not often:
                return self.tr("Yesterday: “{routine}”.").format(routine=name)
            return self.tr("Yesterday: “{routine}”. {frequency}").format(routine=name,
                                                                        frequency=often)
        if kind is Today.MORNING_SETTLED:
            return self.tr("This morning your pain was {value} of 10, back to its usual "
                           "level after yesterday's “{routine}”: the exercise suited you. "
                           "Carry on at the same level.").format(value=advice.value,
                                                                 routine=name)
        if kind is Today.MORNING_NOT_SETTLED:
            return self.tr("This morning your pain was {value} of 10 after yesterday's "
                           "“{routine}”: it has not settled to its usual level. Make the "
                           "next session easier (fewer repetitions, shorter holds, a "
                           "smaller movement) or rest for a day. If this keeps happening, "
                           "talk to a clinician.").format(value=advice.value, routine=name)
        if kind is Today.MORNING_UNCLEAR:
            return self.tr("This morning your pain was {value} of 10 after yesterday's "
                           "“{routine}”. If that is your usual level, carry on at the same "
                           "level; if it is higher, make the next session easier or rest "
                           "for a day.").format(value=advice.value, routine=name)
        return self.tr("Your last session was {n} days ago (“{routine}”). Whenever you are "
                       "ready, pick up where you left off.").format(n=advice.days,
                                                                     routine=name)

    def _journal_changed(self, _changed: Changed) -> None:
        # Coalesced: a session writes several times in a row.
        if not self._refresh_queued:
            self._refresh_queued = True
            QTimer.singleShot(0, self._refresh_views)

    def _refresh_views(self) -> None:
        self._refresh_queued = False
        self.update_today()
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
        routine = self.selected_routine()
        self.details.show_routine(routine, self.lang)
        if routine:
            self.settings.set(config.LAST_ROUTINE, routine.id)

    def reload_routines(self) -> None:
        current = self.selected_routine()
        self.library = self.options.load_library()
        self._fill_routines(keep=current.id if current else None)
        self.statusBar().showMessage(self.tr("Routines reloaded."), 4000)

    def open_routine(self, routine_id: str) -> bool:
        """Select *routine_id* and start it (``coach run``); say so if it is unknown."""
        for row in range(self.routine_list.count()):
            if self.routine_list.item(row).data(ROUTINE_ROLE) == routine_id:
                self.routine_list.setCurrentRow(row)
                self.start_selected()
                return True
        box = message_box(self, self.tr("Routine not found"), self.tr(
            "There is no routine with the id “{id}”. Choose one from the list."
        ).format(id=routine_id))
        box.setObjectName("routineNotFound")
        box.open()
        return False

    def start_selected(self) -> None:
        """Open the selected routine's session, beginning with its safety check."""
        routine = self.selected_routine()
        if routine is None or self.flow is not None:
            return
        from coach.ui.session_flow import SessionFlow

        self.flow = SessionFlow(routine, self.journal, lang=self.lang,
                                speed=self.options.speed, settings=self.settings)
        self.flow.closed.connect(self.close_session)
        self.pages.addWidget(self.flow)
        self.pages.setCurrentWidget(self.flow)
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
    def _on_tab_changed(self, index: int) -> None:
        self.settings.set(config.TAB, index)
        if index == 1 and self.trend is None:
            # Load once "Loading the chart…" is on screen (also when the window opens
            # on this tab: the window is drawn before the chart code loads).
            after_first_paint(self.trend_loading, self._load_trend)
        elif index == 1 and self._trend_stale:
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

    def _maybe_ask_morning_check(self) -> QDialog | None:
        """The morning after a session: is the pain back to usual? Asked once."""
        from coach.ui.checkin import ask_morning_check

        # The answer's meaning stays on the home screen (the today box) all day.
        return ask_morning_check(self, self.journal, self.settings,
                                 title_of=self._routine_name)

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
        """Appearance (theme, high contrast) and text size: saved at once, used from
        the next start (every colour and font is chosen as the window is built)."""
        appearance = settings_menu.addMenu(self.tr("&Appearance"))
        appearance.setObjectName("appearanceMenu")
        group = QActionGroup(self)
        saved = self.settings.get(config.THEME)
        for code, name in (("system", self.tr("System default")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(saved == code)
            group.addAction(action)
            appearance.addAction(action)
        group.triggered.connect(
            lambda action: self._appearance_changed(config.THEME, action.data()))
        appearance.addSeparator()
        contrast = QAction(self.tr("&High contrast"), self, checkable=True)
        contrast.setObjectName("highContrastAction")
        contrast.setChecked(self.settings.get(config.HIGH_CONTRAST))
        contrast.toggled.connect(
            lambda on: self._appearance_changed(config.HIGH_CONTRAST, bool(on)))
        appearance.addAction(contrast)
        sizes = settings_menu.addMenu(self.tr("&Text size"))
        sizes.setObjectName("textSizeMenu")
        size_group = QActionGroup(self)
        scale = theme.clamp_scale(self.settings.get(config.TEXT_SCALE))
        for percent in theme.TEXT_SCALES:
            action = QAction(self.tr("{n} %").format(n=percent), self, checkable=True)
            action.setData(percent)
            action.setChecked(percent == scale)
            size_group.addAction(action)
            sizes.addAction(action)
        size_group.triggered.connect(
            lambda action: self._appearance_changed(config.TEXT_SCALE, int(action.data())))
        self.outside_session += [appearance.menuAction(), sizes.menuAction()]

    def _appearance_changed(self, key: config.Setting[T], value: T) -> None:
        self._save_and_offer_restart(key, value, self.tr("Appearance"), self.tr(
            "The new appearance is used the next time Knee Coach starts. Restart now?"),
            "appearanceRestart")

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
        elif not self._morning_checked:
            self._morning_checked = True
            after_first_paint(self, self._maybe_ask_morning_check)

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
        splitter = self.settings.get(config.WINDOW_SPLITTER)
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.flow is not None and self.flow.exercising():
            # As Esc does: ask first; "yes" ends the session (saved) and closes.
            event.ignore()
            self.flow.confirm_end(on_end=self.close)
            return
        if self.flow is not None:
            self.flow.shutdown()  # records the session as stopped, with its progress
        self.journal.unsubscribe(self._journal_changed)
        self.settings.set(config.WINDOW_GEOMETRY, self.saveGeometry().data())
        self.settings.set(config.WINDOW_SPLITTER, self.splitter.saveState().data())
        self.settings.sync()
        super().closeEvent(event)
