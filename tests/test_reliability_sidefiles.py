"""Odd side files never hang the wizard or flood its memory, and an odd lock never lets a second writer in.

A lock file, the first-frame picture or the drafts may be anything: a named pipe, a link
to /dev/zero, a folder, a file of megabytes. Each case runs where it cannot take the test
run down with it: in a child process with a memory limit and a deadline, or in the
installed program under tmux."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.factory import structure
from tests.terminal import PROGRAM, Terminal
from wizard.core.session import Session
from wizard.files import locations, lock, store
from wizard.files.banks import shipped_catalog
from wizard.files.errors import LockedError
from wizard.tui.app import WizardApp
from wizard.tui.screens.dialogs import LockedScreen

MEMORY_LIMIT = 1 << 30
"""Far more than the wizard's core needs; /dev/zero read whole passes it in a second."""


def limited() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def in_child(code: str, timeout: float = 20) -> str:
    """Run `code` in a fresh interpreter with a memory limit; its output, or a failure
    saying that it hung or ran out of memory."""
    try:
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                              timeout=timeout, preexec_fn=limited, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"hung for {timeout} s")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def canvas(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


def aged(path: Path) -> None:
    """As if left there an hour ago: old enough that a damaged lock would be broken."""
    old = time.time() - 3600
    os.utime(path, (old, old), follow_symlinks=False)


def make_fifo(path: Path) -> str:
    os.mkfifo(path)
    return "a named pipe"


def make_zero_link(path: Path) -> str:
    path.symlink_to("/dev/zero")
    return "a symbolic link"


def make_link_to_a_lock(path: Path) -> str:
    real = path.with_name("elsewhere.lock")
    real.write_bytes(lock._encode(lock._me()))
    path.symlink_to(real)
    return "a symbolic link"


def make_folder(path: Path) -> str:
    path.mkdir()
    (path / "inside").write_text("x")
    return "a folder"


def make_socket(path: Path) -> str:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return "a socket"


def make_huge(path: Path) -> str:
    path.write_bytes(b"# canvas-wizard lock\n" + b"x" * 5000)
    return "5,021 bytes"


ODD: dict[str, Callable[[Path], str]] = {
    "fifo": make_fifo, "link to /dev/zero": make_zero_link, "link to a lock": make_link_to_a_lock,
    "folder": make_folder, "socket": make_socket, "over 4096 bytes": make_huge,
}


@pytest.mark.parametrize("kind", list(ODD))
def test_an_odd_lock_counts_as_held_by_someone_unknown(tmp_path: Path, kind: str) -> None:
    path = canvas(tmp_path)
    lock_file = lock.lock_path(path)
    said = ODD[kind](lock_file)
    aged(lock_file)
    before = os.lstat(lock_file)
    out = in_child(f"from pathlib import Path\nfrom wizard.files.lock import CanvasLock\n"
                   f"mine = CanvasLock(Path({str(path)!r}))\nholder = mine.acquire()\n"
                   "print(mine.held, holder.describe() if holder else None)\n")
    assert out.startswith("False someone unknown (its lock file "), out
    assert said in out and lock_file.name in out and "delete that file" in out
    after = os.lstat(lock_file)  # neither broken nor replaced
    assert (after.st_ino, after.st_mode, after.st_size) == (before.st_ino, before.st_mode, before.st_size)


def test_a_damaged_lock_over_4096_bytes_is_respected_not_broken(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    lock_file = lock.lock_path(path)
    make_huge(lock_file)
    aged(lock_file)  # older than the 10 s that lets a small damaged lock be broken
    with pytest.raises(LockedError, match="someone unknown"):
        Session.open(path, shipped_catalog())
    with pytest.raises(LockedError):  # and again: a second wizard is kept out as well
        Session.open(path, shipped_catalog())
    assert lock_file.stat().st_size == 5021


async def test_the_wizard_shows_the_lock_dialog_for_an_odd_lock(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    before = path.read_bytes()
    lock_file = lock.lock_path(path)
    make_huge(lock_file)
    aged(lock_file)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "someone unknown" in shown and ".c.toml.lock" in shown and "delete that file" in shown
        await pilot.press("q")
        await pilot.pause()
    assert path.read_bytes() == before and lock_file.stat().st_size == 5021


def test_an_odd_first_frame_picture_is_ignored(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    picture = locations.first_frame_file(path)
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.symlink_to("/dev/zero")
    out = in_child(f"from pathlib import Path\nfrom wizard.files import first_frame, locations\n"
                   f"print(first_frame.load(Path({str(path)!r}), 'banks', False))\n")
    assert out.strip() == "None"


@pytest.mark.e2e
def test_a_fifo_lock_shows_the_dialog_and_odd_side_files_are_ignored(terminal: Terminal, tmp_path: Path,
                                                                     isolated_state: Path) -> None:
    path = tmp_path / "fifo.toml"
    path.write_text((EXAMPLES / "facebook.toml").read_text())
    os.mkfifo(tmp_path / ".fifo.toml.lock")
    # The picture and the drafts of this canvas are odd too: a link to /dev/zero and a pipe.
    for side, make in ((locations.first_frame_file(path), make_zero_link), (locations.draft_file(path), make_fifo)):
        side.parent.mkdir(parents=True, exist_ok=True)
        make(side)
    env = {"CANVAS_WIZARD_STATE_DIR": str(isolated_state), "TERM": "xterm-256color",
           "PATH": os.environ.get("PATH", "")}
    terminal.start(f"sh -c 'ulimit -v 4000000; {PROGRAM} fifo.toml; echo exit=$? > rc'", tmp_path, env)
    shown = terminal.wait_for("open in another wizard", timeout=20)
    assert "named pipe" in shown
    terminal.keys("r")  # read-only: the drafts (a pipe) are read too
    terminal.wait_for("Read-only", timeout=15)
    terminal.keys("C-q")
    deadline = time.monotonic() + 15
    while not (tmp_path / "rc").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (tmp_path / "rc").read_text().strip() == "exit=0", terminal.screen()
    assert (tmp_path / ".fifo.toml.lock").is_fifo()
