"""Figures measured inside a running app: keystrokes, the next question, memory growth, UI blocking.

Each figure runs in a fresh process (`python -m benchmarks.interactive FIGURE`) and prints
one JSON object, so no figure inherits another's memory or caches.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import canvas_with_segments, catalog, median, percentile
from benchmarks.frames import Frames, key_for, press, stop_blinking
from tests.factory import full_answer, structure
from wizard.files import store
from wizard.model.bank import Kind
from wizard.model.canvas import Canvas

SIZE = (120, 40)
KEYS = 100
TYPED = "Students living away from home for the first time "


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def type_keys(app: Any, frames: Frames) -> list[float]:
    stop_blinking(app)
    latencies = []
    for i in range(KEYS):
        latency = await press(app, frames, *key_for(TYPED[i % len(TYPED)]))
        if latency is not None:
            latencies.append(latency)
    return latencies


def key_figures(latencies: list[float]) -> dict[str, float]:
    return {"key_p50": percentile(latencies, 50), "key_p99": percentile(latencies, 99),
            "key_max": max(latencies), "keys": len(latencies)}


async def floor_keys() -> dict[str, Any]:
    from benchmarks.floor_app import FloorApp

    app = FloorApp()
    frames = Frames(app)
    start = time.perf_counter()
    async with app.run_test(size=SIZE):
        await frames.settle(start)
        return key_figures(await type_keys(app, frames))


@asynccontextmanager
async def wizard(canvas: Canvas | None) -> AsyncIterator[tuple[Any, Any, Frames]]:
    """The wizard on a file holding `canvas` (None: a new canvas), at its first question."""
    from wizard.tui.app import WizardApp
    from wizard.tui.screens.question import QuestionScreen
    from wizard.tui.widgets.field_box import FieldBox

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CANVAS_WIZARD_STATE_DIR"] = str(Path(tmp) / "state")
        path = Path(tmp) / "canvas.toml"
        if canvas is not None:
            store.save(canvas, path)
        app = WizardApp(path, catalog())
        frames = Frames(app)
        start = time.perf_counter()
        async with app.run_test(size=SIZE):
            while not isinstance(app.screen, QuestionScreen):
                await asyncio.sleep(0.005)
            await frames.settle(start)
            # The start's own work done (the answer widgets of the other kinds, made ahead in
            # the background, each in a frame of its own): a key pressed meanwhile is painted
            # at once, but `press` waits for the app to be idle, and timed the start's frames.
            box = app.screen.query_one(FieldBox)
            while not box.prepared and time.perf_counter() - start < 30:
                await asyncio.sleep(0.005)
            await frames.idle()
            yield app, app.screen, frames


def text_steps(screen: Any, depth: int) -> list[Any]:
    session = screen.session
    return [s for s in session.steps() if not s.is_structure and len(s.location) == depth
            and session.question(s).kind is Kind.TEXT]


async def show(app: Any, screen: Any, frames: Frames, step: Any) -> Any:
    """Go to `step` (untimed); returns its Input, which has the focus."""
    from textual.widgets import Input

    start = time.perf_counter()
    screen.show(step)
    while not isinstance(app.focused, Input) or app.focused not in screen.field.query(Input):
        if time.perf_counter() - start > 10:
            raise RuntimeError(f"{step.ref}: the focus is on {app.focused}, not the answer")
        await frames.settle(time.perf_counter())
    await frames.idle()
    stop_blinking(app)
    return app.focused


def time_saves(session: Any, into: list[tuple[float, bool]]) -> None:
    """Record how long each save takes, and whether it ran on the UI thread."""
    original: Callable[..., Any] = session.save
    ui_thread = threading.get_ident()

    def save(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into.append((time.perf_counter() - start, threading.get_ident() == ui_thread))

    session.save = save


async def wizard_keys(segments: int, enters: int) -> dict[str, Any]:
    """Typing into a text question, then Enter to the next question (with its save)."""
    async with wizard(canvas_with_segments(catalog(), segments)) as (app, screen, frames):
        steps = text_steps(screen, depth=2)
        await show(app, screen, frames, steps[0])
        out: dict[str, Any] = key_figures(await type_keys(app, frames))
        saves: list[tuple[float, bool]] = []
        time_saves(screen.session, saves)
        nexts, shares = [], []
        for i, step in enumerate(steps[1:enters + 1]):
            field = await show(app, screen, frames, step)
            field.value = f"changed answer {i}"
            await frames.idle()
            saves.clear()
            latency = await press(app, frames, "enter", "\r")
            if latency is None or screen.step == step:
                raise RuntimeError(f"Enter on {step.ref} did not move to the next question")
            nexts.append(latency)
            shares.append(sum(t for t, on_ui in saves if on_ui) / latency)
        out.update(next_question=median(nexts), save_share=median(shares))
        return out


async def memory_growth(answers: int) -> dict[str, Any]:
    """RSS once the first question's checks have run, then after answering `answers`
    questions through the app: what answering accumulates. The coach's checks load their
    language tables once, a moment after the first question (`rss_checks_kb` shows what
    that costs): loaded data, not growth, so it is in its own figure."""
    from wizard.tui.widgets.fields import TextField
    from wizard.tui.widgets.status_line import StatusLine

    async with wizard(structure(types=1, segments=4, jobs=1)) as (app, screen, frames):
        gc.collect()
        first = rss_kb()
        line = screen.query_one(StatusLine)
        waited = time.perf_counter()
        while line._checked[0] is None and time.perf_counter() - waited < 30:
            await asyncio.sleep(0.05)
        await frames.idle()
        gc.collect()
        before = rss_kb()
        session, answered = screen.session, 0
        while answered < answers and session.neighbour(screen.step, 1) is not None:
            step = screen.step
            if not step.is_structure:
                value = full_answer(session.question(step), answered)
                if isinstance(screen.field, TextField):
                    app.focused.value = value
                    await press(app, frames, "enter", "\r")
                else:
                    session.commit(step, value)
                    screen.action_skip()
                answered += 1
            else:
                screen.action_skip()
            await frames.idle()
        gc.collect()
        after = rss_kb()
        return {"rss_first_kb": first, "rss_checks_kb": before, "rss_after_kb": after, "answered": answered,
                "growth": after / before - 1}


async def ui_block(segments: int, saves_wanted: int) -> dict[str, Any]:
    """How long a save holds the UI thread on a large canvas, and the longest stall seen.

    `save_on_ui` counts only the part of `Session.save` that runs on the UI thread (a save
    handed to a writer thread is not counted); `longest_stall` is the longest the event loop
    went without running, from the Enter until 0.2 s after it, whatever the cause."""
    start = time.perf_counter()
    async with wizard(canvas_with_segments(catalog(), segments)) as (app, screen, frames):
        opened = time.perf_counter() - start
        saves: list[tuple[float, bool]] = []
        time_saves(screen.session, saves)
        gaps: list[float] = []
        beating = True

        async def heartbeat() -> None:
            last = time.perf_counter()
            while beating:
                await asyncio.sleep(0.001)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        steps = text_steps(screen, depth=2)
        blocks, stalls, nexts = [], [], []
        for i, step in enumerate(steps[len(steps) // 2:][:saves_wanted]):
            field = await show(app, screen, frames, step)
            field.value = f"changed answer {i}"
            await frames.idle()
            saves.clear()
            gaps.clear()
            beat = asyncio.ensure_future(heartbeat())
            beating = True
            latency = await press(app, frames, "enter", "\r")
            await asyncio.sleep(0.2)  # a save finished off the UI thread may still call back
            beating = False
            await beat
            nexts.append(latency or 0.0)
            blocks.append(max((t for t, on_ui in saves if on_ui), default=0.0))
            stalls.append(max(gaps, default=0.0))
        return {"segments": segments, "open_seconds": opened, "save_on_ui": median(blocks),
                "longest_stall": median(stalls), "next_question": median(nexts)}


FIGURES: dict[str, Callable[..., Any]] = {
    "floor-keys": floor_keys, "wizard-keys": wizard_keys, "memory": memory_growth, "ui-block": ui_block,
}


def main(argv: list[str]) -> None:
    name, *args = argv
    print(json.dumps(asyncio.run(FIGURES[name](*(int(a) for a in args)))))


if __name__ == "__main__":
    main(sys.argv[1:])
