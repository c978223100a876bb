"""The summary of a coach session (Markdown): what it covered, what changed, the homework and what is still open.

It is about the canvas's last coach session. The founder's copy (the default) holds the
homework and never a private note; the coach's copy adds the coach's private notes of the
session. A canvas with no coach session yet gets what is open, and the homework if any.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.core import coach_plan, scoring
from wizard.core.coach_sessions import last_session
from wizard.export.escape import md_line
from wizard.export.markdown_doc import finish, note_lines
from wizard.export.view import Audience, CanvasView, Note, build, stamp
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.coach import CoachSession

MOST_PER_SECTION = 12
"""Places listed per section under "Still open"; the rest are counted."""


@dataclass(frozen=True)
class OpenPlace:
    where: str
    titles: tuple[str, ...]


@dataclass(kw_only=True)
class Summary:
    title: str
    audience: Audience
    record: CoachSession | None
    planned: list[str] = field(default_factory=list)
    """Titles of the sections planned for the session."""
    covered: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    """The session's private notes: the coach's copy only (empty in the founder's)."""
    homework: list[Note] = field(default_factory=list)
    """Homework still to do, this session's first."""
    still_open: dict[str, list[OpenPlace]] = field(default_factory=dict)
    """Section title -> the places with questions still open there, for today's sections."""
    score: int = 0


def _open_by_section(report: scoring.Report, sections: list[str]) -> dict[str, list[OpenPlace]]:
    out: dict[str, list[OpenPlace]] = {}
    for sid in sections:
        places: dict[str, list[str]] = {}
        for slot in report.slots:
            if slot.section == sid and slot.credit < 1:
                places.setdefault(slot.where or "Whole canvas", []).append(slot.title)
        if places:
            out[report.section_titles[sid]] = [OpenPlace(w, tuple(t)) for w, t in places.items()]
    return out


def build_summary(canvas: Canvas, catalog: Catalog, audience: Audience = Audience.FOUNDER,
                  untitled: str = "Customer canvas") -> Summary:
    """What the summary of the last session shows, for `audience` (private notes left out
    of the founder's copy here, once, by the canvas view)."""
    view: CanvasView = build(canvas, catalog, untitled=untitled, audience=audience)
    report = view.report
    record = last_session(canvas)
    infos = coach_plan.sections(report, catalog)
    titles = report.section_titles
    every_homework = view.homework + [n for s in view.segments for n in s.homework]
    every_note = view.notes + [n for s in view.segments for n in s.notes]
    if record is None:
        today = coach_plan.still_open(infos)
        return Summary(title=view.title, audience=audience, record=None, homework=every_homework,
                       still_open=_open_by_section(report, [s for s in today if s in titles]), score=report.score)
    today = list(dict.fromkeys([*record.sections, *record.covered])) or coach_plan.still_open(infos)
    ours = [n for n in every_homework if n.date == record.started]
    return Summary(
        title=view.title, audience=audience, record=record,
        planned=[titles.get(s, s) for s in record.sections],
        covered=[titles.get(s, s) for s in record.covered],
        changes=list(record.changes),
        notes=[n for n in every_note if n.date == record.started],
        homework=ours + [n for n in every_homework if n not in ours],
        still_open=_open_by_section(report, [s for s in today if s in titles]),
        score=report.score,
    )


def _when(record: CoachSession) -> str:
    length = f" · {record.minutes} min planned" if record.minutes else ""
    if record.ended is None:
        return f"Coach session of {stamp(record.started)}{length} (not closed yet)."
    minutes = max(round((record.ended - record.started).total_seconds() / 60), 0)
    return f"Coach session of {stamp(record.started)}{length} · {minutes} min held."


def _list(heading: str, items: list[str], empty: str) -> list[str]:
    return [heading, "", *([f"- {md_line(i)}" for i in items] or [empty]), ""]


def _homework(summary: Summary) -> list[str]:
    if not summary.homework:
        return ["## Homework from your coach", "", "None set.", ""]
    lines = note_lines(summary.homework)
    record = summary.record
    if record is not None:  # homework set in an earlier session says when
        lines = [line + (f" *(set {stamp(n.date)})*" if n.date is not None and n.date != record.started else "")
                 for line, n in zip(lines, summary.homework, strict=True)]
    return ["## Homework from your coach", "", *lines, ""]


def _still_open(summary: Summary) -> list[str]:
    heading = "## Still open in today's sections" if summary.record is not None else "## Still open"
    if not summary.still_open:
        done = "in them " if summary.record is not None else ""
        return [heading, "", f"Nothing: every question {done}is answered or marked not applicable.", ""]
    lines = [heading, ""]
    for section, places in summary.still_open.items():
        lines += [f"### {md_line(section)}", ""]
        lines += [f"- **{md_line(p.where)}:** {md_line('; '.join(p.titles))}" for p in places[:MOST_PER_SECTION]]
        if len(places) > MOST_PER_SECTION:
            lines.append(f"- and {len(places) - MOST_PER_SECTION} more places")
        lines.append("")
    return lines


def render(summary: Summary) -> str:
    lines = [f"# {md_line(summary.title)}: coach session summary", ""]
    record = summary.record
    if record is None:
        lines += [f"No coach session yet. The canvas is {summary.score}% complete.", ""]
    else:
        lines += [f"{_when(record)} The canvas is {summary.score}% complete.", ""]
    if summary.audience is Audience.COACH:
        lines += ["This is the coach's copy: it includes the coach's private notes.", ""]
    if record is not None:
        lines += _list("## Planned", summary.planned, "No plan was made.")
        lines += _list("## Covered", summary.covered, "Nothing yet.")
        lines += _list("## What changed in this session", summary.changes, "Nothing in the canvas changed.")
    lines += _homework(summary)
    if summary.audience is Audience.COACH and record is not None:
        lines += ["## The coach's notes", ""]
        lines += note_lines(summary.notes) or ["None in this session."]
        lines.append("")
    lines += _still_open(summary)
    return finish(lines)


def render_canvas(canvas: Canvas, catalog: Catalog, audience: Audience = Audience.FOUNDER,
                  untitled: str = "Customer canvas") -> str:
    return render(build_summary(canvas, catalog, audience, untitled))
