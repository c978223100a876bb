"""`canvas-wizard export FILE --format FORMAT [--coach] [-o OUT] [--force]`: render a canvas and write it out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from wizard import checks
from wizard.commands import basic as commands
from wizard.export import html, interview, markdown
from wizard.export.view import Audience, CanvasView, build
from wizard.files import banks
from wizard.files.errors import UserFileError
from wizard.files.outputs import write_output
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name

RENDERERS: dict[str, Callable[[CanvasView], str]] = {
    "markdown": markdown.render,
    "html": html.render,
    "interview": interview.render,
}


FORMATS = tuple(RENDERERS)
SUFFIXES = {"markdown": ".md", "html": ".html", "interview": ".interview.md"}
"""What an export is named after by default: `canvas.md`, `canvas.html`, `canvas.interview.md`."""
DESCRIPTIONS = {
    "markdown": "Persona document (Markdown): what is answered per segment, then what is still open",
    "html": "The picture (HTML): an overview page and one A4 landscape page per segment, to print or show",
    "interview": "Interview kit (Markdown): per segment a screener, reach-out messages, questions, notes sheets",
}


def render_canvas(canvas: Canvas, catalog: Catalog, fmt: str, audience: Audience = Audience.FOUNDER,
                  untitled: str = "Customer canvas") -> str:
    """An export of a canvas in memory (the wizard's), for the founder unless `audience` says coach."""
    findings = checks.run(canvas, catalog)
    return RENDERERS[fmt](build(canvas, catalog, untitled=untitled, findings=findings, audience=audience))


def render(path: Path, fmt: str, catalog: Catalog, audience: Audience = Audience.FOUNDER) -> str:
    canvas, _ = commands.load_checked(path, catalog)
    return render_canvas(canvas, catalog, fmt, audience, untitled=path.stem)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    catalog = banks.load_catalog(args.banks)
    text = render(args.file, args.format, catalog, Audience.COACH if args.coach else Audience.FOUNDER)
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
