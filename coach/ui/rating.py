"""The 0-10 pain rating: eleven big number buttons with the two word anchors; where
the pain-monitoring model's zones apply (clinical.md sections 2 and 3: pain during or
right after exercise), in the zones' colours, grouped by zone, with each zone's word
under its group."""

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
from coach.ui import theme
from coach.ui.widgets import plain_label, set_text_colour, translate

# Each zone's values; a gap between the groups tells them apart without colour.
ZONE_SPANS = (("green", 0, 2), ("amber", 3, 5), ("red", 6, 10))
ZONE_GAP = 14
# "1" then "0" typed within this many seconds is 10; further apart they are two
# entries (a corrected typo must not record the worst pain).
DIGIT_PAIR_SECONDS = 1.0
# Keys are ignored this long after a rating page appears: presses meant for the
# page before it (→ held down through the last step) must not choose a rating.
QUIET_SECONDS = 0.6


def column(value: int, zones: bool = True) -> int:
    """The grid column of *value*'s button: with *zones*, one gap column before each
    new zone."""
    if not zones:
        return value
    return value + (0 if value <= 2 else 1 if value <= 5 else 2)


def zone_names() -> dict[str, str]:
    """The zones in words (colour is never alone)."""
    return {"green": translate("Advice", "Safe"),
            "amber": translate("Advice", "Acceptable"),
            "red": translate("Advice", "Too much")}


def zone_word(value: int) -> str:
    """*value*'s zone in words for the middle of a sentence ("acceptable")."""
    return {"green": translate("PainRating", "safe"),
            "amber": translate("PainRating", "acceptable"),
            "red": translate("PainRating", "too much")}[zone(value)]


class PainRating(QWidget):
    """A row of eleven buttons 0-10 (objectName ``painRating``).

    With *zones* (pain during or right after exercise, where the traffic-light
    model applies) each number takes its zone's colour and each zone's word stands
    under its group; without, the numbers are plain: colour that says "safe" or
    "too much" must come with the words, and those words judge exercise pain only.

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
                 clock: Callable[[], float] = time.monotonic,
                 zones: bool = False) -> None:
        super().__init__(parent)
        self._zones = zones
        self.setObjectName("painRating")
        self._clock = clock
        self._one_typed_at: float | None = None
        self._quiet_until = -1.0
        self.setAccessibleName(self.tr("Pain from 0, no pain, to 10, worst pain imaginable"))
        self.setAccessibleDescription(self.tr(
            "Type a number from 0 to 10, or use the Left and Right arrow keys; "
            "Return saves."))
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
            button.setAccessibleName(self._value_name(value))
            font = button.font()
            font.setPointSizeF(font.pointSizeF() + 5)
            font.setBold(True)
            button.setFont(font)
            self.group.addButton(button, value)
            grid.addWidget(button, 0, column(value, zones))
        for gap in (column(3) - 1, column(6) - 1) if zones else ():
            grid.setColumnMinimumWidth(gap, ZONE_GAP)
        self._zone_words: dict[str, QWidget] = {}
        row = 1
        if zones:
            names = zone_names()
            for name, low_value, high_value in ZONE_SPANS:
                word = plain_label(names[name], bold=True, object_name="zoneWord")
                word.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self._zone_words[name] = word
                grid.addWidget(word, row, column(low_value), 1,
                               column(high_value) - column(low_value) + 1)
            row += 1
        low = plain_label(self.tr("0: no pain"))
        high = plain_label(self.tr("10: worst pain imaginable"))
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(low, row, 0, 1, column(4, zones))
        grid.addWidget(high, row, column(6, zones), 1,
                       column(10, zones) - column(6, zones) + 1)
        theme.follow(self, self._colour)
        # Toggled, not clicked: a screen reader's "toggle" action checks a number
        # without a click, and Save must follow it as it follows the mouse.
        self.group.idToggled.connect(lambda value, on: self.changed.emit(value) if on else None)

    def _colour(self, colours: theme.Theme) -> None:
        """Each number in its zone's colour (or the text's), filled when chosen; each
        zone's word too."""
        for name, word in self._zone_words.items():
            set_text_colour(word, colours.zone_text[name])
        for value in range(11):
            colour = colours.zone_text[zone(value)] if self._zones else colours.text
            base = colours.base
            self.group.button(value).setStyleSheet(
                f"QPushButton {{ border: 2px solid {colour}; border-radius: 8px; "
                f"background: {base}; color: {colour}; }} "
                f"QPushButton:checked {{ background: {colour}; color: {base}; }}")

    def _value_name(self, value: int) -> str:
        """What a screen reader says for a number: the number, its anchor words at
        the two ends, and, with zones, its zone ("3, acceptable")."""
        if not self._zones:
            if value == 0:
                return self.tr("0, no pain")
            if value == 10:
                return self.tr("10, worst pain imaginable")
            return str(value)
        zone_words = zone_word(value)
        if value == 0:
            return self.tr("0, no pain, {zone}").format(zone=zone_words)
        if value == 10:
            return self.tr("10, worst pain imaginable, {zone}").format(zone=zone_words)
        return self.tr("{value}, {zone}").format(value=value, zone=zone_words)

    def _announce_value(self, value: int | None) -> None:
        """Say the chosen number: keys choose it while the buttons never have focus."""
        text = self.tr("Chosen: {name}").format(name=self._value_name(value)) \
            if value is not None else ""
        self.setAccessibleDescription(text or self.tr(
            "Type a number from 0 to 10, or use the Left and Right arrow keys; "
            "Return saves."))
        if not text:
            return
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent  # enums: ~1 ms

        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

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
            self._announce_value(None)
            return
        self.group.button(value).setChecked(True)
        self._announce_value(value)
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
                 clock: Callable[[], float] = time.monotonic, zones: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        self.question = plain_label(question, point_delta=6, bold=True)
        layout.addWidget(self.question)
        self.rating = PainRating(clock=clock, zones=zones)
        layout.addWidget(self.rating)
        # Save (and Skip) on the right; a caller may put a button of its own first.
        self.buttons = buttons = QHBoxLayout()
        buttons.addStretch(1)
        if skip_text:
            self.skip_button = QPushButton(skip_text)
            self.skip_button.setObjectName("painSkip")
            self.skip_button.setMinimumHeight(44)
            self.skip_button.setAccessibleDescription(self.tr("Go on without a rating"))
            self.skip_button.clicked.connect(self.skipped)
            buttons.addWidget(self.skip_button)
        self.submit = QPushButton(save_text)
        self.submit.setObjectName("painSubmit")
        self.submit.setEnabled(False)
        self.submit.setDefault(True)
        self.submit.setMinimumHeight(44)
        self.submit.setAccessibleDescription(self.tr("Save the chosen number"))
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
