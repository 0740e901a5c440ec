"""The weekly plan: parsing, defaults from each routine's frequency, and the file
(atomic writes, a full disk, damaged and hostile files)."""

from __future__ import annotations

import errno
import json
import os
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach import paths
from coach.library import load_library
from coach.plan import (
    EVERY_DAY,
    EVERY_OTHER_DAY,
    KEEP_RETIRED_DAYS,
    MAX_FILE_BYTES,
    Cadence,
    Day,
    Entry,
    Plan,
    PlanError,
    PlanInputError,
    cadence,
    default_entry,
    load_plan,
    parse_days,
    parse_time,
    plan_from_json,
    save_plan,
    set_aside,
)

MWF = frozenset({Day.MON, Day.WED, Day.FRI})


@pytest.fixture(scope="module")
def library():
    return load_library([paths.bundled_routines_dir()])


# -- input --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "days"), [
    ("mon,wed,fri", MWF),
    (" Mon , WED,fri ", MWF),
    ("daily", EVERY_DAY),
    ("weekdays", EVERY_DAY - {Day.SAT, Day.SUN}),
    ("sun", frozenset({Day.SUN})),
    ("mon,mon", frozenset({Day.MON})),
])
def test_days_parse(text, days):
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["", "monday", "mon,,wed", "funday", "mon;wed", "1"])
def test_bad_days_say_which_names_are_allowed(text):
    with pytest.raises(PlanInputError, match="mon, tue, wed|no days"):
        parse_days(text)


@pytest.mark.parametrize(("text", "value"), [("07:30", time(7, 30)), ("00:00", time(0)),
                                              ("23:59", time(23, 59))])
def test_times_parse(text, value):
    assert parse_time(text) == value


@pytest.mark.parametrize("text", ["7:30", "24:00", "07:60", "07:30:00", "0730", "", "x" * 500,
                                  "０７:３０"])
def test_bad_times_are_refused_with_the_format(text):
    with pytest.raises(PlanInputError, match="HH:MM") as err:
        parse_time(text)
    assert len(str(err.value)) < 120  # a hostile value is not echoed in full


# -- defaults from the routine's frequency -----------------------------------------------------
def test_bundled_routines_cadence(library):
    kinds = {r.id: cadence(r) for r in library.routines}
    assert kinds == {"ten-minute-inner-thigh": Cadence.EVERY_OTHER_DAY,
                     "ankle-calf": Cadence.DAILY, "back-of-knee": Cadence.DAILY,
                     "toes-small-steps": Cadence.DAILY, "inner-knee-release": Cadence.DAILY,
                     "desk-break": Cadence.HOURLY}


def test_ten_minute_routine_every_other_day_then_daily(library):
    routine = library.get("ten-minute-inner-thigh")
    assert default_entry(routine).days == EVERY_OTHER_DAY
    assert default_entry(routine, used_to_it=True).days == EVERY_DAY
    assert default_entry(routine).every is None


def test_desk_break_hourly_during_active_hours(library):
    plan = Plan(active_hours=(time(8, 30), time(16, 0)))
    entry = default_entry(library.get("desk-break"), plan)
    assert entry.every == 60 and entry.at == time(8, 30)
    assert entry.days == EVERY_DAY - {Day.SAT, Day.SUN}


def test_with_entry_replaces_in_place_and_without_removes():
    plan = Plan().with_entry(Entry("a", MWF, time(7))).with_entry(Entry("b", MWF, time(8)))
    plan = plan.with_entry(Entry("a", EVERY_DAY, time(9)))
    assert [(e.routine_id, e.at) for e in plan.entries] == [("a", time(9)), ("b", time(8))]
    assert [e.routine_id for e in plan.without("a").entries] == ["b"]


