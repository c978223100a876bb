"""Does a canvas fit the banks? Answers of the wrong shape, unknown questions, misplaced marks."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.model.bank import STAGES, Kind, Question, Scope
from wizard.model.bulk import gc_paused
from wizard.model.canvas import Canvas, Node, Value
from wizard.model.catalog import Catalog
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
def check(canvas: Canvas, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    fields = _node_fields(canvas)
    for place in walk(canvas):
        if place.node.answers or place.node.not_applicable:  # the field is named only for a problem
            base = fields.get(place.location)
            if base is None:
                base = _node_field(canvas, place.location)
            problems += _check_node(place.node, place.scope, base, catalog)
    return problems


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
