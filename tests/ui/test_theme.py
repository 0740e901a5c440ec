"""The theme: one module holds every colour; dark and high contrast stay readable; the
appearance settings are read and applied, live, and "System" follows the desktop; the
text size scales the app font."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox
from shiboken6 import isValid

from coach import config, paths
from coach.routine import load_routine
from coach.ui import theme
from coach.ui.app import open_settings
from coach.ui.rating import PainRating
from coach.ui.session_flow import SessionFlow
from coach.ui.theme import DARK, HIGH_CONTRAST, LIGHT, Theme, contrast
from coach.ui.widgets import MessageBar, callout
from tests.conftest import FLAGSHIP
from tests.test_session import FakeClock

UI = Path(theme.__file__).parent
#: A colour written into the code: hex, QColor from numbers, a named colour in a
#: style sheet or given to pyqtgraph.
LITERALS = (
    re.compile(r"#[0-9a-fA-F]{3,8}\b"),
    re.compile(r"QColor\(\s*\d"),
    re.compile(r"mk(?:Pen|Brush)\(\s*\d"),
    re.compile(r"""mk(?:Pen|Brush)\(\s*["'](?:[rgbcmykw]|white|black|gr[ae]y|red)["']"""),
    re.compile(r"""(?:background|color)\s*:\s*(?:white|black|gr[ae]y|red)\b"""),
    re.compile(r"GlobalColor\.(?!transparent)"),
)


@pytest.fixture
def restore_app(qapp):
    """Give the application back as it was: palette, font, style, theme, and no
    settings for the desktop's scheme to change."""
    palette, font, style = qapp.palette(), qapp.font(), qapp.style().name()
    sheet, chosen = qapp.styleSheet(), theme.current()
    yield qapp
    theme.notifier().settings = None
    QGuiApplication.styleHints().unsetColorScheme()
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty(theme._TEXT_SCALE, None)
    theme._current = chosen


def test_no_colour_literal_outside_the_theme():
    found = []
    for source in sorted(UI.glob("*.py")):
        if source.name == "theme.py":
            continue
        for n, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            if any(pattern.search(line) for pattern in LITERALS):
                found.append(f"{source.name}:{n}: {line.strip()}")
    assert found == []


def text_pairs(colours: Theme) -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every text the app shows."""
    pairs = [("window text", colours.window_text, colours.window),
             ("text", colours.text, colours.base),
             ("button text", colours.button_text, colours.button),
             ("muted", colours.muted, colours.window),
             ("highlighted", colours.highlight_text, colours.highlight),
             ("error", colours.error_text, colours.window),
             ("warning", colours.warning_text, colours.window),
             ("cue", colours.cue_text, colours.window),
             ("paused", colours.paused, colours.window),
             ("paused pill", colours.window, colours.paused),
             ("sharp pain", colours.on_accent, colours.sharp_pain[0]),
             ("unwell", colours.on_accent, colours.unwell[0]),
             ("toggle", colours.on_accent, colours.toggle_on),
             ("chart axes", colours.chart_foreground, colours.chart_background),
             ("band labels", colours.chart_band_label, colours.chart_background),
             ("hover", colours.hover[0], colours.hover[1])]
    pairs += [(f"phase {kind}", colour, colours.window) for kind, colour in colours.phase.items()]
    for zone in theme.ZONES:
        pairs += [(f"zone {zone}", colours.zone_text[zone], colours.window),
                  (f"zone box {zone}", colours.zone_text[zone], colours.zone_background[zone]),
                  (f"rating {zone} on", colours.base, colours.zone_text[zone]),
                  (f"rating {zone}", colours.zone_text[zone], colours.base)]
    for kind in (*colours.callout, *theme.ZONES):
        background = colours.tint(kind)[1]
        pairs += [(f"callout {kind}", colours.callout_text, background),
                  (f"muted on callout {kind}", colours.muted, background),
                  (f"button on callout {kind}", colours.button_text, colours.button)]
    pairs += [(f"verdict {name}", colour, colours.window)
              for name, colour in colours.verdict.items()]
    return pairs


@pytest.mark.parametrize(("colours", "least"), [(LIGHT, 4.5), (DARK, 4.5), (HIGH_CONTRAST, 7)],
                         ids=["light", "dark", "high_contrast"])
def test_text_is_readable(colours, least):
    poor = [(what, round(contrast(fg, bg), 2)) for what, fg, bg in text_pairs(colours)
            if contrast(fg, bg) < least]
    assert poor == []


def test_contrast_ratio_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("saved", "high", "expected"), [
    ("dark", False, DARK), ("light", False, LIGHT), ("light", True, HIGH_CONTRAST),
    ("dark", True, HIGH_CONTRAST)])
def test_choose(saved, high, expected):
    assert theme.choose(saved, high, system_dark=False) is expected


def test_system_follows_the_desktop():
    assert theme.choose("system", False, system_dark=True) is DARK
    assert theme.choose("system", False, system_dark=False) is LIGHT
    assert theme.choose("<hostile>", False, system_dark=True) is DARK


def test_dark_setting_gives_a_dark_palette(restore_app, data_dir):
    settings = open_settings(data_dir)
    settings.set(config.THEME, "dark")
    assert theme.apply(restore_app, settings) is DARK
    assert theme.current() is DARK
    window = restore_app.palette().color(QPalette.ColorRole.Window)
    assert window.lightnessF() < 0.3
    assert restore_app.palette().color(QPalette.ColorRole.WindowText).lightnessF() > 0.7
    assert restore_app.style().name().lower() == "fusion"


def test_high_contrast_setting(restore_app, data_dir):
    settings = open_settings(data_dir)
    settings.set(config.HIGH_CONTRAST, True)
    assert theme.apply(restore_app, settings) is HIGH_CONTRAST
    palette = restore_app.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == HIGH_CONTRAST.window
    # Fusion outlines fields and check marks in the window's colour, darkened: none
    # on black. The style sheet draws them in white.
    assert f"border: 2px solid {HIGH_CONTRAST.border}" in restore_app.styleSheet()
    settings.set(config.HIGH_CONTRAST, False)
    theme.apply_theme(restore_app, settings)
    assert restore_app.styleSheet() == ""


@pytest.mark.parametrize(("value", "expected"), [
    (100, 100), (150, 150), (200, 200), (50, 100), (10_000, 200), (-3, 100), ("abc", 100),
    (None, 100), ("175", 175)])
def test_text_scale_clamps(value, expected):
    assert theme.clamp_scale(value) == expected


def test_text_scale_scales_the_app_font(restore_app, data_dir):
    base = restore_app.font().pointSizeF()
    settings = open_settings(data_dir)
    settings.set(config.TEXT_SCALE, 150)
    theme.apply(restore_app, settings)
    assert restore_app.font().pointSizeF() == pytest.approx(base * 1.5)
    settings.set(config.TEXT_SCALE, 9999)  # a hand-edited file
    theme.apply(restore_app, settings)  # from the first size, not the scaled one
    assert restore_app.font().pointSizeF() == pytest.approx(base * 2)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_check_boxes_grow_with_the_text(restore_app, data_dir, qtbot, high_contrast):
    """At 200 % text the check boxes (the plan's routines, the sound settings, "I have
    thought about it and want to go ahead") stayed 13-pixel squares beside words
    twice their size."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    settings = open_settings(data_dir)
    settings.set(config.HIGH_CONTRAST, high_contrast)

    def indicator(kind: type) -> int:
        button = kind("Quiet hours")
        qtbot.addWidget(button)
        option = QStyleOptionButton()
        button.initStyleOption(option)
        element = (QStyle.SubElement.SE_CheckBoxIndicator if kind is QCheckBox
                   else QStyle.SubElement.SE_RadioButtonIndicator)
        return button.style().subElementRect(element, option, button).height()

    theme.apply(restore_app, settings)
    normal = indicator(QCheckBox), indicator(QRadioButton)
    settings.set(config.TEXT_SCALE, 200)
    theme.apply(restore_app, settings)
    for big, small in zip((indicator(QCheckBox), indicator(QRadioButton)), normal,
                          strict=True):
        assert big >= 2 * theme.INDICATOR_PX - 1 and big > small + 10
    settings.set(config.TEXT_SCALE, 100)
    theme.apply(restore_app, settings)
    assert (indicator(QCheckBox), indicator(QRadioButton)) == normal
    if not high_contrast:
        assert restore_app.styleSheet() == ""  # nothing set at the platform's size


@pytest.mark.parametrize("value", ["lots", "inf", "-inf", "1e400", "nan"])
def test_hostile_text_scale_in_the_file(restore_app, data_dir, value):
    # "inf" raised OverflowError out of Settings.get: the window never opened.
    (data_dir / "settings.ini").write_text(f"[General]\ntext_scale={value}\n"
                                           f"[cues]\nvolume={value}\n", encoding="utf-8")
    base = restore_app.font().pointSizeF()
    settings = open_settings(data_dir)
    theme.apply(restore_app, settings)
    assert restore_app.font().pointSizeF() == pytest.approx(base)
    assert settings.get(config.VOLUME) == config.VOLUME.default


def test_high_contrast_callouts_stand_apart_from_the_window():
    """Not only an edge: the whole box is a tint of its own, its text still 7:1."""
    for kind in (*HIGH_CONTRAST.callout, *theme.ZONES):
        accent, background = HIGH_CONTRAST.tint(kind)
        assert background != HIGH_CONTRAST.window, kind
        assert contrast(HIGH_CONTRAST.callout_text, background) >= 7, kind
        assert contrast(accent, background) >= 7, kind  # the edge and the outline
    assert HIGH_CONTRAST.outlines


def test_a_callout_is_painted_in_the_high_contrast_tint(restore_app, data_dir, qtbot):
    settings = open_settings(data_dir)
    settings.set(config.HIGH_CONTRAST, True)
    theme.apply_theme(restore_app, settings)
    bar = MessageBar("Journal moved", level="error")
    qtbot.addWidget(bar)
    box, _inner = callout("safetyNotes")
    qtbot.addWidget(box)
    assert bar.background().name() == HIGH_CONTRAST.callout["error"][1]
    assert box.background().name() == HIGH_CONTRAST.callout["safety"][1]
    assert box.background().name() != HIGH_CONTRAST.window
    text = box.palette().color(QPalette.ColorRole.WindowText).name()
    assert contrast(text, box.background().name()) >= 7


def choose_appearance(window, code: str) -> None:
    menu = window.findChild(QMenu, "appearanceMenu")
    next(a for a in menu.actions() if a.data() == code).trigger()


@pytest.fixture
def player_flow(qtbot, data_dir, journal):
    """A session on its player page, the flagship routine, a fake clock."""
    routine = load_routine(next(paths.bundled_routines_dir().glob(f"*{FLAGSHIP}.toml")))[0]
    settings = open_settings(data_dir)
    settings.set(config.SOUND, False)
    clock = FakeClock()
    flow = SessionFlow(routine, journal, lang="en", speed=1.0, settings=settings,
                       clock=clock)
    qtbot.addWidget(flow)
    flow.show()
    flow.start()
    flow.ok_button.click()
    qtbot.waitUntil(flow.before_panel.isVisible)
    flow.before_panel.skipped.emit()
    qtbot.waitUntil(flow.player.isVisible)
    yield flow
    flow.shutdown()


def text_colour(widget) -> str:
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def test_zone_colours_only_where_the_zone_words_stand(qtbot):
    """Colour is never alone: a rating coloured safe/acceptable/too much shows those
    words; one the zones do not judge (before exercise, mornings, check-ins) is plain."""
    zoned, plain = PainRating(zones=True), PainRating()
    for widget in (zoned, plain):
        qtbot.addWidget(widget)
    assert len(zoned.findChildren(QLabel, "zoneWord")) == 3
    assert f"color: {LIGHT.zone_text['red']}" in zoned.group.button(7).styleSheet()
    assert plain.findChildren(QLabel, "zoneWord") == []
    sheets = {plain.group.button(value).styleSheet() for value in range(11)}
    assert len(sheets) == 1
    sheet = sheets.pop()
    assert not any(colour in sheet for colour in LIGHT.zone_text.values())
    # No zone groups either: the plain numbers stand evenly spaced.
    plain.resize(800, 120)
    plain.show()
    qtbot.waitExposed(plain)
    lefts = [plain.group.button(value).x() for value in range(11)]
    steps = {b - a for a, b in itertools.pairwise(lefts)}
    assert max(steps) - min(steps) <= 1, steps


def test_light_to_dark_applies_at_once(restore_app, make_window, player_flow, qtbot):
    window = make_window()
    window.settings.set(config.THEME, "light")
    theme.apply_theme(restore_app, window.settings)
    rating = PainRating(zones=True)
    qtbot.addWidget(rating)
    player = player_flow.player
    zone_word = rating.findChild(QLabel, "zoneWord")
    assert window.today_page.today_box.background().name() == LIGHT.callout["info"][1]
    assert f"color: {LIGHT.zone_text['red']}" in rating.group.button(7).styleSheet()
    assert text_colour(player.countdown) in LIGHT.phase.values()
    assert text_colour(player.cue_label) == LIGHT.cue_text

    with qtbot.waitSignal(theme.notifier().changed):
        choose_appearance(window, "dark")

    assert window.settings.get(config.THEME) == "dark"
    assert window.findChild(QMessageBox, "appearanceRestart") is None  # no restart
    assert theme.current() is DARK
    assert restore_app.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert window.today_page.today_box.background().name() == DARK.callout["info"][1]
    assert text_colour(window.today_page.today_box) == DARK.callout_text
    button = rating.group.button(7).styleSheet()
    assert f"color: {DARK.zone_text['red']}" in button and f"background: {DARK.base}" in button
    assert text_colour(zone_word) == DARK.zone_text["green"]
    assert text_colour(player.countdown) in DARK.phase.values()
    assert text_colour(player.phase_label) == text_colour(player.countdown)
    assert text_colour(player.cue_label) == DARK.cue_text
    assert f"background: {DARK.paused}" in player.paused_label.styleSheet()
    assert text_colour(player.findChild(QLabel, "keyHint")) == DARK.muted


def test_high_contrast_applies_at_once(restore_app, make_window, qtbot):
    window = make_window()
    theme.apply_theme(restore_app, window.settings)
    contrast_action = window.findChild(QAction, "highContrastAction")
    with qtbot.waitSignal(theme.notifier().changed):
        contrast_action.trigger()
    assert window.settings.get(config.HIGH_CONTRAST)
    assert theme.current() is HIGH_CONTRAST
    assert window.today_page.today_box.background().name() == HIGH_CONTRAST.callout["info"][1]
    with qtbot.waitSignal(theme.notifier().changed):
        contrast_action.trigger()  # off again: the chosen theme comes back
    assert theme.current() is not HIGH_CONTRAST
    assert window.findChild(QMessageBox, "appearanceRestart") is None


def desktop_switches(monkeypatch, dark: bool) -> None:
    """The desktop changes its colour scheme (Qt 6.5+ styleHints().colorScheme)."""
    monkeypatch.setattr(theme, "system_is_dark", lambda: dark)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)


def test_system_setting_follows_the_desktop_live(restore_app, data_dir, qtbot, monkeypatch):
    settings = open_settings(data_dir)
    settings.set(config.THEME, "system")
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert theme.apply(restore_app, settings) is LIGHT
    box, _inner = callout("todayBox", kind="info")
    qtbot.addWidget(box)
    with qtbot.waitSignal(theme.notifier().changed):
        desktop_switches(monkeypatch, dark=True)
    assert theme.current() is DARK
    assert box.background().name() == DARK.callout["info"][1]
    with qtbot.waitSignal(theme.notifier().changed):
        desktop_switches(monkeypatch, dark=False)
    assert theme.current() is LIGHT
    assert box.background().name() == LIGHT.callout["info"][1]


@pytest.mark.parametrize(("saved", "high", "kept"), [
    ("light", False, LIGHT), ("dark", False, DARK), ("system", True, HIGH_CONTRAST)])
def test_a_chosen_theme_ignores_the_desktop(restore_app, data_dir, qtbot, monkeypatch,
                                             saved, high, kept):
    settings = open_settings(data_dir)
    settings.set(config.THEME, saved)
    settings.set(config.HIGH_CONTRAST, high)
    monkeypatch.setattr(theme, "system_is_dark", lambda: not kept.dark)
    assert theme.apply(restore_app, settings) is kept
    with qtbot.assertNotEmitted(theme.notifier().changed):
        desktop_switches(monkeypatch, dark=kept is LIGHT)
    assert theme.current() is kept


def test_a_follower_goes_with_its_widget(restore_app, data_dir, qtbot):
    settings = open_settings(data_dir)
    settings.set(config.THEME, "light")
    theme.apply_theme(restore_app, settings)
    seen = []
    label = QLabel()
    theme.follow(label, lambda colours: seen.append(colours.name))
    assert seen == ["light"]  # at once
    label.deleteLater()
    qtbot.waitUntil(lambda: not isValid(label))
    settings.set(config.THEME, "dark")
    with qtbot.waitSignal(theme.notifier().changed):
        theme.apply_theme(restore_app, settings)
    assert seen == ["light"]


def test_text_size_menu_saves_and_offers_a_restart(make_window):
    window = make_window()
    sizes = window.findChild(QMenu, "textSizeMenu")
    next(a for a in sizes.actions() if a.data() == 200).trigger()
    assert window.settings.get(config.TEXT_SCALE) == 200
    box = window.findChild(QMessageBox, "appearanceRestart")
    assert box is not None
    box.reject()
    assert not window.restart_pending  # restarted only when the user says yes


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_range_shown_stands_out_from_the_others(restore_app, make_window, qtbot, name):
    """In dark, the style's checked shade was all but invisible: which range the chart
    shows is filled in the accent, in either theme."""
    window = make_window()
    window.settings.set(config.THEME, name)
    colours = theme.apply_theme(restore_app, window.settings)
    window.journal.add_rating(3, "check_in")
    window.show()
    window.show_page("trend")
    qtbot.waitUntil(lambda: window.trend is not None)
    group = window.trend.range_group
    shown = group.checkedButton()
    other = next(b for b in group.buttons() if b is not shown)

    def fill(button) -> QColor:  # left of the words, inside the edge
        return button.grab().toImage().pixelColor(8, button.height() // 2)

    def apart(one: QColor, two: QColor) -> int:
        return max(abs(a - b) for a, b in zip(one.getRgb()[:3], two.getRgb()[:3],
                                              strict=True))

    assert apart(fill(shown), QColor(colours.toggle_on)) < 40
    assert apart(fill(shown), fill(other)) > 50
