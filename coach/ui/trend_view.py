"""The pain trend: a pyqtgraph chart of ratings over time and, beside it, the answer
to "is it working?" in plain words. Imported only when first shown (pyqtgraph
takes a while to load)."""

from __future__ import annotations

import contextlib
import math
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.advice import is_exercise
from coach.journal import (
    Journal,
    JournalError,
    SafetyEvent,
    TestResult,
)
from coach.level_changes import LevelChange, level_changes
from coach.trend import (
    MOST_POINTS,
    REVIEW_WEEKS,
    TREND_CONTEXTS,
    WINDOW_DAYS,
    ChartPoints,
    Summary,
    chart_points,
    line_window,
    plausible,
    rolling_mean,
    summarise_days,
)
from coach.ui import theme
from coach.ui.chart_items import (
    DAY,
    Bands,
    DayRanges,
    Dots,
    Legend,
    LevelMarks,
    LocaleDateAxis,
)
from coach.ui.checkin import context_name, side_label
from coach.ui.function_view import FunctionChart, function_lines, invitation
from coach.ui.theme import Theme
from coach.ui.verdict import verdict_headline
from coach.ui.widgets import clear_layout, plain_label, set_text_colour, translate

RANGES = (("2w", 14), ("3m", 92), ("1y", 366), ("all", None))
CONTEXT_STYLE = {  # symbol (the colour is the theme's): the optional layers, one per context
    "check_in": "o",
    "before": "s",
    "after": "t",
    "next_morning": "d",
}
#: The layers the legend offers (off at first: the usual-pain dots and the average
#: carry the trend; these answer "and right after a session?" when asked).
LAYERS = ("before", "after", "next_morning")
#: The zones as bands (low, high, zone), named on the right axis: never colour alone.
BANDS = ((0, 2, "green"), (2, 5, "amber"), (5, 10, "red"))
BAND_LABELS = ((1, "0-2"), (3.5, "3-5"), (7.5, "6-10"))
#: Below 0, out of the data: a lane for session ticks and sharp-pain stops.
LANE = (-1.9, -0.45)
SESSION_TICK = (-1.7, -1.25)
STOP_Y = -0.85
#: A change of a routine's level: a line over the pain scale, labelled at its top.
LEVEL_MARK = (0, 10)
#: The view: the lane below, headroom above 10 for the one-row legend.
Y_VIEW = (-1.9, 11.3)
#: How long ``reload`` waits for the worker that reads the ratings (seconds): ten
#: years of them take a few tens of ms, and the page shows them at once; longer, and
#: the page says it is loading rather than freeze the window.
WAIT_AT_MOST = 0.12


class _Relay(QObject):
    """Carries the worker thread's "done" to the GUI thread (a queued signal)."""

    read = Signal(int)  # the reading's generation
    exact = Signal(int, object)  # the reading's generation, (first day, its ratings)


def stamp(moment: datetime) -> float:
    return moment.timestamp()


def midnights(first: int, last: int) -> np.ndarray:
    """The local midnights (time stamps) that start the days *first* .. *last* + 1
    (ordinals): each day's edges on the chart, daylight saving time included."""
    return np.array([datetime.combine(date.fromordinal(o), time()).timestamp()
                     for o in range(first, last + 2)])  # naive: the machine's local time


def range_name(key: str) -> str:
    return {"2w": translate("Trend", "2 weeks"), "3m": translate("Trend", "3 months"),
            "1y": translate("Trend", "1 year"), "all": translate("Trend", "All")}[key]


