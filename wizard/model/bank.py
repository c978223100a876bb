"""Question banks: the declarative description of every question the wizard asks."""

from __future__ import annotations

from enum import StrEnum

from pydantic import ConfigDict, Field, field_validator, model_validator

from wizard.model.attribute_docs import Described

ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class Scope(StrEnum):
    """Where in the canvas a question is asked, from broadest to narrowest."""

    CANVAS = "canvas"
    CUSTOMER_TYPE = "customer_type"
    SEGMENT = "segment"
    JOB = "job"
    STAGE = "stage"

    @property
    def depth(self) -> int:
        """0 for the canvas, 4 for a stage of a job: a location's path length."""
        return list(Scope).index(self)


class Kind(StrEnum):
    """What shape of answer a question takes; each kind maps to one input widget."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    RANKING = "ranking"
    LIST = "list"
    RANGE = "range"

    @property
    def has_choices(self) -> bool:
        return self in (Kind.SINGLE_CHOICE, Kind.MULTI_CHOICE, Kind.RANKING)

    @property
    def is_list(self) -> bool:
        """Kinds whose answer is a list of strings, credited per item."""
        return self in (Kind.MULTI_CHOICE, Kind.RANKING, Kind.LIST)


STAGES: tuple[str, ...] = ("before", "during", "after")


class _Strict(Described):
    # Built on first use (see attribute_docs.py): the wizard often needs none, the banks
    # come from a cache (wizard/files/bank_cache.py).
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    """One option of a choice question."""

    value: str = Field(pattern=ID_PATTERN)
    """What is saved in the canvas file; stable across versions of the bank."""
    label: str = Field(min_length=1)
    """What the user sees."""
    help: str = ""
    """One line that explains the option."""


class When(_Strict):
    """A condition on an earlier single-choice answer (copier's `when`, made declarative).

    The referenced question must be a required single-choice question at the same scope
    or a broader one. While it is unanswered the dependent question still counts but can
    earn no credit, which keeps the score monotonic (see docs/canvas-format.md).
    """

    question: str = Field(min_length=1)
    """Full id (`bank.question`) or an id in the same bank."""
    equals: str | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    not_in: list[str] | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> When:
        given = [op for op in (self.equals, self.in_, self.not_in) if op is not None]
        if len(given) != 1:
            raise ValueError("a condition needs exactly one of 'equals', 'in' or 'not_in'")
        return self

    def values(self) -> list[str]:
        if self.equals is not None:
            return [self.equals]
        return list(self.in_ or self.not_in or [])

    def holds(self, answer: str) -> bool:
        if self.not_in is not None:
            return answer not in self.not_in
        return answer in self.values()


class Question(_Strict):
    """One question of a bank."""

    id: str = Field(pattern=ID_PATTERN)
    """Stable id, unique in its bank; the canvas file stores answers under it."""
    prompt: str = Field(min_length=1)
    """The question itself, as the user reads it."""
    short: str = ""
    """A few words naming the question in trees, tables and exports (defaults to prompt)."""
    help: str = Field(min_length=1)
    """Why this question matters."""
    examples: list[str] = []
    """Example answers, from the source articles' worked examples."""
    tip: str = ""
    """A coaching tip: how to answer well."""
    probes: list[str] = []
    """Follow-up questions a coach can ask ("why?", "how do you know?")."""
    kind: Kind
    choices: list[Choice] = []
    scope: Scope
    weight: float = Field(default=1.0, gt=0, le=100)
    """Relative importance in the completeness score."""
    required: bool = False
    """Required questions always apply where their condition holds: they cannot be
    marked not applicable, and the review screen names them first."""
    min_items: int = Field(default=0, ge=0)
    """Lists: fewer items than this is flagged on the review screen."""
    recommended_items: int = Field(default=1, ge=1)
    """Lists: items earn credit up to this many."""
    range_min: int = 0
    range_max: int = 120
    unit: str = ""
    """Ranges: what the numbers count, e.g. "years"."""
    placeholder: str = ""
    when: When | None = None
    after_children: bool = False
    """Asked once everything inside the node is done: a type's value proposition after its
    segments and jobs, say, when the founder knows them."""
    testable: bool = True
    """Answers asked per segment, job or stage are beliefs about customers that an interview can
    support or contradict (evidence); false for a question that only files the canvas itself,
    such as how a segment is named for research."""

    @property
    def title(self) -> str:
        return self.short or self.prompt

    @field_validator("choices")
    @classmethod
    def _unique_choices(cls, choices: list[Choice]) -> list[Choice]:
        values = [c.value for c in choices]
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            raise ValueError(f"duplicate choice value(s): {', '.join(dupes)}")
        return choices

    @model_validator(mode="after")
    def _kind_fits(self) -> Question:
        if self.kind.has_choices and len(self.choices) < 2:
            raise ValueError(f"a {self.kind.value} question needs at least two choices")
        if not self.kind.has_choices and self.choices:
            raise ValueError(f"a {self.kind.value} question cannot have choices")
        if self.kind is Kind.RANGE and self.range_min >= self.range_max:
            raise ValueError("range_min must be below range_max")
        if self.min_items > self.recommended_items:
            raise ValueError("min_items cannot exceed recommended_items")
        return self

    def choice_label(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value


class Source(_Strict):
    """The article a bank is built from."""

    title: str = Field(min_length=1)
    seed: str = ""
    """File name of the article under shared/seeds/."""
    author: str = ""


class Bank(_Strict):
    """One TOML file of questions: one section of the wizard and of the score."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    version: str = Field(min_length=1)
    order: int = 100
    """Sections are asked in ascending order."""
    intro: str = ""
    """Shown when the section starts: what this part of the canvas is for."""
    minutes: int = Field(default=10, ge=0, le=600)
    """Suggested time for this section in a coached session (the coach's agenda)."""
    sources: list[Source] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)

    @field_validator("questions")
    @classmethod
    def _unique_ids(cls, questions: list[Question]) -> list[Question]:
        ids = [q.id for q in questions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate question id(s): {', '.join(dupes)}")
        return questions

