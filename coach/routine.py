"""Routine files: the data model and the validator for routine format v1 (TOML).

A routine file is meant to be written by a physiotherapist in a text editor, so the
validator reports every problem it finds, each as ``FILE:LINE: message``, and never
raises on bad input: whatever a file holds, loading it gives a routine or problems,
quickly, so one file can never stop the others. ``docs/routines.md`` documents the
format, its limits and every message. This module imports nothing from Qt.
"""

from __future__ import annotations

import codecs
import errno
import functools
import math
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from coach.paths import assets_dir
from coach.tomlpos import Path as KeyPath
from coach.tomlpos import first_excess, key_lines, line_of

if TYPE_CHECKING:
    from coach.routine_cache import ParseCache

SCHEMA_VERSION = 1
LANGUAGES = ("en", "ja")
MAX_STEP_SECONDS = 3600
# Limits that keep every file quick to judge (tomllib has none: deep nesting overflows
# the stack, long dotted keys cost quadratic time). A real routine is 5-12 KB, with a
# few hundred keys and list items, keys of at most 2 parts and nesting 2 deep.
MAX_FILE_BYTES = 256 * 1024
MAX_ITEMS = 10_000
MAX_KEY_PARTS = 10
MAX_NESTING = 20
MAX_DIGITS = 100
MAX_COUNT = 3600  # reps and sets: a step lasts at most an hour anyway
MAX_HINTS = 20  # "did you mean ...?" for the first unknown keys of a file only
MAX_LEVELS = 5
SIDES = ("none", "left", "right", "both", "alternate")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

ROUTINE_KEYS = (
    "schema", "id", "title", "summary", "equipment", "frequency", "safety", "source",
    "levels", "steps",
)
STEP_KEYS = (
    "title", "instructions", "cues", "illustration", "caution", "sides", "get_ready",
    "duration", "reps", "hold", "release", "hold_cue", "release_cue", "sets", "rest",
    "switch", "weaker_side_reps", "level",
)
LEVEL_KEYS = ("title", "summary", "source", "standard")
#: A step's keys that time it one way or the other: a level that sets one way drops
#: the step's keys of the other.
TIMING_KEYS = {"duration": ("reps", "hold", "release"), "reps": ("duration",),
               "hold": ("duration",)}
DEFAULTS = {"get_ready": 5.0, "release": 0.0, "sets": 1, "rest": 15.0, "switch": 5.0}


class Text(NamedTuple):
    """A piece of user-facing text in English and, optionally, Japanese."""

    en: str
    ja: str | None = None

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" and self.ja else self.en


class TextList(NamedTuple):
    """Numbered lines (instructions, cues, safety notes) in English and Japanese."""

    en: tuple[str, ...] = ()
    ja: tuple[str, ...] | None = None

    def get(self, lang: str) -> tuple[str, ...]:
        return self.ja if lang == "ja" and self.ja else self.en


class Step(NamedTuple):
    title: Text
    instructions: TextList
    cues: TextList = TextList()
    illustration: Path | None = None
    caution: Text | None = None
    sides: str = "none"
    get_ready: float = DEFAULTS["get_ready"]
    duration: float | None = None
    reps: int | None = None
    hold: float | None = None
    release: float = DEFAULTS["release"]
    hold_cue: Text | None = None
    release_cue: Text | None = None
    sets: int = 1
    rest: float = DEFAULTS["rest"]
    switch: float = DEFAULTS["switch"]
    #: Extra repetitions for a weaker leg, played after the step when the user has
    #: said which leg is weaker (:meth:`Routine.for_weaker_side`); None: no such option.
    weaker_side_reps: int | None = None

    @property
    def side_order(self) -> tuple[str, ...]:
        """The sides the step is played on, in order; ``("none",)`` when unsided and
        ``("alternate",)`` when the legs take turns on every repetition."""
        return ("right", "left") if self.sides == "both" else (self.sides,)

    def rep_side(self, side: str, rep: int) -> str:
        """The side of repetition *rep* (1-based) played on *side*: with "alternate"
        the right leg starts and the legs take turns."""
        if side != "alternate":
            return side
        return "right" if rep % 2 else "left"

    @property
    def work_seconds(self) -> float:
        """One set's work: the plain duration, or every hold and release."""
        if self.duration is not None:
            return self.duration
        return (self.reps or 0) * ((self.hold or 0.0) + self.release)

    @property
    def total_seconds(self) -> float:
        """Get ready, then per side every set with rests between, and side switches."""
        per_side = self.sets * self.work_seconds + (self.sets - 1) * self.rest
        sides = len(self.side_order)
        return self.get_ready + sides * per_side + (sides - 1) * self.switch


