"""The models' JSON Schema: attribute docstrings as descriptions, read only when a schema is made.

pydantic's `use_attribute_docstrings` reads every model's source and parses it when the
class is created: about 45 ms of the wizard's start-up, for descriptions that only the
JSON Schema shows. Given as the models' `json_schema_extra`, this reads them when a schema
is asked for instead, and gives each property the description pydantic would have given
it (an explicit `Field(description=...)` still wins).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict


@cache
def _own_docs(cls: type) -> dict[str, str]:
    """Attribute name -> the string literal that follows its assignment in `cls`'s body."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source (a frozen or compiled install): no descriptions
        return {}
    body = next((n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)), None)
    docs: dict[str, str] = {}
    if body is None:
        return docs
    for stmt, after in zip(body.body, body.body[1:], strict=False):
        target = stmt.target if isinstance(stmt, ast.AnnAssign) else None
        if (isinstance(target, ast.Name) and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)):
            docs[target.id] = inspect.cleandoc(after.value.value)
    return docs


def docs_of(cls: type) -> dict[str, str]:
    """Field name -> docstring, for the fields `cls` defines and those it inherits."""
    found: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        if base.__module__.startswith("wizard."):
            found.update(_own_docs(base))
    return found


def add_descriptions(schema: dict[str, Any], cls: type) -> None:
    """`json_schema_extra` for a model: its properties' descriptions from the attribute docstrings."""
    fields: dict[str, Any] = getattr(cls, "__pydantic_fields__", {})
    docs = docs_of(cls)
    properties: dict[str, dict[str, Any]] = schema.get("properties", {})
    for name, info in fields.items():
        key = info.validation_alias if isinstance(info.validation_alias, str) else info.alias or name
        prop = properties.get(key)
        if prop is None or "description" in prop or info.description is not None or name not in docs:
            continue
        # Where pydantic puts it: after the default, before the title and the rest.
        items = list(prop.items())
        at = next((i for i, (k, _) in enumerate(items) if k not in ("$ref", "allOf", "default")), len(items))
        items.insert(at, ("description", docs[name]))
        prop.clear()
        prop.update(items)


class Described(BaseModel):
    """A model whose schema describes its fields with their docstrings, and is built on first use."""

    model_config = ConfigDict(defer_build=True, json_schema_extra=add_descriptions)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # The defaults are written into the schema through each default's own class, which
        # may not be built yet (defer_build): build every model of the family first.
        family: list[type[BaseModel]] = [Described]
        while family:
            model = family.pop()
            if model is not Described:
                model.model_rebuild()
            family += model.__subclasses__()
        return super().model_json_schema(*args, **kwargs)
