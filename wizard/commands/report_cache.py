"""`report`'s rows kept in the user's cache folder, keyed by each file's bytes and what read them.

A coach runs `report` over the same cohort again and again, and most canvases have not
changed since the last time; reading, validating, scoring and checking one costs a few
milliseconds, a thousand of them seconds. So each folder's results (a row, or the reason
a file is not a valid canvas) are kept in one file of the user cache folder (the folder
of wizard/files/bank_cache.py), found by the SHA-256 of a canvas file's bytes. The whole
cache file is keyed by what else decides a row: the banks (their content as validated),
the row's fields (ROW_FORMAT), the sources of the wizard that computed them, and the
versions of Python, pydantic and the checks' language libraries. Any change to one of
them, and every row is computed again; a hand edit of a canvas (even one that keeps its
size and time) changes its hash, and its row alone is computed again.

It is trusted no further than the banks' cache is: its body carries its own SHA-256 and
must unpickle to results; anything else (truncated, damaged, foreign, another version) is
ignored and rebuilt, and a cache file or folder that anyone else can write to is not read
(pickle runs what it reads). A file that cannot be read is never cached. The cache keeps
only the files of the last report over its folder, so it does not grow with old versions.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from wizard import __version__
from wizard.commands.report_rows import ROW_FORMAT, Invalid, Result, Row
from wizard.files.bank_cache import cache_dir, safe_to_read
from wizard.files.locations import write_quietly

if TYPE_CHECKING:
    from wizard.model.catalog import Catalog

MAGIC = b"canvas-wizard report rows 1\n"
_WIZARD = Path(__file__).resolve().parent.parent
_SOURCES = ("model", "core", "checks", "files", "commands/report_rows.py", "commands/check.py")
"""What computes a row: a change to any of these (an edited check, a working copy) starts afresh."""
_LIBRARIES = ("pydantic", "pydantic_core", "lemminflect", "wordfreq", "rapidfuzz")

Entries = dict[bytes, Result]


@cache
def _sources_digest() -> bytes:
    digest = hashlib.sha256()
    for part in _SOURCES:
        where = _WIZARD / part
        for path in sorted(where.rglob("*.py")) if where.is_dir() else [where]:
            with contextlib.suppress(OSError):
                data = path.read_bytes()
                digest.update(str(path.relative_to(_WIZARD)).encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.digest()


def _version(name: str) -> str:
    """The installed version of a library, without importing it (the checks' libraries take
    half a second) nor importlib.metadata (its import alone costs more than a cached report):
    the name of its dist-info folder, else where it lives and when that was written."""
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return "-"
    if spec is None or not spec.origin:
        return "-"
    origin = Path(spec.origin)
    package = origin.parent if origin.name == "__init__.py" else origin
    found = sorted(p.name for p in package.parent.glob(f"{name}-*.dist-info"))
    if found:
        return ",".join(found)
    try:
        return f"{origin}:{origin.stat().st_mtime_ns}"
    except OSError:
        return str(origin)


def key(catalog: Catalog) -> bytes:
    """What, besides a canvas's bytes, decides its row."""
    digest = hashlib.sha256()
    for part in (__version__, sys.version, ROW_FORMAT, *map(_version, _LIBRARIES)):
        digest.update(part.encode() + b"\0")
    digest.update(_sources_digest())
    for bank in catalog.banks:
        data = bank.model_dump_json().encode()
        digest.update(str(len(data)).encode() + b"\0" + data)
    return digest.digest()


def file_key(raw: bytes) -> bytes:
    return hashlib.sha256(raw).digest()


def cache_file(folder: Path) -> Path:
    where = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_dir() / f"report-{where}.pickle"


def _valid(entries: object) -> bool:
    return isinstance(entries, dict) and all(
        isinstance(k, bytes) and len(k) == 32 and type(v) in (Row, Invalid) for k, v in entries.items())


def read(path: Path, cache_key: bytes) -> Entries:
    """The results cached under `cache_key` at `path`; empty when missing, stale or damaged."""
    if not safe_to_read(path):
        return {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head = len(MAGIC)
    if data[:head] != MAGIC or data[head:head + 32] != cache_key:
        return {}
    body = data[head + 64:]
    if hashlib.sha256(body).digest() != data[head + 32:head + 64]:
        return {}
    try:
        entries = pickle.loads(body)
    except Exception:  # a damaged pickle can fail in many ways; all mean "compute them again"
        return {}
    return entries if _valid(entries) else {}


def write(path: Path, cache_key: bytes, entries: Entries) -> None:
    """Keep `entries` for the next report; a cache that cannot be written only costs the time."""
    body = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_quietly(path, MAGIC + cache_key + hashlib.sha256(body).digest() + body)
