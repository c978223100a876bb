"""The picture: a self-contained HTML document of A4 landscape sheets, an overview and one sheet per segment.

Printed from a browser it gives one overview page and one page per segment (each sheet's
type is sized to fit, see fit.py); on screen it shows the same sheets one under the other,
light or dark with the system. No script, no outside resource: it opens anywhere.
"""

from __future__ import annotations

from wizard.export import fit, html_overview, html_segment
from wizard.export.escape import html_text as esc
from wizard.export.page_style import CSS
from wizard.export.still_open import Open, still_open
from wizard.export.view import CanvasView, SegmentView, stamp

# Nothing in the page needs to load or run anything: a stray tag in user text could not either.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def _open_here(items: list[Open], segment: SegmentView) -> list[Open]:
    here = f"{segment.type_name} › {segment.name}"
    return [o for o in items if o.where == here or o.where.startswith(here + " › ")]


def _canvas_line(view: CanvasView) -> str:
    line = f"{esc(view.title)}<br>Updated {esc(stamp(view.updated))}"
    if view.for_coach:
        line += f" · {view.report.score}% complete"
    return line


def sheets(view: CanvasView) -> list[str]:
    """The sheets of the picture, overview first."""
    line = _canvas_line(view)
    out = [html_overview.page(view, line, fit.choose(lambda r: html_overview.height(r, view)))]
    segments = list(view.segments)
    items = still_open(view)
    marks = view.has_evidence
    for number, segment in enumerate(segments, 1):
        still = _open_here(items, segment)
        size = fit.choose(lambda r, s=segment, o=still: html_segment.height(r, s, o))  # type: ignore[misc]
        out.append(html_segment.page(segment, number, len(segments), line, still, size, marks))
    return out


def render(view: CanvasView) -> str:
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="canvas-wizard">',
        f"<title>{esc(view.title)}: customer canvas</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *sheets(view),
        "</body>",
        "</html>",
        "",
    ])
