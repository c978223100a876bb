"""Does a canvas fit the banks? Answers of the wrong shape, unknown questions, misplaced marks."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core import evidence
from wizard.model.bank import STAGES, Kind, Question, Scope
from wizard.model.bulk import gc_paused
from wizard.model.canvas import Canvas, Node, Segment, Value
from wizard.model.catalog import Catalog
from wizard.model.evidence import Link
from wizard.model.safetext import visible as visible_text
from wizard.model.tree import walk

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: str
    field: str
    """Where in the file, e.g. `customer_types[0].segments[1].answers.audience.age`."""
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def _node_field(canvas: Canvas, location: tuple[str, ...]) -> str:
    parts: list[str] = []
    types = canvas.customer_types
    if location:
        t = next(i for i, c in enumerate(types) if c.id == location[0])
        parts.append(f"customer_types[{t}]")
        segs = types[t].segments
        if len(location) > 1:
            s = next(i for i, c in enumerate(segs) if c.id == location[1])
            parts.append(f"segments[{s}]")
            if len(location) > 2:
                j = next(i for i, c in enumerate(segs[s].jobs) if c.id == location[2])
                parts.append(f"jobs[{j}]")
                if len(location) > 3:
                    parts.append(location[3])
    return ".".join(parts)


def shape_problem(question: Question, value: Value) -> str | None:
    """Why `value` cannot be an answer to `question`, or None when it can."""
    kind = question.kind
    if kind in (Kind.TEXT, Kind.LONG_TEXT):
        return None if isinstance(value, str) else "should be text"
    if kind is Kind.SINGLE_CHOICE:
        if not isinstance(value, str):
            return "should be one of the choices, as text"
        allowed = [c.value for c in question.choices]
        return None if value in allowed else f"{value!r} is not one of {', '.join(allowed)}"
    if kind.is_list:
        if not isinstance(value, list):
            return "should be a list of text items"
        if kind.has_choices:
            allowed = [c.value for c in question.choices]
            unknown = [v for v in value if v not in allowed]
            if unknown:
                return f"{unknown[0]!r} is not one of {', '.join(allowed)}"
            if len(set(value)) != len(value):
                return "lists the same choice twice"
        return None
    low, high = question.range_min, question.range_max
    if not isinstance(value, tuple):
        return f"should be two whole numbers, e.g. [{low}, {high}]"
    if not (low <= value[0] <= value[1] <= high):
        return f"should be two numbers from {low} to {high}, the smaller first"
    return None


@gc_paused
def check(canvas: Canvas, catalog: Catalog, links: bool = True) -> list[Problem]:
    """Every problem of the canvas; with `links`, also the evidence links a hand edit broke
    (warnings only: a caller after the errors alone may leave them out)."""
    problems: list[Problem] = []
    fields = _node_fields(canvas)
    for place in walk(canvas):
        if place.node.answers or place.node.not_applicable:  # the field is named only for a problem
            base = fields.get(place.location)
            if base is None:
                base = _node_field(canvas, place.location)
            problems += _check_node(place.node, place.scope, base, catalog)
    return problems + broken_links(canvas, catalog) if links else problems


def broken_links(canvas: Canvas, catalog: Catalog) -> list[Problem]:
    """Links and marks whose item is no longer in the canvas (a hand edit changed its text or
    removed its job): warnings, since the quotes they hold are kept and nothing else breaks."""
    problems: list[Problem] = []
    for t, ctype in enumerate(canvas.customer_types):
        for s, seg in enumerate(ctype.segments):
            if not seg.interviews and not seg.marks:
                continue
            found = evidence.segment_evidence(seg, (ctype.id, seg.id), f"{ctype.name} › {seg.name}", catalog)
            for broken in found.broken:
                problems.append(_broken_problem(f"customer_types[{t}].segments[{s}]", seg, broken, catalog))
    return problems


def _broken_problem(base: str, seg: Segment, broken: evidence.Broken, catalog: Catalog) -> Problem:
    target = broken.target
    entry = catalog.get(target.question) if target.question else None
    what = entry.question.title if entry else (target.question or "the job")
    if target.item:
        what += f" “{visible_text(target.item)}”"
    at = f" at {target.at}" if target.at else ""
    if isinstance(target, Link):
        i = next(n for n, interview in enumerate(seg.interviews) if interview.id == broken.interview)
        k = next(n for n, link in enumerate(seg.interviews[i].links) if link is target)
        field, who, kind = f"{base}.interviews[{i}].links[{k}]", f"interview “{broken.interview}”", "link"
    else:
        m = next(n for n, mark in enumerate(seg.marks) if mark is target)
        field, who, kind = f"{base}.marks[{m}]", f"a mark ({getattr(target, 'kind', 'observed')})", "mark"
    if entry is not None and not entry.question.testable:
        return Problem(WARNING, field, f"in segment {broken.where}, {who} is about {what}{at}, which interviews do "
                                       f"not test (it names the segment); the {kind} is kept but counts for nothing")
    return Problem(WARNING, field,
                   f"in segment {broken.where}, {who} is about {what}{at}, which is not in the canvas any more "
                   f"(the {kind} is kept): point its `item` at the entry's new words, or delete it")


def _node_fields(canvas: Canvas) -> dict[tuple[str, ...], str]:
    """`_node_field` for every node at once: looking each one up would read the lists again."""
    fields: dict[tuple[str, ...], str] = {(): ""}
    for t, ctype in enumerate(canvas.customer_types):
        tfield = f"customer_types[{t}]"
        fields.setdefault((ctype.id,), tfield)
        for s, seg in enumerate(ctype.segments):
            sfield = f"{tfield}.segments[{s}]"
            fields.setdefault((ctype.id, seg.id), sfield)
            for j, job in enumerate(seg.jobs):
                jfield = f"{sfield}.jobs[{j}]"
                fields.setdefault((ctype.id, seg.id, job.id), jfield)
                for stage in STAGES:
                    fields.setdefault((ctype.id, seg.id, job.id, stage), f"{jfield}.{stage}")
    return fields


def _check_node(node: Node, scope: Scope, base: str, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    prefix = f"{base}." if base else ""
    for bank_id, answers in node.answers.items():
        for qid, value in answers.items():
            where = f"{prefix}answers.{bank_id}.{qid}"
            entry = catalog.get(f"{bank_id}.{qid}")
            if entry is None:
                problems.append(Problem(WARNING, where, "no bank asks this question; the answer is kept as is"))
                continue
            q = entry.question
            if q.scope is not scope:
                scope_name = q.scope.value.replace("_", " ")
                problems.append(Problem(ERROR, where, f"this question is asked per {scope_name}, not here"))
                continue
            reason = shape_problem(q, value)
            if reason:
                problems.append(Problem(ERROR, where, reason))
    for bank_id, marks in node.not_applicable.items():
        for qid in marks:
            entry = catalog.get(f"{bank_id}.{qid}")
            where = f"{prefix}not_applicable.{bank_id}.{qid}"
            if entry is None:
                problems.append(Problem(WARNING, where, "no bank asks this question"))
            elif entry.question.required:
                problems.append(Problem(WARNING, where, "a required question always applies; the mark is ignored"))
    return problems
