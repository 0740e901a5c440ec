"""The pain chart: the pyqtgraph plot of the ratings with its layers, key and colours,
and the average line drawn for the span it shows."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from coach.journal import Rating
from coach.trend import (
    TREND_CONTEXTS,
    WINDOW_DAYS,
    ChartPoints,
    line_window,
    plausible,
    rolling_mean,
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
from coach.ui.checkin import context_name
from coach.ui.theme import Theme
from coach.ui.widgets import translate

CONTEXT_STYLE = {  # symbol (the colour is the theme's): the optional layers, one per context
    "check_in": "o",
    "before": "s",
    "after": "t",
    "next_morning": "d",
}
# The layers the legend offers (off at first: the usual-pain dots and the average
# carry the trend; these answer "and right after a session?" when asked).
LAYERS = ("before", "after", "next_morning")
# The zones as bands (low, high, zone), named on the right axis: never colour alone;
# shown with the layer they judge (pain right after exercise).
BANDS = ((0, 2, "green"), (2, 5, "amber"), (5, 10, "red"))
BAND_LABELS = ((1, "0-2"), (3.5, "3-5"), (7.5, "6-10"))
# Below 0, out of the data: a lane for session ticks and sharp-pain stops.
LANE = (-1.9, -0.45)
SESSION_TICK = (-1.7, -1.25)
STOP_Y = -0.85
# A change of a routine's level: a line over the pain scale, labelled at its top.
LEVEL_MARK = (0, 10)
# The view: the lane below, headroom above 10 for the one-row legend.
Y_VIEW = (-1.9, 11.3)

# A column of dots as drawn: times, values and each dot's rating (its uid).
Column = tuple[list[float], list[int], list[str]]


def stamp(moment: datetime) -> float:
    return moment.timestamp()


def midnights(first: int, last: int) -> np.ndarray:
    """The local midnights (time stamps) that start the days *first* .. *last* + 1
    (ordinals): each day's edges on the chart, daylight saving time included."""
    return np.array([datetime.combine(date.fromordinal(o), time()).timestamp()
                     for o in range(first, last + 2)])  # naive: the machine's local time


def average_name(days: int) -> str:
    """The average line's name in the key."""
    return {7: translate("TrendView", "7-day average"),
            30: translate("TrendView", "30-day average")}[days]


def band_colours(colours: Theme) -> tuple[tuple[float, float, QColor], ...]:
    zones = tuple((low, high, colours.qcolor(colours.chart_bands[name]))
                  for low, high, name in BANDS)
    return (*zones, (*LANE, colours.qcolor(colours.chart_lane)))