def summary_lines(summary: Summary) -> list[str]:
    """The summary in plain words (never "cured": clinical.md section 2)."""
    lines: list[str] = []
    if summary.recent_mean is None:
        lines.append(translate("Trend", "No ratings of your usual pain in the last 7 days."))
    else:
        lines.append(translate("Trend", "Last 7 days: {mean:.1f} on average.").format(
            mean=summary.recent_mean))
    change = summary.change
    if change is None:
        if summary.count:
            lines.append(translate("Trend", "Keep rating for a week or two: the comparison "
                                   "with your first week appears once there is a week to "
                                   "compare with it."))
    else:
        points = abs(change.points)
        percent = f" ({change.percent:+.0f} %)" if change.percent is not None else ""
        if summary.chosen_baseline:
            same = translate("Trend", "About the same as in the period you compare with "
                             "({base:.1f}).")
            lower = translate("Trend", "{points:.1f} lower than in the period you compare "
                              "with{percent}.")
            higher = translate("Trend", "{points:.1f} higher than in the period you compare "
                               "with{percent}.")
        else:
            same = translate("Trend", "About the same as when you started ({base:.1f}).")
            lower = translate("Trend", "{points:.1f} lower than when you started{percent}.")
            higher = translate("Trend", "{points:.1f} higher than when you started{percent}.")
        if change.verdict == "same":
            lines.append(same.format(base=change.baseline))
        else:
            lines.append((lower if change.points < 0 else higher).format(
                points=points, percent=percent))
        lines.append({
            "better": translate("Trend", "That is a meaningful improvement."),
            "somewhat_better": translate("Trend", "A small improvement: not yet the 2 "
                                         "points or 30 % that people usually call much "
                                         "better."),
            "same": translate("Trend", "Many people notice a change after 2 to 6 weeks "
                              "of regular practice."),
            "somewhat_worse": translate("Trend", "A little higher. Keep an eye on it, and "
                                        "make sessions easier if pain keeps rising."),
            "worse": translate("Trend", "That is a meaningful rise. Make sessions easier or "
                               "rest, and talk to a clinician if it does not settle."),
        }[change.verdict])
    if summary.see_clinician:
        lines.append(translate("Trend", "You have exercised in {n} of the last {weeks} weeks, "
                               "and your usual pain has not improved meaningfully. After "
                               "about three months of regular exercise, it is worth seeing "
                               "an orthopaedic clinician about your knee.").format(
            n=summary.active_weeks, weeks=REVIEW_WEEKS))
    zones = summary.after_zones_4_weeks or {}
    if zones:
        lines.append(translate("Trend", "Right after exercise, last 4 weeks: {green} safe, "
                               "{amber} acceptable, {red} too much.").format(
            green=zones.get("green", 0), amber=zones.get("amber", 0), red=zones.get("red", 0)))
    sessions = summary.sessions_4_weeks
    lines.append(translate("Trend", "1 session in the last 4 weeks.") if sessions == 1 else
                 translate("Trend", "{n} sessions in the last 4 weeks.").format(n=sessions))
    return lines


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
        #: The user's chosen baseline period; None: the first 7 days with ratings.
        self.baseline = baseline
        self.journal = journal
        self.today = today
        #: How many ratings are charted, and the local day of the first one.
        self.count = 0
        self.first_day = today()
        self.events: list[SafetyEvent] = []
        #: The changes of routine levels the chart marks, oldest first.
        self.level_changes: list[LevelChange] = []
        #: Ratings stored with a date the chart cannot show (see ``reload``).
        self.left_out = 0
        #: Read grouped (more than ``MOST_POINTS`` ratings): a dot per local day,
        #: context and value, the summary and average still from every rating.
        self.grouped = False
        self._generation = 0  # of the latest reading (a newer one supersedes)
        self._found: dict[int, object] = {}  # generation -> ChartPoints or error
        self._relay = _Relay(self)
        self._relay.read.connect(self._take)
        self._relay.exact.connect(self._show_exact)
        self._points: ChartPoints | None = None  # as read (grouped or not)
        self._exact_from: date | None = None  # grouped: one dot per rating from that day
        #: Grouped: once the view stops moving, ``_refine`` draws what it shows one
        #: dot per rating if that is few enough.
        self._refine_timer = QTimer(self)
        self._refine_timer.setSingleShot(True)
        self._refine_timer.setInterval(150)
        self._refine_timer.timeout.connect(self._refine)
        self.range_key = "all"
        self.summary: Summary | None = None
        self._uids: dict[str, list[str]] = {}  # each point's rating, by context
        self._usual_uids: list[str] = []  # each usual-pain dot's rating
        #: The usual-pain ratings by day, and the average line drawn from them.
        self._by_day: dict[date, list[int]] = {}
        self._day_middles = np.empty(0)  # time stamps, every day from first to last
        self._lines: dict[int, np.ndarray] = {}  # window -> average per day (NaN: none)
        #: The average line's window in days (``coach.trend.line_window``); 0: none yet.
        self.line_days = 0
        self._span = (0.0, 0.0)
        #: The self-tests' small chart, built once there are results (``reload``).
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
        tools = QHBoxLayout()
        tools.setSpacing(4)
        self.range_group = QButtonGroup(self)
        for key, _days in RANGES:
            button = QPushButton(range_name(key))
            button.setCheckable(True)
            button.setObjectName(f"range_{key}")
            button.setAccessibleName(self.tr("Show {range}").format(range=range_name(key)))
            button.setAccessibleDescription(self.tr("How much of the chart to show"))
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, k=key: self.set_range(k))
            self.range_group.addButton(button)
            tools.addWidget(button)
        tools.addStretch(1)
        for kind, text in (("png", self.tr("Save chart…")), ("csv", self.tr("Export CSV…")),
                           ("pdf", self.tr("Report for my clinician…"))):
            button = QPushButton(text)
            button.setObjectName(f"export_{kind}")
            button.setAccessibleDescription({
                "png": self.tr("Save the chart as a picture (PNG)"),
                "csv": self.tr("Save all ratings and sessions as a CSV file"),
                "pdf": self.tr("Save a one-page PDF report to show your clinician"),
            }[kind])
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, k=kind: self.export_requested.emit(k))
            tools.addWidget(button)
        history = QPushButton(self.tr("Corrections…"))
        history.setObjectName("historyButton")
        history.setAccessibleDescription(self.tr("See and correct your ratings"))
        history.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        history.clicked.connect(self.history_requested)
        tools.addWidget(history)
        outer.addLayout(tools)
        layout = QHBoxLayout()
        outer.addLayout(layout, 1)

        axis = LocaleDateAxis(orientation="bottom")
        # No right-click menu: pyqtgraph's (plot options, FFT, log axes, its own export
        # dialog) is not for our users; the buttons above cover ranges and export, and
        # a double-click resets the view.
        self.plot = pg.PlotWidget(axisItems={"bottom": axis}, enableMenu=False)
        self.plot.setObjectName("trendChart")
        self.plot.setAccessibleName(self.tr("Chart of pain ratings over time"))
        self.plot.setMinimumWidth(420)
        item = self.plot.getPlotItem()
        item.hideButtons()  # pyqtgraph's "A" (auto-range); double-click does that here
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setLabel("left", self.tr("Pain (0-10)"))
        box = item.getViewBox()
        box.setMouseEnabled(x=True, y=False)
        # Headroom above 10 holds the legend; the lane below 0 the sessions and stops.
        box.setLimits(yMin=Y_VIEW[0] - 0.1, yMax=Y_VIEW[1] + 0.2)
        item.setYRange(*Y_VIEW, padding=0)
        item.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        # The zones by their numbers beside the bands, so colour is never alone.
        item.showAxis("right")
        item.getAxis("right").setTicks([list(BAND_LABELS), []])
        item.getAxis("right").setGrid(False)
        self.legend = Legend(columns=7)
        self.legend.setParentItem(box)
        self.legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(4, 2))
        box.sigResized.connect(lambda: self.legend.fit(box.width() - 8))
        self.bands = Bands(self._band_colours(theme.current()))
        self.bands.setZValue(-20)
        item.addItem(self.bands, ignoreBounds=True)
        # The hero: the 7-day average, drawn over a white casing so that it stands out
        # from the dots it runs through.
        self.mean_casing = pg.PlotDataItem(connect="finite")
        self.mean_casing.setZValue(9)
        item.addItem(self.mean_casing)
        self.mean_line = pg.PlotDataItem(connect="finite")
        self.mean_line.setZValue(10)
        self.mean_line.visibleChanged.connect(
            lambda: self.mean_casing.setVisible(self.mean_line.isVisible()))
        item.addItem(self.mean_line)
        self.legend.add(self.mean_line, self.average_name(WINDOW_DAYS))
        # Usual pain as one series: small light dots under the average, over a light
        # column per day from its lowest to its highest rating. The columns belong to
        # the dots: they share an entry in the key and are shown and hidden with them.
        colours = theme.current()
        self.day_ranges = DayRanges(colours.qcolor(colours.usual_range))
        self.day_ranges.setZValue(-5)
        item.addItem(self.day_ranges, ignoreBounds=True)
        fill, outline = colours.usual_dots
        self.usual = Dots("o", fill, pen_colour=outline, size=6, pen_width=0.5,
                          name=self.tr("Usual pain"))
        item.addItem(self.usual)
        self.legend.add(self.usual, self.usual.name(), backdrop=self.day_ranges)
        self.usual.visibleChanged.connect(
            lambda: self.day_ranges.setVisible(self.usual.isVisible()))
        box.sigXRangeChanged.connect(lambda: self._draw_average())
        box.sigXRangeChanged.connect(lambda: self.grouped and self._refine_timer.start())
        self.scatters: dict[str, Dots] = {}
        for context, symbol in CONTEXT_STYLE.items():
            dots = Dots(symbol, colours.context_dots[context], pen_colour=colours.dot_outline,
                        name=context_name(context))
            dots.setZValue(5)
            dots.setVisible(False)  # off until the legend switches a layer on
            self.plot.getPlotItem().addItem(dots)
            if context in LAYERS:
                self.legend.add(dots, dots.name())
            self.scatters[context] = dots
        # A short tick per session in the lane below the data: one path, cheap with
        # years of them.
        self.session_marks = pg.PlotDataItem(connect="pairs")
        item.addItem(self.session_marks)
        self.legend.add(self.session_marks, self.tr("Session"))
        self.stop_marks = self._add_dots(Dots("x", colours.stop_mark, size=11,
                                              pen_colour=colours.stop_mark, pen_width=1.5,
                                              name=self.tr("Sharp-pain stop")))
        # Each change of a routine's level, one item for all (there may be hundreds),
        # under the average line.
        self.level_marks = LevelMarks(*LEVEL_MARK)
        self.level_marks.setZValue(8)
        item.addItem(self.level_marks, ignoreBounds=True)
        self.hover_label = pg.TextItem(anchor=(0, 1))
        # Live: the chart is coloured again whenever the theme changes.
        theme.follow(self, self.colour_chart, name="chartColours")
        self.hover_label.setZValue(50)
        self.hover_label.hide()
        item.addItem(self.hover_label, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        # The self-tests get their own small chart under this one (built when there
        # are results): the pain chart keeps its scale and stays the hero.
        self.plot.setMinimumHeight(260)
        self.chart_column = QVBoxLayout()
        self.chart_column.setSpacing(0)
        self.chart_column.addWidget(self.plot, 1)
        layout.addLayout(self.chart_column, 3)

        side = QFrame()
        side.setObjectName("trendSummary")
        side.setAccessibleName(self.tr("Is it working?"))
        side.setAccessibleDescription(self.tr("The chart's summary in words"))
        side.setMinimumWidth(240)
        side.setMaximumWidth(360)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(plain_label(self.tr("Is it working?"), point_delta=1, bold=True))
        self.headline = plain_label("", point_delta=5, bold=True, object_name="verdictHeadline")
        side_layout.addWidget(self.headline)
        self.summary_box = QVBoxLayout()
        side_layout.addLayout(self.summary_box)
        self.baseline_label = plain_label("", point_delta=-1, object_name="baselineLabel")
        side_layout.addWidget(self.baseline_label)
        baseline_button = QPushButton(self.tr("Compare with…"))
        baseline_button.setObjectName("baselineButton")
        baseline_button.setToolTip(self.tr("Choose the period your recent pain is compared "
                                           "with"))
        baseline_button.clicked.connect(self.choose_baseline)
        side_layout.addWidget(baseline_button)
        side_layout.addSpacing(8)
        side_layout.addWidget(plain_label(self.tr("Function"), point_delta=1, bold=True,
                                          object_name="functionTitle"))
        self.function_box = QVBoxLayout()
        self.function_box.setSpacing(2)
        side_layout.addLayout(self.function_box)
        side_layout.addSpacing(8)
        self.note = plain_label("", point_delta=-1, object_name="chartNote")
        set_text_colour(self.note)
        side_layout.addWidget(self.note)
        self._describe_average(WINDOW_DAYS)
        side_layout.addStretch(1)
        # The panel scrolls on its own when its words are longer than the charts are
        # tall (a small window, large text, Japanese): the charts stay whole on screen.
        side_scroll = QScrollArea()
        side_scroll.setObjectName("trendSummaryScroll")
        side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # words only: Tab skips it
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setMinimumWidth(side.minimumWidth() + 16)
        side_scroll.setMaximumWidth(side.maximumWidth() + 16)
        side_scroll.setWidget(side)
        layout.addWidget(side_scroll, 1)
        return page

    @staticmethod
    def _band_colours(colours: Theme) -> tuple[tuple[float, float, QColor], ...]:
        zones = tuple((low, high, colours.qcolor(colours.chart_bands[name]))
                      for low, high, name in BANDS)
        return (*zones, (*LANE, colours.qcolor(colours.chart_lane)))

    def colour_chart(self, colours: Theme) -> None:
        """Paint the chart in *colours*: the theme on screen, the light one in a report."""
        self.chart_colours = colours
        self.plot.setBackground(colours.chart_background)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            axis.setPen(colours.chart_foreground)
            axis.setTextPen(colours.chart_foreground)
        item.getAxis("right").setTextPen(colours.chart_band_label)
        self.bands.set_bands(self._band_colours(colours))
        self.mean_casing.setPen(pg.mkPen(colours.mean_casing, width=7))
        self.mean_line.setPen(pg.mkPen(colours.mean_line, width=4))
        self.usual.set_colours(*colours.usual_dots)
        self.day_ranges.set_colour(colours.qcolor(colours.usual_range))
        for context, dots in self.scatters.items():
            dots.set_colours(colours.context_dots[context], colours.dot_outline)
        self.session_marks.setPen(pg.mkPen(colours.session_tick, width=2))
        self.stop_marks.set_colours(colours.stop_mark, colours.stop_mark)
        self.level_marks.set_colours(colours)
        text, fill, border = colours.hover
        self.hover_label.setColor(text)
        self.hover_label.fill = pg.mkBrush(fill)
        self.hover_label.border = pg.mkPen(border)
        self.legend.set_colours(colours)

    def level_label(self, change: LevelChange) -> str:
        """A level change's mark on the chart (the routine is not named: too long)."""
        if change.old is None:
            return self.tr("Level {new}").format(new=change.new)
        return self.tr("Level {old} → {new}").format(old=change.old, new=change.new)

    def average_name(self, days: int) -> str:
        """The average line's name in the key."""
        return {7: self.tr("7-day average"), 30: self.tr("30-day average")}[days]

    def _describe_average(self, days: int) -> None:
        """Say which average the line is: in the key, the note and the chart's
        description for screen readers."""
        self.legend.rename(self.mean_line, self.average_name(days))
        self.plot.setAccessibleDescription(self.tr(
            "Your ratings with their {days}-day average; the summary beside it says in "
            "words whether your pain is going down").format(days=days))
        self.note.setText(self.tr(
            "The line is the {days}-day average of your usual pain: check-ins, ratings "
            "before exercise and next-morning ratings (the dots; the shading spans each "
            "day's lowest to highest). Ratings right after exercise are judged by their "
            "zone: 0-2 safe, 3-5 acceptable, 6-10 too much. Click the key to show or hide "
            "a layer.").format(days=days))

    def _draw_average(self) -> None:
        """Draw the average line for the span the chart shows: a 7-day average up to
        about six months, a 30-day one beyond (``coach.trend.line_window``). Only the
        line: the summary beside it always compares the last 7 days."""
        if not self._by_day:
            return
        (left, right), _y = self.plot.getPlotItem().getViewBox().viewRange()
        days = line_window((right - left) / DAY)
        if days == self.line_days:
            return
        if days not in self._lines:
            series = rolling_mean((), window=days, by_day=self._by_day)
            self._lines[days] = np.array([math.nan if m is None else m for _d, m in series])
        self.line_days = days
        self.mean_line.setData(self._day_middles, self._lines[days])
        self.mean_casing.setData(self._day_middles, self._lines[days])
        self._describe_average(days)

    def _add_dots(self, dots: Dots) -> Dots:
        self.plot.getPlotItem().addItem(dots)
        self.legend.add(dots, dots.name())
        return dots

    # -- data ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the journal again and show it. The ratings are read in a worker
        thread, on a read-only connection of its own; when that takes longer than
        :data:`WAIT_AT_MOST` (a large journal), the page says "Loading the chart…"
        (or keeps the chart it shows) and ``loaded`` tells when it is done."""
        self._generation += 1
        generation, now = self._generation, datetime.now().timestamp()
        source = self.journal.source
        if source is None:  # held in memory: one connection, this thread's
            self._show_points(chart_points(*self.journal.chart_ratings(MOST_POINTS),
                                           CONTEXT_STYLE, now))
            return
        journal, done = self.journal, threading.Event()

        def read() -> None:
            try:
                reader = journal.reader()
                try:
                    found: object = chart_points(*reader.chart_ratings(MOST_POINTS),
                                                 CONTEXT_STYLE, now)
                finally:
                    reader.close()
            except sqlite3.Error as err:  # opening the connection
                found = JournalError(f"the journal could not be read ({err})")
            except Exception as err:  # noqa: BLE001 - raised or announced in the GUI thread
                found = err
            self._found[generation] = found
            done.set()
            with contextlib.suppress(RuntimeError):  # the view is gone: nobody waits
                self._relay.read.emit(generation)

        threading.Thread(target=read, name="trend-read", daemon=True).start()
        if done.wait(WAIT_AT_MOST):  # the usual case: as if read here
            self._take(generation, raising=True)
        elif not self.count:
            self.stack.setCurrentIndex(2)  # "Loading the chart…"

    def _take(self, generation: int, *, raising: bool = False) -> None:
        """The worker's reading *generation*, unless shown already or outdated;
        *raising*: a JournalError is raised rather than announced."""
        found = self._found.pop(generation, None)
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
        self._uids = {}
        for context, (x, y, uids) in points.columns.items():
            self.scatters[context].setData(x, y)
            self._uids[context] = uids
        usual_x, usual_y, self._usual_uids = points.usual
        self.usual.setData(usual_x, usual_y)
        by_day = points.usual_by_day
        self._by_day, self._lines, self.line_days = by_day, {}, 0
        if by_day:
            first, last = min(by_day).toordinal(), max(by_day).toordinal()
            edges = midnights(first, last)
            self._day_middles = (edges[:-1] + edges[1:]) / 2
            ranges = np.array([(day.toordinal() - first, low, high)
                               for day, low, high in points.ranges])
            days = ranges[:, 0].astype(int)
            self.day_ranges.setData(edges[days], edges[days + 1], ranges[:, 1], ranges[:, 2])
        else:
            self.mean_line.setData([], [])
            self.mean_casing.setData([], [])
            self.day_ranges.setData([], [], [], [])
        exercised = [(moment, day) for moment, day, outcome, steps in sessions
                     if is_exercise(outcome, steps)]
        self.session_marks.setData([moment for moment, _ in exercised for _ in (0, 1)],
                                   list(SESSION_TICK) * len(exercised))
        self._span = (min(points.span[0], exercised[0][0] if exercised else math.inf),
                      max(points.span[1], exercised[-1][0] if exercised else -math.inf))
        stops = [e for e in self.events if e.kind == "sharp_pain"]
        self.stop_marks.setData([stamp(e.at) for e in stops], [STOP_Y] * len(stops))
        # Changes read from every session, then those the chart can show.
        self.level_changes = [c for c in level_changes(self.journal.sessions())
                              if plausible(stamp(c.at), now)]
        self.level_marks.setData([stamp(c.at) for c in self.level_changes],
                                 [self.level_label(c) for c in self.level_changes])
        self.summary = summarise_days(
            by_day, points.after_by_day, [date.fromisoformat(day) for _, day in exercised],
            self.today(), chosen_baseline=self.baseline)
        self._show_summary(self.summary)
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
        generation, journal = self._generation, self.journal

        def read() -> None:
            try:
                reader = journal.reader()
                try:
                    found = (first, reader.ratings_since(first))
                finally:
                    reader.close()
            except Exception:  # noqa: BLE001 - the grouped dots stay
                return
            with contextlib.suppress(RuntimeError):  # the view is gone
                self._relay.exact.emit(generation, found)

        threading.Thread(target=read, name="trend-read-exact", daemon=True).start()

    def _show_exact(self, generation: int, found: tuple[date, list]) -> None:
        """From *found*'s first day on, one dot per rating (until the next reload)."""
        points = self._points
        if generation != self._generation or points is None or not self.grouped:
            return
        first, ratings = found
        cut = datetime.combine(first, time()).timestamp()  # the local midnight
        now = datetime.now().timestamp()
        exact: dict[str, tuple[list[float], list[int], list[str]]] = {
            context: ([], [], []) for context in points.columns}
        usual: tuple[list[float], list[int], list[str]] = ([], [], [])
        for rating in ratings:
            moment = stamp(rating.at)
            if moment < cut or not plausible(moment, now):
                continue
            for x, y, uids in (exact[rating.context],) + (
                    (usual,) if rating.context in TREND_CONTEXTS else ()):
                x.append(moment)
                y.append(rating.value)
                uids.append(rating.uid)

        def joined(grouped: tuple[list[float], list[int], list[str]],
                   more: tuple[list[float], list[int], list[str]]
                   ) -> tuple[list[float], list[int], list[str]]:
            # The grouped dots come by day, not in time order within a day.
            keep = [i for i, moment in enumerate(grouped[0]) if moment < cut]
            return ([grouped[0][i] for i in keep] + more[0],
                    [grouped[1][i] for i in keep] + more[1],
                    [grouped[2][i] for i in keep] + more[2])

        for context, columns in points.columns.items():
            x, y, self._uids[context] = joined(columns, exact[context])
            self.scatters[context].setData(x, y)
        x, y, self._usual_uids = joined(points.usual, usual)
        self.usual.setData(x, y)
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

    def _show_summary(self, summary: Summary) -> None:
        headline = verdict_headline(summary.change, chosen_baseline=summary.chosen_baseline)
        self.headline.setVisible(headline is not None)
        if headline is not None:
            shape, words, role = headline
            self.headline.setText(f"{shape} {words}")
            set_text_colour(self.headline, lambda colours: colours.verdict[role])
        clear_layout(self.summary_box)
        for n, line in enumerate(summary_lines(summary)):
            label = plain_label(line, point_delta=2 if n == 0 else 0, bold=n == 0,
                                object_name="summaryLine")
            self.summary_box.addWidget(label)
        if self.left_out:
            self.summary_box.addWidget(plain_label(self.tr(
                "{n} ratings have a date the chart cannot show (before 1970 or in the "
                "future). They are kept in your journal and its exports; Corrections… "
                "can delete them.").format(n=self.left_out), object_name="leftOut"))
        if self.baseline is None:
            self.baseline_label.setText(self.tr("Compared with your first week of ratings."))
        else:
            start, end = self.baseline
            self.baseline_label.setText(self.tr("Compared with {start} to {end}.").format(
                start=start.isoformat(), end=end.isoformat()))

    def _show_function(self, results: list[TestResult]) -> None:
        """The self-tests in the panel, and their chart once there are any."""
        clear_layout(self.function_box)
        lines = function_lines(results)
        for kind, line in lines or [("none", invitation())]:
            label = plain_label(line, point_delta=-1 if kind == "activity" else 0,
                                object_name="functionLine")
            if kind in ("activity", "none"):
                set_text_colour(label)
            self.function_box.addWidget(label)
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
        box = self.plot.getPlotItem().getViewBox()
        hovering = self.hover_label.isVisible()
        shown = box.viewRange()[0]
        auto_x = box.autoRangeEnabled()[0]
        moved = range_key is not None and self.count > 0
        self.hover_label.hide()
        on_screen = self.chart_colours
        if colours is not None:
            self.colour_chart(colours)
        if moved:
            box.setXRange(*self._x_range(range_key), padding=0)
        # On a narrow window the plot is taller than wide; a page or an image reads
        # better in landscape, so the export gets at most *aspect* of its width in height.
        size = self.plot.size()
        if size.height() > aspect * size.width():
            self.plot.resize(size.width(), int(aspect * size.width()))
        try:
            yield
        finally:
            if self.plot.size() != size:
                self.plot.resize(size)
            if moved:
                box.setXRange(*shown, padding=0)
                if auto_x:
                    box.enableAutoRange(x=auto_x)
            if colours is not None:
                self.colour_chart(on_screen)
            self.hover_label.setVisible(hovering)

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
