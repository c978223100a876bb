"""The JSON Schema of canvas files, built from the canvas model and the question banks (for editors and CI).

The model (pydantic) gives the layout: header fields, types, segments, jobs and stages,
unknown keys refused. The banks give what each `answers` table may hold at each level:
every question a property with its prompt and help, choices as enums, ranges as two
integers. The schema agrees with `canvas-wizard check` (tests/test_schema.py holds it to
that on a corpus of broken files) except where JSON Schema cannot say what check does:
ids unique among siblings, `schema_version = 1.0` (to JSON 1.0 is 1) and, for validators
that ignore `prefixItems` (taplo), a range whose smaller number comes second. One way
round it is stricter on purpose: check drops a blank answer of any shape, the schema lets
through only "" (text, a choice) and [] (a list), so each question stays one plain schema
that taplo can complete and explain.

Written here because no library turns our banks into a schema; pydantic's own schema of
the model is the start, patched where the banks know more.
"""

from __future__ import annotations

from typing import Any

from wizard.files.store import MIGRATIONS
from wizard.model.bank import Kind, Question, Scope
from wizard.model.canvas import SCHEMA_VERSION, Canvas
from wizard.model.catalog import Catalog

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# The model class holding the answers of each level (pydantic names its $defs after them).
NODE_SCOPES = {"CustomerType": Scope.CUSTOMER_TYPE, "Segment": Scope.SEGMENT, "Job": Scope.JOB,
               "Stage": Scope.STAGE}

# The table each level's answers go in, to tell a misplaced answer where it belongs.
TABLES = {
    Scope.CANVAS: "[answers.{bank}]",
    Scope.CUSTOMER_TYPE: "[customer_types.answers.{bank}]",
    Scope.SEGMENT: "[customer_types.segments.answers.{bank}]",
    Scope.JOB: "[customer_types.segments.jobs.answers.{bank}]",
    Scope.STAGE: "[customer_types.segments.jobs.before.answers.{bank}] (or during, after)",
}
# Header fields first: editors offer keys in this order.
ORDER = ("schema_version", "title", "created", "updated", "banks", "answers", "not_applicable", "customer_types")

BLANK = r"^\s*$"
# Dates as TOML writes them (an editor sees a TOML date-time as its RFC 3339 text) or as
# quoted text in the same form, which the wizard also reads. Not `format: date-time`: taplo
# asserts it and refuses a local date or time the wizard reads; most validators ignore it.
DATE_TIME = (r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
             r"([Tt ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$")

DEFS: dict[str, Any] = {
    "value": {
        "description": "An answer to a question no loaded bank asks (from a coach's bank, say): kept as it is. "
        "Text, a list of text, or a range of two whole numbers.",
        "anyOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}},
            {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        ],
    },
}


def readable_versions() -> tuple[int, int]:
    """The oldest and newest `schema_version` this program opens (older ones by migration)."""
    oldest = SCHEMA_VERSION
    while oldest - 1 in MIGRATIONS:
        oldest -= 1
    return oldest, SCHEMA_VERSION


def canvas_schema(catalog: Catalog) -> dict[str, Any]:
    """The schema of a canvas file answered against `catalog`'s banks."""
    base = Canvas.model_json_schema(mode="validation")
    defs: dict[str, Any] = base.pop("$defs")
    for name, scope in NODE_SCOPES.items():
        _patch_node(defs[name], scope, catalog)
    _patch_node(base, Scope.CANVAS, catalog)
    props = base["properties"]
    oldest, newest = readable_versions()
    versions = f"{oldest} to {newest}" if oldest < newest else str(newest)
    props["schema_version"] = {
        "type": "integer", "minimum": oldest, "maximum": newest,
        "description": f"Format version of the file ({versions} for this canvas-wizard). A file from a newer "
        "canvas-wizard is refused: upgrade to open it.",
    }
    for key in ("created", "updated"):
        props[key] = {"type": "string", "pattern": DATE_TIME, "description": props[key]["description"]
                      + " A TOML date and time (with its offset, as the wizard writes it), or its text."}
    props["banks"]["properties"] = {
        bank.id: {"type": "string", "description": f"{bank.title}: the version its answers were given "
                  f"against (this one is {bank.version})."}
        for bank in catalog.banks
    }
    keys = [k for k in ORDER if k in props] + [k for k in props if k not in ORDER]
    base["properties"] = {key: props[key] for key in keys}
    base["required"] = ["schema_version"]
    ranges = {_range_def(e.question) for e in catalog if e.question.kind is Kind.RANGE}
    defs |= DEFS | {name: _ascending(lo, hi) for name, lo, hi in ranges}
    return {"$schema": DRAFT, **base, "title": "Canvas Wizard canvas file",
            "description": "A customer canvas saved by canvas-wizard (docs/canvas-format.md). "
            f"Questions from the banks: {', '.join(b.id for b in catalog.banks)}.",
            "$defs": dict(sorted(defs.items()))}


