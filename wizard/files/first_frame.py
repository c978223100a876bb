"""A stored picture of the question a canvas opens on, so the wizard can paint it at once.

Loading the models (pydantic and the banks) takes longer than starting Textual itself. The
wizard therefore paints the first question from this picture, loads the rest, and then
puts the live question in its place; keys pressed meanwhile are kept and replayed.

The picture is taken when the wizard closes a canvas, from the screen it would open on
next time, and is used only while nothing it depends on has changed: the canvas file and
the drafts (their content, by SHA-256: the drafts hold where the founder was and what they
had typed), the question banks, the wizard's version, coach mode and the user's settings
(a keymap moves the keys its hints and key bar name). It names the step it
shows, and the live wizard opens there, so keys typed on it land where they were typed.
It lives in the state folder and holds nothing that is not also in the canvas or the
drafts. Reading it must stay cheap: this module imports neither pydantic nor Textual.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wizard import __version__
from wizard.files import locations
from wizard.files.sidefile import OddFile, read_capped

FORMAT = 2
MAX_BYTES = 1 << 20
"""A picture is a screenful of text, a few kilobytes; anything far larger is not one."""


@dataclass(frozen=True)
class FirstFrame:
    """What the first screen shows. The texts are Textual content markup, already escaped."""

    topbar: str
    where: str
    prompt: str
    help: str
    answer: list[tuple[str, str, str]] = field(default_factory=list)
    """The answer box, top to bottom, as (part, text, placeholder); a part is `input` (one
    line), `area` (several lines), `hint` (a dim line) or `lines` (a list or the options)."""
    nav: list[str] = field(default_factory=list)
    """The sidebar's lines, as plain text."""
    keys: str = ""
    """The key bar, as plain text."""
    step: str = ""
    """The step shown (Step.ref)."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FirstFrame:
        """The picture as stored; TypeError or ValueError when it is not one (damaged, or
        edited by hand), so that it is not shown."""
        answer = [(str(kind), str(text), str(placeholder)) for kind, text, placeholder in data.pop("answer", [])]
        frame = cls(**data, answer=answer)
        texts = [frame.topbar, frame.where, frame.prompt, frame.help, frame.keys, frame.step, *frame.nav]
        if not isinstance(frame.nav, list) or not all(isinstance(t, str) for t in texts):
            raise TypeError("a picture holds text only")
        return frame


def banks_key(shipped: Path, custom: Path | None) -> str:
    """Changes whenever the wizard, a shipped bank or a coach's bank does."""
    parts = [__version__]
    for folder in (shipped, custom):
        if folder is None:
            continue
        parts.append(str(folder.resolve()))
        with contextlib.suppress(OSError):
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.name.endswith(".toml"):
                    stat = entry.stat()
                    parts.append(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def digest(path: Path, side_file: bool = False) -> str | None:
    """SHA-256 of the file at `path`: "" when there is none, None when it is not a regular
    file or cannot be read (read without blocking and size-capped: no FIFO hangs the start).
    A canvas may be a symlink; a side file (the drafts) may not."""
    from wizard.files import tomlio
    from wizard.files.errors import UserFileError

    if not os.path.lexists(path):
        return ""
    try:
        data = read_capped(path, tomlio.MAX_BYTES) if side_file else tomlio.read_bytes(path)
    except (UserFileError, OddFile, OSError):
        return None
    return hashlib.sha256(data).hexdigest()


def _key(path: Path, banks: str, coach: bool) -> dict[str, Any] | None:
    canvas, drafts = digest(path), digest(locations.draft_file(path), side_file=True)
    # The user's settings too: a keymap moves the keys the hints and the key bar name.
    settings = digest(locations.config_file(), side_file=True)
    if not canvas or drafts is None or settings is None:
        return None
    return {"format": FORMAT, "canvas": canvas, "drafts": drafts, "banks": banks, "coach": coach,
            "settings": settings}


def load(path: Path, banks: str, coach: bool) -> FirstFrame | None:
    """The stored picture for `path`, or None when there is none or it is out of date."""
    key = _key(path, banks, coach)
    if key is None:
        return None
    try:
        # Never blocks or floods: the picture may be a pipe, or a link to /dev/zero.
        data = json.loads(read_capped(locations.first_frame_file(path), MAX_BYTES).decode("utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return FirstFrame.from_json(data["frame"])
    except (OSError, OddFile, ValueError, TypeError, KeyError):
        return None  # a damaged or odd picture only costs the fast start


def store(path: Path, banks: str, coach: bool, frame: FirstFrame | None) -> None:
    """Keep `frame` for the next start (None forgets the old one). Never fails loudly:
    the picture is a convenience, and the canvas is already saved."""
    target = locations.first_frame_file(path)
    key = _key(path, banks, coach)
    if frame is None or key is None:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        return
    locations.write_quietly(target, json.dumps({"key": key, "frame": asdict(frame)}))
