"""The pain trend tab: a placeholder until the chart's code loads at the first visit,
then the chart, kept current with the journal; the chosen baseline period's setting."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from coach import config
from coach.journal import JournalError
from coach.ui.settings import Settings
from coach.ui.widgets import after_first_paint, plain_label, translate

if TYPE_CHECKING:
    from coach.ui.main_window import MainWindow
    from coach.ui.trend_view import TrendView


class TrendTab:
    """The trend tab of *window*: :attr:`scroll` is the tab's page, :attr:`view` the
    chart once loaded (None until the first visit). The chart's requests go to the
    window; so do its read failures. The words keep the ``MainWindow`` context they
    were first translated in."""

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        self._window = window
        self._settings = settings
        self.page = QWidget()
        QVBoxLayout(self.page).setContentsMargins(0, 0, 0, 0)
        # The chart code loads at the first visit (about half a second): this is on
        # screen meanwhile.
        self.loading = plain_label(translate("MainWindow", "Loading the chart…"),
                                   point_delta=2, object_name="trendLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.layout().addWidget(self.loading)
        # Scrolls rather than clips when the window is narrower than the chart's tools.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("trendScroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the chart's tools
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.page)
        self.view: TrendView | None = None
        self._stale = False

    def shown(self) -> None:
        """The tab was chosen: load the chart, or reload it if the journal changed
        while it was hidden."""
        if self.view is None:
            # Load once "Loading the chart…" is on screen (also when the window opens
            # on this tab: the window is drawn before the chart code loads).
            after_first_paint(self.loading, self._load)
        elif self._stale:
            self._stale = False
            self.reload()

    def journal_changed(self) -> None:
        """Reload the chart now if it is on screen, else when next shown."""
        if self.view is not None:
            if self.view.isVisible():
                self.reload()
            else:
                self._stale = True  # reloaded when next shown

    def _load(self) -> None:
        if self.view is None:
            from coach.ui.trend_view import TrendView

            window = self._window
            window.chart_module_loaded.emit()
            self.view = TrendView(window.journal, baseline=self.saved_baseline())
            self.view.baseline_changed.connect(self._save_baseline)
            self.view.rate_now.connect(window.check_in)
            self.view.export_requested.connect(window.export)
            self.view.history_requested.connect(window.show_history)
            # A large journal is read in the background: its failure comes later, and
            # is said as a reload's is (reload).
            self.view.read_failed.connect(lambda message: window.journal_damaged([message]))
            self.loading.hide()
            self.page.layout().addWidget(self.view)
            self.reload()

    def reload(self) -> None:
        assert self.view is not None
        try:
            self.view.reload()
        except JournalError as err:  # damaged: the chart stays as it was
            self._window.journal_damaged([str(err)])

    def saved_baseline(self) -> tuple[date, date] | None:
        try:
            start, end = (date.fromisoformat(self._settings.get(key))
                          for key in (config.BASELINE_START, config.BASELINE_END))
        except (TypeError, ValueError):
            return None
        return start, end

    def _save_baseline(self, period: tuple[date, date] | None) -> None:
        for key, value in zip((config.BASELINE_START, config.BASELINE_END),
                              period or ("", ""), strict=True):
            self._settings.set(key, str(value))
