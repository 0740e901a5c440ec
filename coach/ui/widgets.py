"""Small building blocks shared by the views: plain-text labels, lists, message bars.

Routine text is written by whoever authored the file, so it is always shown as
plain text, never interpreted as HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.ui import theme

if TYPE_CHECKING:
    from datetime import date, datetime, time

    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QMessageBox

# ``translate("Context", "text")``: the name lupdate looks for outside QObject classes.
translate = QCoreApplication.translate


def plain_label(text: str = "", *, point_delta: float = 0, bold: bool = False,
                object_name: str | None = None, selectable: bool = False) -> QLabel:
    """A word-wrapped label that never interprets its text as rich text."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if point_delta or bold:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() + point_delta)
        font.setBold(bold)
        label.setFont(font)
    if object_name:
        label.setObjectName(object_name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def plain_tip(text: str) -> str:
    """*text* as a tool tip that shows it literally. Qt guesses whether a tool tip is
    rich text, and a routine file's ``<img src=...>`` would make a hover read any
    file; escaped, it is only characters."""
    from PySide6.QtGui import Qt as GuiQt  # convertFromPlainText lives in QtGui

    return GuiQt.convertFromPlainText(text) if text else ""


def message_box(parent: QWidget | None, title: str, text: str, *,
                icon: str = "warning") -> QMessageBox:
    """A message box whose text is always plain (QMessageBox guesses too, and its
    text may quote a file name, a routine id from the command line or an error)."""
    from PySide6.QtWidgets import QMessageBox  # its enums are built when first used

    icons = {"warning": QMessageBox.Icon.Warning, "information": QMessageBox.Icon.Information,
             "question": QMessageBox.Icon.Question}
    box = QMessageBox(icons[icon], title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def item_list(lines: Iterable[str], *, numbered: bool = False,
              point_delta: float = 0) -> QWidget:
    """Lines as a bulleted (or numbered) list whose wrapped lines stay indented (the
    text *point_delta* points larger than the window's)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for n, line in enumerate(lines, start=1):
        row = QHBoxLayout()
        mark = plain_label(f"{n}." if numbered else "•", point_delta=point_delta)
        mark.setWordWrap(False)
        mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        mark.setMinimumWidth(mark.fontMetrics().horizontalAdvance("00."))
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(plain_label(line, point_delta=point_delta), 1)
        layout.addLayout(row)
    return box


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call *callback* from the event loop once *widget* has next been painted (a
    filter that removes itself: later paints cost nothing)."""
    _AfterFirstPaint(widget, callback)


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)  # out of the widget tree now, freed later
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


class Reflow(QWidget):
    """Its parts side by side where they fit, else one under another, so that large
    text on a small screen scrolls down rather than sideways: as narrow as its widest
    part, never as all of them together. *wide*: the width they need side by side
    (default: the sum of their size hints)."""

    def __init__(self, parts: Iterable[tuple[QWidget | QLayout, int]], *, spacing: int = 4,
                 wide: Callable[[], int] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        # The layout does not hold this widget at the parts' width side by side: the
        # parent may squeeze it, and it then puts them one under another.
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for part, stretch in parts:
            if isinstance(part, QLayout):
                self.box.addLayout(part, stretch)
            else:
                self.box.addWidget(part, stretch)
        self._wide = wide or self._hinted_width

    def _items(self) -> list:
        return [self.box.itemAt(n) for n in range(self.box.count())]

    def _hinted_width(self) -> int:
        items = self._items()
        return sum(item.sizeHint().width() for item in items) + \
            self.box.spacing() * max(len(items) - 1, 0)

    @property
    def side_by_side(self) -> bool:
        return self.box.direction() is QBoxLayout.Direction.LeftToRight

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = max((item.minimumSize().width() for item in self._items()), default=0)
        return QSize(width, self.box.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self.place(event.size().width())
        super().resizeEvent(event)

    def place(self, width: int) -> None:
        direction = (QBoxLayout.Direction.LeftToRight if width >= self._wide()
                     else QBoxLayout.Direction.TopToBottom)
        if self.box.direction() is not direction:
            self.box.setDirection(direction)
            self.updateGeometry()  # another height


class Callout(QFrame):
    """A tinted box with a coloured left edge (safety notes, the pain zone, today),
    in the current theme's colours for *kind* (see :meth:`Theme.tint`).

    Painted directly rather than styled with a style sheet: a style sheet makes Qt
    polish every widget inside the box through the much slower style-sheet style
    (the safety notes alone cost ~12 ms of the main window's first show here)."""

    def __init__(self, object_name: str, *, kind: str = "safety", edge: int = 5,
                 outline: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.kind = kind
        self._edge = edge
        self._outline = outline
        self.setContentsMargins(edge, 0, 0, 0)
        theme.follow(self, self._recolour, name="callout")

    def _recolour(self, colours: theme.Theme) -> None:
        accent, background = colours.tint(self.kind)
        self._accent, self._background = QColor(accent), QColor(background)
        self._outlined = self._outline or colours.outlines
        # The theme's callout text on its tint, whatever the desktop's colour scheme.
        set_text_colour(self, colours.callout_text)
        self.update()

    def set_kind(self, kind: str) -> None:
        """Paint in *kind*'s colours from now on."""
        if kind != self.kind:
            self.kind = kind
            self._recolour(theme.current())

    def background(self) -> QColor:
        """The tint it is painted with now."""
        return QColor(self._background)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shape = QPainterPath()
        shape.addRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        painter.setClipPath(shape)
        painter.fillPath(shape, self._background)
        painter.fillRect(QRectF(0, 0, self._edge, self.height()), self._accent)
        if self._outlined:
            painter.setPen(self._accent)
            painter.drawPath(shape)


def callout(object_name: str, *, kind: str = "safety",
            border: int = 5) -> tuple[Callout, QVBoxLayout]:
    """A :class:`Callout` (the theme's safety colours unless *kind* names a callout
    level or a pain zone) and the layout to fill it with."""
    box = Callout(object_name, kind=kind, edge=border)
    inner = QVBoxLayout(box)
    inner.setContentsMargins(16, 12, 16, 14)
    return box, inner


def set_text_colour(widget: QWidget,
                    colour: str | QColor | Callable[[theme.Theme], str] | None = None) -> None:
    """Colour a widget's text (and its children's) through its palette: *colour* is
    a role of the theme (``lambda c: c.error_text``), kept as the theme changes;
    ``None`` is the theme's muted colour; a fixed colour stays. Cheaper than a style
    sheet, and it keeps following the application's palette for everything else."""
    def paint(colours: theme.Theme) -> None:
        chosen = colours.muted if colour is None else colour(colours) if callable(colour) \
            else colour
        palette = widget.palette()
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, QColor(chosen))
        widget.setPalette(palette)

    theme.follow(widget, paint, name="textColour")


def safety_notes(lines: Iterable[str], title: str, object_name: str) -> QFrame:
    """The routine's safety notes, always shown before a routine starts."""
    box, inner = callout(object_name)
    inner.addWidget(plain_label(title, point_delta=2, bold=True))
    inner.addWidget(item_list(lines))
    return box


class MessageBar(Callout):
    """A coloured strip with a message, an optional action and a close button.

    Signals:
        action_clicked: the action button was pressed.
    """

    action_clicked = Signal()

    def __init__(self, text: str, *, level: str = "warning", action: str | None = None,
                 closable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__("messageBar", kind=level, edge=4, outline=True, parent=parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = plain_label(text)
        layout.addWidget(self.label, 1)
        if action:
            button = QPushButton(action)
            button.clicked.connect(self.action_clicked)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        if closable:
            close = QPushButton(translate("MessageBar", "Dismiss"))
            close.clicked.connect(self.hide)
            layout.addWidget(close, 0, Qt.AlignmentFlag.AlignVCenter)


def settle_bar(owner: QWidget, bars: QBoxLayout, problem: str, text: str, name: str) -> None:
    """The problem is over: each bar named *problem* in *owner* gives way to an info
    bar *name* saying *text* ("Saved: ...")."""
    for bar in owner.findChildren(MessageBar, problem):
        bar.setObjectName("")
        bar.deleteLater()
        done = MessageBar(text, level="info")
        done.setObjectName(name)
        bars.addWidget(done)


def duration_text(seconds: float) -> str:
    """``587`` -> ``9 min 47 s`` (``9分47秒``): durations in words, rounded to seconds."""
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    if minutes and secs:
        return translate("Duration", "{m} min {s} s").format(m=minutes, s=secs)
    if minutes:
        return translate("Duration", "{m} min").format(m=minutes)
    return translate("Duration", "{s} s").format(s=secs)


def short_day(day: date) -> str:
    """"Tue 1 Dec" / 「12月1日（火）」, in the app's language."""
    from PySide6.QtCore import QDate, QLocale

    japanese = QLocale().language() == QLocale.Language.Japanese
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              "M月d日（ddd）" if japanese else "ddd d MMM")


def clock_time(moment: datetime | time) -> str:
    """"07:30": hours and minutes on a 24-hour clock."""
    from PySide6.QtCore import QLocale, QTime

    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")
