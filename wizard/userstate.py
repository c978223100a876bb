"""Drafts (text typed but not yet committed) and recently used canvases.

Drafts are written on every change, without fsync: a killed process or a closed terminal
leaves them in the page cache, which is all they need to survive.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard import locations, store, tomlio
from wizard.errors import UserFileError
from wizard.model.canvas import Canvas
from wizard.steps import Step

if TYPE_CHECKING:
    from wizard.session import Session

MAX_RECENT = 10


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomlio.read(path)
    except UserFileError:
        return {}  # our own bookkeeping: a damaged file is simply started afresh


def _write(path: Path, data: dict[str, Any]) -> None:
    with contextlib.suppress(ValueError):  # text TOML cannot hold: the old file stays
        locations.write_quietly(path, tomlio.dumps(data))


class Drafts:
    """Uncommitted text per question and location of one canvas, plus where the user was."""

    def __init__(self, canvas_path: Path) -> None:
        self.path = locations.draft_file(canvas_path)
        data = _read(self.path)
        raw = data.get("texts", {})
        raw = raw if isinstance(raw, dict) else {}
        self.texts: dict[str, str] = {k: v for k, v in raw.items() if isinstance(v, str)}
        position = data.get("position", "")
        self.position: str = position if isinstance(position, str) else ""
        self._committed: dict[str, str | None] = {}
        """Drafts of answers committed but not yet on disk: kept until the writer has saved
        them, so a crash meanwhile still leaves what was typed."""

    def get(self, key: str) -> str | None:
        return self.texts.get(key)

    def put(self, key: str, text: str) -> None:
        # A lone surrogate (from a broken paste) cannot be written to TOML and would stop
        # every draft from being saved; keep the rest of the text, with U+FFFD in its place.
        text = re.sub("[\ud800-\udfff]", "\ufffd", text)
        if self.texts.get(key) == text:
            return
        if text:
            self.texts[key] = text
        else:
            self.texts.pop(key, None)
        self._flush()

    def drop(self, key: str) -> None:
        if key in self.texts:
            del self.texts[key]
            self._flush()

    def resume_at(self, session: Session) -> Step:
        """Where the canvas opens: where they were typing when the wizard closed, else the
        first question still open, else the last."""
        if self.position:
            remembered = Step.from_ref(self.position)
            if self.get(remembered.ref) is not None and session.exists(remembered):
                return remembered
        return session.first_open() or session.steps()[-1]

    def committed(self, key: str) -> None:
        """The answer at `key` went to the canvas: its draft goes once the file has it."""
        self._committed[key] = self.texts.get(key)

    def settle(self, unsaved: bool) -> None:
        """Forget the drafts of committed answers once they are in the file (`unsaved`
        False), unless typed over since."""
        if not self._committed or unsaved:
            return
        for key, text in self._committed.items():
            if self.texts.get(key) == text:
                self.drop(key)
        self._committed.clear()

    def at(self, key: str) -> None:
        """Remember the step the user is on, so a resume can return there."""
        if key != self.position:
            self.position = key
            self._flush()

    def _flush(self) -> None:
        if not self.texts and not self.position:
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        _write(self.path, {"position": self.position, "texts": self.texts})


def recent() -> list[Path]:
    """Canvases opened lately, newest first, that still exist."""
    entries = _read(locations.recent_file()).get("files", [])
    paths = [Path(e) for e in entries if isinstance(e, str)] if isinstance(entries, list) else []
    return [p for p in paths if p.is_file()]


def remember(path: Path) -> None:
    absolute = str(path.resolve())
    entries = [absolute] + [str(p) for p in recent() if str(p) != absolute]
    _write(locations.recent_file(), {"updated": datetime.now(UTC).replace(microsecond=0),
                                     "files": entries[:MAX_RECENT]})


def rescue(canvas_path: Path, canvas: Canvas) -> str:
    """Keep a canvas whose file could not be written in the state folder; says where."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = locations.state_dir() / "rescued" / f"{canvas_path.stem}-{stamp}.toml"
    try:
        text = store.dumps(canvas)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except (OSError, ValueError) as exc:
        return f"A rescue copy could not be written either ({exc}); the drafts of what you typed are kept."
    return f"Your canvas is kept at {target}: copy it over the file once the problem is fixed."
