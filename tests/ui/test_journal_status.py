"""The window and a journal in trouble: it opens, says what is wrong in plain words,
finds damage after start-up without waiting for it, and rescues what can be read."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from PySide6.QtWidgets import QMessageBox

from coach import config
from coach.ui import report
from coach.ui.widgets import MessageBar
from tests.test_journal_faults import damage, fill


def test_damage_found_after_start_up_is_said_and_the_export_rescues(
        make_window, qtbot, data_dir, monkeypatch, tmp_path):
    path = data_dir / "journal.sqlite3"
    fill(path, ratings=300)
    damage(path, "ratings")
    window = make_window()
    window.show()
    qtbot.waitUntil(lambda: window.findChild(MessageBar, "journalDamaged") is not None,
                    timeout=10000)
    bar = window.findChild(MessageBar, "journalDamaged")
    assert "Part of your journal is damaged" in bar.label.text()
    window.show_page("trend")  # the chart meets the damage: no crash, same bar
    qtbot.waitUntil(lambda: window.trend is not None)
    out = tmp_path / "rescued.csv"
    monkeypatch.setattr(report.QFileDialog, "getSaveFileName",
                        lambda *args: (str(out), "CSV file (*.csv)"))
    bar.action_clicked.emit()  # "Export CSV…" on the bar
    box = window.findChild(QMessageBox, "exportIncomplete")
    assert box is not None and "could not be read" in box.text()
    rows = out.read_text(encoding="utf-8").splitlines()
    assert 1 < len(rows) < 301  # every readable rating, not the damaged page's


@pytest.mark.parametrize(("kind", "words"), [
    ("foreign", "is not a Knee Coach journal"),
    ("folder", "cannot be used right now"),
])
def test_a_journal_that_cannot_be_used_still_opens_the_window(make_window, data_dir, kind,
                                                               words):
    path = data_dir / "journal.sqlite3"
    if kind == "foreign":
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        db.commit()
        db.close()
        before = path.read_bytes()
    else:
        path.mkdir()
    window = make_window()
    bar = window.findChild(MessageBar, "journalNotice")
    assert words in bar.label.text()
    assert not window.journal.writable
    if kind == "foreign":
        window.journal.close()
        assert path.read_bytes() == before  # someone else's file, untouched


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_no_export_over_a_file_from_a_journal_that_could_not_be_read(
        make_window, data_dir, monkeypatch, tmp_path, kind):
    """Export CSV… wrote a header-only file over the chosen one and said "Saved"."""
    from coach.ui import window_actions

    db = sqlite3.connect(data_dir / "journal.sqlite3")
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    db.commit()
    db.close()
    window = make_window()
    assert window.journal.notice.stand_in
    out = tmp_path / f"older.{kind}"
    out.write_text("an older export\n")
    asked = []
    monkeypatch.setattr(report.QFileDialog, "getSaveFileName",
                        lambda *args: asked.append(args) or (str(out), ""))
    window_actions.export(window, kind)
    assert asked == [] and out.read_text() == "an older export\n"
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert box.text().startswith("Nothing was saved: your journal could not be read")
    assert not window.statusBar().currentMessage().startswith("Saved")


def test_today_gives_no_advice_from_a_journal_that_could_not_be_read(make_window, data_dir):
    """A journal another program held made Today say "Welcome. A good start is..."
    the hour after a sharp-pain stop: the stand-in's empty history is not the user's."""
    db = sqlite3.connect(data_dir / "journal.sqlite3")
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    db.commit()
    db.close()
    page = make_window().today_page
    assert page.data.unreadable
    text = page.today_label.text()
    assert text.startswith("Your history could not be read") and "Welcome" not in text
    assert not page.today_box.isHidden() and page.action_label.isHidden()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_place_of_the_settings_file_is_said_not_waited_on(make_window, data_dir):
    """QSettings read the pipe and the window never opened."""
    os.mkfifo(data_dir / "settings.ini")
    window = make_window()
    bar = window.findChild(MessageBar, "settingsProblem")
    assert bar is not None and "is not an ordinary file" in bar.label.text()
    window.settings.set(config.SOUND, False)  # kept for this run only
    window.settings.sync()
    assert window.settings.get(config.SOUND) is False
    assert stat.S_ISFIFO(os.stat(data_dir / "settings.ini").st_mode)  # left alone


def test_a_journal_kept_aside_by_a_command_is_told_of_once(make_window, data_dir, capsys):
    """`coach today` found the journal damaged and kept it aside, saying so on its own
    stderr; the window then opened on the new, empty journal with no word of it."""
    from coach.cli import main

    (data_dir / "journal.sqlite3").write_bytes(b"garbage " * 500)
    main(["--data-dir", str(data_dir), "today"])
    capsys.readouterr()
    kept = next(data_dir.glob("journal.sqlite3.damaged-*"))
    window = make_window()
    bar = window.findChild(MessageBar, "journalKept")
    assert bar is not None and str(kept) in bar.label.text()
    window.journal.close()
    again = make_window()
    assert again.findChild(MessageBar, "journalKept") is None  # once


def test_a_journal_kept_aside_by_the_window_is_told_of_by_its_notice_alone(make_window,
                                                                         data_dir):
    (data_dir / "journal.sqlite3").write_bytes(b"garbage " * 500)
    window = make_window()
    assert window.findChild(MessageBar, "journalNotice") is not None
    assert window.findChild(MessageBar, "journalKept") is None
    window.journal.close()
    assert make_window().findChild(MessageBar, "journalKept") is None
