"""The progression engine, table by table: levels, flare-ups and what each routine's
next session should be (no Qt, no display)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

import pytest

from coach.advice import History
from coach.journal import ChoiceKind, LevelChoice, Rating, SafetyEvent, Session
from coach.progression import (
    Action,
    Flare,
    Levels,
    Recommendation,
    Why,
    current_level,
    flare,
    high_before_start,
    levels_of,
    recommend,
)

TZ = UTC
TODAY = date(2026, 3, 30)
KNEE = "knee"
THREE = Levels(count=3, standard=2)
ONE = Levels(count=1, standard=1)


def at(day: int, hour: int = 9) -> datetime:
    """*day* days from TODAY (negative: before), at *hour*."""
    moment = TODAY + timedelta(days=day)
    return datetime(moment.year, moment.month, moment.day, hour, tzinfo=TZ)


class Part(NamedTuple):
    """Some records of a history (see :func:`history`)."""

    sessions: tuple[Session, ...] = ()
    ratings: tuple[Rating, ...] = ()
    events: tuple[SafetyEvent, ...] = ()
    choices: tuple[LevelChoice, ...] = ()


def session(day: int, after: int | None = 1, *, morning: int | None = 2, before: int = 2,
            level: int | None = None, outcome: str = "completed", steps: int = 5,
            unwell: bool = False, routine: str = KNEE) -> Part:
    """A session on *day* at 09:00, rated *before* just before it, *after* right after
    and *morning* at 07:00 the next day (None: not rated)."""
    uid = f"{routine}{day}"
    ratings = [Rating(f"{uid}b", at(day, 8), before, "before", session_uid=uid)]
    if after is not None:
        ratings.append(Rating(f"{uid}a", at(day, 10), after, "after", session_uid=uid))
    if morning is not None:
        ratings.append(Rating(f"{uid}m", at(day + 1, 7), morning, "next_morning",
                              session_uid=uid))
    events = (SafetyEvent(f"{uid}e", at(day, 10), "unwell", uid, 2),) if unwell else ()
    return Part((Session(uid, routine, at(day), at(day, 10), steps, outcome, level),),
                tuple(ratings), events)


def usual(day: int, *values: int) -> Part:
    """Check-in ratings of usual pain on *day*."""
    return Part(ratings=tuple(Rating(f"u{day}.{i}", at(day, 12 + i), value, "check_in")
                              for i, value in enumerate(values)))


def skip(day: int, routine: str = KNEE) -> Part:
    """A safety skip: the knee was hot, red or swollen."""
    return Part((Session(f"skip{routine}{day}", routine, at(day, 18), at(day, 18), 0,
                         "safety_skip"),))


def choose(day: int, level: int, kind: ChoiceKind, routine: str = KNEE, *,
           minutes: int = -30) -> Part:
    """A level choice on *day*, *minutes* from 09:00 (by default before that day's
    session)."""
    return Part(choices=(LevelChoice(f"c{routine}{day}{kind}", at(day) +
                                     timedelta(minutes=minutes), routine, level, kind),))


def history(*parts: Part) -> History:
    return History.of([s for p in parts for s in p.sessions],
                      [r for p in parts for r in p.ratings],
                      [e for p in parts for e in p.events],
                      choices=[c for p in parts for c in p.choices])


def greens(*days: int, level: int | None = None) -> list[Part]:
    return [session(day, level=level) for day in days]


# -- current level ----------------------------------------------------------------------
@pytest.mark.parametrize(("parts", "expected"), [
    pytest.param([], 2, id="nothing yet: standard"),
    pytest.param([session(-1, level=3)], 3, id="last session's level"),
    pytest.param([session(-3, level=1), session(-1, level=3)], 3, id="the latest session"),
    pytest.param([session(-1)], 2, id="session without a level: standard"),
    pytest.param([session(-3, level=3), session(-1)], 3,
                 id="a later session without a level keeps the recorded one"),
    pytest.param([session(-3, level=3), choose(-1, 1, ChoiceKind.ACCEPTED)], 1,
                 id="accepted after the session"),
    pytest.param([session(-3, level=1), choose(-1, 3, ChoiceKind.CHOSEN)], 3,
                 id="chosen by hand after the session"),
    pytest.param([choose(-2, 3, ChoiceKind.ACCEPTED), session(-1, level=1)], 1,
                 id="a session after the choice"),
    pytest.param([session(-3, level=1), choose(-1, 2, ChoiceKind.DECLINED)], 1,
                 id="declined changes nothing"),
    pytest.param([choose(-1, 2, ChoiceKind.DECLINED)], 2, id="only a decline: standard"),
    pytest.param([session(-1, level=1), choose(-1, 3, ChoiceKind.CHOSEN, minutes=0)], 1,
                 id="a choice at the moment a session starts comes before it"),
    pytest.param([session(-1, level=1), choose(-1, 3, ChoiceKind.CHOSEN, minutes=1)], 3,
                 id="a choice a minute after the session started"),
    pytest.param([session(-3, level=1), choose(-1, 3, ChoiceKind.CHOSEN, routine="desk")], 1,
                 id="another routine's choice"),
    pytest.param([session(-1, level=3, routine="desk")], 2, id="another routine's session"),
    pytest.param([session(-1, level=5)], 3, id="above the top: clamped"),
    pytest.param([choose(-1, 4, ChoiceKind.CHOSEN)], 3, id="choice above the top: clamped"),
])
def test_current_level(parts, expected):
    assert current_level(history(*parts), KNEE, THREE) == expected


def test_current_level_of_a_routine_with_one_level():
    assert current_level(history(session(-1, level=2)), KNEE, ONE) == 1
    assert current_level(history(), KNEE, ONE) == 1


def test_levels_of_a_routine(write_routine):
    from coach.routine import load_routine

    path = write_routine("levels.toml", """
        schema = 1
        id = "lv"
        title = "Levels"
        summary = "Three levels."

        [[levels]]
        title.en = "Easier"

        [[levels]]
        title.en = "Standard"
        standard = true

        [[levels]]
        title.en = "Harder"

        [[steps]]
        title = "Sit"
        instructions = ["Sit on a chair."]
        duration = 30

        [steps.level.1]
        duration = 20

        [steps.level.3]
        duration = 40
        """)
    routine, problems = load_routine(path)
    assert problems == [] and routine is not None
    assert levels_of(routine) == Levels(3, 2)
    assert levels_of(routine.at_level(1)) == Levels(3, 2)


def test_levels_of_a_routine_without_levels(minimal_routine):
    from coach.routine import load_routine

    routine, problems = load_routine(minimal_routine())
    assert problems == [] and routine is not None
    assert levels_of(routine) == Levels(1, 1)


# -- flare-ups ----------------------------------------------------------------------------
def pain_flare(since: int, baseline: float) -> Flare:
    return Flare(TODAY + timedelta(since), Why.FLARE_PAIN, baseline, 1 - since)


def hot_flare(since: int, baseline: float | None = None) -> Flare:
    return Flare(TODAY + timedelta(since), Why.FLARE_HOT_RED_SWOLLEN, baseline, 1 - since)


@pytest.mark.parametrize(("parts", "expected"), [
    pytest.param([], None, id="nothing rated"),
    pytest.param([usual(-6, 2, 2), usual(-3, 2), usual(-1, 3)], None, id="steady pain"),
    # entering on pain
    pytest.param([usual(-6, 2, 2), usual(0, 4)], pain_flare(0, 2.0), id="pain +2: flare"),
    pytest.param([usual(-6, 2, 3), usual(0, 4)], None, id="pain +1.5: no flare"),
    pytest.param([usual(-6, 2), usual(0, 9)], None, id="one rating the week before: no flare"),
    pytest.param([usual(-9, 2, 2), usual(0, 9)], None,
                 id="ratings older than a week: no baseline"),
    pytest.param([usual(-4, 1, 3), usual(-2, 5, 3)], pain_flare(-2, 2.0),
                 id="the day's mean +2"),
    pytest.param([usual(-4, 1, 3), usual(-2, 5, 2)], None,
                 id="the day's mean counts, not its highest"),
    # entering on a safety skip (any routine)
    pytest.param([skip(0)], hot_flare(0), id="hot knee today"),
    pytest.param([skip(-1, routine="desk")], hot_flare(-1), id="hot knee in another routine"),
    pytest.param([usual(-5, 2, 2), skip(-1)], hot_flare(-1, 2.0),
                 id="hot knee with a baseline"),
    # leaving
    pytest.param([usual(-10, 2, 2), usual(-5, 6), usual(-3, 3)], None,
                 id="pain back within 1 point: over"),
    pytest.param([usual(-10, 2, 2), usual(-5, 6), usual(-3, 4)], pain_flare(-5, 2.0),
                 id="pain still 2 above: goes on"),
    pytest.param([usual(-10, 2, 2), usual(-5, 6), usual(-3, 2), skip(-3)],
                 pain_flare(-5, 2.0), id="back to usual but a skip that day: goes on"),
    pytest.param([usual(-10, 2, 2), usual(-5, 6), usual(-4, 6), usual(-3, 6), usual(-2, 4)],
                 pain_flare(-5, 2.0), id="baseline frozen while in it"),
    pytest.param([usual(-10, 2, 2), usual(-9, 6), usual(-8, 2), usual(-3, 2, 2), usual(0, 5)],
                 pain_flare(0, 2.0), id="over, then a new flare"),
    pytest.param([skip(-1)], hot_flare(-1), id="hot knee yesterday: goes on"),
    pytest.param([skip(-2)], None, id="hot knee 2 days ago, no ratings since: over"),
    pytest.param([skip(-5), usual(-4, 5)], hot_flare(-5),
                 id="hot knee, then rated 5: goes on"),
    pytest.param([skip(-5), usual(-4, 2)], None, id="hot knee, then rated green: over"),
    # Steady amber pain after one "hot" answer: over from two days after it (it kept
    # every routine at rest for 28 days, until the skip left the lookback).
    pytest.param([skip(-5), usual(-4, 4), usual(-3, 4), usual(-2, 4)], None,
                 id="hot knee, then steady amber: over after a few days"),
    pytest.param([skip(-5), usual(-4, 4), usual(-3, 6), usual(-2, 6)], hot_flare(-5),
                 id="hot knee, then pain rising: goes on"),
    pytest.param([skip(-5), usual(-4, 7), usual(-3, 7), usual(-2, 7)], hot_flare(-5),
                 id="hot knee, then steady red: goes on"),
    pytest.param([skip(-2), skip(-1)], hot_flare(-2), id="a second skip keeps it going"),
    pytest.param([usual(-12, 2, 2), skip(-6), usual(-4, 4)], hot_flare(-6, 2.0),
                 id="hot knee with a baseline, rated 2 above: goes on"),
    pytest.param([usual(-12, 2, 2), skip(-6), usual(-4, 3)], None,
                 id="hot knee with a baseline, back within 1 point: over"),
    pytest.param([skip(-28), usual(-27, 5)], None, id="begun before the lookback: not seen"),
    pytest.param([skip(-27), usual(-26, 5)], hot_flare(-27), id="at the edge of the lookback"),
    pytest.param([skip(-2), usual(-1, 2), skip(-1)], hot_flare(-2),
                 id="hot knee again on a green day: goes on"),
])
def test_flare(parts, expected):
    assert flare(history(*parts), TODAY) == expected


@pytest.mark.parametrize(("parts", "settled_at"), [
    # A hot knee with no week before it to compare with: a check-in of 2 ends it...
    pytest.param([skip(-7), *[usual(d, 4) for d in range(-6, -1)],
                  Part(ratings=(Rating("c", at(0, 8), 2, "check_in"),))], 8, id="no baseline"),
    # ...and with a baseline of 2, a check-in of 3 (within a point of it).
    pytest.param([usual(-12, 2, 2), skip(-7), *[usual(d, 5) for d in range(-6, -1)],
                  Part(ratings=(Rating("c", at(0, 8), 3, "check_in"),))], 8, id="baseline"),
])
def test_a_later_rating_the_same_day_does_not_bring_a_flare_back(parts, settled_at):
    """The 08:00 check-in ended the flare-up (Today: exercise, the routine planned);
    the usual 3 or 4 rated just before the session at 10:00 raised the day's mean,
    and the flare-up came back for the whole week: "see a clinician", rest for every
    routine, while the after-session page said "keep the same level"."""
    assert flare(history(*parts), TODAY) is None  # at 09:55
    before = Part(ratings=(Rating("b", at(0, 10), 4, "before"),))
    assert flare(history(*parts, before), TODAY) is None  # at 10:30: still over


@pytest.mark.parametrize(("since", "long"), [
    pytest.param(-5, False, id="6 days"),
    pytest.param(-6, True, id="7 days: see a clinician"),
    pytest.param(-20, True, id="21 days"),
])
def test_a_flare_puts_every_routine_to_rest(since, long):
    parts = [usual(since - 5, 2, 2), usual(since, 7),
             *[session(day, before=6, morning=6) for day in (-3, -1)]]
    for day in range(since + 1, 1):
        parts.append(usual(day, 6))
    found = flare(history(*parts), TODAY)
    assert found is not None and found.days == 1 - since
    reasons = (Why.FLARE_PAIN, Why.FLARE_LONG) if long else (Why.FLARE_PAIN,)
    for routine, levels in ((KNEE, THREE), ("desk", ONE)):
        assert recommend(history(*parts), routine, levels, TODAY) == Recommendation(
            routine, levels.standard, 1, Action.REST, reasons, found)


# -- one routine's next session ---------------------------------------------------------
STREAK = (Why.GREEN_STREAK,)


def case(name: str, parts: list[Part], action: Action, recommended: int,
         reasons: tuple[Why, ...], level: int = 2, levels: Levels = THREE):
    return pytest.param(parts, levels, Recommendation(KNEE, level, recommended, action,
                                                      reasons), id=name)


@pytest.mark.parametrize(("parts", "levels", "expected"), [
    case("first session ever", [], Action.HOLD, 2, (Why.FIRST_SESSION,)),
    case("only another routine's sessions", [session(-1, routine="desk")], Action.HOLD, 2,
         (Why.FIRST_SESSION,)),
    case("a skip is no session", [skip(-9)], Action.HOLD, 2, (Why.FIRST_SESSION,)),
    # green streaks
    case("one green", greens(-1), Action.HOLD, 2, (Why.GREEN_SO_FAR,)),
    case("two green", greens(-3, -1), Action.HOLD, 2, (Why.GREEN_SO_FAR,)),
    case("three green: progress", greens(-5, -3, -1), Action.PROGRESS, 3, STREAK),
    case("three green at level 1", greens(-5, -3, -1, level=1), Action.PROGRESS, 2, STREAK,
         level=1),
    case("three green at the top: hold", greens(-5, -3, -1, level=3), Action.HOLD, 3,
         (*STREAK, Why.AT_TOP), level=3),
    case("three green, latest morning not answered",
         [*greens(-5, -3), session(-1, morning=None)], Action.HOLD, 2, (Why.MORNING_UNKNOWN,)),
    case("three green today, morning to come",
         [*greens(-4, -2), session(0, morning=None)], Action.HOLD, 2, (Why.MORNING_UNKNOWN,)),
    case("three green, an earlier morning not answered",
         [session(-5, morning=None), *greens(-3, -1)], Action.PROGRESS, 3, STREAK),
    case("three green, the middle morning unsettled",
         [session(-5), session(-3, morning=3), session(-1)], Action.HOLD, 2,
         (Why.GREEN_SO_FAR,)),
    case("three green, one amber before them",
         [session(-7, after=4), *greens(-5, -3, -1)], Action.PROGRESS, 3, STREAK),
    case("green, amber, green, green", [session(-7), session(-5, after=4), *greens(-3, -1)],
         Action.HOLD, 2, (Why.GREEN_SO_FAR,)),
    case("green streak broken by an early stop",
         [session(-5), session(-3, outcome="stopped", steps=2), session(-1)], Action.HOLD, 2,
         (Why.GREEN_SO_FAR,)),
    case("three green, then a flare-up that has settled: green again first",
         [*greens(-12, -10, -8), *(usual(d, 2) for d in range(-15, -8)), usual(-6, 6),
          *(usual(d, 2) for d in range(-5, 0))], Action.HOLD, 2, (Why.AFTER_FLARE,)),
    # A flare-up from day -10 to -7 (5s against a usual 2); sessions rated green right
    # after during it, and one after it: they made a "green streak" and the next level
    # came one session after the flare-up.
    case("green sessions during a flare-up are no streak",
         [*(usual(d, 2) for d in range(-17, -10)), *(usual(d, 5) for d in range(-10, -6)),
          session(-9, before=5, morning=5), session(-7, before=5, morning=2), session(-5),
          usual(-4, 2)],
         Action.HOLD, 2, (Why.AFTER_FLARE,)),
    case("a morning of 1 after a 0 is safe: the streak goes on",
         [session(-5, before=0, morning=1), session(-3, before=0, morning=1),
          session(-1, before=0, morning=1)], Action.PROGRESS, 3, STREAK),
    case("three green after a settled flare-up: progress",
         [*(usual(d, 2) for d in range(-20, -13)), usual(-12, 6), usual(-10, 2),
          *greens(-7, -5, -3)], Action.PROGRESS, 3, STREAK),
    case("a session left before its first step is not in the streak",
         [*greens(-5, -3), session(-2, after=None, outcome="stopped", steps=0), session(-1)],
         Action.PROGRESS, 3, STREAK),
    # amber, red, mornings
    case("amber: hold", [session(-1, after=4)], Action.HOLD, 2, (Why.AFTER_AMBER,)),
    case("amber after a green streak", [*greens(-7, -5, -3), session(-1, after=5)],
         Action.HOLD, 2, (Why.AFTER_AMBER,)),
    case("red: ease", [session(-1, after=6)], Action.EASE, 1, (Why.AFTER_RED,)),
    case("red at the top: ease", [session(-1, after=9, level=3)], Action.EASE, 2,
         (Why.AFTER_RED,), level=3),
    case("red at level 1 today: rest", [session(0, after=7, morning=None, level=1)],
         Action.REST, 1, (Why.AFTER_RED, Why.AT_BOTTOM), level=1),
    case("red at level 1 yesterday: rest", [session(-1, after=7, level=1)], Action.REST, 1,
         (Why.AFTER_RED, Why.AT_BOTTOM), level=1),
    case("red at level 1 two days ago: hold", [session(-2, after=7, level=1)], Action.HOLD, 1,
         (Why.AFTER_RED, Why.AT_BOTTOM), level=1),
    case("red, already eased by hand",
         [session(-1, after=7, level=3), choose(0, 2, ChoiceKind.CHOSEN)], Action.HOLD, 2,
         (Why.AFTER_RED, Why.CHOSEN_BY_HAND)),
    case("red, ease accepted", [session(-1, after=7), choose(0, 1, ChoiceKind.ACCEPTED)],
         Action.HOLD, 1, (Why.AFTER_RED, Why.CHOSEN_BY_HAND), level=1),
    case("red at level 3, then level 1 by hand",
         [session(-1, after=7, level=3), choose(0, 1, ChoiceKind.CHOSEN)], Action.HOLD, 1,
         (Why.AFTER_RED, Why.CHOSEN_BY_HAND), level=1),
    case("red at level 1, then level 2 by hand",
         [session(-1, after=7, level=1), choose(0, 2, ChoiceKind.CHOSEN)], Action.EASE, 1,
         (Why.AFTER_RED,)),
    case("red, ease declined",
         [session(-1, after=7), choose(0, 1, ChoiceKind.DECLINED)], Action.EASE, 1,
         (Why.AFTER_RED,)),
    case("morning not settled: ease", [session(-1, before=2, morning=3)], Action.EASE, 1,
         (Why.MORNING_NOT_SETTLED,)),
    case("morning in the red is never settled", [session(-1, morning=6, before=6)],
         Action.EASE, 1, (Why.MORNING_NOT_SETTLED,)),
    case("morning not settled at level 1", [session(-1, morning=3, level=1)], Action.REST, 1,
         (Why.MORNING_NOT_SETTLED, Why.AT_BOTTOM), level=1),
    case("morning settled, rated amber", [session(-1, after=4, morning=2)], Action.HOLD, 2,
         (Why.AFTER_AMBER,)),
    # stops
    case("sharp-pain stop: ease", [session(-1, after=None, outcome="sharp_pain", steps=2)],
         Action.EASE, 1, (Why.SHARP_PAIN_STOP,)),
    case("sharp-pain stop after two greens, rated green: never progress",
         [*greens(-5, -3), session(-1, outcome="sharp_pain", steps=4)], Action.EASE, 1,
         (Why.SHARP_PAIN_STOP,)),
    case("sharp-pain stop at level 1 yesterday: rest",
         [session(-1, outcome="sharp_pain", steps=0, level=1)], Action.REST, 1,
         (Why.SHARP_PAIN_STOP, Why.AT_BOTTOM), level=1),
    case("unwell stop: hold", [session(-1, outcome="stopped", steps=2, unwell=True)],
         Action.HOLD, 2, (Why.UNWELL_STOP,)),
    case("unwell stop before a step, after a green streak",
         [*greens(-7, -5, -3), session(-1, after=None, outcome="stopped", steps=0,
                                       unwell=True)],
         Action.HOLD, 2, (Why.UNWELL_STOP,)),
    case("stopped early: hold", [session(-1, outcome="stopped", steps=2)], Action.HOLD, 2,
         (Why.STOPPED_EARLY,)),
    case("stopped early, rated red: ease", [session(-1, after=8, outcome="stopped", steps=2)],
         Action.EASE, 1, (Why.AFTER_RED,)),
    case("not rated: hold", [session(-1, after=None)], Action.HOLD, 2, (Why.NOT_RATED,)),
    case("not rated after a green streak", [*greens(-7, -5, -3), session(-1, after=None)],
         Action.HOLD, 2, (Why.NOT_RATED,)),
    # gaps
    case("13 days between sessions: the streak goes on", greens(-16, -14, -1),
         Action.PROGRESS, 3, STREAK),
    case("14 days between sessions: the streak restarts", greens(-19, -17, -3, -1),
         Action.HOLD, 2, (Why.GREEN_SO_FAR,)),
    case("14-day gap, then three green", greens(-25, -9, -5, -1), Action.PROGRESS, 3, STREAK),
    case("27 days since the last session", greens(-31, -29, -27), Action.PROGRESS, 3,
         STREAK),
    case("28 days since the last session: ease", greens(-32, -30, -28), Action.EASE, 1,
         (Why.LONG_GAP,)),
    case("weeks away from level 3", [session(-60, level=3)], Action.EASE, 2, (Why.LONG_GAP,),
         level=3),
    case("weeks away, after a red at level 3", [session(-40, after=8, level=3)], Action.EASE,
         2, (Why.LONG_GAP,), level=3),
    case("weeks away from level 1", [session(-40, level=1)], Action.HOLD, 1,
         (Why.LONG_GAP, Why.AT_BOTTOM), level=1),
    case("weeks away, last started at level 1",
         [session(-40, level=3), session(-35, after=None, outcome="stopped", steps=0, level=1)],
         Action.HOLD, 1, (Why.LONG_GAP, Why.AT_BOTTOM), level=1),
    case("weeks away, level chosen since",
         [session(-40, level=3), choose(0, 2, ChoiceKind.ACCEPTED)], Action.HOLD, 2,
         (Why.LONG_GAP, Why.CHOSEN_BY_HAND)),
    # offers declined, levels accepted or chosen by hand
    case("offer declined", [*greens(-5, -3, -1), choose(0, 3, ChoiceKind.DECLINED)],
         Action.HOLD, 2, (Why.DECLINED,)),
    case("declined, two green since",
         [*greens(-9, -7, -5), choose(-4, 3, ChoiceKind.DECLINED), *greens(-3, -1)],
         Action.HOLD, 2, (Why.DECLINED,)),
    # Declining the easier level offered after a red session is not declining more.
    case("an easier level declined, then green",
         [session(-3, after=7), choose(-2, 1, ChoiceKind.DECLINED), session(-2)],
         Action.HOLD, 2, (Why.GREEN_SO_FAR,)),
    case("declined, three green since",
         [*greens(-11, -9, -7), choose(-6, 3, ChoiceKind.DECLINED), *greens(-5, -3, -1)],
         Action.PROGRESS, 3, STREAK),
    case("declined, then amber", [*greens(-7, -5, -3), choose(-2, 3, ChoiceKind.DECLINED),
                                  session(-1, after=4)], Action.HOLD, 2, (Why.AFTER_AMBER,)),
    case("declined, then a gap restarts the streak",
         [*greens(-25, -23, -21), choose(-20, 3, ChoiceKind.DECLINED), *greens(-3, -1)],
         Action.HOLD, 2, (Why.GREEN_SO_FAR,)),
    case("declined in another routine",
         [*greens(-5, -3, -1), choose(0, 3, ChoiceKind.DECLINED, routine="desk")],
         Action.PROGRESS, 3, STREAK),
    case("accepted the next level, one green since",
         [*greens(-7, -5, -3), choose(-2, 3, ChoiceKind.ACCEPTED), session(-1, level=3)],
         Action.HOLD, 3, (Why.GREEN_SO_FAR,), level=3),
    case("accepted, not played yet",
         [*greens(-5, -3, -1), choose(0, 3, ChoiceKind.ACCEPTED)], Action.HOLD, 3,
         (Why.GREEN_SO_FAR,), level=3),
    case("same level picked by hand restarts the streak",
         [*greens(-5, -3), choose(-2, 2, ChoiceKind.CHOSEN), session(-1)], Action.HOLD, 2,
         (Why.GREEN_SO_FAR,)),
    case("a session at another level restarts the streak",
         [*greens(-7, level=1), *greens(-5, level=2), *greens(-3, -1, level=1)], Action.HOLD,
         1, (Why.GREEN_SO_FAR,), level=1),
    case("level picked at the moment the session started",
         [choose(-5, 1, ChoiceKind.CHOSEN, minutes=0), *greens(-5, -3, -1, level=1)],
         Action.PROGRESS, 2, STREAK, level=1),
    case("three green at a level picked by hand",
         [*greens(-9, level=2), choose(-8, 1, ChoiceKind.CHOSEN), *greens(-5, -3, -1, level=1)],
         Action.PROGRESS, 2, STREAK, level=1),
    case("sessions without a level read as standard",
         [*greens(-5), *greens(-3, -1, level=2)], Action.PROGRESS, 3, STREAK),
    case("no levels recorded at all", greens(-5, -3, -1), Action.PROGRESS, 3, STREAK),
    case("another routine's sessions are not in the streak",
         [session(-5, routine="desk"), *greens(-3, -1)], Action.HOLD, 2, (Why.GREEN_SO_FAR,)),
    # usual pain rising
    case("usual pain rising blocks progress",
         [usual(-10, 1, 2), *(session(d, before=3, morning=3) for d in (-5, -3, -1))],
         Action.HOLD, 2, (Why.PAIN_RISING,)),
    case("usual pain up exactly a point",
         [usual(-10, 2, 2), *(session(d, before=3, morning=3) for d in (-5, -3, -1))],
         Action.HOLD, 2, (Why.PAIN_RISING,)),
    case("pain rising under a point: progress",
         [usual(-10, 2, 3), *(session(d, before=3, morning=3) for d in (-5, -3, -1))],
         Action.PROGRESS, 3, STREAK),
    case("pain rising, one rating the week before: progress",
         [usual(-10, 1), *(session(d, before=3, morning=3) for d in (-5, -3, -1))],
         Action.PROGRESS, 3, STREAK),
    case("pain rising does not hide a red session",
         [usual(-10, 1, 2), *(session(d, before=3, morning=3) for d in (-5, -3)),
          session(-1, after=7, before=3, morning=3)], Action.EASE, 1, (Why.AFTER_RED,)),
    # a routine with one level
    case("one level: first session", [], Action.HOLD, 1, (Why.FIRST_SESSION,), level=1,
         levels=ONE),
    case("one level: three green", greens(-5, -3, -1), Action.HOLD, 1,
         (*STREAK, Why.AT_TOP, Why.SINGLE_LEVEL), level=1, levels=ONE),
    case("one level: red yesterday", [session(-1, after=7)], Action.REST, 1,
         (Why.AFTER_RED, Why.AT_BOTTOM, Why.SINGLE_LEVEL), level=1, levels=ONE),
    case("one level: red 3 days ago", [session(-3, after=7)], Action.HOLD, 1,
         (Why.AFTER_RED, Why.AT_BOTTOM, Why.SINGLE_LEVEL), level=1, levels=ONE),
    case("one level: sharp-pain stop today",
         [session(0, outcome="sharp_pain", after=None, morning=None)],
         Action.REST, 1, (Why.SHARP_PAIN_STOP, Why.AT_BOTTOM, Why.SINGLE_LEVEL), level=1,
         levels=ONE),
    case("one level: weeks away", [session(-30)], Action.HOLD, 1,
         (Why.LONG_GAP, Why.AT_BOTTOM, Why.SINGLE_LEVEL), level=1, levels=ONE),
    case("one level: amber", [session(-1, after=3)], Action.HOLD, 1, (Why.AFTER_AMBER,),
         level=1, levels=ONE),
])
def test_recommend(parts, levels, expected):
    got = recommend(history(*parts), KNEE, levels, TODAY)
    assert got._replace(after=None) == expected
    # The pain right after is given where a reason speaks of it, for the words.
    speaks = {Why.AFTER_RED, Why.AFTER_AMBER} & set(expected.reasons)
    assert (got.after is not None) == bool(speaks)


def test_a_reason_about_the_pain_right_after_gives_its_number():
    """The safety page said "your pain was 3 to 5 (amber)" where the rating was 5."""
    from coach.ui.levels import reasons_text

    amber = recommend(history(session(-1, after=5)), KNEE, THREE, TODAY)
    red = recommend(history(session(-1, after=8)), KNEE, THREE, TODAY)
    assert (amber.after, red.after) == (5, 8)
    assert reasons_text(amber) == ("Right after your last session your pain was 5 of 10, "
                                   "which is acceptable: stay at this level and see how "
                                   "the next morning feels.")
    assert reasons_text(red).startswith("Right after your last session your pain was 8 of "
                                        "10, which is too much for now.")


def test_never_progress_after_anything_but_green():
    """Whatever came before, only a green last session can move the user up."""
    streak = greens(-9, -7, -5, -3)
    for last in (session(-1, after=3), session(-1, after=7), session(-1, morning=3),
                 session(-1, after=None), session(-1, outcome="stopped", steps=3),
                 session(-1, outcome="sharp_pain", steps=3),
                 session(-1, outcome="stopped", steps=3, unwell=True)):
        got = recommend(history(*streak, last), KNEE, THREE, TODAY)
        assert got.action in (Action.HOLD, Action.EASE), last
    assert recommend(history(*streak, session(-1)), KNEE, THREE, TODAY).action \
        is Action.PROGRESS


def test_recommend_from_the_journal(journal):
    """Levels and choices read back from SQLite drive the same rules."""
    for day in (-5, -3, -1):
        played = journal.start_session(KNEE, at=at(day), level=1)
        journal.add_rating(2, "before", at=at(day, 8), session_uid=played.uid)
        journal.end_session(played.uid, "completed", 5, at=at(day, 10))
        journal.add_rating(1, "after", at=at(day, 10), session_uid=played.uid)
        journal.add_rating(2, "next_morning", at=at(day + 1, 7), session_uid=played.uid)
    got = recommend(History.load(journal, TODAY), KNEE, THREE, TODAY)
    assert got == Recommendation(KNEE, 1, 2, Action.PROGRESS, (Why.GREEN_STREAK,))
    journal.add_level_choice(KNEE, 2, "declined", at=at(0, 8))
    got = recommend(History.load(journal, TODAY), KNEE, THREE, TODAY)
    assert got == Recommendation(KNEE, 1, 1, Action.HOLD, (Why.DECLINED,))
    journal.add_level_choice(KNEE, 3, "chosen", at=at(0, 9))
    assert current_level(History.load(journal, TODAY), KNEE, THREE) == 3


@pytest.mark.parametrize("value, usual, asks", [
    (5, None, False),  # amber: go on
    (6, None, True),  # red, nothing known of the usual pain: ask
    (7, 4.0, True),  # red and a flare-up's margin above the usual
    (7, 5.5, False),  # red, but about the usual for this knee
    (10, 8.0, True),
    (2, 0.0, False),  # far above the usual, but green
])
def test_high_pain_before_a_session(value, usual, asks):
    assert high_before_start(value, usual) is asks


def test_pain_in_the_red_after_a_session_ended_in_its_first_step_is_not_ignored():
    """Three green sessions, then one ended 40 s into its first step (or stepped through
    with Next: no step counts as done) and pain 8 right after. The result page said
    "too much: make it easier"; the coach ignored the session and offered the next
    level, and asked no next-morning question."""
    from coach.advice import morning_session

    red = session(0, after=8, morning=None, outcome="stopped", steps=0, level=2)
    got = recommend(history(*greens(-6, -4, -2, level=2), red), KNEE, THREE, TODAY)
    assert got.action is Action.EASE and got.recommended_level == 1
    assert Why.AFTER_RED in got.reasons
    asked = morning_session(history(red), TODAY + timedelta(days=1),
                            at(1, 9))
    assert asked is not None and asked.uid == red.sessions[0].uid


def test_a_session_left_before_the_player_ran_still_does_not_count():
    """"Rest today" with pain in the red before the start: no after rating, no step."""
    left = session(0, after=None, morning=None, before=8, outcome="stopped", steps=0)
    got = recommend(history(*greens(-6, -4, -2, level=2), left), KNEE, THREE, TODAY)
    assert Why.AFTER_RED not in got.reasons and Why.STOPPED_EARLY not in got.reasons


def test_a_sharp_pain_in_the_chair_stand_test_holds_back_the_next_level():
    """The test's stop is no session's: three green sessions still earned an offer of
    more on the day the test was stopped for a sharp pain."""
    from coach.advice import chair_stand_due
    from coach.journal import TestResult

    stop = Part(events=(SafetyEvent("t", at(0, 12), "sharp_pain", None, None),))
    got = recommend(history(*greens(-6, -4, -2, level=2), stop), KNEE, THREE, TODAY)
    assert got.action is Action.HOLD and got.reasons == (Why.SHARP_PAIN_TEST,)
    # Sessions after it start the count again as usual.
    again = recommend(history(*greens(-6, -4, -2, level=2), stop,
                              *greens(1, 3, 5, level=2)), KNEE, THREE, TODAY + timedelta(7))
    assert again.action is Action.PROGRESS
    # Nor does Today suggest the test again, which it said not to repeat.
    done = [TestResult("r", at(-40), "chair_stand", 11)]
    events = history(stop).test_sharp_pains()
    assert not chair_stand_due(done, TODAY + timedelta(days=30), events)
    assert chair_stand_due(done, TODAY + timedelta(days=30))
    later = [*done, TestResult("r2", at(2), "chair_stand", 12)]
    assert chair_stand_due(later, TODAY + timedelta(days=40), events)


def test_a_morning_after_two_sessions_is_judged_against_the_day_before_the_first():
    """Usual pain 2; the first session ended at 7, the second started at 4; the next
    morning was 4: "back to its usual level... carry on", because the second
    session's "before" (raised by the first) was taken for the usual level."""
    from coach.advice import Morning, morning_of

    first = session(-1, after=7, morning=None, before=2)
    uid = "second"
    second = Part((Session(uid, KNEE, at(-1, 11), at(-1, 12), 5, "completed"),),
                  (Rating("sb", at(-1, 11), 4, "before", session_uid=uid),
                   Rating("sa", at(-1, 12), 2, "after", session_uid=uid),
                   Rating("sm", at(0, 7), 4, "next_morning", session_uid=uid)))
    got = history(first, second)
    assert morning_of(got, got.sessions[-1]) is Morning.NOT_SETTLED
    assert recommend(got, KNEE, THREE, TODAY).action is Action.EASE


def test_three_green_sessions_in_one_morning_are_not_a_streak():
    """The streak counts days: three sessions one morning have one next morning between
    them, and earned the next level the day after."""
    def green(day: int, hour: int) -> Part:
        uid = f"g{day}.{hour}"
        return Part((Session(uid, KNEE, at(day, hour), at(day, hour), 5, "completed", 2),),
                    (Rating(f"{uid}b", at(day, hour), 1, "before", session_uid=uid),
                     Rating(f"{uid}a", at(day, hour), 1, "after", session_uid=uid),
                     Rating(f"{uid}m", at(day + 1, 7), 1, "next_morning", session_uid=uid)))
    got = recommend(history(green(-1, 8), green(-1, 9), green(-1, 10)), KNEE, THREE, TODAY)
    assert got.action is Action.HOLD and got.reasons == (Why.GREEN_SO_FAR,)
    # Twice a day on three days is a streak.
    twice = [green(day, hour) for day in (-5, -3, -1) for hour in (8, 18)]
    assert recommend(history(*twice), KNEE, THREE, TODAY).action is Action.PROGRESS
