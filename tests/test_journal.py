import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach import journal_open as journal_module
from coach.journal import SCHEMA_VERSION, EventKind, JournalReadOnly, open_journal

JST = timezone(timedelta(hours=9))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "journal.sqlite3"


def test_fresh_journal_has_schema_wal_and_keeps_ratings(db_path):
    journal = open_journal(db_path)
    assert journal.notice is None and journal.writable
    at = datetime(2026, 11, 21, 8, 30, tzinfo=JST)
    rating = journal.add_rating(4, "check_in", at=at, side="left", note="stairs")
    journal.close()

    reopened = open_journal(db_path)
    assert reopened.ratings() == [rating]
    assert reopened.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert reopened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert reopened.ratings()[0].at.utcoffset() == timedelta(hours=9)


def test_a_rating_is_on_disk_as_soon_as_add_rating_returns(db_path):
    journal = open_journal(db_path)
    journal.add_rating(3, "before")
    other = sqlite3.connect(db_path)  # a second reader sees the committed row
    assert other.execute("SELECT value FROM ratings").fetchall() == [(3,)]
    other.close()


def test_ratings_sort_by_real_time_across_utc_offsets(db_path):
    journal = open_journal(db_path)
    late = journal.add_rating(2, "check_in", at=datetime(2026, 1, 1, 10, tzinfo=JST))
    early = journal.add_rating(5, "check_in",
                               at=datetime(2026, 1, 1, 2, 30, tzinfo=UTC))
    assert [r.uid for r in journal.ratings()] == [late.uid, early.uid]  # 01:00Z < 02:30Z


@pytest.mark.parametrize("value", [-1, 11, 2.5, True, "3"])
def test_ratings_outside_0_to_10_are_refused(db_path, value):
    with pytest.raises(ValueError):
        open_journal(db_path).add_rating(value, "check_in")


def test_session_lifecycle_and_safety_event(db_path):
    journal = open_journal(db_path)
    session = journal.start_session("ten-minute-inner-thigh")
    journal.record_progress(session.uid, 2)
    rating = journal.add_rating(6, "after", session_uid=session.uid)
    event = journal.add_safety_event("sharp_pain", session_uid=session.uid, step=3,
                                     side="left")
    journal.end_session(session.uid, "sharp_pain", 2)
    [stored] = journal.sessions()
    assert stored.outcome == "sharp_pain" and stored.steps_completed == 2 and stored.ended
    assert journal.ratings()[0].session_uid == session.uid == rating.session_uid
    assert journal.safety_events() == [event]


