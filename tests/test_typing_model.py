"""Random sequences of what a founder does, through Pilot, checked against a model of where
each word typed must be (issue 11, the systematic part; tests/typing_model.py is the model).

Each sequence opens the wizard (on a new canvas or a resumed one, with or without its
first-frame picture, typing from the first moment or not) and does random things: typing
key by key, bursts handed over all at once (with Enter, Ctrl+N, Ctrl+B or Ctrl+G inside),
pastes holding control characters and line breaks, bytes that are not UTF-8, commits, back,
skip, not applicable (its reason typed in a burst too), jumps, list edits, the review,
resizes, then quits or is killed (what the files hold at that moment is all that is left)
and starts again. After each run: every word is in the file or the drafts at the step it
was typed at and nowhere else, and nothing went wrong on screen.
"""

from __future__ import annotations

import os
import random
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from tests.factory import structure
from tests.keys import burst, idle
from tests.typing_model import Model
from wizard.commands.launch import first_frame_for
from wizard.core import resume
from wizard.core.session import Session, Step
from wizard.files import locations, lock, store
from wizard.files.banks import shipped_catalog
from wizard.files.drafts import Drafts
from wizard.model.bank import Kind
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.dialogs import ReasonScreen
from wizard.tui.screens.question import QuestionScreen

BATCHES, PER_BATCH, RUNS = 20, 10, 3
"""200 sequences of up to three runs of the wizard each, spread over the test workers."""
FIRST_SEED = int(os.environ.get("TYPING_MODEL_SEED", "0"))
"""Other seeds explore further: TYPING_MODEL_SEED=1000 python -m pytest tests/test_typing_model.py."""
SIZES = [(80, 24), (100, 32), (120, 40), (200, 60)]
KEEPS = {Kind.TEXT, Kind.LONG_TEXT, Kind.LIST}
CONTROLS = ["\x1b", "\x07", "\x00", "\x01", "\x7f", "\x9b", "\x1b\x1b"]


def kind_at(catalog: Catalog, ref: str) -> Kind | None:
    """None for a structure step."""
    step = Step.from_ref(ref)
    if step.is_structure:
        return None
    entry = catalog.get(step.key)
    assert entry is not None
    return entry.question.kind


def keeps_letters(catalog: Catalog, ref: str) -> bool:
    kind = kind_at(catalog, ref)
    return kind is None or kind in KEEPS


def opening_step(path: Path, catalog: Catalog) -> Step:
    """Where the wizard opens `path`, worked out as it does."""
    canvas = store.load(path) if path.exists() else Canvas(title=path.stem)
    session = Session(path, canvas, catalog)
    drafts = Drafts(path)
    if hasattr(drafts, "recover"):  # (so that this also runs against an older wizard)
        resume.recover(drafts, session)
    return resume.resume_at(drafts, session)


def dirty(text: str, rng: random.Random) -> str:
    """`text` with control characters between its letters: a paste must drop them all."""
    out = []
    for character in text:
        if rng.random() < 0.3:
            out.append(rng.choice(CONTROLS))
        out.append(character)
    return "".join(out)


def not_utf8(text: str, rng: random.Random) -> str:
    """`text` with bytes that are not UTF-8 (as the input thread hands them on) between its letters."""
    cut = rng.randrange(1, len(text))
    return text[:cut] + rng.choice(["\udce9", "\udcff", "\udced\udca0\udcbd"]) + text[cut:]


