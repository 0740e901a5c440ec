"""The pain trend page: check-ins, the chart, the summary, corrections, exports."""

import math
import shutil
import subprocess
import sys
from datetime import date, datetime, time, timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QWidget

from coach.csvio import import_csv, save_csv
from coach.trend import Summary, daily_values, rolling_mean, trend_ratings
from coach.ui import report
from coach.ui.widgets import MessageBar
from tests.conftest import FLAGSHIP, REPO


@pytest.fixture
def history(tmp_path):
    """120 days of ratings and sessions, made by the sample script, as CSV."""
    out = tmp_path / "history.csv"
    subprocess.run([sys.executable, str(REPO / "scripts" / "sample_history.py"), str(out)],
                   check=True, capture_output=True)
    return out


def open_trend(window, qtbot):
    window.show()  # the chart loads once its page is on screen
    window.show_page("trend")
    qtbot.waitUntil(lambda: window.trend is not None)
    return window.trend


def test_empty_state_explains_and_offers_a_rating(make_window, qtbot):
    window = make_window()
    window.show()
    trend = open_trend(window, qtbot)
    assert trend.stack.currentIndex() == 0
    assert trend.findChild(QLabel, "trendEmptyTitle").text() == "No ratings yet"
    assert not trend.findChild(QLabel, "emptyFunction").isVisible()  # no tests done
    rate_now = trend.findChild(QPushButton, "trendRateNow")
    qtbot.waitUntil(rate_now.isVisible)
    rate_now.click()
    assert window.findChild(QDialog, "ratingDialog").isVisible()


def test_first_visit_says_loading_then_reports_the_chart_module_once(make_window, qtbot):
    # run_window freezes the garbage collector's view of what is loaded by then.
    window = make_window()
    window.show()
    with qtbot.waitSignal(window.chart_module_loaded, timeout=10_000):
        window.show_page("trend")
        # The chart code takes a while to load the first time: the page says so
        # (and is drawn) before it loads.
        assert window.trend is None and window.trend_loading.isVisible()
        assert window.trend_loading.text() == "Loading the chart…"
    assert window.trend is not None and not window.trend_loading.isVisible()
    with qtbot.assertNotEmitted(window.chart_module_loaded):
        window.show_page("routines")
        window.show_page("trend")


