"""Fault injection: a full disk, a lock held by another program, damaged pages, someone
else's SQLite file and a folder in the journal's place never cost the user their
history, and a file that is not damaged is kept byte for byte."""

import os
import shutil
import sqlite3
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from coach import journal_open as journal_module
from coach.journal import (
    APPLICATION_ID,
    JournalBusy,
    JournalDamaged,
    JournalError,
    JournalReadOnly,
    open_journal,
)

START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "journal.sqlite3"


def fill(path, ratings=300, sessions=0, events=0):
    """A closed journal (everything checkpointed into the file) with many records,
    each rating with a long note, so that every table spans several pages."""
    journal = open_journal(path)
    uids = [journal.start_session("ten-minute-inner-thigh", at=START + timedelta(days=n)).uid
            for n in range(sessions)]
    for n in range(ratings):
        journal.add_rating(n % 11, "check_in", at=START + timedelta(hours=n), note="n" * 150,
                           session_uid=uids[n % len(uids)] if uids else None)
    for n in range(events):
        journal.add_safety_event("sharp_pain", at=START + timedelta(hours=n), step=1,
                                 note="e" * 150)
    journal.close()
    return path


def others(folder):
    """Files the opening left beside the journal (WAL files, damaged copies)."""
    return sorted(p.name for p in folder.iterdir() if p.name != "journal.sqlite3")


# -- damaged pages -------------------------------------------------------------------
def pages(path, name):
    """The page numbers of the b-tree *name* (a table or an index): (interior, leaves)."""
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    [(root,)] = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,))
    db.close()
    data = path.read_bytes()
    interior, leaves, todo = [], [], [root]
    while todo:
        page = todo.pop(0)
        at = (page - 1) * page_size + (100 if page == 1 else 0)
        if data[at] in (0x02, 0x05):  # an interior page: children, then the right-most
            interior.append(page)
            cells = int.from_bytes(data[at + 3:at + 5], "big")
            start = (page - 1) * page_size
            for n in range(cells):
                offset = int.from_bytes(data[at + 12 + 2 * n:at + 14 + 2 * n], "big")
                todo.append(int.from_bytes(data[start + offset:start + offset + 4], "big"))
            todo.append(int.from_bytes(data[at + 8:at + 12], "big"))
        else:
            leaves.append(page)
    return page_size, interior, leaves


def overwrite_page(path, page, page_size):
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def damage(path, name, leaf=1):
    """Overwrite one leaf page of *name* (its second by default) with garbage."""
    page_size, _, leaves = pages(path, name)
    assert len(leaves) > 2, "the table must span several pages"
    overwrite_page(path, leaves[leaf], page_size)


def rows_in_leaf(path, table, leaf=1):
    db = sqlite3.connect(path)
    page_size, _, leaves = pages(path, table)
    try:  # dbstat is optional in SQLite builds: count with it when it is there
        return db.execute("SELECT ncell FROM dbstat WHERE name = ? AND pageno = ?",
                          (table, leaves[leaf])).fetchone()[0]
    except sqlite3.OperationalError:
        return None
    finally:
        db.close()


def test_quick_check_finds_damaged_pages_that_opening_does_not(db_path):
    fill(db_path)
    sound = open_journal(db_path)
    assert sound.quick_check() == []
    sound.close()
    damage(db_path, "ratings")
    journal = open_journal(db_path)
    assert journal.notice is None  # opening reads no data page: nothing is noticed yet
    problems = journal.quick_check()
    assert problems and all(isinstance(p, str) for p in problems)
    journal.close()


def test_quick_check_runs_in_another_thread_on_its_own_connection(db_path):
    fill(db_path)
    damage(db_path, "ratings")
    journal = open_journal(db_path)
    found = []
    worker = threading.Thread(target=lambda: found.append(journal.quick_check()))
    worker.start()
    worker.join(timeout=30)
    assert found and found[0]
    journal.close()


def test_quick_check_never_raises(db_path, tmp_path):
    db_path.parent.mkdir(parents=True)
    db_path.mkdir()  # a folder in the way: an in-memory stand-in, nothing to check
    assert open_journal(db_path).quick_check() == []
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    journal = open_journal(tmp_path / "fine.sqlite3")
    journal.source = garbage.as_uri() + "?mode=ro"  # as if the file went bad under it
    assert journal.quick_check()
    journal.close()


