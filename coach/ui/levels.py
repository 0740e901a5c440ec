"""Routine levels in words: the level a routine is at, what the coach recommends for
its next session and why (from :mod:`coach.progression`'s codes), and the panel that
offers a level to accept or decline, or lets the user pick any level.

The user stays in charge: an offer is only an offer, and the picker is always there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coach.journal import ChoiceKind
from coach.progression import Action, Recommendation, Why
from coach.routine import Routine
from coach.ui.widgets import callout, plain_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

translate = QCoreApplication.translate


def level_title(routine: Routine, number: int, lang: str) -> str:
    """``Level 2 of 3, “Standard”`` (or ``Level 1`` for a routine without levels)."""
    info = routine.level_info(number)
    if info is None:
        return translate("Levels", "Level {n}").format(n=number)
    return translate("Levels", "Level {n} of {count}, “{title}”").format(
        n=number, count=routine.level_count, title=info.title.get(lang))


def level_short(routine: Routine, number: int, lang: str) -> str:
    """``level 3, “Harder”`` for the middle of a sentence."""
    info = routine.level_info(number)
    if info is None:
        return translate("Levels", "level {n}").format(n=number)
    return translate("Levels", "level {n}, “{title}”").format(n=number, title=info.title.get(lang))


def reason_words(why: Why, after: int | None = None) -> str:
    """One reason code in plain, kind words; *after*: the last session's pain right
    after it, for the reasons that speak of it."""
    if why is Why.AFTER_RED and after is not None:
        return translate("Levels", "Right after your last session your pain was {value} of "
                         "10, which is too much for now.").format(value=after)
    if why is Why.AFTER_AMBER and after is not None:
        return translate("Levels", "Right after your last session your pain was {value} of "
                         "10, which is acceptable: stay at this level and see how the next "
                         "morning feels.").format(value=after)
    words = {
        Why.FIRST_SESSION: translate(
            "Levels", "This is your first session of this routine: see how your knee responds."),
        Why.LONG_GAP: translate(
            "Levels", "It has been four weeks or more since you last did this routine: start one "
            "level lower and build up again."),
        Why.SHARP_PAIN_STOP: translate(
            "Levels", "Last time you stopped because of a sharp pain. Talk to a clinician about it "
            "before you go on; if you do go on, an easier level is the kinder choice."),
        Why.SHARP_PAIN_TEST: translate(
            "Levels", "Since your last session you stopped the chair stand test because of a "
            "sharp pain: not more for now, and talk to a clinician about the pain."),
        Why.UNWELL_STOP: translate(
            "Levels", "Last time you stopped because you felt unwell: start again only when you "
            "feel well."),
        Why.MORNING_NOT_SETTLED: translate(
            "Levels", "The morning after your last session, your knee was not back to its usual "
            "level."),
        Why.AFTER_RED: translate(
            "Levels", "Right after your last session your pain was above 5 of 10, which is "
            "too much for now."),
        Why.AFTER_AMBER: translate(
            "Levels", "Right after your last session your pain was 3 to 5 of 10, which is "
            "acceptable: stay at this level and see how the next morning feels."),
        Why.STOPPED_EARLY: translate("Levels", "Your last session ended early."),
        Why.NOT_RATED: translate(
            "Levels", "Your last session has no pain rating after it: rate it next time so the "
            "coach can judge."),
        Why.GREEN_STREAK: translate(
            "Levels", "Your sessions on the last three days you did this routine were green, "
            "and no next morning after them was worse than usual."),
        Why.GREEN_SO_FAR: translate(
            "Levels", "A harder level is offered after green sessions on three days in a row "
            "of practice, with no next morning after them worse than usual."),
        Why.MORNING_UNKNOWN: translate(
            "Levels", "Your sessions were green; answer the next-morning question first, so the "
            "coach knows your knee settled."),
        Why.DECLINED: translate(
            "Levels", "You chose to stay at this level; more is offered again after green "
            "sessions on three more days."),
        Why.PAIN_RISING: translate(
            "Levels", "Your usual pain has gone up over the last week, so not more for now."),
        Why.AT_TOP: translate("Levels", "You are at the hardest level of this routine."),
        Why.AT_BOTTOM: translate("Levels", "You are at the easiest level already."),
        Why.CHOSEN_BY_HAND: translate("Levels", "You have already chosen an easier level."),
        Why.SINGLE_LEVEL: translate("Levels", "This routine has one level."),
        Why.FLARE_PAIN: translate(
            "Levels", "Your usual pain is clearly higher than in the week before: your knee seems "
            "to be having a flare-up. That is a reason to rest, not a failure, and it "
            "usually settles."),
        Why.FLARE_HOT_RED_SWOLLEN: translate(
            "Levels", "You said your knee was hot, red or swollen, or that you felt unwell. "
            "Rest until that has settled; cool the knee if it helps."),
        Why.AFTER_FLARE: translate(
            "Levels", "Your knee has just settled after a flare-up: a few green sessions at "
            "this level first, before anything harder."),
        Why.FLARE_LONG: translate(
            "Levels", "This has lasted a week or more: please see a clinician about it."),
    }
    return words[why]


def headline(advice: Recommendation, routine: Routine, lang: str) -> str:
    """What the coach recommends, in one sentence."""
    target = level_short(routine, advice.recommended_level, lang)
    if advice.action is Action.PROGRESS:
        return translate("Levels", "Ready for a little more? You could try {level}.").format(
            level=target)
    if advice.action is Action.EASE:
        return translate("Levels", "Make it easier for now: {level}.").format(level=target)
    if advice.action is Action.REST and advice.flare is not None:
        return translate("Levels", "Rest for a few days, or do only {level}, and rate your pain "
                         "each day.").format(level=target) if routine.levels else \
            translate("Levels", "Rest for a few days and rate your pain each day.")
    if advice.action is Action.REST and routine.levels:
        return translate("Levels", "Rest today; next time, start at {level}.").format(
            level=target)
    if advice.action is Action.REST:
        return translate("Levels", "Rest today.")
    return translate("Levels", "Stay at {level} for now.").format(
        level=level_short(routine, advice.level, lang)) if routine.levels else ""


def reasons_text(advice: Recommendation) -> str:
    return " ".join(reason_words(why, advice.after) for why in advice.reasons
                    if why is not Why.SINGLE_LEVEL)


class LevelPanel(QWidget):
    """A routine's level, the coach's recommendation with its reasons, the offer
    (accept or decline) while it is open, and, with *picker*, a list to pick any
    level by hand. objectNames: ``levelTitle``, ``levelAdvice``, ``levelReasons``,
    ``levelAccept``, ``levelDecline``, ``levelPicker``.

    Signals:
        answered(str, int, str): routine id, level, :class:`ChoiceKind` value.
    """

    answered = Signal(str, int, str)

    def __init__(self, *, picker: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelPanel")
        self.routine: Routine | None = None
        self.advice: Recommendation | None = None
        self.box, inner = callout("levelBox", kind="info")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.box)
        top = QHBoxLayout()
        self.title = plain_label("", point_delta=1, bold=True, object_name="levelTitle")
        top.addWidget(self.title, 1)
        self.picker: QComboBox | None = None
        if picker:
            # Here: the Today screen's level offers have no picker, and QComboBox's
            # enums would cost its first paint.
            from PySide6.QtWidgets import QComboBox

            self.picker = QComboBox()
            self.picker.setObjectName("levelPicker")
            self.picker.setAccessibleName(translate("Levels", "Choose a level"))
            self.picker.activated.connect(self._picked)
            label = QLabel(translate("Levels", "&Level:"))
            label.setBuddy(self.picker)
            top.addWidget(label, 0, Qt.AlignmentFlag.AlignVCenter)
            top.addWidget(self.picker, 0, Qt.AlignmentFlag.AlignVCenter)
        inner.addLayout(top)
        self.what = plain_label("", object_name="levelSummary")
        inner.addWidget(self.what)
        self.advice_label = plain_label("", point_delta=1, bold=True,
                                        object_name="levelAdvice")
        inner.addWidget(self.advice_label)
        self.reasons = plain_label("", object_name="levelReasons")
        inner.addWidget(self.reasons)
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        self.accept = QPushButton()
        self.accept.setObjectName("levelAccept")
        self.accept.clicked.connect(lambda: self._answer(ChoiceKind.ACCEPTED))
        self.decline = QPushButton()
        self.decline.setObjectName("levelDecline")
        self.decline.clicked.connect(lambda: self._answer(ChoiceKind.DECLINED))
        row.addWidget(self.accept)
        row.addWidget(self.decline)
        row.addStretch(1)
        self.offer_row = QWidget()
        self.offer_row.setLayout(row)
        inner.addWidget(self.offer_row)

    def show_advice(self, routine: Routine, advice: Recommendation | None, lang: str, *,
                    offer: bool) -> None:
        """Show *routine* at *advice*'s level; *offer*: the accept and decline buttons
        (the offer is open). Hidden for a routine with one level and nothing to say."""
        self.routine, self.advice = routine, advice
        level = advice.level if advice is not None else routine.level
        words = headline(advice, routine, lang) if advice is not None else ""
        if not routine.levels and not words:
            self.hide()
            return
        self.title.setText(level_title(routine, level, lang) if routine.levels
                           else translate("Levels", "This routine"))
        info = routine.level_info(level)
        summary = info.summary.get(lang) if info is not None and info.summary else ""
        self.what.setText(summary)
        self.what.setVisible(bool(summary))
        self.advice_label.setText(words)
        self.advice_label.setVisible(bool(words))
        reasons = reasons_text(advice) if advice is not None else ""
        self.reasons.setText(reasons)
        self.reasons.setVisible(bool(reasons))
        self.box.set_kind({Action.PROGRESS: "green", Action.EASE: "amber",
                           Action.REST: "amber"}.get(advice.action, "info")
                          if advice is not None else "info")
        show_offer = offer and advice is not None and \
            advice.recommended_level != advice.level
        if show_offer and advice is not None:
            target = advice.recommended_level
            more = target > advice.level
            self.accept.setText(translate("Levels", "Try level {n}").format(n=target) if more
                                else translate("Levels", "Go to level {n}").format(n=target))
            self.accept.setAccessibleDescription(words)
            self.decline.setText(translate("Levels", "Stay at level {n}").format(n=advice.level))
        self.offer_row.setVisible(show_offer)
        if self.picker is not None:
            self.picker.setVisible(bool(routine.levels))
            self.picker.clear()
            for item in routine.levels:
                self.picker.addItem(translate("Levels", "{n}. {title}").format(
                    n=item.number, title=item.title.get(lang)), item.number)
            self.picker.setCurrentIndex(max(level - 1, 0))
        self.show()

    def _answer(self, kind: ChoiceKind) -> None:
        if self.routine is None or self.advice is None:
            return
        level = self.advice.recommended_level
        self.answered.emit(self.routine.id, level, kind.value)

    def reset_pick(self) -> None:
        """The list back at the level in force (a level picked there was not saved)."""
        if self.routine is None or self.picker is None:
            return
        current = self.advice.level if self.advice is not None else self.routine.level
        blocked = self.picker.blockSignals(True)
        self.picker.setCurrentIndex(max(current - 1, 0))
        self.picker.blockSignals(blocked)

    def _picked(self, index: int) -> None:
        if self.routine is None or self.picker is None:
            return
        level = self.picker.itemData(index)
        current = self.advice.level if self.advice is not None else self.routine.level
        if isinstance(level, int) and level != current:
            self.answered.emit(self.routine.id, level, ChoiceKind.CHOSEN.value)
