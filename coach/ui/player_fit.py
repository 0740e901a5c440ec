"""How the player fits the space it has: what a short window trims, how large the
words and the digits are, and the sizes that keep a new second from laying out."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from coach.ui.widgets import plain_tip, translate

if TYPE_CHECKING:
    from coach.ui.clock_widgets import Countdown
    from coach.ui.player import PlayerView
    from coach.ui.player_controls import PlayerControls

_DIGITS = re.compile(r"[0-9]")


class PlayerFit:
    """Sizes a :class:`PlayerView`'s words from its size and hides, level by level,
    what does not fit (the key hint first, then what comes next; then, after trying
    smaller words and digits, the instructions' list, ...) until the clock has room;
    focus mode leaves only the essentials. When the list goes, one elided line of
    instruction replaces it."""

    def __init__(self, view: PlayerView, controls: PlayerControls) -> None:
        self._view = view
        self._controls = controls
        self._trim = -1
        self._fitted_size: tuple[int, int, bool, bool] | None = None
        # words shown -> (trim level, scale of the words, lines of the instruction)
        self._fits: dict[tuple[object, ...], tuple[int, float, int]] = {}
        self._scale = 1.0
        self._lines = 2  # the one-line instruction may take two when there is room
        self._instruction_text = ""
        self._elided = False  # the line is cut short: "Read all" stands beside it
        self._fitting = False  # in fit_to_size (it may be asked again meanwhile)
        self._again = False
        self._has_cue = False
        # The phase shown is "Get ready": the time to read how the step is done, so
        # the digits may give the instructions more room than while working.
        self.reading = False

    def set_instruction_line(self, text: str, *, has_cue: bool) -> None:
        """The line that replaces the list when space is short: *text* is the cue or
        the first step; *has_cue* says whether the step has cues for the list's place."""
        self._has_cue = has_cue
        self._instruction_text = text
        line = self._view.instruction_line
        line.setToolTip(plain_tip(text))  # routine text, literal
        line.setAccessibleName(text)
        self.elide_instruction()

    def elide_instruction(self) -> None:
        """The line at its size, cut short with "…" if it must be; then "Read all"
        beside it takes the room it needs from the line."""
        view = self._view
        line, text = view.instruction_line, self._instruction_text
        width = max(0, view.width() - 40)
        shown = elided_lines(text, line.font(), width, self._lines)
        self._elided = "".join(shown.split()) != "".join(text.split())
        if self._elided:
            room = view.read_all_button.sizeHint().width() + 8
            shown = elided_lines(text, line.font(), max(0, width - room), self._lines)
        line.setText(shown)
        view.read_all_button.setVisible(self._elided and not line.isHidden())

    def _instructions_widget(self) -> QWidget | None:
        item = self._view.instructions_box.itemAt(0)
        return item.widget() if item is not None else None

    def apply_trim(self) -> None:
        """Show what the current trim level (or focus mode) leaves."""
        view = self._view
        focus = view.focus_mode()
        level = self._trim if self._trim >= 0 else 0
        # The sound and voice toggles stay (under the key hint, which goes first).
        # Where the session stands (its counter, its meter) before the repetitions.
        optional = [self._controls.key_hint, view.next_label, self._instructions_widget(),
                    view.top_bar, view.progress, view.rep_label]
        for n, widget in enumerate(optional):
            if widget is not None:
                widget.setVisible(not focus and n >= level)
        self._controls.bottom_bar.setVisible(not focus and self._controls.bottom_bar_used())
        list_shown = not focus and level <= 2
        view.cue_label.setVisible(list_shown and self._has_cue)
        view.instruction_line.setVisible(not list_shown and bool(self._instruction_text))
        view.read_all_button.setVisible(self._elided and not view.instruction_line.isHidden())
        view.caution_box.setVisible(not focus and level <= len(optional)
                                    and bool(view.caution_label.text()))
        view.step_title.setVisible(not focus)
        for widget in self._controls.buttons:
            widget.setVisible(not focus)

    def _height_needed(self, width: int) -> int:
        """Height the player's layout wants at *width*, leaving out the middle."""
        outer = self._view.outer
        total = 0
        count = 0
        for i in range(outer.count()):
            item = outer.itemAt(i)
            if item.layout() is self._view.middle or item.isEmpty():
                continue
            widget = item.widget()
            if widget is not None and widget.hasHeightForWidth():
                total += widget.heightForWidth(width)
            elif item.hasHeightForWidth():
                total += item.heightForWidth(width)
            else:
                total += item.sizeHint().height()
            count += 1
        margins = outer.contentsMargins()
        return total + outer.spacing() * count + margins.top() + margins.bottom()

    def refit(self, step: int) -> None:
        """Fit again from scratch: what the player shows changed in a way the fits
        kept do not know about (a status note came or went)."""
        self._fitted_size = None
        self.fit_to_size(step, reset_trim=True)

    def fit_to_size(self, step: int, *, reset_trim: bool = False) -> None:
        """Size the words from the space there is, and trim until the clock has room.
        A fit depends only on the size and the words shown (*step* is the step shown),
        so each one found is kept (a hold and its release come back many times in a
        step); a new size starts afresh. *reset_trim*: forget the level shown now."""
        if self._fitting:
            # Showing or hiding a part while fitting can resize the player at once
            # (a window that must grow), which came back here in the middle of a fit
            # and left the parts shown for one level and the level of another: fit
            # again once this fit is done.
            self._again = True
            return
        self._fitting = True
        try:
            for _ in range(3):  # a size that keeps changing settles in a step or two
                self._again = False
                self._fit_to_size(step, reset_trim=reset_trim)
                if not self._again:
                    break
                reset_trim = False
        finally:
            self._fitting = False

    def _fit_to_size(self, step: int, *, reset_trim: bool) -> None:
        if reset_trim:
            self._trim = -1
        view = self._view
        width, height = view.width(), view.height()
        if width <= 0 or height <= 0:
            return
        size = (width, height, view.focus_mode(), view.illustration.isHidden())
        if size != self._fitted_size:
            self._fitted_size = size
            self._fits.clear()
        # Digits are all as wide (tabular): "Repetition 3 of 12" fits as "1 of 12" did.
        key = (step, view.phase_label.text(), view.side_label.text(),
               _DIGITS.sub("0", view.rep_label.text()), view.cue_label.text(),
               self._instruction_text, self.reading)
        known = self._fits.get(key)
        if known is not None:
            self._trim, scale, lines = known
            if (scale, lines) != (self._scale, self._lines):
                self._fit_words(width, height, only=known)
            else:
                self.apply_trim()
            return
        self._fit_words(width, height)
        self._fits[key] = (self._trim, self._scale, self._lines)

    def _fit_words(self, width: int, height: int, *,
                   only: tuple[int, float, int] | None = None) -> None:
        """Find the first way to make room that gives the clock enough (*only*: use
        that one, found before)."""
        view = self._view
        focus = view.focus_mode()
        narrow = width < height * 0.9
        view.middle.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                 else QBoxLayout.Direction.LeftToRight)
        inner = width - view.outer.contentsMargins().left() \
            - view.outer.contentsMargins().right()
        self._controls.arrange(inner, focus_mode=focus)
        # Which leg and which phase: large, from the space, readable across the room.
        share = 0.1 if focus else 0.07  # focus mode: larger words and digits
        # Wide and short: the picture and the clock side by side, the list trimmed.
        first = 3 if width >= 2 * height else 0
        # How to make room, in order: the key hint, then what comes next; then words
        # and digits a little smaller (no more: they are read from the mat), since the
        # instructions say how to do the exercise; only then the list, and more.
        # Once the list is gone, its one line of instruction may take two: the whole cue
        # rather than "the k…" matters more than where the session stands (counter and
        # meter), less than the repetitions, which go last.
        # Getting ready, the line says how to set up: three lines if they fit.
        most = 3 if self.reading else 2
        tries = [(level, 1.0, 1 if level < 3 else most) for level in range(first, 6)] \
            + [(level, 1.0, 2) for level in range(max(first, 3), 6) if most > 2] \
            + [(level, 1.0, 1) for level in range(max(first, 3), 8)]
        if first == 0:
            # Getting ready, the list matters more than large digits: a first-time
            # user learns the step from it (on a 1024x600 screen it was never shown).
            tries[3:3] = [(2, 0.85, 1), (2, 0.7, 1), (2, 0.55, 1)] if self.reading \
                else [(2, 0.85, 1)]
        for level, scale, lines in [only] if only is not None else tries:
            self._lines = lines
            clock = self._size_words(width, height, share * scale, inner, narrow)
            self._trim, self._scale = level, scale
            self.apply_trim()
            view.outer.invalidate()
            if self._height_needed(inner) + clock <= height:
                break

    def _size_words(self, width: int, height: int, share: float, inner: int,
                    narrow: bool) -> int:
        """Set the phase and side words (and the one-line instruction) at *share* of
        the space; return the height the clock then needs."""
        view = self._view
        em = QFontMetrics(view.font()).height()
        words = max(1.15 * em, min(height * share, width * share * 0.65))
        for label in (view.side_label, view.phase_label):
            font = QFont(label.font())
            font.setPixelSize(round(words))
            font.setBold(True)
            label.setFont(font)
        line = QFont(view.instruction_line.font())
        line.setPixelSize(round(max((1.25 if self._lines == 1 else 1.1) * em, words * 0.45)))
        view.instruction_line.setFont(line)
        self.elide_instruction()  # its height at this size counts
        # Room the clock needs: the phase and side words, digits about three times as
        # tall as the words, the meter.
        clock_width = inner if narrow or view.illustration.isHidden() else inner * 4 // 9
        clock = (view.phase_label.heightForWidth(clock_width)
                 + view.side_label.heightForWidth(clock_width) + round(words * 3.2) + 24)
        if narrow:
            clock += round(height * 0.2)  # the picture sits above the clock
        return clock


