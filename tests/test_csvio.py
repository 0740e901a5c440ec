import csv
import errno
import io
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach import csvio
from coach.csvio import export_csv, import_csv, save_csv
from coach.journal import CONTEXTS, SIDES, open_journal

JST = timezone(timedelta(hours=9))
#: A clock after every time the tests write, so that none is "in the future".
LATER = datetime(2031, 1, 1, tzinfo=UTC)


def filled(path):
    journal = open_journal(path)
    session = journal.start_session("ten-minute-inner-thigh",
                                    at=datetime(2026, 3, 1, 9, 0, tzinfo=JST))
    journal.add_rating(5, "before", at=datetime(2026, 3, 1, 9, 0, tzinfo=JST),
                       session_uid=session.uid)
    journal.add_rating(3, "after", at=datetime(2026, 3, 1, 9, 11, tzinfo=JST),
                       session_uid=session.uid, side="right", note='stairs, "better"\nok')
    journal.add_safety_event("sharp_pain", session_uid=session.uid, step=2, side="left",
                             at=datetime(2026, 3, 1, 9, 5, tzinfo=JST))
    journal.end_session(session.uid, "completed", 5,
                        at=datetime(2026, 3, 1, 9, 11, tzinfo=JST))
    journal.add_rating(2, "check_in", at=datetime(2026, 3, 2, 20, 0, tzinfo=UTC),
                       note="膝の調子はよい")
    return journal


def export_text(journal):
    out = io.StringIO()
    export_csv(journal, out)
    return out.getvalue()


def test_export_has_a_header_a_kind_column_and_offsets(tmp_path):
    text = export_text(filled(tmp_path / "a.sqlite3"))
    lines = text.splitlines()
    assert lines[0].startswith("kind,uid,time,end_time,routine_id,value,context")
    assert "2026-03-01T09:00:00+09:00" in text and "2026-03-02T20:00:00+00:00" in text
    kinds = [line.split(",")[0] for line in lines[1:] if line[:1].isalpha()]
    assert kinds.count("session") == 1 and kinds.count("safety_event") == 1


def test_saving_to_a_file_replaces_it_whole(tmp_path):
    journal = filled(tmp_path / "a.sqlite3")
    out = tmp_path / "out" / "journal.csv"
    out.parent.mkdir()
    out.write_text("an older export\n", encoding="utf-8")
    assert save_csv(journal, out) == 5
    assert out.read_text(encoding="utf-8") == export_text(journal)
    assert [p.name for p in out.parent.iterdir()] == ["journal.csv"]


def test_a_failed_save_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    journal = filled(tmp_path / "a.sqlite3")
    out = tmp_path / "out" / "journal.csv"
    out.parent.mkdir()
    out.write_text("an older export\n", encoding="utf-8")

    def disk_full(journal, handle):
        handle.write("kind,uid\n" * 1000)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(csvio, "export_csv", disk_full)
    with pytest.raises(OSError, match="No space left") as raised:
        save_csv(journal, out)
    assert raised.value.filename == str(out)
    assert out.read_text(encoding="utf-8") == "an older export\n"
    assert [p.name for p in out.parent.iterdir()] == ["journal.csv"]


def test_a_missing_folder_is_named_as_the_user_wrote_it(tmp_path):
    out = tmp_path / "no such folder" / "journal.csv"
    with pytest.raises(FileNotFoundError) as raised:
        save_csv(filled(tmp_path / "a.sqlite3"), out)
    assert raised.value.filename == str(out)


def test_round_trip_into_a_fresh_journal_then_twice_adds_nothing(tmp_path):
    source = filled(tmp_path / "a.sqlite3")
    text = export_text(source)
    target = open_journal(tmp_path / "b.sqlite3")
    first = import_csv(target, io.StringIO(text))
    assert first.problems == []
    assert first.added == {"session": 1, "rating": 3, "safety_event": 1, "test_result": 0,
                           "level_choice": 0}
    assert export_text(target) == text
    second = import_csv(target, io.StringIO(text))
    assert second.added == {"session": 0, "rating": 0, "safety_event": 0,
                            "test_result": 0, "level_choice": 0}
    assert second.skipped == 5
    assert export_text(target) == text


