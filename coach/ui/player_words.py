"""The player's words for the session's state: the clock as text, the side and the
phase by name, and what the voice says at each event."""

from __future__ import annotations

from coach.routine import Routine, Step
from coach.session import Event, Phase
from coach.ui.widgets import translate


def clock_text(seconds: float) -> str:
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def side_name(side: str) -> str:
    return {"right": translate("Player", "Right side"),
            "left": translate("Player", "Left side")}.get(side, "")


def shown_side(phase: Phase, step: Step) -> str:
    """The side under the phase: none while the legs change over between presses
    ("Lower, change legs" over "Right side" said both)."""
    if phase.kind == "release" and step.sides == "alternate":
        return ""
    return side_name(phase.side)


def repetition_words(phase: Phase, step: Step) -> str:
    """"Repetition 3 of 12"; where the legs take turns, counted per leg and naming it
    ("Repetition 2 of 7, left leg"): "1 of 14" read as fourteen presses with each
    leg, and "on this leg" said nothing while the legs change over (no side shown)."""
    if not phase.reps:
        return ""
    if step.sides != "alternate" or phase.side not in ("right", "left"):
        return translate("PlayerView", "Repetition {n} of {total}").format(
            n=phase.rep, total=phase.reps)
    right = phase.side == "right"  # the right leg starts: odd repetitions
    words = translate("PlayerView", "Repetition {n} of {total}, right leg") if right \
        else translate("PlayerView", "Repetition {n} of {total}, left leg")
    return words.format(n=(phase.rep + 1) // 2,
                        total=(phase.reps + (1 if right else 0)) // 2)


def phase_name(phase: Phase, step: Step, lang: str) -> str:
    """The phase in words: the routine's own cue words where it has them."""
    if phase.kind == "hold":
        return step.hold_cue.get(lang) if step.hold_cue else translate("Player", "Hold")
    if phase.kind == "release":
        return step.release_cue.get(lang) if step.release_cue else \
            translate("Player", "Release")
    if phase.kind == "switch":  # the side label under it names the side
        return translate("Player", "Switch sides")
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
    if phase.kind == "switch":  # heard, not seen with the side label: the side too
        return (translate("Player", "Switch to the left side") if phase.side == "left"
                else translate("Player", "Switch to the right side"))
    if phase.kind == "hold" and step.sides == "alternate":  # which leg, every press
        said = (translate("Player", "{phase}, left leg.") if phase.side == "left"
                else translate("Player", "{phase}, right leg."))
        return said.format(phase=phase_name(phase, step, lang))
    return phase_name(phase, step, lang)

