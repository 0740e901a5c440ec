"""The Today screen, the first thing the app shows: what is planned today with a big
Start, what the last session said, how usual pain has gone over four weeks, this
week's sessions of the plan and the next reminder.

Everything it says comes from ``coach.today`` and ``coach.advice`` (the same data as
``coach today``); this module only puts it into translated words. The words for the
advice module's :class:`~coach.advice.TodayAdvice` live here too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.advice import History, Morning, Today, TodayAdvice, morning_of, morning_session
from coach.journal import Context, Journal, Session
from coach.library import Library
from coach.pain import Zone, zone
from coach.plan import Plan
from coach.progression import Action as LevelAction
from coach.progression import Why
from coach.routine import Routine
from coach.schedule import Reminder, ReminderKind, ReminderState
from coach.today import Action, PainGlance, Reason, TodayView, offer_open, pain_glance, today
from coach.trend import MIN_RECENT_DAYS
from coach.ui.levels import LevelPanel, level_short, reason_words
from coach.ui.sparkline import Sparkline
from coach.ui.verdict import verdict_headline
from coach.ui.widgets import (
    callout,
    clear_layout,
    clock_time,
    duration_text,
    plain_label,
    set_text_colour,
    short_day,
    translate,
)


class TodayData(NamedTuple):
    """What the Today screen shows: the day's plan and advice, the last session, the
    session the morning question is about (if it is still to be asked), the four-week
    glance at usual pain, and whether reminders are on."""

    view: TodayView
    history: History
    morning: Session | None
    glance: PainGlance | None
    reminders_on: bool
    has_plan: bool
    plan: Plan
    # Without a plan: the routine offered with a Start (the last one used, or the
    # first in the library).
    suggested: str | None = None
    # The journal could not be read (an empty stand-in): the history above is empty,
    # not the user's, and no advice may be drawn from it.
    unreadable: bool = False


def frequency_words(routine_id: str | None, library: Library, lang: str) -> str:
    """How often the routine's own text says to do it ("" if it says nothing)."""
    found = library.get(routine_id or "")
    return found.frequency.get(lang) if found and found.frequency else ""


