"""One Knee Coach per data folder: the first copy holds a lock file there and answers
on a local socket; a later launch hands its request (come to the front, or start a
routine) to that copy and exits.

Two windows on one folder write one journal from two processes and keep two ideas
of the settings; a double click on the icon used to do just that.
"""

from __future__ import annotations

import contextlib
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from coach.ui.main_window import MainWindow

log = logging.getLogger("coach")

LOCK_FILE = "instance.lock"
# How long a later launch waits for the running copy to answer (seconds): the first
# copy of a double click may still be building its window.
ANSWER_WAIT = 5.0
# The longest request or reply read from the socket (bytes); anything longer is cut off.
MAX_MESSAGE = 1024
_OK = b'{"ok": true}\n'


def server_name(data_dir: Path) -> str:
    """The local socket's name for *data_dir*: short (socket paths are limited to about
    100 bytes) and the same for every spelling of the folder."""
    import hashlib  # ~2 ms (OpenSSL): asked after the first paint, or by a second launch

    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()
    return f"knee-coach-{digest[:20]}"


class Request(NamedTuple):
    """What a later launch asks of the running copy: come to the front, and start
    *routine* (an id) if given, at *level* if given."""

    routine: str | None = None
    level: int | None = None

    def encode(self) -> bytes:
        message: dict[str, object] = {"action": "raise"} if self.routine is None else \
            {"action": "run", "routine": self.routine}
        if self.routine is not None and self.level is not None:
            message["level"] = self.level
        import json  # only when another copy is running: not on the first screen's path

        return json.dumps(message).encode("ascii") + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Request | None:
        """The request in *line*, or None for anything else: whatever connects to the
        socket is not trusted."""
        import json

        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        if not isinstance(message, dict):
            return None
        action, routine = message.get("action"), message.get("routine")
        if action == "raise":
            return cls()
        level = message.get("level")
        if level is not None and (isinstance(level, bool) or not isinstance(level, int)
                                  or not 1 <= level <= 99):
            return None
        if action == "run" and isinstance(routine, str) and 0 < len(routine) <= 200:
            return cls(routine, level)
        return None


class NoAnswer(Exception):
    """Another copy holds the data folder but does not answer; the message is fit to
    show."""


class InstanceLock(QObject):
    """This process's claim on a data folder, and the socket later launches call.

    Signals:
        requested(Request): a later launch asked for something; emitted once it has
            been answered, so a dialog opened in response does not keep it waiting.
    """

    requested = Signal(object)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock_path = data_dir / LOCK_FILE
        self._lock = QLockFile(str(self.lock_path))
        # The app holds the lock for hours: a lock is stale only when its process is
        # gone (Qt checks), never for its age alone, or a later launch would take the
        # folder from a copy that is running.
        self._lock.setStaleLockTime(0)
        self.held = False
        self._server: QLocalServer | None = None

    def try_lock(self) -> bool:
        """Take the folder; False only when another copy holds it. A folder that cannot
        hold a lock file (read-only) is not refused: nothing can be saved there anyway."""
        if self.held:
            return True
        with contextlib.suppress(OSError):
            self.data_dir.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(0):
            self.held = True
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        log.warning("cannot lock %s (%s): other copies of Knee Coach will not find this one",
                    self.lock_path, self._lock.error().name)
        return True

    def listen(self) -> None:
        """Answer later launches. Called once the window is up: QtNetwork takes ~12 ms
        to load, which the first paint does not wait for."""
        if not self.held or self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.data_dir)
        # A socket left by a copy that was killed: ours to clear, as we hold the lock.
        QLocalServer.removeServer(name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(name):
            log.warning("cannot answer other launches on %s: %s", name, server.errorString())
        self._server = server

    def release(self) -> None:
        """Stop answering and free the folder (the lock file goes)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self.held:
            self._lock.unlock()
            self.held = False

    def _accept(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            _Caller(self._server.nextPendingConnection(), self)


class _Caller(QObject):
    """One connection: read one line (bounded, in at most ANSWER_WAIT), answer a valid
    request, drop anything else."""

    def __init__(self, socket: QLocalSocket, lock: InstanceLock) -> None:
        super().__init__(socket)
        self._socket = socket
        self._lock = lock
        self._buffer: bytes | None = b""
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(socket.deleteLater)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._drop)  # a caller that says nothing is dropped
        self._timer.start(int(ANSWER_WAIT * 1000))
        self._read()  # bytes may have come with the connection

    def _drop(self) -> None:
        self._buffer = None
        self._socket.abort()
        self._socket.deleteLater()

    def _read(self) -> None:
        socket = self._socket
        if self._buffer is None:
            return
        self._buffer += socket.read(MAX_MESSAGE + 1 - len(self._buffer)).data()
        line, newline, _rest = self._buffer.partition(b"\n")
        if not newline:
            if len(self._buffer) > MAX_MESSAGE:
                self._drop()
            return
        self._buffer = None  # one request per connection
        request = Request.decode(line)
        if request is None:
            self._drop()
            return
        self._timer.stop()
        socket.write(_OK)
        socket.disconnectFromServer()  # after the answer is written
        self._lock.requested.emit(request)


def ask_running_copy(data_dir: Path, request: Request, timeout: float) -> bool:
    """Hand *request* to the copy that answers for *data_dir*; True once it has
    answered, False if nothing listens or no answer came within *timeout* seconds."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + timeout

    def left_ms() -> int:
        return max(0, int((deadline - time.monotonic()) * 1000))

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    try:
        if not socket.waitForConnected(left_ms()):
            return False
        socket.write(request.encode())
        if socket.bytesToWrite() and not socket.waitForBytesWritten(left_ms()):
            return False
        reply = b""
        while b"\n" not in reply and len(reply) <= MAX_MESSAGE:
            if not socket.bytesAvailable() and not socket.waitForReadyRead(left_ms()):
                return False
            reply += socket.read(MAX_MESSAGE + 1 - len(reply)).data()
        return reply.startswith(_OK)
    finally:
        socket.abort()


def claim(data_dir: Path, request: Request, *, wait: float = ANSWER_WAIT
          ) -> InstanceLock | None:
    """Take *data_dir* for this process, or hand *request* to the copy that has it.

    Returns the held lock (call :meth:`InstanceLock.listen` once the window is up), or
    None when the running copy took the request. Raises :class:`NoAnswer` if another
    copy holds the folder but has not answered within *wait* seconds (still starting,
    or hung): never two windows on one folder."""
    lock = InstanceLock(data_dir)
    deadline = time.monotonic() + wait
    while not lock.try_lock():
        left = deadline - time.monotonic()
        if left <= 0:
            raise NoAnswer(
                f"Knee Coach is already open on {data_dir} but does not answer; if it is "
                f"not running, delete {lock.lock_path} and try again")
        if ask_running_copy(data_dir, request, left):
            return None
        # Not listening yet (its window is still being built) or just closed: the
        # lock may be free by now.
        time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
    return lock


def bring_forward(window: MainWindow, request: Request) -> None:
    """Show the window to the user who launched the app again, and start the routine
    they asked for, unless a session or a question is on screen already."""
    window.bring_forward()
    if request.routine is not None and window.flow is None \
            and QApplication.activeModalWidget() is None:
        window.open_routine(request.routine, level=request.level)