class TrendChart:
    """The chart (``plot``) and its items: the zones as bands, the usual-pain dots over
    each day's range, the average line, a layer of dots per context (in the key: those
    of ``LAYERS``), session ticks and sharp-pain stops in the lane below 0, the level
    changes, and the hover label. Coloured by the theme for as long as *owner* lives."""

    def __init__(self, owner: QWidget) -> None:
        axis = LocaleDateAxis(orientation="bottom")
        # No right-click menu: pyqtgraph's (plot options, FFT, log axes, its own export
        # dialog) is not for our users; the buttons above cover ranges and export, and
        # a double-click resets the view.
        self.plot = pg.PlotWidget(axisItems={"bottom": axis}, enableMenu=False)
        self.plot.setObjectName("trendChart")
        self.plot.setAccessibleName(translate("TrendView", "Chart of pain ratings over time"))
        self.plot.setMinimumWidth(420)
        item = self.plot.getPlotItem()
        item.hideButtons()  # pyqtgraph's "A" (auto-range); double-click does that here
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setLabel("left", translate("TrendView", "Pain (0-10)"))
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
        # Its greyed names are layers that are off, not disabled: say how to show them.
        self.legend.setToolTip(translate("TrendView", "Click a name to show or hide it on "
                                                      "the chart"))
        self.legend.setCursor(Qt.CursorShape.PointingHandCursor)
        self.legend.setParentItem(box)
        self.legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(4, 2))
        box.sigResized.connect(self._fit_legend)
        self.bands = Bands(band_colours(theme.current()))
        self.bands.setZValue(-20)
        item.addItem(self.bands, ignoreBounds=True)
        # The hero: the 7-day average, drawn over a white casing so that it stands out
        # from the dots it runs through.
        self.mean_casing = pg.PlotDataItem(connect="finite")
        self.mean_casing.setZValue(9)
        item.addItem(self.mean_casing)
        self.mean_line = pg.PlotDataItem(connect="finite")
        self.mean_line.setZValue(10)
        # Past the last day with a rating the line carries the last days on to today,
        # dashed and without its casing: no rating stands behind that part.
        self.mean_tail = pg.PlotDataItem(connect="finite")
        self.mean_tail.setZValue(10)
        item.addItem(self.mean_tail)
        self.mean_line.visibleChanged.connect(self._follow_mean_line)
        item.addItem(self.mean_line)
        self.legend.add(self.mean_line, average_name(WINDOW_DAYS))
        # Usual pain as one series: small light dots under the average, over a light
        # column per day from its lowest to its highest rating. The columns belong to
        # the dots: they share an entry in the key and are shown and hidden with them.
        colours = theme.current()
        self.day_ranges = DayRanges(colours.qcolor(colours.usual_range))
        self.day_ranges.setZValue(-5)
        item.addItem(self.day_ranges, ignoreBounds=True)
        fill, outline = colours.usual_dots
        self.usual = Dots("o", fill, pen_colour=outline, size=6, pen_width=0.5,
                          name=translate("TrendView", "Usual pain"))
        item.addItem(self.usual)
        self.legend.add(self.usual, self.usual.name(), backdrop=self.day_ranges)
        self.usual.visibleChanged.connect(
            lambda: self.day_ranges.setVisible(self.usual.isVisible()))
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
        # The zones judge pain right after exercise only: their bands (and the numbers
        # naming them) come with that layer. Behind the usual-pain line they coloured
        # an everyday 6 "too much", which no rule says.
        after = self.scatters["after"]
        after.visibleChanged.connect(lambda: self._show_zones(after.isVisible()))
        self._show_zones(after.isVisible())
        self.session_marks = pg.PlotDataItem(connect="pairs")
        item.addItem(self.session_marks)
        self.legend.add(self.session_marks, translate("TrendView", "Session"))
        self.stop_marks = self._add_dots(Dots("x", colours.stop_mark, size=11,
                                              pen_colour=colours.stop_mark, pen_width=1.5,
                                              name=translate("TrendView", "Sharp-pain stop")))
        # Each change of a routine's level, one item for all (there may be hundreds),
        # under the average line.
        self.level_marks = LevelMarks(*LEVEL_MARK)
        self.level_marks.setZValue(8)
        item.addItem(self.level_marks, ignoreBounds=True)
        self.hover_label = pg.TextItem(anchor=(0, 1))
        # Live: the chart is coloured again whenever the theme changes.
        theme.follow(owner, self.colour, name="chartColours")
        self.hover_label.setZValue(50)
        self.hover_label.hide()
        item.addItem(self.hover_label, ignoreBounds=True)
        # The usual-pain ratings by day, and the average line drawn from them.
        self._by_day: dict[date, list[int]] = {}
        self._day_middles = np.empty(0)  # time stamps, every day from first to last
        self._until: date | None = None  # the line goes on to this day (today)
        self._lines: dict[int, np.ndarray] = {}  # window -> average per day (NaN: none)
        # The average line's window in days (``coach.trend.line_window``); 0: none yet.
        self.line_days = 0

    def _add_dots(self, dots: Dots) -> Dots:
        self.plot.getPlotItem().addItem(dots)
        self.legend.add(dots, dots.name())
        return dots

    def colour(self, colours: Theme) -> None:
        """Paint the chart in *colours*: the theme on screen, the light one in a report."""
        self.colours = colours
        self.plot.setBackground(colours.chart_background)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            axis.setPen(colours.chart_foreground)
            axis.setTextPen(colours.chart_foreground)
        item.getAxis("right").setTextPen(colours.chart_band_label)
        self.bands.set_bands(band_colours(colours))
        self.mean_casing.setPen(pg.mkPen(colours.mean_casing, width=7))
        self.mean_line.setPen(pg.mkPen(colours.mean_line, width=4))
        self.mean_tail.setPen(pg.mkPen(colours.mean_line, width=3,
                                       style=Qt.PenStyle.DashLine))
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

    def _fit_legend(self) -> None:
        """The key in as few rows as fit; where it takes more than one (a narrow chart,
        large text), the room above 10 grows with it, so that it covers no rating."""
        box = self.plot.getPlotItem().getViewBox()
        self.legend.fit(box.width() - 8)
        height, needed = box.height(), self.legend.size().height() + 6
        bottom, top = Y_VIEW
        if height > 2 * needed:
            # (top - 10) of the (top - bottom) units in view are the key's: solve for top.
            top = max(top, (10 * height - needed * bottom) / (height - needed))
        if abs(box.viewRange()[1][1] - top) > 0.01:
            box.setLimits(yMax=top + 0.2)
            box.setYRange(bottom, top, padding=0)

    def _show_zones(self, on: bool) -> None:
        self.bands.setVisible(on)
        self.plot.getPlotItem().getAxis("right").setTicks(
            [list(BAND_LABELS) if on else [], []])

    def describe_average(self, days: int) -> None:
        """Say which average the line is, in the key and in the chart's description for
        screen readers."""
        self.legend.rename(self.mean_line, average_name(days))
        self.plot.setAccessibleDescription(translate(
            "TrendView",
            "Your ratings with their {days}-day average; the summary beside it says in "
            "words whether your pain is going down").format(days=days))

    def draw_average(self) -> int | None:
        """Draw the average line for the span the chart shows: a 7-day average up to
        about six months, a 30-day one beyond (``coach.trend.line_window``). Only the
        line: the summary beside it always compares the last 7 days. The line's new
        window in days, None if it is the same (or there are no usual-pain ratings)."""
        if not self._by_day:
            return None
        (left, right), _y = self.plot.getPlotItem().getViewBox().viewRange()
        days = line_window((right - left) / DAY)
        if days == self.line_days:
            return None
        if days not in self._lines:
            series = rolling_mean((), window=days, by_day=self._by_day, until=self._until)
            self._lines[days] = np.array([math.nan if m is None else m for _d, m in series])
        self.line_days = days
        line = self._lines[days]
        rated = max(self._by_day).toordinal() - min(self._by_day).toordinal()
        solid, tail = line.copy(), np.full_like(line, math.nan)
        solid[rated + 1:] = math.nan
        if len(line) > rated + 1:
            tail[rated:] = line[rated:]
        self.mean_line.setData(self._day_middles, solid)
        self.mean_casing.setData(self._day_middles, solid)
        self.mean_tail.setData(self._day_middles, tail)
        self.describe_average(days)
        return days

    def _follow_mean_line(self) -> None:
        """The casing and the dashed part are shown and hidden with the line."""
        shown = self.mean_line.isVisible()
        self.mean_casing.setVisible(shown)
        self.mean_tail.setVisible(shown)

    # -- data ----------------------------------------------------------------------
    def show_points(self, points: ChartPoints, until: date | None = None) -> None:
        """The dots of *points* and each day's range; the average line is drawn from
        them by ``draw_average``, on to *until* (today) if that is later."""
        for context, (x, y, _uids) in points.columns.items():
            self.scatters[context].setData(x, y)
        usual_x, usual_y, _uids = points.usual
        self.usual.setData(usual_x, usual_y)
        by_day = points.usual_by_day
        self._by_day, self._lines, self.line_days = by_day, {}, 0
        if by_day:
            first, last = min(by_day).toordinal(), max(by_day).toordinal()
            self._until = until if until is not None and until.toordinal() > last else None
            edges = midnights(first, self._until.toordinal() if self._until else last)
            self._day_middles = (edges[:-1] + edges[1:]) / 2
            ranges = np.array([(day.toordinal() - first, low, high)
                               for day, low, high in points.ranges])
            days = ranges[:, 0].astype(int)
            self.day_ranges.setData(edges[days], edges[days + 1], ranges[:, 1], ranges[:, 2])
        else:
            for line in (self.mean_line, self.mean_casing, self.mean_tail):
                line.setData([], [])
            self.day_ranges.setData([], [], [], [])

    def show_sessions(self, moments: list[float]) -> None:
        """A tick in the lane for each session at *moments* (time stamps)."""
        self.session_marks.setData([moment for moment in moments for _ in (0, 1)],
                                   list(SESSION_TICK) * len(moments))

    def show_stops(self, moments: list[float]) -> None:
        """A cross in the lane for each sharp-pain stop at *moments* (time stamps)."""
        self.stop_marks.setData(moments, [STOP_Y] * len(moments))

    def show_level_changes(self, moments: list[float], labels: list[str]) -> None:
        self.level_marks.setData(moments, labels)

    def show_exact(self, points: ChartPoints, first: date, ratings: list[Rating]
                   ) -> tuple[dict[str, list[str]], list[str]]:
        """From the day *first* on, one dot per rating of *ratings* (those of that day
        and later) instead of *points*' grouped dots. Each dot's rating, by context and
        of the usual pain."""
        cut = datetime.combine(first, time()).timestamp()  # the local midnight
        now = datetime.now().timestamp()
        exact: dict[str, Column] = {context: ([], [], []) for context in points.columns}
        usual: Column = ([], [], [])
        for rating in ratings:
            moment = stamp(rating.at)
            if moment < cut or not plausible(moment, now):
                continue
            for x, y, uids in (exact[rating.context],) + (
                    (usual,) if rating.context in TREND_CONTEXTS else ()):
                x.append(moment)
                y.append(rating.value)
                uids.append(rating.uid)

        def joined(grouped: Column, more: Column) -> Column:
            # The grouped dots come by day, not in time order within a day.
            keep = [i for i, moment in enumerate(grouped[0]) if moment < cut]
            return ([grouped[0][i] for i in keep] + more[0],
                    [grouped[1][i] for i in keep] + more[1],
                    [grouped[2][i] for i in keep] + more[2])

        by_context: dict[str, list[str]] = {}
        for context, columns in points.columns.items():
            x, y, by_context[context] = joined(columns, exact[context])
            self.scatters[context].setData(x, y)
        x, y, usual_uids = joined(points.usual, usual)
        self.usual.setData(x, y)
        return by_context, usual_uids

    @contextmanager
    def exporting(self, x_range: tuple[float, float] | None, colours: Theme | None, *,
                  aspect: float) -> Iterator[None]:
        """The chart as an export should show it: the hover label hidden, given
        *x_range* that span, given *colours* those, and at most *aspect* of its width
        in height. All come back afterwards, even if the export fails."""
        box = self.plot.getPlotItem().getViewBox()
        hovering = self.hover_label.isVisible()
        shown = box.viewRange()[0]
        auto_x = box.autoRangeEnabled()[0]
        moved = x_range is not None
        self.hover_label.hide()
        on_screen = self.colours
        if colours is not None:
            self.colour(colours)
        if x_range is not None:
            box.setXRange(*x_range, padding=0)
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
                self.colour(on_screen)
            self.hover_label.setVisible(hovering)
