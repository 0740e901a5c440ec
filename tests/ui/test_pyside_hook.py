"""The lighter check of PySide6's import hook gives PySide6's own answers."""

import os
import subprocess
import sys

from tests.conftest import REPO

# A fresh process, so PySide6's own check is the one installed at first.
CHILD = """
import linecache, sys
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
pyside_check = feature._mod_uses_pyside
from coach.ui.app import lighten_pyside_import_hook
lighten_pyside_import_hook()
ours = feature._mod_uses_pyside
lighten_pyside_import_hook()  # a second call changes nothing
print("installed", ours is not pyside_check, feature._mod_uses_pyside is ours)
import pyqtgraph
import coach.ui.main_window, coach.ui.trend_view, coach.ui.session_flow
modules = list(sys.modules.values())
print("modules", len(modules))
print("differ", [m.__name__ for m in modules if ours(m) != pyside_check(m)])
print("using", sum(map(ours, modules)))
"""


def test_same_answers_for_every_module_the_app_loads():
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                            cwd=REPO, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            timeout=120)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["installed"] == "True True"
    assert int(lines["modules"]) > 300  # numpy, pyqtgraph and the app were checked
    assert lines["differ"] == "[]"
    assert int(lines["using"]) >= 5  # PySide6 itself, pyqtgraph's Qt modules, the app's
