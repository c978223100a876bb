"""Build canvases for tests: full ones, empty ones, and answers that fit any question."""

from __future__ import annotations

from wizard.model.bank import STAGES, Kind, Question, Scope
from wizard.model.canvas import Canvas, CustomerType, Job, Node, Segment, Value
from wizard.model.catalog import Catalog
from wizard.model.tree import walk


def full_answer(question: Question, seed: int = 0) -> Value:
    """An answer that earns full credit for `question`."""
    if question.kind is Kind.SINGLE_CHOICE:
        return question.choices[seed % len(question.choices)].value
    if question.kind.has_choices:
        n = max(question.recommended_items, 1)
        return [c.value for c in question.choices][:n]
    if question.kind is Kind.LIST:
        return [f"item {i + 1}" for i in range(question.recommended_items)]
    if question.kind is Kind.RANGE:
        return (question.range_min + 1, question.range_max - 1)
    return f"answer to {question.id}"


def structure(types: int = 1, segments: int = 1, jobs: int = 1, title: str = "Test canvas") -> Canvas:
    canvas = Canvas(title=title)
    for t in range(types):
        ctype = CustomerType(id=f"type-{t}", name=f"Type {t}")
        for s in range(segments):
            seg = Segment(id=f"seg-{s}", name=f"Segment {s}")
            seg.jobs = [Job(id=f"job-{j}", statement=f"Get job {j} done") for j in range(jobs)]
            ctype.segments.append(seg)
        canvas.customer_types.append(ctype)
    return canvas


def fill(canvas: Canvas, catalog: Catalog) -> Canvas:
    """Answer every question at every node, so that every condition holds or is decided."""
    for place in walk(canvas):
        for entry in catalog.at_scope(place.scope):
            answer(place.node, entry.full_id, full_answer(entry.question))
    return canvas


def answer(node: Node, full_id: str, value: Value) -> None:
    node.set(full_id, value)


def full_canvas(catalog: Catalog, types: int = 1, segments: int = 1, jobs: int = 1) -> Canvas:
    return fill(structure(types, segments, jobs), catalog)


__all__ = ["STAGES", "Scope", "fill", "full_answer", "full_canvas", "structure"]
