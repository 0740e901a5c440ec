"""One summary of pain and function (coach.summary), checked against figures worked
out by hand, and ``coach summary --json``."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from coach.advice import chair_stand_days_ago, chair_stand_due
from coach.cli import main
from coach.journal import open_journal
from coach.summary import (
    latest_activities,
    overview,
    overview_json,
    psfs_sittings,
)

JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 30)


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=JST)


@pytest.fixture
def journal(tmp_path):
    journal = open_journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


def test_no_data_says_nothing_is_known(journal):
    assert overview_json(overview(journal, TODAY)) == {
        "pain": {"baseline_mean": None, "recent_mean": None, "change_points": None,
                 "change_percent": None, "meaningful": False, "compared": False,
                 "baseline": "first_week", "see_clinician": False, "active_weeks": 0,
                 "not_compared": "too_early"},
        "chair_stand": None, "psfs": None, "sessions_last_28_days": 0}


def test_one_week_of_ratings_compares_the_week_with_itself(journal):
    # 7 days ending today: 4, 5, 6, 4, 5, 6, 5 -> mean 5 both ways.
    for n, value in enumerate((4, 5, 6, 4, 5, 6, 5)):
        journal.add_rating(value, "check_in", at=at(TODAY - timedelta(days=6 - n)))
    pain = overview_json(overview(journal, TODAY))["pain"]
    assert pain == {"baseline_mean": 5.0, "recent_mean": 5.0, "change_points": 0.0,
                    "change_percent": 0.0, "meaningful": False, "compared": False,
                    "baseline": "first_week", "see_clinician": False,
                    "active_weeks": 0, "not_compared": "too_early"}


def test_pain_counts_usual_ratings_once_each_and_not_those_after_exercise(journal):
    first = TODAY - timedelta(days=27)
    # First week (7 days with ratings): a check-in of 6 each day, and on the first day
    # also a "before" of 7 and an "after" of 10 (not usual pain: left out).
    for n in range(7):
        journal.add_rating(6, "check_in", at=at(first + timedelta(days=n)))
    journal.add_rating(7, "before", at=at(first, 8))
    journal.add_rating(10, "after", at=at(first, 10))
    # Last 7 days: a next-morning 3 on each, and one check-in of 4 today.
    for n in range(7):
        journal.add_rating(3, "next_morning", at=at(TODAY - timedelta(days=n), 7))
    journal.add_rating(4, "check_in", at=at(TODAY, 20))
    pain = overview_json(overview(journal, TODAY))["pain"]
    baseline = (6 * 7 + 7) / 8  # 6.125
    recent = (3 * 7 + 4) / 8  # 3.125
    assert pain["baseline_mean"] == round(baseline, 2) == 6.12
    assert pain["recent_mean"] == round(recent, 2)
    assert pain["change_points"] == round(recent - baseline, 2) == -3.0
    assert pain["change_percent"] == round(100 * (recent - baseline) / baseline, 2)
    assert pain["meaningful"] is True


def test_a_chosen_baseline_replaces_the_first_week(journal):
    for n in range(20):
        day = TODAY - timedelta(days=19 - n)
        journal.add_rating(8 if n < 5 else 4, "check_in", at=at(day))
    chosen = (TODAY - timedelta(days=14), TODAY - timedelta(days=10))  # all 4s
    pain = overview_json(overview(journal, TODAY, chosen_baseline=chosen))["pain"]
    assert (pain["baseline_mean"], pain["recent_mean"], pain["change_points"],
            pain["meaningful"]) == (4.0, 4.0, 0.0, False)
    default = overview_json(overview(journal, TODAY))["pain"]
    assert default["baseline_mean"] == round((8 * 5 + 4 * 2) / 7, 2)  # first 7 days


@pytest.mark.parametrize(("scores", "expected"), [
    ((10,), {"baseline": 10, "latest": 10, "change": 0, "meaningful": False,
             "too_soon": False}),
    ((10, 11), {"baseline": 10, "latest": 11, "change": 1, "meaningful": False,
                "too_soon": False}),
    ((10, 9, 12), {"baseline": 10, "latest": 12, "change": 2, "meaningful": True,
                   "too_soon": False}),
    ((14, 11), {"baseline": 14, "latest": 11, "change": -3, "meaningful": True,
                "too_soon": False}),
])
def test_chair_stand_is_first_against_latest(journal, scores, expected):
    for n, score in enumerate(scores):
        journal.add_test_result("chair_stand", score, at=at(TODAY - timedelta(weeks=4 - n)))
    assert overview_json(overview(journal, TODAY))["chair_stand"] == expected


def test_psfs_compares_sitting_means_and_each_activity(journal):
    journal.add_psfs([("stairs", 3), ("walking to the shop", 5)], at=at(TODAY - timedelta(30)))
    journal.add_psfs([("stairs", 6), ("walking to the shop", 6), ("kneeling", 2)],
                     at=at(TODAY))
    data = overview_json(overview(journal, TODAY))["psfs"]
    # The means over the activities rated both times (kneeling is new: 2 would pull
    # the latest mean down to 4.67 and hide the change).
    assert data["baseline_mean"] == 4.0 and data["latest_mean"] == 6.0
    assert data["change"] == 2.0 and data["meaningful"] is True
    assert data["activities"] == [
        {"activity": "stairs", "baseline": 3, "latest": 6, "change": 3, "meaningful": True},
        {"activity": "walking to the shop", "baseline": 5, "latest": 6, "change": 1,
         "meaningful": False},
        {"activity": "kneeling", "baseline": 2, "latest": 2, "change": 0,
         "meaningful": False}]
    results = journal.test_results()
    assert [len(s.scores) for s in psfs_sittings(results)] == [2, 3]
    assert latest_activities(results) == ["stairs", "walking to the shop", "kneeling"]


def test_psfs_means_compare_the_same_activities(journal):
    """Stairs 2, kneeling 1, walking 6, later walking 6 alone: it said "3.0 points
    higher: a meaningful change" while the one activity rated both times stayed at 6."""
    journal.add_psfs([("stairs", 2), ("kneeling", 1), ("walking", 6)],
                     at=at(TODAY - timedelta(40)))
    journal.add_psfs([("walking", 6)], at=at(TODAY))
    overall = overview(journal, TODAY).psfs
    assert (overall.baseline, overall.latest, overall.change, overall.meaningful) == (
        6.0, 6.0, 0.0, False)
    # A new set of activities, none rated before, starts afresh.
    journal.add_psfs([("gardening", 3)], at=at(TODAY, 18))
    overall = overview(journal, TODAY).psfs
    assert (overall.baseline, overall.latest, overall.results) == (3.0, 3.0, 1)