def test_one_bad_row_imports_nothing_and_names_every_bad_line(tmp_path):
    text = export_text(filled(tmp_path / "a.sqlite3"))
    lines = text.splitlines(keepends=True)
    rating_line = next(i for i, line in enumerate(lines) if line.startswith("rating,"))
    lines[rating_line] = lines[rating_line].replace(",5,before,", ",12,before,")
    lines.append("rating,zz,yesterday,,,4,check_in,,,,,,,,,,,\n")
    target = open_journal(tmp_path / "b.sqlite3")
    result = import_csv(target, io.StringIO("".join(lines)))
    assert result.problems == [
        f"line {rating_line + 1}: 'value' must be from 0 to 10, not 12",
        f"line {len(lines)}: 'time' is not an ISO 8601 time: 'yesterday'",
    ]
    assert target.ratings() == [] and target.sessions() == []


def test_not_an_export_is_refused(tmp_path):
    result = import_csv(open_journal(tmp_path / "b.sqlite3"), io.StringIO("a,b\n1,2\n"))
    assert "not a Knee Coach export" in result.problems[0]


def with_levels(path):
    """Sessions of one routine at levels 2, 2 and 3, and one from before levels."""
    journal = open_journal(path)
    start = datetime(2026, 3, 1, 9, 0, tzinfo=JST)
    journal.start_session("desk-break", at=start - timedelta(days=1))
    for day, level in enumerate([2, 2, 3]):
        journal.start_session("ten-minute-inner-thigh", at=start + timedelta(days=day),
                              level=level)
    return journal


def test_session_levels_round_trip(tmp_path):
    source = with_levels(tmp_path / "a.sqlite3")
    text = export_text(source)
    assert text.splitlines()[0].endswith(",session_uid,level,test,item,choice")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["level"] for row in rows] == ["", "2", "2", "3"]
    target = open_journal(tmp_path / "b.sqlite3")
    assert import_csv(target, io.StringIO(text)).problems == []
    assert [s.level for s in target.sessions()] == [None, 2, 2, 3]
    assert target.sessions() == source.sessions()
    assert export_text(target) == text


def test_a_file_from_before_levels_imports_with_no_levels(tmp_path):
    """An export made before the ``level`` column existed: the columns up to that one."""
    text = export_text(with_levels(tmp_path / "a.sqlite3"))
    rows = list(csv.DictReader(io.StringIO(text)))
    old = io.StringIO()
    writer = csv.DictWriter(old, fieldnames=csvio.COLUMNS[:csvio.COLUMNS.index("level")],
                            lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    assert "level" not in old.getvalue().splitlines()[0]
    target = open_journal(tmp_path / "b.sqlite3")
    result = import_csv(target, io.StringIO(old.getvalue()))
    assert result.problems == [] and result.added["session"] == 4
    assert [s.level for s in target.sessions()] == [None] * 4


@pytest.mark.parametrize(("level", "problem"), [
    ("0", f"'level' must be from 1 to {csvio.MAX_LEVEL}, not 0"),
    ("-2", f"'level' must be from 1 to {csvio.MAX_LEVEL}, not -2"),
    (str(10**30), f"'level' must be from 1 to {csvio.MAX_LEVEL}, not {10**30}"),
    ("2.5", "'level' must be a whole number, not '2.5'"),
    ("two", "'level' must be a whole number, not 'two'"),
])
def test_a_bad_level_is_named_by_line_and_nothing_is_imported(tmp_path, level, problem):
    text = export_text(with_levels(tmp_path / "a.sqlite3"))
    lines = text.splitlines(keepends=True)
    assert lines[3].endswith(",2,,,\n")
    lines[3] = lines[3][:-5] + level + ",,,\n"
    target = open_journal(tmp_path / "b.sqlite3")
    result = import_csv(target, io.StringIO("".join(lines)))
    assert result.problems == [f"line 4: {problem}"]
    assert target.sessions() == []


ratings = st.lists(st.tuples(
    st.integers(0, 10), st.sampled_from(CONTEXTS), st.sampled_from((None, *SIDES)),
    st.text(max_size=30), st.integers(-12 * 60, 14 * 60),
    st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1))), max_size=15)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ratings)
