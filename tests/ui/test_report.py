"""Exports show the data and nothing else: no hover label in the PNG or the PDF, the
PDF's chart over the period its heading names, and the screen left as it was."""

import shutil
import subprocess
import unicodedata
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

pg = pytest.importorskip("pyqtgraph")

from pyqtgraph.exporters import ImageExporter  # noqa: E402

from coach.journal import open_journal  # noqa: E402
from coach.ui import report, trend_view  # noqa: E402
from coach.ui.chart_items import DAY  # noqa: E402
from coach.ui.trend_view import TrendView  # noqa: E402

DAYS = 120  # months of ratings: far more than the two weeks on screen


@pytest.fixture
def journal(data_dir):
    """A daily check-in for four months, a session every third day, ending this morning."""
    journal = open_journal(data_dir / "journal.sqlite3")
    start = (datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
             - timedelta(days=DAYS - 1))
    for day in range(DAYS):
        at = start + timedelta(days=day)
        journal.add_rating(3 + day % 4, "check_in", at=at,
                           note="Stairs were easier" if day == DAYS - 4 else None)
        if day % 3 == 0:
            session = journal.start_session("ten-minute-inner-thigh",
                                            at=at + timedelta(hours=2))
            journal.end_session(session.uid, "completed", 5,
                                at=at + timedelta(hours=2, minutes=10))
    yield journal
    journal.close()


@pytest.fixture
def trend(journal, qtbot):
    """The chart on screen over two weeks, the mouse on a rating with a note."""
    view = TrendView(journal)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.reload()
    qtbot.waitUntil(view.plot.isVisible)
    view.set_range("2w")
    box = view.plot.getPlotItem().getViewBox()
    x, y = view.scatters["check_in"].getData()
    # What the scene says when the mouse moves there (QTest's button-less mouse moves do
    # not reliably reach it on the offscreen platform).
    view.plot.scene().sigMouseMoved.emit(box.mapViewToScene(QPointF(x[-4], y[-4])))
    assert view.hover_label.isVisible()
    assert "Stairs were easier" in hover_text(view)
    return view


def hover_text(view: TrendView) -> str:
    return view.hover_label.textItem.toPlainText()


def x_range(view: TrendView) -> list[float]:
    return view.plot.getPlotItem().viewRange()[0]


@pytest.fixture
def rendered(trend, monkeypatch):
    """What the chart looked like each time it was rendered for an export: its x range
    and whether the hover label was showing."""
    seen: list[tuple[list[float], bool]] = []
    export = ImageExporter.export

    def recording(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append((list(x_range(trend)), trend.hover_label.isVisible()))
        return export(self, *args, **kwargs)

    monkeypatch.setattr(ImageExporter, "export", recording)
    return seen


def screen_state(view: TrendView) -> tuple:
    checked = [b.objectName() for b in view.range_group.buttons() if b.isChecked()]
    return (view.range_key, checked, x_range(view), view.hover_label.isVisible(),
            hover_text(view), view.hover_label.pos())


@pytest.fixture
def frozen_now(monkeypatch):
    """The chart's right edge follows the clock (now plus half a day): stop the clock,
    so that two exports differ only in what the test changed."""
    moment = datetime.now()

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206
            return moment if tz is None else moment.astimezone(tz)

    monkeypatch.setattr(trend_view, "datetime", Frozen)


@pytest.fixture
def poppler() -> None:
    """pdftotext and pdftoppm read the PDF as a clinician's viewer would."""
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftotext, pdftoppm) is not installed")


def pdf_page(pdf, tmp_path) -> QImage:
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(prefix)],
                   check=True, capture_output=True)
    return QImage(str(prefix.with_suffix(".png")))


def pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_png_is_the_range_on_screen_without_the_hover_label(trend, rendered, tmp_path):
    before = screen_state(trend)
    report.save_png(trend, tmp_path / "hover.png")
    assert rendered == [(before[2], False)]  # what is on screen, minus the label
    assert screen_state(trend) == before  # and the screen is as it was
    trend.hover_label.hide()
    report.save_png(trend, tmp_path / "plain.png")
    with_hover, plain = QImage(str(tmp_path / "hover.png")), QImage(str(tmp_path / "plain.png"))
    assert not plain.isNull() and with_hover == plain


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_pdf_charts_the_whole_period_its_heading_names(trend, journal, rendered, poppler,
                                                       frozen_now, tmp_path):
    before = screen_state(trend)
    pdf = tmp_path / "hover.pdf"
    report.write_report(trend, journal, pdf, date.today())
    [(low, high), hovering] = rendered[0]
    assert len(rendered) == 1 and not hovering
    first = journal.ratings()[0].at
    assert first.timestamp() - DAY <= low <= first.timestamp()
    assert datetime.now().timestamp() <= high <= datetime.now().timestamp() + DAY
    assert screen_state(trend) == before  # still two weeks, still hovering
    text = pdf_text(pdf)
    assert f"Period: {first.date()} to {date.today()} · {DAYS} ratings · 40 sessions" in text
    assert hover_text(trend).splitlines()[0] not in text
    trend.hover_label.hide()
    report.write_report(trend, journal, tmp_path / "plain.pdf", date.today())
    # The chart is an image in the PDF: compare the pages as drawn, not only the text.
    assert pdf_page(pdf, tmp_path) == pdf_page(tmp_path / "plain.pdf", tmp_path)


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_pdf_period_starts_at_a_session_before_the_first_rating(trend, journal, rendered,
                                                               poppler, tmp_path):
    early = journal.ratings()[0].at - timedelta(days=10)
    session = journal.start_session("ten-minute-inner-thigh", at=early)
    journal.end_session(session.uid, "completed", 5, at=early + timedelta(minutes=10))
    trend.reload()  # the main window does this when the journal announces a change
    pdf = tmp_path / "r.pdf"
    report.write_report(trend, journal, pdf, date.today())
    [((low, _high), _hovering)] = rendered
    assert early.timestamp() - DAY <= low <= early.timestamp()
    assert f"Period: {early.date()} to {date.today()} · {DAYS} ratings · 41 sessions" in (
        pdf_text(pdf))


