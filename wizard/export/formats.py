"""The export formats: what each is called, what its file is named after, and rendering a canvas in one."""

from __future__ import annotations

from collections.abc import Callable

from wizard import checks
from wizard.export import html, interview, markdown, summary
from wizard.export.view import Audience, CanvasView, build
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog

RENDERERS: dict[str, Callable[[CanvasView], str]] = {
    "markdown": markdown.render,
    "html": html.render,
    "interview": interview.render,
}


SUMMARY = "summary"
"""The last coach session's summary: made from the canvas itself (its sessions), not the view."""
FORMATS = (*RENDERERS, SUMMARY)
SUFFIXES = {"markdown": ".md", "html": ".html", "interview": ".interview.md", SUMMARY: ".summary.md"}
"""What an export is named after by default: `canvas.md`, `canvas.html`, `canvas.interview.md`."""
DESCRIPTIONS = {
    "markdown": "Persona document (Markdown): what is answered per segment, then what is still open",
    "html": "The picture (HTML): an overview page and one A4 landscape page per segment, to print or show",
    "interview": "Interview kit (Markdown): per segment a screener, reach-out messages, questions, notes sheets",
    SUMMARY: "Session summary (Markdown): the last coach session's changes, homework and what is still open",
}


def render_canvas(canvas: Canvas, catalog: Catalog, fmt: str, audience: Audience = Audience.FOUNDER,
                  untitled: str = "Customer canvas", with_names: bool = False) -> str:
    """An export of a canvas in memory (the wizard's), for the founder unless `audience` says coach;
    the people interviewed are named only `with_names` (see wizard/export/evidence_view.py)."""
    if fmt == SUMMARY:
        return summary.render_canvas(canvas, catalog, audience, untitled)
    findings = checks.run(canvas, catalog)
    return RENDERERS[fmt](build(canvas, catalog, untitled=untitled, findings=findings, audience=audience,
                                with_names=with_names))
