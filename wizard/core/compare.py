"""Compare two canvases structurally: nodes matched by id, answers by (location, question).

Customer types, segments and jobs are matched by their ids, which stay the same when an
item is renamed, so a rename is one change and not a removal plus an addition. What is
compared: the title, the nodes, every answer, not-applicable marks and coach notes. What
is not: `created`/`updated` (they change on every save), bank versions and the coach's
session timers, none of which is something the founder wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wizard.model.bank import Question
from wizard.model.canvas import Canvas, CustomerType, Job, Node, Segment, Value
from wizard.model.catalog import Catalog
from wizard.model.tree import Location, Place, find, parse_path, path_str, walk

NODE_ADDED, NODE_REMOVED, NODE_RENAMED = "node_added", "node_removed", "node_renamed"
TITLE_CHANGED = "title_changed"
ANSWER_ADDED, ANSWER_REMOVED, ANSWER_CHANGED = "answer_added", "answer_removed", "answer_changed"
NA_ADDED, NA_REMOVED, NA_CHANGED = "na_added", "na_removed", "na_changed"
NOTE_ADDED, NOTE_REMOVED, NOTE_CHANGED = "note_added", "note_removed", "note_changed"


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new canvas."""

    kind: str
    location: Location
    where: str
    """The location for people: "Users › University students › Meet people › before"."""
    question: str | None
    """Full question id; None for a node, the title or a note on a place."""
    title: str
    """The question's short title, its id when no bank asks it, or what kind of node."""
    before: Any
    after: Any
    asked: Question | None = None
    """The question from the banks, to show choices by their labels; None when unknown."""

    @property
    def path(self) -> str:
        return path_str(self.location)


def _kind_of(node: Node) -> str:
    if isinstance(node, CustomerType):
        return "customer type"
    if isinstance(node, Segment):
        return "segment"
    return "job" if isinstance(node, Job) else "stage"


def _name(node: Node) -> str:
    name = getattr(node, "name", "")
    return name if isinstance(name, str) else ""


def _merged_order(old: list[Location], new: list[Location]) -> list[Location]:
    """Locations of both canvases in the new canvas's order, each removed one placed
    right after what preceded it in the old canvas (so a removed subtree stays together)."""
    order = list(new)
    placed = set(order)
    for i, loc in enumerate(old):
        if loc not in placed:
            order.insert(order.index(old[i - 1]) + 1, loc)  # i > 0: () is in both
            placed.add(loc)
    return order


def _keys(node: Node | None, table: str) -> set[str]:
    if node is None:
        return set()
    data: dict[str, dict[str, Any]] = getattr(node, table)
    return {f"{bank}.{qid}" for bank, values in data.items() for qid in values}


def _plain(value: Value | None) -> Any:
    # Ranges load as tuples but may be built as lists; compare what a reader would see.
    return list(value) if isinstance(value, tuple) else value


def _node(place: Place | None) -> Node | None:
    return place.node if place is not None else None


def diff(old: Canvas, new: Canvas, catalog: Catalog) -> list[Change]:
    """Every change from `old` to `new`, in the new canvas's asking order."""
    rank = {entry.full_id: i for i, entry in enumerate(catalog)}
    old_places = {p.location: p for p in walk(old)}
    new_places = {p.location: p for p in walk(new)}
    notes = _notes_by_location(old, new)
    changes: list[Change] = []
    for loc in _merged_order(list(old_places), list(new_places)):
        before, after = old_places.get(loc), new_places.get(loc)
        place = after or before
        assert place is not None
        changes += _node_changes(loc, before, after) if loc else _title_change(old, new)
        qids = set[str]()
        for table in ("answers", "not_applicable"):
            qids |= _keys(_node(before), table) | _keys(_node(after), table)
        for full_id in sorted(qids, key=lambda q: (rank.get(q, len(rank)), q)):
            changes += _answer_changes(place, full_id, before, after, catalog)
        for key in sorted(notes.pop(loc, set())):
            changes += _note_change(place.location, place.label, key, old, new, catalog)
    for loc, keys in notes.items():  # notes on places neither canvas has
        for key in sorted(keys):
            changes += _note_change(loc, path_str(loc) or "Whole canvas", key, old, new, catalog)
    return changes


def _title_change(old: Canvas, new: Canvas) -> list[Change]:
    if old.title == new.title:
        return []
    return [Change(TITLE_CHANGED, (), "Whole canvas", None, "title", old.title, new.title)]


def _node_changes(loc: Location, before: Place | None, after: Place | None) -> Iterator[Change]:
    place = after or before
    assert place is not None
    what = _kind_of(place.node)
    if what == "stage":  # stages come and go with their job
        return
    if before is None:
        yield Change(NODE_ADDED, loc, place.label, None, what, None, _name(place.node))
    elif after is None:
        yield Change(NODE_REMOVED, loc, place.label, None, what, _name(place.node), None)
    elif _name(before.node) != _name(after.node):
        yield Change(NODE_RENAMED, loc, place.label, None, what, _name(before.node), _name(after.node))


def _answer_changes(place: Place, full_id: str, before: Place | None, after: Place | None,
                    catalog: Catalog) -> Iterator[Change]:
    entry = catalog.get(full_id)
    asked = entry.question if entry is not None else None
    title = asked.title if asked is not None else full_id

    def change(kind: str, old: Any, new: Any) -> Change:
        return Change(kind, place.location, place.label, full_id, title, old, new, asked)

    old = before.node.get(full_id) if before else None
    new = after.node.get(full_id) if after else None
    if old is None and new is not None:
        yield change(ANSWER_ADDED, None, new)
    elif old is not None and new is None:
        yield change(ANSWER_REMOVED, old, None)
    elif _plain(old) != _plain(new):
        yield change(ANSWER_CHANGED, old, new)
    old_na = before.node.na_reason(full_id) if before else None
    new_na = after.node.na_reason(full_id) if after else None
    if old_na is None and new_na is not None:
        yield change(NA_ADDED, None, new_na)
    elif old_na is not None and new_na is None:
        yield change(NA_REMOVED, old_na, None)
    elif old_na != new_na:
        yield change(NA_CHANGED, old_na, new_na)


def _split_note_key(key: str) -> tuple[Location, str | None]:
    path, _, qid = key.partition("#")
    return parse_path(path), qid or None


def _notes_by_location(old: Canvas, new: Canvas) -> dict[Location, set[str]]:
    keys = set(old.coach.notes) | set(new.coach.notes)
    by_loc: dict[Location, set[str]] = {}
    for key in keys:
        if old.coach.notes.get(key) != new.coach.notes.get(key):
            by_loc.setdefault(_split_note_key(key)[0], set()).add(key)
    return by_loc


def _note_change(loc: Location, where: str, key: str, old: Canvas, new: Canvas,
                 catalog: Catalog) -> Iterator[Change]:
    _, qid = _split_note_key(key)
    entry = catalog.get(qid) if qid else None
    title = "coach note" if qid is None else f"coach note on {entry.question.title if entry else qid}"
    before, after = old.coach.notes.get(key), new.coach.notes.get(key)
    kind = NOTE_ADDED if before is None else NOTE_REMOVED if after is None else NOTE_CHANGED
    # Resolve the label on whichever canvas has the place, for notes on removed nodes too.
    place = find(new, loc) or find(old, loc)
    yield Change(kind, loc, place.label if place else where, qid, title, before, after,
                 entry.question if entry else None)
