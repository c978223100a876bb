"""A real terminal for end-to-end tests: the installed `canvas-wizard` under tmux."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

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


def processes_naming(text: str) -> list[str]:
    """The processes whose command line holds `text` ("pid: command line"), to tell that
    none outlived its terminal or its server."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().decode(errors="replace")
        except OSError:  # the process ended while we looked
            continue
        if text in argv:
            found.append(f"{cmdline.parent.name}: {argv.replace(chr(0), ' ')}")
    return found


def left_running(text: str, timeout: float = 10) -> list[str]:
    """The processes naming `text` still running after waiting up to `timeout` seconds for them to end."""
    deadline = time.monotonic() + timeout
    while (found := processes_naming(text)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return found
