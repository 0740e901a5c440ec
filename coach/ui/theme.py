"""Every colour Knee Coach uses, as named roles, in a light, a dark and a
high-contrast palette; which one is in effect, and telling widgets when it changes.

:func:`apply_theme` sets the application's QPalette (so Qt's own lists, menus and
dialogs match) and the current theme, at start, when the user picks another one, and
when the desktop switches between light and dark while the setting is "System".
Widgets that colour something themselves never read a colour once: they pass a
function of the theme to :func:`follow`, which calls it now and after every change
(``follow(label, lambda c: ...)``). The printed report always uses :data:`LIGHT`.
Nothing else in ``coach.ui`` holds a colour literal (a test checks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from coach import config
from coach.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

RGBA = tuple[int, int, int, int]
ZONES = ("green", "amber", "red")


class Theme(NamedTuple):
    """One palette of colour roles (``#rrggbb`` strings, or RGBA for translucent fills).

    The ``window`` .. ``highlight_text`` roles become the QPalette; the rest are Knee
    Coach's own: zones, callouts, player phases, the stop buttons and the chart."""

    name: str
    dark: bool
    # Qt's palette
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlight_text: str
    muted: str  # secondary text: hints, notes (QPalette.PlaceholderText)
    link: str
    border: str  # frames, the meter's track
    # pain zones: text on the window, and the tint of a zone box
    zone_text: dict[str, str]
    zone_background: dict[str, str]
    # callouts and message bars: level -> (accent edge, background)
    callout: dict[str, tuple[str, str]]
    callout_text: str
    error_text: str
    warning_text: str
    # player
    phase: dict[str, str]
    paused: str
    cue_text: str
    on_accent: str  # text on a filled accent (phase pill, stop buttons, checked toggles)
    sharp_pain: tuple[str, str]  # background, hover
    unwell: tuple[str, str]
    toggle_on: str
    flash: str  # the frame the player flashes at a cue (for a noisy room, for hearing loss)
    # chart
    chart_background: str
    chart_foreground: str  # axes, legend text
    chart_bands: dict[str, RGBA]
    chart_lane: RGBA
    chart_band_label: str
    mean_line: str
    mean_casing: str
    usual_dots: tuple[str, str]  # fill, outline
    usual_range: RGBA  # each day's lowest to highest usual pain, behind the dots
    dot_outline: str
    context_dots: dict[str, str]
    session_tick: str
    stop_mark: str
    legend_fill: RGBA
    legend_off: str
    hover: tuple[str, str, str]  # text, fill, border
    verdict: dict[str, str]
    # High contrast: callouts outlined in their accent as well as tinted, and input
    # fields, check marks and buttons outlined (see :meth:`style_sheet`).
    outlines: bool = False
    disabled_text: str = ""  # greyed-out text; the muted colour unless told

    def style_sheet(self, text_scale: int = 100) -> str:
        """The application's style sheet: in high contrast, outlines, since Fusion's
        own (the window's colour, darkened) vanish on black; with text larger than
        the platform's (*text_scale*, %), check boxes and radio buttons as much larger
        (the style draws them at a fixed size: a 13-pixel box beside 200 % words)."""
        marks = "QRadioButton::indicator, QCheckBox::indicator"
        mark = round(INDICATOR_PX * max(100, text_scale) / 100)
        if not self.outlines:
            return "" if mark == INDICATOR_PX else \
                f"{marks} {{ width: {mark}px; height: {mark}px; }}"
        edge, focus, off = self.border, self.highlight, self.disabled_text or self.muted
        fields = "QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox"
        return (
            f"{fields} {{ border: 1px solid {edge}; border-radius: 3px; padding: 2px; }} "
            f"{fields.replace(',', ':focus,')}:focus {{ border: 2px solid {focus}; }} "
            f"{marks} {{ width: {mark}px; height: {mark}px; border: 2px solid {edge}; "
            f"background: {self.base}; }} "
            f"QRadioButton::indicator {{ border-radius: {mark // 2 + 2}px; }} "
            f"{marks.replace(',', ':checked,')}:checked {{ background: {focus}; }} "
            f"QPushButton {{ background: {self.button}; color: {self.button_text}; "
            f"border: 1px solid {edge}; border-radius: 4px; padding: 4px 12px; }} "
            f"QPushButton:focus, QPushButton:default {{ border: 2px solid {focus}; }} "
            f"QPushButton:disabled {{ color: {off}; border: 1px dashed {off}; }}")

    def tint(self, kind: str) -> tuple[str, str]:
        """(accent, background) of a callout: *kind* is a callout level ("info",
        "warning", "error", "safety") or a pain zone ("green", "amber", "red")."""
        if kind in self.zone_text:
            return self.zone_text[kind], self.zone_background[kind]
        return self.callout[kind]

    def qcolor(self, colour: str | RGBA) -> QColor:
        return QColor(colour) if isinstance(colour, str) else QColor(*colour)

    def palette(self) -> QPalette:
        """The QPalette that makes Qt's own widgets match this theme."""
        palette = QPalette()
        role = QPalette.ColorRole
        for roles, colour in (
            ((role.Window,), self.window),
            ((role.WindowText,), self.window_text),
            ((role.Base,), self.base),
            ((role.AlternateBase,), self.alternate_base),
            ((role.Text,), self.text),
            ((role.Button,), self.button),
            ((role.ButtonText,), self.button_text),
            ((role.Highlight,), self.highlight),
            ((role.HighlightedText,), self.highlight_text),
            ((role.PlaceholderText,), self.muted),
            ((role.Link,), self.link),
            ((role.LinkVisited,), self.link),
            ((role.ToolTipBase,), self.base),
            ((role.ToolTipText,), self.text),
            ((role.BrightText,), self.on_accent),
            ((role.Light, role.Midlight), self.alternate_base),
            ((role.Mid, role.Dark, role.Shadow), self.border),
        ):
            for r in roles:
                palette.setColor(r, QColor(colour))
        # Disabled text: muted (or its own grey), still legible.
        for r in (role.WindowText, role.Text, role.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, r,
                             QColor(self.disabled_text or self.muted))
        return palette


LIGHT = Theme(
    name="light", dark=False,
    window="#f3f3f3", window_text="#1b1b1b", base="#ffffff", alternate_base="#f7f7f7",
    text="#1b1b1b", button="#ececec", button_text="#1b1b1b", highlight="#2f65a8",
    highlight_text="#ffffff", muted="#5f6368", link="#1f5fa8", border="#a0a0a0",
    zone_text={"green": "#2a7530", "amber": "#9a5a00", "red": "#c62828"},
    zone_background={"green": "#e3f3e4", "amber": "#fff1d6", "red": "#fde4e4"},
    callout={"warning": ("#e0a100", "#fff4d6"), "error": ("#d77777", "#fde7e7"),
             "info": ("#3d6fb6", "#e6f1fb"), "safety": ("#e0a100", "#fff4d6")},
    callout_text="#222222", error_text="#c62828", warning_text="#8a5a00",
    phase={"get_ready": "#5b6b7f", "work": "#0e7c78", "hold": "#0e7c78",
           "release": "#3d6fb6", "rest": "#3d6fb6", "switch": "#7b4fb3"},
    paused="#6b6b6b", cue_text="#0e6b68", on_accent="#ffffff",
    sharp_pain=("#c62828", "#a91f1f"), unwell=("#8d4a00", "#733c00"), toggle_on="#0e7c78",
    flash="#e0a100", chart_background="#ffffff", chart_foreground="#333333",
    chart_bands={"green": (46, 125, 50, 28), "amber": (178, 106, 0, 26),
                 "red": (198, 40, 40, 24)},
    chart_lane=(120, 120, 120, 22), chart_band_label="#5f6368",
    mean_line="#1f3b5c", mean_casing="#ffffff", usual_dots=("#9db7d8", "#7f9dc4"),
    usual_range=(110, 150, 200, 70),
    dot_outline="#ffffff",
    context_dots={"check_in": "#3d6fb6", "before": "#5b6b7f", "after": "#b26a00",
                  "next_morning": "#0e7c78"},
    session_tick="#0e7c78", stop_mark="#c62828", legend_fill=(255, 255, 255, 215),
    legend_off="#777777", hover=("#111111", "#fffff0", "#999999"),
    verdict={"better": "#2e7d32", "somewhat_better": "#55793a", "same": "#455a64",
             "somewhat_worse": "#a35f00", "worse": "#c62828"},
)

DARK = Theme(
    name="dark", dark=True,
    window="#202124", window_text="#e8eaed", base="#17181a", alternate_base="#2a2b2e",
    text="#e8eaed", button="#33353a", button_text="#e8eaed", highlight="#4f8fdc",
    highlight_text="#0b0b0b", muted="#a9adb3", link="#8ab4f8", border="#5f6368",
    zone_text={"green": "#81c995", "amber": "#fbbc5a", "red": "#f28b82"},
    zone_background={"green": "#1e3324", "amber": "#3a2d12", "red": "#3d1f1f"},
    callout={"warning": ("#d9a53a", "#3a2f17"), "error": ("#e07c7c", "#3d2222"),
             "info": ("#6fa0e0", "#1d2b3d"), "safety": ("#d9a53a", "#3a2f17")},
    callout_text="#ececec", error_text="#f28b82", warning_text="#fbbc5a",
    phase={"get_ready": "#b0bccb", "work": "#4fd1c5", "hold": "#4fd1c5",
           "release": "#8ab4f8", "rest": "#8ab4f8", "switch": "#c9a4f5"},
    paused="#9a9a9a", cue_text="#6fd6cc", on_accent="#ffffff",
    sharp_pain=("#c62828", "#a91f1f"), unwell=("#8d4a00", "#733c00"), toggle_on="#0e7c78",
    flash="#fbbc5a", chart_background="#17181a", chart_foreground="#c8ccd2",
    chart_bands={"green": (129, 201, 149, 34), "amber": (251, 188, 90, 30),
                 "red": (242, 139, 130, 30)},
    chart_lane=(200, 200, 200, 20), chart_band_label="#a9adb3",
    mean_line="#e8eaed", mean_casing="#17181a", usual_dots=("#5d7ea8", "#7f9dc4"),
    usual_range=(120, 160, 215, 60),
    dot_outline="#17181a",
    context_dots={"check_in": "#8ab4f8", "before": "#b0bccb", "after": "#fbbc5a",
                  "next_morning": "#4fd1c5"},
    session_tick="#4fd1c5", stop_mark="#f28b82", legend_fill=(23, 24, 26, 215),
    legend_off="#8a8a8a", hover=("#e8eaed", "#2a2b2e", "#777777"),
    verdict={"better": "#81c995", "somewhat_better": "#a8c98a", "same": "#b0bec5",
             "somewhat_worse": "#fbbc5a", "worse": "#f28b82"},
)

# White and yellow on black, every text role at least 7:1. Callouts and zone boxes
# are dark tints of their accent, outlined, so they stand apart from the window.
HIGH_CONTRAST = Theme(
    name="high_contrast", dark=True,
    window="#000000", window_text="#ffffff", base="#000000", alternate_base="#1a1a1a",
    text="#ffffff", button="#262626", button_text="#ffffff", highlight="#ffff00",
    highlight_text="#000000", muted="#e0e0e0", link="#ffff00", border="#ffffff",
    zone_text={"green": "#7dff7d", "amber": "#ffd23f", "red": "#ff9a9a"},
    zone_background={"green": "#0b2a0b", "amber": "#2b2200", "red": "#3d0f0f"},
    callout={"warning": ("#ffd23f", "#2b2200"), "error": ("#ff9a9a", "#3d0f0f"),
             "info": ("#8fd3ff", "#002a45"), "safety": ("#ffd23f", "#2b2200")},
    callout_text="#ffffff", error_text="#ff9a9a", warning_text="#ffd23f",
    phase={"get_ready": "#ffffff", "work": "#7dffef", "hold": "#7dffef",
           "release": "#8fd3ff", "rest": "#8fd3ff", "switch": "#e6b3ff"},
    paused="#ffffff", cue_text="#7dffef", on_accent="#000000",
    sharp_pain=("#ff9a9a", "#ffc4c4"), unwell=("#ffd23f", "#ffe58a"), toggle_on="#ffff00",
    flash="#ffff00", chart_background="#000000", chart_foreground="#ffffff",
    chart_bands={"green": (125, 255, 125, 40), "amber": (255, 210, 63, 40),
                 "red": (255, 154, 154, 40)},
    chart_lane=(255, 255, 255, 30), chart_band_label="#ffffff",
    mean_line="#ffffff", mean_casing="#000000", usual_dots=("#8fd3ff", "#8fd3ff"),
    usual_range=(143, 211, 255, 75),
    dot_outline="#000000",
    context_dots={"check_in": "#8fd3ff", "before": "#ffffff", "after": "#ffd23f",
                  "next_morning": "#7dffef"},
    session_tick="#7dffef", stop_mark="#ff9a9a", legend_fill=(0, 0, 0, 230),
    legend_off="#bbbbbb", hover=("#ffffff", "#000000", "#ffffff"),
    verdict={"better": "#7dff7d", "somewhat_better": "#b8ff8a", "same": "#ffffff",
             "somewhat_worse": "#ffd23f", "worse": "#ff9a9a"},
    outlines=True, disabled_text="#a6a6a6",
)

THEMES = ("system", "light", "dark")
TEXT_SCALES = (100, 125, 150, 175, 200)
# The application font's size before any scaling, kept so a second apply (tests)
# does not scale twice.
_BASE_POINT_SIZE = "coachBasePointSize"
_TEXT_SCALE = "coachTextScale"  # the text size applied, in % (scale_text)
#: Check boxes and radio buttons at 100 % text, in pixels (as Fusion draws them).
INDICATOR_PX = 14
# The platform's own style, given back when a light theme follows a dark one.
_PLATFORM_STYLE = "coachPlatformStyle"

_current: Theme = LIGHT


def current() -> Theme:
    """The theme in effect (light until :func:`apply` chose one)."""
    return _current


class ThemeNotifier(QObject):
    """Announces a change of theme, and follows the desktop's light or dark scheme
    while the appearance setting is "System" (Qt 6.5+ ``colorSchemeChanged``).

    Signals:
        changed(Theme): another theme is now in effect (see :func:`follow`).
    """

    changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.settings: Settings | None = None  # whose appearance the desktop may change
        self.applying = False
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.desktop_changed)

    def desktop_changed(self, _scheme: Qt.ColorScheme | None = None) -> None:
        """The desktop switched scheme: take it up if the setting says "System"
        (not while :func:`apply_theme` itself requests a scheme)."""
        app = QApplication.instance()
        if self.applying or self.settings is None or not isinstance(app, QApplication):
            return
        if follows_desktop(self.settings):
            apply_theme(app, self.settings)


