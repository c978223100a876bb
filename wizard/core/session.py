"""A wizard session over one canvas file: its steps, answers and structure (saving them is
wizard/files/editing.py's part).

Front ends (the Textual app, tests, scripts) drive this; it never imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wizard.core import interviews, scoring, set_aside
from wizard.core.conformance import shape_problem
from wizard.core.steps import JOBS, SEGMENTS, STRUCTURE_TITLES, TYPES, Step, walk_steps
from wizard.files import tomlio
from wizard.files.canvas_file import CanvasFile
from wizard.files.editing import EditedCanvas, changes
from wizard.files.errors import UserFileError
from wizard.model.bank import Question
from wizard.model.canvas import Canvas, CustomerType, Job, Node, Segment, Value, is_empty, unique_id
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name
from wizard.model.tree import Location, Place, find

# The steps live in wizard.core.steps; front ends know them from here too.
__all__ = ["JOBS", "SEGMENTS", "STRUCTURE_TITLES", "TYPES", "Session", "Step", "new_canvas",
           "walk_root"]

Child = CustomerType | Segment | Job


class Session(EditedCanvas):
    """The wizard's view of an open canvas: its steps, what each shows, and the changes
    the wizard makes (saving them is EditedCanvas's part)."""

    def __init__(self, path: Path, canvas: Canvas, catalog: Catalog, file: CanvasFile | None = None) -> None:
        super().__init__(path, canvas, file)
        self.catalog = catalog
        self._steps: list[Step] | None = None
        self._positions: dict[Step, int] = {}
        self._report: scoring.Report | None = None
        self.on_set_aside: Callable[[str], None] | None = None
        """Told where a replaced hand-edited value that was not a valid answer was kept."""
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
        return self.index(step) >= 0  # by the steps' index: a scan of them was 30,000 steps at 1000 segments

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
    @changes
    def commit(self, step: Step, value: Value | None) -> bool:
        """Store an answer and save; returns False when nothing changed.

        Only a changed answer lifts a not-applicable mark: moving on from a question marked
        so (its box empty, or holding the answer it had) keeps the mark."""
        _check_text(*([value] if isinstance(value, str) else value if isinstance(value, list) else []))
        node = self.node(step)
        before, na = node.get(step.key), node.na_reason(step.key)
        rejected = self.rejected(step, before)
        if rejected and (value is None or is_empty(value) or value == str(before)):
            return False  # what the box showed of a value it cannot show: moving on keeps it
        node.set(step.key, value)
        if node.get(step.key) == before:
            if na is not None:
                node.mark_na(step.key, na)  # set() lifted it; the answer did not change
            return False
        if self.read_only:  # moving on without a change is fine; a change is undone and refused
            node.set(step.key, before)
            if na is not None:
                node.mark_na(step.key, na)
            self._writable()
        if rejected and before is not None:
            try:
                self._set_aside(step, before, rejected)
            except UserFileError:
                node.set(step.key, before)  # the old value stays where it was
                if na is not None:
                    node.mark_na(step.key, na)
                raise
        # A list entry reworded or moved keeps the interviews' links and the marks on it.
        interviews.follow_answer_edit(self.canvas, step.location, step.key, before, node.get(step.key))
        self.save_change(steps_too=self.catalog.decides(step.key))
        return True

    def rejected(self, step: Step, value: Value | None) -> str | None:
        """Why `value` (hand-edited into the file) cannot be an answer here, or None."""
        question = None if step.is_structure or value is None else self.question(step)
        return shape_problem(question, value) if question is not None and value is not None else None

    def _set_aside(self, step: Step, before: Value, problem: str) -> None:
        """A hand-edited value no answer box can show is kept in FILE.set-aside before it is
        replaced (wizard/core/set_aside.py), and the front end is told where."""
        where = set_aside.field_of(self.canvas, step.location, step.key)
        kept = set_aside.keep(self.path, where, before, problem)
        if self.on_set_aside is not None:
            self.on_set_aside(f"The value that was in the file at {where} ({problem}) is kept in "
                              f"{file_name(kept)}.")

    @changes
    def mark_na(self, step: Step, reason: str = "") -> None:
        q = self.question(step)
        if q is None or q.required:
            raise ValueError(f"'{self.title(step)}' is required and always applies")
        self._writable()
        self.node(step).mark_na(step.key, reason)
        self.save_change(steps_too=False)  # a question marked N/A stays a step

    @changes
    def unmark_na(self, step: Step) -> None:
        self._writable()
        self.node(step).unmark_na(step.key)
        self.save_change(steps_too=False)

    @changes
    def drop_answer(self, location: Location, full_id: str) -> None:
        """Delete an answer for good (one set aside, see wizard/core/set_aside.py)."""
        self._writable()
        place = find(self.canvas, location)
        if place is None:
            raise KeyError(location)
        place.node.set(full_id, None)
        self.save_change(steps_too=self.catalog.decides(full_id))

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

    @changes
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

    @changes
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

    @changes
    def remove_child(self, step: Step, child_id: str) -> None:
        self._writable()
        items = self._child_list(step)
        items[:] = [c for c in items if c.id != child_id]
        self.save_change()

    @changes
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

    @changes
    def reload(self) -> None:
        """Replace the canvas with the file on disk (the user chose theirs over ours)."""
        self.canvas = self.file.reload()
        for bank_id, version in self.catalog.versions().items():
            self.canvas.banks.setdefault(bank_id, version)
        self.last_saved = self._on_disk_since()
        self._saved_changes = self._changes  # what is open now is what the file holds
        self.changed()


def _check_text(*texts: str) -> None:
    # Refused as typed, with the reason: it could not be saved later anyway.
    for text in texts:
        problem = tomlio.text_problem(text)
        if problem:
            raise ValueError(problem)


def walk_root(canvas: Canvas) -> Place:
    return Place((), (canvas,), ())


def new_canvas(title: str) -> Canvas:
    return Canvas.model_construct(title=title.strip())

