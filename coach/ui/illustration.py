"""The step's picture in the player: checked before it is drawn, drawn once per size,
and never able to freeze the player (see :class:`Illustration`)."""

from __future__ import annotations

import functools
import logging
import math
import struct
import sys
import time
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QProcess,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QHideEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from coach import paths
from coach.svgcheck import SvgRefused, read_svg

log = logging.getLogger(__name__)


class PictureState(StrEnum):
    """What an :class:`Illustration` shows."""

    NONE = "none"  # the step has no picture
    DRAWING = "drawing"  # being drawn by the helper process; nothing shown yet
    SHOWN = "shown"
    REFUSED = "refused"  # unsafe, broken or too slow to draw: a placeholder instead


# Runs in the helper process: only PySide6, so it works from a wheel and a checkout.
# argv: box width, box height, seconds to live. stdin: checked SVG bytes. stdout: the
# image's width and height (two little-endian uint32), then its ARGB32 premultiplied
# pixels. faulthandler's watchdog needs no GIL, so the helper ends itself even when
# Qt never returns and the app that started it is gone.
_DRAW_CHILD = """
import faulthandler, struct, sys
faulthandler.dump_traceback_later(float(sys.argv[3]), exit=True)
from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])
with open(0, "rb", closefd=False) as stdin:
    renderer = QSvgRenderer(QByteArray(stdin.read()))
box = QSize(int(sys.argv[1]), int(sys.argv[2]))
size = renderer.defaultSize()
size = box if size.isEmpty() else size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
if not renderer.isValid() or size.isEmpty():
    sys.exit(2)
image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
painter.setRenderHint(QPainter.RenderHint.Antialiasing)
renderer.render(painter)
painter.end()
with open(1, "wb", closefd=False) as stdout:
    stdout.write(struct.pack("<II", size.width(), size.height()))
    stdout.write(image.constBits())
"""
_HEADER = struct.Struct("<II")


@functools.cache
def _assets_root() -> Path:
    return paths.assets_dir().resolve()


class _Picture:
    """One picture file: its checked bytes or why it is refused, and its last drawing."""

    def __init__(self, path: str) -> None:
        self.data = b""
        self.reason: str | None = None
        try:
            self.data = read_svg(Path(path))
        except SvgRefused as err:
            self.reason = str(err)
        self.trusted = Path(path).resolve().is_relative_to(_assets_root())
        self.renderer: QSvgRenderer | None = None  # trusted pictures only
        self.image: QImage | None = None
        self.box = QSize()  # the box (device pixels) ``image`` was drawn for


