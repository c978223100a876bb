"""The rule on evidence: an item that the segment's interviews contradict is worth rethinking.

The checks read only the model (they sit beside the core, not on it), so this rule finds
the items its links are about in the canvas itself, as `wizard/core/evidence.py` does, and
judges each by the model's `state_of`, the function the core's states come from. Untested
items are not findings: a guess is where every canvas starts, and `score` lists them apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from wizard.checks.registry import WARNING, Hit, current_catalog, rule, segments
from wizard.checks.words import quote
from wizard.model.canvas import Canvas, Job, Segment
from wizard.model.evidence import Interview, Link, MarkKind, Target, state_of
from wizard.model.structure import JOBS
from wizard.model.tree import Location, node_at

SHOWN_QUOTES = 2
"""Quotes a finding cites; the rest are counted."""


@dataclass
class _Tally:
    location: Location
    question: str
    text: str
    supports: list[tuple[Interview, Link]] = field(default_factory=list)
    contradicts: list[tuple[Interview, Link]] = field(default_factory=list)
    marks: list[MarkKind] = field(default_factory=list)


def _item(segment: Segment, location: Location, target: Target) -> tuple[tuple[str, str, str], Location, str,
                                                                        str] | None:
    """(key, where the fix is made, question, the item's text) of what a link names; None when
    it names nothing in the canvas (`check` warns about those) or a question not tested."""
    node = node_at(segment, target.at)
    if node is None:
        return None
    place = location + tuple(target.at.split("/")) if target.at else location
    if not target.question:
        if not isinstance(node, Job):
            return None
        return (target.at, "", ""), location, JOBS, node.statement  # a job is fixed in its segment's list
    catalog = current_catalog()
    entry = catalog.get(target.question) if catalog is not None else None
    if catalog is not None and (entry is None or not entry.question.testable):
        return None
    if node.na_reason(target.question) is not None:
        return None
    value = node.get(target.question)
    if isinstance(value, list):
        if target.item not in value:
            return None
        text = target.item
        if entry is not None and entry.question.kind.has_choices:
            text = entry.question.choice_label(text)
        return (target.at, target.question, target.item), place, target.question, text
    if value is None:
        return None
    if isinstance(value, tuple):
        unit = f" {entry.question.unit}" if entry is not None and entry.question.unit else ""
        text = f"{value[0]}–{value[1]}{unit}"
    else:
        text = entry.question.choice_label(value) if entry is not None and entry.question.kind.has_choices else value
    return (target.at, target.question, ""), place, target.question, text


def _tallies(segment: Segment, location: Location) -> list[_Tally]:
    found: dict[tuple[str, str, str], _Tally] = {}

    def tally(target: Target) -> _Tally | None:
        item = _item(segment, location, target)
        if item is None:
            return None
        key, place, question, text = item
        return found.setdefault(key, _Tally(place, question, text))

    for interview in segment.interviews:
        for link in interview.links:
            t = tally(link)
            if t is not None:
                (t.contradicts if link.verdict == "contradicts" else t.supports).append((interview, link))
    for mark in segment.marks:
        t = tally(mark)
        if t is not None:
            t.marks.append(mark.kind)
    return list(found.values())


def _said(pairs: list[tuple[Interview, Link]]) -> str:
    quoted = [f"{quote(link.quote, 90)} ({interview.date.isoformat()})" for interview, link in pairs
              if link.quote.strip()]
    unquoted = len(pairs) - len(quoted)
    shown = quoted[:SHOWN_QUOTES]
    more = len(quoted) - len(shown) + unquoted
    if more:
        shown.append(f"{more} more interview{'s' * (more != 1)}" if shown else
                     f"{more} interview{'s' * (more != 1)} without a quote")
    return "; ".join(shown)


@rule("contradicted-by-interviews", "An item that the segment's interviews contradict", WARNING)
def contradicted_by_interviews(canvas: Canvas) -> Iterator[Hit]:
    for place, segment in segments(canvas):
        if not segment.interviews:
            continue
        for t in _tallies(segment, place.location):
            if state_of(len(t.supports), len(t.contradicts), t.marks) != "contradicted":
                continue
            backing = (f" ({len(t.supports)} interview{'s' * (len(t.supports) != 1)} supported it)"
                       if t.supports else "")
            yield Hit(t.location, t.question,
                      f"Interviews contradict {quote(t.text)}: {_said(t.contradicts)}{backing}.",
                      "Reword it to what people actually said, narrow the segment to the people it holds "
                      "for, or split the segment in two if some confirm it and others do not; then "
                      "interview again.")