def test_check_in_adds_a_point_at_once_and_a_row_to_export(make_window, qtbot, capsys,
                                                           data_dir):
    window = make_window()
    window.show()
    trend = open_trend(window, qtbot)
    qtbot.mouseClick(window.findChild(QPushButton, "checkInButton"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "ratingDialog")
    qtbot.waitUntil(dialog.isVisible)
    buttons = dialog.findChild(type(dialog.rating), "painRating").group.buttons()
    qtbot.mouseClick(next(b for b in buttons if b.text() == "4"), Qt.MouseButton.LeftButton)
    dialog.note.setText("after the stairs")
    qtbot.mouseClick(dialog.findChild(QPushButton, "painSubmit"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trend.stack.currentIndex() == 1)  # the chart follows the journal
    x, y = trend.scatters["check_in"].getData()
    assert list(y) == [4]
    from coach.cli import main

    main(["export", "--data-dir", str(data_dir)])  # a second reader of the same file
    out = capsys.readouterr().out
    assert ",4,check_in,,after the stairs," in out


def test_chart_of_imported_history_with_summary(make_window, qtbot, history):
    window = make_window()
    with open(history, encoding="utf-8") as handle:
        assert import_csv(window.journal, handle).problems == []
    trend = open_trend(window, qtbot)
    ratings = window.journal.ratings()
    plotted = sum(len(s.getData()[0]) for s in trend.scatters.values())
    assert plotted == len(ratings)
    assert len(trend.stop_marks.getData()[0]) == 2
    assert trend.range_key == "all"  # 120 days: more than 3 months
    lines = [label.text() for label in trend.findChildren(QLabel, "summaryLine")]
    summary = trend.summary
    assert lines[0] == f"Last 7 days: {summary.recent_mean:.1f} on average."
    assert summary.change.verdict == "better"
    assert lines[-1] == f"{summary.sessions_4_weeks} sessions in the last 4 weeks."
    trend.set_range("2w")
    low, high = trend.plot.getPlotItem().viewRange()[0]
    assert (high - low) == pytest.approx(14 * 86400)


def test_summary_words_for_a_hand_computed_case(make_window, qtbot):
    window = make_window()
    today = date.today()
    start = datetime.now().astimezone().replace(hour=9) - timedelta(days=27)
    for day, value in enumerate([6, 6, 5, 6, 5, 6, 5] + [None] * 14 + [3, 3, 4, 3, 3, 3, 4]):
        if value is not None:
            window.journal.add_rating(value, "check_in", at=start + timedelta(days=day))
    trend = open_trend(window, qtbot)
    lines = [label.text() for label in trend.findChildren(QLabel, "summaryLine")]
    # baseline 39/7 = 5.57, last 7 days 23/7 = 3.29: 2.29 lower, -41 %
    assert lines[:3] == ["Last 7 days: 3.3 on average.",
                         "2.3 lower than when you started (−41%).",
                         "That is a meaningful improvement."]
    assert today == trend.today()


def test_corrections_delete_and_undo(make_window, qtbot):
    window = make_window()
    window.show()
    window.journal.add_rating(5, "check_in", note="first")
    window.journal.add_rating(7, "check_in", note="second")
    trend = open_trend(window, qtbot)
    window.show_history()
    dialog = window.findChild(QDialog, "historyDialog")
    # Named as the button that opens it, and it says what it is for.
    assert dialog.windowTitle() == "Corrections"
    assert dialog.findChild(QLabel, "historyHeading").text() == "Correct your ratings"
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 4).text() == "second"
    dialog.delete_selected()
    assert [r.note for r in window.journal.ratings()] == ["first"]
    qtbot.waitUntil(lambda: len(trend.scatters["check_in"].getData()[0]) == 1)
    bar = dialog.findChild(MessageBar, "historyMessage")
    assert bar.label.text().startswith("Rating of 7 from ") and "deleted" in bar.label.text()
    dialog.undo()
    assert [r.note for r in window.journal.ratings()] == ["first", "second"]
    qtbot.waitUntil(lambda: len(trend.scatters["check_in"].getData()[0]) == 2)


def test_an_undo_that_fails_can_be_tried_again(make_window, qtbot, monkeypatch):
    """A failed Undo replaced the bar holding Undo with one holding Dismiss: the
    deleted rating and its note could not be brought back."""
    from tests.test_recorder import Outage

    window = make_window()
    window.journal.add_rating(6, "check_in", note="kept")
    window.show_history()
    dialog = window.findChild(QDialog, "historyDialog")
    dialog.delete_selected()
    outage = Outage(window.journal, monkeypatch)
    outage.down = True
    dialog.undo()
    bar = dialog.findChild(MessageBar, "historyMessage")
    assert bar.label.text().startswith("Could not restore")
    outage.down = False
    bar.action_clicked.emit()  # its Undo, again
    assert [(r.value, r.note) for r in window.journal.ratings()] == [(6, "kept")]


def test_the_morning_question_is_on_the_today_screen_until_answered(make_window, qtbot):
    window = make_window()
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    session = window.journal.start_session("ten-minute-inner-thigh", at=yesterday)
    window.journal.add_rating(3, "before", at=yesterday, session_uid=session.uid)
    window.journal.end_session(session.uid, "completed", 5, at=yesterday)
    window.show()
    page = window.today_page
    # No pop-up over the window: the question waits on the Today screen.
    qtbot.waitUntil(page.morning_row.isVisible)
    assert window.findChild(QDialog, "morningCheck") is None
    assert "How is your knee this morning?" in page.morning_label.text()
    page.morning_button.click()
    dialog = window.findChild(QDialog, "morningCheck")
    dialog.rating.set_value(5)
    dialog.submit.click()
    [morning] = [r for r in window.journal.ratings() if r.context == "next_morning"]
    assert morning.value == 5 and morning.session_uid == session.uid
    qtbot.waitUntil(lambda: "Make the next session easier" in page.today_label.text())
    assert not page.morning_row.isVisible()  # answered: asked no more
    assert "not settled the next morning" in page.last_label.text()


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_exports_png_csv_and_a_pdf_report(make_window, qtbot, history, tmp_path):
    window = make_window()
    with open(history, encoding="utf-8") as handle:
        import_csv(window.journal, handle)
    trend = open_trend(window, qtbot)
    png, csv_file, pdf = tmp_path / "c.png", tmp_path / "j.csv", tmp_path / "r.pdf"
    report.save_png(trend, png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert save_csv(window.journal, csv_file) > 300
    report.write_report(trend, window.journal, pdf, date.today())
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True)
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Knee pain report" in text and "Last 7 days:" in text
    assert "Safety stops (sharp pain, felt unwell)" in text


def test_save_chart_from_the_dialog_says_where_and_failures_are_told(
        make_window, qtbot, history, tmp_path, monkeypatch):
    window = make_window()
    with open(history, encoding="utf-8") as handle:
        import_csv(window.journal, handle)
    open_trend(window, qtbot)
    chosen = [str(tmp_path / "chart.png")]
    monkeypatch.setattr(report.QFileDialog, "getSaveFileName",
                        lambda *args: (chosen[0], "PNG image (*.png)"))
    window.trend.findChild(QPushButton, "export_png").click()
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    assert "chart.png" in window.statusBar().currentMessage()
    assert QGuiApplication.overrideCursor() is None  # the wait cursor is gone again
    chosen[0] = str(tmp_path / "no-such-folder" / "chart.png")
    window.trend.findChild(QPushButton, "export_png").click()
    box = window.findChild(QMessageBox, "saveFailed")
    assert box.text() == (f"“chart.png” could not be saved in {tmp_path / 'no-such-folder'}.\n"
                          "Check that the folder exists and that you can write to it.")
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.done(0)
    box.setObjectName("")
    assert QGuiApplication.overrideCursor() is None
    chosen[0] = str(tmp_path / "no-such-folder" / "journal.csv")  # the system says why
    window.trend.findChild(QPushButton, "export_csv").click()
    assert window.findChild(QMessageBox, "saveFailed").text().endswith(
        "No such file or directory")


def test_hover_shows_the_nearest_rating(make_window, qtbot):
    window = make_window()
    window.show()
    window.journal.add_rating(4, "check_in", note="after the stairs")
    trend = open_trend(window, qtbot)
    trend.resize(900, 600)
    qtbot.waitUntil(trend.plot.isVisible)
    box = trend.plot.getPlotItem().getViewBox()
    x, y = trend.scatters["check_in"].getData()
    from PySide6.QtCore import QPointF

    point = box.mapViewToScene(QPointF(x[0], y[0]))
    trend._hover(point)
    assert trend.hover_label.isVisible()
    assert trend.hover_label.textItem.toPlainText().startswith("Pain 4 · Check-in · ")
    assert "after the stairs" in trend.hover_label.textItem.toPlainText()
    trend._hover(point + QPointF(0, 200))  # far from any point
    assert not trend.hover_label.isVisible()


def test_a_chosen_baseline_is_used_and_remembered(make_window, qtbot):
    window = make_window()
    start = datetime.now().astimezone().replace(hour=9) - timedelta(days=27)
    for day, value in enumerate([6, 6, 5, 6, 5, 6, 5] + [8] * 7 + [None] * 7
                                + [3, 3, 4, 3, 3, 3, 4]):
        if value is not None:
            window.journal.add_rating(value, "check_in", at=start + timedelta(days=day))
    trend = open_trend(window, qtbot)
    assert trend.summary.baseline_mean == pytest.approx(39 / 7)
    second_week = ((start + timedelta(days=7)).date(), (start + timedelta(days=13)).date())
    trend.choose_baseline()
    dialog = trend.findChild(QDialog, "baselineDialog")
    dialog.start.setDate(second_week[0])
    dialog.end.setDate(second_week[1])
    dialog._accept_period()
    assert trend.summary.baseline_mean == 8
    assert trend.findChild(QLabel, "baselineLabel").text().startswith("Compared with 20")
    window.close()
    again = make_window()
    assert open_trend(again, qtbot).summary.baseline_mean == 8


@pytest.mark.parametrize("year", [1, 9999])
def test_the_chart_survives_impossible_dates_in_the_journal(make_window, qtbot, year):
    from datetime import UTC, datetime

    window = make_window()
    window.show()
    window.journal.add_rating(4, "check_in")
    odd = datetime(year, 6, 1, 12, tzinfo=UTC)
    window.journal.add_rating(5, "check_in", at=odd)
    session = window.journal.start_session(FLAGSHIP, at=odd)
    window.journal.add_safety_event("sharp_pain", session_uid=session.uid, at=odd)
    trend = open_trend(window, qtbot)
    assert trend.count == 1 and list(trend.scatters["check_in"].getData()[1]) == [4]
    assert len(trend.stop_marks.getData()[0]) == 0
    assert trend.findChild(QLabel, "leftOut").text().startswith("1 rating has a date")
    trend.set_range("all")
    first, last = trend.plot.getPlotItem().getViewBox().viewRange()[0]
    assert last - first < 3 * 86400  # days, not millennia
    trend.grab()  # paints (axis ticks included) without an error


def test_a_thin_last_week_asks_for_another_day_not_for_patience():
    from coach.ui.trend_summary import summary_lines

    summary = Summary(count=40, first_day=date(2026, 1, 1), recent_mean=5.0,
                      baseline_mean=3.0, change=None, sessions_4_weeks=0,
                      enough_history=True, recent_days=1)
    lines = summary_lines(summary)
    assert lines[:2] == ["Last 7 days: 5.0 on average.",
                         "Rate your pain on at least 2 days in a week to see how it compares."]


def test_a_chosen_period_in_the_last_week_asks_for_an_earlier_one():
    from coach.ui.trend_summary import summary_lines

    summary = Summary(count=40, first_day=date(2026, 1, 1), recent_mean=2.0,
                      baseline_mean=2.0, change=None, sessions_4_weeks=0,
                      enough_history=False, chosen_baseline=True, recent_days=3)
    assert summary_lines(summary)[1] == (
        "The period you compare with takes in some of the last 7 days: choose one that "
        "ends before them to see how your pain compares.")


def test_summary_suggests_a_clinician_after_months_without_improvement():
    from coach.trend import change
    from coach.ui.trend_summary import summary_lines

    summary = Summary(count=90, first_day=date(2026, 1, 1), recent_mean=5.0,
                      baseline_mean=5.0, change=change(5.0, 5.0), sessions_4_weeks=8,
                      enough_history=True, active_weeks=9, see_clinician=True)
    lines = summary_lines(summary)
    advice = ("You have exercised in 9 of the last 12 weeks, and your usual pain has not "
              "improved meaningfully. After about three months of regular exercise, it "
              "is worth seeing an orthopaedic clinician about your knee.")
    assert advice in lines
    assert lines.index(advice) == 3  # after the comparison and what it means
    assert advice not in summary_lines(summary._replace(see_clinician=False))


def test_verdict_headline_has_words_and_a_shape_and_the_chart_no_auto_button(make_window,
                                                                              qtbot):
    window = make_window()
    start = datetime.now().astimezone().replace(hour=9) - timedelta(days=27)
    for day, value in enumerate([6, 6, 5, 6, 5, 6, 5] + [None] * 14 + [3, 3, 4, 3, 3, 3, 4]):
        if value is not None:
            window.journal.add_rating(value, "check_in", at=start + timedelta(days=day))
    trend = open_trend(window, qtbot)
    headline = trend.findChild(QLabel, "verdictHeadline")
    assert headline.text() == "▼ Better: 2.3 points lower than your first week"
    assert not trend.plot.getPlotItem().autoBtn.isVisible()
    # Only the trend is on at first; the context layers wait in the legend, which says
    # how to show them (their greyed names looked disabled).
    assert trend.usual.isVisible() and trend.mean_line.isVisible()
    assert not any(trend.scatters[c].isVisible() for c in ("before", "after", "next_morning"))
    assert trend.legend.toolTip() == "Click a name to show or hide it on the chart"
    assert trend.legend.cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_the_shading_spans_each_days_lowest_to_highest_usual_pain(make_window, qtbot):
    window = make_window()
    start = datetime.now().astimezone().replace(
        hour=8, minute=0, second=0, microsecond=0) - timedelta(days=3)
    for day, hour, value, context in [
            (0, 0, 3, "check_in"), (0, 2, 6, "before"), (0, 3, 9, "after"),  # not usual
            (1, 0, 5, "check_in"),  # one rating: no spread to show
            (2, 0, 2, "next_morning"), (2, 4, 7, "check_in"), (2, 5, 4, "before")]:
        window.journal.add_rating(value, context, at=start + timedelta(days=day, hours=hour))
    trend = open_trend(window, qtbot)
    left, right, low, high = trend.day_ranges.getData()
    days = [start.date(), start.date() + timedelta(days=2)]
    assert list(left) == [datetime.combine(d, time()).timestamp() for d in days]
    assert list(right) == [datetime.combine(d + timedelta(days=1), time()).timestamp()
                           for d in days]
    assert (list(low), list(high)) == ([3, 2], [6, 7])
    assert trend.day_ranges in trend.plot.getPlotItem().items
    # Part of the usual-pain series: no entry of its own in the key, shown and hidden
    # with the dots.
    assert trend.day_ranges not in [item for item, _name in trend.legend.entries]
    assert trend.day_ranges.isVisible()
    trend.usual.setVisible(False)
    assert not trend.day_ranges.isVisible()
    trend.usual.setVisible(True)
    assert trend.day_ranges.isVisible()


def test_long_ranges_draw_a_30_day_average_and_say_so(make_window, qtbot):
    window = make_window()
    start = datetime.now().astimezone().replace(
        hour=9, minute=0, second=0, microsecond=0) - timedelta(days=399)
    for day in range(0, 400, 2):
        window.journal.add_rating(2 + day % 7, "check_in", at=start + timedelta(days=day))
    trend = open_trend(window, qtbot)
    headline = trend.findChild(QLabel, "verdictHeadline").text()
    by_day = daily_values(trend_ratings(window.journal.ratings()))

    def drawn(days: int) -> None:
        expected = [math.nan if m is None else m
                    for _d, m in rolling_mean((), window=days, by_day=by_day,
                                                   until=date.today())]
        x, y = trend.mean_line.getData()
        assert len(x) == len(expected)
        _x, tail = trend.chart.mean_tail.getData()
        np.testing.assert_allclose(np.where(np.isnan(y), tail, y), expected, equal_nan=True)
        name = f"{days}-day average"
        assert (trend.mean_line, name) in trend.legend.entries
        assert trend.findChild(QLabel, "chartNote").text().startswith(f"The line is the {name}")
        assert name in trend.plot.accessibleDescription()
        # Only the drawn line: the verdict still compares the last 7 days.
        assert trend.findChild(QLabel, "verdictHeadline").text() == headline

    assert trend.range_key == "all"  # 400 days shown
    drawn(30)
    trend.set_range("3m")
    drawn(7)
    trend.set_range("1y")
    drawn(30)
    trend.set_range("2w")
    drawn(7)


def test_a_level_change_is_marked_on_the_chart_as_sessions_are_recorded(make_window, qtbot):
    window = make_window()
    start = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=6)
    window.journal.add_rating(3, "check_in", at=start)
    trend = open_trend(window, qtbot)
    qtbot.waitUntil(lambda: trend.stack.currentIndex() == 1)
    x, labels = trend.level_marks.getData()
    assert len(x) == 0 and labels == []
    sessions = [window.journal.start_session(FLAGSHIP, at=start + timedelta(days=day),
                                             level=level)
                for day, level in ((1, 2), (2, 2), (4, 3))]
    # The chart follows the journal: no reload by hand.
    qtbot.waitUntil(lambda: len(trend.level_marks.getData()[0]) == 1)
    x, labels = trend.level_marks.getData()
    assert x[0] == sessions[-1].started.timestamp()
    assert labels == ["Level 2 → 3"]
    low, high = trend.plot.getPlotItem().viewRange()[0]
    assert low < x[0] < high  # on screen
    assert not trend.grab().isNull()  # and it paints


