"""The real start-up path, as the ``coach`` command runs it."""

import json
import os
import subprocess
import sys

from tests.conftest import REPO

CHILD = """
import atexit, gc, sys
import coach.ui.collector as collector
made = []
start = collector.Collector.__init__
def counted(self, *args, **kwargs):
    start(self, *args, **kwargs)
    made.append(self.objectName())
collector.Collector.__init__ = counted
atexit.register(lambda: print("collector", gc.isenabled(), gc.get_freeze_count() > 0, made))
atexit.register(lambda: print("import check", sys.modules["shibokensupport.feature"]
                              ._mod_uses_pyside.__module__))
sys.argv = ["coach", "--data-dir", sys.argv[1], "--lang", "en"]
from coach.__main__ import main
sys.exit(main())
"""


def test_the_window_starts_paints_and_hands_the_garbage_collector_to_the_event_loop(
        tmp_path):
    # The launcher keeps the collector off during start-up; once the window is up,
    # start-up's objects are frozen out of its way and the event loop collects (the
    # automatic collector stays off: coach.ui.collector). PySide6's import hook uses
    # the lighter check (test_pyside_hook.py).
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")], capture_output=True,
        text=True, cwd=REPO, env={**os.environ, "COACH_EXIT_AFTER_FIRST_PAINT": "1"},
        timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("first-paint ")
    assert lines[-2:] == ["import check coach.ui.app",
                          "collector False True ['garbageCollector']"]
    assert "Traceback" not in result.stderr


def run_breakdown(*args: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "startup_parts.py"), *args],
        capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("first-paint ")
    assert lines[-1].startswith("result ")
    return json.loads(lines[-1].removeprefix("result "))


def test_the_start_up_breakdown_counts_what_each_window_makes_pyside6_build(tmp_path):
    # The benchmark's explanation of the start-up ratio: the bare window never has
    # PySide6 build the Qt namespace's enum types; the app does.
    bare = run_breakdown("bare")
    app = run_breakdown("app", str(tmp_path / "data"))
    assert bare["enum_types"] > 0 and bare["qt_namespace_enum_types"] == 0
    assert app["qt_namespace_enum_types"] > 50
    assert app["enum_types"] > bare["enum_types"] + app["qt_namespace_enum_types"]
    assert 0 < app["load_routines_ms"] < app["build_main_window_ms"]
    assert (tmp_path / "data" / "journal.sqlite3").is_file()


PRELOAD_CHILD = """
import atexit, sys, threading
from coach.ui import preload
loads = []
real = preload._load

def load():
    before = "pyqtgraph" in sys.modules
    # PySide6 makes a type when it is first touched, which two threads must not do at
    # once: every name pyqtgraph copies was made on the GUI thread already.
    untouched = [name for module in preload.QT_MODULES if module in sys.modules
                 for name in set(dir(sys.modules[module])) - set(vars(sys.modules[module]))]
    qt = {name for name in sys.modules if name.startswith("PySide6.")}
    real()
    new_qt = sorted(name for name in sys.modules if name.startswith("PySide6."))
    loads.append((threading.current_thread().name, before, "pyqtgraph" in sys.modules,
                  untouched, [name for name in new_qt if name not in qt]))
    # Then quit, as a user would.
    from PySide6.QtCore import QMetaObject, Qt
    from PySide6.QtWidgets import QApplication
    QMetaObject.invokeMethod(QApplication.instance(), "quit",
                             Qt.ConnectionType.QueuedConnection)

preload._load = load
atexit.register(lambda: print("loads", loads))
sys.argv = ["coach", "--data-dir", sys.argv[1], "--lang", "en"]
from coach.__main__ import main
sys.exit(main())
"""


def test_the_chart_code_loads_in_the_background_once_the_window_is_up(tmp_path):
    # pyqtgraph's import is most of a first visit to the trend page: a thread loads
    # it a moment after the window is painted, without the user visiting the page.
    result = subprocess.run(
        [sys.executable, "-c", PRELOAD_CHILD, str(tmp_path / "data")], capture_output=True,
        text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    # Its own thread loaded it; nothing had before; it found every Qt module loaded
    # and every Qt type made.
    assert result.stdout.splitlines()[-1] == \
        "loads [('chart-preload', False, True, [], [])]"
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr
