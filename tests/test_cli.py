import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach import __version__
from coach.__main__ import main as launch
from coach.cli import main
from tests.conftest import FLAGSHIP, REPO
from tests.hostile import write_hostile


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"coach {__version__}"


def test_python_dash_m_runs_without_qt(tmp_path):
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "coach", "list", "--lang", "ja"],
        capture_output=True, text=True, cwd=tmp_path, check=True)
    assert "膝上の内側を鍛える10分ルーティン" in result.stdout
    assert "PySide6" not in result.stderr  # importtime lists every module imported


def test_list_shows_id_title_and_duration(capsys):
    code, out, _ = run(capsys, "list", "--lang", "en")
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first == [FLAGSHIP, "Ten-minute inner-quadriceps routine", "10:22"]
    assert len(out.splitlines()) == 6


def test_list_with_extra_folder_names_broken_files_on_stderr(capsys, tmp_path,
                                                             minimal_routine, write_routine):
    minimal_routine()
    write_routine("broken.toml", "schema = 1\nid = 'x'\nfoo = 1\n")
    code, out, err = run(capsys, "--routines-dir", str(tmp_path / "routines"), "list")
    assert code == 0
    assert "good-one\tGood one\t0:35" in out
    assert "broken.toml:3: unknown key 'foo'" in err


def test_common_options_work_before_and_after_the_command(capsys, tmp_path, minimal_routine):
    minimal_routine()
    other = tmp_path / "more"
    other.mkdir()
    (other / "b.toml").write_text(
        (tmp_path / "routines" / "good.toml").read_text().replace("good-one", "other-one"))
    code, out, _ = run(capsys, "--routines-dir", str(tmp_path / "routines"), "list",
                       "--routines-dir", str(other))
    assert "good-one" in out and "other-one" in out


def test_validate_bundled_routines_exits_zero(capsys):
    code, out, err = run(capsys, "validate", str(REPO / "routines"))
    assert code == 0 and out == ""
    assert "all valid" in err


def test_validate_prints_file_line_message_and_exits_one(capsys, write_routine,
                                                         minimal_routine):
    good = minimal_routine()
    bad = write_routine("bad.toml", "schema = 1\nid = 'bad'\ntitle = 'x'\n"
                        "summary = 'y'\n[[steps]]\ntitle = 's'\ninstructions = ['i']\n"
                        "duration = -3\n")
    code, out, err = run(capsys, "validate", str(good), str(bad))
    assert code == 1
    assert out.splitlines() == [f"{bad}:8: 'steps[1].duration' must be greater than 0, "
                                "not -3"]
    assert "2 routine file(s) checked: 1 with problems" in err


def test_validate_reports_duplicate_ids_and_missing_paths(capsys, tmp_path, minimal_routine):
    a = minimal_routine("a.toml")
    b = minimal_routine("b.toml")
    code, out, _ = run(capsys, "validate", str(a), str(b), str(tmp_path / "nope.toml"))
    assert code == 1
    assert f"{tmp_path / 'nope.toml'}: no such file or folder" in out
    assert f"{b}:2: id 'good-one' is already used by {a}" in out


def test_export_import_round_trip_through_files(capsys, tmp_path):
    from coach.journal import open_journal

    source_dir = tmp_path / "source"
    journal = open_journal(source_dir / "journal.sqlite3")
    journal.add_rating(4, "check_in", note="ok")
    journal.close()
    out_file = tmp_path / "export.csv"
    code, _, err = run(capsys, "export", "--data-dir", str(source_dir), "--out", str(out_file))
    assert code == 0 and "wrote 1 record(s)" in err
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "target"), "import", str(out_file))
    assert code == 0
    assert ("Imported 1 rating(s), 0 session(s), 0 safety event(s), 0 test result(s) and "
            "0 level choice(s); skipped 0") in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "target"), "import", str(out_file))
    assert "Imported 0 rating(s)" in out and "skipped 1" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "target"), "export")
    assert out.count("rating,") == 1 and ",4,check_in,,ok," in out


def test_export_over_garbage_database_keeps_it_aside_and_says_so(capsys, data_dir):
    (data_dir / "journal.sqlite3").write_bytes(b"garbage " * 500)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export")
    # The new, empty journal is not exported as if it were the user's (it was: exit 0).
    assert code == 1 and out == ""
    assert "could not be opened" in err and "journal.sqlite3.damaged-" in err
    assert len(list(data_dir.glob("journal.sqlite3.damaged-*"))) == 1


