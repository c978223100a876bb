"""The picture printed by headless Chromium (Debian's) honouring its CSS page size: pages, cards, contrast."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import realistic
from tests.conftest import EXAMPLES
from wizard.commands.export import render
from wizard.core import evidence
from wizard.export import palette
from wizard.files import store
from wizard.model.catalog import Catalog
from wizard.model.evidence import Interview, Link

CHROMIUM = Path("/usr/bin/chromium")
needs_browser = pytest.mark.skipif(not CHROMIUM.exists() or not shutil.which("pdftotext"),
                                   reason="needs Debian's chromium and poppler-utils")
A4_LANDSCAPE = (841.9, 595.3)  # points


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def print_pdf(browser: Any, html: str, folder: Path) -> Path:
    page = browser.new_page()
    source = folder / "picture.html"
    source.write_text(html, encoding="utf-8")
    page.goto(source.as_uri())
    pdf = folder / "picture.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    return pdf


def pages_text(pdf: Path) -> list[str]:
    """The text of each printed page, whitespace collapsed."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert match, info
    return float(match.group(1)), float(match.group(2))


def picture_of(canvas_path: Path, catalog: Catalog) -> str:
    return render(canvas_path, "html", catalog)


def segment_names(path: Path) -> list[str]:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    return [s["name"] for t in doc.get("customer_types", []) for s in t.get("segments", [])]


@needs_browser
@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_each_example_prints_an_overview_and_one_a4_landscape_page_per_segment(
        example: Path, browser: Any, tmp_path: Path, catalog: Catalog) -> None:
    pdf = print_pdf(browser, picture_of(example, catalog), tmp_path)
    pages = pages_text(pdf)
    names = segment_names(example)
    assert len(pages) == 1 + len(names)
    width, height = page_size(pdf)
    assert abs(width - A4_LANDSCAPE[0]) < 2 and abs(height - A4_LANDSCAPE[1]) < 2
    for page, name in zip(pages[1:], names, strict=True):
        assert " ".join(name.split()[:2]) in page  # each segment's page is its own


@needs_browser
@pytest.mark.parametrize(("segments", "jobs"), [((2, 2, 1), 1), ((2, 2, 1), 2), ((3, 3, 2), 1)],
                         ids=["3 types 5 segments", "3 types 5 segments 2 jobs each", "3 types 8 segments"])
def test_a_canvas_answered_to_the_recommended_counts_fits_a_page_per_segment(
        segments: tuple[int, ...], jobs: int, browser: Any, tmp_path: Path, catalog: Catalog) -> None:
    canvas = realistic.canvas(catalog, segments=segments, jobs=jobs)
    path = tmp_path / "full.toml"
    store.save(canvas, path)
    pages = [page.lower() for page in pages_text(print_pdf(browser, picture_of(path, catalog), tmp_path))]
    assert len(pages) == 1 + sum(segments)
    for number, page in enumerate(pages[1:], 1):
        assert f"s{number}j1bp1" in page and f"s{number}j{jobs}ag3" in page  # first and last item of the segment
        assert f"s{number + 1}j1bp1" not in page


@needs_browser
def test_beyond_the_recommended_counts_a_segment_continues_on_pages_of_its_own_cards_whole(
        browser: Any, tmp_path: Path, catalog: Catalog) -> None:
    canvas = realistic.canvas(catalog, segments=(2, 1), jobs=3, extra=4)
    path = tmp_path / "over.toml"
    store.save(canvas, path)
    pages = [page.lower() for page in pages_text(print_pdf(browser, picture_of(path, catalog), tmp_path))]
    assert len(pages) > 1 + 3

    def on(token: str) -> set[int]:
        return {n for n, page in enumerate(pages) if re.search(rf"\b{token}\b", page)}

    for seg in (1, 2, 3):
        for job in (1, 2, 3):
            for stage in "bda":
                first, last = on(f"s{seg}j{job}{stage}p1"), on(f"s{seg}j{job}{stage}g7")
                assert len(first) == 1 and first == last, (seg, job, stage)  # a stage card on one page
        # Each segment starts a page: none of its items shares a page with the segment before.
        if seg > 1:
            assert max(on(f"s{seg - 1}j3ag7")) < min(on(f"s{seg}j1bp1"))


@needs_browser
def test_evidence_marks_keep_a_three_job_segment_on_one_page(browser: Any, tmp_path: Path, catalog: Catalog) -> None:
    """Every item of a segment answered to the recommended counts, each with a mark: still one page."""
    canvas = realistic.canvas(catalog, segments=(1,), jobs=3)
    segment = canvas.customer_types[0].segments[0]
    items = evidence.evidence(canvas, catalog).items
    links = [Link(at=i.at, question=i.question, item=i.item, verdict="contradicts" if n % 3 == 0 else "supports")
             for n, i in enumerate(items)]
    segment.interviews = [Interview(id=f"i{k}", date=dt.date(2026, 11, 1), links=links[k::3]) for k in range(3)]
    path = tmp_path / "marked.toml"
    store.save(canvas, path)
    html = picture_of(path, catalog)
    assert html.count('class="ev ') >= len(items)
    pages = pages_text(print_pdf(browser, html, tmp_path))
    assert len(pages) == 2
    assert "supported by N" in pages[1] and "s1j3ag3" in pages[1].lower()


def test_every_text_colour_keeps_aa_contrast_on_every_surface() -> None:
    for name, theme in palette.THEMES.items():
        ratio, text, surface = palette.weakest(theme)
        assert ratio >= palette.AA, f"{name}: {text} on {surface} is {ratio:.2f}:1"


# For every element that shows text: its colour against the first opaque background behind it.
_CONTRAST_JS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.04045 ? v / 12.92
    : ((v + 0.055) / 1.055) ** 2.4; }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + .05) / (y + .05); };
  const behind = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length === 3 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
  const worst = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const before = getComputedStyle(el, '::before').content;
    if (!own && !(before && before !== 'none' && before !== 'normal')) continue;
    const r = ratio(rgb(getComputedStyle(el).color).slice(0, 3), behind(el));
    if (r < 4.5) worst.push([el.tagName + '.' + el.className, r]);
  }
  return worst;
}"""


@needs_browser
@pytest.mark.parametrize("example", ["facebook", "harbour-box"])  # the second with evidence marks
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_on_screen_has_aa_contrast_everywhere(scheme: str, example: str, browser: Any, tmp_path: Path,
                                                        catalog: Catalog) -> None:
    canvas = store.load(EXAMPLES / f"{example}.toml")
    canvas.coach.notes = {"": "A note"}
    path = tmp_path / "c.toml"
    store.save(canvas, path)
    html = render(path, "html", catalog)
    source = tmp_path / "p.html"
    source.write_text(html, encoding="utf-8")
    page = browser.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(source.as_uri())
    assert page.evaluate(_CONTRAST_JS) == []
    page.emulate_media(media="print")
    assert page.evaluate(_CONTRAST_JS) == []
    page.close()
