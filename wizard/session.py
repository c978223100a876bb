"""A wizard session over one canvas file: its steps, answers, structure and saving.

Front ends (the Textual app, tests, scripts) drive this; it never imports Textual.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import ParamSpec, TypeVar

from wizard import fingerprint, scoring, store, tomlio
from wizard.canvas_file import CanvasFile
from wizard.errors import ChangedOnDiskError, ReadOnlyError
from wizard.model.bank import Question
from wizard.model.canvas import Canvas, CustomerType, Job, Node, Segment, Value, now, unique_id
from wizard.model.catalog import Catalog
from wizard.model.tree import Location, Place, find
from wizard.saver import BackgroundSaver
from wizard.steps import JOBS, SEGMENTS, STRUCTURE_TITLES, TYPES, Step, walk_steps

# The steps live in wizard.steps; front ends know them from here too.
__all__ = ["JOBS", "SEGMENTS", "STRUCTURE_TITLES", "TYPES", "Session", "Step", "new_canvas",
           "walk_root"]

P = ParamSpec("P")
R = TypeVar("R")

Child = CustomerType | Segment | Job


def _changes(method: Callable[P, R]) -> Callable[P, R]:
    """A method that changes the canvas does so inside `Session.changing`."""

    @functools.wraps(method)
    def changing(*args: P.args, **kwargs: P.kwargs) -> R:
        session = args[0]
        assert isinstance(session, Session)
        with session.changing():
            return method(*args, **kwargs)

    return changing


class Session:
    def __init__(self, path: Path, canvas: Canvas, catalog: Catalog, file: CanvasFile | None = None) -> None:
        self.path = path
        self.canvas = canvas
        self.catalog = catalog
        self.file = file or CanvasFile.adopt(path)
        self.on_conflict: Callable[[ChangedOnDiskError], None] | None = None
        """Told when a save finds the file changed on disk, so a front end can ask the user."""
        self.last_saved: datetime | None = self._on_disk_since()
        self.lock = threading.RLock()
        """Held while the canvas changes and while a save copies it."""
        self._writing = threading.Lock()
        self._depth = 0
        self._save_due = False
        self.saver: BackgroundSaver | None = None
        """Set by a front end that wants large canvases written off its own thread."""
        self._changes = 0
        self._saved_changes = 0
        self._steps: list[Step] | None = None
        self._positions: dict[Step, int] = {}
        self._report: scoring.Report | None = None
        for bank_id, version in catalog.versions().items():
            canvas.banks.setdefault(bank_id, version)

    # -- the steps, in asking order ------------------------------------------------
    def steps(self) -> list[Step]:
        if self._steps is None:
            self._steps = walk_steps(self.canvas, self.catalog)
            self._positions = {step: i for i, step in enumerate(self._steps)}
        return self._steps

    def changed(self, steps_too: bool = True) -> None:
        """Forget what was worked out from the canvas; the steps depend only on its
        structure and on the answers that decide a condition, and at 1000 segments
        walking them again costs more than the rest of an answer's upkeep."""
        if steps_too:
            self._steps = None
        self._report = None

    def index(self, step: Step) -> int:
        self.steps()
        return self._positions.get(step, -1)

    def neighbour(self, step: Step, delta: int) -> Step | None:
        steps = self.steps()
        i = self.index(step)
        j = i + delta
        return steps[j] if i >= 0 and 0 <= j < len(steps) else None

    def first_open(self) -> Step | None:
        """Where a resumed session starts: the first step still waiting for an answer."""
        return next((s for s in self.steps() if self.status(s) in ("open", "partial", "locked")), None)

    def exists(self, step: Step) -> bool:
        return step in self.steps()

    # -- what a step shows ---------------------------------------------------------
    def place(self, step: Step) -> Place:
        place = find(self.canvas, step.location)
        if place is None:
            raise KeyError(step.ref)
        return place

    def question(self, step: Step) -> Question | None:
        entry = self.catalog.get(step.key)
        return entry.question if entry else None

    def title(self, step: Step) -> str:
        if step.is_structure:
            return STRUCTURE_TITLES[step.key]
        q = self.question(step)
        return q.title if q else step.key

    def node(self, step: Step) -> Node:
        return self.place(step).node

    def value(self, step: Step) -> Value | None:
        return None if step.is_structure else self.node(step).get(step.key)

    def na_reason(self, step: Step) -> str | None:
        q = self.question(step)
        if step.is_structure or q is None or q.required:
            return None
        return self.node(step).na_reason(step.key)

    def status(self, step: Step) -> str:
        """answered, partial, open, locked (waits on another answer) or na."""
        if step.is_structure:
            return "answered" if self.children(step) else "open"
        if self.na_reason(step) is not None:
            return "na"
        q = self.question(step)
        if q is None:
            return "open"
        decided = scoring.applies(self.catalog, step.key, self.place(step))
        if decided is None:
            return "locked"
        credit = scoring.credit(q, self.value(step))
        return "answered" if credit >= 1 else "partial" if credit > 0 else "open"

    def report(self) -> scoring.Report:
        if self._report is None:
            self._report = scoring.score(self.canvas, self.catalog)
        return self._report

    # -- changing answers ----------------------------------------------------------
    @_changes
    def commit(self, step: Step, value: Value | None) -> bool:
        """Store an answer and save; returns False when nothing changed."""
        _check_text(*([value] if isinstance(value, str) else value if isinstance(value, list) else []))
        node = self.node(step)
        before, na = node.get(step.key), node.na_reason(step.key)
        node.set(step.key, value)
        if node.get(step.key) == before and na is None:
            return False
        if self.read_only:  # moving on without a change is fine; a change is undone and refused
            node.set(step.key, before)
            if na is not None:
                node.mark_na(step.key, na)
            self._writable()
        self.save_change(steps_too=self.catalog.decides(step.key))
        return True

    @_changes
    def mark_na(self, step: Step, reason: str = "") -> None:
        q = self.question(step)
        if q is None or q.required:
            raise ValueError(f"'{self.title(step)}' is required and always applies")
        self._writable()
        self.node(step).mark_na(step.key, reason)
        self.save_change(steps_too=False)  # a question marked N/A stays a step

    @_changes
    def unmark_na(self, step: Step) -> None:
        self._writable()
        self.node(step).unmark_na(step.key)
        self.save_change(steps_too=False)

    # -- changing structure --------------------------------------------------------
    def children(self, step: Step) -> list[Child]:
        node = self.node(step)
        if isinstance(node, Canvas):
            return list(node.customer_types)
        if isinstance(node, CustomerType):
            return list(node.segments)
        if isinstance(node, Segment):
            return list(node.jobs)
        return []

    def _child_list(self, step: Step) -> list[Child]:
        node = self.node(step)
        lists: dict[type, str] = {Canvas: "customer_types", CustomerType: "segments", Segment: "jobs"}
        items: list[Child] = getattr(node, lists[type(node)])
        return items

    @_changes
    def add_child(self, step: Step, name: str) -> Location:
        name = name.strip()
        if not name:
            raise ValueError("a name cannot be empty")
        self._writable()
        _check_text(name)
        items = self._child_list(step)
        new_id = unique_id(name, {c.id for c in items})
        child: Child
        if step.key == TYPES:
            child = CustomerType(id=new_id, name=name)
        elif step.key == SEGMENTS:
            child = Segment(id=new_id, name=name)
        else:
            child = Job(id=new_id, statement=name)
        items.append(child)
        self.save_change()
        return (*step.location, new_id)

    @_changes
    def rename_child(self, step: Step, child_id: str, name: str) -> None:
        name = name.strip()
        if not name:
            raise ValueError("a name cannot be empty")
        self._writable()
        _check_text(name)
        child = next(c for c in self._child_list(step) if c.id == child_id)
        if isinstance(child, Job):
            child.statement = name
        else:
            child.name = name
        self.save_change()

    @_changes
    def remove_child(self, step: Step, child_id: str) -> None:
        self._writable()
        items = self._child_list(step)
        items[:] = [c for c in items if c.id != child_id]
        self.save_change()

    @_changes
    def move_child(self, step: Step, child_id: str, delta: int) -> None:
        self._writable()
        items = self._child_list(step)
        i = next(n for n, c in enumerate(items) if c.id == child_id)
        j = max(0, min(len(items) - 1, i + delta))
        if i != j:
            items.insert(j, items.pop(i))
            self.save_change()

    def answers_below(self, step: Step, child_id: str) -> int:
        """How many answers removing this child would delete (to warn before doing it)."""
        loc = (*step.location, child_id)
        return sum(1 for s in self.report().slots if s.location[: len(loc)] == loc and s.credit > 0)

    # -- saving ----------------------------------------------------------------------
    @contextlib.contextmanager
    def changing(self) -> Iterator[None]:
        """Hold the canvas still while it changes, so a background save never copies half a
        change; what changed is saved when the outermost change is done.

        The save happens outside the lock: a save takes the writing lock, then this one, and
        taking them in the other order could deadlock with the background writer.
        """
        with self.lock:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
        if self._depth == 0 and self._save_due:
            self._save_due = False
            self._store()

    def save_change(self, steps_too: bool = True) -> None:
        """After any change to the canvas: forget derived state, stamp the time, save.
        `steps_too=False` for a change that cannot add or remove a step (see changed)."""
        with self.changing():  # stored as the outermost change ends, outside the lock
            self.changed(steps_too)
            self.canvas.touch()
            self._changes += 1
            self._save_due = True

    def _store(self) -> None:
        try:
            if self.saver is None:
                self.save()
                return
            self._check_disk()
        except ChangedOnDiskError as exc:
            if self.on_conflict is not None:
                self.on_conflict(exc)
            raise
        self.saver.request()

    def _check_disk(self) -> None:
        """Before a change goes to the writer: a file edited by hand since the last save is
        found now, while the user is still at the change (the writer checks again as it
        writes, for an edit made in between)."""
        if not self._writing.acquire(blocking=False):
            return  # a save is being written, and what it saw last is about to change
        try:
            on_disk = fingerprint.of_file(self.path)
            if fingerprint.changed(self.file.seen, on_disk):
                assert on_disk is not None
                when = on_disk.modified.astimezone().strftime("%H:%M:%S")
                raise ChangedOnDiskError(self.path, f"changed on disk since it was opened (at {when}); not saved")
        finally:
            self._writing.release()

    def save(self, overwrite: bool = False) -> None:
        """Save now; `overwrite` replaces a file changed on disk (theirs is backed up)."""
        # One save at a time, each copying the canvas after the one before it: a newer copy
        # can never be overwritten by an older one. Only the copy needs the canvas to hold
        # still; the writing does not.
        with self._writing:
            with self.lock:
                data, changes = store.to_data(self.canvas), self._changes
            self.file.save(data, overwrite=overwrite)
            self._saved_changes = changes
            self.last_saved = now()

    def _on_disk_since(self) -> datetime | None:
        """When the file as last read was written: a resumed canvas was saved then."""
        seen = self.file.seen
        return seen.modified if seen is not None else None

    @property
    def unsaved(self) -> bool:
        """Changes made that are not in the file yet (a save pending, or one that failed)."""
        return self._changes != self._saved_changes

    def flush(self, timeout: float = 30.0) -> None:
        """Make sure every change is in the file: wait for the writer, then save what is left.

        Raises the save's error when the file could not be written.
        """
        if self.saver is not None:
            self.saver.close(timeout)
            self.saver = None
        if self.unsaved and not self.read_only:
            self.save()

    @classmethod
    def open(cls, path: Path, catalog: Catalog, *, read_only: bool = False, title: str = "") -> Session:
        """Lock and load `path`, or start a new canvas there titled `title` (saved at once)."""
        file, canvas = CanvasFile.open(path, read_only=read_only)
        try:
            session = cls(path, new_canvas(title) if canvas is None else canvas, catalog, file)
            if canvas is None:
                session.save()
        except BaseException:
            file.close()
            raise
        return session

    @_changes
    def reload(self) -> None:
        """Replace the canvas with the file on disk (the user chose theirs over ours)."""
        self.canvas = self.file.reload()
        for bank_id, version in self.catalog.versions().items():
            self.canvas.banks.setdefault(bank_id, version)
        self.last_saved = self._on_disk_since()
        self.changed()

    def close(self) -> None:
        """Let go of the file (its lock); the canvas is already saved."""
        self.file.close()

    @property
    def read_only(self) -> str:
        """Why changes cannot be saved, or "" when they can."""
        return self.file.read_only

    def _writable(self) -> None:
        if self.file.read_only:
            raise ReadOnlyError(self.path, f"{self.file.read_only}; nothing can be saved")


def _check_text(*texts: str) -> None:
    # Refused as typed, with the reason: it could not be saved later anyway.
    for text in texts:
        problem = tomlio.text_problem(text)
        if problem:
            raise ValueError(problem)


def walk_root(canvas: Canvas) -> Place:
    return Place((), (canvas,), ())


def new_canvas(title: str) -> Canvas:
    return Canvas(title=title.strip())

