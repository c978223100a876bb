"""What the commands print: Rich consoles that honour --no-color and NO_COLOR, JSON, one-line errors."""

from __future__ import annotations

import json
import os
import re
import sys

from rich.console import Console

# JSON escapes C0 controls itself but passes DEL and C1 (0x80-0x9f, e.g. the one-byte CSI)
# through raw, and they are escape codes to a terminal; so are the bidi embeddings, overrides
# and isolates to what a reader sees. Inside a JSON string \u escapes are equal.
C1_ESCAPES = {code: f"\\u{code:04x}"
              for code in [*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
_SURROGATE = re.compile("[\ud800-\udfff]")

_plain = False
"""Set by --no-color for this run (cli.main)."""


def set_plain(plain: bool) -> None:
    global _plain
    _plain = plain


def plain() -> bool:
    """No escape codes at all: --no-color, or NO_COLOR set to anything but empty
    (https://no-color.org). Rich's own NO_COLOR handling drops colours but keeps bold and
    dim; a user who asks for no colour in a log or a screen reader wants plain text."""
    return _plain or bool(os.environ.get("NO_COLOR"))


class PipeConsole(Console):
    """Rich's console, but a reader that went away (`| head`) ends the command as any other
    closed pipe does (cli.main: quietly, exit 141), not with Rich's own exit 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def console(soft_wrap: bool = False) -> Console:
    if plain():
        # color_system=None renders no style at all, even when FORCE_COLOR or a terminal asks.
        return PipeConsole(highlight=False, soft_wrap=soft_wrap, color_system=None, no_color=True)
    return PipeConsole(highlight=False, soft_wrap=soft_wrap)


def fail(message: str) -> int:
    # One line, no traceback: the message already names the file and the problem.
    print(f"canvas-wizard: {message}", file=sys.stderr)
    return 1


def print_json(data: object) -> None:
    """JSON for a terminal or a pipe: readable non-ASCII text, but no raw C1 control or bidi
    characters, which JSON allows yet some terminals act on."""
    text = json.dumps(data, indent=2, ensure_ascii=False).translate(C1_ESCAPES)
    # A file name that is not UTF-8 reaches here as lone surrogates, which JSON can escape
    # (\udcff) but no output stream can carry.
    print(_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
