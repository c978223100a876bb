"""Load and save canvas files: validation, migration of old formats, safe atomic saves."""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wizard.files import atomic, fingerprint, toml_write, tomlio
from wizard.files.comments import KeptComments
from wizard.files.errors import CanvasFileError, ChangedOnDiskError, NewerVersionError
from wizard.files.fingerprint import Fingerprint
from wizard.model.bulk import gc_paused
from wizard.model.canvas import SCHEMA_VERSION, Canvas

# Migrations from version N to N+1, applied in turn to the raw TOML data.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Format 2 only adds tables (coach sessions, interviews and marks per segment); every
    # format-1 file is a format-2 file as it is, and `[coach.notes]` keeps its meaning
    # (private notes, undated). The file is rewritten at the first change, not on opening.
    return data


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}
"""Version N -> the step that brings a file of version N to N + 1."""

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


def _answer_branch(loc: tuple[int | str, ...]) -> int | None:
    """Where in `loc` pydantic names a branch of an answer's union (text, list, range), if it does."""
    for i, part in enumerate(loc):
        if isinstance(part, str) and (part in {"str", "list[str]"} or part.startswith("tuple[")):
            return i
    return None


def validation_message(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(first["loc"])
    message = first["msg"]
    # An answer that fits none of text, a list of text or a range: pydantic says why for each
    # branch in turn ("Input should be a valid string" first), which is one problem, not three.
    places = []
    for error in errors:
        place = tuple(error["loc"])
        cut = _answer_branch(place)
        places.append(place[:cut] if cut is not None else place)
    if _answer_branch(loc) is not None:
        loc = places[0]
        message = "should be text, a list of text, or two whole numbers [low, high]"
    problems = len(dict.fromkeys(places))
    more = f" (and {problems - 1} more problem{'s' * (problems > 2)})" if problems > 1 else ""
    return f"{format_location(loc)}: {message}{more}"


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


@dataclass(frozen=True)
class Loaded:
    """A canvas as read from disk: the canvas, the format version the file had, and the
    file's fingerprint (so a later save can tell whether someone changed it since)."""

    canvas: Canvas
    version: int
    fingerprint: Fingerprint
    comments: KeptComments | None = None
    """The file's hand-written comments, for the saves that follow (None: it has none)."""


@gc_paused
def load_file(path: Path) -> Loaded:
    """Read, migrate and validate the canvas at `path`; any problem raises CanvasFileError.

    The fingerprint is taken from the very bytes parsed, so no edit can slip in between.
    """
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError:
        mtime_ns = 0  # read_bytes below says what is wrong
    raw = tomlio.read_bytes(path, CanvasFileError)
    data, original = migrate(tomlio.loads(path, raw, CanvasFileError), path)
    return Loaded(from_data(data, path), original, Fingerprint.of(raw, mtime_ns), KeptComments.of(raw))


def load_with_version(path: Path) -> tuple[Canvas, int]:
    """The canvas at `path` and the format version it was written in."""
    loaded = load_file(path)
    return loaded.canvas, loaded.version


def load(path: Path) -> Canvas:
    """Read and validate a canvas file; any problem raises CanvasFileError naming it."""
    return load_file(path).canvas


def to_data(canvas: Canvas) -> dict[str, Any]:
    """What goes in the file: only what was set, in a stable, readable order."""
    data = _head_only(canvas)
    if data is None:
        data = _prune(canvas.model_dump(mode="python", exclude_defaults=True, by_alias=True))
    head = {"schema_version": SCHEMA_VERSION, "title": canvas.title}
    head["created"], head["updated"] = canvas.created, canvas.updated
    ordered: dict[str, Any] = {k: v for k, v in head.items() if v != ""}
    for key in _FIELD_ORDER:
        if key in data and key not in ordered:
            ordered[key] = data[key]
    ordered.update((k, v) for k, v in data.items() if k not in ordered)
    return ordered


def ready_to_write() -> None:
    """Build pydantic's serializer for canvases on the calling thread, unless it is built.

    pydantic (2.13) builds a deferred model's schema on first use with no lock, and a model
    built on two threads at once can end up with a wrong validator. So the writer thread is
    never the first to dump a canvas: the UI's thread builds it, while idle after the first
    question, or else as it hands the first save to the writer (`EditedCanvas._store`).
    """
    if not Canvas.__pydantic_complete__:
        Canvas.model_rebuild()


def _head_only(canvas: Canvas) -> dict[str, Any] | None:
    """What pydantic's dump gives for a canvas that holds nothing but its head and the
    banks' versions (a new one), or None for any other canvas.

    A new canvas is saved as the wizard opens it, before its first question is live; the
    dump would first build pydantic's serializer for every model of the canvas (20-30 ms
    of a start-up), which is built once the question is on screen instead (`ready_to_write`).
    """
    for name, info in type(canvas).model_fields.items():
        if name not in _FIELD_ORDER and getattr(canvas, name) != info.default:
            return None  # a default made by a factory is never equal to a field's `default`
    return {"banks": dict(canvas.banks)} if canvas.banks else {}


_CONTAINERS = (dict, list, tuple)
_PLAIN = frozenset({str, int, bool, datetime})
"""What a canvas dump holds besides containers: these are kept as they are."""


def _prune(value: Any) -> Any:
    """Drop empty tables and lists left by defaults, and write ranges as arrays."""
    # Only containers are looked into: a canvas holds a hundred thousand plain values, and a
    # list of them (most lists) is copied whole.
    if isinstance(value, dict):
        pruned = {}
        for key, item in value.items():
            if type(item) not in _PLAIN and isinstance(item, _CONTAINERS):
                item = _prune(item)
                if not item:  # {} or [] once pruned
                    continue
            pruned[key] = item
        return pruned
    if isinstance(value, (list, tuple)):
        if _PLAIN.issuperset(map(type, value)):
            return list(value)
        return [_prune(v) if isinstance(v, _CONTAINERS) else v for v in value]
    return value


def dumps(canvas: Canvas) -> str:
    return toml_write.dumps(to_data(canvas))


class _Anything:
    """`expected=ANYTHING`: save without checking what is on disk now."""


ANYTHING = _Anything()


@gc_paused
def save(
    canvas: Canvas | dict[str, Any],
    path: Path,
    *,
    expected: Fingerprint | _Anything | None = ANYTHING,
    keep_previous: bool = True,
    comments: KeptComments | None = None,
    reuse: toml_write.Reuse | None = None,
) -> Fingerprint:
    """Write the canvas (or its `to_data`) atomically, keeping the version it replaces as `FILE~`.

    With `expected` (what the caller last read or wrote, None for "no file yet"), a file
    changed on disk since raises ChangedOnDiskError and nothing is written. Returns the
    fingerprint of what was written. `comments` (from `load_file`) are kept in the text;
    `reuse` (one per open file) keeps the text of tables that have not changed since.
    """
    # A dict is `to_data(canvas)` taken earlier: a background save copies the canvas
    # while it holds still and writes the copy at leisure.
    try:
        data = to_data(canvas) if isinstance(canvas, Canvas) else canvas
        text = comments.render(data, reuse) if comments is not None else toml_write.dumps(data, reuse)
    except ValueError as exc:
        raise CanvasFileError(path, f"cannot save: {exc}") from None
    raw = text.encode("utf-8")
    # The writer's own text reads back by construction (the round-trip tests hold it to
    # that); parsing it again would cost as much as loading. Any other text is parsed.
    verify = None if isinstance(text, toml_write.Written) else functools.partial(_verify, path)
    if not isinstance(expected, _Anything):
        on_disk = fingerprint.of_file(path)
        if fingerprint.changed(expected, on_disk):
            assert on_disk is not None
            when = on_disk.modified.astimezone().strftime("%H:%M:%S")
            raise ChangedOnDiskError(path, f"changed on disk since it was opened (at {when}); not saved")
    mtime_ns = atomic.write_atomic(path, raw, verify=verify, keep_previous=keep_previous, protected=True,
                                   error=CanvasFileError)
    return Fingerprint.of(raw, mtime_ns)


def _verify(path: Path, raw: bytes) -> None:
    # Never replace a good file with one we would refuse to open.
    try:
        tomlio.loads(path, raw, CanvasFileError)
    except CanvasFileError as exc:
        raise CanvasFileError(path, f"could not save, the file on disk is unchanged ({exc.problem})") from None


def sweep_temp_files(path: Path) -> int:
    """Remove temp files a killed save left beside `path`; call only while holding its lock.

    Returns how many were removed.
    """
    target = Path(os.path.realpath(path))
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.[0-9a-f]{{8}}(\.tmp|\.bak)$")
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if pattern.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed
