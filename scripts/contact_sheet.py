"""Render every SVG illustration into one PNG contact sheet for visual review.

Used while drawing or reviewing exercise illustrations: it shows all of them
side by side at roughly the size the app displays them, with each file name
underneath, rendered by the same Qt SVG renderer the app uses.  A picture the app
would refuse (see ``coach/svgcheck.py``) is crossed out and its reason printed.  With
``--mirror`` every image is also shown mirrored horizontally (the way the app
shows it for the left leg), so both versions can be checked at once.  Any
warning Qt prints while rendering a file is reported with that file's name.

Usage::

    python scripts/contact_sheet.py OUT.png [FOLDER] [--mirror]

FOLDER defaults to ``assets/illustrations`` and is searched recursively.
Runs headless (offscreen Qt platform); no display is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF, Qt, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from coach.svgcheck import SvgRefused, read_svg  # noqa: E402

DEFAULT_FOLDER = REPO / "assets" / "illustrations"

CELL_W = 300          # width of one image cell, px
PAD = 12              # gap around cells, px
LABEL_H = 36          # height of the label under each cell (name, then folder), px
COLUMNS = 4           # cells per row (a mirrored pair takes two cells)

_messages: list[str] = []


def _collect(_mode, _context, message: str) -> None:
    _messages.append(message)


def _aspect(renderer: QSvgRenderer) -> float:
    box = renderer.viewBoxF()
    if box.width() > 0 and box.height() > 0:
        return box.height() / box.width()
    size = renderer.defaultSize()
    if size.width() > 0 and size.height() > 0:
        return size.height() / size.width()
    return 0.75


def _draw_cell(painter: QPainter, renderer: QSvgRenderer | None, x: float, y: float,
               cell_h: float, label: str, mirrored: bool, font: QFont) -> None:
    """Draw one image (optionally mirrored) with its label: file name, then its folder."""
    frame = QRectF(x, y, CELL_W, cell_h)
    painter.setPen(QPen(QColor("#d8d8d8"), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame.adjusted(-0.5, -0.5, 0.5, 0.5))
    if renderer is None or not renderer.isValid():
        painter.setPen(QPen(QColor("#cc2222"), 3))
        painter.drawLine(frame.topLeft(), frame.bottomRight())
        painter.drawLine(frame.topRight(), frame.bottomLeft())
    else:
        aspect = _aspect(renderer)
        width = min(CELL_W, cell_h / aspect)
        height = width * aspect
        target = QRectF(0, 0, width, height)
        painter.save()
        painter.translate(x + (CELL_W - width) / 2, y + (cell_h - height) / 2)
        if mirrored:
            painter.translate(width, 0)
            painter.scale(-1, 1)
        renderer.render(painter, target)
        painter.restore()
    folder, _, name = label.rpartition("/")
    if mirrored:
        name += " (mirrored)"
    painter.setFont(font)
    metrics = painter.fontMetrics()
    line_h = metrics.height()
    centre_top = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    painter.setPen(QColor("#222222"))
    painter.drawText(QRectF(x, y + cell_h + 3, CELL_W, line_h), centre_top,
                     metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, CELL_W))
    if folder:
        painter.setPen(QColor("#888888"))
        painter.drawText(QRectF(x, y + cell_h + 3 + line_h, CELL_W, line_h), centre_top,
                         metrics.elidedText(folder + "/", Qt.TextElideMode.ElideLeft, CELL_W))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT_FOLDER,
                        help="folder searched recursively for *.svg "
                             "(default: assets/illustrations)")
    parser.add_argument("--mirror", action="store_true",
                        help="also show each image mirrored horizontally next to it")
    args = parser.parse_args(argv)

    folder: Path = args.folder
    files = sorted(p for p in folder.rglob("*.svg") if p.is_file())
    if not files:
        print(f"no SVG files under {folder}", file=sys.stderr)
        return 1

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # must outlive rendering
    previous_handler = qInstallMessageHandler(_collect)

    renderers: list[tuple[str, QSvgRenderer | None]] = []
    problems = 0
    for path in files:
        _messages.clear()
        label = path.relative_to(folder).as_posix()
        try:
            data = read_svg(path)  # what the app would refuse is crossed out here too
        except SvgRefused as err:
            print(f"{label}: refused: {err}", file=sys.stderr)
            problems += 1
            renderers.append((label, None))
            continue
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            print(f"{label}: could not be parsed", file=sys.stderr)
            problems += 1
            renderers.append((label, None))
        else:
            # Render once off-screen so warnings raised only while painting show up too.
            probe = QImage(64, 48, QImage.Format.Format_ARGB32_Premultiplied)
            probe.fill(Qt.GlobalColor.transparent)
            probe_painter = QPainter(probe)
            renderer.render(probe_painter)
            probe_painter.end()
            renderers.append((label, renderer))
        for message in _messages:
            print(f"{label}: Qt warning: {message}", file=sys.stderr)
            problems += 1

    cells: list[tuple[str, QSvgRenderer | None, bool]] = []
    for label, renderer in renderers:
        cells.append((label, renderer, False))
        if args.mirror:
            cells.append((label, renderer, True))

    cell_h = round(CELL_W * 0.75)
    for _label, renderer, _mirrored in cells:
        if renderer is not None and renderer.isValid():
            cell_h = max(cell_h, round(CELL_W * min(_aspect(renderer), 1.0)))
    rows = (len(cells) + COLUMNS - 1) // COLUMNS
    columns = min(COLUMNS, len(cells))
    width = PAD + columns * (CELL_W + PAD)
    height = PAD + rows * (cell_h + LABEL_H + PAD)

    _messages.clear()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont()
    font.setPixelSize(12)
    for index, (label, renderer, mirrored) in enumerate(cells):
        row, column = divmod(index, COLUMNS)
        x = PAD + column * (CELL_W + PAD)
        y = PAD + row * (cell_h + LABEL_H + PAD)
        _draw_cell(painter, renderer, x, y, cell_h, label, mirrored, font)
    painter.end()

    qInstallMessageHandler(previous_handler)
    for message in _messages:
        print(f"Qt warning while drawing the sheet: {message}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(args.out)):
        print(f"could not write {args.out}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {len(files)} SVG file(s), {width}x{height} px")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
