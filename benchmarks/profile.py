"""Where start-up time goes: `python -m benchmarks.profile` writes two reports to benchmarks/results/.

- importtime.txt: the modules the first question needs, slowest first (`python -X importtime`).
- startup-profile.txt: pyinstrument's call tree of `canvas-wizard NEW.toml` in a real terminal
  until the first question is painted (needs the `bench` extra: pip install -e '.[bench]').
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import startup
from benchmarks.common import ROOT

RESULTS = ROOT / "benchmarks" / "results"
FIRST_QUESTION = "wizard.commands.launch, wizard.files.banks, wizard.tui.app, wizard.tui.screens.question"


def import_times() -> str:
    env = startup.environment(RESULTS / "state")
    run = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {FIRST_QUESTION}"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    rows = []
    for line in run.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if found:
            rows.append((int(found[2]), int(found[1]), found[4]))
    rows.sort(reverse=True)
    lines = [f"{'cumulative ms':>13} {'self ms':>8}  module"]
    lines += [f"{total / 1000:13.1f} {own / 1000:8.1f}  {name}" for total, own, name in rows[:60]]
    return "\n".join(lines) + "\n"


def call_tree(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        argv = [sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(out), "-m", "wizard",
                str(folder / "NEW.toml")]
        startup.launch(argv, "Who are your customer types", ROOT, startup.environment(folder / "state"))


def main() -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "importtime.txt").write_text(import_times(), encoding="utf-8")
    print(f"wrote {RESULTS / 'importtime.txt'}")
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        print("pyinstrument is not installed (pip install -e '.[bench]'): no call tree", file=sys.stderr)
        return 1
    call_tree(RESULTS / "startup-profile.txt")
    print(f"wrote {RESULTS / 'startup-profile.txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
