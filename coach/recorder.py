"""Writes a session to the journal as it happens, so that even a session cut short
by a crash or a ``kill -9`` is there with the steps completed so far.

The recorder subscribes to a :class:`coach.session.SessionEngine`; it knows nothing
about widgets. Journal failures (a read-only journal, a full disk, another program
holding the file) do not interrupt the session, and lose nothing while the window is
open: each write that fails is kept, with the writes after it, in order, and written
again at the next write or :meth:`SessionRecorder.flush` (the window retries on a
timer). Every write carries the time and uid it was made with, so a late write says
what happened when it happened. :attr:`SessionRecorder.saved` says whether all of it
is on disk; failures are kept in :attr:`SessionRecorder.errors` and passed to
*on_error*, so the window can say that something is not saved yet.
This module imports nothing from Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.advice import session_outcome
from coach.journal import (
    EVENT_KINDS,
    Journal,
    JournalError,
    Outcome,
    Session,
    new_uid,
    now,
)
from coach.session import EngineState, Event, SessionEngine


class SessionRecorder:
    def __init__(self, journal: Journal, routine_id: str,
                 on_error: Callable[[JournalError], None] | None = None, *,
                 level: int | None = None) -> None:
        self.journal = journal
        self.routine_id = routine_id
        self.level = level  # the routine level played (None: a routine with one level)
        # The session as it is being recorded (there from the safety check's answer,
        # whether or not its first write is on disk yet).
        self.session: Session | None = None
        self.engine: SessionEngine | None = None
        self.errors: list[JournalError] = []
        self.on_error = on_error
        # Writes not on disk yet, oldest first: (what, write). "progress" writes
        # replace one another while they wait.
        self._pending: list[tuple[str, Callable[[], object]]] = []

    # -- writing ----------------------------------------------------------------------
    @property
    def saved(self) -> bool:
        """Whether everything recorded so far is on disk."""
        return not self._pending

    def flush(self) -> bool:
        """Write what is waiting, in order, up to the first failure (kept for the next
        try); True when everything is on disk."""
        while self._pending:
            try:
                self._pending[0][1]()
            except JournalError as err:
                self.errors.append(err)
                if self.on_error:
                    self.on_error(err)
                return False
            del self._pending[0]
        return True

    def _write(self, what: str, action: Callable[[], object]) -> bool:
        if what == "progress" and self._pending and self._pending[-1][0] == "progress":
            self._pending[-1] = (what, action)  # only the latest count matters
        else:
            self._pending.append((what, action))
        return self.flush()

    # -- the session ------------------------------------------------------------------
    def begin(self) -> None:
        """The user passed the safety check: the session exists from now on."""
        session = self.session = Session(new_uid(), self.routine_id, now(),
                                         level=self.level)
        self._write("start", lambda: self.journal.start_session(
            session.routine_id, at=session.started, uid=session.uid, level=session.level))

    def skipped_by_safety_check(self) -> None:
        """Hot, red or swollen: the session is a skip for good, whatever follows."""
        session = Session(new_uid(), self.routine_id, now(), level=self.level)
        self.session = session._replace(outcome=Outcome.SAFETY_SKIP)
        self._write("start", lambda: self.journal.start_session(
            session.routine_id, at=session.started, uid=session.uid, level=session.level))
        self._write("end", lambda: self.journal.end_session(
            session.uid, Outcome.SAFETY_SKIP, 0, at=session.started))

    def play_at_level(self, level: int | None, engine: SessionEngine) -> None:
        """The session is played at *level* (None: a routine with one level) on
        *engine*; before the first step, instead of the engine attached so far."""
        self.level = level
        session = self.session
        if session is not None and level is not None and session.level != level:
            self.session = session._replace(level=level)
            self._write("level", lambda: self.journal.set_session_level(session.uid, level))
        self.attach(engine)

    def left_before_start(self) -> None:
        """The user passed the safety check but left before the routine started."""
        if self.engine is not None and self.engine.state is EngineState.READY:
            self._end(Outcome.STOPPED, 0)

    def _end(self, outcome: Outcome, steps_done: int) -> None:
        """Record how the session ended, once: the first outcome stands (and is
        written, however late)."""
        session = self.session
        if session is None or session.outcome is not None:
            return
        self.session = session._replace(outcome=outcome, steps_completed=steps_done)
        ended = now()
        self._write("end", lambda: self.journal.end_session(session.uid, outcome, steps_done,
                                                             at=ended))

    def rate(self, value: int, context: str) -> bool:
        """Save a rating tied to this session; False if it is not on disk yet (it is
        kept, and written with the next write that gets through)."""
        uid = self.session.uid if self.session else None
        at, rating_uid = now(), new_uid()
        return self._write("rating", lambda: self.journal.add_rating(
            value, context, at=at, session_uid=uid, uid=rating_uid))

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
            self._write("progress", lambda: self.journal.record_progress(uid, done))
        elif event.kind == "finished":
            self._end(session_outcome(total, done, None), done)
        elif event.kind == "stopped":
            if event.reason in EVENT_KINDS:  # a safety stop: sharp pain, or unwell
                phase, kind, at = event.phase, event.reason, now()
                self._write("event", lambda: self.journal.add_safety_event(
                    kind, session_uid=uid, at=at,
                    step=phase.step + 1 if phase else None,
                    side=phase.side if phase and phase.side != "none" else None))
            self._end(session_outcome(total, done, event.reason), done)
