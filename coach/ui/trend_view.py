"""The pain trend page: puts the chart, its buttons and the summary together, reads the
journal for them and sets the range shown. Imported only when first shown (pyqtgraph
takes a while to load)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.advice import is_exercise
from coach.journal import Journal, SafetyEvent, TestResult
from coach.level_changes import LevelChange, level_changes
from coach.trend import (
    MOST_POINTS,
    WINDOW_DAYS,
    ChartPoints,
    Summary,
    chart_points,
    plausible,
    summarise_days,
)
from coach.ui.chart_items import DAY
from coach.ui.checkin import context_name, side_label
from coach.ui.function_view import FunctionChart, function_lines
from coach.ui.theme import Theme
from coach.ui.trend_chart import CONTEXT_STYLE, TrendChart, stamp
from coach.ui.trend_reads import ChartReads
from coach.ui.trend_summary import SummaryPanel
from coach.ui.trend_tools import RANGES, tool_row
from coach.ui.widgets import plain_label, translate

# How long ``reload`` waits for the worker that reads the ratings (seconds): ten
# years of them take a few tens of ms, and the page shows them at once; longer, and
# the page says it is loading rather than freeze the window.
WAIT_AT_MOST = 0.12


class TrendView(QWidget):
    """The chart page. ``reload()`` after the journal changes.

    Signals:
        rate_now(): the empty state's "rate my pain now" was pressed.
        baseline_changed(object): the user chose a baseline period (or None: first week).
        export_requested(str): "png", "csv" or "pdf".
        history_requested(): "corrections" was pressed.
        loaded(): the chart shows the journal as ``reload`` read it (at once for
            ten years of ratings; a moment later for a million).
        read_failed(str): a reading in the background failed (the chart stays as it
            was); one that fails while ``reload`` waits raises JournalError there.
    """

    rate_now = Signal()
    export_requested = Signal(str)
    history_requested = Signal()
    baseline_changed = Signal(object)
    loaded = Signal()
    read_failed = Signal(str)

    def __init__(self, journal: Journal, *, today: Callable[[], date] = date.today,
                 baseline: tuple[date, date] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendView")
        # The user's chosen baseline period; None: the first 7 days with ratings.
        self.baseline = baseline
        self.journal = journal
        self.today = today
        # How many ratings are charted, and the local day of the first one.
        self.count = 0
        self.first_day = today()
        self.events: list[SafetyEvent] = []
        # The changes of routine levels the chart marks, oldest first.
        self.level_changes: list[LevelChange] = []
        # Ratings stored with a date the chart cannot show (see ``reload``).
        self.left_out = 0
        # Read grouped (more than ``MOST_POINTS`` ratings): a dot per local day,
        # context and value, the summary and average still from every rating.
        self.grouped = False
        self._generation = 0  # of the latest reading (a newer one supersedes)
        self._reads = ChartReads(self)
        self._reads.read.connect(self._take)
        self._reads.exact.connect(self._show_exact)
        self._points: ChartPoints | None = None  # as read (grouped or not)
        self._exact_from: date | None = None  # grouped: one dot per rating from that day
        # Grouped: once the view stops moving, ``_refine`` draws what it shows one
        # dot per rating if that is few enough.
        self._refine_timer = QTimer(self)
        self._refine_timer.setSingleShot(True)
        self._refine_timer.setInterval(150)
        self._refine_timer.timeout.connect(self._refine)
        self.range_key = "all"
        self.summary: Summary | None = None
        self._uids: dict[str, list[str]] = {}  # each point's rating, by context
        self._usual_uids: list[str] = []  # each usual-pain dot's rating
        self._span = (0.0, 0.0)
        # The self-tests' small chart, built once there are results (``reload``).
        self.function_chart: FunctionChart | None = None

        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_chart_page())
        loading = plain_label(translate("MainWindow", "Loading the chart…"), point_delta=2,
                              object_name="trendLoading")
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(loading)

    # -- building ------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        layout.addWidget(plain_label(self.tr("No ratings yet"), point_delta=8, bold=True,
                                     object_name="trendEmptyTitle"))
        layout.addWidget(plain_label(self.tr(
            "Rate your knee pain from 0 (none) to 10 (worst imaginable) once a day, and "
            "before and after each routine. After a week or two this page shows whether "
            "your pain is going down, with a chart you can share with your clinician."),
            point_delta=2))
        button = QPushButton(self.tr("Rate my pain now"))
        button.setObjectName("trendRateNow")
        button.setAccessibleDescription(self.tr(
            "Rate your knee pain from 0 to 10 and save it in your journal"))
        button.setMinimumHeight(48)
        button.clicked.connect(self.rate_now)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        # Self-tests done before any pain rating still show here (the chart page's
        # panel needs ratings to exist).
        self.empty_function = plain_label("", object_name="emptyFunction")
        self.empty_function.setContentsMargins(0, 16, 0, 0)
        self.empty_function.hide()
        layout.addWidget(self.empty_function)
        layout.addStretch(2)
        return page

    def _build_chart_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(8, 8, 8, 8)
        # The tools span the page (chart and summary) so that they fit at 1024 px, in
        # Japanese too; the report, the one most people come for, is set apart.
        tools, self.range_group = tool_row(self, lambda key: self.set_range(key),
                                           self.export_requested.emit, self.history_requested)
        outer.addWidget(tools)
        layout = QHBoxLayout()
        outer.addLayout(layout, 1)

        self.chart = chart = TrendChart(self)
        # Its items, as the exports, the benchmark and the tests reach them.
        self.plot, self.legend, self.hover_label = chart.plot, chart.legend, chart.hover_label
        self.usual, self.day_ranges, self.mean_line = chart.usual, chart.day_ranges, chart.mean_line
        self.scatters, self.stop_marks, self.level_marks = (chart.scatters, chart.stop_marks,
                                                            chart.level_marks)
        box = self.plot.getPlotItem().getViewBox()
        box.sigXRangeChanged.connect(lambda: self._draw_average())
        box.sigXRangeChanged.connect(lambda: self.grouped and self._refine_timer.start())
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        # The self-tests get their own small chart under this one (built when there
        # are results): the pain chart keeps its scale and stays the hero.
        self.plot.setMinimumHeight(260)
        self.chart_column = QVBoxLayout()
        self.chart_column.setSpacing(0)
        self.chart_column.addWidget(self.plot, 1)
        layout.addLayout(self.chart_column, 3)

        self.panel = SummaryPanel(self.choose_baseline)
        self._describe_average(WINDOW_DAYS)
        layout.addWidget(self.panel.widget, 1)
        return page

    def level_label(self, change: LevelChange) -> str:
        """A level change's mark on the chart (the routine is not named: too long)."""
        if change.old is None:
            return self.tr("Level {new}").format(new=change.new)
        return self.tr("Level {old} → {new}").format(old=change.old, new=change.new)

    def _describe_average(self, days: int) -> None:
        """Say which average the line is: in the key, the note and the chart's
        description for screen readers."""
        self.chart.describe_average(days)
        self.panel.describe_average(days)

    def _draw_average(self) -> None:
        """Draw the average line for the span the chart shows, and say which it is
        when that changed (``TrendChart.draw_average``)."""
        days = self.chart.draw_average()
        if days is not None:
            self._describe_average(days)

    # -- data ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the journal again and show it. The ratings are read in a worker
        thread, on a read-only connection of its own; when that takes longer than
        :data:`WAIT_AT_MOST` (a large journal), the page says "Loading the chart…"
        (or keeps the chart it shows) and ``loaded`` tells when it is done."""
        self._generation += 1
        generation, now = self._generation, datetime.now().timestamp()

        def points(journal: Journal) -> ChartPoints:
            return chart_points(*journal.chart_ratings(MOST_POINTS), CONTEXT_STYLE, now)

        if self.journal.source is None:  # held in memory: one connection, this thread's
            self._show_points(points(self.journal))
            return
        done = self._reads.start(generation, self.journal, points)
        if done.wait(WAIT_AT_MOST):  # the usual case: as if read here
            self._take(generation, raising=True)
        elif not self.count:
            self.stack.setCurrentIndex(2)  # "Loading the chart…"

    def _take(self, generation: int, *, raising: bool = False) -> None:
        """The worker's reading *generation*, unless shown already or outdated;
        *raising*: a JournalError is raised rather than announced."""
        found = self._reads.take(generation)
        if found is None or generation != self._generation:
            return
        if isinstance(found, Exception):  # the chart stays as it was
            if self.stack.currentIndex() == 2:
                self.stack.setCurrentIndex(0 if not self.count else 1)
            if raising:
                raise found
            self.read_failed.emit(str(found))
            return
        assert isinstance(found, ChartPoints)
        self._show_points(found)

    def _show_points(self, points: ChartPoints) -> None:
        # Only what can be charted: a date from year 1 or 9999 in the journal would
        # stretch the chart over millennia (it stays in the journal and its exports).
        now = datetime.now().timestamp()
        sessions = [s for s in self.journal.session_points() if plausible(s[0], now)]
        self.events = [e for e in self.journal.safety_events()
                       if plausible(stamp(e.at), now)]
        self.left_out = points.left_out
        self.count = points.count
        self.grouped = points.grouped
        self._points, self._exact_from = points, None
        results = [r for r in self.journal.test_results() if plausible(stamp(r.at), now)]
        self._show_function(results)
        if not points.count:
            lines = function_lines(results)
            self.empty_function.setText("\n".join(
                [self.tr("Function"), *(line for _kind, line in lines)]) if lines else "")
            self.empty_function.setVisible(bool(lines))
            self.stack.setCurrentIndex(0)
            self.loaded.emit()
            return
        self.stack.setCurrentIndex(1)
        assert points.first_day is not None
        self.first_day = points.first_day
        self._uids = {context: uids for context, (_x, _y, uids) in points.columns.items()}
        self._usual_uids = points.usual[2]
        self.chart.show_points(points, until=self.today())
        exercised = [(moment, day) for moment, day, outcome, steps in sessions
                     if is_exercise(outcome, steps)]
        self.chart.show_sessions([moment for moment, _ in exercised])
        self._span = (min(points.span[0], exercised[0][0] if exercised else math.inf),
                      max(points.span[1], exercised[-1][0] if exercised else -math.inf))
        stops = [e for e in self.events if e.kind == "sharp_pain"]
        self.chart.show_stops([stamp(e.at) for e in stops])
        # Changes read from every session, then those the chart can show.
        self.level_changes = [c for c in level_changes(self.journal.sessions())
                              if plausible(stamp(c.at), now)]
        self.chart.show_level_changes([stamp(c.at) for c in self.level_changes],
                                      [self.level_label(c) for c in self.level_changes])
        self.summary = summarise_days(
            points.usual_by_day, points.after_by_day,
            [date.fromisoformat(day) for _, day in exercised], self.today(),
            chosen_baseline=self.baseline)
        self.panel.show_summary(self.summary, self.left_out, self.baseline)
        self.set_range(self._fitting_range())
        self._draw_average()  # the range may be the same as before: no signal
        self.loaded.emit()

    def _refine(self) -> None:
        """Grouped: when the chart shows few enough ratings (``MOST_POINTS``), up to
        the newest, read them in a worker and draw them one dot each."""
        source = self.journal.source
        if not self.grouped or source is None or self._points is None:
            return
        (left, right), _y = self.plot.getPlotItem().getViewBox().viewRange()
        if right < self._points.span[1]:  # panned into the past: stays grouped
            return
        first = datetime.fromtimestamp(max(left, self._points.span[0])).date()
        if self._exact_from is not None and first >= self._exact_from:
            return  # drawn one dot each already
        shown = sum(len(values) for by_day in (self._points.usual_by_day,
                                               self._points.after_by_day)
                    for day, values in by_day.items() if day >= first)
        if shown > MOST_POINTS:
            return
        self._reads.read_since(self._generation, self.journal, first)

    def _show_exact(self, generation: int, found: tuple[date, list]) -> None:
        """From *found*'s first day on, one dot per rating (until the next reload)."""
        points = self._points
        if generation != self._generation or points is None or not self.grouped:
            return
        first, ratings = found
        uids, self._usual_uids = self.chart.show_exact(points, first, ratings)
        self._uids.update(uids)
        self._exact_from = first

    def choose_baseline(self) -> None:
        """Let the user pick the period to compare with (default: the first week)."""
        from coach.ui.checkin import BaselineDialog

        first = self.first_day if self.count else self.today()
        dialog = BaselineDialog(self.baseline, first=first, today=self.today(), parent=self)
        dialog.chosen.connect(self.set_baseline)
        dialog.open()

    def set_baseline(self, period: tuple[date, date] | None) -> None:
        self.baseline = period
        self.baseline_changed.emit(period)
        self.reload()

    def _show_function(self, results: list[TestResult]) -> None:
        """The self-tests in the panel, and their chart once there are any."""
        lines = self.panel.show_function(results)
        if lines and self.function_chart is None:
            self.function_chart = FunctionChart()
            self.chart_column.addWidget(self.function_chart)
        if self.function_chart is not None:
            self.function_chart.set_results(results)

    def _fitting_range(self) -> str:
        first, last = self._span
        now = datetime.now().timestamp()
        span = (max(last, now) - first) / DAY
        # The shortest of 2 weeks and 3 months that holds everything, else all of it
        # (a year would leave most of the chart empty for a few months of data).
        for key, days in RANGES[:2]:
            if days is not None and span <= days:
                return key
        return "all"

    def _x_range(self, key: str) -> tuple[float, float]:
        """Where the range *key* puts the chart's left and right edges (time stamps)."""
        first, last = self._span
        end = max(last, datetime.now().timestamp()) + DAY / 2
        days = dict(RANGES)[key]
        return (first - DAY / 2 if days is None else end - days * DAY), end

    def set_range(self, key: str) -> None:
        self.range_key = key
        for button in self.range_group.buttons():
            button.setChecked(button.objectName() == f"range_{key}")
        if not self.count:
            return
        self.plot.getPlotItem().setXRange(*self._x_range(key), padding=0)

    @contextmanager
    def exporting(self, range_key: str | None = None, colours: Theme | None = None, *,
                  aspect: float = 0.6) -> Iterator[None]:
        """The chart as an export should show it: the hover label hidden (it follows
        the mouse; it is not data), given *range_key* that range rather than the one
        on screen, and given *colours* (a printed report: light) those. All come back
        afterwards, even if the export fails, without
        touching the range buttons: the user's view, panned or not, is as they left it."""
        moved = range_key is not None and self.count > 0
        with self.chart.exporting(self._x_range(range_key) if moved else None, colours,
                                  aspect=aspect):
            yield

    # -- interaction ---------------------------------------------------------------
    def _clicked(self, event) -> None:  # noqa: ANN001 - pyqtgraph's mouse event
        if event.double():
            self.set_range(self._fitting_range())

    def _hover(self, position: QPointF) -> None:
        item = self.plot.getPlotItem()
        box = item.getViewBox()
        if not box.sceneBoundingRect().contains(position):
            self.hover_label.hide()
            return
        uids = {"usual": self._usual_uids, **self._uids}
        layers = {"usual": self.usual, **self.scatters}
        hits = [(hit, context) for context, dots in layers.items()
                if (hit := dots.nearest(position)) is not None]
        rating = None
        if hits:
            (_distance, index), context = min(hits)
            rating = self.journal.rating(uids[context][index])
        if rating is None:
            self.hover_label.hide()
            return
        parts = [self.tr("Pain {value}").format(value=rating.value), context_name(rating.context),
                 f"{rating.at:%Y-%m-%d %H:%M}"]
        if rating.side:
            parts.append(side_label(rating.side))
        text = " · ".join(parts) + (f"\n{rating.note}" if rating.note else "")
        self.hover_label.setText(text)
        self.hover_label.setPos(stamp(rating.at), rating.value + 0.3)
        self.hover_label.show()
