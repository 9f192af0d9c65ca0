"""Reading and writing timelines as JSON files.

A peacetrack file is one JSON object: the format version under ``"peacetrack"``
first, then the records, in the timeline's order::

    {"peacetrack": "1", "records": [
      {"type": "party", "id": "russia", "name": "Russia", "kind": "state"},
      {"type": "round", "id": "r3", "process": "geneva", "number": 3,
       "period": "2016-04-13/2016-04-27", "venue": "Geneva",
       "format": "proximity", "outcome": "adjourned"}]}

Each record's ``"type"`` is its :attr:`~peacetrack.records.Record.record_type`; its
other keys are the record's fields, in field order (``sources`` last). Dates are EDTF
strings, periods EDTF intervals (``..`` for an open end), enums their values. Fields
equal to their default are left out when writing and accepted either way when
reading. :data:`SCHEMA` is the JSON Schema (draft 2020-12) of the format.

The guarantees:

- :func:`dumps` is deterministic and ``loads(dumps(t)) == t`` for every timeline.
- Nothing is dropped or guessed: an unknown field, an unknown record type, a key
  given twice or a value of the wrong type is an error that names it.
- Every problem in a file is reported at once, as one
  :class:`~peacetrack.errors.ValidationError` whose problems carry the record id
  and the field. A record without a usable id is named by its place,
  ``records[3]``. Problems with the document as a whole (not JSON, not UTF-8, too
  large, nested too deeply, a missing or unknown format version) raise
  :class:`~peacetrack.errors.LoadError`.
- Limits are checked before parsing: ``max_bytes`` (512 MiB by default) and a
  nesting depth of :data:`MAX_DEPTH`. ``NaN`` and ``Infinity`` are refused, and
  whole numbers must lie within ±(2**53 - 1) so that every JSON reader sees the
  same number.
- Reading never runs code: the loader is :mod:`json` and cattrs, nothing else.
- :func:`save` is atomic: a reader sees the old file or the new one, never half
  of one.

Examples
--------
>>> from peacetrack import Party, Timeline
>>> t = Timeline([Party("russia", "Russia", "state")])
>>> text = dumps(t, indent=None)
>>> print(text[:60])
{"peacetrack": "1", "records": [{"type": "party", "id": "rus
>>> loads(text) == t
True
"""

from __future__ import annotations

import contextlib
import enum
import importlib.resources
import itertools
import json
import math
import os
import re
import tempfile
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from peacetrack.dates import PartialDate, Period
from peacetrack.errors import LoadError, PeacetrackError, Problem, ValidationError
from peacetrack.records import (
    Ceasefire,
    Claim,
    ClaimValue,
    Delegation,
    Designation,
    Exclusion,
    Incident,
    Issue,
    Membership,
    Party,
    Person,
    Position,
    Process,
    Record,
    Relation,
    Resignation,
    Round,
    Source,
)
from peacetrack.timeline import Timeline

__all__ = [
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_SAFE_INTEGER",
    "RECORD_TYPES",
    "SCHEMA",
    "dumps",
    "load",
    "loads",
    "save",
]

FORMAT_VERSION: Final = "1"
"""The version of the file format this peacetrack writes and reads."""

MAX_BYTES: Final = 512 * 1024 * 1024
"""The default size limit of :func:`loads` and :func:`load`: 512 MiB."""

MAX_DEPTH: Final = 64
"""The deepest nesting of JSON arrays and objects a document may have.

A valid file needs 5 levels (document, records, record, exclusions, exclusion);
anything far deeper is refused before parsing.
"""

MAX_SAFE_INTEGER: Final = 2**53 - 1
"""The largest whole number a file may hold (as in JavaScript): larger ones would be
read differently by other JSON tools."""

RECORD_TYPES: Final[dict[str, type[Record]]] = {
    cls.record_type: cls
    for cls in (
        Source,
        Party,
        Person,
        Process,
        Round,
        Delegation,
        Membership,
        Resignation,
        Issue,
        Position,
        Ceasefire,
        Designation,
        Relation,
        Incident,
        Claim,
    )
}
"""The record classes by their ``"type"`` tag in files."""

SCHEMA: Final[dict[str, Any]] = json.loads(
    importlib.resources.files("peacetrack.schema")
    .joinpath("peacetrack.schema.json")
    .read_text(encoding="utf-8")
)
"""The JSON Schema (draft 2020-12) of the file format, as a dict.

It describes the shape of a file. The loader checks more than a schema can say:
that dates exist in the calendar, that a period does not end before it starts,
that ids are unique and references resolve.
"""

