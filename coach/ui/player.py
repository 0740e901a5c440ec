"""The player: what a person on a mat three metres away needs to see and reach.

A big countdown that scales with the window, the phase in words and colour, the
side, the illustration (mirrored for the left side), the step's instructions and
cue, progress, what comes next, the controls, and the two stop buttons (sharp pain,
and a smaller "I feel unwell"), always on screen. One
single-shot QTimer asks the engine for its state at the engine's next deadline
(each whole second, more often in the last three), so the view sleeps in between.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import (
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.routine import Routine, Step
from coach.session import Event, Phase, SessionEngine, Snapshot
from coach.ui.illustration import Illustration
from coach.ui.widgets import (
    callout,
    clear_layout,
    item_list,
    plain_label,
    set_text_colour,
    translate,
)

PHASE_COLOURS = {"get_ready": "#5b6b7f", "work": "#0e7c78", "hold": "#0e7c78",
                 "release": "#3d6fb6", "rest": "#3d6fb6", "switch": "#8a5cc2"}
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


class Meter(QWidget):
    """A thin bar showing a fraction; repaints only when a pixel would change, so the
    smooth last seconds of a phase cost almost nothing."""

    def __init__(self, height: int, colour: str = "#3d6fb6",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.fraction = 0.0
        self.colour = QColor(colour)
        self._pixels = -1

    def set_fraction(self, fraction: float) -> None:
        self.fraction = max(0.0, min(1.0, fraction))
        pixels = round(self.fraction * self.width())
        if pixels != self._pixels:
            self._pixels = pixels
            self.update()

    def set_colour(self, colour: str) -> None:
        if QColor(colour) != self.colour:
            self.colour = QColor(colour)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = self.height() / 2
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(QRectF(0, 0, self.fraction * self.width(), self.height()),
                                radius, radius)


class PlayerView(QWidget):
    """Shows and controls one running :class:`SessionEngine`.

    Signals:
        end_requested(): the user asked to end the session (Esc or End session).
        sharp_pain(): the sharp-pain button or key: stop at once.
        unwell(): the "I feel unwell" button or key (dizzy, sudden swelling, feeling
            ill): stop at once.
        finished(): the engine reached the end of the routine.
    """

    end_requested = Signal()
    sharp_pain = Signal()
    unwell = Signal()
    finished = Signal()

    def __init__(self, engine: SessionEngine, lang: str, *,
                 clock=time.monotonic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player")
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
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._bind_keys()
        engine.subscribe(self._on_event)

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 12, 18, 12)
        outer.setSpacing(8)

        top = QHBoxLayout()
        self.routine_label = plain_label(self.routine.title.get(self.lang), point_delta=2,
                                         bold=True)
        self.step_counter = plain_label("", point_delta=2, object_name="stepCounter")
        self.step_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_left = plain_label("", point_delta=2, object_name="totalLeft")
        self.total_left.setAlignment(Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.routine_label, 1)
        top.addWidget(self.step_counter)
        top.addSpacing(24)
        top.addWidget(self.total_left)
        outer.addLayout(top)
        self.progress = Meter(8)
        self.progress.setObjectName("sessionProgress")
        outer.addWidget(self.progress)

        middle = QHBoxLayout()
        middle.setSpacing(18)
        self.illustration = Illustration()
        middle.addWidget(self.illustration, 5)
        clock_box = QFrame()
        clock_box.setObjectName("clockBox")
        clock_layout = QVBoxLayout(clock_box)
        clock_layout.setSpacing(2)
        self.phase_label = plain_label("", point_delta=14, bold=True, object_name="phaseLabel")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_label = plain_label("", point_delta=8, bold=True, object_name="sideLabel")
        self.side_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = plain_label("", object_name="countdownLabel")
        self.countdown.setAccessibleName(self.tr("Seconds left in this phase"))
        self.countdown.setWordWrap(False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Expanding,
                                     QSizePolicy.Policy.Expanding)
        self.rep_label = plain_label("", point_delta=4, object_name="repLabel")
        self.rep_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.phase_label, self.side_label):
            clock_layout.addWidget(widget)
        clock_layout.addWidget(self.countdown, 1)
        self.phase_meter = Meter(12)
        self.phase_meter.setObjectName("phaseMeter")
        self.phase_meter.setAccessibleName(self.tr("Time left in this phase"))
        clock_layout.addWidget(self.phase_meter)
        clock_layout.addWidget(self.rep_label)
        middle.addWidget(clock_box, 4)
        outer.addLayout(middle, 5)

        self.step_title = plain_label("", point_delta=9, bold=True, object_name="stepTitle")
        outer.addWidget(self.step_title)
        self.instructions_box = QVBoxLayout()
        outer.addLayout(self.instructions_box)
        self.cue_label = plain_label("", point_delta=3, object_name="cueLabel")
        set_text_colour(self.cue_label, "#0e6b68")
        if not self.lang.startswith("ja"):  # no synthetic slant for CJK text
            italic = self.cue_label.font()
            italic.setItalic(True)
            self.cue_label.setFont(italic)
        outer.addWidget(self.cue_label)
        self.caution_box, caution_layout = callout("stepCautionBox", border=4)
        caution_layout.setContentsMargins(10, 6, 10, 6)
        self.caution_label = plain_label("", point_delta=1, object_name="stepCaution")
        caution_layout.addWidget(self.caution_label)
        outer.addWidget(self.caution_box)
        self.next_label = plain_label("", point_delta=1, object_name="nextUp")
        set_text_colour(self.next_label)
        outer.addWidget(self.next_label)

        controls = QGridLayout()
        controls.setHorizontalSpacing(8)

        def button(name: str, text: str, slot, tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setToolTip(tip)
            b.setAccessibleName(text)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setMinimumHeight(44)
            b.clicked.connect(slot)
            return b

        self.previous_button = button("previousButton", self.tr("◀ Previous"),
                                      self.previous_step, self.tr("Previous step (←)"))
        self.pause_button = button("pauseButton", self.tr("Pause"), self.toggle_pause,
                                   self.tr("Pause or resume (Space)"))
        self.next_button = button("nextButton", self.tr("Next ▶"), self.next_step,
                                  self.tr("Next step (→)"))
        self.restart_button = button("restartButton", self.tr("Restart step"),
                                     self.restart_step, self.tr("Restart this step (R)"))
        self.end_button = button("endButton", self.tr("End session"), self.end_requested,
                                 self.tr("End the session (Esc)"))
        self.sharp_pain_button = button(
            "sharpPainButton", self.tr("Sharp pain – stop"), self.sharp_pain,
            self.tr("Stops the session at once ({key})").format(key=SHARP_PAIN_KEY))
        self.sharp_pain_button.setMinimumHeight(56)
        font = self.sharp_pain_button.font()
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        self.sharp_pain_button.setFont(font)
        self.sharp_pain_button.setStyleSheet(
            "QPushButton { background: #c62828; color: white; border-radius: 8px; "
            "padding: 6px 18px; } QPushButton:hover { background: #a91f1f; }")
        self.unwell_button = button(
            "unwellButton", self.tr("I feel unwell"), self.unwell,
            self.tr("Dizzy, sudden swelling or feeling ill: stops the session at once "
                    "({key})").format(key=UNWELL_KEY))
        self.unwell_button.setMinimumHeight(48)
        font = self.unwell_button.font()
        font.setPointSizeF(font.pointSizeF() + 1)
        font.setBold(True)
        self.unwell_button.setFont(font)
        self.unwell_button.setStyleSheet(
            "QPushButton { background: #8d4a00; color: white; border-radius: 8px; "
            "padding: 4px 12px; } QPushButton:hover { background: #733c00; }")
        for column, widget in enumerate((self.previous_button, self.pause_button,
                                         self.next_button, self.restart_button,
                                         self.end_button)):
            controls.addWidget(widget, 0, column)
        controls.setColumnStretch(5, 1)
        controls.addWidget(self.unwell_button, 0, 6)
        controls.addWidget(self.sharp_pain_button, 0, 7)
        outer.addLayout(controls)
        hint = plain_label(self.tr(
            "Keys: Space pause · ← → previous / next step · R restart step · "
            "Esc end · {key} sharp pain · {unwell} unwell").format(
            key=SHARP_PAIN_KEY, unwell=UNWELL_KEY), point_delta=-1,
            object_name="keyHint")
        set_text_colour(hint)
        self.status_note = plain_label("", point_delta=-1, object_name="cueStatus")
        set_text_colour(self.status_note, "#8a5a00")
        self.sound_toggle = self._toggle("soundToggle", self.tr("Sound"),
                                         self.tr("Beeps on the last seconds and at each "
                                                 "change (M)"))
        self.voice_toggle = self._toggle("voiceToggle", self.tr("Voice"),
                                         self.tr("Spoken guidance (V)"))
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.status_note)
        bottom.addWidget(self.sound_toggle)
        bottom.addWidget(self.voice_toggle)
        outer.addLayout(bottom)

    def _toggle(self, name: str, text: str, tip: str) -> QPushButton:
        toggle = QPushButton(text)
        toggle.setObjectName(name)
        toggle.setCheckable(True)
        toggle.setToolTip(tip)
        toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        toggle.setStyleSheet("QPushButton { padding: 4px 12px; } "
                             "QPushButton:checked { background: #0e7c78; color: white; }")
        return toggle

    def _bind_keys(self) -> None:
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_pause),
            (Qt.Key.Key_Right, self.next_step),
            (Qt.Key.Key_Left, self.previous_step),
            (Qt.Key.Key_R, self.restart_step),
            (Qt.Key.Key_Escape, self.end_requested.emit),
            (getattr(Qt.Key, f"Key_{SHARP_PAIN_KEY}"), self.sharp_pain.emit),
            (getattr(Qt.Key, f"Key_{UNWELL_KEY}"), self.unwell.emit),
            (Qt.Key.Key_M, self.sound_toggle.toggle),
            (Qt.Key.Key_V, self.voice_toggle.toggle),
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
    def _render(self, snap: Snapshot) -> None:
        """Meters every frame; words and numbers only when what they show changes."""
        phase = snap.phase
        if phase is None:
            return
        self.progress.set_fraction(snap.elapsed / snap.total if snap.total else 0.0)
        self.phase_meter.set_fraction(snap.phase_remaining / phase.duration)
        paused = snap.state == "paused"
        shown = (phase.index, snap.countdown, paused, round(snap.remaining))
        if shown == self._shown:
            return
        self._shown = shown
        step = self.routine.steps[phase.step]
        if phase.step != self._shown_step:
            self._show_step(phase.step)
        name = self.tr("Paused") if paused else phase_name(phase, step, self.lang)
        colour = "#7a7a7a" if paused else PHASE_COLOURS[phase.kind]
        self.phase_label.setText(name)
        if colour != self._colour:
            self._colour = colour
            set_text_colour(self.phase_label, colour)
            set_text_colour(self.countdown, colour)
            self.phase_meter.set_colour(colour)
        self.countdown.setText(str(snap.countdown))
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
        self.cue_label.setText(cues[phase.index % len(cues)] if cues else "")
        self.cue_label.setVisible(bool(cues))
        self.total_left.setText(self.tr("{time} left").format(time=clock_text(snap.remaining)))
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

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

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Readable from three metres: the digits take a large share of the window.
        size = max(48, min(int(self.height() * 0.3), int(self.width() * 0.2)))
        font = self.countdown.font()
        font.setPixelSize(size)
        font.setBold(True)
        self.countdown.setFont(font)
