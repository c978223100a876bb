"""An item removed from a list answer (Del or Backspace on the list) can be put back with Ctrl+Z."""

from __future__ import annotations

import random
from pathlib import Path

from tests.conftest import at_step
from tests.factory import structure
from tests.keys import idle
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.widgets.fields import ListField

SIZE = (100, 32)
SEG = ("type-0", "seg-0")
HOBBIES = Step(SEG, "audience.hobbies")
VALUES = Step(SEG, "audience.values")


def canvas(tmp_path: Path, hobbies: list[str]) -> Path:
    path = tmp_path / "c.toml"
    model = structure(1, 1, 1)
    model.customer_types[0].segments[0].set(HOBBIES.key, hobbies)
    store.save(model, path)
    return path


def saved(path: Path, step: Step) -> object:
    return store.load(path).customer_types[0].segments[0].get(step.key)


def notices(app: WizardApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_removed_items_come_back_where_they_were_and_are_saved(tmp_path: Path) -> None:
    path = canvas(tmp_path, ["Sailing", "Chess", "Long walks with the dog on the beach"])
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, HOBBIES)
        await pilot.press("tab", "home", "down", "delete")  # Chess
        await idle(pilot)
        await pilot.press("backspace")  # the highlight stays at that place: the walks
        await idle(pilot)
        assert saved(path, HOBBIES) == ["Sailing"], "each removal is saved at once"
        assert any("Long walks with the dog" in n and "Ctrl+Z" in n for n in notices(app))
        await pilot.press("ctrl+z")
        await idle(pilot)
        field = screen.field
        assert isinstance(field, ListField) and field.value() == ["Sailing", "Long walks with the dog on the beach"]
        assert not any("Long walks with the dog" in n for n in notices(app)), "its notice goes: it is back"
        assert any("Chess" in n for n in notices(app)), "the other removal's notice stays"
        await pilot.press("ctrl+z")
        await idle(pilot)
        assert field.value() == ["Sailing", "Chess", "Long walks with the dog on the beach"]
        await pilot.press("ctrl+z")  # nothing left to put back: said, and nothing changes
        await idle(pilot)
        assert any("Nothing removed" in n for n in notices(app))
        assert field.value() == ["Sailing", "Chess", "Long walks with the dog on the beach"]
        await pilot.press("ctrl+q")
    assert saved(path, HOBBIES) == ["Sailing", "Chess", "Long walks with the dog on the beach"]


async def test_an_item_removed_from_one_answer_is_not_put_into_the_next(tmp_path: Path) -> None:
    path = canvas(tmp_path, ["Sailing", "Chess"])
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, HOBBIES)
        await pilot.press("tab", "home", "delete")
        await idle(pilot)
        await pilot.press("ctrl+n")  # on to the values: the same list widget, another answer
        await idle(pilot)
        assert screen.step == VALUES
        await pilot.press(*"Honesty", "enter", "ctrl+z")
        await idle(pilot)
        field = screen.field
        assert isinstance(field, ListField) and field.value() == ["Honesty"]
        await pilot.press("ctrl+q")
    assert saved(path, HOBBIES) == ["Chess"]
    assert saved(path, VALUES) == ["Honesty"]


async def test_random_removals_and_put_backs_match_a_model(tmp_path: Path) -> None:
    """Any order of removals (anywhere in the list) and Ctrl+Z: the list is always what a
    stack of removals undone last-first gives, on screen and in the file."""
    for seed in range(3):
        rng = random.Random(seed)
        items = [f"item {i}" for i in range(6)]
        path = canvas(tmp_path, items)
        model, stack = list(items), list[tuple[int, str]]()
        app = WizardApp(path, shipped_catalog())
        async with app.run_test(size=SIZE) as pilot:
            screen = await at_step(pilot, HOBBIES)
            await pilot.press("tab")
            for _ in range(10):
                if model and (not stack or rng.random() < 0.6):
                    index = rng.randrange(len(model))
                    await pilot.press("home", *["down"] * index, rng.choice(["delete", "backspace"]))
                    stack.append((index, model.pop(index)))
                else:
                    await pilot.press("ctrl+z")
                    if stack:
                        index, text = stack.pop()
                        model.insert(index, text)
                await idle(pilot)
                field = screen.field
                assert isinstance(field, ListField) and field.value() == model, f"seed {seed}"
                if not model:
                    await pilot.press("ctrl+z")  # the list is hidden when empty: put back from the box
                    index, text = stack.pop()
                    model.insert(index, text)
                    await idle(pilot)
                    await pilot.press("tab")
            await pilot.press("ctrl+q")
        assert saved(path, HOBBIES) == model, f"seed {seed}"


async def test_the_list_reached_with_tab_has_an_item_its_keys_act_on(tmp_path: Path) -> None:
    # Items just added from the box left the list with nothing highlighted: Tab, then Del,
    # did nothing at all, with the key bar offering Remove.
    path = canvas(tmp_path, [])
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, HOBBIES)
        await pilot.press(*"Sailing", "enter", *"Chess", "enter", "tab", "delete")
        await idle(pilot)
        field = screen.field
        assert isinstance(field, ListField) and field.value() == ["Chess"]
        assert saved(path, HOBBIES) == ["Chess"]
