"""Start-up of the window: the QApplication, translations, settings and logging."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QWidget

from coach import __version__, paths
from coach.config import Options
from coach.ui import preload
from coach.ui.settings import Settings
from coach.ui.single_instance import InstanceLock, NoAnswer, Request, bring_forward, claim

if TYPE_CHECKING:
    from coach.library import Library
    from coach.ui.main_window import MainWindow

log = logging.getLogger("coach")

ENV_EXIT_AFTER_PAINT = "COACH_EXIT_AFTER_FIRST_PAINT"


def open_settings(data_dir: Path) -> Settings:
    """The window's settings: an ini file in the data folder, beside the journal."""
    return Settings.open(data_dir)


# The catalogues' bytes, alive as long as the translators that read them.
_CATALOGUES: list[bytes] = []


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load Qt's own Japanese strings (dialog buttons, the file dialog) and Knee
    Coach's, which also fills the gaps Qt's catalogue leaves in its file dialog.

    ``qt_ja`` is Qt's catalogue of catalogues (qtbase, qtmultimedia, ...): it loads
    each one installed; ``qtbase_ja`` alone is the fallback."""
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja"
                               else QLocale.Language.English))
    if lang != "ja":
        return []
    # Qt's file dialog labels that qtbase_ja has only without their "&": lupdate
    # lists them in coach_ja, which is searched first.
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    translator = QTranslator(app)
    if any(translator.load(name, qt_folder) for name in ("qt_ja", "qtbase_ja")):
        app.installTranslator(translator)
        installed.append(translator)
    else:
        log.warning("translation qt_ja or qtbase_ja not found in %s", qt_folder)
    # Ours from its bytes, kept here: loaded from the file, Qt maps it, and a file
    # rewritten in place while the app runs (an upgrade, a rebuilt catalogue) turned
    # every later lookup to English, half-way through a session.
    ours = paths.translations_dir() / "coach_ja.qm"
    try:
        data = ours.read_bytes()
    except OSError as err:
        log.warning("translation %s could not be read (%s)", ours, err)
        return installed
    translator = QTranslator(app)
    if translator.load(data):
        _CATALOGUES.append(data)  # Qt reads it in place, for as long as the app runs
        app.installTranslator(translator)
        installed.append(translator)
    else:
        log.warning("translation %s is not a Qt catalogue", ours)
    return installed


def setup_logging(data_dir: Path) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(data_dir / paths.LOG_FILE, encoding="utf-8"))
    except OSError:
        pass
    logging.basicConfig(level=logging.INFO, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # A log line that cannot be written (a full disk) is dropped, not printed as a
    # traceback: the window says what matters.
    logging.raiseExceptions = False


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Knee Coach")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("knee-coach")
    return app  # type: ignore[return-value]


def set_app_icon(app: QApplication) -> None:
    """The SVG icon (loads Qt's SVG plugin, so it is set once the window is up)."""
    from PySide6.QtGui import QIcon  # its enums too: ~2 ms that the first paint skips

    icon = paths.assets_dir() / "icons" / "knee-coach.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


class _FirstPaintProbe(QObject):
    """For benchmarks and smoke tests: report the first paint of the window, then quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            rss = _resident_kib()
            print(f"first-paint {time.perf_counter():.6f} rss-kib {rss}", flush=True)
            # Quit from the event loop, after what start-up queued before the paint.
            QTimer.singleShot(0, QApplication.quit)
        return False


def _resident_kib() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def install_excepthook(window: QWidget, log_file: Path) -> None:
    """A bug in a slot must not pass silently nor end the session: log the details
    and tell the user once, in plain words, where they are."""
    told = False

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None
             ) -> None:
        nonlocal told
        log.error("unexpected error", exc_info=(kind, value, trace))
        if told:
            return
        told = True
        from PySide6.QtWidgets import QMessageBox

        from coach.ui.widgets import translate

        box = QMessageBox(QMessageBox.Icon.Warning,
                          translate("App", "Something went wrong"),
                          translate("App", "Knee Coach ran into an unexpected problem. Your "
                                    "ratings and sessions are saved. The details are in "
                                    "{log}.").format(log=log_file), parent=window)
        box.setObjectName("unexpectedError")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the path is the user's folder
        box.open()

    sys.excepthook = hook


def lighten_pyside_import_hook() -> None:
    """Make PySide6's check of every newly imported module cheap; same check, same answers.

    PySide6 replaces ``__import__`` and, after each import, asks whether the new
    module's source mentions "PySide6" (for its opt-in ``__feature__`` syntax). It
    reads the source through ``inspect.getsource``, which decodes the whole file and
    keeps its lines in ``linecache`` until the process ends: when pyqtgraph first
    loads, ~300 modules, 35-55 ms and 12 MiB resident here. Searching the bytes gives the
    same answer (tests compare both over every module the app loads) in a fifth of the
    time and keeps nothing. The hook is PySide6's private code: where it is missing,
    nothing changes, and any module whose file cannot be read gets PySide6's own check.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "__module__", None) == __name__:
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


def keep_start_up(app: QApplication) -> None:
    """Freeze what start-up created, then hand the garbage collector (off since the
    launcher, see ``coach.__main__``) to the event loop (:mod:`coach.ui.collector`).

    Start-up's objects (and later pyqtgraph's) live until the app quits. Frozen, they
    are left out of Python's cyclic collections, each of which would otherwise walk
    all of them again: ~20-45 ms pauses, a visible stutter in a countdown or a chart's
    first load. Objects that die still die by refcount; the ~550 unreachable objects
    that start-up leaves in cycles are frozen with the rest rather than paying a full
    collection (~10 ms) for them."""
    from coach.ui.collector import Collector

    gc.freeze()
    Collector(app)


def close_down(window: MainWindow, instance: InstanceLock, options: Options) -> None:
    """After the event loop: let go of the journal and the data folder, then start
    again if the user asked for a restart (a new language, saved in the settings
    already); the new copy finds the folder free."""
    preload.finish_preload(5.0)
    window.journal.close()
    instance.release()
    if window.restart_pending:
        from PySide6.QtCore import QProcess  # its enums: only a restart needs them

        started, _pid = QProcess.startDetached(
            sys.executable, ["-m", "coach", *options.window_arguments()])
        if not started:
            log.error("could not start Knee Coach again (%s -m coach)", sys.executable)


def run_window(options: Options, routine_id: str | None = None, *,
               minimized: bool = False, level: int | None = None,
               library: Library | None = None) -> int:
    """Open the main window (on *routine_id* if given, at *level* if given) and run
    until it closes.
    *minimized* (start at login): no window, only the reminders (the tray icon where
    there is a tray); the tray, a reminder or a second launch brings the window.

    If another copy has the data folder open, hand it the request instead (it comes
    to the front, and starts *routine_id*) and return 0. *library*: the routines,
    when the caller has loaded them already (``coach run`` checks the id first)."""
    lighten_pyside_import_hook()
    setup_logging(options.data_dir)
    app = make_app()
    # Before the journal opens: a second copy must not touch it.
    try:
        instance = claim(options.data_dir, Request(routine_id, level))
    except NoAnswer as err:
        print(f"coach: {err}", file=sys.stderr)
        return 1
    if instance is None:
        log.info("Knee Coach is already open on %s: brought it to the front",
                 options.data_dir)
        return 0
    lang = options.language(system=QLocale.system().name())
    install_translators(app, lang)
    settings = open_settings(options.data_dir)
    from coach.ui import theme

    theme.apply(app, settings)

    from coach.ui.main_window import MainWindow
    from coach.ui.widgets import after_first_paint

    try:
        window = MainWindow(options, settings=settings, lang=lang, library=library)
    except BaseException:
        instance.release()
        raise
    instance.requested.connect(lambda request: bring_forward(window, request))
    # Should the window not be painted, listen anyway; stopped once it is, so that an
    # app idling for its reminders wakes for nothing.
    fallback = QTimer(window, singleShot=True, interval=2000)
    fallback.timeout.connect(instance.listen)
    fallback.start()

    def listen() -> None:
        fallback.stop()
        instance.listen()

    after_first_paint(window, listen)
    install_excepthook(window, options.data_dir / paths.LOG_FILE)
    if os.environ.get(ENV_EXIT_AFTER_PAINT):
        probe = _FirstPaintProbe(window)
        window.installEventFilter(probe)
    # Closing the window may only hide it (reminders keep running); the app ends when
    # the window says it is finished.
    app.setQuitOnLastWindowClosed(False)
    window.finished.connect(app.quit)
    def settle() -> None:
        """What can wait for the first paint: the icon (Qt's SVG plugin) and the
        garbage collector's freeze of what start-up made."""
        set_app_icon(app)
        keep_start_up(app)

    if minimized:
        QTimer.singleShot(0, listen)
        QTimer.singleShot(0, window.start_reminders)
        QTimer.singleShot(0, settle)
    else:
        window.show()
        window.raise_()
        window.activateWindow()  # keyboard shortcuts need an active window
        after_first_paint(window, window.start_reminders)
        # A zero timer would run before the paint (the window system's expose comes
        # later): these wait for the paint itself.
        after_first_paint(window, settle)
    window.chart_module_loaded.connect(gc.freeze)
    # Once the window has been on screen a moment, the chart's code loads in the
    # background (coach.ui.preload); a start in the tray waits for the window.
    after_first_paint(window, lambda: QTimer.singleShot(preload.PRELOAD_AFTER_MS,
                                                        preload.preload_chart))
    if routine_id is not None:
        window.open_routine(routine_id, level=level)
    status = app.exec()
    close_down(window, instance, options)
    return status
