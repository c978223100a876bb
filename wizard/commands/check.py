"""`canvas-wizard check FILE`: exit 0 for a valid canvas, 1 with the reason; the loading every command shares."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wizard.core import conformance, scoring
from wizard.files import banks as bank_loader
from wizard.files import store
from wizard.files.errors import UserFileError
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name, visible


def load_checked(path: Path, catalog: Catalog) -> tuple[Canvas, list[conformance.Problem]]:
    """The canvas and its problems; raises on the first error that makes it unusable."""
    canvas = store.load(path)
    problems = conformance.check(canvas, catalog)
    refuse_errors(path, problems)
    return canvas, problems


def refuse_errors(path: Path, problems: list[conformance.Problem]) -> None:
    """Raise on the first of `problems` that makes the canvas unusable (warnings pass)."""
    errors = [p for p in problems if p.severity == conformance.ERROR]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise UserFileError(path, f"{errors[0]}{more}")


def run(args: argparse.Namespace) -> int:
    catalog = bank_loader.load_catalog(args.banks)
    canvas, problems = load_checked(args.file, catalog)
    for problem in problems:
        print(f"canvas-wizard: {file_name(args.file)}: warning: {visible(str(problem))}", file=sys.stderr)
    report = scoring.score(canvas, catalog)
    print(f"{file_name(args.file)}: valid canvas, {report.score}% complete")
    return 0
