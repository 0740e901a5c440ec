"""Trend maths: is the pain going down? (clinical.md section 2). Free of Qt.

Days are the user's local calendar days as recorded with each rating (its own UTC
offset), so travelling across time zones or a daylight-saving change never moves a
rating to another day. The trend follows the user's usual pain: check-ins, ratings
before a session and next-morning ratings. Ratings right after exercise are judged
by their traffic-light zone instead, since exercise is expected to raise pain a
little for a while.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from coach.advice import is_exercise
from coach.journal import Rating, Session
from coach.pain import USUAL_PAIN, fmean, zone

#: Contexts that describe the usual level of pain (see the module docstring).
TREND_CONTEXTS = USUAL_PAIN


class Verdict(StrEnum):
    """Recent pain against the baseline."""

    BETTER = "better"  # a meaningful fall
    SOMEWHAT_BETTER = "somewhat_better"
    SAME = "same"
    SOMEWHAT_WORSE = "somewhat_worse"
    WORSE = "worse"  # a meaningful rise
WINDOW_DAYS = 7
#: The last week is compared with the baseline only with usual-pain ratings on at least
#: this many of its days: one rating is a moment, not a week ("Worse: talk to a
#: clinician" from a single bad morning).
MIN_RECENT_DAYS = 2
#: A fall of about 2 points or 30 % is what patients call "much better" (Farrar 2001).
MEANINGFUL_POINTS = 2.0
MEANINGFUL_PERCENT = 30.0
#: Changes smaller than this are "about the same" (smallest change people notice:
#: about 1 point or 15 %, Salaffi 2004).
NOTICEABLE_POINTS = 1.0
NOTICEABLE_PERCENT = 15.0
#: A share of the baseline (the per cent limits above) counts only for a change of at
#: least this many points, one that rounds to a whole point on the scale people answer
#: in: at a low baseline a few tenths are a large share and no change anyone feels.
SHARE_FROM_POINTS = 0.5
#: Regular self-care for about three months with no meaningful improvement is a reason
#: to see an orthopaedic clinician (seed 002: care after 3 to 6 months; clinical.md 4).
#: "Regular": a session that exercised the knee in at least REGULAR_WEEKS of the last
#: REVIEW_WEEKS seven-day weeks ending today, with ratings to compare going back to the
#: first of those weeks.
REVIEW_WEEKS = 12
REGULAR_WEEKS = 8
#: The chart's average line, by how many days the chart shows: (up to so many days
#: shown, the line's window in days), first match wins. A week's average drawn at one
#: or two pixels a day is a thick noisy band (ten years of it fill the plot), so long
#: views draw a month's. Only the drawn line: :func:`summarise` keeps comparing the
#: last 7 days with the baseline whatever the chart shows.
LINE_WINDOWS: tuple[tuple[float, int], ...] = ((183.0, WINDOW_DAYS), (math.inf, 30))


#: The earliest time the chart shows: anything stored before it (a hand-edited or
#: damaged journal) is left out of the chart rather than stretching it over centuries.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC).timestamp()


def plausible(stamp: float | None, now: float) -> bool:
    """Can a record at *stamp* (seconds since the epoch; None where SQLite cannot read
    the stored time) be charted: from 1970 up to a day after *now* (clocks and time
    zones differ a little)?"""
    return stamp is not None and EARLIEST <= stamp <= now + 86400


#: Beyond this many ratings the chart is read grouped (``Journal.chart_ratings``: one
#: dot per local day, context and value) and off the GUI thread. Ten years of three
#: a day (10,950) stay below it, one dot per rating.
MOST_POINTS = 20_000


class ChartPoints(NamedTuple):
    """The journal's ratings reduced to what the trend chart draws and says: the dots
    of each context and of the usual pain, as ``(times, values, uids)`` (grouped:
    one dot per local day, context and value, with the uid of one of its ratings),
    and every charted value by local day (complete also when grouped: the summary
    and the average come from all of them)."""

    count: int  # type: ignore[assignment]  # ratings charted (hides tuple.count)
    left_out: int  # stored with a date the chart cannot show
    grouped: bool
    columns: dict[str, tuple[list[float], list[int], list[str]]]
    usual: tuple[list[float], list[int], list[str]]
    usual_by_day: dict[date, list[int]]
    after_by_day: dict[date, list[int]]
    span: tuple[float, float]  # first and last dot's time (0, 0: none)
    first_day: date | None
    ranges: list[tuple[date, int, int]]  # :func:`daily_ranges` of *usual_by_day*


def chart_points(stored: int, grouped: bool,
                 rows: Iterable[tuple[str, float | None, str, int, str, int]],
                 contexts: Iterable[str], now: float) -> ChartPoints:
    """:class:`ChartPoints` from ``Journal.chart_ratings`` (oldest day first), leaving
    out what is not :func:`plausible` at *now*; *contexts*: those drawn as dots.

    A million ratings come as some 120,000 rows: the loop is written for speed (bound
    methods, :func:`plausible` inlined, each day's lowest and highest kept as its
    values come rather than found again among all of them)."""
    columns: dict[str, tuple[list[float], list[int], list[str]]] = {
        context: ([], [], []) for context in contexts}
    adders = {context: (x.append, y.append, uids.append)
              for context, (x, y, uids) in columns.items()}
    usual: dict[str, list[int]] = {}
    after: dict[str, list[int]] = {}
    lows: dict[str, int] = {}
    highs: dict[str, int] = {}
    usual_x: list[float] = []
    usual_y: list[int] = []
    usual_uids: list[str] = []
    add_x, add_y, add_uid = usual_x.append, usual_y.append, usual_uids.append
    trend_contexts = frozenset(TREND_CONTEXTS)
    latest = now + 86400
    count = 0
    first = last = 0.0
    first_day = ""
    for uid, moment, day, value, context, many in rows:
        if moment is None or not EARLIEST <= moment <= latest:  # plausible(), inlined
            continue
        if not count:
            first = last = moment
            first_day = day
        count += many
        if moment < first:
            first = moment
        elif moment > last:
            last = moment
        x, y, uids = adders[context]
        x(moment)
        y(value)
        uids(uid)
        if context in trend_contexts:
            values = usual.get(day)
            if values is None:
                usual[day] = values = []
                lows[day] = highs[day] = value
            elif value < lows[day]:
                lows[day] = value
            elif value > highs[day]:
                highs[day] = value
            if many == 1:
                values.append(value)
            else:
                values.extend([value] * many)
            add_x(moment)
            add_y(value)
            add_uid(uid)
        elif context == "after":
            values = after.get(day)
            if values is None:
                after[day] = values = []
            if many == 1:
                values.append(value)
            else:
                values.extend([value] * many)
    by_day = {date.fromisoformat(day): values for day, values in usual.items()}
    return ChartPoints(
        count, stored - count, grouped, columns, (usual_x, usual_y, usual_uids), by_day,
        {date.fromisoformat(day): values for day, values in after.items()},
        (first, last), date.fromisoformat(first_day) if count else None,
        sorted((date.fromisoformat(day), low, highs[day]) for day, low in lows.items()))


def local_day(rating: Rating) -> date:
    return rating.at.date()


def trend_ratings(ratings: Iterable[Rating]) -> list[Rating]:
    return [r for r in ratings if r.context in TREND_CONTEXTS]


def daily_values(ratings: Iterable[Rating]) -> dict[date, list[int]]:
    days: dict[date, list[int]] = {}
    for rating in ratings:
        days.setdefault(local_day(rating), []).append(rating.value)
    return days


def rolling_mean(ratings: Iterable[Rating], *, window: int = WINDOW_DAYS,
                 by_day: Mapping[date, Sequence[int]] | None = None,
                 until: date | None = None) -> list[tuple[date, float | None]]:
    """For every day from the first rating to the last (or to *until*, if later), the
    mean of all ratings in the *window* days ending that day (None where the window
    holds no rating, so a chart breaks its line across long gaps). *by_day*: the
    ratings' :func:`daily_values`, when the caller has them already. A line drawn to
    today ends on the summary's "last 7 days", not on the last day with a rating."""
    days = daily_values(ratings) if by_day is None else by_day
    if not days:
        return []
    totals = {day.toordinal(): (sum(values), len(values)) for day, values in days.items()}
    out: list[tuple[date, float | None]] = []
    total, count = 0, 0
    last = max(max(totals), until.toordinal() if until is not None else 0)
    for ordinal in range(min(totals), last + 1):
        entering = totals.get(ordinal, (0, 0))
        leaving = totals.get(ordinal - window, (0, 0))
        total += entering[0] - leaving[0]
        count += entering[1] - leaving[1]
        out.append((date.fromordinal(ordinal), total / count if count else None))
    return out


