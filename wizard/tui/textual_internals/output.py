"""Writing to a terminal that has gone away: the wizard still closes, saves and lets go of its lock.

Textual writes to the terminal from a thread of its own (`WriterThread`), through a queue
of 30 writes. When the terminal is closed while the wizard still has output on its way
(a window closed in the first second, `tmux kill-server` right after a start), the write
fails (EIO), the exception ends Textual's thread, and nothing takes from the queue again:
the 31st write after that blocks the wizard for ever, before the close that SIGHUP asks
for could save and remove the lock (the process stayed, holding the canvas's lock).

`LastingWriter` is Textual's writer that outlives its terminal: once a write fails, it
keeps taking from the queue and drops what it takes, until it is stopped. The driver is
given it by rebuilding `start_application_mode` with the name `WriterThread` bound to it,
as `input.py` rebuilds the input thread (tests/test_textual_internals.py checks that
Textual still creates its writer by that name and runs it the way copied here).
"""

from __future__ import annotations

import contextlib
import functools
import types

from textual.driver import Driver
from textual.drivers._writer_thread import WriterThread

FAILED_WRITES = (OSError, ValueError)
"""A terminal gone (EIO, EPIPE), or its file closed under the thread (ValueError)."""


class LastingWriter(WriterThread):
    """Textual's writer thread, which drops what it is given once the terminal is gone."""

    def run(self) -> None:
        # Textual's own loop (WriterThread.run), with each write and flush allowed to fail.
        write, flush = self._file.write, self._file.flush
        get, qsize = self._queue.get, self._queue.qsize
        gone = False
        while True:
            text: str | None = get()
            if text is None:
                break
            if gone:
                continue
            try:
                write(text)
                if qsize() == 0:
                    flush()
            except FAILED_WRITES:
                gone = True
        if not gone:
            with contextlib.suppress(*FAILED_WRITES):
                flush()


@functools.cache
def writing_safely(driver_class: type[Driver]) -> type[Driver]:
    """`driver_class`, writing through LastingWriter; the class itself when it does not
    start a WriterThread the way this module knows (Windows, headless, serve's driver)."""
    method = getattr(driver_class, "start_application_mode", None)
    if not isinstance(method, types.FunctionType) or "WriterThread" not in method.__code__.co_names:
        return driver_class
    scope = dict(method.__globals__, WriterThread=LastingWriter)
    rebuilt = types.FunctionType(method.__code__, scope, method.__name__, method.__defaults__, method.__closure__)
    rebuilt.__qualname__ = method.__qualname__
    return type(driver_class.__name__, (driver_class,), {"start_application_mode": rebuilt,
                                                         "__module__": __name__})
