"""A segment's sheet of the picture: who they are at the top, then each job with its pains and gains by stage.

Only what is answered is drawn; a line at the foot names what is still open. The height
estimate beside each part mirrors its layout (see fit.py) and sets the sheet's type size.
"""

from __future__ import annotations

from wizard.export import fit
from wizard.export.escape import html_text as esc
from wizard.export.evidence_view import ItemEvidence
from wizard.export.fit import Ruler
from wizard.export.html_parts import (
    chips,
    fact,
    inline,
    items,
    legend,
    mark,
    mark_text,
    marked,
    notes_card,
    notes_text,
)
from wizard.export.still_open import Open
from wizard.export.view import JobView, SegmentView, Shown, StageView

KEY_FACTS = (("segment_questions.who_pays", "Who pays"), ("segment_questions.who_uses", "Who uses"),
             ("customer_model.early_adopters", "Early adopters"), ("segment_questions.job", "Job to be done"))
KEY_WEIGHTS = (1.0, 1.0, 1.0, 1.6)
# Short answers shown as chips at the head of "who they are"; the rest flow in four columns.
CHIPS = ("audience.b2b_b2c", "audience.age", "audience.gender", "audience.marital_status", "audience.company_size")
SHOWN_ELSEWHERE = {fid for fid, _ in KEY_FACTS} | set(CHIPS) | {"research.description"}
"""The interview label is the interview kit's; the picture names the segment by its name."""


def _who_facts(segment: SegmentView) -> list[Shown]:
    return [a for a in segment.answered() if a.full_id not in SHOWN_ELSEWHERE]


def _chip_items(segment: SegmentView) -> list[list[tuple[str, ItemEvidence | None]]]:
    out = []
    for fid in CHIPS:
        shown = segment.answer(fid)
        if shown is not None and shown.answered:
            parts = list(shown.marks())
            if fid == "audience.age":
                parts = [(f"Aged {parts[0][0]}", parts[0][1])]
            out.append(parts)
    return out


def _chip_texts(segment: SegmentView) -> list[str]:
    """The chips as plain text, marks included, for the fit estimate."""
    return [", ".join(t + mark_text(ev) for t, ev in parts) for parts in _chip_items(segment)]


def _stage(stage: StageView) -> str:
    def block(fid: str, css: str, title: str) -> str:
        shown = stage.answer(fid)
        body = items(shown) or '<p class="none">none yet</p>'
        return f'<div class="{css}"><span class="label">{title}</span>{body}</div>'

    return (f'<section class="card stage"><h4>{esc(stage.title)}</h4>'
            f'{block("profile.pains", "pains", "Pains")}{block("profile.gains", "gains", "Gains")}</section>')


def _job(job: JobView, number: int) -> str:
    kind = job.text("profile.job_kind")
    badge = f'<span class="badge">{esc(kind)} job</span>' if kind else f'<span class="badge">Job {number}</span>'
    context = (inline(job.answer("customer_model.existing_alternatives"), "How they do it today", runin=True)
               + inline(job.answer("profile.fears"), "Fears", runin=True))
    context = f'<div class="job-context">{context}</div>' if context else ""
    stages = "".join(_stage(s) for s in job.stages)
    return (f'<article class="card job"><div class="job-head">{badge}<h3 class="text">{esc(job.statement)}'
            f'{mark(job.evidence)}</h3></div>'
            f'{context}<div class="stages">{stages}</div></article>')


def _evidence_line(segment: SegmentView) -> str:
    n = len(segment.interviews)
    return f" · evidence {segment.evidence_score}%, {n} interview{'s' * (n != 1)}"


