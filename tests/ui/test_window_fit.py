"""The window fits the screen it opens on: a small screen, a scaled one, or a
remembered place on a screen that is no longer there."""

import re

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QScrollArea, QWidget

from coach import config
from coach.ui.window_geometry import MINIMUM_SIZE, first_run_size, fit_to_screen, rescaled
from tests.conftest import FLAGSHIP
from tests.ui.conftest import rate_before_start, scaled_text, show_active

#: 1024x600 at 150 % scaling, less a 32 px panel: what a small laptop offers.
SMALL = QRect(0, 0, 683, 368)


@pytest.mark.parametrize("wanted, available, fitted", [
    pytest.param(QRect(100, 50, 800, 500), QRect(0, 0, 1920, 1040),
                 QRect(100, 50, 800, 500), id="inside: unchanged"),
    pytest.param(QRect(3000, 2000, 800, 500), QRect(0, 0, 1920, 1040),
                 QRect(1120, 540, 800, 500), id="off to the bottom right: moved back"),
    pytest.param(QRect(-900, -700, 800, 500), QRect(0, 0, 1920, 1040),
                 QRect(0, 0, 800, 500), id="off to the top left: moved back"),
    pytest.param(QRect(0, 0, 1100, 720), SMALL, QRect(0, 0, 683, 368),
                 id="larger than the screen: shrunk"),
    pytest.param(QRect(2500, 100, 1100, 720), QRect(1920, 32, 683, 368),
                 QRect(1920, 32, 683, 368), id="second screen with a panel on top"),
    pytest.param(QRect(1900, 900, 400, 300), QRect(0, 0, 1920, 1040),
                 QRect(1520, 740, 400, 300), id="partly off: slid in"),
])
def test_fit_to_screen(wanted, available, fitted):
    assert fit_to_screen(wanted, available) == fitted


@pytest.mark.parametrize("available, size", [
    pytest.param(QRect(0, 0, 1920, 1040), QSize(1100, 720), id="large: preferred size"),
    pytest.param(QRect(0, 0, 1024, 600), QSize(921, 540), id="1024x600"),
    pytest.param(SMALL, QSize(614, 331), id="1024x600 at 150 %"),
])
def test_first_run_size(available, size):
    assert first_run_size(available) == size


@pytest.mark.parametrize("saved, now, frame", [
    pytest.param(100, 200, QRect(-100, -75, 1600, 1000), id="text twice as large"),
    pytest.param(200, 100, QRect(500, 300, 400, 250), id="text back to normal"),
    pytest.param(0, 200, QRect(300, 175, 800, 500), id="not known: as it was"),
    pytest.param(-7, 200, QRect(300, 175, 800, 500), id="hostile: as it was"),
    pytest.param(150, 150, QRect(300, 175, 800, 500), id="unchanged"),
])
def test_a_remembered_window_follows_a_new_text_size(saved, now, frame):
    assert rescaled(QRect(300, 175, 800, 500), saved, now) == frame


@pytest.mark.parametrize("scale, size", [(100, QSize(1100, 720)), (150, QSize(1650, 936)),
                                         (200, QSize(1728, 936))])
def test_a_first_window_is_as_much_larger_as_its_text(scale, size):
    assert first_run_size(QRect(0, 0, 1920, 1040), scale) == size
    assert first_run_size(QRect(0, 0, 1024, 600), scale) == QSize(921, 540)


def test_minimum_size_fits_a_small_scaled_screen():
    # Less a title bar (~30 px) too.
    assert MINIMUM_SIZE.width() <= SMALL.width() and MINIMUM_SIZE.height() + 30 <= SMALL.height()


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(SMALL))