@pytest.mark.parametrize("argv, message", [
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["--speed", "0", "list"], "must be above 0"),
    (["import", "/no/such/file.csv"], "No such file or directory: /no/such/file.csv"),
    (["--lang", "fr", "list"], "invalid choice: 'fr'"),
])
def test_errors_are_one_line_without_traceback(tmp_path, argv, message):
    result = subprocess.run([sys.executable, "-m", "coach", *argv], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_import_of_a_bad_csv_names_the_line_and_imports_nothing(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,uid,time,value,context\nrating,a1,2026-01-01T10:00:00+09:00,11,"
                   "check_in\n")
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1
    assert "line 2: 'value' must be from 0 to 10, not 11" in err
    assert "nothing was imported" in err


def test_command_line_tools_run_with_the_garbage_collector_on(capsys, monkeypatch):
    # The launcher turns it off for the window's start-up only.
    monkeypatch.setattr(sys, "argv", ["coach", "list", "--lang", "en"])
    try:
        assert launch() == 0
        assert gc.isenabled()
    finally:
        gc.enable()
    assert FLAGSHIP in capsys.readouterr().out


# -- Issue 14: what a routine file holds cannot drive the terminal -------------------

HOSTILE_TITLE = "\x1b[2J\x1b[31mEvil\x07\nforged: line\t\u202eevil\x9b 膝の体操"


def test_list_escapes_control_characters_in_titles_and_keeps_japanese(capsys, tmp_path,
                                                                      minimal_routine):
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in HOSTILE_TITLE)
    minimal_routine(title=escaped)
    code, out, _ = run(capsys, "--routines-dir", str(tmp_path / "routines"), "list")
    assert code == 0
    line = out.splitlines()[-1]
    assert line == ("good-one\t\\x1b[2J\\x1b[31mEvil\\x07\\x0aforged: line\\x09\\u202eevil"
                    "\\x9b 膝の体操\t0:35")


def test_validate_escapes_control_characters_in_messages_and_file_names(capsys, tmp_path,
                                                                        write_routine):
    bad = write_routine("\x1b]0;owned\x07.toml",
                        'schema = 1\nid = "x"\n"\\u001b[2J\\r" = 1\n')
    code, out, _ = run(capsys, "validate", str(bad.parent))
    assert code == 1
    assert "\x1b" not in out and "\r" not in out and "\x07" not in out
    assert f"{bad.parent}/\\x1b]0;owned\\x07.toml:3: unknown key '\\x1b[2J\\x0d'" in out


