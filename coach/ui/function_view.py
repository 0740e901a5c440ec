"""Function beside pain: the self-tests (30-second chair stand, PSFS) in words for the
trend page's panel and the report, and a small chart of them under the pain chart.

The figures come from :mod:`coach.summary`; the words say whether a change reached
the smallest change worth noticing and nothing more (clinical.md section 9).
Imported with the trend page (pyqtgraph).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from coach.journal import Test, TestResult
from coach.summary import (
    CHAIR_STAND_MEANINGFUL,
    PSFS_MEAN_MEANINGFUL,
    ActivityChange,
    Measure,
    chair_stand,
    psfs,
    psfs_sittings,
)
from coach.ui import theme
from coach.ui.chart_items import DAY, LocaleDateAxis
from coach.ui.theme import Theme
from coach.ui.widgets import translate

# The function chart's height (px): small beside the pain chart, which stays the hero.
CHART_HEIGHT = 140
# An activity's words are the user's, up to 200 characters: a line shows this many.
ACTIVITY_CHARS = 60
# At most this many activities are listed (the PSFS asks for up to five).
MAX_ACTIVITIES = 5

# A line's kind: "chair" and "psfs" the facts of a test, "activity" one PSFS activity.
Line = tuple[str, str]


def invitation() -> str:
    """The one line shown while there are no results."""
    return translate("Function", "No function tests yet. The Tests menu has two: a "
                     "30-second chair stand test, and rating activities that are hard "
                     "for you.")


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def _short(activity: str) -> str:
    return activity if len(activity) <= ACTIVITY_CHARS else (
        activity[:ACTIVITY_CHARS - 1].rstrip() + "…")


def chair_lines(measure: Measure) -> list[str]:
    first, latest = round(measure.baseline), round(measure.latest)
    if measure.results == 1:
        return [translate("Function", "Chair stands in 30 seconds: {first} on {date}.").format(
                    first=first, date=_day(measure.baseline_at)),
                translate("Function", "Do the test again in a few weeks to see how it "
                          "changes.")]
    lines = [translate("Function", "Chair stands in 30 seconds: {first} on {first_date}, "
                       "{latest} on {latest_date}.").format(
        first=first, first_date=_day(measure.baseline_at), latest=latest,
        latest_date=_day(measure.latest_at))]
    change = round(measure.change)
    if change == 0:
        lines.append(translate("Function", "The same as the first time."))
    elif measure.too_soon:
        lines.append(translate("Function", "Too soon after the first time to compare: "
                               "practice alone changes the count. Results a week or more "
                               "apart compare."))
    elif measure.meaningful:
        lines.append((translate("Function", "{n} more than the first time: a meaningful "
                                "change.") if change > 0 else
                      translate("Function", "{n} fewer than the first time: a meaningful "
                                "change.")).format(n=abs(change)))
    else:
        lines.append((translate("Function", "{n} more than the first time: less than the "
                                "{m} that make a meaningful change.") if change > 0 else
                      translate("Function", "{n} fewer than the first time: less than the "
                                "{m} that make a meaningful change.")).format(
            n=abs(change), m=CHAIR_STAND_MEANINGFUL))
    return lines


def psfs_lines(measure: Measure) -> list[str]:
    if measure.results == 1:
        return [translate("Function", "Activities that are hard (PSFS, 0 unable to 10 as "
                          "before), average: {first:.1f} on {date}.").format(
                    first=measure.baseline, date=_day(measure.baseline_at)),
                translate("Function", "Rate the same activities again in a few weeks to "
                          "compare.")]
    lines = [translate("Function", "Activities that are hard (PSFS, 0 unable to 10 as "
                       "before), average: {first:.1f} on {first_date}, {latest:.1f} on "
                       "{latest_date}.").format(
        first=measure.baseline, first_date=_day(measure.baseline_at), latest=measure.latest,
        latest_date=_day(measure.latest_at))]
    change = round(measure.change, 1)
    if change == 0:
        lines.append(translate("Function", "The same as the first time."))
    elif measure.meaningful:
        lines.append((translate("Function", "{n:.1f} points higher: a meaningful change.")
                      if change > 0 else
                      translate("Function", "{n:.1f} points lower: a meaningful change."))
                     .format(n=abs(change)))
    else:
        lines.append((translate("Function", "{n:.1f} points higher: less than the {m:g} "
                                "points that make a meaningful change.") if change > 0 else
                      translate("Function", "{n:.1f} points lower: less than the {m:g} "
                                "points that make a meaningful change.")).format(
            n=abs(change), m=PSFS_MEAN_MEANINGFUL))
    return lines


def activity_line(activity: ActivityChange) -> str:
    if activity.ratings == 1:
        return translate("Function", "{activity}: {score} (rated once)").format(
            activity=_short(activity.activity), score=activity.latest)
    line = translate("Function", "{activity}: {first} → {latest}").format(
        activity=_short(activity.activity), first=activity.baseline, latest=activity.latest)
    if activity.meaningful:
        line += translate("Function", " (a meaningful change)")
    return line


def function_lines(results: Sequence[TestResult]) -> list[Line]:
    """The self-tests in words, first result against the latest; empty: none yet.
    The activities listed are those of the latest PSFS sitting (the ones still rated)."""
    lines: list[Line] = []
    chair = chair_stand(results)
    if chair is not None:
        lines += [("chair", line) for line in chair_lines(chair)]
    sittings = psfs_sittings(results)
    mean, activities = psfs(sittings)
    if mean is not None:
        lines += [("psfs", line) for line in psfs_lines(mean)]
        current = sittings[-1].scores
        lines += [("activity", activity_line(a)) for a in activities
                  if a.activity in current][:MAX_ACTIVITIES]
    return lines


def _x_range(moments: Sequence[float]) -> tuple[float, float]:
    """At least two weeks, centred on the results (one result: not a sliver)."""
    low, high = min(moments), max(moments)
    pad = max(DAY, (high - low) * 0.06, (14 * DAY - (high - low)) / 2)
    return low - pad, high + pad


def _integer_ticks(low: int, high: int) -> list[tuple[float, str]]:
    step = next(s for s in (1, 2, 5, 10, 20) if (high - low) / s <= 4)
    first = (low + step - 1) // step * step
    return [(v, str(v)) for v in range(first, high + 1, step)]


class FunctionChart(QWidget):
    """Two small charts side by side: the chair stands over time, and the PSFS
    sittings' averages (each activity lighter) on 0-10. A chart without results is
    hidden; built by the trend page only once there are results."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("functionChart")
        self.setFixedHeight(CHART_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(8)
        self.chair = self._plot(translate("FunctionChart", "Chair stands in 30 s"),
                                translate("FunctionChart", "Chart of 30-second chair stand "
                                          "results over time"))
        self.chair_line = pg.PlotDataItem(symbol="o", symbolSize=7)
        self.chair.getPlotItem().addItem(self.chair_line)
        self.psfs = self._plot(translate("FunctionChart", "PSFS average (0-10)"),
                               translate("FunctionChart", "Chart of the average of the "
                                         "activities that are hard (PSFS) over time, with "
                                         "each activity lighter"))
        item = self.psfs.getPlotItem()
        item.setYRange(-1.6, 11.6, padding=0)  # room for the 0 and 10 labels
        item.getAxis("left").setTicks([[(v, str(v)) for v in (0, 5, 10)]])
        self.activity_lines: list[pg.PlotDataItem] = []
        self.psfs_line = pg.PlotDataItem(symbol="o", symbolSize=7)
        self.psfs_line.setZValue(10)
        item.addItem(self.psfs_line)
        row.addWidget(self.chair)
        row.addWidget(self.psfs)
        theme.follow(self, self.colour_chart, name="functionColours")

    def _plot(self, title: str, description: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis(orientation="bottom")},
                             enableMenu=False)
        plot.setAccessibleName(title)
        plot.setAccessibleDescription(description)
        item = plot.getPlotItem()
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setTitle(title, size="9pt")
        item.titleLabel.setMaximumHeight(18)
        item.layout.setRowFixedHeight(0, 18)
        item.getAxis("left").setWidth(28)
        return plot

    def colour_chart(self, colours: Theme) -> None:
        self.colours = colours
        for plot in (self.chair, self.psfs):
            plot.setBackground(colours.chart_background)
            item = plot.getPlotItem()
            for name in ("left", "bottom"):
                item.getAxis(name).setPen(colours.chart_foreground)
                item.getAxis(name).setTextPen(colours.chart_foreground)
            item.titleLabel.setText(item.titleLabel.text, color=colours.chart_foreground)
        for line in (self.chair_line, self.psfs_line):
            line.setPen(pg.mkPen(colours.mean_line, width=2))
            line.setSymbolBrush(colours.mean_line)
            line.setSymbolPen(pg.mkPen(colours.mean_casing, width=1))
        light = QColor(colours.mean_line)
        light.setAlpha(80)
        for line in self.activity_lines:
            line.setPen(pg.mkPen(light, width=1.5))
            line.setSymbolBrush(light)
            line.setSymbolPen(None)

    def set_results(self, results: Sequence[TestResult]) -> None:
        """Chart *results* (the journal's, oldest first); a test without any is hidden."""
        stands = [(r.at.timestamp(), r.score) for r in results if r.test == Test.CHAIR_STAND]
        self.chair.setVisible(bool(stands))
        if stands:
            x = [t for t, _ in stands]
            y = [s for _, s in stands]
            self.chair_line.setData(x, y)
            item = self.chair.getPlotItem()
            low, high = max(0, min(y) - 2), max(y) + 2
            item.setYRange(low - 0.9, high + 0.9, padding=0)
            item.getAxis("left").setTicks([_integer_ticks(low, high)])
            item.setXRange(*_x_range(x), padding=0)
        sittings = psfs_sittings(results)
        self.psfs.setVisible(bool(sittings))
        item = self.psfs.getPlotItem()
        for line in self.activity_lines:
            item.removeItem(line)
        self.activity_lines = []
        if sittings:
            x = [s.at.timestamp() for s in sittings]
            self.psfs_line.setData(x, [s.mean for s in sittings])
            history: dict[str, tuple[list[float], list[int]]] = {}
            for sitting in sittings:
                for activity, score in sitting.scores.items():
                    xs, ys = history.setdefault(activity, ([], []))
                    xs.append(sitting.at.timestamp())
                    ys.append(score)
            for xs, ys in history.values():
                line = pg.PlotDataItem(xs, ys, symbol="o", symbolSize=4)
                item.addItem(line)
                self.activity_lines.append(line)
            item.setXRange(*_x_range(x), padding=0)
        self.colour_chart(self.colours)
        self.setVisible(bool(stands or sittings))

