"""Hostile routine files: one of each kind that once stopped the whole app (issue 14).

:func:`write_hostile` writes them into a folder beside one good routine and returns,
for each bad file, the line and the words its problem must have. The files are made
here rather than kept in git: some are large, one needs a symbolic link loop.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

GOOD = """schema = 1
id = "good-one"
title = "Good one"
summary = "A short test routine."

[[steps]]
title = "Sit and breathe"
instructions = ["Sit on a chair.", "Breathe slowly."]
duration = 30
"""
_HEAD = 'schema = 1\nid = "{id}"\ntitle = "T"\nsummary = "S"\n'
_STEP = '\n[[steps]]\ntitle = "S"\ninstructions = ["I"]\n'  # lines 6-8
_TIMED = _STEP + "duration = 5\n"  # line 9


class Expected(NamedTuple):
    line: int | None
    words: str


def _case(kind: str, body: str, line: int | None, words: str,
          head: str = _HEAD) -> tuple[str, str, Expected]:
    return f"{kind}.toml", head.format(id=kind) + body, Expected(line, words)


CASES = [
    _case("deep-arrays", "x = " + "[" * 5000 + "]" * 5000 + "\n" + _TIMED, 5,
          "nested more than 20 deep"),
    _case("deep-inline-tables", "x = " + "{a=" * 3000 + "1" + "}" * 3000 + "\n" + _TIMED, 5,
          "nested more than 20 deep"),
    _case("long-dotted-key", "a" + ".a" * 20_000 + " = 1\n" + _TIMED, 5,
          "more than 10 parts separated by dots"),
    _case("long-table-name", "[" + ".".join(["t"] * 5000) + "]\n" + _TIMED, 5,
          "more than 10 parts separated by dots"),
    _case("too-many-items", "x = [" + "0," * 20_000 + "]\n" + _TIMED, 5,
          "more than 10,000 keys, tables and list items"),
    _case("thousands-of-digits", _STEP + "duration = " + "9" * 5000 + "\n", 9,
          "a number has more than 100 digits"),
    _case("too-big-for-a-float", _STEP + "reps = 0x" + "f" * 300 + "\nhold = 1\n", 9,
          "'steps[1].reps' must be at most 3,600, not about 10^361"),
    _case("hex-schema", _TIMED, 1, "schema about 10^6020 is newer",
          head=_HEAD.replace("schema = 1", "schema = 0x" + "f" * 5000)),
    _case("illustration-nul", _TIMED + 'illustration = "a\\u0000b.svg"\n', 10,
          "'steps[1].illustration' must be a relative file path"),
    _case("illustration-too-long", _TIMED + 'illustration = "' + "x" * 5000 + '.svg"\n', 10,
          "cannot be read: File name too long"),
    _case("illustration-loop", _TIMED + 'illustration = "pics/loop.svg"\n', 10,
          "illustration 'pics/loop.svg' cannot be read: Too many levels of symbolic links"),
    _case("date-time-then-bad", "when = 1979-05-27 07:32:00Z\n" + _STEP + "duration = -5\n",
          10, "'steps[1].duration' must be greater than 0"),
    _case("escaped-quoted-key", '"col\\u006fur" = 1\n' + _TIMED, 5, "unknown key 'colour'"),
    _case("unknown-sub-table", _TIMED + "[extra.stuff]\nx = 1\n", 10, "unknown key 'extra'"),
]


def write_hostile(folder: Path) -> dict[Path, Expected]:
    """Write the good routine and every hostile one into *folder*; return what each
    bad file's problem must say."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "00-good.toml").write_text(GOOD, encoding="utf-8")
    (folder / "pics").mkdir(exist_ok=True)
    os.symlink("loop.svg", folder / "pics" / "loop.svg")
    expected: dict[Path, Expected] = {}
    for name, text, want in CASES:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        expected[path] = want
    return expected
