"""The trend's verdict in words, with a shape and a colour role: shared by the trend
page and the Today screen. Free of pyqtgraph, so the Today screen (the first thing
the app shows) can say it without loading the chart code."""

from __future__ import annotations

from coach.trend import Change, Verdict
from coach.ui.widgets import translate

# Verdict -> shape and the theme's verdict colour role (colour is never alone: the
# words and the shape say it too).
VERDICT_STYLE = {
    Verdict.BETTER: ("▼", "better"),
    Verdict.SOMEWHAT_BETTER: ("▼", "somewhat_better"),
    Verdict.SAME: ("●", "same"),
    Verdict.SOMEWHAT_WORSE: ("▲", "somewhat_worse"),
    Verdict.WORSE: ("▲", "worse"),
}


def verdict_headline(change: Change | None, *, chosen_baseline: bool = False
                     ) -> tuple[str, str, str] | None:
    """The answer at a glance: (shape, words, colour role) for *change*, or None until
    there is a week to compare with. *chosen_baseline*: compared with a period the
    user chose rather than the first week."""
    if change is None:
        return None
    points = abs(change.points)
    if chosen_baseline:
        words = {
            Verdict.BETTER: translate("Trend", "Better: {points:.1f} points lower than the "
                                      "period you compare with"),
            Verdict.SOMEWHAT_BETTER: translate("Trend", "A little better: {points:.1f} "
                                               "points lower than the period you compare "
                                               "with"),
            Verdict.SAME: translate("Trend", "About the same as the period you compare "
                                    "with"),
            Verdict.SOMEWHAT_WORSE: translate("Trend", "A little worse: {points:.1f} points "
                                              "higher than the period you compare with"),
            Verdict.WORSE: translate("Trend", "Worse: {points:.1f} points higher than the "
                                     "period you compare with"),
        }
    else:
        words = {
            Verdict.BETTER: translate("Trend", "Better: {points:.1f} points lower than your "
                                      "first week"),
            Verdict.SOMEWHAT_BETTER: translate("Trend", "A little better: {points:.1f} "
                                               "points lower than your first week"),
            Verdict.SAME: translate("Trend", "About the same as your first week"),
            Verdict.SOMEWHAT_WORSE: translate("Trend", "A little worse: {points:.1f} points "
                                              "higher than your first week"),
            Verdict.WORSE: translate("Trend", "Worse: {points:.1f} points higher than your "
                                     "first week"),
        }
    shape, role = VERDICT_STYLE[change.verdict]
    return shape, words[change.verdict].format(points=points), role
