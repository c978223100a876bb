"""Ranking choices from the keyboard (through Textual's Pilot, against a model): whatever
Space, Ctrl+Up/Down and the arrows do, the cursor stays on the item it was on."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual.widgets import OptionList

from tests.factory import structure
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.widgets.choice_fields import RankingField

RANKING = Step(("type-0",), "relationships.relationship_types")
KEYS = ["down", "up", "space", "enter", "ctrl+up", "ctrl+down", "home", "end", "pagedown"]


class Model:
    """Ranked items first, in rank order, then the others in the bank's order."""

    def __init__(self, choices: list[str]) -> None:
        self.choices, self.ranked, self.row = choices, list[str](), 0

    def order(self) -> list[str]:
        return self.ranked + [c for c in self.choices if c not in self.ranked]

    def press(self, key: str, page: int) -> None:
        order, item = self.order(), self.order()[self.row]
        last = len(order) - 1
        if key in ("down", "up"):  # round from the last to the first, as an option list does
            self.row = (self.row + (1 if key == "down" else -1)) % len(order)
        elif key in ("home", "end"):
            self.row = 0 if key == "home" else last
        elif key == "pagedown":
            self.row = min(last, self.row + page) if page else self.row
        elif key in ("space", "enter"):
            if item in self.ranked:
                self.ranked.remove(item)
            else:
                self.ranked.append(item)
            self.row = self.order().index(item)  # the cursor follows the item
        elif item in self.ranked:  # ctrl+up, ctrl+down
            i = self.ranked.index(item)
            j = max(0, min(len(self.ranked) - 1, i + (1 if key == "ctrl+down" else -1)))
            self.ranked.insert(j, self.ranked.pop(i))
            self.row = self.order().index(item)


async def drive(path: Path, keys: list[str], size: tuple[int, int]) -> None:
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.jump(RANKING)
        await pilot.pause()
        field = screen.field
        assert isinstance(field, RankingField)
        options = field.query_one(OptionList)
        model = Model([c.value for c in field.question.choices])
        for key in keys:
            before = options.highlighted
            await pilot.press(key)
            await pilot.pause()
            page = (options.highlighted or 0) - (before or 0) if key == "pagedown" else 0
            model.press(key, page)
            assert field.ranked == model.ranked, (keys, key)
            assert options.highlighted == model.row, (keys, key, field._order(), options.highlighted)
            assert field._order()[options.highlighted] == model.order()[model.row]
        await pilot.press("ctrl+n")
        await pilot.pause()
    assert store.load(path).customer_types[0].get(RANKING.key) == (model.ranked or None)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@settings(max_examples=4, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.lists(st.sampled_from(KEYS), min_size=4, max_size=24))
def test_the_cursor_follows_the_item(tmp_path: Path, size: tuple[int, int], keys: list[str]) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    asyncio.run(drive(path, keys, size))


async def test_picking_the_fourth_then_the_next_one_down(tmp_path: Path) -> None:
    """Space on the fourth item moves it to the top; Space again acts on it, not on the
    item that took its row."""
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    await drive(path, ["down", "down", "down", "space", "space", "down", "space"], (80, 24))
