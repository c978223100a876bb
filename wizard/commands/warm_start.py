"""The wizard process `serve` keeps ready for its next browser visitor, everything loaded but no file opened.

Starting a wizard costs its imports (Textual, pydantic, the wizard's screens and widgets),
building the model classes and loading the banks: most of a second, which a browser
visitor would otherwise wait through after opening the page. So `serve` starts this one
ahead of the visitor (wizard/commands/serve_pool.py). It loads all of that, says so on
standard output (READY), and then waits, without opening the canvas, its drafts or the
state folder and without taking the canvas's lock, for the line that says a visitor has
arrived and the size of their terminal. Only then does it run the wizard as
`canvas-wizard FILE` would, at that size: the lock, the file and any "open in another
wizard" question belong to the visitor's session. Standard input closed before a visitor
came (the server stopped) ends it quietly.

It does not load the checks' language libraries ahead (half a second, and most of its
memory): a visitor arriving meanwhile would wait for them, and the wizard loads them on a
thread of its own once the first question is up, as it always does.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import sys
from collections.abc import Sequence

READY = b"__CANVAS_WIZARD_WARM__\n"
"""The line a warm process writes once it can take a visitor (before Textual's own prelude)."""
VISITOR = "visitor"
"""The type of the one line the server sends: {"type": "visitor", "width": W, "height": H}."""


def read_visitor() -> tuple[int, int] | None:
    """The visitor's terminal size, from the server's one line on standard input (read a
    byte at a time: what follows it is the driver's); None when it closed instead."""
    line = b""
    while not line.endswith(b"\n"):
        try:
            byte = os.read(0, 1)
        except OSError:
            return None
        if not byte:
            return None
        line += byte
        if len(line) > 4096:
            return None
    try:
        message = json.loads(line)
        width, height = int(message["width"]), int(message["height"])
    except (ValueError, KeyError, TypeError):
        return None
    if message.get("type") != VISITOR or not (1 <= width <= 10_000 and 1 <= height <= 10_000):
        return None
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    from wizard.commands.parser import wizard_parser

    parser = wizard_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    # Ctrl+C at the server reaches its whole process group: before a visitor, this process
    # has nothing to save, and ends without a traceback.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    gc.disable()  # as launch does: what is loaded now stays loaded
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from wizard.tui.preload import preload

    preload()
    from wizard.files.banks import load_catalog
    from wizard.files.errors import UserFileError

    with contextlib.suppress(UserFileError):  # a broken bank is reported to the visitor, by launch
        load_catalog(args.banks)
    os.write(1, READY)
    size = read_visitor()
    if size is None:
        return 0
    os.environ["COLUMNS"], os.environ["ROWS"] = map(str, size)  # what Textual's web driver starts at
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from wizard.commands.launch import coach_request, launch

    # The coach's plan from `serve --minutes/--sections`, checked there before any visitor.
    return launch(args.file, banks_dir=args.banks, coach=args.coach, theme=args.theme, no_color=args.no_color,
                  request=coach_request(parser, args))


if __name__ == "__main__":
    raise SystemExit(main())
