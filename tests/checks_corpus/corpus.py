"""The quality checks' evaluation corpus: good canvases, and mistakes planted in them as data.

`good/` holds canvases from varied domains that a demanding coach would accept: every
rule must stay quiet on them. `mutations.toml` plants one typical mistake at a time into
one of them (the base, the change, the rule that must catch it and where). `heldout/`
holds canvases and mutations written after the rules were tuned, and never tuned on:
they say how the rules generalise.

A mutation's change is a table of `"path#what" = value`: `what` is a question's full id
(`profile.pains`), or `name` / `statement` to rename a type, segment or job; an empty
string or list removes an answer; `remove` lists paths of nodes to delete; `interviews`
(and `marks`) add, per segment path, interviews (marks) written as in a canvas file.
"""

from __future__ import annotations

import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard import checks
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas, CustomerType, Job, Segment
from wizard.model.evidence import Interview, Mark
from wizard.model.tree import find, parse_path

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Mutation:
    base: str
    rule: str
    at: str
    change: dict[str, Any]
    remove: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    note: str = ""
    interviews: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    marks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class Tally:
    variants: int = 0
    caught: int = 0
    false_alarms: int = 0
    missed: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.variants if self.variants else 1.0


def good_canvases(folder: str = "good") -> dict[str, Canvas]:
    return {p.stem: store.load(p) for p in sorted((HERE / folder).glob("*.toml"))}


def mutations(name: str = "mutations.toml") -> list[Mutation]:
    data = tomllib.loads((HERE / name).read_text(encoding="utf-8"))
    return [Mutation(m["base"], m["rule"], m["at"], m.get("set", {}), tuple(m.get("remove", ())),
                     tuple(m.get("also", ())), m.get("note", ""), m.get("interviews", {}), m.get("marks", {}))
            for m in data["mutation"]]


def apply(canvas: Canvas, mutation: Mutation) -> Canvas:
    """A copy of `canvas` with the mutation's change made."""
    out = canvas.model_copy(deep=True)
    for key, value in mutation.change.items():
        path, _, what = key.partition("#")
        place = find(out, parse_path(path))
        if place is None:
            raise KeyError(f"{mutation.base}: no node at {path!r}")
        node = place.node
        if what in ("name", "statement"):
            setattr(node, what, value)
        else:
            if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
                value = (value[0], value[1])
            node.set(what, value or None)
    for path in mutation.remove:
        location = parse_path(path)
        parent = find(out, location[:-1])
        assert parent is not None, path
        holder = parent.node
        children: list[CustomerType] | list[Segment] | list[Job] = (
            holder.customer_types if isinstance(holder, Canvas) else
            holder.segments if isinstance(holder, CustomerType) else
            holder.jobs if isinstance(holder, Segment) else [])
        children[:] = [c for c in children if c.id != location[-1]]  # type: ignore[assignment]
    for table, model in (("interviews", Interview), ("marks", Mark)):
        for path, added in getattr(mutation, table).items():
            place = find(out, parse_path(path))
            assert place is not None and isinstance(place.node, Segment), path
            getattr(place.node, table).extend(model.model_validate(a) for a in added)
    return out


def key(finding: checks.Finding) -> str:
    return f"{finding.path}#{finding.question}"


def evaluate(good: dict[str, Canvas], planted: list[Mutation]) -> tuple[dict[str, Tally], list[str]]:
    """Per rule: variants, caught, missed, false alarms; and every false alarm on a good canvas.

    A variant is caught when its rule reports a finding at the place named. Any other new
    finding a variant raises, unless the mutation allows it (`also`), is a false alarm of
    the rule that raised it: a mutation changes one thing, and only rules about that thing
    may speak."""
    catalog = shipped_catalog()
    tallies: dict[str, Tally] = defaultdict(Tally)
    for rule in checks.RULES:
        tallies[rule.id]  # every rule has a row, even with nothing planted for it
    alarms = []
    base_found = {name: {(f.rule, key(f)) for f in checks.run(c, catalog)} for name, c in good.items()}
    for name, found in base_found.items():
        for rule_id, where in sorted(found):
            tallies[rule_id].false_alarms += 1
            tallies[rule_id].alarms.append(f"{name}: {where}")
            alarms.append(f"{name}: {rule_id} at {where}")
    for m in planted:
        found = checks.run(apply(good[m.base], m), catalog)
        tally = tallies[m.rule]
        tally.variants += 1
        if any(f.rule == m.rule and key(f) == m.at for f in found):
            tally.caught += 1
        else:
            seen = [f"{f.rule}@{key(f)}" for f in found if (f.rule, key(f)) not in base_found[m.base]]
            tally.missed.append(f"{m.base}: {m.note or m.at} (saw {seen or 'nothing'})")
        for f in found:
            if f.rule != m.rule and f.rule not in m.also and (f.rule, key(f)) not in base_found[m.base]:
                tallies[f.rule].false_alarms += 1
                tallies[f.rule].alarms.append(f"{m.base} + {m.rule} variant: {key(f)}: {f.message[:80]}")
    return dict(tallies), alarms


def table(tallies: dict[str, Tally], title: str) -> str:
    lines = [title, f"{'rule':32} {'variants':>8} {'caught':>6} {'missed':>6} {'false':>5} {'recall':>7}"]
    for rule_id, t in sorted(tallies.items()):
        lines.append(f"{rule_id:32} {t.variants:8} {t.caught:6} {len(t.missed):6} {t.false_alarms:5} "
                     f"{t.recall:7.0%}")
    variants = sum(t.variants for t in tallies.values())
    caught = sum(t.caught for t in tallies.values())
    alarms = sum(t.false_alarms for t in tallies.values())
    lines.append(f"{'all rules':32} {variants:8} {caught:6} {variants - caught:6} {alarms:5} "
                 f"{caught / variants if variants else 1:7.0%}")
    for rule_id, t in sorted(tallies.items()):
        lines += [f"  missed {rule_id}: {m}" for m in t.missed]
        lines += [f"  false alarm {rule_id}: {a}" for a in t.alarms]
    return "\n".join(lines)


def cost_per_canvas(canvases: list[Canvas], rounds: int = 20) -> float:
    """Seconds to check one canvas, once the libraries are loaded (the median of `rounds`
    runs over all of them)."""
    catalog = shipped_catalog()
    checks.warm()
    for canvas in canvases:
        checks.run(canvas, catalog)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for canvas in canvases:
            checks.run(canvas, catalog)
        times.append((time.perf_counter() - start) / len(canvases))
    return sorted(times)[len(times) // 2]
