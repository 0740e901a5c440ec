"""Hostile input for the routine loader, generated (style item 20, issue 14).

Hypothesis mutates the bundled routines (lines deleted, duplicated, swapped; bytes
flipped; bad UTF-8; hostile values and lines inserted: huge numbers, NaN, control
characters, long strings, deep nesting, long dotted keys) and checks that loading
never raises, gives a routine or problems whose lines are inside the file, and takes
well under the generous bound below. The default run is short and the same every
time; ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``) runs thousands of new examples.
Every bug found here becomes a named case in ``tests/hostile`` or test_routine.py.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from coach.library import load_library
from coach.routine import LIMIT_MESSAGES, ROUTINE_KEYS, STEP_KEYS, load_routine
from coach.textsafe import terminal_safe
from tests.conftest import REPO
from tests.hostile import GOOD

# Registered here, not in the shared conftest, and applied to these tests only.
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
          HealthCheck.data_too_large]
settings.register_profile("routine-fuzz-ci", max_examples=200, deadline=None,
                          derandomize=True, database=None, suppress_health_check=_QUIET)
settings.register_profile("fuzz", max_examples=20_000, deadline=None,
                          suppress_health_check=_QUIET)
PROFILE = settings.get_profile(
    "fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "routine-fuzz-ci")

# A failing example can hold a 300 KB string; Hypothesis warns before printing it, and
# that warning (an error here) would hide the failure itself.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning")

#: Far above the ~0.3 s the worst files take: this catches work that grows with the
#: square of the input, not slow machines. It is CPU time, so that other programs on a
#: busy machine (one stalled a 12 KB file for 2.7 s of wall time) cannot fail it.
SECONDS_PER_FILE = 2.0

BUNDLED = {p.name: p.read_bytes() for p in sorted((REPO / "routines").glob("*.toml"))}
UNSAFE_FOR_A_TERMINAL = {*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0)),
                         "\u061c", "\u200e", "\u200f", *map(chr, range(0x2028, 0x202F)),
                         *map(chr, range(0x2066, 0x206A)), *map(chr, range(0xD800, 0xE000))}


def _toml_string(text: str) -> str:
    """*text* as a valid TOML basic string, control characters escaped."""
    out = []
    for c in text:
        if c in '"\\' or ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


sizes = st.integers(min_value=1, max_value=6000)
hostile_values = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.integers(min_value=300, max_value=6000).map(lambda n: "9" * n),
    st.integers(min_value=1, max_value=3000).map(lambda n: "0x" + "f" * n),
    st.integers(min_value=1, max_value=3000).map(lambda n: "0b1" + "0" * n),
    st.sampled_from(["nan", "inf", "-inf", "+nan", "1e400", "-1e308", "-0.0", "0", "0.0",
                     "3600", "3600.0001", "1e-320", "true", "[]", "{}", '""', "'  '",
                     "1979-05-27 07:32:00Z", "1979-05-27", "07:32:00",
                     "1979-05-27T07:32:00.999999999", "[1, 'a', {x = 1}]",
                     '{en = "x", ja = 1, fr = "y"}', '{ en = ["a", ""], ja = ["b"] }']),
    st.text(max_size=40).map(_toml_string),
    st.text(alphabet=st.characters(max_codepoint=0x20AF), max_size=20).map(
        lambda t: '"' + t + '"'),  # raw: control characters make it invalid TOML
    st.integers(min_value=1, max_value=300_000).map(lambda n: '"' + "x" * n + '"'),
    sizes.map(lambda n: "[" * n + "]" * n),
    sizes.map(lambda n: "{a=" * n + "1" + "}" * n),
    st.sampled_from(['"pics/loop.svg"', '"pics/locked/x.svg"', '"a\\u0000b.svg"',
                     '"' + "x" * 5000 + '.svg"', '"../" ', '"' + "../" * 300 + 'x"',
                     '"/etc/passwd"', '"C:\\\\x.svg"', '"pics"', '"."', '"pics/pic.svg/x"',
                     '"pics/pic.svg"', '"illustrations/../../README.md"']),
)
known_keys = st.sampled_from([*ROUTINE_KEYS, *STEP_KEYS, "title.en", "title.ja",
                              "instructions.ja", "zz", '"ti\\u0074le"', "'quoted key'"])
hostile_lines = st.one_of(
    st.tuples(known_keys, hostile_values).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    sizes.map(lambda n: "a" + ".a" * (5 * n) + " = 1"),
    sizes.map(lambda n: "[" + ".".join(["t"] * n) + "]"),
    st.integers(min_value=1, max_value=20_000).map(lambda n: "x = [" + "0," * n + "]"),
    st.sampled_from(["[[steps]]", "[steps]", "[extra.stuff]", "[[steps.sub]]", "[", "]]",
                     "'''", '"""', "#\x00", "\x1b[2J", "key = 'unclosed", "=", "steps = []",
                     "schema = 2", "schema = 0x" + "f" * 5000, "id = 'Bad Id'"]),
)
positions = st.integers(min_value=0, max_value=10**6)
new_values = st.tuples(st.just("value"), positions, hostile_values)
mutations = st.one_of(
    new_values, new_values,  # twice as likely: these reach the checks past the parser
    st.tuples(st.just("delete"), positions),
    st.tuples(st.just("duplicate"), positions),
    st.tuples(st.just("swap"), positions, positions),
    st.tuples(st.just("flip"), positions, st.integers(min_value=0, max_value=7)),
    st.tuples(st.just("bytes"), positions,
              st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xe3\x81",
                               b"\xef\xbb\xbf", b"\r", b"\x85", b"\xe2\x80\xae"])),
    st.tuples(st.just("insert"), positions, hostile_lines),
    st.tuples(st.just("truncate"), positions),
)


