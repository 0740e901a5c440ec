"""The trend chart's own items: calendar ticks, points with one symbol, each day's range,
the legend."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

pg = pytest.importorskip("pyqtgraph")

from coach.ui.chart_items import (  # noqa: E402
    DAY,
    LABEL_SPACING_PX,
    DayRanges,
    Dots,
    Legend,
    LocaleDateAxis,
    calendar_ticks,
)


def local(*args: int) -> float:
    return datetime(*args).timestamp()


def test_calendar_ticks_fall_on_local_boundaries():
    start, end = local(2026, 1, 10, 15), local(2027, 3, 2)
    months = calendar_ticks(start, end, "month", 1)
    assert [datetime.fromtimestamp(t) for t in months[:2]] == [datetime(2026, 2, 1),
                                                               datetime(2026, 3, 1)]
    assert len(months) == 14  # Feb 2026 .. Mar 2027
    quarters = calendar_ticks(start, end, "month", 3)
    assert [datetime.fromtimestamp(t).month for t in quarters] == [4, 7, 10, 1]
    years = calendar_ticks(start, end, "year", 1)
    assert [datetime.fromtimestamp(t) for t in years] == [datetime(2027, 1, 1)]
    mondays = calendar_ticks(start, local(2026, 2, 1), "day", 7)
    assert {datetime.fromtimestamp(t).weekday() for t in mondays} == {0}
    assert len(mondays) == 3  # 12, 19 and 26 January 2026
    days = calendar_ticks(start, local(2026, 1, 14), "day", 1)
    assert [datetime.fromtimestamp(t).day for t in days] == [11, 12, 13, 14]
    assert all(datetime.fromtimestamp(t).hour == 0 for t in days + months + quarters)
    hours = calendar_ticks(local(2026, 1, 10, 1, 5), local(2026, 1, 10, 13), "second", 6 * 3600)
    assert [datetime.fromtimestamp(t).hour for t in hours] == [6, 12]


def test_calendar_ticks_survive_any_zoom():
    assert calendar_ticks(-1e18, 1e18, "year", 100)  # clamped, not an overflow
    assert calendar_ticks(5.0, 4.0, "day", 1) == []


@pytest.mark.parametrize("days", [0.1, 3, 14, 92, 366, 3650, 40000])
def test_axis_labels_never_crowd(qtbot, days):
    axis = LocaleDateAxis()
    end = local(2026, 11, 21)
    levels = axis.tickValues(end - days * DAY, end, 800)
    spacing, labelled = levels[0]
    assert labelled, "every range gets labelled ticks"
    assert spacing / (days * DAY / 800) >= LABEL_SPACING_PX
    assert len(axis.tickStrings(labelled, 1, spacing)) == len(labelled)
    if len(levels) > 1:
        assert not set(levels[1][1]) & set(labelled)  # minor marks only between labels


def render(plot: pg.PlotWidget, scale: float = 1.0) -> QImage:
    image = QImage(int(400 * scale), int(300 * scale), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    plot.render(painter)
    painter.end()
    return image


def test_dots_are_drawn_where_the_data_is_and_found_under_the_cursor(qtbot):
    plot = pg.PlotWidget(background="w")
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    dots = Dots("o", "#3d6fb6", size=12, name="check-in")
    plot.addItem(dots)
    dots.setData([1.0, 2.0, 3.0], [1.0, 5.0, 9.0])
    plot.setXRange(0, 4, padding=0)
    plot.setYRange(0, 10, padding=0)
    plot.show()
    qtbot.waitExposed(plot)
    box = plot.getPlotItem().getViewBox()
    centre = box.mapViewToScene(QPointF(2.0, 5.0))
    at = plot.mapFromScene(centre)
    image = render(plot)
    assert image.pixelColor(at.x(), at.y()) == QColor("#3d6fb6")
    empty = plot.mapFromScene(box.mapViewToScene(QPointF(2.0, 2.5)))
    assert image.pixelColor(empty.x(), empty.y()) == QColor("white")

    assert dots.nearest(centre + QPointF(3, -2)) == (5.0, 1)
    assert dots.nearest(centre + QPointF(20, 0)) is None  # off the symbol
    dots.setVisible(False)
    assert dots.nearest(centre) is None  # hidden points are not hovered


def test_dots_keep_their_size_in_a_larger_export(qtbot, tmp_path):
    from pyqtgraph.exporters import ImageExporter

    plot = pg.PlotWidget(background="w")
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    dots = Dots("s", "#000000", size=10, pen_colour="#000000")
    plot.addItem(dots)
    dots.setData([2.0], [5.0])
    plot.setXRange(0, 4, padding=0)
    plot.setYRange(0, 10, padding=0)
    plot.show()
    qtbot.waitExposed(plot)
    item = plot.getPlotItem()
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = item.sceneBoundingRect().width() * 2
    image = exporter.export(toBytes=True)
    scale = image.width() / item.sceneBoundingRect().width()
    centre = (item.getViewBox().mapViewToScene(QPointF(2.0, 5.0))
              - item.sceneBoundingRect().topLeft()) * scale
    row = round(centre.y())
    dark = [x for x in range(image.width()) if image.pixelColor(x, row).value() < 60]
    assert dark and abs((min(dark) + max(dark)) / 2 - centre.x()) < 2
    assert 20 <= max(dark) - min(dark) + 1 <= 26  # 2 x (10 px + the pen)


def test_legend_click_hides_and_shows_its_series(qtbot):
    plot = pg.PlotWidget(background="w")
    qtbot.addWidget(plot)
    dots = Dots("o", "#3d6fb6", name="Check-in")
    line = pg.PlotDataItem(pen=pg.mkPen("#263238", width=3))
    plot.addItem(dots)
    plot.addItem(line)
    legend = Legend(columns=4)
    legend.setParentItem(plot.getPlotItem().getViewBox())
    legend.add(line, "7-day average")
    legend.add(dots, "Check-in")
    assert legend.size().width() > 100 and legend.size().height() > 10

    class Click:
        def __init__(self, pos: QPointF) -> None:
            self._pos, self.accepted = pos, False

        def button(self):
            return Qt.MouseButton.LeftButton

        def pos(self):
            return self._pos

        def accept(self):
            self.accepted = True

    second = legend._cells[1].center()
    legend.mouseClickEvent(click := Click(second))
    assert click.accepted and not dots.isVisible() and line.isVisible()
    legend.mouseClickEvent(Click(second))
    assert dots.isVisible()


@pytest.mark.parametrize("points", [9.0, 18.0])
def test_legend_rows_are_as_tall_as_their_text(qtbot, points):
    """At twice the text size the key's rows were 18 px apart and their names drew
    over each other: a row is at least a line of its font."""
    from PySide6.QtGui import QFontMetricsF

    legend = Legend(columns=2)
    font = legend.font()
    font.setPointSizeF(points)
    legend.setFont(font)
    for name in ("7-day average", "Usual pain", "Session"):
        legend.add(pg.PlotDataItem(), name)
    line = QFontMetricsF(legend.font()).height()
    first, _, third = legend._cells
    assert first.height() >= max(line, Legend.ROW)
    assert third.top() - first.top() >= line  # the second row starts below the first
    assert legend.size().height() >= 2 * line


def test_bands_span_whatever_range_is_shown(qtbot):
    from coach.ui.chart_items import Bands

    plot = pg.PlotWidget(background="w")
    qtbot.addWidget(plot)
    bands = Bands(((0, 2, (46, 125, 50, 28)), (2, 5, (178, 106, 0, 26))))
    plot.addItem(bands, ignoreBounds=True)
    for left, right in ((0, 10), (-500, 2e9)):
        plot.setXRange(left, right, padding=0)
        (shown_left, shown_right), _y = plot.getPlotItem().getViewBox().viewRange()
        rect = bands.boundingRect()
        assert (rect.left(), rect.right()) == pytest.approx((shown_left, shown_right))
        assert (rect.top(), rect.bottom()) == (0, 5)


def test_day_ranges_span_each_day_from_lowest_to_highest(qtbot):
    plot = pg.PlotWidget(background="w")
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    ranges = DayRanges(QColor("#3d6fb6"))
    plot.addItem(ranges)
    # Four days, ten units wide: a spread, one rating (no spread), a spread, one rating.
    ranges.setData([0, 10, 20, 30], [10, 20, 30, 40], [2, 5, 1, 3], [6, 5, 4, 3])
    left, right, low, high = ranges.getData()
    assert (list(left), list(right), list(low), list(high)) == ([0, 20], [10, 30], [2, 1],
                                                                 [6, 4])
    plot.setXRange(0, 40, padding=0)
    plot.setYRange(0, 10, padding=0)
    plot.show()
    qtbot.waitExposed(plot)
    box = plot.getPlotItem().getViewBox()
    image = render(plot)

    def colour(x: float, y: float) -> QColor:
        at = plot.mapFromScene(box.mapViewToScene(QPointF(x, y)))
        return image.pixelColor(at.x(), at.y())

    assert colour(5, 2.5) == colour(5, 5.5) == colour(25, 1.5) == QColor("#3d6fb6")
    assert colour(5, 7) == colour(25, 5) == QColor("white")  # above each day's highest
    assert colour(15, 5) == colour(35, 3) == QColor("white")  # one rating: no spread drawn
    ranges.setData([], [], [], [])
    assert ranges.boundingRect().isEmpty()


def test_day_ranges_join_the_days_that_share_a_pixel():
    ranges = DayRanges(QColor("#3d6fb6"))
    days = range(8)
    ranges.setData(days, [d + 1 for d in days], [3, 4, 2, 5, 1, 1, 6, 6],
                   [5, 6, 4, 8, 2, 9, 7, 7])
    # Half a pixel a day, y upside down (10 px a point, 0 at the bottom, 100 px): two
    # days a pixel, from their mean lowest to their mean highest (a typical day there).
    rects = ranges.device_rects(QTransform(0.5, 0, 0, -10, 0, 100), 400)
    assert rects.tolist() == [[0, 45, 1, 65], [1, 40, 2, 65], [2, 45, 3, 90], [3, 30, 4, 40]]
    # Zoomed in, one column a day, only the shown ones.
    rects = ranges.device_rects(QTransform(50, 0, 0, -10, -100, 100), 150)
    assert [row[0] for row in rects.tolist()] == [0, 50, 100]  # days 2, 3 and 4


def test_legend_swatch_for_a_backdrop_and_a_new_name(qtbot):
    plot = pg.PlotWidget(background="w")
    qtbot.addWidget(plot)
    line = pg.PlotDataItem(pen=pg.mkPen("#263238", width=3))
    dots = Dots("o", "#3d6fb6", name="Usual pain")
    ranges = DayRanges(QColor("#ff0000"))
    for item in (line, dots, ranges):
        plot.addItem(item)
    legend = Legend(columns=4)
    legend.setParentItem(plot.getPlotItem().getViewBox())
    legend.add(line, "7-day average")
    legend.add(dots, "Usual pain", backdrop=ranges)
    width = legend.size().width()
    legend.rename(line, "30-day average")
    assert [name for _item, name in legend.entries] == ["30-day average", "Usual pain"]
    assert legend.size().width() > width  # a longer name, a wider key
    image = QImage(int(legend.size().width()), int(legend.size().height()),
                   QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    legend.paint(painter, None)
    painter.end()
    cell = legend._cells[1]
    swatch = image.pixelColor(int(cell.left() + legend.SAMPLE / 2), int(cell.center().y()) + 6)
    assert swatch == QColor("#ff0000")  # below the dot, the range's colour


@pytest.mark.parametrize("points", [9.0, 18.0])
def test_date_labels_never_run_into_each_other(qtbot, use_language, points):
    """At twice the text size, Japanese month labels ("2026年9月2026年10月...") touched:
    labels stood 72 px apart whatever their width."""
    from PySide6.QtGui import QFont, QFontMetricsF

    use_language("ja")
    axis = LocaleDateAxis()
    font = QFont()
    font.setPointSizeF(points)
    axis.setStyle(tickFont=font)
    start, end = local(2026, 8, 20), local(2026, 12, 2)
    width = 300.0  # a month is 88 px here: room for 72 px, not for "2026年12月" at 18 pt
    [(length, ticks), *_minor] = axis.tickValues(start, end, width)
    labels = axis.tickStrings(ticks, 1.0, length)
    widest = max(QFontMetricsF(font).horizontalAdvance(label) for label in labels)
    assert length / ((end - start) / width) >= widest + 8, (labels, length)


def test_a_layer_switched_off_still_reads_clearly_in_the_key(qtbot):
    """The names of layers that are off ("Before exercise") were drawn at 2.4:1 on
    white: they looked disabled, not like something to click. At least 4.5:1."""
    legend = Legend(columns=2)
    hidden = pg.PlotDataItem(pen=pg.mkPen("#263238", width=2))
    hidden.setVisible(False)
    legend.add(hidden, "Before exercise")
    legend.fill = QColor("white")
    image = QImage(legend.size().toSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    legend.paint(painter, None)
    painter.end()
    text = legend._cells[0].adjusted(Legend.SAMPLE + 4, 0, 0, 0).toRect()
    darkest = min(QColor(image.pixel(x, y)).lightnessF()
                  for x in range(text.left(), min(text.right(), image.width() - 1))
                  for y in range(text.top(), min(text.bottom(), image.height() - 1)))
    grey = QColor.fromHslF(0, 0, darkest)

    def luminance(colour: QColor) -> float:
        channels = [colour.redF(), colour.greenF(), colour.blueF()]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                  for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    assert 1.05 / (luminance(grey) + 0.05) >= 4.5


def test_the_date_axis_is_as_tall_as_its_labels_with_large_text(qtbot):
    """pyqtgraph sizes the axis to 0.8 of a label's height: at twice the text the dates
    lost their descenders ("Sep 2026")."""
    from PySide6.QtGui import QFontMetricsF

    from coach.ui.chart_items import LocaleDateAxis
    from tests.ui.conftest import scaled_text

    with scaled_text(2):
        axis = LocaleDateAxis(orientation="bottom")
        plot = pg.PlotWidget(axisItems={"bottom": axis})
        qtbot.addWidget(plot)
        now = datetime(2026, 12, 1).timestamp()
        plot.plot([now - 86400 * 100, now], [1, 5])
        plot.resize(1000, 500)
        plot.show()
        plot.grab()  # draws the labels, which sizes the axis
        qtbot.waitUntil(lambda: axis.height() >= QFontMetricsF(axis.font()).height())
