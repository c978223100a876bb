"""Text from a canvas, a file name or a lock file is shown literally in every screen and command.

Rich and Textual markup stays text and attaches no action; terminal escapes (ESC, CSI,
OSC 8, BEL, C1) are made visible instead of being sent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from textual.content import Content
from textual.pilot import Pilot

from tests.conftest import at_step
from tests.factory import structure
from tests.test_reliability_lock import plant
from wizard.commands import cli
from wizard.core.coach_request import Request
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas
from wizard.tui.app import WizardApp
from wizard.tui.screens.bad_file import BadFileScreen
from wizard.tui.screens.dialogs import ChangedOnDiskScreen, LockedScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.welcome import WelcomeScreen

MARKUP = "[bold]B[/] [@click=app.quit]Q[/] [link=https://evil.example]L[/link] $name"
ESCAPES = "\x1b[31mRED\x1b[0m \x1b]8;;https://evil.example\x07OSC\x1b]8;;\x07 \x07BEL \x9b2J \x85"
BIDI = "\u202eDESREVER\u202c \u2067ISOLATED\u2069"  # shown in another order than stored
HTML = "<script>alert(1)</script> &amp;"
HOSTILE = f"{MARKUP} {ESCAPES} {HTML}"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # all but tab and newline
SIZE = (140, 40)
WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")
HOBBIES = Step(("type-0", "seg-0"), "audience.hobbies")


def hostile_canvas() -> Canvas:
    canvas = structure(1, 1, 1, title=HOSTILE)
    ctype = canvas.customer_types[0]
    ctype.name = f"Type {HOSTILE}"
    segment = ctype.segments[0]
    segment.name = f"Seg {HOSTILE}"
    segment.set(WHO_PAYS.key, f"Pays {HOSTILE} {BIDI}")
    segment.set(HOBBIES.key, [f"Hobby {HOSTILE}", MARKUP, ESCAPES, BIDI])
    segment.jobs[0].statement = f"Job {HOSTILE} {BIDI}"
    segment.jobs[0].before.set("profile.pains", [f"Pain {HOSTILE}"])
    canvas.mark_na("research.incentive", f"Reason {HOSTILE}")
    canvas.coach.notes[""] = f"Note {HOSTILE}"
    canvas.answers[f"bank {HOSTILE}"] = {"question": "an answer no bank asks for"}  # check warns about it
    return canvas


def shown(app: WizardApp) -> str:
    """The screen as the terminal would get it; fails on any action attached to text."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            meta = segment.style.meta if segment.style else {}
            assert "@click" not in meta, f"an action is attached to {segment.text!r}: {meta}"
        lines.append("".join(segment.text for segment in strip))
    text = "\n".join(lines)
    assert not RAW_CONTROL.search(text), f"raw control bytes on screen: {RAW_CONTROL.findall(text)}"
    return text


def test_markup_really_would_attach_an_action() -> None:
    # The control for shown(): parsed as markup, this text would carry an @click.
    parsed = Content.from_markup("[@click=app.quit]Q[/]")
    assert any("@click" in (span.style.meta if hasattr(span.style, "meta") else str(span.style))
               for span in parsed.spans)


async def visit(pilot: Pilot[str], step: Step) -> str:
    await at_step(pilot, step)
    return shown(pilot.app)  # type: ignore[arg-type]


