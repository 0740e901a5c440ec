"""The real start-up path, as the ``coach`` command runs it."""

import os
import subprocess
import sys

from tests.conftest import REPO

CHILD = """
import atexit, gc, sys
atexit.register(lambda: print("collector", gc.isenabled(), gc.get_freeze_count() > 0))
atexit.register(lambda: print("import check", sys.modules["shibokensupport.feature"]
                              ._mod_uses_pyside.__module__))
sys.argv = ["coach", "--data-dir", sys.argv[1], "--lang", "en"]
from coach.__main__ import main
sys.exit(main())
"""


def test_the_window_starts_paints_and_turns_the_garbage_collector_back_on(tmp_path):
    # The launcher keeps the collector off during start-up; once the window is up it
    # must be on again, with start-up's objects frozen out of its way. PySide6's import
    # hook uses the lighter check (test_pyside_hook.py).
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")], capture_output=True,
        text=True, cwd=REPO, env={**os.environ, "COACH_EXIT_AFTER_FIRST_PAINT": "1"},
        timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("first-paint ")
    assert lines[-2:] == ["import check coach.ui.app", "collector True True"]
    assert "Traceback" not in result.stderr
