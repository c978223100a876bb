"""Start the interactive wizard; kept apart so the commands never import Textual."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.errors import UserFileError

if TYPE_CHECKING:
    from wizard.first_frame import FirstFrame
    from wizard.model.catalog import Catalog


def first_frame_for(path: Path, banks_dir: Path | None, coach: bool) -> FirstFrame | None:
    """The picture to paint first: a new canvas's first question, or the one stored when
    this canvas was last closed (None when it is out of date or damaged)."""
    from wizard import first_frame, locations
    from wizard.tui.preview_screen import new_canvas, readable

    if not path.exists():
        return new_canvas(path, coach)
    frame = first_frame.load(path, first_frame.banks_key(locations.shipped_dir(), banks_dir), coach)
    return frame if frame is not None and readable(frame) else None


def launch(path: Path | None, banks_dir: Path | None = None, coach: bool = False) -> int:
    # The wizard uses no pydantic plugins; looking for them reads every installed package's
    # metadata (20 ms or more at start-up with a hundred packages). A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if path is not None and path.exists() and path.is_dir():
        print(f"canvas-wizard: {path}: this is a folder; give a canvas file (.toml)", file=sys.stderr)
        return 1
    frame = first_frame_for(path, banks_dir, coach) if path is not None else None
    catalog: Catalog | None = None
    if frame is None:  # nothing to paint first: the banks are needed before anything shows
        from wizard.banks import load_catalog

        try:
            catalog = load_catalog(banks_dir)
        except UserFileError as exc:
            print(f"canvas-wizard: {exc}", file=sys.stderr)
            return 1
    from wizard.tui.app import WizardApp

    app = WizardApp(path, catalog, coach=coach, frame=frame, banks_dir=banks_dir)
    message = app.run()
    if app.return_code:
        print(message or "canvas-wizard: stopped with an error", file=sys.stderr)
        return 1
    if message:
        print(message)
    return 0