def test_validate_survives_a_file_name_that_is_not_utf8(capsys, tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    name = os.fsdecode(b"bad-\xff.toml")
    (folder / name).write_text("schema = 1\n")
    code, out, err = run(capsys, "validate", str(folder))
    assert code == 1 and "unexpected error" not in err
    assert f"{folder}/bad-\\udcff.toml: missing required key 'id'" in out


def test_list_problem_lines_are_escaped_too(capsys, tmp_path, write_routine):
    write_routine("evil.toml", 'schema = 1\nid = "x"\n"\\u202e\\n" = 1\n')
    _, _, err = run(capsys, "--routines-dir", str(tmp_path / "routines"), "list")
    assert "unknown key '\\u202e\\x0a'" in err and "\u202e" not in err


def test_validate_counts_a_folder_that_cannot_be_read_apart(capsys, tmp_path, monkeypatch,
                                                            minimal_routine):
    good = minimal_routine()
    locked = tmp_path / "locked"
    locked.mkdir()
    real = Path.iterdir

    def iterdir(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    code, out, err = run(capsys, "validate", str(good), str(locked), str(tmp_path / "nope"))
    assert code == 1
    assert f"{locked}: cannot read file or folder: Permission denied" in out
    assert err.strip() == ("1 routine file(s) checked: all valid; 1 path(s) not found; "
                           "1 path(s) could not be read")


@pytest.mark.slow
def test_validate_and_list_judge_a_folder_of_hostile_files_without_a_traceback(tmp_path):
    expected = write_hostile(tmp_path / "hostile")
    validate = subprocess.run([sys.executable, "-m", "coach", "validate",
                               str(tmp_path / "hostile")],
                              capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert validate.returncode == 1
    for file, want in expected.items():
        assert f"{file}:{want.line}: " in validate.stdout, file
    assert f"{len(expected) + 1} routine file(s) checked: {len(expected)} with problems" \
        in validate.stderr
    listed = subprocess.run([sys.executable, "-m", "coach", "list", "--lang", "en",
                             "--routines-dir", str(tmp_path / "hostile")],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert listed.returncode == 0
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()][-2:] == [
        "desk-break", "good-one"]
    for output in (validate.stderr, listed.stderr):
        assert "Traceback" not in output and "unexpected error" not in output


def test_export_of_a_damaged_journal_rescues_what_can_be_read(capsys, data_dir):
    # Before, the export stopped at the first damaged page with "unexpected error".
    from tests.test_journal_faults import damage, fill

    fill(data_dir / "journal.sqlite3", ratings=300)
    damage(data_dir / "journal.sqlite3", "ratings")
    out_file = data_dir.parent / "rescue.csv"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export", "--out", str(out_file))
    assert code == 3
    rows = out_file.read_text(encoding="utf-8").splitlines()
    rescued = len(rows) - 1
    assert 250 < rescued < 300
    lines = err.splitlines()
    assert lines[0] == (f"coach: could not be read: {300 - rescued} rating(s) could not be "
                        f"read (row ids {lines[0].split('row ids ')[1]}")
    assert lines[1] == (f"coach: the journal is damaged: wrote the {rescued} record(s) that "
                        f"could be read to {out_file}; the records above are missing")


def test_export_to_standard_output_of_a_damaged_journal(capsys, data_dir):
    from tests.test_journal_faults import damage, fill

    fill(data_dir / "journal.sqlite3", ratings=300)
    damage(data_dir / "journal.sqlite3", "ratings")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export")
    assert code == 3 and 250 < out.count("\nrating,") < 300
    assert "the journal is damaged: wrote the" in err and " to " not in err.splitlines()[-1]


def test_export_of_someone_elses_file_exports_nothing_and_leaves_it(capsys, data_dir):
    import sqlite3

    path = data_dir / "journal.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (name TEXT)")
    db.commit()
    db.close()
    before = path.read_bytes()
    out_file = data_dir.parent / "export.csv"
    out_file.write_text("an older export\n")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export", "--out", str(out_file))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"coach: the file {path} cannot be used as the journal: it is not a Knee Coach "
        "journal but another program's database, and was left untouched. Move or rename it, "
        "then try again.",
        "coach: nothing was exported: the journal could not be read"]
    assert path.read_bytes() == before and out_file.read_text() == "an older export\n"


def test_export_of_a_damaged_journal_does_not_replace_a_backup(capsys, data_dir):
    """It moved the damaged file aside, then wrote the new, empty journal over the
    user's older export and exited 0 ("wrote 0 record(s)")."""
    path = data_dir / "journal.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    out_file = data_dir.parent / "export.csv"
    out_file.write_text("an older export\n")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export", "--out", str(out_file))
    assert code == 1 and out == ""
    kept = next(data_dir.glob("journal.sqlite3.damaged-*"))
    assert err.splitlines()[-1] == (f"coach: nothing was exported: the journal was kept as "
                                    f"{kept} and a new, empty one started")
    assert out_file.read_text() == "an older export\n"


@pytest.mark.parametrize("command", [["today"], ["today", "--json"], ["summary"],
                                     ["summary", "--json"]])
def test_no_advice_or_summary_from_a_journal_that_could_not_be_read(capsys, data_dir,
                                                                     command):
    """A journal another program holds (or any stand-in) gave "Welcome" and "action":
    "exercise" the hour after a sharp-pain stop, and "0 sessions", with exit 0."""
    import sqlite3

    path = data_dir / "journal.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (name TEXT)")
    db.commit()
    db.close()
    code, out, err = run(capsys, "--data-dir", str(data_dir), *command)
    assert code == 1 and out == ""
    what = "no advice" if command[0] == "today" else "no summary"
    assert err.splitlines()[-1] == \
        f"coach: {what}: your history in the journal could not be read"


@pytest.mark.parametrize("command", [["today"], ["today", "--json"], ["summary"]])
def test_no_advice_from_the_new_journal_that_replaced_a_damaged_one(capsys, data_dir,
                                                                    command):
    """The day after a sharp-pain stop a damaged journal was moved aside: `coach today`
    said "Planned today" from the new, empty journal with exit 0, on that run (one
    stderr line) and every later one (no word at all); `summary` "0 sessions"."""
    from coach.journal import open_journal

    path = data_dir / "journal.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    what = "no advice" if command[0] == "today" else "no summary"
    for _ in range(2):  # the run that moves it aside, then a later one
        code, out, err = run(capsys, "--data-dir", str(data_dir), *command)
        assert code == 1 and out == ""
        assert err.splitlines()[-1].startswith(f"coach: {what}: your history is in the "
                                               "journal kept aside")
    journal = open_journal(path)  # something recorded since: advice from it, and a word
    journal.add_rating(3, "check_in")
    journal.close()
    code, out, err = run(capsys, "--data-dir", str(data_dir), *command)
    assert code == 0 and out
    assert "earlier history is in the journal kept aside as" in err