def _patch_node(node: dict[str, Any], scope: Scope, catalog: Catalog) -> None:
    level = scope.value.replace("_", " ")
    node["properties"]["answers"] = _answers(scope, catalog)
    node["properties"]["not_applicable"] = _marks(scope, catalog)
    node["properties"]["answers"]["description"] = (
        f"Answers to the questions asked per {level}, by bank id, then question id.")


def _answers(scope: Scope, catalog: Catalog) -> dict[str, Any]:
    banks: dict[str, Any] = {}
    for bank in catalog.banks:
        questions = {q.id: _answer(q) if q.scope is scope else _elsewhere(q, bank.id) for q in bank.questions}
        banks[bank.id] = {
            "type": "object", "title": bank.title,
            "description": f"{bank.title}. {bank.intro}".strip(),
            "properties": questions,
            "additionalProperties": {"$ref": "#/$defs/value"},
        }
    return {
        "type": "object", "properties": banks,
        # A bank that is not loaded (a coach's own): its answers are kept as they are.
        "additionalProperties": {"type": "object", "additionalProperties": {"$ref": "#/$defs/value"}},
    }


def _marks(scope: Scope, catalog: Catalog) -> dict[str, Any]:
    """Not-applicable marks: check names only a mark no bank knows, so every key is allowed."""
    reason = {"type": "string"}
    banks = {
        bank.id: {
            "type": "object", "title": bank.title,
            "properties": {q.id: reason | {"title": q.title, "description": f"Not applicable: {q.prompt} "
                                           "(the reason, or \"\")"}
                           for q in bank.questions if q.scope is scope and not q.required},
            "additionalProperties": reason,
        }
        for bank in catalog.banks
    }
    return {"type": "object", "properties": banks, "additionalProperties": {"type": "object",
                                                                           "additionalProperties": reason},
            "description": "Questions marked not applicable here, by bank id, then question id: the reason, "
            "or \"\"."}


def _elsewhere(q: Question, bank_id: str) -> dict[str, Any]:
    """A known question at another level: only a blank (which check drops) is let through."""
    level = q.scope.value.replace("_", " ")
    return {"description": f"{q.title}: asked per {level}, not here; it goes in "
            f"{TABLES[q.scope].format(bank=bank_id)}.",
            "type": ["string", "array"], "pattern": BLANK, "items": {"type": "string", "pattern": BLANK},
            "x-taplo": {"hidden": True}}


def _answer(q: Question) -> dict[str, Any]:
    """A question where it is asked: one plain schema, no anyOf, so that taplo offers its
    key with its docs and its choices as values, and names the wrong value in its message.
    A blank answer is let through in the question's own shape ("" or []), as check drops it."""
    text = [q.prompt, q.help]
    shape: dict[str, Any]
    if q.kind in (Kind.TEXT, Kind.LONG_TEXT):
        shape = {"type": "string"}
    elif q.kind is Kind.LIST:
        shape = {"type": "array", "items": {"type": "string"}}
        text.append("A list of text items.")
    elif q.kind is Kind.RANGE:
        unit = f" ({q.unit})" if q.unit else ""
        shape = {"type": "array", "items": {"type": "integer", "minimum": q.range_min, "maximum": q.range_max},
                 "minItems": 2, "maxItems": 2, "allOf": [{"$ref": f"#/$defs/{_range_def(q)[0]}"}]}
        text.append(f"Two whole numbers from {q.range_min} to {q.range_max}{unit}, the smaller first: [low, high].")
    else:
        values = [c.value for c in q.choices]
        docs = [_choice_doc(c.label, c.help) for c in q.choices]
        listed = "\n".join(f"- {value}: {doc}" for value, doc in zip(values, docs, strict=True))
        if q.kind is Kind.SINGLE_CHOICE:
            shape = {"type": "string", "enum": [*values, ""],
                     "x-taplo": {"docs": {"enumValues": [*docs, "Not answered (the same as leaving it out)"]}}}
            text.append(f"One of:\n{listed}")
        else:
            item = {"type": "string", "enum": values, "x-taplo": {"docs": {"enumValues": docs}}}
            shape = {"type": "array", "items": item, "uniqueItems": True}
            order = "in rank order, most important first" if q.kind is Kind.RANKING else "each at most once"
            text.append(f"A list of choices, {order}:\n{listed}")
    return {"title": q.title, "description": "\n\n".join(text), **shape}


def _choice_doc(label: str, help_text: str) -> str:
    return f"{label}: {help_text}" if help_text else label


def _range_def(q: Question) -> tuple[str, int, int]:
    return f"ascending-{q.range_min}-{q.range_max}", q.range_min, q.range_max


def _ascending(low: int, high: int) -> dict[str, Any]:
    """[a, b] with a <= b, for a and b from low to high. JSON Schema cannot compare two
    items, so this says "some t from low to high has a <= t <= b", one branch per t. Only
    validators that read `prefixItems` apply it (jsonschema, check-jsonschema); to one that
    ignores it (taplo) every branch is empty and accepts, leaving a reversed range to
    `canvas-wizard check` (a `not` would there reject every range)."""
    return {
        "description": f"The smaller number first (for two numbers from {low} to {high}).",
        "anyOf": [{"prefixItems": [{"maximum": t}, {"minimum": t}]} for t in range(low, high + 1)],
    }
