"""The trend in plain words: the summary's lines, and the panel beside the chart that
shows them with the period they compare with, the self-tests and what the line means."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout

from coach.journal import TestResult
from coach.trend import MIN_RECENT_DAYS, REVIEW_WEEKS, Summary
from coach.ui.function_view import Line, function_lines, invitation
from coach.ui.verdict import verdict_headline
from coach.ui.widgets import clear_layout, plain_label, set_text_colour, translate


def signed(value: float) -> str:
    """*value* to a whole number with its sign, a true minus ("−51", "+12"): a hyphen
    reads as a dash and may start a new line."""
    whole = round(value)
    return f"−{-whole}" if whole < 0 else f"+{whole}"


def summary_lines(summary: Summary) -> list[str]:
    """The summary in plain words (never "cured": clinical.md section 2)."""
    lines: list[str] = []
    if summary.recent_mean is None:
        lines.append(translate("Trend", "No ratings of your usual pain in the last 7 days."))
    else:
        lines.append(translate("Trend", "Last 7 days: {mean:.1f} on average.").format(
            mean=summary.recent_mean))
    change = summary.change
    if change is None:
        if summary.baseline_overlaps:
            lines.append(translate("Trend", "The period you compare with takes in some of "
                                   "the last 7 days: choose one that ends before them to "
                                   "see how your pain compares."))
        elif summary.enough_history and summary.recent_days < MIN_RECENT_DAYS:
            lines.append(translate("Trend", "Rate your pain on at least {days} days in a "
                                   "week to see how it compares.").format(days=MIN_RECENT_DAYS))
        elif summary.count:
            lines.append(translate("Trend", "Keep rating for a week or two: the comparison "
                                   "with your first week appears once there is a week to "
                                   "compare with it."))
    else:
        points = abs(change.points)
        percent = "" if change.percent is None else translate("Trend", " ({percent}%)").format(
            percent=signed(change.percent))
        if summary.chosen_baseline:
            same = translate("Trend", "About the same as in the period you compare with "
                             "({base:.1f}).")
            lower = translate("Trend", "{points:.1f} lower than in the period you compare "
                              "with{percent}.")
            higher = translate("Trend", "{points:.1f} higher than in the period you compare "
                               "with{percent}.")
        else:
            same = translate("Trend", "About the same as when you started ({base:.1f}).")
            lower = translate("Trend", "{points:.1f} lower than when you started{percent}.")
            higher = translate("Trend", "{points:.1f} higher than when you started{percent}.")
        if change.verdict == "same":
            lines.append(same.format(base=change.baseline))
        else:
            lines.append((lower if change.points < 0 else higher).format(
                points=points, percent=percent))
        lines.append({
            "better": translate("Trend", "That is a meaningful improvement."),
            "somewhat_better": translate("Trend", "A small improvement: not yet the 2 "
                                         "points or 30% that people usually call much "
                                         "better."),
            "same": translate("Trend", "Many people notice a change after 2 to 6 weeks "
                              "of regular practice."),
            "somewhat_worse": translate("Trend", "A little higher. Keep an eye on it, and "
                                        "make sessions easier if pain keeps rising."),
            "worse": translate("Trend", "That is a meaningful rise. Make sessions easier or "
                               "rest, and talk to a clinician if it does not settle."),
        }[change.verdict])
    if summary.see_clinician:
        lines.append(translate("Trend", "You have exercised in {n} of the last {weeks} weeks, "
                               "and your usual pain has not improved meaningfully. After "
                               "about three months of regular exercise, it is worth seeing "
                               "an orthopaedic clinician about your knee.").format(
            n=summary.active_weeks, weeks=REVIEW_WEEKS))
    zones = summary.after_zones_4_weeks or {}
    if zones:
        lines.append(translate("Trend", "Right after exercise, last 4 weeks: {green} safe, "
                               "{amber} acceptable, {red} too much.").format(
            green=zones.get("green", 0), amber=zones.get("amber", 0), red=zones.get("red", 0)))
    sessions = summary.sessions_4_weeks
    lines.append(translate("Trend", "1 session in the last 4 weeks.") if sessions == 1 else
                 translate("Trend", "{n} sessions in the last 4 weeks.").format(n=sessions))
    return lines


class SummaryPanel:
    """"Is it working?" beside the chart: the verdict, the summary, the period it
    compares with and a button to choose another (*choose_baseline*), the self-tests,
    and a note on what the chart's line is. ``widget`` holds it all and scrolls on its
    own when the words are longer than the charts are tall."""

    def __init__(self, choose_baseline: Callable[[], object]) -> None:
        side = QFrame()
        side.setObjectName("trendSummary")
        side.setAccessibleName(translate("TrendView", "Is it working?"))
        side.setAccessibleDescription(translate("TrendView", "The chart's summary in words"))
        side.setMinimumWidth(240)
        side.setMaximumWidth(360)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(plain_label(translate("TrendView", "Is it working?"),
                                          point_delta=1, bold=True))
        self.headline = plain_label("", point_delta=5, bold=True, object_name="verdictHeadline")
        side_layout.addWidget(self.headline)
        self.summary_box = QVBoxLayout()
        side_layout.addLayout(self.summary_box)
        self.baseline_label = plain_label("", point_delta=-1, object_name="baselineLabel")
        side_layout.addWidget(self.baseline_label)
        baseline_button = QPushButton(translate("TrendView", "Compare with…"))
        baseline_button.setObjectName("baselineButton")
        baseline_button.setToolTip(translate("TrendView", "Choose the period your recent pain "
                                                          "is compared with"))
        baseline_button.clicked.connect(choose_baseline)
        side_layout.addWidget(baseline_button)
        side_layout.addSpacing(8)
        side_layout.addWidget(plain_label(translate("TrendView", "Function"), point_delta=1,
                                          bold=True, object_name="functionTitle"))
        self.function_box = QVBoxLayout()
        self.function_box.setSpacing(2)
        side_layout.addLayout(self.function_box)
        side_layout.addSpacing(8)
        self.note = plain_label("", point_delta=-1, object_name="chartNote")
        set_text_colour(self.note)
        side_layout.addWidget(self.note)
        side_layout.addStretch(1)
        # The panel scrolls on its own when its words are longer than the charts are
        # tall (a small window, large text, Japanese): the charts stay whole on screen.
        self.widget = QScrollArea()
        self.widget.setObjectName("trendSummaryScroll")
        self.widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # words only: Tab skips it
        self.widget.setWidgetResizable(True)
        self.widget.setFrameShape(QFrame.Shape.NoFrame)
        self.widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setMinimumWidth(side.minimumWidth() + 16)
        self.widget.setMaximumWidth(side.maximumWidth() + 16)
        self.widget.setWidget(side)

    def show_summary(self, summary: Summary, left_out: int,
                     baseline: tuple[date, date] | None) -> None:
        """*summary* in words, with the *left_out* ratings the chart cannot show and the
        *baseline* period it compares with (None: the first week)."""
        headline = verdict_headline(summary.change, chosen_baseline=summary.chosen_baseline)
        self.headline.setVisible(headline is not None)
        if headline is not None:
            shape, words, role = headline
            self.headline.setText(f"{shape} {words}")
            set_text_colour(self.headline, lambda colours: colours.verdict[role])
        clear_layout(self.summary_box)
        for n, line in enumerate(summary_lines(summary)):
            label = plain_label(line, point_delta=2 if n == 0 else 0, bold=n == 0,
                                object_name="summaryLine")
            self.summary_box.addWidget(label)
        if left_out:
            self.summary_box.addWidget(plain_label((translate(
                "TrendView",
                "1 rating has a date the chart cannot show (before 1970 or in the future). "
                "It is kept in your journal and its exports; Corrections… can delete it.")
                if left_out == 1 else translate(
                "TrendView",
                "{n} ratings have a date the chart cannot show (before 1970 or in the "
                "future). They are kept in your journal and its exports; Corrections… "
                "can delete them.").format(n=left_out)), object_name="leftOut"))
        if baseline is None:
            self.baseline_label.setText(translate("TrendView",
                                                  "Compared with your first week of ratings."))
        else:
            start, end = baseline
            self.baseline_label.setText(translate("TrendView", "Compared with {start} to {end}.")
                                        .format(start=start.isoformat(), end=end.isoformat()))

    def show_function(self, results: list[TestResult]) -> list[Line]:
        """The self-tests in words (an invitation when there are none); their lines."""
        clear_layout(self.function_box)
        lines = function_lines(results)
        for kind, line in lines or [("none", invitation())]:
            label = plain_label(line, point_delta=-1 if kind == "activity" else 0,
                                object_name="functionLine")
            if kind in ("activity", "none"):
                set_text_colour(label)
            self.function_box.addWidget(label)
        return lines

    def describe_average(self, days: int) -> None:
        """Say in the note which average the chart's line is."""
        self.note.setText(translate(
            "TrendView",
            "The line is the {days}-day average of your usual pain: check-ins, ratings "
            "before exercise and next-morning ratings (the dots; the shading spans each "
            "day's lowest to highest). Where it is dashed, no rating stands behind it: it "
            "carries your last ratings on to today. Ratings right after exercise are judged "
            "by their zone: 0-2 safe, 3-5 acceptable, 6-10 too much (shaded with that "
            "layer). Click the key to show or hide a layer.").format(days=days))
