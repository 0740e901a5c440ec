import os
from pathlib import Path

import pytest

from coach import paths
from coach import routine as routine_module
from coach.routine import MAX_FILE_BYTES, Problem, Text, TextList, load_routine
from tests.conftest import FLAGSHIP, MINIMAL
from tests.hostile import CASES

BUNDLED = sorted(paths.bundled_routines_dir().glob("*.toml"))


@pytest.mark.parametrize("file", BUNDLED, ids=lambda p: p.name)
def test_bundled_routines_are_valid_and_bilingual(file: Path):
    routine, problems = load_routine(file)
    assert problems == []
    assert routine is not None
    assert routine.title.ja and routine.summary.ja and routine.safety.ja
    for step in routine.steps:
        assert step.title.ja
        assert step.instructions.ja and len(step.instructions.ja) == len(step.instructions.en)


@pytest.mark.parametrize("file", BUNDLED, ids=lambda p: p.name)
def test_bundled_routines_give_the_blood_clot_rule_before_they_start(file: Path):
    """clinical.md: one rule everywhere, routines included; the same day, and
    emergency services with breathlessness or chest pain."""
    routine, _ = load_routine(file)
    english = [t for t in routine.safety.en if "one calf or thigh" in t]
    japanese = [t for t in routine.safety.ja if "片方のふくらはぎや太もも" in t]
    assert len(english) == len(japanese) == 1
    assert "the same day" in english[0] and "chest pain" in english[0]
    assert "その日のうちに" in japanese[0] and "胸の痛み" in japanese[0]


def test_flagship_lasts_nine_to_eleven_minutes():
    file = next(f for f in BUNDLED if FLAGSHIP in f.name)
    routine, _ = load_routine(file)
    assert routine.id == FLAGSHIP
    assert 9 * 60 <= routine.total_seconds <= 11 * 60
    assert len(routine.steps) == 5


def test_total_duration_counts_get_ready_sides_sets_rests_and_switches(write_routine):
    file = write_routine("t.toml", '''
        schema = 1
        id = "timing"
        title = "Timing"
        summary = "s"
        [[steps]]
        title = "Sided holds"
        instructions = ["x"]
        sides = "both"
        get_ready = 10
        reps = 3
        hold = 5
        release = 2
        sets = 2
        rest = 20
        switch = 7
        [[steps]]
        title = "Plain"
        instructions = ["y"]
        duration = 45
    ''')
    routine, problems = load_routine(file)
    assert problems == []
    sided, plain = routine.steps
    # per side: 2 sets x 3 x (5 + 2) + 1 rest of 20 = 62; two sides + one switch
    assert sided.total_seconds == 10 + 62 + 7 + 62
    assert sided.side_order == ("right", "left")
    assert plain.total_seconds == 5 + 45  # default get-ready is 5 s
    assert routine.total_seconds == 141 + 50


def test_text_falls_back_to_english():
    assert Text("Hello").get("ja") == "Hello"
    assert Text("Hello", "こんにちは").get("ja") == "こんにちは"
    assert TextList(("a",), None).get("ja") == ("a",)


BASE = '''schema = 1
id = "broken"
title = "Broken"
summary = "s"
'''
STEP = '''
[[steps]]
title = "Step"
instructions = ["Do it."]
'''


