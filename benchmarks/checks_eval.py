"""The quality checks' precision and cost: the corpus table per rule, and what a check costs.

Run: python -m benchmarks.checks_eval   (prints; asserts nothing: tests/test_checks_corpus.py
is the test). It prints, for the tuning corpus and the held-out one, each rule's planted
mistakes, how many it caught and missed, and its false alarms; then the cost of checking
one canvas (with the text caches warm, as in the wizard after a change, and cold, as for
`report` over many different files), and what importing and loading the language
libraries costs, measured in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.checks_corpus import corpus  # noqa: E402
from wizard import checks  # noqa: E402
from wizard.files import store
from wizard.files.banks import shipped_catalog  # noqa: E402

IMPORT_COST = """
import time
t0 = time.perf_counter()
import wizard.checks
t1 = time.perf_counter()
wizard.checks.warm()
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.0f} {(t2 - t1) * 1000:.0f}")
"""


def clear_caches() -> None:
    """Forget every text the checks have judged, as a fresh `report` worker would."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("wizard.checks"):
            continue
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def cold_cost(canvases: list[object], rounds: int = 10) -> float:
    catalog = shipped_catalog()
    times = []
    for _ in range(rounds):
        total = 0.0
        for canvas in canvases:
            clear_caches()
            start = time.perf_counter()
            checks.run(canvas, catalog)  # type: ignore[arg-type]
            total += time.perf_counter() - start
        times.append(total / len(canvases))
    return sorted(times)[len(times) // 2]


def first_sight_cost(canvases: list[object]) -> float:
    """Each canvas checked once, the caches cleared only before the first: as `report` sees
    a folder of different canvases, whose words overlap."""
    catalog = shipped_catalog()
    clear_caches()
    start = time.perf_counter()
    for canvas in canvases:
        checks.run(canvas, catalog)  # type: ignore[arg-type]
    return (time.perf_counter() - start) / len(canvases)


def main() -> int:
    for folder, name, title in (("good", "mutations.toml", "Tuning corpus"),
                                ("heldout", "heldout_mutations.toml", "Held-out corpus (not tuned on)")):
        tallies, _ = corpus.evaluate(corpus.good_canvases(folder), corpus.mutations(name))
        print(corpus.table(tallies, f"{title}: tests/checks_corpus/{folder}"))
        print()
    canvases = [*corpus.good_canvases("good").values(), *corpus.good_canvases("heldout").values()]
    canvases += [store.load(ROOT / "examples" / f) for f in ("facebook.toml", "event-consultancy.toml")]
    warm = corpus.cost_per_canvas(canvases)  # type: ignore[arg-type]
    first = first_sight_cost(canvases)
    cold = cold_cost(canvases)
    print(f"Cost per canvas ({len(canvases)} complete canvases):")
    print(f"  text already judged (the wizard, after a change):          {warm * 1000:.2f} ms")
    print(f"  each canvas seen once, in a row (report over a folder):    {first * 1000:.2f} ms")
    print(f"  every cache emptied before each canvas (the worst case):   {cold * 1000:.2f} ms")
    runs = [subprocess.run([sys.executable, "-c", IMPORT_COST], capture_output=True, text=True, check=True,
                           cwd=ROOT).stdout.split() for _ in range(3)]
    imports = sorted(int(r[0]) for r in runs)[1]
    libraries = sorted(int(r[1]) for r in runs)[1]
    print(f"Import of wizard.checks (no language library): {imports} ms; "
          f"loading lemminflect, wordfreq and rapidfuzz with their data (checks.warm): {libraries} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
