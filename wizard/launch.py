"""Start the interactive wizard; kept apart so the commands never import Textual."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from wizard.errors import UserFileError


def launch(path: Path | None, banks_dir: Path | None = None, coach: bool = False) -> int:
    # The wizard uses no pydantic plugins; looking for them reads every installed package's
    # metadata (20 ms or more at start-up with a hundred packages). A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from wizard.banks import load_catalog

    try:
        catalog = load_catalog(banks_dir)
    except UserFileError as exc:
        print(f"canvas-wizard: {exc}", file=sys.stderr)
        return 1
    if path is not None and path.exists() and path.is_dir():
        print(f"canvas-wizard: {path}: this is a folder; give a canvas file (.toml)", file=sys.stderr)
        return 1
    from wizard.tui.app import WizardApp

    app = WizardApp(path, catalog, coach=coach)
    message = app.run()
    if message:
        print(message)
    return 0
