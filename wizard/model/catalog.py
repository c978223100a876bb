"""A set of banks, ordered as the wizard asks them, with cross-bank checks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from wizard.model.bank import Bank, Kind, Question, Scope


class CatalogError(ValueError):
    """Banks that are each valid but do not fit together."""

    def __init__(self, bank_id: str, question_id: str, problem: str) -> None:
        self.bank_id = bank_id
        self.question_id = question_id
        self.problem = problem
        super().__init__(f"bank '{bank_id}', question '{question_id}': {problem}")


@dataclass(frozen=True)
class Entry:
    """A question together with the bank it belongs to."""

    bank: Bank
    question: Question

    @property
    def full_id(self) -> str:
        return f"{self.bank.id}.{self.question.id}"


@dataclass
class Catalog:
    """Banks in asking order; questions reachable by full id (`bank.question`)."""

    banks: list[Bank]
    _by_id: dict[str, Entry] = field(init=False, repr=False)
    _conditions: dict[str, str] = field(init=False, repr=False)
    _scopes: dict[Scope, list[Entry]] = field(init=False, repr=False)
    _deciders: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.banks = sorted(self.banks, key=lambda b: (b.order, b.id))
        self._by_id = {}
        for bank in self.banks:
            for q in bank.questions:
                self._by_id[f"{bank.id}.{q.id}"] = Entry(bank, q)
        # Scoring and the wizard's steps ask this for every node: compute it once.
        self._scopes = {scope: [e for e in self if e.question.scope is scope] for scope in Scope}
        self._conditions = {}
        for entry in self._by_id.values():
            if entry.question.when is not None:
                self._conditions[entry.full_id] = self._check_condition(entry)
        self._deciders = frozenset(self._conditions.values())

    def _check_condition(self, entry: Entry) -> str:
        when = entry.question.when
        assert when is not None
        target_id = when.question if "." in when.question else f"{entry.bank.id}.{when.question}"
        target = self._by_id.get(target_id)

        def fail(problem: str) -> CatalogError:
            return CatalogError(entry.bank.id, entry.question.id, problem)

        if target is None:
            raise fail(f"its condition refers to unknown question '{target_id}'")
        tq = target.question
        if tq.kind is not Kind.SINGLE_CHOICE:
            raise fail(f"its condition must refer to a single-choice question, not {tq.kind.value}")
        if not tq.required:
            raise fail(f"its condition refers to '{target_id}', which must be required")
        if tq.scope.depth > entry.question.scope.depth:
            raise fail(f"its condition refers to '{target_id}', asked at a narrower scope")
        known = {c.value for c in tq.choices}
        unknown = [v for v in when.values() if v not in known]
        if unknown:
            raise fail(f"its condition uses value(s) {unknown} that '{target_id}' does not offer")
        return target_id

    def __iter__(self) -> Iterator[Entry]:
        for bank in self.banks:
            for q in bank.questions:
                yield Entry(bank, q)

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, full_id: str) -> Entry | None:
        return self._by_id.get(full_id)

    def bank(self, bank_id: str) -> Bank | None:
        return next((b for b in self.banks if b.id == bank_id), None)

    def condition_target(self, full_id: str) -> str | None:
        """The full id of the question that decides whether `full_id` applies."""
        return self._conditions.get(full_id)

    def decides(self, full_id: str) -> bool:
        """Whether another question's condition depends on the answer to `full_id`."""
        return full_id in self._deciders

    def at_scope(self, scope: Scope) -> list[Entry]:
        return list(self._scopes[scope])

    def versions(self) -> dict[str, str]:
        return {b.id: b.version for b in self.banks}

    @classmethod
    def merged(cls, base: Iterable[Bank], overrides: Iterable[Bank]) -> Catalog:
        """Base banks with a coach's banks added, replacing any with the same id."""
        by_id = {b.id: b for b in base}
        for bank in overrides:
            by_id[bank.id] = bank
        return cls(list(by_id.values()))
