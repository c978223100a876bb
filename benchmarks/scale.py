"""How the core scales with canvas size: load, validate, score, check and save, timed apart.

Run in a fresh process (`python -m benchmarks.scale 1 10 100 1000`); prints one JSON object.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import canvas_with_segments, catalog, growth_exponent, median
from wizard import checks
from wizard.core import conformance, scoring
from wizard.files import store, tomlio

REPEATS = 3


def pipeline(path: Path, out: Path) -> dict[str, float]:
    cat = catalog()
    times: dict[str, float] = {}
    start = time.perf_counter()
    tomlio.read(path)
    times["parse"] = time.perf_counter() - start  # for the breakdown only: load parses again
    start = time.perf_counter()
    canvas = store.load(path)
    times["load"] = time.perf_counter() - start
    start = time.perf_counter()
    scoring.score(canvas, cat)
    times["score"] = time.perf_counter() - start
    start = time.perf_counter()
    conformance.check(canvas, cat)
    checks.run(canvas, cat)
    times["check"] = time.perf_counter() - start
    start = time.perf_counter()
    store.save(canvas, out)
    times["save"] = time.perf_counter() - start
    times["total"] = times["load"] + times["score"] + times["check"] + times["save"]
    return times


def measure(sizes: list[int]) -> dict[str, Any]:
    cat = catalog()
    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path, out = Path(tmp) / f"{size}.toml", Path(tmp) / f"{size}-out.toml"
            store.save(canvas_with_segments(cat, size), path)
            runs = [pipeline(path, out) for _ in range(REPEATS)]
            rows[str(size)] = {stage: median([r[stage] for r in runs]) for stage in runs[0]}
            rows[str(size)]["bytes"] = path.stat().st_size
    totals = [rows[str(s)]["total"] for s in sizes]
    return {"sizes": rows, "exponent": growth_exponent(sizes, totals)}


if __name__ == "__main__":
    print(json.dumps(measure([int(a) for a in sys.argv[1:]] or [1, 10, 100, 1000])))
