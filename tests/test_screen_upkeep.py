"""The question screen over a long session: the key bar, the sidebar and memory stay right."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from tests.factory import full_answer, structure
from wizard.core.session import SEGMENTS, Step
from wizard.files import store
from wizard.model.bank import Kind
from wizard.model.catalog import Catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.widgets.list_editor import ItemList
from wizard.tui.widgets.nav import NavTree

SIZE = (100, 32)


def question_screen(app: WizardApp) -> QuestionScreen:
    assert isinstance(app.screen, QuestionScreen), app.screen
    return app.screen


@asynccontextmanager
async def opened(path: Path, catalog: Catalog, segments: int) -> AsyncIterator[tuple[Pilot[str], QuestionScreen]]:
    """The wizard on a new file of one customer type with `segments` segments, a job each."""
    store.save(structure(types=1, segments=segments, jobs=1), path)
    app = WizardApp(path, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        yield pilot, question_screen(app)


def footer_keys(app: WizardApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_key_bar_follows_the_focus(tmp_path: Path, catalog: Catalog) -> None:
    app = WizardApp(tmp_path / "new.toml", catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Users", "enter")
        await pilot.pause()
        assert "Edit" not in footer_keys(app)
        app.screen.query_one(ItemList).focus()
        await pilot.pause()
        assert {"Edit", "Remove"} <= set(footer_keys(app))  # the list's own keys appear...
        await pilot.press("escape")
        await pilot.pause()
        assert "Edit" not in footer_keys(app) and "Next" in footer_keys(app)  # ...and go again


async def test_sidebar_marks_follow_the_answers(tmp_path: Path, catalog: Catalog) -> None:
    async with opened(tmp_path / "canvas.toml", catalog, segments=2) as (pilot, screen):
        nav = screen.query_one(NavTree)
        segment = ("type-0", "seg-1")

        def label() -> str:
            return str(nav._nav_nodes[segment].label)

        assert label().startswith("○")
        step = next(s for s in screen.session.steps() if s.location == segment and not s.is_structure)
        screen.session.commit(step, full_answer(screen.session.question(step)))  # type: ignore[arg-type]
        screen.refresh_status()
        await pilot.pause()
        assert label().startswith("◐")
        assert str(nav._nav_nodes[("type-0", "seg-0")].label).startswith("○")


async def test_sidebar_scrolls_once_it_outgrows_the_screen(tmp_path: Path, catalog: Catalog) -> None:
    async with opened(tmp_path / "canvas.toml", catalog, segments=1) as (pilot, screen):
        nav = screen.query_one(NavTree)
        assert not nav.show_vertical_scrollbar
        for i in range(40):
            screen.session.add_child(Step(("type-0",), SEGMENTS), f"Segment {i}")
        screen.refresh_status()
        await pilot.pause()
        assert nav.show_vertical_scrollbar
        assert nav.vertical_scrollbar.window_virtual_size == nav.virtual_size.height
        await pilot.pause()  # the tree's new height reaches its scroll range a refresh later (was flaky)
        nav.scroll_end(animate=False)
        await pilot.pause()
        assert nav.scroll_y == nav.max_scroll_y > 0


async def test_earlier_answer_boxes_are_let_go(tmp_path: Path, catalog: Catalog) -> None:
    async with opened(tmp_path / "canvas.toml", catalog, segments=2) as (pilot, screen):
        steps = [s for s in screen.session.steps()
                 if not s.is_structure and screen.session.question(s).kind is Kind.TEXT]  # type: ignore[union-attr]
        counts = []
        for n, step in enumerate(steps[:12]):
            screen.show(step)
            await pilot.pause()
            if n in (1, 11):
                gc.collect()
                counts.append(sum(isinstance(o, Input) for o in gc.get_objects()))
        # One box per kind of answer is kept (see FieldBox); showing more questions adds none.
        assert counts[1] == counts[0], f"{counts[1] - counts[0]} more answer boxes after 10 more questions"
