"""How a record checks its own fields: checks, lenient converters and check plans.

Each checked field carries a check in its metadata (under :data:`CHECK`) that takes
the field's value and returns a message, or ``None`` when the value is good. A record
runs all of them after construction and raises one
:class:`~peacetrack.errors.ValidationError` listing every bad field, so a user fixes a
record in one pass. Converters are lenient on purpose: they normalise what they can
and leave the rest for the check to report (a value they cannot convert becomes an
:class:`Invalid` carrying the reason).

This module knows nothing of the record classes; :mod:`peacetrack.records` puts its
pieces on the fields.

>>> check_ids(("gov", "hnc", "gov"))
"repeats an id: ['gov']"
>>> DATE[CHECK](to_date("2016-02-30"))
"'2016-02-30' is not a valid EDTF date: day 30 is not in 1..29 for 2016-02"
"""

from __future__ import annotations

import enum
import math
import operator
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from typing import Any, Final, NamedTuple, TypeAlias

import attrs

from peacetrack.dates import PartialDate, Period
from peacetrack.errors import InvalidDateError, Problem, ValidationError

CHECK = "peacetrack_check"
"""The metadata key under which a field keeps its check."""

Check: TypeAlias = Callable[[Any], str | None]
"""A field check: the value's problem in words, or ``None``."""


# -- checks ------------------------------------------------------------------------------


def check_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected text, got {type(value).__name__} {value!r}"
    if not value.strip():
        return "must not be empty"
    return None


def check_optional_text(value: Any) -> str | None:
    return None if value is None else check_text(value)


def check_ids(value: Any) -> str | None:
    if not isinstance(value, tuple):
        return f"expected a list of ids, got {type(value).__name__} {value!r}"
    for item in value:
        problem = check_text(item)
        if problem:
            return f"item {item!r}: {problem}"
    if len(set(value)) != len(value):
        repeated = sorted(v for v, n in Counter(value).items() if n > 1)  # O(n log n)
        more = f" and {len(repeated) - 10:,} more" if len(repeated) > 10 else ""
        return f"repeats an id: {repeated[:10]}{more}"
    return None


def check_texts(value: Any) -> str | None:
    if not isinstance(value, tuple):
        return f"expected a list of strings, got {type(value).__name__} {value!r}"
    for item in value:
        problem = check_text(item)
        if problem:
            return f"item {item!r}: {problem}"
    return None


def is_instance(kind: type, label: str, *, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if optional and value is None:
            return None
        if isinstance(value, kind):
            return None
        if isinstance(value, Invalid):
            return value.message
        return f"expected {label}, got {type(value).__name__} {value!r}"

    return check


def check_enum(enum_type: type[enum.Enum], *, optional: bool = False) -> Check:
    choices = ", ".join(repr(m.value) for m in enum_type)

    def check(value: Any) -> str | None:
        if (optional and value is None) or isinstance(value, enum_type):
            return None
        return f"{value!r} is not a {enum_type.__name__}; expected one of {choices}"

    return check


def check_positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"expected a whole number, got {type(value).__name__} {value!r}"
    if value < 1:
        return f"must be 1 or more, got {value}"
    if value > MAX_SAFE_INTEGER:
        return out_of_range(value)
    return None


MAX_SAFE_INTEGER: Final = 2**53 - 1
"""The largest whole number a record may hold (as in JavaScript): larger ones would be
read differently by other JSON tools, so no file could hold them faithfully."""

_SCALARS = (str, int, float, bool)  # a tuple: isinstance with one is faster than with a union


def out_of_range(value: int) -> str:
    """The message for a whole number beyond ±:data:`MAX_SAFE_INTEGER`."""
    text = str(value)
    shown = text if len(text) <= 40 else f"{text[:20]}…({len(text)} characters)"
    return f"number {shown} is out of range (whole numbers must lie within ±{MAX_SAFE_INTEGER})"


def check_claim_value(value: Any) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, got {value!r}"
    if isinstance(value, _SCALARS):
        if type(value) is int and not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return out_of_range(value)
        return None
    return f"expected a JSON scalar (text, number or true/false), got {type(value).__name__}"


def typed(value: Any) -> tuple[type, Any]:
    """A claim value with its type, for equality and hashing: ``True``, ``1`` and
    ``1.0`` are equal in Python but three different JSON values."""
    return (type(value), value)


def check_parts(
    cls: type, key: Callable[[Any], Hashable], repeated: str | Callable[[list[Any]], str]
) -> Check:
    """A check for a field made by :func:`to_parts`: a tuple of ``cls`` in which no two
    items have the same ``key``; ``repeated`` is the message when two do (or makes it
    from the list of keys)."""

    def check(value: Any) -> str | None:
        if isinstance(value, Invalid):
            return value.message
        if not isinstance(value, tuple) or not all(isinstance(v, cls) for v in value):
            return f"expected a list of {cls.__name__}, got {value!r}"
        keys = [key(v) for v in value]
        if len(set(keys)) != len(keys):
            return repeated if isinstance(repeated, str) else repeated(keys)
        return None

    return check


TEXT = {CHECK: check_text}
OPTIONAL_TEXT = {CHECK: check_optional_text}
IDS = {CHECK: check_ids}
TEXTS = {CHECK: check_texts}
DATE = {CHECK: is_instance(PartialDate, "an EDTF date")}
OPTIONAL_DATE = {CHECK: is_instance(PartialDate, "an EDTF date", optional=True)}
PERIOD = {CHECK: is_instance(Period, "an EDTF interval")}
OPTIONAL_PERIOD = {CHECK: is_instance(Period, "an EDTF interval", optional=True)}


# -- lenient converters ------------------------------------------------------------------


@attrs.frozen
class Invalid:
    """What a lenient converter leaves behind when it cannot convert; checks report it."""

    value: Any
    message: str


def to_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list | tuple) else value