@pytest.mark.parametrize(("quiet", "moment", "inside"), [
    ((time(21, 30), time(7)), time(23), True),
    ((time(21, 30), time(7)), time(6, 59), True),
    ((time(21, 30), time(7)), time(7), False),
    ((time(12), time(14)), time(13), True),
    ((time(12), time(14)), time(14), False),
    (None, time(3), False),
])
def test_quiet_hours_may_span_midnight(quiet, moment, inside):
    assert Plan(quiet_hours=quiet).in_quiet_hours(moment) is inside


# -- the file -------------------------------------------------------------------------------
def full_plan() -> Plan:
    return Plan(entries=(Entry("ten-minute-inner-thigh", MWF, time(7, 30),
                               since=date(2026, 11, 2)),
                         Entry("desk-break", EVERY_DAY, time(9), 60)),
                active_hours=(time(9), time(17)), quiet_hours=None,
                retired=(Entry("back-of-knee-stretch", frozenset({Day.TUE}), time(18),
                               since=date(2026, 10, 1), until=date(2026, 11, 20)),))


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "plan.json"
    save_plan(path, full_plan())
    loaded = load_plan(path)
    assert loaded.plan == full_plan() and loaded.exists and loaded.problem is None
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["entries"][0] == {"routine_id": "ten-minute-inner-thigh",
                                  "days": ["mon", "wed", "fri"], "at": "07:30",
                                  "since": "2026-11-02"}
    assert data["retired"] == [{"routine_id": "back-of-knee-stretch", "days": ["tue"],
                                "at": "18:00", "since": "2026-10-01", "until": "2026-11-20"}]


def test_missing_file_is_no_plan_without_a_problem(tmp_path):
    loaded = load_plan(tmp_path / "none.json")
    assert loaded.plan == Plan() and not loaded.exists and loaded.problem is None


def test_save_replaces_atomically_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "plan.json"
    save_plan(path, full_plan())
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(PlanError, match="could not be saved"):
        save_plan(path, Plan())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_full_disk_is_a_clear_error(tmp_path, monkeypatch):
    real_open = open

    def full_open(file, mode="r", *args, **kwargs):
        if "w" in mode:
            raise OSError(errno.ENOSPC, "No space left on device", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_open)
    with pytest.raises(PlanError) as err:
        save_plan(tmp_path / "plan.json", full_plan())
    assert "disk is full" in str(err.value) and "Free some space" in str(err.value)


