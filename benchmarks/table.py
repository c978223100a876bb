"""The benchmark's table: one row per figure, with its floor, ratio, target and verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

FRAME = 1 / 60


@dataclass(frozen=True)
class Row:
    figure: str
    wizard: str
    floor: str
    ratio: str
    target: str
    ok: str

    FIELDS: ClassVar[tuple[str, ...]] = ("figure", "wizard", "floor", "ratio", "target", "ok")

    @classmethod
    def header(cls) -> Row:
        return cls("figure", "wizard", "floor", "ratio", "target", "met")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _verdict(good: bool) -> str:
    return "yes" if good else "NO"


def _mb(kb: float) -> str:
    return f"{kb / 1024:.1f} MB"


def _vs_floor(figure: str, wizard: float, floor: float, limit: float, unit: str = "ms") -> Row:
    ratio = wizard / floor
    show = ms if unit == "ms" else _mb
    return Row(figure, show(wizard), show(floor), f"{ratio:.2f}x", f"≤ {limit}x", _verdict(ratio <= limit))


def _memory_beside(figure: str, kb: float, floor_kb: float, note: str) -> Row:
    """A memory figure beside the floor's, with no target of its own."""
    return Row(figure, _mb(kb), _mb(floor_kb), f"{kb / floor_kb:.2f}x", note, "")


def _served(figure: str, times: dict[str, float]) -> Row:
    ratio = times["wizard"] / times["floor"]
    return Row(figure, f"{times['wizard']:.2f} s", f"{times['floor']:.2f} s", f"{ratio:.2f}x", "≤ 1.0 s and ≤ 2x",
               _verdict(times["wizard"] <= 1.0 and ratio <= 2))


def _alone(figure: str, value: str, target: str, good: bool) -> Row:
    return Row(figure, value, "", "", target, _verdict(good))


def rows(f: dict[str, Any]) -> list[Row]:
    up, keys, scale = f["start_up"], f["keys"], f["scale"]
    floor, new, resume, first_open = up["floor"], up["new"], up["resume"], up["first_open"]
    wk, fk = keys["wizard"], keys["floor"]
    biggest = scale["sizes"][max(scale["sizes"], key=int)]
    out = [
        _vs_floor("start-up, new canvas (pty)", new["seconds"], floor["seconds"], 1.25),
        _vs_floor("resume, 20 segments answered (pty)", resume["seconds"], floor["seconds"], 1.4),
        _vs_floor("  the same draft, first open on this machine", first_open["seconds"], floor["seconds"], 1.4),
        _vs_floor("live question ready, new canvas", new["ready_seconds"], floor["seconds"], 1.6),
        _vs_floor("live question ready, 20-segment draft opened for the first time", first_open["ready_seconds"],
                  floor["seconds"], 1.7),
        Row("start-up CPU time, new canvas", ms(new["cpu_seconds"]), ms(floor["cpu_seconds"]),
            f"{new['cpu_seconds'] / max(floor['cpu_seconds'], 1e-9):.2f}x", "(for noisy machines)", ""),
    ]
    for label, key in (("keystroke p50", "key_p50"), ("keystroke p99", "key_p99")):
        ratio = wk[key] / fk[key]
        out.append(Row(label, ms(wk[key]), ms(fk[key]), f"{ratio:.2f}x", "≤ 2x and ≤ 16.7 ms",
                       _verdict(ratio <= 2 and wk[key] <= FRAME)))
    out += [
        Row("keystroke, slowest", ms(wk["key_max"]), ms(fk["key_max"]), f"{wk['key_max'] / fk['key_max']:.2f}x",
            "never > 16.7 ms", _verdict(wk["key_max"] <= FRAME)),
        _alone("next question (Enter, incl. save)", ms(wk["next_question"]), "≤ 25 ms", wk["next_question"] <= 0.025),
        _alone("  the save's share of it", f"{wk['save_share']:.0%}", "≤ 10%", wk["save_share"] <= 0.10),
        _alone("scale: growth exponent, 1-1000 segments", f"{scale['exponent']:.2f}", "≤ 1.1",
               scale["exponent"] <= 1.1),
        _alone("scale: 1000 segments, load to save", f"{biggest['total']:.2f} s", "< 1 s", biggest["total"] < 1),
        _alone("UI thread blocked by a save, 1000 segments", ms(f["ui_block"]["save_on_ui"]), "≤ 16 ms",
               f["ui_block"]["save_on_ui"] <= 0.016),
        Row("  longest UI stall on Enter, 1000 segments", ms(f["ui_block"]["longest_stall"]), "", "",
            "(whatever blocks)", ""),
        _vs_floor("peak RSS at first question", new["peak_rss_kb"], floor["peak_rss_kb"], 1.3, unit="kb"),
        _memory_beside("  peak RSS once the live question is ready", new["ready_rss_kb"], floor["peak_rss_kb"],
                       "(but the checks)"),
        _memory_beside("  RSS once the coach's checks have run", f["memory"]["rss_checks_kb"], floor["peak_rss_kb"],
                       "(their word tables, once)"),
        _alone("memory growth after 100 answers (from the checks' first run)", f"+{f['memory']['growth']:.0%}",
               "≤ +10%", f["memory"]["growth"] <= 0.10),
    ]
    if "serve" in f:
        served = f["serve"]
        out.append(_served("serve: page opened to first question painted", served))
        if "next" in served:
            out.append(_served("  the next visitor of the same server", served["next"]))
    if "report" in f:
        rep = f["report"]
        out.append(_alone(f"report over {rep['files']} canvases, with the checks", f"{rep['seconds']:.2f} s",
                          "≤ 2 s", rep["seconds"] <= 2))
        out.append(Row("  the same, CPU time over all processes", f"{rep['cpu_seconds']:.2f} s", "", "",
                       "(for noisy machines)", ""))
        if "fresh_seconds" in rep:
            out.append(Row("  a cohort seen the first time (--fresh, no cached rows)", f"{rep['fresh_seconds']:.2f} s",
                           "", "", "(every canvas read and checked)", ""))
            out.append(Row("    its CPU time over all processes", f"{rep['fresh_cpu_seconds']:.2f} s", "", "",
                           "(for noisy machines)", ""))
    return out


def markdown(table: list[Row], machine: dict[str, Any]) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `python -m benchmarks.run` (see the README's Performance section); the full",
        "figures and every run are in `benchmarks/results/latest.json` (not committed).",
        "",
        f"Measured {machine['when']} on {machine['cpus']} CPUs, load average "
        f"{machine['load'][0]:.1f}, Python {machine['python']}; the run took {machine.get('seconds', 0):.0f} s.",
        "",
    ]
    return "\n".join(lines) + "\n" + markdown_rows(table) + "\n"


def markdown_rows(table: list[Row]) -> str:
    """The table itself, in Markdown (no line break after its last row)."""
    lines = ["| " + " | ".join(getattr(Row.header(), f) for f in Row.FIELDS) + " |", "|" + "---|" * len(Row.FIELDS)]
    lines += ["| " + " | ".join(getattr(r, f) for f in Row.FIELDS) + " |" for r in table]
    return "\n".join(lines)


def scale_markdown(scale: dict[str, Any]) -> str:
    """Seconds per stage and canvas size: where the time of a large canvas goes."""
    stages = ("load", "parse", "score", "check", "save", "total")
    lines = ["| segments | file size | " + " | ".join(stages) + " |", "|---:|---:|" + "---:|" * len(stages)]
    for size, row in scale["sizes"].items():
        cells = [f"{row[s]:.3f} s" for s in stages]
        lines.append(f"| {size} | {row['bytes'] / 1024:.0f} KB | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
