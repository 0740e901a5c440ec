"""Small building blocks shared by the views: plain-text labels, lists, message bars.

Routine text is written by whoever authored the file, so it is always shown as
plain text, never interpreted as HTML.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: ``translate("Context", "text")``: the name lupdate looks for outside QObject classes.
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


def item_list(lines: Iterable[str], *, numbered: bool = False) -> QWidget:
    """Lines as a bulleted (or numbered) list whose wrapped lines stay indented."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for n, line in enumerate(lines, start=1):
        row = QHBoxLayout()
        mark = plain_label(f"{n}." if numbered else "•")
        mark.setWordWrap(False)
        mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        mark.setMinimumWidth(mark.fontMetrics().horizontalAdvance("00."))
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(plain_label(line), 1)
        layout.addLayout(row)
    return box


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)  # out of the widget tree now, freed later
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def callout(object_name: str, *, accent: str = "#e0a100", background: str = "#fff4d6",
            border: int = 5) -> tuple[QFrame, QVBoxLayout]:
    """A tinted box with a coloured left edge (safety notes, the pain zone)."""
    box = QFrame()
    box.setObjectName(object_name)
    box.setStyleSheet(f"#{object_name} {{ background: {background}; border-left: {border}px "
                      f"solid {accent}; border-radius: 5px; }} #{object_name} QLabel "
                      "{ color: #222; background: transparent; }")
    inner = QVBoxLayout(box)
    inner.setContentsMargins(16, 12, 16, 14)
    return box, inner


def safety_notes(lines: Iterable[str], title: str, object_name: str) -> QFrame:
    """The routine's safety notes, always shown before a routine starts."""
    box, inner = callout(object_name)
    inner.addWidget(plain_label(title, point_delta=2, bold=True))
    inner.addWidget(item_list(lines))
    return box


class MessageBar(QFrame):
    """A coloured strip with a message, an optional action and a close button.

    Signals:
        action_clicked: the action button was pressed.
    """

    action_clicked = Signal()

    STYLES = {
        "warning": "#fff4d6; border: 1px solid #e0b44c",
        "error": "#fde7e7; border: 1px solid #d77",
        "info": "#e6f1fb; border: 1px solid #8bb3dc",
    }

    def __init__(self, text: str, *, level: str = "warning", action: str | None = None,
                 closable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet(f"#messageBar {{ background: {self.STYLES[level]}; "
                           "border-radius: 6px; } #messageBar QLabel { color: #222; }")
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


def duration_text(seconds: float) -> str:
    """``587`` -> ``9 min 47 s`` (``9分47秒``): durations in words, rounded to seconds."""
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    if minutes and secs:
        return translate("Duration", "{m} min {s} s").format(m=minutes, s=secs)
    if minutes:
        return translate("Duration", "{m} min").format(m=minutes)
    return translate("Duration", "{s} s").format(s=secs)