class Run:
    """One run of the wizard in a sequence."""

    def __init__(self, app: WizardApp, pilot: object, model: Model, rng: random.Random, catalog: Catalog) -> None:
        self.app, self.pilot, self.model, self.rng, self.catalog = app, pilot, model, rng, catalog

    @property
    def screen(self) -> QuestionScreen:
        screen = self.app.screen
        assert isinstance(screen, QuestionScreen), f"expected the question screen, found {screen}"
        return screen

    def here(self) -> tuple[Step, Kind | None]:
        step = self.screen.step
        return step, kind_at(self.catalog, step.ref)

    def token_here(self) -> str:
        step, _ = self.here()
        return self.model.type_at(step.ref, keeps_letters(self.catalog, step.ref))

    def after(self, step: Step, action: str) -> Step | None:
        """The step `action` leads to from a text step (None: the review, or not sure)."""
        session = self.screen.session
        if action == "<ctrl+b>":
            return session.neighbour(step, -1) or step
        if not step.is_structure and self.catalog.decides(step.key):
            return None  # the answer may change which steps follow
        return session.neighbour(step, 1)

    async def press(self, *keys: str) -> None:
        """Keys one at a time, each handled before the next is sent (Pilot's press waits much
        longer for each)."""
        for key in keys:
            burst(self.app, f"<{key}>" if len(key) > 1 else key)
            await idle(self.pilot)

    # -- what the founder does -----------------------------------------------------
    async def type_keys(self) -> None:
        await self.press(*(" " + self.token_here()))

    async def type_burst(self) -> None:
        step, kind = self.here()
        first = self.token_here()
        if kind is None or kind is Kind.LIST:  # Enter adds it; the next word is the next item
            parts = [" " + first, "<enter>", self.model.type_at(step.ref)]
            if self.rng.random() < 0.3:
                parts.append("<enter>")
            burst(self.app, *parts)
            return
        if kind not in (Kind.TEXT, Kind.LONG_TEXT):
            burst(self.app, " " + first, self.rng.choice(["<ctrl+n>", "<ctrl+g>", "<ctrl+b>"]))
            return
        action = self.rng.choice(["<ctrl+n>", "<ctrl+b>", "<ctrl+g>"] + ["<enter>"] * (kind is Kind.TEXT))
        parts = [" " + first, action]
        then = self.after(step, action)
        if then is not None:
            parts.append(self.model.type_at(then.ref, keeps_letters(self.catalog, then.ref)))
        burst(self.app, *parts)

    async def paste(self) -> None:
        words = [self.token_here() for _ in range(self.rng.choice([1, 1, 2]))]
        burst(self.app, "paste:" + dirty(" " + "\r\n".join(words), self.rng))

    async def bad_bytes(self) -> None:
        burst(self.app, " " + not_utf8(self.token_here(), self.rng))

    async def commit(self) -> None:
        await self.press(self.rng.choice(["ctrl+n", "ctrl+n", "enter", "ctrl+b", "ctrl+g"]))

    async def not_applicable(self) -> None:
        step, _ = self.here()
        reason = self.model.word()
        self.model.reasons.add(reason)
        question = self.screen.session.question(step)
        asks = (question is not None and not question.required
                and self.screen.session.na_reason(step) is None)
        if asks and self.rng.random() < 0.5:  # the reason typed on before the dialog is up
            burst(self.app, "<ctrl+o>", reason, "<enter>")
            return
        await self.press("ctrl+o")
        await idle(self.pilot)
        if isinstance(self.app.screen, ReasonScreen):
            await self.press(*reason, self.rng.choice(["enter", "escape"]))

    async def jump(self) -> None:
        steps = self.screen.session.steps()
        self.screen.jump(self.rng.choice(steps))

    async def edit_item(self) -> None:
        step, kind = self.here()
        field = self.screen.field
        if kind is not Kind.LIST or field is None or not field.value():
            await self.type_keys()
            return
        await self.press("tab", "home", "e", "end", *(" " + self.model.type_at(step.ref)))
        await self.press(self.rng.choice(["enter", "ctrl+n"]))

    async def review(self) -> None:
        await self.press("ctrl+r")

    async def resize(self) -> None:
        await self.pilot.resize_terminal(*self.rng.choice(SIZES))  # type: ignore[attr-defined]

    def actions(self) -> list[tuple[Callable[[], Awaitable[None]], int]]:
        return [(self.type_keys, 4), (self.type_burst, 5), (self.paste, 2), (self.bad_bytes, 1),
                (self.commit, 5), (self.not_applicable, 1), (self.jump, 2), (self.edit_item, 1),
                (self.review, 1), (self.resize, 1)]

    async def back_to_questions(self) -> None:
        for _ in range(5):
            if isinstance(self.app.screen, QuestionScreen) or not self.app.is_running:
                return
            await self.press("escape")
            await idle(self.pilot)


