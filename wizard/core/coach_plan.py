"""A coach session's plan: how long it is, which sections it covers, and the time each gets.

The time is split over the chosen sections by the banks' planned minutes, weighted by how
much of each section is still open: a section half done gets half its planned share. A
section the coach chose although it is complete (or nearly) keeps a fifth of its share,
since it was chosen for a reason (a review, a second look).

Re-planning during a session keeps what was spent: each section of the new plan gets its
time so far plus its share of what is left of the session, so the plan always adds up to
the session's length (or to the time spent, once that is over it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from wizard.core import scoring
from wizard.model.catalog import Catalog

STRUCTURE_MINUTES = 10
"""Structure (customer types, segments, jobs) has no bank: its planned slot."""
FLOOR = 0.2
"""The least share of its planned time a chosen section gets, however complete it is."""


@dataclass(frozen=True)
class SectionInfo:
    """One section as the planner sees it."""

    id: str
    title: str
    planned: int
    """Minutes the bank suggests for it in a coached session."""
    open_share: float
    """How much of it is still open, 0 (complete) to 1 (nothing answered)."""

    @property
    def is_open(self) -> bool:
        return self.open_share > 1e-9


def sections(report: scoring.Report, catalog: Catalog) -> list[SectionInfo]:
    """Every section with something to answer (Structure always), in asking order."""
    infos = []
    for sid, tally in report.sections.items():
        if sid != scoring.STRUCTURE and not tally.possible:
            continue
        bank = catalog.bank(sid)
        share = 1 - tally.earned / tally.possible if tally.possible else 1.0
        infos.append(SectionInfo(sid, report.section_titles[sid], bank.minutes if bank else STRUCTURE_MINUTES,
                                 min(max(share, 0.0), 1.0)))
    return infos


def still_open(infos: Iterable[SectionInfo]) -> list[str]:
    """The sections with something left to do; every section when all are complete."""
    infos = list(infos)
    return [i.id for i in infos if i.is_open] or [i.id for i in infos]


def planned_minutes(infos: Iterable[SectionInfo], chosen: Iterable[str]) -> int:
    """What the banks suggest for `chosen`: the minutes a plan dialog offers first."""
    wanted = set(chosen)
    return sum(i.planned for i in infos if i.id in wanted)


class UnknownSections(ValueError):
    """Section ids that are not sections of this canvas's banks; says which are."""

    def __init__(self, unknown: list[str], valid: Mapping[str, str]) -> None:
        names = ", ".join(f"'{u}'" for u in unknown)
        listed = ", ".join(f"{sid} ({title})" for sid, title in valid.items())
        super().__init__(f"unknown section{'s' * (len(unknown) > 1)} {names}; the sections are: {listed}")
        self.unknown = unknown


def resolve(ids: Iterable[str], valid: Mapping[str, str]) -> list[str]:
    """`ids` as given on a command line (any case, spaces around, repeats), in asking order.

    `valid`: section id -> title, in asking order. Raises UnknownSections naming them."""
    given = [i.strip().lower() for i in ids if i.strip()]
    known = {sid.lower(): sid for sid in valid}
    unknown = [i for i in dict.fromkeys(given) if i not in known]
    if unknown:
        raise UnknownSections(unknown, valid)
    wanted = {known[i] for i in given}
    return [sid for sid in valid if sid in wanted]


def section_titles(catalog: Catalog) -> dict[str, str]:
    """Every section id a plan may name, with its title, in asking order."""
    return {scoring.STRUCTURE: "Structure"} | {b.id: b.title for b in catalog.banks}


def split(seconds: int, weights: Mapping[str, float]) -> dict[str, int]:
    """`seconds` shared out in proportion to `weights`, in whole minutes when `seconds` is
    whole minutes (else whole seconds), adding up to exactly `seconds` (largest remainders
    get the rest; ties go to the earlier section)."""
    if not weights or seconds <= 0:
        return dict.fromkeys(weights, 0)
    unit = 60 if seconds % 60 == 0 else 1
    units = seconds // unit
    total = sum(weights.values())
    shares = {k: (w / total if total > 0 else 1 / len(weights)) * units for k, w in weights.items()}
    whole = {k: int(s) for k, s in shares.items()}
    order = sorted(shares, key=lambda k: -(shares[k] - whole[k]))
    for k in order[: units - sum(whole.values())]:
        whole[k] += 1
    return {k: v * unit for k, v in whole.items()}


def weight(info: SectionInfo) -> float:
    return info.planned * max(info.open_share, FLOOR) if info.planned else FLOOR


@dataclass(frozen=True)
class Plan:
    """Today's session: its length, its sections and the seconds each is given."""

    minutes: int
    sections: tuple[str, ...]
    allot: dict[str, int] = field(default_factory=dict)
    """Seconds per section: today's sections, and any other section time was spent on."""

    @classmethod
    def make(cls, minutes: int, chosen: Iterable[str], infos: Iterable[SectionInfo],
             spent: Mapping[str, int] | None = None) -> Plan:
        """A plan for a session of `minutes` over `chosen`; `spent` (seconds per section so far
        in this session) when re-planning part way through."""
        spent = dict(spent or {})
        by_id = {i.id: i for i in infos}
        chosen = tuple(dict.fromkeys(s for s in chosen if s in by_id))
        left = max(minutes * 60 - sum(spent.values()), 0)
        shares = split(left, {s: weight(by_id[s]) for s in chosen})
        allot = {s: spent.get(s, 0) + shares[s] for s in chosen}
        allot |= {s: t for s, t in spent.items() if s not in allot and t > 0}
        return cls(minutes, chosen, allot)

    @property
    def seconds(self) -> int:
        return self.minutes * 60

    def section_left(self, section: str, spent: int) -> int | None:
        """Seconds left for `section` (negative: over), None when it is not in today's plan."""
        return self.allot[section] - spent if section in self.sections else None
