"""`serve`'s warm wizard process: started ahead of the next browser visitor, handed over when one arrives.

textual-serve starts a new wizard process for each browser connection, so each visitor
waited for a whole start-up (imports, model classes, banks) after opening the page. The
server now keeps one wizard ready (wizard/commands/warm_start.py): everything imported,
no file opened, no lock taken. A visitor's connection takes it, tells it the size of the
visitor's terminal, and from then on it is textual-serve's own process of that visitor;
the next one is started a moment later, once the visitor's wizard has had the processor
to itself for its first screen. Two visitors at once: the second gets a process started
for it then (as fast as before). A warm process that died or never became ready is
replaced by a process started the old way, so a visitor is never turned away.

Every wizard is started without a shell (textual-serve's own start goes through one): the
process the server holds is then the wizard itself, so a signal the server sends it (when
it stops, see `WarmAppService.end`) reaches the wizard and not a shell left waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import shlex
from asyncio.subprocess import PIPE, Process
from collections.abc import Callable
from typing import Any

from textual_serve.app_service import AppService

from wizard.commands.warm_start import READY, VISITOR

log = logging.getLogger("canvas-wizard")

READY_WITHIN = 60.0
"""Seconds a warm process may take to load (a slow, loaded machine); after that it is not waited for."""
REFILL_AFTER = 2.0
"""Seconds between handing a warm process to a visitor and starting the next one."""


def warm_command(wizard_command: str) -> str:
    """The warm process's command: the wizard's own, run through warm_start instead of `-m wizard`."""
    argv = shlex.split(wizard_command)
    at = argv.index("-m")
    argv[at + 1] = "wizard.commands.warm_start"
    return shlex.join(argv)


class WarmPool:
    """At most one spare wizard process, ready for the next visitor."""

    def __init__(self, command: str, environment: Callable[[], dict[str, str]]) -> None:
        self.command = command
        self.environment = environment
        self._next: asyncio.Task[Process | None] | None = None
        self._closed = False
        self._refill: asyncio.TimerHandle | None = None

    def start(self) -> None:
        if self._next is None and not self._closed:
            self._next = asyncio.create_task(self._spawn())

    async def ready(self, timeout: float) -> bool:
        """Wait (at most `timeout` seconds) for the spare process to be ready."""
        if self._next is None:
            return False
        with contextlib.suppress(asyncio.TimeoutError):
            return await asyncio.wait_for(asyncio.shield(self._next), timeout) is not None
        return False

    async def _spawn(self) -> Process | None:
        try:
            process = await start(self.command, self.environment())
        except OSError as exc:
            log.warning("cannot start a wizard ahead of the next visitor: %s", exc)
            return None
        assert process.stdout is not None
        try:
            line = await asyncio.wait_for(process.stdout.readline(), READY_WITHIN)
        except (TimeoutError, ValueError, OSError):
            line = b""
        if line != READY:
            await _end(process)
            return None
        return process

    async def take(self) -> Process | None:
        """The ready process for a visitor (None: start one the old way); the next is started soon."""
        task, self._next = self._next, None
        if task is None:
            task = asyncio.create_task(self._spawn())
        if self._refill is None and not self._closed:
            self._refill = asyncio.get_running_loop().call_later(REFILL_AFTER, self._refilled)
        process = await task
        if process is None or process.returncode is not None:
            return None
        return process

    def _refilled(self) -> None:
        self._refill = None
        self.start()

    async def close(self) -> None:
        """End the spare process: its standard input closes and it exits without a word."""
        self._closed = True
        if self._refill is not None:
            self._refill.cancel()
        task, self._next = self._next, None
        if task is None:
            return
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            return
        process = task.result()
        if process is not None:
            await _end(process)


async def start(command: str, environment: dict[str, str]) -> Process:
    """The command's process, run directly (see the module's docstring)."""
    return await asyncio.create_subprocess_exec(*shlex.split(command), stdin=PIPE, stdout=PIPE, stderr=PIPE,
                                                env=environment)


async def _end(process: Process) -> None:
    if process.stdin is not None:
        process.stdin.close()
    try:
        await asyncio.wait_for(process.wait(), 5)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()


class WarmAppService(AppService):
    """textual-serve's process of one visitor, taken from the pool rather than started now."""

    def __init__(self, command: str, pool: WarmPool, **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.pool = pool

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        process = await self.pool.take()
        if process is None or process.stdin is None:
            return await self._started(width, height)
        self._process, self._stdin = process, process.stdin
        line = json.dumps({"type": VISITOR, "width": width, "height": height}) + "\n"
        process.stdin.write(line.encode())
        try:
            await process.stdin.drain()
        except (ConnectionError, RuntimeError):  # it died just now: a new one, the old way
            log.warning("a wizard started ahead of this visitor stopped; starting another")
            return await self._started(width, height)
        return process

    async def _started(self, width: int, height: int) -> Process:
        """textual-serve's own start (its environment, at the visitor's size), without its shell."""
        process = await start(self.command, self._build_environment(width=width, height=height))
        assert process.stdin is not None
        self._process, self._stdin = process, process.stdin
        return process

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            # textual-serve closes the browser's connection only when the wizard says "exit".
            # One that ended any other way (a crash, a signal) left the page frozen on its
            # last screen, and a stopping server waiting on the connection.
            with contextlib.suppress(ConnectionError, RuntimeError):
                await self.remote_close()

    def running(self) -> bool:
        return self._process is not None and self._process.returncode is None

    def end(self, signum: int) -> None:
        """Send the visitor's wizard `signum` (SIGTERM: it closes as Ctrl+Q does, saving
        every answer; SIGKILL: it ends at once), if it is still running."""
        if self.running():
            assert self._process is not None
            with contextlib.suppress(ProcessLookupError):
                self._process.send_signal(signum)
