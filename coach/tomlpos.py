"""Line numbers for keys in a TOML document.

``tomllib`` parses but forgets where things were. Validation messages must say
``FILE:LINE``, so this small scanner walks the (already valid) TOML text once and
records the line on which every key and every array element starts, keyed by its
path, e.g. ``("steps", 2, "title", "en")``. It never raises: on anything it does not
understand it returns what it has so far, and callers fall back to a parent path.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.line = 1
        self.lines: dict[Path, int] = {}
        self.aot_counts: dict[Path, int] = {}

    # -- low-level helpers -------------------------------------------------
    def peek(self, n: int = 1) -> str:
        return self.s[self.i : self.i + n]

    def advance(self, n: int = 1) -> None:
        chunk = self.s[self.i : self.i + n]
        self.line += chunk.count("\n")
        self.i += n

    def skip_ws(self, newlines: bool = False) -> None:
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.advance()
            elif c == "#":
                end = self.s.find("\n", self.i)
                self.advance((len(self.s) if end < 0 else end) - self.i)
            else:
                return

    def record(self, path: Path, line: int) -> None:
        self.lines.setdefault(path, line)

    # -- keys --------------------------------------------------------------
    def read_string(self) -> str:
        for quote in ('"""', "'''"):
            if self.peek(3) == quote:
                self.advance(3)
                end = self.s.find(quote, self.i)
                while end >= 0 and quote == '"""' and _escaped(self.s, end):
                    end = self.s.find(quote, end + 1)
                end = len(self.s) if end < 0 else end
                # A closing run may hold up to two extra quotes that belong to the value.
                while self.s[end + 3 : end + 4] == quote[0]:
                    end += 1
                value = self.s[self.i : end]
                self.advance(end + 3 - self.i)
                return value
        quote = self.peek()
        self.advance()
        start = self.i
        while self.i < len(self.s) and self.s[self.i] != quote and self.s[self.i] != "\n":
            if quote == '"' and self.s[self.i] == "\\":
                self.advance()
            self.advance()
        value = self.s[start : self.i]
        self.advance()
        return value

    def read_key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_ws()
            c = self.peek()
            if c in ('"', "'"):
                parts.append(self.read_string())
            else:
                m = _BARE_KEY.match(self.s, self.i)
                if not m:
                    raise ValueError("key expected")
                parts.append(m.group())
                self.advance(m.end() - self.i)
            self.skip_ws()
            if self.peek() != ".":
                return parts
            self.advance()

    # -- values --------------------------------------------------------------
    def read_value(self, path: Path) -> None:
        c = self.peek()
        if c in ('"', "'"):
            self.read_string()
        elif c == "[":
            self.advance()
            index = 0
            while True:
                self.skip_ws(newlines=True)
                if self.peek() == "]":
                    self.advance()
                    return
                self.record(path + (index,), self.line)
                self.read_value(path + (index,))
                index += 1
                self.skip_ws(newlines=True)
                if self.peek() == ",":
                    self.advance()
        elif c == "{":
            self.advance()
            while True:
                self.skip_ws()
                if self.peek() == "}":
                    self.advance()
                    return
                self.read_pair(path)
                self.skip_ws()
                if self.peek() == ",":
                    self.advance()
        else:
            m = re.compile(r"[^,\]}\s#]+").match(self.s, self.i)
            if not m:
                raise ValueError("value expected")
            self.advance(m.end() - self.i)

    def read_pair(self, table: Path) -> None:
        line = self.line
        key = self.read_key()
        for n in range(1, len(key) + 1):
            self.record(table + tuple(key[:n]), line)
        self.skip_ws()
        if self.peek() != "=":
            raise ValueError("= expected")
        self.advance()
        self.skip_ws()
        self.read_value(table + tuple(key))

    # -- tables --------------------------------------------------------------
    def resolve(self, key: list[str]) -> Path:
        """Turn a header key into a path, indexing through arrays of tables."""
        path: Path = ()
        for part in key:
            path = path + (part,)
            if path in self.aot_counts:
                path = path + (self.aot_counts[path] - 1,)
        return path

    def read_header(self) -> Path:
        line = self.line
        double = self.peek(2) == "[["
        self.advance(2 if double else 1)
        key = self.read_key()
        self.advance(2 if double else 1)
        if double:
            parent = self.resolve(key[:-1]) + (key[-1],)
            count = self.aot_counts.get(parent, 0)
            self.aot_counts[parent] = count + 1
            self.record(parent, line)
            path = parent + (count,)
        else:
            path = self.resolve(key)
        self.record(path, line)
        return path

    def run(self) -> dict[Path, int]:
        table: Path = ()
        try:
            while self.i < len(self.s):
                self.skip_ws(newlines=True)
                if self.i >= len(self.s):
                    break
                if self.peek() == "[":
                    table = self.read_header()
                else:
                    self.read_pair(table)
                self.skip_ws()
                if self.peek() == "\n":
                    self.advance()
        except (ValueError, IndexError):
            pass
        return self.lines


def _escaped(s: str, pos: int) -> bool:
    backslashes = 0
    while pos - backslashes - 1 >= 0 and s[pos - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def key_lines(text: str) -> dict[Path, int]:
    """Map every key path and array element in *text* to its 1-based line."""
    return _Scanner(text).run()


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """Line of *path*, or of its nearest recorded parent; None when nothing matches."""
    for n in range(len(path), 0, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return None
