"""The core (routines, journal, CSV, CLI for non-window commands) imports no Qt."""

import subprocess
import sys

CORE = ["coach.routine", "coach.library", "coach.tomlpos", "coach.journal", "coach.csvio",
        "coach.session", "coach.recorder", "coach.pain",
        "coach.paths", "coach.cli", "coach.config", "coach.advice", "coach.trend"]


def test_core_modules_import_no_qt_or_pyqtgraph():
    code = (f"import sys\nfor m in {CORE!r}: __import__(m)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph'))\nprint(bad)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
