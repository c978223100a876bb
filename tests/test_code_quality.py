"""The codebase's own rules: lint, types, and a core that never imports Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CORE_MODULES = [
    "wizard.commands.cli", "wizard.commands.check", "wizard.commands.score",
    "wizard.files.banks", "wizard.files.store", "wizard.core.scoring",
    "wizard.core.session", "wizard.core.steps", "wizard.files.saver", "wizard.core.coaching", "wizard.core.conformance",
    "wizard.files.drafts", "wizard.model.canvas", "wizard.checks", "wizard.commands.export", "wizard.commands.diff",
    "wizard.commands.report", "wizard.files.canvas_file", "wizard.files.outputs", "wizard.files.editing",
    "wizard.files.first_frame", "wizard.commands.banks", "wizard.commands.schema", "wizard.commands.parser",
    "wizard.commands.output", "wizard.files.settings",
    "wizard.model.structure", "wizard.model.bulk", "wizard.model.memo",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    result = run("-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = run("-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_imports_no_textual() -> None:
    code = (
        "import sys\n"
        f"for name in {CORE_MODULES!r}: __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad[:3]); sys.exit(1 if bad else 0)\n"
    )
    result = run("-c", code)
    assert result.returncode == 0, f"core modules import Textual: {result.stdout}{result.stderr}"
