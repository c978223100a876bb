"""What a canvas file on disk looked like when we last read or wrote it, to notice changes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wizard.files import tomlio
from wizard.files.errors import CanvasFileError


@dataclass(frozen=True)
class Fingerprint:
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, mtime_ns: int) -> Fingerprint:
        return cls(len(data), mtime_ns, hashlib.sha256(data).hexdigest())

    @property
    def modified(self) -> datetime:
        return datetime.fromtimestamp(self.mtime_ns / 1e9, UTC)


def of_file(path: Path) -> Fingerprint | None:
    """The file's fingerprint now, or None when there is no file.

    The content hash decides, not the time: an editor that rewrites the same bytes, or a
    `touch`, is not a change anyone could lose.
    """
    try:
        mtime_ns = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CanvasFileError(path, f"cannot check the file on disk ({exc.strerror or exc})") from None
    return Fingerprint.of(tomlio.read_bytes(path, CanvasFileError), mtime_ns)


def looks_unchanged(path: Path, seen: Fingerprint) -> bool:
    """True when the file's size and modification time are still `seen`'s: a quick look
    that reads no bytes (at 1000 segments, reading and hashing the file cost 5-10 ms of
    every answer). False says nothing: `of_file` and `changed` then decide. An edit of the
    same size within the file system's clock tick looks unchanged here, so the save itself
    still compares the bytes (store.save)."""
    try:
        now = path.stat()
    except OSError:
        return False
    return (now.st_size, now.st_mtime_ns) == (seen.size, seen.mtime_ns)


def changed(seen: Fingerprint | None, now: Fingerprint | None) -> bool:
    """True when saving over `now` would lose something that was not in `seen`.

    A file deleted since (now is None) loses nothing: saving just writes it again.
    """
    if now is None:
        return False
    if seen is None:
        return True  # created by someone else since we looked
    return (now.size, now.sha256) != (seen.size, seen.sha256)
