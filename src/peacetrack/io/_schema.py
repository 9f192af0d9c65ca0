"""The JSON Schema of the file format, derived from the record registry.

The shipped ``peacetrack.schema.json`` holds the shared definitions (what an id, a
text, an EDTF date or interval, a scalar is); every record type's definition and the
list of record types are generated here from the registered classes and their
fields, so a new record type is in the schema the moment it is registered. The
shipped file is kept equal to :func:`build_schema` by a test; after changing a record
class, regenerate it::

    python -m peacetrack.io._schema
"""

from __future__ import annotations

import enum
import importlib.resources
import inspect
import json
import sys
from pathlib import Path
from typing import Any

import attrs

from peacetrack._field_checks import MAX_SAFE_INTEGER
from peacetrack._registry import RECORD_TYPES, REFS, Shape, optional_inner
from peacetrack.dates import PartialDate, Period
from peacetrack.records import ClaimValue, Record

__all__ = ["build_schema"]

_SHARED = ("id", "text", "ids", "texts", "date", "period", "scalar")


def _kept(name: str) -> bool:
    """A definition the shipped file keeps by hand: the shared ones, and those of
    older format versions (``*_v1``), which are history and never change."""
    return name in _SHARED or name.endswith("_v1")


_NULL = {"type": "null"}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _optional(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, _NULL]}


def _field_schema(
    field: Any, parts: dict[str, dict[str, Any]], ids: frozenset[str]
) -> dict[str, Any]:
    if field.name in ids:
        return _ref("id")
    reference = field.metadata.get(REFS)
    if reference is not None:
        _, shape, item = reference
        if shape is Shape.ONE:
            return _ref("id")
        if shape is Shape.OPTIONAL:
            return _optional(_ref("id"))
        if item is None:
            return _ref("ids")
    kind, optional = optional_inner(field.type)
    schema = _type_schema(kind, field, parts)
    return _optional(schema) if optional else schema


def _type_schema(kind: Any, field: Any, parts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if kind is str:
        return _ref("text")
    if kind is PartialDate:
        return _ref("date")
    if kind is Period:
        return _ref("period")
    if kind == ClaimValue:
        return _ref("scalar")
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer", "minimum": 1, "maximum": MAX_SAFE_INTEGER}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if getattr(kind, "__origin__", None) is tuple:
        item = kind.__args__[0]
        if item is str:
            return _ref("texts")
        if attrs.has(item):
            name = item.__name__.lower()
            held = field.metadata.get(REFS, (None, None, None))[2]
            parts[name] = _object_schema(item, parts, frozenset({held}) if held else frozenset())
            parts[f"{name}s"] = {"type": "array", "items": _ref(name)}
            return _ref(f"{name}s")
    raise TypeError(f"no schema for field {field.name!r} of type {kind!r}")


def _object_schema(
    cls: type, parts: dict[str, dict[str, Any]], ids: frozenset[str]
) -> dict[str, Any]:
    """An object's schema; the fields named in ``ids`` hold ids."""
    attrs.resolve_types(cls)
    fields = sorted(attrs.fields(cls), key=lambda f: f.name == "sources")  # sources last
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.default is attrs.NOTHING],
        "properties": {f.name: _field_schema(f, parts, ids) for f in fields},
    }


_EXACTLY_ONE: dict[str, tuple[str, ...]] = {"incident": ("date", "period")}
"""Record types whose rules ask for exactly one of these optional fields to be set
(:class:`~peacetrack.Incident`: a date or a period), so the schema refuses what the
loader refuses."""


def _exactly_one(names: tuple[str, ...]) -> dict[str, Any]:
    """Exactly one of the fields ``names`` present and not ``null``."""
    return {"oneOf": [{"required": [name], "properties": {name: {"not": _NULL}}} for name in names]}


def _record_schema(cls: type[Record], parts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    body = _object_schema(cls, parts, frozenset({"id"}))
    doc = inspect.getdoc(cls) or ""
    schema = {
        "title": cls.__name__,
        "description": " ".join(doc.split("\n\n")[0].split()),
        "type": "object",
        "additionalProperties": False,
        "required": ["type", *body["required"]],
        "properties": {"type": {"const": cls.record_type}, **body["properties"]},
    }
    one_of = _EXACTLY_ONE.get(cls.record_type)
    return schema if one_of is None else {**schema, **_exactly_one(one_of)}


def _shipped() -> dict[str, Any]:
    text = (
        importlib.resources.files("peacetrack.schema")
        .joinpath("peacetrack.schema.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)  # type: ignore[no-any-return]


def build_schema(shipped: dict[str, Any] | None = None) -> dict[str, Any]:
    """The file format's JSON Schema: the shipped file's head and shared definitions,
    and a definition per registered record type (and per small object a record
    holds, such as an exclusion), with ``record`` one of them."""
    base = _shipped() if shipped is None else shipped
    parts: dict[str, dict[str, Any]] = {}
    records = {tag: _record_schema(cls, parts) for tag, cls in RECORD_TYPES.items()}
    made = {**parts, **records}
    # The shipped file's order first (so regenerating it moves nothing), then new ones.
    defs = {
        name: base["$defs"][name] if _kept(name) else made[name]
        for name in base["$defs"]
        if _kept(name) or name in made
    }
    defs.update((name, schema) for name, schema in made.items() if name not in defs)
    defs["record"] = {"oneOf": [_ref(tag) for tag in records]}
    # Keep the shipped order: the older versions' definitions last.
    for name in [n for n in defs if n.endswith("_v1")]:
        defs[name] = defs.pop(name)
    return {**{k: v for k, v in base.items() if k != "$defs"}, "$defs": defs}


def _write() -> None:  # pragma: no cover - a maintainer's command
    path = Path(__file__).parent.parent / "schema" / "peacetrack.schema.json"
    text = json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    _write()
