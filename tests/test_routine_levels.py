"""Routine levels in the file format: ``[[levels]]`` and ``[steps.level.N]``."""

from pathlib import Path

import pytest

from coach import paths
from coach.routine import MAX_LEVELS, load_routine

BUNDLED = sorted(paths.bundled_routines_dir().glob("*.toml"))

HEAD = '''
    schema = 1
    id = "graded"
    title = "Graded"
    summary = "s"
'''
LEVELS = '''
    [[levels]]
    title = "Easier"
    summary = "Fewer presses."
    source = "Standard practice: fewer repetitions."
    [[levels]]
    title = "Standard"
    standard = true
    [[levels]]
    title.en = "Harder"
    title.ja = "きつめ"
'''
PRESS = '''
    [[steps]]
    title = "Press"
    instructions = ["Press."]
    reps = 10
    hold = 5
    release = 2
'''
WALK = '''
    [[steps]]
    title = "Walk"
    instructions = ["Walk."]
    duration = 60
'''


def load(write_routine, text: str):
    return load_routine(write_routine("graded.toml", text))


def test_levels_lay_each_level_over_the_standard_steps(write_routine):
    routine, problems = load(write_routine, HEAD + LEVELS + PRESS + '''
        [steps.level.1]
        reps = 6
        hold = 3
        [steps.level.3]
        duration = 90
        title = "Press and hold"
    ''' + WALK + '''
        [steps.level.3]
        duration = 120
    ''')
    assert problems == []
    assert (routine.level, routine.standard_level, routine.level_count) == (2, 2, 3)
    assert [level.title.en for level in routine.levels] == ["Easier", "Standard", "Harder"]
    assert routine.levels[2].title.get("ja") == "きつめ"
    assert routine.levels[0].summary.en == "Fewer presses."
    # The routine as loaded is its standard level; each level has every step.
    assert routine.at_level(2) is routine
    easier, harder = routine.at_level(1), routine.at_level(3)
    assert easier.level == 1 and [(s.reps, s.hold, s.release) for s in easier.steps] == [
        (6, 3.0, 2.0), (None, None, 0.0)]
    assert easier.steps[1] is routine.steps[1]  # unchanged at level 1
    # A plain duration replaces the repetitions (and their holds and releases).
    press, walk = harder.steps
    assert (press.title.en, press.duration, press.reps, press.hold) == (
        "Press and hold", 90.0, None, None)
    assert walk.duration == 120.0
    assert easier.total_seconds < routine.total_seconds < harder.total_seconds
    assert routine.at_level(99).level == 3 and routine.at_level(0).level == 1


def test_a_file_without_levels_is_one_level_exactly_as_before(write_routine):
    routine, problems = load(write_routine, HEAD + PRESS)
    assert problems == []
    assert routine.levels == () and routine.level == routine.standard_level == 1
    assert routine.level_count == 1 and routine.level_info() is None
    assert routine.at_level(1) is routine and routine.at_level(3) is routine


def problems_of(write_routine, text: str) -> list[str]:
    routine, problems = load(write_routine, text)
    assert routine is None
    return [f"{p.line}: {p.message}" for p in problems]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param(LEVELS.replace("standard = true", "") + PRESS + "[steps.level.1]\nreps = 5\n",
                 "one level must say 'standard = true'", id="no-standard"),
    pytest.param(LEVELS.replace('title.en = "Harder"', 'title.en = "Harder"\nstandard = true')
                 + PRESS + "[steps.level.1]\nreps = 5\n",
                 "only one level may be the standard one (level 2 already is)",
                 id="two-standards"),
    pytest.param('[[levels]]\ntitle = "Only"\nstandard = true\n' + PRESS,
                 "needs two or more [[levels]] tables", id="one-level"),
    pytest.param("levels = 3\n" + PRESS, "'levels' must be two or more [[levels]] tables",
                 id="not-tables"),
    pytest.param("".join(f'[[levels]]\ntitle = "L{n}"\nstandard = {str(n == 1).lower()}\n'
                         for n in range(1, MAX_LEVELS + 2)) + PRESS,
                 f"at most {MAX_LEVELS} levels", id="too-many"),
    pytest.param(LEVELS.replace('summary = "Fewer presses."', 'colour = "red"') + PRESS
                 + "[steps.level.1]\nreps = 5\n[steps.level.3]\nreps = 12\n",
                 "unknown key 'levels[1].colour'", id="unknown-level-key"),
    pytest.param(LEVELS.replace("standard = true", 'standard = "yes"') + PRESS,
                 "'levels[2].standard' must be true or false, not 'yes'", id="standard-text"),
    pytest.param(LEVELS + PRESS + "[steps.level.4]\nreps = 5\n",
                 "'steps[1].level.4' must name a level by its number, 1 to 3",
                 id="no-such-level"),
    pytest.param(LEVELS + PRESS + "[steps.level.2]\nreps = 5\n",
                 "level 2 is the standard level, which the step itself describes",
                 id="standard-overridden"),
    pytest.param(LEVELS + PRESS + "level = 1\n",
                 "'steps[1].level' must be tables like [steps.level.1], not a number",
                 id="level-not-a-table"),
    pytest.param(HEAD.replace("graded", "x") + PRESS + "[steps.level.1]\nreps = 5\n",
                 "'steps[1].level' needs the routine's levels", id="no-levels-defined"),
    pytest.param(LEVELS + PRESS + "[steps.level.1]\nreps = 5\n",
                 "level 3 changes no step", id="level-changes-nothing"),
], )
def test_level_mistakes_are_reported_with_file_and_line(write_routine, body, expected):
    text = body if body.lstrip().startswith("schema") else HEAD + body
    found = problems_of(write_routine, text)
    assert any(expected in line for line in found), found


