"""`canvas-wizard serve` in headless Chromium: open the page, answer the first question, find it on disk."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.terminal import left_running
from wizard.commands.cli import main
from wizard.commands.serve import wizard_command
from wizard.files import store

PROGRAM = shutil.which("canvas-wizard")
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright never downloads a browser here
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL = {"localhost", "127.0.0.1"}
# A name a shell would split, unquote or run: it must reach the wizard as one file name.
NAME = "founder's \"canvas\" <b>$(touch injected) `touch injected`.toml"
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """`canvas-wizard serve` in its own process group, as a terminal would run it."""

    def __init__(self, file: Path, cwd: Path, state: Path) -> None:
        self.port = free_port()
        self.log = cwd / "serve.log"
        env = os.environ | {"CANVAS_WIZARD_STATE_DIR": str(state)}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [str(PROGRAM), "serve", file.name, "--port", str(self.port)], cwd=cwd, env=env,
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_listening(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited with {self.process.returncode}:\n{self.output()}")
            with socket.socket() as sock:
                # The address is printed once the first visitor's wizard is ready.
                if sock.connect_ex(("127.0.0.1", self.port)) == 0 and "in a browser" in self.output():
                    return
            time.sleep(0.2)
        raise AssertionError(f"nothing listened on port {self.port}:\n{self.output()}")

    def ctrl_c(self, timeout: float = 30) -> int:
        """Ctrl+C as a terminal sends it: SIGINT to the whole process group."""
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            # Which of the server's processes still runs, and what the server said.
            tree = subprocess.run(["ps", "-o", "pid,ppid,stat,etime,args", "-g", str(self.process.pid)],
                                  capture_output=True, text=True, check=False).stdout
            raise AssertionError(f"still running {timeout} s after Ctrl+C:\n{tree}\n{self.output()}") from None

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        missing.append("playwright for Python (pip install '.[test]')")
    if PROGRAM is None:
        missing.append("an installed canvas-wizard (pip install .)")
    if missing:
        pytest.fail("the browser test needs " + " and ".join(missing))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 800}, timeout=60_000)
        try:
            yield context
        finally:
            context.close()


@pytest.mark.e2e
def test_serve_answers_the_first_question_in_a_browser(browser: Any, tmp_path: Path, isolated_state: Path) -> None:
    path = tmp_path / NAME
    server = Server(path, tmp_path, isolated_state)
    try:
        server.wait_listening()
        assert f"http://localhost:{server.port}" in server.output()

        requested: list[str] = []
        elsewhere: list[str] = []

        def only_local(route: Any) -> None:
            url = route.request.url
            requested.append(url)
            if urlsplit(url).hostname in LOCAL:
                route.continue_()
            else:  # the page must work offline: anything else is refused and reported
                elsewhere.append(url)
                route.abort()

        browser.route("**/*", only_local)
        page = browser.new_page()
        received: list[bytes] = []
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda frame: received.append(frame if isinstance(frame, bytes) else b"")))

        def screen_shows(text: str, timeout: float) -> None:
            # The terminal draws on a canvas; what it was told to draw is the websocket's output.
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if text in ESCAPES.sub("", b"".join(received).decode("utf-8", "replace")):
                    return
                page.wait_for_timeout(200)
            raise AssertionError(f"{text!r} never reached the terminal; server said:\n{server.output()}")

        page.goto(f"http://localhost:{server.port}/", timeout=60_000)
        screen_shows("customer types", timeout=60)
        assert NAME in (page.locator(".intro").first.text_content() or ""), "the page shows another name"
        page.wait_for_timeout(1000)  # the answer field takes focus one frame after the first paint
        page.focus(".xterm-helper-textarea")  # the keyboard, not a mouse click on some widget
        page.keyboard.type("Users")
        page.keyboard.press("Enter")
        screen_shows("1. Users", timeout=30)

        deadline = time.monotonic() + 30
        names: list[str] = []
        while time.monotonic() < deadline and names != ["Users"]:
            if path.exists():
                names = [t.name for t in store.load(path).customer_types]
            time.sleep(0.2)
        assert names == ["Users"], f"the canvas has {names}; server said:\n{server.output()}"
        assert not (tmp_path / "injected").exists(), "the file name was run as a shell command"
        assert not elsewhere, f"the page fetched from outside this machine: {elsewhere}"
        assert any("/static/fonts/RobotoMono" in url for url in requested), "the terminal font was not served here"

        # Ctrl+C with the browser still connected: the server and the wizard behind the page stop.
        assert server.ctrl_c() == 0, server.output()
        assert "Traceback" not in server.output(), server.output()
        assert "stopped" in server.output()
        assert "had not closed" not in server.output(), "the wizard needed telling: " + server.output()
        assert not left_running(str(path)), "left running after Ctrl+C"
    finally:
        server.kill()


def test_the_served_command_keeps_odd_file_names_whole(tmp_path: Path) -> None:
    argv = shlex.split(wizard_command(tmp_path / NAME, tmp_path / "coach's banks", coach=True))
    assert argv[-4:] == [str(tmp_path / NAME), "--coach", "--banks", str(tmp_path / "coach's banks")]


def test_serve_refuses_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"canvas-wizard: {tmp_path}: this is a folder; give a canvas file (.toml)\n"


def test_serve_refuses_broken_banks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.toml").write_text("title = \n", encoding="utf-8")
    assert main(["serve", "--banks", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"canvas-wizard: {tmp_path / 'broken.toml'}: ") and err.count("\n") == 1, err


def test_serve_says_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "wizard", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith(f"canvas-wizard: cannot serve on http://localhost:{port}: ")
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr


def wait_for_types(path: Path, names: list[str], server: Server, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    found: list[str] = []
    while time.monotonic() < deadline:
        if path.exists():
            found = [t.name for t in store.load(path).customer_types]
            if found == names:
                return
        time.sleep(0.2)
    raise AssertionError(f"the canvas has {found}, not {names}; server said:\n{server.output()}")


@pytest.mark.e2e
def test_serve_takes_keys_from_the_start_and_keeps_the_focus(browser: Any, tmp_path: Path,
                                                             isolated_state: Path) -> None:
    """Keys typed as the page loads, before any click into it, reach the answer box; a click
    on a blank part of the page or of the wizard, or the page losing the focus, leaves it there."""
    path = tmp_path / "typed.toml"
    server = Server(path, tmp_path, isolated_state)
    try:
        server.wait_listening()
        page = browser.new_page()
        page.goto(f"http://localhost:{server.port}/", wait_until="domcontentloaded", timeout=60_000)
        page.keyboard.type("Users")  # no click, no waiting for the terminal
        page.keyboard.press("Enter")
        wait_for_types(path, ["Users"], server)

        box = page.locator("#terminal").bounding_box()
        assert box is not None
        # The help beside the question (a blank area of the wizard), the top bar, and the page
        # itself outside the terminal.
        page.mouse.click(box["x"] + box["width"] * 0.85, box["y"] + box["height"] * 0.6)
        page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + 3)
        page.evaluate("document.body.dispatchEvent(new MouseEvent('mousedown', {bubbles: true}))")
        page.wait_for_timeout(300)
        page.keyboard.type("Admins")
        page.keyboard.press("Enter")
        wait_for_types(path, ["Users", "Admins"], server)

        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.wait_for_timeout(300)
        page.keyboard.type("Staff")
        page.keyboard.press("Enter")
        wait_for_types(path, ["Users", "Admins", "Staff"], server)
    finally:
        server.kill()


def test_serve_plans_the_coach_session_for_every_visitor(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve --coach --minutes N --sections ...` as the wizard's own options: checked before
    the server starts (exit 2), then handed to each visitor's wizard, the warm one too."""
    from wizard.commands import warm_start
    from wizard.core.coach_request import Request

    path = tmp_path / "c.toml"
    assert main(["serve", "--minutes", "45", str(path)]) == 2
    assert "--minutes plans a coach session: add --coach" in capsys.readouterr().err
    assert main(["serve", "--coach", "--sections", "no_such_bank", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("canvas-wizard serve: error: --sections: ") and "no_such_bank" in err
    assert main(["serve", "--coach", "--minutes", "0", str(path)]) == 2
    assert "--minutes: a session of 1 to" in capsys.readouterr().err

    argv = shlex.split(wizard_command(path, None, True, plan=Request(45, ("segment_questions", "audience"))))
    assert argv[-5:] == ["--coach", "--minutes", "45", "--sections", "segment_questions,audience"]
    launched: list[object] = []
    monkeypatch.setattr(warm_start, "read_visitor", lambda: (80, 24))
    monkeypatch.setattr("wizard.tui.preload.preload", lambda: None)
    monkeypatch.setattr("wizard.commands.launch.launch", lambda *a, **k: launched.append(k["request"]) or 0)
    monkeypatch.setattr(warm_start.os, "write", lambda fd, data: len(data))
    monkeypatch.setattr(warm_start.gc, "disable", lambda: None)  # this test process keeps its collector
    monkeypatch.setattr(os, "environ", dict(os.environ))  # and its terminal size
    monkeypatch.setattr(warm_start.signal, "signal", lambda *a: None)
    assert warm_start.main(argv[argv.index("wizard") + 1:]) == 0
    assert launched == [Request(45, ("segment_questions", "audience"))]
