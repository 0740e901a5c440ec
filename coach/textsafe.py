"""Text from files, made safe to print on a terminal.

Routine titles, problem messages and file names come from files that anyone may
write. Printed as they are, an escape sequence can clear the screen or recolour it,
a carriage return or newline can forge a line of output, and a bidi override can
show text in another order than it is. :func:`terminal_safe` writes such characters
as escapes (``\\x1b``, ``\\n``, ``\\u202e``) and leaves all other text, Japanese
included, as it is. This module imports nothing from Qt.
"""

from __future__ import annotations

import re

# C0 controls (tab and newline too: they would split a line or a column), DEL, C1
# controls, the Arabic letter mark, left-to-right and right-to-left marks, line and
# paragraph separators, the bidi embeddings, overrides and isolates, and the lone
# surrogates that stand for undecodable bytes in file names (printing one raises).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """*text* with every character that a terminal would act on written as an escape."""
    return _UNSAFE.sub(_escape, text)
