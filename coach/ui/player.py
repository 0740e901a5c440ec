"""The player: what a person on a mat three metres away needs to see and reach.

A big countdown that scales with the window, the phase in words and colour, the
side, the illustration (mirrored for the left side), the step's instructions and
cue, progress, what comes next, the controls, and the two stop buttons (sharp pain,
and a smaller "I feel unwell"), always on screen. Every size is worked out from the
space the player has, so a short window trims the instructions before the digits
shrink, and focus mode (F11) fills the screen with only what matters on the mat. One
single-shot QTimer asks the engine for its state at the engine's next deadline
(each whole second, more often in the last three), so the view sleeps in between.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenuBar,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from coach.routine import Routine, Step
from coach.session import Event, Phase, SessionEngine, Snapshot
from coach.ui import theme
from coach.ui.illustration import Illustration
from coach.ui.widgets import (
    callout,
    clear_layout,
    item_list,
    plain_label,
    plain_tip,
    set_text_colour,
    translate,
)

SHARP_PAIN_KEY = "S"
UNWELL_KEY = "U"


def clock_text(seconds: float) -> str:
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def side_name(side: str) -> str:
    return {"right": translate("Player", "Right side"),
            "left": translate("Player", "Left side")}.get(side, "")


def phase_name(phase: Phase, step: Step, lang: str) -> str:
    """The phase in words: the routine's own cue words where it has them."""
    if phase.kind == "hold":
        return step.hold_cue.get(lang) if step.hold_cue else translate("Player", "Hold")
    if phase.kind == "release":
        return step.release_cue.get(lang) if step.release_cue else \
            translate("Player", "Release")
    if phase.kind == "switch":
        return (translate("Player", "Switch to the left side") if phase.side == "left"
                else translate("Player", "Switch to the right side"))
    return {"get_ready": translate("Player", "Get ready"),
            "work": translate("Player", "Keep going"),
            "rest": translate("Player", "Rest")}[phase.kind]


def spoken_phrase(event: Event, routine: Routine, lang: str) -> str | None:
    """What the voice says for *event* (None: nothing)."""
    if event.kind == "finished":
        return translate("Player", "Well done. That is the end of the routine.")
    if event.kind != "phase_started" or event.phase is None:
        return None
    phase = event.phase
    step = routine.steps[phase.step]
    if phase.kind == "get_ready":
        side = side_name(phase.side)
        title = step.title.get(lang)
        return translate("Player", "{title}. {side}.").format(title=title, side=side) \
            if side else title
    if phase.kind == "work":
        return translate("Player", "Start.")
    if phase.kind == "hold" and step.sides == "alternate":  # which leg, every press
        said = (translate("Player", "{phase}, left leg.") if phase.side == "left"
                else translate("Player", "{phase}, right leg."))
        return said.format(phase=phase_name(phase, step, lang))
    return phase_name(phase, step, lang)


def filled_button_style(background: str, hover: str, on: str, *, padding: str) -> str:
    """A button filled with an accent (the stop buttons), its text in *on*, the
    theme's colour for text on an accent."""
    return (f"QPushButton {{ background: {background}; color: {on}; border-radius: 8px; "
            f"padding: {padding}; }} QPushButton:hover {{ background: {hover}; }}")


_DIGITS = re.compile(r"[0-9]")

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


