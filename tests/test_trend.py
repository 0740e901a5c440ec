from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.advice import is_exercise
from coach.journal import Rating, Session
from coach.pain import zone
from coach.trend import (
    LINE_WINDOWS,
    REGULAR_WEEKS,
    REVIEW_WEEKS,
    WINDOW_DAYS,
    active_weeks,
    baseline,
    change,
    daily_ranges,
    line_window,
    rolling_mean,
    suggest_clinician,
    summarise,
    trend_ratings,
    weekly_sessions,
)

JST = timezone(timedelta(hours=9))
UTC = UTC


def rating(day, value, context="check_in", hour=9, tz=JST):
    return Rating(f"r{day}{hour}{value}{context}", datetime(2026, 1, 1, hour, tzinfo=tz)
                  + timedelta(days=day), value, context)


def session(day, outcome="completed"):
    return Session(f"s{day}", "x", datetime(2026, 1, 1, 10, tzinfo=JST) + timedelta(days=day),
                   outcome=outcome)


def test_hand_computed_summary():
    # Days 0-6: 6,6,5,6,5,6,5 -> baseline 39/7 = 5.571...
    # Days 21-27: 3,3,4,3,3,3,4 -> recent 23/7 = 3.2857...
    week1 = [6, 6, 5, 6, 5, 6, 5]
    week4 = [3, 3, 4, 3, 3, 3, 4]
    ratings = [rating(d, v) for d, v in enumerate(week1)]
    ratings += [rating(21 + d, v) for d, v in enumerate(week4)]
    ratings.append(rating(25, 9, context="after"))  # ignored by the trend
    sessions = [session(d) for d in (0, 2, 4, 21, 23, 25, 27)] + [session(26, "safety_skip")]
    sessions.append(session(24, "stopped"))  # left before its first step: not exercise
    s = summarise(ratings, sessions, today=date(2026, 1, 28))
    assert s.baseline_mean == pytest.approx(39 / 7)
    assert s.recent_mean == pytest.approx(23 / 7)
    assert s.change.points == pytest.approx(23 / 7 - 39 / 7)  # -2.2857
    assert s.change.percent == pytest.approx(-16 / 39 * 100)  # -41.0 %
    assert s.change.verdict == "better" and s.change.meaningful
    assert s.sessions_4_weeks == 7  # days 0..27 inclusive; the skip and the 0-step stop not
    assert s.count == 14
    assert s.after_zones_4_weeks == {"red": 1}  # the 9 after exercise on day 25


def test_rolling_mean_by_hand_with_a_gap():
    ratings = [rating(0, 4), rating(0, 6, hour=20), rating(2, 2), rating(12, 8)]
    series = dict(rolling_mean(ratings))
    assert series[date(2026, 1, 1)] == 5
    assert series[date(2026, 1, 2)] == 5
    assert series[date(2026, 1, 3)] == pytest.approx(4)
    assert series[date(2026, 1, 7)] == pytest.approx(4)  # day 6: days 0-6 in window
    assert series[date(2026, 1, 8)] == pytest.approx(2)  # day 0 has left the window
    assert series[date(2026, 1, 10)] is None  # nothing in days 3-9: the line breaks
    assert series[date(2026, 1, 13)] == 8


def test_days_are_local_days_across_time_zones_and_dst():
    # 23:30 in Tokyo and 00:30 the next day in London are different local days.
    late_tokyo = Rating("a", datetime(2026, 3, 28, 23, 30, tzinfo=JST), 4, "check_in")
    early_london = Rating("b", datetime(2026, 3, 29, 0, 30, tzinfo=UTC), 6, "check_in")
    bst = Rating("c", datetime(2026, 3, 29, 12, 0, tzinfo=timezone(timedelta(hours=1))), 2,
                 "check_in")  # after the clocks changed
    series = dict(rolling_mean([late_tokyo, early_london, bst], window=1))
    assert series == {date(2026, 3, 28): 4, date(2026, 3, 29): 4}


def test_single_rating():
    s = summarise([rating(0, 5)], [], today=date(2026, 1, 1))
    assert s.baseline_mean == 5 and s.recent_mean == 5
    assert s.change is None and not s.enough_history  # nothing to compare yet


