"""Hostile CSV as a test suite: any note survives export and import exactly, and a
mutated export never gets anything but a clean list of problems (and then nothing
imported). Small by default; ``HYPOTHESIS_PROFILE=fuzz`` runs it long."""

import io
import os
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.csvio import FORMULA_STARTS, TEXT_MARK, export_csv, import_csv
from coach.journal import (
    CONTEXTS,
    MAX_ACTIVITY,
    MAX_STANDS,
    SIDES,
    check_test_result,
    open_journal,
)

settings.register_profile(
    "csv-small", max_examples=40, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile(
    "fuzz", max_examples=3000, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PROFILE = settings.get_profile(
    "fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "csv-small")

#: A clock after every time written here, so that none is "in the future".
LATER = datetime(2031, 1, 1, tzinfo=UTC)
#: Characters that mean something to CSV, to spreadsheets or to the importer.
HOSTILE = ['"', ",", "\n", "\r", "\r\n", TEXT_MARK, *FORMULA_STARTS, "\x00", " ", "\ufeff",
           "T", ":", "9", "+09:00", "0001-", "rating", "session", "\u2028", "\x85"]

#: Notes: any Unicode text the journal can store (no lone surrogates: they are not
#: text, and neither SQLite nor a UTF-8 file can hold them), led more often than
#: chance by what a spreadsheet or the csv module reacts to.
notes = st.one_of(
    st.text(max_size=60),
    st.builds(lambda lead, rest: lead + rest, st.sampled_from(HOSTILE + ["'", "''", "'="]),
              st.text(max_size=30)),
    st.lists(st.sampled_from(HOSTILE), max_size=12).map("".join),
)
routine_ids = st.one_of(st.just("ten-minute-inner-thigh"),
                        st.builds(lambda lead, rest: lead + rest,
                                  st.sampled_from([*FORMULA_STARTS[:4], TEXT_MARK]),
                                  st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True)))
moments = st.builds(
    lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(datetime(1971, 1, 1), datetime(2030, 1, 1)).map(
        lambda m: m.replace(microsecond=0)),
    st.integers(-12 * 60, 14 * 60))
#: PSFS activities: hostile text as the journal takes it (no NUL, not blank, at most
#: MAX_ACTIVITY characters once stripped).
activities = notes.map(lambda text: text.replace("\x00", "")[:MAX_ACTIVITY]).filter(
    lambda text: bool(text.strip()))
#: Self-test results: (test, score, activity, note, time).
self_tests = st.lists(st.one_of(
    st.tuples(st.just("chair_stand"), st.integers(0, MAX_STANDS), st.none(), notes, moments),
    st.tuples(st.just("psfs"), st.integers(0, 10), activities, notes, moments)), max_size=5)


def export_text(journal):
    out = io.StringIO()
    export_csv(journal, out)
    return out.getvalue()


@PROFILE
@given(records=st.lists(st.tuples(st.integers(0, 10), st.sampled_from(CONTEXTS),
                                  st.sampled_from((None, *SIDES)), notes, moments,
                                  routine_ids, st.booleans()), min_size=1, max_size=8),
       tests=self_tests)
def test_any_note_survives_export_and_import_exactly(tmp_path_factory, records, tests):
    folder = tmp_path_factory.mktemp("rt")
    source = open_journal(folder / "a.sqlite3")
    for value, context, side, note, at, routine_id, with_event in records:
        session = source.start_session(routine_id, at=at)
        source.end_session(session.uid, "completed", 3, at=at + timedelta(minutes=10))
        source.add_rating(value, context, side=side, note=note, at=at,
                          session_uid=session.uid)
        if with_event:
            source.add_safety_event("unwell", session_uid=session.uid, note=note, at=at)
    for test, score, item, note, at in tests:
        source.add_test_result(test, score, item=item, note=note, at=at)
    text = export_text(source)
    target = open_journal(folder / "b.sqlite3")
    result = import_csv(target, io.StringIO(text, newline=""), clock=lambda: LATER)
    assert result.problems == []
    assert target.ratings() == source.ratings()
    assert target.sessions() == source.sessions()
    assert target.safety_events() == source.safety_events()
    assert target.test_results() == source.test_results()
    assert export_text(target) == text
    source.close()
    target.close()


def sample_export(folder):
    journal = open_journal(folder / "sample.sqlite3")
    at = datetime(2026, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    session = journal.start_session("ten-minute-inner-thigh", at=at)
    journal.add_rating(5, "before", at=at, session_uid=session.uid, note='=1+1, "quoted"')
    journal.add_rating(3, "after", at=at + timedelta(minutes=11), session_uid=session.uid,
                       side="right", note="two\nlines")
    journal.add_safety_event("sharp_pain", session_uid=session.uid, step=2, side="left",
                             at=at + timedelta(minutes=5), note="'apostrophe")
    journal.end_session(session.uid, "completed", 5, at=at + timedelta(minutes=11))
    journal.add_rating(2, "check_in", at=at + timedelta(days=1), note="膝の調子はよい")
    journal.add_test_result("chair_stand", 12, note="=hands, \"once\"", at=at)
    journal.add_psfs([('=1+1, "stairs"', 4), ("two\nlines", 7), ("階段", 10)],
                     at=at + timedelta(days=2), note="'apostrophe")
    text = export_text(journal)
    journal.close()
    return text


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return sample_export(tmp_path_factory.mktemp("sample"))


def mutate(text, edits):
    for op, where, piece in edits:
        at = where % (len(text) + 1)
        if op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + len(piece) + 1:]
        elif op == "replace":
            text = text[:at] + piece + text[at + len(piece):]
        elif op == "truncate":
            text = text[:at]
        elif op == "duplicate line":
            lines = text.splitlines(keepends=True)
            if lines:
                line = lines[where % len(lines)]
                lines.insert(where % len(lines), line)
            text = "".join(lines)
        else:  # "long field"
            text = text[:at] + "x" * (where % 300_000) + text[at:]
    return text


edits = st.lists(st.tuples(
    st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate line",
                     "long field"]),
    st.integers(0, 10**6),
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4))), min_size=1, max_size=6)


