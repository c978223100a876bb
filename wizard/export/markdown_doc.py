"""Markdown pieces the documents share (labelled answers, notes, findings) and the final mdformat pass."""

from __future__ import annotations

from collections.abc import Iterable

import mdformat

from wizard.checks import Finding
from wizard.export.escape import md_block, md_line
from wizard.export.evidence_view import ItemEvidence
from wizard.export.view import Note, Shown, State

# Lines are wrapped for people reading the file as text; `mdformat --check` accepts the result as it is.
WRAP = 80


def finish(lines: Iterable[str]) -> str:
    """The document in mdformat's canonical form, so `mdformat --check` passes on every export.

    mdformat (CommonMark, no plugins) drops escapes that are not needed and renumbers lists;
    it verifies that the rendered HTML is unchanged, so what user text says stays literal.
    """
    text = "\n".join(lines).rstrip("\n") + "\n"
    try:
        return mdformat.text(text, options={"wrap": WRAP})
    except Exception:  # a formatter bug must not cost the founder the export
        return text


def evidence_note(evidence: ItemEvidence | None) -> str:
    """An item's state after it: " · *supported by 2 interviews*"; "" for an item nothing can test."""
    if evidence is None:
        return ""
    note = f" · *{evidence.label}*"
    if evidence.marks:
        note += f" ({md_line('; '.join(evidence.marks))})"
    elif evidence.state in ("contradicted", "supported"):
        quoted = [s for s in (evidence.against if evidence.state == "contradicted" else evidence.backing) if s.quote]
        if quoted:
            note += f": “{md_line(quoted[0].quote)}” ({md_line(quoted[0].source)})"
    return note


def answer_block(shown: Shown) -> list[str]:
    """One answered question: `**Title:** text`, or the title and a list (numbered when ranked),
    each item followed by its evidence when the canvas records any."""
    label = f"**{md_line(shown.title)}:**"
    if shown.state is State.NOT_APPLICABLE:
        reason = f" ({md_line(shown.reason)})" if shown.reason.strip() else ""
        return [f"{label} not applicable{reason}", ""]
    if shown.many:
        marker = "1." if shown.ranked else "-"
        return [label, "", *(f"{marker} {md_line(item)}{evidence_note(ev)}" for item, ev in shown.marks()), ""]
    (_, ev), = shown.marks()
    return [f"{label} {md_block(shown.items[0])}{evidence_note(ev)}", ""]


def answers(shown: Iterable[Shown]) -> list[str]:
    """Every answered (or deliberately not applicable) question; open ones are for the Still open list."""
    lines: list[str] = []
    for item in shown:
        if item.state is not State.MISSING:
            lines += answer_block(item)
    return lines


def note_lines(notes: Iterable[Note]) -> list[str]:
    lines = []
    for note in notes:
        about = f" · {md_line(note.question)}" if note.question else ""
        lines.append(f"- **{md_line(note.where)}**{about}: {md_block(note.text)}")
    return lines


def finding_lines(findings: Iterable[Finding]) -> list[str]:
    return [f"- **{md_line(f.severity.capitalize())}** · {md_line(f.where)}: {md_line(f.message)} "
            f"{md_line(f.suggestion)}" for f in findings]


def coach_lines(heading: str, notes: list[Note], findings: list[Finding]) -> list[str]:
    """The coach's notes, then what the checks flag (advice: word heuristics can be wrong).
    Empty in a founder's copy, whose view holds neither."""
    if not notes and not findings:
        return []
    lines = [heading, ""]
    if notes:
        lines += ["The coach's notes:", "", *note_lines(notes), ""]
    if findings:
        lines += ["What the quality checks flag:", "", *finding_lines(findings), ""]
    return lines
