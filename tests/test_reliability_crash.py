"""A save killed by SIGKILL at any moment leaves the old canvas or the new one, whole.

No clean-up code runs under SIGKILL: never a mixture, never an empty or half-written file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.factory import full_canvas
from wizard.core.session import Session
from wizard.files import store
from wizard.model.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
RUNS = 120

# One process imports the wizard once and forks a saver per run: a fork costs about a
# millisecond, so 120 kills fit in seconds even on a busy two-core machine.
ZYGOTE = """
import os, sys
from pathlib import Path
from wizard.files import store
folder = Path(sys.argv[1])
versions = [store.load(folder / "a.toml"), store.load(folder / "b.toml")]
target = folder / "canvas.toml"
for line in sys.stdin:
    if line.strip() == "go":
        pid = os.fork()
        if pid == 0:
            try:
                i = 0
                while True:
                    store.save(versions[i % 2], target)
                    i += 1
            finally:
                os._exit(3)  # a save that failed: the test sees it was not killed
        print(pid, flush=True)
    elif line.strip() == "reap":
        _, status = os.waitpid(pid, 0)
        print(status, flush=True)
"""


def test_sigkill_at_random_moments_leaves_old_or_new(tmp_path: Path, catalog: Catalog) -> None:
    a, b = full_canvas(catalog, 2, 2, 2), full_canvas(catalog, 3, 2, 2)
    a.title, b.title = "Version A", "Version B"
    store.save(a, tmp_path / "a.toml")
    store.save(b, tmp_path / "b.toml")
    a, b = store.load(tmp_path / "a.toml"), store.load(tmp_path / "b.toml")
    target = tmp_path / "canvas.toml"
    store.save(a, target)
    rng = random.Random(20240611)
    zygote = subprocess.Popen([sys.executable, "-c", ZYGOTE, str(tmp_path)], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert zygote.stdin is not None and zygote.stdout is not None
    watchdog = threading.Timer(240, zygote.kill)  # a stuck harness fails the test instead of hanging it
    watchdog.start()
    seen = {"Version A": 0, "Version B": 0}
    try:
        for run in range(RUNS):
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            # Mostly within the first few saves, sometimes later: kills land in every phase.
            time.sleep(rng.choice([0, rng.uniform(0, 0.005), rng.uniform(0, 0.05), rng.uniform(0.05, 0.2)]))
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write("reap\n")
            zygote.stdin.flush()
            status = int(zygote.stdout.readline())
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"run {run}: saver failed"
            loaded = store.load(target)  # raises if the file is empty, cut short or mixed
            assert loaded in (a, b), f"run {run}: the file is neither version"
            seen[loaded.title] += 1
            backup = target.with_name("canvas.toml~")
            if backup.exists():
                assert store.load(backup) in (a, b), f"run {run}: the backup is neither version"
    finally:
        watchdog.cancel()
        zygote.stdin.close()
        zygote.wait(timeout=30)
    assert seen["Version B"] > 0, "no save ever completed: the kills proved nothing"
    # Kills during a save leave hidden temp files; the next wizard to open the file clears them.
    Session.open(target, catalog).close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