@pytest.mark.parametrize("body, line, fragment", [
    (BASE + "titel = 'x'\n" + STEP + "duration = 5\n", 5,
     "unknown key 'titel' (did you mean 'title'?)"),
    (BASE + STEP + "duration = 5\nrelese = 2\n", 10, "unknown key 'steps[1].relese'"),
    (BASE + STEP + "duration = -5\n", 9, "'steps[1].duration' must be greater than 0"),
    (BASE + STEP + "duration = 0\n", 9, "must be greater than 0, not 0"),
    (BASE + STEP + "duration = 7200\n", 9, "is 7,200 seconds; a step may last at most 3,600"),
    (BASE + STEP + "duration = '30'\n", 9, "must be a number of seconds, not text"),
    (BASE + STEP + "reps = 2.5\nhold = 3\n", 9, "'steps[1].reps' must be a whole number"),
    (BASE + STEP + "get_ready = -1\nduration = 5\n", 9, "must not be negative"),
    (BASE + STEP + "reps = 100\nhold = 30\nrelease = 10\n", 6, "lasts 4,005 seconds in all"),
    (BASE + STEP, 6, "needs a timing: 'duration', or 'reps' with 'hold'"),
    (BASE + STEP + "reps = 3\n", 6, "missing required key 'steps[1].hold'"),
    (BASE + STEP + "duration = 5\nreps = 3\nhold = 2\n", 9, "has both 'duration' and"),
    (BASE + STEP + "duration = 5\nrelease = 3\n", 10, "only applies to steps timed with"),
    (BASE + STEP + "duration = 5\nsides = 'up'\n", 10, "must be one of none, left, right"),
    (BASE.replace('title = "Broken"', 'title.ja = "壊れた"') + STEP + "duration = 5\n", 3,
     "'title' needs English text ('title.en')"),
    (BASE.replace('title = "Broken"', 'title.fr = "Cassé"') + STEP + "duration = 5\n", 3,
     "language 'fr' in 'title' is not supported"),
    (BASE.replace('summary = "s"', 'summary = ""') + STEP + "duration = 5\n", 4,
     "'summary' must not be empty"),
    (BASE + "safety.en = ['a', 'b']\nsafety.ja = ['あ']\n" + STEP + "duration = 5\n", 6,
     "'safety.ja' has 1 line but 'safety.en' has 2 lines"),
    (BASE + "safety = 'Be careful'\n" + STEP + "duration = 5\n", 5,
     "'safety' must be a list of text"),
    (BASE.replace("schema = 1", "schema = 2") + STEP + "duration = 5\n", 1,
     "schema 2 is newer than this version of Knee Coach understands (up to 1)"),
    (BASE.replace("schema = 1\n", "") + STEP + "duration = 5\n", None,
     "missing required key 'schema'"),
    (BASE.replace('id = "broken"', 'id = "Not OK"') + STEP + "duration = 5\n", 2,
     "'id' must be lowercase letters, digits and single hyphens"),
    (BASE, None, "missing required key 'steps'"),
    (BASE + STEP.replace('title = "Step"\n', '') + "duration = 5\n", 6,
     "missing required key 'steps[1].title'"),
    (BASE + STEP.replace('["Do it."]', '[]') + "duration = 5\n", 8,
     "'steps[1].instructions.en' must list at least one line"),
    (BASE + STEP + "duration = 5\nillustration = '../../etc/passwd'\n", 10,
     "illustration '../../etc/passwd' leaves the routine's folder and the assets folder"),
    (BASE + STEP + "duration = 5\nillustration = '/etc/passwd'\n", 10,
     "must be a path relative to the routine's folder or the assets folder"),
    (BASE + STEP + "duration = 5\nillustration = 'nope.svg'\n", 10,
     "illustration 'nope.svg' not found next to the routine or in the assets folder"),
    ("schema = 1\nid = 'x'\ntitle = 'a\n", 3, "TOML syntax error"),
    # The TOML reader's terse words come with their usual cause.
    ("schema = 1\nid = 'x'\ntitle = \"a\n", 3,
     "Illegal character '\\n' (a text's closing quote is probably missing)"),
    ("schema = 1\nid = 'x'\ntitle = \"\"\"a\n", 3,
     "(the file ends before it is complete; a text that opens with \"\"\" is never closed)"),
    ("schema = 1\nid = 'x'\ntitle = 膝\n", 3, "(probably text without quotes"),
])
def test_each_problem_is_reported_with_its_line(write_routine, body, line, fragment):
    file = write_routine("broken.toml", body)
    routine, problems = load_routine(file)
    assert routine is None
    matching = [p for p in problems if fragment in p.message]
    assert matching, [str(p) for p in problems]
    assert matching[0].line == line
    assert str(matching[0]).startswith(f"{file}:{line}: " if line else f"{file}: ")


