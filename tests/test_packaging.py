"""What a package index and pip see: the licence, the metadata, README links that work there, declared imports."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LAZY_IMPORTERS = {"__import__", "import_module", "_module"}
"""Calls that import a module named by a string (wizard/checks/language.py loads its libraries so)."""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_licence_file_matches_the_metadata() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PROJECT["license"] == "MIT" and text.startswith("MIT License")
    assert "Canvas Wizard contributors" in text and "WITHOUT WARRANTY OF ANY KIND" in text
    assert "LICENSE" in PROJECT["license-files"]
    # A licence expression and a licence classifier together are refused by the build tools (PEP 639).
    assert not [c for c in PROJECT["classifiers"] if c.startswith("License ::")]


def test_classifiers_and_project_urls() -> None:
    classifiers = PROJECT["classifiers"]
    assert "Environment :: Console" in classifiers
    python = re.search(r">=\s*3\.(\d+)", PROJECT["requires-python"])
    assert python and f"Programming Language :: Python :: 3.{python.group(1)}" in classifiers
    urls = PROJECT["urls"]
    assert {"Homepage", "Documentation", "Issues"} <= set(urls)
    home = urls["Homepage"]
    assert all(url.startswith(home) and url.startswith("https://") for url in urls.values()), urls


def _links(markdown: str) -> list[str]:
    inline = re.findall(r"\]\(\s*<?([^)\s>]+)", markdown)
    references = re.findall(r"^\s*\[[^\]]+\]:\s*(\S+)", markdown, re.MULTILINE)
    html = re.findall(r"<(?:a|img)\b[^>]*\b(?:href|src)=\"([^\"]+)\"", markdown)
    return inline + references + html


def _anchors(markdown: str) -> set[str]:
    """GitHub's and PyPI's heading anchors: lower case, punctuation dropped, spaces as dashes."""
    headings = re.findall(r"^#+\s+(.+?)\s*$", markdown, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


def test_readme_links_work_on_a_package_index() -> None:
    """PyPI shows the README without the repository around it: a relative link there is dead."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    base = PROJECT["urls"]["Homepage"].rstrip("/") + "/blob/main/"
    links = _links(readme)
    assert links, "the README links to its docs"
    for link in links:
        if link.startswith("#"):
            assert link[1:] in _anchors(readme), f"no heading for {link}"
            continue
        assert link.startswith(("https://", "http://", "mailto:")), f"relative link {link!r} breaks on PyPI"
        if link.startswith(base):
            path = link[len(base):].split("#")[0]
            assert (ROOT / path).exists(), f"{link} names {path}, which is not in the repository"


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called in LAZY_IMPORTERS:
                names.add(node.args[0].value.split(".")[0])
    return names


def test_every_third_party_import_is_a_declared_dependency() -> None:
    """pip installs what pyproject declares, not what a dependency happens to pull in today."""
    declared = {_normal(re.match(r"[A-Za-z0-9._-]+", d).group()) for d in PROJECT["dependencies"]}  # type: ignore[union-attr]
    ours = {"wizard", "question_banks"}
    distributions = importlib.metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "wizard").rglob("*.py")):
        for name in _imported(path) - ours - set(sys.stdlib_module_names):
            found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    assert {"textual", "aiohttp", "jinja2", "lemminflect"} <= set(found)  # the scan sees lazy imports too
    undeclared = {}
    for module, where in found.items():
        dists = {_normal(d) for d in distributions.get(module, [module])}
        if not dists & declared:
            undeclared[module] = sorted(where)
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"
