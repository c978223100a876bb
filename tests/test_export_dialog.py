"""Export from the wizard: "Export ..." in the command palette, a format and a file, never over a file unasked."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Checkbox, Input, RadioSet

from tests.conftest import EXAMPLES
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.dialogs import ConfirmScreen
from wizard.tui.screens.export import ExportScreen


def canvas_copy(tmp_path: Path) -> Path:
    path = tmp_path / "facebook.toml"
    shutil.copy(EXAMPLES / "facebook.toml", path)
    return path


async def open_from_palette(pilot: object, query: str = "Export") -> ExportScreen:
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    for key in query:
        await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause(0.3)  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ExportScreen), screen
    return screen


async def test_the_palette_exports_the_picture_beside_the_canvas(tmp_path: Path) -> None:
    path = canvas_copy(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_from_palette(pilot)
        assert screen.query_one("#export-path", Input).value == str(tmp_path / "facebook.html")
        screen.query_one("#export", ).press()  # type: ignore[attr-defined]
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    page = (tmp_path / "facebook.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "University students" in page


async def test_choosing_a_format_names_the_file_for_it_and_a_coach_copy_adds_the_notes(tmp_path: Path) -> None:
    path = canvas_copy(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.session is not None
        app.session.canvas.coach.notes = {"": "COACHNOTE check the pricing"}
        screen = await open_from_palette(pilot)
        radios = screen.query_one(RadioSet)
        radios.focus()
        await pilot.press("down", "down", "enter")  # the interview kit
        await pilot.pause()
        assert screen.query_one("#export-path", Input).value == str(tmp_path / "facebook.interview.md")
        await pilot.press("up", "enter")  # the persona
        await pilot.pause()
        assert screen.query_one("#export-path", Input).value == str(tmp_path / "facebook.md")
        await pilot.press("tab", "tab", "space")  # past the file name, tick "coach's copy"
        await pilot.pause()
        screen.query_one("#export").press()  # type: ignore[attr-defined]
        await pilot.pause()
    persona = (tmp_path / "facebook.md").read_text(encoding="utf-8")
    assert "# Early Facebook: customer personas" in persona and "COACHNOTE check the pricing" in persona


async def test_an_existing_file_is_replaced_only_when_confirmed(tmp_path: Path) -> None:
    path = canvas_copy(tmp_path)
    out = tmp_path / "facebook.html"
    out.write_text("my own page", encoding="utf-8")
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_from_palette(pilot)
        screen.query_one("#export").press()  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and out.read_text(encoding="utf-8") == "my own page"
        assert "Not written" in str(screen.query_one("#export-error").render())
        screen.query_one("#export").press()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_a_bad_file_name_is_said_in_the_dialog_and_the_canvas_is_never_the_target(tmp_path: Path) -> None:
    path = canvas_copy(tmp_path)
    before = path.read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_from_palette(pilot)
        field = screen.query_one("#export-path", Input)
        for target, problem in ((str(tmp_path / "missing" / "x.html"), "does not exist"),
                                (str(tmp_path), "is a folder")):
            field.value = target
            screen.query_one("#export").press()  # type: ignore[attr-defined]
            await pilot.pause()
            assert app.screen is screen and problem in str(screen.query_one("#export-error").render())
        field.value = str(path)
        screen.query_one("#export").press()  # type: ignore[attr-defined]
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")
            await pilot.pause()
        assert "canvas itself" in str(screen.query_one("#export-error").render())
    assert path.read_bytes() == before


async def test_the_people_interviewed_are_named_only_when_ticked(tmp_path: Path) -> None:
    """A founder's export from the wizard names no one unless asked, as `--with-names` on the
    command line; a canvas with no interview has no such box."""
    path = tmp_path / "harbour.toml"
    shutil.copy(EXAMPLES / "harbour-box.toml", path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for ticked, name in ((False, "plain.md"), (True, "named.md")):
            screen = await open_from_palette(pilot)
            screen.query_one(RadioSet).focus()
            await pilot.press("down", "enter")  # the persona
            screen.query_one("#export-path", Input).value = str(tmp_path / name)
            names = screen.query_one("#export-names", Checkbox)
            assert names.value is False, "names are left out unless asked"
            if ticked:
                names.focus()
                await pilot.press("space")
            screen.query_one("#export").press()  # type: ignore[attr-defined]
            await pilot.pause()
            assert not isinstance(app.screen, ExportScreen)
    plain, named = ((tmp_path / n).read_text(encoding="utf-8") for n in ("plain.md", "named.md"))
    assert "Helen Ashworth" not in plain and "secondary-school teacher" not in plain
    assert "Helen Ashworth" in named

    other = canvas_copy(tmp_path)
    app = WizardApp(other, shipped_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_from_palette(pilot)
        assert not screen.query("#export-names")
