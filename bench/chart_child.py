"""The chart benchmark's child: the real TrendView on a journal of N years of ratings.

    python bench/chart_child.py DATA_DIR [full|empty]

Fills DATA_DIR's journal (once) with 10 years of 3 ratings a day (10,950 points,
contexts mixed as a real user's would be) and a session every other day. Then, in
one process, as the app does at the first visit to the trend page: shows a page
(1100x720) to hold the chart, imports pyqtgraph and the trend view (reported on its
own: paid once, after which the app freezes the garbage collector's view of what is
loaded, as done here), and opens the chart named by the second argument first (the
default: the "empty" one, on a journal with one rating), then the other one. For
each: "open" is construction + reload + adding it to the page, until the plot has
been painted by the event loop; a range switch is ``set_range`` + a synchronous paint
of the plot's viewport, through 2 weeks, 3 months, 1 year and all, three times; then
the chart is saved as PNG and closed. Prints ``result <JSON>``.

    python bench/chart_child.py DATA_DIR big N [--preloaded]
    python bench/chart_child.py DATA_DIR floor N

The trend page at scale: DATA_DIR's ``big.sqlite3`` filled (once) with N ratings over
the same 10 years (N / 3650 a day, the three contexts in turn, every value each day),
then one chart opened as at the first visit, pyqtgraph's import included. A precise
10 ms QTimer runs throughout and the longest gap between its ticks is reported for
the import and for the open (an event-loop stall: the window frozen that long).
"open" lasts until the chart has been painted with its data, however it loads it.
With ``--preloaded`` the chart's code is loaded as the app loads it once its window is
up (``coach.ui.preload``, a thread; the longest stall meanwhile is reported) before
the visit, which then imports nothing: the first visit of a user who did not open the
page in the window's first second or so.

``floor`` is the least such a chart costs: the same journal (filled the same way),
pyqtgraph imported, every rating's time and value read with ``sqlite3`` and drawn as
one line (``PlotWidget.plot``) on the same page until painted.
"""

from __future__ import annotations

import gc
import json
import math
import os
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget  # noqa: E402

from coach.journal import iso, open_journal  # noqa: E402

YEARS = 10
PER_DAY = 3
CONTEXTS = ("check_in", "before", "after")


def fill(path: Path) -> int:
    journal = open_journal(path)
    if journal.ratings():
        return len(journal.ratings())
    end = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
    days = 365 * YEARS
    rows, sessions = [], []
    for day in range(days):
        moment = end - timedelta(days=days - 1 - day)
        if day % 2 == 0:
            sessions.append((f"s{day}", "ten-minute-inner-thigh", iso(moment), 5, "completed"))
        for k in range(PER_DAY):
            value = (day * 7 + k * 3) % 11
            rows.append((f"r{day}-{k}", iso(moment + timedelta(hours=4 * k)), value,
                         CONTEXTS[k]))
    with journal.transaction() as db:
        db.executemany("INSERT INTO sessions (uid, routine_id, started, steps_completed, "
                       "outcome) VALUES (?, ?, ?, ?, ?)", sessions)
        db.executemany("INSERT INTO ratings (uid, at, value, context) VALUES (?, ?, ?, ?)",
                       rows)
    journal.close()
    return len(rows)


