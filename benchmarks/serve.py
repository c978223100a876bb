"""`serve` in headless Chromium: seconds from opening the page until the first question is painted.

Each run starts a server on a fresh folder (not timed: until it listens and, for the
wizard, says where to point the browser), opens the page in a new tab and stops the clock
when the marker reaches the terminal (the websocket's output, escape sequences removed:
the terminal draws on a canvas); a few seconds after that page closes, a next visitor's
page is timed the same way. The floor is the floor app served the
same way by textual-serve itself, cold: a new process for each visitor. Run alone:
`python -m benchmarks.serve [RUNS]` prints one JSON object.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, median
from benchmarks.floor_app import MARKER as FLOOR_MARKER

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
WIZARD_MARKER = "customer types"
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
FLOOR_SERVER = """
import sys
from textual_serve.server import Server
Server(sys.argv[1], port=int(sys.argv[2])).serve()
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _server(argv: list[str], port: int, cwd: Path, env: dict[str, str], says: str = "") -> Iterator[None]:
    """A server listening on `port` and, with `says`, once it has printed that (the wizard's
    server prints its address once the first visitor's wizard is ready, as a user would see)."""
    with tempfile.TemporaryFile() as log:
        yield from _serving(argv, port, cwd, env, says, log)


def _serving(argv: list[str], port: int, cwd: Path, env: dict[str, str], says: str, log: Any) -> Iterator[None]:
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            log.seek(0)
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0 and says.encode() in log.read():
                    break
            time.sleep(0.05)
        else:
            raise RuntimeError(f"{argv}: nothing listened on port {port}")
        yield
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _time_page(context: Any, port: int, marker: str) -> float:
    page = context.new_page()
    received: list[bytes] = []
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda frame: received.append(frame if isinstance(frame, bytes) else b"")))
    start = time.perf_counter()
    page.goto(f"http://127.0.0.1:{port}/", timeout=60_000)
    deadline = start + 60
    while time.perf_counter() < deadline:
        if marker in ESCAPES.sub("", b"".join(received).decode("utf-8", "replace")):
            seconds = time.perf_counter() - start
            page.close()
            return seconds
        page.wait_for_timeout(10)
    page.close()
    raise RuntimeError(f"{marker!r} was not painted within 60 s")


NEXT_AFTER = 4.0
"""Seconds between the first visitor's page closing and the next one opening."""


def one_run(context: Any, kind: str) -> tuple[float, float]:
    """Seconds to the first question for the server's first visitor, and for the next one."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    with tempfile.TemporaryDirectory() as tmp:
        folder, port = Path(tmp), _free_port()
        env["CANVAS_WIZARD_STATE_DIR"] = str(folder / "state")
        if kind == "floor":
            floor = f"{sys.executable} {ROOT / 'benchmarks' / 'floor_app.py'}"
            argv, marker, says = [sys.executable, "-c", FLOOR_SERVER, floor, str(port)], FLOOR_MARKER, ""
        else:
            argv = [sys.executable, "-m", "wizard", "serve", str(folder / "NEW.toml"), "--port", str(port)]
            marker, says = WIZARD_MARKER, "in a browser"
        with _server(argv, port, ROOT, env, says):
            first = _time_page(context, port, marker)
            time.sleep(NEXT_AFTER)
            return first, _time_page(context, port, marker)


def measure(runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    found: dict[str, list[float]] = {"floor": [], "wizard": []}
    following: dict[str, list[float]] = {"floor": [], "wizard": []}
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800}, timeout=60_000)
        try:
            for i in range(runs + 1):  # the first round warms the browser and the bytecode caches
                for kind in found:  # interleaved: a change in the machine's load hits both alike
                    first, then = one_run(context, kind)
                    if i:
                        found[kind].append(first)
                        following[kind].append(then)
        finally:
            context.close()
    return {**{kind: median(values) for kind, values in found.items()},
            "next": {kind: median(values) for kind, values in following.items()},
            "ratios": [w / f for w, f in zip(found["wizard"], found["floor"], strict=True)], "runs": found,
            "next_runs": following}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5)))