def advice_words(advice: TodayAdvice, library: Library, lang: str, *,
                 carry_on: bool = True) -> str:
    """The advice module's verdict for today in the user's language; *carry_on*: a
    settled morning may say to carry on at the same level (:func:`_carry_on`)."""
    def name(routine_id: str | None) -> str:
        routine = library.get(routine_id) if routine_id else None
        return routine.title.get(lang) if routine else (routine_id or "")

    routine = name(advice.routine_id)
    when = short_day(advice.day) if advice.day else ""  # as "Last session: Tue 1 Dec"
    value = advice.value
    kind = advice.kind
    if kind is Today.WELCOME:
        flagship = library.routines[0].title.get(lang) if library.routines else ""
        return translate("TodayPage", "Welcome. A good start is “{routine}”: read its "
                                      "safety notes, then press Start.").format(
            routine=flagship)
    if kind is Today.AFTER_SHARP_PAIN:
        if advice.step is not None:
            return translate("MainWindow", "Your last session ({date}) stopped at step "
                                           "{step} because of a sharp pain. Talk to a "
                                           "clinician before you do “{routine}” again."
                             ).format(date=when, step=advice.step, routine=routine)
        return translate("MainWindow", "Your last session ({date}) stopped because of a "
                                       "sharp pain. Talk to a clinician before you do "
                                       "“{routine}” again.").format(date=when, routine=routine)
    if kind is Today.AFTER_UNWELL:
        return translate("MainWindow", "Your last session ({date}) stopped because you felt "
                                       "unwell. Exercise again only once you feel well; if it "
                                       "happens again, talk to a clinician.").format(date=when)
    if kind is Today.REST_AFTER_SKIP:
        return translate("MainWindow", "On {date} you said your knee was hot, red or "
                                       "swollen, or that you felt unwell. If that is still "
                                       "so, rest today; if it does not settle, see a "
                                       "clinician.").format(date=when)
    if kind is Today.DONE_TODAY:
        return translate("MainWindow", "You have exercised today (“{routine}”). Rest now, "
                                       "and tomorrow morning note how your knee feels."
                         ).format(routine=routine)
    if kind is Today.YESTERDAY:
        often = frequency_words(advice.routine_id, library, lang)
        if not often:
            return translate("MainWindow", "Yesterday: “{routine}”.").format(routine=routine)
        return translate("MainWindow", "Yesterday: “{routine}”. {frequency}").format(
            routine=routine, frequency=often)
    if kind is Today.MORNING_SETTLED and not carry_on:
        # Back to usual, but the session was too much, today is a rest day, or the
        # coach offers another level: the words under this say what to do.
        return translate("MainWindow", "This morning your pain was {value} of 10, back "
                                       "to its usual level after yesterday's "
                                       "“{routine}”.").format(value=value, routine=routine)
    if kind is Today.MORNING_SETTLED:
        return translate("MainWindow", "This morning your pain was {value} of 10, back to "
                                       "its usual level after yesterday's “{routine}”: the "
                                       "exercise suited you. Carry on at the same level."
                         ).format(value=value, routine=routine)
    if kind is Today.MORNING_SAFE:
        safe = translate("MainWindow", "This morning your pain was {value} of 10 after "
                                       "yesterday's “{routine}”: a little above your usual "
                                       "level, and still in the safe range (0 to 2)."
                         ).format(value=value, routine=routine)
        return translate("MainWindow", "{sentence} Carry on at the same level.").format(
            sentence=safe) if carry_on else safe
    if kind is Today.MORNING_NOT_SETTLED:
        return translate("MainWindow", "This morning your pain was {value} of 10 after "
                                       "yesterday's “{routine}”: it has not settled to its "
                                       "usual level. Make the next session easier (fewer "
                                       "repetitions, shorter holds, a smaller movement) or "
                                       "rest for a day. If this keeps happening, talk to a "
                                       "clinician.").format(value=value, routine=routine)
    if kind is Today.MORNING_UNCLEAR:
        return translate("MainWindow", "This morning your pain was {value} of 10 after "
                                       "yesterday's “{routine}”. If that is your usual "
                                       "level, carry on at the same level; if it is higher, "
                                       "make the next session easier or rest for a day."
                         ).format(value=value, routine=routine)
    return translate("MainWindow", "Your last session was {n} days ago (“{routine}”). "
                                   "Whenever you are ready, pick up where you left off."
                     ).format(n=advice.days, routine=routine)


def _carry_on(view: TodayView) -> bool:
    """May Today say "the exercise suited you: carry on at the same level" of the
    session the morning rating settled? Not after a session rated in the red, on a
    rest day, or when the coach recommends another level or a rest for the routine."""
    advice = view.advice
    if advice.after is not None and zone(advice.after) is Zone.RED:
        return False
    if view.action is Action.CHECK_IN or Reason.CHECKED_IN in view.reasons \
            or Reason.FLARE_UP in view.reasons:
        return False
    recommended = view.level_of(advice.routine_id or "")
    return recommended is None or recommended.action is LevelAction.HOLD


