"""The rule registry: what a rule is, what it finds, and how findings are made and ordered."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from wizard.model.bank import Scope
from wizard.model.bulk import gc_paused
from wizard.model.canvas import Canvas, Job, Segment, Value
from wizard.model.catalog import Catalog
from wizard.model.structure import STRUCTURE_TITLES
from wizard.model.tree import Location, Place, find, path_str, walk

INFO = "info"
WARNING = "warning"
SEVERITIES = (WARNING, INFO)
"""Most serious first."""


@dataclass(frozen=True)
class Hit:
    """What a rule reports: where, and what to say. The registry adds the rule and severity."""

    location: Location
    question: str | None
    """The question's full id (`profile.pains`), or a structure step key (`structure.jobs`,
    whose location is the parent: the segment whose jobs are listed)."""
    message: str
    suggestion: str
    reads: tuple[tuple[Location, str], ...] = ()
    """The other answers the finding is drawn from, as (location, question) pairs: the wizard
    shows it beside its question only once each of them is in (answered, marked not
    applicable, or passed by). The question it is aimed at is where the fix is made, so it
    need not be in: "pains only before the job" shows at the last stage's pains."""


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    location: Location
    question: str | None
    where: str
    """Human label: `Users › University students · Age range`."""
    message: str
    suggestion: str
    reads: tuple[tuple[Location, str], ...] = ()

    @property
    def path(self) -> str:
        return path_str(self.location)

    def as_json(self) -> dict[str, str | None]:
        return {"rule": self.rule, "severity": self.severity, "path": self.path,
                "question": self.question, "where": self.where, "message": self.message,
                "suggestion": self.suggestion}


RuleFunction = Callable[[Canvas], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    check: RuleFunction


RULES: list[Rule] = []


def rule(rule_id: str, title: str, severity: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a function as a rule, as a linter does: `@rule("id", "what it flags", WARNING)`."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def register(function: RuleFunction) -> RuleFunction:
        if any(r.id == rule_id for r in RULES):
            raise ValueError(f"two rules share the id {rule_id!r}")
        RULES.append(Rule(rule_id, title, severity, function))
        return function

    return register


def where_label(canvas: Canvas, location: Location, question: str | None, catalog: Catalog | None,
                place: Place | None = None) -> str:
    place = place or find(canvas, location)
    label = place.label if place is not None else path_str(location)
    if question is None:
        return label
    title = STRUCTURE_TITLES.get(question)
    entry = catalog.get(question) if catalog is not None else None
    if entry is not None:
        title = entry.question.title
    return f"{label} · {title or question}"


_walked = threading.local()
"""The canvas being checked and its places, walked once for all the rules of a `run`."""


@gc_paused
def run(canvas: Canvas, catalog: Catalog | None = None, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Every finding of every rule: warnings first, then in the order the wizard asks."""
    walked = list(walk(canvas))
    order = {place.location: n for n, place in enumerate(walked)}
    where: dict[Location, Place] = {}
    for place in walked:
        where.setdefault(place.location, place)  # as `find` would: the first with that path
    found: list[Finding] = []
    by_scope: dict[Scope, list[Place]] = {}
    for place in walked:
        by_scope.setdefault(place.scope, []).append(place)
    outer = [getattr(_walked, name, None) for name in ("canvas", "places", "by_scope", "catalog", "memo")]
    _walked.canvas, _walked.places, _walked.by_scope, _walked.catalog = canvas, walked, by_scope, catalog
    _walked.memo = {}
    try:
        for r in RULES if rules is None else rules:
            try:
                found += [Finding(r.id, r.severity, hit.location, hit.question,
                                  where_label(canvas, hit.location, hit.question, catalog, where.get(hit.location)),
                                  hit.message, hit.suggestion, hit.reads) for hit in r.check(canvas)]
            except Exception as exc:  # one rule's bug must not take the others (or a front end) down
                found.append(could_not_run(r, exc, where_label(canvas, (), None, catalog)))
    finally:
        _walked.canvas, _walked.places, _walked.by_scope, _walked.catalog, _walked.memo = outer
    return sorted(found, key=lambda f: (SEVERITIES.index(f.severity), order.get(f.location, len(order))))


def could_not_run(r: Rule, exc: Exception, where: str) -> Finding:
    """Said in place of a rule's findings when the rule failed on this canvas."""
    return Finding(r.id, INFO, (), None, where,
                   f"The check “{r.title}” could not run on this canvas ({type(exc).__name__}: {exc}); "
                   "every other check did.",
                   "This is a fault in the wizard, not in your canvas: please report it, with the file if you can.")


def for_step(findings: Iterable[Finding], location: Location, question: str) -> list[Finding]:
    """The findings about one question at one place: what the wizard shows beside it."""
    return [f for f in findings if f.location == location and f.question == question]


T = TypeVar("T")


def once(canvas: Canvas, key: str, compute: Callable[[], T]) -> T:
    """`compute()`, worked out once per `run` for all the rules that ask (e.g. the names of
    our product, which four job rules read); computed afresh outside a run."""
    if getattr(_walked, "canvas", None) is not canvas:
        return compute()
    memo: dict[str, Any] = _walked.memo
    if key not in memo:
        memo[key] = compute()
    found: T = memo[key]
    return found


def current_catalog() -> Catalog | None:
    """The catalog `run` was given (None outside a run, or when it was given none)."""
    catalog: Catalog | None = getattr(_walked, "catalog", None)
    return catalog


def recommended(question: str, default: int) -> int:
    """How many items the bank recommends for a list question (during `run`, from the
    catalog it was given; `default` without one)."""
    catalog: Catalog | None = getattr(_walked, "catalog", None)
    entry = catalog.get(question) if catalog is not None else None
    return entry.question.recommended_items if entry is not None and entry.question.recommended_items else default


# -- walking helpers the rules share ----------------------------------------------------
def walked(canvas: Canvas) -> list[Place]:
    """Every place of the canvas in walk order; during `run`, walked once for all the rules."""
    if getattr(_walked, "canvas", None) is canvas:
        places: list[Place] = _walked.places
        return places
    return list(walk(canvas))


def places(canvas: Canvas, scope: Scope) -> Iterator[Place]:
    if getattr(_walked, "canvas", None) is canvas:
        by_scope: dict[Scope, list[Place]] = _walked.by_scope
        return iter(by_scope.get(scope, []))
    return (p for p in walked(canvas) if p.scope is scope)


def segments(canvas: Canvas) -> Iterator[tuple[Place, Segment]]:
    for place in places(canvas, Scope.SEGMENT):
        assert isinstance(place.node, Segment)
        yield place, place.node


def jobs(canvas: Canvas) -> Iterator[tuple[Place, Job]]:
    for place in places(canvas, Scope.JOB):
        assert isinstance(place.node, Job)
        yield place, place.node


def text(value: Value | None) -> str:
    """A text answer, or "" for a missing answer or one of another shape."""
    return value if isinstance(value, str) else ""


def items(value: Value | None) -> list[str]:
    """A list answer's items, or [] for a missing answer or one of another shape."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
