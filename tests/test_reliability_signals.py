"""A closed terminal (SIGHUP) or a kill (SIGTERM) closes the wizard as Ctrl+Q does: lock removed, all kept.

Driven in a real terminal under tmux: `kill-server` closes the terminal the way closing a
window does, and SIGTERM is sent to the wizard's process (its id is in its lock file)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.terminal import PROGRAM, Terminal, left_running
from wizard.files import locations, lock, store, tomlio

pytestmark = pytest.mark.e2e


def start(terminal: Terminal, tmp_path: Path, state: Path) -> Path:
    path = tmp_path / "c.toml"
    path.write_text((EXAMPLES / "draft-bakery.toml").read_text())
    env = {"CANVAS_WIZARD_STATE_DIR": str(state), "TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
    terminal.start(f"sh -c '{PROGRAM} c.toml; echo exit=$? > rc'", tmp_path, env)
    terminal.wait_for("Welcome back", timeout=30)
    time.sleep(1)
    assert lock.lock_path(path).exists()
    return path


def wait_gone(path: Path, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return not path.exists()


def typed_draft(path: Path) -> list[str]:
    drafts = locations.draft_file(path)
    return list(tomlio.read(drafts).get("texts", {}).values()) if drafts.exists() else []


def test_a_closed_terminal_removes_the_lock_and_keeps_what_was_typed(terminal: Terminal, tmp_path: Path,
                                                                     isolated_state: Path) -> None:
    path = start(terminal, tmp_path, isolated_state)
    before = store.load(path)
    terminal.keys("Typed just before the window closed", literal=True)
    time.sleep(0.5)
    terminal.stop()  # the terminal goes away: SIGHUP
    assert wait_gone(lock.lock_path(path)), "the lock stayed behind"
    assert "Typed just before the window closed" in typed_draft(path)
    assert store.load(path).model_dump(exclude={"updated"}) == before.model_dump(exclude={"updated"})


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_closes_like_ctrl_q(terminal: Terminal, tmp_path: Path, isolated_state: Path, signum: int) -> None:
    path = start(terminal, tmp_path, isolated_state)
    holder = lock.CanvasLock(path).holder()
    assert holder is not None and holder.pid > 0
    terminal.keys("Typed before the kill", literal=True)
    time.sleep(0.5)
    os.kill(holder.pid, signum)
    assert wait_gone(lock.lock_path(path)), "the lock stayed behind"
    deadline = time.monotonic() + 15
    while not (tmp_path / "rc").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (tmp_path / "rc").read_text().strip() == f"exit={128 + signum}"
    assert "Typed before the kill" in typed_draft(path)
    assert "Saved" in terminal.screen()  # the exit line, as after Ctrl+Q


@pytest.mark.parametrize("after", [0.2, 0.4, 0.6, 0.8, 1.0, 1.2])
def test_a_terminal_closed_in_the_first_second_still_lets_the_wizard_close(
        terminal: Terminal, tmp_path: Path, isolated_state: Path, after: float) -> None:
    """Closed while the first screens are still on their way to it: Textual's writer thread
    used to end at the first failed write, and the wizard then blocked for ever on its next
    writes, holding the lock (five starts in six stayed, in a test like this one)."""
    path = tmp_path / "c.toml"
    path.write_text((EXAMPLES / "draft-bakery.toml").read_text())
    env = {"CANVAS_WIZARD_STATE_DIR": str(isolated_state), "TERM": "xterm-256color",
           "PATH": os.environ.get("PATH", "")}
    terminal.start(f"{PROGRAM} {path}", tmp_path, env)  # its own path: no other test's wizard names it
    time.sleep(after)
    terminal.stop()
    assert wait_gone(lock.lock_path(path), timeout=20), "the lock stayed behind"
    left = left_running(str(path), timeout=20)
    assert not left, f"the wizard outlived its terminal: {left}"
    assert store.load(path).title == store.load(EXAMPLES / "draft-bakery.toml").title