def test_export_with_a_folder_in_the_journals_place(capsys, data_dir):
    (data_dir / "journal.sqlite3").mkdir()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export")
    assert code == 1
    assert (f"coach: the journal {data_dir / 'journal.sqlite3'} cannot be used: it is a "
            "folder, not a journal file. Nothing in it was changed.") in err


def test_import_into_a_journal_that_cannot_be_saved_to_imports_nothing(capsys, data_dir):
    (data_dir / "journal.sqlite3").mkdir()
    good = data_dir.parent / "good.csv"
    good.write_text("kind,uid,time,value,context\nrating,a1,2026-01-01T10:00:00+09:00,3,"
                    "check_in\n")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(good))
    assert code == 1
    assert err.splitlines()[-1] == ("coach: nothing was imported: the journal cannot be saved "
                                    "to (see above)")


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-16", "the file is UTF-16 text; Knee Coach reads CSV saved as UTF-8 "
               "(in a spreadsheet: 'CSV UTF-8')"),
    ("latin-1", "the file is not UTF-8 text; Knee Coach reads CSV saved as UTF-8 "
                "(in a spreadsheet: 'CSV UTF-8')"),
])
def test_import_of_a_file_in_another_encoding_names_the_file(capsys, tmp_path, encoding,
                                                             expected):
    # Before: "coach: 'utf-8' codec can't decode byte 0xff in position 0", no file named.
    bad = tmp_path / "from-excel.csv"
    bad.write_bytes("kind,uid,time,value,context,note\nrating,a1,2026-01-01T10:00:00+09:00,"
                    "3,check_in,café\n".encode(encoding))
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "data"), "import", str(bad))
    assert code == 1
    assert err.splitlines() == [f"{bad}: {expected}",
                                "coach: nothing was imported; fix the lines above and try "
                                "again"]


def test_import_of_a_file_with_an_open_quote_names_the_line(capsys, tmp_path):
    bad = tmp_path / "open-quote.csv"
    bad.write_text('kind,uid,time,value,context,note\nrating,a1,2026-01-01T10:00:00+09:00,'
                   '3,check_in,"oops\nrating,a2,2026-01-01T11:00:00+09:00,3,check_in,\n')
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "data"), "import", str(bad))
    assert code == 1
    assert err.splitlines()[0] == (f"{bad}: line 2: a quoted field starts in this record and "
                                   "is never closed (a '\"' is missing)")


def test_import_problems_quoting_the_file_cannot_drive_the_terminal(capsys, tmp_path):
    bad = tmp_path / "escape.csv"
    bad.write_text("kind,uid,time,value,context,session_uid\nrating,\x1b[2Jx,"
                   "2026-01-01T10:00:00+09:00,3,check_in,\x1b]0;owned\x07\n")
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "data"), "import", str(bad))
    assert code == 1 and "\x1b" not in err and "\x07" not in err
    assert "refers to session \\x1b]0;owned\\x07" in err


def test_validate_checks_that_each_picture_is_safe_to_draw(capsys, write_routine):
    file = write_routine("pictured.toml", """
        schema = 1
        id = "pictured"
        title = "Pictured"
        summary = "A routine with a hostile picture."

        [[steps]]
        title = "Sit"
        instructions = ["Sit."]
        illustration = "bomb.svg"
        duration = 10
        """)
    (file.parent / "bomb.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="file:///etc/passwd"/></svg>', encoding="utf-8")
    code, out, _err = run(capsys, "validate", str(file))
    assert code == 1
    assert f"{file}:9: illustration 'bomb.svg': the picture refers to another file" in out
    # Loading for the window does not read the pictures (the player checks each one).
    from coach.library import load_library

    assert [r.id for r in load_library([file]).routines] == ["pictured"]


# -- the weekly plan and today (issue 17) -------------------------------------------------
PLAN_NOW = "2026-12-01T19:00:00+00:00"  # a Tuesday evening, London winter time


@pytest.fixture
def plan_clock(monkeypatch):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = datetime.fromisoformat(PLAN_NOW).astimezone(ZoneInfo("Europe/London"))
    monkeypatch.setattr("coach.cli.clock", lambda: moment)
    return moment


def test_plan_add_show_json_and_ics_on_a_fresh_data_folder(capsys, data_dir, plan_clock):
    import icalendar

    code, out, err = run(capsys, "--data-dir", str(data_dir), "plan", "add", FLAGSHIP,
                         "--days", "mon,wed,fri", "--at", "07:30")
    assert (code, err) == (0, "")
    assert out == f"Added: {FLAGSHIP} on mon, wed, fri at 07:30\n"
    code, out, _ = run(capsys, "plan", "add", "back-of-knee", "--data-dir", str(data_dir))
    assert out == "Added: back-of-knee on every day at 10:00\n"  # its own frequency
    code, out, _ = run(capsys, "plan", "show", "--json", "--data-dir", str(data_dir))
    data = json.loads(out)
    assert data["entries"][0] == {"routine_id": FLAGSHIP, "days": ["mon", "wed", "fri"],
                                  "at": "07:30", "since": "2026-12-01"}
    assert data["entries"][1]["days"] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert data["next"] == {"routine_id": FLAGSHIP, "at": "2026-12-02T07:30:00+00:00"}
    ics = data_dir / "plan.ics"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "plan", "ics", "--out", str(ics))
    assert code == 0 and "wrote 2 weekly event(s)" in err
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    found = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    flagship = found["Ten-minute inner-quadriceps routine"]
    assert flagship["RRULE"]["BYDAY"] == ["MO", "WE", "FR"]
    assert flagship.decoded("DTSTART").time().isoformat() == "07:30:00"
    assert all(e.walk("VALARM") for e in found.values())


