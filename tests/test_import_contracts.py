"""The house's import contracts (pyproject.toml's [tool.importlinter]) hold for the tree, and
would catch the imports they forbid: each broken on purpose in a copy of the tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = {c["id"]: c["name"] for c in
             tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]}
LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"


def lint(tree: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on `tree` (its own `wizard` package: the working folder comes first on the
    path, ahead of any installed copy)."""
    return subprocess.run([sys.executable, "-c", LINT], cwd=tree, capture_output=True, text=True, check=False,
                          timeout=120)


def test_the_tree_keeps_every_contract() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(CONTRACTS)} kept, 0 broken" in result.stdout


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "wizard", tree / "wizard", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree)
    return tree


def add(tree: Path, module: str, code: str) -> None:
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")


BROKEN = {
    "the core imports Textual": ("wizard/core/scoring.py", "import textual.widgets", "plain-core",
                                 "wizard.core.scoring -> textual"),
    "the model imports Rich in a function": ("wizard/model/canvas.py", "def _later() -> None:\n    import rich.text",
                                             "plain-core", "wizard.model.canvas -> rich"),
    "the files read the session (upward)": ("wizard/files/store.py", "from wizard.core import session",
                                            "layers", "wizard.files.store -> wizard.core.session"),
    "the core names a TUI class for its types only": (
        "wizard/core/session.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from wizard.tui.app import WizardApp",
        "layers plain-core", "wizard.core.session -> wizard.tui.app"),
    "the checks read the scores (siblings)": ("wizard/checks/jobs.py", "from wizard.core import scoring",
                                             "layers", "wizard.checks.jobs -> wizard.core.scoring"),
    "the core reaches Textual through the TUI": ("wizard/export/html.py", "from wizard.tui import text",
                                                 "layers plain-core", "wizard.export.html -> wizard.tui.text"),
    "a command imports Textual itself": ("wizard/commands/report.py", "from textual.app import App",
                                         "textual-in-tui", "wizard.commands.report -> textual"),
    "the TUI serves itself": ("wizard/tui/text.py", "import textual_serve", "serve-in-commands",
                              "wizard.tui.text -> textual_serve"),
}


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_a_forbidden_import_breaks_its_contract(copy: Path, case: str) -> None:
    """So the contract test above cannot pass for want of looking: the same run fails, and
    names the contract and the import, once one module of the copy makes the import."""
    module, code, contracts, named = BROKEN[case]
    add(copy, module, code)
    result = lint(copy)
    assert result.returncode == 1, result.stdout + result.stderr
    said = " ".join(result.stdout.split())  # the report wraps long lines
    broken = contracts.split()
    assert all(f"{CONTRACTS[c]} BROKEN" in said for c in broken), result.stdout
    assert f"{len(CONTRACTS) - len(broken)} kept, {len(broken)} broken" in said, result.stdout
    assert named in said, result.stdout