def add_function_results(journal, start):
    """Chair stands 9 then 12, and two PSFS sittings (means 4.0 then 7.0)."""
    journal.add_test_result("chair_stand", 9, at=start)
    journal.add_test_result("chair_stand", 12, at=start + timedelta(days=21))
    journal.add_psfs([("Climbing stairs", 3), ("Walking 30 minutes", 5)], at=start)
    journal.add_psfs([("Climbing stairs", 7), ("Walking 30 minutes", 7)],
                     at=start + timedelta(days=21))


def function_lines_shown(trend) -> list[str]:
    return [label.text() for label in trend.findChildren(QLabel, "functionLine")]


def test_function_beside_pain_first_and_latest_with_meaningful_changes(make_window, qtbot):
    window = make_window()
    start = datetime.now().astimezone().replace(hour=9, microsecond=0) - timedelta(days=27)
    window.journal.add_rating(4, "check_in", at=start)
    add_function_results(window.journal, start)
    trend = open_trend(window, qtbot)
    first, latest = start.date(), (start + timedelta(days=21)).date()
    assert function_lines_shown(trend) == [
        f"Chair stands in 30 seconds: 9 on {first}, 12 on {latest}.",
        "3 more than the first time: a meaningful change.",
        "Activities that are hard (PSFS, 0 unable to 10 as before), average: 4.0 on "
        f"{first}, 7.0 on {latest}.",
        "3.0 points higher: a meaningful change.",
        "Climbing stairs: 3 → 7 (a meaningful change)",
        "Walking 30 minutes: 5 → 7",  # 2 points: less than the 3 one activity needs
    ]
    chart = trend.function_chart
    assert chart is not None and chart.isVisibleTo(trend)
    assert list(chart.chair_line.getData()[1]) == [9, 12]
    assert list(chart.psfs_line.getData()[1]) == [4.0, 7.0]
    assert len(chart.activity_lines) == 2
    # Its own chart: nothing of it on the pain chart.
    assert not set(chart.chair.getPlotItem().items) & set(trend.plot.getPlotItem().items)


