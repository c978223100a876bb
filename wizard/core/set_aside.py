"""Hand-edited answers that `check` rejects: said where they are when the canvas opens, and never silently dropped.

A value typed into the file by hand can be of a shape no question's answer box can show (a
choice that is not one of the choices, a list where text belongs, a range upside down).
The wizard shows such a question as unanswered, so committing it, even by moving on, would
replace the value with whatever the box holds. Instead the old value is first set aside in
`FILE.set-aside` beside the canvas (TOML, one entry per value, newest last), and the user
is told where it went; if it cannot be written, the change is refused and the value stays.
Opening a canvas changes nothing in its file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wizard.core import conformance
from wizard.files import atomic, toml_write, tomlio
from wizard.files.errors import UserFileError
from wizard.model.canvas import Canvas, Value
from wizard.model.catalog import Catalog
from wizard.model.safetext import file_name
from wizard.model.tree import Location

SHOWN = 3
"""Problems named in the message at open; `canvas-wizard check FILE` lists them all."""


def side_file(canvas_path: Path) -> Path:
    """Beside the canvas, and not `*.toml`, so `report DIR` does not take it for a canvas."""
    return canvas_path.with_name(f"{canvas_path.name}.set-aside")


def rejected(canvas: Canvas, catalog: Catalog) -> list[conformance.Problem]:
    return [p for p in conformance.check(canvas, catalog, links=False) if p.severity == conformance.ERROR]


def opening_note(path: Path, problems: list[conformance.Problem]) -> str:
    """What the user is told when a canvas with rejected values opens ("" for none)."""
    if not problems:
        return ""
    named = "; ".join(str(p) for p in problems[:SHOWN])
    more = f" (and {len(problems) - SHOWN} more: canvas-wizard check lists them)" if len(problems) > SHOWN else ""
    count = f"{len(problems)} value{'s' * (len(problems) > 1)}"
    return (f"{file_name(path.name)} holds {count} the wizard cannot use as an answer: {named}{more}. "
            f"They stay in the file as they are, and those questions show as unanswered; answering one sets "
            f"its old value aside in {file_name(side_file(path).name)} first.")


def field_of(canvas: Canvas, location: Location, full_id: str) -> str:
    """Where an answer is in the file, as `check` names it."""
    base = conformance._node_field(canvas, location)  # the one definition of it
    bank_id, qid = full_id.split(".", 1)
    return f"{base + '.' if base else ''}answers.{bank_id}.{qid}"


def keep(canvas_path: Path, where: str, value: Value, problem: str) -> Path:
    """Add `value` to the set-aside file; its path. Raises UserFileError when it cannot be
    written (the caller then leaves the value where it was)."""
    target = side_file(canvas_path)
    entries: list[dict[str, Any]] = []
    if target.exists() or target.is_symlink():
        try:
            data = tomlio.read(target)  # a damaged file is never written over
        except UserFileError as exc:
            raise _not_set_aside(canvas_path, where, target, exc) from None
        old = data.get("set_aside", [])
        entries = old if isinstance(old, list) else []
    value_data: Any = list(value) if isinstance(value, tuple) else value
    entries.append({"where": where, "problem": problem, "value": value_data,
                    "when": datetime.now(UTC).replace(microsecond=0)})
    text = ("# Values canvas-wizard could not use as answers, set aside when the question was answered again.\n"
            "# Copy one back into the canvas by hand if it was right after all.\n\n"
            + toml_write.dumps({"set_aside": entries}))
    try:
        atomic.write_atomic(target, text.encode("utf-8"))
    except UserFileError as exc:
        raise _not_set_aside(canvas_path, where, target, exc) from None
    return target


def _not_set_aside(canvas_path: Path, where: str, target: Path, exc: UserFileError) -> UserFileError:
    return UserFileError(canvas_path, f"the old value at {where} is not a valid answer and could not be set aside "
                                      f"({file_name(target.name)}: {exc.problem}); nothing changed")
