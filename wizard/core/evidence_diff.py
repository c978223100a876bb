"""What changed in the evidence between two drafts: interviews added, removed or edited, and items whose state moved.

Interviews are matched by segment and id (an id stays the same when the interview is
edited); items by segment, where they are asked and the entry (`Item.key`), so an item
reworded in the wizard, whose links follow it, shows as the answer change `diff` already
lists, not as evidence lost. An item that is new in the newer draft is listed only when it
arrives with evidence: a new guess is no news.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.evidence import EvidenceReport, Item
from wizard.core.evidence_text import shown_text, state_label
from wizard.model.catalog import Catalog
from wizard.model.evidence import Interview
from wizard.model.tree import Location, path_str

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class InterviewChange:
    change: str
    segment: Location
    where: str
    interview: Interview

    def as_json(self) -> dict[str, str]:
        return {"change": self.change, "path": path_str(self.segment), "where": self.where,
                "id": self.interview.id, "date": self.interview.date.isoformat()}


@dataclass(frozen=True)
class StateChange:
    segment: Location
    where: str
    title: str
    text: str
    question: str
    before: str | None
    """The state in the older draft; None for an item that was not there."""
    after: str
    before_label: str
    after_label: str

    def as_json(self) -> dict[str, str | None]:
        return {"path": path_str(self.segment), "where": self.where, "question": self.question,
                "title": self.title, "item": self.text, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class EvidenceDiff:
    before: int
    after: int
    interviews: list[InterviewChange]
    items: list[StateChange]

    @property
    def empty(self) -> bool:
        return not self.interviews and not self.items

    def as_json(self) -> dict[str, object]:
        return {"score": {"before": self.before, "after": self.after},
                "interviews": [c.as_json() for c in self.interviews],
                "items": [c.as_json() for c in self.items]}


def _interviews(report: EvidenceReport) -> dict[tuple[Location, str], tuple[str, Interview]]:
    return {(seg.location, i.id): (seg.name, i) for seg in report.segments for i in seg.interviews}


def compare(old: EvidenceReport, new: EvidenceReport, catalog: Catalog) -> EvidenceDiff:
    before, after = _interviews(old), _interviews(new)
    changes = [InterviewChange(ADDED, key[0], name, i) for key, (name, i) in after.items() if key not in before]
    changes += [InterviewChange(REMOVED, key[0], name, i) for key, (name, i) in before.items() if key not in after]
    changes += [InterviewChange(CHANGED, key[0], name, i) for key, (name, i) in after.items()
                if key in before and before[key][1] != i]
    old_items: dict[tuple[Location, tuple[str, str, str]], Item] = {(i.segment, i.key()): i for i in old.items}
    moved = []
    for item in new.items:
        was = old_items.get((item.segment, item.key()))
        if (was is None and item.state == "guess") or (was is not None and was.state == item.state
                                                       and was.interviews == item.interviews):
            continue
        moved.append(StateChange(item.segment, item.where, item.title, shown_text(item, catalog), item.question,
                                 was.state if was else None, item.state,
                                 state_label(was) if was else "not in the canvas", state_label(item)))
    return EvidenceDiff(old.overall, new.overall, changes, moved)
