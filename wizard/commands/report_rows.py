"""One canvas's row of `canvas-wizard report`: what the coach's table shows of one file.

A new column is a new field of `Row` (computed in `row_for`) and a column of the table
(wizard/commands/report.py's COLUMNS); `report --json` shows every field by itself.

Rows are cached (wizard/files/report_cache.py) by the file's bytes and the banks, so a
field must be a function of those alone: nothing read from the clock, the state folder or
another file. Anything that depends on more belongs after the cache, where the table is
drawn. The cache's key includes the fields below (ROW_FORMAT) and the wizard's sources, so
a new field, or a change to how one is computed, never shows a row cached before it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.files.errors import UserFileError
from wizard.model.bulk import gc_paused

if TYPE_CHECKING:
    from wizard.model.canvas import Canvas
    from wizard.model.catalog import Catalog

# What computes a row (the checks, scoring, the canvas model) is imported when a row is
# first computed: a report whose rows are all cached never loads it.


@dataclass(frozen=True)
class Weakest:
    id: str
    title: str
    score: int


@dataclass(frozen=True)
class Row:
    """One valid canvas, as the coach's table shows it: one field per column."""

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
    last_session: str | None = None
    """The day the last coach session began, as YYYY-MM-DD (None: never coached)."""
    open_homework: int = 0
    """Homework the coach set that the founder has not done yet, over every session."""
    evidence: int = 0
    """The evidence score: the weighted share of items interviews support (or marked observed or paid)."""
    interviews: int = 0


@dataclass(frozen=True)
class Invalid:
    file: Path
    problem: str


Result = Row | Invalid


def _format_of(*classes: type) -> str:
    return ";".join(f"{c.__name__}(" + ",".join(f"{f.name}:{f.type}" for f in dataclasses.fields(c)) + ")"
                    for c in classes)


ROW_FORMAT = hashlib.sha256(_format_of(Row, Weakest, Invalid).encode()).hexdigest()[:16]
"""Changes with any field of the results, their names or their types (part of the cache's key)."""


def quality_checks(canvas: Canvas, catalog: Catalog) -> dict[str, int]:
    """Open quality checks of one canvas, counted by severity, most serious first."""
    from wizard import checks

    counts = dict.fromkeys(checks.SEVERITIES, 0)
    for finding in checks.run(canvas, catalog):
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


def row_for(path: Path, canvas: Canvas, catalog: Catalog) -> Row:
    from wizard.core import coach_sessions, evidence, scoring

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
        last_session=last.started.date().isoformat() if last is not None else None,
        open_homework=canvas.coach.open_homework(),
        evidence=proof.overall if proof else 0,
        interviews=proof.interviews if proof else 0,
    )


@gc_paused
def canvas_of(path: Path, raw: bytes, catalog: Catalog) -> Canvas:
    """The canvas in the bytes `raw` of the file at `path`, as `canvas-wizard check` reads it
    (migrated, validated, no errors against the banks); raises CanvasFileError otherwise."""
    from wizard.commands.check import refuse_errors
    from wizard.core import conformance
    from wizard.files import store, tomlio
    from wizard.files.errors import CanvasFileError

    data, _ = store.migrate(tomlio.loads(path, raw, CanvasFileError), path)
    canvas = store.from_data(data, path)
    refuse_errors(path, conformance.check(canvas, catalog))
    return canvas


def examine(path: Path, raw: bytes, catalog: Catalog) -> Result:
    """The file's row, or why it is not a valid canvas: from its bytes and the banks alone."""
    try:
        canvas = canvas_of(path, raw, catalog)
    except UserFileError as exc:
        return Invalid(path, exc.problem)
    return row_for(path, canvas, catalog)


def moved(result: Result, path: Path) -> Result:
    """A result as found at `path` (a cached one was found under some file name)."""
    return result if result.file == path else dataclasses.replace(result, file=path)
