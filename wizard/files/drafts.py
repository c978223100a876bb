"""Drafts (text typed but not yet committed) and recently used canvases.

Drafts are written on every change, without fsync: a killed process or a closed terminal
leaves them in the page cache, which is all they need to survive. A draft that cannot be
written (a paste over the limit of one text) keeps its last version that could, and never
stops the others from being written; a drafts file that cannot be written at all (a full
disk) is said so (`unwritten`), and written again with the next change. What was typed
stays in them until the canvas file holds it: an item or a name added to a list leaves the
box it was typed in at once, so it is kept apart (`sent`) until the save that holds it is
written.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wizard.files import locations, store, toml_write, tomlio
from wizard.files.errors import UserFileError
from wizard.model.canvas import Canvas

MAX_RECENT = 10


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomlio.read(path)
    except UserFileError:
        return {}  # our own bookkeeping: a damaged file is simply started afresh


def _write(path: Path, data: dict[str, Any]) -> str:
    """Write our own bookkeeping file; what went wrong, or "" once it is on disk."""
    try:
        text = toml_write.dumps(data)
    except ValueError as exc:  # text TOML cannot hold: the old file stays
        return str(exc)
    error = locations.write_quietly(path, text)
    return "" if error is None else (error.strerror or str(error))


def _read_drafts(path: Path) -> tuple[dict[str, str], str]:
    data = _read(path)
    raw = data.get("texts", {})
    raw = raw if isinstance(raw, dict) else {}
    position = data.get("position", "")
    return {k: v for k, v in raw.items() if isinstance(v, str)}, position if isinstance(position, str) else ""


def _read_sent(path: Path) -> dict[str, list[str]]:
    sent = _read(path).get("sent", {})
    sent = sent if isinstance(sent, dict) else {}
    return {k: [t for t in v if isinstance(t, str)] for k, v in sent.items() if isinstance(v, list)}


class Drafts:
    """Uncommitted text per question and location of one canvas, plus where the user was.

    A read-only session (another wizard has the canvas, or its permissions forbid changes)
    keeps its drafts in a file of its own, so it never writes over the other wizard's: it
    shows those with its own over them, and the next session that may change the canvas
    takes its drafts back, where it has none of its own for that question.
    """

    def __init__(self, canvas_path: Path, read_only: bool = False) -> None:
        main = locations.draft_file(canvas_path)
        self._aside = main.with_name(f"{main.stem}-read-only.toml")
        self.path = self._aside if read_only else main
        self.texts, self.position = _read_drafts(main)
        self._only: set[str] | None = None
        """In a read-only session, the drafts that are its own: only those go to its file."""
        if read_only:
            theirs, _ = _read_drafts(self._aside)
            self.texts.update(theirs)
            self._only = set(theirs)
        self.sent: dict[str, list[str]] = {} if read_only else _read_sent(main)
        """Items and names added to the list at a step, by step: kept until the file has them
        (a read-only session adds none, and leaves the other wizard's alone)."""
        self._committed: dict[str, str | None] = {}
        """Drafts of answers committed but not yet on disk: kept until the writer has saved
        them, so a crash meanwhile still leaves what was typed."""
        self._last_written: dict[str, str] = dict(self.texts)
        """Each draft as last written: what stays in the file while a newer one cannot be."""
        self.unwritten = ""
        """Why the drafts file could not be written ("" when it holds every draft)."""
        self.on_trouble: Callable[[str], None] | None = None
        """Told when `unwritten` changes, so a front end can say what is kept where."""

    def take_back_read_only(self) -> int:
        """Drafts typed while this canvas was open read-only come back into this session,
        which may change the canvas (call it once the canvas is ours), unless it has a draft
        of its own for that question: those stay where they were. Returns how many came back."""
        if self._only is not None:
            return 0
        theirs, _ = _read_drafts(self._aside)
        back = {k: v for k, v in theirs.items() if k not in self.texts}
        if not back:
            return 0
        self.texts.update(back)
        self._flush()
        if self.unwritten:  # not on disk here: they stay in the read-only drafts too
            return len(back)
        left = {k: v for k, v in theirs.items() if k not in back}
        if left:
            _write(self._aside, {"position": "", "texts": left})
        else:
            with contextlib.suppress(OSError):
                self._aside.unlink()
        return len(back)

    def get(self, key: str) -> str | None:
        return self.texts.get(key)

    def put(self, key: str, text: str) -> None:
        # A lone surrogate (from a broken paste) cannot be written to TOML and would stop
        # every draft from being saved; keep the rest of the text, with U+FFFD in its place.
        text = re.sub("[\ud800-\udfff]", "\ufffd", text)
        if self.texts.get(key) == text:
            return
        if self._only is not None:
            self._only.add(key)
        if text:
            self.texts[key] = text
        else:
            self.texts.pop(key, None)
        self._flush()

    def drop(self, key: str) -> None:
        if key in self.texts:
            if self._only is not None:
                self._only.add(key)
            del self.texts[key]
            self._flush()

    def added(self, key: str, text: str) -> None:
        """`text` left the box it was typed in for the list at `key`: it stays here until
        the file has it (`settle`)."""
        self.sent.setdefault(key, []).append(re.sub("[\ud800-\udfff]", "\ufffd", text))
        self._flush()

    def unconfirmed(self) -> dict[str, list[str]]:
        """Items and names added at each step (by its ref) that the file may not have yet."""
        return {key: list(texts) for key, texts in self.sent.items()}

    def restore(self, missing: dict[str, list[str]]) -> None:
        """Of the items `unconfirmed` gave, those the file turned out not to have come back
        as the draft of their list, ahead of what was being typed there; the rest are
        forgotten (see wizard/core/resume.py)."""
        had, self.sent = bool(self.sent), {}
        for key, texts in missing.items():
            if texts:
                self.texts[key] = "; ".join([*texts, *filter(None, [self.texts.get(key, "")])])
        if had:
            self._flush()

    def committed(self, key: str) -> None:
        """The answer at `key` went to the canvas: its draft goes once the file has it."""
        self._committed[key] = self.texts.get(key)

    def settle(self, unsaved: bool) -> None:
        """Forget the drafts of committed answers once they are in the file (`unsaved`
        False), unless typed over since."""
        if unsaved or not (self._committed or self.sent):
            return
        for key, text in self._committed.items():
            if self.texts.get(key) == text:
                if self._only is not None:
                    self._only.add(key)
                self.texts.pop(key, None)
        self._committed.clear()
        self.sent.clear()
        self._flush()  # once for all of them

    def reloaded(self) -> None:
        """The canvas was replaced by the file on disk: answers committed here and not
        saved are not in it, so their drafts stay drafts."""
        self._committed.clear()

    def at(self, key: str) -> None:
        """Remember the step the user is on, so a resume can return there."""
        if key != self.position:
            self.position = key
            self._flush()

    def _flush(self) -> None:
        kept: dict[str, str] = {}
        for key, text in self.texts.items():
            if self._only is not None and key not in self._only:
                continue  # the other wizard's draft, shown here but never written here
            if len(text) <= tomlio.MAX_TEXT:
                kept[key] = text
            elif key in self._last_written:  # too long to keep: the last version that was not
                kept[key] = self._last_written[key]
        position = "" if self._only is not None else self.position  # a read-only file keeps no place
        if not kept and not position and not self.sent:
            with contextlib.suppress(OSError):
                self.path.unlink()
            problem = ""
        else:
            data: dict[str, Any] = {"position": position, "texts": kept}
            if self.sent:
                data["sent"] = self.sent
            problem = _write(self.path, data)
        if not problem:
            self._last_written = kept
        self._written(problem)

    def _written(self, problem: str) -> None:
        if problem != self.unwritten:
            self.unwritten = problem
            if self.on_trouble is not None:
                self.on_trouble(problem)

    def retry(self) -> bool:
        """Write the drafts again if the last write failed; True once they are on disk."""
        if self.unwritten:
            self._flush()
        return not self.unwritten


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


def rescue(canvas_path: Path, canvas: Canvas) -> tuple[Path | None, str]:
    """Keep a canvas whose file could not be written in the state folder: where it went
    (None when it could not be written either) and a sentence that says so.

    Written as a save is (a temp file, read back, renamed), so what is claimed is there in
    full: a full disk leaves no empty copy behind to be trusted."""
    from wizard.files import atomic
    from wizard.model.safetext import file_name

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder = locations.state_dir() / "rescued"
    try:
        data = store.dumps(canvas).encode("utf-8")
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, 100):
            target = folder / f"{canvas_path.stem}-{stamp}{'' if n == 1 else f'-{n}'}.toml"
            if not target.exists():
                break
        atomic.write_atomic(target, data, exclusive=True)
    except (OSError, ValueError, UserFileError) as exc:
        why = exc.problem if isinstance(exc, UserFileError) else (getattr(exc, "strerror", None) or str(exc))
        why = re.sub(r"^.*\(([^()]*)\)$", r"\1", why)  # the OS's reason, not the save's wording
        return None, f"A rescue copy could not be written either ({why})."
    return target, f"Your canvas is kept at {file_name(target)}: copy it over the file once the problem is fixed."
