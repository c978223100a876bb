"""The installed `canvas-wizard` in a real terminal (tmux): type, quit, restart, find it all again."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from wizard.core.session import Session
from wizard.files import store
from wizard.files.banks import shipped_catalog

pytestmark = pytest.mark.e2e

PROGRAM = shutil.which("canvas-wizard")


class Terminal:
    """One tmux session running one command, 100x30, each start on a tmux server of its
    own: a server still shutting down after the last session (this test's previous start,
    another test, another run) refuses new sessions."""

    def __init__(self, name: str, sockets: Path) -> None:
        self.name = name
        self.sockets = sockets
        self.starts = 0

    def tmux(self, *args: str) -> str:
        socket = str(self.sockets / f"{self.starts}.sock")
        return subprocess.run(["tmux", "-S", socket, *args], capture_output=True, text=True, check=True).stdout

    def start(self, command: str, cwd: Path, env: dict[str, str]) -> None:
        self.stop()
        self.starts += 1
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", "-c", str(cwd),
                  f"env {exports} {command}; sleep 30")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)
        time.sleep(0.3)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{shown}")

    def stop(self) -> None:
        if self.starts:
            subprocess.run(["tmux", "-S", str(self.sockets / f"{self.starts}.sock"), "kill-server"],
                           capture_output=True, check=False)


@pytest.fixture
def terminal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminal]:
    if shutil.which("tmux") is None or PROGRAM is None:
        pytest.fail("the end-to-end test needs tmux and an installed canvas-wizard (pip install .)")
    term = Terminal(f"cw-{uuid.uuid4().hex[:8]}", tmp_path_factory.mktemp("tmux"))
    yield term
    term.stop()


def test_type_quit_restart_and_resume(terminal: Terminal, tmp_path: Path, isolated_state: Path) -> None:
    path = tmp_path / "founder.toml"
    env = {"CANVAS_WIZARD_STATE_DIR": str(isolated_state), "TERM": "xterm-256color",
           "PATH": os.environ.get("PATH", "")}
    terminal.start(f"{PROGRAM} founder.toml", tmp_path, env)
    terminal.wait_for("customer types")
    time.sleep(1)  # the answer field takes focus one frame after the first paint
    terminal.keys("Users", literal=True)
    terminal.keys("Enter")
    terminal.wait_for("1. Users")
    terminal.keys("Enter")  # an empty line goes on to the first question about Users
    terminal.keys("Enter")  # choose the first role
    catalog = shipped_catalog()
    role = catalog.get("customer_model.role")
    assert role is not None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        canvas = store.load(path)
        if canvas.customer_types and canvas.customer_types[0].get("customer_model.role"):
            break
        time.sleep(0.2)
    assert canvas.customer_types[0].name == "Users"
    assert canvas.customer_types[0].get("customer_model.role") == role.question.choices[0].value
    terminal.keys("C-q")
    terminal.wait_for("Saved")

    # Restart: the answers are there, and the wizard is at the first open question.
    terminal.stop()
    terminal.start(f"{PROGRAM} founder.toml", tmp_path, env)
    session = Session(path, store.load(path), catalog)
    first = session.first_open()
    assert first is not None
    question = session.question(first)
    assert question is not None
    shown = terminal.wait_for("Welcome back")
    opening = " ".join(question.prompt.split()[:4])  # long prompts wrap; the start does not
    assert opening in shown, shown
    terminal.keys("C-q")
