"""Shared fixtures: every test gets its own state folder, so no test touches the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard import banks, locations
from wizard.model.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv(locations.STATE_ENV, str(state))
    return state


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return banks.shipped_catalog()
