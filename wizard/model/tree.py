"""Walking a canvas: every node with its location, scope and ancestors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from wizard.model.bank import STAGES, Scope
from wizard.model.canvas import Canvas, CustomerType, Job, Node, Segment

Location = tuple[str, ...]
"""Ids from the canvas down: (type, segment, job, stage); () is the canvas itself."""

_SCOPES = list(Scope)


@dataclass(frozen=True)
class Place:
    """A node of the canvas and how it was reached."""

    location: Location
    chain: tuple[Node, ...]
    """The canvas, then each ancestor, ending with the node itself."""
    names: tuple[str, ...]
    """Human names along the location, e.g. ("Users", "Students")."""

    @property
    def node(self) -> Node:
        return self.chain[-1]

    @property
    def scope(self) -> Scope:
        return _SCOPES[len(self.location)]

    def at(self, scope: Scope) -> Node:
        """The ancestor (or self) that sits at `scope`."""
        return self.chain[scope.depth]

    @property
    def path(self) -> str:
        return path_str(self.location)

    @property
    def label(self) -> str:
        return " › ".join(self.names) if self.names else "Whole canvas"


def path_str(location: Location) -> str:
    return "/".join(location)


def parse_path(path: str) -> Location:
    return tuple(part for part in path.strip().strip("/").split("/") if part)


def walk(canvas: Canvas) -> Iterator[Place]:
    """Every node, parents before children, in the canvas's own order."""
    yield Place((), (canvas,), ())
    for ctype in canvas.customer_types:
        tloc, tchain, tnames = (ctype.id,), (canvas, ctype), (ctype.name,)
        yield Place(tloc, tchain, tnames)
        for seg in ctype.segments:
            sloc, schain, snames = (*tloc, seg.id), (*tchain, seg), (*tnames, seg.name)
            yield Place(sloc, schain, snames)
            for job in seg.jobs:
                jloc, jchain, jnames = (*sloc, job.id), (*schain, job), (*snames, job.statement)
                yield Place(jloc, jchain, jnames)
                for stage in STAGES:
                    yield Place((*jloc, stage), (*jchain, job.stage(stage)), (*jnames, stage))


def find(canvas: Canvas, location: Location) -> Place | None:
    """The place at `location`, or None when any id on the way is unknown."""
    chain: list[Node] = [canvas]
    names: list[str] = []
    children: list[CustomerType] | list[Segment] | list[Job] = canvas.customer_types
    for depth, part in enumerate(location):
        if depth == 3:
            job = chain[-1]
            if not isinstance(job, Job) or part not in STAGES:
                return None
            chain.append(job.stage(part))
            names.append(part)
            continue
        found = next((c for c in children if c.id == part), None)
        if found is None:
            return None
        chain.append(found)
        names.append(found.name)
        if isinstance(found, CustomerType):
            children = found.segments
        elif isinstance(found, Segment):
            children = found.jobs
        else:
            children = []
    return Place(tuple(location), tuple(chain), tuple(names))


def node_at(segment: Segment, at: str) -> Node | None:
    """Inside a segment, by an evidence link's `at`: the segment itself (``), one of its jobs
    (`job-id`) or a stage of a job (`job-id/before`); None when it is not there."""
    if not at:
        return segment
    job_id, _, stage = at.partition("/")
    job = next((j for j in segment.jobs if j.id == job_id), None)
    if job is None or (stage and stage not in STAGES):
        return None
    return job.stage(stage) if stage else job
