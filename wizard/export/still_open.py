"""What the canvas has not answered yet, place by place, in words: the exports' one "Still open" list."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.export.view import CanvasView, JobView, SegmentView, TypeView


@dataclass(frozen=True)
class Open:
    where: str
    """`Users › University students`, or `Whole canvas`."""
    what: tuple[str, ...]
    """The open questions there, by their short titles (`Before: Pains` for a job's stage)."""


def _job(segment: SegmentView, job: JobView) -> Open | None:
    what = job.still_open()
    for stage in job.stages:
        what += [f"{stage.title}: {title}" for title in stage.still_open()]
    return Open(f"{segment.type_name} › {segment.name} › {job.statement}", tuple(what)) if what else None


def _segment(segment: SegmentView) -> list[Open]:
    what = segment.still_open()
    if not segment.jobs:
        what.append("its jobs")
    out = [Open(f"{segment.type_name} › {segment.name}", tuple(what))] if what else []
    return out + [o for job in segment.jobs if (o := _job(segment, job))]


def _type(ctype: TypeView) -> list[Open]:
    what = ctype.still_open()
    if not ctype.segments:
        what.append("its segments")
    out = [Open(ctype.name, tuple(what))] if what else []
    for segment in ctype.segments:
        out += _segment(segment)
    return out


def still_open(view: CanvasView) -> list[Open]:
    """Every place with something open, in the canvas's order; the whole canvas first."""
    what = view.still_open()
    if not view.types:
        what.append("its customer types")
    out = [Open("Whole canvas", tuple(what))] if what else []
    for ctype in view.types:
        out += _type(ctype)
    return out
