"""User text for a plain terminal: never read as Rich markup, control characters made visible."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters as harmless symbols (ESC shows as ␛), so a canvas cannot move
    the cursor, ring the bell or open a hyperlink in the terminal of whoever reads it."""

    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        return "␡" if code == 0x7F else "\ufffd"

    return _CONTROL.sub(picture, text)


def literal(text: str, style: str = "") -> Text:
    """A Rich Text showing `text` exactly as typed: `[bold]` stays `[bold]`."""
    return Text(visible(text), style=style)