def test_plan_add_replaces_and_remove_removes(capsys, data_dir, plan_clock):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "plan", "add", FLAGSHIP)
    code, out, _ = run(capsys, *d, "plan", "add", FLAGSHIP, "--days", "daily", "--at", "18:00")
    assert out == f"Replaced: {FLAGSHIP} on every day at 18:00\n"
    code, out, _ = run(capsys, *d, "plan", "show")
    assert out.startswith("Weekly plan:\n") and "at 18:00" in out
    assert "Ten-minute inner-quadriceps routine" in out
    assert "Next: ten-minute-inner-thigh, Wed 02 Dec at 18:00" in out
    code, out, _ = run(capsys, *d, "plan", "remove", FLAGSHIP)
    assert (code, out) == (0, f"Removed: {FLAGSHIP}\n")
    code, out, _ = run(capsys, *d, "plan", "show", "--json")
    assert json.loads(out)["entries"] == [] and json.loads(out)["next"] is None


def test_plan_changes_keep_the_days_planned_before_for_past_weeks(capsys, data_dir,
                                                                  plan_clock):
    from datetime import date, time

    from coach.plan import EVERY_OTHER_DAY, Entry, Plan, save_plan

    save_plan(data_dir / "plan.json", Plan((Entry(FLAGSHIP, EVERY_OTHER_DAY, time(7, 30),
                                                  since=date(2026, 11, 2)),)))
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "plan", "add", FLAGSHIP, "--days", "daily")
    data = json.loads(run(capsys, *d, "plan", "show", "--json")[1])
    assert data["entries"][0]["since"] == "2026-12-01"
    was = {"routine_id": FLAGSHIP, "days": ["mon", "wed", "fri"], "at": "07:30",
           "since": "2026-11-02", "until": "2026-11-30"}
    assert data["retired"] == [was]
    run(capsys, *d, "plan", "remove", FLAGSHIP)  # planned daily only today: nothing to keep
    data = json.loads(run(capsys, *d, "plan", "show", "--json")[1])
    assert data["entries"] == [] and data["retired"] == [was]
    today = json.loads(run(capsys, *d, "today", "--json")[1])
    assert today["adherence"]["four_weeks"]["planned"] == 12


def test_a_damaged_plan_exports_no_calendar_over_a_good_one(capsys, data_dir, plan_clock):
    """It warned, then wrote an empty calendar over the file and exited 0."""
    ics = data_dir / "plan.ics"
    ics.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (data_dir / "plan.json").write_bytes(b"{not json")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "plan", "ics", "--out", str(ics))
    assert code == 1 and "nothing was exported" in err and "wrote" not in err
    assert ics.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert run(capsys, "--data-dir", str(data_dir), "plan", "ics")[0] == 1
    assert not list(data_dir.glob(".plan.ics.*"))


def test_a_calendar_that_cannot_be_written_is_said_not_claimed(capsys, data_dir, plan_clock):
    run(capsys, "--data-dir", str(data_dir), "plan", "add", FLAGSHIP)
    target = data_dir / "no-such-folder" / "plan.ics"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "plan", "ics", "--out",
                         str(target))
    assert code == 1 and "could not be written" in err and "wrote" not in err


def test_desk_break_defaults_to_hourly_in_active_hours(capsys, data_dir, plan_clock):
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "plan", "add", "desk-break")
    assert out == "Added: desk-break on mon-fri every 60 min from 09:00\n"