def line_window(shown_days: float) -> int:
    """The window (days) of the average line on a chart *shown_days* wide
    (:data:`LINE_WINDOWS`)."""
    return next(window for longest, window in LINE_WINDOWS if shown_days <= longest)


def daily_ranges(by_day: Mapping[date, Sequence[int]]) -> list[tuple[date, int, int]]:
    """Each day's lowest and highest rating, in date order (days without ratings left
    out; a day with one rating has its value as both)."""
    return [(day, min(values), max(values)) for day, values in sorted(by_day.items())
            if values]


def baseline(ratings: Sequence[Rating], *, days: int = WINDOW_DAYS,
             chosen: tuple[date, date] | None = None,
             by_day: Mapping[date, Sequence[int]] | None = None) -> float | None:
    """Mean of the first *days* days that have ratings, or of the *chosen* range.
    (*by_day*: the ratings' :func:`daily_values`, when the caller has them already.)"""
    by_day = daily_values(ratings) if by_day is None else by_day
    if chosen is not None:
        start, end = chosen
        values = [v for d, vs in by_day.items() if start <= d <= end for v in vs]
    else:
        values = [v for d in sorted(by_day)[:days] for v in by_day[d]]
    return fmean(values) if values else None


class Change(NamedTuple):
    """Recent pain against the baseline. *verdict* is ``better`` (a meaningful fall),
    ``somewhat_better``, ``same``, ``somewhat_worse`` or ``worse`` (a meaningful rise)."""

    baseline: float
    recent: float
    points: float
    percent: float | None
    verdict: Verdict

    @property
    def meaningful(self) -> bool:
        return self.verdict in (Verdict.BETTER, Verdict.WORSE)