def test_baseline_can_be_chosen():
    ratings = [rating(d, v) for d, v in enumerate([8, 8, 2, 2, 2, 2, 2, 2, 2, 2])]
    assert baseline(ratings) == pytest.approx((8 + 8 + 2 * 5) / 7)
    assert baseline(ratings, chosen=(date(2026, 1, 1), date(2026, 1, 2))) == 8


@pytest.mark.parametrize("base, now, verdict", [
    (6, 4, "better"),            # -2 points
    (3, 2.1, "better"),          # -0.9 points but -30 %
    (6, 5, "somewhat_better"),   # -1 point, -16.7 %
    (6, 5.5, "same"),            # -0.5 point, -8 %
    (0, 0, "same"),
    (0, 1, "somewhat_worse"),    # no per cent from a zero baseline
    (4, 6, "worse"),
    # Judged as shown: -1.96 reads "2.0 points lower", so it is meaningful (it said
    # "2.0 points lower ... not yet the 2 points"); -1.94 reads 1.9 and is not.
    (8, 6.04, "better"),
    (8, 6.06, "somewhat_better"),
    (10, 8.25, "somewhat_better"),  # -1.75 points, -17.5 % shown as -18 %
    # A share counts from half a point: from 1.0, +0.4 (43 %) was "a meaningful rise".
    (1, 1.43, "same"), (1, 1.6, "worse"), (2, 1.7, "same"), (2, 1.5, "somewhat_better"),
])
def test_verdicts(base, now, verdict):
    assert change(base, now).verdict == verdict


def test_weekly_sessions_by_iso_week():
    weeks = weekly_sessions([session(d) for d in (0, 1, 5, 6)] + [session(6, "safety_skip")])
    # 2026-01-01 is a Thursday in ISO week 1; the 5th is a Monday (week 2).
    assert weeks == {(2026, 1): 2, (2026, 2): 2}


day_values = st.lists(st.tuples(st.integers(0, 120), st.integers(0, 10),
                                st.integers(-11, 13)), min_size=1, max_size=60)


def to_ratings(items):
    return [Rating(str(n), datetime(2026, 1, 1, 12, tzinfo=timezone(timedelta(hours=off)))
                   + timedelta(days=d), v, "check_in") for n, (d, v, off) in enumerate(items)]


@given(day_values)
def test_rolling_mean_stays_on_the_scale_and_covers_every_day(items):
    series = rolling_mean(to_ratings(items))
    days = [d for d, _ in series]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert (days[-1] - days[0]).days + 1 == len(days)
    assert all(m is None or 0 <= m <= 10 for _, m in series)
    assert series[0][1] is not None and series[-1][1] is not None


@given(st.integers(0, 10), st.integers(1, 40))
def test_constant_pain_is_about_the_same(value, days):
    ratings = [rating(d, value) for d in range(days)]
    s = summarise(ratings, [], today=date(2026, 1, 1) + timedelta(days=days - 1))
    assert s.recent_mean == value and s.baseline_mean == value
    assert s.change is None or s.change.verdict == "same"


@given(st.floats(0, 10), st.floats(0, 10))
def test_verdict_follows_the_direction_of_change(a, b):
    result = change(a, b)
    assert result.points == pytest.approx(b - a)
    if result.verdict in ("better", "somewhat_better"):
        assert result.points < 0
    if result.verdict in ("worse", "somewhat_worse"):
        assert result.points > 0
    if abs(result.points) >= 2:
        assert result.meaningful


# Record-by-record reference computations for the day-grouped summary.
def recent(ratings, today, *, days=7):
    start = today - timedelta(days=days - 1)
    values = [r.value for r in ratings if start <= r.at.date() <= today]
    return sum(values) / len(values) if values else None


def sessions_in(sessions, today, *, days):
    start = today - timedelta(days=days - 1)
    return sum(1 for s in sessions
               if is_exercise(s.outcome, s.steps_completed)
               and start <= s.started.date() <= today)


def after_zones(ratings):
    return [(r, zone(r.value)) for r in ratings if r.context == "after"]


contexts = st.sampled_from(("check_in", "before", "after", "next_morning"))


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10), contexts), max_size=80),
       st.lists(st.tuples(st.integers(0, 60), st.booleans()), max_size=30),
       st.integers(0, 70), st.none() | st.tuples(st.integers(0, 30), st.integers(0, 30)))
