"""Saving never loses work: atomic replace, permission bits, symlinks and backups.

A failing step leaves the old file, no temp file, and a message."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.factory import full_canvas, structure
from wizard.core.session import Session, Step
from wizard.files import store
from wizard.files.errors import CanvasFileError
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent


def saved(path: Path, title: str = "Old") -> bytes:
    store.save(structure(1, 1, 1, title=title), path, keep_previous=False)
    return path.read_bytes()


def leftovers(folder: Path) -> list[str]:
    """Anything a save may have left behind: hidden temp files."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# -- a failing step leaves the old file, no temp file, and a message ---------------------
def test_replace_failing_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    old = saved(path)
    real_replace = os.replace

    def broken_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == path:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(CanvasFileError, match=r"file on disk is unchanged.*Input/output error"):
        store.save(structure(1, 1, 1, title="New"), path)
    assert path.read_bytes() == old
    assert leftovers(tmp_path) == []


def test_disk_full_halfway_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    old = saved(path)
    real_write = os.write
    calls = []

    def fills_up(fd: int, data: bytes | memoryview) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data)[: len(data) // 2])  # half of it lands
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", fills_up)
    with pytest.raises(CanvasFileError, match=r"unchanged.*No space left on device") as info:
        store.save(structure(2, 2, 2, title="New"), path)
    monkeypatch.undo()
    assert len(calls) == 2
    assert str(info.value).startswith(str(path))
    assert path.read_bytes() == old
    assert leftovers(tmp_path) == []


def test_a_real_write_error_from_the_kernel_leaves_the_old_file(tmp_path: Path, catalog: Catalog) -> None:
    # RLIMIT_FSIZE makes the kernel refuse writes past 4 KiB: a genuine failure halfway.
    path = tmp_path / "c.toml"
    old = saved(path)
    assert len(old) < 4096
    big = tmp_path / "big.toml"
    store.save(full_canvas(catalog, 2, 2, 2), big)
    assert big.stat().st_size > 4096
    code = textwrap.dedent(f"""
        import resource, signal, sys
        from pathlib import Path
        from wizard.files import store
        from wizard.files.errors import CanvasFileError
        canvas = store.load(Path({str(big)!r}))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            store.save(canvas, Path({str(path)!r}))
        except CanvasFileError as exc:
            print(exc)
            sys.exit(1)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "file on disk is unchanged (File too large)" in result.stdout
    assert path.read_bytes() == old
    assert leftovers(tmp_path) == []


def test_text_that_does_not_parse_back_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    old = saved(path)
    monkeypatch.setattr(store.toml_write, "dumps", lambda data, reuse=None: 'schema_version = 1\ntitle = "cut off\n')
    with pytest.raises(CanvasFileError, match=r"unchanged.*invalid TOML"):
        store.save(Canvas(), path)
    assert path.read_bytes() == old
    assert leftovers(tmp_path) == []


def test_a_temp_file_that_reads_back_wrong_is_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    old = saved(path)
    real_pread = os.pread
    monkeypatch.setattr(os, "pread", lambda fd, n, off: real_pread(fd, n, off).replace(b"New", b"Nex"))
    with pytest.raises(CanvasFileError, match="did not read back"):
        store.save(structure(1, 1, 1, title="New"), path)
    assert path.read_bytes() == old
    assert leftovers(tmp_path) == []


def test_the_file_and_its_folder_are_fsynced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    saved(path)
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    store.save(structure(1, 1, 1, title="New"), path)
    assert any(Path(p).name.startswith(".c.toml.") for p in synced)  # the new text, before the rename
    assert str(tmp_path) in synced  # the folder, after it


# -- what the saved file keeps --------------------------------------------------------
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_permission_bits_are_kept(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "c.toml"
    saved(path)
    path.chmod(mode)
    store.save(structure(1, 1, 1, title="New"), path)
    assert path.stat().st_mode & 0o777 == mode
    assert (tmp_path / "c.toml~").stat().st_mode & 0o777 == mode


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        store.save(Canvas(), tmp_path / "c.toml")
    finally:
        os.umask(old)
    assert (tmp_path / "c.toml").stat().st_mode & 0o777 == 0o600


def test_a_symlink_is_written_through_and_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real" / "c.toml"
    real.parent.mkdir()
    saved(real)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    store.save(structure(1, 1, 1, title="New"), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert store.load(real).title == "New"
    assert store.load(real.with_name("c.toml~")).title == "Old"  # the backup sits by the real file


def test_a_symlink_to_a_special_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "c.toml"
    link.symlink_to(fifo)
    with pytest.raises(CanvasFileError, match="not a regular file"):
        store.save(Canvas(), link)
    assert link.is_symlink() and os.readlink(link) == str(fifo)


# -- backups ------------------------------------------------------------------------
def test_the_previous_version_is_kept_as_file_tilde(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    backup = tmp_path / "c.toml~"
    store.save(structure(1, 1, 1, title="First"), path)
    assert not backup.exists()  # nothing to back up yet
    first = path.read_bytes()
    store.save(structure(1, 1, 1, title="Second"), path)
    assert backup.read_bytes() == first
    second = path.read_bytes()
    store.save(structure(1, 1, 1, title="Bad edit"), path)
    assert backup.read_bytes() == second  # one bad save can always be undone
    assert store.load(backup).title == "Second"


def test_session_saves_keep_the_previous_answer_in_the_backup(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "c.toml"
    session = Session.open(path, catalog, title="Campus")
    step = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    session.add_child(Step((), "structure.customer_types"), "Type 0")
    session.add_child(Step(("type-0",), "structure.segments"), "Seg 0")
    session.commit(step, "Parents")
    session.commit(step, "Oops, typed over it")
    session.close()
    previous = store.load(tmp_path / "c.toml~")
    assert previous.customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"
