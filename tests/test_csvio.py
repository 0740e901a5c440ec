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
    assert first.added == {"session": 1, "rating": 3, "safety_event": 1}
    assert export_text(target) == text
    second = import_csv(target, io.StringIO(text))
    assert second.added == {"session": 0, "rating": 0, "safety_event": 0}
    assert second.skipped == 5
    assert export_text(target) == text


def test_one_bad_row_imports_nothing_and_names_every_bad_line(tmp_path):
    text = export_text(filled(tmp_path / "a.sqlite3"))
    lines = text.splitlines(keepends=True)
    rating_line = next(i for i, line in enumerate(lines) if line.startswith("rating,"))
    lines[rating_line] = lines[rating_line].replace(",5,before,", ",12,before,")
    lines.append("rating,zz,yesterday,,,4,check_in,,,,,,,\n")
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
        source.add_rating(value, context, side=side, note=note.replace("\r", ""), at=at)
    target = open_journal(folder / "b.sqlite3")
    result = import_csv(target, io.StringIO(export_text(source)))
    assert result.problems == []
    assert target.ratings() == source.ratings()
