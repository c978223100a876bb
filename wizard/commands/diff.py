"""`canvas-wizard diff OLD NEW`: what changed between two drafts, answer by answer, and the score.

Exit codes: 0 when both files are valid canvases, whether or not they differ (the output
says "No changes." when they do not); 1 when either file cannot be used, with one line
naming the file and the problem. Differences are not failures: a coach diffs drafts to
read them, not to gate on them.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from wizard.commands.check import load_checked
from wizard.commands.output import console as make_console
from wizard.commands.output import print_json
from wizard.commands.rich_text import literal
from wizard.core import coaching_diff, evidence, evidence_diff, scoring
from wizard.core import compare as cd
from wizard.files import banks as bank_loader
from wizard.model.bank import Question
from wizard.model.safetext import file_name

INLINE = 50
"""Values up to this long are shown on one line as `before → after`."""

_MARKS = {"added": ("+ ", "green"), "removed": ("− ", "red"), "changed": ("~ ", "yellow"),
          "renamed": ("~ ", "yellow")}


def run(args: argparse.Namespace) -> int:
    catalog = bank_loader.load_catalog(args.banks)
    old, _ = load_checked(args.old, catalog)
    new, _ = load_checked(args.new, catalog)
    changes = cd.diff(old, new, catalog)
    before, after = scoring.score(old, catalog), scoring.score(new, catalog)
    sections = changed_sections(before, after)
    proof = evidence_diff.compare(evidence.evidence(old, catalog), evidence.evidence(new, catalog), catalog)
    coached = coaching_diff.compare(old, new, catalog)
    if args.json:
        print_json({**as_json(args.old, args.new, changes, before, after, sections), "evidence": proof.as_json(),
                    "coaching": coached.as_json()})
    else:
        print_diff(args.old, args.new, changes, before, after, sections, proof, coached)
    return 0


def changed_sections(before: scoring.Report, after: scoring.Report) -> list[dict[str, Any]]:
    """Sections whose score moved, in asking order."""
    out = []
    for sid, title in after.section_titles.items():
        old, new = before.sections.get(sid), after.sections[sid]
        old_score = old.score if old is not None else 0
        if old_score != new.score:
            out.append({"id": sid, "title": title, "before": old_score, "after": new.score})
    return out


def _json_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def as_json(old: Path, new: Path, changes: list[cd.Change], before: scoring.Report,
            after: scoring.Report, sections: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "old": str(old),
        "new": str(new),
        "score": {"before": before.score, "after": after.score},
        "sections": sections,
        "changes": [
            {"kind": c.kind, "path": c.path, "where": c.where, "question": c.question, "title": c.title,
             "before": _json_value(c.before), "after": _json_value(c.after)}
            for c in changes
        ],
    }


def shown(asked: Question | None, value: Any) -> str:
    """One value as a reader knows it: a choice by its label, a range as "18–24 years"."""
    if isinstance(value, tuple):
        unit = f" {asked.unit}" if asked is not None and asked.unit else ""
        return f"{value[0]}–{value[1]}{unit}"
    if isinstance(value, list):  # only for an answer that changed shape, e.g. hand-edited
        return "; ".join(shown(asked, item) for item in value)
    if asked is not None and asked.kind.has_choices:
        return asked.choice_label(str(value))
    return str(value)


def _mark(verb: str, text: str, style: str = "") -> Text:
    sign, colour = _MARKS[verb]
    line = Text(sign, style=colour)
    line.append_text(literal(text, style))
    return line


def _fits(*values: str) -> bool:
    return all(len(v) <= INLINE and "\n" not in v for v in values)


def change_lines(c: cd.Change) -> Iterator[Text]:
    """The lines of one change, the first one flush with the others indented below it."""
    kind = c.kind
    if kind in (cd.NODE_ADDED, cd.NODE_REMOVED):
        yield _mark(kind.removeprefix("node_"), f"{c.title} {kind.removeprefix('node_')}")
    elif kind in (cd.NODE_RENAMED, cd.TITLE_CHANGED):
        verb = "renamed" if kind == cd.NODE_RENAMED else "changed"
        yield from _before_after(_mark(verb, f"{c.title} {verb}"), c.before, c.after)
    elif kind.startswith("answer_"):
        yield from _answer_lines(c)
    elif kind == cd.NA_ADDED:
        yield _mark("added", f"{c.title}: marked not applicable" + (f" ({c.after})" if c.after else ""))
    elif kind == cd.NA_REMOVED:
        yield _mark("removed", f"{c.title}: no longer marked not applicable")
    elif kind == cd.NA_CHANGED:
        yield from _before_after(_mark("changed", f"{c.title}: not-applicable reason"), c.before, c.after)
    else:  # a coach note
        verb = kind.removeprefix("note_")
        yield from _before_after(_mark(verb, c.title), c.before, c.after)


def _before_after(head: Text, before: str | None, after: str | None) -> Iterator[Text]:
    if before is not None and after is not None and _fits(before, after):
        head.append_text(Text(": ")).append_text(literal(before)).append(" → ").append_text(literal(after))
        yield head
        return
    if before is None or after is None:
        only = after if before is None else before
        if only is not None and _fits(only):
            head.append_text(Text(": ")).append_text(literal(only))
            yield head
            return
    yield head
    if before is not None:
        yield Text("before: ", style="dim").append_text(literal(before))
    if after is not None:
        yield Text("after:  ", style="dim").append_text(literal(after))


def _minus(items: list[str], other: list[str]) -> list[str]:
    """Items of `items` not matched one for one in `other`, in order (repeats count)."""
    left = Counter(other)
    out = []
    for item in items:
        if left[item]:
            left[item] -= 1
        else:
            out.append(item)
    return out


def _answer_lines(c: cd.Change) -> Iterator[Text]:
    verb = c.kind.removeprefix("answer_")
    old, new = c.before, c.after
    if isinstance(old, list | None) and isinstance(new, list | None):
        yield _mark(verb, c.title)
        old_items, new_items = old or [], new or []
        added, removed = _minus(new_items, old_items), _minus(old_items, new_items)
        for item in added:
            yield _mark("added", shown(c.asked, item))
        for item in removed:
            yield _mark("removed", shown(c.asked, item))
        if not added and not removed:  # same items: a ranking put in a new order
            order = "  ".join(f"{i}. {shown(c.asked, v)}" for i, v in enumerate(new_items, 1))
            yield Text("new order: ", style="dim").append_text(literal(order))
        return
    before = shown(c.asked, old) if old is not None else None
    after = shown(c.asked, new) if new is not None else None
    yield from _before_after(_mark(verb, c.title), before, after)


def print_diff(old: Path, new: Path, changes: list[cd.Change], before: scoring.Report,
               after: scoring.Report, sections: list[dict[str, Any]],
               proof: evidence_diff.EvidenceDiff | None = None,
               coached: coaching_diff.CoachingDiff | None = None) -> None:
    console = make_console()
    head = literal(file_name(old), "bold").append(" → ").append_text(literal(file_name(new), "bold"))
    console.print(head)
    if not changes and (proof is None or proof.empty) and (coached is None or coached.empty):
        console.print("No changes.")
        return
    where = None
    for change in changes:
        if change.where != where:
            where = change.where
            console.print()
            console.print(literal(where, "bold"))
        for n, line in enumerate(change_lines(change)):
            # Padding, not leading spaces, so that long answers wrap under themselves.
            console.print(Padding(line, (0, 0, 0, 2 if n == 0 else 6), expand=False))
    if proof is not None and not proof.empty:
        print_evidence(console, proof)
    if coached is not None and not coached.empty:
        print_coaching(console, coached, after.section_titles)
    console.print()
    console.print(_score_line("Score", before.score, after.score, "bold"))
    for s in sections:
        console.print(_score_line(f"  {s['title']}", s["before"], s["after"]))
    if proof is not None and (proof.before != proof.after or not proof.empty):
        console.print(_score_line("Evidence", proof.before, proof.after, "bold"))


def print_evidence(console: Console, proof: evidence_diff.EvidenceDiff) -> None:
    """Interviews added, removed or edited, then the items whose evidence moved, under where they are."""
    console.print()
    console.print(Text("Evidence", style="bold"))
    lines: list[tuple[str, Text]] = []
    for c in proof.interviews:
        day = c.interview.date.isoformat()
        dated = "" if c.interview.id.startswith(day) else f" of {day}"
        lines.append((c.where, _mark(c.change, f"interview {c.interview.id}{dated} {c.change}")))
    for m in proof.items:
        line = _mark("changed", f"{m.title} “{m.text}”")
        line.append_text(Text(": ")).append_text(literal(m.before_label)).append(" → ")
        line.append_text(literal(m.after_label, "bold" if m.after != "guess" else ""))
        lines.append((m.where, line))
    where = None
    for place, line in lines:
        if place != where:
            where = place
            console.print(Padding(literal(place), (0, 0, 0, 2), expand=False))
        console.print(Padding(line, (0, 0, 0, 4), expand=False))


def print_coaching(console: Console, coached: coaching_diff.CoachingDiff, titles: dict[str, str]) -> None:
    """Sessions begun or closed, homework set, done or dropped; private notes only counted.
    `titles`: the sections' titles by id, as the score names them."""
    console.print()
    console.print(Text("Coaching", style="bold"))
    marks = {"begun": "added", "set": "added", "removed": "removed", "dropped": "removed"}
    for s in coached.sessions:
        said = f"session of {s.started:%-d %B %Y} {s.change}"
        if s.change == "begun" and s.minutes:
            said += f" ({s.minutes} min planned)"
        if s.change == "closed" and s.covered:
            said += ": covered " + ", ".join(titles.get(c, c) for c in s.covered)
        console.print(Padding(_mark(marks.get(s.change, "changed"), said), (0, 0, 0, 2), expand=False))
    for h in coached.homework:
        line = _mark(marks.get(h.change, "changed"), f"homework {h.change} ({h.started:%-d %B}), {h.where}: ")
        console.print(Padding(line.append_text(literal(h.text)), (0, 0, 0, 2), expand=False))
    was, now = coached.private_notes
    if was != now:
        console.print(Padding(Text(f"~ the coach's private notes: {was} → {now} (not shown here)"), (0, 0, 0, 2),
                              expand=False))


def _score_line(label: str, before: int, after: int, style: str = "") -> Text:
    delta = after - before
    line = literal(label, style).append(f": {before}% → {after}%")
    if delta:
        line.append(f" ({delta:+d})", style="green" if delta > 0 else "red")
    return line
