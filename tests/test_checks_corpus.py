"""The checks against their evaluation corpus: every planted mistake caught, no false alarm.

The tables print with `pytest -s` (and `python -m benchmarks.checks_eval`): per rule, the
mistakes planted, caught and missed, and the false alarms, on good canvases and as
findings a mutation raised that it should not have.
"""

from __future__ import annotations

import pytest

from tests.checks_corpus import corpus
from wizard import checks
from wizard.files import store
from wizard.files.banks import shipped_catalog

MIN_RECALL = 0.9
MIN_VARIANTS = 3


@pytest.fixture(scope="module")
def tuning() -> dict[str, corpus.Tally]:
    tallies, _ = corpus.evaluate(corpus.good_canvases("good"), corpus.mutations("mutations.toml"))
    print("\n" + corpus.table(tallies, "Quality checks on the tuning corpus (tests/checks_corpus/good)"))
    return tallies


@pytest.fixture(scope="module")
def heldout() -> dict[str, corpus.Tally]:
    tallies, _ = corpus.evaluate(corpus.good_canvases("heldout"), corpus.mutations("heldout_mutations.toml"))
    print("\n" + corpus.table(tallies, "Quality checks on the held-out corpus (tests/checks_corpus/heldout)"))
    return tallies


def test_the_corpus_has_ten_good_canvases_and_three_mistakes_per_rule() -> None:
    assert len(corpus.good_canvases("good")) >= 10
    planted = corpus.mutations("mutations.toml")
    for rule in checks.RULES:
        assert sum(m.rule == rule.id for m in planted) >= MIN_VARIANTS, rule.id


def test_every_good_canvas_is_complete_and_valid() -> None:
    """Good means finished: a canvas a coach accepts has every question answered."""
    from wizard.core import scoring

    catalog = shipped_catalog()
    for folder in ("good", "heldout"):
        for name, canvas in corpus.good_canvases(folder).items():
            assert scoring.score(canvas, catalog).score == 100, f"{folder}/{name}"


def test_every_mutation_changes_something_that_exists() -> None:
    for folder, name in (("good", "mutations.toml"), ("heldout", "heldout_mutations.toml")):
        good = corpus.good_canvases(folder)
        for m in corpus.mutations(name):
            assert m.rule in {r.id for r in checks.RULES}, m
            mutated = corpus.apply(good[m.base], m)
            assert mutated != good[m.base], m


def test_recall_of_every_rule_on_the_tuning_corpus(tuning: dict[str, corpus.Tally]) -> None:
    low = {rule_id: t.missed for rule_id, t in tuning.items() if t.recall < MIN_RECALL}
    assert not low, low


def test_no_false_alarm_on_the_tuning_corpus(tuning: dict[str, corpus.Tally]) -> None:
    alarms = {rule_id: t.alarms for rule_id, t in tuning.items() if t.false_alarms}
    assert not alarms, alarms


def test_the_held_out_corpus(heldout: dict[str, corpus.Tally]) -> None:
    """Written after the rules were tuned: overall recall and no false alarm."""
    variants = sum(t.variants for t in heldout.values())
    caught = sum(t.caught for t in heldout.values())
    assert caught / variants >= MIN_RECALL, {r: t.missed for r, t in heldout.items() if t.missed}
    assert not {r: t.alarms for r, t in heldout.items() if t.false_alarms}


@pytest.mark.parametrize("name", ["facebook", "event-consultancy"])
def test_the_complete_shipped_examples_raise_nothing(name: str) -> None:
    from tests.conftest import EXAMPLES

    assert checks.run(store.load(EXAMPLES / f"{name}.toml"), shipped_catalog()) == []


def test_docs_describe_every_rule() -> None:
    from pathlib import Path

    docs = (Path(__file__).parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    missing = [r.id for r in checks.RULES if f"### {r.id} ({r.severity})" not in docs]
    assert not missing, missing
