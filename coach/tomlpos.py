"""Line numbers for keys in a TOML document, and a cheap check of its shape.

``tomllib`` parses but forgets where things were. Validation messages must say
``FILE:LINE``, so this small scanner walks the (already valid) TOML text once and
records the line on which every key and every array element starts, keyed by its
path, e.g. ``("steps", 2, "title", "en")``. It never raises: on anything it does not
understand it returns what it has so far, and callers fall back to a parent path.

``tomllib`` has no limits of its own: deep nesting overflows the stack, and a key
with thousands of dotted parts costs time and memory quadratic in its parts.
:func:`first_excess` finds, in time linear in the text and before anything parses
it, the first place where a document goes over limits the caller chooses.
"""

from __future__ import annotations

import functools
import itertools
import re

Path = tuple[str | int, ...]

# A string as tomllib reads it: multi-line ones may end with up to two extra quotes
# that belong to the value; an unclosed one runs to the end of the line (or text).
_STRING = (r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+(?:"{3,5}|\Z)'
           r"|'''(?:[^']++|'(?!''))*+(?:'{3,5}|\Z)"
           r'|"(?:[^"\\\n]++|\\.)*+"?'
           r"|'[^'\n]*+'?")
_COMMENT = r"#[^\n]*+"


class _Syntax:
    """The scanner's patterns. Compiled at the first scan, not at import: the scanner
    runs only when a routine file has something to report, and compiling them costs
    about 1 ms of every start-up."""

    def __init__(self) -> None:
        self.bare_key = re.compile(r"[A-Za-z0-9_-]+")
        self.string = re.compile(_STRING)
        self.space = re.compile(r"(?:[ \t\r]++|#[^\n]*+)*+")
        self.space_or_newline = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")
        # A date-time may have a space between date and time: ``1979-05-27 07:32:00Z``.
        self.scalar = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:[^,\]}\s#]*+|[^,\]}\s#]++")
        self.escape = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))",
                                 re.DOTALL)


_syntax = functools.cache(_Syntax)
_ESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
# What the scanner follows at most; the caller's limits (first_excess) are far lower.
_SCAN_DEPTH = 200
_SCAN_PARTS = 200


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.line = 1
        self.lines: dict[Path, int] = {}
        self.aot_counts: dict[Path, int] = {}
        self.re = _syntax()

    # -- low-level helpers -------------------------------------------------
    def peek(self, n: int = 1) -> str:
        return self.s[self.i : self.i + n]

    def advance(self, n: int = 1) -> None:
        self.line += self.s.count("\n", self.i, self.i + n)
        self.i += n

    def skip_ws(self, newlines: bool = False) -> None:
        if self.s[self.i : self.i + 1] not in (" ", "\t", "\r", "\n", "#"):
            return  # the usual case, and the end of the text
        match = (self.re.space_or_newline if newlines else self.re.space).match(self.s, self.i)
        if match:
            self.advance(match.end() - self.i)

    def record(self, path: Path, line: int) -> None:
        self.lines.setdefault(path, line)

    # -- keys --------------------------------------------------------------
    def read_string(self) -> str:
        """The string at the cursor, quotes included."""
        match = self.re.string.match(self.s, self.i)
        if not match:
            raise ValueError("string expected")
        self.advance(match.end() - self.i)
        return match.group()

    def read_key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_ws()
            c = self.peek()
            if c in ('"', "'"):
                parts.append(_key_text(self.read_string()))
            else:
                m = self.re.bare_key.match(self.s, self.i)
                if not m:
                    raise ValueError("key expected")
                parts.append(m.group())
                self.advance(m.end() - self.i)
            if len(parts) > _SCAN_PARTS:
                raise ValueError("key too long to follow")
            self.skip_ws()
            if self.peek() != ".":
                return parts
            self.advance()

    # -- values --------------------------------------------------------------
    def read_value(self, path: Path) -> None:
        if len(path) > _SCAN_DEPTH:
            raise ValueError("nested too deep to follow")
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
            m = self.re.scalar.match(self.s, self.i)
            if not m:
                raise ValueError("value expected")
            self.advance(m.end() - self.i)

    def read_pair(self, table: Path) -> None:
        line = self.line
        path = table
        for part in self.read_key():
            path = path + (part,)
            self.record(path, line)
        self.skip_ws()
        if self.peek() != "=":
            raise ValueError("= expected")
        self.advance()
        self.skip_ws()
        self.read_value(path)

    # -- tables --------------------------------------------------------------
    def resolve(self, key: list[str], line: int) -> Path:
        """Turn a header key into a path, indexing through arrays of tables, and give
        the tables it creates on the way (``extra`` for ``[extra.stuff]``) its line."""
        path: Path = ()
        for part in key:
            path = path + (part,)
            if path in self.aot_counts:
                path = path + (self.aot_counts[path] - 1,)
            self.record(path, line)
        return path

    def read_header(self) -> Path:
        line = self.line
        double = self.peek(2) == "[["
        self.advance(2 if double else 1)
        key = self.read_key()
        self.advance(2 if double else 1)
        if double:
            parent = self.resolve(key[:-1], line) + (key[-1],)
            count = self.aot_counts.get(parent, 0)
            self.aot_counts[parent] = count + 1
            self.record(parent, line)
            path = parent + (count,)
        else:
            path = self.resolve(key, line)
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
        except (ValueError, IndexError, RecursionError):
            pass
        return self.lines