def change(baseline_value: float, recent_value: float) -> Change:
    points = recent_value - baseline_value
    percent = 100.0 * points / baseline_value if baseline_value else None
    if percent is not None and not math.isfinite(percent):  # a baseline all but zero
        percent = None

    def beyond(point_limit: float, percent_limit: float) -> bool:
        # Judged as shown (points to a tenth, per cent whole): "2.0 points lower" is
        # never followed by "not yet the 2 points". A share of the baseline counts
        # only from :data:`SHARE_FROM_POINTS`: from a first week of 1.0, a rise of
        # 0.4 was "43 %: a meaningful rise ... talk to a clinician".
        shown = round(abs(points), 1)
        return shown >= point_limit or (
            percent is not None and round(abs(percent)) >= percent_limit
            and shown >= SHARE_FROM_POINTS)

    if points == 0 or not beyond(NOTICEABLE_POINTS, NOTICEABLE_PERCENT):
        verdict = Verdict.SAME
    elif beyond(MEANINGFUL_POINTS, MEANINGFUL_PERCENT):
        verdict = Verdict.BETTER if points < 0 else Verdict.WORSE
    else:
        verdict = Verdict.SOMEWHAT_BETTER if points < 0 else Verdict.SOMEWHAT_WORSE
    return Change(baseline_value, recent_value, points, percent, verdict)


class Summary(NamedTuple):
    """What the trend page says in words. (A NamedTuple, not a dataclass: the module is
    imported at start-up, where creating a dataclass costs about 1 ms.)"""

    count: int  # type: ignore[assignment]  # (hides tuple.count, which is unused)
    first_day: date | None
    recent_mean: float | None
    baseline_mean: float | None
    change: Change | None
    sessions_4_weeks: int
    enough_history: bool
    chosen_baseline: bool = False
    #: Zones of the ratings taken right after exercise in the last 4 weeks.
    after_zones_4_weeks: dict[str, int] | None = None
    #: Of the last :data:`REVIEW_WEEKS` weeks, how many had a session.
    active_weeks: int = 0
    #: Months of regular sessions without a meaningful improvement: suggest seeing an
    #: orthopaedic clinician (:func:`suggest_clinician`).
    see_clinician: bool = False
    #: Days of the last week with a usual-pain rating (:data:`MIN_RECENT_DAYS`).
    recent_days: int = 0

    @property
    def baseline_overlaps(self) -> bool:
        """The period chosen to compare with takes in some of the last 7 days."""
        return self.chosen_baseline and not self.enough_history

    @property
    def not_compared(self) -> str | None:
        """Why the change was not judged: "baseline_overlaps", "few_recent_days"
        (usual pain rated on fewer than :data:`MIN_RECENT_DAYS` of the last 7) or
        "too_early" (no week to compare with yet); None when it was."""
        if self.change is not None:
            return None
        if self.baseline_overlaps:
            return "baseline_overlaps"
        if self.enough_history and self.recent_days < MIN_RECENT_DAYS:
            return "few_recent_days"
        return "too_early"


