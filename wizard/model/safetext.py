"""User text for a plain terminal: control characters made visible, names kept on one line.

The Rich and Textual forms (text never read as markup) are the front ends': `literal` in
wizard/commands/rich_text.py and wizard/tui/text.py.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls, and the bidi embeddings, overrides and isolates: these can show text
in another order than it is stored ("Trojan Source"). Right-to-left text needs none of
them, and the marks it may use (U+200E, U+200F) are left alone."""


def visible(text: str) -> str:
    """Control characters as harmless symbols (ESC shows as ␛, a right-to-left override as
    ⟨U+202E⟩), so a canvas cannot move the cursor, ring the bell, open a hyperlink or
    reorder what is shown in the terminal or browser of whoever reads it."""

    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        if code >= 0x202A:
            return f"⟨U+{code:04X}⟩"
        return "␡" if code == 0x7F else "\ufffd"

    return _CONTROL.sub(picture, text)


_LINE_BREAKS = re.compile("[\t\n\u2028\u2029]")
"""What `visible` leaves alone in text (it lays out lines) but a name must never do."""
_UNDECODED = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def file_name(path: object) -> str:
    """A file or folder name as shown anywhere (a command's output, a message, the top
    bar): what `visible` does, and on one line: a tab or a newline in a name shows as ␉
    or ␊. A byte of the name that is not UTF-8 (which Python holds as a lone surrogate,
    and which no terminal can be sent) shows as `\\xff`."""
    text = _UNDECODED.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", str(path))
    text = _SURROGATE.sub("\ufffd", text)
    text = _LINE_BREAKS.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() < " " else "⏎", text)
    return visible(text)