def test_sessions_of_the_last_28_days_count_exercise_only(journal):
    for days_ago, outcome, steps in ((0, "completed", 5), (27, "stopped", 2),
                                     (28, "completed", 5), (3, "safety_skip", 0),
                                     (5, "stopped", 0)):
        session = journal.start_session("knee", at=at(TODAY - timedelta(days=days_ago)))
        journal.end_session(session.uid, outcome, steps,
                            at=at(TODAY - timedelta(days=days_ago), 10))
    assert overview_json(overview(journal, TODAY))["sessions_last_28_days"] == 2


def test_the_chair_stand_is_suggested_every_four_weeks(journal):
    assert chair_stand_due([], TODAY) and chair_stand_days_ago([], TODAY) is None
    journal.add_test_result("chair_stand", 11, at=at(TODAY - timedelta(days=27)))
    results = journal.test_results()
    assert chair_stand_days_ago(results, TODAY) == 27 and not chair_stand_due(results, TODAY)
    assert chair_stand_due(results, TODAY + timedelta(days=1))


def test_summary_command_prints_the_issue_shape(tmp_path, capsys, monkeypatch):
    journal = open_journal(tmp_path / "journal.sqlite3")
    journal.add_test_result("chair_stand", 9, at=at(TODAY - timedelta(days=40)))
    journal.add_test_result("chair_stand", 12, at=at(TODAY - timedelta(days=2)))
    journal.close()
    now = at(TODAY, 18)
    monkeypatch.setattr("coach.cli.clock", lambda: now)
    assert main(["--data-dir", str(tmp_path), "summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"pain", "chair_stand", "psfs", "sessions_last_28_days"}
    assert data["chair_stand"] == {"baseline": 9, "latest": 12, "change": 3,
                                   "meaningful": True, "too_soon": False}
    assert main(["--data-dir", str(tmp_path), "summary"]) == 0
    text = capsys.readouterr().out
    assert "30-second chair stand: 9 at first, 12 now (+3 stands: meaningful)." in text
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "summary", "--baseline", "2026-13-01",
              "2026-11-02"])
    assert main(["--data-dir", str(tmp_path), "summary", "--baseline", "2026-11-20",
                 "2026-11-02"]) == 2
    assert "the baseline starts after it ends" in capsys.readouterr().err


