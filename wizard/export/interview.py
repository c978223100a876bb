"""The interview kit: per segment, what to learn, whom to talk to, how to reach out, what to ask, and notes sheets.

The questions are built from the canvas: for each job, the last time it was done, each
stage's pains and gains, the alternatives used today and the fears, with the canvas's
own guesses listed for the interviewer to listen for (never to read out: that would lead
the answer). Every question is about what happened, never about what someone might do
or buy. Jobs come least certain first: the most items interviews contradicted, then the
most still untested (both nothing until the canvas records evidence), then the most
questions still open in the job and its stages, the most quality findings on it, and the
most lists short of the banks' recommended count (see `uncertainty`). Each segment's
questions open with what to ask about first: the contradicted items, with what was said,
then the heaviest guesses nobody has tested; in each list of guesses the contradicted and
untested ones come first.
"""

from __future__ import annotations

from wizard.export.escape import md_line
from wizard.export.evidence_view import Ask, ItemEvidence
from wizard.export.interview_outreach import goal, messages, plan, screener, who
from wizard.export.interview_sheet import notes_sheet
from wizard.export.markdown_doc import finding_lines, finish
from wizard.export.view import CanvasView, JobView, SegmentView, Shown, State

# What to ask at each stage, in the past tense: pains first, then what went well.
STAGE_QUESTIONS = {
    "before": ("Think back to before you started. How did you get ready, and what got in the way, if anything?",
               "What made that part easier?"),
    "during": ("While you were doing it, what took the most time or effort? What went wrong, if anything?",
               "Which part went well, and what made it work?"),
    "after": ("Once it was done, what happened next? How did you know whether it had worked?",
              "What did you get out of it that you were glad of?"),
}
GUESSES = "Our guesses (do not read them out; tick the ones they bring up themselves):"


def uncertainty(view: CanvasView, job: JobView) -> tuple[int, int, int, int, int]:
    """How little the canvas knows about a job; larger is less certain."""
    shown = [a for s in job.sections for a in s.answers]
    shown += [a for stage in job.stages for s in stage.sections for a in s.answers]
    states = [ev.state for a in shown for _, ev in a.marks() if ev is not None]
    if job.evidence is not None:
        states.append(job.evidence.state)
    open_ = sum(1 for a in shown if a.state is State.MISSING)
    flagged = sum(1 for f in view.all_findings if f.location[:len(job.location)] == job.location)
    short = sum(1 for a in shown if a.short)
    return states.count("contradicted"), states.count("guess"), open_, flagged, short


ORDER = {"contradicted": 0, "guess": 1}
"""In a list of guesses, what to listen for first: the contradicted, then the untested, then the rest."""


def _state(evidence: ItemEvidence | None) -> str:
    if evidence is None:
        return ""
    if evidence.state == "contradicted":
        quoted = next((s for s in evidence.against if s.quote), None)
        return f" (contradicted: “{md_line(quoted.quote)}”)" if quoted else " (contradicted)"
    return " (untested)" if evidence.state == "guess" else f" ({md_line(evidence.label)})"


def _listen_for(shown: Shown | None, what: str) -> list[str]:
    if shown is None or not shown.answered:
        return [f"No guesses about {what} here yet: listen, and write down what they say.", ""]
    marks = sorted(shown.marks(), key=lambda m: ORDER.get(m[1].state, 2) if m[1] else 2)
    return [GUESSES, "", *(f"- ☐ {md_line(item)}{_state(ev)}" for item, ev in marks), ""]


FIRST = 8
"""Untested items the kit names at the head of a segment's questions; the rest are in the lists below."""


def ask_first(view: CanvasView, segment: SegmentView) -> list[str]:
    """What the next interviews should settle first: the contradicted items, with what was said, then
    the heaviest guesses nobody has tested (when the canvas records any evidence)."""
    asks = view.evidence.asks.get(segment.location, []) if view.evidence is not None and view.has_evidence else []
    if not asks:
        return []
    lines = ["#### Ask about first", "",
             "Listen for these above all (do not read them out). Let them tell you about the last time; then, "
             "if they have not come up, ask about the moment they belong to.", ""]
    contradicted = [a for a in asks if a.state == "contradicted"]
    untested = [a for a in asks if a.state == "guess"]
    for a in contradicted:
        said = next((s for s in a.against if s.quote), None)
        heard = f" We heard: “{md_line(said.quote)}” ({md_line(said.source)})." if said else ""
        lines.append(f"- ☐ **Contradicted** · {_what(a)}.{heard} "
                     "Does it hold for this person? If not, what is true instead, and for whom?")
    for a in untested[:FIRST]:
        lines.append(f"- ☐ **Untested** · {_what(a)}")
    if len(untested) > FIRST:
        lines.append(f"- … and {len(untested) - FIRST} more untested guesses, marked in the lists below.")
    return [*lines, ""]


