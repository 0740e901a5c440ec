"""One session from start to finish, safety first (clinical.md sections 3 and 4).

Pages, in order: the routine's safety notes with the "hot, red or swollen?" check
(a "yes" shows rest advice and records a session skipped by the safety check);
"pain right now" (may be skipped); the player; "pain right now" again; the result
with its traffic-light zone and advice. The sharp-pain and "I feel unwell" buttons
jump straight to what to do now. Everything is recorded in the journal as it happens.
The lists of when to get help come from :mod:`coach.ui.help`, as Help shows them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from datetime import time as dt_time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach import config
from coach.advice import (
    AfterAdvice,
    History,
    PreviousStop,
    session_outcome,
    stop_before_restart,
)
from coach.journal import EventKind, Journal, JournalError, Outcome, Session, now
from coach.pain import zone
from coach.progression import Recommendation, after_advice, high_before_start, levels_of
from coach.recorder import SessionRecorder
from coach.routine import Routine
from coach.session import EngineState, SessionEngine
from coach.ui.cues import CuePreferences, Cues
from coach.ui.flash import Flash
from coach.ui.help import (
    Section,
    advice_widgets,
    clot_section,
    emergency_section,
    hot_knee_section,
    same_day_section,
    sharp_pain_section,
)
from coach.ui.keepawake import KeepAwake
from coach.ui.levels import LevelPanel, level_short
from coach.ui.player import PlayerView
from coach.ui.player_controls import SHARP_PAIN_KEY, UNWELL_KEY
from coach.ui.player_words import spoken_phrase
from coach.ui.rating import QUIET_SECONDS, RatingPanel, zone_names
from coach.ui.settings import Settings
from coach.ui.widgets import (
    MessageBar,
    Reflow,
    callout,
    clock_time,
    plain_label,
    safety_notes,
    set_text_colour,
    settle_bar,
    short_day,
    translate,
)

# The keys that press a focused or default button.
ANSWER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
# How often what could not be written is tried again, in ms.
RETRY_MS = 5000


class QuietAnswers(QObject):
    """Ignores the keys that press a button on *widgets* for :data:`QUIET_SECONDS` after
    :meth:`start`, and held (auto-repeated) ones always: a key pressed twice or held
    down from the page before must not answer a safety question unread."""

    def __init__(self, clock: Callable[[], float], widgets: Iterable[QWidget],
                 parent: QObject) -> None:
        super().__init__(parent)
        self._clock = clock
        self._from = 0.0
        for widget in widgets:
            widget.installEventFilter(self)

    def start(self) -> None:
        self._from = self._clock() + QUIET_SECONDS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        return (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in ANSWER_KEYS
                and (event.isAutoRepeat() or self._clock() < self._from))


def big_button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(True)  # Enter presses the focused button, as Space does
    return enlarged(button, primary=primary)


def enlarged(button: QPushButton, *, primary: bool = False) -> QPushButton:
    """*button* as large as the session pages' others (read from a chair)."""
    button.setMinimumHeight(52)
    button.setStyleSheet("QPushButton { padding: 6px 22px; }")
    font = button.font()
    font.setPointSizeF(font.pointSizeF() + 3)
    font.setBold(primary)
    button.setFont(font)
    return button


def _centred_column(widgets: Iterable[QWidget], top: int, bottom: int, spacing: int, *,
                    stretch_last: bool = False) -> tuple[QWidget, QHBoxLayout]:
    """*widgets* in a column at most 980 px wide, centred in the widget returned (with
    the row that centres it)."""
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(40, top, 40, bottom)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch_last:
        layout.addStretch(1)
    body.setMaximumWidth(980)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.addWidget(body)
    return holder, row


def page(*widgets: QWidget, stretch_last: bool = True, top: int = 28,
         bottom: int = 28) -> QScrollArea:
    """A scrollable, centred column of widgets (*top* and *bottom*: its margins)."""
    holder, _row = _centred_column(widgets, top, bottom, 14, stretch_last=stretch_last)
    scroll = QScrollArea()
    # Tab goes from control to control, never to the bare page (the focused control
    # is scrolled into view).
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(holder)
    return scroll


