"""Child process for test_kill: runs a real session at high speed and reports, on
stdout, each thing that is on disk (a confirmed rating, a finished step), so the
parent can kill it at any moment and check the journal kept all of it."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from coach import config
from coach.config import Options  # noqa: E402
from coach.ui.app import make_app, open_settings  # noqa: E402
from coach.ui.main_window import MainWindow  # noqa: E402


def main() -> None:
    data_dir = Path(sys.argv[1])
    app = make_app()
    settings = open_settings(data_dir)
    settings.set(config.FIRST_RUN_NOTICE_SEEN, True)
    settings.set(config.SOUND, False)
    window = MainWindow(Options(data_dir=data_dir, speed=200.0), settings=settings, lang="en")
    window.show()
    window.start_selected()
    flow = window.flow
    flow.engine.subscribe(lambda e: e.kind == "step_done" and print(
        f"step {len(flow.engine.completed_steps)}", flush=True))
    flow.ok_button.click()
    flow.before_panel.rating.set_value(4)
    flow.before_panel.submit.click()
    print(f"rated {flow.recorder.journal.ratings()[-1].uid}", flush=True)
    # The parent kills this process as soon as it reads "now": the moment is chosen
    # by the parent (argv[2], in ms) and kept here by the event loop.
    QTimer.singleShot(int(sys.argv[2]), lambda: print("now", flush=True))
    QTimer.singleShot(60_000, app.quit)
    app.exec()


if __name__ == "__main__":
    main()
