"""A closed terminal (SIGHUP) or a polite kill (SIGTERM, SIGINT, `tmux kill-session`) closes the wizard as Ctrl+Q does.

Python's default for the first two is to end the process at once, so the lock stayed beside the
canvas (shutting other hosts out for hours) and what was typed since the last draft write
could go. Here they run the same close as Ctrl+Q: keys already read are handled first,
every answer is saved (or kept in a rescue copy), the drafts are written and the lock is
removed; the exit status is then 128 + the signal's number, as for any program a signal
ended. SIGINT comes from `kill -INT` or a Ctrl+C at `serve` (the wizard's own terminal is in
raw mode, where Ctrl+C is a key): Python's KeyboardInterrupt closed the wizard quietly with
status 0, as if it had finished.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable
from types import FrameType

HANDLED = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM", "SIGINT") if hasattr(signal, name))


def install(stop: Callable[[int], None]) -> None:
    """Call `stop(signum)` from the running event loop when one of HANDLED arrives."""
    loop = asyncio.get_running_loop()
    for signum in HANDLED:
        # Not possible off the main thread (a test's app) or on some platforms: the
        # default then stays, as before.
        with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
            loop.add_signal_handler(signum, stop, int(signum))


def after_close() -> None:
    """Once the wizard has closed (every answer saved, the lock gone), a SIGINT while the
    process ends is let pass once, and a second one ends it at once (status 130).

    With its event loop gone, SIGINT is Python's KeyboardInterrupt again, raised wherever
    the process is: at `serve`, a Ctrl+C that reached a wizard just closing by itself (its
    visitor had left) landed while Python waited for Textual's input thread to finish, and
    printed "Exception ignored in threading._shutdown" and a traceback into the server's
    output. What is left at that point ends within moments on its own; a second Ctrl+C is
    still a way out, should something hang.
    """

    def once(_signum: int, _frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, at_once)

    with contextlib.suppress(ValueError):  # not the main thread (a test's app): nothing to do
        signal.signal(signal.SIGINT, once)


def at_once(signum: int, _frame: FrameType | None) -> None:
    os._exit(128 + signum)
