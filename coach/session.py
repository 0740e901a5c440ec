"""The session engine: a routine expanded into a timeline of phases, played against
an injected monotonic clock.

Where the session is comes from the clock, never from counting ticks: the position is
``anchor + (now() - anchor_time) * speed``. A stalled UI therefore never makes the
routine longer; it only delays the next redraw. The engine reports what happened
through listeners (:class:`Event`), which the player view, the sounds and the voice
subscribe to; it knows nothing about any of them. This module imports nothing from Qt.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from coach.routine import Routine


class PhaseKind(StrEnum):
    """Kinds of phase, in the order they can occur within a step."""

    GET_READY = "get_ready"
    WORK = "work"
    HOLD = "hold"
    RELEASE = "release"
    REST = "rest"
    SWITCH = "switch"


class EngineState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


PHASES = tuple(PhaseKind)
#: Seconds before a phase ends during which a countdown is announced each second.
COUNTDOWN_FROM = 3
#: Seconds between display updates in the last seconds of a phase (10 a second:
#: smooth for a draining bar, and each wake-up costs power).
SMOOTH_FRAME = 0.1
#: Positions this close to a boundary count as having reached it (float rounding).
EPSILON = 1e-6


@dataclass(frozen=True)
class Phase:
    """One stretch of the timeline; *start* and *duration* are routine seconds."""

    index: int
    kind: PhaseKind
    step: int
    side: str
    start: float
    duration: float
    rep: int = 0
    reps: int = 0
    set: int = 1
    sets: int = 1
    #: ``start + duration``, worked out once: the player asks for it at every frame.
    end: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "end", self.start + self.duration)


def build_timeline(routine: Routine) -> tuple[Phase, ...]:
    """Expand *routine* into consecutive phases (phases of zero length are left out)."""
    phases: list[Phase] = []
    clock = 0.0

    def add(kind: PhaseKind, step: int, side: str, duration: float, **extra: int) -> None:
        nonlocal clock
        if duration > 0:
            phases.append(Phase(len(phases), kind, step, side, clock, duration, **extra))
            clock += duration

    for n, step in enumerate(routine.steps):
        sides = step.side_order
        add(PhaseKind.GET_READY, n, step.rep_side(sides[0], 1), step.get_ready)
        for s, side in enumerate(sides):
            if s:
                add(PhaseKind.SWITCH, n, side, step.switch)
            for set_no in range(1, step.sets + 1):
                if set_no > 1:
                    add(PhaseKind.REST, n, step.rep_side(side, 1), step.rest, set=set_no,
                        sets=step.sets)
                if step.duration is not None:
                    add(PhaseKind.WORK, n, side, step.duration, set=set_no, sets=step.sets)
                    continue
                reps = step.reps or 0
                for rep in range(1, reps + 1):
                    here = step.rep_side(side, rep)  # "alternate": the legs take turns
                    add(PhaseKind.HOLD, n, here, step.hold or 0.0, rep=rep, reps=reps,
                        set=set_no, sets=step.sets)
                    add(PhaseKind.RELEASE, n, here, step.release, rep=rep, reps=reps,
                        set=set_no, sets=step.sets)
    return tuple(phases)


@dataclass(frozen=True)
class Event:
    """Something that happened in the session.

    *kind* is one of: ``started``, ``phase_started``, ``side_switched`` (with the new
    side's phase), ``countdown`` (*seconds* left in the phase: 3, 2, 1),
    ``step_done`` (*step* finished by playing through it), ``paused``, ``resumed``,
    ``finished``, ``stopped`` (*reason* given to :meth:`SessionEngine.stop`).
    """

    kind: str
    phase: Phase | None = None
    step: int | None = None
    seconds: int = 0
    reason: str = ""


@dataclass(frozen=True)
class Snapshot:
    """What the display shows now; all times in routine seconds."""

    state: EngineState
    phase: Phase | None
    phase_remaining: float
    elapsed: float
    total: float

    @property
    def remaining(self) -> float:
        return max(0.0, self.total - self.elapsed)

    @property
    def countdown(self) -> int:
        """The whole seconds shown on the big countdown (rounded up, as clocks do)."""
        return math.ceil(round(self.phase_remaining, 6))


Listener = Callable[[Event], None]


class SessionEngine:
    """Plays a routine's timeline. States: ``ready``, ``running``, ``paused``,
    ``finished``, ``stopped``. Call :meth:`update` whenever convenient (the UI does at
    :meth:`next_deadline`); it emits every event due since the previous call."""

    def __init__(self, routine: Routine, now: Callable[[], float], *,
                 speed: float = 1.0) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.routine = routine
        self.timeline = build_timeline(routine)
        self.total = self.timeline[-1].end if self.timeline else 0.0
        self._starts = [p.start for p in self.timeline]
        self._now = now
        self.speed = speed
        self.state = EngineState.READY
        self._anchor_position = 0.0
        self._anchor_time: float | None = None
        self._phase_index = -1
        self._countdown_said: tuple[int, int] | None = None
        self.completed_steps: set[int] = set()
        self._listeners: list[Listener] = []

    # -- listeners -------------------------------------------------------------
    def subscribe(self, listener: Listener, *, first: bool = False) -> None:
        """Call *listener* with every event, after those already subscribed, or
        before them with *first* (a timer that must see an event before the work the
        others do on it)."""
        if first:
            self._listeners.insert(0, listener)
        else:
            self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- position --------------------------------------------------------------
    def position(self) -> float:
        """Routine seconds played so far, from the clock."""
        if self._anchor_time is None:
            return self._anchor_position
        played = (self._now() - self._anchor_time) * self.speed
        return min(self.total, self._anchor_position + played)

    def _phase_at(self, position: float) -> int:
        if not self.timeline:
            return -1
        index = bisect.bisect_right(self._starts, position + EPSILON) - 1
        return max(0, min(len(self.timeline) - 1, index))

    def _seek(self, position: float) -> None:
        self._anchor_position = max(0.0, min(self.total, position))
        self._anchor_time = self._now() if self.state is EngineState.RUNNING else None
        self._phase_index = -1  # announce the phase we land in
        self._countdown_said = None
        self.update()

    # -- commands --------------------------------------------------------------
    def start(self) -> None:
        if self.state is not EngineState.READY:
            return
        self.state = EngineState.RUNNING
        self._anchor_time = self._now()
        self._emit(Event("started"))
        self.update()

    def pause(self) -> None:
        if self.state is EngineState.RUNNING:
            self.update()
            if self.state is not EngineState.RUNNING:  # it ended just now: nothing to pause
                return
            self._anchor_position = self.position()
            self._anchor_time = None
            self.state = EngineState.PAUSED
            self._emit(Event("paused", self.current_phase))

    def resume(self) -> None:
        if self.state is EngineState.PAUSED:
            self.state = EngineState.RUNNING
            self._anchor_time = self._now()
            self._emit(Event("resumed", self.current_phase))

    def toggle_pause(self) -> None:
        if self.state is EngineState.RUNNING:
            self.pause()
        else:
            self.resume()

    @property
    def current_phase(self) -> Phase | None:
        index = self._phase_at(self.position())
        return self.timeline[index] if index >= 0 else None

    def _step_start(self, step: int) -> float:
        return next(p.start for p in self.timeline if p.step == step)

    def next_step(self) -> None:
        """Skip to the next step's start (the skipped step does not count as done)."""
        phase = self.current_phase
        if phase is None or self.state not in (EngineState.RUNNING, EngineState.PAUSED):
            return
        if phase.step + 1 >= len(self.routine.steps):
            self._finish()
            return
        self._seek(self._step_start(phase.step + 1))

    def previous_step(self) -> None:
        """Back to the previous step, or to this step's start if barely begun."""
        phase = self.current_phase
        if phase is None or self.state not in (EngineState.RUNNING, EngineState.PAUSED):
            return
        into = self.position() - self._step_start(phase.step)
        target = phase.step - 1 if into < 3 and phase.step > 0 else phase.step
        self._seek(self._step_start(target))

    def restart_step(self) -> None:
        phase = self.current_phase
        if phase is not None and self.state in (EngineState.RUNNING, EngineState.PAUSED):
            self._seek(self._step_start(phase.step))

    def stop(self, reason: str) -> None:
        """End the session now (user's choice or a safety stop)."""
        if self.state in (EngineState.FINISHED, EngineState.STOPPED):
            return
        # Pressed as the last phase runs out (the display not yet told), the stop wins
        # over the end: a sharp pain felt then must be recorded, not a completed session
        # under a page that says the stop was.
        self.update(finish=False)
        self._anchor_position = self.position()
        self._anchor_time = None
        self.state = EngineState.STOPPED
        self._emit(Event("stopped", self.current_phase, reason=reason))

    def _finish(self) -> None:
        self._anchor_position = self.total
        self._anchor_time = None
        self.state = EngineState.FINISHED
        self._emit(Event("finished"))

    # -- progress --------------------------------------------------------------
    def update(self, *, finish: bool = True) -> Snapshot:
        """Bring the session up to the clock, emit what is due, return the snapshot;
        at the end, finish it (not with *finish* false: :meth:`stop` ends it instead)."""
        if self.state is not EngineState.RUNNING:
            return self.snapshot()
        position = self.position()
        index = self._phase_at(position)
        quiet = True  # nothing said, so no listener moved the session meanwhile
        if index != self._phase_index:
            quiet = False
            previous = self.timeline[self._phase_index] if self._phase_index >= 0 else None
            for phase in self.timeline[max(self._phase_index, 0):index]:
                if phase.end <= position + EPSILON and self._last_of_step(phase) and \
                        phase.step not in self.completed_steps and previous is not None:
                    self.completed_steps.add(phase.step)
                    self._emit(Event("step_done", phase, step=phase.step))
            self._phase_index = index
            phase = self.timeline[index]
            self._countdown_said = None
            self._emit(Event("phase_started", phase, step=phase.step))
            if phase.kind is PhaseKind.SWITCH:
                self._emit(Event("side_switched", phase, step=phase.step))
        if position >= self.total - EPSILON:
            last = self.timeline[-1]
            if last.step not in self.completed_steps:
                self.completed_steps.add(last.step)
                self._emit(Event("step_done", last, step=last.step))
            if finish:
                self._finish()
            return self.snapshot()
        phase = self.timeline[index]
        remaining = phase.end - position
        left = math.ceil(round(remaining, 6))
        if left <= COUNTDOWN_FROM and self._countdown_said != (index, left):
            self._countdown_said = (index, left)
            self._emit(Event("countdown", phase, step=phase.step, seconds=left))
            quiet = False
        if quiet:  # most frames: the snapshot at the position just read
            return Snapshot(self.state, phase, max(0.0, remaining), position, self.total)
        return self.snapshot()

    def _last_of_step(self, phase: Phase) -> bool:
        following = phase.index + 1
        return following >= len(self.timeline) or self.timeline[following].step != phase.step

    def snapshot(self) -> Snapshot:
        position = self.position()
        phase = self.current_phase
        remaining = max(0.0, phase.end - position) if phase else 0.0
        if self.state is EngineState.FINISHED:
            remaining = 0.0
        return Snapshot(self.state, phase, remaining, position, self.total)

    def next_deadline(self) -> float | None:
        """Monotonic time of the next change the display must show: the next whole
        second of the countdown, or sooner in the last seconds (smooth)."""
        if self.state is not EngineState.RUNNING or not self.timeline:
            return None
        position = self.position()
        phase = self.timeline[self._phase_at(position)]
        remaining = phase.end - position
        if remaining <= COUNTDOWN_FROM:
            step = min(remaining, SMOOTH_FRAME * self.speed)  # smooth, yet few wake-ups
        else:
            step = remaining - math.floor(round(remaining, 6) - EPSILON)
            step = step if step > EPSILON else 1.0
        return self._now() + max(step, 0.0) / self.speed