def button_row(leading: QWidget | None, *trailing: QWidget,
               margins: tuple[int, int, int, int] | None = None) -> QWidget:
    """Buttons in a row: *leading* (if any) on the left, *trailing* on the right;
    *margins*: the row's own (None: the style's at the sides, none above and below).
    Where the row is too narrow for them (large text on a small screen), *leading*
    goes above the others, and then they one under another: squeezed, their words
    were cut ("lo, my knee is fine toda")."""
    row = QWidget()
    line = QHBoxLayout(row)
    if margins is None:
        style = line.contentsMargins()
        margins = (style.left(), 0, style.right(), 0)
    line.setContentsMargins(*margins)
    spacing = line.spacing() if line.spacing() >= 0 else 6
    right = QWidget()
    right_line = QHBoxLayout(right)
    right_line.setContentsMargins(0, 0, 0, 0)
    right_line.addStretch(1)
    for button in (leading, *trailing):
        if button is not None:  # never squeezed: the row goes onto more lines instead
            button.setMinimumWidth(button.sizeHint().width())
    right_line.addWidget(Reflow([(b, 0) for b in trailing], spacing=spacing))
    parts: list[tuple[QWidget, int]] = [(right, 1)]
    if leading is not None:
        parts.insert(0, (leading, 0))
    line.addWidget(Reflow(parts, spacing=spacing))
    return row


def page_with_answers(widgets: list[QWidget], answers: list[QWidget]) -> QWidget:
    """*widgets* as a :func:`page`, above *answers*, which stay in view whatever the
    height: on a short screen the notes scroll, never the question and its buttons."""
    scroll = page(*widgets, top=16, bottom=12)
    # Tight round the buttons: on a 1024x600 screen every line above them counts.
    holder, row = _centred_column(answers, 10, 12, 10)
    holder.setObjectName("answerBar")
    # Lined up with the column above: its margins, and room for its scroll bar.
    side = scroll.widget().layout().contentsMargins()
    scroll_bar = scroll.verticalScrollBar()

    def line_up(_low: int = 0, high: int = 0) -> None:
        row.setContentsMargins(side.left(), 0, side.right() + (
            scroll_bar.sizeHint().width() if high > 0 else 0), 0)

    line_up()
    scroll_bar.rangeChanged.connect(line_up)
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    whole = QWidget()
    layout = QVBoxLayout(whole)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(scroll, 1)
    layout.addWidget(line)
    layout.addWidget(holder)
    return whole


def unwell_sections() -> list[Section]:
    """What to do after an "I feel unwell" stop (a session's or the chair stand
    test's): when to call for help, then rest (clinical.md section 4)."""
    return [emergency_section(),
            (translate("SessionFlow", "What to do now"), [
                translate("SessionFlow", "Stop exercising for today."),
                translate("SessionFlow", "Sit or lie down somewhere safe and rest until you "
                                         "feel steady again."),
                translate("SessionFlow", "If the knee has swollen suddenly, rest it with the "
                                         "leg raised; a cold pack wrapped in a towel, about "
                                         "15 minutes, may ease it."),
                translate("SessionFlow", "Exercise again only once you feel well. If you "
                                         "still feel unwell after resting, or it happens "
                                         "again, talk to a clinician."),
            ]), same_day_section(), clot_section()]


def advice_text(advice: AfterAdvice) -> str:
    """Advice for next time after a session (clinical.md 3), in words."""
    return {
        AfterAdvice.TRY_MORE: translate(
            "Advice", "Your pain has stayed in the safe range in your last sessions of "
            "this routine. If your knee is back to usual tomorrow morning, the coach "
            "will offer the next level; take it if the exercises feel easy and well "
            "controlled."),
        AfterAdvice.KEEP_GREEN: translate(
            "Advice", "Your pain stayed in the safe range. Keep the same level for now: "
            "once it stays in the safe range for a few sessions in a row and the "
            "exercises feel easy, you can try a little more."),
        AfterAdvice.HOLD: translate(
            "Advice", "Your pain is in the acceptable range. Some pain "
            "during exercise is normal and is not a sign of harm. Keep "
            "the same level next time, and check that the pain has "
            "settled to your usual level by tomorrow morning."),
        AfterAdvice.EASIER: translate(
            "Advice", "That is more pain than is helpful. Next time make it "
            "easier, with fewer repetitions, shorter holds or a smaller "
            "movement, or rest for a day. If the pain has not settled by "
            "tomorrow morning, rest, and talk to a clinician if it "
            "continues."),
    }[advice]


