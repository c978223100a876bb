"""The sidebar: customer types, segments, jobs and canvas-wide sections, each with a mark."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from wizard.core.scoring import Report, Slot
from wizard.core.session import TYPES, Session, Step
from wizard.model.bank import Scope
from wizard.model.tree import Location, walk
from wizard.tui.key_names import bound_keys
from wizard.tui.text import literal_text
from wizard.tui.textual_internals.painting import SteadyTree, StillScrollbar
from wizard.tui.widgets.focus import is_text, type_into

MARKS = {"done": "●", "partial": "◐", "empty": "○"}
LINE_DEPTH = 3
"""How deep the sidebar's lines go: customer types, their segments, their jobs."""


@dataclass(frozen=True)
class Target:
    """Where selecting a tree node goes: everything under `location` (in `section`)."""

    location: Location
    section: str | None = None
    key: str | None = None

    def first_step(self, session: Session) -> Step | None:
        """The step to go to: the first still open under the node, else its first."""
        steps = session.steps()
        if self.key:
            inside = [s for s in steps if s.key == self.key and s.location == self.location]
        elif self.section:
            inside = [s for s in steps if not s.location and s.section == self.section]
        else:
            n = len(self.location)
            inside = [s for s in steps if s.location[:n] == self.location]
        open_ = [s for s in inside if session.status(s) in ("open", "partial", "locked")]
        found = open_ or inside
        return found[0] if found else None


NodeTallies = list[tuple[tuple[object, ...], list[float]]]
"""What one node's slots add up to: [slots, credit sum, fully answered], each with the keys of
the sidebar's lines it counts towards (the node's own line, those above it, the types)."""


def _node_tallies(slots: list[Slot]) -> NodeTallies:
    found: dict[object, tuple[tuple[object, ...], list[float]]] = {}
    for slot in slots:
        location = slot.location
        key: object
        if slot.question_id == "structure.customer_type":
            key = "types"
        elif not location:
            key = ("#", slot.section)
        else:
            key = location
        entry = found.get(key)
        if entry is None:
            entry = found[key] = (_lines_of(key), [0, 0.0, 0])
        t = entry[1]
        t[0] += 1
        t[1] += slot.credit
        t[2] += slot.credit >= 1
    return list(found.values())


def _lines_of(key: object) -> tuple[object, ...]:
    """The keys of the sidebar's lines that the slots under `key` count towards."""
    if key == "types" or not isinstance(key, tuple) or key[:1] == ("#",):
        return (key,)
    # Lines for types, segments and jobs: a stage counts towards its job's.
    return (*(key[:n] for n in range(1, min(len(key), LINE_DEPTH) + 1)), "types")


def _tallies(report: Report, kept: dict[int, tuple[list[Slot], NodeTallies]]) -> dict[object, list[float]]:
    """[slots, credit sum, fully answered] per location prefix and per canvas section.

    At 1000 segments this is some 30,000 slots after every answer, most of them in nodes
    the answer did not touch: what a node's slots add up to is kept (in `kept`, refilled
    with the nodes of this report) while scoring hands back the same list for it."""
    out: dict[object, list[float]] = {}
    fresh: dict[int, tuple[list[Slot], NodeTallies]] = {}
    for slots in report.by_node:
        entry = kept.get(id(slots))
        if entry is None or entry[0] is not slots:
            entry = (slots, _node_tallies(slots))
        fresh[id(slots)] = entry
        for keys, (count, credit, full) in entry[1]:
            for key in keys:
                t = out.get(key)
                if t is None:
                    out[key] = [count, credit, full]
                else:
                    t[0] += count
                    t[1] += credit
                    t[2] += full
    kept.clear()
    kept.update(fresh)
    return out


def mark(tally: list[float] | None) -> str:
    if tally is None or tally[2] == tally[0]:
        return MARKS["done"]
    return MARKS["empty"] if tally[1] == 0 else MARKS["partial"]


