"""Shared by the benchmark figures: paths, statistics and the canvases they run on."""

from __future__ import annotations

import math
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # `python benchmarks/run.py` as well as `python -m benchmarks.run`

from tests.factory import full_canvas  # noqa: E402
from wizard.files.banks import load_catalog  # noqa: E402
from wizard.model.canvas import Canvas  # noqa: E402
from wizard.model.catalog import Catalog  # noqa: E402


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """The nearest-rank percentile: a value that actually occurred."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def growth_exponent(sizes: Sequence[float], times: Sequence[float]) -> float:
    """The slope of log(time) against log(size), by least squares (nan for fewer than two sizes)."""
    if len(set(sizes)) < 2:
        return math.nan  # `python -m benchmarks.scale 1000` times one size: there is no slope
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def catalog() -> Catalog:
    return load_catalog(None)


def canvas_with_segments(cat: Catalog, segments: int) -> Canvas:
    """Every question answered, `segments` segments of one job each (about 30 answers a
    segment), ten segments per customer type."""
    per_type = min(segments, 10)
    return full_canvas(cat, types=max(1, segments // per_type), segments=per_type, jobs=1)