_TYPE_NAMES = ", ".join(repr(name) for name in RECORD_TYPES)
_LONG = 200  # longest quoted value or id kept whole in a message


# -- values the parser marks instead of converting -------------------------------------


@attrs.frozen
class _OutOfRange:
    """A JSON number too large to keep; the hooks report it where it stands."""

    text: str

    def __str__(self) -> str:
        digits = len(self.text)
        shown = self.text if digits <= 40 else f"{self.text[:20]}…({digits} characters)"
        return f"number {shown} is out of range (whole numbers must lie within ±{MAX_SAFE_INTEGER})"


class _Object(dict[str, Any]):
    """A JSON object that had some keys more than once (``repeated``)."""

    repeated: tuple[str, ...] = ()


class _Bad(ValueError):
    """A value the converter refuses; the message says what was expected."""


_RUN = re.compile(rf"\S{{{_LONG},}}")


def _short(text: str, limit: int = _LONG) -> str:
    """``text`` with every run of more than ``limit`` non-space characters cut down,
    so that an error never echoes a huge input back whole."""
    if len(text) <= limit:
        return text
    text = _RUN.sub(lambda m: f"{m[0][:80]}…({len(m[0])} characters)…{m[0][-20:]}", text)
    if len(text) > 5 * limit:  # long but spaced out
        text = f"{text[: 2 * limit]}…({len(text)} characters)…{text[-2 * limit :]}"
    return text


def _describe(value: Any) -> str:
    if isinstance(value, _OutOfRange):
        return str(value)
    if value is None:
        return "null"
    kind = {
        bool: "true/false",
        int: "number",
        float: "number",
        str: "text",
        list: "list",
        dict: "object",
        _Object: "object",
    }
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, dict | list) else ""
    return _short(f"{kind.get(type(value), type(value).__name__)} {shown}".strip())


# -- the converter ----------------------------------------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"expected text, got {_describe(value)}")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, _OutOfRange):
        raise _Bad(str(value))
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"expected a whole number, got {_describe(value)}")
    if abs(value) > MAX_SAFE_INTEGER:
        raise _Bad(str(_OutOfRange(str(value))))
    return value


def _structure_scalar(value: Any, _: Any) -> ClaimValue:
    if isinstance(value, _OutOfRange):
        raise _Bad(str(value))
    if isinstance(value, bool | str | float):
        return value
    if isinstance(value, int):
        return _structure_int(value, int)
    raise _Bad(f"expected text, a number or true/false, got {_describe(value)}")


def _structure_date(value: Any, _: Any) -> PartialDate:
    if not isinstance(value, str):
        raise _Bad(f"expected an EDTF date string such as '2016-04-27', got {_describe(value)}")
    return PartialDate.parse(value)


def _structure_period(value: Any, _: Any) -> Period:
    if not isinstance(value, str):
        raise _Bad(
            f"expected an EDTF interval string such as '2016-04-13/2016-04-27', "
            f"got {_describe(value)}"
        )
    return Period.parse(value)


def _structure_enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    choices = ", ".join(repr(m.value) for m in kind)
    if isinstance(value, str):
        for member in kind:
            if member.value == value:
                return member
    raise _Bad(f"expected one of {choices}, got {_describe(value)}")


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
            raise _Bad(f"expected a list, got {_describe(value)}")
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


