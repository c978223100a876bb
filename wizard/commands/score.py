"""`canvas-wizard score FILE`: scores per section and segment, what is missing, the quality checks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from wizard import checks
from wizard.commands.check import load_checked
from wizard.commands.output import console as make_console
from wizard.commands.output import print_json
from wizard.commands.rich_text import literal
from wizard.core import evidence, scoring
from wizard.core.evidence_text import evidence_json, quote_of, shown_text
from wizard.files import banks as bank_loader
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name
from wizard.model.tree import path_str

TOP_MISSING = 10
TOP_UNTESTED = 5


def score_json(path: Path, report: scoring.Report, limit: int | None,
               findings: Sequence[checks.Finding] = (),
               proof: evidence.EvidenceReport | None = None, catalog: Catalog | None = None) -> dict[str, Any]:
    missing = report.missing()
    out: dict[str, Any] = {
        "file": str(path),
        "overall": report.score,
        "sections": [
            {"id": sid, "title": report.section_titles[sid], "score": t.score,
             "earned": round(t.earned, 3), "possible": round(t.possible, 3)}
            for sid, t in report.sections.items() if t.possible
        ],
        "segments": [
            {"path": path_str(loc), "name": report.segment_names[loc], "score": t.score}
            for loc, t in report.segments.items()
        ],
        "missing": [
            {"question": m.slot.question_id, "path": path_str(m.slot.location), "where": m.slot.where,
             "title": m.slot.title, "gain": round(m.gain, 2), "required": m.slot.required,
             "status": m.slot.status}
            for m in (missing if limit is None else missing[:limit])
        ],
        "checks": [f.as_json() for f in findings],
    }
    if proof is not None and catalog is not None:
        out["evidence"] = evidence_json(proof, catalog)
    return out


def run(args: argparse.Namespace) -> int:
    catalog = bank_loader.load_catalog(args.banks)
    canvas, _ = load_checked(args.file, catalog)
    report = scoring.score(canvas, catalog)
    findings = checks.run(canvas, catalog)  # advice only: it never changes the score
    proof = evidence.evidence(canvas, catalog)  # beside the score, never part of it
    below = args.min is not None and report.score < args.min
    if args.json:
        print_json(score_json(args.file, report, None, findings, proof, catalog))
    else:
        print_score(canvas, report, args.file, everything=args.all, findings=findings, proof=proof,
                    catalog=catalog)
    if below:
        print(f"canvas-wizard: {file_name(args.file)}: {report.score}% is below the minimum of {args.min}%",
              file=sys.stderr)
        return 1
    return 0


def print_score(canvas: Canvas, report: scoring.Report, path: Path, everything: bool,
                findings: Sequence[checks.Finding] = (), proof: evidence.EvidenceReport | None = None,
                catalog: Catalog | None = None) -> None:
    console = make_console()
    title = literal(canvas.title or file_name(path.name))  # never read as markup, control characters made visible
    title.append(f"  {report.score}% complete", style="bold")
    if proof is not None:
        title.append(f"  {proof.overall}% evidence", style="bold")
        title.append(f" ({proof.interviews} interview{'s' * (proof.interviews != 1)})", style="dim")
    console.print(title)
    sections = Table("Section", "Score", title="Sections", title_justify="left")
    for sid, tally in report.sections.items():
        if tally.possible:
            sections.add_row(literal(report.section_titles[sid]), f"{tally.score}%")
    console.print(sections)
    by_segment = {seg.location: seg for seg in proof.segments} if proof is not None else {}
    if report.segments:
        columns = ("Segment", "Score", "Evidence", "Interviews") if proof is not None else ("Segment", "Score")
        segs = Table(*columns, title="Segments", title_justify="left")
        for loc, tally in report.segments.items():
            seg = by_segment.get(loc)
            more = (f"{seg.score}%", str(len(seg.interviews))) if seg is not None else ()
            segs.add_row(literal(report.segment_names[loc]), f"{tally.score}%", *more)
        console.print(segs)
    missing = report.missing()
    if not missing:
        console.print("Nothing is missing.")
    else:
        print_missing(console, missing, everything)
    if proof is not None and catalog is not None:
        print_evidence(console, proof, everything, catalog)
    print_findings(console, findings)


def print_missing(console: Console, missing: list[scoring.Missing], everything: bool) -> None:
    shown = missing if everything else missing[:TOP_MISSING]
    table = Table("Adds", "What is missing", "Where", title="What is missing, most valuable first",
                  title_justify="left")
    for m in shown:
        label = literal(m.slot.title)
        if m.slot.status == "partial":
            label.append(" (more items)", style="dim")
        if m.slot.status == "locked":
            label.append(" (answer the question it depends on first)", style="dim")
        table.add_row(f"+{m.gain:.1f}", label, literal(m.slot.where))
    console.print(table)
    if len(missing) > len(shown):
        console.print(f"... and {len(missing) - len(shown)} more (--all lists them all)")


def print_evidence(console: Console, proof: evidence.EvidenceReport, everything: bool,
                   catalog: Catalog) -> None:
    """What interviews contradicted (with their words), then the heaviest items nobody tested yet."""
    contradicted = proof.contradicted()
    if contradicted:
        table = Table("Contradicted", "Where", "What they said", title="Contradicted by interviews",
                      title_justify="left")
        for item in contradicted:
            said = [f"“{quote_of(i, link)}” ({i.id})" if quote_of(i, link) else f"({i.id}, no quote)"
                    for i, link in item.contradicts]
            table.add_row(literal(shown_text(item, catalog)), literal(item.where), literal("\n".join(said)))
        console.print(table)
    untested = proof.untested()
    if not untested:
        if proof.items:
            console.print("Every item has been tested in an interview.")
        return
    shown = untested if everything else untested[:TOP_UNTESTED]
    table = Table("Untested", "Question", "Where", title="Still guesses, heaviest first (ask about these next)",
                  title_justify="left")
    for item in shown:
        table.add_row(literal(shown_text(item, catalog)), literal(item.title), literal(item.where))
    console.print(table)
    if len(untested) > len(shown):
        console.print(f"... and {len(untested) - len(shown)} more untested (--all lists them all)")


def print_findings(console: Console, findings: Sequence[checks.Finding]) -> None:
    """Quality checks, each with where it is and what to do."""
    if not findings:
        console.print("Quality checks: nothing looks off.")
        return
    table = Table("Check", "Finding", "Where", title="Quality checks (advice; the score does not count them)",
                  title_justify="left")
    for f in findings:
        note = literal(f.message)  # messages quote user text: never markup
        note.append(f"\n{f.suggestion}", style="dim")
        table.add_row(Text(f"{f.severity}\n{f.rule}"), note, literal(f.where))
    console.print(table)
