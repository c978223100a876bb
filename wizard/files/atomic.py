"""Replace a file atomically: the old file stays whole until the new one is complete on disk.

The steps are SQLite's and Vim's: write a temp file in the same folder, fsync it, read it
back, `os.replace` it over the old file, fsync the folder. A crash at any moment leaves the
old file or the new one, never a mixture; a failure at any step leaves the old file and no
temp file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from collections.abc import Callable
from pathlib import Path

from wizard.files import backup
from wizard.files.errors import UserFileError

TEMP_SUFFIX = ".tmp"


def temp_name(target: Path) -> Path:
    """A hidden sibling of `target`; `.NAME.<8 hex>.tmp` (a crash may leave one behind)."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}")


def write_atomic(
    path: Path,
    data: bytes,
    *,
    verify: Callable[[bytes], None] | None = None,
    keep_previous: bool = False,
    exclusive: bool = False,
    protected: bool = False,
    error: type[UserFileError] = UserFileError,
) -> int:
    """Replace `path` (through any symlink, keeping its permission bits) with `data`.

    `verify` sees the bytes as read back from the temp file and raises to stop the save.
    `exclusive` refuses to replace a file that exists by the time the new one is complete.
    `protected` refuses to replace a file whose permissions forbid writing to it (`chmod
    444`): renaming over it would work, since the folder allows it, but would ignore what
    its permissions say.
    Returns the new file's modification time in nanoseconds.
    """
    target = Path(os.path.realpath(path))  # a symlinked file is written through to its target
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise error(path, f"cannot save ({exc.strerror or exc})") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise error(path, "not a regular file (a folder, device, pipe or socket); not replaced")
    if protected and info is not None and write_protected(target, info):
        raise error(path, READ_ONLY)
    if not target.parent.is_dir():
        raise error(path, f"cannot save: the folder {target.parent} does not exist")
    tmp = temp_name(target)
    done = False
    try:
        # 0o666 for a new file lets the kernel apply the user's umask, as any editor would.
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666 if info is None else 0o600)
        try:
            _write_all(fd, data)
            if info is not None:
                os.fchmod(fd, stat.S_IMODE(info.st_mode))
                _keep_owner(fd, info)
            os.fsync(fd)
            written = _read_back(fd, len(data))
            mtime_ns = os.fstat(fd).st_mtime_ns
        finally:
            os.close(fd)
        if written != data:
            raise error(path, "could not save: the new text did not read back as written; the file is unchanged")
        if verify is not None:
            verify(written)
        if keep_previous and info is not None:
            backup.keep_previous(target)
        if exclusive:
            _place_new(tmp, target, path, error)
        else:
            os.replace(tmp, target)
        done = True
        _fsync_dir(target.parent)
    except OSError as exc:
        raise error(path, f"could not save, the file on disk is unchanged ({exc.strerror or exc})") from None
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return mtime_ns


READ_ONLY = "the file is read-only (its permissions allow no changes); not saved. Make it writable (chmod u+w)"


def write_protected(path: Path, info: os.stat_result | None = None) -> bool:
    """Whether the file's permissions forbid changing it, for this user. Root may write
    anything, so for root a file that nobody may write (no write bit at all) counts."""
    try:
        info = info or os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    return not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(path, os.W_OK)


def _place_new(tmp: Path, target: Path, path: Path, error: type[UserFileError]) -> None:
    # link() fails if the name exists, so a file that appeared since the caller looked is
    # never replaced; a file system without hard links gets a last check instead.
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise error(path, "already exists; not replaced") from None
    except OSError:
        if os.path.lexists(target):
            raise error(path, "already exists; not replaced") from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_back(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    offset = 0
    while offset <= size:
        chunk = os.pread(fd, size + 1 - offset, offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _keep_owner(fd: int, info: os.stat_result) -> None:
    # Only root can give a file away; for anyone else this is a no-op or quietly refused.
    if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):
            os.fchown(fd, info.st_uid, info.st_gid)


def _fsync_dir(folder: Path) -> None:
    # Without this the rename itself may not survive a power cut.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
