"""The start-up floor: the least a PySide6 window costs on this machine.

Imports PySide6.QtWidgets, creates a QApplication and a 1100x720 QWidget holding a
QLabel, shows it, and at the widget's first Paint event prints the same line as
Knee Coach's ``COACH_EXIT_AFTER_FIRST_PAINT`` probe::

    first-paint <time.perf_counter()> rss-kib <VmRSS in KiB>

then quits. bench/run.py spawns it exactly as it spawns the app, so the difference
between the two is what Knee Coach itself adds.

``--with-qt-types``: first make PySide6 build the Python types of the ``Qt``
namespace and of ``QLocale`` (105 enum types, ~2,000 members). The bare window
never needs them, but any window does as soon as it aligns a label, sets a text
format, gives an action a shortcut or picks a locale: this second floor tells what
PySide6 charges for that apart from what Knee Coach does.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


def resident_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first-paint {time.perf_counter():.6f} rss-kib {resident_kib()}", flush=True)
            QApplication.instance().quit()
        return False


def main() -> int:
    if "--with-qt-types" in sys.argv:
        from PySide6.QtCore import QLocale, Qt

        _ = Qt.AlignmentFlag, QLocale.Language
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("Bare window")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("A bare PySide6 window"))
    window.resize(1100, 720)
    probe = FirstPaint(window)
    window.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