def test_a_bad_value_at_a_level_is_reported_at_its_own_line(write_routine):
    text = HEAD + LEVELS + PRESS + '''
[steps.level.1]
reps = "ten"
[steps.level.3]
hold = 5000
bogus = 1
'''
    file = write_routine("graded.toml", text)
    lines = file.read_text().splitlines()
    found = [f"{p.line}: {p.message}" for p in load_routine(file)[1]]
    reps_line = next(n for n, line in enumerate(lines, 1) if line == 'reps = "ten"')
    hold_line = next(n for n, line in enumerate(lines, 1) if line == "hold = 5000")
    bogus_line = hold_line + 1
    assert f"{reps_line}: at level 1: 'steps[1].reps' must be a whole number, not text" \
        in found
    assert any(line.startswith(f"{hold_line}: at level 3: ") and "3,600 seconds" in line
               for line in found), found
    assert f"{bogus_line}: at level 3: unknown key 'steps[1].bogus'" in found


def test_a_step_too_long_at_one_level_is_reported_for_that_level(write_routine):
    text = HEAD + LEVELS + PRESS + "[steps.level.1]\nreps = 5\n[steps.level.3]\nsets = 100\n"
    found = problems_of(write_routine, text)
    assert any("at level 3: 'steps[1]' lasts" in line for line in found), found


def test_levels_do_not_nest(write_routine):
    text = HEAD + LEVELS + PRESS + "[steps.level.1]\nreps = 5\n[steps.level.3.level.1]\n" \
        "reps = 4\n"
    assert any("levels do not nest" in line for line in problems_of(write_routine, text))


@pytest.mark.parametrize("file", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_routine_has_an_easier_and_a_harder_level(file: Path):
    routine, problems = load_routine(file)
    assert problems == [] and routine is not None
    assert 1 < routine.standard_level < routine.level_count, "an easier and a harder level"
    standard = routine.total_seconds
    for level in routine.levels:
        assert level.title.ja and level.summary and level.summary.ja and level.source
        for step in level.steps:
            assert step.title.ja and len(step.instructions.ja) == len(step.instructions.en)
    # Every non-standard level changes something, in the direction its place says.
    easiest, hardest = routine.at_level(1), routine.at_level(routine.level_count)
    assert easiest.steps != routine.steps and hardest.steps != routine.steps
    assert easiest.total_seconds <= standard or any(
        a.title != b.title for a, b in zip(easiest.steps, routine.steps, strict=True))


# -- extra work for a weaker leg --------------------------------------------------------
WEAKER = HEAD + '''
    [[steps]]
    title.en = "Press"
    title.ja = "押す"
    instructions = ["Press."]
    sides = "alternate"
    reps = 14
    hold = 5
    release = 3
    weaker_side_reps = 5
''' + WALK


def test_a_weaker_leg_gets_its_extra_repetitions_after_the_step(write_routine):
    routine, problems = load(write_routine, WEAKER)
    assert problems == [] and routine.has_weaker_side_option
    assert routine.for_weaker_side(None) is routine
    assert routine.for_weaker_side("both") is routine
    left = routine.for_weaker_side("left")
    press, extra, walk = left.steps
    assert press is routine.steps[0] and walk is routine.steps[1]
    assert (extra.sides, extra.reps, extra.sets, extra.hold, extra.release) == (
        "left", 5, 1, 5.0, 3.0)
    assert extra.title.en == "Press: extra for the weaker leg"
    assert extra.title.get("ja").startswith("押す")
    assert left.total_seconds == routine.total_seconds + extra.total_seconds


@pytest.mark.parametrize(("step", "expected"), [
    ('sides = "none"\nreps = 3\nhold = 5\nweaker_side_reps = 2',
     "'steps[1].weaker_side_reps' only applies to steps for one leg at a time"),
    ('sides = "left"\nduration = 30\nweaker_side_reps = 2',
     "'steps[1].weaker_side_reps' only applies"),
    ('sides = "left"\nreps = 3\nhold = 5\nweaker_side_reps = 0',
     "'steps[1].weaker_side_reps' must be greater than 0"),
    ('sides = "left"\nreps = 3\nhold = 600\nweaker_side_reps = 7',
     "makes the extra work last 4,200 seconds"),
])
def test_weaker_side_mistakes_are_reported(write_routine, step, expected):
    text = HEAD + '[[steps]]\ntitle = "Press"\ninstructions = ["Press."]\n' + step + "\n"
    found = problems_of(write_routine, text)
    assert any(expected in line for line in found), found