def _structure_exclusion(converter: cattrs.Converter) -> Callable[[Any, Any], Exclusion]:
    inner = make_dict_structure_fn(
        Exclusion, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure(value: Any, _: Any) -> Exclusion:
        if not isinstance(value, dict):
            raise _Bad(f"expected an exclusion object with a party, got {_describe(value)}")
        _refuse_repeated(value)
        return inner(value, Exclusion)

    return structure


def _refuse_repeated(value: dict[str, Any]) -> None:
    if isinstance(value, _Object) and value.repeated:
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


def _structure_any_record(converter: cattrs.Converter) -> Callable[[Any, Any], Record]:
    def structure(value: Any, _: Any) -> Record:
        if not isinstance(value, dict):
            raise _Bad(f"expected a record object, got {_describe(value)}")
        cls = RECORD_TYPES.get(value.get("type"))  # type: ignore[arg-type]
        if cls is None:
            raise _Bad(f"unknown record type {_describe(value.get('type'))}")
        return converter.structure({k: v for k, v in value.items() if k != "type"}, cls)

    return structure


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
    attrs.resolve_types(Exclusion)
    converter.register_structure_hook(Exclusion, _structure_exclusion(converter))
    converter.register_unstructure_hook(
        Exclusion, make_dict_unstructure_fn(Exclusion, converter, _cattrs_omit_if_default=True)
    )
    for cls in RECORD_TYPES.values():
        attrs.resolve_types(cls)
        converter.register_structure_hook(
            cls,
            make_dict_structure_fn(
                cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
            ),
        )
        converter.register_unstructure_hook(cls, _unstructure_record(converter, cls))
    converter.register_structure_hook(Record, _structure_any_record(converter))
    converter.register_unstructure_hook(Record, lambda r: converter.unstructure(r, type(r)))
    return converter


_CONVERTER: Final = _make_converter()


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


def _record_name(raw: Any, index: int) -> str:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(record_id, str) and record_id.strip():
        return record_id
    return f"records[{index}]"


def _structure_record(raw: Any, index: int) -> tuple[Record | None, list[Problem]]:
    name = _record_name(raw, index)
    if not isinstance(raw, dict):
        return None, [Problem(name, None, f"expected a record object, got {_describe(raw)}")]
    problems = []
    if isinstance(raw, _Object):
        problems = [Problem(name, k, "given more than once in this record") for k in raw.repeated]
    kind = raw.get("type")
    if "type" not in raw:
        return None, [*problems, Problem(name, "type", f"missing; expected one of {_TYPE_NAMES}")]
    cls = RECORD_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        shown = repr(_short(kind)) if isinstance(kind, str) else _describe(kind)
        message = f"unknown record type {shown}; expected one of {_TYPE_NAMES}"
        return None, [*problems, Problem(name, "type", message)]
    body = {k: v for k, v in raw.items() if k != "type"}
    try:
        record = _CONVERTER.structure(body, cls)
    except ClassValidationError as exc:
        return None, [*problems, *_problems(exc, name)]
    except ValidationError as exc:
        problems.extend(Problem(p.record_id or name, p.field, p.message) for p in exc.problems)
        return None, problems
    except (PeacetrackError, ValueError, TypeError) as exc:
        return None, [*problems, Problem(name, None, _message(exc))]
    return (None if problems else record), problems


def _shorten(problem: Problem) -> Problem:
    record_id = None if problem.record_id is None else _short(problem.record_id)
    field = None if problem.field is None else _short(problem.field)
    return Problem(record_id, field, _short(problem.message))


# -- parsing ----------------------------------------------------------------------------

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _nesting(text: str) -> int:
    """How deep arrays and objects nest, with brackets inside strings ignored."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0  # cannot be too deep
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(itertools.accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0)


def _refuse_constant(name: str) -> Any:
    raise LoadError(f"{name} is not a number JSON allows; numbers must be finite")


def _parse_int(text: str) -> int | _OutOfRange:
    if len(text) > 17:
        return _OutOfRange(text)
    value = int(text)
    return value if abs(value) <= MAX_SAFE_INTEGER else _OutOfRange(text)


def _parse_float(text: str) -> float | _OutOfRange:
    value = float(text)
    return value if math.isfinite(value) else _OutOfRange(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        obj.repeated = tuple(key for key, n in counts.items() if n > 1)
    return obj


def _decode(text: str | bytes, max_bytes: int) -> str:
    if isinstance(text, bytes | bytearray | memoryview):
        data = bytes(text)
        if len(data) > max_bytes:
            raise LoadError(f"input is {len(data)} bytes, more than the limit of {max_bytes}")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError(
                f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be "
                "decoded; peacetrack files are UTF-8 JSON"
            ) from None
    if isinstance(text, str):
        size = len(text)
        if size > max_bytes or (
            size * 4 > max_bytes
            and (size := len(text.encode("utf-8", "surrogatepass"))) > max_bytes
        ):
            raise LoadError(f"input is {size} bytes, more than the limit of {max_bytes}")
        return text.removeprefix("\ufeff")
    raise TypeError(f"expected str or bytes, got {type(text).__name__}")


def _parse(text: str | bytes, max_bytes: int) -> Any:
    source = _decode(text, max_bytes)
    if not source.strip():
        raise LoadError('empty input; expected a JSON object {"peacetrack": "1", "records": [...]}')
    depth = _nesting(source)
    if depth > MAX_DEPTH:
        raise LoadError(f"arrays and objects nest {depth} deep; the limit is {MAX_DEPTH}")
    try:
        return json.loads(
            source,
            object_pairs_hook=_object,
            parse_constant=_refuse_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        if exc.pos >= len(source.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise LoadError(
                f"not valid JSON: {exc.msg} ({where}); is the file truncated?"
            ) from None
        raise LoadError(f"not valid JSON: {exc.msg} ({where})") from None
    except RecursionError:
        raise LoadError(f"arrays and objects nest too deeply; the limit is {MAX_DEPTH}") from None
    except ValueError as exc:  # e.g. a number with more digits than int() accepts
        raise LoadError(f"not valid JSON: {_short(str(exc))}") from None


def _check_version(document: dict[str, Any]) -> None:
    if "peacetrack" not in document:
        raise LoadError(
            f'missing the format version: expected "peacetrack": "{FORMAT_VERSION}" '
            "as the first key of the document"
        )
    version = document["peacetrack"]
    if not isinstance(version, str):
        raise LoadError(
            f'the format version "peacetrack" must be a string such as "{FORMAT_VERSION}", '
            f"got {_describe(version)}"
        )
    match = re.fullmatch(r"(\d{1,9})(?:\.(\d{1,9}))?", version, re.ASCII)
    if match is None or int(match[1]) < 1:
        raise LoadError(
            f"unknown format version {_short(version)!r}; this peacetrack reads "
            f"version {FORMAT_VERSION}"
        )
    if (int(match[1]), int(match[2] or 0)) > (int(FORMAT_VERSION), 0):
        raise LoadError(
            f"the file is format version {version}, newer than version {FORMAT_VERSION} that "
            "this peacetrack reads; upgrade peacetrack to read it"
        )


def _without_failed(problems: list[Problem], failed: set[str]) -> list[Problem]:
    """Drop references to records that failed: they exist, they are just broken."""
    noise = {f"refers to unknown id {record_id!r}" for record_id in failed}
    return [p for p in problems if p.message not in noise]


# -- the public functions ---------------------------------------------------------------


def dumps(t: Timeline, *, indent: int | None = 2) -> str:
    """The timeline as peacetrack JSON text.

    Records are written in the timeline's order, each record's keys in field order
    (``type`` and ``id`` first, ``sources`` last); fields equal to their default
    are left out. The same timeline always gives the same text.

    Parameters
    ----------
    t
        The timeline to write.
    indent
        Spaces per level, or ``None`` for one line.

    Returns
    -------
    str
        JSON text; non-ASCII text is written as is (UTF-8 when saved).

    Raises
    ------
    ValidationError
        For a whole number beyond ±(2**53 - 1), which other JSON readers would
        misread (and :func:`loads` refuses).

    Examples
    --------
    >>> from peacetrack import Person, Timeline
    >>> print(dumps(Timeline([Person("alloush", "Mohammed Alloush")])))
    {
      "peacetrack": "1",
      "records": [
        {
          "type": "person",
          "id": "alloush",
          "name": "Mohammed Alloush"
        }
      ]
    }
    """
    if not isinstance(t, Timeline):
        raise TypeError(f"expected a Timeline, got {type(t).__name__}")
    records = [_CONVERTER.unstructure(record, type(record)) for record in t.records]
    problems = [
        Problem(record["id"], key, str(_OutOfRange(str(value))))
        for record in records
        for key, value in record.items()
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER
    ]
    if problems:
        raise ValidationError(problems)
    document = {"peacetrack": FORMAT_VERSION, "records": records}
    text = json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: escape it, or no file could hold it
        text = json.dumps(document, indent=indent, ensure_ascii=True, allow_nan=False)
    return text


def loads(text: str | bytes, *, max_bytes: int = MAX_BYTES) -> Timeline:
    """Read a timeline from peacetrack JSON text.

    Every record is read, and every problem in every record is collected, before
    anything is raised; the timeline-wide rules (unique ids, references, ...) are
    then checked on the records that could be read.

    Parameters
    ----------
    text
        JSON text, or UTF-8 bytes.
    max_bytes
        Refuse larger input before parsing it.

    Returns
    -------
    Timeline

    Raises
    ------
    LoadError
        For input that is too large, not UTF-8, not JSON, nested more than
        :data:`MAX_DEPTH` deep, not a JSON object, or without a format version this
        peacetrack reads.
    ValidationError
        Listing every problem with the records, each with the record id (or
        ``records[i]`` when the record has no usable id) and the field.

    Examples
    --------
    >>> t = loads('{"peacetrack": "1", "records": [{"type": "person", "id": "p", "name": "A"}]}')
    >>> t["p"].name
    'A'
    >>> loads('{"peacetrack": "1", "records": [{"type": "person", "id": "p", "nam": "A"}]}')
    Traceback (most recent call last):
    ...
    peacetrack.errors.ValidationError: 2 problems:
      p: name: missing; this field is required
      p: nam: unknown field; Person has id, sources, name, aliases
    """
    document = _parse(text, max_bytes)
    if not isinstance(document, dict):
        raise LoadError(
            f"expected a JSON object at the top level, got {_describe(document).split()[0]}"
        )
    if isinstance(document, _Object) and document.repeated:
        raise LoadError(f"key {document.repeated[0]!r} given more than once in the document")
    _check_version(document)
    problems = [
        Problem(None, _short(key), 'unknown top-level key; expected "peacetrack" and "records"')
        for key in document
        if key not in ("peacetrack", "records")
    ]
    if "records" not in document:
        raise LoadError('missing "records": expected a list of record objects')
    raw_records = document["records"]
    if not isinstance(raw_records, list):
        raise LoadError(f'"records" must be a list of record objects, got {_describe(raw_records)}')
    records: list[Record] = []
    failed: set[str] = set()
    for index, raw in enumerate(raw_records):
        record, record_problems = _structure_record(raw, index)
        problems.extend(record_problems)
        if record is None:
            failed.add(_record_name(raw, index))
        else:
            records.append(record)
    try:
        timeline = Timeline(records)
    except ValidationError as exc:
        problems.extend(_without_failed(list(exc.problems), failed))
    if problems:
        raise ValidationError(_shorten(p) for p in problems)
    return timeline


def load(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Timeline:
    """Read a timeline from a peacetrack JSON file.

    Parameters
    ----------
    path
        The file to read.
    max_bytes
        Refuse a larger file before reading it.

    Returns
    -------
    Timeline

    Raises
    ------
    LoadError
        For a file that cannot be read (missing, a directory, no permission), and
        for everything :func:`loads` raises it for.
    ValidationError
        As :func:`loads`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from peacetrack import Party, Timeline
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> save(Timeline([Party("hnc", "HNC", "opposition")]), folder / "talks.json")
    >>> load(folder / "talks.json")["hnc"].kind.value
    'opposition'
    """
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > max_bytes:
                raise LoadError(f"{path}: {size} bytes, more than the limit of {max_bytes}")
            data = file.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return loads(data, max_bytes=max_bytes)
    except LoadError as exc:
        raise LoadError(f"{path}: {exc}") from None


def _is_peacetrack_file(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    if re.match(rb'\s*(?:\xef\xbb\xbf)?\s*\{\s*"peacetrack"\s*:', head):
        return True
    try:  # a hand-edited file may have its keys in another order
        document = _parse(path.read_bytes(), MAX_BYTES)
    except (PeacetrackError, OSError):
        return False
    return isinstance(document, dict) and "peacetrack" in document


def save(t: Timeline, path: str | os.PathLike[str], *, overwrite: bool = False) -> None:
    """Write the timeline to a file, atomically.

    The text of :func:`dumps` goes to a temporary file in the same directory, which
    is flushed and synced to disk and then renamed over ``path``: a reader (or a
    crash) sees the old file or the new one, never a mix. If anything fails, the
    temporary file is removed and the old file is left as it was. An existing
    file keeps its permissions; a symbolic link is followed.

    Parameters
    ----------
    t
        The timeline to write.
    path
        Where to write it.
    overwrite
        Replace an existing file even if it is not a peacetrack file. An existing
        peacetrack file is always replaced.

    Raises
    ------
    FileExistsError
        If ``path`` exists, is not a peacetrack file and ``overwrite`` is false.
    IsADirectoryError
        If ``path`` is a directory.
    OSError
        If the file cannot be written; the old file is then intact.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from peacetrack import Person, Timeline
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> _ = target.write_text("my notes")
    >>> save(Timeline([Person("p", "A")]), target)
    Traceback (most recent call last):
    ...
    FileExistsError: ...notes.txt exists and is not a peacetrack file; pass overwrite=True ...
    >>> save(Timeline([Person("p", "A")]), target, overwrite=True)
    >>> load(target)["p"].name
    'A'
    """
    data = (dumps(t) + "\n").encode("utf-8")
    target = Path(os.path.realpath(path))
    mode = 0o644
    if target.is_dir():
        raise IsADirectoryError(f"{path} is a directory")
    if target.exists():
        if not overwrite and not _is_peacetrack_file(target):
            raise FileExistsError(
                f"{path} exists and is not a peacetrack file; pass overwrite=True to replace it"
            )
        mode = target.stat().st_mode & 0o7777
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_directory(target.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where unsupported."""
    flags = getattr(os, "O_DIRECTORY", 0) | os.O_RDONLY
    with contextlib.suppress(OSError):
        fd = os.open(directory, flags)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