@pytest.mark.parametrize("damage", [
    b"this is not a database at all\n" * 100,
    b"",  # an empty file is a valid empty database: no notice expected
    "truncate",
])
def test_damaged_file_is_kept_aside_and_a_fresh_journal_starts(db_path, damage):
    journal = open_journal(db_path)
    for n in range(200):
        journal.add_rating(n % 11, "check_in", note="x" * 200)
    journal.close()
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    original = db_path.read_bytes()
    if damage == "truncate":
        db_path.write_bytes(original[: len(original) // 3])
    else:
        db_path.write_bytes(damage)

    reopened = open_journal(db_path)
    assert reopened.writable
    if damage == b"":
        assert reopened.notice is None
        return
    notice = reopened.notice
    assert notice.kind == "moved_aside"
    assert notice.backup.exists() and notice.backup.name.startswith("journal.sqlite3.damaged-")
    assert notice.backup.read_bytes() == (
        original[: len(original) // 3] if damage == "truncate" else damage)
    assert reopened.ratings() == []
    reopened.add_rating(1, "check_in")
    assert len(reopened.ratings()) == 1


def test_journal_from_a_newer_app_is_kept_aside(db_path):
    open_journal(db_path).close()
    db = sqlite3.connect(db_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    journal = open_journal(db_path)
    assert journal.notice.kind == "moved_aside"
    assert "newer version of Knee Coach" in journal.notice.reason


def test_unwritable_folder_gives_a_read_only_journal(db_path, monkeypatch):
    journal = open_journal(db_path)
    journal.add_rating(7, "check_in")
    journal.close()
    monkeypatch.setattr(journal_module, "_folder_writable", lambda folder: False)
    journal = open_journal(db_path)
    assert journal.notice.kind == "read_only" and not journal.writable
    assert [r.value for r in journal.ratings()] == [7]
    with pytest.raises(JournalReadOnly):
        journal.add_rating(1, "check_in")


def test_unwritable_folder_without_a_journal_still_opens(tmp_path, monkeypatch):
    monkeypatch.setattr(journal_module, "_folder_writable", lambda folder: False)
    journal = open_journal(tmp_path / "nowhere" / "journal.sqlite3")
    assert journal.notice.kind == "read_only" and journal.ratings() == []


def test_correct_delete_and_restore_a_rating(db_path):
    journal = open_journal(db_path)
    rating = journal.add_rating(6, "check_in", note="stairs")
    fixed = journal.update_rating(rating.uid, value=4, note="")
    assert journal.ratings() == [fixed] and fixed.value == 4 and fixed.note is None
    removed = journal.delete_rating(rating.uid)
    assert journal.ratings() == []
    journal.restore_rating(removed)
    assert journal.ratings() == [fixed]
    with pytest.raises(ValueError):
        journal.update_rating(rating.uid, value=11)


def test_points_for_the_chart_match_the_full_records(db_path):
    journal = open_journal(db_path)
    moments = [datetime(2026, 3, 29, 0, 30, tzinfo=UTC),  # 09:30 in Japan, same instant order
               datetime(2026, 3, 29, 1, 15, tzinfo=timezone(timedelta(hours=-5))),
               datetime(2026, 3, 28, 23, 59, 59, 250000, tzinfo=JST)]
    for n, at in enumerate(moments):
        journal.add_rating(n + 2, ("check_in", "after", "before")[n], at=at)
    started = journal.start_session("ten-minute-inner-thigh", at=moments[0])
    journal.end_session(started.uid, "completed", 5, at=moments[0] + timedelta(minutes=10))

    points = journal.rating_points()
    ratings = journal.ratings()
    assert [p[0] for p in points] == [r.uid for r in ratings]  # same order: by instant
    for (_uid, stamp, day, value, context), rating in zip(points, ratings, strict=True):
        assert stamp == pytest.approx(rating.at.timestamp(), abs=1e-3)
        assert day == rating.at.date().isoformat()  # the day where it was rated
        assert (value, context) == (rating.value, rating.context)
    [(stamp, day, outcome, steps)] = journal.session_points()
    assert stamp == pytest.approx(moments[0].timestamp(), abs=1e-3)
    assert (day, outcome) == ("2026-03-29", "completed")


# -- routine levels (migration 2) ------------------------------------------------------
def _version_1_journal(path):
    """A journal as Knee Coach wrote it before levels: schema version 1, one session."""
    from coach.journal import APPLICATION_ID, MIGRATIONS
    from coach.journal_open import _statements

    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]()):
        db.execute(statement)
    db.execute("INSERT INTO sessions (uid, routine_id, started, ended, steps_completed, "
               "outcome) VALUES ('s1', 'knee', '2026-11-20T09:00:00+09:00', "
               "'2026-11-20T09:10:00+09:00', 5, 'completed')")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def test_a_journal_from_before_levels_is_migrated_and_keeps_its_sessions(db_path):
    _version_1_journal(db_path)
    journal = open_journal(db_path)
    assert journal.notice is None
    assert journal.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
    [old] = journal.sessions()
    assert (old.uid, old.steps_completed, old.outcome, old.level) == ("s1", 5, "completed",
                                                                        None)
    new = journal.start_session("knee", level=3)
    assert journal.sessions()[-1] == new and new.level == 3
    assert journal.level_choices() == []


def test_a_read_only_journal_from_before_levels_is_read_as_it_is(db_path, monkeypatch):
    _version_1_journal(db_path)
    monkeypatch.setattr(journal_module, "_folder_writable", lambda folder: False)
    journal = open_journal(db_path)
    assert not journal.writable and journal.version == 1
    assert [(s.uid, s.level) for s in journal.sessions()] == [("s1", None)]
    assert journal.level_choices() == []
    assert journal.salvage().sessions[0].uid == "s1"


def test_level_choices_are_kept_in_time_order_and_announced(db_path):
    from coach.journal import Changed, ChoiceKind

    journal = open_journal(db_path)
    heard = []
    journal.subscribe(heard.append)
    later = journal.add_level_choice("knee", 3, ChoiceKind.DECLINED,
                                     at=datetime(2026, 11, 22, 9, tzinfo=JST))
    first = journal.add_level_choice("knee", 1, ChoiceKind.CHOSEN,
                                     at=datetime(2026, 11, 21, 9, tzinfo=JST))
    assert journal.level_choices() == [first, later]
    assert heard == [Changed.LEVELS, Changed.LEVELS]


@pytest.mark.parametrize("level", [0, -1, 1.5, True, "2"])
def test_a_level_is_a_whole_number_from_1(db_path, level):
    journal = open_journal(db_path)
    with pytest.raises(ValueError, match="level"):
        journal.start_session("knee", level=level)
    with pytest.raises(ValueError, match="level"):
        journal.add_level_choice("knee", level, "chosen")
    assert journal.sessions() == [] and journal.level_choices() == []


def test_a_level_choice_kind_is_checked(db_path):
    journal = open_journal(db_path)
    with pytest.raises(ValueError, match="kind"):
        journal.add_level_choice("knee", 2, "maybe")


# -- the chart's groups (migration 4) --------------------------------------------------
GROUPED = ("SELECT g.*, r.uid, r.at FROM (SELECT substr(at, 1, 10), context, value, "
           "count(*), min(id) AS id FROM ratings GROUP BY 1, 2, 3) AS g "
           "JOIN ratings r ON r.id = g.id ORDER BY 1, 2, 3")


def _groups(journal):
    return journal.db.execute("SELECT * FROM rating_groups "
                              "ORDER BY day, context, value").fetchall()


# A rating written, corrected, deleted or restored in any order: the groups the
# triggers keep are always what grouping every rating gives, also across time zones
# (a rating's day is its own local day) and for the group's oldest rating.
_AT = st.builds(lambda day, hour, offset: datetime(2026, 3, 1 + day, hour, 30,
                                                   tzinfo=timezone(timedelta(hours=offset))),
                st.integers(0, 1), st.sampled_from([0, 23]), st.sampled_from([-10, 9]))
_STEP = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 1), st.sampled_from(["before", "after"]), _AT),
    st.tuples(st.just("correct"), st.integers(0, 30), st.integers(0, 1)),
    st.tuples(st.just("delete"), st.integers(0, 30)),
    st.tuples(st.just("undo"), st.just(0)))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_STEP, max_size=25))