def test_function_change_below_the_smallest_worth_noticing_is_said_so():
    from coach.journal import TestResult
    from coach.ui.function_view import function_lines

    at = datetime(2026, 3, 1, 9)
    results = [TestResult("a", at, "chair_stand", 10),
               TestResult("b", at + timedelta(days=14), "chair_stand", 11)]
    assert [line for _kind, line in function_lines(results)] == [
        "Chair stands in 30 seconds: 10 on 2026-03-01, 11 on 2026-03-15.",
        "1 more than the first time: less than the 2 that make a meaningful change."]


def test_a_single_result_of_each_test_is_said_as_such():
    from coach.journal import TestResult
    from coach.ui.function_view import function_lines

    at = datetime(2026, 3, 1, 9)
    results = [TestResult("a", at, "chair_stand", 10),
               TestResult("b", at, "psfs", 4, item="stairs"),
               TestResult("c", at, "psfs", 6, item="kneeling")]
    assert [line for _kind, line in function_lines(results)] == [
        "Chair stands in 30 seconds: 10 on 2026-03-01.",
        "Do the test again in a few weeks to see how it changes.",
        "Activities that are hard (PSFS, 0 unable to 10 as before), average: 5.0 on "
        "2026-03-01.",
        "Rate the same activities again in a few weeks to compare.",
        "stairs: 4 (rated once)", "kneeling: 6 (rated once)"]


