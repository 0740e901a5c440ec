"""Things to take away from the trend page: the chart as PNG, the journal as CSV,
and a one-page PDF report for a clinician (QPdfWriter: no extra dependency).

Exports show the data and nothing else: the hover label is never drawn into them.
"Save chart…" keeps the range on screen (panned or not): the user saves what they
see, and the PNG has no heading that could name another period; its date axis says
which days it shows. The PDF names its period in the heading, from the first rating
or session to today, so its chart shows exactly that period whatever is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QFileDialog, QWidget

from coach import __version__, config
from coach.advice import is_exercise
from coach.csvio import ExportIncomplete, save_csv
from coach.journal import EventKind, Journal, JournalError, SafetyEvent
from coach.level_changes import level_changes
from coach.trend import plausible, weekly_sessions
from coach.ui import theme
from coach.ui.checkin import context_name
from coach.ui.function_view import function_lines
from coach.ui.settings import Settings
from coach.ui.theme import Theme
from coach.ui.trend_summary import summary_lines
from coach.ui.trend_view import TrendView
from coach.ui.widgets import message_box, translate


def chart_image(view: TrendView, width: int = 1600, range_key: str | None = None, *,
                colours: Theme | None = None) -> QImage:
    """The chart rendered at *width* px, over *range_key* ("all", …) or, if None, the
    range on screen, in *colours* or the screen's; never with the hover label."""
    from pyqtgraph.exporters import ImageExporter

    with view.exporting(range_key, colours):
        exporter = ImageExporter(view.plot.getPlotItem())
        exporter.parameters()["width"] = width
        return exporter.export(toBytes=True)


def save_png(view: TrendView, path: Path) -> None:
    if not chart_image(view).save(str(path), "PNG"):
        raise OSError(f"Qt could not write {path}")  # no strerror: the dialog says why


def stop_line(event: SafetyEvent, routine_id: str | None,
              title_of: Callable[[str], str] | None = None) -> str:
    """A safety stop for the report: when, why, and in which routine and step."""
    kind = (translate("Report", "sharp pain") if event.kind == EventKind.SHARP_PAIN
            else translate("Report", "felt unwell"))
    parts = [f"{event.at:%Y-%m-%d %H:%M}", kind]
    if routine_id:
        step = translate("Report", ", step {n}").format(n=event.step) if event.step else ""
        parts.append((title_of or str)(routine_id) + step)
    elif event.step:
        parts.append(translate("Report", "step {n}").format(n=event.step))
    return translate("Report", " · ").join(parts)