def test_every_problem_is_reported_not_only_the_first(write_routine):
    file = write_routine("many.toml", BASE + "colour = 'red'\n" + STEP
                         + "duration = -1\nsides = 'up'\n" + STEP + "reps = 0\nhold = 1\n")
    _, problems = load_routine(file)
    assert len(problems) == 4
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_illustration_next_to_the_routine_is_found(write_routine, tmp_path):
    (tmp_path / "routines" / "pic.svg").write_text("<svg/>")
    file = write_routine("pic.toml", BASE + STEP + "duration = 5\nillustration = 'pic.svg'\n")
    routine, problems = load_routine(file)
    assert problems == []
    assert routine.steps[0].illustration == (tmp_path / "routines" / "pic.svg").resolve()


def test_file_over_256_kib_is_refused_unread(write_routine):
    file = write_routine("big.toml", MINIMAL.format(id="big", title="Big"))
    with file.open("a") as handle:
        handle.write("#" * MAX_FILE_BYTES)
    routine, problems = load_routine(file)
    assert routine is None
    assert "at most 262,144 bytes (256 KiB)" in problems[0].message


def test_non_utf8_file_names_the_line(write_routine):
    file = write_routine("latin.toml", MINIMAL.format(id="latin", title="x"))
    file.write_bytes(file.read_bytes().replace(b"Sit on", b"Sit \xe9n"))
    _, problems = load_routine(file)
    assert problems == [Problem(file, 8, "")]
    assert "not UTF-8" in problems[0].message
    # With a byte-order mark the line is still the line (it was one too early for a
    # bad byte at the start of a line: the position was counted without the mark).
    file.write_bytes(b"\xef\xbb\xbfschema = 1\n\xe9 = 2\n")
    assert load_routine(file)[1] == [Problem(file, 2, "")]


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    routine, problems = load_routine(tmp_path / "gone.toml")
    assert routine is None and "cannot read file" in problems[0].message


def test_text_is_kept_verbatim_never_as_markup(write_routine):
    file = write_routine("html.toml", MINIMAL.format(id="html", title="<b>Bold</b> & co"))
    routine, _ = load_routine(file)
    assert routine.title.en == "<b>Bold</b> & co"


def test_byte_order_mark_is_accepted(write_routine):
    file = write_routine("bom.toml", MINIMAL.format(id="bom", title="BOM"))
    file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
    assert load_routine(file)[1] == []


def test_routine_key_inside_a_step_says_where_it_belongs(write_routine):
    file = write_routine("misplaced.toml", BASE + STEP + "duration = 5\nsafety = ['x']\n")
    [problem] = load_routine(file)[1]
    assert "move it above the first [[steps]]" in problem.message


def test_id_with_a_trailing_newline_is_refused(write_routine):
    file = write_routine("nl.toml", MINIMAL.format(id="abc\\n", title="x"))
    assert "'id' must be lowercase" in load_routine(file)[1][0].message


@pytest.mark.parametrize("value, shown", [("nan", "nan"), ("inf", "inf"), ("2.0", "2.0")])
def test_non_finite_and_fractional_counts_are_refused(write_routine, value, shown):
    key = "reps" if value == "2.0" else "duration"
    extra = "hold = 1\n" if key == "reps" else ""
    file = write_routine("n.toml", BASE + STEP + f"{key} = {value}\n{extra}")
    problems = load_routine(file)[1]
    assert problems and problems[0].message.endswith(f"not {shown}")


def test_empty_plain_text_is_named_as_written(write_routine):
    file = write_routine("e.toml", BASE + STEP + "duration = 5\ncaution = ''\n")
    assert load_routine(file)[1][0].message == "'steps[1].caution' must not be empty"


# -- Issue 14: one file can never stop the app; every file is judged quickly ----------


