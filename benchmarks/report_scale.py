"""How long `canvas-wizard report` takes on a folder of many canvases (prints timings, asserts nothing).

Run: python benchmarks/report_scale.py [N]   (default 1000 files: copies of the examples
with varied titles, and one invalid file): a first report, the same again (its rows cached),
--json, and --fresh (every canvas read again).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples" / name for name in ("facebook.toml", "draft-bakery.toml", "event-consultancy.toml")]


def make_folder(folder: Path, count: int) -> None:
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    for i in range(count - 1):
        text = texts[i % len(texts)]
        # A different title per file, so no two files are the same bytes.
        lines = [f'title = "Canvas {i:04d}"' if line.startswith("title = ") else line for line in text.splitlines()]
        (folder / f"canvas-{i:04d}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "zz-broken.toml").write_text("schema_version = 1\ntitle = \n", encoding="utf-8")


def timed(*args: str, cache: Path | None = None) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall-clock seconds, CPU seconds (all processes, so other load on the machine does
    not inflate it) and the result of one run; with `cache`, that is the run's cache folder
    (the banks and the report's rows), not the user's."""
    env = {**os.environ, "CANVAS_WIZARD_CACHE_DIR": str(cache)} if cache else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "wizard", *args], cwd=ROOT, capture_output=True,
                            text=True, check=False, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cache:
        folder = Path(tmp)
        make_folder(folder, count)
        runs = (("table, first", ()), ("table, again", ()), ("--json", ("--json",)), ("--fresh", ("--fresh",)))
        for label, extra in runs:
            wall, cpu, result = timed("report", str(folder), *extra, cache=Path(cache))
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return 1
            print(f"report {label:12} {count} files: {wall:.2f} s wall, {cpu:.2f} s CPU over all processes")
        print(f"({os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}: other work inflates wall time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
