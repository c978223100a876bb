"""Reading the wizard's side files (locks, drafts, the first-frame picture): an odd one never hangs or floods it.

A side file sits where anyone can put anything: a named pipe (open() waits for a writer
for ever), a symlink to /dev/zero (read() never ends), a file of gigabytes. So each is
looked at with lstat first, opened without blocking and without following a symlink,
checked again on the open descriptor, and read only up to a cap. What is not a plain,
small, readable file is `OddFile`, with a reason a person can act on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class OddFile(Exception):
    """Not a small regular file that can be read; `str()` says what it is instead."""


def kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises FileNotFoundError when there is none, and OddFile when it is a symlink, a pipe,
    a device, a folder or a socket, holds more than `limit` bytes, or cannot be read.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise OddFile(f"cannot be looked at ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise OddFile(kind(info.st_mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise OddFile(f"cannot be read ({exc.strerror or exc})") from None
    try:
        opened = os.fstat(fd)  # swapped for something else between lstat and open?
        if not stat.S_ISREG(opened.st_mode):
            raise OddFile(kind(opened.st_mode))
        if opened.st_size > limit:
            raise OddFile(f"{opened.st_size:,} bytes, more than a file of this kind ever holds ({limit:,})")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise OddFile(f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if size > limit:
        raise OddFile(f"more than {limit:,} bytes, more than a file of this kind ever holds")
    return b"".join(chunks)
