"""The program as a wheel installs it (not from the tree): built from a clean copy, installed
into a folder of its own and run from elsewhere, it finds its stylesheet, its question banks
and the script of the served page."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__",
                                    ".*_cache", ".hypothesis", "node_modules")
"""Left out of the copy the wheel is built from: a stale build/ (or egg-info) folder makes
setuptools put modules that are gone into the wheel."""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the wheel was installed into (with --target, so nothing else is there)."""
    base = tmp_path_factory.mktemp("wheel")
    source, wheels, target = base / "source", base / "wheels", base / "target"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
                           capture_output=True, text=True, check=False, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = wheels.glob("canvas_wizard-*.whl")
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                           str(wheel)], capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working folder with no source of the wizard in it or above it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def env(target: Path, state: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(target), "CANVAS_WIZARD_STATE_DIR": str(state), "NO_COLOR": "1"}


def run(target: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env(target, cwd / ".state"), capture_output=True,
                          text=True, check=False, timeout=120, stdin=subprocess.DEVNULL)


def test_the_installed_program_is_the_wheels(installed: Path, elsewhere: Path) -> None:
    result = run(installed, elsewhere, "-c", "import wizard; print(wizard.__file__)")
    assert Path(result.stdout.strip()).is_relative_to(installed), result.stdout + result.stderr
    assert not (installed / "tests").exists() and not (installed / "benchmarks").exists()


def test_the_installed_program_finds_its_question_banks(installed: Path, elsewhere: Path) -> None:
    shipped = sorted(p.name for p in (ROOT / "question_banks").glob("*.toml"))
    assert sorted(p.name for p in (installed / "question_banks").glob("*.toml")) == shipped
    banks = run(installed, elsewhere, "-m", "wizard", "banks")
    assert banks.returncode == 0, banks.stdout + banks.stderr
    canvas = elsewhere / "facebook.toml"
    canvas.write_bytes((ROOT / "examples" / "facebook.toml").read_bytes())
    score = run(installed, elsewhere, "-m", "wizard", "score", canvas.name, "--json")
    assert score.returncode == 0, score.stdout + score.stderr
    assert json.loads(score.stdout)["overall"] == 100


APP = """
import asyncio, sys
from pathlib import Path
from wizard.tui.app import WizardApp

async def main() -> None:
    app = WizardApp(Path(sys.argv[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Walk-in customers")
        await pilot.pause()
        print(app.screen.query_one("#field-box").region.height, [str(p) for p in app.css_path])
        print(app.screen.query_one("#topbar").styles.background)

asyncio.run(main())
"""


def test_the_installed_wizard_finds_its_stylesheet(installed: Path, elsewhere: Path) -> None:
    result = run(installed, elsewhere, "-c", APP, "new.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    height, paths = result.stdout.splitlines()[0].split(" ", 1)
    assert int(height) > 0 and str(installed / "wizard" / "tui" / "app.tcss") in paths, result.stdout
    # The stylesheet's rules are applied: the top bar has the background app.tcss gives it.
    assert "Color(0, 0, 0, a=0" not in result.stdout.splitlines()[1], result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def served(installed: Path, elsewhere: Path) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "wizard", "serve", "--port", str(port)], cwd=elsewhere,
                              env=env(installed, elsewhere / ".state"), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and server.poll() is None:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        assert server.poll() is None, server.communicate()[0]
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_installed_server_finds_the_pages_script(installed: Path, served: str) -> None:
    script = (installed / "wizard" / "commands" / "serve_page.js").read_text(encoding="utf-8")
    with urllib.request.urlopen(served, timeout=30) as response:
        page = response.read().decode()
    assert script.strip().splitlines()[0] in page
    assert "fonts.googleapis" not in page  # the offline page, not textual-serve's own


