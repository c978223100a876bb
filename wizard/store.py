"""Load and save canvas files: validation, migration of old formats, atomic writes."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wizard import tomlio
from wizard.errors import CanvasFileError, NewerVersionError
from wizard.model.canvas import SCHEMA_VERSION, Canvas

# Migrations from version N to N+1, applied in turn to the raw TOML data.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}

_FIELD_ORDER = ("schema_version", "title", "created", "updated", "banks")


def format_location(loc: tuple[int | str, ...]) -> str:
    """pydantic's error location as a path a person can find in the file."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith(("function-", "tagged-union")) or part in {"str", "list[str]"}:
            continue  # pydantic's names for union branches mean nothing to a reader
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def validation_message(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = format_location(tuple(first["loc"]))
    more = f" (and {len(errors) - 1} more problem{'s' * (len(errors) > 2)})" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


def migrate(data: dict[str, Any], path: Path) -> tuple[dict[str, Any], int]:
    """Bring raw data up to the current schema; returns it with the version it had."""
    version = data.get("schema_version")
    if version is None:
        raise CanvasFileError(path, "schema_version: missing (is this a canvas file?)")
    if isinstance(version, bool) or not isinstance(version, int):
        raise CanvasFileError(path, f"schema_version: must be a whole number, not {version!r}")
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            path,
            f"made by a newer canvas-wizard (format version {version}; this one reads up to "
            f"{SCHEMA_VERSION}): upgrade canvas-wizard to open it",
        )
    original = version
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise CanvasFileError(path, f"schema_version {version} is too old to migrate")
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data, original


def from_data(data: dict[str, Any], path: Path) -> Canvas:
    try:
        return Canvas.model_validate(data)
    except ValidationError as exc:
        raise CanvasFileError(path, validation_message(exc)) from None
    except RecursionError:
        raise CanvasFileError(path, "nested too deeply") from None


def load_with_version(path: Path) -> tuple[Canvas, int]:
    """The canvas at `path` and the format version it was written in."""
    data = tomlio.read(path, CanvasFileError)
    data, original = migrate(data, path)
    return from_data(data, path), original


def load(path: Path) -> Canvas:
    """Read and validate a canvas file; any problem raises CanvasFileError naming it."""
    return load_with_version(path)[0]


def to_data(canvas: Canvas) -> dict[str, Any]:
    """What goes in the file: only what was set, in a stable, readable order."""
    data = canvas.model_dump(mode="python", exclude_defaults=True, by_alias=True)
    data = _prune(data)
    head = {"schema_version": SCHEMA_VERSION, "title": canvas.title}
    head["created"], head["updated"] = canvas.created, canvas.updated
    ordered: dict[str, Any] = {k: v for k, v in head.items() if v != ""}
    for key in _FIELD_ORDER:
        if key in data and key not in ordered:
            ordered[key] = data[key]
    ordered.update((k, v) for k, v in data.items() if k not in ordered)
    return ordered


def _prune(value: Any) -> Any:
    """Drop empty tables and lists left by defaults, and write ranges as arrays."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in ({}, [])}
    if isinstance(value, (list, tuple)):
        return [_prune(v) for v in value]
    return value


def dumps(canvas: Canvas) -> str:
    return tomlio.dumps(to_data(canvas))


def save(canvas: Canvas, path: Path) -> None:
    """Write the canvas atomically: the old file stays intact until the new one is whole."""
    try:
        text = dumps(canvas)
    except ValueError as exc:
        raise CanvasFileError(path, f"cannot save: {exc}") from None
    atomic_write(path, text)


def atomic_write(path: Path, text: str) -> None:
    """Temp file in the same folder, re-read, fsync, replace, fsync the folder."""
    target = Path(os.path.realpath(path))  # write through a symlink to its target
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise CanvasFileError(path, f"cannot save ({exc.strerror or exc})") from None
    data = text.encode("utf-8")
    tomlio.parse(path, text, CanvasFileError)  # never replace a good file with a bad one
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
        tmp_name = ""
        _fsync_dir(folder)
    except OSError as exc:
        raise CanvasFileError(path, f"could not save, the file on disk is unchanged ({exc.strerror or exc})") from None
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _fsync_dir(folder: Path) -> None:
    # Without this the rename itself may not survive a power cut.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
