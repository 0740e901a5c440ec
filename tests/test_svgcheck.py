"""Hostile pictures are refused with a reason, quickly and without blocking; the app's
own pictures pass the same check."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach import paths
from coach.svgcheck import MAX_BYTES, SvgRefused, check_svg, check_svg_bytes, read_svg
from tests.conftest import REPO

SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg(body: str, head: str = "") -> str:
    return f'{head}<svg {SVG} viewBox="0 0 400 300">{body}</svg>'


def use_bomb(levels: int = 12, fan: int = 4) -> str:
    """The reported picture: 1.8 KB, each level drawing the one below four times
    (16.7 million rectangles; Qt took 16 s per paint)."""
    defs = ['<g id="l0"><rect width="10" height="10"/></g>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{level - 1}" x="{k}"/>' for k in range(fan))
        defs.append(f'<g id="l{level}">{uses}</g>')
    return svg(f'<defs>{"".join(defs)}</defs><use xlink:href="#l{levels}"/>')


def use_chain(levels: int) -> str:
    """A <use> of a group holding a <use> of a group ..., *levels* deep (no fan-out)."""
    defs = '<rect id="l0" width="1" height="1"/>' + "".join(
        f'<g id="l{n}"><use xlink:href="#l{n - 1}"/></g>' for n in range(1, levels + 1))
    return f'<defs>{defs}</defs><use xlink:href="#l{levels}"/>'


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>
"""

REFUSED = {
    "use bomb, 12 levels of 4": (use_bomb(), "<use> references expand too much"),
    "use chain deeper than Qt draws": (svg(use_chain(15)), "<use> references nest too deeply"),
    "use loop": (svg('<g id="a"><use xlink:href="#a"/></g>'), "go round in a circle"),
    "pattern loop through url()": (svg(
        '<pattern id="p" width="2" height="2"><rect width="1" height="1" fill="url(#p)"/>'
        '</pattern><rect width="5" height="5" fill="url(#p)"/>'), "go round in a circle"),
    "billion laughs": (BILLION_LAUGHS, "<!DOCTYPE> declaration"),
    "external entity": ('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                        + svg("<text>&x;</text>"), "<!DOCTYPE> declaration"),
    "image of /etc/passwd": (svg('<image href="file:///etc/passwd" width="9" height="9"/>'),
                             'refers to another file (<image href="file:///etc/passwd">'),
    "image of a relative file": (svg('<image xlink:href="fifo" width="9" height="9"/>'),
                                 'refers to another file (<image href="fifo">'),
    "embedded image": (svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="9" '
                           'height="9"/>'), "contains an image (<image>"),
    "image in another namespace (Qt loads it all the same)": (
        svg('<x:image xmlns:x="urn:x" href="fifo"/>'), 'refers to another file (<image'),
    "use of another file": (svg('<use xlink:href="../x.svg#a"/>'),
                            'refers to another file (<use href="../x.svg#a">'),
    "use of a web address": (svg('<use href="https://example.com/x.svg#a"/>'),
                             "refers to another file"),
    "gradient from another file": (svg('<linearGradient id="g" xlink:href="g.svg#g"/>'),
                                   "refers to another file"),
    "fill from another file": (svg('<rect width="5" height="5" fill="url(x.svg#g)"/>'),
                               "refers to another file (url(x.svg#g)"),
    "style attribute url": (svg('<rect width="5" height="5" style="fill: url(\'/tmp/x\')"/>'),
                            "refers to another file (url(/tmp/x)"),
    "unclosed url": (svg('<rect width="5" height="5" fill="url(#a"/>'),
                     "refers to another file"),
    "style sheet import": (svg('<style>@import "other.css";</style>'),
                           "refers to another file (<style>"),
    "style sheet url": (svg("<style>rect { fill: url(http://x/y.svg#g) }</style>"),
                        "refers to another file"),
    "xml-stylesheet instruction (Qt reads it)": (
        svg("", head='<?xml-stylesheet type="text/css" href="fifo"?>'),
        "processing instruction (<?xml-stylesheet"),
    "script": (svg("<script>alert(1)</script>"), "contains a script (<script>"),
    "foreignObject": (svg("<foreignObject><p>hi</p></foreignObject>"),
                      "contains foreign content (<foreignObject>"),
    "animated href": (svg('<use href="#r"><set attributeName="xlink:href" to="x.svg#r"/>'
                          '</use><rect id="r"/>'), "animates a reference"),
    "dangling use": (svg('<use href="#nowhere"/>'), "refers to #nowhere (line 1), which it"),
    "dangling url": (svg('<rect fill="url(#nowhere)"/>'), "which it does not contain"),
    "too many elements": (svg("<g/>" * 10_001), "too many elements (over 10,000)"),
    "nested too deeply": (svg("<g>" * 40 + "</g>" * 40), "nests its elements too deeply"),
    "not XML": ("<svg><g></svg>", "not valid SVG (mismatched tag at line 1)"),
    "empty": ("", "not valid SVG (no element found at line 1)"),
    "not SVG": ("<html><body/></html>", "not SVG (its top element is <html>)"),
    "unknown entity": (svg("<text>&nbsp;</text>"), "not valid SVG (undefined entity"),
    "unknown encoding (found by Hypothesis)": (
        '<?xml version="1.0" encoding="TF-8"?>' + svg(""), "not valid SVG (unknown encoding"),
    "multi-byte encoding": ('<?xml version="1.0" encoding="shift_jis"?>' + svg(""),
                            "not valid SVG (multi-byte encodings are not supported)"),
}


