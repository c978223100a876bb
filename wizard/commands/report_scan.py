"""Reading a folder for `report`: every canvas's row, from the cache or computed in parallel, in order."""

from __future__ import annotations

import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.commands import report_cache
from wizard.commands.report_rows import Invalid, Result, Row, examine, moved
from wizard.files import tomlio
from wizard.files.errors import CanvasFileError, UserFileError

if TYPE_CHECKING:
    from wizard.model.catalog import Catalog

PARALLEL_FROM = 200
"""Folders with at least this many files to compute are read by one process per core."""
MAX_WORKERS = 8


def canvas_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise UserFileError(folder, "no such folder")
    if not folder.is_dir():
        raise UserFileError(folder, "not a folder; give the folder that holds the canvases")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise UserFileError(folder, "no canvases (*.toml files) in this folder")
    return files


def workers() -> int:
    if "fork" not in mp.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, MAX_WORKERS)


_jobs: list[tuple[Path, bytes]] = []
_worker_catalog: list[Catalog] = []
"""What the workers compute from: set before they fork, so they inherit it instead of
receiving every file's bytes and the banks through a pipe."""


def _examine_in_worker(index: int) -> Result:
    path, raw = _jobs[index]
    return examine(path, raw, _worker_catalog[0])


def examine_all(jobs: list[tuple[Path, bytes]], catalog: Catalog) -> list[Result]:
    """The result of every (file, bytes), in order. Each file is independent CPU work (parse,
    validate, score, check), so many of them are shared among the cores; with fork the
    workers inherit the banks and the checks' libraries already loaded."""
    count = workers()
    if len(jobs) < PARALLEL_FROM or count < 2:
        return [examine(path, raw, catalog) for path, raw in jobs]
    from wizard import checks

    checks.warm()  # the checks' language libraries, loaded once here and inherited by every worker
    _jobs[:], _worker_catalog[:] = jobs, [catalog]
    try:
        chunk = max(1, len(jobs) // (count * 4))
        with ProcessPoolExecutor(count, mp_context=mp.get_context("fork")) as pool:
            return list(pool.map(_examine_in_worker, range(len(jobs)), chunksize=chunk))
    finally:
        _jobs.clear()
        _worker_catalog.clear()


def results(files: list[Path], catalog: Catalog, cached: bool = True) -> list[Result]:
    """Every file's result, in the order of `files`: those whose bytes were seen before with
    the same banks from the cache, the others computed (and cached for the next report)."""
    found: list[Result | None] = []
    digests: list[bytes | None] = []
    jobs: list[tuple[Path, bytes]] = []
    where, cache_key = (report_cache.cache_file(files[0].parent), report_cache.key(catalog)) if cached else (None, b"")
    entries = report_cache.read(where, cache_key) if where else {}
    for path in files:
        try:
            raw = tomlio.read_bytes(path, CanvasFileError)
        except UserFileError as exc:  # unreadable now, maybe not later: never cached
            found.append(Invalid(path, exc.problem))
            digests.append(None)
            continue
        digest = report_cache.file_key(raw)
        hit = entries.get(digest)
        found.append(moved(hit, path) if hit is not None else None)
        digests.append(digest)
        if hit is None:
            jobs.append((path, raw))
    computed = iter(examine_all(jobs, catalog))
    out = [result if result is not None else next(computed) for result in found]
    if where is not None:
        keep = {d: r for d, r in zip(digests, out, strict=True) if d is not None}
        if jobs or keep.keys() != entries.keys():
            report_cache.write(where, cache_key, keep)
    return out


def build(folder: Path, catalog: Catalog, cached: bool = True) -> tuple[list[Row], list[Invalid]]:
    """Rows weakest first (ties by file name), and the files that are not valid canvases."""
    found = results(canvas_files(folder), catalog, cached)
    rows = sorted((r for r in found if isinstance(r, Row)), key=lambda r: (r.score, r.file.name))
    return rows, [r for r in found if isinstance(r, Invalid)]
