"""The canvas on one self-contained, printable HTML page: customer types, segments, jobs, pains and gains."""

from __future__ import annotations

from collections.abc import Iterable

from wizard.checks import Finding
from wizard.export.escape import html_text as esc
from wizard.export.page_style import CSS
from wizard.export.view import CanvasView, JobView, Note, Section, SegmentView, Shown, State, TypeView, stamp

# Banks shown first on a card; the others (audience details, relationships, research) follow the jobs.
AT_A_GLANCE = ("customer_model", "segment_questions")
# Nothing in the page needs to load or run anything: a stray tag in user text could not either.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def answer(shown: Shown | None) -> str:
    """An answer's value: a list, a line of text, or a muted note saying why there is none."""
    if shown is None:
        return '<span class="na">not asked here</span>'
    if shown.state is State.MISSING:
        return '<span class="missing">not answered yet</span>'
    if shown.state is State.NOT_APPLICABLE:
        reason = f": {esc(shown.reason)}" if shown.reason.strip() else ""
        return f'<span class="na">not applicable{reason}</span>'
    if shown.many:
        tag = "ol" if shown.ranked else "ul"
        items = "".join(f'<li class="text">{esc(item)}</li>' for item in shown.items)
        return f"<{tag}>{items}</{tag}>"
    return f'<span class="text">{esc(shown.items[0])}</span>'


def facts(sections: Iterable[Section], headed: bool = True) -> str:
    """Answers as a definition list per section, each headed by the section's title."""
    out = []
    for section in sections:
        if headed:
            out.append(f"<h4>{esc(section.title)}</h4>")
        rows = "".join(f"<dt>{esc(s.title)}</dt><dd>{answer(s)}</dd>" for s in section.answers)
        out.append(f"<dl>{rows}</dl>")
    return "".join(out)


def _stage_table(job: JobView) -> str:
    columns: dict[str, str] = {}
    for stage in job.stages:
        for section in stage.sections:
            for shown in section.answers:
                columns.setdefault(shown.full_id, shown.title)
    if not columns:
        return ""

    def css(full_id: str) -> str:
        return esc("q-" + full_id.rpartition(".")[2])

    head = "".join(f'<th scope="col" class="{css(fid)}">{esc(title)}</th>' for fid, title in columns.items())
    rows = "".join(
        f'<tr><th scope="row">{esc(stage.title)}</th>'
        + "".join(f'<td class="{css(fid)}">{answer(stage.answer(fid))}</td>' for fid in columns)
        + "</tr>"
        for stage in job.stages)
    return f'<table class="stages"><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _job(job: JobView) -> str:
    return (f'<div class="job"><h4 class="job-title">{esc(job.statement)}</h4>{facts(job.sections, headed=False)}'
            f"{_stage_table(job)}</div>")


def _split(sections: list[Section]) -> tuple[list[Section], list[Section]]:
    """The sections read at a glance (who they are, in brief), and the details after them."""
    first = [s for s in sections if s.bank_id in AT_A_GLANCE]
    return first, [s for s in sections if s.bank_id not in AT_A_GLANCE]


def _segment(segment: SegmentView) -> str:
    brief, details = _split(segment.sections)
    jobs = "".join(_job(job) for job in segment.jobs) or '<p class="missing">No jobs yet.</p>'
    more = f'<div class="details">{facts(details)}</div>' if details else ""
    notes = ""
    if segment.notes or segment.findings:
        notes = f"<h4>Coach's notes</h4>{_notes(segment.notes)}{_findings(segment.findings)}"
    return (f'<article class="segment"><h3>{esc(segment.name)} <span class="badge">{segment.score}%</span></h3>'
            f"{facts(brief, headed=False)}<h4>Jobs</h4>{jobs}{more}{notes}</article>")


def _type(ctype: TypeView) -> str:
    brief, details = _split(ctype.sections)
    segments = "".join(_segment(s) for s in ctype.segments) or '<p class="missing">No segments yet.</p>'
    segments = f'<div class="segments">{segments}</div>'
    more = f'<div class="details">{facts(details)}</div>' if details else ""
    return (f'<section class="type"><h2>{esc(ctype.name)}</h2>{facts(brief, headed=False)}'
            f"{segments}{more}</section>")


def _notes(notes: list[Note]) -> str:
    if not notes:
        return ""
    items = []
    for note in notes:
        about = f" · {esc(note.question)}" if note.question else ""
        items.append(f'<li><strong>{esc(note.where)}</strong>{about}: <span class="text">{esc(note.text)}</span></li>')
    return f"<ul>{''.join(items)}</ul>"


def _findings(findings: list[Finding]) -> str:
    if not findings:
        return ""
    items = "".join(f'<li><strong>{esc(f.severity.capitalize())}</strong> · {esc(f.where)}: '
                    f'<span class="text">{esc(f.message)} {esc(f.suggestion)}</span></li>' for f in findings)
    return f'<ul class="findings">{items}</ul>'


def _header(view: CanvasView) -> str:
    scores = "".join(f'<li>{esc(title)} <span class="badge">{score}%</span></li>'
                     for title, score in view.scored_sections())
    return (f'<header class="top"><h1>{esc(view.title)}</h1>'
            f'<p class="meta">Created {esc(stamp(view.created))} · last updated {esc(stamp(view.updated))}</p>'
            f'<p class="score"><strong>{view.report.score}%</strong> complete</p>'
            f'<ul class="scores">{scores}</ul></header>')


def _footer(view: CanvasView) -> str:
    if not view.notes and not view.findings:
        return ""
    return f"<footer><section><h2>Coach's notes</h2>{_notes(view.notes)}{_findings(view.findings)}</section></footer>"


def render(view: CanvasView) -> str:
    types = "".join(_type(t) for t in view.types) or '<p class="missing">No customer types yet.</p>'
    canvas_level = "".join(f"<section><h2>{esc(s.title)}</h2>{facts([s], headed=False)}</section>"
                           for s in view.sections)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="canvas-wizard">',
        f"<title>{esc(view.title)}: customer canvas</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(view),
        f'<main class="types">{types}</main>',
        f'<div class="canvas-level">{canvas_level}</div>',
        _footer(view),
        "</body>",
        "</html>",
        "",
    ])