def test_the_summary_command_compares_only_where_the_trend_page_does(tmp_path, capsys,
                                                                     monkeypatch):
    """Ratings on three days, 8 each, then three days of 2: the last week overlaps the
    first, and the trend page said "keep rating", while `coach summary` printed
    "-3.0 points, -60 %: not a meaningful change"."""
    journal = open_journal(tmp_path / "journal.sqlite3")
    for days_ago, value in ((12, 8), (11, 8), (10, 8), (2, 2), (1, 2), (0, 2)):
        journal.add_rating(value, "check_in", at=at(TODAY - timedelta(days=days_ago)))
    journal.close()
    monkeypatch.setattr("coach.cli.clock", lambda: at(TODAY, 18))
    assert main(["--data-dir", str(tmp_path), "summary", "--json"]) == 0
    pain = json.loads(capsys.readouterr().out)["pain"]
    assert (pain["compared"], pain["meaningful"], pain["baseline"]) == (
        False, False, "first_week")
    assert main(["--data-dir", str(tmp_path), "summary"]) == 0
    assert "Pain: 2.0 in the last 7 days; not enough ratings yet to compare." in \
        capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "summary", "--baseline", "2026-11-19",
                 "2026-11-21"]) == 0
    assert "Pain: 8.0 in the period you chose, 2.0 in the last 7 days" in \
        capsys.readouterr().out


def test_summary_of_an_imported_history_matches_the_figures_by_hand(tmp_path, capsys,
                                                                    monkeypatch):
    """A history written as CSV by one Knee Coach and imported into another: pain for
    the first seven days with ratings 6, 6, 7, 5, 6, 6, 6 (mean 6) against the last 7
    days 3, 4 (mean 3.5); chair
    stands 8 then 11; PSFS sittings of means 3 and 5.5."""
    source = open_journal(tmp_path / "a" / "journal.sqlite3")
    first = TODAY - timedelta(days=40)
    for n, value in enumerate((6, 6, 7, 5, 6, 6, 6)):
        source.add_rating(value, "check_in", at=at(first + timedelta(days=n)))
    source.add_rating(9, "after", at=at(first, 11))  # right after exercise: not usual
    source.add_rating(3, "next_morning", at=at(TODAY - timedelta(days=6), 7))
    source.add_rating(4, "check_in", at=at(TODAY))
    source.add_test_result("chair_stand", 8, at=at(first))
    source.add_test_result("chair_stand", 11, at=at(TODAY - timedelta(days=1)))
    source.add_psfs([("stairs", 2), ("kneeling", 4)], at=at(first))
    source.add_psfs([("stairs", 5), ("kneeling", 6)], at=at(TODAY - timedelta(days=1)))
    source.close()
    monkeypatch.setattr("coach.cli.clock", lambda: at(TODAY, 18))
    csv_file = tmp_path / "history.csv"
    assert main(["--data-dir", str(tmp_path / "a"), "export", "--out", str(csv_file)]) == 0
    assert main(["--data-dir", str(tmp_path / "b"), "import", str(csv_file)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "b"), "summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pain"] == {"baseline_mean": 6.0, "recent_mean": 3.5,
                            "change_points": -2.5, "change_percent": round(-250 / 6, 2),
                            "meaningful": True, "compared": True, "baseline": "first_week",
                            "see_clinician": False, "active_weeks": 0, "not_compared": None}
    assert data["chair_stand"] == {"baseline": 8, "latest": 11, "change": 3,
                                   "meaningful": True, "too_soon": False}
    assert (data["psfs"]["baseline_mean"], data["psfs"]["latest_mean"],
            data["psfs"]["change"], data["psfs"]["meaningful"]) == (3.0, 5.5, 2.5, True)
    assert data["sessions_last_28_days"] == 0


def test_the_text_says_the_change_as_it_was_judged():
    """-1.954 points is judged "2.0 points": meaningful. The JSON keeps two places
    (-1.95), from which the text printed "-1.9 points ...: a meaningful change"."""
    from coach.cli import summary_text
    from coach.trend import change

    judged = change(7.0, 5.046)
    assert judged.meaningful
    data = {"pain": {"baseline_mean": 7.0, "recent_mean": 5.05, "change_points": -1.95,
                     "change_percent": -27.91, "meaningful": True, "compared": True,
                     "baseline": "first_week"},
            "chair_stand": None, "psfs": None, "sessions_last_28_days": 0}
    first = summary_text(data, judged).splitlines()[0]
    assert "(-2.0 points, -28 %: a meaningful change)" in first


def test_a_self_test_dated_a_year_ahead_is_left_out(journal):
    """A chair stand result stamped a year ahead was "now" in every comparison: "8 at
    first, 9 now" while the latest real result was 13. The chart and the report leave
    such records out; so does the summary."""
    from datetime import datetime, timedelta, timezone

    from coach.summary import overview

    tz = timezone(timedelta(hours=9))
    for when, score in ((datetime(2026, 9, 1, 10, tzinfo=tz), 8),
                        (datetime(2027, 10, 1, 10, tzinfo=tz), 9),
                        (datetime(2026, 12, 1, 10, tzinfo=tz), 13)):
        journal.add_test_result("chair_stand", score, at=when)
    view = overview(journal, datetime(2026, 12, 2).date())
    assert (view.chair_stand.baseline, view.chair_stand.latest) == (8, 13)


def test_a_retry_the_same_day_is_too_soon_to_compare(journal, capsys, tmp_path):
    """Results of 9 and 11 ten minutes apart: "+2 stands: meaningful", a practice effect
    called progress (docs/function.md: results compare a week or more apart)."""
    first = at(TODAY)
    journal.add_test_result("chair_stand", 9, at=first)
    journal.add_test_result("chair_stand", 11, at=first + timedelta(minutes=10))
    data = overview_json(overview(journal, TODAY))["chair_stand"]
    assert data == {"baseline": 9, "latest": 11, "change": 2, "meaningful": False,
                    "too_soon": True}
    journal.add_test_result("chair_stand", 12, at=first + timedelta(days=7))
    assert overview_json(overview(journal, TODAY + timedelta(7)))["chair_stand"][
        "meaningful"] is True


def test_the_summary_says_when_to_see_an_orthopaedic_clinician(journal):
    """Twelve weeks of regular exercise and pain at 4 throughout: the trend page said it
    was worth seeing an orthopaedic clinician; `coach summary` said nothing of it."""
    from coach.cli import summary_text

    start = TODAY - timedelta(days=90)
    for n in range(0, 91):
        journal.add_rating(4, "check_in", at=at(start + timedelta(n)))
        if n % 3 == 0:
            session = journal.start_session("ten-minute-inner-thigh",
                                            at=at(start + timedelta(n)))
            journal.end_session(session.uid, "completed", 5)
    data = overview_json(overview(journal, TODAY))
    assert data["pain"]["see_clinician"] is True and data["pain"]["active_weeks"] == 12
    assert "worth seeing an orthopaedic clinician" in summary_text(data)


def test_the_summary_says_why_it_does_not_compare(journal):
    """A chosen period that takes in the last 7 days read "not enough ratings yet to
    compare" (31 days of ratings); the trend page says to choose one ending before."""
    from coach.cli import summary_text

    for n in range(31):
        journal.add_rating(5, "check_in", at=at(TODAY - timedelta(days=n)))
    data = overview_json(overview(journal, TODAY, chosen_baseline=(
        TODAY - timedelta(days=10), TODAY - timedelta(days=2))))
    assert data["pain"]["not_compared"] == "baseline_overlaps"
    assert summary_text(data).splitlines()[0] == (
        "Pain: 5.0 in the last 7 days; the period you chose takes in some of the last 7 "
        "days: choose one that ends before them to compare.")