def inside(widget, window) -> bool:
    """*widget* is shown and wholly inside *window*'s client area."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


def test_first_run_fits_a_small_screen_with_start_in_view(make_window, qtbot, small_screen):
    window = make_window()
    show_active(window, qtbot)
    assert SMALL.contains(window.geometry())
    assert window.width() <= SMALL.width() and window.height() <= SMALL.height()
    assert inside(window.today_page.start_button, window)
    assert inside(window.check_in_button, window)
    window.show_page("routines")
    qtbot.waitUntil(lambda: inside(window.start_button, window))


def test_a_place_on_a_screen_that_is_gone_comes_back(make_window, qtbot, small_screen):
    window = make_window()
    window.setGeometry(QRect(3000, 2000, 1000, 700))
    window.settings.set(config.WINDOW_GEOMETRY, window.saveGeometry().data())
    again = make_window()
    assert SMALL.contains(again.geometry())
    assert again.minimumSize().boundedTo(SMALL.size()) == again.minimumSize()


def test_home_scrolls_rather_than_clips_at_the_minimum_size(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    window.resize(MINIMUM_SIZE)
    qtbot.waitUntil(lambda: window.size() == MINIMUM_SIZE)
    # Today: all of it there, if need be by scrolling.
    page = window.today_page
    for widget in (page.today_label, page.start_button, page.reminder_label):
        page.ensureWidgetVisible(widget)
        qtbot.waitUntil(lambda w=widget: inside(w, window))
    today = page.today_label
    assert today.height() >= today.heightForWidth(today.width())
    # Routines: Start in view without scrolling.
    window.show_page("routines")
    qtbot.waitUntil(lambda: inside(window.start_button, window))


def test_a_status_message_does_not_move_the_page(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    before = window.pages.geometry()
    bar = window.statusBar()
    bar.showMessage("Saved")
    # Laid out: the bar is below the page, not over it.
    qtbot.waitUntil(lambda: bar.isVisible()
                    and bar.geometry().top() > window.pages.geometry().bottom())
    assert window.pages.geometry() == before


def test_the_empty_status_bar_gives_its_line_to_the_session(make_window, qtbot):
    """Its messages are about the menus outside a session; in one it was an empty line
    under the player (a line of instructions at large text)."""
    window = make_window()
    show_active(window, qtbot)
    window.start_selected()
    assert window.flow is not None and not window.statusBar().isVisible()
    window.close_session()
    assert window.statusBar().isVisible()


def session_at_the_minimum_size(make_window, qtbot):
    """The window at its minimum size, a session of the selected routine started."""
    window = make_window()
    show_active(window, qtbot)
    window.resize(MINIMUM_SIZE)
    qtbot.waitUntil(lambda: window.size() == MINIMUM_SIZE)
    window.start_selected()
    return window, window.flow


def test_session_pages_scroll_at_the_minimum_size(make_window, qtbot):
    window, flow = session_at_the_minimum_size(make_window, qtbot)
    for page in (flow.check_page.findChild(QScrollArea), flow.before_page,
                 flow.after_page):
        assert isinstance(page, QScrollArea) and page.widgetResizable()
    # The safety question and its answers stay in view, unscrolled: the notes above
    # them scroll instead.
    flow.pages.setCurrentWidget(flow.check_page)
    question = flow.check_page.findChild(QLabel, "safetyQuestion")
    for widget in (question, flow.ok_button, flow.not_today_button):
        qtbot.waitUntil(lambda widget=widget: inside(widget, window))
    assert flow.check_page.findChild(QScrollArea).verticalScrollBar().value() == 0
    window.close_session()


@pytest.mark.parametrize("end", ["not_today", "sharp_pain", "unwell"])
def test_the_way_out_of_a_stop_page_stays_in_view_at_the_minimum_size(make_window, qtbot,
                                                                        end):
    """The advice after a stop is long; on a short screen it scrolls, and "Back to
    routines" (the only way on) stays whole under it."""
    window, flow = session_at_the_minimum_size(make_window, qtbot)
    if end == "not_today":
        flow.not_today_button.click()
    else:
        flow.ok_button.click()
        qtbot.waitUntil(flow.before_panel.isVisible)
        flow.before_panel.skip_button.click()  # "Skip and start"
        qtbot.waitUntil(flow.player.isVisible)
        getattr(flow, end)()
    back = flow.pages.currentWidget().findChild(QPushButton, "backButton")
    qtbot.waitUntil(lambda: back.isVisible() and inside(back, window))
    window.close_session()


def test_the_trend_scrolls_rather_than_clips_at_the_minimum_size(make_window, qtbot):
    window = make_window()
    show_active(window, qtbot)
    window.resize(MINIMUM_SIZE)
    window.show_page("trend")
    qtbot.waitUntil(lambda: window.trend is not None, timeout=10000)
    scroll = window.findChild(QScrollArea, "trendScroll")
    qtbot.waitUntil(lambda: window.size() == MINIMUM_SIZE)
    wanted = window.trend_page.minimumSizeHint()
    # Never squeezed below what the chart's tools need: a scroll bar instead.
    qtbot.waitUntil(lambda: window.trend_page.width() >= wanted.width())
    assert window.trend_page.height() >= wanted.height()
    qtbot.waitUntil(lambda: scroll.horizontalScrollBar().maximum() > 0)