def write_report(view: TrendView, journal: Journal, path: Path, today: date, *,
                 title_of: Callable[[str], str] | None = None) -> None:
    """One A4 page: period, chart, summary, function (the self-tests, when there are
    any), adherence, safety stops, the changes of routine levels (when there are any),
    notes. With function results the lists of stops and changes are shorter, to keep
    to one page; the notes fill the room left. A list cut short says so in its heading
    ("the latest 4 of 9"); the CSV export holds them all.
    *title_of*: a routine's title in the user's language, from its id."""
    # What the chart shows: records with a date it cannot show are left out of both.
    now = datetime.now().timestamp()
    ratings = [r for r in journal.ratings() if plausible(r.at.timestamp(), now)]
    every_session = journal.sessions()
    routine_of = {s.uid: s.routine_id for s in every_session}
    sessions = [s for s in every_session if plausible(s.started.timestamp(), now)]
    stops = [e for e in journal.safety_events()  # stops: the test's "not today" is none
             if e.kind != EventKind.NOT_TODAY and plausible(e.at.timestamp(), now)]
    changes = [c for c in level_changes(every_session) if plausible(c.at.timestamp(), now)]
    function = function_lines([r for r in journal.test_results()
                               if plausible(r.at.timestamp(), now)])
    listed = 4 if function else 8  # the latest stops and level changes
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(14, 14, 14, 14), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(translate("Report", "Knee pain report"))
    writer.setCreator(f"Knee Coach {__version__}")
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"Qt could not write {path}")  # no strerror: the dialog says why
    try:
        page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        page.moveTo(0, 0)
        y = 0.0

        left, width = 0.0, page.width()  # the column text goes in

        def use_font(size: float, bold: bool) -> None:
            font = QFont(view.font())
            font.setPointSizeF(size)
            font.setBold(bold)
            painter.setFont(font)

        def line_height(line: str, size: float = 10, bold: bool = False) -> float:
            """How tall *line* is, wrapped in the column."""
            use_font(size, bold)
            return painter.boundingRect(QRectF(left, 0, width, page.height()),
                                        int(Qt.TextFlag.TextWordWrap), line).height()

        def text(line: str, size: float = 10, bold: bool = False, gap: float = 6) -> None:
            nonlocal y
            use_font(size, bold)
            rect = QRectF(left, y, width, page.height() - y)
            bounds = painter.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), line)
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), line)
            y += bounds.height() + gap

        counted = [s for s in sessions if is_exercise(s.outcome, s.steps_completed)]
        # The chart's "all" starts at the first rating or charted session, whichever
        # came first: the heading names the same day.
        first = min([r.at.date() for r in ratings[:1]] + [s.started.date() for s in counted[:1]],
                    default=today)
        text(translate("Report", "Knee pain report"), 18, True, 4)
        rated = translate("Report", "1 rating") if len(ratings) == 1 else \
            translate("Report", "{n} ratings").format(n=len(ratings))
        done = translate("Report", "1 session") if len(counted) == 1 else \
            translate("Report", "{n} sessions").format(n=len(counted))
        text(translate("Report", "Period: {start} to {end} · {ratings} · {sessions}").format(
            start=first.isoformat(), end=today.isoformat(), ratings=rated, sessions=done),
            10, gap=10)
        # Printed: light whatever the screen's theme.
        image = chart_image(view, width=int(page.width()), range_key="all",
                            colours=theme.LIGHT)
        height = page.width() * image.height() / max(1, image.width())
        painter.drawImage(QRectF(0, y, page.width(), height), image)
        y += height + 12
        def side_by_side(first: Callable[[], None], second: Callable[[], None]) -> None:
            """Two blocks in two columns, then on below the longer."""
            nonlocal y, left, width
            top, width = y, page.width() / 2 - 12
            first()
            below, y, left = y, top, page.width() / 2 + 12
            second()
            y, left, width = max(y, below), 0.0, page.width()

        def summary() -> None:
            if view.summary is not None:
                text(translate("Report", "Summary"), 12, True, 2)
                for line in summary_lines(view.summary):
                    text(line, 10, gap=2)
                compared = view.panel.baseline_label.text()  # what "started" means
                if compared:
                    text(compared, 9, gap=2)

        def function_tests() -> None:
            text(translate("Report", "Function (self-tests)"), 12, True, 2)
            for kind, line in function:
                text(("· " if kind == "activity" else "") + line,
                     9 if kind == "activity" else 10, gap=2)

        if function:  # pain and function side by side, as on the trend page
            side_by_side(summary, function_tests)
        else:
            summary()
        if view.summary is not None or function:
            y += 8
        weeks = weekly_sessions(sessions)
        recent_weeks = [weeks.get(((today - timedelta(weeks=n)).isocalendar().year,
                                   (today - timedelta(weeks=n)).isocalendar().week), 0)
                        for n in range(7, -1, -1)]
        text(translate("Report", "Sessions per week, last 8 weeks (oldest first): {weeks}")
             .format(weeks=" · ".join(str(n) for n in recent_weeks)), 10, gap=10)

        def heading(title: str, shown: int, total: int) -> None:
            """*title*, and how many of *total* entries follow when not all do."""
            if shown < total:
                title = translate("Report", "{title}: the latest {shown} of {total}").format(
                    title=title, shown=shown, total=total)
            text(title, 12, True, 2)

        def safety_stops() -> None:
            heading(translate("Report", "Safety stops (sharp pain, felt unwell)"),
                    len(stops[-listed:]), len(stops))
            if stops:
                for event in stops[-listed:]:
                    text(stop_line(event, routine_of.get(event.session_uid or ""), title_of),
                         10, gap=1)
            else:
                text(translate("Report", "None."), 10, gap=1)

        def level_list() -> None:
            heading(translate("Report", "Level changes"), len(changes[-listed:]),
                    len(changes))
            for change in changes[-listed:]:
                text(translate("Report", " · ").join((
                    f"{change.at:%Y-%m-%d}", (title_of or str)(change.routine_id),
                    view.level_label(change))), 10, gap=1)

        safety_stops()
        y += 8
        if changes:
            level_list()
            y += 8
        every_note = [translate("Report", "{day}, {context} ({value}/10): {note}").format(
            day=f"{r.at:%Y-%m-%d}", context=context_name(r.context).lower(), value=r.value,
            note=r.note) for r in ratings if r.note]
        notes = every_note
        # As many of the newest notes as fit above the footer, under a one-line heading.
        room = page.height() - 60 - y - 2 - line_height(translate("Report", "Notes"), 12, True)
        for n in range(len(notes)):
            room -= line_height(notes[-1 - n], 10) + 1
            if room < 0:
                notes = notes[len(notes) - n:]
                break
        heading(translate("Report", "Notes"), len(notes), len(every_note))
        for note in notes:
            text(note, 10, gap=1)
        if not every_note:
            text(translate("Report", "None."), 10, gap=1)
        y = max(y, page.height() - 60)
        text(translate("Report", "Self-rated pain, 0 = no pain, 10 = worst pain imaginable. "
                       "Made with Knee Coach, a self-care aid: it does not replace advice "
                       "from a clinician."), 8)
    finally:
        painter.end()