def action_words(view: TodayView) -> str:
    """What to do today, from the reason codes (``coach today`` says the same in
    English)."""
    codes = set(view.reasons)
    if Reason.FLARE_UP in codes:  # the flare-up itself is said in the box above
        if view.action is Action.CHECK_IN:
            return translate("TodayPage", "How is your knee today? Rate your pain when you "
                                          "are ready.")
        return translate("TodayPage", "Thank you for checking in today.")
    if view.action is Action.CHECK_IN:
        if Reason.SHARP_PAIN_STOP in codes:
            # A session's stop, or the chair stand test's: "you stopped" is both.
            cause = translate("TodayPage", "A rest day: you stopped because of a sharp "
                                           "pain.")
        elif Reason.UNWELL_STOP in codes:
            cause = translate("TodayPage", "A rest day: you stopped because you felt "
                                           "unwell.")
        elif Reason.HIGH_PAIN in codes:
            cause = translate("TodayPage", "A rest day: your knee hurt a lot before the "
                                           "session.")
        elif Reason.RED_AT_EASIEST in codes:
            cause = translate("TodayPage", "A rest day: your pain was too much right after "
                                           "your last session, already at the easiest "
                                           "level.")
        elif Reason.UNSETTLED_AT_EASIEST in codes:
            cause = translate("TodayPage", "A rest day: your knee had not settled the "
                                           "morning after your last session, already at "
                                           "the easiest level.")
        else:
            cause = translate("TodayPage", "A rest day: you said your knee was hot, red or "
                                           "swollen, or that you felt unwell.")
        return cause + " " + translate("TodayPage", "How is your knee today? Rate your "
                                                    "pain when you are ready; no exercise "
                                                    "is planned for today.")
    if view.action is Action.REST and Reason.CHECKED_IN in codes:
        return translate("TodayPage", "A rest day. Thank you for checking in; rest, and "
                                      "cool the knee if it helps.")
    if view.day_reason == Reason.NO_PLAN:
        # The reminder line below offers the plan: not said twice.
        return translate("TodayPage", "No weekly plan yet: choose a routine for today.")
    if view.day_reason == Reason.DONE:
        return translate("TodayPage", "Done for today. Well done.")
    if view.day_reason == Reason.NOT_PLANNED:
        return translate("TodayPage", "Nothing is planned for today: rest, or do a "
                                      "routine if you feel like it.")
    return ""


def flare_words(view: TodayView) -> str:
    """A flare-up in plain, kind words: what it is, what to do, and when to see
    someone."""
    words = translate("TodayPage", "Your knee seems to be having a flare-up. That is a "
                                   "reason to rest, not a failure, and flare-ups usually "
                                   "settle. Rest it for a few days, or do only the easiest "
                                   "level, and rate your pain each day; the coach goes back "
                                   "to your usual plan by itself once the pain settles.")
    if view.flare is not None and Why.FLARE_LONG in _flare_reasons(view):
        words += " " + reason_words(Why.FLARE_LONG)
    return words


def _flare_reasons(view: TodayView) -> tuple[Why, ...]:
    return next((r.reasons for r in view.levels if r.flare is not None), ())


def _day_name(day: date) -> str:
    """"Tuesday 1 December" / 「12月1日（火）」."""
    japanese = QLocale().language() == QLocale.Language.Japanese
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              "M月d日（ddd）" if japanese else "dddd d MMMM")


