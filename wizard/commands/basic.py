"""The non-interactive commands: score, check, banks, schema; the others are dispatched to their modules."""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from wizard import checks
from wizard.commands.rich_text import literal
from wizard.core import conformance, scoring
from wizard.files import banks as bank_loader
from wizard.files import locations, store
from wizard.files.errors import UserFileError
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name, visible
from wizard.model.tree import path_str

TOP_MISSING = 10
# JSON escapes C0 controls itself but passes DEL and C1 (0x80-0x9f, e.g. the one-byte CSI)
# through raw, and they are escape codes to a terminal; so are the bidi embeddings, overrides
# and isolates to what a reader sees. Inside a JSON string \u escapes are equal.
C1_ESCAPES = {code: f"\\u{code:04x}"
              for code in [*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


_SURROGATE = re.compile("[\ud800-\udfff]")


class PipeConsole(Console):
    """Rich's console, but a reader that went away (`| head`) ends the command as any other
    closed pipe does (cli.main: quietly, exit 141), not with Rich's own exit 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def console(soft_wrap: bool = False) -> Console:
    return PipeConsole(highlight=False, soft_wrap=soft_wrap)


def _out() -> Console:
    return console()


def fail(message: str) -> int:
    # One line, no traceback: the message already names the file and the problem.
    print(f"canvas-wizard: {message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    handlers = {"score": cmd_score, "check": cmd_check, "banks": cmd_banks, "schema": cmd_schema}
    # Each further command lives in a module of its own, imported only when it runs.
    modules = {"export": "wizard.commands.export", "diff": "wizard.commands.diff", "report": "wizard.commands.report",
               "serve": "wizard.commands.serve"}
    try:
        if args.command in modules:
            module = importlib.import_module(modules[args.command])
            result: int = module.run(args)
            return result
        return handlers[args.command](args)
    except UserFileError as exc:
        return fail(str(exc))


def load_checked(path: Path, catalog: Catalog) -> tuple[Canvas, list[conformance.Problem]]:
    """The canvas and its problems; raises on the first error that makes it unusable."""
    canvas = store.load(path)
    problems = conformance.check(canvas, catalog)
    errors = [p for p in problems if p.severity == conformance.ERROR]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise UserFileError(path, f"{errors[0]}{more}")
    return canvas, problems


def cmd_check(args: argparse.Namespace) -> int:
    catalog = bank_loader.load_catalog(args.banks)
    canvas, problems = load_checked(args.file, catalog)
    for problem in problems:
        print(f"canvas-wizard: {file_name(args.file)}: warning: {visible(str(problem))}", file=sys.stderr)
    report = scoring.score(canvas, catalog)
    print(f"{file_name(args.file)}: valid canvas, {report.score}% complete")
    return 0


def score_json(path: Path, report: scoring.Report, limit: int | None,
               findings: Sequence[checks.Finding] = ()) -> dict[str, Any]:
    missing = report.missing()
    return {
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


def print_json(data: object) -> None:
    """JSON for a terminal or a pipe: readable non-ASCII text, but no raw C1 control or bidi
    characters, which JSON allows yet some terminals act on."""
    text = json.dumps(data, indent=2, ensure_ascii=False).translate(C1_ESCAPES)
    # A file name that is not UTF-8 reaches here as lone surrogates, which JSON can escape
    # (\udcff) but no output stream can carry.
    print(_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def cmd_score(args: argparse.Namespace) -> int:
    catalog = bank_loader.load_catalog(args.banks)
    canvas, _ = load_checked(args.file, catalog)
    report = scoring.score(canvas, catalog)
    findings = checks.run(canvas, catalog)  # advice only: it never changes the score
    below = args.min is not None and report.score < args.min
    if args.json:
        print_json(score_json(args.file, report, None, findings))
    else:
        print_score(canvas, report, args.file, everything=args.all, findings=findings)
    if below:
        print(f"canvas-wizard: {file_name(args.file)}: {report.score}% is below the minimum of {args.min}%",
              file=sys.stderr)
        return 1
    return 0


def print_score(canvas: Canvas, report: scoring.Report, path: Path, everything: bool,
                findings: Sequence[checks.Finding] = ()) -> None:
    console = _out()
    title = literal(canvas.title or file_name(path.name))  # never read as markup, control characters made visible
    title.append(f"  {report.score}% complete", style="bold")
    console.print(title)
    sections = Table("Section", "Score", title="Sections", title_justify="left")
    for sid, tally in report.sections.items():
        if tally.possible:
            sections.add_row(literal(report.section_titles[sid]), f"{tally.score}%")
    console.print(sections)
    if report.segments:
        segs = Table("Segment", "Score", title="Segments", title_justify="left")
        for loc, tally in report.segments.items():
            segs.add_row(literal(report.segment_names[loc]), f"{tally.score}%")
        console.print(segs)
    missing = report.missing()
    if not missing:
        console.print("Nothing is missing.")
        print_findings(console, findings)
        return
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
    print_findings(console, findings)


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


def cmd_banks(args: argparse.Namespace) -> int:
    if args.action == "check":
        folder: Path = args.dir
        custom = bank_loader.load_dir(folder)
        bank_loader.catalog_from(bank_loader.load_dir(locations.shipped_dir()), custom, folder)
        for bank in custom:
            print(f"{file_name(folder / (bank.id + '.toml'))}: ok, {len(bank.questions)} questions")
        print(f"{file_name(folder)}: {len(custom)} valid bank{'s' * (len(custom) != 1)}")
        return 0
    catalog = bank_loader.load_catalog(args.banks)
    # Ids are what users type (--banks, file keys): never wrap or cut them.
    table = Table(Column("Bank", no_wrap=True), Column("Title"), Column("Questions", justify="right", no_wrap=True),
                  Column("Version", no_wrap=True), Column("Seeds", no_wrap=True))
    for bank in catalog.banks:
        table.add_row(bank.id, literal(bank.title), str(len(bank.questions)), bank.version,
                      Text(" ".join(s.seed.split("_", 1)[0] for s in bank.sources if s.seed)))
    _out().print(table)
    print("Seeds are the source articles (shared/seeds/NNN_*.txt); each bank file names their titles.")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from wizard.files.schema import canvas_schema

    print_json(canvas_schema(bank_loader.load_catalog(args.banks)))
    return 0
