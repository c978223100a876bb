"""The canvas: customer types, their segments and jobs, and every answer given.

Answers are stored under the node the question is asked at (canvas, customer type,
segment, job, or a stage of a job), grouped by bank: `answers.<bank>.<question>`.
Empty answers are dropped on construction, so a canvas only ever holds what the user set
and `load(save(c)) == c`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, field_validator, model_validator

from wizard.model.attribute_docs import Described
from wizard.model.coach import CoachNotes
from wizard.model.evidence import Interview, Mark

SCHEMA_VERSION = 2



def _not_a_truth_value(value: Any) -> Any:
    # pydantic reads `true` as 1: `age = [true, 30]` would load as 1 to 30 and be saved so.
    if isinstance(value, bool):
        raise ValueError("should be a whole number, not true or false")
    return value


# A range answer (an age range) is two whole numbers; anything else is text or a list.
Range = tuple[Annotated[int, BeforeValidator(_not_a_truth_value)], Annotated[int, BeforeValidator(_not_a_truth_value)]]
Value = str | list[str] | Range
Answers = dict[str, dict[str, Value]]
"""bank id -> question id -> value."""
NotApplicable = dict[str, dict[str, str]]
"""bank id -> question id -> reason ("" when none given)."""

_NONE: dict[str, Any] = {}
"""What `get` looks in for a bank with no answers here: never written to."""

NodeId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


def now() -> datetime:
    # Whole seconds: the file is for people to read, and TOML keeps what we write.
    return datetime.now(UTC).replace(microsecond=0)


def is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not any(not is_empty(v) for v in value)
    return False


def _clean_answers(answers: Answers) -> Answers:
    cleaned: Answers = {}
    for bank_id, values in answers.items():
        kept: dict[str, Value] = {}
        for qid, value in values.items():
            # `is_empty` spelled out for the shapes validation leaves: every answer of every
            # file passes through here as it loads.
            if isinstance(value, str):
                if value.strip():
                    kept[qid] = value
            elif isinstance(value, list):
                items = [v for v in value if (v.strip() if isinstance(v, str) else not is_empty(v))]
                if items:
                    kept[qid] = items
            elif not is_empty(value):
                kept[qid] = value
        if kept:
            cleaned[bank_id] = kept
    return cleaned


def slugify(name: str) -> str:
    """A file-friendly id for a node, derived from its name."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    return slug or "item"


def unique_id(name: str, taken: set[str]) -> str:
    base = slugify(name)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class Node(Described):
    """Anything that holds answers: the canvas itself and every structural item."""

    model_config = ConfigDict(extra="forbid")

    answers: Answers = {}
    """Answers to the questions asked at this node."""
    not_applicable: NotApplicable = {}
    """Questions marked not applicable here, each with an optional reason."""

    @field_validator("answers")
    @classmethod
    def _drop_empty(cls, answers: Answers) -> Answers:
        return _clean_answers(answers)

    @field_validator("not_applicable")
    @classmethod
    def _drop_empty_na(cls, na: NotApplicable) -> NotApplicable:
        return {bank: reasons for bank, reasons in na.items() if reasons}

    def get(self, full_id: str) -> Value | None:
        # Asked some 85,000 times by one run of the checks at 1000 segments: partition and a
        # shared empty table take half the time of a split and a new {} each time.
        bank_id, _, qid = full_id.partition(".")
        return self.answers.get(bank_id, _NONE).get(qid)

    def set(self, full_id: str, value: Value | None) -> None:
        """Store an answer (an empty one removes it) and clear any not-applicable mark."""
        bank_id, qid = full_id.split(".", 1)
        self.unmark_na(full_id)
        if isinstance(value, list):
            value = [v for v in value if not is_empty(v)]
        if value is None or is_empty(value):
            self.answers.get(bank_id, {}).pop(qid, None)
            if not self.answers.get(bank_id, True):
                del self.answers[bank_id]
            return
        self.answers.setdefault(bank_id, {})[qid] = value

    def na_reason(self, full_id: str) -> str | None:
        bank_id, _, qid = full_id.partition(".")
        return self.not_applicable.get(bank_id, _NONE).get(qid)

    def mark_na(self, full_id: str, reason: str = "") -> None:
        """Mark a question not applicable here; its answer, if any, is kept."""
        bank_id, qid = full_id.split(".", 1)
        self.not_applicable.setdefault(bank_id, {})[qid] = reason

    def unmark_na(self, full_id: str) -> None:
        bank_id, qid = full_id.split(".", 1)
        self.not_applicable.get(bank_id, {}).pop(qid, None)
        if not self.not_applicable.get(bank_id, True):
            del self.not_applicable[bank_id]



