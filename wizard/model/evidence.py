"""Evidence on a segment: the interviews held with its people, and what they showed.

List answers stay plain arrays of strings (what other tools read); what supports or
contradicts an item lives here, in tables of the segment's own. A link names its item
by where it is asked and its text, so reordering keeps it; the wizard rewrites links when
it renames or rewords an item, and `check` warns about a link a hand edit has broken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from pydantic import ConfigDict, Field, field_validator

from wizard.model.attribute_docs import Described

Verdict = Literal["supports", "contradicts"]
MarkKind = Literal["observed", "paid"]

_PLACE = r"^([a-z0-9][a-z0-9-]*(/(before|during|after))?)?$"


class Target(Described):
    """An item of the segment's canvas: an answer, one entry of a list answer, or a job."""

    model_config = ConfigDict(extra="forbid")

    at: str = Field(default="", pattern=_PLACE, max_length=80)
    """Where, inside the segment: `` (the segment), a job's id, or `job-id/before` (during, after)."""
    question: str = Field(default="", pattern=r"^([a-z0-9_-]+\.[a-z0-9_-]+)?$", max_length=130)
    """The question, `bank.question` (e.g. `profile.pains`); `` for the job itself."""
    item: str = ""
    """The entry of a list answer, word for word; `` for the whole answer."""


class Link(Target):
    """What one interview said about one item."""

    verdict: Verdict = "supports"
    """`supports` or `contradicts`."""
    quote: str = ""
    """Their words on it, if any."""


class Mark(Target):
    """Stronger than words: the founder saw it happen, or someone paid."""

    kind: MarkKind = "observed"
    """`observed` (seen them do it) or `paid` (money changed hands)."""
    date: dt.date | None = None
    """When."""
    note: str = ""
    """What was seen or paid."""


class Interview(Described):
    """One conversation with someone in the segment."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)
    """Unique among the segment's interviews, e.g. `2026-11-03-parent`; links refer to it."""
    date: dt.date
    """The day of the interview."""
    who: str = ""
    """A role or initials, e.g. "2nd-year student" or "J.M."."""
    name: str = ""
    """Their name, if the founder keeps it; left out of founder exports unless asked (`--with-names`)."""
    how: str = ""
    """How it was held: call, visit, chat, video, email ..."""
    notes: str = ""
    """What the founder noted."""
    quotes: list[str] = []
    """What they said, in their own words."""
    links: list[Link] = []
    """The items this interview supports or contradicts."""

    @field_validator("quotes")
    @classmethod
    def _drop_blank(cls, quotes: list[str]) -> list[str]:
        return [q for q in quotes if q.strip()]


def state_of(supports: int, contradicts: int, marks: Iterable[MarkKind]) -> str:
    """An item's state from its links and the founder's marks (see `wizard/core/evidence.py`):
    a mark wins over words; as many contradictions as supports, or more, is `contradicted`."""
    kinds = set(marks)
    if kinds:
        return "paid" if "paid" in kinds else "observed"
    if contradicts and contradicts >= supports:
        return "contradicted"
    return "supported" if supports else "guess"