def page(segment: SegmentView, number: int, of: int, canvas_line: str, still: list[Open], size: int,
         marks: bool = False) -> str:
    """One segment's sheet; with `marks` (the canvas records evidence) each item carries its
    mark, the head the segment's evidence score, and the foot what the marks mean."""
    keys = "".join(f'<div class="card">{fact(segment.answer(fid), title)}</div>'
                   for fid, title in KEY_FACTS if segment.text(fid))
    keys = f'<div class="keyfacts">{keys}</div>' if keys else ""
    who = "".join(fact(s) for s in _who_facts(segment))
    chip = chips(_chip_items(segment))
    who_card = (f'<section class="card who"><span class="label">Who they are</span>{chip}'
                f'<div class="who-facts">{who}</div></section>') if who or chip else ""
    jobs = "".join(_job(job, n) for n, job in enumerate(segment.jobs, 1))
    if not segment.jobs:
        jobs = '<p class="none">No jobs yet: the jobs this segment is trying to get done go here.</p>'
    extra = notes_card("Homework from your coach", segment.homework)
    extra += notes_card("Coach's notes", segment.notes, segment.findings)
    open_line = "; ".join(f"{o.where.split(' › ', 2)[-1] if o.where.count(' › ') > 1 else 'the segment'}: "
                          f"{', '.join(o.what)}" for o in still)
    foot = f'<p class="page-foot">Still open: {esc(open_line)}</p>' if still else ""
    where = canvas_line + (f"<br>{legend()}" if marks else "")  # in the head's spare corner: no height taken
    evidence_kicker = esc(_evidence_line(segment)) if marks else ""
    return (f'<section class="page segment fit-{size}" aria-label="{esc(segment.name)}">'
            f'<header class="page-head"><div><p class="kicker">{esc(segment.type_name)} · segment {number} of {of}'
            f'{evidence_kicker}</p><h2 class="text">{esc(segment.name)}</h2></div>'
            f'<p class="where">{where}</p></header>'
            f"{keys}{who_card}{jobs}{extra}{foot}</section>")


# Height estimates, in mm, mirroring the layout above and page_style.py.

def _fact_height(r: Ruler, shown: Shown, width: float) -> float:
    body = r.items(marked(shown), width) if shown.many else r.text(marked(shown)[0], width)
    return r.label() + body


def _stage_height(r: Ruler, stage: StageView, width: float) -> float:
    inner = width - 0.9 * r.em - 2 * 0.4 * r.em - 3.4 * r.em  # paddings, and the label beside the items
    blocks = []
    for fid in ("profile.pains", "profile.gains"):
        shown = stage.answer(fid)
        body = r.items(marked(shown), inner) if shown and shown.answered else r.text("none yet", inner)
        blocks.append(0.5 * r.em + body)
    return 0.7 * r.em + 0.95 * fit.LINE * r.em + fit.stack(r, blocks, 0.3) + 0.3 * r.em


def _inline_text(shown: Shown | None) -> str:
    return " · ".join(marked(shown)) if shown and shown.answered else ""


def job_height(r: Ruler, job: JobView) -> float:
    inner = fit.PAGE_W - 2 * 0.65 * r.em
    head = r.text("Social job " + job.statement + mark_text(job.evidence), inner, 1.15, 1.2)
    halves = r.columns(inner, (1, 1), 1.2)
    context = max((r.text(t, halves[0]) for t in (
        "How they do it today: " + _inline_text(job.answer("customer_model.existing_alternatives")),
        "Fears: " + _inline_text(job.answer("profile.fears"))) if not t.endswith(": ")), default=0.0)
    widths = r.columns(inner, (1, 1, 1), 0.5)
    stages = max((_stage_height(r, s, widths[0]) for s in job.stages), default=0.0)
    return 1.0 * r.em + fit.stack(r, [head, context, stages], 0.4)


def height(r: Ruler, segment: SegmentView, still: list[Open]) -> float:
    head = 0.8 * fit.LINE * r.em + r.text(segment.name, fit.PAGE_W * 0.7, 1.7, 1.15) + 0.5 * r.em
    widths = r.columns(fit.PAGE_W, KEY_WEIGHTS, 0.55)
    keys = max((1.0 * r.em + r.label() + r.text(text, w - 1.3 * r.em)
                for (fid, _), w in zip(KEY_FACTS, widths, strict=True) if (text := segment.text(fid))), default=0.0)
    inner = fit.PAGE_W - 1.3 * r.em
    column = r.columns(inner, (1, 1, 1, 1), 1.1)[0]
    facts = [_fact_height(r, s, column) + 0.4 * r.em for s in _who_facts(segment)]
    chip_chars = sum(len(t) + 4 for t in _chip_texts(segment))
    chip = (r.lines("x" * chip_chars, inner, 0.78) * 1.7 * 0.78 * r.em) if chip_chars else 0.0
    who = (1.0 * r.em + r.label() + chip + fit.balanced(r, facts, 4)) if facts or chip else 0.0
    jobs = [job_height(r, job) for job in segment.jobs] or [r.text("No jobs yet", fit.PAGE_W)]
    notes = notes_text(segment.homework) + notes_text(segment.notes, segment.findings)
    extra = (1.0 * r.em + fit.LINE * r.em + r.items(notes, inner)) if notes else 0.0
    foot = r.text("Still open: " + "; ".join(", ".join(o.what) + o.where for o in still), fit.PAGE_W, 0.8) \
        if still else 0.0
    return fit.stack(r, [head, keys, who, *jobs, extra, foot], 0.6)
