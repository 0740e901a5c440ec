"""The theme: one module holds every colour; dark and high contrast stay readable; the
appearance settings are read and applied; the text size scales the app font."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMenu, QMessageBox

from coach import config
from coach.ui import theme
from coach.ui.app import open_settings
from coach.ui.theme import DARK, HIGH_CONTRAST, LIGHT, Theme, contrast

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
    """Give the application back as it was: palette, font, style and theme."""
    palette, font, style = qapp.palette(), qapp.font(), qapp.style().name()
    chosen = theme.current()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
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
    pairs += [(f"callout {level}", colours.callout_text, background)
              for level, (_accent, background) in colours.callout.items()]
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


def test_hostile_text_scale_in_the_file(restore_app, data_dir):
    (data_dir / "settings.ini").write_text("[General]\ntext_scale=lots\n", encoding="utf-8")
    base = restore_app.font().pointSizeF()
    theme.apply(restore_app, open_settings(data_dir))
    assert restore_app.font().pointSizeF() == pytest.approx(base)


def test_appearance_menu_saves_and_offers_a_restart(make_window):
    window = make_window()
    menu = window.findChild(QMenu, "appearanceMenu")
    next(a for a in menu.actions() if a.data() == "dark").trigger()
    assert window.settings.get(config.THEME) == "dark"
    box = window.findChild(QMessageBox, "appearanceRestart")
    assert box is not None
    box.reject()
    sizes = window.findChild(QMenu, "textSizeMenu")
    next(a for a in sizes.actions() if a.data() == 200).trigger()
    assert window.settings.get(config.TEXT_SCALE) == 200
    assert not window.restart_pending  # restarted only when the user says yes
