"""The picture's first sheet: the whole canvas at a glance (market, types, their segments, who pays and uses)."""

from __future__ import annotations

from wizard.export import fit
from wizard.export.escape import html_text as esc
from wizard.export.fit import Ruler
from wizard.export.html_parts import inline, notes_card, notes_text
from wizard.export.view import CanvasView, SegmentView, TypeView

MARKET = (("market.market_type", "Market"), ("market.segmentation_bases", "Segmented by"),
          ("market.most_important", "Most important"))
PAYS = (("segment_questions.who_pays", "Pays"), ("segment_questions.who_uses", "Uses"))
TYPE_LINES = ("customer_model.uvp", "relationships.channels")
"""What a customer type's card says under its name: what they get, and where we meet them."""


def columns(view: CanvasView) -> int:
    return max(1, min(3, len(view.types)))


def _role(ctype: TypeView) -> str:
    parts = [ctype.text("customer_model.role"), ctype.text("customer_model.size")]
    return " · ".join(p for p in parts if p)


def _segment(segment: SegmentView) -> str:
    rows = "".join(f"<dt>{title}</dt><dd class=\"text\">{esc(text)}</dd>"
                   for fid, title in PAYS if (text := segment.text(fid)))
    rows = f'<dl class="pays">{rows}</dl>' if rows else ""
    return f'<li class="card seg"><h3 class="text">{esc(segment.name)}</h3>{rows}</li>'


def _type(ctype: TypeView) -> str:
    role = _role(ctype)
    kicker = f'<p class="kicker">{esc(role)}</p>' if role else ""
    uvp = ctype.text("customer_model.uvp")
    uvp_html = f'<p class="text">{esc(uvp)}</p>' if uvp else ""
    segs = "".join(_segment(s) for s in ctype.segments) or '<li class="none">No segments yet.</li>'
    channels = inline(ctype.answer("relationships.channels"), "Where we meet them")
    return (f'<section class="card type">{kicker}<h2 class="text">{esc(ctype.name)}</h2>{uvp_html}'
            f'<span class="label">Segments</span><ul class="segs">{segs}</ul>{channels}</section>')


def page(view: CanvasView, canvas_line: str, size: int) -> str:
    lede = view.text("market.for_whom")
    lede_html = f'<p class="lede text">{esc(lede)}</p>' if lede else ""
    market = "".join(f'<div><span class="label">{title}</span><p class="text">{esc(text)}</p></div>'
                     for fid, title in MARKET if (text := view.text(fid)))
    market = f'<section class="card market">{market}</section>' if market else ""
    types = "".join(_type(t) for t in view.types) or '<p class="none">No customer types yet.</p>'
    extra = (notes_card("Homework from your coach", view.homework)
             + notes_card("Coach's notes", view.notes, view.findings))
    return (f'<section class="page overview fit-{size}" aria-label="Overview">'
            f'<header class="page-head"><div><p class="kicker">Customer canvas</p><h1 class="text">{esc(view.title)}'
            f'</h1></div><p class="where">{canvas_line}</p></header>{lede_html}{market}'
            f'<div class="types n{columns(view)}">{types}</div>{extra}</section>')


def _type_height(r: Ruler, ctype: TypeView, width: float) -> float:
    inner = width - 1.3 * r.em
    seg_inner = inner - 1.1 * r.em
    segs = []
    for segment in ctype.segments:
        pays = sum(r.text(text, seg_inner - 4.5 * r.em, 0.9) for fid, _ in PAYS if (text := segment.text(fid)))
        segs.append(0.8 * r.em + r.text(segment.name, seg_inner, 1.02) + 0.15 * r.em + pays)
    channels = ctype.answer("relationships.channels")
    parts = [0.8 * fit.LINE * r.em if _role(ctype) else 0.0, r.text(ctype.name, inner, 1.35, 1.2),
             r.text(ctype.text("customer_model.uvp") or "", inner) if ctype.text("customer_model.uvp") else 0.0,
             r.label() + fit.stack(r, segs, 0.4),
             r.label() + r.text(" · ".join(channels.items), inner) if channels and channels.answered else 0.0]
    return 1.3 * r.em + fit.stack(r, parts, 0.45)


def height(r: Ruler, view: CanvasView) -> float:
    head = 0.8 * fit.LINE * r.em + r.text(view.title, fit.PAGE_W * 0.7, 1.7, 1.15) + 0.5 * r.em
    lede = r.text(view.text("market.for_whom") or "", min(fit.PAGE_W, 60 * 1.05 * r.em), 1.05) \
        if view.text("market.for_whom") else 0.0
    # The market's facts sit side by side and wrap to more rows when together they are too wide.
    texts = [t for f, _ in MARKET if (t := view.text(f))]
    row = r.label() + fit.LINE * r.em
    market = 1.0 * r.em + r.lines(" ".join(t + "x" * 6 for t in texts), fit.PAGE_W - 1.3 * r.em) * row \
        if texts else 0.0
    n = columns(view)
    width = r.columns(fit.PAGE_W, [1] * n, 0.7)[0]
    rows = [view.types[i:i + n] for i in range(0, len(view.types), n)]
    types = fit.stack(r, [max(_type_height(r, t, width) for t in row) for row in rows], 0.7)
    notes = notes_text(view.homework) + notes_text(view.notes, view.findings)
    extra = (1.0 * r.em + fit.LINE * r.em + r.items(notes, fit.PAGE_W)) if notes else 0.0
    return fit.stack(r, [head, lede, market, types, extra], 0.6)