_notifier: ThemeNotifier | None = None


def notifier() -> ThemeNotifier:
    """The one notifier (made on first use, once an application exists)."""
    global _notifier
    if _notifier is None:
        _notifier = ThemeNotifier()
    return _notifier


class _Follower(QObject):
    """Calls one function with each new theme; a child of the widget it colours, so
    Qt drops the connection when the widget goes."""

    def __init__(self, widget: QObject, paint: Callable[[Theme], object], name: str) -> None:
        super().__init__(widget)
        self.setObjectName(name)
        self.paint = paint
        notifier().changed.connect(self._changed)

    def _changed(self, colours: Theme) -> None:
        self.paint(colours)


def fill_when_checked(button: QWidget) -> None:
    """A checkable push button filled in the accent while checked: the style's own
    checked look (a shade darker) is hard to tell from not checked, in dark most of all."""
    follow(button, lambda c: button.setStyleSheet(
        "QPushButton { padding: 4px 12px; } QPushButton:checked { "
        f"background: {c.toggle_on}; color: {c.on_accent}; }}"), name="checkedFill")


def follow(widget: QObject, paint: Callable[[Theme], object], *, name: str = "") -> None:
    """Call ``paint(theme)`` now and again whenever the theme changes, for as long as
    *widget* lives. A *name* makes a later ``follow`` of the same name on the same
    widget replace this one instead of adding to it (a label coloured again)."""
    paint(_current)
    if name:
        old = widget.findChild(_Follower, name, Qt.FindChildOption.FindDirectChildrenOnly)
        if old is not None:
            old.paint = paint
            return
    _Follower(widget, paint, name or "themeFollower")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def choose(name: str, high_contrast: bool, *, system_dark: bool | None = None) -> Theme:
    """The theme for the settings: *name* is "system", "light" or "dark" (anything
    else counts as "system")."""
    if high_contrast:
        return HIGH_CONTRAST
    if name not in THEMES or name == "system":
        dark = system_is_dark() if system_dark is None else system_dark
        return DARK if dark else LIGHT
    return DARK if name == "dark" else LIGHT