def errors_told(app: WizardApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def one_run(path: Path, model: Model, rng: random.Random, catalog: Catalog, steps: int) -> str:
    """Open the wizard, do `steps` things, then quit or be killed; returns how it ended."""
    frame = first_frame_for(path, None, False) if rng.random() < 0.6 else None
    app = WizardApp(path, catalog, frame=frame)
    model.log.append(f"start ({'with' if frame else 'without'} a picture)")
    killed: dict[Path, bytes | None] = {}
    ended = "quit"
    async with app.run_test(size=rng.choice(SIZES)) as pilot:
        run = Run(app, pilot, model, rng, catalog)
        if rng.random() < 0.5:  # typing from the first moment, on the picture or before the screen is up
            target = frame.step if frame is not None else opening_step(path, catalog).ref
            burst(app, " " + model.type_at(target, keeps_letters(catalog, target)))
            model.log.append(f"  typed from the start at {target}: {model.log and list(model.typed)[-1]}")
        for _ in range(500):  # the picture gives way to the live question, which takes the held keys
            await idle(pilot)
            if isinstance(app.screen, QuestionScreen) and app._held.events is None and not app._held.replaying:
                break
        if frame is not None:
            assert run.screen.step.ref == frame.step, "the live wizard opens where the picture was"
        actions, weights = zip(*run.actions(), strict=True)
        for _ in range(steps):
            before = set(model.typed)
            action = rng.choices(actions, weights)[0]
            step = run.screen.step
            await action()
            model.log.append(f"  at {step.ref}: {action.__name__} {sorted(set(model.typed) - before)}")
            if rng.random() < 0.15:  # killed at once: keys in flight may be lost, nothing misplaced
                ended = "killed mid-typing"
                break
            await idle(pilot)
            await run.back_to_questions()
            assert not errors_told(app), errors_told(app)
        else:
            ended = rng.choice(["quit", "quit typed ahead", "killed", "killed soon after a change"])
        if ended == "quit typed ahead":  # Ctrl+Q right behind the last word: it is kept
            step = run.screen.step
            burst(app, " " + model.type_at(step.ref, keeps_letters(catalog, step.ref)), "<ctrl+q>")
            for _ in range(500):
                await pilot.pause(0.01)  # type: ignore[attr-defined]
                if not app.is_running:
                    break
            ended = "quit"
        if ended != "quit":
            if ended == "killed soon after a change":  # Enter, then killed before the save lands
                await run.press(" ", *model.type_at(run.screen.step.ref, keeps_letters(catalog, run.screen.step.ref)))
                await idle(pilot)
                burst(app, "<enter>")
                for _ in range(20):
                    await pilot.pause(0.001)  # type: ignore[attr-defined]
            if ended == "killed mid-typing":  # the keys of the last thing done may not have arrived
                model.may_go.update(set(model.typed) - before)
            session = app.session
            assert session is not None
            with session._writing:  # what a SIGKILL now leaves: never half a save
                for side in (path, locations.draft_file(path), locations.first_frame_file(path)):
                    killed[side] = side.read_bytes() if side.exists() else None
        if app.is_running:
            app.exit()
    if killed:
        for side, data in killed.items():
            if data is None:
                side.unlink(missing_ok=True)
            else:
                side.write_bytes(data)
        # The killed wizard is this very process, still alive, so its lock would count as held;
        # a real kill leaves a dead process's lock, which the next start takes over.
        lock.lock_path(path).unlink(missing_ok=True)
    model.log.append(ended)
    return ended


async def sequence(seed: int, tmp_path: Path, catalog: Catalog) -> None:
    rng = random.Random(seed)
    model = Model(rng)
    path = tmp_path / f"seq-{seed}.toml"
    if rng.random() < 0.6:
        store.save(structure(rng.choice([1, 2]), rng.choice([1, 2]), 1), path)
    history = []
    for _ in range(rng.randint(1, RUNS)):
        ended = await one_run(path, model, rng, catalog, rng.randint(4, 12))
        history.append(ended)
        model.check(path, f"seed {seed}, after {' then '.join(history)}")


@pytest.mark.parametrize("batch", range(BATCHES))
async def test_random_typing_lands_where_it_was_typed(batch: int, tmp_path: Path) -> None:
    catalog = shipped_catalog()
    for seed in range(FIRST_SEED + batch * PER_BATCH, FIRST_SEED + (batch + 1) * PER_BATCH):
        await sequence(seed, tmp_path, catalog)

