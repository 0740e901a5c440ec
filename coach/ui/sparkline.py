"""A small chart of the last four weeks of usual pain for the Today screen.

Painted with QPainter rather than pyqtgraph: the Today screen is the first thing the
app shows, and pyqtgraph costs a quarter of a second to import. Each day's mean is a
dot, the 7-day average a line; the scale is always 0-10 so that a flat line near 0
and one near 8 never look alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from coach.ui import theme
from coach.ui.widgets import translate

# How many days the sparkline shows, today included.
DAYS = 28


class Sparkline(QWidget):
    """Daily means and the 7-day average of usual pain over :data:`DAYS` days ending
    *today* (objectName ``painSparkline``). Its accessible description says the
    same in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painSparkline")
        self.setAccessibleName(translate("Sparkline", "Usual pain, last four weeks"))
        # Four lines tall; as wide as the layout gives. (setFixedHeight, not a size
        # policy: QSizePolicy's enums cost start-up time, and this is on the first screen.)
        self.setFixedHeight(self.fontMetrics().height() * 4)
        self.daily: list[tuple[date, float]] = []
        self.average: list[tuple[date, float | None]] = []
        self.today = date.today()
        theme.follow(self, lambda _colours: self.update())

    def sizeHint(self) -> QSize:  # noqa: N802
        line = self.fontMetrics().height()
        return QSize(line * 16, line * 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        line = self.fontMetrics().height()
        return QSize(line * 8, line * 4)

    def set_data(self, daily: Sequence[tuple[date, float]],
                 average: Sequence[tuple[date, float | None]], today: date) -> None:
        """*daily*: each day's mean usual pain; *average*: the 7-day average by day
        (None where there is none); only the last :data:`DAYS` days ending *today*
        are drawn."""
        first = today - timedelta(days=DAYS - 1)
        self.today = today
        self.daily = [(day, value) for day, value in daily if first <= day <= today]
        self.average = [(day, value) for day, value in average if first <= day <= today]
        values = [value for _day, value in self.average if value is not None]
        if values:
            self.setAccessibleDescription(translate(
                "Sparkline", "The 7-day average went from {first:.1f} to {last:.1f} of "
                "10 over the last four weeks").format(first=values[0], last=values[-1]))
        else:
            self.setAccessibleDescription(translate(
                "Sparkline", "No pain ratings in the last four weeks"))
        self.update()

    def _point(self, area: QRectF, day: date, value: float) -> QPointF:
        first = self.today - timedelta(days=DAYS - 1)
        x = area.left() + area.width() * (day - first).days / (DAYS - 1)
        y = area.bottom() - area.height() * value / 10
        return QPointF(x, y)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        colours = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        radius = max(2.0, metrics.height() / 6)
        label_width = metrics.horizontalAdvance("10") + radius * 2
        area = QRectF(self.rect()).adjusted(label_width + radius, metrics.height() / 2,
                                            -radius - 1, -metrics.height() / 2)
        # The scale's ends, 0 and 10: faint lines, numbered.
        for value in (0, 10):
            y = area.bottom() - area.height() * value / 10
            painter.setPen(QPen(colours.qcolor(colours.border), 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(colours.qcolor(colours.muted))
            painter.drawText(QRectF(0, y - metrics.height() / 2, label_width - radius,
                                    metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             str(value))
        fill, outline = colours.usual_dots
        painter.setPen(QPen(colours.qcolor(outline), 1))
        painter.setBrush(colours.qcolor(fill))
        for day, value in self.daily:
            painter.drawEllipse(self._point(area, day, value), radius, radius)
        path = QPainterPath()
        drawing = False
        for day, average in self.average:
            if average is None:
                drawing = False
                continue
            point = self._point(area, day, average)
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        pen = QPen(colours.qcolor(colours.mean_line), max(2.0, radius * 1.2))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.end()