def test_summary_from_days_equals_the_summary_from_records(items, session_items, today,
                                                           chosen):
    """Summaries are computed from values grouped by day (the chart has years of
    ratings); each figure must equal the one worked out record by record."""
    ratings = [rating(d, v, context=c) for d, v, c in items]
    sessions = [session(d, "safety_skip" if skipped else "completed")
                for d, skipped in session_items]
    day = date(2026, 1, 1) + timedelta(days=today)
    period = None if chosen is None else tuple(date(2026, 1, 1) + timedelta(days=n)
                                               for n in sorted(chosen))
    usual = trend_ratings(ratings)
    got = summarise(ratings, sessions, day, chosen_baseline=period)
    assert got.count == len(usual)
    assert got.first_day == min((r.at.date() for r in usual), default=None)
    assert got.recent_mean == pytest.approx(recent(usual, day))
    assert got.baseline_mean == pytest.approx(baseline(usual, chosen=period))
    assert got.sessions_4_weeks == sessions_in(sessions, day, days=28)
    assert got.active_weeks == len({(day - s.started.date()).days // 7 for s in sessions
                                    if is_exercise(s.outcome, s.steps_completed)
                                    and 0 <= (day - s.started.date()).days < 84})
    assert got.after_zones_4_weeks == Counter(
        z for r, z in after_zones(ratings) if 0 <= (day - r.at.date()).days < 28)


# -- after about three months of regular sessions, see an orthopaedic clinician -------
REVIEW_DAY = date(2026, 4, 1)


def test_active_weeks_count_seven_day_weeks_ending_today():
    today = REVIEW_DAY
    days = [today, today - timedelta(days=6),  # both in the week ending today
            today - timedelta(days=7),  # the week before
            today - timedelta(days=83),  # the first of the 12 weeks
            today - timedelta(days=84),  # before them
            today + timedelta(days=1)]  # a clock set wrong
    assert active_weeks(days, today) == 3
    assert active_weeks([], today) == 0
    assert REVIEW_WEEKS == 12 and REGULAR_WEEKS == 8


@pytest.mark.parametrize(("case", "weeks", "recent", "since", "expected"), [
    # recent: usual pain of the last week against 5.0 at first (None: nothing to
    # compare); since: days from the first day compared with to today
    ("8 of 12 weeks, about the same", 8, 5.0, 120, True),
    ("12 of 12 weeks, a small improvement", 12, 4.0, 120, True),  # not yet meaningful
    ("8 of 12 weeks, meaningfully worse", 8, 7.5, 120, True),
    ("8 of 12 weeks, meaningfully better", 8, 3.0, 120, False),
    ("7 of 12 weeks, about the same", 7, 5.0, 120, False),  # not regular enough yet
    ("no change to judge", 8, None, 120, False),  # no ratings to compare
    ("compared period began 11 weeks ago", 8, 5.0, 76, False),  # not three months yet
    ("compared period began with the 12 weeks", 8, 5.0, 83, True),
])
def test_suggest_clinician(case, weeks, recent, since, expected):
    diff = None if recent is None else change(5.0, recent)
    started = REVIEW_DAY - timedelta(days=since)
    assert suggest_clinician(diff, weeks, started, REVIEW_DAY) is expected, case


def three_months(pain_then: int, pain_now: int, session_weeks: int):
    """Daily check-ins for 13 weeks, *pain_then* at first and *pain_now* in the last
    week; one session in each of the last *session_weeks* weeks."""
    first = datetime(2026, 1, 1, 9, tzinfo=JST)
    today = (first + timedelta(days=90)).date()
    ratings = [Rating(f"r{d}", first + timedelta(days=d),
                      pain_now if d > 83 else pain_then, "check_in") for d in range(91)]
    sessions = [Session(f"s{w}", "x", first + timedelta(days=90 - 7 * w, hours=1),
                        steps_completed=5, outcome="completed")
                for w in range(session_weeks)]
    return summarise(ratings, sessions, today)


