"""PySide6 6.12.0 on CPython 3.11 drops references to None and aborts
("Fatal Python error: none_dealloc") within a second of a processEvents() loop.
The dependency pin keeps 3.11 off 6.12; this test catches a pin that slipped."""

import os
import subprocess
import sys

LOOP = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("x")
label.show()
for _ in range(20_000):
    app.processEvents()
    label.text()
print("survived")
"""


def test_twenty_thousand_process_events_calls_do_not_abort():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