@pytest.mark.parametrize(("argv", "message"), [
    (["plan", "add", "no-such-routine", "--days", "mon", "--at", "07:30"],
     "coach: unknown routine 'no-such-routine' (see 'coach list' for the ids)"),
    (["plan", "add", FLAGSHIP, "--days", "mon,funday", "--at", "07:30"],
     "unknown day 'funday'"),
    (["plan", "add", FLAGSHIP, "--days", "mon", "--at", "7.30"], "bad time '7.30'"),
    (["plan", "add", FLAGSHIP, "--at", "24:00"], "bad time '24:00'"),
    (["plan", "remove", FLAGSHIP], f"coach: '{FLAGSHIP}' is not in the plan"),
    (["plan"], "the following arguments are required: ACTION"),
    (["plan", "frobnicate"], "invalid choice: 'frobnicate'"),
    (["today", "--bogus"], "unrecognized arguments: --bogus"),
])
def test_bad_plan_input_is_one_line_and_exit_2(capsys, data_dir, plan_clock, argv, message):
    try:
        code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    except SystemExit as exit_:
        code = exit_.code
        out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (data_dir / "plan.json").exists()


def test_a_plan_that_cannot_be_read_is_not_replaced(capsys, data_dir, plan_clock):
    """An unreadable plan.json (no permission, here a folder) was moved aside as if
    damaged and replaced by a plan of the one routine added."""
    (data_dir / "plan.json").mkdir()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "plan", "add", FLAGSHIP)
    assert code == 1 and "nothing was changed: it may be sound" in err
    assert (data_dir / "plan.json").is_dir() and not list(data_dir.glob("plan.json.*"))


def test_a_damaged_plan_is_reported_shown_as_no_plan_and_kept_aside(capsys, data_dir,
                                                                    plan_clock):
    (data_dir / "plan.json").write_bytes(b'{"entries": [{"routine_id": "\x1b[2J"')
    code, out, err = run(capsys, "--data-dir", str(data_dir), "plan", "show")
    assert code == 0 and out.startswith("No weekly plan yet.")
    assert f"the plan {data_dir / 'plan.json'} could not be read (not valid JSON" in err
    assert "\x1b" not in err
    code, out, err = run(capsys, "--data-dir", str(data_dir), "plan", "add", FLAGSHIP)
    assert code == 0 and "kept as" in err
    assert (data_dir / "plan.json.damaged").exists()
    assert json.loads((data_dir / "plan.json").read_text())["entries"][0]["routine_id"] == \
        FLAGSHIP


def test_a_full_disk_when_saving_the_plan_is_one_clear_line(capsys, data_dir, plan_clock,
                                                           monkeypatch):
    import errno

    import coach.plan

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(coach.plan.os, "fsync", full)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "plan", "add", FLAGSHIP)
    assert code == 1 and out == ""
    assert err.startswith("coach: the plan ") and "the disk is full" in err
    assert len(err.splitlines()) == 1
    assert not list(data_dir.glob("*plan.json*"))


def test_today_json_has_the_issue_shape(capsys, data_dir, plan_clock):
    run(capsys, "--data-dir", str(data_dir), "plan", "add", FLAGSHIP, "--days", "tue,thu",
        "--at", "20:00")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "today", "--json")
    data = json.loads(out)
    assert code == 0
    assert {k: data[k] for k in ("date", "planned", "done", "action", "reasons")} == {
        "date": "2026-12-01", "planned": [FLAGSHIP], "done": [], "action": "exercise",
        "reasons": ["planned_today", "welcome"]}
    assert data["message"].startswith("Planned today: “Ten-minute inner-quadriceps routine”.")
    assert data["next_reminder"]["at"] == "2026-12-01T20:00:00+00:00"
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "today")
    assert out.splitlines()[0] == data["message"]
    assert out.splitlines()[1] == f"Next reminder: Tue 01 Dec 20:00 ({FLAGSHIP})"


def test_today_after_a_hot_red_or_swollen_answer_asks_for_a_check_in(capsys, data_dir,
                                                                    plan_clock):
    from datetime import timedelta

    from coach.journal import open_journal

    journal = open_journal(data_dir / "journal.sqlite3")
    session = journal.start_session(FLAGSHIP, at=plan_clock - timedelta(hours=2))
    journal.end_session(session.uid, "safety_skip", 0, at=plan_clock - timedelta(hours=2))
    journal.close()
    run(capsys, "--data-dir", str(data_dir), "plan", "add", FLAGSHIP, "--days", "daily")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "today", "--json")
    data = json.loads(out)
    assert data["action"] == "check_in" and data["reasons"][0] == "hot_red_swollen"
    assert data["next_reminder"]["kind"] == "check_in"