class Level(NamedTuple):
    """One level of a routine: its name, what changes (*summary*), why (*source*) and
    every step as played at this level."""

    number: int
    title: Text
    summary: Text | None
    source: Text | None
    steps: tuple[Step, ...]

    @property
    def total_seconds(self) -> float:
        return sum(step.total_seconds for step in self.steps)


class Routine(NamedTuple):
    id: str
    title: Text
    summary: Text
    steps: tuple[Step, ...]
    path: Path
    equipment: TextList = TextList()
    frequency: Text | None = None
    safety: TextList = TextList()
    source: Text | None = None
    schema: int = SCHEMA_VERSION
    #: The routine's levels, easiest first; empty when the file defines none (then
    #: the routine has one level, 1).
    levels: tuple[Level, ...] = ()
    #: The level *steps* are at, and the level the file's steps are written at.
    level: int = 1
    standard_level: int = 1

    @property
    def total_seconds(self) -> float:
        return sum(step.total_seconds for step in self.steps)

    @property
    def level_count(self) -> int:
        return len(self.levels) or 1

    def level_info(self, number: int | None = None) -> Level | None:
        """Level *number* (this routine's own level if None), or None when the
        routine has no levels or no such level."""
        number = self.level if number is None else number
        return self.levels[number - 1] if 1 <= number <= len(self.levels) else None

    @property
    def has_weaker_side_option(self) -> bool:
        return any(step.weaker_side_reps for step in self.steps)

    def for_weaker_side(self, side: str | None) -> Routine:
        """The routine with extra work for a weaker *side* ("left" or "right"): after
        each step that offers it, that many more repetitions with that leg alone."""
        if side not in ("left", "right") or not self.has_weaker_side_option:
            return self
        steps: list[Step] = []
        for step in self.steps:
            steps.append(step)
            if step.weaker_side_reps:
                count = step.weaker_side_reps
                steps.append(step._replace(
                    title=Text(f"{step.title.en}: extra for the weaker leg",
                                     f"{step.title.ja or step.title.en}：弱い側の脚だけ追加"),
                    instructions=TextList(
                        (f"The same movement with your weaker leg only, {count} times.",
                         "Rest whenever your form slips."),
                        (f"弱い側の脚だけで、同じ動きを{count}回行います。",
                         "姿勢がくずれてきたら休みましょう。")),
                    cues=TextList(), release_cue=None, sides=side, reps=count, sets=1,
                    get_ready=DEFAULTS["get_ready"], weaker_side_reps=None))
        return self._replace(steps=tuple(steps))

    def at_level(self, number: int) -> Routine:
        """The routine as played at level *number* (clamped to the levels there are)."""
        number = min(max(number, 1), len(self.levels))
        if not self.levels or number == self.level:
            return self
        return self._replace(steps=self.levels[number - 1].steps, level=number)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a routine file; prints as ``FILE:LINE: message``."""

    file: Path
    line: int | None
    message: str = field(compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        return f"{where}: {self.message}"


def dotted(path: KeyPath) -> str:
    """``("steps", 2, "title")`` -> ``steps[3].title`` (steps counted from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{_clip(part)}" if out else _clip(part)
    return out


@functools.cache
def _assets_root() -> Path:
    return assets_dir().resolve()


def _plain_path_under(root: Path, relative: Path) -> tuple[Path, bool] | None:
    """``((root / relative).resolve(), is it a file)`` for a resolved *root*, found
    with one ``lstat`` per part of *relative* rather than ``resolve()``'s walk of the
    whole path (at start-up, for each routine's illustrations); None when a link,
    ``..``, an unusual error or another system's paths (case, junctions) need that walk."""
    if os.name != "posix" or not relative.parts or ".." in relative.parts:
        return None
    path = root
    for part in relative.parts:
        path = path / part
        try:
            info = path.lstat()
        except (FileNotFoundError, NotADirectoryError):
            return root / relative, False  # nothing further can exist
        except OSError:
            return None
        if stat.S_ISLNK(info.st_mode):
            return None
    return path, stat.S_ISREG(info.st_mode)


class _Checker:
    """Collects problems while converting the parsed TOML into model objects."""

    def __init__(self, file: Path, text: str, *, check_pictures: bool = False) -> None:
        self.file = file
        self.check_pictures = check_pictures
        self._source = text
        self._lines: dict[KeyPath, int] | None = None
        self.problems: list[Problem] = []
        # Where illustrations may live, resolved once per file rather than per step.
        self._picture_roots: tuple[Path, ...] | None = None
        self._hints_left = MAX_HINTS
        # While a step is checked at another level: the keys that level sets (their
        # problems are reported at its lines) and the words that start each message.
        self._level_keys: tuple[KeyPath, str, set[Any]] | None = None

    def report(self, path: KeyPath, message: str) -> None:
        if self._lines is None:  # scanned only when there is something to report
            self._lines = key_lines(self._source)
        if self._level_keys is not None:
            table, words, keys = self._level_keys
            step_key = len(path) > 2 and path[0] == "steps" and path[2]
            path = table + path[2:] if step_key in keys else table
            message = f"{words}: {message}"
        self.problems.append(Problem(self.file, line_of(self._lines, path), message))

    def unknown_keys(self, table: dict[str, Any], allowed: Iterable[str], path: KeyPath) -> None:
        allowed = tuple(allowed)
        for key in table:
            if key in allowed:
                continue
            if path and key in ROUTINE_KEYS:
                first = "[[levels]]" if path[0] == "levels" else "[[steps]]"
                tip = (f" (a routine-level key: move it above the first {first}, "
                       "where keys belong to the whole routine)")
            elif self._hints_left:
                import difflib  # only a broken file needs it (~1 ms to import)

                # A guess costs ~50 us; a file of thousands of unknown keys gets a few.
                self._hints_left -= 1
                hint = difflib.get_close_matches(key, allowed, n=1)
                tip = f" (did you mean '{hint[0]}'?)" if hint else ""
            else:
                tip = ""
            self.report(path + (key,), f"unknown key '{dotted(path + (key,))}'{tip}")

    def text(self, table: dict[str, Any], key: str, path: KeyPath,
             required: bool = True) -> Text | None:
        value = table.get(key)
        here = path + (key,)
        if value is None:
            if required:
                self.report(path, f"missing required key '{dotted(here)}'")
            return None
        plain = isinstance(value, str)
        if plain:
            value = {"en": value}
        if not isinstance(value, dict):
            self.report(here, f"'{dotted(here)}' must be text or a table of languages "
                              f"(en, ja), not {_kind(value)}")
            return None
        texts: dict[str, str] = {}
        for lang, item in value.items():
            if lang not in LANGUAGES:
                self.report(here + (lang,), f"language '{_clip(lang)}' in '{dotted(here)}' "
                                            "is not supported (use 'en' or 'ja')")
            elif not isinstance(item, str):
                self.report(here + (lang,), f"'{dotted(here + (lang,))}' must be text, "
                                            f"not {_kind(item)}")
            elif not item.strip():
                named = here if plain else here + (lang,)
                self.report(named, f"'{dotted(named)}' must not be empty")
            else:
                texts[lang] = item.strip()
        if "en" not in value:
            self.report(here, f"'{dotted(here)}' needs English text ('{dotted(here)}.en')")
        if "en" not in texts:
            return None
        return Text(texts["en"], texts.get("ja"))

    def text_list(self, table: dict[str, Any], key: str, path: KeyPath,
                  required: bool = False) -> TextList:
        value = table.get(key)
        here = path + (key,)
        if value is None:
            if required:
                self.report(path, f"missing required key '{dotted(here)}'")
            return TextList()
        if isinstance(value, list):
            value = {"en": value}
        if not isinstance(value, dict):
            self.report(here, f"'{dotted(here)}' must be a list of text or a table of "
                              f"languages (en, ja), not {_kind(value)}")
            return TextList()
        lists: dict[str, tuple[str, ...]] = {}
        for lang, items in value.items():
            where = here + (lang,)
            if lang not in LANGUAGES:
                self.report(where, f"language '{_clip(lang)}' in '{dotted(here)}' is not "
                                   "supported (use 'en' or 'ja')")
                continue
            if not isinstance(items, list):
                self.report(where, f"'{dotted(where)}' must be a list of text, "
                                   f"not {_kind(items)}")
                continue
            good = True
            for n, item in enumerate(items):
                if not isinstance(item, str):
                    self.report(where + (n,), f"'{dotted(where + (n,))}' must be text, "
                                              f"not {_kind(item)}")
                    good = False
                elif not item.strip():
                    self.report(where + (n,), f"'{dotted(where + (n,))}' must not be empty")
                    good = False
            if good:
                lists[lang] = tuple(item.strip() for item in items)
        if "en" not in value:
            self.report(here, f"'{dotted(here)}' needs English text ('{dotted(here)}.en')")
        en = lists.get("en", ())
        ja = lists.get("ja")
        if required and "en" in lists and not en:
            self.report(here + ("en",), f"'{dotted(here)}.en' must list at least one line")
        if ja is not None and "en" in lists and len(ja) != len(en):
            self.report(here + ("ja",), f"'{dotted(here)}.ja' has {_lines(len(ja))} but "
                                        f"'{dotted(here)}.en' has {_lines(len(en))}: "
                                        "give each English line its Japanese line")
            ja = None
        return TextList(en, ja)

    def number(self, table: dict[str, Any], key: str, path: KeyPath, *,
               integer: bool = False, minimum: float = 0.0,
               strictly: bool = False) -> float | None:
        value = table.get(key)
        here = path + (key,)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or (
                integer and not isinstance(value, int)) or (
                isinstance(value, float) and not math.isfinite(value)):
            kind = "a whole number" if integer else "a number of seconds"
            shown = repr(value) if isinstance(value, float) else _kind(value)
            self.report(here, f"'{dotted(here)}' must be {kind}, not {shown}")
            return None
        if strictly and value <= minimum:
            self.report(here, f"'{dotted(here)}' must be greater than {_num(minimum)}, "
                              f"not {_num(value)}")
            return None
        if value < minimum:
            self.report(here, f"'{dotted(here)}' must not be negative ({_num(value)})")
            return None
        if not integer and value > MAX_STEP_SECONDS:
            self.report(here, f"'{dotted(here)}' is {_num(value)} seconds; a step may last "
                              f"at most {MAX_STEP_SECONDS:,} seconds")
            return None
        if integer and value > MAX_COUNT:
            self.report(here, f"'{dotted(here)}' must be at most {MAX_COUNT:,}, not "
                              f"{_num(value)} (a step may last at most "
                              f"{MAX_STEP_SECONDS:,} seconds)")
            return None
        return float(value) if not integer else value

    def step(self, raw: Any, n: int, base: Step | None = None) -> Step | None:
        """Step *n* from its table; *base*: the same step at the standard level, whose
        checked illustration is taken when *raw* keeps it (finding a picture is file
        system work)."""
        path: KeyPath = ("steps", n)
        if not isinstance(raw, dict):
            self.report(path, f"'{dotted(path)}' must be a table ([[steps]]), "
                              f"not {_kind(raw)}")
            return None
        before = len(self.problems)
        self.unknown_keys(raw, STEP_KEYS, path)
        title = self.text(raw, "title", path)
        instructions = self.text_list(raw, "instructions", path, required=True)
        cues = self.text_list(raw, "cues", path)
        caution = self.text(raw, "caution", path, required=False)
        hold_cue = self.text(raw, "hold_cue", path, required=False)
        release_cue = self.text(raw, "release_cue", path, required=False)
        keeps_picture = base is not None and self._level_keys is not None and \
            "illustration" not in self._level_keys[2]
        illustration = base.illustration if keeps_picture and base is not None else \
            self.illustration(raw, path)
        sides = raw.get("sides", "none")
        if sides not in SIDES:
            self.report(path + ("sides",), f"'{dotted(path + ('sides',))}' must be one of "
                                           f"{', '.join(SIDES)}, not {_show(sides)}")
        get_ready = self.number(raw, "get_ready", path)
        duration = self.number(raw, "duration", path, strictly=True)
        reps = self.number(raw, "reps", path, integer=True, minimum=0, strictly=True)
        hold = self.number(raw, "hold", path, strictly=True)
        release = self.number(raw, "release", path)
        sets = self.number(raw, "sets", path, integer=True, minimum=0, strictly=True)
        weaker = self.number(raw, "weaker_side_reps", path, integer=True, minimum=0,
                             strictly=True)
        rest = self.number(raw, "rest", path)
        switch = self.number(raw, "switch", path)
        has_duration, has_reps = "duration" in raw, "reps" in raw or "hold" in raw
        if has_duration and has_reps:
            self.report(path + ("duration",), f"'{dotted(path)}' has both 'duration' and "
                                              "'reps'/'hold': use one timing or the other")
        elif not has_duration and not has_reps:
            self.report(path, f"'{dotted(path)}' needs a timing: 'duration', or 'reps' "
                              "with 'hold'")
        elif has_reps and ("reps" not in raw or "hold" not in raw):
            missing = "hold" if "reps" in raw else "reps"
            self.report(path, f"missing required key '{dotted(path + (missing,))}' "
                              "('reps' and 'hold' go together)")
        if sides == "alternate" and has_duration:
            self.report(path + ("sides",), f"'{dotted(path + ('sides',))}' \"alternate\" "
                                           "needs 'reps' and 'hold': the legs take turns on "
                                           "each repetition")
        if "weaker_side_reps" in raw and (not has_reps or sides == "none"):
            self.report(path + ("weaker_side_reps",),
                        f"'{dotted(path + ('weaker_side_reps',))}' only applies to steps "
                        "for one leg at a time ('sides') timed with 'reps' and 'hold'")
        if "release" in raw and not has_reps:
            self.report(path + ("release",), f"'{dotted(path + ('release',))}' only applies "
                                             "to steps timed with 'reps' and 'hold'")
        if len(self.problems) > before or title is None:
            return None
        step = Step(
            title=title, instructions=instructions, cues=cues, illustration=illustration,
            caution=caution, sides=sides, duration=duration,
            reps=int(reps) if reps is not None else None, hold=hold,
            hold_cue=hold_cue, release_cue=release_cue,
            get_ready=_or(get_ready, "get_ready"), release=_or(release, "release"),
            sets=int(_or(sets, "sets")), rest=_or(rest, "rest"),
            switch=_or(switch, "switch"),
            weaker_side_reps=int(weaker) if weaker is not None else None,
        )
        if step.total_seconds > MAX_STEP_SECONDS:
            self.report(path, f"'{dotted(path)}' lasts {_num(step.total_seconds)} seconds in "
                              f"all; a step may last at most {MAX_STEP_SECONDS:,} seconds")
            return None
        extra = (step.weaker_side_reps or 0) * ((step.hold or 0.0) + step.release)
        if extra > MAX_STEP_SECONDS:
            self.report(path + ("weaker_side_reps",),
                        f"'{dotted(path + ('weaker_side_reps',))}' makes the extra work "
                        f"last {_num(extra)} seconds; a step may last at most "
                        f"{MAX_STEP_SECONDS:,} seconds")
            return None
        return step

    def illustration(self, raw: dict[str, Any], path: KeyPath) -> Path | None:
        value = raw.get("illustration")
        here = path + ("illustration",)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip() or "\0" in value:
            # No file system accepts a NUL in a name (os calls raise ValueError).
            self.report(here, f"'{dotted(here)}' must be a relative file path")
            return None
        relative = Path(value)
        shown = _clip(value)
        if relative.is_absolute() or value.startswith(("/", "\\")) or ":" in value:
            self.report(here, f"illustration '{shown}' must be a path relative to the "
                              "routine's folder or the assets folder")
            return None
        escapes = False
        try:
            if self._picture_roots is None:
                self._picture_roots = (self.file.parent.resolve(), _assets_root())
            for root in self._picture_roots:
                plain = _plain_path_under(root, relative)
                if plain is not None:
                    if plain[1]:
                        return self.picture(plain[0], here, shown)
                    continue
                candidate = (root / relative).resolve()
                if not candidate.is_relative_to(root):
                    escapes = True
                elif candidate.is_file():
                    return self.picture(candidate, here, shown)
        except (OSError, RuntimeError) as err:
            # A name too long, a folder that may not be read, a link that points to
            # itself (Python 3.11 raises RuntimeError for that one).
            reason = (err.strerror if isinstance(err, OSError) and err.strerror
                      else os.strerror(errno.ELOOP))
            self.report(here, f"illustration '{shown}' cannot be read: {reason}")
            return None
        if escapes:
            self.report(here, f"illustration '{shown}' leaves the routine's folder "
                              "and the assets folder")
        else:
            self.report(here, f"illustration '{shown}' not found next to the routine "
                              "or in the assets folder")
        return None

    def picture(self, file: Path, here: KeyPath, shown: str) -> Path | None:
        """With *check_pictures* (``coach validate``), is the picture safe to draw?
        The player checks each picture again before showing it, so loading the
        library at start-up need not read every picture."""
        if self.check_pictures:
            from coach.svgcheck import check_svg

            reason = check_svg(file)
            if reason is not None:
                self.report(here, f"illustration '{shown}': {reason}")
                return None
        return file

    def routine(self, data: dict[str, Any]) -> Routine | None:
        schema = data.get("schema")
        if schema is None:
            self.report((), "missing required key 'schema' (write 'schema = 1' at the top)")
        elif isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
            self.report(("schema",), f"'schema' must be a whole number from 1, "
                                     f"not {_show(schema)}")
        elif schema > SCHEMA_VERSION:
            self.report(("schema",), f"schema {_show(schema)} is newer than this version of "
                                     f"Knee Coach understands (up to {SCHEMA_VERSION}); "
                                     "update the app to use this routine")
            return None
        self.unknown_keys(data, ROUTINE_KEYS, ())
        routine_id = data.get("id")
        if routine_id is None:
            self.report((), "missing required key 'id'")
        elif not isinstance(routine_id, str) or not ID_PATTERN.fullmatch(routine_id):
            self.report(("id",), f"'id' must be lowercase letters, digits and single "
                                 f"hyphens (like 'ten-minute-knee'), not {_show(routine_id)}")
        title = self.text(data, "title", ())
        summary = self.text(data, "summary", ())
        frequency = self.text(data, "frequency", (), required=False)
        source = self.text(data, "source", (), required=False)
        equipment = self.text_list(data, "equipment", ())
        safety = self.text_list(data, "safety", ())
        heads = self.level_heads(data)
        standard = next((n for n, head in enumerate(heads, 1) if head[3]), 0)
        raw_steps = data.get("steps")
        steps: list[Step | None] = []
        if raw_steps is None:
            self.report((), "missing required key 'steps' (add at least one [[steps]] table)")
        elif not isinstance(raw_steps, list) or not raw_steps:
            self.report(("steps",), "'steps' must be one or more [[steps]] tables")
        else:
            steps = [self.step(raw, n) for n, raw in enumerate(raw_steps)]
        levels: list[Level] = []
        # Without a standard level (reported) the other levels cannot be laid over it.
        if steps and isinstance(raw_steps, list) and all(s is not None for s in steps) \
                and (standard or not heads):
            levels = self.levels(heads, standard, raw_steps, steps)
        if self.problems or title is None or summary is None or not isinstance(routine_id, str):
            return None
        return Routine(
            id=routine_id, title=title, summary=summary,
            steps=tuple(s for s in steps if s is not None), path=self.file,
            equipment=equipment, frequency=frequency, safety=safety, source=source,
            schema=int(schema or SCHEMA_VERSION), levels=tuple(levels),
            level=standard if levels else 1, standard_level=standard if levels else 1,
        )

    def level_heads(self, data: dict[str, Any]
                    ) -> list[tuple[Text | None, Text | None, Text | None, bool]]:
        """The ``[[levels]]`` tables: (title, summary, source, standard) each; empty
        when the file has none (or they are wrong, which is reported)."""
        raw = data.get("levels")
        if raw is None:
            return []
        if not isinstance(raw, list) or not raw or not all(isinstance(t, dict) for t in raw):
            self.report(("levels",), "'levels' must be two or more [[levels]] tables")
            return []
        if len(raw) > MAX_LEVELS:
            self.report(("levels", MAX_LEVELS), f"a routine may have at most {MAX_LEVELS} "
                                                f"levels, not {len(raw)}")
            return []
        if len(raw) == 1:
            self.report(("levels", 0), "a routine with levels needs two or more "
                                       "[[levels]] tables (a routine without levels has one)")
            return []
        heads = []
        for n, table in enumerate(raw):
            path: KeyPath = ("levels", n)
            self.unknown_keys(table, LEVEL_KEYS, path)
            standard = table.get("standard", False)
            if not isinstance(standard, bool):
                self.report(path + ("standard",), f"'{dotted(path + ('standard',))}' must be "
                                                  f"true or false, not {_show(standard)}")
                standard = False
            heads.append((self.text(table, "title", path),
                          self.text(table, "summary", path, required=False),
                          self.text(table, "source", path, required=False), standard))
        marked = [n for n, head in enumerate(heads) if head[3]]
        if not marked:
            self.report(("levels",), "one level must say 'standard = true': the level the "
                                     "[[steps]] are written at")
        for n in marked[1:]:
            self.report(("levels", n, "standard"),
                        f"only one level may be the standard one (level {marked[0] + 1} "
                        f"already is)")
        return heads

    def levels(self, heads: list[tuple[Text | None, Text | None, Text | None, bool]],
               standard: int, raw_steps: list[dict[str, Any]], steps: list[Step | None]
               ) -> list[Level]:
        """Every level's steps: each step with the level's ``[steps.level.N]`` table
        laid over it, checked as a step is."""
        names = {str(n) for n in range(1, len(heads) + 1)}
        changes: dict[int, dict[int, Step]] = {n: {} for n in range(1, len(heads) + 1)}
        for i, raw in enumerate(raw_steps):
            path: KeyPath = ("steps", i, "level")
            overrides = raw.get("level")
            if overrides is None:
                continue
            if not heads:
                self.report(path, f"'{dotted(path)}' needs the routine's levels: add "
                                  "[[levels]] tables above the first [[steps]]")
                continue
            if not isinstance(overrides, dict):
                self.report(path, f"'{dotted(path)}' must be tables like "
                                  f"[steps.level.1], not {_kind(overrides)}")
                continue
            for name, table in overrides.items():
                here = path + (name,)
                if name not in names:
                    self.report(here, f"'{dotted(here)}' must name a level by its number, "
                                      f"1 to {len(heads)}")
                elif int(name) == standard:
                    self.report(here, f"'{dotted(here)}': level {name} is the standard "
                                      "level, which the step itself describes")
                elif not isinstance(table, dict):
                    self.report(here, f"'{dotted(here)}' must be a table of step keys, not "
                                      f"{_kind(table)}")
                else:
                    step = self.step_at_level(raw, table, i, int(name), here, steps[i])
                    if step is not None:
                        changes[int(name)][i] = step
        levels = []
        for n, (title, summary, source, _) in enumerate(heads, 1):
            if n != standard and not changes[n] and not any(
                    isinstance(raw.get("level"), dict) and str(n) in raw["level"]
                    for raw in raw_steps):
                self.report(("levels", n - 1), f"level {n} changes no step: add "
                                               f"[steps.level.{n}] tables, or remove it")
            if title is None:
                continue
            levels.append(Level(n, title, summary, source, tuple(
                changes[n].get(i, step) for i, step in enumerate(steps) if step is not None)))
        return levels

    def step_at_level(self, raw: dict[str, Any], table: dict[str, Any], n: int,
                      level: int, here: KeyPath, base: Step | None) -> Step | None:
        """Step *n* with *table* (``[steps.level.N]``) laid over it, checked."""
        if "level" in table:
            self.report(here + ("level",), f"'{dotted(here + ('level',))}': levels do not "
                                           "nest")
            return None
        merged = {key: value for key, value in raw.items() if key != "level"}
        for key in table:
            for other in TIMING_KEYS.get(key, ()):
                if other not in table:
                    merged.pop(other, None)
        merged.update(table)
        self._level_keys = (here, f"at level {level}", set(table))
        try:
            return self.step(merged, n, base)
        finally:
            self._level_keys = None


def _or(value: float | None, key: str) -> float:
    return DEFAULTS[key] if value is None else value


def _num(value: float) -> str:
    """Numbers as an author wrote them: ``5``, ``2.5``, ``1,000,000``. One too large to
    write out (a hexadecimal number can have thousands of digits) is named by its size."""
    if isinstance(value, int):
        if value.bit_length() <= 64:
            return f"{value:,}"
        power = int(math.log10(abs(value)))  # exact enough, and works on any int
        return f"about {'-' if value < 0 else ''}10^{power}"
    if abs(value) >= 1e15:
        return f"{value:,.6g}"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


def _clip(text: str, limit: int = 60) -> str:
    """Text from the file, shortened for a one-line message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lines(count: int) -> str:
    return "1 line" if count == 1 else f"{count} lines"


def _show(value: Any) -> str:
    """A value as the author wrote it in TOML, or its kind when it is not simple."""
    if isinstance(value, str):
        return repr(_clip(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if value.bit_length() <= 64 else _num(value)
    return str(value) if isinstance(value, float) else _kind(value)


def _kind(value: Any) -> str:
    names: dict[type, str] = {str: "text", bool: "true/false", int: "a number",
                              float: "a number", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
LIMIT_MESSAGES = {
    "items": f"more than {MAX_ITEMS:,} keys, tables and list items; a routine needs a few "
             "hundred (split it into several files)",
    "key_parts": f"a key or table name has more than {MAX_KEY_PARTS} parts separated by "
                 "dots",
    "nesting": f"lists and tables are nested more than {MAX_NESTING} deep",
    "digits": f"a number has more than {MAX_DIGITS} digits",
}


def load_routine(file: Path, *, check_pictures: bool = False,
                 cache: ParseCache | None = None) -> tuple[Routine | None, list[Problem]]:
    """Read and validate one routine file: (routine or None, problems found).
    *check_pictures*: also check that each illustration is safe to draw
    (:mod:`coach.svgcheck`), as ``coach validate`` does. *cache*: take the parsed
    table from there when the file has not changed, and keep it there after parsing
    (only for a file without problems).

    Never raises: whatever the file holds becomes problems for this file only.
    """
    file = Path(file)
    try:
        return _load(file, check_pictures, cache)
    except Exception as err:  # a safety net: a bug must not stop the other files
        detail = _clip(f"{type(err).__name__}: {err}", 200)
        return None, [Problem(file, None, f"could not check this file ({detail}); this is "
                                          "a bug in Knee Coach, please report it")]


def _load(file: Path, check_pictures: bool, cache: ParseCache | None = None, *,
          fresh: bool = True) -> tuple[Routine | None, list[Problem]]:
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or device could block or never end
            return None, [Problem(file, None, "cannot read file: not an ordinary file")]
        if info.st_size > MAX_FILE_BYTES:
            return None, [_too_big(file, info.st_size)]
        with file.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the size may change, or be wrong
    except (OSError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        return None, [Problem(file, None, f"cannot read file: {reason}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [_too_big(file, len(raw))]
    # Editors may add a byte-order mark. (As the "utf-8-sig" codec, whose module
    # is one more import at start-up.)
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        line = body[: err.start].count(b"\n") + 1
        return None, [Problem(file, line, "file is not UTF-8 text (save it as UTF-8)")]
    from coach.routine_cache import bundled_table, is_bundled

    if is_bundled(file):
        # Only the tables built with the package, checked against the bytes: the user's
        # cache (in the data folder, keyed by size and time) must never stand in for
        # a bundled routine's safety notes.
        cache = None
        cached = bundled_table(file, raw) if fresh else None
    else:
        cached = cache.get(file, info) if cache is not None else None
    if cached is not None:
        checker = _Checker(file, text, check_pictures=check_pictures)
        routine = checker.routine(cached)
        if not checker.problems:
            return routine, []
        # Problems are reported from a fresh parse (which the cache keeps only if the
        # file passes then).
        if cache is not None:
            cache.forget(file)
        return _load(file, check_pictures, cache, fresh=False)
    excess = first_excess(text, key_parts=MAX_KEY_PARTS, nesting=MAX_NESTING,
                          items=MAX_ITEMS, digits=MAX_DIGITS)
    if excess:
        what, line = excess
        # A syntax error above that line is the first real problem: report it instead.
        # (The lines above are within the limits, so parsing them is safe and quick.)
        above = _parse(file, text[: _line_start(text, line)])
        if isinstance(above, Problem) and _AT_END not in above.message:
            return None, [above]
        return None, [Problem(file, line, LIMIT_MESSAGES[what])]
    data = _parse(file, text)
    if isinstance(data, Problem):
        return None, [data]
    checker = _Checker(file, text, check_pictures=check_pictures)
    routine = checker.routine(data)
    if cache is not None and routine is not None and not checker.problems:
        cache.put(file, info, data)
    return routine, sorted(checker.problems, key=lambda p: p.line or 0)


def _too_big(file: Path, size: int) -> Problem:
    return Problem(file, None, f"file is {size:,} bytes; routine files may be at most "
                               f"{MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES // 1024} KiB)")


def _line_start(text: str, line: int) -> int:
    """Offset of the start of 1-based *line* in *text*."""
    position = 0
    for _ in range(line - 1):
        position = text.index("\n", position) + 1
    return position


_AT_END = "the file ends before it is complete"

#: The usual cause of the TOML reader's commonest messages, said after them (its own
#: words are terse: "Illegal character '\n'" means a closing quote is missing).
_SYNTAX_HINTS = {
    "Illegal character '\\n'": "a text's closing quote is probably missing",
    "Invalid value": "probably text without quotes, or a list without its closing ']'",
    "Cannot overwrite a value": "the same key is given twice; for two languages write "
                                "title.en and title.ja",
    "Expected '=' after a key in a key/value pair": "the '=' is missing, or a key has a "
                                                     "space in it",
    "Unclosed array": "probably a comma missing between two items of a list",
    "Unterminated string": "a text that opens with \"\"\" is never closed",
    "Expected newline or end of document after a statement": "something follows the "
                                                              "value on the same line",
}


def _parse(file: Path, text: str) -> dict[str, Any] | Problem:
    """The TOML document in *text*, or its syntax error as a problem."""
    import tomllib  # ~8 ms to import: not needed when every file comes from the cache

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        match = _TOML_POSITION.search(message)
        # tomllib counts lines by "\n" only (not by str.splitlines), and so must we.
        line = int(match.group(1)) if match else text.rstrip("\n").count("\n") + 1
        message = _TOML_POSITION.sub("", message).replace("(at end of document)", "").strip()
        hint = _SYNTAX_HINTS.get(message)
        ends = [_AT_END] if not match else []
        if ends or hint:
            message += f" ({'; '.join(ends + [hint] if hint else ends)})"
        return Problem(file, line, f"TOML syntax error: {message}")


def format_seconds(seconds: float) -> str:
    """``605`` -> ``"10:05"``: minutes and seconds, as shown in lists."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"

