"""Opening the journal when other copies open it too, and telling damage apart from a
file that is busy, on a full disk or behind a disk error: only damage moves a file
aside; the rest opens read-only and leaves the file as it was."""

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from coach import journal_open as journal_module
from coach.journal import SCHEMA_VERSION, open_journal
from tests.conftest import REPO

#: A copy that opens the journal named on each line of its input at the moment given
#: there (so that all copies start together), closes it and says how it went.
OPENER = """
import json, sys, time
from pathlib import Path
from coach.journal import open_journal

for line in sys.stdin:
    path, at = line.split("\\t")
    time.sleep(max(0.0, float(at) - time.time()))
    try:
        journal = open_journal(Path(path))
    except Exception as err:
        print(json.dumps({"error": repr(err)}), flush=True)
        continue
    notice = journal.notice and f"{journal.notice.kind}: {journal.notice.reason}"
    version = journal.db.execute("PRAGMA user_version").fetchone()[0]
    journal.close()
    print(json.dumps({"notice": notice, "version": version}), flush=True)
"""


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "journal.sqlite3"


def tables(path):
    db = sqlite3.connect(path)
    try:
        return {name for (name,) in db.execute("SELECT name FROM sqlite_master "
                                                "WHERE type = 'table'")}
    finally:
        db.close()


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if "damaged" in p.name)


@pytest.mark.slow
def test_copies_opening_a_new_journal_at_the_same_moment_create_it_once(tmp_path):
    # Before, each copy read the schema version before taking the write lock: the
    # second to migrate found the tables made, called the file damaged and moved
    # aside the journal the first was writing to.
    copies = [subprocess.Popen([sys.executable, "-c", OPENER], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, cwd=REPO)
              for _ in range(4)]
    try:
        for round_ in range(30):
            path = tmp_path / f"round-{round_}" / "journal.sqlite3"
            at = time.time() + 0.05
            for copy in copies:
                copy.stdin.write(f"{path}\t{at}\n")
                copy.stdin.flush()
            results = [json.loads(copy.stdout.readline()) for copy in copies]
            assert results == [{"notice": None, "version": SCHEMA_VERSION}] * 4, \
                f"round {round_}: {results}"
            assert leftovers(path.parent) == []
            assert {"ratings", "sessions", "safety_events"} <= tables(path)
    finally:
        for copy in copies:
            copy.stdin.close()
            copy.wait(timeout=30)
            copy.stdout.close()


@pytest.mark.parametrize("mode", ["wal journal being written", "new file being created"])
def test_a_journal_locked_by_another_program_opens_read_only_and_stays(db_path, monkeypatch,
                                                                       mode):
    # Before, opening raised JournalError and the window did not open at all.
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT", 0.3)
    if mode == "wal journal being written":
        journal = open_journal(db_path)
        journal.add_rating(5, "check_in")
        journal.close()
    else:
        db_path.parent.mkdir(parents=True)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE elsewhere (x)")
    try:
        journal = open_journal(db_path)
        assert journal.notice.kind == "locked" and not journal.writable
        assert "another program" in journal.notice.reason
        # A WAL journal can still be read while another program writes it; a file
        # locked in rollback mode cannot, and an empty journal stands in.
        assert journal.notice.stand_in == (mode == "new file being created")
        assert [r.value for r in journal.ratings()] == ([5] if mode.startswith("wal") else [])
        journal.close()
        assert leftovers(db_path.parent) == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    journal = open_journal(db_path)  # once the other program is done, all is there
    assert journal.notice is None and journal.writable
    assert [r.value for r in journal.ratings()] == ([5] if mode.startswith("wal") else [])
    journal.close()


def test_a_full_disk_is_not_damage(db_path, monkeypatch):
    # max_page_count makes SQLite answer SQLITE_FULL as on a full disk. Before the
    # opening rework the new journal was called damaged and moved aside; then opening
    # raised JournalError, which the window does not catch.
    connect = journal_module._connect

    def small_disk(target, **kwargs):
        db = connect(target, **kwargs)
        if target != ":memory:":
            db.execute("PRAGMA max_page_count = 1")
        return db

    monkeypatch.setattr(journal_module, "_connect", small_disk)
    journal = open_journal(db_path)
    assert journal.notice.kind == "disk_full" and not journal.writable
    assert journal.notice.reason == "the disk is full"
    journal.close()
    assert leftovers(db_path.parent) == []
    monkeypatch.undo()
    journal = open_journal(db_path)  # space again: the same file becomes the journal
    assert journal.notice is None and journal.writable
    journal.close()


def fail_once(code, name):
    err = sqlite3.OperationalError(name)
    err.sqlite_errorcode = code
    return err


