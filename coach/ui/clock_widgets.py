"""The widgets that draw time in the player: the big countdown and the thin meters,
both tuned to cost little at every refresh."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from coach.ui import theme


class Meter(QWidget):
    """A thin rounded bar showing a fraction. Qt draws it from two style sheets, the
    track and the fill (a child as wide as the fraction), so moving it costs one
    resize and no Python paint: in a phase's last seconds it moves at every refresh,
    and a ``paintEvent`` in Python cost about twice as much per frame (bench/README.md,
    the player section)."""

    def __init__(self, height: int, colour: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._fill = QWidget(self)
        self._fill.setObjectName("meterFill")
        self._fill.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._fill.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._fill.resize(0, height)
        self.fraction = 0.0
        self._pixels = 0
        self._themed = colour is None  # the theme's colour until told another
        self.colour = QColor(colour or theme.current().phase["release"])
        theme.follow(self, self._recolour)

    def _sheet(self, colour: QColor) -> str:
        return (f"background: rgba({colour.red()}, {colour.green()}, {colour.blue()}, "
                f"{colour.alpha()}); border-radius: {self.height() // 2}px;")

    def _recolour(self, colours: theme.Theme) -> None:
        track = QColor(colours.border)
        track.setAlpha(70)
        self.setStyleSheet(self._sheet(track))
        if self._themed:
            self.colour = QColor(colours.phase["release"])
        self._fill.setStyleSheet(self._sheet(self.colour))

    def set_fraction(self, fraction: float) -> None:
        self.fraction = max(0.0, min(1.0, fraction))
        pixels = round(self.fraction * self.width())
        if pixels != self._pixels:
            self._pixels = pixels
            self._fill.resize(pixels, self.height())

    def set_colour(self, colour: str) -> None:
        self._themed = False
        if QColor(colour) != self.colour:
            self.colour = QColor(colour)
            self._fill.setStyleSheet(self._sheet(self.colour))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._pixels = round(self.fraction * self.width())
        self._fill.resize(self._pixels, self.height())


class Countdown(QLabel):
    """The big number. Each character is drawn once per font, colour and screen scale
    into a picture of its own, and a new second only places those pictures: Qt keeps
    no cache for glyphs this large and would shape and fill their outlines at every
    paint. Where they go is worked out once per number, size and font. A new number
    repaints the label and nothing else: the layout gives it its size (it asks for
    none), so, unlike ``QLabel.setText``, it never asks the layout to look again.
    Drawn as ``QLabel`` draws centred text: the line's advance and height centred in
    the contents."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self._text = ""
        self._glyphs: dict[str, tuple[QPixmap, QPointF, float]] = {}
        # Pictures by font, colour and scale: a hold and its release take turns all
        # through a step, each in its colour.
        self._sets: dict[tuple[str, int, float], dict[str, tuple[QPixmap, QPointF, float]]] = {}
        self._made_for: tuple[str, int, float] | None = None  # None: font or colour changed
        self._line = (0.0, 0.0)  # the font's height and ascent
        # Where each number's pictures go, for this size and these pictures.
        self._placed: dict[str, list[tuple[QPointF, QPixmap]]] = {}

    def text(self) -> str:  # type: ignore[override]  # the number, not QLabel's own
        return self._text

    def setText(self, text: str) -> None:  # type: ignore[override]  # noqa: N802
        if text != self._text:
            self._text = text
            self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._made_for = None
            self._placed.clear()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._placed.clear()
        super().resizeEvent(event)

    def _choose_pictures(self) -> None:
        """The pictures for the current font, colour and scale."""
        ratio = self.devicePixelRatioF()
        if self._made_for is not None and self._made_for[2] == ratio:
            return
        key = (self.font().key(), self.palette().color(QPalette.ColorRole.WindowText).rgba(),
               ratio)
        if key != self._made_for:
            if key not in self._sets and len(self._sets) >= 4:  # another font: a new size
                self._sets.clear()
            self._glyphs = self._sets.setdefault(key, {})
            self._made_for = key
            self._placed.clear()
            metrics = QFontMetricsF(self.font())
            self._line = (metrics.height(), metrics.ascent())

    def _glyph(self, char: str) -> tuple[QPixmap, QPointF, float]:
        """*char*'s picture, where its top left lies from the pen on the baseline, and
        how far the pen then moves."""
        found = self._glyphs.get(char)
        if found is None:
            metrics = QFontMetricsF(self.font())
            advance = metrics.horizontalAdvance(char)
            box = metrics.boundingRect(char).united(
                QRectF(0, -metrics.ascent(), advance, metrics.height())).adjusted(-1, -1, 1, 1)
            ratio = self.devicePixelRatioF()
            picture = QPixmap(math.ceil(box.width() * ratio), math.ceil(box.height() * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.setFont(self.font())
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(QPointF(-box.left(), -box.top()), char)
            painter.end()
            found = self._glyphs[char] = (picture, box.topLeft(), advance)
        return found

    def _layout(self) -> list[tuple[QPointF, QPixmap]]:
        """Where each character's picture goes."""
        glyphs = [self._glyph(char) for char in self._text]
        height, ascent = self._line
        area = QRectF(self.contentsRect())
        x = area.left() + (area.width() - sum(advance for *_, advance in glyphs)) / 2
        baseline = area.top() + (area.height() - height) / 2 + ascent
        placed = []
        for picture, offset, advance in glyphs:
            placed.append((QPointF(x + offset.x(), baseline + offset.y()), picture))
            x += advance
        return placed

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._choose_pictures()
        placed = self._placed.get(self._text)
        if placed is None:
            if len(self._placed) > 200:
                self._placed.clear()
            placed = self._placed[self._text] = self._layout()
        if placed:
            painter = QPainter(self)
            for at, picture in placed:
                painter.drawPixmap(at, picture)
