"""A full disk under both the canvas and the state folder: nothing is claimed that was not written, and nothing is lost.

Every save, the drafts and a rescue copy all fail then. The wizard says so, keeps the
work on screen, tries again, and does not quit while the work is only in its window; the
exit status says when the canvas file does not hold everything. The disk fills up in two
ways: ENOSPC injected in this process (always), and a real 1 MiB tmpfs under the installed
program in a terminal (where this machine lets a test mount one)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import at_step
from tests.factory import structure
from tests.terminal import PROGRAM, Terminal
from wizard.core.session import Step
from wizard.files import store, tomlio
from wizard.files.banks import shipped_catalog
from wizard.tui import keeper
from wizard.tui.app import WizardApp
from wizard.tui.closing import NotWrittenScreen
from wizard.tui.screens.question import QuestionScreen

WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")
WHO_USES = Step(("type-0", "seg-0"), "segment_questions.who_uses")
SIZE = (100, 32)


class Disk:
    """Every write to a regular file fails with ENOSPC while `full`, as on a full disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real_write = os.write

        def write(fd: int, data: bytes) -> int:  # type: ignore[override]
            if self.full and stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(keeper, "RETRY_SECONDS", 0.2)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    yield Disk(monkeypatch)


def notes(app: WizardApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def drafts_on_disk(state: Path) -> dict[str, str]:
    files = list((state / "drafts").glob("*.toml"))
    return tomlio.read(files[0]).get("texts", {}) if files else {}


async def type_while_full(pilot: object, app: WizardApp, path: Path, disk: Disk) -> QuestionScreen:
    screen = await at_step(pilot, WHO_PAYS)  # type: ignore[arg-type]
    disk.full = True
    await pilot.press(*"Parents", "enter")  # type: ignore[attr-defined]
    for _ in range(40):
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if "No space left" in notes(app):
            break
    await pilot.press(*"Students in halls")  # type: ignore[attr-defined]  # typed, not committed
    await pilot.pause()  # type: ignore[attr-defined]
    assert screen.step == WHO_USES
    return screen


async def test_a_full_disk_is_told_and_the_wizard_will_not_quit_while_the_work_is_only_on_screen(
        tmp_path: Path, disk: Disk, isolated_state: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    before = path.read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await type_while_full(pilot, app, path, disk)
        told = notes(app)
        assert "No space left on device" in told and "cannot be kept as a draft" in told
        assert "NOT SAVED" in str(screen.query_one("#topbar").render())
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, NotWrittenScreen)  # still open: quitting would lose it
        problem = app.screen.problem
        assert "A rescue copy could not be written either (No space left on device)" in problem
        assert "could not be kept as drafts either" in problem
        assert "drafts of what you typed are kept" not in problem  # no claim that is not true
        assert not list(isolated_state.rglob("rescued/*"))  # no empty rescue copy to be trusted
        assert WHO_USES.ref not in drafts_on_disk(isolated_state)  # truly not written: as told
        assert path.read_bytes() == before
        await pilot.press("escape")  # back to work: it is all still there
        await pilot.pause()
        assert app.screen is screen and screen.query_one(Input).value == "Students in halls"
        disk.full = False  # space freed: written on the next try, without a keystroke
        for _ in range(50):
            await pilot.pause(0.1)
            if "Saved after all" in notes(app) and drafts_on_disk(isolated_state):
                break
        assert "Saved after all" in notes(app)
        assert store.load(path).customer_types[0].segments[0].get(WHO_PAYS.key) == "Parents"
        assert drafts_on_disk(isolated_state)[WHO_USES.ref] == "Students in halls"
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_try_again_once_there_is_room_saves_everything(tmp_path: Path, disk: Disk,
                                                             isolated_state: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await type_while_full(pilot, app, path, disk)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, NotWrittenScreen)
        await pilot.press("r")  # the disk is still full: it stays
        await pilot.pause()
        assert isinstance(app.screen, NotWrittenScreen)
        disk.full = False
        await pilot.press("r")
        await pilot.pause()
    assert app.return_code == 0 and (app.return_value or "").startswith("Saved ")
    assert store.load(path).customer_types[0].segments[0].get(WHO_PAYS.key) == "Parents"
    assert drafts_on_disk(isolated_state)[WHO_USES.ref] == "Students in halls"


async def test_quitting_anyway_says_what_is_lost_and_exits_non_zero(tmp_path: Path, disk: Disk,
                                                                    isolated_state: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    before = path.read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await type_while_full(pilot, app, path, disk)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    message = app.return_value or ""
    assert app.return_code == 1
    assert message.startswith("NOT saved") and "is lost" in message
    assert "drafts of what you typed are kept" not in message
    assert path.read_bytes() == before
    assert not list(isolated_state.rglob("rescued/*"))  # never an empty copy to be trusted
    assert not Path(str(path) + ".lock").exists() and not (tmp_path / ".c.toml.lock").exists()


async def test_a_rescue_copy_alone_is_not_success(tmp_path: Path, disk: Disk, isolated_state: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Only the canvas's own disk is full: the rescue copy and the drafts can be written.
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await type_while_full(pilot, app, path, disk)
        disk.full = False
        path.chmod(0o444)  # and now the canvas cannot be replaced: it is write-protected
        await pilot.press("ctrl+q")
        await pilot.pause()
    message = app.return_value or ""
    assert app.return_code == 1, message  # the file does not have the answers
    rescued = list((isolated_state / "rescued").glob("c-*.toml"))
    assert len(rescued) == 1 and str(rescued[0]) in message
    assert store.load(rescued[0]).customer_types[0].segments[0].get(WHO_PAYS.key) == "Parents"
    assert drafts_on_disk(isolated_state)[WHO_USES.ref] == "Students in halls"


def mount_works(folder: Path) -> str:
    """Why a tmpfs cannot be mounted here ("" when it can), tried in a mount namespace of its own."""
    if shutil.which("unshare") is None:
        return "no unshare command to make a private mount namespace"
    prefix = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    probe = subprocess.run([*prefix, "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{folder}'"],
                           capture_output=True, text=True, check=False, timeout=30)
    return "" if probe.returncode == 0 else f"cannot mount a tmpfs here: {probe.stderr.strip() or probe.returncode}"


@pytest.mark.e2e
def test_a_real_full_tmpfs_under_the_installed_wizard(terminal: Terminal, tmp_path: Path) -> None:
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    why = mount_works(disk)
    if why:
        pytest.skip(f"{why}; the ENOSPC tests above cover the same promises in-process")
    prefix = "unshare -m" if os.geteuid() == 0 else "unshare -rm"
    # Inside a mount namespace of its own (so nothing stays mounted): a 1 MiB tmpfs holding
    # a new canvas and the state folder; a helper fills it when the test says `go`; after the
    # wizard ends, what is on the tmpfs is copied out for the test to read. Short relative
    # names, so the dialog shows what failed in full.
    script = (f"mount -t tmpfs -o size=1m tmpfs {disk} && "
              f"mkdir {disk}/state && "
              f"( while [ ! -e {tmp_path}/go ]; do sleep 0.1; done; "
              f"dd if=/dev/zero of={disk}/fill bs=4k 2>/dev/null; touch {tmp_path}/filled ) & "
              f"CANVAS_WIZARD_STATE_DIR=disk/state {PROGRAM} disk/c.toml; echo $? > {tmp_path}/rc; "
              f"rm -f {disk}/fill; cp -a {disk}/. {out}/")
    (tmp_path / "run.sh").write_text(script)
    env = {"TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
    terminal.start(f"{prefix} sh {tmp_path}/run.sh", tmp_path, env)
    terminal.wait_for("customer types", timeout=30)
    time.sleep(1)
    (tmp_path / "go").touch()
    deadline = time.monotonic() + 20
    while not (tmp_path / "filled").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (tmp_path / "filled").exists()
    terminal.keys("Users", literal=True)
    terminal.keys("Enter")  # a customer type: not saved
    terminal.wait_for("No space left", timeout=15)
    terminal.keys("Buyers", literal=True)  # typed, not added: no draft can be written
    terminal.keys("C-q")
    shown = terminal.wait_for("could not be written anywhere", timeout=15)
    # The dialog's column: its text, read line by line, apart from the screen behind it.
    start = next(line.index("Your work") for line in shown.splitlines() if "Your work" in line)
    dialog = " ".join(" ".join(line[start:start + 60].split()) for line in shown.splitlines())
    assert "A rescue copy could not be written either (No space left on device)" in dialog, shown
    assert "could not be kept as drafts either" in dialog, shown
    terminal.keys("q")
    deadline = time.monotonic() + 20
    while not (tmp_path / "rc").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (tmp_path / "rc").read_text().strip() == "1", terminal.screen()
    assert "is lost" in " ".join(terminal.screen().split())
    assert not list((out / "state").rglob("rescued/*"))  # no empty copy claimed as a rescue
    assert store.load(out / "c.toml").customer_types == []  # the file as it was before the disk filled
