"""Read TOML files, turning every way a file can be bad into one clear reason; the limits
every file we read, or write (wizard/files/toml_write.py), must keep."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from wizard.files.errors import UserFileError

MAX_BYTES = 16 * 1024 * 1024
"""Larger files are refused before parsing: no canvas or bank is anywhere near this."""
_LIMIT_TEXT = "16 MiB"
MAX_TEXT = 1_000_000
"""Characters in one text value: far beyond any answer, well below a pasted file."""
MAX_DEPTH = 64
"""Levels of nesting: a canvas uses about a dozen."""
INT_MIN, INT_MAX = -(2**63), 2**63 - 1

SURROGATE = re.compile("[\ud800-\udfff]")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(path: Path, data: bytes, error: type[UserFileError] = UserFileError) -> str:
    """Bytes of a TOML file as text; refuses binary, UTF-16 and invalid UTF-8 clearly."""
    if not data.strip():
        raise error(path, "the file is empty")
    if data.startswith(_UTF16_BOMS):
        raise error(path, "the file is UTF-16; save it as UTF-8")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]  # editors on Windows add it; it carries no meaning
    if b"\x00" in data:
        if _looks_utf16(data):
            raise error(path, "the file is UTF-16; save it as UTF-8")
        raise error(path, "this is a binary file, not a TOML text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(path, f"the file is not valid UTF-8 (line {line})") from None


def _looks_utf16(data: bytes) -> bool:
    # UTF-16 without a byte order mark: mostly-ASCII text has a zero in every other byte.
    head = data[:4096]
    halves = (head[0::2], head[1::2])
    return any(half.count(0) > 0.9 * len(half) for half in halves) and not all(h.count(0) for h in halves)


def parse(path: Path, text: str, error: type[UserFileError] = UserFileError) -> dict[str, Any]:
    """The TOML document `text`, within the limits every file we read must keep."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(path, f"invalid TOML: {_with_position(str(exc), text)}") from None
    except RecursionError:
        raise error(path, "invalid TOML: nested too deeply") from None
    except ValueError as exc:  # Python's own limit on the digits of an integer
        if "digits" in str(exc):
            raise error(path, "invalid TOML: an integer is far too large (TOML integers are 64-bit)") from None
        raise error(path, f"invalid TOML: {exc}") from None
    problem = limit_problem(data)
    if problem:
        raise error(path, problem)
    return data


def limit_problem(data: dict[str, Any]) -> str | None:
    """What in `data` is beyond what any canvas or bank needs, or None.

    Nearly every document is fine, so a quick pass that only says whether it is comes
    first; the pass that says where is taken only for a document that is not.
    """
    if within_limits(data, 1):
        return None
    return limit_problem_where(data)


def within_limits(container: dict[str, Any] | list[Any] | tuple[Any, ...], depth: int) -> bool:
    """True when nothing in `container` (at `depth`) breaks a limit or is other than a TOML
    value. False may also mean "look closer": the careful walks decide then."""
    if depth >= MAX_DEPTH and container:
        return False  # its items would be nested deeper than the limit
    items: Any = container
    if type(container) is dict:
        for key in container:
            if type(key) is not str or len(key) > MAX_TEXT:
                return False
        items = container.values()
    for item in items:
        kind = type(item)
        if kind is str:
            if len(item) > MAX_TEXT:
                return False
        elif kind is int:
            if not INT_MIN <= item <= INT_MAX:
                return False
        elif kind is dict or kind is list or kind is tuple:
            # Recursion is bounded: the depth check above stops it at MAX_DEPTH levels.
            if not within_limits(item, depth + 1):
                return False
        elif kind not in _PLAIN_LEAVES:
            return False
    return True


_PLAIN_LEAVES = frozenset({bool, datetime, date, time})


def limit_problem_where(data: dict[str, Any]) -> str | None:
    # Walked with an explicit stack: dotted keys build deep tables without the parser
    # recursing, and a recursive walk would then fail where this one just says why.
    stack: list[tuple[Any, str, int]] = [(data, "", 1)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"nested more than {MAX_DEPTH} levels deep"
        if isinstance(value, dict):
            for key, item in value.items():
                if len(key) > MAX_TEXT:
                    return f"{where or 'top level'}: a key of {len(key):,} characters; the limit is {MAX_TEXT:,}"
                stack.append((item, f"{where}.{key}" if where else key, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str) and len(value) > MAX_TEXT:
            return f"{where}: text of {len(value):,} characters; the limit is {MAX_TEXT:,}"
        elif isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            return f"{where}: integer out of range (TOML integers are 64-bit)"
    return None


def _with_position(message: str, text: str) -> str:
    # tomllib says "at end of document" for truncated files; a line and column is what an
    # editor can jump to, so give one there too.
    if "(at end of document)" not in message:
        return message
    lines = text.split("\n")
    where = f"(at end of document, line {len(lines)}, column {len(lines[-1]) + 1})"
    return message.replace("(at end of document)", where)


def read_bytes(path: Path, error: type[UserFileError] = UserFileError) -> bytes:
    """The bytes of the regular file at `path`, refusing anything over MAX_BYTES.

    Opened without blocking and checked with fstat on the open descriptor, so a FIFO, a
    device such as /dev/zero or a file that grows while we read cannot hang or flood us.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except PermissionError:
        raise error(path, "permission denied") from None
    except OSError as exc:
        raise error(path, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(path, "this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise error(path, "not a regular file (a device, pipe or socket)")
        if info.st_size > MAX_BYTES:
            raise error(path, f"the file is {info.st_size // (1024 * 1024)} MiB; the limit is {_LIMIT_TEXT}")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise error(path, f"cannot read the file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise error(path, f"the file is over the limit of {_LIMIT_TEXT}")
    return b"".join(chunks)


def loads(path: Path, data: bytes, error: type[UserFileError] = UserFileError) -> dict[str, Any]:
    """Parse the bytes of a TOML file; any failure raises `error` naming `path`."""
    if len(data) > MAX_BYTES:
        raise error(path, f"the text is over the limit of {_LIMIT_TEXT}")
    return parse(path, decode(path, data, error), error)


def read(path: Path, error: type[UserFileError] = UserFileError) -> dict[str, Any]:
    """Parse the TOML file at `path`; any failure raises `error` naming the file."""
    return loads(path, read_bytes(path, error), error)


def text_problem(text: str) -> str | None:
    """Why `text` typed by a user cannot be saved, or None when it can."""
    broken = SURROGATE.search(text)
    if broken:
        return (f"this text holds a broken character (U+{ord(broken.group()):04X}, half of an emoji or symbol, "
                "usually from a copy and paste) that cannot be saved; delete it or type it again")
    if len(text) > MAX_TEXT:
        return f"this text is {len(text):,} characters long; the most one answer can hold is {MAX_TEXT:,}"
    return None