class Illustration(QWidget):
    """Draws a step's picture, keeping its aspect ratio, mirrored for the left side.

    The sharp-pain key must work whatever the picture, so no picture is drawn by Qt on
    the GUI thread unless it is the app's own:

    * Every picture first passes :func:`coach.svgcheck.read_svg`: a regular file, at
      most 512 KiB, no DOCTYPE, no outside references, bounded elements and ``<use>``
      expansion. Qt gets the checked bytes, never the path, so it opens no file. A
      refused picture shows a placeholder; the reason is logged once. The check runs
      here, once per file: at most ~60 ms, for a file at the element limit.
    * The check cannot bound the time Qt takes to draw: a 5 KB picture with one
      500-point self-crossing line takes 2.7 s at 1000 x 750 pixels, 20 s with 5,000
      points. A thread does not help: PySide6 holds the GIL while
      ``QSvgRenderer.render`` runs, and the GUI thread starved for the whole render
      (measured). So pictures from a user's folder are drawn in a helper process
      (``python -c``, offscreen platform, about 0.3 s to start) that is killed after
      :attr:`DRAW_BUDGET` seconds; the picture is then refused. Nothing is shown
      while it draws.
    * The app's own pictures (under the assets folder) are trusted and take ~4 ms, so
      they are drawn here, at once; one that takes longer than :attr:`LOCAL_BUDGET`
      is refused all the same.
    * A picture is drawn once per size into a cached QImage (the helper's at a size
      rounded up, so resizing seldom starts it again); mirroring is a transform when
      painting.
    """

    DRAW_BUDGET = 5.0  # seconds for the helper: start-up and drawing
    LOCAL_BUDGET = 0.2  # seconds for a trusted picture drawn on the GUI thread
    BUCKET = 128  # device pixels: the helper draws at the box rounded up to this

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepIllustration")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pictures: dict[str, _Picture] = {}
        self._path: str | None = None
        self.mirrored = False
        self._job: QProcess | None = None
        self._job_for: tuple[str, QSize] | None = None
        self._job_timer = QTimer(self)
        self._job_timer.setSingleShot(True)
        self._job_timer.timeout.connect(self._job_overran)
        self._job_starter = QTimer(self)  # starts the helper after paint, not inside it
        self._job_starter.setSingleShot(True)
        self._job_starter.timeout.connect(self._start_job)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 300)

    @property
    def state(self) -> PictureState:
        """What is on screen for the current picture."""
        picture = self._pictures.get(self._path) if self._path else None
        if picture is None:
            return PictureState.NONE
        if picture.reason is not None:
            return PictureState.REFUSED
        return PictureState.SHOWN if picture.image is not None else PictureState.DRAWING

    def show_image(self, path: str | None, mirrored: bool) -> None:
        """Show the picture at *path* (None: no picture). Cheap when nothing changes:
        the player calls this at every redraw."""
        if path and path not in self._pictures:
            picture = self._pictures[path] = _Picture(path)
            if picture.reason is not None:
                log.warning("Picture %s is not shown: %s", path, picture.reason)
        if path != self._path or mirrored != self.mirrored:
            self._path, self.mirrored = path, mirrored
            self.update()

    def _refuse(self, path: str, picture: _Picture, reason: str) -> None:
        picture.reason, picture.image, picture.renderer = reason, None, None
        log.warning("Picture %s is not shown: %s", path, reason)
        self.update()

    # -- drawing ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        picture = self._pictures.get(self._path) if self._path else None
        if picture is None or self._path is None:
            return
        ratio = self.devicePixelRatioF()
        box = QSize(math.ceil(self.width() * ratio), math.ceil(self.height() * ratio))
        if picture.reason is None and not box.isEmpty():
            if picture.trusted:
                if picture.box != box:
                    self._draw_here(self._path, picture, box)
            elif picture.box != self._bucket(box) and self._job_for != (self._path,
                                                                       self._bucket(box)):
                self._job_starter.start(0)
        painter = QPainter(self)
        if picture.reason is not None:
            self._paint_placeholder(painter)
        elif picture.image is not None:
            size = QSizeF(picture.image.size()).scaled(QSizeF(self.size()),
                                                       Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF((self.width() - size.width()) / 2,
                            (self.height() - size.height()) / 2, size.width(), size.height())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            if self.mirrored:
                painter.translate(self.width(), 0)
                painter.scale(-1, 1)
            painter.drawImage(target, picture.image)

    def _paint_placeholder(self, painter: QPainter) -> None:
        """A quiet box in the picture's place, in the palette's colours, with words."""
        size = QSizeF(4, 3).scaled(QSizeF(self.size()) - QSizeF(16, 16),
                                   Qt.AspectRatioMode.KeepAspectRatio)
        box = QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                     size.width(), size.height())
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 2, Qt.PenStyle.DashLine))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(box, 12, 12)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        hint_font = QFont(self.font())
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.15)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        inner = box.adjusted(16, 0, -16, 0)
        title, hint = self.tr("Picture not shown"), self.tr("Follow the written steps.")
        title_rect = QFontMetricsF(title_font).boundingRect(inner, flags, title)
        hint_rect = QFontMetricsF(hint_font).boundingRect(inner, flags, hint)
        gap = hint_rect.height() * 0.4
        top = box.center().y() - (title_rect.height() + gap + hint_rect.height()) / 2
        painter.setFont(title_font)
        painter.drawText(QRectF(inner.left(), top, inner.width(), title_rect.height()),
                         flags, title)
        painter.setFont(hint_font)
        painter.drawText(QRectF(inner.left(), top + title_rect.height() + gap, inner.width(),
                                hint_rect.height()), flags, hint)

    def _draw_here(self, path: str, picture: _Picture, box: QSize) -> None:
        """Draw one of the app's own pictures on this thread, within LOCAL_BUDGET."""
        started = time.perf_counter()
        if picture.renderer is None:
            picture.renderer = QSvgRenderer(QByteArray(picture.data), self)
        if not picture.renderer.isValid():
            self._refuse(path, picture, "Qt could not read the picture")
            return
        size = _fit(picture.renderer.defaultSize(), box)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        picture.renderer.render(painter)
        painter.end()
        took = time.perf_counter() - started
        if took > self.LOCAL_BUDGET:
            self._refuse(path, picture, f"the picture took {took:.1f} s to draw (the "
                                        f"limit is {self.LOCAL_BUDGET:g} s)")
            return
        image.setDevicePixelRatio(self.devicePixelRatioF())
        picture.image, picture.box = image, box

    def _bucket(self, box: QSize) -> QSize:
        step = self.BUCKET
        return QSize(-(-box.width() // step) * step, -(-box.height() // step) * step)

    # -- the helper process ----------------------------------------------------------
    def _start_job(self) -> None:
        """Draw the current picture in a helper process, unless that is under way."""
        path = self._path
        picture = self._pictures.get(path) if path else None
        if path is None or picture is None or picture.reason is not None \
                or picture.trusted or not self.isVisible():
            return
        ratio = self.devicePixelRatioF()
        box = self._bucket(QSize(math.ceil(self.width() * ratio),
                                 math.ceil(self.height() * ratio)))
        if box.isEmpty() or picture.box == box or self._job_for == (path, box):
            return
        self._stop_job()
        job = QProcess(self)
        job.finished.connect(lambda code, status: self._job_finished(job, code, status))
        job.errorOccurred.connect(lambda error: self._job_failed(job, error))
        self._job, self._job_for = job, (path, box)
        job.start(sys.executable, ["-c", _DRAW_CHILD, str(box.width()), str(box.height()),
                                   str(self.DRAW_BUDGET + 1)])
        job.write(QByteArray(picture.data))
        job.closeWriteChannel()
        self._job_timer.start(round(self.DRAW_BUDGET * 1000))

    def _job_finished(self, job: QProcess, code: int, status: QProcess.ExitStatus) -> None:
        if job is not self._job or self._job_for is None:
            return
        path, box = self._job_for
        self._forget_job()
        picture = self._pictures[path]
        out = job.readAllStandardOutput().data()
        err = job.readAllStandardError().data().decode("utf-8", "replace").strip()
        job.deleteLater()
        width, height = _HEADER.unpack_from(out) if len(out) >= _HEADER.size else (0, 0)
        if status != QProcess.ExitStatus.NormalExit or code != 0 or not 0 < width <= \
                box.width() or not 0 < height <= box.height() or \
                len(out) != _HEADER.size + width * height * 4:
            detail = f": {err.splitlines()[-1]}" if err else ""
            self._refuse(path, picture, f"the picture could not be drawn (exit code {code}"
                                        f"{detail})")
            return
        image = QImage(out[_HEADER.size:], width, height, width * 4,
                       QImage.Format.Format_ARGB32_Premultiplied).copy()
        image.setDevicePixelRatio(self.devicePixelRatioF())
        picture.image, picture.box = image, box
        self.update()

    def _job_failed(self, job: QProcess, error: QProcess.ProcessError) -> None:
        if job is self._job and self._job_for and \
                error == QProcess.ProcessError.FailedToStart:
            path = self._job_for[0]
            self._forget_job()
            job.deleteLater()
            self._refuse(path, self._pictures[path], "the drawing helper could not start "
                                                     f"({job.errorString()})")

    def _job_overran(self) -> None:
        if self._job_for is None:
            return
        path = self._job_for[0]
        self._stop_job()
        self._refuse(path, self._pictures[path], f"the picture took longer than "
                                                 f"{self.DRAW_BUDGET:g} s to draw")

    def _forget_job(self) -> None:
        self._job_timer.stop()
        self._job, self._job_for = None, None

    def _stop_job(self) -> None:
        """Kill the helper at once; no process outlives the player on screen."""
        job = self._job
        if job is None:
            return
        self._forget_job()
        job.kill()
        job.waitForFinished(2000)
        job.deleteLater()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._stop_job()
        super().hideEvent(event)


def _fit(size: QSize, box: QSize) -> QSize:
    """*size* scaled to fit *box*, keeping its aspect; *box* itself when unknown."""
    return box if size.isEmpty() else size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