@pytest.mark.parametrize("name, text, want", CASES, ids=[c[0] for c in CASES])
def test_hostile_file_becomes_a_problem_with_its_line(tmp_path, name, text, want):
    (tmp_path / "pics").mkdir()
    os.symlink("loop.svg", tmp_path / "pics" / "loop.svg")
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    routine, problems = load_routine(file)
    assert routine is None
    assert any(p.line == want.line and want.words in p.message for p in problems), problems


def test_syntax_error_above_a_limit_is_reported_rather_than_the_limit(write_routine):
    file = write_routine("both.toml", "schema = 1\nid = \"x\n" + "x = " + "[" * 500 + "\n")
    [problem] = load_routine(file)[1]
    assert problem.line == 2 and problem.message.startswith("TOML syntax error")


def test_brackets_dots_and_digits_inside_strings_and_comments_are_not_limited(write_routine):
    text = MINIMAL.format(id="quiet", title="[[[[" * 30 + "a." * 30 + "9" * 200)
    file = write_routine("quiet.toml", text + "# " + "{[" * 50 + "a." * 50 + "\n")
    assert load_routine(file)[1] == []


@pytest.mark.parametrize("key, value, shown", [
    ("reps", "5000", "'steps[1].reps' must be at most 3,600, not 5,000"),
    ("sets", "0x" + "f" * 300, "'steps[1].sets' must be at most 3,600, not about 10^361"),
    ("duration", "0x" + "f" * 2000, "'steps[1].duration' is about 10^2408 seconds"),
    ("rest", "-1e300", "'steps[1].rest' must not be negative (-1e+300)"),
    ("duration", "1e300", "'steps[1].duration' is 1e+300 seconds"),
])
def test_huge_numbers_are_named_by_their_size_not_crashed_on(write_routine, key, value, shown):
    hold = "hold = 1\n" if key in ("reps",) else "duration = 5\n" if key != "duration" else ""
    file = write_routine("huge.toml", BASE + STEP + f"{key} = {value}\n{hold}")
    problems = load_routine(file)[1]
    assert any(shown in p.message and p.line == 9 for p in problems), problems


def test_illustration_in_a_folder_that_cannot_be_read_is_a_problem(write_routine,
                                                                   monkeypatch):
    # Tests may run as root, which reads any folder: refuse the look-up instead.
    file = write_routine("locked.toml", BASE + STEP + "duration = 5\n"
                                        "illustration = 'locked/knee.svg'\n")
    real_stat = Path.stat

    def stat(self, **kwargs):
        if "locked" in self.parts:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    [problem] = load_routine(file)[1]
    assert problem.line == 10
    assert problem.message == ("illustration 'locked/knee.svg' cannot be read: "
                               "Permission denied")


def test_a_device_or_pipe_is_not_read(tmp_path):
    link = tmp_path / "null.toml"
    link.symlink_to(os.devnull)
    [problem] = load_routine(link)[1]
    assert problem.message == "cannot read file: not an ordinary file"


def test_syntax_error_at_the_end_names_a_line_inside_the_file(write_routine):
    # A line separator inside a string is text to TOML, not a line break.
    file = write_routine("sep.toml", 'schema = 1\ntitle = "a\u2028b\u0085c\u2029d"\nx = [\n')
    [problem] = load_routine(file)[1]
    assert problem.line == 3 and "ends before it is complete" in problem.message


def test_an_unexpected_error_is_a_problem_naming_the_file(write_routine, monkeypatch):
    def broken(self, data):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(routine_module._Checker, "routine", broken)
    file = write_routine("any.toml", MINIMAL.format(id="any", title="Any"))
    routine, [problem] = load_routine(file)
    assert routine is None and problem.file == file
    assert "could not check this file (RecursionError: maximum recursion" in problem.message
    assert "please report it" in problem.message


def test_long_unknown_keys_and_values_are_shortened_in_messages(write_routine):
    file = write_routine("long.toml", BASE.replace('"broken"', '"' + "X" * 500 + '"')
                         + "k" * 500 + " = 1\n" + STEP + "duration = 5\n")
    for problem in load_routine(file)[1]:
        assert len(problem.message) < 200, problem.message