def _what(ask: Ask) -> str:
    """"Job: statement", or "where · Question: the item"."""
    if not ask.title or (ask.title == "Job" and not ask.place.endswith(")")):
        return f"Job: {md_line(ask.text)}"
    where = f"{ask.place} · {ask.title}" if ask.place else ask.title
    return f"{md_line(where)}: {md_line(ask.text)}"


def _job(view: CanvasView, job: JobView, first: int) -> tuple[list[str], int]:
    statement = md_line(job.statement)
    n = first
    lines = [f"#### Job: {statement}", "",
             f"**Q{n}.** Tell me about the last time you had to do this: “{statement}”. When was it, and what "
             "happened, from start to finish?", ""]
    n += 1
    for stage in job.stages:
        pains_q, gains_q = STAGE_QUESTIONS.get(stage.name, ("What got in the way at this point?",
                                                            "What went well at this point?"))
        lines += [f"**Q{n}. {stage.title}.** {pains_q}", ""]
        lines += _listen_for(stage.answer("profile.pains"), "pains")
        lines += [f"**Q{n + 1}.** {gains_q}", ""]
        lines += _listen_for(stage.answer("profile.gains"), "gains")
        n += 2
    lines += [f"**Q{n}. Today.** How do you get this done at the moment? What else have you tried, and "
              "what did each cost you in money or time?", ""]
    lines += _listen_for(job.answer("customer_model.existing_alternatives"), "the alternatives they use")
    lines += [f"**Q{n + 1}.** What worried you about it at the time?", ""]
    lines += _listen_for(job.answer("profile.fears"), "their fears")
    lines += [f"**Q{n + 2}.** Have you spent money on this in the last year? On what, and how did you decide?", ""]
    if view.for_coach:
        flagged = [f for f in view.findings if f.location[:len(job.location)] == job.location]
        if flagged:
            lines += ["The quality checks flag (coach's copy):", "", *finding_lines(flagged), ""]
    return lines, n + 3


def questions(view: CanvasView, segment: SegmentView) -> list[str]:
    lines = ["### Questions", "",
             "Open with: thank you for your time; you are not selling anything, you want to learn how they do "
             "things today, and there are no wrong answers. Then let them talk: ask why, ask for an example, and "
             "keep quiet about your idea until the end, if at all.", "",
             *ask_first(view, segment),
             "**Q1.** Tell me a little about yourself and what takes up most of your time at the moment.", "",
             "**Q2.** Who else is involved when you deal with this, and who pays for it?", ""]
    lines += _listen_for(_joined(segment, "segment_questions.who_pays", "segment_questions.who_uses"),
                         "who pays and who uses")
    jobs = sorted(segment.jobs, key=lambda j: uncertainty(view, j), reverse=True)
    if not jobs:
        lines += ["The canvas has no jobs for this segment yet. Ask what they are trying to get done, and "
                  "the last time they did it.", ""]
    number = 3
    for job in jobs:
        job_lines, number = _job(view, job, number)
        lines += job_lines
    lines += ["#### Closing", "",
              f"**Q{number}.** Is there anything I should have asked and did not?", "",
              f"**Q{number + 1}.** Who else should I talk to about this? May I get back to you later?", "",
              "Avoid questions about the future (whether they might buy or use something, what they might pay): "
              "people answer them with polite guesses. Ask what they did, and when.", ""]
    return lines


def _joined(segment: SegmentView, *full_ids: str) -> Shown | None:
    """Several answers as the items of one list, each with its title ("Who pays: ...")."""
    answered = [a for fid in full_ids if (a := segment.answer(fid)) and a.answered]
    items = tuple(f"{a.title}: {'; '.join(a.items)}" for a in answered)
    evidence = tuple(a.evidence[0] if a.evidence else None for a in answered)
    return Shown("+".join(full_ids), "", State.ANSWERED, items, many=True,
                 evidence=evidence if any(evidence) else ()) if items else None


def _segment(view: CanvasView, segment: SegmentView) -> list[str]:
    lines = [f"## {md_line(segment.name)}", "",
             f"A segment of {md_line(segment.type_name)}. In the messages below: {md_line(who(segment))}.", ""]
    lines += goal(view, segment) + screener(view, segment) + messages(view, segment)
    lines += questions(view, segment) + notes_sheet(segment)
    return lines


def render(view: CanvasView) -> str:
    segments = list(view.segments)
    lines = [f"# {md_line(view.title)}: interview kit", "",
             "One part per segment: what you want to learn, whom to talk to, how to ask them, what to ask, and a "
             "notes sheet to copy for each interview. Ask about what they did, not what they might do.", "",
             "The jobs come least certain first: those with items interviews contradicted, then those with the most "
             "untested guesses, then those with the most questions still open in the canvas, those the quality "
             "checks flag, and those with the fewest pains, gains or alternatives.", ""]
    lines += plan(view)
    if not segments:
        lines += ["The canvas has no segments yet: add one in the wizard, and its part of the kit appears here.", ""]
    for segment in segments:
        lines += _segment(view, segment)
    return finish(lines)