def test_the_chart_groups_follow_every_change_of_the_ratings(tmp_path_factory, steps):
    journal = open_journal(tmp_path_factory.mktemp("groups") / "journal.sqlite3")
    deleted = []
    for step in steps:
        stored = journal.ratings()
        if step[0] == "add":
            journal.add_rating(step[1], step[2], at=step[3])
        elif step[0] == "correct" and stored:
            journal.update_rating(stored[step[1] % len(stored)].uid, value=step[2])
        elif step[0] == "delete" and stored:
            deleted.append(journal.delete_rating(stored[step[1] % len(stored)].uid))
        elif step[0] == "undo" and deleted:
            journal.restore_rating(deleted.pop())
        assert _groups(journal) == journal.db.execute(GROUPED).fetchall()
    journal.close()


def test_a_moved_rating_leaves_its_group_for_another(db_path):
    journal = open_journal(db_path)
    first = journal.add_rating(3, "before", at=datetime(2026, 3, 1, 8, tzinfo=JST))
    second = journal.add_rating(3, "before", at=datetime(2026, 3, 1, 9, tzinfo=JST))
    journal.db.execute("UPDATE ratings SET at = '2026-03-05T08:00:00+09:00', "
                       "context = 'after' WHERE uid = ?", (first.uid,))
    assert _groups(journal) == journal.db.execute(GROUPED).fetchall() == [
        ("2026-03-01", "before", 3, 1, 2, second.uid, "2026-03-01T09:00:00+09:00"),
        ("2026-03-05", "after", 3, 1, 1, first.uid, "2026-03-05T08:00:00+09:00")]
    # Corrected into a group of later ratings, the older rating becomes the one shown.
    journal.add_rating(5, "after", at=datetime(2026, 3, 5, 9, tzinfo=JST))
    journal.update_rating(first.uid, value=5)
    assert _groups(journal) == journal.db.execute(GROUPED).fetchall() == [
        ("2026-03-01", "before", 3, 1, 2, second.uid, "2026-03-01T09:00:00+09:00"),
        ("2026-03-05", "after", 5, 2, 1, first.uid, "2026-03-05T08:00:00+09:00")]