def fill_big(path: Path, count: int) -> int:
    """*count* ratings over 10 years, inserted in one transaction (fast)."""
    journal = open_journal(path)
    (stored,) = journal.db.execute("SELECT count(*) FROM ratings").fetchone()
    if stored:
        journal.close()
        return stored
    days = 365 * YEARS
    end = datetime.now().astimezone().replace(hour=6, minute=0, second=0, microsecond=0)
    start = end - timedelta(days=days - 1)

    def rows():
        for n in range(count):
            day, k = divmod(n * days, count)  # spread evenly; k: how far into the day
            moment = start + timedelta(days=day, seconds=k * 57_600 // count)
            yield (f"b{n}", iso(moment), (day * 7 + n * 3) % 11, CONTEXTS[n % 3])

    with journal.transaction() as db:
        db.executemany("INSERT INTO ratings (uid, at, value, context) VALUES (?, ?, ?, ?)",
                       rows())
    journal.close()
    return count


class StallWatch(QObject):
    """The longest gap between the ticks of a precise 10 ms timer: how long the event
    loop was kept from running."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()

    def take(self) -> float:
        """The longest gap so far, including the one still open; then start over."""
        self._tick()
        longest, self.longest = self.longest, 0.0
        return longest


def rss_mib(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return math.nan


def shown_page() -> tuple[QApplication, QWidget]:
    """The app's trend page: a page on screen (1100x720) that the chart is added to."""
    app = QApplication(sys.argv[:1])
    from coach.ui.app import lighten_pyside_import_hook

    lighten_pyside_import_hook()
    host = QWidget()
    host.resize(1100, 720)
    QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
    host.show()
    app.processEvents()
    return app, host


def main_big(data: Path, count: int, preloaded: bool) -> int:
    """The trend page's first visit on a journal of *count* ratings (see the module)."""
    data.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    stored = fill_big(data / "big.sqlite3", count)
    filled = time.perf_counter() - began
    app, host = shown_page()
    watch = StallWatch()
    watch.start()
    rss_before = rss_mib()
    preload_s = preload_stall = 0.0
    if preloaded:
        from coach.ui import preload

        began = time.perf_counter()
        assert preload.preload_chart()
        while not preload.preload_done():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        preload_s, preload_stall = time.perf_counter() - began, watch.take()
    began = time.perf_counter()
    from coach.ui.trend_view import TrendView
    imported = time.perf_counter() - began
    gc.freeze()
    import_stall = watch.take()
    journal = open_journal(data / "big.sqlite3")
    start = time.perf_counter()
    view = TrendView(journal)
    host.layout().addWidget(view)
    view.reload()
    returned = time.perf_counter() - start

    def loaded() -> bool:
        return view.stack.currentIndex() == 1 and len(view.usual.getData()[0]) > 0

    while not loaded():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    painted = PaintWatch(view.plot.viewport())
    view.plot.viewport().update()
    while not painted.painted:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    opened = time.perf_counter() - start
    open_stall = watch.take()
    switches = []
    for key in ("2w", "3m", "1y", "all"):
        began = time.perf_counter()
        view.set_range(key)
        view.plot.viewport().repaint()
        switches.append(time.perf_counter() - began)
    watch.timer.stop()
    result = {"ratings": stored, "fill_s": filled, "preload_s": preload_s,
              "preload_stall_s": preload_stall, "import_s": imported,
              "import_stall_s": import_stall, "reload_returned_s": returned,
              "open_s": opened, "open_stall_s": open_stall,
              "first_visit_s": imported + opened, "switch_s": switches,
              "dots_drawn": int(len(view.usual.getData()[0])),
              "rss_growth_mib": rss_mib() - rss_before, "rss_peak_mib": rss_mib("VmHWM"),
              "summary": [label.text() for label in view.findChildren(QWidget, "summaryLine")
                          if hasattr(label, "text")]}
    print("result " + json.dumps(result), flush=True)
    return 0


class PaintWatch(QObject):
    """Counts Paint events of one widget (the plot's viewport)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False


def main_floor(data: Path, count: int) -> int:
    """The floor of the first visit: pyqtgraph, the ratings read, one line drawn."""
    data.mkdir(parents=True, exist_ok=True)
    stored = fill_big(data / "big.sqlite3", count)
    app, host = shown_page()
    watch = StallWatch()
    watch.start()
    began = time.perf_counter()
    import numpy as np
    import pyqtgraph

    imported = time.perf_counter() - began
    gc.freeze()
    import_stall = watch.take()
    start = time.perf_counter()
    db = sqlite3.connect(data / "big.sqlite3")
    rows = db.execute("SELECT (julianday(at) - 2440587.5) * 86400.0, value FROM ratings "
                      "ORDER BY julianday(at)").fetchall()
    db.close()
    points = np.array(rows, dtype=float)
    plot = pyqtgraph.PlotWidget()
    host.layout().addWidget(plot)
    plot.plot(points[:, 0], points[:, 1])
    painted = PaintWatch(plot.viewport())
    plot.viewport().update()
    while not painted.painted:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    opened = time.perf_counter() - start
    result = {"ratings": stored, "import_s": imported, "import_stall_s": import_stall,
              "open_s": opened, "open_stall_s": watch.take(),
              "first_visit_s": imported + opened}
    print("result " + json.dumps(result), flush=True)
    return 0


def main() -> int:
    data = Path(sys.argv[1])
    first = sys.argv[2] if len(sys.argv) > 2 else "empty"
    if first == "big":
        return main_big(data, int(sys.argv[3]), "--preloaded" in sys.argv[4:])
    if first == "floor":
        return main_floor(data, int(sys.argv[3]))
    data.mkdir(parents=True, exist_ok=True)
    count = fill(data / "journal.sqlite3")
    empty_path = data / "empty.sqlite3"
    empty = open_journal(empty_path)
    if not empty.ratings():
        empty.add_rating(4, "check_in")
    app = QApplication(sys.argv[:1])
    from coach.ui.app import lighten_pyside_import_hook

    lighten_pyside_import_hook()  # as run_window does before anything else loads
    # The app's trend page: a page already on screen that the chart is added to.
    host = QWidget()
    host.resize(1100, 720)
    QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
    host.show()
    app.processEvents()
    began = time.perf_counter()
    from coach.ui import report
    from coach.ui.trend_view import TrendView
    imported = time.perf_counter() - began
    gc.freeze()  # as the app does at this point (MainWindow.chart_module_loaded)

    def open_chart(journal) -> tuple[float, TrendView]:
        start = time.perf_counter()
        view = TrendView(journal)
        host.layout().addWidget(view)
        view.reload()
        watch = PaintWatch(view.plot.viewport())
        while not watch.painted:
            app.processEvents()
        return time.perf_counter() - start, view

    def switch_times(chart: TrendView) -> list[float]:
        times = []
        for key in ("2w", "3m", "1y", "all") * 3:
            start = time.perf_counter()
            chart.set_range(key)
            chart.plot.viewport().repaint()  # where the scene is painted
            times.append(time.perf_counter() - start)
        return times

    result: dict = {"ratings": count, "import_s": imported, "first": first}
    journals = {"empty": lambda: empty, "full": lambda: open_journal(data / "journal.sqlite3")}
    with tempfile.TemporaryDirectory() as tmp:
        for name in (first, "full" if first == "empty" else "empty"):
            result[f"open_{name}_s"], view = open_chart(journals[name]())
            result[f"switch_{name}_s"] = switch_times(view)
            start = time.perf_counter()
            report.save_png(view, Path(tmp) / "chart.png")
            result[f"png_{name}_s"] = time.perf_counter() - start
            view.hide()
            view.deleteLater()
            app.processEvents()
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