class Stage(Node):
    """Before, during or after a job: where pains and gains are examined."""


class Job(Node):
    """A job the segment is trying to get done, in the customer's own words."""

    id: NodeId
    """A lower-case slug made from the statement, unique among the segment's jobs; kept when it changes."""
    statement: str = Field(min_length=1)
    """The job statement, e.g. "Meet people and make new friends"."""
    # Defaults made without validating: validating builds the model classes, which waits
    # for the first canvas read (see attribute_docs.py); the value is the same.
    before: Stage = Stage.model_construct()
    """Before the job: the pains and gains of getting ready for it."""
    during: Stage = Stage.model_construct()
    """While doing the job: its pains and gains."""
    after: Stage = Stage.model_construct()
    """After the job: the pains and gains of what follows it."""

    @property
    def name(self) -> str:
        return self.statement

    def stage(self, name: str) -> Stage:
        stage: Stage = getattr(self, name)
        return stage


def _unique_children(items: list[Any], what: str) -> list[Any]:
    ids = [item.id for item in items]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"two {what} share the id {dupes[0]!r}")
    return items


class Segment(Node):
    """A sub-group inside a customer type, e.g. "stay-home parents" inside Users."""

    id: NodeId
    """A lower-case slug made from the name, unique among the type's segments; kept when it is renamed."""
    name: str = Field(min_length=1)
    """The segment's name, e.g. "University students"."""
    jobs: list[Job] = []
    """The jobs this segment is trying to get done, each with its pains and gains."""
    interviews: list[Interview] = []
    """Interviews held with people of this segment, each with the items it supports or contradicts."""
    marks: list[Mark] = []
    """Items seen happen or paid for: evidence stronger than words."""

    @field_validator("jobs")
    @classmethod
    def _unique(cls, jobs: list[Job]) -> list[Job]:
        return _unique_children(jobs, "jobs")

    @field_validator("interviews")
    @classmethod
    def _unique_interviews(cls, interviews: list[Interview]) -> list[Interview]:
        return _unique_children(interviews, "interviews")


class CustomerType(Node):
    """A role the business model needs to move: users, buyers, funders, advertisers ..."""

    id: NodeId
    """A lower-case slug made from the name, unique among the customer types; kept when it is renamed."""
    name: str = Field(min_length=1)
    """The customer type's name, e.g. "Users" or "Advertisers"."""
    segments: list[Segment] = []
    """The sub-groups of this customer type."""

    @field_validator("segments")
    @classmethod
    def _unique(cls, segments: list[Segment]) -> list[Segment]:
        return _unique_children(segments, "segments")


class Canvas(Node):
    """A whole customer canvas, as saved in one TOML file."""

    schema_version: int = SCHEMA_VERSION
    """Format version of the file; newer files are refused, older ones migrated."""
    title: str = ""
    """What the canvas is about, e.g. "Campus social network"."""
    created: datetime = Field(default_factory=now)
    """When the canvas was started."""
    updated: datetime = Field(default_factory=now)
    """When it was last saved."""
    banks: dict[str, str] = {}
    """Bank id -> version of the bank the answers were given against."""
    customer_types: list[CustomerType] = []
    """The roles the business model needs (users, buyers, advertisers ...), each with its segments."""
    coach: CoachNotes = CoachNotes.model_construct()
    """A coach's notes and time per section, apart from the founder's answers."""

    @field_validator("customer_types")
    @classmethod
    def _unique(cls, types: list[CustomerType]) -> list[CustomerType]:
        return _unique_children(types, "customer types")

    @model_validator(mode="after")
    def _known_version(self) -> Canvas:
        if self.schema_version != SCHEMA_VERSION:
            raise ValueError(f"schema_version {self.schema_version} is not {SCHEMA_VERSION}")
        return self

    def touch(self) -> None:
        self.updated = now()
