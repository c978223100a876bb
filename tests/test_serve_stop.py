"""`serve` stops whatever the wizard behind a browser does: one that will not close is told to (SIGTERM), then ended."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from wizard.commands.warm_start import READY

# A visitor's "wizard" that ignores Ctrl+C and textual-serve's quit, as a wizard stuck in its
# close would; what it does on SIGTERM is the test's to choose.
STUCK = """
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
def told(signum, frame):
    open({marker!r}, "w").write("SIGTERM")
    if {obeys}:
        os._exit(143)
signal.signal(signal.SIGTERM, told)
os.write(1, {ready!r})
sys.stdin.buffer.readline()  # the visitor's size
os.write(1, b"__GANGLION__\\n")
open({marker!r} + ".visited", "w").close()
while True:
    time.sleep(0.1)
"""
# The server, with short waits, serving that stand-in.
SERVER = """
import asyncio, sys
from wizard.commands import serve
serve.CLOSE_WITHIN, serve.KILL_AFTER = {close}, {kill}
server = serve.WizardServer({command!r}, host="127.0.0.1", port={port}, title="t",
                            public_url="http://127.0.0.1:{port}")
server.initialize_logging()
asyncio.run(server.run_until_stopped())
print("stopped", flush=True)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve_stand_in(tmp_path: Path, program: str, close: float = 1.0,
                   kill: float = 1.0) -> tuple[subprocess.Popen[str], int]:
    """The server, its visitors' wizard replaced by `program`."""
    stuck = tmp_path / "stuck.py"
    stuck.write_text(program, encoding="utf-8")
    port = free_port()
    # warm_command swaps the module after -m for warm_start's: point it at the stand-in instead.
    command = shlex.join([sys.executable, "-c", f"import runpy; runpy.run_path({str(stuck)!r})", "-m", "x"])
    script = SERVER.format(close=close, kill=kill, command=command, port=port)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, text=True, start_new_session=True)
    return process, port


def end_group(process: subprocess.Popen[str]) -> None:
    """Kill whatever is left of the server's process group: a stand-in that ignores signals
    would otherwise outlive a failing test (and the CI run) when the server did not end it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    if process.poll() is None:
        process.wait(10)


@asynccontextmanager
async def visit(port: int) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """A browser's connection to the server, as its page opens it."""
    async with aiohttp.ClientSession() as session:
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24")
                break
            except aiohttp.ClientConnectionError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)
        try:
            yield connection
        finally:
            await connection.close()


def stop_with_a_visitor(tmp_path: Path, obeys: bool) -> tuple[int, float, str]:
    process, port = serve_stand_in(tmp_path, STUCK.format(marker=str(tmp_path / "told"), obeys=obeys, ready=READY))

    async def run() -> tuple[int, float]:
        async with visit(port):
            deadline = time.monotonic() + 30
            while not (tmp_path / "told.visited").exists() and time.monotonic() < deadline:
                await asyncio.sleep(0.1)  # the stand-in has taken the visitor
            os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in the server's terminal
            started = time.monotonic()
            code = await asyncio.to_thread(process.wait, 30)
            return code, time.monotonic() - started

    try:
        code, took = asyncio.run(run())
    finally:
        end_group(process)
    output = process.stdout.read() if process.stdout else ""
    return code, took, output


@pytest.mark.e2e
def test_a_wizard_that_does_not_close_is_told_to_and_the_server_stops(tmp_path: Path) -> None:
    code, took, output = stop_with_a_visitor(tmp_path, obeys=True)
    assert code == 0 and "stopped" in output, output
    assert (tmp_path / "told").read_text() == "SIGTERM"  # the wizard's own close, which saves every answer
    assert "a visitor's wizard had not closed; told it to close" in output, output
    assert "it was ended" not in output, output
    assert took < 1.0 + 5, f"took {took:.1f} s"
    assert "Traceback" not in output, output


@pytest.mark.e2e
def test_a_wizard_that_ignores_even_sigterm_is_ended_and_the_server_says_so(tmp_path: Path) -> None:
    code, took, output = stop_with_a_visitor(tmp_path, obeys=False)
    assert code == 0 and "stopped" in output, output
    assert (tmp_path / "told").read_text() == "SIGTERM"
    assert "a visitor's wizard did not close; it was ended" in output, output
    assert took < 2.0 + 5, f"took {took:.1f} s"
    assert "Traceback" not in output, output


CRASHES = """
import os, sys
os.write(1, {ready!r})
sys.stdin.buffer.readline()
os.write(1, b"__GANGLION__\\n")
os._exit(1)  # no "exit" message: a crash
"""


@pytest.mark.e2e
def test_a_wizard_that_crashes_closes_the_browsers_connection(tmp_path: Path) -> None:
    """Not a page frozen on its last screen: the browser is told the wizard has gone."""
    process, port = serve_stand_in(tmp_path, CRASHES.format(ready=READY))

    async def run() -> aiohttp.WSMsgType:
        async with visit(port) as connection:
            message = await connection.receive(timeout=15)
            while message.type == aiohttp.WSMsgType.BINARY:
                message = await connection.receive(timeout=15)
            return message.type

    try:
        assert asyncio.run(run()) in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(30)
        end_group(process)


NEVER_READY = """
import signal, time
signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends it quietly, as warm_start's does
while True:
    time.sleep(0.1)  # still loading: never says it is ready
"""


@pytest.mark.e2e
def test_ctrl_c_while_the_first_wizard_is_still_starting_stops_without_giving_the_address(tmp_path: Path) -> None:
    process, port = serve_stand_in(tmp_path, NEVER_READY)
    try:
        deadline = time.monotonic() + 30
        while True:  # listening, and waiting for its first warm wizard
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < deadline, "the server never listened"
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGINT)
        started = time.monotonic()
        code = process.wait(30)
        took = time.monotonic() - started
    finally:
        end_group(process)
    output = process.stdout.read() if process.stdout else ""
    assert code == 0 and "stopped" in output, output
    assert "in a browser" not in output, output  # nobody is sent to a server that is going
    assert took < 10, f"took {took:.1f} s"
