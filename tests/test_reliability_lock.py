"""Two wizards on one file: the lock beside the canvas says who has it; stale locks never block.

The second wizard may only read; a lock left by a dead process, a rebooted machine or
long ago is taken over."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.factory import structure
from wizard.core.session import Session, Step
from wizard.files import lock, store
from wizard.files.errors import LockedError, ReadOnlyError
from wizard.files.lock import CanvasLock, Holder
from wizard.model.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")


@pytest.fixture
def canvas_path(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


def plant(path: Path, **changes: object) -> Path:
    """A lock file as another wizard would have written it, with `changes` to its fields."""
    fields: dict[str, object] = {"pid": os.getpid(), "host": socket.gethostname(), "user": "alice",
                                 "started": datetime(2025, 1, 2, 9, 30, tzinfo=UTC), "token": "theirs",
                                 "boot": lock._boot_id(), "ticks": lock._start_ticks(os.getpid())}
    fields.update(changes)
    lock_file = lock.lock_path(path)
    lock_file.write_bytes(lock._encode(Holder(**fields)))  # type: ignore[arg-type]
    return lock_file


def test_the_lock_sits_beside_the_canvas_and_goes_on_release(canvas_path: Path) -> None:
    before = canvas_path.read_bytes()
    mine = CanvasLock(canvas_path)
    assert mine.acquire() is None
    lock_file = canvas_path.with_name(".c.toml.lock")
    text = lock_file.read_text()
    assert f"pid = {os.getpid()}" in text and socket.gethostname() in text and "started = " in text
    assert canvas_path.read_bytes() == before  # the canvas itself is never locked or touched
    mine.release()
    assert not lock_file.exists()


def test_a_second_wizard_is_told_who_holds_it(canvas_path: Path, catalog: Catalog) -> None:
    plant(canvas_path)
    with pytest.raises(LockedError) as info:
        Session.open(canvas_path, catalog)
    assert f"alice (process {os.getpid()} on {socket.gethostname()}" in str(info.value)
    assert "has it open" in str(info.value)
    assert info.value.holder in str(info.value)


def test_read_only_refuses_every_change_and_leaves_the_file_alone(canvas_path: Path, catalog: Catalog) -> None:
    lock_file = plant(canvas_path)
    before = canvas_path.read_bytes()
    session = Session.open(canvas_path, catalog, read_only=True)
    assert session.read_only.startswith("read-only: alice (process")
    with pytest.raises(ReadOnlyError, match="read-only: alice"):
        session.commit(WHO_PAYS, "Parents")
    with pytest.raises(ReadOnlyError):
        session.add_child(Step((), "structure.customer_types"), "Buyers")
    with pytest.raises(ReadOnlyError):
        session.remove_child(Step((), "structure.customer_types"), "type-0")
    assert session.value(WHO_PAYS) is None  # refused before anything changed in memory
    session.close()
    assert canvas_path.read_bytes() == before
    assert lock_file.exists()  # a reader never removes the writer's lock


def test_a_lock_of_a_dead_process_is_taken_over(canvas_path: Path, catalog: Catalog) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    plant(canvas_path, pid=int(gone.stdout), ticks=0)
    session = Session.open(canvas_path, catalog)
    assert CanvasLock(canvas_path).holder() == session.file.lock.me  # type: ignore[union-attr]
    session.close()


def test_a_wizard_killed_with_sigkill_does_not_block_the_next(canvas_path: Path, catalog: Catalog) -> None:
    code = ("from pathlib import Path; from wizard.core.session import Session\n"
            "from wizard.files.banks import shipped_catalog\n"
            f"s = Session.open(Path({str(canvas_path)!r}), shipped_catalog()); print('open', flush=True)\n"
            "import time; time.sleep(60)\n")
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "open"
    with pytest.raises(LockedError):
        Session.open(canvas_path, catalog)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert lock.lock_path(canvas_path).exists()  # a killed process cannot clean up ...
    Session.open(canvas_path, catalog).close()  # ... and it does not matter


def test_a_wizard_that_exits_without_closing_releases_its_lock(canvas_path: Path) -> None:
    code = ("from pathlib import Path; from wizard.core.session import Session\n"
            "from wizard.files.banks import shipped_catalog\n"
            f"s = Session.open(Path({str(canvas_path)!r}), shipped_catalog())\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
    assert not lock.lock_path(canvas_path).exists()


def test_a_recycled_pid_does_not_hold_the_lock(canvas_path: Path) -> None:
    plant(canvas_path, ticks=1)  # our pid, but a process that started at another moment
    assert CanvasLock(canvas_path).acquire() is None


def test_a_lock_from_before_a_reboot_is_stale(canvas_path: Path) -> None:
    if not lock._boot_id():
        pytest.skip("no boot id on this system")
    plant(canvas_path, boot="another-boot")
    assert CanvasLock(canvas_path).acquire() is None


def test_another_hosts_lock_holds_until_it_is_very_old(canvas_path: Path) -> None:
    lock_file = plant(canvas_path, host="elsewhere", pid=1)
    holder = CanvasLock(canvas_path).acquire()
    assert holder is not None and holder.host == "elsewhere"
    old = time.time() - lock.MAX_AGE.total_seconds() - 60
    os.utime(lock_file, (old, old))
    assert CanvasLock(canvas_path).acquire() is None


def test_saving_keeps_a_long_session_lock_fresh(canvas_path: Path, catalog: Catalog) -> None:
    session = Session.open(canvas_path, catalog)
    lock_file = lock.lock_path(canvas_path)
    os.utime(lock_file, (1000, 1000))
    session.commit(WHO_PAYS, "Parents")
    assert time.time() - lock_file.stat().st_mtime < 60
    session.close()


def test_a_damaged_lock_blocks_only_while_it_is_new(canvas_path: Path) -> None:
    lock_file = lock.lock_path(canvas_path)
    lock_file.write_bytes(b"\x00garbage")
    assert CanvasLock(canvas_path).acquire() is not None
    os.utime(lock_file, (1000, 1000))
    assert CanvasLock(canvas_path).acquire() is None


def test_release_leaves_a_lock_someone_else_took_over(canvas_path: Path) -> None:
    mine = CanvasLock(canvas_path)
    assert mine.acquire() is None
    lock_file = plant(canvas_path, user="bob")  # taken over while we looked stale
    mine.release()
    assert "bob" in lock_file.read_text()


def test_every_path_to_one_file_shares_one_lock(canvas_path: Path, catalog: Catalog) -> None:
    link = canvas_path.parent / "link.toml"
    link.symlink_to(canvas_path)
    session = Session.open(canvas_path, catalog)
    with pytest.raises(LockedError):
        Session.open(link, catalog)
    session.close()