def test_any_journal_survives_export_and_import(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("rt")
    source = open_journal(folder / "a.sqlite3")
    for value, context, side, note, offset, moment in rows:
        at = moment.replace(microsecond=0, tzinfo=timezone(timedelta(minutes=offset)))
        source.add_rating(value, context, side=side, note=note, at=at)
    target = open_journal(folder / "b.sqlite3")
    result = import_csv(target, io.StringIO(export_text(source)), clock=lambda: LATER)
    assert result.problems == []
    assert target.ratings() == source.ratings()


# -- hostile files and spreadsheet users ---------------------------------------------
#: The hand-written lines below have the columns of an export before level choices
#: (a file such as that imports as it always did).
HEADER = ",".join(csvio.COLUMNS[:csvio.COLUMNS.index("choice")]) + "\n"


def rating_line(uid="a1", time="2026-01-01T10:00:00+09:00", note="", step=""):
    return f"rating,{uid},{time},,,3,check_in,,{note},,,,{step},,,,\n"


def import_text(tmp_path, text, name="t.sqlite3"):
    journal = open_journal(tmp_path / name)
    return journal, import_csv(journal, io.StringIO(text), clock=lambda: LATER)


FORMULAS = ['=HYPERLINK("http://example.com/x","click")', "+1+2", "-3 after stairs",
            "@SUM(A1:A2)", "\tindented", "\rreturn", "'=already quoted", "'", "''",
            "'plain apostrophe", "plain"]


def test_formula_notes_reach_a_spreadsheet_as_text_and_round_trip(tmp_path):
    # Before, "=HYPERLINK(...)" went out as a live formula.
    source = open_journal(tmp_path / "a.sqlite3")
    for n, note in enumerate(FORMULAS):
        source.add_rating(n % 11, "check_in", note=note,
                          at=datetime(2026, 1, 1, 10, n, tzinfo=JST))
    text = export_text(source)
    cells = [row["note"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    for cell in cells:
        assert not cell.startswith(csvio.FORMULA_STARTS)
    assert cells[0].startswith("'=HYPERLINK") and cells[-1] == "plain"
    target, result = import_text(tmp_path, text, "b.sqlite3")
    assert result.problems == []
    assert [r.note for r in target.ratings()] == FORMULAS
    assert export_text(target) == text


def test_a_formula_routine_id_is_neutralised_too(tmp_path):
    source = open_journal(tmp_path / "a.sqlite3")
    source.start_session("=cmd|' /C calc'!A0", at=datetime(2026, 1, 1, 10, tzinfo=JST))
    text = export_text(source)
    assert ",'=cmd|" in text
    target, result = import_text(tmp_path, text, "b.sqlite3")
    assert result.problems == [] and target.sessions() == source.sessions()


def test_a_hand_written_apostrophe_is_kept():
    assert csvio.plain_text("'hello") == "'hello"
    assert csvio.plain_text("'=1") == "=1"
    for note in FORMULAS:
        assert csvio.plain_text(csvio.spreadsheet_text(note)) == note


def test_a_note_with_a_carriage_return_round_trips(tmp_path):
    # Before, the csv module wrote it unquoted and the import cut the row in two.
    source = open_journal(tmp_path / "a.sqlite3")
    source.add_rating(2, "check_in", note="stairs\rthen more",
                      at=datetime(2026, 1, 1, 10, tzinfo=JST))
    target, result = import_text(tmp_path, export_text(source), "b.sqlite3")
    assert result.problems == [] and target.ratings() == source.ratings()


def test_an_unterminated_quote_imports_nothing_and_names_its_line(tmp_path):
    # Before, the open quote swallowed every row after it, silently.
    text = (HEADER + rating_line("a1", note='"oops') + rating_line("a2")
            + rating_line("a3"))
    journal, result = import_text(tmp_path, text)
    assert result.problems == [
        "line 2: a quoted field starts in this record and is never closed (a '\"' is missing)"]
    assert journal.ratings() == []


def test_a_stray_quote_closed_by_a_later_row_is_caught(tmp_path):
    text = (HEADER + rating_line("a1", note='"oops') + rating_line("a2")
            + rating_line("a3", note='",later'))
    journal, result = import_text(tmp_path, text)
    assert len(result.problems) == 1 and result.problems[0].startswith("line 2: ")
    assert journal.ratings() == []


def test_a_row_with_too_many_fields_is_named(tmp_path):
    text = HEADER + rating_line("a1", note="a,b")
    journal, result = import_text(tmp_path, text)
    assert result.problems == ["line 2: 18 fields where the header has 17 (a '\"' or a ',' "
                               "is missing or too many)"]


def test_a_line_break_outside_the_note_is_refused(tmp_path):
    text = HEADER + 'rating,"a\n1",2026-01-01T10:00:00+09:00,,,3,check_in,,,,,,,,,,\n'
    journal, result = import_text(tmp_path, text)
    assert result.problems == ["line 2: 'uid' runs over several lines: a '\"' is probably "
                               "missing"]


@pytest.mark.parametrize("time", [
    "0001-01-01T10:00:00+09:00", "9999-12-31T10:00:00+09:00", "1969-12-31T23:59:59+00:00",
    "3000-01-01T12:00:00+00:00"])
def test_implausible_times_are_refused_with_the_rule(tmp_path, time):
    # Before, year 1 and 9999 were imported and broke the pain trend page.
    journal, result = import_text(tmp_path, HEADER + rating_line(time=time))
    assert result.problems == [f"line 2: 'time' must be between 1970-01-01 and 2999-12-31, "
                               f"not {time!r}"]
    assert journal.ratings() == []


def test_a_journal_with_a_record_from_a_wrong_clock_restores(tmp_path):
    """A rating saved while the computer's clock said 2031: the export wrote it, and
    the import refused the whole file ("must be ... one day from now"), so the backup
    could not be restored. It is taken, and counted."""
    source = open_journal(tmp_path / "source.sqlite3")
    source.add_rating(4, "check_in", at=datetime(2026, 1, 5, 9, tzinfo=JST))
    source.add_rating(6, "check_in", at=datetime(2031, 1, 2, 12, tzinfo=JST))
    target = open_journal(tmp_path / "target.sqlite3")
    result = import_csv(target, io.StringIO(export_text(source)), clock=lambda: LATER)
    assert result.problems == [] and result.future == 1
    assert [(r.value, r.at) for r in target.ratings()] == [
        (r.value, r.at) for r in source.ratings()]


@pytest.mark.parametrize("time", ["2026-01-01T10:00:00+05:30:15", "2026-01-01T10:00:00+15:00",
                                  "2026-01-01T10:00:00-14:30"])
def test_offsets_no_time_zone_uses_are_refused(tmp_path, time):
    # SQLite's julianday() takes none of these: the chart got no time for them.
    journal, result = import_text(tmp_path, HEADER + rating_line(time=time))
    assert len(result.problems) == 1 and "UTC offset no time zone uses" in result.problems[0]


def test_a_field_over_the_csv_limit_is_named_by_line(tmp_path):
    # Before, the csv module's error escaped as "unexpected error".
    text = HEADER + rating_line("a1") + rating_line("a2", note="x" * 200_000)
    journal, result = import_text(tmp_path, text)
    assert result.problems == [f"line 3: a field is longer than {csv.field_size_limit()} "
                               "characters (a '\"' may be missing)"]


def test_a_huge_step_number_is_a_problem_not_a_crash(tmp_path):
    # Before, it reached SQLite and raised OverflowError.
    text = (HEADER + "safety_event,e1,2026-01-01T10:00:00+09:00,,,,,,,,,sharp_pain,"
            f"{10**30},,,,\n")
    journal, result = import_text(tmp_path, text)
    assert result.problems == [f"line 2: 'step' must be from 1 to {csvio.MAX_STEPS}, "
                               f"not {10**30}"]


@pytest.mark.parametrize(("data", "expected"), [
    ((HEADER + rating_line()).encode("utf-16"), "the file is UTF-16 text"),
    ((HEADER + rating_line(note="café")).encode("latin-1"), "the file is not UTF-8 text"),
])
def test_a_file_in_another_encoding_is_a_problem(tmp_path, data, expected):
    journal = open_journal(tmp_path / "t.sqlite3")
    handle = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    result = import_csv(journal, handle, clock=lambda: LATER)
    assert len(result.problems) == 1 and result.problems[0].startswith(expected)
    assert journal.ratings() == []


def test_a_note_with_nul_round_trips(tmp_path):
    source = open_journal(tmp_path / "a.sqlite3")
    source.add_rating(2, "check_in", note="a\x00b", at=datetime(2026, 1, 1, 10, tzinfo=JST))
    target, result = import_text(tmp_path, export_text(source), "b.sqlite3")
    assert result.problems == [] and target.ratings()[0].note == "a\x00b"


# -- self-test results (issue 19) ---------------------------------------------------
PSFS_SITTING = [("climbing stairs to the first floor", 4), ("kneeling in the garden", 2),
                ("階段を下りる", 6)]


def with_tests(path):
    """A rating, a chair stand and one PSFS sitting of three activities."""
    journal = open_journal(path)
    journal.add_rating(4, "check_in", at=datetime(2026, 3, 1, 8, 0, tzinfo=JST))
    journal.add_test_result("chair_stand", 11, note="used my hands once",
                            at=datetime(2026, 3, 1, 9, 0, tzinfo=JST))
    journal.add_psfs(PSFS_SITTING, at=datetime(2026, 3, 2, 18, 30, tzinfo=UTC),
                     note="left knee stiff")
    return journal


def test_self_test_results_round_trip(tmp_path):
    source = with_tests(tmp_path / "a.sqlite3")
    text = export_text(source)
    rows = [row for row in csv.DictReader(io.StringIO(text))
            if row["kind"] == "test_result"]
    assert [(r["test"], r["value"], r["item"]) for r in rows] == [
        ("chair_stand", "11", ""), *(("psfs", str(score), item)
                                     for item, score in PSFS_SITTING)]
    assert rows[0]["note"] == "used my hands once"
    assert {r["time"] for r in rows[1:]} == {"2026-03-02T18:30:00+00:00"}
    target = open_journal(tmp_path / "b.sqlite3")
    first = import_csv(target, io.StringIO(text), clock=lambda: LATER)
    assert first.problems == []
    assert first.added == {"session": 0, "rating": 1, "safety_event": 0, "test_result": 4,
                           "level_choice": 0}
    assert target.test_results() == source.test_results()
    assert export_text(target) == text
    again = import_csv(target, io.StringIO(text), clock=lambda: LATER)
    assert again.added["test_result"] == 0 and again.skipped == 5
    assert len(target.test_results()) == 4


def test_a_file_from_before_self_tests_still_imports(tmp_path):
    """An export made before the ``test`` and ``item`` columns: every other record."""
    source = filled(tmp_path / "a.sqlite3")
    rows = list(csv.DictReader(io.StringIO(export_text(source))))
    old = io.StringIO()
    writer = csv.DictWriter(old, fieldnames=csvio.COLUMNS[:csvio.COLUMNS.index("test")],
                            lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    assert old.getvalue().splitlines()[0].endswith(",session_uid,level")
    target = open_journal(tmp_path / "b.sqlite3")
    result = import_csv(target, io.StringIO(old.getvalue()), clock=lambda: LATER)
    assert result.problems == []
    assert result.added == {"session": 1, "rating": 3, "safety_event": 1, "test_result": 0,
                            "level_choice": 0}
    assert target.ratings() == source.ratings() and target.test_results() == []


def test_level_choices_round_trip_and_a_file_from_before_them_still_imports(tmp_path):
    # The coach's next offers follow the user's answers (a declined level is not
    # offered again at once): a restore from the CSV keeps them.
    source = filled(tmp_path / "a.sqlite3")
    source.add_level_choice("ten-minute-inner-thigh", 3, "declined",
                            at=datetime(2026, 3, 3, 8, 0, tzinfo=JST))
    source.add_level_choice("=cmd|'/c calc'!A0", 2, "chosen",
                            at=datetime(2026, 3, 4, 8, 0, tzinfo=JST))
    text = export_text(source)
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["kind"] == "level_choice"]
    assert [(r["routine_id"], r["level"], r["choice"]) for r in rows] == [
        ("ten-minute-inner-thigh", "3", "declined"), ("'=cmd|'/c calc'!A0", "2", "chosen")]
    target = open_journal(tmp_path / "b.sqlite3")
    first = import_csv(target, io.StringIO(text), clock=lambda: LATER)
    assert first.problems == [] and first.added["level_choice"] == 2
    assert target.level_choices() == source.level_choices()
    assert export_text(target) == text
    again = import_csv(target, io.StringIO(text), clock=lambda: LATER)
    assert again.added["level_choice"] == 0 and len(target.level_choices()) == 2
    # Before the "choice" column (and the kind): the other records, as before.
    old = io.StringIO()
    writer = csv.DictWriter(old, fieldnames=csvio.COLUMNS[:csvio.COLUMNS.index("choice")],
                            lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(row for row in csv.DictReader(io.StringIO(text))
                     if row["kind"] != "level_choice")
    other = open_journal(tmp_path / "c.sqlite3")
    result = import_csv(other, io.StringIO(old.getvalue()), clock=lambda: LATER)
    assert result.problems == [] and other.level_choices() == []
    assert other.ratings() == source.ratings()


@pytest.mark.parametrize(("cells", "problem"), [
    pytest.param(("3", "maybe"), "'choice' must be one of accepted, declined, chosen, "
                 "not 'maybe'", id="unknown-choice"),
    pytest.param(("3", ""), "'choice' must be one of accepted, declined, chosen, not ''",
                 id="no-choice"),
    pytest.param(("0", "chosen"), f"'level' must be from 1 to {csvio.MAX_LEVEL}, not 0",
                 id="level-0"),
])
def test_a_bad_level_choice_is_named_by_line_and_nothing_is_imported(tmp_path, cells,
                                                                     problem):
    level, choice = cells
    line = (f"level_choice,c1,2026-01-01T10:00:00+09:00,,knee,,,,,,,,,,{level},,,"
            f"{choice}\n")
    journal, result = import_text(tmp_path, ",".join(csvio.COLUMNS) + "\n"
                                  + rating_line().replace("\n", ",\n") + line)
    assert result.problems == [f"line 3: {problem}"]
    assert journal.level_choices() == [] and journal.ratings() == []


def self_test_line(test="chair_stand", value="12", item="", uid="t1"):
    return f"test_result,{uid},2026-01-01T10:00:00+09:00,,,{value},,,,,,,,,,{test},{item}\n"


@pytest.mark.parametrize(("line", "problem"), [
    pytest.param(self_test_line(value="61"), "'value' must be from 0 to 60, not 61",
                 id="too-many-stands"),
    pytest.param(self_test_line(value="-1"), "'value' must be from 0 to 60, not -1",
                 id="negative-stands"),
    pytest.param(self_test_line("psfs", "11", "stairs"),
                 "'value' must be from 0 to 10, not 11", id="psfs-over-10"),
    pytest.param(self_test_line(value="7.5"), "'value' must be a whole number, not '7.5'",
                 id="not-whole"),
    pytest.param(self_test_line(value=""), "'value' must be a whole number, not ''",
                 id="no-score"),
])
def test_a_bad_score_is_named_by_line_and_nothing_is_imported(tmp_path, line, problem):
    journal, result = import_text(tmp_path, HEADER + rating_line() + line)
    assert result.problems == [f"line 3: {problem}"]
    assert journal.test_results() == [] and journal.ratings() == []
    assert sum(result.added.values()) == 0


@pytest.mark.parametrize(("line", "problem"), [
    pytest.param(self_test_line("six_minute_walk"),
                 "'test' must be one of chair_stand, psfs, not 'six_minute_walk'",
                 id="unknown-test"),
    pytest.param(self_test_line(""), "'test' must be one of chair_stand, psfs, not ''",
                 id="no-test"),
    pytest.param(self_test_line(item="stairs"), "only a PSFS result names an activity",
                 id="chair-stand-with-activity"),
    pytest.param(self_test_line("psfs", "5", "  "),
                 "a PSFS activity is text of 1 to 200 characters", id="psfs-blank-activity"),
    pytest.param(self_test_line("psfs", "5", "x" * 201),
                 "a PSFS activity is text of 1 to 200 characters", id="psfs-long-activity"),
])
def test_a_bad_test_is_named_by_line_and_nothing_is_imported(tmp_path, line, problem):
    journal, result = import_text(tmp_path, HEADER + rating_line() + line)
    assert result.problems == [f"line 3: {problem}"]
    assert journal.test_results() == [] and journal.ratings() == []


ACTIVITIES = ['=HYPERLINK("http://example.com/x","click")', "+1+2", "-3 steps down",
              "@SUM(A1:A2)", "'=already quoted", "'", "''", "'plain apostrophe",
              "two\nlines", "carriage\rreturn", "plain"]


def test_formula_activities_reach_a_spreadsheet_as_text_and_round_trip(tmp_path):
    source = open_journal(tmp_path / "a.sqlite3")
    source.add_psfs([(item, n % 11) for n, item in enumerate(ACTIVITIES)],
                    at=datetime(2026, 1, 1, 10, tzinfo=JST))
    text = export_text(source)
    cells = [row["item"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert len(cells) == len(ACTIVITIES)
    for cell in cells:
        assert not cell.startswith(csvio.FORMULA_STARTS)
    assert cells[0] == "'" + ACTIVITIES[0]
    target, result = import_text(tmp_path, text, "b.sqlite3")
    assert result.problems == []
    assert [t.item for t in target.test_results()] == ACTIVITIES
    assert export_text(target) == text


def test_a_rating_corrected_since_the_file_was_made_is_said_not_silently_skipped(tmp_path):
    """A backup made before a correction (8, "typo: meant 2") imported as "skipped, already
    in the journal" though the two disagree."""
    journal = open_journal(tmp_path / "journal.sqlite3")
    rating = journal.add_rating(8, "check_in", note="typo: meant 2")
    journal.add_rating(3, "check_in")
    backup = export_text(journal)
    journal.update_rating(rating.uid, value=2)
    result = import_csv(journal, io.StringIO(backup))
    assert (result.skipped, result.differ) == (2, 1)
    assert [r.value for r in journal.ratings()][0] == 2  # the journal's kept
    journal.close()


def test_a_file_imported_back_into_its_own_journal_differs_in_nothing(tmp_path):
    journal = filled(tmp_path / "journal.sqlite3")
    result = import_csv(journal, io.StringIO(export_text(journal)))
    assert result.skipped == 5 and result.differ == 0 and not any(result.added.values())
    assert result.differ_results == 0
    journal.close()


def test_a_self_test_result_changed_in_the_file_is_said_not_silently_skipped(tmp_path):
    """A chair stand edited from 9 to 12 in the file was counted as "already in the
    journal", with nothing said of the difference."""
    journal = open_journal(tmp_path / "journal.sqlite3")
    result = journal.add_test_result("chair_stand", 9)
    text = export_text(journal)
    line = next(row for row in text.splitlines() if row.startswith("test_result,"))
    changed = text.replace(line, line.replace(",9,", ",12,", 1))
    assert changed != text
    imported = import_csv(journal, io.StringIO(changed))
    assert (imported.skipped, imported.differ_results) == (1, 1)
    assert [t.score for t in journal.test_results()] == [9]  # the journal's kept
    assert result.uid in {t.uid for t in journal.test_results()}
    journal.close()


def test_a_record_twice_in_the_file_is_taken_once_or_refused_if_the_rows_disagree(
        tmp_path):
    """The second row of a uid was counted "already in the journal" and, if its value
    differed, "corrected after the file was made": neither was true."""
    source = open_journal(tmp_path / "a.sqlite3")
    source.add_rating(4, "check_in")
    text = export_text(source)
    header, row = text.splitlines()[:2]
    target, result = import_text(tmp_path, "\n".join([header, row, row]) + "\n",
                                 "b.sqlite3")
    assert result.problems == [] and result.added["rating"] == 1
    assert (result.skipped, result.differ, result.repeated) == (0, 0, 1)
    other = row.replace(",4,check_in,", ",9,check_in,")
    assert other != row
    again, result = import_text(tmp_path, "\n".join([header, row, other]) + "\n",
                                "c.sqlite3")
    uid = row.split(",")[1]
    assert result.problems == [f"line 3: rating {uid} is on line 2 too, with other values: "
                               "keep one of them"]
    assert again.ratings() == []  # nothing imported


def test_a_column_named_twice_is_refused(tmp_path):
    source = open_journal(tmp_path / "a.sqlite3")
    source.add_rating(4, "check_in")
    header, row = export_text(source).splitlines()[:2]
    _target, result = import_text(tmp_path, f"{header},value\n{row},9\n", "b.sqlite3")
    assert result.problems == ["line 1: the column value appears more than once"]


def test_a_utc_time_from_another_program_takes_this_computers_offset(tmp_path, monkeypatch):
    """A Tokyo 08:30 session written by another program as 23:30Z was recorded on the
    day before (its UTC date): Today said nothing was done that day."""
    import time as time_module

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time_module.tzset()
    try:
        journal, result = import_text(tmp_path, HEADER + rating_line(
            time="2026-12-01T23:30:00Z"))
        assert result.problems == []
        [rating] = journal.ratings()
        assert rating.at.isoformat() == "2026-12-02T08:30:00+09:00"
        # An offset written out, +00:00 included (London in winter), is kept as it is.
        journal, result = import_text(tmp_path, HEADER + rating_line(
            time="2026-12-01T23:30:00+00:00"), name="again.sqlite3")
        assert journal.ratings()[0].at.isoformat() == "2026-12-01T23:30:00+00:00"
    finally:
        monkeypatch.undo()
        time_module.tzset()
