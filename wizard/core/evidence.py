"""Evidence: what each item of a segment rests on, and the evidence score beside completeness.

An *item* is something an interview can test: a job, an entry of a list answer (a pain, a
gain, an alternative, a hobby) or a whole answer (the early adopters, an age range), asked
in the segment, one of its jobs or a stage of a job, of a question marked `testable` (the
default). Unanswered questions hold no item. Each item's state comes from the segment's
interviews (their `links`) and the founder's marks:

- `guess`: nothing yet;
- `supported`: at least one interview supports it and fewer contradict it;
- `contradicted`: as many interviews contradict it as support it, or more;
- `observed` / `paid`: the founder saw it happen, or was paid (stronger than words; a
  mark wins over what interviews said).

The evidence score is the weighted share (each item weighs its question's weight) of items
supported, observed or paid: per segment and overall, 0-100, rounded down like the
completeness score, which it never changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from wizard.model.bank import STAGES, Question, Scope
from wizard.model.canvas import Canvas, Job, Node, Segment, Value
from wizard.model.catalog import Catalog
from wizard.model.evidence import Interview, Link, Mark, Target, state_of
from wizard.model.tree import Location

JOB_WEIGHT = 2.0
"""A job weighs as much as the heaviest questions: everything in its profile rests on it."""

STRONG = ("observed", "paid")
TESTED = ("supported", *STRONG)


@dataclass
class Item:
    """One testable item of one segment, with what its interviews and marks say."""

    segment: Location
    where: str
    """The segment's name path and, below it, the job and stage: `Users › Students › Meet people (before)`."""
    at: str
    question: str
    """`bank.question`, or `` for a job itself."""
    item: str
    """What a link names it by: the entry of a list answer; `` for a whole answer or a job."""
    text: str
    """The item as the founder wrote it: the entry, the answer, or the job's statement."""
    title: str
    """The question's short title, or "Job" for a job itself."""
    weight: float
    supports: list[tuple[Interview, Link]] = field(default_factory=list)
    contradicts: list[tuple[Interview, Link]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

    @property
    def state(self) -> str:
        # The rule in wizard/checks/evidence.py judges from the model alone, by the same function.
        return state_of(len(self.supports), len(self.contradicts), (m.kind for m in self.marks))

    @property
    def interviews(self) -> int:
        """How many distinct interviews support it."""
        return len({i.id for i, _ in self.supports})

    def key(self) -> tuple[str, str, str]:
        return (self.at, self.question, self.item)


@dataclass
class Broken:
    """A link or mark whose item is not in the canvas any more (a hand edit changed it)."""

    segment: Location
    where: str
    interview: str
    """The interview's id, or "" for a mark."""
    target: Target


@dataclass
class SegmentEvidence:
    location: Location
    name: str
    items: list[Item]
    interviews: list[Interview]
    broken: list[Broken]

    @property
    def score(self) -> int:
        return _share(self.items)


@dataclass
class EvidenceReport:
    segments: list[SegmentEvidence]

    @property
    def items(self) -> list[Item]:
        return [item for seg in self.segments for item in seg.items]

    @property
    def overall(self) -> int:
        return _share(self.items)

    @property
    def interviews(self) -> int:
        return sum(len(seg.interviews) for seg in self.segments)

    def untested(self) -> list[Item]:
        """Items that are still guesses, heaviest first (ties keep the canvas's order)."""
        return sorted((i for i in self.items if i.state == "guess"), key=lambda i: -i.weight)

    def contradicted(self) -> list[Item]:
        return [i for i in self.items if i.state == "contradicted"]

    @property
    def broken(self) -> list[Broken]:
        return [b for seg in self.segments for b in seg.broken]


def _share(items: list[Item]) -> int:
    possible = sum(i.weight for i in items)
    if not possible:
        return 0
    earned = sum(i.weight for i in items if i.state in TESTED)
    return int(100 * earned / possible + 1e-6)


def entries(question: Question, value: Value | None) -> list[str]:
    """The items an answer holds: each entry of a list, else the answer as one item."""
    if value is None:
        return []
    if isinstance(value, list):
        return [v for v in value if v.strip()]
    if isinstance(value, tuple):
        return [f"{value[0]}-{value[1]}{' ' + question.unit if question.unit else ''}"]
    return [value] if value.strip() else []


def _targets(segment: Segment, catalog: Catalog) -> Iterator[tuple[str, str, str, str, str, str, float]]:
    """(at, where-suffix, question, item, text, title, weight) of every item, in asking order."""
    nodes: list[tuple[str, str, Node, Scope]] = [("", "", segment, Scope.SEGMENT)]
    for job in segment.jobs:
        nodes.append((job.id, f" › {job.statement}", job, Scope.JOB))
        nodes += [(f"{job.id}/{s}", f" › {job.statement} ({s})", job.stage(s), Scope.STAGE) for s in STAGES]
    for at, suffix, node, scope in nodes:
        if isinstance(node, Job):
            yield at, suffix, "", "", node.statement, "Job", JOB_WEIGHT
        for entry in catalog.at_scope(scope):
            question = entry.question
            if not question.testable or entry.full_id in _na_ids(node):
                continue
            for text in entries(question, node.get(entry.full_id)):
                # A whole answer is linked with item "" so that rewording it keeps its links.
                item = text if question.kind.is_list else ""
                yield at, suffix, entry.full_id, item, text, question.title, question.weight


def _na_ids(node: Node) -> set[str]:
    return {f"{bank}.{qid}" for bank, marks in node.not_applicable.items() for qid in marks}


def segment_evidence(segment: Segment, location: Location, name: str, catalog: Catalog) -> SegmentEvidence:
    items: list[Item] = []
    index: dict[tuple[str, str, str], Item] = {}
    for at, suffix, question, link_item, text, title, weight in _targets(segment, catalog):
        item = Item(location, name + suffix, at, question, link_item, text, title, weight)
        if item.key() not in index:  # a list holding one entry twice is one item
            index[item.key()] = item
            items.append(item)
    broken: list[Broken] = []
    for interview in segment.interviews:
        for link in interview.links:
            found = _find(index, link)
            if found is None:
                broken.append(Broken(location, name, interview.id, link))
            elif link.verdict == "contradicts":
                found.contradicts.append((interview, link))
            else:
                found.supports.append((interview, link))
    for mark in segment.marks:
        found = _find(index, mark)
        if found is None:
            broken.append(Broken(location, name, "", mark))
        else:
            found.marks.append(mark)
    return SegmentEvidence(location, name, items, list(segment.interviews), broken)


def _find(index: dict[tuple[str, str, str], Item], target: Target) -> Item | None:
    found = index.get((target.at, target.question, target.item))
    if found is None and target.item:
        # A hand-written link may spell out a whole answer or a job's statement: those are
        # found by where they are, whatever the text says.
        found = index.get((target.at, target.question, ""))
    return found


def records_any(canvas: Canvas) -> bool:
    """Whether any segment holds an interview or a mark: without one, every item is a guess and
    the evidence score is 0, which callers over many canvases (`report`) need not work out."""
    return any(seg.interviews or seg.marks for ctype in canvas.customer_types for seg in ctype.segments)


def evidence(canvas: Canvas, catalog: Catalog) -> EvidenceReport:
    """The evidence of every segment of the canvas, in the canvas's order."""
    segments = [
        segment_evidence(seg, (ctype.id, seg.id), f"{ctype.name} › {seg.name}", catalog)
        for ctype in canvas.customer_types for seg in ctype.segments
    ]
    return EvidenceReport(segments)


def follow_reword(segment: Segment, at: str, question: str, old: str, new: str) -> int:
    """Point the links and marks on entry `old` of a list answer at `new` (the founder
    reworded it in the wizard); returns how many moved. Whole answers and jobs are linked
    without their text, so rewording them needs nothing."""
    moved = 0
    targets: list[Target] = [link for i in segment.interviews for link in i.links] + list(segment.marks)
    for target in targets:
        if (target.at, target.question, target.item) == (at, question, old):
            target.item = new
            moved += 1
    return moved


def follow_list_edit(segment: Segment, at: str, question: str, before: list[str], after: list[str]) -> int:
    """Keep links on a list answer that changed from `before` to `after` in one edit.

    Entries kept as they are keep their links wherever they moved to. When the edit
    rewrote entries in place (as many gone as came, at the same positions), each gone
    entry's links follow the one that took its place. An entry deleted outright keeps its
    links, which `check` then lists as pointing at nothing: the quotes are not lost.
    """
    gone = [(i, v) for i, v in enumerate(before) if v not in after]
    came = [(i, v) for i, v in enumerate(after) if v not in before]
    if not gone or len(gone) != len(came):
        return 0
    if len(gone) > 1 and [i for i, _ in gone] != [i for i, _ in came]:
        return 0  # several entries changed and moved at once: no safe pairing
    return sum(follow_reword(segment, at, question, old, new) for (_, old), (_, new) in zip(gone, came, strict=True))
