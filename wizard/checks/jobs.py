"""Rules on jobs to be done: the customer's task in their words, not our product, a result or a slogan."""

from __future__ import annotations

from collections.abc import Iterator

from wizard.checks import reading
from wizard.checks.names import named_in, own_names
from wizard.checks.registry import INFO, WARNING, Hit, jobs, once, rule, segments, text
from wizard.checks.words import lower_words, quote
from wizard.model.canvas import Canvas
from wizard.model.structure import JOBS
from wizard.model.tree import Location


def job_texts(canvas: Canvas) -> Iterator[tuple[Location, str, str]]:
    """Every job as written: the segment's job answer, then each job of its list, with where
    it is fixed (the segment's "Job to be done" question, or its list of jobs)."""
    for place, seg in segments(canvas):
        answer = text(seg.get("segment_questions.job"))
        if answer:
            yield place.location, "segment_questions.job", answer
        for job in seg.jobs:
            yield place.location, JOBS, job.statement


def _judged(canvas: Canvas) -> list[tuple[Location, str, str, str, str]]:
    """(location, question, job text, rule id, what it names) for each job text with a fault:
    one fault per text, the first that applies in the order of the rules."""
    names = own_names(canvas)
    out = []
    for location, question, job in job_texts(canvas):
        name = named_in(job, names)
        if name:
            out.append((location, question, job, "job-names-our-product", name))
            continue
        thing = reading.solution_in_job(job)
        if thing:
            out.append((location, question, job, "job-is-solution", thing))
            continue
        result = reading.outcome(job)
        if result:
            out.append((location, question, job, "job-is-outcome", result))
            continue
        if reading.too_broad(job):
            out.append((location, question, job, "job-too-broad", ""))
    return out


def _faults(canvas: Canvas, rule_id: str) -> Iterator[tuple[Location, str, str, str]]:
    for location, question, job, found, what in once(canvas, "jobs", lambda: _judged(canvas)):
        if found == rule_id:
            yield location, question, job, what


@rule("job-names-our-product", "A job that names our own product or is written from our side", WARNING)
def job_names_our_product(canvas: Canvas) -> Iterator[Hit]:
    advice = ("A job is the customer's, not ours: rewrite it as what they are trying to get done, in their "
              "words, e.g. “teach my kids to handle money”, not “use our budgeting app”.")
    for location, question, job, name in _faults(canvas, "job-names-our-product"):
        yield Hit(location, question, f"The job {quote(job)} names “{name}”, which looks like your own product.",
                  advice)


@rule("job-is-solution", "A job that is a solution: how, instead of what", WARNING)
def job_is_solution(canvas: Canvas) -> Iterator[Hit]:
    for location, question, job, thing in _faults(canvas, "job-is-solution"):
        yield Hit(location, question,
                  f"The job {quote(job)} says how to get it done (a “{thing}”), not what they need done.",
                  "Drop the means and keep the task: “book a cleaner for Friday”, not “use a website to "
                  "book a cleaner”. The website belongs in your solution.")


@rule("job-is-outcome", "A job that is an outcome or a gain, not a task", WARNING)
def job_is_outcome(canvas: Canvas) -> Iterator[Hit]:
    for location, question, job, result in _faults(canvas, "job-is-outcome"):
        yield Hit(location, question,
                  f"The job {quote(job)} is a result they want (“{result}”), not a task they do.",
                  "Name the task behind the result, e.g. “file the quarterly VAT return” rather than “cut "
                  "the tax bill”, and list the result under gains.")


@rule("job-too-broad", "A job too broad to design for", WARNING)
def job_too_broad(canvas: Canvas) -> Iterator[Hit]:
    for location, question, job, _ in _faults(canvas, "job-too-broad"):
        yield Hit(location, question,
                  f"The job {quote(job)} could be anyone's: nothing says what they are actually trying to do.",
                  "Pick the one task where they struggle most, e.g. “win back customers who stopped "
                  "ordering”, rather than “grow the business”.")


@rule("functional-jobs-only", "Functional jobs only: nothing about how customers want to feel or be seen", INFO)
def functional_jobs_only(canvas: Canvas) -> Iterator[Hit]:
    every = list(jobs(canvas))
    kinds = [job.get("profile.job_kind") for _, job in every]
    # Only once every job has its kind: a job not yet sorted may be the emotional one; so
    # may the jobs of a customer type or segment that has none listed yet (in the wizard,
    # a later type's), which type-without-job reports meanwhile.
    if not every or any(k != "functional" for k in kinds):
        return
    if any(not ctype.segments or any(not seg.jobs for seg in ctype.segments) for ctype in canvas.customer_types):
        return
    # Fears do not make up for it: they are what could go wrong with a task, not how the
    # customer wants to feel or to be seen, which often decides what they choose (seed 001:
    # sometimes the real job is removing an anxiety; the profile asks for all four kinds).
    # Said at the last job's kind: the founder sorts it last, and a job sorted as
    # functional that is really social or emotional is put right there.
    place, job = every[-1]
    jobs_are = (f"The only job, {quote(job.statement, 40)}, is" if len(every) == 1 else
                "Both jobs are" if len(every) == 2 else f"All {len(every)} jobs are")
    yield Hit(place.location, "profile.job_kind",
              f"{jobs_are} functional: the profile says what customers must get done, but not how they want "
              "to feel or to be seen, which often decides what they choose.",
              "Add a social or emotional job to a segment's jobs, in the customer's words (e.g. “be seen by "
              "my sponsors as a safe bet”, “stop lying awake before a launch”), or sort this one as social or "
              "emotional if that is what it is about.",
              tuple((p.location, "profile.job_kind") for p, _ in every[:-1]))


SOCIAL_START = ("be seen", "be known", "be respected", "be admired", "be trusted", "look good", "impress",
                "be recognised", "be recognized", "come across", "be the one")
EMOTIONAL_START = ("feel", "stop worrying", "stop feeling", "worry less", "be less anxious", "be confident",
                   "be calm", "be proud", "enjoy", "have peace of mind")


@rule("job-kind-mismatch", "A job sorted as functional that is about a feeling or how others see them", INFO)
def job_kind_mismatch(canvas: Canvas) -> Iterator[Hit]:
    for place, job in jobs(canvas):
        if job.get("profile.job_kind") != "functional":
            continue
        flat = " ".join(w for w in lower_words(job.statement) if w not in ("i", "to", "we", "they", "need"))
        kind = ("social" if flat.startswith(SOCIAL_START) else
                "emotional" if flat.startswith(EMOTIONAL_START) else None)
        if kind:
            yield Hit(place.location, "profile.job_kind",
                      f"{quote(job.statement)} is about {'how others see them' if kind == 'social' else 'a feeling'}, "
                      "yet it is sorted as functional.",
                      f"Sort it as {kind}: a good answer to it must deliver that, not only a task done.")
