"""The window's settings: the keys declared in :mod:`coach.config`, read and written
through one typed wrapper over ``QSettings`` (an ini file beside the journal)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from coach import paths
from coach.config import Setting

T = TypeVar("T")


class Settings:
    """Typed access to the settings file: ``settings.get(config.SOUND)``."""

    def __init__(self, qsettings: QSettings, problem: str | None = None) -> None:
        self.qsettings = qsettings
        #: Why the settings file is not used (the window says so), or None.
        self.problem = problem
        self._spare: object = None

    @classmethod
    def open(cls, data_dir: Path) -> Settings:
        """The settings file in *data_dir*. Something else in its place (a pipe, which
        would block reading for ever, or a device that never ends) is left alone: the
        settings then start from the defaults in a throwaway file, and :attr:`problem`
        says why."""
        from coach.files import is_ordinary_or_missing

        path = data_dir / paths.SETTINGS_FILE
        if is_ordinary_or_missing(path):
            return cls(QSettings(str(path), QSettings.Format.IniFormat))
        import tempfile

        spare = tempfile.TemporaryDirectory(prefix="knee-coach-settings-")
        settings = cls(QSettings(str(Path(spare.name) / paths.SETTINGS_FILE),
                                 QSettings.Format.IniFormat),
                       problem=f"{path} is not an ordinary file")
        settings._spare = spare  # removed with the settings (or at exit)
        return settings

    def get(self, key: Setting[T]) -> T:
        if key.type is bytes:
            value = self.qsettings.value(key.name)
            if isinstance(value, QByteArray):
                return cast(T, value.data())
            return cast(T, value if isinstance(value, bytes) else key.default)
        try:
            if key.type is int:  # Qt reads "lots" as 0 and "inf" raises OverflowError
                return cast(T, int(self.qsettings.value(key.name, key.default)))
            return cast(T, self.qsettings.value(key.name, key.default, type=key.type))
        except (TypeError, ValueError, OverflowError):  # a hand-edited file: the default
            return key.default

    def set(self, key: Setting[T], value: T) -> None:
        if not isinstance(value, key.type):
            raise TypeError(f"setting {key.name} takes {key.type.__name__}, not {value!r}")
        self.qsettings.setValue(key.name, QByteArray(value) if isinstance(value, bytes)
                                else value)

    def sync(self) -> None:
        self.qsettings.sync()