# -- Qt's file dialog in the app's language (test_translations.py is someone else's) ----
def test_qt_file_dialog_speaks_japanese(qtbot, use_language):
    from PySide6.QtWidgets import QFileDialog, QPushButton

    use_language("ja")
    dialog = QFileDialog(None, "保存")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    buttons = {button.text() for button in dialog.findChildren(QPushButton)}
    assert {"保存(&S)", "キャンセル"} <= buttons
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "場所(&L):"
    assert labels["fileNameLabel"] == "ファイル名(&N):"
    assert labels["fileTypeLabel"] == "ファイルの種類(&T):"


@pytest.mark.parametrize("app, system, native", [
    (QLocale.Language.Japanese, QLocale.Language.Japanese, True),
    (QLocale.Language.English, QLocale.Language.English, True),
    (QLocale.Language.Japanese, QLocale.Language.English, False),
    (QLocale.Language.English, QLocale.Language.Japanese, False),
])
def test_the_desktops_file_dialog_only_when_it_speaks_the_apps_language(app, system,
                                                                         native):
    from coach.ui.report import native_dialog_fits

    assert native_dialog_fits(QLocale(app), QLocale(system)) is native


@pytest.mark.parametrize("scale", [1, 2])
def test_the_check_in_button_sits_inside_the_tab_row(make_window, qtbot, scale):
    # A corner widget taller than the tabs hung over the page below them, and touched
    # the window's edge; at twice the text size too (as the largest setting makes it).
    with scaled_text(scale):
        window = make_window()
        show_active(window, qtbot)
        button, row = window.check_in_button, window.tabs.tabBar()
        qtbot.waitUntil(lambda: button.height() >= 30 and row.height() > 0)
        top = button.mapTo(window, QPoint(0, 0)).y()
        row_top = row.mapTo(window, QPoint(0, 0)).y()
        assert row_top <= top and top + button.height() <= row_top + row.height()
        right = button.mapTo(window, QPoint(button.width(), 0)).x()
        assert right <= window.width() - 4


@pytest.mark.parametrize("scale", [1, 2])
def test_the_trend_tools_take_two_rows_rather_than_scroll_sideways(make_window, qtbot,
                                                                   scale):
    """At the largest text on a 1024x600 screen the tools' one row (ranges, exports,
    corrections) was wider than the window: the whole page scrolled sideways, the
    summary out of sight. They go on two rows instead; at the usual size, one."""
    with scaled_text(scale):
        window = make_window()
        window.journal.add_rating(4, "check_in")
        show_active(window, qtbot)
        window.resize(921, 540)  # the first size on a 1024x600 screen
        window.show_page("trend")
        qtbot.waitUntil(lambda: window.trend is not None, timeout=10000)
        tools = window.trend.findChild(QPushButton, "range_2w").parentWidget()
        scroll = window.findChild(QScrollArea, "trendScroll")
        page = window.trend_page
        # Laid out: as wide as the window, or as its parts need where wider.
        qtbot.waitUntil(lambda: tools.isVisible() and page.width() >= max(
            scroll.viewport().width(), page.minimumSizeHint().width()))
        assert scroll.horizontalScrollBar().maximum() == 0
        assert tools.side_by_side is (scale == 1)
        corrections = window.trend.findChild(QPushButton, "historyButton")
        assert inside(corrections, window)
        # The chart's key, on more rows at this size, sits above 10: over no rating.
        legend, box = window.trend.legend, window.trend.plot.getPlotItem().getViewBox()
        qtbot.waitUntil(lambda: legend.isVisible() and box.height() > 0)
        lowest = box.mapSceneToView(legend.mapToScene(legend.boundingRect().bottomLeft()))
        assert lowest.y() >= 10, (lowest.y(), legend.size())


