"""Small pieces of the picture's HTML: a fact with its label, a list of items, chips, coach and homework cards."""

from __future__ import annotations

from collections.abc import Iterable

from wizard.checks import Finding
from wizard.export.escape import html_text as esc
from wizard.export.view import Note, Shown


def item(text: str) -> str:
    """One item of a list answer (a pain, a gain, a trait). The one place an item is drawn, so a mark
    beside it (its evidence, later) is added once for every list of the picture."""
    return f'<li class="text">{esc(text)}</li>'


def items(shown: Shown | None, css: str = "items") -> str:
    if shown is None or not shown.answered:
        return ""
    if shown.ranked:
        return f'<ol class="ranked">{"".join(item(t) for t in shown.items)}</ol>'
    return f'<ul class="{css}">{"".join(item(t) for t in shown.items)}</ul>'


def value(shown: Shown) -> str:
    """An answer as the picture shows it: a list, or a line of text."""
    if shown.many:
        return items(shown)
    return f'<p class="text">{esc(shown.items[0])}</p>'


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
    body = "".join(item(t) for t in shown.items)
    label = esc(title or shown.title)
    head = f'<span class="runin">{label}:</span> ' if runin else f'<span class="label">{label}</span>'
    return f'<div>{head}<ul class="inline">{body}</ul></div>'


def chips(texts: Iterable[str]) -> str:
    body = "".join(f'<span class="badge">{esc(t)}</span>' for t in texts)
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
