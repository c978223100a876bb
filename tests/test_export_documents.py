"""The Markdown exports as documents: mdformat-clean on every example and on fuller canvases, and the
interview kit natural with any segment name, asking about each canvas's own answers, never leading."""

from __future__ import annotations

import re
from pathlib import Path

import mdformat
import pytest

from tests import realistic
from tests.conftest import EXAMPLES
from tests.factory import structure
from wizard.commands.export import render, render_canvas
from wizard.export.view import Audience
from wizard.files import store
from wizard.model.catalog import Catalog


def flatten(markdown: str) -> str:
    """The text as one line, quote marks and wrapping gone: what a reader reads."""
    return " ".join(re.sub(r"^> ?", "", markdown, flags=re.MULTILINE).split())


EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))
FUTURE = re.compile(r"\b(would|will) you\b|\bwould (it|that)\b|\bhow much would\b|\bimagine\b", re.IGNORECASE)


@pytest.mark.parametrize("fmt", ["markdown", "interview"])
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("audience", list(Audience))
def test_every_example_is_mdformat_clean(example: Path, fmt: str, audience: Audience, catalog: Catalog) -> None:
    text = render(example, fmt, catalog, audience)
    assert mdformat.text(text) == text  # what `mdformat --check` checks, without plugins


@pytest.mark.parametrize("fmt", ["markdown", "interview"])
def test_a_full_canvas_and_one_beyond_the_counts_are_mdformat_clean(fmt: str, catalog: Catalog) -> None:
    for canvas in (realistic.canvas(catalog), realistic.canvas(catalog, segments=(1,), jobs=2, extra=3)):
        text = render_canvas(canvas, catalog, fmt)
        assert mdformat.text(text) == text


def test_persona_headings_are_unique_and_name_types_segments_jobs_and_stages(catalog: Catalog) -> None:
    text = render_canvas(realistic.canvas(catalog, jobs=2), catalog, "markdown")
    headings = re.findall(r"^(#+) (.*)$", text, re.MULTILINE)
    assert len({h for _, h in headings}) == len(headings)
    levels = {h.split(":")[0]: len(m) for m, h in headings if ":" in h}
    assert levels["Customer type"] == 2 and levels["Segment"] == 3 and levels["Job"] == 4
    assert levels["Before"] == levels["During"] == levels["After"] == 5


def test_persona_dates_read_as_dates(catalog: Catalog) -> None:
    text = render(EXAMPLES / "facebook.toml", "markdown", catalog)
    assert "20 November 2026" in text and not re.search(r"\d{4}-\d\d-\d\d", text)


ODD_NAMES = ["the over-60s who still run the family farm", "Retired owners with small farms", "nurses",
             "Étudiants en première année à Lyon", "THE BIG BUYERS", "A" * 120, "日本の小売店"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_the_interview_kit_reads_naturally_with_any_segment_name(name: str, catalog: Catalog) -> None:
    canvas = structure(1, 1, 1)
    segment = canvas.customer_types[0].segments[0]
    segment.name = name
    segment.jobs[0].before.set("profile.pains", ["Spends the evening chasing invoices"])
    text = render_canvas(canvas, catalog, "interview")
    flat = flatten(text)
    assert f"## {name}" in text or name.startswith("A" * 10)
    # The name is only ever a label: after a dash or colon, or in brackets, never inflected into a sentence.
    for article in ("a ", "an ", "as a ", "as an "):
        assert f"{article}{name}" not in flat and f"{article}“{name}" not in flat
    assert f"your position ({name})" in flat
    assert "Spends the evening chasing invoices" in flat
    assert not FUTURE.search(text)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_interview_kit_asks_about_each_examples_own_pains_and_alternatives(example: Path,
                                                                              catalog: Catalog) -> None:
    canvas = store.load(example)
    text = flatten(render(example, "interview", catalog))
    for ctype in canvas.customer_types:
        for segment in ctype.segments:
            part = text[text.index(f"## {segment.name}"):]
            for job in segment.jobs:
                assert job.statement in part
                for item in job.get("customer_model.existing_alternatives") or []:
                    assert item in part
                for stage in (job.before, job.during, job.after):
                    for item in stage.get("profile.pains") or []:
                        assert item in part
    assert not FUTURE.search(text)


def test_the_least_certain_job_is_asked_about_first(catalog: Catalog) -> None:
    canvas = realistic.canvas(catalog, segments=(1,), jobs=2)
    sure, unsure = canvas.customer_types[0].segments[0].jobs
    unsure.during.set("profile.pains", None)  # nothing known about this stage yet
    text = render_canvas(canvas, catalog, "interview")
    assert text.index(f"#### Job: {unsure.statement}") < text.index(f"#### Job: {sure.statement}")
    assert "No guesses about pains here yet" in text


def test_the_kit_offers_the_incentive_only_when_one_is_set(catalog: Catalog) -> None:
    canvas = structure(1, 1, 1)
    assert "thank-you" not in render_canvas(canvas, catalog, "interview")
    canvas.set("research.incentive", "A £20 voucher.")
    text = flatten(render_canvas(canvas, catalog, "interview"))
    assert text.count("As a thank-you for your time: A £20 voucher.") == 2  # on connecting, and after