HOSTILE = {
    "not json": b"{plan: yes",
    "not utf-8": b'{"entries": []}\xff\xfe',
    "a list": b"[]",
    "a number": b"42",
    "null": b"null",
    "entries not a list": b'{"entries": {"a": 1}}',
    "entry not an object": b'{"entries": [1]}',
    "bad routine id": b'{"entries": [{"routine_id": "../../etc", "days": ["mon"], "at": "07:00"}]}',
    "control chars in id": b'{"entries": [{"routine_id": "a\\u001b[2J", "days": ["mon"], '
                           b'"at": "07:00"}]}',
    "bad day": b'{"entries": [{"routine_id": "a", "days": ["someday"], "at": "07:00"}]}',
    "days a string": b'{"entries": [{"routine_id": "a", "days": "mon", "at": "07:00"}]}',
    "no days": b'{"entries": [{"routine_id": "a", "days": [], "at": "07:00"}]}',
    "bad time": b'{"entries": [{"routine_id": "a", "days": ["mon"], "at": "25:00"}]}',
    "time a number": b'{"entries": [{"routine_id": "a", "days": ["mon"], "at": 730}]}',
    "every too small": b'{"entries": [{"routine_id": "a", "days": ["mon"], "at": "07:00", '
                       b'"every": 1}]}',
    "every a bool": b'{"entries": [{"routine_id": "a", "days": ["mon"], "at": "07:00", '
                    b'"every": true}]}',
    "bad since": b'{"entries": [{"routine_id": "a", "days": ["mon"], "at": "07:00", '
                 b'"since": "yesterday!"}]}',
    "until on a planned entry": b'{"entries": [{"routine_id": "a", "days": ["mon"], '
                                b'"at": "07:00", "until": "2026-11-02"}]}',
    "retired without until": b'{"retired": [{"routine_id": "a", "days": ["mon"], '
                             b'"at": "07:00", "since": "2026-11-02"}]}',
    "retired ends before it began": b'{"retired": [{"routine_id": "a", "days": ["mon"], '
                                    b'"at": "07:00", "since": "2026-11-02", '
                                    b'"until": "2026-11-01"}]}',
    "retired not a list": b'{"retired": {"routine_id": "a"}}',
    "bad until": b'{"retired": [{"routine_id": "a", "days": ["mon"], "at": "07:00", '
                 b'"until": 20261101}]}',
    "too many retired": json.dumps({"retired": [
        {"routine_id": "a", "days": ["mon"], "at": "07:00", "until": "2026-11-01"}
        for n in range(65)]}).encode(),
    "twice": b'{"entries": [{"routine_id": "a", "days": ["mon"], "at": "07:00"}, '
             b'{"routine_id": "a", "days": ["tue"], "at": "08:00"}]}',
    "too many": json.dumps({"entries": [{"routine_id": f"r{n}", "days": ["mon"],
                                         "at": "07:00"} for n in range(65)]}).encode(),
    "newer version": b'{"version": 99, "entries": []}',
    "version a string": b'{"version": "1", "entries": []}',
    "active hours reversed": b'{"active_hours": ["17:00", "09:00"]}',
    "quiet hours one time": b'{"quiet_hours": ["22:00"]}',
    "deep nesting": b'{"entries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "huge": b'{"entries": [], "pad": "' + b"x" * MAX_FILE_BYTES + b'"}',
    "empty": b"",
    "a number of 5,000 digits": b'{"version": ' + b"9" * 5000 + b', "entries": []}',
}


@pytest.mark.parametrize("name", HOSTILE)
def test_damaged_or_hostile_file_is_reported_and_read_as_no_plan(tmp_path, name):
    path = tmp_path / "plan.json"
    path.write_bytes(HOSTILE[name])
    loaded = load_plan(path)
    assert loaded.plan == Plan() and loaded.exists
    assert loaded.problem is not None
    message = str(loaded.problem)
    assert message.startswith(f"the plan {path} could not be read (") and "ignored" in message
    assert len(message) < 300 + len(str(path))
    assert "sys." not in message  # Python's advice to programmers ("sys.set_int_...")


def test_a_folder_in_place_of_the_file_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "plan.json").mkdir()
    assert load_plan(tmp_path / "plan.json").problem is not None


def test_set_aside_keeps_the_damaged_file(tmp_path):
    path = tmp_path / "plan.json"
    path.write_bytes(b"garbage")
    backup = set_aside(path)
    assert backup == tmp_path / "plan.json.damaged" and backup.read_bytes() == b"garbage"
    assert not path.exists()
    assert set_aside(tmp_path / "missing.json") is None
    # A second damaged plan is kept beside the first, never over it (it was replaced).
    path.write_bytes(b"more garbage")
    assert set_aside(path) == tmp_path / "plan.json.damaged-2"
    assert backup.read_bytes() == b"garbage"


def test_a_plan_that_could_not_be_read_at_all_is_not_damaged(tmp_path):
    """No permission or a disk error says nothing of the file: it may be sound, and
    was set aside (and replaced) as if damaged."""
    (tmp_path / "plan.json").mkdir()
    problem = load_plan(tmp_path / "plan.json").problem
    assert problem is not None and not problem.damaged
    with pytest.raises(PlanError, match="nothing was changed: it may be sound"):
        problem.check_replaceable()
    (tmp_path / "other.json").write_bytes(b"{not json")
    load_plan(tmp_path / "other.json").problem.check_replaceable()  # damaged: may go


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["entries", "routine_id", "days", "at", "every", "since", "until",
                         "retired", "version",
                         "active_hours", "quiet_hours", "x"]), inner, max_size=5),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_is_a_plan_or_a_value_error(data):
    try:
        plan = plan_from_json(data)
    except ValueError:
        return
    assert plan_from_json(plan.to_json()) == plan


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_never_crash_the_loader(tmp_path_factory, raw):
    path = Path(tmp_path_factory.mktemp("hostile")) / "plan.json"
    path.write_bytes(raw)
    loaded = load_plan(path)
    assert loaded.problem is not None or loaded.plan is not None


