"""The flagship benchmark's child: the whole ten-minute routine through the real
session flow, against ``time.monotonic``.

    python bench/flagship_child.py DATA_DIR [--routine ID] [--speed S]
                                   [--stalls FIRST,EVERY,COUNT,LENGTH]

Builds the real ``MainWindow`` as ``coach.ui.app.run_window`` does (the garbage
collector off until the first paint, English translators, the theme, settings from
DATA_DIR, reminders started after the first paint, start-up's objects frozen), with
the first-run notice already seen and sound and voice off (settings written before the
window is built: no audio device here), shows it at 1100x720 (as the player benchmark)
and then goes through a session as a user would:

1. ``MainWindow.open_routine(ID)`` (what ``coach run ID`` and the Today screen's
   start button call: selects the routine in the list and opens its session);
2. the safety check: "No, my knee is fine today" is clicked;
3. the "before" rating: after the page's quiet moment (``rating.QUIET_SECONDS``),
   the keys 3 and Return are pressed on the rating row (QTest), which saves the
   rating and starts the player;
4. the player runs by itself on its own timer and the real clock through every
   step, side, hold, rest and switch: nothing is pressed (the engine never waits for
   the user; a ``paused`` event would be counted and reported);
5. after the engine's ``finished`` event, the "after" rating (2, Return) and "Back
   to routines", as a user would, and the journal's session is read back.

Measured from the engine's ``started`` event to its ``finished`` event, each timed
(``time.monotonic``) by a listener put first in the engine's list (before the
recorder, cues and player that the flow subscribed; ``started`` comes inside
``SessionEngine.start()`` right after it anchors its clock): wall time against the
planned length (``engine.total``, the sum of the timeline's phases, divided by the
speed): ``drift`` = wall - planned. ``finished_handling``: from there until a last
listener is called, i.e. what the flow's own listeners took (the recorder's journal
write, the player's switch to the after-rating page). Per phase:
when its ``phase_started`` event came against ``start + phase.start / speed``
(``lateness``: the worst, the median and how many were over 20 ms). Over the same span:
process CPU time (``time.process_time``) / wall in % of one core, the GUI thread's and
the process's voluntary context switches (bench/proc_stats.py), and
``PlayerView.refresh`` calls: the class's method is wrapped with a counter in this
process before the window is built (the flow builds its own PlayerView).

With ``--stalls``, precise single-shot timers block the GUI thread with
``time.sleep(LENGTH)`` at FIRST, FIRST+EVERY, ... seconds after the start (COUNT of
them), as bench/player_child.py does.

Prints one line, ``result <JSON>``, and exits 0 (2 if the run timed out).
"""

from __future__ import annotations

import gc

gc.disable()  # as coach/__main__.py does, until the window is shown

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from player_child import single_shot  # noqa: E402
from proc_stats import Probe  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QPushButton  # noqa: E402

from coach import config  # noqa: E402
from coach.config import Options  # noqa: E402
from coach.session import Event  # noqa: E402
from coach.ui import app as coach_app  # noqa: E402
from coach.ui.player import PlayerView  # noqa: E402
from coach.ui.rating import QUIET_SECONDS  # noqa: E402

FLAGSHIP = "ten-minute-inner-thigh"
SETTLE_MS = 1000  # after the first paint: start-up's tail is not part of the play
LATE_MS = 20
SIZE = (1100, 720)

refreshes = 0
_original_refresh = PlayerView.refresh


def counting_refresh(self: PlayerView) -> None:
    global refreshes
    refreshes += 1
    _original_refresh(self)


PlayerView.refresh = counting_refresh  # type: ignore[method-assign]

def crash(kind, value, trace) -> None:
    """An exception in a slot must end the run, not leave the loop waiting."""
    sys.__excepthook__(kind, value, trace)
    os._exit(3)


