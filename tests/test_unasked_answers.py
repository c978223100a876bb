"""Answers set aside by a condition that turned false stay in the file, are shown in the
review as set aside, are not counted, and can be brought back or deleted (Pilot)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.factory import fill, structure
from wizard.core import unasked
from wizard.core.session import Session
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas
from wizard.tui.app import WizardApp
from wizard.tui.screens.dialogs import ConfirmScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.widgets.unasked_panel import RestoreScreen

SIZE = (120, 40)


def consumers_again(tmp_path: Path) -> tuple[Path, str]:
    """A segment that was "Both" (company size answered) and is "Consumers" again."""
    catalog = shipped_catalog()
    canvas = fill(structure(1, 1, 1), catalog)
    segment = canvas.customer_types[0].segments[0]
    entry = catalog.get("audience.company_size")
    assert entry is not None
    size = entry.question.choices[1].value
    segment.set("audience.b2b_b2c", "both")
    segment.set("audience.company_size", size)
    segment.set("audience.b2b_b2c", "b2c")
    path = tmp_path / "c.toml"
    store.save(canvas, path)
    return path, size


def segment_of(path: Path) -> Canvas:
    return store.load(path)


def review_text(app: WizardApp) -> str:
    return " ".join("\n".join(strip.text for strip in app.screen._compositor.render_strips()).split())


async def open_review(app: WizardApp, pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("ctrl+r")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ReviewScreen)
    app.screen.query_one("#set-aside", OptionList).focus()
    await pilot.pause()  # type: ignore[attr-defined]


def test_an_answer_set_aside_is_kept_and_not_counted(tmp_path: Path) -> None:
    path, size = consumers_again(tmp_path)
    catalog = shipped_catalog()
    session = Session(path, store.load(path), catalog)
    found = unasked.find(session.canvas, catalog)
    assert [(i.question_id, i.value, i.decided) for i in found] == [("audience.company_size", size, "Consumers (B2C)")]
    assert session.report().score == 100, "what is set aside is not counted (nor missing)"
    assert all(s.question_id != "audience.company_size" for s in session.report().slots)
    choices = unasked.restore_choices(session.canvas, catalog, found[0])
    assert [c.value for c in choices] == ["b2b", "both"]
    assert "Gender" in choices[0].sets_aside and choices[1].sets_aside == []


async def test_the_review_shows_it_and_brings_it_back(tmp_path: Path) -> None:
    path, size = consumers_again(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        text = review_text(app)
        assert "1 answer set aside, not counted" in text
        assert "Company size: Small" in text and "it is now “Consumers" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RestoreScreen)
        assert "sets aside Gender" in review_text(app), "what the other choice would set aside instead"
        await pilot.press("down", "enter")  # Both
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "set aside" not in review_text(app).replace("sets aside", "")
    segment = segment_of(path).customer_types[0].segments[0]
    assert segment.get("audience.b2b_b2c") == "both" and segment.get("audience.company_size") == size


async def test_the_review_deletes_it_when_asked_to(tmp_path: Path) -> None:
    path, _ = consumers_again(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "set aside" not in review_text(app)
    segment = segment_of(path).customer_types[0].segments[0]
    assert segment.get("audience.company_size") is None and segment.get("audience.b2b_b2c") == "b2c"
