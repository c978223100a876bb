"""`canvas-wizard export FILE --format FORMAT [--coach] [-o OUT] [--force]`: render a canvas and write it out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wizard.commands.check import load_checked
from wizard.export.formats import DESCRIPTIONS, FORMATS, RENDERERS, SUFFIXES, render_canvas
from wizard.export.view import Audience
from wizard.files import banks
from wizard.files.errors import UserFileError
from wizard.files.outputs import write_output
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name

# The formats live with the exports (the TUI uses them too); the parser takes them from here.
__all__ = ["DESCRIPTIONS", "FORMATS", "RENDERERS", "SUFFIXES", "render", "render_canvas", "run"]


def render(path: Path, fmt: str, catalog: Catalog, audience: Audience = Audience.FOUNDER,
           with_names: bool = False) -> str:
    canvas, _ = load_checked(path, catalog)
    return render_canvas(canvas, catalog, fmt, audience, untitled=path.stem, with_names=with_names)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    catalog = banks.load_catalog(args.banks)
    text = render(args.file, args.format, catalog, Audience.COACH if args.coach else Audience.FOUNDER,
                  with_names=args.with_names)
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
