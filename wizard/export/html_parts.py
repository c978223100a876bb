"""Small pieces of the picture's HTML: a fact with its label, a list of items, chips, coach and homework cards."""

from __future__ import annotations

from collections.abc import Iterable

from wizard.checks import Finding
from wizard.export.escape import html_text as esc
from wizard.export.evidence_view import SYMBOLS, ItemEvidence
from wizard.export.view import Note, Shown


def mark(evidence: ItemEvidence | None) -> str:
    """An item's evidence as a small mark after it ("✓2", "✗", "◉", "◆", "?"), its words in the
    title (a tooltip on screen); "" when the canvas records no evidence. Quotes are the persona's:
    the picture keeps to one page per segment."""
    if evidence is None:
        return ""
    # A no-break space: a mark never starts a line of its own.
    return (f'\u00a0<span class="ev ev-{evidence.state}" title="{esc(evidence.label)}">'
            f"{esc(evidence.symbol)}</span>")


def mark_text(evidence: ItemEvidence | None) -> str:
    """The mark as plain text, for the fit estimate."""
    return f" {evidence.symbol}" if evidence is not None else ""


def item(text: str, evidence: ItemEvidence | None = None) -> str:
    """One item of a list answer (a pain, a gain, a trait). The one place an item is drawn, so the
    mark beside it (its evidence) is added once for every list of the picture."""
    return f'<li class="text">{esc(text)}{mark(evidence)}</li>'


def items(shown: Shown | None, css: str = "items") -> str:
    if shown is None or not shown.answered:
        return ""
    body = "".join(item(t, ev) for t, ev in shown.marks())
    if shown.ranked:
        return f'<ol class="ranked">{body}</ol>'
    return f'<ul class="{css}">{body}</ul>'


def marked(shown: Shown) -> list[str]:
    """The items with their marks as plain text: what the fit estimate measures."""
    return [t + mark_text(ev) for t, ev in shown.marks()]


def value(shown: Shown) -> str:
    """An answer as the picture shows it: a list, or a line of text."""
    if shown.many:
        return items(shown)
    (text, evidence), = shown.marks()
    return f'<p class="text">{esc(text)}{mark(evidence)}</p>'


def fact(shown: Shown | None, title: str | None = None, css: str = "") -> str:
    """A labelled answer; nothing at all when it is not answered (the page lists what is open)."""
    if shown is None or not shown.answered:
        return ""
    cls = f' class="{css}"' if css else ""
    return f'<div{cls}><span class="label">{esc(title or shown.title)}</span>{value(shown)}</div>'


def inline(shown: Shown | None, title: str | None = None, runin: bool = False) -> str:
    """A labelled list on one flowing line, items separated by dots (for short items); with `runin`
    the label starts the line instead of standing over it."""
    if shown is None or not shown.answered:
        return ""
    body = "".join(item(t, ev) for t, ev in shown.marks())
    label = esc(title or shown.title)
    head = f'<span class="runin">{label}:</span> ' if runin else f'<span class="label">{label}</span>'
    return f'<div>{head}<ul class="inline">{body}</ul></div>'


def chips(chip_items: Iterable[Iterable[tuple[str, ItemEvidence | None]]]) -> str:
    """Short answers as badges; each item carries its mark (a multiple choice, one per choice)."""
    body = "".join(f'<span class="badge">{", ".join(esc(t) + mark(ev) for t, ev in parts)}</span>'
                   for parts in chip_items)
    return f'<div class="chips">{body}</div>' if body else ""


def notes_card(title: str, notes: list[Note], findings: Iterable[Finding] = ()) -> str:
    """Homework (for the founder) or the coach's notes and findings (coach's copy): a card of its own."""
    findings = list(findings)
    if not notes and not findings:
        return ""
    rows = []
    for note in notes:
        about = f" · {esc(note.question)}" if note.question else ""
        rows.append(f'<li><strong>{esc(note.where)}</strong>{about}: <span class="text">{esc(note.text)}</span></li>')
    for f in findings:
        rows.append(f"<li><strong>{esc(f.severity.capitalize())}</strong> · {esc(f.where)}: "
                    f'<span class="text">{esc(f.message)} {esc(f.suggestion)}</span></li>')
    return f'<section class="card coach"><h3>{esc(title)}</h3><ul class="items">{"".join(rows)}</ul></section>'


def notes_text(notes: list[Note], findings: Iterable[Finding] = ()) -> list[str]:
    """The same notes as plain strings, for the fit estimate."""
    return ([f"{n.where} · {n.question}: {n.text}" for n in notes]
            + [f"{f.severity} · {f.where}: {f.message} {f.suggestion}" for f in findings])


LEGEND = {"guess": "guess", "supported": "supported by N", "contradicted": "contradicted", "observed": "observed",
          "paid": "paid"}


def legend() -> str:
    """What the marks mean, in a line for the head of a sheet that has them."""
    parts = [f'<span class="ev ev-{state}">{esc(SYMBOLS[state] + ("N" if state == "supported" else ""))}</span>\u00a0'
             f"{esc(words)}" for state, words in LEGEND.items()]
    return f'<span class="legend">{" · ".join(parts)}</span>'