def _key_text(quoted: str) -> str:
    """A quoted key as tomllib reads it: ``"col\\u006fur"`` is the key ``colour``."""
    if quoted.startswith("'"):
        return quoted[1:-1]

    def one(m: re.Match[str]) -> str:
        code = m.group(1) or m.group(2)
        if code is None:
            return _ESCAPED.get(m.group(3), m.group())
        number = int(code, 16)
        return chr(number) if number <= 0x10FFFF else m.group()

    return _syntax().escape.sub(one, quoted[1:-1])


def key_lines(text: str) -> dict[Path, int]:
    """Map every key path and array element in *text* to its 1-based line."""
    return _Scanner(text).run()


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """Line of *path*, or of its nearest recorded parent; None when nothing matches."""
    for n in range(len(path), 0, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return None


# -- limits -------------------------------------------------------------------
_WORD = "A-Za-z0-9_-"


class _Exact:
    """The patterns of the full scan, compiled at its first use (ordinary files never
    need it: see :func:`_surely_within`)."""

    def __init__(self) -> None:
        self.string_or_comment = re.compile(_STRING + "|" + _COMMENT)
        self.item = re.compile(r"[=,.\[{]")
        self.brackets = re.compile(r"[\[{]|[\]}]+")


_exact = functools.cache(_Exact)


@functools.cache
def _long_key(parts: int) -> re.Pattern[str]:
    # Starts only where a word starts, and never backtracks into a word, so the
    # search stays linear however long the words and dotted runs are.
    return re.compile(rf"(?<![{_WORD}])(?:[{_WORD}]++[ \t]*+\.[ \t]*+){{{parts}}}[{_WORD}]")


@functools.cache
def _long_number(digits: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9_])[0-9](?:_?[0-9]){{{digits}}}")  # "-9" counts


def _skeleton(text: str) -> str:
    """*text* with each string reduced to ``S`` (a quoted key part still counts as a
    part) and comments removed, keeping every newline so that lines still count."""

    def blank(m: re.Match[str]) -> str:
        found = m.group()
        return ("" if found[0] == "#" else "S") + "\n" * found.count("\n")

    return _exact().string_or_comment.sub(blank, text)


