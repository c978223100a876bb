"""Start-up in a real terminal: launch a program under a pty and time it until a marker is painted.

The clock runs from just before the process is spawned until the marker text appears in
what the program writes to the terminal (escape sequences removed); the peak resident
memory (VmHWM) is read from /proc at that moment, before the program is told to quit.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import ROOT

COLUMNS, ROWS = 120, 40
PYCACHE = ROOT / "benchmarks" / "results" / "pycache"
TIMEOUT = 60.0
_ESCAPE = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


@dataclass(frozen=True)
class Launch:
    seconds: float
    cpu_seconds: float
    """The program's own CPU time until the marker: less disturbed by other load than wall time."""
    peak_rss_kb: int
    ready_seconds: float = 0.0
    """Until the `live` marker: the live question, once everything is loaded (0: not asked)."""
    ready_rss_kb: int = 0


def _peak_rss_kb(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _cpu_seconds(pid: int) -> float:
    with contextlib.suppress(OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return 0.0


def launch(argv: list[str], marker: str, cwd: Path, env: dict[str, str], live: str = "") -> Launch:
    """Run `argv` in a pty of COLUMNS x ROWS until `marker` is on screen (and then `live`,
    if given); then quit it."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    wanted = marker.encode("utf-8")
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env,
                            start_new_session=True, close_fds=True)
    os.close(slave)
    seen = b""
    elapsed = cpu = ready_at = 0.0
    peak = ready_rss = 0
    try:
        while True:
            left = TIMEOUT - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{argv}: {marker!r} not painted in {TIMEOUT:.0f} s")
            ready, _, _ = select.select([master], [], [], min(left, 1.0))
            if not ready:
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # the program ended
                chunk = b""
            if not chunk:
                text = _ESCAPE.sub(b"", seen).decode("utf-8", "replace")[-400:]
                raise RuntimeError(f"{argv} ended before painting {marker!r}: {text}")
            seen += chunk
            shown = _ESCAPE.sub(b"", seen)
            if not elapsed and wanted in shown:
                elapsed = time.perf_counter() - start
                peak, cpu = _peak_rss_kb(proc.pid), _cpu_seconds(proc.pid)
            if elapsed and (not live or live.encode("utf-8") in shown):
                if live:
                    ready_at, ready_rss = time.perf_counter() - start, _peak_rss_kb(proc.pid)
                break
    finally:
        _quit(proc, master)
    return Launch(elapsed, cpu, peak, ready_at, ready_rss)


def _quit(proc: subprocess.Popen[bytes], master: int) -> None:
    with contextlib.suppress(OSError):
        os.write(master, b"\x11")  # Ctrl+Q
    deadline = time.perf_counter() + 5
    while proc.poll() is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            with contextlib.suppress(OSError):
                os.read(master, 1 << 16)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    os.close(master)


def environment(state_dir: Path) -> dict[str, str]:
    drop = ("TEXTUAL", "COLUMNS", "LINES", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    # Compiled bytecode is cached as an installed program's would be, but outside the work tree.
    env.update(TERM="xterm-256color", COLORTERM="truecolor", CANVAS_WIZARD_STATE_DIR=str(state_dir),
               PYTHONPYCACHEPREFIX=str(PYCACHE))
    return env


def wizard_command() -> list[str]:
    """`python -m wizard`, the same as the `canvas-wizard` script, but always the wizard in
    this tree (the script imports whichever copy is installed)."""
    return [sys.executable, "-m", "wizard"]


def floor_command() -> list[str]:
    return [sys.executable, str(ROOT / "benchmarks" / "floor_app.py")]


def run_floor() -> Launch:
    from benchmarks.floor_app import MARKER

    with tempfile.TemporaryDirectory() as tmp:
        return launch(floor_command(), MARKER, Path(tmp), environment(Path(tmp)))


def run_wizard(canvas_text: str | None, marker: str, ready: str = "", reopen: bool = False) -> Launch:
    """The wizard on a fresh copy of `canvas_text` (None: a new canvas) in a fresh state folder.

    `reopen`: time the second start, after one that was quit at once, as when a founder
    comes back to their draft (the first start stores the picture of the first question).
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / ("draft.toml" if canvas_text is not None else "NEW.toml")
        if canvas_text is not None:
            path.write_text(canvas_text, encoding="utf-8")
        argv, env = [*wizard_command(), str(path)], environment(folder / "state")
        if reopen:
            launch(argv, marker, ROOT, env, ready)
        return launch(argv, marker, ROOT, env, ready)