def follows_desktop(settings: Settings) -> bool:
    """Whether the desktop's light or dark scheme decides the theme."""
    return not settings.get(config.HIGH_CONTRAST) and settings.get(config.THEME) not in (
        "light", "dark")


def clamp_scale(value: object) -> int:
    """A text size in per cent, 100-200; anything hostile gives 100."""
    try:
        scale = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return 100
    return max(100, min(200, scale))


def apply(app: QApplication, settings: Settings) -> Theme:
    """At start: the saved theme, high contrast and text size (the text size only
    here: fonts are sized from it as widgets are built)."""
    theme = apply_theme(app, settings)
    scale_text(app, clamp_scale(settings.get(config.TEXT_SCALE)))
    return theme


def apply_theme(app: QApplication, settings: Settings) -> Theme:
    """Make the saved theme and high contrast the current theme, now, and tell the
    followers (:func:`follow`) if it changed; from then on follow the desktop's
    scheme whenever the setting is "System".

    A light theme on a light desktop keeps the platform's own style and palette. A
    dark or high-contrast theme (or light on a dark desktop) sets our palette under
    the Fusion style: the native styles of Windows ("windowsvista") and some Linux
    desktops ignore an application palette, Fusion honours every role of it."""
    global _current
    told = notifier()
    told.settings = settings
    hints = QGuiApplication.styleHints()
    told.applying = True
    try:
        hints.unsetColorScheme()  # what the desktop itself says, not our last request
        desktop_dark = system_is_dark()
        theme = choose(settings.get(config.THEME), settings.get(config.HIGH_CONTRAST),
                       system_dark=desktop_dark)
        if theme.dark or desktop_dark:
            # The platform's style, remembered before it is first replaced. Asked only
            # here: PySide6 builds QStyle's enums (~3 ms) when app.style() is first
            # called, and a light start keeps the style it has.
            if not isinstance(app.property(_PLATFORM_STYLE), str):
                app.setProperty(_PLATFORM_STYLE, app.style().name())
            if app.style().name().lower() != "fusion":
                app.setStyle("Fusion")
            app.setPalette(theme.palette())
            if not follows_desktop(settings):
                hints.setColorScheme(Qt.ColorScheme.Dark if theme.dark
                                     else Qt.ColorScheme.Light)
        else:  # the platform's own style and palette (a default QPalette resolves to it)
            platform = app.property(_PLATFORM_STYLE)  # unset: never replaced
            if isinstance(platform, str) and app.style().name().lower() != platform.lower():
                app.setStyle(platform)
            palette = QPalette()
            palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
            app.setPalette(palette)
        _set_style_sheet(app, theme)
    finally:
        told.applying = False
    changed = theme is not _current
    _current = theme
    if changed:
        told.changed.emit(theme)
    return theme


def scale_text(app: QApplication, percent: int) -> None:
    """Scale the application font to *percent* of the platform's size. Fonts built
    as "the widget's font + n points" then grow with it."""
    base = app.property(_BASE_POINT_SIZE)
    font = QFont(app.font())
    if not isinstance(base, float):
        base = font.pointSizeF()
        app.setProperty(_BASE_POINT_SIZE, base)
    font.setPointSizeF(base * clamp_scale(percent) / 100)
    app.setFont(font)
    app.setProperty(_TEXT_SCALE, clamp_scale(percent))
    _set_style_sheet(app, _current)


def _set_style_sheet(app: QApplication, theme: Theme) -> None:
    """*theme*'s style sheet at the text size applied, if it is not the one set (a
    new sheet polishes every widget again)."""
    scale = app.property(_TEXT_SCALE)
    sheet = theme.style_sheet(scale if isinstance(scale, int) else 100)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    def luminance(name: str) -> float:
        colour = QColor(name)
        channels = []
        for c in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
