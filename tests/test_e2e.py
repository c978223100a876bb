"""The installed `canvas-wizard` in a real terminal (tmux): type, quit, restart, find it all again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from wizard.core.session import Session
from wizard.files import store
from wizard.files.banks import shipped_catalog

pytestmark = pytest.mark.e2e

from tests.terminal import PROGRAM, Terminal  # noqa: E402 (other end-to-end tests import them from here)


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