class NavTree(SteadyTree, StillScrollbar, Tree[Target]):
    DEFAULT_CSS = "NavTree { scrollbar-size-vertical: 1; }"

    def __init__(self, session: Session, **kwargs: object) -> None:
        super().__init__("canvas", **kwargs)  # type: ignore[arg-type]
        self.session = session
        self.show_root = False
        self.auto_expand = False  # Enter jumps there and leaves the branch open (Space folds it)
        self.guide_depth = 2
        self._nav_shape: tuple[object, ...] = ()
        self._nav_nodes: dict[object, TreeNode[Target]] = {}
        self._nav_names: dict[Location, str] = {}
        self._nav_labels: dict[object, str] = {}
        self._nav_marked: object = None
        self._nav_steps: object = None
        self._nav_tallies: dict[int, tuple[list[Slot], NodeTallies]] = {}

    def on_mount(self) -> None:
        self.refresh_marks()

    async def _on_key(self, event: events.Key) -> None:
        # A letter typed here is meant for the answer (the tree has no use for one): it used
        # to vanish, and the spaces between the words folded branches.
        answer = getattr(self.screen, "action_focus_answer", None)
        if answer is not None and is_text(event, bound_keys(self)):
            answer()
            type_into(self.app.focused, self, event)

    def _shape_now(self) -> tuple[object, ...]:
        canvas = self.session.canvas
        sections = [b.id for b in self.session.catalog.banks]
        return (tuple((p.location, p.names[-1] if p.names else "") for p in walk(canvas)
                      if len(p.location) <= LINE_DEPTH), tuple(sections))

    def refresh_marks(self) -> None:
        """Relabel the nodes whose mark or name changed; rebuild only when types, segments or
        jobs were added, removed or moved (every relabel repaints the tree)."""
        report = self.session.report()
        if report is self._nav_marked:
            return  # nothing changed since (the status is refreshed after every save)
        self._nav_marked = report
        steps = self.session.steps()
        if steps is not self._nav_steps:  # a new list of steps: types, segments or jobs may have changed
            self._nav_steps = steps
            shape = self._shape_now()
            if shape != self._nav_shape:
                self._rebuild()
                self._nav_shape = shape
        tallies = _tallies(report, self._nav_tallies)
        for key, node in self._nav_nodes.items():
            target = node.data
            assert target is not None
            label = f"{mark(tallies.get(key))} {self._label_for(target)}"
            if self._nav_labels.get(key) != label:
                self._nav_labels[key] = label
                node.set_label(literal_text(label))

    def _label_for(self, target: Target) -> str:
        if target.key == TYPES:
            return "Customer types"
        if target.section:
            bank = self.session.catalog.bank(target.section)
            return bank.title if bank else target.section
        return self._nav_names.get(target.location, "?")

    def _rebuild(self) -> None:
        self.clear()
        self._nav_nodes = {}
        self._nav_names = {}
        self._nav_labels = {}
        types = self.root.add("Customer types", Target((), key=TYPES), expand=True)
        self._nav_nodes["types"] = types
        parents: dict[Location, TreeNode[Target]] = {(): types}
        for place in walk(self.session.canvas):
            if place.scope in (Scope.CANVAS, Scope.STAGE):
                continue
            self._nav_names[place.location] = place.names[-1]
            parent = parents[place.location[:-1]]
            leaf = place.scope is Scope.JOB
            node = (parent.add_leaf if leaf else parent.add)("", Target(place.location))
            if not leaf:
                node.expand()
                parents[place.location] = node
            self._nav_nodes[place.location] = node
        canvas_sections = {e.bank.id for e in self.session.catalog.at_scope(Scope.CANVAS)}
        for bank in self.session.catalog.banks:
            if bank.id in canvas_sections:
                self._nav_nodes[("#", bank.id)] = self.root.add_leaf("", Target((), section=bank.id))

    def select_step(self, step: Step) -> None:
        """Move the cursor to the node that holds `step`, without jumping."""
        key: object = ("#", step.section) if not step.location else step.location[:LINE_DEPTH]
        if step.key == TYPES:
            key = "types"
        node = self._nav_nodes.get(key)
        if node is not None and node.line >= 0:
            self.move_cursor(node)
