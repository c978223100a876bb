"""Rules on the customer profile: jobs in the customer's words, and pains and gains per stage."""

from __future__ import annotations

from collections.abc import Iterator

from wizard.checks.names import named_in, own_names
from wizard.checks.registry import INFO, WARNING, Hit, items, jobs, rule, segments, text
from wizard.checks.words import is_vague, quote
from wizard.core.session import JOBS
from wizard.model.bank import STAGES
from wizard.model.canvas import Canvas, Job

STAGE_WORDS = {"before": "before the job", "during": "while doing the job", "after": "after the job"}
LISTS = {"profile.pains": "Pains", "profile.gains": "Gains"}
MIN_ITEMS_PER_JOB = 3
"""Pains (or gains) over the three stages: fewer is too thin to design for."""


@rule("job-names-our-product", "A job statement that names our own product or company", WARNING)
def job_names_our_product(canvas: Canvas) -> Iterator[Hit]:
    names = own_names(canvas)
    advice = ("A job is the customer's, not ours: rewrite it as the outcome they want, in their words, "
              "e.g. “teach my kids to handle money”, not “use our budgeting app”.")
    for place, seg in segments(canvas):
        job_text = text(seg.get("segment_questions.job"))
        name = named_in(job_text, names)
        if name:
            yield Hit(place.location, "segment_questions.job",
                      f"The job {quote(job_text)} names “{name}”, which looks like your own product.", advice)
        for job in seg.jobs:
            name = named_in(job.statement, names)
            if name:
                yield Hit(place.location, JOBS,
                          f"The job {quote(job.statement)} names “{name}”, which looks like your own product.",
                          advice)


@rule("functional-jobs-only", "Only functional jobs: no social or emotional side", INFO)
def functional_jobs_only(canvas: Canvas) -> Iterator[Hit]:
    # Fears count as the emotional side: seed 001 notes that the real job is sometimes
    # removing an anxiety, and that is what a job's fears record.
    kinds = [(place, job.get("profile.job_kind")) for place, job in jobs(canvas)]
    kinds = [(place, kind) for place, kind in kinds if isinstance(kind, str)]
    if not kinds or any(kind in ("social", "emotional") for _, kind in kinds):
        return
    if any(items(job.get("profile.fears")) for _, job in jobs(canvas)):
        return
    functional = [place for place, kind in kinds if kind == "functional"]
    if functional:
        # Shown at the first job's fears: the question that clears the finding.
        jobs_are = "The only job is" if len(kinds) == 1 else f"All {len(kinds)} jobs are"
        yield Hit(functional[0].location, "profile.fears",
                  f"{jobs_are} functional and none records fears: the profile leaves out how customers "
                  "want to feel and to be seen.",
                  "List the fears they carry around this job, or add a social or emotional job "
                  "(e.g. “be seen by sponsors as a safe bet”).")


def _examined(job: Job, question: str) -> tuple[list[str], list[str]]:
    """Stages with items, and stages looked at (with items or marked not applicable)."""
    with_items = [s for s in STAGES if items(job.stage(s).get(question))]
    looked_at = [s for s in STAGES if s in with_items or job.stage(s).na_reason(question) is not None]
    return with_items, looked_at


@rule("one-stage-only", "Pains or gains examined in only one stage of a job", WARNING)
def one_stage_only(canvas: Canvas) -> Iterator[Hit]:
    for place, job in jobs(canvas):
        for question, title in LISTS.items():
            with_items, looked_at = _examined(job, question)
            if len(with_items) == 1 and len(looked_at) == 1:
                stage = with_items[0]
                others = [s for s in STAGES if s != stage]
                yield Hit((*place.location, others[0]), question,
                          f"{title} of {quote(job.statement, 40)} are listed only {STAGE_WORDS[stage]}.",
                          f"{title} change as the job goes on: look at them "
                          f"{' and '.join(STAGE_WORDS[s] for s in others)} too.")


@rule("too-few-items", "Too few pains or gains for a job", INFO)
def too_few_items(canvas: Canvas) -> Iterator[Hit]:
    for place, job in jobs(canvas):
        for question, title in LISTS.items():
            with_items, looked_at = _examined(job, question)
            counts = {s: len(items(job.stage(s).get(question))) for s in STAGES}
            total = sum(counts.values())
            if not with_items or len(looked_at) < 2 or total >= MIN_ITEMS_PER_JOB:
                continue  # an empty list is the score's to report, a single stage one-stage-only's
            open_stages = [s for s in STAGES if job.stage(s).na_reason(question) is None]
            thinnest = min(open_stages or list(STAGES), key=lambda s: counts[s])
            yield Hit((*place.location, thinnest), question,
                      f"Only {total} {title.lower()} for {quote(job.statement, 40)} over all three stages.",
                      f"Aim for at least one per stage; ask “what else?” until you have {MIN_ITEMS_PER_JOB} "
                      "or more you could design for.")


@rule("vague-pains-gains", "Vague pains or gains, with nothing concrete or measurable", INFO)
def vague_pains_gains(canvas: Canvas) -> Iterator[Hit]:
    for place, job in jobs(canvas):
        for stage in STAGES:
            for question in LISTS:
                vague = [i for i in items(job.stage(stage).get(question)) if is_vague(i)]
                if vague:
                    cited = ", ".join(quote(i, 30) for i in vague[:3])
                    yield Hit((*place.location, stage), question,
                              f"{cited} {'is' if len(vague) == 1 else 'are'} vague: nothing says how much, "
                              "how often, or of what.",
                              "Make each one concrete enough that you could tell when it is gone or got: "
                              "“saves two evenings a month on ad dashboards”, not “saves time”.")
