"""Start the interactive wizard; kept apart so the commands never import Textual."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.errors import UserFileError


def launch(path: Path | None, banks_dir: Path | None = None, coach: bool = False) -> int:
    from wizard.banks import load_catalog

    try:
        catalog = load_catalog(banks_dir)
    except UserFileError as exc:
        print(f"canvas-wizard: {exc}", file=sys.stderr)
        return 1
    if path is not None and path.exists() and path.is_dir():
        print(f"canvas-wizard: {path}: this is a folder; give a canvas file (.toml)", file=sys.stderr)
        return 2
    from wizard.tui.app import WizardApp

    app = WizardApp(path, catalog, coach=coach)
    message = app.run()
    if message:
        print(message)
    return 0
