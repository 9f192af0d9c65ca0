"""The fast way to read records: :class:`FastReader`.

Most records of a large file take this way: a well-formed record goes straight to its
class, whose own checks run in ``__attrs_post_init__``, and anything the reader cannot
vouch for is handed back (``None``) to :func:`peacetrack.io._convert.structure_record`,
whose messages are the ones users see. Both give equal records for every input the
fast way accepts (``tests/test_io_fast_path.py``).
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from peacetrack._registry import RECORD_TYPES, on_change, optional_inner
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import InvalidDateError
from peacetrack.io._convert import _is_claim_value, _is_enum, _is_part, _is_tuple
from peacetrack.io._json import MAX_SAFE_INTEGER, JSONObject
from peacetrack.records import Record

__all__ = ["FastReader"]

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
    parts: tuple[tuple[str, type], ...]  # lists of small objects (exclusions), with their class


def _enum_type(kind: Any) -> type[enum.Enum] | None:
    """The enum a field of type ``kind`` holds (``E`` or ``E | None``), if any."""
    inner, _ = optional_inner(kind)
    return inner if _is_enum(inner) else None


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
            (f.name, f.type.__args__[0])
            for f in fields
            if _is_tuple(f.type) and _is_part(f.type.__args__[0])
        ),
    )


_FAST: dict[str, _Spec] = {}
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


def _fast_parts(value: Any, cls: type) -> tuple[Any, ...] | None:
    """A list of small objects (exclusions) made the fast way, or ``None`` when one
    of them is not a plain object with each key once."""
    made = []
    for item in value:
        if type(item) is JSONObject and item.repeated:
            return None
        if type(item) is not JSONObject and type(item) is not dict:
            return None
        made.append(cls(**item))  # its own checks; the caller catches their errors
    return tuple(made)


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
            for name, part in spec.parts:
                value = get(name)
                if type(value) is list:
                    made = _fast_parts(value, part)
                    if made is None:
                        return None
                    body[name] = made
            return spec.cls(**body)
        except Exception:  # the slow way says what is wrong
            return None
