"""Reading small files from outside safely: only an ordinary file, and only so much
of it. A pipe in a file's place would block the reader for ever, and a device such as
``/dev/zero`` would never end."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotOrdinaryFile(OSError):
    """A pipe, device, socket or folder where a file was expected."""

    def __init__(self, path: Path) -> None:
        super().__init__(0, "not an ordinary file", str(path))


def is_ordinary_or_missing(path: Path) -> bool:
    """Whether *path* is an ordinary file (following links) or nothing at all: what a
    reader that cannot be told otherwise (QSettings) may be given."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:  # unreadable: the reader says so in its own way, and does not hang
        return True


def read_capped(path: Path, limit: int) -> bytes:
    """At most *limit* + 1 bytes of the ordinary file *path* (one more than allowed, so
    the caller can tell a file that is too large). Raises :class:`FileNotFoundError`,
    :class:`NotOrdinaryFile` or another :class:`OSError`."""
    # Opened without blocking: a pipe opened for reading waits for a writer otherwise.
    # The file opened is checked, not the name: it may have been swapped meanwhile.
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_BINARY", 0))
    with open(os.open(path, flags), "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotOrdinaryFile(path)
        return handle.read(limit + 1)
