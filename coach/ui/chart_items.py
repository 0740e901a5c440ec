"""Chart items the trend view is drawn with, where pyqtgraph's general ones cost too
much for years of ratings: points that all share one symbol, each day's range, the
legend, the pain bands, labelled marks at moments (the level changes), and a calendar
date axis in the user's language.

Imported with pyqtgraph, at the first visit to the trend page.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import numpy as np
import pyqtgraph as pg
import shiboken6
from pyqtgraph.graphicsItems.GraphicsWidgetAnchor import GraphicsWidgetAnchor
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol, renderSymbol
from PySide6.QtCore import QDate, QDateTime, QLineF, QLocale, QPointF, QRectF, Qt, QTime
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPixmap,
    QTransform,
)

from coach.ui import theme
from coach.ui.theme import Theme

DAY = 86400.0
# Labels closer than this (px) would collide; the axis picks a coarser step.
LABEL_SPACING_PX = 72
# Unlabelled minor ticks closer than this (px) are left out.
MINOR_SPACING_PX = 5


class _PixelSized(pg.GraphicsObject):
    """An item whose size on screen is partly in pixels (marks, labels, padding): its
    bounds change with the view's scale, and an exported image scales the pixels."""

    _export_scale: float | None = None

    def viewTransformChanged(self) -> None:  # noqa: N802 - the pixels are in the bounds
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def setExportMode(self, export: bool, opts: dict | None = None) -> None:  # noqa: N802
        super().setExportMode(export, opts)
        self._export_scale = (opts or {}).get("resolutionScale", 1.0) if export else None
        self.update()


