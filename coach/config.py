"""What the app is configured with: the resolved command-line :class:`Options`, and
every window setting declared once (name, type, default) in :data:`SETTINGS`.

The settings file is Qt's ini format, written by the window through
``coach.ui.settings.Settings``; the command-line tools read the one setting they
need (the language) here without Qt. No widget spells a settings key itself.
This module imports nothing from Qt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from coach import paths
from coach.cue_rules import CueEvent, VoiceKind
from coach.journal import Journal, open_journal
from coach.library import Library, load_library

T = TypeVar("T")


class Setting(NamedTuple, Generic[T]):
    """One key of the settings file: its name there, its type and its default."""

    name: str
    type: type[T]
    default: T


#: The settings file is read without Qt (the language, the baseline) up to this size.
MAX_SETTINGS_BYTES = 1024 * 1024
LANGUAGE = Setting("language", str, "system")  # "system", "en" or "ja"
SOUND = Setting("sound", bool, True)
VOICE = Setting("voice", bool, False)
LAST_ROUTINE = Setting("last_routine", str, "")
PAGE = Setting("page", str, "today")  # the tab shown: "today", "routines" or "trend"
REMINDERS = Setting("reminders", bool, True)  # remind at the weekly plan's times
#: Closing the window keeps the app running for reminders: "" not asked yet, else the
#: answer ("yes" or "no").
KEEP_RUNNING = Setting("keep_running", str, "")
BASELINE_START = Setting("baseline_start", str, "")  # ISO date, or "" for the first week
BASELINE_END = Setting("baseline_end", str, "")
FIRST_RUN_NOTICE_SEEN = Setting("first_run_notice_seen", bool, False)
# The newest journal kept aside that the window has told the user of (a command run
# outside it may have kept one, and said so only on its own stderr).
JOURNAL_KEPT_TOLD = Setting("journal/kept_told", str, "")
EXPORT_FOLDER = Setting("export_folder", str, "")  # "" for the home folder
THEME = Setting("theme", str, "system")  # "system", "light" or "dark"
HIGH_CONTRAST = Setting("high_contrast", bool, False)
TEXT_SCALE = Setting("text_scale", int, 100)  # per cent, 100-200
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"")
#: The text size the window's geometry was saved at (0: not known, an older file).
WINDOW_TEXT_SCALE = Setting("window/text_scale", int, 0)
WINDOW_SPLITTER = Setting("window/splitter", bytes, b"")
#: Each moment's own sound on or off (under the player's Sound switch).
CUE_SOUNDS: dict[CueEvent, Setting[bool]] = {
    event: Setting(f"cues/sound_{event.value}", bool, True) for event in CueEvent}
VOLUME = Setting("cues/volume", int, 80)  # per cent, 0-100
#: Each kind of spoken message on or off (under the player's Voice switch).
CUE_VOICES: dict[VoiceKind, Setting[bool]] = {
    kind: Setting(f"cues/voice_{kind.value}", bool, True) for kind in VoiceKind}
FLASH = Setting("cues/flash", bool, False)  # the player flashes at each cue



def weaker_side(routine_id: str) -> Setting[str]:
    """A routine's weaker leg for its extra work ("", "left" or "right"); routine ids
    are lowercase letters, digits and hyphens, safe in a settings key."""
    return Setting(f"weaker_side/{routine_id}", str, "")


#: Every setting, by its name in the file (a routine's weaker leg: :func:`weaker_side`).
SETTINGS: dict[str, Setting[object]] = {
    s.name: s for s in (  # type: ignore[misc]
        LANGUAGE, SOUND, VOICE, LAST_ROUTINE, PAGE, REMINDERS, KEEP_RUNNING,
        BASELINE_START, BASELINE_END, FIRST_RUN_NOTICE_SEEN, EXPORT_FOLDER, THEME,
        HIGH_CONTRAST, TEXT_SCALE, WINDOW_GEOMETRY, WINDOW_TEXT_SCALE, WINDOW_SPLITTER,
        VOLUME, FLASH, JOURNAL_KEPT_TOLD)}
SETTINGS.update({s.name: s for s in (  # type: ignore[misc]
    *CUE_SOUNDS.values(), *CUE_VOICES.values())})

LANGUAGES = ("en", "ja")


@dataclass
class Options:
    """What every command needs to know, resolved from options, env and settings."""

    data_dir: Path
    routine_dirs: list[Path] = field(default_factory=list)
    lang: str | None = None
    speed: float = 1.0

    @property
    def routine_folders(self) -> list[Path]:
        """Bundled first, then the user's folder (if it exists), then each
        ``--routines-dir`` (reported when missing: it was asked for)."""
        user = self.data_dir / paths.USER_ROUTINES
        return [paths.bundled_routines_dir(), *([user] if user.is_dir() else []),
                *self.routine_dirs]

    def load_library(self) -> Library:
        """The routines, with tomllib's work cached in the data folder (see
        :mod:`coach.routine_cache`; ``coach validate`` always parses)."""
        from coach.routine_cache import ParseCache

        return load_library(self.routine_folders, missing_ok=False,
                            cache=ParseCache(self.data_dir / paths.ROUTINE_CACHE_FILE))

    def open_journal(self) -> Journal:
        return open_journal(self.data_dir / paths.JOURNAL_FILE)

    def language(self, system: str | None = None) -> str:
        """--lang, else the saved setting, else the system locale (en or ja).

        *system* is the system locale name as the caller knows it (the window passes
        Qt's); without it the usual locale environment variables decide."""
        if self.lang:
            return self.lang
        saved = read_saved_language(self.data_dir)
        if saved:
            return saved
        if system:
            return "ja" if system.startswith("ja") else "en"
        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            if os.environ.get(var):
                return "ja" if os.environ[var].startswith("ja") else "en"
        import locale

        return "ja" if (locale.getlocale()[0] or "").startswith("ja") else "en"

    def window_arguments(self, routine_id: str | None = None) -> list[str]:
        """The command-line arguments that open the window again with these options
        (for a restart), without ``--lang``: a restart is for a new language."""
        args = ["--data-dir", str(self.data_dir)]
        for folder in self.routine_dirs:
            args += ["--routines-dir", str(folder)]
        if self.speed != 1.0:
            args += ["--speed", repr(self.speed)]
        if routine_id is not None:
            args += ["run", routine_id]
        return args


def _saved(data_dir: Path, key: Setting[str]) -> str:
    """A text setting from the window's settings file (Qt's ini format), read without
    Qt; "" when missing or unreadable."""
    import configparser

    from coach.files import read_capped

    parser = configparser.ConfigParser(interpolation=None)
    try:
        raw = read_capped(data_dir / paths.SETTINGS_FILE, MAX_SETTINGS_BYTES)
        if len(raw) > MAX_SETTINGS_BYTES:
            return ""
        parser.read_string(raw.decode("utf-8"))
        return parser.get("General", key.name, fallback="")
    except (OSError, configparser.Error, UnicodeDecodeError):  # OSError: none, or a pipe
        return ""


def read_saved_language(data_dir: Path) -> str | None:
    """The language chosen in the window's settings (Qt's ini file), if any."""
    value = _saved(data_dir, LANGUAGE)
    return value if value in LANGUAGES else None


def read_saved_baseline(data_dir: Path) -> tuple[date, date] | None:
    """The period the user chose to compare with on the trend page, if any (and if
    it reads as two dates in order)."""
    try:
        start = date.fromisoformat(_saved(data_dir, BASELINE_START))
        end = date.fromisoformat(_saved(data_dir, BASELINE_END))
    except ValueError:
        return None
    return (start, end) if start <= end else None
