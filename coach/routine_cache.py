"""What ``tomllib`` made of each routine file, kept in the data folder so that the
window's next start need not parse the files again (tomllib is most of loading them).

A file's entry holds its resolved path, size, modification time and the parsed table;
any change to the file misses. The table is validated like a freshly parsed one, and a
file with problems is never served from here (it is parsed again, so that its problems
name their lines). The cache is only a shortcut: a missing, damaged or hostile file is
ignored and rewritten, and a cache that cannot be read or written never stops the app.
The bundled routines come with their tables already made (:data:`BUNDLED_TABLES`,
written by ``scripts/bundle_routine_tables.py``), so that even the first start, with
an empty data folder, reads JSON instead of importing and running tomllib. A table
there is used only for a bundled file whose bytes match it (size and CRC-32); any
other file, or an edited one, is parsed as usual.
This module imports nothing from Qt.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from coach.files import read_capped

#: Bump when the entries' layout or the meaning of a parsed table changes.
VERSION = 1
#: A cache larger than this is not read (the six bundled routines take about 70 KiB).
MAX_BYTES = 4 * 1024 * 1024
#: The bundled routines' tables, in the bundled routines folder.
BUNDLED_TABLES = "parsed-tables.json"

_bundled: dict[str, Any] | None = None


def is_bundled(file: Path) -> bool:
    """Whether *file* is one of the routines that come with Knee Coach."""
    from coach.paths import bundled_routines_dir

    return file.parent == bundled_routines_dir()


def bundled_table(file: Path, raw: bytes) -> dict[str, Any] | None:
    """The table of bundled routine *file* whose bytes are *raw*, made when the
    package was built, or None (not a bundled file, edited since, or no tables)."""
    global _bundled
    from coach.paths import bundled_routines_dir

    if not is_bundled(file):
        return None
    folder = bundled_routines_dir()
    if _bundled is None:
        _bundled = {}
        with contextlib.suppress(OSError, ValueError, RecursionError):
            import json

            data = json.loads((folder / BUNDLED_TABLES).read_text(encoding="utf-8"),
                              parse_constant=_no_constant)
            if isinstance(data, dict) and data.get("version") == VERSION \
                    and isinstance(data.get("files"), dict):
                _bundled = data["files"]
    entry = _bundled.get(file.name)
    if not isinstance(entry, dict) or entry.get("size") != len(raw):
        return None
    import zlib

    if entry.get("crc32") != zlib.crc32(raw):
        return None
    table = entry.get("data")
    return table if isinstance(table, dict) else None


def bundle_tables(folder: Path) -> dict[str, Any]:
    """What :data:`BUNDLED_TABLES` holds for the routine files in *folder*."""
    import tomllib
    import zlib

    files = {}
    for file in sorted(folder.glob("*.toml")):
        raw = file.read_bytes()
        files[file.name] = {"size": len(raw), "crc32": zlib.crc32(raw),
                            "data": tomllib.loads(raw.decode("utf-8-sig"))}
    return {"version": VERSION, "files": files}


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number a routine file holds")


class ParseCache:
    """Parsed routine tables by file, read from and written to *path* (JSON)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, Any] | None = None  # read at the first lookup
        self._changed = False
        self._new: set[str] = set()  # entries put since the last save, not yet checked

    def _read(self) -> dict[str, Any]:
        if self._entries is None:
            self._entries = {}
            try:
                raw = read_capped(self.path, MAX_BYTES)
            except OSError:  # none yet (the usual first start), unreadable, or a pipe
                return self._entries
            if len(raw) > MAX_BYTES:
                self._changed = True
                return self._entries
            import json  # only when there is a cache to read

            try:
                data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
            except (ValueError, RecursionError):  # damaged: rewritten at the next save
                data = None
            if isinstance(data, dict) and data.get("version") == VERSION \
                    and isinstance(data.get("entries"), dict):
                self._entries = data["entries"]
            else:
                self._changed = True
        return self._entries

    @staticmethod
    def _key(file: Path) -> str:
        return str(file.resolve())

    def get(self, file: Path, info: os.stat_result) -> dict[str, Any] | None:
        """The parsed table of *file* as it was when its size and modification time
        were those in *info*, or None."""
        try:
            entry = self._read().get(self._key(file))
        except (OSError, RuntimeError):  # resolve() on a looping link
            return None
        if not isinstance(entry, dict) or entry.get("size") != info.st_size \
                or entry.get("mtime_ns") != info.st_mtime_ns:
            return None
        data = entry.get("data")
        return data if isinstance(data, dict) else None

    def put(self, file: Path, info: os.stat_result, data: dict[str, Any]) -> None:
        """Keep *data* (tomllib's table of *file*) at the next :meth:`save`, if JSON
        holds it exactly (checked there, off the start-up's path): TOML dates and
        times, and inf or nan, do not round-trip, so such a file is always parsed."""
        try:
            key = self._key(file)
        except (OSError, RuntimeError):
            return
        self._read()[key] = {"size": info.st_size, "mtime_ns": info.st_mtime_ns,
                             "data": data}
        self._new.add(key)
        self._changed = True

    def forget(self, file: Path) -> None:
        with contextlib.suppress(OSError, RuntimeError):
            key = self._key(file)
            self._new.discard(key)
            if self._read().pop(key, None) is not None:
                self._changed = True

    def save(self) -> None:
        """Write the cache if it changed: a new file renamed over the old one, so a
        reader sees the old cache or the new one, whole. Failures are ignored."""
        if not self._changed or self._entries is None:
            return
        import json

        for key in self._new:
            data = self._entries[key]["data"]
            try:
                same = json.loads(json.dumps(data, allow_nan=False)) == data
            except (TypeError, ValueError, RecursionError):
                same = False
            if not same:
                del self._entries[key]
        self._new.clear()
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            text = json.dumps({"version": VERSION, "entries": self._entries},
                              ensure_ascii=False, allow_nan=False)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.path)
            self._changed = False
        except (OSError, TypeError, ValueError, RecursionError):
            with contextlib.suppress(OSError):
                temporary.unlink()