class Dots(_PixelSized):
    """Many points drawn with the same symbol, for example every check-in of ten years.

    pyqtgraph's ScatterPlotItem looks up a style for every point when data is set and
    when it paints (tens of milliseconds for 10,000 points). Here the symbol is drawn
    once into a pixmap and stamped at every visible point with one
    ``QPainter.drawPixmapFragments`` call, the points kept as two numpy arrays.
    """

    def __init__(self, symbol: str, colour: str, *, size: float = 10,
                 pen_colour: str | None = None, pen_width: float = 1, name: str = "") -> None:
        super().__init__()
        # The style, as pyqtgraph's items keep it (the legend draws its sample from it).
        outline = pen_colour or theme.current().dot_outline
        self.opts = {"symbol": symbol, "size": size, "name": name,
                     "pen": pg.mkPen(outline, width=pen_width), "brush": pg.mkBrush(colour)}
        self.x = np.empty(0)
        self.y = np.empty(0)
        self._bounds: tuple[float, float, float, float] | None = None  # left, right, bottom, top
        self._stamps: dict[float, QPixmap] = {}  # device pixels per symbol pixel -> stamp
        self._export_scale: float | None = None

    def name(self) -> str:
        return self.opts["name"]

    def set_colours(self, colour: str, pen_colour: str) -> None:
        """New fill and outline (a theme change, a light export): stamps drawn again."""
        self.opts["brush"] = pg.mkBrush(colour)
        self.opts["pen"] = pg.mkPen(pen_colour, width=self.opts["pen"].widthF())
        self._stamps.clear()
        self.update()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802
        return self.x, self.y

    def setData(self, x, y) -> None:  # noqa: ANN001, N802 - sequences of numbers
        self.prepareGeometryChange()
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        self._bounds = None if not len(self.x) else (
            float(self.x.min()), float(self.x.max()), float(self.y.min()), float(self.y.max()))
        self.informViewBoundsChanged()
        self.update()

    # -- geometry ------------------------------------------------------------------
    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # noqa: ANN001, ANN201, N802, N803
        if self._bounds is None:
            return (None, None)
        if orthoRange is None:
            return self._bounds[2 * ax:2 * ax + 2]
        values, other = (self.x, self.y) if ax == 0 else (self.y, self.x)
        values = values[(other >= orthoRange[0]) & (other <= orthoRange[1])]
        return (float(values.min()), float(values.max())) if len(values) else (None, None)

    def pixelPadding(self) -> float:  # noqa: N802
        return self.opts["size"] / 2 + self.opts["pen"].widthF()

    def boundingRect(self) -> QRectF:  # noqa: N802
        if self._bounds is None:
            return QRectF()
        left, right, bottom, top = self._bounds
        pad_x = pad_y = 0.0
        px, py = self.pixelVectors()
        if px is not None and py is not None:
            pad_x = px.length() * self.pixelPadding()
            pad_y = py.length() * self.pixelPadding()
        return QRectF(left - pad_x, bottom - pad_y, right - left + 2 * pad_x,
                      top - bottom + 2 * pad_y)

    # -- drawing -------------------------------------------------------------------

    def _stamp(self, scale: float) -> QPixmap:
        """The symbol drawn at *scale* device pixels per pixel, cached."""
        key = round(scale, 3)
        if key not in self._stamps:
            image = renderSymbol(self.opts["symbol"], self.opts["size"], self.opts["pen"],
                                 self.opts["brush"], dpr=key)
            self._stamps[key] = QPixmap.fromImage(image)
        return self._stamps[key]

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        if not len(self.x):
            return
        transform = painter.transform()
        # The stamp is drawn at the device's resolution. On screen, the painter works
        # in logical pixels once its transform is reset, so a stamp made for a 2x
        # screen is drawn at half its size; an export scales the whole picture in the
        # painter's transform instead, so its larger stamp is drawn 1:1.
        if self._export_scale is not None:
            scale, shrink = self._export_scale, 1.0
        else:
            scale = widget.devicePixelRatioF() if widget is not None else 1.0
            shrink = 1.0 / scale
        # Device positions: the view's transform is a scale and a shift (no rotation).
        px = self.x * transform.m11() + self.y * transform.m21() + transform.dx()
        py = self.x * transform.m12() + self.y * transform.m22() + transform.dy()
        stamp = self._stamp(scale)
        half = stamp.width() * shrink
        device = painter.device()
        visible = ((px > -half) & (px < device.width() + half)
                   & (py > -half) & (py < device.height() + half))
        count = int(visible.sum())
        if not count:
            return
        # QPainter::PixmapFragment: x, y, sourceLeft, sourceTop, width, height,
        # scaleX, scaleY, rotation, opacity, all qreal.
        fragments = np.empty((count, 10), dtype=np.float64)
        fragments[:, 0] = px[visible]
        fragments[:, 1] = py[visible]
        fragments[:, 2:4] = 0.0
        fragments[:, 4] = stamp.width()
        fragments[:, 5] = stamp.height()
        fragments[:, 6:8] = shrink
        fragments[:, 8] = 0.0
        fragments[:, 9] = 1.0
        painter.save()
        painter.resetTransform()
        first = shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment)
        painter.drawPixmapFragments(first, count, stamp)
        painter.restore()

    # -- finding points ------------------------------------------------------------
    def nearest(self, scene_pos: QPointF) -> tuple[float, int] | None:
        """(distance in px, index) of the point whose symbol is under *scene_pos*."""
        if not len(self.x) or not self.isVisible():
            return None
        transform = self.sceneTransform()
        sx = self.x * transform.m11() + self.y * transform.m21() + transform.dx()
        sy = self.x * transform.m12() + self.y * transform.m22() + transform.dy()
        distance = np.abs(sx - scene_pos.x()) + np.abs(sy - scene_pos.y())
        index = int(distance.argmin())
        reach = self.opts["size"] / 2 + self.opts["pen"].widthF()
        if abs(sx[index] - scene_pos.x()) > reach or abs(sy[index] - scene_pos.y()) > reach:
            return None
        return float(distance[index]), index


