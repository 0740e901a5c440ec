"""Decides whether an SVG picture is safe to hand to Qt: self-contained, small, bounded.

Qt's SVG renderer opens any file an ``<image>`` or an ``<?xml-stylesheet?>`` names
(a FIFO there blocks it for ever) and expands ``<use>`` references without limit (a
1.8 KB file with twelve levels of four took 16 s per paint). So every picture, bundled
or from a user's routine folder, is read here with a size cap and parsed with a strict
parser before Qt sees it, and Qt is given the checked bytes, never the path. The
reasons are plain English, fit for ``FILE:LINE: message`` in ``coach validate``.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from xml.parsers import expat

from coach.files import NotOrdinaryFile, read_capped

MAX_BYTES = 512 * 1024
#: Elements in the file, and elements drawn once every ``<use>`` is expanded.
MAX_ELEMENTS = 10_000
MAX_DRAWN = 10_000
#: Qt itself stops drawing (with a warning) below 32 levels, counting ``<use>``
#: targets as a level; the root ``<svg>`` is level 1.
MAX_DEPTH = 32

#: Elements that load other files, embed other content or run code. Matched on the
#: local name in any namespace: Qt ignores namespaces and loads ``<x:image href>`` too.
FORBIDDEN = {
    "image": "an image",
    "feimage": "an image",
    "foreignobject": "foreign content",
    "script": "a script",
    "handler": "a script",
    "listener": "a script",
    "iframe": "another document",
    "animation": "another document",
    "video": "a video",
    "audio": "a sound",
    "font-face-uri": "a font file",
    "prefetch": "another file",
}
ANIMATIONS = {"set", "animate", "animatecolor", "animatemotion", "animatetransform"}

_URL = re.compile(r"url\(\s*([^)]*)\)", re.IGNORECASE)
_FRAGMENT = re.compile(r"#[^\s#()'\"\\]+")


class SvgRefused(ValueError):
    """A picture Knee Coach will not draw; ``str(err)`` is the reason for the user."""


class _Node:
    """One element: its line, children, and the ids it refers to. ``uses`` are
    ``href="#id"`` targets, drawn again here; ``urls`` are ``url(#id)`` targets
    (gradients, clips, masks), which can loop but are not drawn again."""

    __slots__ = ("line", "children", "uses", "urls")

    def __init__(self, line: int) -> None:
        self.line = line
        self.children: list[_Node] = []
        self.uses: list[str] = []
        self.urls: list[str] = []


def check_svg(path: Path) -> str | None:
    """None when *path* is safe to draw, else a short reason why it is not."""
    try:
        read_svg(path)
    except SvgRefused as err:
        return str(err)
    return None


def read_svg(path: Path) -> bytes:
    """The checked bytes of the picture at *path*; raises :class:`SvgRefused`.

    Draw these bytes, not the file: the file may have changed since it was read.
    """
    data = _read_capped(Path(path))
    check_svg_bytes(data)
    return data


def _read_capped(path: Path) -> bytes:
    try:
        # stat first: opening a device can have side effects.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise SvgRefused("the picture is not a regular file")
        data = read_capped(path, MAX_BYTES)
    except NotOrdinaryFile:
        raise SvgRefused("the picture is not a regular file") from None
    except OSError as err:
        raise SvgRefused(f"the picture cannot be read ({err.strerror or err})") from None
    if len(data) > MAX_BYTES:
        raise SvgRefused(f"the picture is too large (over {MAX_BYTES // 1024} KiB)")
    return data


def check_svg_bytes(data: bytes) -> None:
    """Raise :class:`SvgRefused` unless *data* is a self-contained, bounded SVG."""
    if len(data) > MAX_BYTES:
        raise SvgRefused(f"the picture is too large (over {MAX_BYTES // 1024} KiB)")
    root, ids = _Parser().parse(data)
    _Expansion(ids).measure(root)


def _local(name: str) -> str:
    """The local part of an expat name (``"namespace local"`` or ``"local"``)."""
    return name.rpartition(" ")[2]


class _Parser:
    """One expat pass: refuses declarations, instructions and outside references, and
    builds a light tree of elements and their same-document references."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        # A <style> sheet arrives in one piece, so a url( is never split from its ).
        self.parser.buffer_text = True
        self.parser.buffer_size = MAX_BYTES
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._entity
        self.parser.ProcessingInstructionHandler = self._instruction
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.stack: list[_Node] = []
        self.root: _Node | None = None
        self.ids: dict[str, _Node] = {}
        self.count = 0
        self.style_depth = 0

    def parse(self, data: bytes) -> tuple[_Node, dict[str, _Node]]:
        try:
            self.parser.Parse(data, True)
        except SvgRefused:
            raise
        except expat.ExpatError as err:
            message = expat.ErrorString(err.code) or "not well-formed"
            raise SvgRefused(f"the picture is not valid SVG ({message} at line "
                             f"{err.lineno})") from None
        except (LookupError, ValueError) as err:  # an encoding Python or expat lacks
            raise SvgRefused(f"the picture is not valid SVG ({_clip(str(err))})") from None
        assert self.root is not None  # expat refuses a document without an element
        return self.root, self.ids

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber

    def _doctype(self, *_args: object) -> None:
        raise SvgRefused(f"the picture has a <!DOCTYPE> declaration (line {self.line}); "
                         "pictures may not declare entities")

    def _entity(self, *_args: object) -> None:
        raise SvgRefused(f"the picture declares an entity (line {self.line})")

    def _instruction(self, target: str, _data: str) -> None:
        raise SvgRefused(f"the picture has a processing instruction (<?{target} ...?> at "
                         f"line {self.line}), which can load other files")

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise SvgRefused(f"the picture has too many elements (over {MAX_ELEMENTS:,})")
        if len(self.stack) >= MAX_DEPTH:
            raise SvgRefused(f"the picture nests its elements too deeply (over "
                             f"{MAX_DEPTH} levels)")
        if self.root is None and local != "svg":
            raise SvgRefused(f"the picture is not SVG (its top element is <{local}>)")
        what = FORBIDDEN.get(local.lower())
        if what:
            href = next((v for k, v in attributes.items() if _local(k) == "href"), None)
            if local.lower() == "image" and href is not None and not href.startswith("data:"):
                raise SvgRefused(f'the picture refers to another file (<image href="'
                                 f'{_clip(href)}"> at line {self.line}); pictures must '
                                 "be self-contained")
            raise SvgRefused(f"the picture contains {what} (<{local}> at line {self.line});"
                             " pictures must be plain drawings")
        node = _Node(self.parser.CurrentLineNumber)
        for key, value in attributes.items():
            self._attribute(local, key.rpartition(" ")[2], value, node)
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)
        if local == "style":
            self.style_depth += 1

    def _attribute(self, element: str, key: str, value: str, node: _Node) -> None:
        if key == "href":
            target = value.strip()
            if not _FRAGMENT.fullmatch(target):
                raise SvgRefused(f'the picture refers to another file (<{element} href="'
                                 f'{_clip(value)}"> at line {self.line}); pictures must be '
                                 "self-contained")
            node.uses.append(target[1:])
        elif key == "id" and value not in self.ids:
            self.ids[value] = node
        elif (key == "attributeName" and element.lower() in ANIMATIONS
              and _local(value.replace(":", " ")) == "href"):
            raise SvgRefused(f"the picture animates a reference (<{element}> at line "
                             f"{self.line}); pictures must be plain drawings")
        if "(" in value or "@" in value:
            node.urls.extend(self._urls(value, f"<{element} {key}=...>"))

    def _urls(self, text: str, where: str) -> list[str]:
        """The ``#id`` targets of every ``url(...)`` in *text*; refuses any other."""
        lowered = text.lower()
        if "url(" not in lowered and "@import" not in lowered:
            return []
        found = _URL.findall(text)
        if "@import" in lowered or len(found) != lowered.count("url("):
            raise SvgRefused(f"the picture refers to another file ({where} at line "
                             f"{self.line}); pictures must be self-contained")
        targets = []
        for raw in found:
            target = raw.strip().strip("'\"").strip()
            if not _FRAGMENT.fullmatch(target):
                raise SvgRefused(f"the picture refers to another file (url({_clip(target)})"
                                 f" at line {self.line}); pictures must be self-contained")
            targets.append(target[1:])
        return targets

    def _text(self, text: str) -> None:
        if self.style_depth:
            self.stack[-1].urls.extend(self._urls(text, "<style>"))

    def _end(self, name: str) -> None:
        self.stack.pop()
        if _local(name) == "style":
            self.style_depth -= 1


