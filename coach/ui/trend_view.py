"""The pain trend: a pyqtgraph chart of ratings over time and, beside it, the answer
to "is it working?" in plain words. Imported only when first shown (pyqtgraph
takes a while to load)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach.advice import is_exercise
from coach.journal import Journal, SafetyEvent
from coach.trend import (
    REVIEW_WEEKS,
    TREND_CONTEXTS,
    Summary,
    plausible,
    rolling_mean,
    summarise_days,
)
from coach.ui.chart_items import DAY, Bands, Dots, Legend, LocaleDateAxis
from coach.ui.checkin import context_name, side_label
from coach.ui.widgets import clear_layout, plain_label, set_text_colour, translate

RANGES = (("2w", 14), ("3m", 92), ("1y", 366), ("all", None))
CONTEXT_STYLE = {  # symbol, colour
    "check_in": ("o", "#3d6fb6"),
    "before": ("s", "#5b6b7f"),
    "after": ("t", "#b26a00"),
    "next_morning": ("d", "#0e7c78"),
}
BANDS = ((0, 2, (46, 125, 50, 28)), (2, 5, (178, 106, 0, 26)), (5, 10, (198, 40, 40, 24)))


def stamp(moment: datetime) -> float:
    return moment.timestamp()


def noon(day: date) -> float:
    """A local day's midday, as a time stamp (where the daily mean is drawn)."""
    return datetime.combine(day, time(12)).timestamp()  # naive: the machine's local time


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
    """

    rate_now = Signal()
    export_requested = Signal(str)
    history_requested = Signal()
    baseline_changed = Signal(object)

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
        #: Ratings stored with a date the chart cannot show (see ``reload``).
        self.left_out = 0
        self.range_key = "all"
        self.summary: Summary | None = None
        self._uids: dict[str, list[str]] = {}  # each point's rating, by context
        self._span = (0.0, 0.0)

        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_chart_page())

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
        button.setMinimumHeight(48)
        button.clicked.connect(self.rate_now)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_chart_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        left = QVBoxLayout()
        tools = QHBoxLayout()
        self.range_group = QButtonGroup(self)
        for key, _days in RANGES:
            button = QPushButton(range_name(key))
            button.setCheckable(True)
            button.setObjectName(f"range_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.set_range(k))
            self.range_group.addButton(button)
            tools.addWidget(button)
        tools.addStretch(1)
        for kind, text in (("png", self.tr("Save chart…")), ("csv", self.tr("Export CSV…")),
                           ("pdf", self.tr("Report for my clinician…"))):
            button = QPushButton(text)
            button.setObjectName(f"export_{kind}")
            button.clicked.connect(lambda _checked=False, k=kind: self.export_requested.emit(k))
            tools.addWidget(button)
        history = QPushButton(self.tr("Corrections…"))
        history.setObjectName("historyButton")
        history.clicked.connect(self.history_requested)
        tools.addWidget(history)
        left.addLayout(tools)

        axis = LocaleDateAxis(orientation="bottom")
        # No right-click menu: pyqtgraph's (plot options, FFT, log axes, its own export
        # dialog) is not for our users; the buttons above cover ranges and export, and
        # a double-click resets the view.
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": axis}, enableMenu=False)
        self.plot.setObjectName("trendChart")
        self.plot.setAccessibleName(self.tr("Chart of pain ratings over time"))
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setLabel("left", self.tr("Pain (0-10)"))
        item.getViewBox().setMouseEnabled(x=True, y=False)
        # Headroom above 10 keeps the legend and the stop markers off the ratings.
        item.getViewBox().setLimits(yMin=-0.6, yMax=12.2)
        item.setYRange(-0.4, 12.0, padding=0)
        item.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        self.legend = Legend(columns=4)
        self.legend.setParentItem(item.getViewBox())
        self.legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(10, 6))
        bands = Bands(BANDS)
        bands.setZValue(-20)
        item.addItem(bands, ignoreBounds=True)
        self.mean_line = pg.PlotDataItem(pen=pg.mkPen("#263238", width=3),
                                         connect="finite")
        item.addItem(self.mean_line)
        self.legend.add(self.mean_line, self.tr("7-day average"))
        self.scatters: dict[str, Dots] = {}
        for context, (symbol, colour) in CONTEXT_STYLE.items():
            self.scatters[context] = self._add_dots(Dots(symbol, colour,
                                                         name=context_name(context)))
        # A short tick per session along the bottom: one path, cheap with years of them.
        self.session_marks = pg.PlotDataItem(pen=pg.mkPen("#0e7c78", width=3),
                                             connect="pairs")
        item.addItem(self.session_marks)
        self.legend.add(self.session_marks, self.tr("Session"))
        self.stop_marks = self._add_dots(Dots("x", "#c62828", size=16, pen_colour="#c62828",
                                              pen_width=2, name=self.tr("Sharp-pain stop")))
        self.hover_label = pg.TextItem(anchor=(0, 1), color="#111", fill=pg.mkBrush(255, 255,
                                                                                    240, 235),
                                       border=pg.mkPen("#999"))
        self.hover_label.setZValue(50)
        self.hover_label.hide()
        item.addItem(self.hover_label, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        left.addWidget(self.plot, 1)
        layout.addLayout(left, 3)

        side = QFrame()
        side.setObjectName("trendSummary")
        side.setMinimumWidth(260)
        side.setMaximumWidth(360)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(plain_label(self.tr("Is it working?"), point_delta=5, bold=True))
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
        note = plain_label(self.tr(
            "The average follows your usual pain: daily check-ins, ratings before "
            "exercise and next-morning ratings. Ratings right after exercise are shown "
            "but judged by their zone: 0-2 safe, 3-5 acceptable, 6-10 too much."),
            point_delta=-1)
        set_text_colour(note)
        side_layout.addWidget(note)
        side_layout.addStretch(1)
        layout.addWidget(side, 1)
        return page

    def _add_dots(self, dots: Dots) -> Dots:
        self.plot.getPlotItem().addItem(dots)
        self.legend.add(dots, dots.name())
        return dots

    # -- data ----------------------------------------------------------------------
    def reload(self) -> None:
        # Only what can be charted: a date from year 1 or 9999 in the journal would
        # stretch the chart over millennia (it stays in the journal and its exports).
        now = datetime.now().timestamp()
        stored = self.journal.rating_points()
        rows = [row for row in stored if plausible(row[1], now)]
        sessions = [s for s in self.journal.session_points() if plausible(s[0], now)]
        self.events = [e for e in self.journal.safety_events()
                       if plausible(stamp(e.at), now)]
        self.left_out = len(stored) - len(rows)
        self.count = len(rows)
        if not rows:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.first_day = date.fromisoformat(rows[0][2])
        # One pass over the rows: each context's points, and the values by local day.
        columns: dict[str, tuple[list[float], list[int], list[str]]] = {
            context: ([], [], []) for context in CONTEXT_STYLE}
        usual: dict[str, list[int]] = {}
        after: dict[str, list[int]] = {}
        for uid, moment, day, value, context in rows:
            x, y, uids = columns[context]
            x.append(moment)
            y.append(value)
            uids.append(uid)
            if context in TREND_CONTEXTS:
                usual.setdefault(day, []).append(value)
            elif context == "after":
                after.setdefault(day, []).append(value)
        self._uids = {}
        for context, (x, y, uids) in columns.items():
            self.scatters[context].setData(x, y)
            self._uids[context] = uids
        by_day = {date.fromisoformat(day): values for day, values in usual.items()}
        series = rolling_mean((), by_day=by_day)
        self.mean_line.setData([noon(d) for d, _ in series],
                               [math.nan if m is None else m for d, m in series])
        exercised = [(moment, day) for moment, day, outcome, steps in sessions
                     if is_exercise(outcome, steps)]
        self.session_marks.setData([moment for moment, _ in exercised for _ in (0, 1)],
                                   [-0.35, 0.0] * len(exercised))
        self._span = (min(rows[0][1], exercised[0][0] if exercised else math.inf),
                      max(rows[-1][1], exercised[-1][0] if exercised else -math.inf))
        stops = [e for e in self.events if e.kind == "sharp_pain"]
        self.stop_marks.setData([stamp(e.at) for e in stops], [10.5] * len(stops))
        self.summary = summarise_days(
            by_day, {date.fromisoformat(day): values for day, values in after.items()},
            [date.fromisoformat(day) for _, day in exercised], self.today(),
            chosen_baseline=self.baseline)
        self._show_summary(self.summary)
        self.set_range(self._fitting_range())

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
        clear_layout(self.summary_box)
        for n, line in enumerate(summary_lines(summary)):
            label = plain_label(line, point_delta=3 if n == 0 else 1, bold=n == 0,
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
    def exporting(self, range_key: str | None = None) -> Iterator[None]:
        """The chart as an export should show it: the hover label hidden (it follows
        the mouse; it is not data) and, given *range_key*, that range rather than the
        one on screen. Both come back afterwards, even if the export fails, without
        touching the range buttons: the user's view, panned or not, is as they left it."""
        box = self.plot.getPlotItem().getViewBox()
        hovering = self.hover_label.isVisible()
        shown = box.viewRange()[0]
        auto_x = box.autoRangeEnabled()[0]
        moved = range_key is not None and self.count > 0
        self.hover_label.hide()
        if moved:
            box.setXRange(*self._x_range(range_key), padding=0)
        try:
            yield
        finally:
            if moved:
                box.setXRange(*shown, padding=0)
                if auto_x:
                    box.enableAutoRange(x=auto_x)
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
        hits = [(hit, context) for context, dots in self.scatters.items()
                if (hit := dots.nearest(position)) is not None]
        rating = None
        if hits:
            (_distance, index), context = min(hits)
            rating = self.journal.rating(self._uids[context][index])
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
