"""Evidence in words and as plain data: each item's state as the outputs say it, and `score --json`'s key.

The command line and every export say an item's state the same way ("a guess",
"supported by 2 interviews", "contradicted", "observed", "paid"), from here. Who said
what (an interview's `who` and `name`) is not in this plain data: `score --json` names an
interview by its id and date, and the exports decide for themselves whether to show people
(see `wizard/export/view.py`, `--with-names`).
"""

from __future__ import annotations

from typing import Any

from wizard.core.evidence import EvidenceReport, Item
from wizard.model.bank import Kind
from wizard.model.catalog import Catalog
from wizard.model.evidence import Interview, Link
from wizard.model.tree import path_str

STATE_WORDS = {"guess": "a guess", "supported": "supported", "contradicted": "contradicted",
               "observed": "observed", "paid": "paid"}


def state_label(item: Item) -> str:
    """The state as a reader takes it in at a glance: "supported by 2 interviews"."""
    state = item.state
    if state == "supported":
        n = item.interviews
        return f"supported by {n} interview{'s' * (n != 1)}"
    if state == "contradicted":
        n = len({i.id for i, _ in item.contradicts})
        return f"contradicted by {n} interview{'s' * (n != 1)}"
    return STATE_WORDS[state]


def quote_of(interview: Interview, link: Link) -> str:
    """What the interview said about the item: the link's quote, else "" (never another quote
    of the interview, which may be about something else)."""
    return link.quote.strip()


def _said(pairs: list[tuple[Interview, Link]]) -> list[dict[str, Any]]:
    return [{"interview": interview.id, "date": interview.date.isoformat(), "quote": quote_of(interview, link)}
            for interview, link in pairs]


def shown_text(item: Item, catalog: Catalog) -> str:
    """The item as a reader knows it: a choice by its label, not the value the file stores."""
    entry = catalog.get(item.question) if item.question else None
    if entry is not None and entry.question.kind.has_choices:
        return entry.question.choice_label(item.text)
    if entry is not None and entry.question.kind is Kind.RANGE:
        return item.text.replace("-", "–", 1)  # as the exports write a range: 18–24 years
    return item.text


def item_json(item: Item, catalog: Catalog) -> dict[str, Any]:
    """One item of `score --json`: where it is, the question, the item's text, its state."""
    return {
        "path": path_str(item.segment), "where": item.where, "at": item.at, "question": item.question,
        "title": item.title, "item": shown_text(item, catalog), "weight": item.weight, "state": item.state,
        "supports": item.interviews, "contradicts": len({i.id for i, _ in item.contradicts}),
    }


def evidence_json(report: EvidenceReport, catalog: Catalog) -> dict[str, Any]:
    """`score --json`'s "evidence": the score overall and per segment, the untested items
    heaviest first, and the contradicted ones with what contradicted them."""
    return {
        "overall": report.overall,
        "interviews": report.interviews,
        "segments": [
            {"path": path_str(seg.location), "name": seg.name, "score": seg.score,
             "interviews": len(seg.interviews), "items": len(seg.items)}
            for seg in report.segments
        ],
        "untested": [item_json(item, catalog) for item in report.untested()],
        "contradicted": [
            {**item_json(item, catalog), "quotes": _said(item.contradicts), "supported_by": _said(item.supports)}
            for item in report.contradicted()
        ],
    }
