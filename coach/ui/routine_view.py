"""The routine details pane: what the routine is, what it needs, its safety notes
and its steps, so the user knows what they are about to do before starting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from coach.routine import Routine, Step
from coach.ui.widgets import (
    clear_layout,
    duration_text,
    item_list,
    plain_label,
    safety_notes,
    set_text_colour,
    translate,
)


def sides_text(step: Step) -> str:
    """How a step is sided, in words ("" when it is not)."""
    return {
        "both": translate("RoutineDetails", "right side, then left side"),
        "left": translate("RoutineDetails", "left side"),
        "right": translate("RoutineDetails", "right side"),
    }.get(step.sides, "")


class RoutineDetails(QScrollArea):
    """Shows one routine in the user's language; empty until :meth:`show_routine`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routineDetails")
        self.setAccessibleName(self.tr("Routine details"))
        self.setAccessibleDescription(self.tr("The chosen routine: steps, time and "
                                              "safety notes"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # only words: Tab skips it
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(24, 16, 24, 16)
        self._layout.setSpacing(10)
        self.setWidget(body)
        self.routine: Routine | None = None

    def heading(self, text: str) -> QLabel:
        label = plain_label(text, point_delta=2, bold=True)
        label.setContentsMargins(0, 10, 0, 0)
        return label

    def show_routine(self, routine: Routine | None, lang: str) -> None:
        self.routine = routine
        layout = self._layout
        clear_layout(layout)
        if routine is None:
            layout.addWidget(plain_label(self.tr("Choose a routine on the left.")))
            layout.addStretch(1)
            return
        layout.addWidget(plain_label(routine.title.get(lang), point_delta=8, bold=True,
                                     object_name="routineTitle"))
        count = len(routine.steps)
        facts = [duration_text(routine.total_seconds),
                 self.tr("1 step") if count == 1 else self.tr("{n} steps").format(n=count)]
        layout.addWidget(plain_label(" · ".join(facts), point_delta=1,
                                     object_name="routineFacts"))
        layout.addWidget(plain_label(routine.summary.get(lang), selectable=True))
        if routine.frequency:
            layout.addWidget(self.heading(self.tr("How often")))
            layout.addWidget(plain_label(routine.frequency.get(lang)))

        safety = routine.safety.get(lang)
        if safety:
            layout.addWidget(safety_notes(safety, self.tr("Before you start"), "safetyNotes"))

        equipment = routine.equipment.get(lang)
        if equipment:
            layout.addWidget(self.heading(self.tr("You will need")))
            layout.addWidget(item_list(equipment))

        layout.addWidget(self.heading(self.tr("Steps")))
        lines = []
        for step in routine.steps:
            parts = [duration_text(step.total_seconds)]
            if step.sides != "none":
                parts.append(sides_text(step))
            lines.append(self.tr("{title}  ({details})").format(
                title=step.title.get(lang), details=self.tr(", ").join(parts)))
        layout.addWidget(item_list(lines, numbered=True))

        if routine.source:
            source = plain_label(routine.source.get(lang), point_delta=-1)
            set_text_colour(source)
            source.setContentsMargins(0, 12, 0, 0)
            layout.addWidget(source)
        layout.addStretch(1)
        self.verticalScrollBar().setValue(0)
