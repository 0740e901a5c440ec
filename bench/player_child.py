"""The player benchmark's child: the real PlayerView against ``time.monotonic``.

    python bench/player_child.py play ROUTINE.toml [--stalls FIRST,EVERY,COUNT,LENGTH]
    python bench/player_child.py idle SECONDS [--hz HZ [--touch MODE]]

``play`` builds ``PlayerView(SessionEngine(routine, time.monotonic), "en")`` at speed
1, shows it at 1100x720, waits for the first paint to settle, calls ``start()`` and
runs the event loop until the engine emits ``finished``. No Cues object is made (the
session flow makes one), so there is no sound and no voice. Measured from just
before ``start()`` to the ``finished`` event: wall time (monotonic), process CPU time
(``time.process_time``, every thread), ``PlayerView.refresh`` calls (a counting
subclass), and the GUI thread's voluntary context switches (``/proc/self/status``
shows the main thread's own count) as well as the whole process's
(``getrusage``).

With ``--stalls``, a precise single-shot timer per stall blocks the GUI thread with
``time.sleep(LENGTH)`` at FIRST, FIRST+EVERY, ... seconds after the start (COUNT of
them), and two naive countdowns run from the same start, for comparison: a
repeating 1000 ms QTimer (Qt's default coarse type) that decrements a counter of the
routine's whole seconds, and a 1000 ms single-shot QTimer re-armed in its own slot
(the chained ``setTimeout`` pattern). Each records when its counter reaches zero; the
child waits for all three before it quits.

``idle`` is the floor: a visible 1100x720 QWidget with a QLabel, the same settle, then
the event loop for SECONDS with no timer but the single-shot one that ends it. With
``--hz HZ`` a precise timer with an empty slot also wakes it HZ times a second: the
cost of waking up that often at all, which the player cannot avoid. ``--touch``
says what each wake-up does beyond that, step by step towards a player's frame:
``rearm``, a single-shot precise timer re-armed in a Python slot that reads
``time.monotonic()`` (as the player's own timer is); ``resize``, that and one plain
child widget made a pixel wider or narrower (a meter's fill, which Qt paints);
``paint``, that and ``update()`` of a small widget whose ``paintEvent`` is Python
(what the meters were, and what the countdown is).

Prints one line, ``result <JSON>``, and exits 0 (2 if the run timed out).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proc_stats import Probe  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPainter, QPaintEvent, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget  # noqa: E402

from coach.routine import load_routine  # noqa: E402
from coach.session import Event, SessionEngine  # noqa: E402
from coach.ui.player import PlayerView  # noqa: E402

SIZE = (1100, 720)
SETTLE_MS = 500  # after show(): first paint and polish are not part of the play
PRECISE = Qt.TimerType.PreciseTimer


class CountingPlayer(PlayerView):
    """The real player, counting its wake-ups (the timer and events call refresh)."""

    refreshes = 0

    def refresh(self) -> None:
        self.refreshes += 1
        super().refresh()


class NaiveCountdown:
    """Counts the routine's whole seconds down on 1000 ms ticks, as a tick-counting
    player would: on a repeating QTimer (Qt's default coarse type), or *chained*: a
    precise single shot re-armed for 1000 ms in its own slot (what C++'s
    ``QTimer::singleShot(1000, ...)`` is)."""

    def __init__(self, seconds: int, chained: bool, done) -> None:
        self.left = seconds
        self.ticks = 0
        self.chained = chained
        self.done = done
        self.at: float | None = None
        self.timer = QTimer()
        if chained:
            self.timer.setSingleShot(True)
            self.timer.setTimerType(PRECISE)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start(1000)

    def tick(self) -> None:
        self.ticks += 1
        self.left -= 1
        if self.left <= 0:
            self.at = time.monotonic()
            self.timer.stop()
            self.done()
        elif self.chained:
            self.timer.start(1000)


def play(routine_file: Path, stalls: tuple[float, float, int, float] | None) -> dict:
    app = QApplication.instance()
    routine, problems = load_routine(routine_file)
    if routine is None:
        raise SystemExit("\n".join(str(p) for p in problems))
    engine = SessionEngine(routine, time.monotonic)
    view = CountingPlayer(engine, "en")
    view.resize(*SIZE)
    view.show()
    probe = Probe()
    result: dict = {"expected_s": engine.total, "phases": len(engine.timeline)}
    naive: dict[str, NaiveCountdown] = {}
    stalled: list[float] = []
    waiting = {"player"}

    def done(name: str) -> None:
        waiting.discard(name)
        if not waiting:
            app.quit()

    def on_event(event: Event) -> None:
        if event.kind == "finished":
            result.update(probe.end(), refreshes=view.refreshes)
            done("player")

    def stall() -> None:
        began = time.monotonic()
        time.sleep(stalls[3])
        stalled.append(time.monotonic() - began)

    def begin() -> None:
        engine.subscribe(on_event)
        if stalls is not None:
            first, every, count, _ = stalls
            for k in range(count):
                single_shot(first + k * every, stall)
            for name, chained in (("tick_counter", False), ("chained_ticks", True)):
                naive[name] = NaiveCountdown(round(engine.total), chained,
                                             lambda name=name: done(name))
                waiting.add(name)
        probe.begin()
        for countdown in naive.values():
            countdown.start()
        view.start()

    QTimer.singleShot(SETTLE_MS, begin)
    timed_out = arm_timeout(app, engine.total + 20)
    app.exec()
    result["timed_out"] = timed_out["flag"]
    if stalls is not None:
        result["stalls"] = len(stalled)
        result["stalled_s"] = sum(stalled)
    start = probe.wall
    for name, countdown in naive.items():
        result[name] = {"ticks": countdown.ticks,
                        "actual_s": None if countdown.at is None else countdown.at - start}
    return result


class Painted(QWidget):
    """A small widget painted in Python, as the player's countdown is."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        QPainter(self).fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Mid))


TOUCHES = ("none", "rearm", "resize", "paint")


def idle(seconds: float, hz: float = 0.0, touch: str = "none") -> dict:
    app = QApplication.instance()
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("An idle PySide6 window"))
    track = QWidget()
    track.setFixedHeight(12)
    fill = QWidget(track)
    fill.setAutoFillBackground(True)
    fill.setBackgroundRole(QPalette.ColorRole.Highlight)
    fill.resize(300, 12)
    layout.addWidget(track)
    painted = Painted()
    painted.setFixedSize(200, 40)
    layout.addWidget(painted)
    window.resize(*SIZE)
    window.show()
    probe = Probe()
    result: dict = {"expected_s": seconds, "touch": touch}

    def end() -> None:
        result.update(probe.end())
        app.quit()

    ticker = QTimer()
    ticker.setTimerType(PRECISE)
    interval = round(1000 / hz) if hz > 0 else 0
    frames = [0]

    def frame() -> None:
        time.monotonic()
        frames[0] += 1
        if touch == "resize":
            fill.resize(300 + frames[0] % 2, 12)
        elif touch == "paint":
            painted.update()
        ticker.start(interval)

    if touch == "none":
        ticker.timeout.connect(lambda: None)  # only the wake-up: the cost of ticking
    else:
        ticker.setSingleShot(True)
        ticker.timeout.connect(frame)

    def begin() -> None:
        probe.begin()
        if hz > 0:
            ticker.start(interval)
        single_shot(seconds, end)

    QTimer.singleShot(SETTLE_MS, begin)
    timed_out = arm_timeout(app, seconds + 20)
    app.exec()
    result["timed_out"] = timed_out["flag"]
    return result


