"""Ask the system not to blank the screen while a session runs.

Linux desktops: the freedesktop ScreenSaver D-Bus interface (Inhibit / UnInhibit).
Windows: SetThreadExecutionState. Elsewhere, or without a session bus, nothing
happens and :attr:`KeepAwake.active` stays False.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

_ES_CONTINUOUS = 0x80000000
_ES_DISPLAY_REQUIRED = 0x00000002


class KeepAwake(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cookie: int | None = None
        self.active = False

    def start(self, reason: str) -> None:
        if self.active:
            return
        if sys.platform == "win32":
            import ctypes

            flags = _ES_CONTINUOUS | _ES_DISPLAY_REQUIRED
            self.active = bool(ctypes.windll.kernel32.SetThreadExecutionState(flags))
            return
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError:
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        screensaver = QDBusInterface("org.freedesktop.ScreenSaver",
                                     "/org/freedesktop/ScreenSaver",
                                     "org.freedesktop.ScreenSaver", bus)
        if not screensaver.isValid():
            return
        reply = screensaver.call("Inhibit", "Knee Coach", reason)
        arguments = reply.arguments()
        if arguments:
            self._cookie = int(arguments[0])
            self.active = True
        else:
            log.info("screen saver inhibit refused: %s", reply.errorMessage())

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        if sys.platform == "win32":
            import ctypes

            ctypes.windll.kernel32.SetThreadExecutionState(_ES_CONTINUOUS)
            return
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        screensaver = QDBusInterface("org.freedesktop.ScreenSaver",
                                     "/org/freedesktop/ScreenSaver",
                                     "org.freedesktop.ScreenSaver",
                                     QDBusConnection.sessionBus())
        if self._cookie is not None and screensaver.isValid():
            screensaver.call("UnInhibit", self._cookie)
        self._cookie = None