@pytest.mark.parametrize(("table", "methods"), [
    ("ratings", ["ratings", "rating_points", "session_ratings", "ratings_since"]),
    ("sessions", ["sessions", "session_points", "session_ratings"]),
    ("safety_events", ["safety_events"]),
])
def test_reads_that_meet_damage_raise_journal_damaged(db_path, table, methods):
    # Before, a raw sqlite3.DatabaseError escaped: the trend page failed on it.
    fill(db_path, ratings=300, sessions=120, events=120)
    damage(db_path, table)
    journal = open_journal(db_path)
    for method in methods:
        args = [START.date()] if method == "ratings_since" else []
        with pytest.raises(JournalDamaged, match="damaged"):
            getattr(journal, method)(*args)
    journal.close()


@pytest.mark.parametrize("garbled", ["gar\x01bled", "2026-03-01T08:00:00", 42])
def test_a_time_garbled_in_place_is_damage_too(db_path, garbled):
    # A page whose bytes still parse: the garbled time is the damage to find.
    fill(db_path, ratings=10)
    db = sqlite3.connect(db_path)
    db.execute("UPDATE ratings SET at = ? WHERE id = 4", (garbled,))
    db.commit()
    db.close()
    journal = open_journal(db_path)
    with pytest.raises(JournalDamaged):
        journal.ratings()
    rescue = journal.salvage()
    assert len(rescue.ratings) == 9
    assert rescue.unreadable == ["1 rating(s) could not be read (row ids 4)"]
    journal.close()


def test_salvage_rescues_every_readable_record(db_path):
    fill(db_path, ratings=300, sessions=60, events=60)
    expected = open_journal(db_path)
    everything = expected.ratings()
    sessions, events = expected.sessions(), expected.safety_events()
    expected.close()
    lost_here = rows_in_leaf(db_path, "ratings")
    damage(db_path, "ratings")
    journal = open_journal(db_path)
    rescue = journal.salvage()
    journal.close()
    assert rescue.sessions == sessions and rescue.events == events
    assert 0 < len(everything) - len(rescue.ratings) <= 40
    assert set(rescue.ratings) <= set(everything)
    assert [r.at for r in rescue.ratings] == sorted(r.at for r in rescue.ratings)
    [line] = rescue.unreadable
    lost = len(everything) - len(rescue.ratings)
    assert line.startswith(f"{lost} rating(s) could not be read (row ids ")
    if lost_here is not None:
        assert lost == lost_here


def test_salvage_without_the_uid_index_reads_by_ranges_of_row_ids(db_path):
    fill(db_path, ratings=300)
    page_size, _, leaves = pages(db_path, "sqlite_autoindex_ratings_1")
    for page in leaves:
        overwrite_page(db_path, page, page_size)
    damage(db_path, "ratings", leaf=2)
    journal = open_journal(db_path)
    rescue = journal.salvage()
    journal.close()
    assert 250 < len(rescue.ratings) < 300
    [line] = rescue.unreadable
    assert line.startswith("the ratings with row ids ") and "not known" in line


def test_salvage_keeps_ratings_of_a_lost_session_without_it(db_path):
    fill(db_path, ratings=300, sessions=120)
    damage(db_path, "sessions")
    journal = open_journal(db_path)
    rescue = journal.salvage()
    journal.close()
    assert len(rescue.ratings) == 300  # no rating is lost with its session
    assert any("session(s) could not be read" in line for line in rescue.unreadable)
    assert any("rating(s) belonged to a session that could not be read" in line
               for line in rescue.unreadable)
    assert sum(r.session_uid is None for r in rescue.ratings) > 0


def test_salvage_of_a_table_beyond_rescue_says_so(db_path):
    fill(db_path, ratings=300)
    page_size, interior, leaves = pages(db_path, "ratings")
    for page in interior + leaves:
        overwrite_page(db_path, page, page_size)
    page_size, interior, leaves = pages(db_path, "sqlite_autoindex_ratings_1")
    for page in interior + leaves:
        overwrite_page(db_path, page, page_size)
    journal = open_journal(db_path)
    rescue = journal.salvage()
    journal.close()
    assert rescue.ratings == []
    assert rescue.unreadable == [
        "no rating could be read: that part of the journal is damaged beyond rescue"]


# -- a full disk ---------------------------------------------------------------------
def test_a_full_disk_at_start_up_keeps_a_healthy_journal_byte_for_byte(db_path, monkeypatch):
    # Before the opening rework, the healthy journal was renamed aside; after it,
    # opening raised JournalError, which the window does not catch.
    fill(db_path, ratings=20)
    before = db_path.read_bytes()
    connect = journal_module._connect

    def full(target, **kwargs):
        if target == str(db_path):  # the writable connection: no room for the WAL index
            err = sqlite3.OperationalError("disk I/O error")
            err.sqlite_errorcode = sqlite3.SQLITE_IOERR_SHMSIZE
            raise err
        return connect(target, **kwargs)

    monkeypatch.setattr(journal_module, "_connect", full)
    journal = open_journal(db_path)
    assert journal.notice.kind == "disk_full" and not journal.writable
    assert not journal.notice.stand_in and len(journal.ratings()) == 20
    with pytest.raises(JournalReadOnly):
        journal.add_rating(3, "check_in")
    journal.close()
    assert db_path.read_bytes() == before
    assert "damaged" not in " ".join(others(db_path.parent))


