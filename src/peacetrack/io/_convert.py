"""Records to dicts and back: the cattrs converter, its hooks, and its errors in our words.

:data:`CONVERTER` unstructures a record into the dict a file holds (``type`` first,
defaults left out, ``sources`` last) and structures such a dict back, refusing
unknown keys and values of the wrong type. :func:`structure_record` reads one raw
record and, instead of raising, returns every problem with it, each naming the
record id (or ``records[i]``) and the field.

:class:`FastReader` is the way most records of a large file take: a well-formed
record goes straight to its class, whose own checks run in ``__attrs_post_init__``,
and anything it cannot vouch for is handed back (``None``) to
:func:`structure_record`, whose messages are the ones users see. Both give equal
records for every input the fast way accepts (``tests/test_io_fast_path.py``).
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

from peacetrack._registry import RECORD_TYPES, is_registered, on_change
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import InvalidDateError, PeacetrackError, Problem, ValidationError
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


# -- the fast way -----------------------------------------------------------------------

_DATE_TYPES = (PartialDate, PartialDate | None)
_PERIOD_TYPES = (Period, Period | None)
_TEXT_TYPES = (str, str | None)
# Ids and free text rarely repeat; sharing them would only cost lookups.
_UNSHARED = frozenset({"id", "description", "quote", "title", "url", "reason", "name"})


@attrs.frozen
class _Spec:
    """What the fast way needs to know of one record class."""

    cls: type[Record]
    texts: tuple[str, ...]  # single strings worth sharing (ids, kinds, places, ...)
    lists: tuple[str, ...]  # lists of ids
    dates: tuple[str, ...]
    periods: tuple[str, ...]
    numbers: tuple[str, ...]  # may hold a whole number: checked for the safe range
    enums: tuple[tuple[str, dict[str, enum.Enum]], ...]  # each with its members by value
    parts: tuple[str, ...]  # lists of small objects: a record holding one goes the slow way


def _enum_type(kind: Any) -> type[enum.Enum] | None:
    """The enum a field of type ``kind`` holds (``E`` or ``E | None``), if any."""
    if _is_enum(kind):
        return kind  # type: ignore[no-any-return]
    if (
        isinstance(kind, types.UnionType)
        and len(kind.__args__) == 2
        and type(None) in kind.__args__
    ):
        (inner,) = (k for k in kind.__args__ if k is not type(None))
        return inner if _is_enum(inner) else None
    return None


def _spec(cls: type[Record]) -> _Spec:
    fields = [f for f in _fields(cls) if f.name not in _UNSHARED]
    enums = [(f.name, _enum_type(f.type)) for f in fields]
    return _Spec(
        cls,
        texts=tuple(f.name for f in fields if f.type in _TEXT_TYPES),
        lists=tuple(f.name for f in fields if f.type == tuple[str, ...]),
        dates=tuple(f.name for f in fields if f.type in _DATE_TYPES),
        periods=tuple(f.name for f in fields if f.type in _PERIOD_TYPES),
        numbers=tuple(f.name for f in fields if f.type is int or _is_claim_value(f.type)),
        enums=tuple((name, {m.value: m for m in kind}) for name, kind in enums if kind),
        parts=tuple(
            f.name for f in _fields(cls) if _is_tuple(f.type) and _is_part(f.type.__args__[0])
        ),
    )


_FAST: dict[str, _Spec | None] = {}
"""The fast way's spec of each record type, made on first use; ``None`` for a type
that always takes the slow way."""
on_change(_FAST.clear)


def _fast_spec(kind: str) -> _Spec | None:
    """The spec for ``kind``; ``None`` for an unknown type."""
    try:
        return _FAST[kind]
    except KeyError:
        cls = RECORD_TYPES.get(kind)
        if cls is None:  # not kept: a file may hold any number of unknown types
            return None
        spec = _FAST[kind] = _spec(cls)
        return spec


def _fields(cls: type) -> tuple[Any, ...]:
    attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


class FastReader:
    """Reads well-formed raw records without the converter, sharing what repeats.

    One reader serves one document (as :func:`~peacetrack.io._json.parse` returns
    it): equal ids, kinds and places read from it become one string object, and
    equal date and period strings one :class:`PartialDate` or :class:`Period` (both
    immutable), so a million incidents citing the same places, parties, sources and
    days hold one copy of each.

    :meth:`read` returns ``None`` for anything it cannot vouch for -- a key given
    twice, an unknown or missing key, a date that does not parse, a whole number
    out of the safe range, a record whose own checks fail -- and the caller then
    asks :func:`structure_record` for the record and its problems. When it returns
    a record, :func:`structure_record` would have returned an equal one with no
    problems: the record's class checks every field itself, and every parsed JSON
    value the class accepts is one the converter accepts and converts alike
    (tuples, dates, periods and enum members come out of JSON only as lists and
    strings, which both convert the same way; any other value of the wrong type
    fails the class's own check).
    """

    __slots__ = ("_dates", "_periods", "_strings")

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._dates: dict[str, PartialDate] = {}
        self._periods: dict[str, Period] = {}

    def read(self, raw: Any) -> Record | None:
        """The record in ``raw`` if it is well formed, else ``None``."""
        if type(raw) is not JSONObject and type(raw) is not dict:
            return None
        if getattr(raw, "repeated", ()):
            return None
        kind = raw.get("type")
        spec = _fast_spec(kind) if type(kind) is str else None
        if spec is None:
            return None
        # Small nested objects (a ceasefire's exclusions, a party's names) may repeat
        # keys that only the slow way sees. Such records are few.
        for name in spec.parts:
            if name in raw:
                return None
        body = dict(raw)
        del body["type"]
        get = body.get
        share = self._strings.setdefault
        for name in spec.texts:
            value = get(name)
            if type(value) is str:
                body[name] = share(value, value)
        for name in spec.lists:
            value = get(name)
            if type(value) is list:
                body[name] = tuple(
                    [share(item, item) if type(item) is str else item for item in value]
                )
        for name in spec.numbers:
            value = get(name)
            if type(value) is int and abs(value) > MAX_SAFE_INTEGER:
                return None
        for name, members in spec.enums:
            value = get(name)
            if type(value) is str:  # a value that is no member is left for the class to refuse
                body[name] = members.get(value, value)
        for name in spec.dates:
            text = get(name)
            if type(text) is str:
                date = self._dates.get(text)
                if date is None:
                    try:
                        date = self._dates[text] = PartialDate.parse(text)
                    except InvalidDateError:
                        return None
                body[name] = date
        for name in spec.periods:
            text = get(name)
            if type(text) is str:
                period = self._periods.get(text)
                if period is None:
                    try:
                        period = self._periods[text] = Period.parse(text)
                    except InvalidDateError:
                        return None
                body[name] = period
        try:
            return spec.cls(**body)
        except Exception:  # the slow way says what is wrong
            return None