def test_plan_and_today_import_no_qt(tmp_path):
    code = ("import sys\nfrom coach.cli import main\n"
            f"main(['--data-dir', {str(tmp_path)!r}, 'plan', 'add', 'desk-break'])\n"
            f"main(['--data-dir', {str(tmp_path)!r}, 'today', '--json'])\n"
            f"main(['--data-dir', {str(tmp_path)!r}, 'plan', 'ics'])\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_plan_add_at_a_time_in_the_quiet_hours_says_no_reminder_will_come(capsys, data_dir,
                                                                          plan_clock):
    d = ["--data-dir", str(data_dir)]
    code, out, err = run(capsys, *d, "plan", "add", FLAGSHIP, "--at", "23:50")
    assert code == 0 and out.startswith("Added: ")
    assert "23:50 is in the quiet hours (21:30-07:00), so no reminder will come" in err
    _, _, err = run(capsys, *d, "plan", "add", FLAGSHIP, "--at", "18:00")
    assert err == ""


# -- routine levels: `coach today --json` from imported histories, `coach run --level` --
def _history_csv(path, sessions) -> None:
    """A CSV export as another Knee Coach wrote it: *sessions* are (days before
    PLAN_NOW, level, outcome, rating right after, next-morning rating or None)."""
    from datetime import datetime, timedelta

    rows = [",".join(COLUMNS_FOR_TEST)]
    base = datetime.fromisoformat(PLAN_NOW).replace(hour=9, minute=0, second=0)
    for n, (ago, level, outcome, after, morning) in enumerate(sessions):
        start = base - timedelta(days=ago)

        def row(kind, uid, at, **cells):
            cells = {"kind": kind, "uid": uid, "time": at.isoformat(), **cells}
            return ",".join(str(cells.get(c, "")) for c in COLUMNS_FOR_TEST)

        uid = f"s{n}"
        rows.append(row("session", uid, start, end_time=(start + timedelta(minutes=11))
                        .isoformat(), routine_id=FLAGSHIP, steps_completed=5,
                        outcome=outcome, level=level))
        rows.append(row("rating", f"b{n}", start - timedelta(minutes=5), value=2,
                        context="before", session_uid=uid))
        rows.append(row("rating", f"a{n}", start + timedelta(minutes=12), value=after,
                        context="after", session_uid=uid))
        if morning is not None:
            rows.append(row("rating", f"m{n}", start + timedelta(hours=22), value=morning,
                            context="next_morning", session_uid=uid))
        if outcome == "sharp_pain":
            rows.append(row("safety_event", f"e{n}", start + timedelta(minutes=6),
                            event="sharp_pain", step=2, session_uid=uid))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


from coach.csvio import COLUMNS as COLUMNS_FOR_TEST  # noqa: E402

GREEN = [(7, 2, "completed", 1, 2), (5, 2, "completed", 1, 2), (1, 2, "completed", 2, 2)]


@pytest.mark.parametrize(("sessions", "action", "level", "recommended", "reason"), [
    pytest.param(GREEN, "progress", 2, 3, "green_streak", id="consistently-green"),
    pytest.param(GREEN[:2], "hold", 2, 2, "green_so_far", id="two-green"),
    pytest.param([*GREEN[:2], (1, 2, "completed", 7, 2)], "ease", 2, 1, "after_red",
                 id="red-after"),
    pytest.param([*GREEN[:2], (1, 2, "completed", 1, 3)], "ease", 2, 1,
                 "morning_not_settled", id="unsettled-morning"),
    pytest.param([*GREEN[:2], (1, 2, "completed", 1, 6)], "rest", 2, 1, "flare_pain",
                 id="a-morning-far-above-usual-is-a-flare-up"),
    pytest.param([*GREEN[:2], (1, 2, "sharp_pain", 1, 2)], "ease", 2, 1, "sharp_pain_stop",
                 id="sharp-pain-stop-never-progresses"),
    pytest.param([(1, 3, "completed", 4, 2)], "hold", 3, 3, "after_amber", id="amber"),
    pytest.param([(1, "", "completed", 1, 2)], "hold", 2, 2, "green_so_far",
                 id="old-file-without-levels"),
])
def test_today_json_recommends_each_routine_s_level_from_an_imported_history(
        capsys, data_dir, tmp_path, plan_clock, sessions, action, level, recommended,
        reason):
    file = tmp_path / "history.csv"
    _history_csv(file, sessions)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(file))
    assert code == 0, err
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "today", "--json")
    data = json.loads(out)
    [flagship] = [r for r in data["routines"] if r["id"] == FLAGSHIP]
    assert (flagship["action"], flagship["level"], flagship["recommended_level"]) == (
        action, level, recommended)
    assert reason in flagship["reasons"]
    assert set(flagship) == {"id", "level", "recommended_level", "action", "reasons"}
    assert (data["flare_up"] is not None) == (reason == "flare_pain")