def test_three_months_of_sessions_without_improvement_suggest_a_clinician():
    same = three_months(5, 5, 10)
    assert same.active_weeks == 10 and same.change.verdict == "same"
    assert same.see_clinician
    assert not three_months(5, 2, 10).see_clinician  # meaningfully better
    assert not three_months(5, 5, 6).see_clinician  # not regular: 6 of 12 weeks


@pytest.mark.parametrize(("shown_days", "window"), [
    (0, 7),  # a moment
    (14, 7),  # the "2 weeks" range
    (92, 7),  # "3 months"
    (183, 7),  # about six months: still a week's average
    (183.5, 30),  # beyond: a month's
    (366, 30),  # "1 year"
    (3653, 30),  # ten years
    (1e9, 30),  # whatever is shown
])
def test_the_chart_line_window_follows_the_days_shown(shown_days, window):
    assert line_window(shown_days) == window


def test_the_verdict_keeps_its_7_day_window_whatever_the_line_shows():
    # Only the drawn line changes with the days shown: the summary compares the last
    # 7 days (WINDOW_DAYS) with the first 7 days that have ratings.
    assert WINDOW_DAYS == 7 and LINE_WINDOWS[0][1] == WINDOW_DAYS
    ratings = [rating(day, 6) for day in range(7)] + [rating(day, 2) for day in range(7, 400)]
    ratings += [rating(day, 6) for day in range(400, 407)]
    summary = summarise(ratings, [], date(2026, 1, 1) + timedelta(days=406))
    # A 30-day window would mix in 2s (a mean of 2.9): the verdict sees 6 against 6.
    assert (summary.recent_mean, summary.baseline_mean) == (6, 6)
    assert summary.change.verdict == "same"


def test_daily_ranges_by_hand():
    day = date(2026, 1, 1)
    by_day = {day + timedelta(days=2): [2, 7, 4], day: [3, 6], day + timedelta(days=1): [5],
              day + timedelta(days=3): []}
    assert daily_ranges(by_day) == [(day, 3, 6), (day + timedelta(days=1), 5, 5),
                                    (day + timedelta(days=2), 2, 7)]
    assert daily_ranges({}) == []


def test_one_rating_in_the_last_week_gives_no_verdict():
    """Seven ratings of 3 in the first week, then a single 5 in the last: it said
    "Worse... a meaningful rise... talk to a clinician" from one bad morning."""
    first_week = [rating(day, 3) for day in range(7)]
    today = date(2026, 1, 1) + timedelta(days=20)
    one = summarise([*first_week, rating(20, 5)], [], today)
    assert one.change is None and one.recent_mean == 5 and one.recent_days == 1
    assert one.enough_history  # there is a week to compare with: only the week is thin
    two = summarise([*first_week, rating(19, 5), rating(20, 5)], [], today)
    assert two.change is not None and two.change.verdict == "worse"
    assert two.recent_days == 2


def test_a_chosen_period_that_takes_in_the_last_week_is_not_compared():
    """Pain 7 for four weeks, then 2 for three days, and those three days chosen to
    compare with: "+2.9 points, a meaningful rise... talk to a clinician" while the
    pain had fallen. The last 7 days are compared only with a period that ends before
    them."""
    ratings = [rating(d, 7) for d in range(28)] + [rating(d, 2) for d in range(28, 31)]
    today = date(2026, 1, 31)
    overlapping = summarise(ratings, [], today, chosen_baseline=(date(2026, 1, 29), today))
    assert overlapping.change is None and overlapping.baseline_overlaps
    assert not overlapping.see_clinician
    before = summarise(ratings, [], today, chosen_baseline=(date(2026, 1, 1),
                                                            date(2026, 1, 24)))
    assert before.change is not None and before.change.verdict == "better"
    assert not before.baseline_overlaps
    first_week = summarise(ratings, [], today)
    assert first_week.change is not None and not first_week.baseline_overlaps


def test_the_rolling_mean_goes_on_to_a_later_day_while_its_window_has_ratings():
    by_day = {date(2026, 1, 1): [4], date(2026, 1, 3): [2]}
    series = dict(rolling_mean((), window=7, by_day=by_day, until=date(2026, 1, 10)))
    assert series[date(2026, 1, 9)] == 2 and series[date(2026, 1, 10)] is None
    assert max(dict(rolling_mean((), window=7, by_day=by_day))) == date(2026, 1, 3)