_timers: list[QTimer] = []


def single_shot(seconds: float, slot) -> None:
    """Call *slot* once, *seconds* from now, on a precise (1 ms) timer."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(PRECISE)
    timer.timeout.connect(slot)
    timer.start(max(0, round(seconds * 1000)))
    _timers.append(timer)


def crash(kind, value, trace) -> None:
    """An exception in a slot must end the run, not leave the loop waiting."""
    sys.__excepthook__(kind, value, trace)
    os._exit(3)


def arm_timeout(app: QApplication, seconds: float) -> dict:
    """Quit (and say so) if the run has not ended *seconds* after the settle."""
    flag = {"flag": False}

    def give_up() -> None:
        flag["flag"] = True
        app.quit()

    QTimer.singleShot(round((seconds + SETTLE_MS / 1000) * 1000), give_up)
    return flag


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    play_args = sub.add_parser("play")
    play_args.add_argument("routine", type=Path)
    play_args.add_argument("--stalls", help="FIRST,EVERY,COUNT,LENGTH in seconds")
    idle_args = sub.add_parser("idle")
    idle_args.add_argument("seconds", type=float)
    idle_args.add_argument("--hz", type=float, default=0.0,
                           help="also wake up this many times a second, doing nothing")
    idle_args.add_argument("--touch", choices=TOUCHES, default="none",
                           help="with --hz: what each wake-up does (see above)")
    args = parser.parse_args()
    sys.excepthook = crash
    QApplication(sys.argv[:1])
    if args.mode == "play":
        stalls = None
        if args.stalls:
            first, every, count, length = args.stalls.split(",")
            stalls = (float(first), float(every), int(count), float(length))
        result = play(args.routine, stalls)
    else:
        result = idle(args.seconds, args.hz, args.touch)
    print("result " + json.dumps(result), flush=True)
    return 2 if result["timed_out"] else 0


if __name__ == "__main__":
    sys.exit(main())
