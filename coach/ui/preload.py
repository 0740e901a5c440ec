"""The chart's code, loaded in the background before the user asks for it.

pyqtgraph's import is most of a first visit to the trend page: 0.25 s on a quick
machine, 0.4-0.7 s on a slow one (it makes PySide6 build every Qt class and loads
numpy), during which the page can only say "Loading the chart…". Once the window is
on screen and has been left alone a moment, it is loaded in two parts:

1. On the GUI thread, a few names per turn of the event loop: every class and enum
   of the Qt modules pyqtgraph uses (its Qt shim copies every name of them). PySide6
   makes a type the first time it is touched, and that is not safe on two threads
   at once: with the whole import in a thread, the app crashed now and then (a
   segfault inside pyqtgraph's copy while a screen reader was asking the window
   about itself, which touched types on the GUI thread at the same time).
2. On a thread, the import itself (numpy and pyqtgraph's own modules), which now
   only reads those types; the GUI thread keeps running meanwhile (it takes the
   interpreter's lock at least every few milliseconds).

A visit that comes before the thread is done waits for it on the import lock, as it
would have waited for its own import; one that comes after finds the chart ready.

The price is memory: pyqtgraph and numpy stay loaded (about 36 MiB here) whether or
not the chart is looked at, so a start in the tray (for reminders) does not load
them; the window's first showing does.
"""

from __future__ import annotations

import gc
import importlib
import sys
import threading
from collections.abc import Iterator

from PySide6.QtCore import QTimer

# The module the trend page imports at its first visit.
CHART_MODULE = "coach.ui.trend_view"
# The Qt modules pyqtgraph loads, most of whose names it touches as it loads
# (pyqtgraph.Qt copies every name of the first three).
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg",
              "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtTest")
# How long after the window's first paint the preload starts (ms): start-up's own
# work and the first input come first.
PRELOAD_AFTER_MS = 1000
# Names touched per turn of the event loop. Most cost well under a millisecond; the
# ``Qt`` namespace (93 enums at once) about 35 ms on a slow machine.
NAMES_PER_TURN = 10

_thread: threading.Thread | None = None
_started = False


def preload_chart() -> bool:
    """Start loading the chart's code, once; False when there is nothing to do."""
    global _started
    if _started or CHART_MODULE in sys.modules:
        return False
    _started = True
    names = _qt_names()

    def turn() -> None:
        for _ in range(NAMES_PER_TURN):
            if next(names, None) is None:
                if CHART_MODULE not in sys.modules:  # not visited meanwhile
                    _start_thread()
                return
        QTimer.singleShot(0, turn)

    QTimer.singleShot(0, turn)
    return True


def _qt_names() -> Iterator[str]:
    """Touch every name of :data:`QT_MODULES`, one per step (PySide6 makes the
    type then, on this thread)."""
    for module_name in QT_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # pyqtgraph does without it too
            continue
        for name in dir(module):
            getattr(module, name, None)
            yield name


def _start_thread() -> None:
    global _thread
    _thread = threading.Thread(target=_load, name="chart-preload", daemon=True)
    _thread.start()


def _load() -> None:
    try:
        importlib.import_module(CHART_MODULE)
    except Exception:  # noqa: BLE001 - the page imports it again and says what failed
        return
    # What the import made lives as long as the app: the garbage collector need not
    # walk it again (as after an import at the first visit, MainWindow.chart_module_loaded).
    gc.freeze()


def preload_done() -> bool:
    """Whether the chart's code is loaded (or failed to load: the page says why)."""
    return _started and (_thread is None and CHART_MODULE in sys.modules
                         or _thread is not None and not _thread.is_alive())


def finish_preload(timeout: float) -> None:
    """Let a preload under way end before the interpreter does (a daemon thread
    stopped inside an extension module's import can crash the exit)."""
    if _thread is not None:
        _thread.join(timeout)