@pytest.mark.parametrize("level", ["0", "-1", "two"])
def test_run_level_must_be_a_whole_number_from_1(capsys, level):
    with pytest.raises(SystemExit) as exit_:
        main(["run", FLAGSHIP, "--level", level])
    assert exit_.value.code == 2
    assert "a level is a whole number from 1" in capsys.readouterr().err


# -- coach export --format (issue 19; the FHIR export itself: tests/test_fhir.py) ------
def test_export_format_csv_is_the_default(capsys, data_dir):
    from coach.journal import open_journal

    journal = open_journal(data_dir / "journal.sqlite3")
    journal.add_rating(4, "check_in", note="ok")
    journal.add_test_result("chair_stand", 12)
    journal.close()
    code, default, _ = run(capsys, "--data-dir", str(data_dir), "export")
    assert code == 0 and default.startswith("kind,uid,time")
    assert default.count("\ntest_result,") == 1
    code, chosen, _ = run(capsys, "--data-dir", str(data_dir), "export", "--format", "csv")
    assert code == 0 and chosen == default


def test_export_format_must_be_csv_or_fhir(capsys, data_dir):
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(data_dir), "export", "--format", "xml"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "argument --format: invalid choice: 'xml'" in err and "fhir" in err


def test_import_counts_test_results(capsys, tmp_path):
    from datetime import datetime, timedelta, timezone

    from coach.journal import open_journal

    source = open_journal(tmp_path / "source" / "journal.sqlite3")
    at = datetime(2026, 3, 1, 9, tzinfo=timezone(timedelta(hours=9)))
    source.add_test_result("chair_stand", 12, at=at)
    source.add_psfs([("stairs", 4), ("kneeling", 2)], at=at)
    source.close()
    out_file = tmp_path / "export.csv"
    assert run(capsys, "--data-dir", str(tmp_path / "source"), "export", "--out",
               str(out_file))[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "target"), "import", str(out_file))
    assert code == 0
    assert out == ("Imported 0 rating(s), 0 session(s), 0 safety event(s), 3 test "
                   "result(s) and 0 level choice(s); skipped 0 already in the journal.\n")


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path):
    """``coach export | head -1``: the reader stops; no "Broken pipe" message."""
    journal_dir = tmp_path / "data"
    from coach.journal import open_journal

    journal = open_journal(journal_dir / "journal.sqlite3")
    for n in range(3000):
        journal.add_rating(n % 11, "check_in")
    journal.close()
    child = subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(journal_dir),
                              "export"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             cwd=REPO)
    assert child.stdout is not None and child.stdout.readline().startswith(b"kind,")
    child.stdout.close()  # as head does after its line
    _, err = child.communicate(timeout=60)
    assert child.returncode == 141 and err == b""


def test_today_says_the_reminder_the_window_will_give(capsys, data_dir, plan_clock):
    """"Pause for today" in the window: `coach today` still named tonight's reminder."""
    from datetime import date

    from coach.schedule import ReminderState, save_state

    run(capsys, "--data-dir", str(data_dir), "plan", "add", FLAGSHIP, "--days", "daily",
        "--at", "20:00")
    save_state(data_dir / "reminders.json",
               ReminderState.starting(plan_clock).pause_today(date(2026, 12, 1)))
    data = json.loads(run(capsys, "--data-dir", str(data_dir), "today", "--json")[1])
    assert data["next_reminder"]["at"] == "2026-12-02T20:00:00+00:00"


@pytest.mark.parametrize(("args", "line"), [
    (["run", "no-such-routine"], "coach: there is no routine with the id 'no-such-routine' "
                                 "('coach list' shows them)"),
    (["run", FLAGSHIP, "--level", "9"], f"coach: {FLAGSHIP} has levels 1 to 3, not 9"),
])
def test_run_with_an_unknown_routine_or_level_is_a_usage_error(capsys, data_dir,
                                                               monkeypatch, args, line):
    """A typo opened the window with a box and exited 0 (the brief: one line on
    stderr, exit 2), so a script could not tell."""
    import coach.ui.app

    monkeypatch.setattr(coach.ui.app, "run_window", lambda *a, **k: pytest.fail("opened"))
    code, out, err = run(capsys, "--data-dir", str(data_dir), *args)
    assert (code, out, err.splitlines()) == (2, "", [line])
