"""Typing into a choice question: letters go to a choice, and text that is none is said back,
never ticked, chosen or dropped without a word (through Textual's Pilot, on the shipped banks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import OptionList

from tests.factory import structure
from wizard.core.session import Step
from wizard.files import store, tomlio
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.widgets import choice_search
from wizard.tui.widgets.choice_search import find

ROLE = Step(("type-0",), "customer_model.role")  # Users, Buyers, Funders, ... Government buyers
BASES = Step((), "market.segmentation_bases")  # multi-choice: Behavioural, Psychographic, ...
RANKING = Step(("type-0",), "relationships.relationship_types")
SENTENCE = "They use it but their parents pay"

labels_strategy = st.lists(st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs")), min_size=1, max_size=12),
                           min_size=1, max_size=8)


@given(labels_strategy, st.data())
def test_the_first_letters_of_a_choice_go_to_a_choice_that_begins_with_them(labels: list[str], data: Any) -> None:
    label = data.draw(st.sampled_from(labels))
    typed = label[: data.draw(st.integers(1, len(label)))]
    current = data.draw(st.none() | st.integers(0, len(labels) - 1))
    found = find(labels, typed, current)
    assert found is not None
    assert labels[found].casefold().startswith(typed.casefold()) or len(set(typed.casefold())) == 1


@given(labels_strategy, st.data())
def test_a_letter_typed_again_goes_round_every_choice_that_begins_with_it(labels: list[str], data: Any) -> None:
    first = data.draw(st.sampled_from([label[0] for label in labels if label[0].strip()] or ["x"]))
    starting = [i for i, label in enumerate(labels) if label.casefold().startswith(first.casefold())]
    seen, current = [], None
    for n in range(1, 2 * len(labels) + 2):
        current = find(labels, first * n, current)
        seen.append(current)
    if starting:
        assert set(seen) == set(starting)
        assert all(seen[i + 1] != seen[i] for i in range(len(seen) - 1)) or len(starting) == 1


def test_text_that_begins_no_choice_nor_a_word_in_one_finds_nothing() -> None:
    labels = ["Users", "Buyers", "Businesses (B2B)", "Government buyers"]
    assert find(labels, "b2b", None) == 2  # a word inside the label
    assert find(labels, "buyers", 0) == 1
    assert find(labels, "gov", 3) == 3  # the current one stays while it matches
    assert find(labels, "they", None) is None
    assert find(labels, "", 1) is None


def canvas_file(tmp_path: Path) -> Path:
    path = tmp_path / "canvas.toml"
    store.save(structure(), path)
    return path


async def opened_at(app: WizardApp, pilot: Any, step: Step) -> tuple[QuestionScreen, OptionList]:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    screen.jump(step)
    await pilot.pause()
    options = screen.field.query_one(OptionList)
    assert app.focused is options
    return screen, options


async def type_text(pilot: Any, text: str) -> None:
    for character in text:
        await pilot.press("space" if character == " " else character)


def notices(app: WizardApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_letters_go_to_the_choice_and_enter_chooses_it(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(100, 30)) as pilot:
        screen, options = await opened_at(app, pilot, ROLE)
        labels = [c.label for c in screen.field.question.choices]
        await type_text(pilot, "gov")
        assert labels[options.highlighted or 0] == "Government buyers"
        await pilot.pause(choice_search.PAUSE + 0.1)
        await type_text(pilot, "b")
        assert labels[options.highlighted or 0] == "Buyers", "a new search after a pause"
        await type_text(pilot, "uy")
        assert labels[options.highlighted or 0] == "Buyers", "still the one that begins with it"
        await pilot.pause(choice_search.PAUSE + 0.1)
        await type_text(pilot, "f")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.step != ROLE
        assert not any("not one of the choices" in n for n in notices(app))
    saved = tomlio.read(path)["customer_types"][0]["answers"]["customer_model"]["role"]
    assert saved == "funders"


async def test_a_sentence_typed_into_a_single_choice_is_quoted_back_and_enter_chooses_nothing(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await opened_at(app, pilot, ROLE)
        await type_text(pilot, SENTENCE)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.step == ROLE, "the Enter that ended the sentence chose nothing"
        assert screen.field.value() is None
        said = [n for n in notices(app) if "not one of the choices" in n]
        assert len(said) == 1 and SENTENCE in said[0] and "Enter chooses it" in said[0]
        await pilot.press("enter")  # now it is a choice: the one under the cursor
        await pilot.pause()
        assert screen.step != ROLE
    assert "role" in tomlio.read(path)["customer_types"][0]["answers"]["customer_model"]


async def test_text_that_matches_nothing_is_said_once_the_typing_stops(tmp_path: Path) -> None:
    app = WizardApp(canvas_file(tmp_path), shipped_catalog())
    async with app.run_test(size=(100, 30)) as pilot:
        await opened_at(app, pilot, ROLE)
        await type_text(pilot, "zq")
        assert not any("not one of the choices" in n for n in notices(app)), "not while typing"
        await pilot.pause(choice_search.PAUSE + 0.3)
        assert any("“zq”" in n for n in notices(app))


async def test_a_sentence_typed_into_a_multi_choice_ticks_nothing(tmp_path: Path) -> None:
    app = WizardApp(canvas_file(tmp_path), shipped_catalog())
    async with app.run_test(size=(100, 30)) as pilot:
        screen, _ = await opened_at(app, pilot, BASES)
        await type_text(pilot, "a" + SENTENCE)  # no choice begins with "a": the spaces are text
        await pilot.press("enter")
        await pilot.pause()
        assert screen.field.value() == []
        assert any("Space ticks or unticks it" in n for n in notices(app))
        await pilot.pause(choice_search.PAUSE + 0.1)
        await type_text(pilot, "geo")
        await pilot.press("space")  # a search that found a choice: Space ticks it
        await pilot.pause()
        assert screen.field.value() == ["geographic"]


async def test_letters_find_a_ranked_choice_even_k_and_j(tmp_path: Path) -> None:
    app = WizardApp(canvas_file(tmp_path), shipped_catalog())
    async with app.run_test(size=(100, 30)) as pilot:
        screen, _ = await opened_at(app, pilot, RANKING)
        await type_text(pilot, "self")
        await pilot.press("space")
        await pilot.pause(choice_search.PAUSE + 0.1)
        await type_text(pilot, "com")
        await pilot.press("space")
        await pilot.pause()
        assert screen.field.value() == ["self_service", "communities"]
        await pilot.press("ctrl+up")  # Communities, under the cursor, goes up a rank
        await pilot.pause()
        assert screen.field.value() == ["communities", "self_service"]
        await pilot.pause(choice_search.PAUSE + 0.1)
        await type_text(pilot, "Jo")  # no choice begins with it: nothing moves
        await pilot.pause()
        assert screen.field.value() == ["communities", "self_service"]
