"""Backups beside a canvas: `FILE~`, the version before the last save, and `FILE.~N~`.

`FILE.~N~` are copies kept for good: the original of a migrated file, and someone else's
edit that the user chose to overwrite."""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from pathlib import Path


def previous_path(target: Path) -> Path:
    return target.with_name(target.name + "~")


def keep_previous(target: Path) -> None:
    """Make `FILE~` the current content of `target`, just before it is replaced.

    A hard link costs no copy and is exactly the old bytes; after the replace the old
    file lives on only as the backup. Failure here never stops the save: the backup is a
    safety net under the user's file, not worth more than it.
    """
    backup = previous_path(target)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.bak")
    try:
        _link_or_copy(target, tmp)
        os.replace(tmp, backup)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def keep_copy(target: Path) -> Path | None:
    """Keep the current content of `target` as the next free `FILE.~N~`; its path, or None
    when there is no file to keep. Never overwrites an earlier copy.

    A real copy, not a link: the file may be edited in place before we next replace it.
    """
    if not target.exists():
        return None
    for n in range(1, 10_000):
        copy = target.with_name(f"{target.name}.~{n}~")
        try:
            _copy(target, copy)
            return copy
        except FileExistsError:
            continue
    raise OSError(f"too many numbered backups of {target.name}")


def _link_or_copy(source: Path, dest: Path) -> None:
    try:
        os.link(source, dest)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        _copy(source, dest)


def _copy(source: Path, dest: Path) -> None:
    with open(source, "rb") as src, open(dest, "xb") as out:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
    shutil.copymode(source, dest)
