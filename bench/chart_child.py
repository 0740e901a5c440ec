"""The chart benchmark's child: the real TrendView on a journal of N years of ratings.

    python bench/chart_child.py DATA_DIR

Fills DATA_DIR's journal (once) with 10 years of 3 ratings a day (10,950 points,
contexts mixed as a real user's would be) and a session every other day, then, in
one process: imports pyqtgraph and the trend view (reported on its own: paid once,
at the first visit, after which the app freezes the garbage collector's view of
what is loaded, as done here), opens the chart on an "empty" journal (one rating) and on the
full one, switches through the four ranges on the full chart, and saves it as PNG.
"Open" is construction + reload + show + a synchronous paint; a range switch is
``set_range`` + a synchronous paint of the plot's viewport. Prints ``result <JSON>``.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

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


def main() -> int:
    data = Path(sys.argv[1])
    data.mkdir(parents=True, exist_ok=True)
    count = fill(data / "journal.sqlite3")
    empty_path = data / "empty.sqlite3"
    empty = open_journal(empty_path)
    if not empty.ratings():
        empty.add_rating(4, "check_in")
    app = QApplication(sys.argv[:1])
    began = time.perf_counter()
    from coach.ui import report
    from coach.ui.trend_view import TrendView
    imported = time.perf_counter() - began
    gc.freeze()  # as the app does at this point (MainWindow.chart_module_loaded)

    def open_chart(journal) -> tuple[float, TrendView]:
        start = time.perf_counter()
        view = TrendView(journal)
        view.reload()
        view.resize(1100, 680)
        view.show()
        view.plot.viewport().repaint()
        app.processEvents()
        return time.perf_counter() - start, view

    result: dict = {"ratings": count, "import_s": imported}
    result["open_empty_s"], empty_view = open_chart(empty)
    full = open_journal(data / "journal.sqlite3")
    result["open_full_s"], view = open_chart(full)

    def switch_times(chart: TrendView) -> list[float]:
        times = []
        for key in ("2w", "3m", "1y", "all") * 3:
            start = time.perf_counter()
            chart.set_range(key)
            chart.plot.viewport().repaint()  # where the scene is painted
            times.append(time.perf_counter() - start)
        return times

    result["switch_empty_s"] = switch_times(empty_view)
    result["switch_full_s"] = switch_times(view)
    with tempfile.TemporaryDirectory() as tmp:
        for name, chart in (("png_empty_s", empty_view), ("png_full_s", view)):
            start = time.perf_counter()
            report.save_png(chart, Path(tmp) / "chart.png")
            result[name] = time.perf_counter() - start
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
