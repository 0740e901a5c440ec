import textwrap
import tomllib

from coach.tomlpos import key_lines, line_of

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
