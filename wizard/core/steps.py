"""The wizard's steps: a question at a place, or a list of types, segments or jobs, in asking order."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core import scoring
from wizard.model.bank import Scope
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.structure import JOBS, SEGMENTS, STRUCTURE_TITLES, TYPES
from wizard.model.tree import Location, Place, parse_path, path_str, walk

__all__ = ["JOBS", "SEGMENTS", "STRUCTURE_TITLES", "TYPES", "Step", "walk_steps"]

_CHILD_STEP = {Scope.CANVAS: TYPES, Scope.CUSTOMER_TYPE: SEGMENTS, Scope.SEGMENT: JOBS}


@dataclass(frozen=True)
class Step:
    """One screen of the wizard: a question at a place, or a list of types/segments/jobs."""

    location: Location
    key: str
    """A question's full id, or one of TYPES, SEGMENTS, JOBS."""

    @property
    def is_structure(self) -> bool:
        return self.key.startswith("structure.")

    @property
    def ref(self) -> str:
        """A stable string for the step: `users/students#audience.age`."""
        return f"{path_str(self.location)}#{self.key}"

    @classmethod
    def from_ref(cls, ref: str) -> Step:
        path, _, key = ref.partition("#")
        return cls(parse_path(path), key)

    @property
    def section(self) -> str:
        return scoring.STRUCTURE if self.is_structure else self.key.split(".", 1)[0]


def walk_steps(canvas: Canvas, catalog: Catalog) -> list[Step]:
    """Every step of the wizard for this canvas, in asking order; questions whose condition
    is false are left out."""
    by_scope = {scope: catalog.at_scope(scope) for scope in Scope}
    places = list(walk(canvas))
    children: dict[Location, list[Place]] = {}
    for place in places[1:]:
        children.setdefault(place.location[:-1], []).append(place)
    out: list[Step] = []

    def asked(place: Place, late: bool) -> list[Step]:
        return [Step(place.location, e.full_id) for e in by_scope[place.scope]
                if e.question.after_children is late
                and scoring.applies(catalog, e.full_id, place) is not False]

    def visit(place: Place) -> None:
        out.extend(asked(place, late=False))
        if place.scope in _CHILD_STEP:
            out.append(Step(place.location, _CHILD_STEP[place.scope]))
        for child in children.get(place.location, []):
            visit(child)
        out.extend(asked(place, late=True))

    # The canvas's own questions (market, research plan) make sense once the customers
    # exist, so the whole canvas is their "children": its questions all come last.
    root = places[0]
    out.append(Step((), TYPES))
    for child in children.get((), []):
        visit(child)
    out.extend(asked(root, late=False) + asked(root, late=True))
    return out
