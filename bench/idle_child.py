"""The idle benchmark's child: Knee Coach idling with a weekly plan and reminders on.

    python bench/idle_child.py app DATA_DIR SECONDS
    python bench/idle_child.py floor SECONDS [--next-at ISO]

``app`` runs Knee Coach in this process as ``python -m coach --data-dir DATA_DIR
--lang en`` does (``coach.__main__.main``), on a data folder the parent prepared
(a ``plan.json`` with reminders far from now; reminders are on by default). The
measurement starts SETTLE_MS (3 s) after ``MainWindow.start_reminders`` has run (it
is called after the first paint), so the first paint, the reminder service's first
check and start-up's one-off timers (the app icon, ``keep_start_up``, the 2000 ms
fallback that calls ``InstanceLock.listen`` again) are behind it; it ends SECONDS
later on a single-shot timer, which ends the event loop with ``exit()`` (Qt 6's
``quit()`` would first ask the windows to close, and the main window only hides
while reminders run); the app then closes down as usual. The GUI thread's
voluntary context switches during the settle are reported too
(``settle_wakeups``).

``floor`` is what the issue's target names: a bare QApplication with a visible
1100x720 QWidget and a QLabel and ONE single-shot QTimer armed as the reminder
service arms its timer (``coach.ui.reminders.ReminderService._arm``): until the next
reminder (``--next-at``, the instant the app reported; none: no reminder) but at most
15 minutes, coarse under a minute and very coarse above, as soon as the event
loop runs. It ends the same way, on its own single-shot timer after the same
settle.

Both measure, from the start to the end of the idle stretch: wall time (monotonic),
process CPU time (``time.process_time``, every thread), voluntary context switches of
the GUI thread (``/proc/self/status``: the main thread's own) and of the whole process
(``getrusage``), and each thread's voluntary switches by thread name
(``/proc/self/task/*/status``); the thread count; and, for diagnosis, every Qt timer
registered at the start on a QObject reachable from the application, its top-level
widgets and Python's garbage collector (class, object name, interval, type).

Prints one line, ``result <JSON>``, and exits 0 (2 if the run timed out).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proc_stats import Probe, main_thread_switches  # noqa: E402
from PySide6.QtCore import QAbstractEventDispatcher, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget  # noqa: E402

SIZE = (1100, 720)
#: From the reminder service's start (app) or the floor's timer being armed to the
#: idle stretch: start-up's one-off timers are behind it (the app's last is
#: ``run_window``'s 2000 ms fallback for ``InstanceLock.listen``, armed before
#: ``show()``), so what is measured is the steady state. The wake-ups of this
#: stretch are reported on their own (``settle_wakeups``).
SETTLE_MS = 3000
#: As coach.ui.reminders (not imported here: the floor must not load coach).
MAX_WAIT = timedelta(minutes=15)
COARSE_BELOW_MS = 60_000
PRECISE = Qt.TimerType.PreciseTimer


def thread_switches() -> dict[str, int]:
    """Voluntary context switches of each thread of this process, by "name/tid"
    (the main thread is "main")."""
    found: dict[str, int] = {}
    main_tid = os.getpid()
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm", encoding="utf-8") as comm:
                name = comm.read().strip()
            with open(f"/proc/self/task/{tid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("voluntary_ctxt_switches:"):
                        key = "main" if int(tid) == main_tid else f"{name}/{tid}"
                        found[key] = int(line.split(":")[1])
        except OSError:  # the thread ended meanwhile
            continue
    return found


class ThreadProbe(Probe):
    """:class:`Probe`, with each thread's voluntary context switches as well."""

    def begin(self) -> None:
        self.threads = thread_switches()
        super().begin()

    def end(self) -> dict:
        found = super().end()
        threads = thread_switches()
        found["thread_voluntary_ctxt_switches"] = {
            name: count - self.threads.get(name, 0) for name, count in threads.items()}
        return found


def qt_timers() -> list[dict]:
    """Every Qt timer registered now on a QObject that can be found: the application's
    and the top-level widgets' object trees, and any QObject Python's collector sees."""
    app = QApplication.instance()
    dispatcher = QAbstractEventDispatcher.instance()
    seen: dict[int, QObject] = {}

    def walk(obj: QObject) -> None:
        key = id(obj)
        if key in seen:
            return
        seen[key] = obj
        for child in obj.children():
            walk(child)

    walk(app)
    for widget in app.topLevelWidgets():
        walk(widget)
    for obj in gc.get_objects():
        if isinstance(obj, QObject):
            try:
                walk(obj)
            except RuntimeError:  # its C++ object is gone
                continue
    timers = []
    for obj in seen.values():
        try:
            registered = dispatcher.registeredTimers(obj)
        except RuntimeError:
            continue
        for info in registered:
            parent = obj.parent()
            timers.append({
                "object": type(obj).__name__,
                "object_name": obj.objectName(),
                "parent": None if parent is None else type(parent).__name__,
                "interval_ms": info.interval,
                "type": info.timerType.name,
                "remaining_ms": dispatcher.remainingTime(info.timerId),
            })
    return sorted(timers, key=lambda t: (t["interval_ms"], t["object"]))


