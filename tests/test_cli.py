import gc
import subprocess
import sys

import pytest

from coach import __version__
from coach.__main__ import main as launch
from coach.cli import main
from tests.conftest import FLAGSHIP, REPO


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
    assert "内ももを鍛える10分ルーティン" in result.stdout
    assert "PySide6" not in result.stderr  # importtime lists every module imported


def test_list_shows_id_title_and_duration(capsys):
    code, out, _ = run(capsys, "list", "--lang", "en")
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first == [FLAGSHIP, "Ten-minute inner-thigh routine", "9:47"]
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
    assert "Imported 1 rating(s), 0 session(s) and 0 safety event(s); skipped 0" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "target"), "import", str(out_file))
    assert "Imported 0 rating(s)" in out and "skipped 1" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "target"), "export")
    assert out.count("rating,") == 1 and ",4,check_in,,ok," in out


def test_export_over_garbage_database_keeps_it_aside_and_says_so(capsys, data_dir):
    (data_dir / "journal.sqlite3").write_bytes(b"garbage " * 500)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export")
    assert code == 0
    assert out.startswith("kind,uid,time")
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
