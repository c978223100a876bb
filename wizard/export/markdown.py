"""The persona document in Markdown: what is answered, type by type and segment by segment, then what is still open.

Headings carry the structure (customer type, segment, job, stage) and are unique in the
document, so a table of contents or a linter can tell them apart; answers are labelled
paragraphs and flat lists. The founder's copy holds no coach notes and no findings (see
view.Audience); homework, when the coach sets some, is for the founder and shows in both.
"""

from __future__ import annotations

from wizard.export.escape import md_line
from wizard.export.markdown_doc import answers, coach_lines, evidence_note, finish, note_lines
from wizard.export.still_open import still_open
from wizard.export.view import CanvasView, JobView, NodeView, SegmentView, TypeView, stamp


def _all(node: NodeView) -> list[str]:
    return answers(a for s in node.sections for a in s.answers)


def _job(job: JobView) -> list[str]:
    statement = md_line(job.statement)
    lines = [f"#### Job: {statement}", ""]
    if job.evidence is not None:
        lines += [f"The job is{evidence_note(job.evidence).removeprefix(' ·')}.", ""]
    lines += _all(job)
    for stage in job.stages:
        body = _all(stage)
        if body:
            # The statement keeps each stage heading unique across jobs and segments.
            lines += [f"##### {stage.title}: {statement}", "", *body]
    return lines


def _segment(segment: SegmentView, coach: bool) -> list[str]:
    name = md_line(segment.name)
    intro = f"A segment of {md_line(segment.type_name)}."
    if coach:
        intro += f" {segment.score}% complete."
    lines = [f"### Segment: {name}", "", intro, "", *_all(segment)]
    for job in segment.jobs:
        lines += _job(job)
    lines += heard(segment)
    return lines + coach_lines(f"#### Coach's notes on {name}", segment.notes, segment.findings)


def heard(segment: SegmentView) -> list[str]:
    """The segment's interviews, each with its quotes: who said them only `--with-names`."""
    if not segment.interviews:
        return []
    n = len(segment.interviews)
    lines = [f"#### What we heard: {md_line(segment.name)}", "",
             f"{n} interview{'s' * (n != 1)}; {segment.evidence_score}% of the segment's items are backed by an "
             "interview, or were seen or paid for.", ""]
    for interview in segment.interviews:
        lines += [f"- **{md_line(interview.source[:1].upper() + interview.source[1:])}**"
                  + (f": {md_line(interview.notes)}" if interview.notes.strip() else "")]
        lines += [f"  - “{md_line(q)}”" for q in interview.quotes]
    return [*lines, ""]


def _evidence_intro(view: CanvasView) -> str:
    if not view.has_evidence or view.evidence is None:
        return " No interviews are recorded yet: every item is still a guess."
    n = view.proof.interviews if view.proof is not None else 0
    who = "" if view.with_names else " Who said what is left out of this copy; the quotes stay."
    return (f" {view.evidence.overall}% backed by evidence ({n} interview{'s' * (n != 1)}): each item says "
            f"whether it is a guess, supported, contradicted, observed or paid.{who}")


def _customer_type(ctype: TypeView, coach: bool) -> list[str]:
    lines = [f"## Customer type: {md_line(ctype.name)}", "", *_all(ctype)]
    for segment in ctype.segments:
        lines += _segment(segment, coach)
    return lines


def _canvas_sections(view: CanvasView) -> list[str]:
    lines: list[str] = []
    for section in view.sections:
        body = answers(section.answers)
        if body:
            lines += [f"## {md_line(section.title)}", "", *body]
    return lines


def _homework(view: CanvasView) -> list[str]:
    notes = view.homework + [n for s in view.segments for n in s.homework]
    return ["## Homework from your coach", "", *note_lines(notes), ""] if notes else []


def _still_open(view: CanvasView) -> list[str]:
    items = still_open(view)
    if not items:
        return ["## Still open", "", "Nothing: every question is answered or marked not applicable.", ""]
    return ["## Still open", "",
            *(f"- **{md_line(o.where)}:** {md_line('; '.join(o.what))}" for o in items), ""]


def render(view: CanvasView) -> str:
    coach = view.for_coach
    intro = (f"Last updated {stamp(view.updated)} (started {stamp(view.created)}). {view.report.score}% complete."
             + _evidence_intro(view))
    lines = [f"# {md_line(view.title)}: customer personas", "", intro, ""]
    if coach:
        lines += ["This is the coach's copy: it includes the coach's notes and the quality checks.", ""]
    for ctype in view.types:
        lines += _customer_type(ctype, coach)
    lines += _canvas_sections(view)
    lines += _homework(view)
    lines += coach_lines("## Coach's notes on the whole canvas", view.notes, view.findings)
    lines += _still_open(view)
    return finish(lines)
