"""Python's cyclic garbage collector, run by the event loop on the GUI thread only.

Left to itself the collector runs wherever allocations cross its threshold: in a
worker thread (the trend's reads, the chart's preload), or inside a Qt call that holds
one of Qt's signal-slot locks. A cycle broken there may hold the last reference to a
Qt object, whose destructor then runs on the wrong thread, or waits for the lock its
own thread holds: a test run hung that way in ``QObject::disconnect``. So the
automatic collector stays off and this one collects between events, where nothing is
locked (Anki turns it off for the same reason).

It collects while the app is in use (active), once a minute, and once when the app is
left (inactive, hidden); an app idling in the background or the tray wakes for nothing.
Start-up's objects are frozen out of its way (``coach.ui.app.keep_start_up``), so a
collection walks only what was made since: a few milliseconds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

# How often the collector runs while the app is in use (ms).
COLLECT_EVERY_MS = 60_000


class Collector(QObject):
    """Turns the automatic collector off and collects from the event loop instead:
    every *interval_ms* while *app* is active, and when it stops being active."""

    def __init__(self, app: QGuiApplication, interval_ms: int = COLLECT_EVERY_MS) -> None:
        super().__init__(app)
        self.setObjectName("garbageCollector")
        gc.disable()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._timer.timeout.connect(self.collect)
        app.applicationStateChanged.connect(self._state_changed)
        self._state_changed(app.applicationState())

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            if not self._timer.isActive():
                self._timer.start()
        elif self._timer.isActive():
            self._timer.stop()
            self.collect()  # what the last stretch of use left behind

    def collect(self) -> None:
        gc.collect()
        self.collections += 1
