"""Records to dicts and back: the cattrs converter, its hooks, and its errors in our words.

:data:`CONVERTER` unstructures a record into the dict a file holds (``type`` first,
defaults left out, ``sources`` last) and structures such a dict back, refusing
unknown keys and values of the wrong type. :func:`structure_record` reads one raw
record and, instead of raising, returns every problem with it, each naming the
record id (or ``records[i]``) and the field.

:class:`~peacetrack.io._fast_reader.FastReader` is the way most records of a large
file take; what it cannot vouch for comes here.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from peacetrack._registry import RECORD_TYPES, is_registered
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import PeacetrackError, Problem, ValidationError
from peacetrack.io._json import MAX_SAFE_INTEGER, JSONObject, OutOfRange, describe, short
from peacetrack.records import ClaimValue, Record


def _type_names() -> str:
    return ", ".join(repr(name) for name in RECORD_TYPES)


class _Bad(ValueError):
    """A value the converter refuses; the message says what was expected."""


# -- the hooks --------------------------------------------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"expected text, got {describe(value)}")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, OutOfRange):
        raise _Bad(str(value))
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"expected a whole number, got {describe(value)}")
    if abs(value) > MAX_SAFE_INTEGER:
        raise _Bad(str(OutOfRange(str(value))))
    return value


def _structure_scalar(value: Any, _: Any) -> ClaimValue:
    if isinstance(value, OutOfRange):
        raise _Bad(str(value))
    if isinstance(value, bool | str | float):
        return value
    if isinstance(value, int):
        return _structure_int(value, int)
    raise _Bad(f"expected text, a number or true/false, got {describe(value)}")


def _structure_date(value: Any, _: Any) -> PartialDate:
    if not isinstance(value, str):
        raise _Bad(f"expected an EDTF date string such as '2016-04-27', got {describe(value)}")
    return PartialDate.parse(value)


def _structure_period(value: Any, _: Any) -> Period:
    if not isinstance(value, str):
        raise _Bad(
            f"expected an EDTF interval string such as '2016-04-13/2016-04-27', "
            f"got {describe(value)}"
        )
    return Period.parse(value)


def _structure_enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    choices = ", ".join(repr(m.value) for m in kind)
    if isinstance(value, str):
        for member in kind:
            if member.value == value:
                return member
    raise _Bad(f"expected one of {choices}, got {describe(value)}")


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_claim_value(kind: Any) -> bool:
    return isinstance(kind, types.UnionType) and set(kind.__args__) == {str, int, float, bool}


def _is_tuple(kind: Any) -> bool:
    return getattr(kind, "__origin__", None) is tuple


def _make_tuple_hook(converter: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    def structure(value: Any, kind: Any) -> tuple[Any, ...]:
        item_type = kind.__args__[0]
        if not isinstance(value, list):
            raise _Bad(f"expected a list, got {describe(value)}")
        items = []
        for index, item in enumerate(value):
            try:
                items.append(converter.structure(item, item_type))
            except (_Bad, PeacetrackError) as exc:
                raise _Bad(f"item {index}: {exc}") from None
            except ClassValidationError as exc:
                messages = [f"{p.field}: {p.message}" for p in _problems(exc, None)]
                raise _Bad(f"item {index}: {'; '.join(messages)}") from None
        return tuple(items)

    return structure


def _is_part(kind: Any) -> bool:
    """A small attrs object inside a record (an exclusion), not a record or a date."""
    return (
        isinstance(kind, type)
        and attrs.has(kind)
        and not issubclass(kind, Record | PartialDate | Period)
    )


def _structure_part(converter: cattrs.Converter, cls: type) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cls)
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    name = cls.__name__.lower()
    required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
    article = "an" if name[0] in "aeiou" else "a"
    having = f" with a {' and a '.join(required)}" if required else ""
    wanted = f"{article} {name} object{having}"

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _Bad(f"expected {wanted}, got {describe(value)}")
        _refuse_repeated(value)
        return inner(value, cls)

    return structure


def _refuse_repeated(value: dict[str, Any]) -> None:
    if isinstance(value, JSONObject) and value.repeated:
        raise _Bad(f"key {value.repeated[0]!r} given more than once")


def _unstructure_record(converter: cattrs.Converter, cls: type[Record]) -> Callable[[Any], Any]:
    fields = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)

    def unstructure(record: Record) -> dict[str, Any]:
        body = fields(record)
        sources = body.pop("sources", None)
        out = {"type": cls.record_type, **body}
        if sources:
            out["sources"] = sources
        return out

    return unstructure


def _is_record_class(kind: Any) -> bool:
    return isinstance(kind, type) and is_registered(kind)


def _structure_record_class(converter: cattrs.Converter, cls: type) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cls)
    return make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, str)
    converter.register_structure_hook_func(_is_enum, _structure_enum)
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    converter.register_structure_hook_func(_is_claim_value, _structure_scalar)
    converter.register_structure_hook_func(_is_tuple, _make_tuple_hook(converter))
    converter.register_structure_hook_factory(_is_part, lambda cls: _structure_part(converter, cls))
    converter.register_unstructure_hook_factory(
        _is_part, lambda cls: make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
    )
    # Every registered record class, including those registered after this module.
    converter.register_structure_hook_factory(
        _is_record_class, lambda cls: _structure_record_class(converter, cls)
    )
    converter.register_unstructure_hook_factory(
        _is_record_class, lambda cls: _unstructure_record(converter, cls)
    )
    return converter


CONVERTER: Final = _make_converter()
"""The converter between records and the dicts a file holds."""


# -- errors into problems ---------------------------------------------------------------


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return "missing; this field is required"
    if isinstance(exc, _Bad | PeacetrackError | ValueError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _problems(exc: ClassValidationError, record_id: str | None) -> list[Problem]:
    with_field, others = exc.group_exceptions()
    problems = [Problem(record_id, note.name, _message(err)) for err, note in with_field]
    for err in others:
        if isinstance(err, ForbiddenExtraKeysError):
            known = ", ".join(f.name for f in attrs.fields(err.cl) if f.init)
            problems.extend(
                Problem(record_id, key, f"unknown field; {err.cl.__name__} has {known}")
                for key in sorted(err.extra_fields)
            )
        elif isinstance(err, ValidationError):
            problems.extend(
                Problem(p.record_id or record_id, p.field, p.message) for p in err.problems
            )
        elif isinstance(err, ClassValidationError):
            problems.extend(_problems(err, record_id))
        else:
            problems.append(Problem(record_id, None, _message(err)))
    return problems


def record_name(raw: Any, index: int) -> str:
    """How problems name the raw record at ``records[index]``: its id if usable."""
    record_id = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(record_id, str) and record_id.strip():
        return record_id
    return f"records[{index}]"


def structure_record(raw: Any, index: int) -> tuple[Record | None, list[Problem]]:
    """The record in ``raw`` (``None`` if it has any problem) and its problems."""
    name = record_name(raw, index)
    if not isinstance(raw, dict):
        return None, [Problem(name, None, f"expected a record object, got {describe(raw)}")]
    problems = []
    if isinstance(raw, JSONObject):
        problems = [Problem(name, k, "given more than once in this record") for k in raw.repeated]
    kind = raw.get("type")
    if "type" not in raw:
        return None, [*problems, Problem(name, "type", f"missing; expected one of {_type_names()}")]
    cls = RECORD_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        shown = repr(short(kind)) if isinstance(kind, str) else describe(kind)
        message = f"unknown record type {shown}; expected one of {_type_names()}"
        return None, [*problems, Problem(name, "type", message)]
    body = {k: v for k, v in raw.items() if k != "type"}
    try:
        record = CONVERTER.structure(body, cls)
    except ClassValidationError as exc:
        return None, [*problems, *_problems(exc, name)]
    except ValidationError as exc:
        problems.extend(Problem(p.record_id or name, p.field, p.message) for p in exc.problems)
        return None, problems
    except (PeacetrackError, ValueError, TypeError) as exc:
        return None, [*problems, Problem(name, None, _message(exc))]
    return (None if problems else record), problems


# The fast way lives in its own module; the file layer and tables take it from here.