async def test_every_wizard_screen_shows_hostile_text_literally(tmp_path: Path) -> None:
    folder = tmp_path / "[bold]x \x1b[2J"
    folder.mkdir()
    path = folder / "c.toml"
    store.save(hostile_canvas(), path)
    app = WizardApp(path, shipped_catalog(), coach=True, coach_request=Request(minutes=45))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "[bold]x ␛[2J" in shown(app)  # the path in the top bar
        assert "[@click=app.quit]Q[/]" in await visit(pilot, WHO_PAYS)
        assert "Hobby [bold]B[/]" in await visit(pilot, HOBBIES)
        assert "␛[31mRED" in await visit(pilot, Step(("type-0", "seg-0", "job-0", "before"), "profile.pains"))
        assert "Reason [bold]B[/]" in await visit(pilot, Step((), "research.incentive"))
        assert "Type [bold]B[/]" in await visit(pilot, Step((), "structure.customer_types"))
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        for _ in range(200):  # the coach's notes (which quote the answers) follow on a thread
            if app.screen.findings is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        shown(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Seg")
        for _ in range(50):  # the palette searches in the background: wait for its results
            await pilot.pause(0.1)
            if "Seg [bold]B[/]" in shown(app):
                break
        assert "Seg [bold]B[/]" in shown(app)


async def test_the_welcome_bad_file_and_dialog_screens_show_hostile_text_literally(tmp_path: Path) -> None:
    folder = tmp_path / "[link=evil]x \x07"
    folder.mkdir()
    bad = folder / "bad.toml"
    bad.write_text('schema_version = 1\n"[bold]\\u001b[2J" = 1\n')
    app = WizardApp(bad, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BadFileScreen)
        assert "[link=evil]x ␇" in shown(app)
    good = folder / "c.toml"
    store.save(hostile_canvas(), good)
    plant(good, user=f"[@click=app.quit]mallory[/] {ESCAPES}")  # a lock file is someone else's text too
    app = WizardApp(good, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        assert "[@click=app.quit]mallory[/] ␛[31mRED" in shown(app)
        app.push_screen(ChangedOnDiskScreen(good, f"changed {HOSTILE}"))
        await pilot.pause()
        assert "changed [bold]B[/]" in shown(app)
    app = WizardApp(None, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        shown(app)


def command_output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    for text in (out, err):
        assert not RAW_CONTROL.search(text), f"raw control bytes from {args}: {RAW_CONTROL.findall(text)}"
    return out + err


def test_every_command_prints_hostile_text_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    store.save(hostile_canvas(), path)
    old = tmp_path / "old.toml"
    store.save(structure(1, 1, 1), old)
    assert "Type [bold]B[/] [@click=app.quit]Q[/]" in command_output(capsys, "score", str(path), "--all")
    command_output(capsys, "score", str(path), "--json")
    assert "warning: answers.bank [bold]B[/]" in command_output(capsys, "check", str(path))
    assert "[bold]B[/]" in command_output(capsys, "diff", str(old), str(path))
    command_output(capsys, "diff", str(old), str(path), "--json")
    command_output(capsys, "report", str(tmp_path))
    command_output(capsys, "report", str(tmp_path), "--json")


@pytest.mark.parametrize("fmt", ["markdown", "html", "interview"])
def test_every_export_writes_hostile_text_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    fmt: str) -> None:
    path = tmp_path / "c.toml"
    store.save(hostile_canvas(), path)
    out = command_output(capsys, "export", str(path), "--format", fmt)
    # Markdown is checked as it reads once rendered: escaped where needed, the text reads exactly as typed.
    shown = out if fmt == "html" else MarkdownIt("commonmark").render(out)
    assert "Seg [bold]B[/]" in shown
    if fmt == "html":
        assert "<script>alert" not in out and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;" in out


NAME = "esc\x1b]0;PWNED\x07 two\nlines\u202e.toml"
NAME_SHOWN = "esc␛]0;PWNED␇ two␊lines⟨U+202E⟩.toml"


async def test_a_file_name_is_shown_on_one_line_wherever_the_wizard_names_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # names as typed, short enough that no dialog wraps them
    path = Path(NAME)
    store.save(structure(1, 1, 1), path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = shown(app).splitlines()
        # The top bar is one line: the newline in the name no longer pushes its status down.
        assert NAME_SHOWN in screen[0] and "%" in screen[0], screen[:2]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        shown(app)
        app.push_screen(ChangedOnDiskScreen(path, "changed on disk"))
        await pilot.pause()
        assert f"{NAME_SHOWN} was changed" in shown(app)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert app.return_value is not None
    lines = app.return_value.split("\n")  # the exit line, then the next steps, one line each
    assert NAME_SHOWN in lines[0] and len(lines) == 4, lines
    assert all(NAME_SHOWN.removesuffix(".toml") in line and not RAW_CONTROL.search(line) for line in lines)
    plant(path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        assert f"{NAME_SHOWN} is open in another" in shown(app)
    bad = Path(f"bad {NAME}")
    bad.write_text("[[[")
    app = WizardApp(bad, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BadFileScreen)
        assert f"bad {NAME_SHOWN}" in shown(app)
