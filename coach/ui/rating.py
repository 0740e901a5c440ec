"""The 0-10 pain rating: eleven big number buttons with the two word anchors, and
the zone colours of the pain-monitoring model (clinical.md sections 2 and 3)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.pain import zone
from coach.ui.widgets import plain_label

ZONE_COLOURS = {"green": "#2e7d32", "amber": "#b26a00", "red": "#c62828"}
ZONE_BACKGROUNDS = {"green": "#e3f3e4", "amber": "#fff1d6", "red": "#fde4e4"}
#: "1" then "0" typed within this many seconds is 10; further apart they are two
#: entries (a corrected typo must not record the worst pain).
DIGIT_PAIR_SECONDS = 1.0
#: Keys are ignored this long after a rating page appears: presses meant for the
#: page before it (→ held down through the last step) must not choose a rating.
QUIET_SECONDS = 0.6


class PainRating(QWidget):
    """A row of eleven buttons 0-10 (objectName ``painRating``).

    Keys: the digits choose (``1`` then ``0`` within a second gives 10), Left and
    Right move the choice, Return confirms. Auto-repeated keys, and any key during
    :meth:`hold_keys`'s quiet time, are ignored. *clock* gives monotonic seconds.

    Signals:
        changed(int): a number was chosen.
        confirmed(): Return was pressed with a number chosen.
    """

    changed = Signal(int)
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("painRating")
        self._clock = clock
        self._one_typed_at: float | None = None
        self._quiet_until = -1.0
        self.setAccessibleName(self.tr("Pain from 0, no pain, to 10, worst pain imaginable"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setMinimumSize(52, 52)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(str(value))
            font = button.font()
            font.setPointSizeF(font.pointSizeF() + 5)
            font.setBold(True)
            button.setFont(font)
            colour = ZONE_COLOURS[zone(value)]
            button.setStyleSheet(
                f"QPushButton {{ border: 2px solid {colour}; border-radius: 8px; "
                f"background: white; color: {colour}; }} "
                f"QPushButton:checked {{ background: {colour}; color: white; }}")
            self.group.addButton(button, value)
            grid.addWidget(button, 0, value)
        low = plain_label(self.tr("0: no pain"))
        high = plain_label(self.tr("10: worst pain imaginable"))
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(low, 1, 0, 1, 5)
        grid.addWidget(high, 1, 6, 1, 5)
        self.group.idClicked.connect(self.changed)

    def hold_keys(self, seconds: float = QUIET_SECONDS) -> None:
        """Ignore key presses for *seconds* from now (the page has just appeared)."""
        self._quiet_until = self._clock() + seconds
        self._one_typed_at = None

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def set_value(self, value: int | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
            return
        self.group.button(value).setChecked(True)
        self.changed.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        now = self._clock()
        ours = Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or key in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Left, Qt.Key.Key_Right)
        if ours and (event.isAutoRepeat() or now < self._quiet_until):
            event.accept()
            return
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = key - Qt.Key.Key_0
            one_at = self._one_typed_at
            paired = one_at is not None and now - one_at <= DIGIT_PAIR_SECONDS
            self._one_typed_at = now if digit == 1 else None
            self.set_value(10 if digit == 0 and paired else digit)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.value() is not None:
            self.confirmed.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            current = self.value()
            step = 1 if key == Qt.Key.Key_Right else -1
            start = 0 if current is None else current + step
            self.set_value(max(0, min(10, start)))
        else:
            super().keyPressEvent(event)


class RatingPanel(QWidget):
    """A question, the rating row, and Save / Skip.

    Signals:
        submitted(int): the user confirmed a rating.
        skipped(): the user chose not to rate.
    """

    submitted = Signal(int)
    skipped = Signal()

    def __init__(self, question: str, *, save_text: str, skip_text: str | None,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        self.question = plain_label(question, point_delta=6, bold=True)
        layout.addWidget(self.question)
        self.rating = PainRating(clock=clock)
        layout.addWidget(self.rating)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if skip_text:
            self.skip_button = QPushButton(skip_text)
            self.skip_button.setObjectName("painSkip")
            self.skip_button.setMinimumHeight(44)
            self.skip_button.clicked.connect(self.skipped)
            buttons.addWidget(self.skip_button)
        self.submit = QPushButton(save_text)
        self.submit.setObjectName("painSubmit")
        self.submit.setEnabled(False)
        self.submit.setDefault(True)
        self.submit.setMinimumHeight(44)
        self.submit.clicked.connect(self._submit)
        buttons.addWidget(self.submit)
        layout.addLayout(buttons)
        self.rating.changed.connect(lambda _value: self.submit.setEnabled(True))
        self.rating.confirmed.connect(self._submit)

    def reset(self) -> None:
        """The page appears: no rating chosen, and keys meant for the page before
        it ignored for a moment."""
        self.rating.set_value(None)
        self.rating.hold_keys()
        self.submit.setEnabled(False)
        self.rating.setFocus()

    def _submit(self) -> None:
        value = self.rating.value()
        if value is not None:
            self.submitted.emit(value)
