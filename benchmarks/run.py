"""The performance benchmark: `python -m benchmarks.run` prints the table and writes the figures.

Every time is the median of repeated runs and, where a floor exists, a ratio to the floor
app (benchmarks/floor_app.py) measured in the same run on the same machine: absolute times
on a shared machine are not comparable between runs, ratios are. Writes
benchmarks/results/latest.json (all figures and raw runs) and benchmarks/RESULTS.md (the
table, committed), and the same table into the README's Performance section (between its
markers). Takes about ten minutes; it passes or fails nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import startup
from benchmarks.common import ROOT, canvas_with_segments, catalog, median
from benchmarks.table import Row, markdown, markdown_rows, rows, scale_markdown

RESULTS = ROOT / "benchmarks" / "results"
NEW_MARKER = "Who are your customer types"
RESUME_SEGMENTS = 20


def resume_draft() -> tuple[str, str]:
    """A 20-segment canvas with every question answered, and the text of the question it opens at."""
    from wizard.core.session import Session
    from wizard.files import store

    cat = catalog()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.toml"
        store.save(canvas_with_segments(cat, RESUME_SEGMENTS), path)
        session = Session(path, store.load(path), cat)
        step = session.first_open() or session.steps()[-1]
        question = session.question(step)
        prompt = question.prompt if question else NEW_MARKER
        return path.read_text(encoding="utf-8"), " ".join(prompt.split()[:3])


NEW_READY = "  saved "
"""Only the live question's top bar says when the file was saved; the picture of a new one cannot."""
RESUME_READY = "Welcome back"


def start_up(runs: int) -> dict[str, Any]:
    draft, marker = resume_draft()
    kinds: dict[str, Callable[[], startup.Launch]] = {
        "floor": startup.run_floor,
        "new": lambda: startup.run_wizard(None, NEW_MARKER, NEW_READY),
        "resume": lambda: startup.run_wizard(draft, marker, RESUME_READY, reopen=True),
        "first_open": lambda: startup.run_wizard(draft, marker, RESUME_READY),
    }
    launches: dict[str, list[startup.Launch]] = {name: [] for name in kinds}
    for i in range(runs + 1):  # the first round only fills the bytecode cache
        for name, run in kinds.items():
            launch = run()
            if i:
                launches[name].append(launch)
    out: dict[str, Any] = {}
    for name, found in launches.items():
        out[name] = {key: median([getattr(x, key) for x in found])
                     for key in ("seconds", "cpu_seconds", "peak_rss_kb", "ready_seconds", "ready_rss_kb")}
        out[name]["runs"] = [x.__dict__ for x in found]
    return out


def in_process(*args: str) -> dict[str, Any]:
    """One figure in a fresh process (see benchmarks/interactive.py and scale.py)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(startup.PYCACHE)
    result = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def keystrokes(runs: int) -> dict[str, Any]:
    floor, wizard = [], []
    for _ in range(runs):  # interleaved, so a change in the machine's load hits both alike
        floor.append(in_process("benchmarks.interactive", "floor-keys"))
        wizard.append(in_process("benchmarks.interactive", "wizard-keys", str(RESUME_SEGMENTS), "10"))

    def summary(found: list[dict[str, Any]]) -> dict[str, Any]:
        keys = [k for k, v in found[0].items() if isinstance(v, float)]
        return {**{k: median([f[k] for f in found]) for k in keys}, "runs": found}

    return {"floor": summary(floor), "wizard": summary(wizard)}


def report_over(files: int, runs: int) -> dict[str, Any]:
    """`canvas-wizard report` over a folder of `files` canvases, the table printed (checks
    included): again over the same folder (the rows cached by the run before), and with
    --fresh (every canvas read, validated, scored and checked: a cohort seen the first time)."""
    from benchmarks import report_scale

    walls: dict[str, list[float]] = {"again": [], "fresh": []}
    cpus: dict[str, list[float]] = {"again": [], "fresh": []}
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cache:
        report_scale.make_folder(Path(tmp), files)
        for i in range(runs + 1):  # the first run fills the bytecode and bank caches
            for kind, extra in (("fresh", ("--fresh",)), ("again", ())):
                wall, cpu, result = report_scale.timed("report", tmp, *extra, cache=Path(cache))
                if result.returncode != 0:
                    raise RuntimeError(f"report failed:\n{result.stderr[-3000:]}")
                if i:
                    walls[kind].append(wall)
                    cpus[kind].append(cpu)
    return {"files": files, "seconds": median(walls["again"]), "cpu_seconds": median(cpus["again"]),
            "fresh_seconds": median(walls["fresh"]), "fresh_cpu_seconds": median(cpus["fresh"]),
            "runs": walls}


README_TABLE = re.compile(r"(<!-- benchmark table: written by python -m benchmarks.run -->\n).*?(\n<!-- end -->)",
                          re.DOTALL)


def write_readme_table(table: list[Row]) -> bool:
    """The README's Performance table, replaced by this run's (between its two markers)."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    body = markdown_rows(table)
    new, found = README_TABLE.subn(lambda m: m[1] + body + m[2], text)
    if found:
        readme.write_text(new, encoding="utf-8")
    return bool(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up launches per program (default 5)")
    parser.add_argument("--key-runs", type=int, default=3, help="keystroke sessions per app (default 3)")
    parser.add_argument("--report-runs", type=int, default=3, help="runs of report over 1000 canvases (default 3)")
    parser.add_argument("--serve-runs", type=int, default=5, help="page opens per served app (default 5)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    figures: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load": os.getloadavg(),
                    "when": datetime.now(UTC).isoformat(timespec="seconds")},
    }
    measures: dict[str, Callable[[], dict[str, Any]]] = {
        "start_up": lambda: start_up(args.runs),
        "keys": lambda: keystrokes(args.key_runs),
        "memory": lambda: in_process("benchmarks.interactive", "memory", "100"),
        "ui_block": lambda: in_process("benchmarks.interactive", "ui-block", "1000", "3"),
        "scale": lambda: in_process("benchmarks.scale", "1", "10", "100", "1000"),
        "report": lambda: report_over(1000, args.report_runs),
        "serve": lambda: in_process("benchmarks.serve", str(args.serve_runs)),
    }
    for name, measure in measures.items():
        print(f"measuring {name.replace('_', ' ')}...", file=sys.stderr, flush=True)
        figures[name] = measure()
    figures["machine"]["seconds"] = time.perf_counter() - began
    table = rows(figures)
    print_table(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps({"table": [r.__dict__ for r in table], **figures}, indent=2))
    breakdown = "\nThe scale figure by stage (parse is part of load, timed apart):\n\n"
    breakdown += scale_markdown(figures["scale"])
    (ROOT / "benchmarks" / "RESULTS.md").write_text(markdown(table, figures["machine"]) + breakdown, encoding="utf-8")
    readme = " and the README's table" if write_readme_table(table) else ""
    print(f"\nwrote {RESULTS / 'latest.json'}, benchmarks/RESULTS.md{readme}", file=sys.stderr)
    return 0


def print_table(table: list[Row]) -> None:
    widths = [max(len(getattr(r, f)) for r in [Row.header(), *table]) for f in Row.FIELDS]
    for row in [Row.header(), *table]:
        print("  ".join(getattr(row, f).ljust(w) for f, w in zip(Row.FIELDS, widths, strict=True)))


if __name__ == "__main__":
    raise SystemExit(main())
