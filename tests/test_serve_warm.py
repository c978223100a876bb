"""`serve`'s warm wizard: ready before the visitor, with no file open and no lock, then theirs at their size."""

from __future__ import annotations

import json
import os
import select
import shlex
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests import test_serve
from tests.conftest import EXAMPLES
from tests.terminal import left_running, processes_naming
from tests.test_serve import ESCAPES, Server
from wizard.commands.serve import wizard_command
from wizard.commands.serve_pool import warm_command
from wizard.commands.warm_start import READY
from wizard.files import store
from wizard.files.lock import lock_path

browser = test_serve.browser  # headless Chromium, the fixture of tests/test_serve.py
WEB = {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "TEXTUAL_COLOR_SYSTEM": "truecolor",
       "TERM_PROGRAM": "textual", "TEXTUAL_FPS": "60"}


def warm(path: Path, state: Path) -> subprocess.Popen[bytes]:
    """A warm process, as serve starts it (without the shell), for the canvas at `path`."""
    argv = shlex.split(warm_command(wizard_command(path, None, coach=False)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")} | WEB
    env["CANVAS_WIZARD_STATE_DIR"] = str(state)
    process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, cwd=path.parent)
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    line = b""
    while time.monotonic() < deadline and not line:
        if select.select([process.stdout], [], [], 1)[0]:
            line = process.stdout.readline()
    assert line == READY, process.stderr.read() if process.stderr else line
    return process


def open_files(pid: int) -> list[str]:
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            found.append(os.readlink(fd))
        except OSError:
            continue
    return found


def terminal(out: bytes) -> str:
    """What the web driver told the terminal: its data packets after Textual's prelude, escapes removed."""
    data, at = [], out.find(b"__GANGLION__\n")
    if at < 0:
        return ""
    at += len(b"__GANGLION__\n")
    while at + 5 <= len(out):
        kind, size = out[at:at + 1], int.from_bytes(out[at + 1:at + 5], "big")
        if kind == b"D":
            data.append(out[at + 5:at + 5 + size])
        at += 5 + size
    return ESCAPES.sub("", b"".join(data).decode("utf-8", "replace"))


def read_until(process: subprocess.Popen[bytes], text: str, timeout: float = 60) -> str:
    assert process.stdout is not None
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if select.select([process.stdout], [], [], 0.2)[0]:
            chunk = os.read(process.stdout.fileno(), 1 << 16)
            if not chunk:
                break
            out += chunk
            if text in terminal(out):
                return terminal(out)
    raise AssertionError(f"{text!r} never came; stderr: {process.stderr.read() if process.stderr else ''!r}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        assert process.stdout is not None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and os.read(process.stdout.fileno(), 1 << 16):
            pass
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_ready_with_nothing_opened_then_the_visitors_wizard_at_their_size(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    shutil.copy(EXAMPLES / "draft-bakery.toml", path)
    before = path.read_bytes()
    state = tmp_path / "state"
    process = warm(path, state)
    try:
        time.sleep(0.5)
        # Ready, and nothing of the visitor's: no lock, no state folder, the canvas not open.
        assert not lock_path(path).exists()
        assert not state.exists()
        assert not any(str(path) in f or str(state) in f for f in open_files(process.pid))
        assert process.stdin is not None
        process.stdin.write(json.dumps({"type": "visitor", "width": 123, "height": 37}).encode() + b"\n")
        process.stdin.flush()
        shown = read_until(process, "Local walk-in customers")
        deadline = time.monotonic() + 20
        while not lock_path(path).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert f"pid = {process.pid}" in lock_path(path).read_text(encoding="utf-8")
        # Drawn at the visitor's size: the first paint is whole lines of the screen.
        lines = shown.split("\n")
        assert len(lines) >= 30 and {len(line) for line in lines[1:30]} == {123}, lines[:3]
    finally:
        stop(process)
    assert path.read_bytes() == before  # opened, not changed


@pytest.mark.parametrize("said", [b"", b"not json\n", b'{"type": "quit"}\n', b'{"type": "visitor", "width": 0}\n'])
def test_a_warm_process_with_no_visitor_ends_quietly(said: bytes, tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    process = warm(path, tmp_path / "state")
    assert process.stdin is not None
    process.stdin.write(said)
    process.stdin.close()  # the server stopped, or said something that is not a visitor
    assert process.wait(30) == 0
    assert process.stderr is not None and process.stderr.read() == b""
    assert not path.exists() and not lock_path(path).exists() and not (tmp_path / "state").exists()


def test_ctrl_c_before_a_visitor_ends_it_without_a_traceback(tmp_path: Path) -> None:
    process = warm(tmp_path / "new.toml", tmp_path / "state")
    process.send_signal(signal.SIGINT)
    process.wait(30)
    assert process.stderr is not None and b"Traceback" not in process.stderr.read()


def page_text(received: list[bytes]) -> str:
    return ESCAPES.sub("", b"".join(received).decode("utf-8", "replace"))


def open_page(browser: Any, port: int) -> tuple[Any, list[bytes]]:
    page = browser.new_page()
    received: list[bytes] = []
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda frame: received.append(frame if isinstance(frame, bytes) else b"")))
    page.goto(f"http://localhost:{port}/", timeout=60_000)
    return page, received


def shows(page: Any, received: list[bytes], text: str, server: Server, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in page_text(received):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{text!r} never reached the terminal; server said:\n{server.output()}")


def warm_processes(path: Path) -> list[str]:
    return [p for p in processes_naming(str(path)) if "warm_start" in p and "/bin/sh" not in p]


def next_spare(path: Path, taken: list[str]) -> list[str]:
    """The warm processes, once none of those in `taken` is left (a visitor's, still ending, is not the next)."""
    now = warm_processes(path)
    return [] if set(now) & set(taken) else now


@pytest.mark.e2e
def test_two_visitors_one_after_the_other(browser: Any, tmp_path: Path, isolated_state: Path) -> None:
    path = tmp_path / "cohort.toml"
    server = Server(path, tmp_path, isolated_state)
    try:
        server.wait_listening()
        spare = warm_processes(path)
        assert spare and not lock_path(path).exists()  # ready, holding nothing
        first, received = open_page(browser, server.port)
        shows(first, received, "customer types", server)
        first.wait_for_timeout(1000)
        first.focus(".xterm-helper-textarea")
        first.keyboard.type("Users")
        first.keyboard.press("Enter")
        shows(first, received, "1. Users", server, timeout=30)
        first.close()
        # The first visitor's wizard (the spare it took: started as one, it is named as one)
        # saves, lets go and ends; the next one is ready and holds nothing.
        deadline = time.monotonic() + 30
        while (lock_path(path).exists() or not next_spare(path, spare)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not lock_path(path).exists() and next_spare(path, spare), server.output()
        assert [t.name for t in store.load(path).customer_types] == ["Users"]
        second, received = open_page(browser, server.port)
        shows(second, received, "Welcome back", server)
        assert "is open in another wizard" not in page_text(received)
        assert lock_path(path).exists()
        second.close()
        assert server.ctrl_c() == 0, server.output()
        assert "Traceback" not in server.output(), server.output()
        assert not left_running(str(path)), "left running after Ctrl+C"
    finally:
        server.kill()


@pytest.mark.e2e
def test_two_visitors_at_once_one_edits_the_other_is_told(browser: Any, tmp_path: Path,
                                                           isolated_state: Path) -> None:
    path = tmp_path / "shared.toml"
    shutil.copy(EXAMPLES / "draft-bakery.toml", path)
    server = Server(path, tmp_path, isolated_state)
    try:
        server.wait_listening()
        pages = [browser.new_page(), browser.new_page()]
        received: list[list[bytes]] = [[], []]
        for page, got in zip(pages, received, strict=True):
            page.on("websocket", lambda ws, got=got: ws.on(
                "framereceived", lambda frame: got.append(frame if isinstance(frame, bytes) else b"")))
        for page in pages:  # the second opens before the first has its wizard
            page.goto(f"http://localhost:{server.port}/", wait_until="commit", timeout=60_000)
        deadline = time.monotonic() + 60
        texts = ["", ""]
        while time.monotonic() < deadline:
            texts = [page_text(got) for got in received]
            if sum("Welcome back" in t for t in texts) == 1 and any("is open in another wizard" in t for t in texts):
                break
            pages[0].wait_for_timeout(200)
        assert sum("Welcome back" in t for t in texts) == 1, server.output()
        assert sum("is open in another wizard" in t for t in texts) == 1, server.output()
    finally:
        server.kill()