class PlayerView(QWidget):
    """Shows and controls one running :class:`SessionEngine`.

    Signals:
        end_requested(): the user asked to end the session (Esc or End session).
        sharp_pain(): the sharp-pain button or key: stop at once.
        unwell(): the "I feel unwell" button or key (dizzy, sudden swelling, feeling
            ill): stop at once.
        finished(): the engine reached the end of the routine.
        focus_mode_changed(bool): focus mode (full screen, essentials only) went on
            or off.
    """

    end_requested = Signal()
    focus_mode_changed = Signal(bool)
    sharp_pain = Signal()
    unwell = Signal()
    finished = Signal()

    def __init__(self, engine: SessionEngine, lang: str, *,
                 clock=time.monotonic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player")
        self.setAccessibleName(self.tr("Exercise player"))
        self.setAccessibleDescription(self.tr(
            "Keys: Space pause, Left and Right previous and next step, R restart step, "
            "Escape end, {key} sharp pain, {unwell} unwell").format(
            key=SHARP_PAIN_KEY, unwell=UNWELL_KEY))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.engine = engine
        self.routine = engine.routine
        self.lang = lang
        self._clock = clock
        self._shown_step = -1
        self._shown: tuple[int, int, bool, int] | None = None
        self._colour = ""
        self._refreshing = False
        self._redraw_pending = False
        self._focus_mode = False
        self._window_state_before = Qt.WindowState.WindowNoState
        self._trim = -1
        self._fitted_size: tuple[int, int, bool, bool] | None = None
        self._fits: dict[tuple[object, ...], int] = {}  # words shown -> trim level
        self._control_rows: list[list[QWidget]] = []
        longest = max((p.duration for p in engine.timeline), default=10.0)
        self._digits = max(2, len(str(math.ceil(longest))))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._bind_keys()
        engine.subscribe(self._on_event)
        theme.follow(self, self._recolour)

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        outer = self.outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 12, 18, 12)
        outer.setSpacing(8)

        self.top_bar = QWidget()
        top = QHBoxLayout(self.top_bar)
        top.setContentsMargins(0, 0, 0, 0)
        self.routine_label = plain_label(self.routine.title.get(self.lang), point_delta=2,
                                         bold=True)
        self.step_counter = plain_label("", point_delta=2, object_name="stepCounter")
        self.step_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_left = plain_label("", point_delta=2, object_name="totalLeft")
        self.total_left.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_left.setWordWrap(False)
        self._steady_total_left()
        top.addWidget(self.routine_label, 1)
        if self.routine.levels:  # the level played, next to the routine's name
            from coach.ui.levels import level_title

            self.level_label = plain_label(level_title(self.routine, self.routine.level,
                                                       self.lang), point_delta=2,
                                           object_name="playerLevel")
            self.level_label.setWordWrap(False)
            set_text_colour(self.level_label)
            top.addWidget(self.level_label)
            top.addSpacing(24)
        top.addWidget(self.step_counter)
        top.addSpacing(24)
        top.addWidget(self.total_left)
        outer.addWidget(self.top_bar)
        self.progress = Meter(8)
        self.progress.setObjectName("sessionProgress")
        outer.addWidget(self.progress)

        middle = self.middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        middle.setSpacing(18)
        self.illustration = Illustration()
        middle.addWidget(self.illustration, 5)
        clock_box = QFrame()
        clock_box.setObjectName("clockBox")
        clock_layout = QVBoxLayout(clock_box)
        clock_layout.setContentsMargins(0, 0, 0, 0)
        clock_layout.setSpacing(2)
        # Their sizes come from the space the player has (see _fit_to_size).
        self.phase_label = plain_label("", bold=True, object_name="phaseLabel")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_label = plain_label("", bold=True, object_name="sideLabel")
        self.side_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Paused is said on its own, so the phase still shows where the session is.
        self.paused_label = plain_label(self.tr("Paused"), point_delta=4, bold=True,
                                        object_name="pausedLabel")
        self.paused_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.follow(self.paused_label, lambda c: self.paused_label.setStyleSheet(
            f"QLabel {{ background: {c.paused}; color: {c.window}; "
            "border-radius: 6px; padding: 2px 12px; }"))
        self.paused_label.hide()
        self.countdown = Countdown("countdownLabel")
        self.countdown.setAccessibleName(self.tr("Seconds left in this phase"))
        self.countdown.setAccessibleDescription(self.tr("The big countdown"))
        self.countdown.setWordWrap(False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The digits take whatever room is left and are fitted into it, so their font
        # never asks the layout for more room than the window has.
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.countdown.setMinimumSize(8, 8)
        self.countdown.installEventFilter(self)
        self.total_left.installEventFilter(self)  # its font: _steady_total_left
        self.rep_label = plain_label("", point_delta=4, object_name="repLabel")
        self.rep_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.phase_label, self.side_label):
            clock_layout.addWidget(widget)
        clock_layout.addWidget(self.paused_label, 0, Qt.AlignmentFlag.AlignHCenter)
        clock_layout.addWidget(self.countdown, 1)
        self.phase_meter = Meter(12)
        self.phase_meter.setObjectName("phaseMeter")
        self.phase_meter.setAccessibleName(self.tr("Time left in this phase"))
        clock_layout.addWidget(self.phase_meter)
        clock_layout.addWidget(self.rep_label)
        middle.addWidget(clock_box, 4)
        outer.addLayout(middle, 5)

        self.step_title = plain_label("", point_delta=9, bold=True, object_name="stepTitle")
        self.step_title.setAccessibleDescription(self.tr("Current step"))
        self.phase_label.setAccessibleDescription(self.tr("What to do now"))
        self.side_label.setAccessibleDescription(self.tr("Which side"))
        outer.addWidget(self.step_title)
        self.instructions_box = QVBoxLayout()
        outer.addLayout(self.instructions_box)
        self.cue_label = plain_label("", point_delta=3, object_name="cueLabel")
        set_text_colour(self.cue_label, lambda c: c.cue_text)
        if not self.lang.startswith("ja"):  # no synthetic slant for CJK text
            italic = self.cue_label.font()
            italic.setItalic(True)
            self.cue_label.setFont(italic)
        outer.addWidget(self.cue_label)
        # When space is short, one line replaces the list: the cue or the first step.
        self.instruction_line = plain_label("", point_delta=3, object_name="instructionLine")
        self.instruction_line.setWordWrap(False)
        self.instruction_line.setSizePolicy(QSizePolicy.Policy.Ignored,
                                            QSizePolicy.Policy.Preferred)
        self.instruction_line.hide()
        self._instruction_text = ""
        outer.addWidget(self.instruction_line)
        self.caution_box, caution_layout = callout("stepCautionBox", border=4)
        caution_layout.setContentsMargins(10, 6, 10, 6)
        self.caution_label = plain_label("", point_delta=1, object_name="stepCaution")
        caution_layout.addWidget(self.caution_label)
        outer.addWidget(self.caution_box)
        self.next_label = plain_label("", point_delta=1, object_name="nextUp")
        set_text_colour(self.next_label)
        outer.addWidget(self.next_label)

        self.controls_bar = QWidget()
        self.controls = controls = QGridLayout(self.controls_bar)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setHorizontalSpacing(8)

        def button(name: str, text: str, slot, tip: str) -> QPushButton:
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

        self.previous_button = button("previousButton", self.tr("◀ Previous"),
                                      self.previous_step, self.tr("Previous step (←)"))
        self.previous_button.setAccessibleName(self.tr("Previous step"))
        self.pause_button = button("pauseButton", self.tr("Pause"), self.toggle_pause,
                                   self.tr("Pause or resume (Space)"))
        self.next_button = button("nextButton", self.tr("Next ▶"), self.next_step,
                                  self.tr("Next step (→)"))
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.restart_button = button("restartButton", self.tr("Restart step"),
                                     self.restart_step, self.tr("Restart this step (R)"))
        self.end_button = button("endButton", self.tr("End session"), self.end_requested,
                                 self.tr("End the session (Esc)"))
        def stop_button(stop: QPushButton, height: int, point_delta: float,
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

        self.sharp_pain_button = stop_button(button(
            "sharpPainButton", self.tr("Sharp pain – stop"), self.sharp_pain,
            self.tr("Stops the session at once ({key})").format(key=SHARP_PAIN_KEY)),
            56, 4, lambda c: c.sharp_pain, "6px 18px")
        self.unwell_button = stop_button(button(
            "unwellButton", self.tr("I feel unwell"), self.unwell,
            self.tr("Dizzy, sudden swelling or feeling ill: stops the session at once "
                    "({key})").format(key=UNWELL_KEY)),
            48, 1, lambda c: c.unwell, "4px 12px")
        self.focus_button = button("focusModeButton", self.tr("Full screen"),
                                   self.toggle_focus_mode,
                                   self.tr("Focus mode: full screen with only what you need "
                                           "on the mat (F11; Esc leaves it)"))
        self.focus_button.setCheckable(True)
        # The two stop buttons as one piece: a row of their own at a large text size
        # must not squeeze them into the columns of the buttons above.
        self.stop_buttons = QWidget()
        stop_row = QHBoxLayout(self.stop_buttons)
        stop_row.setContentsMargins(0, 0, 0, 0)
        stop_row.setSpacing(controls.horizontalSpacing())
        stop_row.addWidget(self.unwell_button)
        stop_row.addWidget(self.sharp_pain_button)
        self._arrange_controls(10**6)
        outer.addWidget(self.controls_bar)
        hint = plain_label(self.tr(
            "Keys: Space pause · ← → previous / next step · R restart step · "
            "Esc end · {key} sharp pain · {unwell} unwell").format(
            key=SHARP_PAIN_KEY, unwell=UNWELL_KEY), point_delta=-1,
            object_name="keyHint")
        set_text_colour(hint)
        self.status_note = plain_label("", point_delta=-1, object_name="cueStatus")
        set_text_colour(self.status_note, lambda c: c.warning_text)
        self.sound_toggle = self._toggle("soundToggle", self.tr("Sound"),
                                         self.tr("Beeps on the last seconds and at each "
                                                 "change (M)"))
        self.voice_toggle = self._toggle("voiceToggle", self.tr("Voice"),
                                         self.tr("Spoken guidance (V)"))
        self.bottom_bar = QWidget()
        bottom = QHBoxLayout(self.bottom_bar)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.status_note)
        bottom.addWidget(self.sound_toggle)
        bottom.addWidget(self.voice_toggle)
        outer.addWidget(self.bottom_bar)

    def _toggle(self, name: str, text: str, tip: str) -> QPushButton:
        toggle = QPushButton(text)
        toggle.setObjectName(name)
        toggle.setCheckable(True)
        toggle.setToolTip(tip)
        toggle.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        toggle.setAccessibleDescription(tip)
        theme.follow(toggle, lambda c: toggle.setStyleSheet(
            "QPushButton { padding: 4px 12px; } QPushButton:checked { "
            f"background: {c.toggle_on}; color: {c.on_accent}; }}"))
        return toggle

    def _bind_keys(self) -> None:
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_pause),
            (Qt.Key.Key_Right, self.next_step),
            (Qt.Key.Key_Left, self.previous_step),
            (Qt.Key.Key_R, self.restart_step),
            (Qt.Key.Key_Escape, self._escape),
            (Qt.Key.Key_F11, self.toggle_focus_mode),
            (getattr(Qt.Key, f"Key_{SHARP_PAIN_KEY}"), self.sharp_pain.emit),
            (getattr(Qt.Key, f"Key_{UNWELL_KEY}"), self.unwell.emit),
            (Qt.Key.Key_M, self.sound_toggle.click),
            (Qt.Key.Key_V, self.voice_toggle.click),
        ):
            # Window-wide, so a stray click cannot take the keys away; the player's
            # shortcuts only fire while it is visible.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # -- running -------------------------------------------------------------------
    def start(self) -> None:
        self.setFocus()
        self.engine.start()
        self.refresh()

    def toggle_pause(self) -> None:
        self._command(self.engine.toggle_pause)

    def next_step(self) -> None:
        self._command(self.engine.next_step)

    def previous_step(self) -> None:
        self._command(self.engine.previous_step)

    def restart_step(self) -> None:
        self._command(self.engine.restart_step)

    def _command(self, action: Callable[[], None]) -> None:
        """Run a user's command on the engine, then redraw and re-arm at once."""
        self._refreshing = True
        try:
            action()
        finally:
            self._refreshing = False
        if self.engine.state in ("running", "paused"):
            self.refresh()

    def refresh(self) -> None:
        """Bring the display up to the clock and sleep until the next change."""
        self._refreshing = True
        try:
            snapshot = self.engine.update()
        finally:
            self._refreshing = False
        self._redraw_pending = False
        self._render(snapshot)
        deadline = self.engine.next_deadline()
        if deadline is None:
            self._timer.stop()
        else:
            delay = max(0.0, deadline - self._clock())
            self._timer.start(max(1, round(delay * 1000 + 0.5)))

    def _on_event(self, event: Event) -> None:
        if event.kind == "finished":
            self._timer.stop()
            self.finished.emit()
        elif event.kind == "stopped":
            self._timer.stop()
        elif not self._refreshing and not self._redraw_pending:
            # Something outside the player moved the session: redraw and re-arm the
            # timer once, after the engine has finished its own work.
            self._redraw_pending = True
            QTimer.singleShot(0, self.refresh)

    def stop_timer(self) -> None:
        self._timer.stop()

    def set_status_note(self, text: str) -> None:
        self.status_note.setText(text)

    # -- rendering -----------------------------------------------------------------
    def _recolour(self, _colours: theme.Theme) -> None:
        """Another theme: the phase's colour is chosen again at once."""
        self._colour = ""
        self._shown = None
        if self.engine.state in ("running", "paused"):
            self.refresh()

    def _render(self, snap: Snapshot) -> None:
        """Meters every frame; the number and the clock every second; the words (and
        their fitting) only when the phase or the pause changes."""
        phase = snap.phase
        if phase is None:
            return
        self.progress.set_fraction(snap.elapsed / snap.total if snap.total else 0.0)
        self.phase_meter.set_fraction(snap.phase_remaining / phase.duration)
        paused = snap.state == "paused"
        shown = (phase.index, snap.countdown, paused, round(snap.remaining))
        before = self._shown
        if shown == before:
            return
        step = self.routine.steps[phase.step]
        new_phase = before is None or before[0] != phase.index
        if new_phase or before is None or before[2] != paused:
            self._render_words(snap, step, paused, new_phase)
        self.countdown.setText(str(snap.countdown))
        self._describe_countdown(snap.countdown, phase_name(phase, step, self.lang),
                                 side_name(phase.side), step.title.get(self.lang), new_phase)
        self.total_left.setText(self.tr("{time} left").format(time=clock_text(snap.remaining)))
        self._shown = shown

    def _render_words(self, snap: Snapshot, step: Step, paused: bool, new_phase: bool
                      ) -> None:
        """What changes with the phase or the pause: names, colours, repetitions, the
        picture, the cue, the pause button."""
        phase = snap.phase
        assert phase is not None
        if phase.step != self._shown_step:
            self._show_step(phase.step)
        colours = theme.current()
        colour = colours.paused if paused else colours.phase[phase.kind]
        self.phase_label.setText(phase_name(phase, step, self.lang))
        self.paused_label.setVisible(paused)
        if colour != self._colour:
            self._colour = colour
            # Painted directly, not followed (set_text_colour): this view's own
            # _recolour paints them again when the theme changes.
            for label in (self.phase_label, self.countdown):
                palette = label.palette()
                for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
                    palette.setColor(role, QColor(colour))
                label.setPalette(palette)
            self.phase_meter.set_colour(colour)
        self.side_label.setText(side_name(phase.side))
        reps = ""
        if phase.reps:
            reps = self.tr("Repetition {n} of {total}").format(n=phase.rep, total=phase.reps)
        if phase.sets > 1:
            sets = self.tr("Set {n} of {total}").format(n=phase.set, total=phase.sets)
            reps = f"{reps} · {sets}" if reps else sets
        self.rep_label.setText(reps)
        self.illustration.show_image(str(step.illustration) if step.illustration else None,
                                     mirrored=phase.side == "left")
        self.illustration.setVisible(step.illustration is not None)
        cues = step.cues.get(self.lang)
        cue = cues[phase.index % len(cues)] if cues else ""
        self.cue_label.setText(cue)
        self._has_cue = bool(cues)
        instructions = step.instructions.get(self.lang)
        self._set_instruction_line(cue or (instructions[0] if instructions else ""))
        if new_phase:  # other words: fit them again
            self._fit_to_size()
        else:
            self._apply_trim()
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setAccessibleName(self.pause_button.text())

    def _describe_countdown(self, seconds: int, phase: str, side: str, step: str,
                            new_phase: bool) -> None:
        """The countdown's accessible name says what the number means; a new phase or
        side is announced (Qt 6.8+), and also written into its description for screen
        readers that poll rather than listen."""
        where = self.tr("{phase}, {side}").format(phase=phase, side=side.lower()) \
            if side else phase
        self.countdown.setAccessibleName(self.tr("{n} seconds left in {where}").format(
            n=seconds, where=where))
        if not new_phase:
            return
        message = self.tr("{step}: {where}").format(step=step, where=where)
        self.countdown.setAccessibleDescription(message)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(self.countdown, message))

    def _show_step(self, index: int) -> None:
        self._shown_step = index
        step = self.routine.steps[index]
        self.step_title.setText(step.title.get(self.lang))
        self.step_counter.setText(self.tr("Step {n} of {total}").format(
            n=index + 1, total=len(self.routine.steps)))
        clear_layout(self.instructions_box)
        self.instructions_box.addWidget(item_list(step.instructions.get(self.lang),
                                                  numbered=True))
        caution = step.caution.get(self.lang) if step.caution else ""
        self.caution_label.setText(caution)
        self.caution_box.setVisible(bool(caution))
        if index + 1 < len(self.routine.steps):
            following = self.routine.steps[index + 1].title.get(self.lang)
            self.next_label.setText(self.tr("Next: {title}").format(title=following))
        else:
            self.next_label.setText(self.tr("Next: the end of the routine"))

    def _set_instruction_line(self, text: str) -> None:
        self._instruction_text = text
        self.instruction_line.setToolTip(plain_tip(text))  # routine text, literal
        self.instruction_line.setAccessibleName(text)
        self._elide_instruction()

    def _elide_instruction(self) -> None:
        width = max(0, self.width() - 40)
        self.instruction_line.setText(self.instruction_line.fontMetrics().elidedText(
            self._instruction_text, Qt.TextElideMode.ElideRight, width))

    # -- focus mode ------------------------------------------------------------------
    def focus_mode(self) -> bool:
        return self._focus_mode

    def toggle_focus_mode(self) -> None:
        self.set_focus_mode(not self._focus_mode)

    def set_focus_mode(self, on: bool) -> None:
        """Full screen with only the countdown, side, phase, picture, one line of
        instruction and the two stop buttons; off restores the window as it was."""
        if on == self._focus_mode:
            return
        self._focus_mode = on
        self.focus_button.setChecked(on)
        window = self.window()
        for bar in (window.findChild(QMenuBar), window.findChild(QStatusBar)):
            if bar is not None and bar.window() is window:
                bar.setVisible(not on)
        if on:
            self._window_state_before = window.windowState()
            window.setWindowState(self._window_state_before | Qt.WindowState.WindowFullScreen)
        else:
            window.setWindowState(self._window_state_before
                                  & ~Qt.WindowState.WindowFullScreen)
        self._trim = -1
        self._fit_to_size()
        self.focus_mode_changed.emit(on)

    def _escape(self) -> None:
        """Esc leaves focus mode first; otherwise it asks to end the session."""
        if self._focus_mode:
            self.set_focus_mode(False)
        else:
            self.end_requested.emit()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        if not self.isVisible():  # the session moved on: give the window back
            self.set_focus_mode(False)

    # -- sizing ----------------------------------------------------------------------
    def _arrange_controls(self, width: int) -> None:
        """The buttons in as few rows as *width* allows; the two stop buttons stay
        together, on the right of the last row."""
        spacing = self.controls.horizontalSpacing()
        rows: list[list[QWidget]] = [[]]
        used = 0
        stops = self.stop_buttons
        groups: list[list[QWidget]] = [
            [b] for b in (self.previous_button, self.pause_button, self.next_button,
                          self.restart_button, self.end_button, self.focus_button)
            if not self._focus_mode] + [[stops]]
        for group in groups:
            need = sum(b.sizeHint().width() for b in group) + spacing * len(group)
            if rows[-1] and used + need > width:
                rows.append([])
                used = 0
            rows[-1] += group
            used += need
        if rows == self._control_rows:
            return
        self._control_rows = rows
        for b in (self.previous_button, self.pause_button, self.next_button,
                  self.restart_button, self.end_button, self.focus_button, stops):
            self.controls.removeWidget(b)
        for column in range(self.controls.columnCount()):
            self.controls.setColumnStretch(column, 0)
        last = max(len(r) for r in rows)
        for r, row in enumerate(rows):
            for c, b in enumerate(row):
                if b is not stops:
                    self.controls.addWidget(b, r, c)
                elif c:  # right, after a stretching gap
                    self.controls.addWidget(b, r, last + 1)
                else:  # a row of their own: right, across the whole width
                    self.controls.addWidget(b, r, 0, 1, last + 2, Qt.AlignmentFlag.AlignRight)
        self.controls.setColumnStretch(last, 1)

    def _instructions_widget(self) -> QWidget | None:
        item = self.instructions_box.itemAt(0)
        return item.widget() if item is not None else None

    def _apply_trim(self) -> None:
        """Show what the current trim level (or focus mode) leaves."""
        focus = self._focus_mode
        level = self._trim if self._trim >= 0 else 0
        optional = [self.bottom_bar, self.next_label, self._instructions_widget(),
                    self.top_bar, self.rep_label, self.progress]
        for n, widget in enumerate(optional):
            if widget is not None:
                widget.setVisible(not focus and n >= level)
        list_shown = not focus and level <= 2
        self.cue_label.setVisible(list_shown and getattr(self, "_has_cue", False))
        self.instruction_line.setVisible(not list_shown and bool(self._instruction_text))
        self.caution_box.setVisible(not focus and level <= len(optional)
                                    and bool(self.caution_label.text()))
        self.step_title.setVisible(not focus)
        for widget in (self.previous_button, self.pause_button, self.next_button,
                       self.restart_button, self.end_button, self.focus_button):
            widget.setVisible(not focus)

    def _height_needed(self, width: int) -> int:
        """Height the player's layout wants at *width*, leaving out the middle."""
        total = 0
        count = 0
        for i in range(self.outer.count()):
            item = self.outer.itemAt(i)
            if item.layout() is self.middle or item.isEmpty():
                continue
            widget = item.widget()
            if widget is not None and widget.hasHeightForWidth():
                total += widget.heightForWidth(width)
            elif item.hasHeightForWidth():
                total += item.heightForWidth(width)
            else:
                total += item.sizeHint().height()
            count += 1
        margins = self.outer.contentsMargins()
        return total + self.outer.spacing() * count + margins.top() + margins.bottom()

    def _fit_to_size(self) -> None:
        """Size the words from the space there is, and trim until the clock has room.
        A fit depends only on the size and the words shown, so each one found is kept
        (a hold and its release come back many times in a step); a new size starts
        afresh."""
        width, height = self.width(), self.height()
        if width <= 0 or height <= 0:
            return
        size = (width, height, self._focus_mode, self.illustration.isHidden())
        if size != self._fitted_size:
            self._fitted_size = size
            self._fits.clear()
        # Digits are all as wide (tabular): "Repetition 3 of 12" fits as "1 of 12" did.
        key = (self._shown_step, self.phase_label.text(), self.side_label.text(),
               _DIGITS.sub("0", self.rep_label.text()), self.cue_label.text(),
               self._instruction_text)
        known = self._fits.get(key)
        if known is not None:
            self._trim = known
            self._apply_trim()
            return
        self._fit_words(width, height)
        self._fits[key] = self._trim

    def _fit_words(self, width: int, height: int) -> None:
        em = QFontMetrics(self.font()).height()
        # Which leg and which phase: large, from the space, readable across the room.
        share = 0.1 if self._focus_mode else 0.07  # focus mode: larger words and digits
        words = max(1.4 * em, min(height * share, width * share * 0.65))
        for label in (self.side_label, self.phase_label):
            font = QFont(label.font())
            font.setPixelSize(round(words))
            font.setBold(True)
            label.setFont(font)
        line = QFont(self.instruction_line.font())
        line.setPixelSize(round(max(1.25 * em, words * 0.45)))
        self.instruction_line.setFont(line)
        narrow = width < height * 0.9
        self.middle.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                 else QBoxLayout.Direction.LeftToRight)
        inner = width - self.outer.contentsMargins().left() \
            - self.outer.contentsMargins().right()
        self._arrange_controls(inner)
        # Room the clock needs: the phase and side words, digits about three times as
        # tall as the words, the meter.
        clock_width = inner if narrow or self.illustration.isHidden() else inner * 4 // 9
        clock = (self.phase_label.heightForWidth(clock_width)
                 + self.side_label.heightForWidth(clock_width) + round(words * 3.2) + 24)
        if narrow:
            clock += round(height * 0.2)  # the picture sits above the clock
        # Wide and short: the picture and the clock side by side, the list trimmed.
        first = 3 if width >= 2 * height else 0
        for level in range(first, 8):
            self._trim = level
            self._apply_trim()
            self.outer.invalidate()
            if self._height_needed(inner) + clock <= height:
                break
        self._elide_instruction()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_to_size()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.countdown and event.type() == QEvent.Type.Resize:
            self._fit_countdown()
        elif watched is self.total_left and event.type() == QEvent.Type.FontChange:
            self._steady_total_left()
        return super().eventFilter(watched, event)

    def _steady_total_left(self) -> None:
        """The time left changes every second, and each new text would make a QLabel
        ask the whole layout again (and the window for its size hints, an X request):
        the label keeps the size of the widest such text instead, which stops that at
        the label."""
        label = self.total_left
        metrics = label.fontMetrics()
        widest = max("0123456789", key=metrics.horizontalAdvance)
        minutes = len(str(math.ceil(self.engine.total) // 60))
        shown = label.text()
        label.setMinimumSize(0, 0)
        label.setMaximumSize(16777215, 16777215)
        label.setText(self.tr("{time} left").format(time=f"{widest * minutes}:{widest * 2}"))
        label.setFixedSize(label.sizeHint())
        label.setText(shown)

    def _fit_countdown(self) -> None:
        """The largest digits whose widest countdown fits the label's rectangle, and
        no more than four times as tall as the side's words."""
        rect = self.countdown.contentsRect()
        font = QFont(self.countdown.font())
        font.setBold(True)
        font.setPixelSize(100)
        metrics = QFontMetrics(font)
        widest = max("0123456789", key=metrics.horizontalAdvance) * self._digits
        scale = min((rect.width() - 4) / max(1, metrics.horizontalAdvance(widest)),
                    (rect.height() - 2) / max(1, metrics.height()))
        side = QFontMetrics(self.side_label.font()).capHeight()
        digit_height = max(1, metrics.tightBoundingRect(widest).height())
        scale = min(scale, 3.8 * side / digit_height)
        size = max(6, int(100 * scale))
        font.setPixelSize(size)
        while size > 6 and (QFontMetrics(font).horizontalAdvance(widest) > rect.width()
                            or QFontMetrics(font).height() > rect.height()):
            size -= 1
            font.setPixelSize(size)
        if font != self.countdown.font():
            self.countdown.setFont(font)