@pytest.mark.parametrize(("code", "kind", "reason"), [
    (sqlite3.SQLITE_CORRUPT, "moved_aside", "damaged"),
    (sqlite3.SQLITE_NOTADB, "moved_aside", "damaged"),
    (sqlite3.SQLITE_BUSY, "locked", "another program is using it"),
    (sqlite3.SQLITE_LOCKED, "locked", "another program is using it"),
    (sqlite3.SQLITE_FULL, "disk_full", "the disk is full"),
    (sqlite3.SQLITE_IOERR_SHMSIZE, "disk_full", "the disk is full"),  # no room for -shm
    (sqlite3.SQLITE_IOERR, "unusable", "disk reported an error"),
    (sqlite3.SQLITE_IOERR | (2 << 8), "unusable", "disk reported an error"),  # SHORT_READ
    (sqlite3.SQLITE_CANTOPEN, "unusable", "could not be opened"),
    (sqlite3.SQLITE_READONLY, "read_only", "cannot be written to"),
    (sqlite3.SQLITE_PERM, "read_only", "cannot be written to"),
    (sqlite3.SQLITE_ERROR, "unusable", "could not be opened"),
])
def test_errors_are_told_apart_by_code(db_path, monkeypatch, code, kind, reason):
    journal = open_journal(db_path)
    journal.add_rating(3, "check_in")
    journal.close()
    before = db_path.read_bytes()
    prepare = journal_module._prepare
    calls = []

    def failing(db, *, writable):
        calls.append(writable)
        if len(calls) == 1:
            raise fail_once(code, "simulated")
        return prepare(db, writable=writable)

    monkeypatch.setattr(journal_module, "_prepare", failing)
    journal = open_journal(db_path)
    assert journal.notice.kind == kind and reason in journal.notice.reason
    assert bool(leftovers(db_path.parent)) == (kind == "moved_aside")
    assert journal.writable == (kind == "moved_aside")
    if kind != "moved_aside":  # the file is shown as it is, and kept as it was
        assert not journal.notice.stand_in
        assert [r.value for r in journal.ratings()] == [3]
        assert db_path.read_bytes() == before
    journal.close()


def test_a_checkpoint_half_way_is_not_damage(db_path, tmp_path):
    # A checkpoint copies pages from the WAL into the file in page order: page 1,
    # whose header counts the pages, is there before the rest. Another copy opening
    # the journal then must not call it cut off; before, it moved it aside.
    journal = open_journal(db_path)
    journal.db.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(200):
        journal.add_rating(n % 11, "check_in", note="x" * 200)
    copy = tmp_path / "copy" / "journal.sqlite3"
    copy.parent.mkdir()
    copy.write_bytes(db_path.read_bytes())
    wal = db_path.with_name(db_path.name + "-wal").read_bytes()
    journal.close()
    page_size = int.from_bytes(wal[8:12], "big")
    frames = [wal[at:at + 24 + page_size] for at in range(32, len(wal), 24 + page_size)]
    [*_, page_one] = [f[24:] for f in frames if int.from_bytes(f[:4], "big") == 1]
    copy.with_name(copy.name + "-wal").write_bytes(wal)
    with open(copy, "r+b") as handle:  # page 1 checkpointed, nothing after it yet
        handle.write(page_one)
    pages = int.from_bytes(page_one[28:32], "big")
    assert pages * page_size > copy.stat().st_size  # what the old header check saw

    reopened = open_journal(copy)
    assert reopened.notice is None
    assert len(reopened.ratings()) == 200
    reopened.close()
    assert leftovers(copy.parent) == []


@pytest.mark.parametrize("content", [b"SQLite f", b"not a journal, and short"])
def test_a_short_file_is_judged_by_sqlite(db_path, content):
    # Under 100 bytes the header check says nothing (another copy may be writing the
    # first page this moment); SQLite, under its lock, finds real garbage.
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    journal = open_journal(db_path)
    assert journal.notice.kind == "moved_aside"
    assert journal.notice.backup.read_bytes() == content
    journal.close()


def test_migration_statements_are_split_outside_literals():
    script = "CREATE TABLE t (a TEXT DEFAULT 'x;y');\n INSERT INTO t VALUES ('a;b'); \n"
    assert [s.strip() for s in journal_module._statements(script)] == [
        "CREATE TABLE t (a TEXT DEFAULT 'x;y');", "INSERT INTO t VALUES ('a;b');"]
    db = sqlite3.connect(":memory:")
    for statement in journal_module._statements(script):
        db.execute(statement)
    assert db.execute("SELECT a FROM t").fetchall() == [("a;b",)]
    db.close()


def test_opening_does_not_leave_a_transaction_open(db_path):
    journal = open_journal(db_path)
    assert not journal.db.in_transaction
    other = sqlite3.connect(db_path, timeout=0.1, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the writer lock is free
    other.execute("ROLLBACK")
    other.close()
    journal.close()
    assert os.path.exists(db_path)