@pytest.mark.parametrize("end", ["high_pain", "not_today", "sharp_pain", "unwell"])
def test_when_to_get_help_is_in_view_on_a_1024x600_screen(make_window, qtbot, end):
    """On a 1024x600 screen the advice pages' last lines, when to call emergency
    services, were below the fold (one column of words and lists; then two columns
    with every list on the right). The lists are split between two columns where
    their heights come out evenest: everything is in view above the button."""
    window = make_window()
    show_active(window, qtbot)
    window.resize(921, 540)  # the first size on a 1024x600 screen
    window.show_page("routines")
    window.start_selected()
    flow = window.flow
    if end == "not_today":
        flow.not_today_button.click()
    elif end == "high_pain":
        rate_before_start(qtbot, flow, Qt.Key.Key_8)
        qtbot.waitUntil(lambda: flow.findChild(QPushButton, "highPainRest") is not None)
    else:
        rate_before_start(qtbot, flow, Qt.Key.Key_3)
        qtbot.waitUntil(flow.player.isVisible)
        getattr(flow, end)()
    page = flow.pages.currentWidget()
    columns = page.findChild(QWidget, "adviceColumns")
    qtbot.waitUntil(lambda: columns.isVisible() and columns.side_by_side)
    viewport = page.findChild(QScrollArea).viewport()
    shown = [label for label in page.findChildren(QLabel) if label.isVisible() and label.text()]
    # Everything up to the last urgent line (a routine "see a clinician" may follow).
    last = max(n for n, label in enumerate(shown)
               if label.text().startswith("call emergency services"))
    for label in shown[:last + 1]:
        corner = label.mapTo(viewport, label.rect().bottomRight())
        assert viewport.rect().contains(corner), (label.text(), corner, viewport.rect())
    window.close_session()


def test_a_new_text_size_brings_a_window_that_large_at_the_next_start(make_window, qtbot,
                                                                      data_dir):
    """The text size changes at the next start; the window used to come back at the
    size it had with the old text."""
    from coach.ui.app import open_settings

    window = make_window()
    show_active(window, qtbot)
    window.resize(600, 400)
    qtbot.waitUntil(lambda: window.size() == QSize(600, 400))
    open_settings(data_dir).set(config.TEXT_SCALE, 125)  # chosen in the menu
    window.close()  # saves the window at the text size it had
    again = make_window()
    assert again.size() == QSize(750, 500)


def test_the_safety_answers_keep_their_words_with_larger_text_on_a_small_screen(
        make_window, qtbot, journal):
    """At 150 % text on a 1024x600 screen the three answers were squeezed into one row
    ("lo, my knee is fine toda"); after a sharp-pain stop the box that allows going on
    was scrolled out of sight above them, so "No, my knee is fine today" looked dead."""
    stopped = journal.start_session(FLAGSHIP)
    journal.add_safety_event("sharp_pain", session_uid=stopped.uid, step=1)
    journal.end_session(stopped.uid, "sharp_pain", 0)
    with scaled_text(1.5):
        window = make_window()
        show_active(window, qtbot)
        window.resize(920, 540)
        qtbot.waitUntil(lambda: window.size() == QSize(920, 540))
        window.start_selected()
        flow = window.flow
        go_ahead = flow.findChild(QCheckBox, "goAheadAfterStop")
        for widget in (flow.ok_button, flow.not_today_button, go_ahead):
            qtbot.waitUntil(lambda widget=widget: inside(widget, window))
            assert widget.width() >= widget.sizeHint().width(), widget.objectName()
        bar = flow.check_page.findChild(QWidget, "answerBar")
        assert bar.isAncestorOf(go_ahead)
        reason = flow.check_page.findChild(QLabel, "goAheadReason")  # what the box is about
        assert bar.isAncestorOf(reason) and "sharp pain" in reason.text()
        text = flow.findChild(QLabel, "previousStopText").text()
        assert not re.search(r"\d{4}-\d\d-\d\d", text)  # a day as the other pages say it
        window.close_session()


def test_an_offer_of_an_easier_level_comes_before_the_notes(make_window, qtbot, journal):
    """After pain in the red the offer sat under the long safety notes: on a small
    screen "No, my knee is fine today" started the old level with the offer unseen."""
    from datetime import timedelta

    from coach.journal import now

    then = now() - timedelta(days=1)
    session = journal.start_session(FLAGSHIP, at=then)
    journal.add_rating(2, "before", at=then, session_uid=session.uid)
    journal.end_session(session.uid, "completed", 5, at=then + timedelta(minutes=11))
    journal.add_rating(7, "after", at=then + timedelta(minutes=11), session_uid=session.uid)
    window = make_window()
    show_active(window, qtbot)
    window.resize(MINIMUM_SIZE)
    window.start_selected()
    flow = window.flow
    notes = flow.check_page.findChild(QWidget, "sessionSafetyNotes")
    assert flow.level_panel is not None
    assert flow.level_panel.y() < notes.y()
    qtbot.waitUntil(lambda: inside(flow.level_panel.findChildren(QPushButton)[0], window))
    window.close_session()