def test_a_disk_that_fills_up_while_running_fails_the_save_only(db_path):
    journal = open_journal(db_path)
    journal.add_rating(4, "check_in")
    pages_now = journal.db.execute("PRAGMA page_count").fetchone()[0]
    journal.db.execute(f"PRAGMA max_page_count = {pages_now}")
    with pytest.raises(JournalError, match="the disk is full"):
        for n in range(200):
            journal.add_rating(n % 11, "check_in", note="x" * 400)
    saved = len(journal.ratings())
    journal.db.execute("PRAGMA max_page_count = 1000000")  # space again
    journal.add_rating(5, "check_in")
    assert len(journal.ratings()) == saved + 1
    journal.close()


@pytest.fixture
def small_disk(tmp_path):
    """A real 2 MiB file system (tmpfs). Needs root and mount(8); skipped elsewhere
    (CI runs the deterministic tests above)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill_disk(folder):
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass


def test_a_really_full_disk_at_start_up(small_disk):
    path = fill(small_disk / "journal.sqlite3", ratings=50)
    before = path.read_bytes()
    fill_disk(small_disk)
    journal = open_journal(path)
    assert journal.notice.kind == "disk_full" and not journal.writable
    assert len(journal.ratings()) == 50
    journal.close()
    assert path.read_bytes() == before
    assert "damaged" not in " ".join(others(small_disk))
    (small_disk / "filler").unlink()
    journal = open_journal(path)  # space again: the same journal, writable
    assert journal.notice is None and len(journal.ratings()) == 50
    journal.add_rating(2, "check_in")
    journal.close()


def test_a_disk_really_filling_up_while_running(small_disk):
    journal = open_journal(small_disk / "journal.sqlite3")
    journal.add_rating(4, "check_in")
    fill_disk(small_disk)
    with pytest.raises(JournalError, match="disk is full"):
        for n in range(2000):
            journal.add_rating(n % 11, "check_in", note="x" * 400)
    assert journal.ratings()
    journal.close()


# -- a lock held by another program ---------------------------------------------------
def test_a_save_that_meets_a_lock_fails_fast_with_journal_busy(db_path):
    # Before, the save waited BUSY_TIMEOUT (5 s) with the window frozen.
    journal = open_journal(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(JournalBusy, match="busy"):
            journal.add_rating(3, "check_in")
        assert time.monotonic() - started < 2.0
    finally:
        other.execute("ROLLBACK")
        other.close()
    journal.add_rating(3, "check_in")
    assert len(journal.ratings()) == 1
    journal.close()


def test_a_journal_locked_at_start_up_is_shown_read_only_and_kept(db_path, monkeypatch):
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT", 0.3)
    fill(db_path, ratings=20)
    before = db_path.read_bytes()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM ratings")  # not committed: the journal shows all 20
    try:
        journal = open_journal(db_path)
        assert journal.notice.kind == "locked" and not journal.writable
        assert len(journal.ratings()) == 20
        with pytest.raises(JournalReadOnly):
            journal.add_rating(3, "check_in")
        journal.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert db_path.read_bytes() == before


# -- someone else's file ---------------------------------------------------------------
def foreign(path, *, user_version=0, application_id=0, wal=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    if wal:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    db.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
    db.execute(f"PRAGMA user_version = {user_version}")
    db.execute(f"PRAGMA application_id = {application_id}")
    db.commit()
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize("variant", [
    {}, {"user_version": 42}, {"application_id": 0x0F055112}, {"wal": True}])
def test_someone_elses_sqlite_file_is_left_untouched(db_path, variant):
    # Before, it was given the journal's tables (or, with a high user_version, called
    # "a newer Knee Coach" and moved aside).
    before = foreign(db_path, **variant)
    journal = open_journal(db_path)
    notice = journal.notice
    assert notice.kind == "foreign" and notice.stand_in and not journal.writable
    assert "not a Knee Coach journal" in notice.reason and "untouched" in notice.reason
    assert journal.ratings() == []
    with pytest.raises(JournalReadOnly):
        journal.add_rating(3, "check_in")
    journal.close()
    assert db_path.read_bytes() == before
    assert others(db_path.parent) == []


def test_someone_elses_file_in_a_read_only_folder_is_foreign_too(db_path, monkeypatch):
    before = foreign(db_path)
    monkeypatch.setattr(journal_module, "_folder_writable", lambda folder: False)
    journal = open_journal(db_path)
    assert journal.notice.kind == "foreign" and journal.ratings() == []
    journal.close()
    assert db_path.read_bytes() == before


def test_a_new_journal_carries_the_mark(db_path):
    journal = open_journal(db_path)
    assert journal.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    journal.close()


def unmark(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 0")
    db.commit()
    db.close()


def test_a_journal_from_before_the_mark_is_marked_and_kept(db_path):
    fill(db_path, ratings=5)
    unmark(db_path)
    journal = open_journal(db_path)
    assert journal.notice is None and len(journal.ratings()) == 5
    assert journal.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    journal.close()


def test_an_unmarked_file_with_a_high_version_is_not_a_newer_knee_coach(db_path):
    fill(db_path, ratings=5)
    unmark(db_path)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA user_version = 7")
    db.commit()
    db.close()
    before = db_path.read_bytes()
    journal = open_journal(db_path)
    assert journal.notice.kind == "foreign"
    journal.close()
    assert db_path.read_bytes() == before


def test_an_unmarked_journal_with_an_extra_table_is_not_ours(db_path):
    fill(db_path, ratings=5)
    unmark(db_path)
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE extra (x)")
    db.commit()
    db.close()
    journal = open_journal(db_path)
    assert journal.notice.kind == "foreign"
    journal.close()


# -- a folder in the way -----------------------------------------------------------------
def test_a_folder_named_like_the_journal_is_unusable_not_a_crash(db_path):
    # Before, opening raised IsADirectoryError and the window did not open.
    db_path.mkdir(parents=True)
    (db_path / "keep.txt").write_text("mine")
    journal = open_journal(db_path)
    notice = journal.notice
    assert notice.kind == "unusable" and notice.stand_in and not journal.writable
    assert "folder" in notice.reason
    assert journal.ratings() == []
    journal.close()
    assert db_path.is_dir() and (db_path / "keep.txt").read_text() == "mine"


def test_an_empty_file_in_a_read_only_folder_opens(db_path, monkeypatch):
    # Before, the read-only journal had no tables and every read raised.
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    monkeypatch.setattr(journal_module, "_folder_writable", lambda folder: False)
    journal = open_journal(db_path)
    assert journal.notice.kind == "read_only" and journal.ratings() == []
    journal.close()
    assert db_path.read_bytes() == b""


def test_a_read_only_journal_file_in_a_writable_folder_says_so(db_path, monkeypatch):
    """It was reported as "the data folder cannot be written to": the user went to fix
    the folder's permissions, not the file's."""
    import os

    open_journal(db_path).close()
    real_access = os.access

    def access(path, mode, *args, **kwargs):  # as for a user without root's override
        if mode == os.W_OK and os.fspath(path) == os.fspath(db_path):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(journal_module.os, "access", access)
    journal = open_journal(db_path)
    assert journal.notice.kind == "read_only"
    assert journal.notice.reason == "the journal file is read-only"
    journal.close()


@pytest.mark.parametrize("trigger", [
    "CREATE TRIGGER zz AFTER INSERT ON ratings BEGIN DELETE FROM ratings; END",
    # One of the journal's own, made to do something else.
    "DROP TRIGGER rating_groups_insert; CREATE TRIGGER rating_groups_insert AFTER INSERT "
    "ON ratings BEGIN DELETE FROM ratings WHERE id = new.id; END",
])
def test_a_trigger_knee_coach_did_not_make_is_not_written_through(db_path, trigger):
    """A trigger added to the journal threw away every rating as it was saved, while
    the save said it was done: the journal now opens read-only and says why."""
    journal = open_journal(db_path)
    journal.add_rating(4, "check_in")
    journal.close()
    db = sqlite3.connect(db_path)
    db.executescript(trigger)
    db.close()
    journal = open_journal(db_path)
    assert not journal.writable and journal.notice.kind == "unusable"
    assert "triggers Knee Coach did not make" in journal.notice.reason
    assert [r.value for r in journal.ratings()] == [4]  # what is there is shown
    journal.close()


def test_the_journals_own_triggers_pass(db_path):
    open_journal(db_path).close()
    journal = open_journal(db_path)
    assert journal.writable and journal.notice is None
    journal.close()


def test_the_triggers_read_from_the_migrations_are_those_sqlite_makes():
    from coach.journal import MIGRATIONS, SCHEMA_VERSION
    from coach.journal_open import _statements, _triggers, _triggers_at

    db = sqlite3.connect(":memory:")
    for migration in MIGRATIONS:
        for statement in _statements(migration()):
            db.execute(statement)
    assert _triggers(db) == _triggers_at(SCHEMA_VERSION) and _triggers(db)
    db.close()
