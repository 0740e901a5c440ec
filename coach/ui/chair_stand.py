"""The 30-second chair stand test, guided (clinical.md section 9): safety first, a
practice stand, 3-2-1, thirty seconds of stands counted with Space or a big button,
then the count to check, correct and save.

Time comes from deadlines on the injected clock, never from counting ticks: one
single-shot precise QTimer wakes :meth:`ChairStandDialog.tick` at the next whole
second, and the tick asks the clock what to show. Beeps and voice go through
:class:`coach.ui.cues.Cues`, fed the same events a session sends it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import date
from enum import StrEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach import config
from coach.advice import CHAIR_STAND_MIN_DAYS, chair_stand_days_ago
from coach.journal import MAX_STANDS, EventKind, Journal, JournalError, Test
from coach.session import Event, Phase, PhaseKind
from coach.ui.cues import CuePreferences, Cues
from coach.ui.help import (
    Section,
    advice_widgets,
    clot_section,
    hot_knee_section,
    same_day_section,
    sharp_pain_section,
)
from coach.ui.player_controls import (
    SHARP_PAIN_KEY,
    UNWELL_KEY,
    sharp_pain_button,
    unwell_button,
)
from coach.ui.session_flow import (
    QuietAnswers,
    big_button,
    button_row,
    page,
    page_with_answers,
    unwell_sections,
)
from coach.ui.settings import Settings
from coach.ui.widgets import (
    callout,
    item_list,
    plain_label,
    set_text_colour,
    short_day,
    translate,
)

# Seconds of the 3-2-1 before the test, and of the test itself.
COUNT_IN_SECONDS = 3
TEST_SECONDS = 30
# The one phase the cues hear about: "Go" is the start of the work.
_WORK = Phase(0, PhaseKind.WORK, 0, "none", 0.0, float(TEST_SECONDS))


# The note of the safety events the test records (a stop, or "not today"; English: a
# journal record, not a sentence on screen).
TEST_NOTE = "30-second chair stand test"

class Stage(StrEnum):
    SAFETY = "safety"  # what you need, how to do it, hot/red/swollen?
    PRACTICE = "practice"  # one or two slow stands, not counted
    COUNT_IN = "count_in"  # 3-2-1
    RUNNING = "running"  # the 30 seconds
    RESULT = "result"  # the count to check and save
    ENDED = "ended"  # not today, stopped for a sharp pain, or saved


def shown_seconds(left: float) -> int:
    """Whole seconds on the countdown (rounded up, as clocks do)."""
    return max(0, math.ceil(round(left, 6)))


def big_font(widget: QWidget, pixels: int) -> None:
    font = QFont(widget.font())
    font.setPixelSize(pixels)
    font.setBold(True)
    widget.setFont(font)


class ChairStandDialog(QDialog):
    """The guided test (objectName ``chairStandDialog``). Stages follow :class:`Stage`;
    *clock* gives monotonic seconds. No result is saved until Save on the last page.

    Signals:
        saved(TestResult): the result is in the journal.
    """

    saved = Signal(object)

    def __init__(self, journal: Journal, settings: Settings, lang: str,
                 parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("chairStandDialog")
        self.setWindowTitle(self.tr("30-second chair stand test"))
        self.resize(940, 560)
        self.journal = journal
        self.lang = lang
        self._clock = clock
        self.stage = Stage.SAFETY
        self.count = 0
        self._t0 = 0.0  # when the 3-2-1 began, on the clock
        self._shown = -1
        self._asking = False
        try:
            self.earlier = journal.test_results(Test.CHAIR_STAND)
        except JournalError:  # damaged: the main window says so; the test still works
            self.earlier = []
        self.cues = Cues(lang, sound=settings.get(config.SOUND),
                         voice=settings.get(config.VOICE), phrase_for=self._phrase,
                         preferences=CuePreferences.load(settings), parent=self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.sharp_pain_button = sharp_pain_button(
            self.sharp_pain, self.tr("Stops the test at once; no result is saved ({key})"
                                     ).format(key=SHARP_PAIN_KEY))
        # Dizzy or unsteady is not a sharp pain: it has its own stop, as in a session.
        self.unwell_button = unwell_button(
            self.unwell, self.tr("Dizzy, unsteady or feeling ill: stops the test at once "
                                 "({key})").format(key=UNWELL_KEY))
        for stop in (self.sharp_pain_button, self.unwell_button):
            stop.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space (a stand) never hits them
            stop.setAutoDefault(False)
        stop_row = QHBoxLayout()
        # Clear of the big "+1 stand" button above: a slip must not stop the test (a
        # sharp-pain stop holds back the next level).
        stop_row.setContentsMargins(40, 28, 40, 0)
        stop_row.addStretch(1)
        stop_row.addWidget(self.unwell_button)
        stop_row.addWidget(self.sharp_pain_button)
        layout.addLayout(stop_row)
        self.safety_page = self._build_safety()
        self.practice_page = self._build_practice()
        self.count_page = self._build_count()
        self.result_page = self._build_result()
        for widget in (self.safety_page, self.practice_page, self.count_page,
                       self.result_page):
            self.pages.addWidget(widget)
        # Return (the default button), Space or a held key from the menu that opened
        # this must not answer the safety question unread.
        self.quiet = QuietAnswers(clock, (self, self.ok_button, self.not_today_button), self)
        self._show(self.safety_page, self.ok_button)
        self.quiet.start()

    # -- pages ---------------------------------------------------------------------
    def _button(self, text: str, name: str, slot: Callable[[], object], *,
                primary: bool = False) -> QPushButton:
        button = big_button(text, name, primary=primary)
        button.setAutoDefault(False)  # Return is the page's default button only
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _row(*buttons: QWidget) -> QWidget:
        return button_row(buttons[0], *buttons[1:], margins=(0, 8, 0, 0))

    def _build_safety(self) -> QWidget:
        widgets: list[QWidget] = [
            plain_label(self.tr("30-second chair stand test"), point_delta=8, bold=True),
            plain_label(self.tr(
                "Count how many times you can stand up and sit down in 30 seconds. Done "
                "every few weeks, it shows how the strength in your legs changes over "
                "time."), point_delta=2)]
        days = chair_stand_days_ago(self.earlier, date.today())
        if days is not None and days < CHAIR_STAND_MIN_DAYS:
            last = self.earlier[-1]
            recent = plain_label(self.tr(
                "You last did this test on {date}. Results are easiest to compare when "
                "they are a week or more apart, but you can do it again now if you "
                "want.").format(date=short_day(last.at.date())), object_name="recentTest")
            set_text_colour(recent, lambda c: c.warning_text)
            widgets.append(recent)
        stop, stop_inner = callout("chairStopRule")
        stop_inner.addWidget(plain_label(self.tr(
            "Stop at once if you feel a sharp pain: press “{button}” or the {key} key. If "
            "you feel dizzy or unsteady, sit down and press “{unwell}” or the {unwell_key} "
            "key. Speed is never worth a fall.").format(
            button=translate("PlayerView", "Sharp pain – stop"), key=SHARP_PAIN_KEY,
            unwell=translate("PlayerView", "I feel unwell"), unwell_key=UNWELL_KEY),
            bold=True))
        widgets.append(stop)  # first: read before the how-to, not scrolled past
        box, inner = callout("chairNeeds", kind="info")
        inner.addWidget(plain_label(self.tr("What you need"), point_delta=2, bold=True))
        inner.addWidget(item_list([
            self.tr("A sturdy chair without arms, with a seat about 43 cm high (an "
                    "ordinary dining chair)."),
            self.tr("Push the chair against a wall so that it cannot slide."),
            self.tr("Nothing in the way around you."),
        ]))
        widgets.append(box)
        widgets.append(plain_label(self.tr("How to do it"), point_delta=2, bold=True))
        widgets.append(item_list([
            self.tr("Sit in the middle of the seat, back straight, feet flat on the floor "
                    "about shoulder-width apart."),
            self.tr("Cross your arms at the wrists and hold them against your chest."),
            self.tr("On “Go”, stand up fully, then sit all the way down. Repeat as many "
                    "times as you safely can in 30 seconds."),
            self.tr("Each time you are fully up, press Space or the big button. You can "
                    "also count aloud and type the number at the end."),
            self.tr("If you need your hands to get up, use them and say so in the note "
                    "at the end."),
        ], numbered=True))
        question = plain_label(translate("SessionFlow", "Is your knee hot, red or swollen "
                                                        "today?"),
                               point_delta=7, bold=True, object_name="safetyQuestion")
        answers: list[QWidget] = [question, plain_label(translate(
            "SessionFlow", "Also answer yes if you have a fever or feel unwell today."))]
        cancel = self._button(self.tr("Cancel"), "chairCancel", self.reject)
        self.not_today_button = self._button(
            translate("SessionFlow", "Yes, or I feel unwell"), "chairNotToday",
            self.not_today)
        self.ok_button = self._button(self.tr("No, continue"), "chairSafetyOk",
                                      self.to_practice, primary=True)
        answers.append(self._row(cancel, self.not_today_button, self.ok_button))
        return page_with_answers(widgets, answers)

    def _build_practice(self) -> QWidget:
        title = plain_label(self.tr("First, a practice stand"), point_delta=8, bold=True)
        steps = item_list([
            self.tr("Sit in the middle of the chair with your arms crossed on your "
                    "chest."),
            self.tr("Stand up slowly once or twice, then sit down again. This practice is "
                    "not counted: it checks that the chair is steady and the movement "
                    "feels all right."),
            self.tr("Sitting again and ready? Press “Ready”. A 3-2-1 countdown follows, "
                    "then 30 seconds."),
        ], numbered=True)
        back = self._button(self.tr("Back"), "chairBack",
                            lambda: self._show(self.safety_page, self.ok_button))
        self.ready_button = self._button(self.tr("Ready"), "readyButton", self.start_test,
                                         primary=True)
        return page(title, steps, self._row(back, self.ready_button))

    def _build_count(self) -> QWidget:
        body = QWidget()
        body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keys come here, then to us
        body.setAccessibleName(self.tr("Counting stands: press Space each time you are "
                                       "up, {key} to stop for a sharp pain").format(
            key=SHARP_PAIN_KEY))
        grid = QHBoxLayout(body)
        grid.setContentsMargins(40, 20, 40, 8)
        grid.setSpacing(32)
        left = QVBoxLayout()
        self.phase_label = plain_label("", point_delta=8, bold=True,
                                       object_name="standPhase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = plain_label("", object_name="standCountdown")
        self.countdown.setAccessibleName(self.tr("Seconds left"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setWordWrap(False)
        big_font(self.countdown, 160)
        seconds_caption = plain_label(self.tr("seconds left"), point_delta=3)
        seconds_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_hint = plain_label(self.tr(
            "Arms crossed. Stand up fully, sit down fully. Press Space each time you are "
            "up."), point_delta=3)
        self.cue_note = plain_label("", point_delta=-1, object_name="cueStatus")
        set_text_colour(self.cue_note, lambda c: c.warning_text)
        self.cue_note.hide()
        left.addWidget(self.phase_label)
        left.addWidget(self.countdown, 1)
        left.addWidget(seconds_caption)
        left.addWidget(self.count_hint)
        left.addWidget(self.cue_note)
        right = QVBoxLayout()
        tally_title = plain_label(self.tr("Stands"), point_delta=4, bold=True)
        tally_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tally = plain_label("0", object_name="standTally")
        self.tally.setAccessibleName(self.tr("Stands counted"))
        self.tally.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tally.setWordWrap(False)
        big_font(self.tally, 96)
        self.stand_button = QPushButton(self.tr("+1 stand\n(Space)"))
        self.stand_button.setObjectName("standButton")
        self.stand_button.setAccessibleName(self.tr("Count one stand"))
        self.stand_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stand_button.setAutoDefault(False)
        self.stand_button.setMinimumSize(320, 170)
        big_font(self.stand_button, 34)
        self.stand_button.clicked.connect(self.count_stand)
        right.addWidget(tally_title)
        right.addWidget(self.tally)
        right.addWidget(self.stand_button, 1)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        return body

    def _build_result(self) -> QWidget:
        title = plain_label(self.tr("Time is up: well done"), point_delta=8, bold=True,
                            object_name="standResultTitle")
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        question = plain_label(self.tr("Stands in 30 seconds:"), point_delta=4, bold=True)
        question.setWordWrap(False)
        line.addWidget(question)
        self.spin = QSpinBox()
        self.spin.setObjectName("standCount")
        self.spin.setRange(0, MAX_STANDS)
        self.spin.setAccessibleName(self.tr("Stands in 30 seconds"))
        self.spin.setMinimumWidth(130)
        big_font(self.spin, 36)
        line.addWidget(self.spin)
        line.addStretch(1)
        widgets: list[QWidget] = [title, row, plain_label(self.tr(
            "Correct the number if it is not right, or type it if you counted yourself. "
            "If you were more than halfway up when the time ran out, add one."),
            point_delta=1)]
        if self.earlier:
            last = self.earlier[-1]
            widgets.append(plain_label(self.tr("Last time ({date}): {count} stands.").format(
                date=f"{last.at:%Y-%m-%d}", count=last.score), object_name="lastStands"))
        self.note = QLineEdit()
        self.note.setObjectName("standNote")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("How did it go? e.g. used my hands, knee "
                                             "hurt"))
        self.note.setAccessibleName(self.tr("Note (optional)"))
        self.problem = plain_label("", object_name="standProblem")
        set_text_colour(self.problem, lambda c: c.error_text)
        self.problem.hide()
        discard = self._button(self.tr("Close without saving"), "chairDiscard", self.reject)
        self.save_button = self._button(self.tr("Save"), "saveStands", self.save,
                                        primary=True)
        widgets += [plain_label(self.tr("Note (optional)"), bold=True), self.note,
                    self.problem, self._row(discard, self.save_button)]
        return page(*widgets)

    def _show(self, widget: QWidget, default: QPushButton | None,
              focus: QWidget | None = None) -> None:
        """Show *widget*; Return presses *default*; the stop button where a stand is made."""
        self.pages.setCurrentWidget(widget)
        for button in self.findChildren(QPushButton):
            button.setDefault(button is default)
        for stop in (self.sharp_pain_button, self.unwell_button):
            stop.setVisible(widget in (self.practice_page, self.count_page))
        (focus or default or widget).setFocus()

    def _final(self, title: str, paragraphs: list[str], sections: list[Section],
               name: str) -> None:
        """The last page after "not today" or a sharp pain: words and Close."""
        self.stage = Stage.ENDED
        widgets = advice_widgets(title, paragraphs, sections, name)
        close = self._button(self.tr("Close"), "chairClose", self.reject, primary=True)
        final = page_with_answers(widgets, [button_row(None, close)])  # Close in view
        self.pages.addWidget(final)
        self._show(final, close)

    # -- the flow ------------------------------------------------------------------
    def not_today(self) -> None:
        """Hot, red or swollen (or unwell): no test today. No result is saved; the
        answer is (a "not today" event: Today and the reminders make it a rest day, as
        a session's safety check does)."""
        try:
            self.journal.add_safety_event(EventKind.NOT_TODAY, note=TEST_NOTE)
            kept = self.tr("No test result was saved; your journal notes today as a day "
                           "to rest your knee.")
        except JournalError as err:
            kept = self.tr("No test result was saved. Today could not be noted as a "
                           "rest day in your journal ({error}).").format(error=err)
        self._final(self.tr("Not today: rest your knee"), [self.tr(
            "Do not do the test while your knee is hot, red or swollen. Try it on another "
            "day, once the heat and swelling have settled."), kept,
            translate("SessionFlow", "With a fever or if you feel unwell, rest until you "
                                     "feel well again.")],
            [hot_knee_section(), same_day_section(hot_knee_first=True), clot_section()],
            "restAdvice")

    def to_practice(self) -> None:
        self.stage = Stage.PRACTICE
        self._show(self.practice_page, self.ready_button)

    def start_test(self) -> None:
        """3-2-1, then the 30 seconds, timed from now on the clock."""
        self.stage = Stage.COUNT_IN
        self.count = 0
        self._shown = -1
        self.tally.setText("0")
        self.stand_button.setEnabled(False)
        self.phase_label.setText(translate("Player", "Get ready"))
        self._show(self.count_page, None, self.count_page)
        self.cues.prepare()
        note = ""
        if self.cues.sound_on and self.cues.sound_available is False:
            note = self.tr("No sound output was found, so there are no beeps: watch the "
                           "countdown on the screen.")
        elif self.cues.voice_on and self.cues.voice_problem:
            note = self.cues.voice_problem
        self.cue_note.setText(note)
        self.cue_note.setVisible(bool(note))
        self._t0 = self._clock()
        self.tick()

    def tick(self) -> None:
        """Show what the clock says now, and wake again when the number changes."""
        if self.stage not in (Stage.COUNT_IN, Stage.RUNNING):
            return
        now = self._clock()
        elapsed = now - self._t0
        if self.stage is Stage.COUNT_IN:
            left = COUNT_IN_SECONDS - elapsed
            if shown_seconds(left) > 0:
                self._display(shown_seconds(left), lambda n: Event("countdown", seconds=n))
                self._wake(left)
                return
            self._go()
        left = COUNT_IN_SECONDS + TEST_SECONDS - elapsed
        if shown_seconds(left) == 0:
            self._time_up()
            return
        self._display(shown_seconds(left), None)
        self._wake(left)

    def _display(self, seconds: int, cue: Callable[[int], Event] | None) -> None:
        if seconds != self._shown:
            self._shown = seconds
            self.countdown.setText(str(seconds))
            self.countdown.setAccessibleDescription(self.tr("{n} seconds left").format(
                n=seconds))
            if cue is not None:
                self.cues.on_event(cue(seconds))

    def _wake(self, left: float) -> None:
        """Single shot at the moment the shown number next changes."""
        until = left - (shown_seconds(left) - 1)
        self._timer.start(max(1, round(until * 1000 + 0.5)))

    def _go(self) -> None:
        self.stage = Stage.RUNNING
        self.phase_label.setText(self.tr("Go!"))
        self.stand_button.setEnabled(True)
        self.cues.on_event(Event("started"))
        self.cues.on_event(Event("phase_started", _WORK))

    def _time_up(self) -> None:
        self._timer.stop()
        self.stage = Stage.RESULT
        self.countdown.setText("0")
        self.cues.on_event(Event("finished"))
        self.spin.setValue(self.count)
        self._show(self.result_page, self.save_button, self.spin)
        self.spin.selectAll()

    def _phrase(self, event: Event) -> str | None:
        if event.kind == "phase_started":
            return self.tr("Go")
        if event.kind == "finished":
            return self.tr("Stop")
        return None

    def count_stand(self) -> None:
        """One stand, while the 30 seconds run (the clock decides, not the timer)."""
        self.tick()
        if self.stage is not Stage.RUNNING:
            return
        self.count += 1
        self.tally.setText(str(self.count))
        self.tally.setAccessibleDescription(self.tr("{n} stands").format(n=self.count))

    def sharp_pain(self) -> None:
        """Stop at once, no questions. No result is saved; the stop itself is (a safety
        event, as in a session: the next days are rest days, and the chart shows it)."""
        self._stop(EventKind.SHARP_PAIN,
                   self.tr("You stopped because of a sharp pain. That was the right thing "
                           "to do. The stop is noted in your journal; no test result was "
                           "saved."),
                   self.tr("You stopped because of a sharp pain. That was the right thing "
                           "to do. The stop could not be noted in your journal ({error})."),
                   [sharp_pain_section(self.tr("Do not repeat the test until you have "
                                               "talked to a clinician about the pain.")),
                    same_day_section(), clot_section()], "sharpPainAdvice")

    def unwell(self) -> None:
        """Dizzy, unsteady or feeling ill: stop at once. No result is saved; the stop
        is (an "unwell" event, as in a session: rest days follow)."""
        self._stop(EventKind.UNWELL,
                   self.tr("You stopped because you felt unwell. That was the right thing "
                           "to do. The stop is noted in your journal; no test result was "
                           "saved."),
                   self.tr("You stopped because you felt unwell. That was the right thing "
                           "to do. The stop could not be noted in your journal ({error})."),
                   unwell_sections(), "unwellAdvice")

    def _stop(self, kind: EventKind, noted: str, not_noted: str, sections: list[Section],
              name: str) -> None:
        """During the practice or the test: stop at once, note the stop, say what to do."""
        if self.stage not in (Stage.PRACTICE, Stage.COUNT_IN, Stage.RUNNING):
            return
        self._timer.stop()
        self.cues.stop()
        try:
            self.journal.add_safety_event(kind, note=TEST_NOTE)
            kept = noted
        except JournalError as err:
            kept = not_noted.format(error=err)
        self._final(self.tr("Test stopped"), [kept], sections, name)

    def save(self) -> None:
        self.spin.interpretText()
        try:
            result = self.journal.add_test_result(Test.CHAIR_STAND, self.spin.value(),
                                                  note=self.note.text().strip() or None)
        except JournalError as err:
            self.problem.setText(self.tr("Could not save: {error}").format(error=err))
            self.problem.show()
            return
        self.stage = Stage.ENDED
        self.saved.emit(result)
        self.accept()

    # -- keys and leaving ------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        testing = self.stage in (Stage.COUNT_IN, Stage.RUNNING)
        if testing and key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():  # a held key is one stand
                self.count_stand()
            return
        if self.stage in (Stage.PRACTICE, Stage.COUNT_IN, Stage.RUNNING) \
                and key == getattr(Qt.Key, f"Key_{SHARP_PAIN_KEY}"):
            self.sharp_pain()
            return
        if self.stage in (Stage.PRACTICE, Stage.COUNT_IN, Stage.RUNNING) \
                and key == getattr(Qt.Key, f"Key_{UNWELL_KEY}"):
            self.unwell()
            return
        if testing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # no default button while counting
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc, Cancel or the window's close: ask first while a test runs or a result
        waits to be saved."""
        if self.stage in (Stage.COUNT_IN, Stage.RUNNING):
            self._ask(self.tr("Stop the test now? Nothing will be saved."),
                      (Stage.COUNT_IN, Stage.RUNNING))
        elif self.stage is Stage.RESULT:
            self._ask(self.tr("Close without saving this result?"), (Stage.RESULT,))
        else:
            self._leave()

    def _ask(self, text: str, stages: tuple[Stage, ...]) -> None:
        if self._asking:
            return
        self._asking = True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leave the test"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setObjectName("confirmLeave")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        # Words that say what each does, not "Yes" and "No".
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Leave the test"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Carry on"))

        def answered(answer: int) -> None:
            self._asking = False
            box.setObjectName("")
            box.deleteLater()
            # The time may have run out meanwhile: a result on screen is never dropped
            # by an answer to an older question.
            if answer == QMessageBox.StandardButton.Yes and self.stage in stages:
                self._leave()

        box.finished.connect(answered)
        box.open()

    def _leave(self) -> None:
        self._timer.stop()
        self.cues.stop()
        self.stage = Stage.ENDED
        super().reject()
