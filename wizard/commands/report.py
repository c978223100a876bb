"""`canvas-wizard report DIR`: a coach's view over a folder of canvases, weakest first.

Every `*.toml` directly in DIR (not in sub-folders) is read once against banks loaded
once. Per canvas: overall score, weakest section, segments, required questions and
structure still open, open quality checks, the day of the last coach session and the
homework not done yet (so a coach with a cohort sees who needs attention), the evidence
score and how many interviews. Files that are not valid canvases are listed with their
one-line problem and the report goes on.

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
from datetime import date
from pathlib import Path
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from wizard import checks
from wizard.commands.check import load_checked
from wizard.commands.output import console as make_console
from wizard.commands.output import print_json
from wizard.commands.rich_text import literal
from wizard.core import coach_sessions, evidence, scoring
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
    last_session: date | None = None
    """The day the last coach session began (None: never coached)."""
    open_homework: int = 0
    """Homework the coach set that the founder has not done yet, over every session."""
    evidence: int = 0
    """The evidence score: the weighted share of items interviews support (or marked observed or paid)."""
    interviews: int = 0


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
    last = coach_sessions.last_session(canvas)
    proof = evidence.evidence(canvas, catalog) if evidence.records_any(canvas) else None  # most have none yet
    return Row(
        file=path,
        title=canvas.title,
        score=report.score,
        weakest=Weakest(weakest, report.section_titles[weakest], sections[weakest]) if weakest else None,
        sections=sections,
        segments=sum(len(t.segments) for t in canvas.customer_types),
        open_required=open_required,
        checks=quality_checks(canvas, catalog),
        last_session=last.started.date() if last is not None else None,
        open_homework=coach_sessions.open_homework(canvas),
        evidence=proof.overall if proof else 0,
        interviews=proof.interviews if proof else 0,
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
             "checks": r.checks,
             "last_session": r.last_session.isoformat() if r.last_session else None,
             "open_homework": r.open_homework,
             "evidence": r.evidence, "interviews": r.interviews}
            for r in rows
        ],
        "invalid": [{"file": str(i.file), "problem": i.problem} for i in invalid],
    }


def _checks_cell(counts: dict[str, int]) -> str:
    if not any(counts.values()):
        return "0"
    plural = {checks.WARNING: "warnings"}
    return ", ".join(f"{n} {plural.get(sev, sev) if n > 1 else sev}" for sev, n in counts.items() if n)


def report_table(cells: list[list[Text]], console: Console, measured: bool = True) -> Table:
    """The coach's table of `cells`, one list per canvas.

    Rich measures every cell of every row to size the columns, which is most of the time
    of a report over a large folder (about a second for 1000 canvases). A column's size
    depends only on its widest cell and on its cell with the longest word, so with
    `measured` Rich sizes the columns on those few rows alone and the table is drawn with
    these sizes fixed: the same table, drawn at the same widths (tests/test_report.py
    holds the two to each other). A table too wide for the terminal is measured whole."""
    table = _empty_table()
    for row in cells:
        table.add_row(*row)
    if not measured or len(cells) < 20:
        return table
    sizer = _empty_table()
    for index in _widest_rows(cells):
        sizer.add_row(*cells[index])
    natural = sizer._calculate_column_widths(console, console.options.update_width(1 << 20))
    if sum(natural) + table._extra_width > console.options.max_width:
        return table  # too wide for the terminal: Rich narrows the columns that wrap, cell by cell
    widths = sizer._calculate_column_widths(console, console.options)
    for index, (column, width) in enumerate(zip(table.columns, widths, strict=True)):
        column.width = max(0, width - table._get_padding_width(index))
    return table


def _empty_table() -> Table:
    # File names are what a coach acts on: kept whole, while titles and sections wrap.
    return Table(Column("Score", justify="right", no_wrap=True), Column("File", no_wrap=True),
                 Column("Title"), Column("Weakest section"),
                 Column("Segs", justify="right", no_wrap=True),
                 Column("Required", justify="right", no_wrap=True),
                 Column("Checks", justify="right", no_wrap=True),
                 Column("Session", no_wrap=True),  # the last coach session's day
                 Column("Homework", justify="right", no_wrap=True),
                 Column("Evid", justify="right", no_wrap=True),
                 Column("Intv", justify="right", no_wrap=True),
                 title="Canvases, weakest first", title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)


def _widest_rows(cells: list[list[Text]]) -> list[int]:
    """The rows holding, per column, the widest lines and the longest words (as Rich measures
    a text: its longest line at most, its longest word at least)."""
    chosen: set[int] = set()
    for column in range(len(cells[0])):
        most, least = [], []
        for index, row in enumerate(cells):
            plain = row[column].plain
            lines, words = plain.splitlines(), plain.split()
            widest = max((cell_len(line) for line in lines), default=0)
            most.append((widest, index))
            least.append((max((cell_len(word) for word in words), default=widest), index))
        for ranked in (most, least):
            chosen.update(index for _, index in sorted(ranked, reverse=True)[:2])
    return sorted(chosen)


def row_cells(r: Row) -> list[Text]:
    # The percentage first, so that it survives when a long title wraps.
    weakest = literal(f"{r.weakest.score}% {r.weakest.title}") if r.weakest else Text("-")
    # Text cells throughout: plain strings would be parsed for markup and emoji codes.
    return [Text(f"{r.score}%"), literal(file_name(r.file.name)), literal(r.title), weakest,
            Text(str(r.segments)), Text(str(r.open_required)), Text(_checks_cell(r.checks)),
            Text(r.last_session.isoformat() if r.last_session else "never"),
            Text(str(r.open_homework) if r.open_homework else "-"),
            Text(f"{r.evidence}%"), Text(str(r.interviews))]


_render_console: list[Console] = []
"""The report's console inside a worker process (inherited when the worker forks)."""


def _render_rows(job: tuple[list[list[Text]], list[int | None], bool]) -> str:
    """Some rows of the table, drawn at the widths the whole table has (in a worker)."""
    cells, widths, first = job
    console = _render_console[0]
    table = _empty_table()
    if not first:
        table.show_header, table.title = False, None
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in cells:
        table.add_row(*row)
    with console.capture() as captured:
        console.print(table)
    return captured.get()


def print_table(cells: list[list[Text]], console: Console, parallel_from: int = PARALLEL_FROM) -> None:
    """The table, drawn by one process per core when it is long (drawing 1000 rows takes
    Rich about a second), each drawing its share at the widths of the whole table; the
    shares are written in order as they come."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    table = report_table(cells, console)
    fixed = all(column.width is not None for column in table.columns)
    if not fixed or len(cells) < parallel_from or workers < 2 or "fork" not in mp.get_all_start_methods():
        console.print(table)
        return
    widths = [column.width for column in table.columns]
    size = -(-len(cells) // (workers * 2))
    jobs = [(cells[i:i + size], widths, i == 0) for i in range(0, len(cells), size)]
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=_render_console.append,
                             initargs=(console,)) as pool:
        for text in pool.map(_render_rows, jobs):
            console.file.write(text)
    console.file.flush()


def print_report(rows: list[Row], invalid: list[Invalid]) -> None:
    console = make_console()
    if rows:
        print_table([row_cells(r) for r in rows], console)
    if invalid:
        console.print(Text("Not valid canvases:", style="bold"))
        for bad in invalid:
            console.print(literal(f"  {file_name(bad.file.name)}: {bad.problem}"))
    count = f"{len(rows)} canvas{'es' * (len(rows) != 1)}"
    if invalid:
        count += f", {len(invalid)} file{'s' * (len(invalid) != 1)} not valid"
    console.print(count)