def zone_name(value: int) -> str:
    return zone_names()[zone(value)]


class SessionFlow(QWidget):
    """Runs one routine's session inside the main window.

    Signals:
        closed(): the user left the session; the main window shows its list again.
        level_answered(str, int, str): on the safety check, before anything is
            recorded, the user took or declined the coach's level offer or picked a
            level (routine id, level, ChoiceKind value); the main window records it and,
            for another level, opens the session again at that level.
    """

    closed = Signal()
    level_answered = Signal(str, int, str)

    def __init__(self, routine: Routine, journal: Journal, *, lang: str, speed: float,
                 settings: Settings, clock=time.monotonic,
                 advice: Recommendation | None = None, offer: bool = False,
                 back_to: str = "routines", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionFlow")
        # Where "Back" goes (the tab the session was started from), said on its buttons.
        self.back_text = self.tr("Back to Today") if back_to == "today" else \
            self.tr("Back to routines")
        self.routine = routine
        self.lang = lang
        self.settings = settings
        self.journal = journal
        self._confirming = False  # the "end this session?" question is open
        self.advice = advice
        self._offer = offer
        self.recorder = SessionRecorder(journal, routine.id, on_error=self._journal_error,
                                        level=routine.level if routine.levels else None)
        # What could not be written is tried again on this timer while the window is
        # open (another program let go of the journal, space was freed).
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.retry_saving)
        # The last session of this routine, if it ended in a sharp-pain or unwell stop.
        try:
            history = History.load(journal, date.today())
        except JournalError:  # damaged: the main window says so
            history = History([])
        self.previous_stop = stop_before_restart(history, routine.id)
        # The usual pain of the week before today, for a high "before": today's own
        # ratings do not count, so that a second try on a bad day is weighed as the
        # first was, not against the pain that stopped it. With none before today
        # (a new user), today's so far; None: not rated at all.
        self.usual_pain = history.usual_before(
            datetime.combine(date.today(), dt_time()).astimezone())
        if self.usual_pain is None:  # the clock unrounded: this very second counts
            self.usual_pain = history.usual_before(datetime.now().astimezone())
        self.before_value: int | None = None  # the saved "before" rating, for the result
        self._clock = clock
        self._speed = speed
        self.keep_awake = KeepAwake(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bars = QVBoxLayout()
        self.bars.setContentsMargins(12, 6, 12, 0)
        layout.addLayout(self.bars)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        self.check_page = self._build_check()
        self.before_panel = RatingPanel(
            self.tr("How much does your knee hurt right now?"),
            save_text=self.tr("Save and start"), skip_text=self.tr("Skip and start"),
            clock=clock)
        self.before_panel.submitted.connect(self._rated_before)
        self.before_panel.skipped.connect(self._start_player)
        leave = QPushButton(self.back_text)
        leave.setObjectName("beforeBack")
        leave.setAccessibleDescription(self.tr("Leave without starting"))
        leave.clicked.connect(self.closed)  # the window's close: not counted as exercise
        self.before_panel.buttons.insertWidget(0, leave)
        for button in (leave, self.before_panel.skip_button):
            enlarged(button)
        enlarged(self.before_panel.submit, primary=True)
        # Tab in reading order: the rating, then the row from the left.
        QWidget.setTabOrder(self.before_panel.rating, leave)
        QWidget.setTabOrder(leave, self.before_panel.skip_button)
        # Which routine this is about to start (the question alone did not say).
        self.before_routine = plain_label(routine.title.get(lang), point_delta=2, bold=True,
                                          object_name="beforeRoutine")
        set_text_colour(self.before_routine)
        inset = self.before_panel.layout().contentsMargins().left()  # lined up with it
        self.before_routine.setContentsMargins(inset, 0, 0, 0)
        self.before_page = page(self.before_routine, self.before_panel)
        self.after_panel = RatingPanel(
            self.tr("How much does your knee hurt right now, after exercising?"),
            save_text=self.tr("Save"), skip_text=self.tr("Skip"), clock=clock,
            zones=True)
        self.after_panel.submitted.connect(self._rated_after)
        self.after_panel.skipped.connect(lambda: self._show_result(None))
        enlarged(self.after_panel.skip_button)
        enlarged(self.after_panel.submit, primary=True)
        self.after_title = plain_label("", point_delta=8, bold=True, object_name="afterTitle")
        self.after_page = page(self.after_title, self.after_panel)
        for widget in (self.check_page, self.before_page, self.after_page):
            self.pages.addWidget(widget)
        self.cues = Cues(lang, sound=settings.get(config.SOUND),
                         voice=settings.get(config.VOICE),
                         phrase_for=lambda e: spoken_phrase(e, self.routine, lang),
                         preferences=CuePreferences.load(settings), parent=self)
        self._play(routine)

    def _play(self, routine: Routine) -> None:
        """The engine and the player for *routine*, replacing any before them (none
        has started); the recorder, the cues and the flash follow the new ones."""
        self.routine = routine
        self.engine = SessionEngine(routine, self._clock, speed=self._speed)
        # The recorder hears each event first, the player next and the cues last.
        self.recorder.play_at_level(routine.level if routine.levels else None, self.engine)
        old = getattr(self, "player", None)
        player = self.player = PlayerView(self.engine, self.lang, clock=self._clock)
        player.end_requested.connect(self.confirm_end)
        player.sharp_pain.connect(self.sharp_pain)
        player.unwell.connect(self.unwell)
        player.finished.connect(self._finished)
        self.engine.subscribe(self.cues.on_event)
        if old is None:
            self.pages.insertWidget(self.pages.indexOf(self.after_page), player)
        else:
            self.cues.status_changed.disconnect(old.set_status_note)
            self.cues.flash_requested.disconnect(self.flash.flash)
            self.pages.insertWidget(self.pages.indexOf(old), player)
            self.pages.removeWidget(old)
            old.stop_timer()
            old.deleteLater()
        self.cues.status_changed.connect(player.set_status_note)
        self.flash = Flash(player)  # when the preferences ask for it
        self.cues.flash_requested.connect(self.flash.flash)
        player.sound_toggle.setChecked(self.cues.sound_on)
        player.voice_toggle.setChecked(self.cues.voice_on)
        # Off, disabled and saying why when there is no sound output or no voice.
        self.cues.bind_toggles(player.sound_toggle, player.voice_toggle)
        player.sound_toggle.toggled.connect(lambda on: self._set_cue(config.SOUND, on))
        player.voice_toggle.toggled.connect(lambda on: self._set_cue(config.VOICE, on))

    # -- pages ---------------------------------------------------------------------
    def _build_check(self) -> QWidget:
        title = plain_label(self.routine.title.get(self.lang), point_delta=8, bold=True)
        widgets: list[QWidget] = [title]
        self.go_ahead: QCheckBox | None = None
        if self.previous_stop is not None:  # first: what the box below the question is for
            widgets.append(self._previous_stop_box(self.previous_stop))
        safety = self.routine.safety.get(self.lang)
        if safety:
            widgets.append(safety_notes(safety, self.tr("Before you start"),
                                        "sessionSafetyNotes"))
        self.level_panel: LevelPanel | None = None
        if self.routine.levels or self.advice is not None:
            self.level_panel = LevelPanel(picker=True)
            self.level_panel.show_advice(self.routine, self.advice, self.lang,
                                         offer=self._offer)
            self.level_panel.answered.connect(self.level_answered)
            # An offer to answer (an easier level after pain in the red, or more) comes
            # before the notes: under them, on a small screen "No, my knee is fine
            # today" started the old level with the offer never seen.
            widgets.insert(len(widgets) - 1 if self._offer and safety else len(widgets),
                           self.level_panel)
        question = plain_label(self.tr("Is your knee hot, red or swollen today?"),
                               point_delta=7, bold=True, object_name="safetyQuestion")
        answers: list[QWidget] = [question, plain_label(self.tr(
            "Also answer yes if you have a fever or feel unwell today."))]
        self.ok_button = big_button(self.tr("No, my knee is fine today"), "safetyOk",
                                    primary=True)
        self.not_today_button = big_button(self.tr("Yes, or I feel unwell"),
                                           "safetyNotToday")
        self.ok_button.setAccessibleDescription(self.tr(
            "Answer no to: is your knee hot, red or swollen today? Goes on to the session"))
        self.not_today_button.setAccessibleDescription(self.tr(
            "Answer yes: shows rest advice and does not start the routine"))
        self.ok_button.clicked.connect(self._safety_ok)
        self.not_today_button.clicked.connect(self._not_today)
        self.quiet = QuietAnswers(self._clock, (self.ok_button, self.not_today_button), self)
        back = big_button(self.back_text, "backButton")
        back.setAccessibleDescription(self.tr("Leave without starting"))
        back.clicked.connect(self.closed)
        if self.go_ahead is not None:
            answers += [self.go_ahead_reason, self.go_ahead]
        answers.append(button_row(back, self.not_today_button, self.ok_button,
                                  margins=(0, 0, 0, 0)))
        if self.go_ahead is not None:
            self.ok_button.setEnabled(False)
            self.go_ahead.toggled.connect(self.ok_button.setEnabled)
        return page_with_answers(widgets, answers)

    def _previous_stop_box(self, stop: PreviousStop) -> QWidget:
        """The last session of this routine ended in a sharp pain, or the user felt
        unwell: say so, and ask for a deliberate decision before it starts again (the
        user decides)."""
        sharp = stop.kind is EventKind.SHARP_PAIN
        colour = "red" if sharp else "amber"
        box, inner = callout("previousStop", kind=colour)
        when = self.tr("{day}, {time}").format(day=short_day(stop.at.date()),
                                               time=clock_time(stop.at))
        steps = self.routine.steps
        if stop.step is not None and 1 <= stop.step <= len(steps):
            title = steps[stop.step - 1].title.get(self.lang)
            text = (self.tr("Last time you stopped this routine because of a sharp pain: "
                            "{when}, at step {step}, “{title}”.") if sharp else
                    self.tr("Last time you stopped this routine because you felt unwell: "
                            "{when}, at step {step}, “{title}”.")).format(
                when=when, step=stop.step, title=title)
        else:
            text = (self.tr("Last time you stopped this routine because of a sharp pain "
                            "({when}).") if sharp else
                    self.tr("Last time you stopped this routine because you felt unwell "
                            "({when}).")).format(when=when)
        headline = plain_label(text, point_delta=3, bold=True, object_name="previousStopText")
        set_text_colour(headline, lambda c: c.zone_text[colour])
        inner.addWidget(headline)
        if sharp:
            advice = self.tr(
                "The advice then was not to do it again before talking to a clinician "
                "about the pain. If the pain comes back, stop at once with the red button "
                "or the {key} key.").format(key=SHARP_PAIN_KEY)
        else:
            advice = self.tr(
                "Start again only if you feel well today. If you feel unwell again, stop "
                "at once with the “{button}” button or the {key} key, and talk to a "
                "clinician.").format(button=translate("PlayerView", "I feel unwell"),
                                     key=UNWELL_KEY)
        inner.addWidget(plain_label(advice, point_delta=1))
        self.go_ahead = QCheckBox(self.tr("I have thought about it and want to go ahead"))
        # What the box is about, beside it: with large text the note above scrolls away.
        self.go_ahead_reason = plain_label(
            self.tr("Last time you stopped because of a sharp pain.") if sharp else
            self.tr("Last time you stopped because you felt unwell."), bold=True,
            object_name="goAheadReason")
        set_text_colour(self.go_ahead_reason, lambda c: c.zone_text[colour])
        self.go_ahead.setObjectName("goAheadAfterStop")
        self.go_ahead.setAccessibleDescription(text)
        font = self.go_ahead.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        self.go_ahead.setFont(font)
        self.go_ahead.setStyleSheet("QCheckBox { padding: 6px 0; } "
                                    "QCheckBox::indicator { width: 22px; height: 22px; }")
        # It goes with the answers (below), always in view: scrolled out of sight, "No,
        # my knee is fine today" looked greyed out for no reason.
        return box

    def _advice_page(self, title: str, paragraphs: list[str],
                     sections: list[Section], name: str) -> None:
        self._final_page(advice_widgets(title, paragraphs, sections, name))

    def _final_page(self, widgets: list[QWidget]) -> None:
        """Show *widgets* as the session's last page, with the way back (to the tab the
        session began on) in view on a short screen (the words scroll)."""
        done = big_button(self.back_text, "backButton", primary=True)
        done.setAccessibleDescription(self.tr("End of the session"))
        done.clicked.connect(self.closed)
        final = page_with_answers(widgets, [button_row(None, done)])
        self.pages.addWidget(final)
        self.pages.setCurrentWidget(final)
        done.setFocus()
        # Return pressed twice on the rating before it, or held, must not leave the
        # advice unread.
        QuietAnswers(self._clock, (done,), final).start()

    def refresh_level(self, advice: Recommendation | None, offer: bool) -> None:
        """The coach's advice again, after the user answered its offer (only while
        the safety check shows it: the session's own writes change nothing there)."""
        if self.pages.currentWidget() is not self.check_page:
            return
        if advice is not None and advice.level != self.routine.level:
            advice, offer = None, False
        self.advice, self._offer = advice, offer
        if self.level_panel is not None:
            self.level_panel.show_advice(self.routine, advice, self.lang, offer=offer)

    def start(self) -> None:
        self.pages.setCurrentWidget(self.check_page)
        (self.go_ahead or self.ok_button).setFocus()
        self.quiet.start()  # Start on Today pressed twice, or held, answers nothing

    # -- steps of the flow -----------------------------------------------------------
    def _safety_ok(self) -> None:
        self.recorder.begin()
        self.pages.setCurrentWidget(self.before_page)
        self.before_panel.reset()

    def _not_today(self) -> None:
        self.recorder.skipped_by_safety_check()
        self._advice_page(
            self.tr("Rest your knee today"),
            [self.tr("Exercising a knee that is hot, red or swollen can make it worse. "
                     "Skipping today is the right choice, not a failure."),
             self.tr("With a fever or if you feel unwell, rest until you feel well "
                     "again.")],
            [hot_knee_section(self.tr("Try the routine again gently once the heat and "
                                      "swelling have settled."),
                              self.tr("See a clinician if it has not settled after a few "
                                      "days.")),
             # A red, hot knee with a fever needs care today: that comes first.
             same_day_section(hot_knee_first=True), clot_section()], "restAdvice")

    def _rated_before(self, value: int) -> None:
        self.recorder.rate(value, "before")  # kept and written later if it must wait
        self.before_value = value
        if high_before_start(value, self.usual_pain):
            self._ask_about_high_pain(value)
        else:
            self._start_player()

    def _ask_about_high_pain(self, value: int) -> None:
        """Pain well above the usual (or high, with no usual known) before the start:
        rest today or go on gently; the user decides, and sees first when to get care
        (clinical.md 4 and 8: a clear rise is a reason to rest, not a failure)."""
        said = self.tr("You rated your pain {value} of 10.").format(value=value)
        if self.usual_pain is not None:
            said += " " + self.tr("That is well above your usual pain.")
        gentler = self._gentler()
        gently = self.tr("Go gently: take it slowly, make the movements smaller, pause or "
                         "skip a step when you need to, and stop at once if the pain "
                         "rises or turns sharp.")
        # "A good choice", not "the right one": going on gently is offered beside it.
        paragraphs = [said, self.tr("On a day like this, resting is a good choice, not a "
                                    "failure.")]
        if gentler is None:
            go_on_text = self.tr("Go on gently")
            go_on_said = self.tr("Starts the routine")
        else:
            level = level_short(gentler, gentler.level, self.lang)
            paragraphs.append(self.tr(
                "If you go on, today's session is at the easiest level, {level}. Later "
                "sessions start there too, and the coach offers the next level again "
                "once they go well.").format(level=level))
            go_on_text = self.tr("Go on at the easiest level")
            go_on_said = self.tr("Starts the routine at {level}").format(level=level)
        widgets = advice_widgets(
            self.tr("Your knee hurts a lot today"), [*paragraphs, gently],
            [same_day_section(), clot_section()], "highPainQuestion")
        rest = big_button(self.tr("Rest today"), "highPainRest", primary=True)
        rest.setAccessibleDescription(self.tr("Ends the session without exercising"))
        rest.clicked.connect(self._rest_today)
        go_on = big_button(go_on_text, "highPainGoOn")
        go_on.setAccessibleDescription(go_on_said)
        go_on.clicked.connect(lambda: self._go_on_gently(gentler))
        question = page_with_answers(widgets, [button_row(None, go_on, rest)])
        self.pages.addWidget(question)
        self.pages.setCurrentWidget(question)
        rest.setFocus()
        # Return held (or pressed twice) on the rating must not answer it unread.
        QuietAnswers(self._clock, (go_on, rest), question).start()

    def _gentler(self) -> Routine | None:
        """The routine at its easiest level, for a bad day (clinical.md 8: a flare-up
        is a reason to rest or drop to the easiest level), with the weaker leg's extra
        work if chosen; None when it has one level or is played at the easiest."""
        if not self.routine.levels or self.routine.level == 1:
            return None
        return self.routine.at_level(1).for_weaker_side(
            self.settings.get(config.weaker_side(self.routine.id)))

    def _go_on_gently(self, routine: Routine | None) -> None:
        if routine is not None:
            self._play(routine)
        self._start_player()

    def _rest_today(self) -> None:
        self.recorder.left_before_start()  # no step done: not counted as exercise
        self._advice_page(
            self.tr("Resting today"),
            [self.tr("Resting your knee when it hurts a lot is the right choice, not a "
                     "failure. Rate your pain again tomorrow to see whether it has "
                     "settled.")],
            [hot_knee_section(), same_day_section(), clot_section()], "restTodayAdvice")

    def _start_player(self) -> None:
        self.pages.setCurrentWidget(self.player)
        self.cues.prepare()
        self.keep_awake.start(self.tr("A Knee Coach session is running"))
        self.player.start()

    def exercising(self) -> bool:
        """The routine is playing or paused (not before it, not after it)."""
        return self.engine.state in (EngineState.RUNNING, EngineState.PAUSED)

    def confirm_end(self, on_end: Callable[[], object] | None = None) -> None:
        """Ask before ending the session; *on_end* runs after a "yes" instead of
        the after-rating (the window is closing)."""
        if not self.exercising() or self._confirming:
            return
        self._confirming = True
        was_running = self.engine.state == "running"
        self.engine.pause()
        if not self.exercising():  # the last phase ran out as Esc was pressed: it ended
            self._confirming = False
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("End session"),
                          self.tr("End this session now? What you have done so far is "
                                  "saved.") if self.recorder.saved else
                          self.tr("End this session now? What you have done so far is "
                                  "not in your journal yet; Knee Coach keeps trying "
                                  "while this window is open."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setObjectName("confirmEnd")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        # Words that say what each does, not "Yes" and "No".
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("End session"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Carry on"))

        def answered(result: int) -> None:
            self._confirming = False
            box.setObjectName("")  # the next question is another box
            box.deleteLater()
            if result == QMessageBox.StandardButton.Yes:
                self.engine.stop("user")
                if on_end is not None:
                    on_end()
                else:
                    self._ask_after(self.tr("Session ended"))
            elif was_running and self.engine.state == "paused":
                self.player.toggle_pause()

        box.finished.connect(answered)
        box.open()

    def sharp_pain(self) -> None:
        """Stop at once, no questions: record it and say what to do now."""
        if self.engine.state in ("finished", "stopped"):
            return
        self.engine.stop("sharp_pain")
        self._leave_player()
        self._advice_page(
            self.tr("Session stopped"),
            [self.tr("You stopped because of a sharp pain. That was the right thing "
                     "to do, and it has been recorded.") if self.recorder.saved else
             self.tr("You stopped because of a sharp pain. That was the right thing to "
                     "do. It is not in your journal yet: Knee Coach keeps trying while "
                     "this window is open (the bar above says why).")],
            [sharp_pain_section(self.tr("Do not restart this routine until you have "
                                        "talked to a clinician about the pain.")),
             same_day_section(), clot_section()], "sharpPainAdvice")

    def unwell(self) -> None:
        """Dizzy, a sudden swelling or feeling ill: stop at once, no questions, record
        it and say what to do now (clinical.md section 4)."""
        if self.engine.state in ("finished", "stopped"):
            return
        self.engine.stop(EventKind.UNWELL)
        self._leave_player()
        self._advice_page(
            self.tr("Session stopped"),
            [self.tr("You stopped because you felt unwell. That was the right thing to "
                     "do, and it has been recorded.") if self.recorder.saved else
             self.tr("You stopped because you felt unwell. That was the right thing to "
                     "do. It is not in your journal yet: Knee Coach keeps trying while "
                     "this window is open (the bar above says why).")],
            unwell_sections(), "unwellAdvice")

    def _leave_player(self) -> None:
        self.player.set_focus_mode(False)  # the advice pages need the whole window back
        self.cues.stop()
        self.keep_awake.stop()

    def _finished(self) -> None:
        session = self.recorder.session
        if session is None or session.outcome == Outcome.COMPLETED:
            self._ask_after(self.tr("Well done: routine complete"))
        else:  # the end was reached by skipping steps
            self._ask_after(self.tr("Session ended: {done} of {total} steps done").format(
                done=len(self.engine.completed_steps), total=len(self.routine.steps)))

    def _ask_after(self, title: str) -> None:
        self._leave_player()
        self.after_title.setText(title)
        self.pages.setCurrentWidget(self.after_page)
        self.after_panel.reset()

    def _rated_after(self, value: int) -> None:
        self.recorder.rate(value, "after")  # kept and written later if it must wait
        self._show_result(value)

    def _show_result(self, value: int | None) -> None:
        done = len(self.engine.completed_steps)
        total = len(self.routine.steps)
        widgets: list[QWidget] = [plain_label(
            self.tr("You completed {done} of {total} steps.").format(done=done, total=total),
            point_delta=6, bold=True, object_name="resultSummary")]
        if value is not None:
            name = zone(value)
            box, inner = callout("zoneBox", kind=name, border=8)
            headline = plain_label(self.tr("Pain {value} of 10: {zone}").format(
                value=value, zone=zone_name(value)), point_delta=8, bold=True,
                object_name="zoneLabel")
            set_text_colour(headline, lambda c: c.zone_text[name])
            inner.addWidget(headline)
            inner.addWidget(plain_label(advice_text(self._advice(value)), point_delta=2,
                                        object_name="zoneAdvice"))
            widgets.append(box)
            if self.before_value is not None:
                widgets.append(plain_label(
                    self.tr("Before you started: {before} of 10. Now: {after} of 10.").format(
                        before=self.before_value, after=value),
                    point_delta=2, object_name="beforeAfter"))
        self._final_page(widgets)

    def _advice(self, value: int) -> AfterAdvice:
        session = self.recorder.session
        levels, today = levels_of(self.routine), date.today()
        if session is None:  # the journal could not record it: judge it alone
            done = len(self.engine.completed_steps)
            reason = None if self.engine.state is EngineState.FINISHED else "user"
            session = Session("", self.routine.id, now(), None, done,
                              session_outcome(len(self.routine.steps), done, reason),
                              self.recorder.level)
            return after_advice(History([]), session, value, levels, today)
        try:
            history = History.load(self.journal, today)
        except JournalError:  # damaged: judge this session on its own
            history = History([session])
        return after_advice(history, session, value, levels, today)

    def _set_cue(self, key: config.Setting[bool], on: bool) -> None:
        self.settings.set(key, on)
        if key is config.SOUND:
            self.cues.set_sound(on)
        else:
            self.cues.set_voice(on)

    # -- problems --------------------------------------------------------------------
    def _journal_error(self, error: JournalError) -> None:
        self._retry.start()
        text = self.tr("Not saved to your journal yet: {error}. Nothing is lost: Knee "
                       "Coach tries again every few seconds while this window is "
                       "open.").format(error=error)
        bar = self.findChild(MessageBar, "saveProblem")
        if bar is not None:
            bar.label.setText(text)
            return
        for done in self.findChildren(MessageBar, "saveDone"):
            done.deleteLater()
        bar = MessageBar(text, level="error", closable=False)
        bar.setObjectName("saveProblem")
        self.bars.addWidget(bar)

    def retry_saving(self) -> bool:
        """Write what is waiting; once all of it is in the journal, say so."""
        if not self.recorder.flush():
            return False
        self._retry.stop()
        settle_bar(self, self.bars, "saveProblem", self.tr(
            "Saved: everything from this session is in your journal now."), "saveDone")
        return True

    def unsaved(self) -> JournalError | None:
        """What keeps part of this session off the disk (after one more try), if
        anything: the window asks before closing on it."""
        if self.retry_saving():
            return None
        return self.recorder.errors[-1] if self.recorder.errors else None

    def shutdown(self) -> None:
        """The window is closing or the user left: stop cleanly (progress is saved)."""
        if self.engine.state in ("running", "paused"):
            self.engine.stop("user")
        elif self.engine.state == "ready":
            self.recorder.left_before_start()
        self._leave_player()
        self.player.stop_timer()

