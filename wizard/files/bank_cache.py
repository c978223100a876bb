"""Validated question banks kept in the user's cache folder, keyed by what they were made from.

Validating the shipped banks costs about 20 ms at every start (pydantic builds the bank
models' validators first), and the banks rarely change. So the banks of a folder, once
validated, are pickled into the user cache folder (platformdirs' `user_cache_dir`, or
CANVAS_WIZARD_CACHE_DIR), one file per folder. A cache file is used only when its key
matches: the SHA-256 of every bank file's name and bytes, of the model that validated
them (wizard/model/bank.py) and of the wizard's, pydantic's and Python's versions. A hand
edit of a coach's bank, an upgrade, a new file or a removed one each change the key.

A cache file is never trusted further than that: its body carries its own SHA-256 and
must unpickle to banks; anything else (a truncated, corrupt or foreign file, one of
another version) is ignored and rebuilt, silently, from the bank files. A cache that
cannot be written (a read-only home) only costs the time. Pickle runs code from the file
it reads, so the cache lives in the user's own cache folder, never in a shared place or
next to the banks; a folder anyone else can write to is not used. Errors in a bank are not
cached: they are found, and reported, by validating it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from wizard import __version__
from wizard.files.locations import write_quietly
from wizard.model.bank import Bank

CACHE_ENV = "CANVAS_WIZARD_CACHE_DIR"
MAGIC = b"canvas-wizard banks 1\n"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("canvas-wizard", appauthor=False))


def _key(files: list[Path]) -> bytes:
    import pydantic

    digest = hashlib.sha256()
    for part in (__version__, pydantic.VERSION, sys.version):
        digest.update(part.encode() + b"\0")
    model = Path(sys.modules[Bank.__module__].__file__ or "")
    for path in (model, *files):
        data = path.read_bytes()
        digest.update(path.name.encode("utf-8", "surrogatepass") + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.digest()


def cache_file(folder: Path) -> Path:
    where = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_dir() / f"banks-{where}.pickle"


def safe_to_read(path: Path) -> bool:
    """Ours, and writable by nobody else (pickle would run what someone else put there)."""
    try:
        info = path.stat()
        folder = path.parent.stat()
    except OSError:
        return False
    if not hasattr(os, "getuid"):
        return True
    uid = os.getuid()
    unsafe = stat.S_IWGRP | stat.S_IWOTH
    return info.st_uid == uid and folder.st_uid == uid and not (info.st_mode | folder.st_mode) & unsafe


def read(path: Path, key: bytes) -> list[Bank] | None:
    """The banks cached under `key` at `path`, or None when they are missing, stale or damaged."""
    if not safe_to_read(path):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC)
    if data[:head] != MAGIC or data[head:head + 32] != key:
        return None
    body = data[head + 64:]
    if hashlib.sha256(body).digest() != data[head + 32:head + 64]:
        return None
    try:
        banks = pickle.loads(body)
    except Exception:  # a damaged pickle can fail in many ways; all mean "build it again"
        return None
    if not isinstance(banks, list) or not all(isinstance(b, Bank) for b in banks):
        return None
    return banks


def write(path: Path, key: bytes, banks: list[Bank]) -> None:
    body = pickle.dumps(banks, protocol=pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_quietly(path, MAGIC + key + hashlib.sha256(body).digest() + body)


def cached(folder: Path, files: list[Path], validate: Callable[[], list[Bank]]) -> list[Bank]:
    """The banks of `files` (in `folder`): from the cache when it holds them, else validated
    by `validate` and cached for the next start."""
    try:
        key = _key(files)
    except OSError:  # a file went away meanwhile: validating says which, and how
        return validate()
    path = cache_file(folder)
    banks = read(path, key)
    if banks is None:
        banks = validate()
        write(path, key, banks)
    return banks
