"""The core (routines, journal, CSV, CLI for non-window commands) imports no Qt."""

import subprocess
import sys

CORE = ["coach.routine", "coach.library", "coach.tomlpos", "coach.journal", "coach.csvio",
        "coach.session", "coach.recorder", "coach.pain", "coach.paths", "coach.cli",
        "coach.config", "coach.advice", "coach.trend", "coach.journal_open", "coach.svgcheck",
        "coach.textsafe", "coach.autostart", "coach.cue_rules", "coach.plan", "coach.schedule",
        "coach.today", "coach.ics", "coach.plan_cli", "coach.level_changes",
        "coach.progression", "coach.summary", "coach.fhir", "coach.journal_schema",
        "coach.journal_errors", "coach.journal_salvage"]


def test_core_modules_import_no_qt_or_pyqtgraph():
    code = (f"import sys\nfor m in {CORE!r}: __import__(m)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph'))\nprint(bad)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_layers_point_one_way():
    """The core never imports the widgets, and the widgets never import the command
    line (Options and the settings keys live in coach.config)."""
    import ast

    from tests.conftest import REPO

    def imports(path):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                yield node.module
            elif isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)

    package = REPO / "coach"
    for path in package.glob("*.py"):
        if path.name != "cli.py":  # the command line opens the window
            assert not [m for m in imports(path) if m.startswith("coach.ui")], path
    for path in (package / "ui").glob("*.py"):
        assert "coach.cli" not in set(imports(path)), path
