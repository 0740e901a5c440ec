"""The player's controls: its buttons, the two stop buttons, the sound and voice
toggles, and the keys that do the same."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.ui import theme
from coach.ui.widgets import plain_label, set_text_colour, translate

SHARP_PAIN_KEY = "S"
UNWELL_KEY = "U"


def filled_button_style(background: str, hover: str, on: str, *, padding: str) -> str:
    """A button filled with an accent (the stop buttons), its text in *on*, the
    theme's colour for text on an accent."""
    return (f"QPushButton {{ background: {background}; color: {on}; border-radius: 8px; "
            f"padding: {padding}; }} QPushButton:hover {{ background: {hover}; }}")


def _button(name: str, text: str, slot, tip: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setToolTip(tip)
    b.setAccessibleName(text)
    b.setAccessibleDescription(tip)
    # Tab reaches them (Return presses the focused one); a click does not
    # take the keys away from the player's shortcuts.
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    b.setAutoDefault(True)
    b.setMinimumHeight(44)
    b.clicked.connect(slot)
    return b


def _stop_button(stop: QPushButton, height: int, point_delta: float,
                 colours: Callable[[theme.Theme], tuple[str, str]],
                 padding: str) -> QPushButton:
    """A filled stop button: tall, bold, in its theme colours."""
    stop.setMinimumHeight(height)
    font = stop.font()
    font.setPointSizeF(font.pointSizeF() + point_delta)
    font.setBold(True)
    stop.setFont(font)
    theme.follow(stop, lambda c: stop.setStyleSheet(
        filled_button_style(*colours(c), c.on_accent, padding=padding)))
    return stop


def sharp_pain_button(slot: Callable[[], object], tip: str) -> QPushButton:
    """The red "Sharp pain – stop" (the session's and the chair stand test's)."""
    return _stop_button(_button("sharpPainButton", translate("PlayerView", "Sharp pain – stop"),
                                slot, tip), 56, 4, lambda c: c.sharp_pain, "6px 18px")


def unwell_button(slot: Callable[[], object], tip: str) -> QPushButton:
    """"I feel unwell", beside it: dizzy, a sudden swelling, feeling ill."""
    return _stop_button(_button("unwellButton", translate("PlayerView", "I feel unwell"),
                                slot, tip), 48, 3, lambda c: c.unwell, "4px 12px")


class StateToggle(QPushButton):
    """A checkable button whose words say its state ("Sound: on"), however it was set:
    a button merely shaded when on leaves "off" for the user to guess."""

    def __init__(self, name: str, what: str, on_text: str, off_text: str, tip: str) -> None:
        super().__init__(off_text)
        self._texts = (off_text, on_text)
        self.setObjectName(name)
        self.setCheckable(True)
        self.setAccessibleName(what)  # a screen reader says the state from the role
        self.setToolTip(tip)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleDescription(tip)
        theme.fill_when_checked(self)

    def checkStateSet(self) -> None:  # noqa: N802
        """Qt calls this for every change of state, signals blocked or not."""
        super().checkStateSet()
        self.setText(self._texts[self.isChecked()])


class PlayerControls:
    """The player's buttons in a bar of as few rows as the width allows (see
    :meth:`arrange`), and under it the key hint, a status note and the sound and voice
    toggles (the hint goes first when room is short); both bars go into the layout
    given. Each button calls the slot given for
    it, and so does its key once :meth:`bind_keys` has run. The words keep the
    ``PlayerView`` context they were first translated in."""

    def __init__(self, outer: QVBoxLayout, *, previous: Callable[[], None],
                 pause: Callable[[], None], next_step: Callable[[], None],
                 restart: Callable[[], None], end: SignalInstance,
                 focus: Callable[[], None], sharp_pain: SignalInstance,
                 unwell: SignalInstance) -> None:
        self._slots = (pause, next_step, previous, restart, focus)
        self._sharp_pain, self._unwell = sharp_pain, unwell
        self._rows: list[list[QWidget]] = []
        self.bar = QWidget()
        self.grid = grid = QGridLayout(self.bar)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)

        self.previous_button = _button("previousButton",
                                       translate("PlayerView", "◀ Previous"), previous,
                                       translate("PlayerView", "Previous step (←)"))
        self.previous_button.setAccessibleName(translate("PlayerView", "Previous step"))
        self.pause_button = _button("pauseButton", translate("PlayerView", "Pause"), pause,
                                    translate("PlayerView", "Pause or resume (Space)"))
        self.next_button = _button("nextButton", translate("PlayerView", "Next ▶"),
                                   next_step, translate("PlayerView", "Next step (→)"))
        self.next_button.setAccessibleName(translate("PlayerView", "Next step"))
        self.restart_button = _button("restartButton", translate("PlayerView", "Restart step"),
                                      restart,
                                      translate("PlayerView", "Restart this step (R)"))
        self.end_button = _button("endButton", translate("PlayerView", "End session"), end,
                                  translate("PlayerView", "End the session (Esc)"))
        self.sharp_pain_button = sharp_pain_button(
            sharp_pain, translate("PlayerView", "Stops the session at once ({key})").format(
                key=SHARP_PAIN_KEY))
        self.unwell_button = unwell_button(
            unwell, translate("PlayerView", "Dizzy, sudden swelling or feeling ill: stops the "
                                            "session at once ({key})").format(key=UNWELL_KEY))
        self.focus_button = _button("focusModeButton", translate("PlayerView", "Full screen"),
                                    focus,
                                    translate("PlayerView", "Focus mode: full screen with "
                                                            "only what you need on the mat "
                                                            "(F11; Esc leaves it)"))
        self.focus_button.setCheckable(True)
        # The buttons focus mode hides, in their order on screen.
        self.buttons = (self.previous_button, self.pause_button, self.next_button,
                        self.restart_button, self.end_button, self.focus_button)
        # The two stop buttons as one piece: a row of their own at a large text size
        # must not squeeze them into the columns of the buttons above.
        self.stop_buttons = QWidget()
        stop_row = self._stop_row = QHBoxLayout(self.stop_buttons)
        stop_row.setContentsMargins(0, 0, 0, 0)
        stop_row.setSpacing(grid.horizontalSpacing())
        stop_row.addStretch(1)  # the sound and voice toggles go before it when they join
        stop_row.addWidget(self.unwell_button)
        stop_row.addWidget(self.sharp_pain_button)
        outer.addWidget(self.bar)

        hint = plain_label(translate(
            "PlayerView",
            "Keys: Space pause · ← → previous / next step · R restart step · "
            "Esc end · {key} sharp pain · {unwell} unwell").format(
            key=SHARP_PAIN_KEY, unwell=UNWELL_KEY), point_delta=-1,
            object_name="keyHint")
        set_text_colour(hint)
        self.status_note = plain_label("", point_delta=-1, object_name="cueStatus")
        set_text_colour(self.status_note, lambda c: c.warning_text)
        self.key_hint = hint
        self.sound_toggle = StateToggle(
            "soundToggle", translate("PlayerView", "Sound"), translate("PlayerView", "Sound: on"),
            translate("PlayerView", "Sound: off"),
            translate("PlayerView", "Beeps on the last seconds and at each change (M)"))
        self.voice_toggle = StateToggle(
            "voiceToggle", translate("PlayerView", "Voice"), translate("PlayerView", "Voice: on"),
            translate("PlayerView", "Voice: off"),
            translate("PlayerView", "Spoken guidance (V)"))
        self.bottom_bar = QWidget()
        bottom = self._bottom = QHBoxLayout(self.bottom_bar)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(hint, 1)
        bottom.addStretch(0)  # keeps the toggles their size once the hint is hidden
        bottom.addWidget(self.status_note)
        bottom.addWidget(self.sound_toggle)
        bottom.addWidget(self.voice_toggle)
        outer.addWidget(self.bottom_bar)
        self._toggles_beside_stops = False
        self.arrange(10**6, focus_mode=False)

    def bind_keys(self, owner: QWidget, escape: Callable[[], None]) -> None:
        """The buttons' keys, on *owner*; Esc calls *escape*."""
        pause, next_step, previous, restart, focus = self._slots
        for key, slot in (
            (Qt.Key.Key_Space, pause),
            (Qt.Key.Key_Right, next_step),
            (Qt.Key.Key_Left, previous),
            (Qt.Key.Key_R, restart),
            (Qt.Key.Key_Escape, escape),
            (Qt.Key.Key_F11, focus),
            (getattr(Qt.Key, f"Key_{SHARP_PAIN_KEY}"), self._sharp_pain.emit),
            (getattr(Qt.Key, f"Key_{UNWELL_KEY}"), self._unwell.emit),
            (Qt.Key.Key_M, self.sound_toggle.click),
            (Qt.Key.Key_V, self.voice_toggle.click),
        ):
            # Window-wide, so a stray click cannot take the keys away; the player's
            # shortcuts only fire while it is visible.
            shortcut = QShortcut(QKeySequence(key), owner)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    def arrange(self, width: int, *, focus_mode: bool) -> None:
        """The buttons in as few rows as *width* allows; the two stop buttons stay
        together, on the right of the last row. Focus mode leaves only those two."""
        spacing = self.grid.horizontalSpacing()
        rows: list[list[QWidget]] = [[]]
        used = 0
        stops = self.stop_buttons
        groups: list[list[QWidget]] = [
            [b] for b in self.buttons if not focus_mode] + [[stops]]
        for group in groups:
            need = sum(b.sizeHint().width() for b in group) + spacing * len(group)
            if rows[-1] and used + need > width:
                rows.append([])
                used = 0
            rows[-1] += group
            used += need
        # Stop buttons in a row of their own (a narrow window, large text): the sound
        # and voice toggles share it, on the left, rather than take one more line.
        self._toggles_beside(len(rows[-1]) == 1 and not focus_mode)
        if rows == self._rows:
            return
        self._rows = rows
        for b in (*self.buttons, stops):
            self.grid.removeWidget(b)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        last = max(len(r) for r in rows)
        for r, row in enumerate(rows):
            for c, b in enumerate(row):
                if b is not stops:
                    self.grid.addWidget(b, r, c)
                elif c:  # right, after a stretching gap
                    self.grid.addWidget(b, r, last + 1)
                else:  # a row of their own, across the whole width: on the right
                    self.grid.addWidget(b, r, 0, 1, last + 2)
        self.grid.setColumnStretch(last, 1)

    def bottom_bar_used(self) -> bool:
        """Whether the bar under the buttons has anything to show (else it would
        keep an empty line)."""
        return not self.key_hint.isHidden() or bool(self.status_note.text()) \
            or not self._toggles_beside_stops

    def _toggles_beside(self, beside: bool) -> None:
        if beside == self._toggles_beside_stops:
            return
        self._toggles_beside_stops = beside
        toggles = (self.sound_toggle, self.voice_toggle)
        for n, toggle in enumerate(toggles):
            if beside:
                self._stop_row.insertWidget(n, toggle)
            else:
                self._bottom.addWidget(toggle)
            toggle.show()  # a move between parents hides a widget
        # Tab follows the screen: the toggles before the stop buttons on their row.
        first, last = (toggles[1], self.unwell_button) if beside \
            else (self.sharp_pain_button, toggles[0])
        QWidget.setTabOrder(first, last)
