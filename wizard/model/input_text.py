"""What the wizard takes from the keys typed and the text pasted, and why it refuses the rest.

Only what arrives from the keyboard is checked here: text already in a canvas is kept
exactly as it is, control characters and all (see docs/reliability.md).
"""

from __future__ import annotations

import re
from collections import Counter

_ESCAPED = re.compile("[\udc80-\udcff]")
"""A byte that was not UTF-8, as the input thread hands it on (Python's surrogateescape:
byte 0xNN arrives as U+DCNN; see wizard/tui/textual_internals/input.py)."""

_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\udc80-\udcff]")
"""In a paste: C0 controls but tab and line breaks, DEL, C1 controls, and bytes that were
not UTF-8. A control character pasted would act on whatever shows the text later (ESC
starts a sequence, BEL rings) and is never what someone meant to write."""

_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL"}


def undecodable(text: str) -> bytes:
    """The bytes in `text` that were not UTF-8 when typed."""
    return bytes(ord(c) - 0xDC00 for c in _ESCAPED.findall(text))


def not_utf8_message(data: bytes) -> str:
    shown = " ".join(f"{b:02X}" for b in data[:12]) + (" …" if len(data) > 12 else "")
    what = "a byte that is" if len(data) == 1 else f"{len(data)} bytes that are"
    return f"Not typed: {what} not UTF-8 text ({shown}). Set the terminal's character encoding to UTF-8."


def pasted(text: str) -> tuple[str, str]:
    """A paste as the wizard takes it, and why anything was left out ("" when nothing was):
    line breaks become newlines, control characters and bytes that were not UTF-8 go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    refused = _REFUSED.findall(text)
    if not refused:
        return text, ""
    kept = _REFUSED.sub("", text)
    controls = Counter(_name(c) for c in refused if not _ESCAPED.match(c))
    parts = [f"{name}{f' ×{n}' if n > 1 else ''}" for name, n in controls.items()]
    bad = undecodable("".join(refused))
    if bad:
        parts.append(f"{len(bad)} byte{'s' * (len(bad) > 1)} not UTF-8")
    return kept, (f"Left out of the paste: {', '.join(parts)}. Control characters are not text: "
                  "they would act on the screen that shows the answer. The rest is pasted as it was.")


def _name(character: str) -> str:
    code = ord(character)
    if code in _NAMES:
        return _NAMES[code]
    if code < 0x20:
        return f"Ctrl+{chr(code + 0x40)}"
    return f"U+{code:04X}"
