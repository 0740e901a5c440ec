"""Which moments of a session deserve a cue, and what kind of message a spoken
phrase is: the rules behind the sounds, the flash and the voice, as small functions
over the engine's events. This module imports nothing from Qt.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the settings (coach.config) need the enums here, not the engine
    from coach.session import Event, Phase

#: Sides a leg works on; "none" and "both" name no single leg.
LEGS = ("left", "right")


class CueEvent(StrEnum):
    """A moment that can have its own sound and a flash."""

    START = "start"  # the session begins
    PHASE = "phase"  # each new phase (get ready, hold, release, rest...)
    COUNTDOWN = "countdown"  # each of the last three seconds of a phase
    SWITCH = "switch"  # the working leg changes
    END = "end"  # the routine is played to its end


class VoiceKind(StrEnum):
    """What a spoken phrase is about, so each kind can be switched off."""

    STEP = "step"  # a step's name (and the side it starts on), at its start
    PHASE = "phase"  # the phase words: "Start", "Hold", "Release", "Rest"
    SIDE = "side"  # a change of leg: "Switch to the left side", "Press, left leg"
    END = "end"  # the closing words


def side_switched(previous: Phase | None, phase: Phase) -> bool:
    """Whether *phase*, coming after *previous*, puts the other leg to work.

    Only moving forward within one step counts: a new step is a new start (its own
    cue), and going back (restart, previous step) is not a switch."""
    return (previous is not None and phase.step == previous.step
            and phase.index > previous.index
            and previous.side in LEGS and phase.side in LEGS
            and phase.side != previous.side)


def voice_kind(event: Event, switched: bool) -> VoiceKind | None:
    """The kind of what the voice says for *event*; *switched*: the event's phase put
    the other leg to work (see :func:`side_switched`)."""
    if event.kind == "finished":
        return VoiceKind.END
    if event.kind != "phase_started" or event.phase is None:
        return None
    from coach.session import PhaseKind

    if event.phase.kind is PhaseKind.GET_READY:
        return VoiceKind.STEP
    if switched or event.phase.kind is PhaseKind.SWITCH:
        return VoiceKind.SIDE
    return VoiceKind.PHASE


class CueTracker:
    """Turns the engine's events, in order, into cue moments; remembers the last
    phase to tell a change of leg, whether the routine switches sides with a pause
    (``sides = "both"``) or the legs take turns each repetition ("alternate")."""

    def __init__(self) -> None:
        self.previous: Phase | None = None
        self.switched = False  # the last phase started put the other leg to work

    def cue_for(self, event: Event) -> CueEvent | None:
        if event.kind == "started":
            self.previous = None
            return CueEvent.START
        if event.kind == "finished":
            return CueEvent.END
        if event.kind == "countdown":
            return CueEvent.COUNTDOWN
        if event.kind == "phase_started" and event.phase is not None:
            self.switched = side_switched(self.previous, event.phase)
            self.previous = event.phase
            return CueEvent.SWITCH if self.switched else CueEvent.PHASE
        return None  # "side_switched" is the phase that has just started
