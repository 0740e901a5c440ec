"""The main window's size and place: a first window sized to the screen's free area,
a remembered one kept on a screen that may have changed since."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

# The size the window opens at when the screen has room for it.
PREFERRED_SIZE = QSize(1100, 720)
# Fits a 1024x600 screen at 150 % scaling (683x400 logical) with a panel and a title
# bar; every page scrolls rather than clips down to this size.
MINIMUM_SIZE = QSize(600, 330)
# Of the screen's free area, what a first window takes at most.
SCREEN_SHARE = 0.9


def first_run_size(available: QRect, text_scale: int = 100) -> QSize:
    """The preferred size, as much larger as the text is (per cent), shrunk to a share
    of the screen's free area if needed: twice the text in the usual window left the
    player cramped on a screen with room to spare."""
    wanted = PREFERRED_SIZE * (max(100, text_scale) / 100)
    return QSize(min(wanted.width(), int(available.width() * SCREEN_SHARE)),
                 min(wanted.height(), int(available.height() * SCREEN_SHARE)))


def fit_to_screen(wanted: QRect, available: QRect) -> QRect:
    """*wanted* made no larger than *available*, then moved (as little as possible)
    to lie inside it: a remembered place on a screen that is gone or smaller."""
    width = min(wanted.width(), available.width())
    height = min(wanted.height(), available.height())
    x = max(available.left(), min(wanted.left(), available.left() + available.width() - width))
    y = max(available.top(), min(wanted.top(), available.top() + available.height() - height))
    return QRect(x, y, width, height)


def rescaled(frame: QRect, saved_scale: int, text_scale: int) -> QRect:
    """*frame*, remembered at text size *saved_scale*, made as much larger or smaller
    as the text has become (*text_scale*), about the same centre; 0 (a window saved
    before the text size was kept with it) or a value no text size has: as it was."""
    if not 100 <= saved_scale <= 200 or saved_scale == text_scale:  # unknown, or hostile
        return frame
    factor = text_scale / saved_scale
    grown = QRect(frame.topLeft(), frame.size() * factor)
    grown.moveCenter(frame.center())
    return grown


def restore_geometry(window: QWidget, geometry: bytes, text_scale: int = 100,
                     saved_scale: int = 0) -> None:
    """*window* at its remembered size and place (*geometry*, empty the first time;
    remembered at text size *saved_scale*, scaled to *text_scale*), kept on the screen
    (which may have changed since); the first time, a size that fits the screen's free
    area and the text size (per cent)."""
    from PySide6.QtGui import QGuiApplication

    restored = bool(geometry) and window.restoreGeometry(QByteArray(geometry))
    screen = (QGuiApplication.screenAt(window.geometry().center()) if restored
              else None) or window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    # Never a minimum larger than the screen: the window could not fit at all.
    window.setMinimumSize(MINIMUM_SIZE.boundedTo(available.size()))
    if restored:
        if not window.windowState() & (Qt.WindowState.WindowMaximized
                                       | Qt.WindowState.WindowFullScreen):
            window.setGeometry(fit_to_screen(
                rescaled(window.geometry(), saved_scale, text_scale), available))
    else:
        size = first_run_size(available, text_scale).expandedTo(window.minimumSize())
        frame = QRect(available.topLeft(), size)
        frame.moveCenter(available.center())
        window.setGeometry(frame)
