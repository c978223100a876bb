"""Whole-canvas work pauses the garbage collector, and always turns it back on: left off,
a long wizard session would keep every reference cycle it ever made."""

from __future__ import annotations

import gc

import pytest

from tests.factory import full_canvas
from wizard import checks
from wizard.core import scoring
from wizard.model.bulk import gc_paused
from wizard.model.catalog import Catalog


def test_the_collector_is_back_on_after_the_work_even_when_it_fails() -> None:
    seen: list[bool] = []

    @gc_paused
    def work(fail: bool) -> None:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("bad input")

    work(False)
    with pytest.raises(ValueError):
        work(True)
    assert seen == [False, False]
    assert gc.isenabled()


def test_nested_work_leaves_the_collector_to_the_outer_call() -> None:
    states: list[bool] = []

    @gc_paused
    def inner() -> None:
        states.append(gc.isenabled())

    @gc_paused
    def outer() -> None:
        inner()
        states.append(gc.isenabled())

    outer()
    assert states == [False, False]
    assert gc.isenabled()


def test_scoring_and_checking_leave_the_collector_on(catalog: Catalog) -> None:
    canvas = full_canvas(catalog)
    scoring.score(canvas, catalog)
    checks.run(canvas, catalog)
    assert gc.isenabled()