def test_no_function_results_invite_the_tests_and_build_no_chart(make_window, qtbot):
    window = make_window()
    window.show()
    window.journal.add_rating(4, "check_in")
    trend = open_trend(window, qtbot)
    qtbot.waitUntil(lambda: trend.stack.currentIndex() == 1)
    assert function_lines_shown(trend) == [
        "No function tests yet. The Tests menu has two: a 30-second chair stand test, "
        "and rating activities that are hard for you."]
    assert trend.function_chart is None
    assert trend.findChild(QWidget, "functionChart") is None
    # A result in the journal: the panel and a chart follow, no reload by hand.
    window.journal.add_test_result("chair_stand", 11)
    qtbot.waitUntil(lambda: trend.function_chart is not None)
    assert trend.function_chart.isVisible()
    assert trend.function_chart.chair.isVisible() and not trend.function_chart.psfs.isVisible()
    assert function_lines_shown(trend)[0].startswith("Chair stands in 30 seconds: 11 on ")


def fill_ratings(journal, count, days=60):
    """*count* ratings over the last *days* days, every context and value each day,
    inserted at once (as the chart benchmark does)."""
    from coach.journal import iso

    end = datetime.now().astimezone().replace(hour=6, minute=0, second=0, microsecond=0)
    contexts = ("check_in", "before", "after", "next_morning")
    rows = [(f"m{n}", iso(end - timedelta(days=days - 1 - n * days // count,
                                          seconds=-(n * 50_000 // count % 50_000))),
             (n * 7 // 3) % 11, contexts[n % 4]) for n in range(count)]
    with journal.transaction() as db:
        db.executemany("INSERT INTO ratings (uid, at, value, context) VALUES (?, ?, ?, ?)",
                       rows)


def loaded_view(qtbot, journal):
    """A trend view on screen (1000x600) that has shown *journal*."""
    from coach.ui import trend_view

    view = trend_view.TrendView(journal)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.reload()
    return view


def test_many_ratings_are_drawn_grouped_with_the_same_summary_and_average(
        journal, qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import QPointF

    from coach.ui import trend_view

    fill_ratings(journal, 50_000)
    monkeypatch.setattr(trend_view, "MOST_POINTS", 10**9)  # one dot per rating
    view = loaded_view(qtbot, journal)
    exact_lines = [label.text() for label in view.findChildren(QLabel, "summaryLine")]
    exact = (view.count, view.summary, view.day_ranges.getData(), view.mean_line.getData())
    assert not view.grouped and len(view.usual.getData()[0]) == 37_500

    monkeypatch.setattr(trend_view, "MOST_POINTS", 5_000)
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.reload()
    assert view.grouped
    x, y = view.usual.getData()
    assert len(x) <= 60 * 3 * 11  # a dot per day, context and value
    assert [label.text() for label in view.findChildren(QLabel, "summaryLine")] == exact_lines
    count, summary, ranges, line = exact
    assert view.count == count == 50_000 and view.summary == summary
    for ours, theirs in zip((*view.day_ranges.getData(), *view.mean_line.getData()),
                            (*ranges, *line), strict=True):
        np.testing.assert_array_equal(ours, theirs)
    # A grouped dot is one of its ratings: hovering it names that rating.
    box = view.plot.getPlotItem().getViewBox()
    view.set_range("2w")
    index = int(np.argmax(x))
    view._hover(box.mapViewToScene(QPointF(x[index], y[index])))
    assert view.hover_label.textItem.toPlainText().startswith(f"Pain {int(y[index])} · ")
    report.save_png(view, tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 0


def test_reload_of_a_large_journal_says_loading_and_keeps_the_window_responsive(
        journal, qtbot, monkeypatch):
    import threading

    from coach.ui import trend_view

    fill_ratings(journal, 2_000)
    gate = threading.Event()
    real = trend_view.chart_points

    def held(*args):
        gate.wait(30)  # the worker reads until the test lets it finish
        return real(*args)

    monkeypatch.setattr(trend_view, "chart_points", held)
    view = trend_view.TrendView(journal)
    qtbot.addWidget(view)
    view.show()
    view.reload()  # returns while the worker reads
    loading = view.findChild(QLabel, "trendLoading")
    assert view.stack.currentWidget() is loading and loading.isVisible()
    assert loading.text() == "Loading the chart…"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        gate.set()
    assert view.stack.currentIndex() == 1 and view.count == 2_000
    # A newer reading supersedes one still under way: the chart shows the newest.
    gate.clear()
    view.reload()
    journal.add_rating(3, "check_in")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
        gate.set()
    assert view.stack.currentIndex() == 1 and view.count == 2_001


def test_a_grouped_chart_shows_one_dot_per_rating_where_it_shows_few(journal, qtbot,
                                                                        monkeypatch):
    from coach.ui import trend_view

    fill_ratings(journal, 6_000)  # 100 a day for 60 days
    monkeypatch.setattr(trend_view, "MOST_POINTS", 2_000)
    view = loaded_view(qtbot, journal)
    assert view.grouped and len(view.scatters["check_in"].getData()[0]) < 1_500
    view.set_range("2w")  # about 1,500 ratings: few enough for a dot each
    qtbot.waitUntil(lambda: view._exact_from is not None, timeout=10_000)
    cut = datetime.combine(view._exact_from, time()).timestamp()
    stored = [r for r in journal.ratings() if r.context == "check_in"]
    x, y = view.scatters["check_in"].getData()
    assert sorted(x[x >= cut]) == sorted(r.at.timestamp() for r in stored
                                         if r.at.timestamp() >= cut)
    assert len(x[x < cut]) < len([r for r in stored if r.at.timestamp() < cut])  # grouped
    # Each dot still names its own rating.
    uids = view._uids["check_in"]
    by_uid = {r.uid: r for r in stored}
    assert all(by_uid[uid].value == value for uid, value in zip(uids, y, strict=True))


def test_self_tests_done_before_any_pain_rating_show_on_the_empty_page(make_window, qtbot):
    window = make_window()
    window.journal.add_test_result("chair_stand", 10)
    window.show()
    trend = open_trend(window, qtbot)
    label = trend.findChild(QLabel, "emptyFunction")
    qtbot.waitUntil(label.isVisible)
    assert trend.stack.currentIndex() == 0
    assert label.text().splitlines()[:2] == [
        "Function", f"Chair stands in 30 seconds: 10 on {date.today().isoformat()}."]


def test_the_average_line_ends_today_on_the_summarys_last_7_days(journal, qtbot):
    """With no rating today the line stopped at yesterday, on the 7 days before it,
    while the summary beside it said the 7 days ending today: two "7-day averages"
    (3.15 and 3.36 in a user's history)."""
    from datetime import datetime, timedelta

    now = datetime.now().astimezone()
    for days, value in ((8, 6), (6, 4), (4, 3), (2, 2), (1, 2)):
        journal.add_rating(value, "check_in", at=now - timedelta(days=days))
    view = loaded_view(qtbot, journal)
    view.set_range("2w")
    x, tail = view.chart.mean_tail.getData()
    assert tail[-1] == pytest.approx(view.summary.recent_mean)
    assert datetime.fromtimestamp(x[-1]).date() == now.date()


def test_the_average_line_is_dashed_where_no_rating_stands_behind_it(journal, qtbot):
    """From the last rating to today the line was drawn solid, as if pain had been
    rated at that level each day: it carries the last days on, so it is dashed there
    (and hidden with the line from the key)."""
    now = datetime.now().astimezone()
    for days, value in ((12, 6), (10, 4), (5, 3)):
        journal.add_rating(value, "check_in", at=now - timedelta(days=days))
    view = loaded_view(qtbot, journal)
    view.set_range("2w")
    chart = view.chart
    x, solid = chart.mean_line.getData()
    _x, tail = chart.mean_tail.getData()
    last_rated = (now - timedelta(days=5)).date()
    days = [datetime.fromtimestamp(t).date() for t in x]
    drawn = [d for d, v in zip(days, solid, strict=True) if not math.isnan(v)]
    assert drawn[-1] == last_rated  # the solid line stops on the last rating's day
    dashed = [d for d, v in zip(days, tail, strict=True) if not math.isnan(v)]
    assert dashed[0] == last_rated and dashed[-1] == now.date()  # joined, on to today
    assert chart.mean_tail.opts["pen"].style() == Qt.PenStyle.DashLine
    assert "dashed" in view.findChild(QLabel, "chartNote").text()
    chart.mean_line.setVisible(False)  # the key's "7-day average"
    assert not chart.mean_tail.isVisible() and not chart.mean_casing.isVisible()


def test_the_zones_are_shaded_only_with_the_ratings_they_judge(make_window, qtbot):
    """The red band from 6 up stood behind the usual-pain line, so an everyday 6 read as
    "too much": the zones judge pain right after exercise only."""
    window = make_window()
    window.journal.add_rating(6, "check_in")
    chart = open_trend(window, qtbot).chart
    axis = chart.plot.getPlotItem().getAxis("right")
    assert not chart.bands.isVisible() and axis._tickLevels == [[], []]
    chart.scatters["after"].setVisible(True)  # the key's "After exercise"
    assert chart.bands.isVisible()
    assert [label for _v, label in axis._tickLevels[0]] == ["0-2", "3-5", "6-10"]
    chart.scatters["after"].setVisible(False)
    assert not chart.bands.isVisible()


def test_each_deletion_can_be_undone(make_window, qtbot):
    """Undo brought back only the latest deletion: one deleted before it was gone."""
    window = make_window()
    for value in (2, 4, 6):
        window.journal.add_rating(value, "check_in")
    window.show_history()
    dialog = window.findChild(QDialog, "historyDialog")
    dialog.table.selectRow(0)
    dialog.delete_selected()
    dialog.table.selectRow(0)
    dialog.delete_selected()
    assert [r.value for r in window.journal.ratings()] == [2]
    dialog.findChild(MessageBar, "historyMessage").action_clicked.emit()
    bar = dialog.findChild(MessageBar, "historyMessage")
    assert "Undo again brings back the one deleted before it" in bar.label.text()
    bar.action_clicked.emit()
    assert sorted(r.value for r in window.journal.ratings()) == [2, 4, 6]
    assert dialog.findChild(MessageBar, "historyMessage").label.text() == "Rating restored."


def test_a_correction_saves_on_return_and_survives_a_failed_save(make_window, qtbot,
                                                                 monkeypatch):
    """Return did not save the correction box, and a save that failed closed it:
    what was typed was lost."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from coach.ui.rating import PainRating
    from tests.test_recorder import Outage

    window = make_window()
    window.journal.add_rating(6, "check_in", note="typo")
    window.show_history()
    dialog = window.findChild(QDialog, "historyDialog")
    outage = Outage(window.journal, monkeypatch)
    outage.down = True
    seen = []

    def correct() -> None:
        box = QApplication.activeModalWidget()
        picker = box.findChild(PainRating)
        picker.set_value(2)
        picker.confirmed.emit()  # Return on the numbers
        QTimer.singleShot(0, retry)

    def retry() -> None:
        box = QApplication.activeModalWidget()
        problem = box.findChild(QLabel, "correctionProblem")
        seen.append((box.isVisible(), problem.text(), box.findChild(PainRating).value()))
        outage.down = False
        box.findChild(PainRating).confirmed.emit()

    QTimer.singleShot(0, correct)
    dialog.edit_selected()
    assert seen == [(True, "Could not save: another program is using the journal", 2)]
    assert [(r.value, r.note) for r in window.journal.ratings()] == [(2, "typo")]
