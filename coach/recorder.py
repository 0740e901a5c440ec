"""Writes a session to the journal as it happens, so that even a session cut short
by a crash or a ``kill -9`` is there with the steps completed so far.

The recorder subscribes to a :class:`coach.session.SessionEngine`; it knows nothing
about widgets. Journal failures (a read-only journal, a full disk) do not interrupt
the session: they are kept in :attr:`SessionRecorder.errors` and passed to
*on_error* so the window can say that something could not be saved.
This module imports nothing from Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.advice import session_outcome
from coach.journal import EVENT_KINDS, Journal, JournalError, Outcome, Rating, Session
from coach.session import EngineState, Event, SessionEngine


class SessionRecorder:
    def __init__(self, journal: Journal, routine_id: str,
                 on_error: Callable[[JournalError], None] | None = None, *,
                 level: int | None = None) -> None:
        self.journal = journal
        self.routine_id = routine_id
        self.level = level  # the routine level played (None: a routine with one level)
        self.session: Session | None = None
        self.engine: SessionEngine | None = None
        self.errors: list[JournalError] = []
        self._on_error = on_error

    def _try(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except JournalError as err:
            self.errors.append(err)
            if self._on_error:
                self._on_error(err)
            return False
        return True

    def begin(self) -> None:
        """The user passed the safety check: the session exists from now on."""
        def start() -> None:
            self.session = self.journal.start_session(self.routine_id, level=self.level)
        self._try(start)

    def skipped_by_safety_check(self) -> None:
        """Hot, red or swollen: the session is a skip for good, whatever follows."""
        def skip() -> None:
            session = self.journal.start_session(self.routine_id, level=self.level)
            self.session = session._replace(outcome=Outcome.SAFETY_SKIP)
            self.journal.end_session(session.uid, Outcome.SAFETY_SKIP, 0)
        self._try(skip)

    def play_at_level(self, level: int | None, engine: SessionEngine) -> None:
        """The session is played at *level* (None: a routine with one level) on
        *engine*; before the first step, instead of the engine attached so far."""
        self.level = level
        session = self.session
        if session is not None and level is not None and session.level != level:
            self.session = session._replace(level=level)
            self._try(lambda: self.journal.set_session_level(session.uid, level))
        self.attach(engine)

    def left_before_start(self) -> None:
        """The user passed the safety check but left before the routine started."""
        if self.engine is not None and self.engine.state is EngineState.READY:
            self._end(Outcome.STOPPED, 0)

    def _end(self, outcome: Outcome, steps_done: int) -> None:
        """Record how the session ended, once: the first outcome stands."""
        session = self.session
        if session is None or session.outcome is not None:
            return
        self.session = session._replace(outcome=outcome, steps_completed=steps_done)
        self._try(lambda: self.journal.end_session(session.uid, outcome, steps_done))

    def rate(self, value: int, context: str) -> Rating | None:
        """Save a rating tied to this session; None if it could not be saved."""
        result: list[Rating] = []
        uid = self.session.uid if self.session else None
        self._try(lambda: result.append(self.journal.add_rating(value, context,
                                                                 session_uid=uid)))
        return result[0] if result else None

    def attach(self, engine: SessionEngine) -> None:
        self.engine = engine
        engine.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        if self.session is None or self.session.outcome is not None or self.engine is None:
            return
        uid = self.session.uid
        done = len(self.engine.completed_steps)
        total = len(self.engine.routine.steps)
        if event.kind == "step_done":
            self._try(lambda: self.journal.record_progress(uid, done))
        elif event.kind == "finished":
            self._end(session_outcome(total, done, None), done)
        elif event.kind == "stopped":
            if event.reason in EVENT_KINDS:  # a safety stop: sharp pain, or unwell
                phase, kind = event.phase, event.reason
                self._try(lambda: self.journal.add_safety_event(
                    kind, session_uid=uid,
                    step=phase.step + 1 if phase else None,
                    side=phase.side if phase and phase.side != "none" else None))
            self._end(session_outcome(total, done, event.reason), done)
