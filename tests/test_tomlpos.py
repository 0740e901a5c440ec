import textwrap
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.tomlpos import _full_scan, _surely_within, first_excess, key_lines, line_of

BUNDLED = Path(__file__).resolve().parent.parent / "routines"

DOC = textwrap.dedent('''\
    # a comment with [brackets] and key = "value"
    schema = 1
    title.en = "Hello [not a table]"
    title.ja = """multi
    line = "still a string"
    [fake]"""
    list = [
      "one, with comma",  # trailing comment
      { en = "two", ja = "二" },
      [3, 4],
    ]
    inline = { a = 1, b = { c = "x" } }
    'quoted key' = 2

    [[steps]]
    title = "first"

    [steps.timing]
    hold = 5

    [[steps]]
    title = "second"
    "odd.key" = 'literal \\ string'
    ''')


def test_document_is_valid_toml():
    tomllib.loads(DOC)


def test_lines_of_keys_tables_and_array_items():
    lines = key_lines(DOC)
    assert lines[("schema",)] == 2
    assert lines[("title", "en")] == 3
    assert lines[("title", "ja")] == 4
    assert lines[("list",)] == 7
    assert lines[("list", 0)] == 8
    assert lines[("list", 1)] == 9
    assert lines[("list", 1, "ja")] == 9
    assert lines[("list", 2)] == 10
    assert lines[("inline", "b", "c")] == 12
    assert lines[("quoted key",)] == 13
    assert lines[("steps", 0)] == 15
    assert lines[("steps", 0, "title")] == 16
    assert lines[("steps", 0, "timing", "hold")] == 19
    assert lines[("steps", 1)] == 21
    assert lines[("steps", 1, "odd.key")] == 23
    assert ("fake",) not in lines


def test_line_of_falls_back_to_the_nearest_parent():
    lines = key_lines(DOC)
    assert line_of(lines, ("steps", 1, "missing", "deeper")) == 21
    assert line_of(lines, ("nothing",)) is None


def test_never_raises_on_odd_input():
    assert key_lines("key = \n[") == {("key",): 1}
    assert key_lines("") == {}


# -- Issue 14: lines that used to get lost, and limits checked before parsing ---------

LIMITS = {"key_parts": 10, "nesting": 20, "items": 10_000, "digits": 100}


def test_a_date_time_with_a_space_does_not_lose_the_lines_after_it():
    lines = key_lines('when = 1979-05-27 07:32:00Z\nlater = 1\n[[steps]]\nx = 1\n')
    assert lines[("later",)] == 2 and lines[("steps", 0, "x")] == 4


def test_quoted_keys_are_recorded_as_tomllib_reads_them():
    text = '"col\\u006fur" = 1\n"tab\\tkey" = 2\n"\\U0001F600" = 3\n\'raw\\u0041\' = 4\n'
    assert set(tomllib.loads(text)) == {"colour", "tab\tkey", "\U0001F600", "raw\\u0041"}
    lines = key_lines(text)
    assert [lines[(key,)] for key in tomllib.loads(text)] == [1, 2, 3, 4]


def test_tables_a_header_creates_on_the_way_get_its_line():
    lines = key_lines("a = 1\n\n[extra.stuff.more]\nx = 1\n[[steps]]\n[steps.timing]\n")
    assert lines[("extra",)] == 3 and lines[("extra", "stuff")] == 3
    assert lines[("steps", 0, "timing")] == 6


def test_never_raises_on_deep_nesting_or_long_keys():
    assert key_lines("a = " + "[" * 5000 + "]" * 5000 + "\nb = 1\n")[("a",)] == 1
    assert key_lines("a" + ".a" * 5000 + " = 1\n") == {}


@pytest.mark.parametrize("text, expected", [
    ("a = 1\nb = " + "[" * 21 + "]" * 21, ("nesting", 2)),
    ("a = 1\nb = " + "{x=" * 21 + "1" + "}" * 21, ("nesting", 2)),
    ("a = [\n" + "[" * 20 + "]" * 20 + "]", ("nesting", 2)),
    ("a" + ".a" * 10 + " = 1", ("key_parts", 1)),
    ("x = 1\n[" + " . ".join('"t"' for _ in range(11)) + "]", ("key_parts", 2)),
    ("x = [\n" + "1,\n" * 10_000 + "]", ("items", 10_000)),
    ("x = 1\ny = -" + "9" * 101, ("digits", 2)),
    ("y = 1_" + "2_" * 100 + "3", ("digits", 1)),
])
def test_first_excess_names_the_limit_and_its_line(text, expected):
    assert first_excess(text, **LIMITS) == expected


@pytest.mark.parametrize("text", [
    "a = " + "[" * 20 + "]" * 20,
    "a" + ".a" * 9 + " = 1",
    'x = "' + "[a.b.c.d.e.f.g.h.i.j.k.l" * 30 + '"',
    "x = '''\n" + "{[" * 40 + "\n'''",
    '# ' + "[" * 40 + " a.b.c.d.e.f.g.h.i.j.k.l " + "9" * 200,
    "[[steps]]\n" * 1000,
    "k = 0x" + "f" * 5000,
    "k = 1979-05-27T07:32:00.123456",
])
def test_first_excess_lets_strings_comments_and_real_routines_through(text):
    assert first_excess(text, **LIMITS) is None


def test_first_excess_is_linear_on_long_runs():
    # Each of these took minutes with a backtracking pattern; none is timed here.
    for text in ("a" * 300_000, "a." * 150_000, "9" * 300_000, "[" * 300_000):
        first_excess(text, **LIMITS)


# -- the quick look first_excess takes before its full scan -----------------------

PIECES = ['"', "'", '"""', "'''", "#", "\n", "\r", " ", "\t", "[", "]", "{", "}", ".",
          ",", "=", "a", "S", "-", "_", "1", "9", "\\", '\\"', "é", "二", "\U0001F600",
          "x.y", "1_2", "[[", "]]", "k = "]


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
       key_parts=st.integers(1, 4), nesting=st.integers(1, 4), items=st.integers(1, 40),
       digits=st.integers(1, 6))
def test_the_quick_look_passes_only_what_the_full_scan_passes(text, key_parts, nesting,
                                                               items, digits):
    limits = {"key_parts": key_parts, "nesting": nesting, "items": items, "digits": digits}
    if _surely_within(text, **limits):
        assert _full_scan(text, **limits) is None


@pytest.mark.parametrize("file", sorted(BUNDLED.glob("*.toml")), ids=lambda f: f.name)
def test_the_bundled_routines_pass_the_quick_look(file):
    # Otherwise they would pay for the full scan at every start-up.
    assert _surely_within(file.read_text(encoding="utf-8-sig"), **LIMITS)