def native_dialog_fits(app_locale: QLocale, system_locale: QLocale) -> bool:
    """Whether the desktop's own file dialog speaks the app's language: it follows
    the desktop's language, not ours. Otherwise Qt's dialog, translated with the app."""
    return app_locale.language() == system_locale.language()


def export_with_dialog(parent: QWidget, kind: str, journal: Journal, view: TrendView | None,
                       settings: Settings, *,
                       title_of: Callable[[str], str] | None = None) -> Path | None:
    """Ask where to save the chart (png), the journal (csv) or the report (pdf), and
    save it; the path written, or None if the user cancelled or it failed (said).
    *title_of* names the routines in the report."""
    if journal.notice is not None and journal.notice.stand_in:
        # An empty file must never pass for the journal (nor replace an older export).
        message_box(parent, translate("Report", "Save"), translate(
            "Report", "Nothing was saved: your journal could not be read (the note at the "
            "top of the window says why), so the file would be empty."),
            icon="warning").open()
        return None
    if view is None and kind != "csv":  # the buttons live on the trend page
        message_box(parent, translate("Report", "Save"), translate(
            "Report", "Open the pain trend first: the chart is saved as it is shown there."),
            icon="information").open()
        return None
    today = date.today()
    filters = {"png": translate("Report", "PNG image (*.png)"),
               "csv": translate("Report", "CSV file (*.csv)"),
               "pdf": translate("Report", "PDF document (*.pdf)")}
    names = {"png": f"knee-pain-chart-{today}.png", "csv": f"knee-coach-{today}.csv",
             "pdf": f"knee-pain-report-{today}.pdf"}
    folder = settings.get(config.EXPORT_FOLDER) or str(Path.home())
    options = (QFileDialog.Option(0) if native_dialog_fits(QLocale(), QLocale.system())
               else QFileDialog.Option.DontUseNativeDialog)
    path, _ = QFileDialog.getSaveFileName(parent, translate("Report", "Save as"),
                                          str(Path(folder) / names[kind]), filters[kind],
                                          "", options)
    if not path:
        return None
    target = Path(path)
    settings.set(config.EXPORT_FOLDER, str(target.parent))
    # Years of ratings take a second or so to draw: show that something is happening.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    problem = None
    incomplete: ExportIncomplete | None = None
    try:
        if kind == "csv":
            save_csv(journal, target)
        elif kind == "png":
            save_png(view, target)
        else:
            write_report(view, journal, target, today, title_of=title_of)
    except OSError as err:
        # The system's own words when it gave any ("Permission denied"), else a hint.
        problem = err.strerror or translate(
            "Report", "Check that the folder exists and that you can write to it.")
    except ExportIncomplete as err:  # written, with every record that could be read
        incomplete = err
    except JournalError as err:
        problem = str(err)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if incomplete is not None:
        box = message_box(parent, translate("Report", "Part of the journal is missing"),
                          translate("Report", "“{file}” was saved with the {n} records that "
                                    "could be read. These could not be read:\n{missing}").format(
            file=target.name, n=incomplete.written, missing="\n".join(incomplete.unreadable)))
        box.setObjectName("exportIncomplete")
        box.open()
    if problem is not None:
        box = message_box(parent, translate("Report", "Could not save"), translate(
            "Report", "“{file}” could not be saved in {folder}.\n{reason}").format(
            file=target.name, folder=target.parent, reason=problem))
        box.setObjectName("saveFailed")
        box.open()
        return None
    return target
