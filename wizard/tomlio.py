"""Read and write TOML files, turning every way a file can be bad into one clear reason."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from wizard.errors import UserFileError

MAX_BYTES = 16 * 1024 * 1024
"""Larger files are refused before parsing: no canvas or bank is anywhere near this."""

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
        raise error(path, "this is a binary file, not a TOML text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(path, f"the file is not valid UTF-8 (line {line})") from None


def parse(path: Path, text: str, error: type[UserFileError] = UserFileError) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(path, f"invalid TOML: {_with_position(str(exc), text)}") from None
    except RecursionError:
        raise error(path, "invalid TOML: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise error(path, f"invalid TOML: {exc}") from None


def _with_position(message: str, text: str) -> str:
    # tomllib says "at end of document" for truncated files; a line and column is what an
    # editor can jump to, so give one there too.
    if "(at end of document)" not in message:
        return message
    lines = text.split("\n")
    where = f"(at end of document, line {len(lines)}, column {len(lines[-1]) + 1})"
    return message.replace("(at end of document)", where)


def read(path: Path, error: type[UserFileError] = UserFileError) -> dict[str, Any]:
    """Parse the TOML file at `path`; any failure raises `error` naming the file."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise error(path, "this is a folder, not a file")
        if size > MAX_BYTES:
            raise error(path, f"the file is {size // (1024 * 1024)} MiB; the limit is 16 MiB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except PermissionError:
        raise error(path, "permission denied") from None
    except OSError as exc:
        raise error(path, f"cannot read the file ({exc.strerror or exc})") from None
    return parse(path, decode(path, data, error), error)


def dumps(data: dict[str, Any]) -> str:
    """TOML text for `data`; refuses values TOML cannot hold rather than writing them.

    Lists of tables are always written as `[[name]]` sections (tomli-w picks inline or
    sectioned by line length, so a growing canvas would change style and make noisy diffs).
    """
    _refuse_unwritable(data, "")
    chunks: list[str] = []
    _emit(data, "", False, chunks)
    return "\n".join(chunks)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _key(key: str) -> str:
    # tomli-w knows when a key needs quoting; ask it rather than re-implement the rule.
    return tomli_w.dumps({key: 0}).rsplit(" = ", 1)[0]


def _emit(table: dict[str, Any], name: str, in_list: bool, chunks: list[str]) -> None:
    literals = {k: v for k, v in table.items() if not isinstance(v, dict) and not _is_table_list(v)}
    has_tables = len(literals) < len(table)
    text = tomli_w.dumps(literals, multiline_strings=True) if literals else ""
    if in_list:
        text = f"[[{name}]]\n{text}"
    elif name and (literals or not has_tables):
        text = f"[{name}]\n{text}"
    if text:
        chunks.append(text)
    for key, value in table.items():
        sub = f"{name}.{_key(key)}" if name else _key(key)
        if isinstance(value, dict):
            _emit(value, sub, False, chunks)
        elif _is_table_list(value):
            for item in value:
                _emit(item, sub, True, chunks)


def _refuse_unwritable(value: Any, where: str) -> None:
    # Policy: None and NaN/inf never reach the writer; the model never produces them, so
    # meeting one here is a bug worth stopping for rather than a value to coerce.
    if value is None:
        raise ValueError(f"{where or 'value'}: None cannot be saved in TOML")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where or 'value'}: {value} cannot be saved in TOML")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{where or 'value'}: text with a lone surrogate cannot be saved") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_unwritable(key, where)
            _refuse_unwritable(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _refuse_unwritable(item, f"{where}[{i}]")
