"""Export paths (`-o OUT`): written exactly where named, never over a file by surprise.

Never into a folder, device or pipe, and never into a folder that does not exist."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from wizard.files.errors import UserFileError
from wizard.files.outputs import write_output


def test_a_new_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "personas.md"
    write_output(out, "# Personas\n", force=False)
    assert out.read_text() == "# Personas\n"
    assert [p.name for p in tmp_path.iterdir()] == ["personas.md"]  # no temp file left


def test_an_existing_file_is_never_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "personas.md"
    out.write_text("my own notes")
    with pytest.raises(UserFileError, match=r"personas\.md: already exists; use --force to replace it"):
        write_output(out, "# Personas\n", force=False)
    assert out.read_text() == "my own notes"


def test_force_replaces_it_keeping_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "personas.md"
    out.write_text("old export")
    out.chmod(0o640)
    write_output(out, "# Personas\n", force=True)
    assert out.read_text() == "# Personas\n"
    assert out.stat().st_mode & 0o777 == 0o640


def test_relative_paths_and_dot_dot_go_where_they_say(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Outside the current folder is the user's explicit choice: honoured, not refused.
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    write_output(Path("../up.md"), "up", force=False)
    write_output(Path("here.md"), "here", force=False)
    assert (tmp_path / "up.md").read_text() == "up"
    assert (tmp_path / "work" / "here.md").read_text() == "here"


def test_a_missing_folder_is_not_created(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "out.md"
    with pytest.raises(UserFileError, match=f"the folder {tmp_path / 'no' / 'such'} does not exist"):
        write_output(out, "x", force=True)
    assert not (tmp_path / "no").exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="is a folder; give a file name"):
        write_output(tmp_path, "x", force=True)


@pytest.mark.parametrize("special", ["fifo", "/dev/null"])
def test_special_files_are_refused_even_with_force(tmp_path: Path, special: str) -> None:
    target = tmp_path / "pipe" if special == "fifo" else Path(special)
    if special == "fifo":
        os.mkfifo(target)
    with pytest.raises(UserFileError, match="not a regular file"):
        write_output(target, "x", force=True)
    assert not target.is_file()


def test_a_symlink_to_a_file_needs_force_and_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(UserFileError, match="already exists"):
        write_output(link, "new", force=False)
    write_output(link, "new", force=True)
    assert link.is_symlink() and real.read_text() == "new"


def test_a_symlink_to_nothing_is_not_followed(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(UserFileError, match="symbolic link to a missing file"):
        write_output(link, "x", force=True)
    assert not (tmp_path / "elsewhere.md").exists()


def test_a_file_appearing_meanwhile_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.md"
    real_fsync = os.fsync

    def someone_writes_first(fd: int) -> None:
        real_fsync(fd)
        if not out.exists():
            out.write_text("theirs")

    monkeypatch.setattr(os, "fsync", someone_writes_first)
    with pytest.raises(UserFileError, match="already exists"):
        write_output(out, "mine", force=False)
    assert out.read_text() == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_a_failed_write_leaves_the_old_export_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.md"
    out.write_text("old")

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(UserFileError, match="No space left on device"):
        write_output(out, "new", force=True)
    monkeypatch.undo()
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_text_that_cannot_be_encoded_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="lone surrogate"):
        write_output(tmp_path / "out.md", "half \ud83d", force=False)
    assert list(tmp_path.iterdir()) == []
