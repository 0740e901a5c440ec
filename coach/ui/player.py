"""The player: what a person on a mat three metres away needs to see and reach.

A big countdown that scales with the window, the phase in words and colour, the
side, the illustration (mirrored for the left side), the step's instructions and
cue, progress, what comes next, the controls, and the two stop buttons (sharp pain,
and a smaller "I feel unwell"), always on screen. Every size is worked out from the
space the player has (coach.ui.player_fit), so a short window trims the instructions
before the digits shrink, and focus mode (F11) fills the screen with only what
matters on the mat. One single-shot QTimer asks the engine for its state at the
engine's next deadline (each whole second, more often in the last three), so the
view sleeps in between.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QHBoxLayout,
    QMenuBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coach.routine import Step
from coach.session import Event, PhaseKind, SessionEngine, Snapshot
from coach.ui import theme
from coach.ui.clock_widgets import Countdown, Meter
from coach.ui.illustration import Illustration
from coach.ui.player_controls import SHARP_PAIN_KEY, UNWELL_KEY, PlayerControls
from coach.ui.player_fit import PlayerFit, fit_countdown, steady_total_left
from coach.ui.player_words import (
    clock_text,
    phase_name,
    repetition_words,
    shown_side,
    side_name,
)
from coach.ui.widgets import (
    callout,
    clear_layout,
    item_list,
    plain_label,
    set_text_colour,
    translate,
)


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
        longest = max((p.duration for p in engine.timeline), default=10.0)
        self._digits = max(2, len(str(math.ceil(longest))))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._fit = PlayerFit(self, self._controls)
        self._controls.bind_keys(self, self._escape)
        from PySide6.QtGui import QKeySequence, QShortcut

        read_all = QShortcut(QKeySequence(Qt.Key.Key_I), self)
        read_all.setContext(Qt.ShortcutContext.WindowShortcut)
        read_all.activated.connect(self.read_all)
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
        steady_total_left(self.total_left, self.engine.total)
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
        # Their sizes come from the space the player has (see PlayerFit).
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
        self.total_left.installEventFilter(self)  # its font: steady_total_left
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
        self.instruction_line.setWordWrap(True)  # one or two lines, broken by PlayerFit
        self.instruction_line.setSizePolicy(QSizePolicy.Policy.Ignored,
                                            QSizePolicy.Policy.Preferred)
        self.instruction_line.hide()
        # Where the line is cut short ("…"), a way to read the whole of it (I).
        self.read_all_button = QPushButton(self.tr("Read all (I)"))
        self.read_all_button.setObjectName("readAllButton")
        self.read_all_button.setAccessibleName(self.tr("Read all the instructions"))
        self.read_all_button.setToolTip(self.tr("The step's instructions in full; the "
                                                "session pauses meanwhile (I)"))
        self.read_all_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.read_all_button.clicked.connect(self.read_all)
        self.read_all_button.hide()
        line_row = QHBoxLayout()
        line_row.setContentsMargins(0, 0, 0, 0)
        line_row.addWidget(self.instruction_line, 1)
        line_row.addWidget(self.read_all_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(line_row)
        self.caution_box, caution_layout = callout("stepCautionBox", border=4)
        caution_layout.setContentsMargins(10, 6, 10, 6)
        self.caution_label = plain_label("", point_delta=1, object_name="stepCaution")
        caution_layout.addWidget(self.caution_label)
        outer.addWidget(self.caution_box)
        self.next_label = plain_label("", point_delta=1, object_name="nextUp")
        set_text_colour(self.next_label)
        outer.addWidget(self.next_label)

        controls = self._controls = PlayerControls(
            outer, previous=self.previous_step, pause=self.toggle_pause,
            next_step=self.next_step, restart=self.restart_step, end=self.end_requested,
            focus=self.toggle_focus_mode, sharp_pain=self.sharp_pain, unwell=self.unwell)
        # The controls under the names the player always gave them.
        (self.previous_button, self.pause_button, self.next_button, self.restart_button,
         self.end_button, self.focus_button) = controls.buttons
        self.sharp_pain_button, self.unwell_button = (controls.sharp_pain_button,
                                                      controls.unwell_button)
        self.controls_bar, self.stop_buttons = controls.bar, controls.stop_buttons
        self.bottom_bar, self.status_note = controls.bottom_bar, controls.status_note
        self.sound_toggle, self.voice_toggle = controls.sound_toggle, controls.voice_toggle

    # -- running -------------------------------------------------------------------
    def start(self) -> None:
        self.setFocus()
        self.engine.start()
        self.refresh()

    def toggle_pause(self) -> None:
        self._command(self.engine.toggle_pause)

    def read_all(self) -> None:
        """The step's instructions in full, in a dialog (the line under the picture
        was cut short); a running session pauses while they are read."""
        if self.engine.state == "running":
            self.toggle_pause()
        step = self.routine.steps[self._shown_step]
        dialog = instructions_dialog(self, step, self.lang)
        # Not modal, and clear of the bottom rows: the stop buttons stay in reach.
        dialog.setModal(False)
        dialog.show()

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
        shown = bool(self.status_note.text())
        self.status_note.setText(text)
        if bool(text) != shown:  # a line more or less under the buttons: fit again
            self._fit.refit(self._shown_step)

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
        self.side_label.setText(shown_side(phase, step))
        reps = repetition_words(phase, step)
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
        instructions = step.instructions.get(self.lang) or []
        # Getting ready, or paused, is the time to read how the step is done: the list
        # gets room before large digits, and where it has none the line says how to set
        # up, not the cue for the work ("Push towards the inner side" said nothing of
        # lying down).
        reading = phase.kind is PhaseKind.GET_READY or paused
        joined = ("" if self.lang.startswith("ja") else " ").join(instructions)
        line = joined if reading and instructions else \
            cue or (instructions[0] if instructions else "")
        self._fit.set_instruction_line(line, has_cue=bool(cues))
        refit = new_phase or reading != self._fit.reading
        self._fit.reading = reading
        if refit:  # other words, or another way to share the room: fit them again
            self._fit.fit_to_size(self._shown_step)
        else:
            self._fit.apply_trim()
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
        bar = window.findChild(QMenuBar)  # the status bar is hidden all session
        if bar is not None and bar.window() is window:
            bar.setVisible(not on)
        if on:
            self._window_state_before = window.windowState()
            window.setWindowState(self._window_state_before | Qt.WindowState.WindowFullScreen)
        else:
            window.setWindowState(self._window_state_before
                                  & ~Qt.WindowState.WindowFullScreen)
        self._fit.fit_to_size(self._shown_step, reset_trim=True)
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
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit.fit_to_size(self._shown_step)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.countdown and event.type() == QEvent.Type.Resize:
            fit_countdown(self.countdown, self.side_label, self._digits)
        elif watched is self.total_left and event.type() == QEvent.Type.FontChange:
            steady_total_left(self.total_left, self.engine.total)
        return super().eventFilter(watched, event)


def instructions_dialog(parent: QWidget, step: Step, lang: str) -> QDialog:
    """A step's numbered instructions and its caution, scrolled if long, and Close
    (objectName ``readAllDialog``)."""
    from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

    dialog = QDialog(parent)
    dialog.setObjectName("readAllDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    title = step.title.get(lang)
    dialog.setWindowTitle(translate("PlayerView", "How to do “{step}”").format(step=title))
    layout = QVBoxLayout(dialog)
    layout.addWidget(plain_label(title, point_delta=4, bold=True))
    body = QWidget()
    inside = QVBoxLayout(body)
    inside.setContentsMargins(0, 0, 0, 0)
    inside.addWidget(item_list(step.instructions.get(lang) or [], numbered=True,
                               point_delta=2))
    caution = step.caution.get(lang) if step.caution else ""
    if caution:
        inside.addWidget(plain_label(caution, point_delta=1, object_name="readAllCaution"))
    inside.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    layout.addWidget(scroll, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    width = min(720, max(360, parent.width() - 80))
    wanted = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() \
        else dialog.sizeHint().height()
    # Centred on the player, it leaves the bottom rows (the stop buttons) uncovered.
    dialog.resize(width, max(220, min(wanted + 40, parent.height() - 240)))
    return dialog
