"""Rules that read one job at a time: what they say about a job is kept while that job is unchanged.

The pains-and-gains rules (profile.py) each read every job of the canvas after every
change, though what they say about a job depends on that job alone: its statement, its
three stages' pains, gains and marks, where it sits, and the banks (how many items they
recommend). At 1000 segments those rules were some 40% of a check's time, after a change
that touched one job of thousands. Here each job's hits are kept with a copy of all that
(wizard/model/memo.py, as scoring keeps a node's slots) and handed back while it still
compares equal; comparing content, not identity, keeps them right however the job was
changed. A rule that reads anything outside its job (other jobs, the segment, our
product's names) is not one of these.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator

from wizard.checks.registry import Hit, current_catalog, jobs
from wizard.model.bank import STAGES
from wizard.model.canvas import Canvas, Job
from wizard.model.memo import copy_answers, copy_na, for_canvas
from wizard.model.tree import Place

JobCheck = Callable[[Place, Job], Iterable[Hit]]


def per_job(check: JobCheck) -> Callable[[Canvas], Iterator[Hit]]:
    """A rule made of `check(place, job)` over every job, its hits kept per job (see above)."""
    purpose = f"checks:{check.__module__}.{check.__qualname__}"

    @functools.wraps(check)
    def over_canvas(canvas: Canvas) -> Iterator[Hit]:
        memo = for_canvas(canvas, purpose, current_catalog())
        with memo.lock:
            found: list[Hit] = []
            for place, job in jobs(canvas):
                stages = [job.stage(name) for name in STAGES]
                live = (job.statement, *((s.answers, s.not_applicable) for s in stages))
                hits: list[Hit] | None = memo.get(place.location, job, live)
                if hits is None:
                    hits = list(check(place, job))
                    kept = (job.statement, *((copy_answers(s.answers), copy_na(s.not_applicable)) for s in stages))
                    memo.put(place.location, job, kept, hits)
                found.extend(hits)
            memo.sweep()
        return iter(found)

    return over_canvas
