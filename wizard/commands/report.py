"""`canvas-wizard report DIR`: a coach's view over a folder of canvases, weakest first.

Every `*.toml` directly in DIR (not in sub-folders) is read once against banks loaded
once. Per canvas: overall score, weakest section, segments, required questions and
structure still open, open quality checks, the day of the last coach session and the
homework not done yet (so a coach with a cohort sees who needs attention), the evidence
score and how many interviews. Files that are not valid canvases are listed with their
one-line problem and the report goes on.

A row is computed in report_rows.py (one field per column; adding a column is a field
there and a ReportColumn here), kept by report_cache.py for the next report over the same
files, and the folder is read by report_scan.py; report_table.py draws a long table fast.

Exit codes: 0 when the report was made, even if some files are not valid canvases (they
are listed, and counted on the last line); 1 when DIR is missing, is not a folder or
holds no `*.toml` file.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, JustifyMethod
from rich.table import Column, Table
from rich.text import Text

from wizard.commands.output import console as make_console
from wizard.commands.output import print_json
from wizard.commands.report_rows import Invalid, Row, Weakest
from wizard.commands.report_scan import build
from wizard.commands.report_table import print_table as draw_table
from wizard.commands.report_table import sized_table
from wizard.commands.rich_text import literal
from wizard.files import banks as bank_loader
from wizard.model.safetext import file_name

__all__ = ["Invalid", "Row", "Weakest", "build", "print_report", "run"]

def run(args: argparse.Namespace) -> int:
    catalog = bank_loader.load_catalog(args.banks)
    rows, invalid = build(args.dir, catalog, cached=not args.fresh)
    if args.json:
        print_json(as_json(args.dir, rows, invalid))
    else:
        print_report(rows, invalid)
    return 0


def as_json(folder: Path, rows: list[Row], invalid: list[Invalid]) -> dict[str, Any]:
    return {
        "dir": str(folder),
        # Every field of the row, in its order (a new column is in the JSON at once).
        "canvases": [{**dataclasses.asdict(r), "file": str(r.file)} for r in rows],
        "invalid": [{"file": str(i.file), "problem": i.problem} for i in invalid],
    }


def _checks_cell(counts: dict[str, int]) -> str:
    if not any(counts.values()):
        return "0"
    # The severities' own words (wizard.checks.SEVERITIES, not imported: a report of cached
    # rows runs no check); "info" has no plural.
    return ", ".join(f"{n} {sev if n == 1 or sev == 'info' else sev + 's'}" for sev, n in counts.items() if n)


@dataclass(frozen=True)
class ReportColumn:
    """One column of the table: its heading, how it sits, and its cell for a row."""

    header: str
    cell: Callable[[Row], Text]
    justify: JustifyMethod = "left"
    no_wrap: bool = False


def _weakest_cell(r: Row) -> Text:
    # The percentage first, so that it survives when a long title wraps.
    return literal(f"{r.weakest.score}% {r.weakest.title}") if r.weakest else Text("-")


# Text cells throughout: plain strings would be parsed for markup and emoji codes. File names
# are what a coach acts on: kept whole, while titles and sections wrap.
COLUMNS = [
    ReportColumn("Score", lambda r: Text(f"{r.score}%"), "right", no_wrap=True),
    ReportColumn("File", lambda r: literal(file_name(r.file.name)), no_wrap=True),
    ReportColumn("Title", lambda r: literal(r.title)),
    ReportColumn("Weakest section", _weakest_cell),
    ReportColumn("Segs", lambda r: Text(str(r.segments)), "right", no_wrap=True),
    ReportColumn("Required", lambda r: Text(str(r.open_required)), "right", no_wrap=True),
    ReportColumn("Checks", lambda r: Text(_checks_cell(r.checks)), "right", no_wrap=True),
    ReportColumn("Session", lambda r: Text(r.last_session or "never"), no_wrap=True),  # the last one's day
    ReportColumn("Homework", lambda r: Text(str(r.open_homework) if r.open_homework else "-"), "right",
                 no_wrap=True),
    ReportColumn("Evidence", lambda r: Text(f"{r.evidence}%"), "right", no_wrap=True),
    ReportColumn("Interviews", lambda r: Text(str(r.interviews)), "right", no_wrap=True),
]

LEFT_OUT_FIRST = ("Interviews", "Segs", "Title", "Required", "Evidence", "Weakest section", "Checks", "Homework",
                  "Session")
"""On a narrow terminal, the columns left out, first to last: a coach with a cohort keeps
the score and the file, when each was last coached and the homework still open, then the
checks and the weakest section (the file names the canvas; the title can go first)."""
WRAPPED_MIN = 12
"""The narrowest a wrapping column (the title, the weakest section) is worth drawing."""


def _empty_table(columns: Sequence[ReportColumn] = tuple(COLUMNS)) -> Table:
    return Table(*(Column(c.header, justify=c.justify, no_wrap=c.no_wrap) for c in columns),
                 title="Canvases, weakest first", title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)


def row_cells(r: Row) -> list[Text]:
    return [column.cell(r) for column in COLUMNS]


def fitting(cells: list[list[Text]], width: int) -> list[int]:
    """The columns (by index) that fit `width` with their widest cells, leaving out the
    least needed first (LEFT_OUT_FIRST): a table squeezed further truncates every number."""
    def needs(index: int) -> int:
        column = COLUMNS[index]
        if not column.no_wrap:
            return WRAPPED_MIN
        return max([cell_len(column.header), *(row[index].cell_len for row in cells)])

    shown = list(range(len(COLUMNS)))
    order = [i for name in LEFT_OUT_FIRST for i, c in enumerate(COLUMNS) if c.header == name]
    # Each column is padded by one cell either side, and one more between columns.
    while order and sum(needs(i) + 3 for i in shown) - 1 > width:
        shown.remove(order.pop(0))
    return shown


def report_table(cells: list[list[Text]], console: Console, measured: bool = True) -> Table:
    """The coach's table of `cells`, one list per canvas (see report_table.py for `measured`)."""
    return sized_table(cells, _empty_table, console, measured)


def print_table(cells: list[list[Text]], console: Console) -> None:
    """The table, drawn quickly however long it is (report_table.py)."""
    draw_table(cells, _empty_table, console)


def print_report(rows: list[Row], invalid: list[Invalid]) -> None:
    console = make_console()
    if rows:
        cells = [row_cells(r) for r in rows]
        shown = fitting(cells, console.width)
        draw_table([[row[i] for i in shown] for row in cells],
                   functools.partial(_empty_table, [COLUMNS[i] for i in shown]), console)
        left_out = [c.header for i, c in enumerate(COLUMNS) if i not in shown]
        if left_out:
            console.print(Text(f"Left out at {console.width} columns: {', '.join(left_out)} (a wider terminal "
                               "shows them; --json has every column).", style="dim"))
    if invalid:
        console.print(Text("Not valid canvases:", style="bold"))
        for bad in invalid:
            console.print(literal(f"  {file_name(bad.file.name)}: {bad.problem}"))
    count = f"{len(rows)} canvas{'es' * (len(rows) != 1)}"
    if invalid:
        count += f", {len(invalid)} file{'s' * (len(invalid) != 1)} not valid"
    console.print(count)