def _journal_at(path, version, ratings):
    """A journal as an older Knee Coach wrote it: schema *version*, with *ratings*
    ``(at, value, context)``."""
    from coach.journal import APPLICATION_ID, MIGRATIONS
    from coach.journal_open import _statements

    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    for number in range(version):
        for statement in _statements(MIGRATIONS[number]()):
            db.execute(statement)
    db.executemany("INSERT INTO ratings (uid, at, value, context) VALUES (?, ?, ?, ?)",
                   [(f"r{n}", *rating) for n, rating in enumerate(ratings)])
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


_MANY = [(f"2026-03-0{1 + n % 3}T0{n % 10}:00:00+09:00", n % 4, ("before", "after")[n % 2])
         for n in range(40)]


def _grouped_by_hand(ratings):
    """``chart_ratings``' grouped rows, worked out in Python: ``(day, value, context,
    how many)`` and the uid of the group's first rating."""
    groups = {}
    for n, (at, value, context) in enumerate(ratings):
        key = (at[:10], context, value)
        uid, many = groups.get(key, (f"r{n}", 0))
        groups[key] = (uid, many + 1)
    return sorted((uid, day, value, context, many)
                  for (day, context, value), (uid, many) in groups.items())


def test_a_journal_from_before_the_groups_gets_them_when_migrated(db_path):
    _journal_at(db_path, 3, _MANY)
    journal = open_journal(db_path)
    assert journal.version == SCHEMA_VERSION >= 4 and journal.notice is None
    assert _groups(journal) == journal.db.execute(GROUPED).fetchall()
    stored, grouped, rows = journal.chart_ratings(10)
    assert (stored, grouped) == (40, True)
    assert sorted((uid, day, value, context, many)
                  for uid, _at, day, value, context, many in rows) == _grouped_by_hand(_MANY)
    assert [day for _uid, _at, day, *_ in rows] == sorted(day for _uid, _at, day, *_ in rows)


def test_the_chart_groups_itself_where_the_journal_cannot(db_path, monkeypatch):
    # Read-only, a journal from before the groups is read as it is...
    _journal_at(db_path, 3, _MANY)
    monkeypatch.setattr(journal_module, "_folder_writable", lambda folder: False)
    journal = open_journal(db_path)
    assert not journal.writable and journal.version == 3
    rows = journal.chart_ratings(10)[2]
    assert sorted((uid, day, value, context, many)
                  for uid, _at, day, value, context, many in rows) == _grouped_by_hand(_MANY)
    journal.close()
    monkeypatch.undo()
    # ...and groups that do not add up (the file edited by hand) are not trusted.
    journal = open_journal(db_path)
    journal.db.execute("DELETE FROM rating_groups WHERE value = 0")
    rows = journal.chart_ratings(10)[2]
    assert sorted((uid, day, value, context, many)
                  for uid, _at, day, value, context, many in rows) == _grouped_by_hand(_MANY)


def test_a_version_4_journal_keeps_its_safety_events_and_takes_not_today(db_path):
    """Migration 5 makes the safety events' table anew for the chair stand test's
    "not today" answer: every stop recorded before stays, sessions linked."""
    _journal_at(db_path, 4, [])
    db = sqlite3.connect(db_path)
    db.execute("INSERT INTO sessions (uid, routine_id, started) "
               "VALUES ('s1', 'r', '2026-03-01T08:00:00+09:00')")
    db.execute("INSERT INTO safety_events (uid, at, kind, session_id, step, side, note) "
               "VALUES ('e1', '2026-03-01T08:05:00+09:00', 'sharp_pain', 1, 2, 'left', 'x')")
    db.execute("INSERT INTO safety_events (uid, at, kind) "
               "VALUES ('e2', '2026-03-02T08:00:00+09:00', 'unwell')")
    with pytest.raises(sqlite3.IntegrityError):  # version 4 had no such kind
        db.execute("INSERT INTO safety_events (uid, at, kind) VALUES ('e3', '2026', 'not_today')")
    db.commit()
    db.close()
    journal = open_journal(db_path)
    assert journal.version == SCHEMA_VERSION >= 5 and journal.notice is None
    assert [(e.uid, e.kind, e.session_uid, e.step, e.side, e.note)
            for e in journal.safety_events()] == [
        ("e1", "sharp_pain", "s1", 2, "left", "x"), ("e2", "unwell", None, None, None, None)]
    journal.add_safety_event(EventKind.NOT_TODAY)
    assert [e.kind for e in open_journal(db_path).safety_events()][-1] == "not_today"
