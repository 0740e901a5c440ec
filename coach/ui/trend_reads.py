"""The trend page's reads of the journal, each in a worker thread on a read-only
connection of its own, so that a large journal never freezes the window."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from coach.journal import Journal, JournalError


class ChartReads(QObject):
    """Runs the readings in workers and carries their "done" to the GUI thread (a
    queued signal). Each reading carries the generation the page gave it, so that the
    page can drop one that a newer reading superseded.

    Signals:
        read(int): the reading of that generation is done; ``take`` what it found.
        exact(int, object): a ``read_since`` is done: its generation and (first day,
            that day's and every later day's ratings).
    """

    read = Signal(int)  # the reading's generation
    exact = Signal(int, object)  # the reading's generation, (first day, its ratings)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._found: dict[int, object] = {}  # generation -> what it read, or the error

    def start(self, generation: int, journal: Journal,
              reading: Callable[[Journal], object]) -> threading.Event:
        """Call ``reading(reader)`` in a worker on a reader of *journal*; the event is
        set, and ``read`` emitted, once what it returned or raised can be taken."""
        done = threading.Event()

        def read() -> None:
            try:
                reader = journal.reader()
                try:
                    found = reading(reader)
                finally:
                    reader.close()
            except sqlite3.Error as err:  # opening the connection
                found = JournalError(f"the journal could not be read ({err})")
            except Exception as err:  # noqa: BLE001 - raised or announced in the GUI thread
                found = err
            self._found[generation] = found
            done.set()
            with contextlib.suppress(RuntimeError):  # the view is gone: nobody waits
                self.read.emit(generation)

        threading.Thread(target=read, name="trend-read", daemon=True).start()
        return done

    def take(self, generation: int) -> object | None:
        """What the reading *generation* found (an exception if it failed), once; None
        before it is done and after it was taken."""
        return self._found.pop(generation, None)

    def read_since(self, generation: int, journal: Journal, first: date) -> None:
        """Read *journal*'s ratings from the day *first* on in a worker; ``exact``
        brings them (nothing comes if the reading fails)."""

        def read() -> None:
            try:
                reader = journal.reader()
                try:
                    found = (first, reader.ratings_since(first))
                finally:
                    reader.close()
            except Exception:  # noqa: BLE001 - the grouped dots stay
                return
            with contextlib.suppress(RuntimeError):  # the view is gone
                self.exact.emit(generation, found)

        threading.Thread(target=read, name="trend-read-exact", daemon=True).start()
