"""The ``coach`` command and ``python -m coach``.

The garbage collector is off while the window starts: start-up creates ~27,000
objects that live as long as the app (PySide6's enum types, the widgets, the
routines), and with the collector on Python ran some fifty collections over them
before the first paint (10-14 ms here; 2 collections and ~1 ms with it off).
Once the window is shown, ``coach.ui.app.keep_start_up`` freezes them and hands the
collector to the event loop (:mod:`coach.ui.collector`: never in a worker thread or
inside a Qt call); the command-line tools turn it on at once.
"""

import gc
import sys


def main() -> int:
    gc.disable()
    from coach.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