def to_enum(enum_type: type[enum.Enum], value: Any) -> Any:
    if isinstance(value, str):
        try:
            return enum_type(value)
        except ValueError:
            return value
    return value


def to_date(value: Any) -> Any:
    if value is None or isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.coerce(value)
    except InvalidDateError as exc:
        return Invalid(value, str(exc))


def to_period(value: Any) -> Any:
    if isinstance(value, Period):
        return value
    try:
        return Period.coerce(value)
    except InvalidDateError as exc:
        return Invalid(value, str(exc))


def to_optional_period(value: Any) -> Any:
    return None if value is None else to_period(value)


def _in_words(names: list[str]) -> str:
    """``["a", "b", "c"]`` as ``"a, b and c"``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def to_parts(cls: type, *, from_text: bool = False) -> Callable[[Any], Any]:
    """A lenient converter for a field holding a list of small attrs objects (a party's
    identifiers, a ceasefire's exclusions, an agreement's signatories): a list of dicts
    (or of ``cls``) becomes a tuple of ``cls``, and with ``from_text`` a plain string
    is the object's first field (an undated name). An item that cannot be made
    becomes an :class:`Invalid` saying why, for :func:`check_parts` to report."""
    fields = _in_words([f.name for f in attrs.fields(cls)])
    noun = cls.__name__.lower()
    article = "an" if noun[0] in "aeiou" else "a"

    def convert(value: Any) -> Any:
        if not isinstance(value, list | tuple):
            return value
        try:
            return tuple(
                cls(item)
                if from_text and isinstance(item, str)
                else cls(**item)
                if isinstance(item, dict)
                else item
                for item in value
            )
        except ValidationError as exc:
            return Invalid(value, "; ".join(f"{p.field}: {p.message}" for p in exc.problems))
        except TypeError as exc:
            return Invalid(value, f"{article} {noun} has the fields {fields} ({exc})")

    return convert


# -- running the checks ------------------------------------------------------------------

_CHECKS: dict[type, tuple[tuple[str, Check], ...]] = {}


def checks_of(cls: type) -> tuple[tuple[str, Check], ...]:
    """``(field name, check)`` for every checked field of ``cls``, in field order.

    Read from the fields' metadata on a class's first record and kept, so that a
    record costs only its checks, not a walk through ``attrs.fields``.
    """
    checks = _CHECKS.get(cls)
    if checks is None:
        checks = _CHECKS[cls] = tuple(
            (field.name, field.metadata[CHECK])
            for field in attrs.fields(cls)
            if CHECK in field.metadata
        )
    return checks


_Getter: TypeAlias = Callable[[Any], tuple[Any, ...]]


class Plan(NamedTuple):
    """How a record class tells quickly that every field is good (see :func:`plan_of`)."""

    texts: _Getter
    """The values of the required text fields."""
    ids: _Getter | None
    """The values of the lists of ids, if any."""
    others: tuple[tuple[str, Check], ...]
    """Every other checked field, with its check."""
    has_rules: bool
    """Whether the class has rules of its own (``_rules``)."""


PLANS: dict[type, Plan] = {}
"""The plan of every record class that has made a record, by class."""


def _getter(names: list[str]) -> _Getter | None:
    if not names:
        return None
    if len(names) == 1:
        get = operator.attrgetter(names[0])
        return lambda obj: (get(obj),)
    return operator.attrgetter(*names)


def plan_of(cls: type, base_rules: Callable[..., Iterator[Problem]]) -> Plan:
    """How a record of ``cls`` tells quickly that every field is good: the required
    text fields are tested together at C speed, the lists of ids with one loop, and
    the other checks one by one. ``base_rules`` is the ``_rules`` of the base record
    class, which has none: a class that overrides it has rules of its own."""
    found = PLANS.get(cls)
    if found is None:
        checks = checks_of(cls)
        texts = _getter([name for name, check in checks if check is check_text])
        assert texts is not None  # every record has an id
        found = PLANS[cls] = Plan(
            texts,
            _getter([name for name, check in checks if check is check_ids]),
            tuple((n, c) for n, c in checks if c is not check_text and c is not check_ids),
            getattr(cls, "_rules") is not base_rules,  # noqa: B009 (mypy: type has no _rules)
        )
    return found


def fields_ok(obj: Any, plan: Plan) -> bool:
    """``True`` if no field check of ``obj`` finds a problem; ``False`` if one might
    (the full checks then say which)."""
    texts, ids, others, _ = plan
    try:
        # str.strip raises TypeError for anything but text; '' and blanks are falsy.
        if not all(map(str.strip, texts(obj))):
            return False
        if ids is not None:
            for value in ids(obj):
                if type(value) is not tuple or not all(map(str.strip, value)):
                    return False
                if len(value) > 1 and len(set(value)) != len(value):
                    return False
    except TypeError:
        return False
    for name, check in others:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if check(getattr(obj, name)):
            return False
    return True


def field_problems(obj: Any, record_id: str | None, prefix: str = "") -> Iterator[Problem]:
    """A :class:`~peacetrack.errors.Problem` for every field of ``obj`` whose check fails."""
    for name, check in checks_of(type(obj)):
        message = check(getattr(obj, name))
        if message:
            yield Problem(record_id, prefix + name, message)