class TodayPage(QScrollArea):
    """The Today screen (objectName ``todayPage``). Fill it with :meth:`show_today`.

    Signals:
        start_requested(str): Start pressed for this routine id.
        start_level_requested(str, int): start this routine at this level (the easiest
            one during a flare-up).
        level_answered(str, int, str): a level offer answered (routine id, level,
            ChoiceKind value).
        choose_requested(): the user wants to pick a routine on the Routines page.
        plan_requested(): open the weekly plan.
        check_in_requested(): rate the pain now.
        chair_stand_requested(): do the 30-second chair stand test (it is due).
        morning_requested(str): answer the next-morning question for this session uid.
    """

    start_requested = Signal(str)
    start_level_requested = Signal(str, int)
    level_answered = Signal(str, int, str)
    choose_requested = Signal()
    chair_stand_requested = Signal()
    plan_requested = Signal()
    check_in_requested = Signal()
    morning_requested = Signal(str)

    def __init__(self, library: Library, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its buttons
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.library = library
        self.lang = lang
        self.data: TodayData | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)

        self.heading = plain_label("", point_delta=6, bold=True, object_name="todayHeading")
        layout.addWidget(self.heading)

        self.today_box, box_layout = callout("todayBox", kind="info")
        self.today_box.setAccessibleName(self.tr("Today"))
        self.today_label = plain_label("", point_delta=1, object_name="todayLabel")
        self.today_label.setAccessibleDescription(self.tr("What to do today"))
        box_layout.addWidget(self.today_label)
        self.morning_row = QWidget()
        self.morning_row.setObjectName("morningPrompt")
        morning = QHBoxLayout(self.morning_row)
        morning.setContentsMargins(0, 6, 0, 0)
        self.morning_label = plain_label("", object_name="morningQuestion")
        morning.addWidget(self.morning_label, 1)
        self.morning_button = QPushButton(self.tr("Rate this morning's pain…"))
        self.morning_button.setObjectName("morningButton")
        self.morning_button.clicked.connect(self._answer_morning)
        morning.addWidget(self.morning_button, 0, Qt.AlignmentFlag.AlignBottom)
        box_layout.addWidget(self.morning_row)
        layout.addWidget(self.today_box)

        self.action_label = plain_label("", point_delta=1, object_name="todayAction")
        layout.addWidget(self.action_label)
        self.planned = QVBoxLayout()
        self.planned.setSpacing(8)
        layout.addLayout(self.planned)

        self.last_label = plain_label("", object_name="lastSession")
        layout.addWidget(self.last_label)

        pain = QHBoxLayout()
        pain.setSpacing(16)
        self.sparkline = Sparkline()
        pain_words = QVBoxLayout()
        pain_words.addWidget(plain_label(self.tr("Usual pain, last four weeks"), bold=True))
        self.verdict = plain_label("", point_delta=1, bold=True, object_name="todayVerdict")
        pain_words.addWidget(self.verdict)
        pain_words.addStretch(1)
        pain.addLayout(pain_words, 1)
        pain.addWidget(self.sparkline, 1)
        self.pain_row = QWidget()
        self.pain_row.setLayout(pain)
        pain.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pain_row)

        self.week_label = plain_label("", object_name="adherence")
        layout.addWidget(self.week_label)
        plan_row = QHBoxLayout()
        self.reminder_label = plain_label("", object_name="nextReminder")
        set_text_colour(self.reminder_label)
        plan_row.addWidget(self.reminder_label, 1)
        self.plan_button = QPushButton(self.tr("Weekly plan…"))
        self.plan_button.setObjectName("planButton")
        self.plan_button.setAccessibleName(self.tr("Weekly plan and reminders"))
        self.plan_button.clicked.connect(self.plan_requested)
        plan_row.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(plan_row)
        layout.addStretch(1)
        self.setWidget(body)
        # The first Start button (the default: Return starts it).
        self.start_button: QPushButton | None = None

    # -- filling ------------------------------------------------------------------------
    def _title(self, routine_id: str) -> str:
        routine = self.library.get(routine_id)
        return routine.title.get(self.lang) if routine else routine_id

    def show_today(self, data: TodayData) -> None:
        self.data = data
        view = data.view
        self.heading.setText(self.tr("Today, {day}").format(day=_day_name(view.date)))
        flaring = Reason.FLARE_UP in view.reasons
        morning = None if data.unreadable else data.morning
        # A flare-up is what today is about: it takes the box, kindly, in amber.
        words = flare_words(view) if flaring else self._advice_words(view, morning)
        if data.unreadable:  # "Welcome" on the day after a sharp-pain stop was false
            words = self.tr(
                "Your history could not be read (the note at the top of the window says "
                "why), so the coach cannot tell how your knee has been or what today "
                "should be. If a recent session stopped because of pain or feeling "
                "unwell, follow the advice you were given then.")
        self.today_label.setText(words)
        self.today_label.setVisible(bool(words))
        self.today_box.set_kind("amber" if flaring or data.unreadable else "info")
        # "Welcome ... press Start" on a rest day (a first session left for high pain)
        # would contradict the line under it: the rest day speaks alone.
        resting = view.action is Action.CHECK_IN or Reason.CHECKED_IN in view.reasons
        self.today_box.setVisible(data.unreadable or (
            not (resting and view.advice.kind is Today.WELCOME)
            and (bool(words) or morning is not None)))
        self.morning_row.setVisible(morning is not None)
        if morning is not None:
            self.morning_label.setText(self.tr(
                "Yesterday you did “{routine}”. How is your knee this morning?").format(
                routine=self._title(morning.routine_id)))
        action = "" if data.unreadable else action_words(view)
        self.action_label.setText(action)
        self.action_label.setVisible(bool(action))
        self._fill_planned(view)
        self._show_last_session(data.history)
        self._show_glance(data.glance)
        self._show_adherence(view, data.has_plan)
        self.show_reminder(view.next_reminder, data.reminders_on, data.has_plan)

    def _advice_words(self, view: TodayView, morning: Session | None) -> str:
        """The advice for today; after yesterday's session, the morning question
        below names it, and the routine's own frequency ("every other day to begin
        with") speaks only when today's plan does not (the plan is the user's)."""
        advice = view.advice
        resting = view.action is Action.CHECK_IN or Reason.CHECKED_IN in view.reasons
        if resting and advice.kind in (Today.DAYS_AGO, Today.YESTERDAY):
            # "Whenever you are ready, pick up where you left off" stood above "A rest
            # day: … no exercise is planned for today": the rest day's words speak.
            return ""
        if advice.kind is Today.YESTERDAY and morning is not None \
                and morning.routine_id == advice.routine_id:
            often = frequency_words(advice.routine_id, self.library, self.lang)
            if advice.routine_id in view.planned or not often:
                return ""
            return self.tr("How often to do “{routine}”: {frequency}").format(
                routine=self._title(advice.routine_id or ""), frequency=often)
        return advice_words(advice, self.library, self.lang, carry_on=_carry_on(view))

    def _fill_planned(self, view: TodayView) -> None:
        clear_layout(self.planned)
        self.start_button = None
        if view.action is Action.CHECK_IN:
            button = self._big_button(self.tr("Rate my pain now"), "todayCheckIn")
            button.clicked.connect(self.check_in_requested)
            self.planned.addLayout(self._row(None, button))
        if Reason.FLARE_UP in view.reasons:
            self._fill_easiest(view)
            return
        if view.action is Action.CHECK_IN:
            return
        resting = view.action is Action.REST and Reason.CHECKED_IN in view.reasons
        planned = list(view.planned)
        suggested = self.data.suggested if self.data is not None else None
        if Reason.NO_PLAN in view.reasons and suggested:
            planned = [suggested]
        to_do = [r for r in planned if r not in view.done and self.library.get(r) is not None]
        for routine_id in view.done:
            done = plain_label(self.tr("✓ Done today: “{routine}”").format(
                routine=self._title(routine_id)), point_delta=1, object_name="doneToday")
            self.planned.addWidget(done)
        if resting:
            return
        # Routines with a time first; an hourly nudge (the desk break) after them, with
        # an ordinary Start: it is not "the" session of the day.
        hourly = {e.routine_id for e in self.data.plan.entries if e.every is not None} \
            if self.data is not None else set()
        to_do.sort(key=lambda rid: rid in hourly)
        for routine_id in to_do:
            routine = self.library.get(routine_id)
            assert routine is not None
            first = self.start_button is None and routine_id not in hourly
            button = self._big_button(self.tr("Start"), "todayStart" if first else "",
                                      big=first)
            button.setAccessibleName(self.tr("Start “{routine}”").format(
                routine=routine.title.get(self.lang)))
            button.setAccessibleDescription(self.tr("Begins with its safety check"))
            button.clicked.connect(lambda _=False, rid=routine_id:
                                   self.start_requested.emit(rid))
            if first:
                self.start_button = button
                button.setDefault(True)
            self.planned.addLayout(self._row(routine_id, button,
                                             hourly=routine_id in hourly))
            self._add_offer(view, routine)
        choose = QPushButton(self.tr("Choose another routine…") if to_do
                             else self.tr("Choose a routine…"))
        choose.setObjectName("todayChoose")
        choose.clicked.connect(self.choose_requested)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addStretch(1)
        self.planned.addLayout(row)
        if Reason.CHAIR_STAND_DUE in view.reasons:
            self._add_chair_stand_row()

    def _add_chair_stand_row(self) -> None:
        """The 30-second chair stand test is due: a line and a button, below the
        routines (it is a check of function, not today's exercise)."""
        row = QHBoxLayout()
        words = plain_label(self.tr(
            "A 30-second chair stand test is due: counting how often you can stand up "
            "in 30 seconds shows how your legs' strength changes over the weeks."),
            object_name="chairStandDue")
        row.addWidget(words, 1)
        button = QPushButton(self.tr("Chair stand test…"))
        button.setObjectName("todayChairStand")
        button.clicked.connect(self.chair_stand_requested)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.planned.addLayout(row)

    def _add_offer(self, view: TodayView, routine: Routine) -> None:
        """The coach's level offer for *routine*, while it is open (accept or
        decline it here, or on the routine's page)."""
        advice = view.level_of(routine.id)
        if advice is None or self.data is None or not offer_open(self.data.history, advice):
            return
        panel = LevelPanel()
        panel.setObjectName("todayLevelOffer")
        panel.show_advice(routine, advice, self.lang, offer=True)
        panel.answered.connect(self.level_answered)
        self.planned.addWidget(panel)

    def _fill_easiest(self, view: TodayView) -> None:
        """During a flare-up: the planned routines at their easiest level, for those
        who would rather move gently than rest."""
        planned = [r for r in view.planned if r not in view.done]
        for routine_id in planned:
            routine = self.library.get(routine_id)
            if routine is None:
                continue
            button = self._big_button(self.tr("Start the easiest level") if routine.levels
                                      else self.tr("Start gently"), "", big=False)
            button.setAccessibleName(self.tr("Start “{routine}” at its easiest level").format(
                routine=routine.title.get(self.lang)))
            button.clicked.connect(lambda _=False, rid=routine_id:
                                   self.start_level_requested.emit(rid, 1))
            self.planned.addLayout(self._row(routine_id, button, level=1))

    def _big_button(self, text: str, name: str, *, big: bool = True) -> QPushButton:
        button = QPushButton(text)
        if name:
            button.setObjectName(name)
        if big:
            button.setMinimumHeight(48)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() + 3)
            font.setBold(True)
            button.setFont(font)
        return button

    def _row(self, routine_id: str | None, button: QPushButton, *,
             hourly: bool = False, level: int | None = None) -> QHBoxLayout:
        row = QHBoxLayout()
        if routine_id is not None:
            routine = self.library.get(routine_id)
            assert routine is not None
            words = QVBoxLayout()
            words.setSpacing(0)
            words.addWidget(plain_label(routine.title.get(self.lang),
                                        point_delta=1 if hourly else 3, bold=True))
            advice = self.data.view.level_of(routine_id) if self.data is not None else None
            if level is None and advice is not None:
                level = advice.level
            if level is not None:
                routine = routine.at_level(level)
            duration = duration_text(routine.total_seconds)
            if routine.levels:
                duration = self.tr("{duration}, {level}").format(
                    duration=duration, level=level_short(routine, routine.level, self.lang))
            entry = self.data.plan.entry(routine_id) if self.data is not None else None
            if hourly:
                duration = self.tr("{duration}, about once an hour while you sit").format(
                    duration=duration)
            elif entry is not None and self.data is not None \
                    and routine_id in self.data.view.planned:
                duration = self.tr("{duration}; planned for {time}").format(
                    duration=duration, time=clock_time(entry.at))
            facts = plain_label(duration, object_name="routineFacts")
            set_text_colour(facts)
            words.addWidget(facts)
            row.addLayout(words, 1)
        else:
            row.addStretch(1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _show_last_session(self, history: History) -> None:
        sessions = history.exercised_or_unwell()
        if not sessions:
            self.last_label.hide()
            return
        last = sessions[-1]
        parts = [self.tr("Last session: {day}, “{routine}”").format(
            day=short_day(last.started.date()), routine=self._title(last.routine_id))]
        after = history.rating(last, Context.AFTER)
        if after is not None:
            from coach.ui.rating import zone_word  # the rating dialog's module: ~1 ms

            parts.append(self.tr("pain right after: {value} of 10 ({zone})").format(
                value=after.value, zone=zone_word(after.value)))
        verdict = morning_of(history, last)
        if verdict is not None:
            parts.append({
                Morning.SETTLED: self.tr("back to usual the next morning"),
                Morning.NOT_SETTLED: self.tr("not settled the next morning"),
                Morning.SAFE: self.tr("in the safe range the next morning"),
                Morning.UNCLEAR: self.tr("pain the next morning: {value} of 10").format(
                    value=getattr(history.morning_rating(last), "value", "")),
            }[verdict])
        self.last_label.setText(self.tr("; ").join(parts) + self.tr("."))
        self.last_label.show()

    def _show_glance(self, glance: PainGlance | None) -> None:
        if glance is None or not glance.daily:
            self.pain_row.hide()
            return
        self.pain_row.show()
        assert self.data is not None
        self.sparkline.set_data(glance.daily, glance.average, self.data.view.date)
        headline = verdict_headline(glance.change, chosen_baseline=glance.chosen_baseline)
        if headline is None:
            # As the trend page says why (with two months of ratings it read "Not
            # enough ratings yet" when the last week had a rating on one day only).
            self.verdict.setText({
                "few_recent_days": self.tr("Rate your pain on at least {days} days in a "
                                           "week to compare it with your first week."
                                           ).format(days=MIN_RECENT_DAYS),
                "baseline_overlaps": self.tr("The period you compare with takes in some "
                                             "of the last 7 days."),
            }.get(glance.not_compared or "", self.tr("Not enough ratings yet to compare "
                                                      "with your first week.")))
            set_text_colour(self.verdict)
            return
        shape, words, role = headline
        self.verdict.setText(f"{shape} {words}")
        set_text_colour(self.verdict, lambda colours: colours.verdict[role])

    def _show_adherence(self, view: TodayView, has_plan: bool) -> None:
        week, before = view.this_week, view.four_weeks
        if not has_plan or not (week.planned or before.planned):
            self.week_label.hide()
            return
        parts = []
        if week.planned:  # a week of rest days plans nothing
            parts.append(self.tr("This week: {done} of {planned} planned sessions done.")
                         .format(done=week.done, planned=week.planned))
        if before.planned:
            parts.append(self.tr("The four weeks before: {done} of {planned}.").format(
                done=before.done, planned=before.planned))
        text = " ".join(parts)
        self.week_label.setText(text)
        self.week_label.show()

    def show_reminder(self, reminder: Reminder | None, reminders_on: bool,
                      has_plan: bool) -> None:
        """The "next reminder" line (the reminder service calls this as it changes)."""
        if not has_plan:
            text = self.tr("Make a weekly plan and Knee Coach reminds you when it is time.")
        elif not reminders_on:
            text = self.tr("Reminders are off.")
        elif reminder is None:
            text = self.tr("No reminder is coming up.")
        elif reminder.kind is ReminderKind.CHECK_IN:
            text = self.tr("Next: a check-in, {day} at {time}.").format(
                day=short_day(reminder.day), time=clock_time(reminder.at))
        else:
            text = self.tr("Next reminder: {day} at {time}, “{routine}”.").format(
                day=short_day(reminder.day), time=clock_time(reminder.at),
                routine=self._title(reminder.routine_id or ""))
        self.reminder_label.setText(text)

    def _answer_morning(self) -> None:
        if self.data is not None and self.data.morning is not None:
            self.morning_requested.emit(self.data.morning.uid)



def gather(journal: Journal, library: Library, lang: str, *, plan: Plan, has_plan: bool,
           state: ReminderState | None, reminders_on: bool, now: datetime,
           chosen_baseline: tuple[date, date] | None = None,
           last_used: str | None = None) -> TodayData:
    """Read what the Today screen shows. Raises JournalError when the journal is
    damaged (the caller says so and shows an empty day)."""
    history = History.load(journal, now.date())
    view = today(plan, history, now, state=state,
                 routines={r.id: r for r in library.routines}, lang=lang)
    suggested = last_used if last_used and library.get(last_used) else (
        library.routines[0].id if library.routines else None)
    return TodayData(view, history, morning_session(history, view.date, now),
                     pain_glance(journal, view.date, chosen_baseline=chosen_baseline),
                     reminders_on, has_plan, plan, suggested,
                     unreadable=bool(journal.notice and journal.notice.stand_in))
