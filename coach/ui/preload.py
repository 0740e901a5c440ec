"""The chart's code, loaded in the background before the user asks for it.

pyqtgraph's import is most of a first visit to the trend page: 0.25 s on a quick
machine, 0.4-0.7 s on a slow one (it makes PySide6 build every Qt class and loads
numpy), during which the page can only say "Loading the chart…". Once the window is
on screen and has been left alone a moment, a thread imports it; the GUI thread keeps
running meanwhile (it takes the interpreter's lock at least every few milliseconds).
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

#: The module the trend page imports at its first visit.
CHART_MODULE = "coach.ui.trend_view"
#: How long after the window's first paint the thread starts (ms): start-up's own
#: work and the first input come first.
PRELOAD_AFTER_MS = 1000

_thread: threading.Thread | None = None


def preload_chart() -> threading.Thread | None:
    """Import the chart's code in a thread, once; None when there is nothing to do."""
    global _thread
    if _thread is not None or CHART_MODULE in sys.modules:
        return None
    _thread = threading.Thread(target=_load, name="chart-preload", daemon=True)
    _thread.start()
    return _thread


def _load() -> None:
    try:
        importlib.import_module(CHART_MODULE)
    except Exception:  # noqa: BLE001 - the page imports it again and says what failed
        return
    # What the import made lives as long as the app: the garbage collector need not
    # walk it again (as after an import at the first visit, MainWindow.chart_module_loaded).
    gc.freeze()


def finish_preload(timeout: float) -> None:
    """Let a preload under way end before the interpreter does (a daemon thread
    stopped inside an extension module's import can crash the exit)."""
    if _thread is not None:
        _thread.join(timeout)
