"""An answer box filled in again for the next question of its kind looks and acts as a new one would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.strip import Strip
from textual.widgets import Input, OptionList, TextArea

from tests.factory import full_answer, structure
from wizard.core.session import Step
from wizard.files import store
from wizard.model.bank import Kind
from wizard.model.catalog import Catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.widgets.answer_field import AnswerField
from wizard.tui.widgets.fields import ListField, make_field

SIZE = (100, 40)


def pairs(screen: QuestionScreen) -> dict[Kind | str, tuple[Step, Step]]:
    """Two steps of each kind (and two structure steps): the box is made for the first and
    filled in again for the second."""
    found: dict[Kind | str, list[Step]] = {}
    for step in screen.session.steps():
        question = screen.session.question(step)
        found.setdefault(question.kind if question is not None else "structure", []).append(step)
    return {kind: (steps[0], steps[-1]) for kind, steps in found.items() if len(steps) > 1}


def picture(screen: QuestionScreen) -> list[list[tuple[str, Any]]]:
    """The answer box as painted: its text and styles, row by row."""
    for widget in screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    region = screen.query_one("#field-box").region
    update = screen._compositor.render_full_update(simplify=True)
    rows = []
    for y in range(region.y, region.bottom):
        strip = Strip.join(update.strips[y]).crop(region.x, region.right).simplify()
        rows.append([(segment.text, segment.style) for segment in strip])
    return rows


def state(screen: QuestionScreen) -> dict[str, Any]:
    """What the keyboard acts on: the answer, the draft, the focus, cursors and highlights."""
    field = screen.field
    assert field is not None
    focused = screen.focused
    return {
        "value": field.value() if isinstance(field, AnswerField) else None,
        "draft": field.draft(),
        "focus": type(focused).__name__,
        "inputs": [(i.value, i.placeholder, i.cursor_position) for i in field.query(Input)],
        "areas": [(a.text, a.cursor_location, a.history.undo_stack) for a in field.query(TextArea)],
        "lists": [(o.highlighted, o.option_count) for o in field.query(OptionList)],
        "picture": picture(screen),
    }


async def shown(app: WizardApp, pilot: Any, step: Step) -> dict[str, Any]:
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    screen.show(step)
    await pilot.pause()
    await pilot.pause()
    return state(screen)


@pytest.mark.parametrize("second", ["unanswered", "answered"])
async def test_a_kept_answer_box_shows_the_next_question_as_a_new_one_would(
        tmp_path: Path, catalog: Catalog, second: str) -> None:
    path = tmp_path / "canvas.toml"
    store.save(structure(types=2, segments=1, jobs=1), path)
    fresh: dict[Kind | str, dict[str, Any]] = {}
    for kept in (False, True):
        app = WizardApp(path, catalog)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            session = screen.session
            kinds = pairs(screen)
            assert set(kinds) == {*Kind, "structure"}  # every kind is tried
            for n, (first, then) in enumerate(kinds.values()):
                if first.is_structure:
                    screen.drafts.put(then.ref, "a name typed, not yet added")
                    continue
                for seed, step in enumerate((first, then)):
                    if step is first or second == "answered":
                        question = session.question(step)
                        assert question is not None
                        session.commit(step, full_answer(question, seed + n))
                if second == "answered" and session.question(then).kind is Kind.TEXT:  # type: ignore[union-attr]
                    screen.drafts.put(then.ref, "typed, not yet saved")
            for kind, (first, then) in kinds.items():
                if kept:
                    await shown(app, pilot, first)  # the box is made for the first...
                    assert fresh[kind] == await shown(app, pilot, then), f"{kind}: differs when kept"
                else:
                    fresh[kind] = await shown(app, pilot, then)  # ...as it is when new
            await pilot.press("ctrl+q")


@asynccontextmanager
async def structure_opened(tmp_path: Path, catalog: Catalog) -> AsyncIterator[tuple[Any, QuestionScreen, Any]]:
    """The wizard on a canvas of types and segments, at its first question: its answer box."""
    from wizard.tui.widgets.field_box import FieldBox

    path = tmp_path / "c.toml"
    store.save(structure(), path)
    app = WizardApp(path, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        yield pilot, screen, screen.query_one(FieldBox)


async def test_a_question_of_a_kind_whose_widget_is_still_being_made(tmp_path: Path, catalog: Catalog) -> None:
    """The widgets made ahead while idle may not be ready when the founder gets there first."""
    async with structure_opened(tmp_path, catalog) as (pilot, screen, box):
        session = screen.session
        step = next(s for s in session.steps() if not s.is_structure
                    and (q := session.question(s)) is not None and q.kind is Kind.RANKING)
        question = session.question(step)
        assert question is not None
        box._kept.pop(Kind.RANKING, None)
        box.prepare([question])  # made ahead, and shown before it is mounted
        screen.show(step)
        await pilot.pause()
        field = screen.field
        assert isinstance(field, AnswerField) and field.is_mounted and field.display
        assert field.question is question
        assert pilot.app.focused is not None and field in pilot.app.focused.ancestors


@pytest.mark.parametrize("made", [False, True], ids=["before it is made", "once made"])
async def test_a_list_box_shows_the_evidence_marks_it_was_given(catalog: Catalog, made: bool) -> None:
    """The marks can come before the box's list exists (its kind's first question, the box
    made ahead not mounted yet): it is then made with them, not left without."""
    from textual.app import App

    from wizard.tui.screens.interview_actions import _set_badges
    from wizard.tui.widgets.list_editor import ItemList

    question = next(e.question for e in catalog if e.question.kind is Kind.LIST)
    field = make_field(question, ["Shy", "No time"], None)
    assert isinstance(field, ListField)
    app: App[None] = App()
    async with app.run_test() as pilot:
        if made:
            await app.mount(field)
            await pilot.pause()
        _set_badges(field, {"Shy": "✓1"})
        if not made:
            await app.mount(field)
        await pilot.pause()
        items = field.query_one(ItemList)
        assert [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)] == [
            "1. Shy  ✓1", "2. No time"]


async def test_the_start_says_when_every_kind_is_made_ahead(tmp_path: Path, catalog: Catalog) -> None:
    # The benchmark times keys only once the start's background work is done (each widget
    # made ahead comes in a frame of its own): `prepared` must not say so before it is.
    async with structure_opened(tmp_path, catalog) as (pilot, screen, box):
        assert not box.prepared, "said before the work began"
        for _ in range(200):
            if box.prepared:
                break
            await pilot.pause(0.02)
        kinds = {entry.question.kind for entry in screen.session.catalog}
        assert box.prepared and kinds <= set(box._kept) and box._structure is not None
