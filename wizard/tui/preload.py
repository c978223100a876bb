"""Loading the wizard ahead of its use: what `serve`'s warm process imports and builds before a visitor."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

PRELOADED = ("wizard.tui", "wizard.core", "wizard.files", "wizard.model", "wizard.checks")
"""Every module of these packages is imported ahead (the commands and exports are not:
the first question needs neither)."""


def preload() -> None:
    """Import what the wizard's screens need, and build what they build on first use; opens
    no file (the canvas model is tried on a canvas made in memory)."""
    import textual.drivers.web_driver  # noqa: F401  # the driver serve's processes run under

    for package in PRELOADED:
        module = importlib.import_module(package)
        for found in pkgutil.walk_packages(module.__path__, f"{package}."):
            importlib.import_module(found.name)
    from wizard.core.session import new_canvas
    from wizard.files import store

    # The canvas model's validator and serializer are built on first use (defer_build).
    store.from_data(store.to_data(new_canvas("warm")), Path("warm.toml"))