class _Quick:
    """What :func:`_surely_within` needs, made at its first use: the same strings and
    comments as bytes, and tables for ``bytes.translate``."""

    def __init__(self) -> None:
        self.string_or_comment = re.compile((_STRING + "|" + _COMMENT).encode())
        every = bytes(range(256))
        self.not_brackets = bytes(c for c in every if c not in b"[]{}")
        self.closers_alike = bytes.maketrans(b"{}", b"[]")
        self.word_or_blank = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_- \t"
        self.dots_only = bytes(c if c == ord(".") else ord("|") for c in every)
        self.digits_only = bytes(ord("0") if c in b"0123456789_" else ord("|") for c in every)


_quick = functools.cache(_Quick)


def _surely_within(text: str, *, key_parts: int, nesting: int, items: int,
                   digits: int) -> bool:
    """True only when *text* is within every limit of :func:`first_excess`; a quick
    look that ordinary routine files pass, about 3x faster than the full scan.

    It finds strings and comments with the full scan's own pattern (on UTF-8 bytes,
    where it matches the same spans), but does not keep their newlines, nor count
    lines; what is left is small and is looked at with ``bytes`` methods only:

    - items and nesting exactly as the full scan counts them (the brackets alone,
      with adjacent pairs removed in rounds: after ``r`` rounds no pair is left only
      when no pair encloses ``r`` others; the openers left unclosed add to that);
    - a dotted key: its dots lie on one line with only words, ``S`` for quoted parts,
      spaces and tabs between them, so deleting those leaves its dots side by side;
    - a long number: its digits and underscores are side by side here too.

    False may also mean a harmless text (ten full stops in a row outside strings,
    say); the full scan then decides.
    """
    quick = _quick()
    rest = quick.string_or_comment.sub(b"S", text.encode("utf-8", "surrogatepass"))
    if sum(map(rest.count, (b"=", b",", b".", b"[", b"{"))) > items:
        return False
    brackets = rest.translate(quick.closers_alike, quick.not_brackets)
    rounds = 0
    while b"[]" in brackets:
        if rounds == nesting:
            return False
        brackets = brackets.replace(b"[]", b"")
        rounds += 1
    if rounds + brackets.count(b"[") > nesting:
        return False
    if b"." * key_parts in rest.translate(quick.dots_only, quick.word_or_blank):
        return False
    return b"0" * (digits + 1) not in rest.translate(quick.digits_only)


def first_excess(text: str, *, key_parts: int, nesting: int, items: int,
                 digits: int) -> tuple[str, int] | None:
    """The first place where *text* goes over a limit, as ``(what, line)``.

    *what* is ``"key_parts"`` (a dotted key or table name with more parts),
    ``"nesting"`` (lists and inline tables nested deeper), ``"items"`` (more
    ``=``, ``,``, ``.``, ``[`` and ``{`` outside strings: keys, tables and list
    items) or ``"digits"`` (a number with more digits). Strings and comments are
    skipped the way tomllib reads them, so wherever tomllib would parse, this
    sees the same structure.
    """
    limits = {"key_parts": key_parts, "nesting": nesting, "items": items, "digits": digits}
    if _surely_within(text, **limits):
        return None
    return _full_scan(text, **limits)


def _full_scan(text: str, *, key_parts: int, nesting: int, items: int,
               digits: int) -> tuple[str, int] | None:
    """:func:`first_excess` without the quick look first."""
    exact = _exact()
    skeleton = _skeleton(text)
    found: list[tuple[int, str]] = []
    over = next(itertools.islice(exact.item.finditer(skeleton), items, None), None)
    if over:
        found.append((over.start(), "items"))
    for what, pattern in (("key_parts", _long_key(key_parts)),
                          ("digits", _long_number(digits))):
        match = pattern.search(skeleton)
        if match:
            found.append((match.start(), what))
    depth = 0
    for bracket in exact.brackets.finditer(skeleton):
        if bracket.group() in "[{":
            depth += 1
            if depth > nesting:
                found.append((bracket.start(), "nesting"))
                break
        else:
            depth = max(0, depth - len(bracket.group()))
    if not found:
        return None
    position, what = min(found)
    return what, skeleton.count("\n", 0, position) + 1
