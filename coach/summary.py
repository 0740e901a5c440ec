"""Is it working? One summary of pain and function, free of Qt, for the trend page,
the clinician's report and ``coach summary --json``.

Pain is the trend page's own comparison (:mod:`coach.trend`): the usual pain of the
last 7 calendar days against the first 7 days with ratings (or a period the user
chose), meaningful at 2 points or 30 %. Function is each self-test's first result
against its latest: the 30-second chair stand (stands) and the Patient-Specific
Functional Scale (the mean of a sitting's activities, and each activity on its own).
The smallest changes worth noticing, and their sources, are in docs/function.md;
nothing here claims more than that a change reached them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from coach.journal import Journal, Test, TestResult
from coach.pain import fmean
from coach.trend import Summary, summarise

#: The smallest change in the 30-second chair stand worth noticing, in stands (about 2:
#: Wright et al. 2011, J Orthop Sports Phys Ther 41(5):319-327, measured in hip
#: osteoarthritis and usually quoted for the knee too).
CHAIR_STAND_MEANINGFUL = 2
#: PSFS: 2 points for the mean of the activities, 3 for one activity (Stratford et
#: al. 1995, Physiother Can 47:258-263; Horn et al. 2012, J Man Manip Ther 20(4)).
PSFS_MEAN_MEANINGFUL = 2.0
PSFS_ITEM_MEANINGFUL = 3.0
#: Sessions are counted over this many days, today included.
SESSION_DAYS = 28


class Measure(NamedTuple):
    """A measure's first result (*baseline*) against its latest, with how many
    *results* there are. *meaningful*: the change reached the measure's smallest change worth
    noticing (either way: *change* says which)."""

    baseline: float
    latest: float
    change: float
    meaningful: bool
    baseline_at: datetime
    latest_at: datetime
    results: int  # how many results (or sittings) there are
    #: The latest came too soon after the first to compare with it (the chair stand
    #: test: less than a week; practice alone changes the count): never meaningful.
    too_soon: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"baseline": _number(self.baseline), "latest": _number(self.latest),
                "change": _number(self.change), "meaningful": self.meaningful,
                "too_soon": self.too_soon}


class Sitting(NamedTuple):
    """One PSFS sitting: each activity (the user's words) with its 0-10 score."""

    at: datetime
    scores: dict[str, int]

    @property
    def mean(self) -> float:
        return fmean(list(self.scores.values()))


class ActivityChange(NamedTuple):
    """One PSFS activity: its first score, its latest, and whether the change is
    worth noticing (:data:`PSFS_ITEM_MEANINGFUL`)."""

    activity: str
    baseline: int
    latest: int
    change: int
    meaningful: bool
    ratings: int  # how many sittings rated it


class Overview(NamedTuple):
    pain: Summary
    chair_stand: Measure | None
    psfs: Measure | None
    activities: tuple[ActivityChange, ...]
    sessions_last_28_days: int


def psfs_sittings(results: Iterable[TestResult]) -> list[Sitting]:
    """The PSFS results grouped into sittings (one time each), oldest first."""
    by_time: dict[datetime, dict[str, int]] = {}
    for result in results:
        if result.test == Test.PSFS and result.item:
            by_time.setdefault(result.at, {})[result.item] = result.score
    return [Sitting(at, scores) for at, scores in sorted(by_time.items())]


def latest_activities(results: Iterable[TestResult]) -> list[str]:
    """The activities of the latest PSFS sitting, to be rated again (the same words
    make the same activity)."""
    sittings = psfs_sittings(results)
    return list(sittings[-1].scores) if sittings else []


def _measure(points: Sequence[tuple[datetime, float]], smallest: float) -> Measure | None:
    if not points:
        return None
    (first_at, first), (last_at, last) = points[0], points[-1]
    change = last - first
    # Judged as shown, to a tenth: "2.0 points higher" is meaningful.
    return Measure(first, last, change, round(abs(change), 1) >= smallest, first_at,
                   last_at, len(points))


def chair_stand(results: Iterable[TestResult]) -> Measure | None:
    """The first chair stand result against the latest; one less than
    ``advice.CHAIR_STAND_MIN_DAYS`` after the first is too soon to compare with it (a
    retry ten minutes later was "+2 stands: meaningful")."""
    from coach.advice import CHAIR_STAND_MIN_DAYS

    points = sorted((r.at, float(r.score)) for r in results
                    if r.test == Test.CHAIR_STAND)
    measure = _measure(points, CHAIR_STAND_MEANINGFUL)
    if measure is not None and measure.results > 1 \
            and measure.latest_at - measure.baseline_at < timedelta(CHAIR_STAND_MIN_DAYS):
        return measure._replace(meaningful=False, too_soon=True)
    return measure


def psfs_overall(sittings: Sequence[Sitting]) -> Measure | None:
    """The mean of the latest sitting's activities against their mean in the first
    sitting that rated any of them, over the activities rated in both (a mean of other
    activities is not the same measure: stairs 2, kneeling 1 and walking 6 against
    walking 6 alone is no change, not 3 points better). Without such a sitting, the
    latest stands alone: a new set of activities starts afresh."""
    if not sittings:
        return None
    latest = sittings[-1]
    index = next(n for n, s in enumerate(sittings) if set(s.scores) & set(latest.scores))
    first = sittings[index]
    if first is latest:
        return _measure([(latest.at, latest.mean)], PSFS_MEAN_MEANINGFUL)
    common = [a for a in latest.scores if a in first.scores]
    points = [(s.at, fmean([s.scores[a] for a in common])) for s in (first, latest)]
    measure = _measure(points, PSFS_MEAN_MEANINGFUL)
    return None if measure is None else measure._replace(results=len(sittings) - index)


def psfs(sittings: Sequence[Sitting]) -> tuple[Measure | None, tuple[ActivityChange, ...]]:
    """:func:`psfs_overall`, and each activity rated more than once (or once) from its
    first score to its latest."""
    overall = psfs_overall(sittings)
    history: dict[str, list[int]] = {}
    for sitting in sittings:
        for activity, score in sitting.scores.items():
            history.setdefault(activity, []).append(score)
    activities = tuple(
        ActivityChange(activity, scores[0], scores[-1], scores[-1] - scores[0],
                       abs(scores[-1] - scores[0]) >= PSFS_ITEM_MEANINGFUL, len(scores))
        for activity, scores in history.items())
    return overall, activities


def overview(journal: Journal, today: date, *,
             chosen_baseline: tuple[date, date] | None = None) -> Overview:
    """Everything the summary says, read from *journal*. Records stamped after
    tomorrow (a clock set wrong) are left out, as the window's chart and report leave
    them out: a self-test dated a year ahead was "now" in every comparison."""
    from coach.advice import not_ahead

    kept = not_ahead(today)
    results = [r for r in journal.test_results() if kept(r.at)]
    sessions = [s for s in journal.sessions() if kept(s.started)]
    ratings = [r for r in journal.ratings() if kept(r.at)]
    pain = summarise(ratings, sessions, today, chosen_baseline=chosen_baseline)
    overall, activities = psfs(psfs_sittings(results))
    start = today - timedelta(days=SESSION_DAYS - 1)
    return Overview(pain, chair_stand(results), overall, activities,
                    _sessions_since(sessions, start, today))


def _sessions_since(sessions: Iterable[Any], start: date, today: date) -> int:
    from coach.advice import is_exercise

    return sum(1 for s in sessions if start <= s.started.date() <= today
               and is_exercise(s.outcome, s.steps_completed))


def overview_json(view: Overview) -> dict[str, Any]:
    """The shape of ``coach summary --json``. ``change_points`` is recent minus
    baseline (negative: less pain), ``change_percent`` of the baseline; ``compared``
    and ``meaningful`` only once the recent week no longer overlaps the baseline's days
    and has ratings on enough days (as the trend page says)."""
    pain = view.pain
    base, recent = pain.baseline_mean, pain.recent_mean
    points = recent - base if base is not None and recent is not None else None
    percent = 100.0 * points / base if points is not None and base else None
    return {
        "pain": {"baseline_mean": _round(base), "recent_mean": _round(recent),
                 "change_points": _round(points), "change_percent": _round(percent),
                 "meaningful": bool(pain.change is not None and pain.change.meaningful),
                 # False: too soon or too few ratings to compare (the trend page says
                 # nothing of the change then); the figures are only the means.
                 "compared": pain.change is not None,
                 "baseline": "chosen" if pain.chosen_baseline else "first_week",
                 # About three months of regular exercise and no meaningful fall: time
                 # to see an orthopaedic clinician (clinical.md 4; the trend page says
                 # so), with the weeks exercised of the last REVIEW_WEEKS.
                 "see_clinician": pain.see_clinician,
                 "active_weeks": pain.active_weeks,
                 # Why not compared (null when compared), as the trend page says it.
                 "not_compared": pain.not_compared},
        "chair_stand": view.chair_stand.to_json() if view.chair_stand else None,
        "psfs": None if view.psfs is None else {
            "baseline_mean": _round(view.psfs.baseline),
            "latest_mean": _round(view.psfs.latest), "change": _round(view.psfs.change),
            "meaningful": view.psfs.meaningful,
            "activities": [{"activity": a.activity, "baseline": a.baseline,
                            "latest": a.latest, "change": a.change,
                            "meaningful": a.meaningful} for a in view.activities]},
        "sessions_last_28_days": view.sessions_last_28_days,
    }


def _number(value: float) -> float | int:
    """Whole numbers as such (stands), others to two decimals."""
    return int(value) if float(value).is_integer() else round(value, 2)


def _round(value: float | None) -> float | None:
    """Two decimals: means of 0-10 ratings need no more, and tests compare exactly."""
    return None if value is None else round(value, 2)
