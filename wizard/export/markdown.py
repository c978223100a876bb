"""Persona documents in Markdown: one per segment, then the market, research plan, scores and notes."""

from __future__ import annotations

from collections.abc import Iterable

from wizard.checks import Finding
from wizard.export.escape import md_block, md_line
from wizard.export.view import CanvasView, JobView, Note, Section, SegmentView, Shown, State, TypeView, stamp

NOT_ANSWERED = "_not answered yet_"


def answer_lines(shown: Shown, indent: str = "") -> list[str]:
    """A list item for one answer; lists nest, long text keeps its line breaks."""
    label = f"{indent}- **{md_line(shown.title)}:**"
    if shown.state is State.MISSING:
        return [f"{label} {NOT_ANSWERED}"]
    if shown.state is State.NOT_APPLICABLE:
        reason = f" ({md_line(shown.reason)})" if shown.reason.strip() else ""
        return [f"{label} _not applicable_{reason}"]
    if shown.many:
        return [label] + [f"{indent}    {f'{n}.' if shown.ranked else '-'} {md_line(item)}"
                          for n, item in enumerate(shown.items, 1)]
    return [f"{label} {md_block(shown.items[0], indent + '  ')}"]


def section_lines(section: Section, level: int) -> list[str]:
    lines = [f"{'#' * level} {md_line(section.title)}", ""]
    for shown in section.answers:
        lines += answer_lines(shown)
    return [*lines, ""]


def note_lines(notes: Iterable[Note]) -> list[str]:
    lines = []
    for note in notes:
        about = f" · {md_line(note.question)}" if note.question else ""
        lines.append(f"- **{md_line(note.where)}**{about}: {md_block(note.text, '  ')}")
    return lines


def finding_lines(findings: Iterable[Finding]) -> list[str]:
    return [f"- **{md_line(f.severity.capitalize())}** · {md_line(f.where)}: {md_line(f.message)} "
            f"{md_line(f.suggestion)}" for f in findings]


def _notes(notes: list[Note], findings: list[Finding], level: int) -> list[str]:
    """The coach's own notes, then what the quality checks flag (advice: word heuristics can be wrong)."""
    if not notes and not findings:
        return []
    lines = [f"{'#' * level} Coach's notes", ""]
    if notes:
        lines += [*note_lines(notes), ""]
    if findings:
        lines += [f"{'#' * (level + 1)} Quality checks", "", *finding_lines(findings), ""]
    return lines


def _job(job: JobView, number: int) -> list[str]:
    lines = [f"#### Job {number}: {md_line(job.statement)}", ""]
    for section in job.sections:
        for shown in section.answers:
            lines += answer_lines(shown)
    for stage in job.stages:
        lines += ["", f"**{stage.title} the job**", ""]
        for section in stage.sections:
            for shown in section.answers:
                lines += answer_lines(shown)
    return [*lines, ""]


def _persona(segment: SegmentView) -> list[str]:
    lines = [f"## Persona: {md_line(segment.name)}", "",
             f"Customer type: {md_line(segment.type_name)} · {segment.score}% complete", ""]
    for section in segment.sections:
        lines += section_lines(section, 3)
    lines += ["### Jobs", ""]
    if not segment.jobs:
        lines += [f"No jobs yet: {NOT_ANSWERED}", ""]
    for number, job in enumerate(segment.jobs, 1):
        lines += _job(job, number)
    return lines + _notes(segment.notes, segment.findings, 3)


def _customer_type(ctype: TypeView) -> list[str]:
    lines = [f"## Customer type: {md_line(ctype.name)}", ""]
    for section in ctype.sections:
        lines += section_lines(section, 3)
    if not ctype.segments:
        lines += [f"No segments yet: {NOT_ANSWERED}", ""]
    for segment in ctype.segments:
        lines += _persona(segment)
    return lines


def _scores(view: CanvasView) -> list[str]:
    lines = ["## Completeness", "", "| Section | Score |", "|---|---:|",
             f"| **Overall** | **{view.report.score}%** |"]
    lines += [f"| {md_line(title)} | {score}% |" for title, score in view.scored_sections()]
    if view.types and any(t.segments for t in view.types):
        lines += ["", "| Segment | Score |", "|---|---:|"]
        lines += [f"| {md_line(s.type_name)} › {md_line(s.name)} | {s.score}% |" for s in view.segments]
    return [*lines, ""]


def render(view: CanvasView) -> str:
    lines = [f"# {md_line(view.title)}: customer personas", "",
             f"Created {stamp(view.created)}, last updated {stamp(view.updated)}. "
             f"{view.report.score}% complete.", ""]
    if not view.types:
        lines += [f"No customer types yet: {NOT_ANSWERED}", ""]
    for ctype in view.types:
        lines += _customer_type(ctype)
    for section in view.sections:
        lines += section_lines(section, 2)
    lines += _scores(view) + _notes(view.notes, view.findings, 2)
    return "\n".join(lines).rstrip("\n") + "\n"