def mutate(data: bytes, steps: list[tuple]) -> bytes:
    """Apply *steps* in order; positions wrap around, so any number fits."""
    for kind, at, *rest in steps:
        lines = data.split(b"\n")
        n = at % len(lines)
        if kind == "delete":
            del lines[n]
        elif kind == "duplicate":
            lines.insert(n, lines[n])
        elif kind == "swap":
            m = rest[0] % len(lines)
            lines[n], lines[m] = lines[m], lines[n]
        elif kind == "insert":
            lines.insert(n, rest[0].encode("utf-8", "surrogatepass"))
        elif kind == "value":  # the value of one of the key = value lines
            pairs = [i for i, line in enumerate(lines) if b"=" in line
                     and not line.rstrip().endswith((b"[", b"{", b'"""', b"\\"))] or [n]
            n = pairs[at % len(pairs)]
            key, sep, _ = lines[n].partition(b"=")
            lines[n] = key + (sep or b" =") + b" " + rest[0].encode("utf-8", "surrogatepass")
        else:
            where = at % (len(data) + 1)
            if kind == "flip" and data:
                where %= len(data)
                data = data[:where] + bytes([data[where] ^ (1 << rest[0])]) + data[where + 1:]
            elif kind == "bytes":
                data = data[:where] + rest[0] + data[where:]
            elif kind == "truncate":
                data = data[:where]
            continue
        data = b"\n".join(lines) or b""
    return data


@pytest.fixture(scope="module")
def arena(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A routines folder with pictures, a link that points to itself and a folder
    nobody may read, for illustrations to trip over."""
    folder = tmp_path_factory.mktemp("fuzz")
    pics = folder / "pics"
    pics.mkdir()
    (pics / "pic.svg").write_text("<svg/>")
    (pics / "loop.svg").symlink_to("loop.svg")
    (pics / "locked").mkdir(mode=0)
    yield folder
    (pics / "locked").chmod(0o700)  # so that pytest can remove it


def check_loads(file: Path, data: bytes) -> None:
    file.write_bytes(data)
    start = time.process_time()
    routine, problems = load_routine(file)
    elapsed = time.process_time() - start
    assert elapsed < SECONDS_PER_FILE, f"{elapsed:.2f} s of CPU for {len(data):,} bytes"
    assert (routine is None) == bool(problems)
    event(_outcome(problems))  # `make fuzz` shows how often each path was taken
    last_line = data.count(b"\n") + 1
    for problem in problems:
        assert problem.file == file
        assert problem.line is None or 1 <= problem.line <= last_line, problem
        assert "bug in Knee Coach" not in problem.message, problem
        assert not UNSAFE_FOR_A_TERMINAL & set(terminal_safe(str(problem)))


def _outcome(problems: list) -> str:
    if not problems:
        return "loaded"
    first = problems[0].message
    for prefix in ("TOML syntax error", "file is not UTF-8", "file is", "cannot read"):
        if first.startswith(prefix):
            return prefix
    if first in LIMIT_MESSAGES.values():
        return "over a limit"
    return "checked: problems found"


@settings(PROFILE)
@given(base=st.sampled_from(sorted(BUNDLED)),
       steps=st.lists(mutations, min_size=1, max_size=4))
def test_a_mutated_routine_loads_to_a_routine_or_problems_quickly(arena, base, steps):
    check_loads(arena / "mutated.toml", mutate(BUNDLED[base], steps))


@settings(PROFILE)
@given(base=st.sampled_from(sorted(BUNDLED)),
       steps=st.lists(new_values, min_size=1, max_size=3))
def test_hostile_values_in_a_valid_routine_reach_the_checks_safely(arena, base, steps):
    check_loads(arena / "values.toml", mutate(BUNDLED[base], steps))


@settings(PROFILE, max_examples=max(PROFILE.max_examples // 4, 20))
@given(data=st.binary(max_size=4000))
def test_arbitrary_bytes_load_to_problems_quickly(arena, data):
    check_loads(arena / "bytes.toml", data)


@settings(PROFILE, max_examples=max(PROFILE.max_examples // 4, 20))
@given(steps=st.lists(mutations, min_size=1, max_size=3))
def test_a_broken_file_never_keeps_a_good_one_from_loading(arena, steps):
    folder = arena / "library"
    folder.mkdir(exist_ok=True)
    (folder / "a-good.toml").write_text(GOOD, encoding="utf-8")
    (folder / "b-mutated.toml").write_bytes(mutate(GOOD.encode(), steps))
    library = load_library([folder])
    assert "good-one" in [r.id for r in library.routines]


@settings(PROFILE)
@given(text=st.text())
def test_terminal_safe_escapes_what_a_terminal_acts_on_and_nothing_else(text):
    safe = terminal_safe(text)
    assert not UNSAFE_FOR_A_TERMINAL & set(safe)
    assert safe == "".join(map(terminal_safe, text))  # character by character
    for c in set(text):
        if c in UNSAFE_FOR_A_TERMINAL:
            assert re.fullmatch(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4})", terminal_safe(c))
        else:
            assert terminal_safe(c) == c  # Japanese, emoji, accents: all as they are