def run(data_dir: Path, routine_id: str, speed: float,
        stalls: tuple[float, float, int, float] | None) -> dict:
    coach_app.lighten_pyside_import_hook()
    app = coach_app.make_app()
    coach_app.install_translators(app, "en")
    settings = coach_app.open_settings(data_dir)
    settings.set(config.FIRST_RUN_NOTICE_SEEN, True)
    settings.set(config.SOUND, False)
    settings.set(config.VOICE, False)
    from coach.ui import theme

    theme.apply(app, settings)
    from coach.ui.main_window import MainWindow
    from coach.ui.widgets import after_first_paint

    options = Options(data_dir=data_dir, lang="en", speed=speed)
    window = MainWindow(options, settings=settings, lang="en")
    # The player benchmark's size. The app's first-run size fits the screen's free area,
    # and offscreen's screen is 800x600 (the window's minimum size wins there).
    window.resize(*SIZE)
    app.setQuitOnLastWindowClosed(False)
    window.show()
    window.raise_()
    window.activateWindow()
    after_first_paint(window, window.start_reminders)
    after_first_paint(window, lambda: coach_app.keep_start_up(app))

    result: dict = {"routine": routine_id, "speed": speed}
    marks: dict[str, float] = {}
    late: list[tuple[float, int, str]] = []  # (seconds late, phase index, kind)
    counts = {"paused": 0, "stopped": 0, "phases": 0, "step_done": 0, "side_switched": 0}
    stalled: list[float] = []
    probe = Probe()
    state = {"timed_out": False}

    def finish_up() -> None:
        """What a user does after the routine: rate, then back to the list."""
        flow = window.flow
        if flow is None:
            app.exit(1)
            return
        marks["after_page_visible"] = float(flow.after_panel.isVisible())

        def rate_after() -> None:
            QTest.keyClick(flow.after_panel.rating, Qt.Key.Key_2)
            QTest.keyClick(flow.after_panel.rating, Qt.Key.Key_Return)
            back = flow.pages.currentWidget().findChild(QPushButton, "backButton")
            result["result_page"] = back is not None
            if back is not None:
                back.click()
            sessions = window.journal.sessions()
            last = sessions[-1] if sessions else None
            result["journal_session"] = None if last is None else {
                "outcome": last.outcome, "steps_completed": last.steps_completed}
            result["ratings"] = [(r.context, r.value) for r in window.journal.ratings()]
            result["flow_closed"] = window.flow is None
            app.exit(0)

        QTimer.singleShot(round((QUIET_SECONDS + 0.2) * 1000), rate_after)

    def first_listener(event: Event) -> None:
        """Called before the flow's own listeners: when the engine emitted."""
        now = time.monotonic()
        if event.kind == "started":
            marks["start"] = now
        elif event.kind == "phase_started" and event.phase is not None:
            counts["phases"] += 1
            planned = marks["start"] + event.phase.start / speed
            late.append((now - planned, event.phase.index, str(event.phase.kind)))
        elif event.kind in counts:
            counts[event.kind] += 1
        elif event.kind == "finished":
            marks["finished"] = now

    def last_listener(event: Event) -> None:
        """Called after the flow's listeners (the recorder's journal write, the cues,
        the player, which shows the after-rating page) have handled the event."""
        if event.kind == "finished":
            marks["finished_handled"] = time.monotonic()
            result.update(probe.end(), refreshes=refreshes)
            QTimer.singleShot(0, finish_up)

    def stall() -> None:
        began = time.monotonic()
        time.sleep(stalls[3])  # type: ignore[index]
        stalled.append(time.monotonic() - began)

    def before_rating() -> None:
        flow = window.flow
        QTest.keyClick(flow.before_panel.rating, Qt.Key.Key_3)
        # Return saves the rating and starts the player (SessionFlow._start_player).
        global refreshes
        refreshes = 0
        probe.begin()
        QTest.keyClick(flow.before_panel.rating, Qt.Key.Key_Return)
        if "start" not in marks:
            raise RuntimeError("Return on the before rating did not start the player")
        if stalls is not None:
            first, every, count, _ = stalls
            for k in range(count):
                single_shot(marks["start"] + first + k * every - time.monotonic(), stall)

    def open_and_answer() -> None:
        result["window_size"] = [window.width(), window.height()]
        marks["open"] = time.monotonic()
        if not window.open_routine(routine_id) or window.flow is None:
            raise RuntimeError(f"could not open {routine_id}")
        flow = window.flow
        engine = flow.engine
        # The flow subscribed its recorder, cues and player when it was built: this
        # listener goes before them, the other after.
        engine.subscribe(first_listener, first=True)
        engine.subscribe(last_listener)
        result.update(expected_s=engine.total / speed, routine_seconds=engine.total,
                      timeline_phases=len(engine.timeline),
                      steps=len(flow.routine.steps), level=flow.routine.level)
        flow.ok_button.click()  # "No, my knee is fine today"
        if not flow.before_panel.isVisible():
            raise RuntimeError("the safety check did not lead to the before rating")
        # A user reads the question; keys are ignored for QUIET_SECONDS anyway.
        QTimer.singleShot(round((QUIET_SECONDS + 0.2) * 1000), before_rating)
        limit = engine.total / speed + 60
        QTimer.singleShot(round(limit * 1000), give_up)

    def give_up() -> None:
        state["timed_out"] = True
        app.exit(2)

    after_first_paint(window, lambda: QTimer.singleShot(SETTLE_MS, open_and_answer))
    app.exec()

    result["timed_out"] = state["timed_out"]
    if "finished" in marks:
        wall = marks["finished"] - marks["start"]
        result["actual_s"] = wall
        result["drift_s"] = wall - result["expected_s"]
        result["finished_handling_s"] = marks["finished_handled"] - marks["finished"]
    result["events"] = counts
    result["user_presses_during_play"] = 0
    result["user_waits_s"] = 0.0
    if late:
        worst = max(late)
        result["phase_lateness"] = {
            "max_ms": round(worst[0] * 1000, 2), "worst_phase": worst[1],
            "worst_kind": worst[2],
            "median_ms": round(statistics.median(x[0] for x in late) * 1000, 2),
            "min_ms": round(min(x[0] for x in late) * 1000, 2),
            f"over_{LATE_MS}ms": sum(1 for x in late if x[0] * 1000 > LATE_MS)}
    if stalls is not None:
        result["stalls"] = len(stalled)
        result["stalled_s"] = sum(stalled)
    window.stop_reminders()
    window.journal.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--routine", default=FLAGSHIP)
    parser.add_argument("--speed", type=float, default=1.0,
                        help="the app's --speed (a quick look only: report speed 1)")
    parser.add_argument("--stalls", help="FIRST,EVERY,COUNT,LENGTH in seconds")
    args = parser.parse_args()
    sys.excepthook = crash
    stalls = None
    if args.stalls:
        first, every, count, length = args.stalls.split(",")
        stalls = (float(first), float(every), int(count), float(length))
    args.data_dir.mkdir(parents=True, exist_ok=True)
    result = run(args.data_dir, args.routine, args.speed, stalls)
    print("result " + json.dumps(result), flush=True)
    return 2 if result["timed_out"] else 0


if __name__ == "__main__":
    sys.exit(main())
