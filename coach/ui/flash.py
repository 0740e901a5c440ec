"""A brief coloured frame over a widget: the visual cue for a noisy room or for
someone who hears poorly. It needs no sound device, takes no clicks and no focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from coach.ui import theme
from coach.ui.widgets import translate

# How long one flash stays on screen, in milliseconds.
FLASH_MS = 300


class Flash(QWidget):
    """A frame drawn round the inside of its parent, shown for :data:`FLASH_MS` by
    :meth:`flash`; it follows the parent's size and lets every click through."""

    def __init__(self, parent: QWidget, duration_ms: int = FLASH_MS) -> None:
        super().__init__(parent)
        self.setObjectName("cueFlash")
        self.setAccessibleName(translate("Flash", "Visual cue"))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(duration_ms)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def flash(self, _cue: str = "") -> None:
        """Show the frame (again) for a moment."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        # Thick enough to see from a mat three metres away, thin enough to leave the
        # countdown alone.
        width = max(12, min(self.width(), self.height()) // 25)
        painter = QPainter(self)
        pen = QPen(QColor(theme.current().flash))
        pen.setWidth(width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