def test_exporting_restores_the_screen_even_when_the_export_fails(trend):
    before = screen_state(trend)
    with pytest.raises(OSError), trend.exporting("all"):
        assert not trend.hover_label.isVisible()
        low, high = x_range(trend)
        assert high - low > 100 * DAY
        raise OSError("disk full")
    assert screen_state(trend) == before


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_pdf_names_the_routine_of_each_safety_stop(trend, journal, poppler, tmp_path):
    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=2)
    sharp = journal.start_session("ten-minute-inner-thigh", at=when)
    journal.add_safety_event("sharp_pain", session_uid=sharp.uid, step=2, side="left",
                             at=when + timedelta(minutes=3))
    journal.end_session(sharp.uid, "sharp_pain", 1, at=when + timedelta(minutes=3))
    unwell = journal.start_session("desk-break", at=when + timedelta(hours=5))
    journal.add_safety_event("unwell", session_uid=unwell.uid, step=1,
                             at=when + timedelta(hours=5, minutes=1))
    journal.end_session(unwell.uid, "stopped", 0, at=when + timedelta(hours=5, minutes=1))
    trend.reload()
    titles = {"ten-minute-inner-thigh": "Ten-minute routine", "desk-break": "Desk break"}
    pdf = tmp_path / "stops.pdf"
    report.write_report(trend, journal, pdf, date.today(), title_of=titles.__getitem__)
    text = pdf_text(pdf)
    assert "Safety stops (sharp pain, felt unwell)" in text
    at = when + timedelta(minutes=3)
    assert f"{at:%Y-%m-%d %H:%M} · sharp pain · Ten-minute routine, step 2" in text
    at = when + timedelta(hours=5, minutes=1)
    assert f"{at:%Y-%m-%d %H:%M} · felt unwell · Desk break, step 1" in text


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_pdf_summary_is_the_trend_page_summary(trend, journal, poppler, tmp_path):
    """Four months of sessions every third day with pain about the same: the report
    says what the trend page says, the suggestion to see a clinician included."""
    from coach.ui.trend_summary import summary_lines

    assert trend.summary.see_clinician and trend.summary.active_weeks == 12
    pdf = tmp_path / "summary.pdf"
    report.write_report(trend, journal, pdf, date.today())
    text = " ".join(pdf_text(pdf).split())
    for line in summary_lines(trend.summary):
        assert line in text
    assert "Compared with your first week of ratings." in unicodedata.normalize(
        "NFKC", text)  # what "when you started" means (NFKC: no "ﬁ" ligature)
    assert "orthopaedic clinician" in text


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_pdf_lists_level_changes_only_when_there_are_any(trend, journal, poppler, tmp_path):
    report.write_report(trend, journal, tmp_path / "none.pdf", date.today())
    assert "Level changes" not in pdf_text(tmp_path / "none.pdf")
    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=5)
    for day, level in enumerate([2, 2, 3]):
        journal.start_session("ten-minute-inner-thigh", at=when + timedelta(days=day),
                              level=level)
    journal.start_session("desk-break", at=when, level=1)  # one level: no change
    trend.reload()
    titles = {"ten-minute-inner-thigh": "Ten-minute routine", "desk-break": "Desk break"}
    pdf = tmp_path / "levels.pdf"
    report.write_report(trend, journal, pdf, date.today(), title_of=titles.__getitem__)
    text = pdf_text(pdf)
    assert "Level changes" in text
    at = when + timedelta(days=2)
    assert f"{at:%Y-%m-%d} · Ten-minute routine · Level 2 → 3" in text
    assert "Desk break" not in text


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_pdf_has_a_function_section_only_with_results(trend, journal, poppler, tmp_path):
    report.write_report(trend, journal, tmp_path / "none.pdf", date.today())
    assert "Function (self-tests)" not in pdf_text(tmp_path / "none.pdf")
    start = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=30)
    later = start + timedelta(days=21)
    journal.add_test_result("chair_stand", 9, at=start)
    journal.add_test_result("chair_stand", 12, at=later)
    journal.add_psfs([("Climbing stairs", 3), ("Walking 30 minutes", 5)], at=start)
    journal.add_psfs([("Climbing stairs", 7), ("Walking 30 minutes", 7)], at=later)
    for day in range(8):  # a full page: stops and notes too
        journal.add_rating(5, "check_in", note=f"note {day}", at=later + timedelta(hours=day))
    trend.reload()
    pdf = tmp_path / "function.pdf"
    report.write_report(trend, journal, pdf, date.today())
    # Pain and function side by side: read the right half of the page (A4, points).
    right = subprocess.run(["pdftotext", "-x", "300", "-y", "0", "-W", "295", "-H", "842",
                            str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = unicodedata.normalize("NFKC", " ".join(right.split()))  # no "ﬁ" ligatures
    assert "Function (self-tests)" in text
    assert (f"Chair stands in 30 seconds: 9 on {start.date()}, 12 on {later.date()}. "
            "3 more than the first time: a meaningful change.") in text
    assert (f"average: 4.0 on {start.date()}, 7.0 on {later.date()}. "
            "3.0 points higher: a meaningful change.") in text
    assert "· Climbing stairs: 3 → 7 (a meaningful change)" in text
    assert "· Walking 30 minutes: 5 → 7" in text
    # The page holds it all: the footer at the bottom, the newest note above it.
    whole = " ".join(pdf_text(pdf).split())
    assert "does not replace advice from a clinician" in whole and "note 7" in whole


@pytest.mark.qt_log_ignore("QFont::setPointSizeF")
def test_pdf_says_when_a_list_is_cut_short(trend, journal, poppler, tmp_path):
    """The page lists the latest stops and notes; a clinician is told how many there
    are in all, never left to think the list is complete."""
    pdf = tmp_path / "short.pdf"
    report.write_report(trend, journal, pdf, date.today())
    text = " ".join(pdf_text(pdf).split())
    assert "Notes Stairs" not in text and "the latest" not in text  # one note: all shown
    start = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=20)
    for n in range(9):
        journal.add_safety_event("unwell", at=start + timedelta(days=n), note=None)
    for n in range(12):
        journal.add_rating(4, "check_in", note=f"entry {n:02d} " + "stiff knee " * 40,
                           at=start + timedelta(days=n, hours=3))
    journal.add_test_result("chair_stand", 9, at=start)  # the shorter lists
    trend.reload()
    report.write_report(trend, journal, pdf, date.today())
    text = unicodedata.normalize("NFKC", " ".join(pdf_text(pdf).split()))
    assert "Safety stops (sharp pain, felt unwell): the latest 4 of 9" in text
    shown = [n for n in range(12) if f"entry {n:02d}" in text]
    assert shown == list(range(12 - len(shown), 12))  # the newest ones,
    assert "Stairs were easier" in text  # and the fixture's, newer still
    assert "check-in (4/10): entry 11" in text  # each note says when it was taken
    assert f"Notes: the latest {len(shown) + 1} of 13" in text
    assert len(shown) + 1 < 4, "the notes cut by the room left, not only by the count"
