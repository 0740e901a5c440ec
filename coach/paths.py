"""Where Knee Coach keeps things: the one module that knows the app's folders.

The data folder (journal, settings, user routines, log) comes from platformdirs
unless ``--data-dir`` or the ``COACH_DATA_DIR`` environment variable redirects it.
Bundled routines and assets are found inside the installed package (the wheel
puts them in ``coach/_bundled``) or, when running from a source checkout, at the
top of the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

APP_NAME = "KneeCoach"
ENV_DATA_DIR = "COACH_DATA_DIR"
JOURNAL_FILE = "journal.sqlite3"
SETTINGS_FILE = "settings.ini"
LOG_FILE = "coach.log"
USER_ROUTINES = "routines"
PLAN_FILE = "plan.json"
#: What tomllib made of the routine files, so that the next start need not parse them.
ROUTINE_CACHE_FILE = "cache/routines.json"
REMINDER_STATE_FILE = "reminders.json"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder: *override*, else ``$COACH_DATA_DIR``, else platformdirs."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def default_data_dir() -> Path:
    """The platform's data folder for Knee Coach (platformdirs)."""
    import platformdirs  # imported here so that the CLI pays only when needed

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _bundled(name: str) -> Path:
    """Folder *name* ("routines" or "assets"), from the wheel or the source tree."""
    packaged = _PACKAGE / "_bundled" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def bundled_routines_dir() -> Path:
    return _bundled("routines")


def assets_dir() -> Path:
    return _bundled("assets")


def translations_dir() -> Path:
    return _PACKAGE / "translations"