def idle_for(seconds: float, result: dict, before=None) -> None:
    """Measure the next *seconds* of the event loop into *result*, then quit."""
    app = QApplication.instance()
    probe = ThreadProbe()

    def end() -> None:
        result.update(probe.end())
        # exit(), not quit(): Qt 6's quit() first asks the windows to close, and the
        # main window only hides while reminders run (quit is then cancelled).
        app.exit(0)

    if before is not None:
        before()
    # The end timer first, so it is listed; the listing (which walks every Python
    # object) before the probe starts, so its cost is not counted.
    single_shot(seconds, end, "bench-end")
    result["qt_timers"] = qt_timers()
    probe.begin()


_timers: list[QTimer] = []


def single_shot(seconds: float, slot, name: str, timer_type=PRECISE) -> None:
    """Call *slot* once, *seconds* from now (a precise, 1 ms, timer unless told);
    *name* is the timer's object name, so the bench's own timers are told apart."""
    timer = QTimer()
    timer.setObjectName(name)
    timer.setSingleShot(True)
    timer.setTimerType(timer_type)
    timer.timeout.connect(slot)
    timer.start(round(seconds * 1000))
    _timers.append(timer)


def arm_timeout(app: QApplication, seconds: float) -> dict:
    """Give up (exit code 2) if the run has not ended *seconds* after the settle."""
    flag = {"flag": False}

    def give_up() -> None:
        flag["flag"] = True
        app.exit(2)

    single_shot(seconds + SETTLE_MS / 1000, give_up, "bench-watchdog",
                Qt.TimerType.VeryCoarseTimer)
    return flag


def run_app(data_dir: str, seconds: float) -> dict:
    gc.disable()  # as coach.__main__ does first thing
    from coach.__main__ import main
    from coach.ui.main_window import MainWindow

    result: dict = {"expected_s": seconds, "reminders_started": False}
    state: dict = {}
    start_reminders = MainWindow.start_reminders

    def describe(window: MainWindow) -> None:
        result["settle_wakeups"] = main_thread_switches()[0] - state["switches"]
        service = window.reminders
        result["reminders_started"] = service is not None
        if service is None:
            return
        upcoming = service.upcoming
        result["next_reminder"] = None if upcoming is None else {
            "kind": upcoming.kind.name, "routine_id": upcoming.routine_id,
            "at": upcoming.at.astimezone(UTC).isoformat()}
        result["reminder_timer"] = {"active": service.timer.isActive(),
                                    "interval_ms": service.timer.interval(),
                                    "type": service.timer.timerType().name,
                                    "remaining_ms": service.timer.remainingTime()}

    def started(window: MainWindow) -> None:
        start_reminders(window)
        if "armed" in state:  # called again (a plan change): not part of this run
            return
        state["armed"] = True
        state["switches"] = main_thread_switches()[0]
        state["timeout"] = arm_timeout(QApplication.instance(), seconds + 20)
        QTimer.singleShot(SETTLE_MS, lambda: idle_for(seconds, result,
                                                      lambda: describe(window)))

    MainWindow.start_reminders = started
    sys.argv = ["coach", "--data-dir", data_dir, "--lang", "en"]
    status = main()
    result["exit_code"] = status
    result["timed_out"] = state.get("timeout", {"flag": True})["flag"]
    return result


def run_floor(seconds: float, next_at: str | None) -> dict:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("An idle PySide6 window"))
    window.resize(*SIZE)
    window.show()
    result: dict = {"expected_s": seconds}
    reminder = QTimer()
    reminder.setSingleShot(True)
    reminder.timeout.connect(lambda: None)

    switches = {}

    def arm() -> None:  # as ReminderService._arm
        switches["armed"] = main_thread_switches()[0]
        wait = MAX_WAIT
        if next_at is not None:
            wait = min(wait, max(datetime.fromisoformat(next_at) - datetime.now(UTC),
                                 timedelta(0)))
        ms = max(1, math.ceil(wait / timedelta(milliseconds=1)))
        reminder.setTimerType(Qt.TimerType.CoarseTimer if ms < COARSE_BELOW_MS
                              else Qt.TimerType.VeryCoarseTimer)
        reminder.start(ms)
        result["reminder_timer"] = {"active": True, "interval_ms": ms,
                                    "type": reminder.timerType().name}

    QTimer.singleShot(0, arm)  # armed once the window is up, as the app's is
    def settled() -> None:
        result["settle_wakeups"] = main_thread_switches()[0] - switches["armed"]

    QTimer.singleShot(0, lambda: QTimer.singleShot(
        SETTLE_MS, lambda: idle_for(seconds, result, settled)))
    timed_out = arm_timeout(app, seconds + 20)
    app.exec()
    result["timed_out"] = timed_out["flag"]
    return result


def crash(kind, value, trace) -> None:
    """An exception in a slot must end the run, not leave the loop waiting."""
    sys.__excepthook__(kind, value, trace)
    os._exit(3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    app_args = sub.add_parser("app")
    app_args.add_argument("data_dir")
    app_args.add_argument("seconds", type=float)
    floor_args = sub.add_parser("floor")
    floor_args.add_argument("seconds", type=float)
    floor_args.add_argument("--next-at", help="the next reminder's instant (ISO 8601)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("COACH_EXIT_AFTER_FIRST_PAINT", None)
    if args.mode == "app":
        result = run_app(args.data_dir, args.seconds)
    else:
        sys.excepthook = crash
        result = run_floor(args.seconds, args.next_at)
    print("result " + json.dumps(result), flush=True)
    return 2 if result["timed_out"] or "wall_s" not in result else 0


if __name__ == "__main__":
    sys.exit(main())
