"""`canvas-wizard report DIR`: a coach's view over a folder of canvases, weakest first.

Every `*.toml` directly in DIR (not in sub-folders) is read once against banks loaded
once. Per canvas: overall score, weakest section, segments, required questions and
structure still open, and open quality checks. Files that are not valid canvases are
listed with their one-line problem and the report goes on.

Exit codes: 0 when the report was made, even if some files are not valid canvases (they
are listed, and counted on the last line); 1 when DIR is missing, is not a folder or
holds no `*.toml` file.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Column, Table
from rich.text import Text

from wizard import checks
from wizard.commands.basic import console as make_console
from wizard.commands.basic import load_checked, print_json
from wizard.commands.rich_text import literal
from wizard.core import scoring
from wizard.files import banks as bank_loader
from wizard.files.errors import UserFileError
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name

PARALLEL_FROM = 200
"""Folders with at least this many files are read by one process per core."""
MAX_WORKERS = 8


@dataclass(frozen=True)
class Weakest:
    id: str
    title: str
    score: int


@dataclass(frozen=True)
class Row:
    """One valid canvas, as the coach's table shows it."""

    file: Path
    title: str
    score: int
    weakest: Weakest | None
    """The lowest-scoring section that has anything to answer, the first in asking order on a
    tie; None when every section is complete."""
    sections: dict[str, int]
    segments: int
    open_required: int
    """Required questions and structure slots (a type, a segment, a job) with nothing in them."""
    checks: dict[str, int]
    """Open quality checks by severity."""


@dataclass(frozen=True)
class Invalid:
    file: Path
    problem: str


def quality_checks(canvas: Canvas, catalog: Catalog) -> dict[str, int]:
    """Open quality checks of one canvas, counted by severity, most serious first."""
    counts = dict.fromkeys(checks.SEVERITIES, 0)
    for finding in checks.run(canvas, catalog):
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


def canvas_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise UserFileError(folder, "no such folder")
    if not folder.is_dir():
        raise UserFileError(folder, "not a folder; give the folder that holds the canvases")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise UserFileError(folder, "no canvases (*.toml files) in this folder")
    return files


def row_for(path: Path, canvas: Canvas, catalog: Catalog) -> Row:
    report = scoring.score(canvas, catalog)
    sections = {sid: t.score for sid, t in report.sections.items() if t.possible}
    weakest = min(sections, key=sections.__getitem__, default=None)
    if weakest is not None and sections[weakest] == 100:
        weakest = None  # a complete canvas has no weak spot worth pointing at
    open_required = sum(1 for s in report.slots if s.required and s.credit == 0)
    return Row(
        file=path,
        title=canvas.title,
        score=report.score,
        weakest=Weakest(weakest, report.section_titles[weakest], sections[weakest]) if weakest else None,
        sections=sections,
        segments=sum(len(t.segments) for t in canvas.customer_types),
        open_required=open_required,
        checks=quality_checks(canvas, catalog),
    )


def examine(path: Path, catalog: Catalog) -> Row | Invalid:
    """One file: its row, or why it is not a valid canvas."""
    try:
        canvas, _ = load_checked(path, catalog)
    except UserFileError as exc:
        return Invalid(path, exc.problem)
    return row_for(path, canvas, catalog)


_worker_catalog: list[Catalog] = []
"""The catalog inside a worker process, handed over once when the worker starts."""


def _start_worker(catalog: Catalog) -> None:
    _worker_catalog.append(catalog)


def _examine_in_worker(path: Path) -> Row | Invalid:
    return examine(path, _worker_catalog[0])


def examine_all(files: list[Path], catalog: Catalog) -> list[Row | Invalid]:
    """Every file, in order. Each file is independent CPU work (parse, validate, score,
    check), so a large folder is shared among the cores; with fork the workers inherit the
    banks already loaded instead of reading and validating them again."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(files) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
        return [examine(path, catalog) for path in files]
    checks.warm()  # the checks' language libraries, loaded once here and inherited by every worker
    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=_start_worker,
                             initargs=(catalog,)) as pool:
        return list(pool.map(_examine_in_worker, files, chunksize=chunk))


def build(folder: Path, catalog: Catalog) -> tuple[list[Row], list[Invalid]]:
    """Rows weakest first (ties by file name), and the files that are not valid canvases."""
    results = examine_all(canvas_files(folder), catalog)
    rows = sorted((r for r in results if isinstance(r, Row)), key=lambda r: (r.score, r.file.name))
    return rows, [r for r in results if isinstance(r, Invalid)]


def run(args: argparse.Namespace) -> int:
    catalog = bank_loader.load_catalog(args.banks)
    rows, invalid = build(args.dir, catalog)
    if args.json:
        print_json(as_json(args.dir, rows, invalid))
    else:
        print_report(rows, invalid)
    return 0


def as_json(folder: Path, rows: list[Row], invalid: list[Invalid]) -> dict[str, Any]:
    return {
        "dir": str(folder),
        "canvases": [
            {"file": str(r.file), "title": r.title, "score": r.score,
             "weakest": {"id": r.weakest.id, "title": r.weakest.title, "score": r.weakest.score}
             if r.weakest else None,
             "sections": r.sections, "segments": r.segments, "open_required": r.open_required,
             "checks": r.checks}
            for r in rows
        ],
        "invalid": [{"file": str(i.file), "problem": i.problem} for i in invalid],
    }


def _checks_cell(counts: dict[str, int]) -> str:
    if not any(counts.values()):
        return "0"
    plural = {checks.WARNING: "warnings"}
    return ", ".join(f"{n} {plural.get(sev, sev) if n > 1 else sev}" for sev, n in counts.items() if n)


def print_report(rows: list[Row], invalid: list[Invalid]) -> None:
    console = make_console()
    if rows:
        # File names are what a coach acts on: kept whole, while titles and sections wrap.
        table = Table(Column("Score", justify="right", no_wrap=True), Column("File", no_wrap=True),
                      Column("Title"), Column("Weakest section"),
                      Column("Segs", justify="right", no_wrap=True),
                      Column("Required", justify="right", no_wrap=True),
                      Column("Checks", justify="right", no_wrap=True),
                      title="Canvases, weakest first", title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
        for r in rows:
            # The percentage first, so that it survives when a long title wraps.
            weakest = literal(f"{r.weakest.score}% {r.weakest.title}") if r.weakest else Text("-")
            # Text cells throughout: plain strings would be parsed for markup and emoji codes.
            table.add_row(Text(f"{r.score}%"), literal(file_name(r.file.name)), literal(r.title), weakest,
                          Text(str(r.segments)), Text(str(r.open_required)), Text(_checks_cell(r.checks)))
        console.print(table)
    if invalid:
        console.print(Text("Not valid canvases:", style="bold"))
        for bad in invalid:
            console.print(literal(f"  {file_name(bad.file.name)}: {bad.problem}"))
    count = f"{len(rows)} canvas{'es' * (len(rows) != 1)}"
    if invalid:
        count += f", {len(invalid)} file{'s' * (len(invalid) != 1)} not valid"
    console.print(count)
