"""Where start-up goes: the start-up benchmark's breakdown child.

    python bench/startup_parts.py bare [--with-qt-types]
    python bench/startup_parts.py app DATA_DIR

Runs the bare window (bench/bare_window.py) or Knee Coach (``python -m coach
--data-dir DATA_DIR --lang en``) in this process up to the first paint, counting
on the way:

- the Python enum types PySide6 creates before the first paint (it makes them
  with Python's ``enum`` module when a module or class is first used, all of a
  class's at once: the ``Qt`` namespace alone is 93), with their members and the
  time spent creating them;
- for the app, the time in its own steps: loading the routine files, opening the
  journal, and building the main window (which includes both).

The counting wraps ``enum.EnumType._create_``, so this child runs a little slower
than the timed ones: its counts are exact, its milliseconds are for proportions.
Prints the usual ``first-paint`` line, then ``result <JSON>``.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import io
import json
import os
import runpy
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

created: list[tuple[type, float, float]] = []  # (enum type, created at, seconds)
_create = enum.EnumType._create_


def _counting_create(cls, class_name, names, **kwargs):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    made = _create(cls, class_name, names, **kwargs)
    created.append((made, start, time.perf_counter() - start))
    return made


class _Tee(io.TextIOBase):
    """Pass stdout through, keeping the first-paint stamp."""

    def __init__(self) -> None:
        self.first_paint: float | None = None

    def write(self, text: str) -> int:
        if text.startswith("first-paint ") and self.first_paint is None:
            self.first_paint = float(text.split()[1])
        return sys.__stdout__.write(text)

    def flush(self) -> None:
        sys.__stdout__.flush()


def _timed(owner: type, name: str, into: dict[str, float], key: str) -> None:
    original: Callable = getattr(owner, name)

    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into[key] = into.get(key, 0.0) + time.perf_counter() - start

    setattr(owner, name, wrapper)


def run_app(data_dir: str, steps: dict[str, float]) -> None:
    gc.disable()  # as coach.__main__ does first thing
    sys.path.insert(0, str(ROOT))
    from coach.__main__ import main
    from coach.config import Options
    from coach.ui.main_window import MainWindow

    _timed(Options, "load_library", steps, "load_routines_ms")
    _timed(Options, "open_journal", steps, "open_journal_ms")
    _timed(MainWindow, "__init__", steps, "build_main_window_ms")
    sys.argv = ["coach", "--data-dir", data_dir, "--lang", "en"]
    main()


def main() -> int:
    enum.EnumType._create_ = _counting_create
    out = _Tee()
    sys.stdout = out
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COACH_EXIT_AFTER_FIRST_PAINT"] = "1"
    steps: dict[str, float] = {}
    if sys.argv[1] == "bare":
        sys.argv = [str(ROOT / "bench" / "bare_window.py"), *sys.argv[2:]]
        with contextlib.suppress(SystemExit):  # bare_window.py ends with sys.exit
            runpy.run_path(sys.argv[0], run_name="__main__")
    else:
        run_app(sys.argv[2], steps)
    sys.stdout = sys.__stdout__
    if out.first_paint is None:
        print("no first paint", file=sys.stderr)
        return 1
    before = [(kind, took) for kind, at, took in created if at < out.first_paint]
    qt_namespace = [(kind, took) for kind, took in before
                    if kind.__qualname__.startswith("Qt.")]
    result = {
        "enum_types": len(before),
        "enum_members": sum(len(kind.__members__) for kind, _ in before),
        "enum_ms": round(1000 * sum(took for _, took in before), 1),
        "qt_namespace_enum_types": len(qt_namespace),
        "qt_namespace_enum_ms": round(1000 * sum(took for _, took in qt_namespace), 1),
        **{key: round(1000 * took, 1) for key, took in steps.items()},
    }
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