class _Expansion:
    """Counts what Qt would draw once every reference is followed, memoised per
    element, refusing loops, dangling references, and too many or too deep levels."""

    def __init__(self, ids: dict[str, _Node]) -> None:
        self.ids = ids
        #: Per element: (elements drawn from it, levels below and including it).
        self.sizes: dict[int, tuple[int, int]] = {}
        self.visiting: set[int] = set()

    def measure(self, root: _Node) -> None:
        self._size(root, 1, via_reference=False)

    def _target(self, node: _Node, name: str) -> _Node:
        target = self.ids.get(name)
        if target is None:
            raise SvgRefused(f"the picture refers to #{_clip(name)} (line {node.line}), "
                             "which it does not contain")
        return target

    def _size(self, node: _Node, depth: int, via_reference: bool) -> tuple[int, int]:
        if depth > MAX_DEPTH:  # before recursing: a chain of references may be long
            raise self._too_deep(via_reference)
        key = id(node)
        if key in self.visiting:
            raise SvgRefused(f"the picture's references go round in a circle (line "
                             f"{node.line})")
        known = self.sizes.get(key)
        if known is None:
            self.visiting.add(key)
            count, height = 1, 1
            for child in node.children:
                c, h = self._size(child, depth + 1, via_reference)
                count, height = count + c, max(height, h + 1)
            for name in node.uses:
                c, h = self._size(self._target(node, name), depth + 1, True)
                count, height = count + c, max(height, h + 1)
            for name in node.urls:  # a gradient or clip is not drawn again: no count
                _c, h = self._size(self._target(node, name), depth + 1, True)
                height = max(height, h + 1)
            self.visiting.discard(key)
            if count > MAX_DRAWN:
                raise SvgRefused(f"the picture's <use> references expand too much (over "
                                 f"{MAX_DRAWN:,} elements drawn)")
            known = self.sizes[key] = (count, height)
        elif depth - 1 + known[1] > MAX_DEPTH:  # met before, higher up
            raise self._too_deep(True)
        return known

    @staticmethod
    def _too_deep(via_reference: bool) -> SvgRefused:
        if via_reference:
            return SvgRefused(f"the picture's <use> references nest too deeply (over "
                              f"{MAX_DEPTH} levels)")
        return SvgRefused(f"the picture nests its elements too deeply (over {MAX_DEPTH} "
                          "levels)")


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