@pytest.mark.parametrize("text, reason", REFUSED.values(), ids=REFUSED.keys())
def test_hostile_pictures_are_refused_with_a_reason(tmp_path, text, reason):
    picture = tmp_path / "picture.svg"
    picture.write_text(text, encoding="utf-8")
    message = check_svg(picture)
    assert message is not None and reason in message, message
    assert "\n" not in message and len(message) < 200  # fits FILE:LINE: message


def bundled_pictures() -> list[Path]:
    found = sorted(paths.assets_dir().rglob("*.svg"))
    assert len(found) >= 20
    return found


@pytest.mark.parametrize("picture", bundled_pictures(), ids=lambda p: p.name)
def test_every_bundled_picture_passes(picture):
    assert check_svg(picture) is None


def test_ordinary_drawings_pass(tmp_path):
    """What drawing programs write: metadata in other namespaces, a gradient, a style
    sheet with a local url(), same-document <use>, a comment, a CDATA section; and
    nesting just within what Qt draws (30 groups; a chain of 14 <use>)."""
    picture = tmp_path / "drawn.svg"
    picture.write_text(
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!-- drawn by hand -->\n'
        + svg('<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/'
              'sodipodi-0.dtd" id="view"/><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/'
              '1999/02/22-rdf-syntax-ns#"/></metadata>'
              '<style><![CDATA[ .leg { fill: url( "#g" ) } ]]></style>'
              '<defs><linearGradient id="g"><stop offset="0"/></linearGradient>'
              '<circle id="dot" r="4"/></defs>'
              '<use href="#dot" x="5"/><use xlink:href="#dot" x="9"/>'
              '<rect class="leg" width="9" height="9" style="fill:url(#g)"/>'
              + "<g>" * 30 + "</g>" * 30 + use_chain(14)),
        encoding="utf-8")
    assert check_svg(picture) is None


def test_size_limit(tmp_path):
    picture = tmp_path / "big.svg"
    padding = "<!--" + "x" * MAX_BYTES + "-->"
    picture.write_text(svg(padding), encoding="utf-8")
    assert check_svg(picture) == "the picture is too large (over 512 KiB)"
    picture.write_text(svg(padding[: MAX_BYTES - 200] + "-->"), encoding="utf-8")
    assert check_svg(picture) is None


def never_blocks(function, *args):
    """Run *function* in a thread, so a blocking open fails the test instead of hanging
    it (the thread then stays blocked until the test run ends)."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(function, *args).result(timeout=10)
    finally:
        pool.shutdown(wait=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "picture.svg"
    os.mkfifo(fifo)
    assert never_blocks(check_svg, fifo) == "the picture is not a regular file"


def test_folders_devices_and_missing_files_are_refused(tmp_path):
    assert check_svg(tmp_path) == "the picture is not a regular file"
    if Path(os.devnull).exists() and os.name == "posix":
        assert never_blocks(check_svg, Path(os.devnull)) == "the picture is not a regular file"
    missing = check_svg(tmp_path / "missing.svg")
    assert missing is not None and missing.startswith("the picture cannot be read (")


def test_the_use_bomb_is_refused_quickly(tmp_path):
    picture = tmp_path / "bomb.svg"
    picture.write_text(use_bomb(), encoding="utf-8")
    assert len(picture.read_bytes()) < 2000
    started = time.perf_counter()
    assert "expand too much" in (check_svg(picture) or "")
    assert time.perf_counter() - started < 2  # linear, memoised: ~1 ms here


def test_read_svg_returns_the_checked_bytes(tmp_path):
    picture = tmp_path / "ok.svg"
    picture.write_text(svg('<rect width="5" height="5"/>'), encoding="utf-8")
    assert read_svg(picture) == picture.read_bytes()
    picture.write_text(svg("<script/>"), encoding="utf-8")
    with pytest.raises(SvgRefused, match="contains a script"):
        read_svg(picture)


ICON = (REPO / "assets" / "icons" / "knee-coach.svg").read_bytes()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mangled_pictures_give_a_reason_or_pass_never_an_error(data):
    """Cut, duplicate and overwrite bytes of a real picture: the check answers, always."""
    blob = bytearray(ICON)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(blob)))
        kind = data.draw(st.sampled_from(["cut", "copy", "byte"]))
        if kind == "cut":
            del blob[at:at + data.draw(st.integers(1, 200))]
        elif kind == "copy":
            blob[at:at] = blob[at:at + data.draw(st.integers(1, 400))] * data.draw(
                st.integers(1, 50))
        elif blob:
            blob[min(at, len(blob) - 1)] = data.draw(st.integers(0, 255))
    try:
        check_svg_bytes(bytes(blob))
    except SvgRefused as err:
        assert str(err).startswith("the picture ")


def test_the_check_imports_no_qt():
    code = ("import sys, coach.svgcheck\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=REPO)
    assert result.stdout.strip() == "[]"
