"""What the wizard paints as it starts: every frame it renders of the first question reaches
the terminal (issue 18's "live question" rows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from tests.factory import full_canvas
from wizard.files import store
from wizard.model.catalog import Catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.welcome import WelcomeScreen


def rendered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each frame a screen renders from now on: the screen's class, and whether Textual
    dropped it unpainted (rendered while the app batches its updates)."""
    frames: list[tuple[str, bool]] = []
    render = Screen._compositor_refresh

    def counted(self: Screen[Any]) -> None:
        frames.append((type(self).__name__, bool(self.app._batch_count)))
        render(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", counted)
    return frames


@pytest.mark.parametrize("start", ["draft", "new canvas", "welcome"])
async def test_the_first_screen_is_not_rendered_to_be_dropped(
        tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    # Opened from the app's Mount, which Textual handles inside a batch of updates, the first
    # question was rendered whole once for nothing (30-40 ms of a draft's first open).
    path = tmp_path / "draft.toml"
    if start == "draft":
        store.save(full_canvas(catalog, types=2, segments=10), path)
    frames = rendered(monkeypatch)
    app = WizardApp(None if start == "welcome" else path, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = WelcomeScreen if start == "welcome" else QuestionScreen
        assert isinstance(app.screen, shown)
    painted = [name for name, dropped in frames if name == shown.__name__ and not dropped]
    assert painted, "the first screen was painted"
    assert (shown.__name__, True) not in frames, "a frame of the first screen was rendered and dropped"