def check_clean(journal, result, before, before_tests=0):
    """The import either added everything, or nothing and said why; what it added
    the window can show."""
    assert all(isinstance(p, str) and p for p in result.problems)
    if result.problems:
        assert sum(result.added.values()) == 0
        assert len(journal.ratings()) == before
        assert len(journal.test_results()) == before_tests
    for test_result in journal.test_results():
        assert check_test_result(test_result) == test_result
    for rating in journal.ratings():
        assert datetime(1970, 1, 1, tzinfo=UTC) <= rating.at <= LATER + timedelta(days=1)
    for _uid, stamp, _day, value, _context in journal.rating_points():
        assert isinstance(stamp, float) and 0 <= value <= 10


@PROFILE
@given(edits=edits)
def test_a_mutated_export_gives_a_clean_problem_list(tmp_path_factory, sample, edits):
    folder = tmp_path_factory.mktemp("mut")
    journal = open_journal(folder / "j.sqlite3")
    result = import_csv(journal, io.StringIO(mutate(sample, edits), newline=""),
                        clock=lambda: LATER)
    check_clean(journal, result, 0)
    journal.close()


@PROFILE
@given(edits=st.lists(st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=4)),
                      min_size=1, max_size=4),
       bom=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
def test_mutated_bytes_give_a_clean_problem_list(tmp_path_factory, sample, edits, bom):
    """As ``coach import`` reads a file: bytes decoded as UTF-8 (a BOM allowed)."""
    data = bom + sample.encode("utf-8")
    for where, piece in edits:
        at = where % (len(data) + 1)
        data = data[:at] + piece + data[at + len(piece):]
    folder = tmp_path_factory.mktemp("bytes")
    journal = open_journal(folder / "j.sqlite3")
    handle = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    result = import_csv(journal, handle, clock=lambda: LATER)
    check_clean(journal, result, 0)
    journal.close()


@PROFILE
@given(edits=edits)
def test_a_mutated_export_into_a_journal_that_has_it_adds_nothing_wrong(tmp_path_factory,
                                                                      sample, edits):
    folder = tmp_path_factory.mktemp("again")
    journal = open_journal(folder / "j.sqlite3")
    assert import_csv(journal, io.StringIO(sample, newline=""), clock=lambda: LATER
                      ).problems == []
    before, before_tests = len(journal.ratings()), len(journal.test_results())
    result = import_csv(journal, io.StringIO(mutate(sample, edits), newline=""),
                        clock=lambda: LATER)
    check_clean(journal, result, before, before_tests)
    journal.close()