def elided_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """*text* in at most *lines* lines of *width* pixels, broken where a word-wrapped
    label would break it, the last line elided ("…") if the rest does not fit."""
    from PySide6.QtGui import QTextLayout

    metrics = QFontMetrics(font)
    if lines <= 1 or metrics.horizontalAdvance(text) <= width:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts = []
    while len(starts) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    broken = [text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]
    rest = metrics.elidedText(text[starts[-1]:].strip(), Qt.TextElideMode.ElideRight, width)
    return "\n".join([*broken, rest])


def steady_total_left(label: QLabel, total: float) -> None:
    """The time left changes every second, and each new text would make a QLabel
    ask the whole layout again (and the window for its size hints, an X request):
    the label keeps the size of the widest such text instead (for a session of
    *total* seconds), which stops that at the label."""
    metrics = label.fontMetrics()
    widest = max("0123456789", key=metrics.horizontalAdvance)
    minutes = len(str(math.ceil(total) // 60))
    shown = label.text()
    label.setMinimumSize(0, 0)
    label.setMaximumSize(16777215, 16777215)
    label.setText(translate("PlayerView", "{time} left").format(
        time=f"{widest * minutes}:{widest * 2}"))
    label.setFixedSize(label.sizeHint())
    label.setText(shown)


def fit_countdown(countdown: Countdown, side_label: QLabel, digits: int) -> None:
    """The largest digits whose widest countdown (of *digits* digits) fits the
    label's rectangle, and no more than four times as tall as the side's words."""
    rect = countdown.contentsRect()
    font = QFont(countdown.font())
    font.setBold(True)
    font.setPixelSize(100)
    metrics = QFontMetrics(font)
    widest = max("0123456789", key=metrics.horizontalAdvance) * digits
    scale = min((rect.width() - 4) / max(1, metrics.horizontalAdvance(widest)),
                (rect.height() - 2) / max(1, metrics.height()))
    side = QFontMetrics(side_label.font()).capHeight()
    digit_height = max(1, metrics.tightBoundingRect(widest).height())
    scale = min(scale, 3.8 * side / digit_height)
    size = max(6, int(100 * scale))
    font.setPixelSize(size)
    while size > 6 and (QFontMetrics(font).horizontalAdvance(widest) > rect.width()
                        or QFontMetrics(font).height() > rect.height()):
        size -= 1
        font.setPixelSize(size)
    if font != countdown.font():
        countdown.setFont(font)
