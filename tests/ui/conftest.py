from __future__ import annotations

from contextlib import contextmanager

import pytest

from coach import config
from coach.config import Options
from coach.ui.app import open_settings
from coach.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, data_dir):
    """Build a main window on a temporary data folder (first-run notice already seen,
    unless asked for)."""
    made: list[MainWindow] = []

    def make(*, lang: str = "en", notice_seen: bool = True, routine_dirs=(),
             folder=data_dir) -> MainWindow:
        settings = open_settings(folder)
        settings.set(config.FIRST_RUN_NOTICE_SEEN, notice_seen)
        options = Options(data_dir=folder, routine_dirs=list(routine_dirs), lang=lang)
        window = MainWindow(options, settings=settings, lang=lang)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.stop_reminders()  # closing then ends the window, never asks to keep running
        window.journal.close()


def rate_before_start(qtbot, flow, key) -> None:
    """Pass *flow*'s safety check and rate the pain before the start by keyboard
    (*key*, then Return), past the rating page's quiet moment."""
    from PySide6.QtCore import Qt

    flow.ok_button.click()
    qtbot.waitUntil(flow.before_panel.isVisible)
    flow.before_panel.rating.hold_keys(0)
    qtbot.keyClick(flow.before_panel.rating, key)
    qtbot.keyClick(flow.before_panel.rating, Qt.Key.Key_Return)


def show_active(window, qtbot) -> None:
    """Show *window* silent (no audio device here) and wait until it has the keyboard:
    keys and shortcuts go to the active window only."""
    window.settings.set(config.SOUND, False)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def use_language(qapp):
    """Install the translators for a language for one test, then remove them."""
    from PySide6.QtWidgets import QApplication

    from coach.ui.app import install_translators

    installed = []

    def use(lang: str) -> list:
        installed.extend(install_translators(qapp, lang))
        return installed

    yield use
    for translator in installed:
        QApplication.removeTranslator(translator)
    install_translators(qapp, "en")


@contextmanager
def scaled_text(factor: float):
    """The application's text *factor* times its size (as the Text size setting or a
    large system font makes it) for widgets built meanwhile, then as it was."""
    from PySide6.QtWidgets import QApplication

    normal = QApplication.font()
    larger = QApplication.font()
    larger.setPointSizeF(normal.pointSizeF() * factor)
    QApplication.setFont(larger)
    try:
        yield
    finally:
        QApplication.setFont(normal)
