"""Writing a file the user asked for with `-o` (exports): never over a file by surprise."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from wizard.files import atomic
from wizard.files.errors import UserFileError


def write_output(path: Path, text: str, force: bool) -> None:
    """Write `text` to `path` atomically, exactly where the user named it.

    Relative paths, `..` and folders outside the current one are the user's choice and are
    honoured. Refused, with a one-line reason: an existing file without `force`, a folder,
    a device, pipe or socket, a symlink to nothing, and a folder that does not exist (it
    is never created: a typo should not grow a tree of folders). A symlink to a regular
    file is an existing file: with `force` it is written through to its target.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserFileError(path, "the text holds a character that cannot be written (a lone surrogate)") from None
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UserFileError(path, f"cannot write here ({exc.strerror or exc})") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except OSError:
            raise UserFileError(path, "is a symbolic link to a missing file; not followed") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise UserFileError(path, "is a folder; give a file name")
        if not stat.S_ISREG(info.st_mode):
            raise UserFileError(path, "is not a regular file (a device, pipe or socket); not written")
        if not force:
            raise UserFileError(path, "already exists; use --force to replace it")
    folder = path.parent
    if not folder.is_dir():
        raise UserFileError(path, f"the folder {folder} does not exist")
    atomic.write_atomic(path, data, exclusive=info is None, error=UserFileError)
