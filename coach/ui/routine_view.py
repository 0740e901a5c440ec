"""The routine details pane: what the routine is, what it needs, its safety notes
and its steps, so the user knows what they are about to do before starting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.progression import Recommendation
from coach.routine import Routine, Step
from coach.ui.levels import LevelPanel
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
        "alternate": translate("RoutineDetails", "legs take turns"),
    }.get(step.sides, "")


class RoutineDetails(QScrollArea):
    """Shows one routine in the user's language; empty until :meth:`show_routine`.

    Signals:
        level_answered(str, int, str): the level offer answered, or a level picked
            (routine id, level, ChoiceKind value).
        weaker_side_chosen(str): the weaker leg for extra work ("", "left", "right").
    """

    level_answered = Signal(str, int, str)
    weaker_side_chosen = Signal(str)

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
        self.level_panel: LevelPanel | None = None  # made with the first routine shown
        self.weaker_row: QWidget | None = None
        self._layout.setContentsMargins(24, 16, 24, 16)
        self._layout.setSpacing(10)
        self.setWidget(body)
        self.routine: Routine | None = None

    def _ensure_extras(self) -> tuple[LevelPanel, QWidget]:
        """The level panel and the weaker-leg row: made once (after the first paint,
        with the Routines tab) and kept across routines."""
        if self.level_panel is None or self.weaker_row is None:
            self.level_panel = LevelPanel(picker=True)
            self.level_panel.answered.connect(self.level_answered)
            self.weaker_row = QWidget()
            self.weaker_row.setObjectName("weakerSideRow")
            row = QHBoxLayout(self.weaker_row)
            row.setContentsMargins(0, 0, 0, 0)
            self.weaker_side = QComboBox()
            self.weaker_side.setObjectName("weakerSide")
            for text, side in ((self.tr("Neither"), ""), (self.tr("Left"), "left"),
                               (self.tr("Right"), "right")):
                self.weaker_side.addItem(text, side)
            self.weaker_side.activated.connect(
                lambda index: self.weaker_side_chosen.emit(
                    str(self.weaker_side.itemData(index) or "")))
            label = QLabel(self.tr("Extra work for a &weaker leg:"))
            label.setBuddy(self.weaker_side)
            row.addWidget(label)
            row.addWidget(self.weaker_side)
            row.addStretch(1)
        return self.level_panel, self.weaker_row

    def heading(self, text: str) -> QLabel:
        label = plain_label(text, point_delta=2, bold=True)
        label.setContentsMargins(0, 10, 0, 0)
        return label

    def show_routine(self, routine: Routine | None, lang: str, *,
                     advice: Recommendation | None = None, offer: bool = False,
                     weaker_side: str = "") -> None:
        """Show *routine* at the level of *advice* (the coach's recommendation, with
        its offer while *offer*), else at its standard level; *weaker_side*: the leg
        that gets extra work ("" for neither)."""
        if routine is not None and advice is not None:
            routine = routine.at_level(advice.level)
        extra = 0.0
        if routine is not None:
            plain = routine
            routine = routine.for_weaker_side(weaker_side)
            extra = routine.total_seconds - plain.total_seconds
        self.routine = routine
        layout = self._layout
        panel, weaker_row = self._ensure_extras()
        for kept in (panel, weaker_row):
            layout.removeWidget(kept)
            kept.setParent(None)
        clear_layout(layout)
        if routine is None:
            layout.addWidget(plain_label(self.tr("Choose a routine on the left.")))
            layout.addStretch(1)
            return
        layout.addWidget(plain_label(routine.title.get(lang), point_delta=8, bold=True,
                                     object_name="routineTitle"))
        count = len(routine.steps)
        length = duration_text(routine.total_seconds)
        if extra > 0:  # the routine's own words give its length without the extra work
            length = self.tr("{length}, with {extra} for your weaker leg").format(
                length=length, extra=duration_text(extra))
        facts = [length,
                 self.tr("1 step") if count == 1 else self.tr("{n} steps").format(n=count)]
        layout.addWidget(plain_label(" · ".join(facts), point_delta=1,
                                     object_name="routineFacts"))
        layout.addWidget(plain_label(routine.summary.get(lang), selectable=True))
        layout.addWidget(panel)  # in the window before it may show itself
        panel.show_advice(routine, advice, lang, offer=offer)
        if routine.has_weaker_side_option:
            layout.addWidget(weaker_row)
            self.weaker_side.setCurrentIndex(max(self.weaker_side.findData(weaker_side), 0))
            weaker_row.setToolTip(self.tr(
                "If one leg is clearly weaker, it does a few more repetitions on its own "
                "after the steps that offer it"))
            weaker_row.show()
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
            parts = [duration_text(step.total_seconds), sides_text(step)]
            lines.append(self.tr("{title}  ({details})").format(
                title=step.title.get(lang), details=self.tr(", ").join(filter(None, parts))))
        layout.addWidget(item_list(lines, numbered=True))

        if routine.source:
            source = plain_label(routine.source.get(lang), point_delta=-1)
            set_text_colour(source)
            source.setContentsMargins(0, 12, 0, 0)
            layout.addWidget(source)
        layout.addStretch(1)
        self.verticalScrollBar().setValue(0)
