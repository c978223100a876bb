"""Rules that read one job, or one segment, at a time: what they say about it is kept while it is unchanged.

Most rules read every job or every segment of the canvas after every change, though what
some of them say about a job or a segment depends on it alone: a job's statement and its
three stages' pains, gains and marks; a segment's name and its own answers and marks;
where it sits; and the banks (how many items they recommend). At 1000 segments those rules
were about 40% of a check's time after a change that touched one job of thousands. Here
each node's hits are kept, from the second run over a canvas on, with a copy of all that
(wizard/model/memo.py, as scoring keeps a node's slots) and handed back while it still
compares equal; comparing content, not
identity, keeps them right however the node was changed. A rule that reads anything
outside its node (other segments, the customer type, our product's names, the jobs under
a segment) is not one of these.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, TypeVar

from wizard.checks.registry import Hit, current_catalog, jobs, once, segments
from wizard.model.bank import STAGES
from wizard.model.canvas import Canvas, Job, Node, Segment
from wizard.model.memo import copy_answers, copy_na, for_canvas
from wizard.model.tree import Location, Place

N = TypeVar("N", bound=Node)


def per_job(check: Callable[[Place, Job], Iterable[Hit]]) -> Callable[[Canvas], Iterator[Hit]]:
    """A rule made of `check(place, job)` over every job, its hits kept per job."""
    return _kept(check, jobs, _job_now, _job_copy)


def per_segment(check: Callable[[Place, Segment], Iterable[Hit]]) -> Callable[[Canvas], Iterator[Hit]]:
    """A rule made of `check(place, segment)` over every segment, reading the segment's own
    name, answers and marks only; its hits kept per segment."""
    return _kept(check, segments, _name, _name)


def _same(value: Any) -> Any:
    return value


def _job_now(job: Job, answers: Callable[[Any], Any] = _same, na: Callable[[Any], Any] = _same) -> Hashable:
    """The job's statement and each stage's answers and marks, as they stand (or as `_job_copy`, copied)."""
    stages = [job.stage(name) for name in STAGES]
    return (job.statement, *((answers(s.answers), na(s.not_applicable)) for s in stages))


def _job_copy(job: Job) -> Hashable:
    return _job_now(job, copy_answers, copy_na)


def _name(segment: Segment) -> Hashable:
    return segment.name


def _kept(check: Callable[[Place, N], Iterable[Hit]], nodes: Callable[[Canvas], Iterable[tuple[Place, N]]],
          now: Callable[[N], Hashable], copy: Callable[[N], Hashable]) -> Callable[[Canvas], Iterator[Hit]]:
    """`now(node)` is what else the hits came from, compared as it stands; `copy(node)` the
    same, copied so that a later change in place does not change it too."""
    purpose = f"checks:{check.__module__}.{check.__qualname__}"

    @functools.wraps(check)
    def over_canvas(canvas: Canvas) -> Iterator[Hit]:
        memo = for_canvas(canvas, purpose, current_catalog())
        with memo.lock:
            memo.runs += 1
            if memo.runs == 1:
                # Nothing to reuse yet, and perhaps never a second run (`report` checks each
                # file once): copying what each node's hits came from would only cost.
                return iter([hit for place, node in nodes(canvas) for hit in check(place, node)])
            # One copy of a changed node for all the rules of a run that keep it.
            copies: dict[Location, Hashable] = once(canvas, f"per_node.{copy.__name__}", dict)
            found: list[Hit] = []
            for place, node in nodes(canvas):
                hits: list[Hit] | None = memo.get(place.location, node, now(node))
                if hits is None:
                    kept = copies.get(place.location)
                    if kept is None:
                        kept = copies[place.location] = copy(node)
                    hits = memo.put(place.location, node, kept, list(check(place, node)))
                found.extend(hits)
            memo.sweep()
        return iter(found)

    return over_canvas