class DayRanges(pg.GraphicsObject):
    """A light column over each day, from its lowest to its highest value: how much the
    ratings of one day differ, behind the ratings themselves. A day with one rating (or
    all alike) has no spread and gets no column, rather than a sliver that looks like
    one; a day without ratings leaves a gap.

    Qt fills thousands of thin shapes slowly (a second for ten years of days as paths,
    tens of milliseconds even as one-pixel rectangles), so the columns are joined per
    device pixel and painted with numpy into one translucent image, drawn in one call.
    Where several days share a pixel, it spans their average lowest to average highest:
    a typical day's spread there, not the spread of the days taken together (which
    would look wider than any day was)."""

    def __init__(self, colour: QColor) -> None:
        super().__init__()
        # The style, as pyqtgraph's items keep it (the legend draws a swatch from it).
        self.opts = {"brush": pg.mkBrush(colour), "pen": pg.mkPen(None)}
        self.left = self.right = self.low = self.high = np.empty(0)
        self._rect = QRectF()

    def set_colour(self, colour: QColor) -> None:
        self.opts["brush"] = pg.mkBrush(colour)
        self.update()

    def setData(self, left, right, low, high) -> None:  # noqa: ANN001, N802 - sequences
        """One column per day, in date order: *left* and *right* its edges (time
        stamps), *low* and *high* its lowest and highest value."""
        self.prepareGeometryChange()
        left, right, low, high = (np.asarray(a, dtype=float) for a in (left, right, low, high))
        spread = high > low
        self.left, self.right, self.low, self.high = (
            left[spread], right[spread], low[spread], high[spread])
        self._rect = QRectF() if not len(self.left) else QRectF(
            float(self.left[0]), float(self.low.min()), float(self.right[-1] - self.left[0]),
            float(self.high.max() - self.low.min()))
        self.informViewBoundsChanged()
        self.update()

    def getData(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # noqa: N802
        return self.left, self.right, self.low, self.high

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def device_rects(self, transform: QTransform, width: float) -> np.ndarray:
        """The columns in device pixels under *transform* (a scale and a shift), those
        within *width*, joined per pixel (the days' mean lowest and highest): rows of
        left, top, right, bottom, whole pixels, each at least one wide and tall, none
        overlapping the next."""
        left = self.left * transform.m11() + transform.dx()
        right = self.right * transform.m11() + transform.dx()
        shown = (right > 0) & (left < width)
        if not shown.any():
            return np.empty((0, 4))
        left, right = left[shown], right[shown]
        y_low = self.low[shown] * transform.m22() + transform.dy()
        y_high = self.high[shown] * transform.m22() + transform.dy()
        pixel = np.floor((left + right) / 2)
        starts = np.flatnonzero(np.r_[True, pixel[1:] != pixel[:-1]])
        days = np.diff(np.r_[starts, len(pixel)])
        tops = np.add.reduceat(np.minimum(y_low, y_high), starts) / days
        bottoms = np.add.reduceat(np.maximum(y_low, y_high), starts) / days
        x0 = np.rint(np.minimum.reduceat(left, starts))
        x1 = np.maximum(np.rint(np.maximum.reduceat(right, starts)), x0 + 1)
        x0[1:] = np.maximum(x0[1:], x1[:-1])  # a widened column pushes the next one
        y0 = np.rint(tops)
        y1 = np.maximum(np.rint(bottoms), y0 + 1)
        rects = np.column_stack((x0, y0, x1, y1)).astype(int)
        return rects[rects[:, 2] > rects[:, 0]]

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        if not len(self.left):
            return
        device = painter.device()
        rects = self.device_rects(painter.transform(), device.width())
        rects[:, 0:4:2] = rects[:, 0:4:2].clip(0, device.width())
        rects[:, 1:4:2] = rects[:, 1:4:2].clip(0, device.height())
        rects = rects[(rects[:, 2] > rects[:, 0]) & (rects[:, 3] > rects[:, 1])]
        if not len(rects):
            return
        left, top = int(rects[:, 0].min()), int(rects[:, 1].min())
        width, height = int(rects[:, 2].max()) - left, int(rects[:, 3].max()) - top
        # Each pixel column's first and last row (none: an empty span).
        widths = rects[:, 2] - rects[:, 0]
        columns = np.repeat(rects[:, 0] - left, widths) + (
            np.arange(widths.sum()) - np.repeat(np.cumsum(widths) - widths, widths))
        first = np.full(width, height)
        last = np.zeros(width, dtype=int)
        first[columns] = np.repeat(rects[:, 1] - top, widths)
        last[columns] = np.repeat(rects[:, 3] - top, widths)
        rows = np.arange(height)[:, None]
        colour = self.opts["brush"].color()
        alpha = colour.alphaF()
        pixel = np.uint32((round(255 * alpha) << 24) | (round(colour.red() * alpha) << 16)
                          | (round(colour.green() * alpha) << 8) | round(colour.blue() * alpha))
        pixels = np.where((rows >= first) & (rows < last), pixel, np.uint32(0))
        image = QImage(pixels.data, width, height, 4 * width,
                       QImage.Format.Format_ARGB32_Premultiplied)
        painter.save()
        painter.resetTransform()
        painter.drawImage(left, top, image)
        painter.restore()


class Legend(GraphicsWidgetAnchor, pg.GraphicsWidget):
    """The chart's key, painted in one item: a sample and a name per entry, in rows of
    *columns*. Clicking an entry hides or shows its item (a crossed-out sample while
    hidden). An entry may have a *backdrop*, an item drawn behind it on the chart (the
    day ranges behind the usual-pain dots), shown as a swatch behind its sample.
    pyqtgraph's LegendItem builds a rich-text label and a layout item per
    entry, which costs more than the rest of the chart's construction. ``fit`` keeps it
    to one row where the chart is wide enough, so it covers little of the data."""

    PAD, SAMPLE, GAP, ROW = 4, 20, 12, 18

    def __init__(self, *, columns: int) -> None:
        pg.GraphicsWidget.__init__(self)
        GraphicsWidgetAnchor.__init__(self)
        self.columns = columns
        self.set_colours(theme.LIGHT)
        self.entries: list[tuple[pg.GraphicsObject, str]] = []
        self.backdrops: dict[int, pg.GraphicsObject] = {}  # entry index -> item
        self._cells: list[QRectF] = []
        self._fitted = 0  # columns chosen by fit(); 0: *columns*
        font = self.font()
        font.setPointSizeF(font.pointSizeF() - 1)  # a key, not the content
        self.setFont(font)

    def set_colours(self, colours: Theme) -> None:
        self.text_colour = QColor(colours.chart_foreground)
        self.fill = colours.qcolor(colours.legend_fill)
        self.off_colour = QColor(colours.legend_off)
        self.update()

    def add(self, item: pg.GraphicsObject, name: str, *,
            backdrop: pg.GraphicsObject | None = None) -> None:
        if backdrop is not None:
            self.backdrops[len(self.entries)] = backdrop
        self.entries.append((item, name))
        self._relayout()

    def rename(self, item: pg.GraphicsObject, name: str) -> None:
        """Give *item*'s entry a new name (the average line's window changed)."""
        self.entries = [(entry, name if entry is item else old)
                        for entry, old in self.entries]
        self._relayout()

    def fit(self, width: float) -> None:
        """Use as many columns (up to *columns*) as fit in *width* px: one row on a wide
        chart, more rows only when the chart is narrow."""
        widths = self._widths()
        for columns in range(len(widths), 0, -1):
            if self._row_width(widths, columns) <= width or columns == 1:
                break
        if columns != self._fitted:
            self._fitted = columns
            self._relayout()

    def _widths(self) -> list[float]:
        metrics = QFontMetricsF(self.font())
        return [self.SAMPLE + 4 + metrics.horizontalAdvance(name) for _, name in self.entries]

    def _row_width(self, widths: list[float], columns: int) -> float:
        column_widths = [max(widths[c::columns], default=0.0) for c in range(columns)]
        return 2 * self.PAD + sum(column_widths) + self.GAP * (min(columns, len(widths)) - 1)

    def _relayout(self) -> None:
        widths = self._widths()
        columns = self._fitted or self.columns
        self._layout(widths, columns)

    def _row_height(self) -> float:
        """:data:`ROW`, or the font's line height where the text is larger."""
        return max(float(self.ROW), math.ceil(QFontMetricsF(self.font()).height()) + 2.0)

    def _layout(self, widths: list[float], columns: int) -> None:
        column_widths = [max(widths[c::columns], default=0.0) for c in range(columns)]
        height = self._row_height()
        self._cells = []
        for n, width in enumerate(widths):
            row, column = divmod(n, columns)
            left = self.PAD + sum(column_widths[:column]) + self.GAP * column
            self._cells.append(QRectF(left, self.PAD + row * height, width, height))
        rows = math.ceil(len(self.entries) / columns)
        self.setFixedWidth(self._row_width(widths, columns))
        self.setFixedHeight(2 * self.PAD + rows * height)
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())  # the font the cells were measured with
        painter.setPen(pg.mkPen(None))
        painter.setBrush(self.fill)
        painter.drawRect(self.boundingRect())
        for n, ((item, name), cell) in enumerate(zip(self.entries, self._cells, strict=True)):
            middle = cell.center().y()
            sample_centre = QPointF(cell.left() + self.SAMPLE / 2, middle)
            painter.save()
            backdrop = self.backdrops.get(n)
            if backdrop is not None and backdrop.isVisible():
                painter.fillRect(QRectF(sample_centre.x() - 4, middle - 7, 8, 14),
                                 backdrop.opts["brush"])
            if isinstance(item, Dots):
                painter.translate(sample_centre)
                drawSymbol(painter, item.opts["symbol"], item.opts["size"], item.opts["pen"],
                           item.opts["brush"])
            else:
                painter.setPen(item.opts["pen"])
                painter.drawLine(QPointF(cell.left() + 2, middle),
                                 QPointF(cell.left() + self.SAMPLE - 2, middle))
            painter.restore()
            text_colour = QColor(self.text_colour)
            if not item.isVisible():
                text_colour.setAlpha(180)  # still 4.5:1 or more: a choice, not disabled
                painter.setPen(pg.mkPen(self.off_colour, width=1.5))
                painter.drawLine(QPointF(cell.left() + 2, middle + 7),
                                 QPointF(cell.left() + self.SAMPLE - 2, middle - 7))
            painter.setPen(text_colour)
            painter.drawText(cell.adjusted(self.SAMPLE + 4, 0, 0, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)

    def mouseClickEvent(self, event) -> None:  # noqa: ANN001, N802 - pyqtgraph's mouse event
        if event.button() != Qt.MouseButton.LeftButton:
            return
        for (item, _name), cell in zip(self.entries, self._cells, strict=True):
            if cell.contains(event.pos()):
                item.setVisible(not item.isVisible())
                self.update()
                event.accept()
                return


class LevelMarks(_PixelSized):
    """A thin dashed line from *low* to *high* at each of many times, each with a short
    label at its top (the changes of a routine's level: "Level 2 → 3"). One item for
    all of them, drawn in device pixels: the visible lines in one call, and a label
    only where it has room; one that would cover its neighbour's goes a row lower,
    and where both rows are taken the line stands alone."""

    PAD, GAP, ROWS = 3, 6, 2

    def __init__(self, low: float, high: float) -> None:
        super().__init__()
        self.low, self.high = low, high
        self.x = np.empty(0)
        self.labels: list[str] = []
        self._widest = 0.0  # px, the longest label
        self._export_scale: float | None = None
        font = QFont()
        font.setPointSizeF(font.pointSizeF() - 1)  # a note on the chart, not the content
        self.font = font
        self.set_colours(theme.LIGHT)

    def set_colours(self, colours: Theme) -> None:
        """The theme's chart colours: the axes' for the lines and the labels, over the
        legend's backdrop so that they stay legible over dots."""
        # The style, as pyqtgraph's items keep it.
        self.opts = {"pen": pg.mkPen(colours.chart_foreground, width=1,
                                     style=Qt.PenStyle.DashLine)}
        self.text_colour = QColor(colours.chart_foreground)
        self.fill = colours.qcolor(colours.legend_fill)
        self.update()

    def setData(self, x, labels) -> None:  # noqa: ANN001, N802 - times and their labels
        self.prepareGeometryChange()
        x, labels = np.asarray(x, dtype=float), list(labels)
        order = np.argsort(x, kind="stable")
        self.x = x[order]
        self.labels = [labels[i] for i in order]
        metrics = QFontMetricsF(self.font)
        self._widest = max((metrics.horizontalAdvance(text) for text in self.labels),
                           default=0.0)
        self.update()

    def getData(self) -> tuple[np.ndarray, list[str]]:  # noqa: N802
        return self.x, self.labels

    def boundingRect(self) -> QRectF:  # noqa: N802
        if not len(self.x):
            return QRectF()
        left, right = float(self.x[0]), float(self.x[-1])
        px, _py = self.pixelVectors()
        per_px = px.length() if px is not None else 0.0
        # The labels reach to the right of their lines, by up to the widest one.
        pad = per_px * (self._widest + 2 * self.PAD + 2)
        return QRectF(left - 2 * per_px, self.low, right - left + pad + 2 * per_px,
                      self.high - self.low)


    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        if not len(self.x):
            return
        transform = painter.transform()
        # Device pixels, then (an export drawn larger) as many pixels as on screen, so
        # that lines and labels keep their size relative to the chart.
        scale = self._export_scale or 1.0
        xs = (self.x * transform.m11() + transform.dx()) / scale
        top = (self.high * transform.m22() + transform.dy()) / scale
        bottom = (self.low * transform.m22() + transform.dy()) / scale
        top, bottom = min(top, bottom), max(top, bottom)
        width = painter.device().width() / scale
        shown = np.flatnonzero((xs > -self._widest - 2 * self.PAD) & (xs < width + 1))
        if not len(shown):
            return
        painter.save()
        painter.resetTransform()
        painter.scale(scale, scale)
        painter.setPen(self.opts["pen"])
        painter.drawLines([QLineF(xs[i], top, xs[i], bottom) for i in shown])
        painter.setFont(self.font)
        metrics = QFontMetricsF(self.font)
        height = metrics.height() + 2
        ends = [-math.inf] * self.ROWS  # each row's rightmost label so far
        for i in shown:
            box = QRectF(xs[i] + 2, 0, metrics.horizontalAdvance(self.labels[i])
                         + 2 * self.PAD, height)
            row = next((r for r in range(self.ROWS) if box.left() >= ends[r] + self.GAP),
                       None)
            if row is None:
                continue
            ends[row] = box.right()
            box.moveTop(top + 2 + row * (height + 2))
            painter.fillRect(box, self.fill)
            painter.setPen(self.text_colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.labels[i])
        painter.restore()


class Bands(pg.GraphicsObject):
    """Horizontal bands across the whole width of the view, e.g. the pain zones."""

    def __init__(self, bands: tuple[tuple[float, float, QColor], ...]) -> None:
        super().__init__()
        self.set_bands(bands)

    def set_bands(self, bands: tuple[tuple[float, float, QColor], ...]) -> None:
        self.bands = list(bands)
        self._low = min(low for low, _high, _colour in self.bands)
        self._high = max(high for _low, high, _colour in self.bands)
        self.update()

    def _x_span(self) -> tuple[float, float]:
        box = self.getViewBox()
        if box is None:
            return (0.0, 1.0)
        (left, right), _y = box.viewRange()
        return left, right

    def boundingRect(self) -> QRectF:  # noqa: N802
        left, right = self._x_span()
        return QRectF(left, self._low, right - left, self._high - self._low)

    def viewRangeChanged(self) -> None:  # noqa: N802 - pyqtgraph's hook
        self.prepareGeometryChange()

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        left, right = self._x_span()
        painter.setPen(pg.mkPen(None))
        for low, high, colour in self.bands:
            painter.fillRect(QRectF(left, low, right - left, high - low), colour)


# -- the date axis --------------------------------------------------------------------
# Steps the axis can label, finest first: (unit, count, nominal length in seconds).
STEPS = (
    ("second", 60, 60.0), ("second", 300, 300.0), ("second", 900, 900.0),
    ("second", 1800, 1800.0), ("second", 3600, 3600.0), ("second", 3 * 3600, 3 * 3600.0),
    ("second", 6 * 3600, 6 * 3600.0), ("second", 12 * 3600, 12 * 3600.0),
    ("day", 1, DAY), ("day", 2, 2 * DAY), ("day", 7, 7 * DAY),
    ("month", 1, 30.4 * DAY), ("month", 3, 91.3 * DAY), ("month", 6, 182.6 * DAY),
    ("year", 1, 365.25 * DAY), ("year", 2, 730.5 * DAY), ("year", 5, 1826 * DAY),
    ("year", 10, 3652 * DAY), ("year", 25, 9131 * DAY), ("year", 100, 36525 * DAY),
)
# The finer steps that split each step into unlabelled minor ticks, first choice first.
MINOR_STEPS = {
    ("second", 300): (("second", 60),), ("second", 900): (("second", 300),),
    ("second", 1800): (("second", 900),), ("second", 3600): (("second", 1800),),
    ("second", 3 * 3600): (("second", 3600),), ("second", 6 * 3600): (("second", 3 * 3600),),
    ("second", 12 * 3600): (("second", 6 * 3600),),
    ("day", 1): (("second", 6 * 3600), ("second", 12 * 3600)),
    ("day", 2): (("day", 1),), ("day", 7): (("day", 1),), ("month", 1): (("day", 1),),
    ("month", 3): (("month", 1),), ("month", 6): (("month", 1),),
    ("year", 1): (("month", 1), ("month", 3)), ("year", 2): (("year", 1),),
    ("year", 5): (("year", 1),), ("year", 10): (("year", 1), ("year", 5)),
    ("year", 25): (("year", 5),), ("year", 100): (("year", 10), ("year", 25)),
}
LENGTHS = {(unit, count): length for unit, count, length in STEPS}
# The span of time stamps the axis will label (Python's datetime range, roughly).
FIRST_STAMP, LAST_STAMP = datetime(1971, 1, 1).timestamp(), datetime(9998, 1, 1).timestamp()


def calendar_ticks(start: float, end: float, unit: str, count: int) -> list[float]:
    """Local-time boundaries of *count* *unit*s between two time stamps: midnights,
    Mondays, first days of months, New Year's days (daylight saving time included)."""
    start, end = max(start, FIRST_STAMP), min(end, LAST_STAMP)
    if start > end:
        return []
    first = datetime.fromtimestamp(start)
    ticks: list[float] = []
    if unit == "second":
        midnight = datetime.combine(first.date(), datetime.min.time()).timestamp()
        value = midnight + math.ceil((start - midnight) / count) * count
        while value <= end:
            ticks.append(value)
            value += count
    elif unit == "day":
        day = first.date()
        if count == 7:
            day -= timedelta(days=day.weekday())  # Mondays
        else:
            day -= timedelta(days=day.toordinal() % count)
        while (value := datetime.combine(day, datetime.min.time()).timestamp()) <= end:
            if value >= start:
                ticks.append(value)
            day += timedelta(days=count)
    else:
        months = 12 if unit == "year" else 1
        index = (first.year * 12 + first.month - 1) // (count * months) * count * months
        while True:
            year, month = divmod(index, 12)
            if year > 9997:
                break
            value = datetime(year, month + 1, 1).timestamp()
            if value > end:
                break
            if value >= start:
                ticks.append(value)
            index += count * months
    return ticks


class LocaleDateAxis(pg.AxisItem):
    """A time axis on calendar boundaries (days, Mondays, months, quarters, years), with
    dates in the user's language (QLocale) rather than the C locale's month names.
    Only the main ticks are labelled; the finer ones are short marks."""

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:  # noqa: ANN003
        super().__init__(orientation, **kwargs)
        self.setStyle(maxTextLevel=0)
        self._rooms: dict[tuple[str, str], float] = {}  # (font, pattern) -> px

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: ANN201, N802, N803
        low, high = sorted((minVal, maxVal))
        if size <= 0 or high <= low:
            return []
        per_px = (high - low) / size
        font = self.style.get("tickFont") or self.font()
        key = font.key()  # once per call: the axis asks again at every pan and zoom
        major = next((step for step in STEPS
                      if step[2] / per_px >= self._label_room(step[2], font, key)),
                     STEPS[-1])
        unit, count, length = major
        ticks = calendar_ticks(low, high, unit, count)
        levels = [(length, ticks)]
        for minor in MINOR_STEPS.get((unit, count), ()):
            if LENGTHS[minor] / per_px >= MINOR_SPACING_PX:
                taken = set(ticks)
                levels.append((LENGTHS[minor], [value for value in calendar_ticks(
                    low, high, *minor) if value not in taken]))
                break
        return levels

    def _updateMaxTextSize(self, x: int) -> None:  # noqa: N802 - pyqtgraph's name
        """pyqtgraph measures labels at 0.8 of their height ("boundingRect is usually
        just a bit too large"): with large text that cut the dates' descenders (the
        "p" of "Sep"). The axis is at least as tall as a line of its font."""
        font = self.style.get("tickFont") or self.font()
        super()._updateMaxTextSize(max(x, math.ceil(QFontMetricsF(font).height())))

    def _label_room(self, spacing: float, font: QFont, font_key: str) -> float:
        """Pixels between labels of a step of *spacing* seconds in *font*: at least
        :data:`LABEL_SPACING_PX`, and more where its widest label needs it (large text,
        "2026年12月"), so that labels never run into each other."""
        key = (font_key, _pattern(spacing))
        room = self._rooms.get(key)
        if room is None:
            widest = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58)), key[1])
            room = self._rooms[key] = max(float(LABEL_SPACING_PX),
                                          QFontMetricsF(font).horizontalAdvance(widest) + 16)
        return room

    def tickStrings(self, values, scale, spacing):  # noqa: ANN001, ANN201, N802
        locale, pattern = QLocale(), _pattern(spacing)
        return [locale.toString(QDateTime.fromSecsSinceEpoch(int(v)), pattern) for v in values]


def _pattern(spacing: float) -> str:
    """How the axis writes a time, for labels *spacing* seconds apart."""
    japanese = QLocale().language() == QLocale.Language.Japanese
    if spacing >= 300 * DAY:
        return "yyyy"
    if spacing >= 25 * DAY:
        return "yyyy年M月" if japanese else "MMM yyyy"
    if spacing >= DAY:
        return "M/d" if japanese else "d MMM"
    return "HH:mm"