# -- changing the plan keeps the past ---------------------------------------------------------
TODAY = date(2026, 12, 2)
FLAG = "ten-minute-inner-thigh"


def planned_since(since: date | None) -> Plan:
    return Plan(entries=(Entry(FLAG, MWF, time(7, 30), since=since),))


def test_new_days_retire_the_old_entry_so_past_weeks_keep_what_was_planned():
    plan = planned_since(date(2026, 10, 5)).replan(FLAG, Entry(FLAG, EVERY_DAY, time(8)), TODAY)
    assert plan.entries == (Entry(FLAG, EVERY_DAY, time(8), since=TODAY),)
    assert plan.retired == (Entry(FLAG, MWF, time(7, 30), since=date(2026, 10, 5),
                                  until=TODAY - timedelta(days=1)),)
    assert plan_from_json(plan.to_json()) == plan


def test_a_new_time_alone_keeps_the_entry_and_its_start():
    plan = planned_since(date(2026, 10, 5)).replan(FLAG, Entry(FLAG, MWF, time(18)), TODAY)
    assert plan.entries == (Entry(FLAG, MWF, time(18), since=date(2026, 10, 5)),)
    assert plan.retired == ()


def test_leaving_the_plan_retires_the_entry():
    plan = planned_since(None).replan(FLAG, None, TODAY)
    assert plan.entries == ()
    assert plan.retired == (Entry(FLAG, MWF, time(7, 30), until=TODAY - timedelta(days=1)),)


def test_an_entry_planned_today_and_changed_today_leaves_nothing_behind():
    plan = planned_since(TODAY).replan(FLAG, Entry(FLAG, EVERY_DAY, time(8)), TODAY)
    assert plan.retired == ()
    assert planned_since(TODAY).replan(FLAG, None, TODAY) == Plan()


def test_a_new_entry_counts_from_today_and_others_keep_their_place():
    desk = Entry("desk-break", EVERY_DAY, time(9), 60, since=date(2026, 11, 1))
    plan = Plan(entries=(Entry(FLAG, MWF, time(7, 30), since=date(2026, 11, 1)), desk))
    changed = plan.replan(FLAG, Entry(FLAG, EVERY_DAY, time(7, 30)), TODAY)
    assert [e.routine_id for e in changed.entries] == [FLAG, "desk-break"]
    added = Plan().replan("back-of-knee-stretch",
                          Entry("back-of-knee-stretch", MWF, time(9)), TODAY)
    assert added.entries[0].since == TODAY and added.retired == ()


def test_retired_entries_are_kept_a_few_weeks_only():
    plan = planned_since(date(2026, 9, 1)).replan(FLAG, Entry(FLAG, EVERY_DAY, time(8)), TODAY)
    later = TODAY + timedelta(days=KEEP_RETIRED_DAYS - 1)  # the last day it is kept
    plan = plan.replan(FLAG, Entry(FLAG, MWF, time(8)), later)
    assert [r.until for r in plan.retired] == [TODAY - timedelta(days=1), later - timedelta(1)]
    plan = plan.replan(FLAG, Entry(FLAG, EVERY_DAY, time(8)), later + timedelta(days=2))
    assert [r.until for r in plan.retired] == [later - timedelta(1),
                                               later + timedelta(days=1)]