def active_weeks(session_days: Iterable[date], today: date,
                 weeks: int = REVIEW_WEEKS) -> int:
    """In how many of the last *weeks* seven-day weeks (the last one ending *today*)
    at least one session exercised the knee."""
    return len({(today - day).days // 7 for day in session_days
                if 0 <= (today - day).days < 7 * weeks})


def suggest_clinician(diff: Change | None, weeks_active: int,
                      compared_from: date | None, today: date) -> bool:
    """About three months of regular sessions (:data:`REGULAR_WEEKS` of the last
    :data:`REVIEW_WEEKS` weeks) and usual pain not meaningfully lower than in the
    period it is compared with, which began no later than the first of those weeks:
    time to see an orthopaedic clinician. Without ratings to compare, nothing is said."""
    return (diff is not None and diff.verdict is not Verdict.BETTER
            and weeks_active >= REGULAR_WEEKS and compared_from is not None
            and (today - compared_from).days >= 7 * REVIEW_WEEKS - 1)


def summarise(ratings: Sequence[Rating], sessions: Sequence[Session], today: date, *,
              chosen_baseline: tuple[date, date] | None = None,
              by_day: dict[date, list[int]] | None = None) -> Summary:
    """*by_day*: the :func:`daily_values` of the usual-pain ratings, if at hand."""
    return summarise_days(
        daily_values(trend_ratings(ratings)) if by_day is None else by_day,
        daily_values(r for r in ratings if r.context == "after"),
        [s.started.date() for s in sessions if is_exercise(s.outcome, s.steps_completed)],
        today,
        chosen_baseline=chosen_baseline)


def summarise_days(usual: Mapping[date, Sequence[int]], after: Mapping[date, Sequence[int]],
                   session_days: Iterable[date], today: date, *,
                   chosen_baseline: tuple[date, date] | None = None) -> Summary:
    """:func:`summarise` from values already grouped by local day: *usual*, the
    usual-pain ratings (:data:`TREND_CONTEXTS`); *after*, the ratings right after
    exercise; *session_days*, the day of each session that exercised the knee
    (``coach.advice.is_exercise``). Years of ratings come down to a few thousand days."""
    base = baseline((), chosen=chosen_baseline, by_day=usual)
    week_start = today - timedelta(days=WINDOW_DAYS - 1)
    recent_days = [d for d, vs in usual.items() if week_start <= d <= today and vs]
    recent_values = [v for d in recent_days for v in usual[d]]
    now = fmean(recent_values) if recent_values else None
    # A change means something only once the recent week no longer overlaps the
    # baseline's days: otherwise it compares days with themselves. A chosen period
    # too (one ending today compared the last three days with themselves and called
    # a fall in pain "a meaningful rise").
    baseline_days = sorted(usual)[:WINDOW_DAYS]
    if chosen_baseline is not None:
        enough = week_start > chosen_baseline[1]
    else:
        enough = bool(baseline_days) and week_start > baseline_days[-1]
    diff = change(base, now) if base is not None and now is not None and enough \
        and len(recent_days) >= MIN_RECENT_DAYS else None
    month_start = today - timedelta(days=27)
    session_days = list(session_days)
    weeks = active_weeks(session_days, today)
    compared_from = chosen_baseline[0] if chosen_baseline is not None else (
        baseline_days[0] if baseline_days else None)
    return Summary(
        count=sum(len(values) for values in usual.values()),
        first_day=min(usual) if usual else None, recent_mean=now,
        baseline_mean=base, change=diff,
        sessions_4_weeks=sum(1 for d in session_days if month_start <= d <= today),
        enough_history=enough, chosen_baseline=chosen_baseline is not None,
        after_zones_4_weeks=dict(Counter(
            zone(v) for d, vs in after.items() if month_start <= d <= today for v in vs)),
        active_weeks=weeks,
        see_clinician=suggest_clinician(diff, weeks, compared_from, today),
        recent_days=len(recent_days))


def weekly_sessions(sessions: Iterable[Session]) -> dict[tuple[int, int], int]:
    """Sessions exercised per ISO week, keyed by (year, week)."""
    counts: Counter[tuple[int, int]] = Counter()
    for session in sessions:
        if is_exercise(session.outcome, session.steps_completed):
            iso = session.started.date().isocalendar()
            counts[(iso.year, iso.week)] += 1
    return dict(counts)

