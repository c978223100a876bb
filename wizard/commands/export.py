"""`canvas-wizard export FILE --format FORMAT [-o OUT] [--force]`: render a canvas and write it out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from wizard import checks
from wizard.commands import basic as commands
from wizard.export import html, interview, markdown
from wizard.export.view import CanvasView, build
from wizard.files import banks
from wizard.files.errors import UserFileError
from wizard.files.outputs import write_output
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name

RENDERERS: dict[str, Callable[[CanvasView], str]] = {
    "markdown": markdown.render,
    "html": html.render,
    "interview": interview.render,
}


def render(path: Path, fmt: str, catalog: Catalog) -> str:
    canvas, _ = commands.load_checked(path, catalog)
    findings = checks.run(canvas, catalog)
    return RENDERERS[fmt](build(canvas, catalog, untitled=path.stem, findings=findings))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    catalog = banks.load_catalog(args.banks)
    text = render(args.file, args.format, catalog)
    out: Path | None = args.output
    if out is None:
        sys.stdout.write(text)
        return 0
    if _same_file(args.file, out):
        # --force must never turn an export into the loss of the canvas it was made from.
        raise UserFileError(out, "is the canvas being exported; choose another output file")
    write_output(out, text, args.force)
    print(f"{file_name(out)}: {args.format} export written")
    return 0
