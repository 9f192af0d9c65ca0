"""Any CSV file → records of one type, through a column mapping.

One file holds one kind of record (parties, people, incidents, ...). A mapping says
which column holds each field; a field with no mapping is read from the column of
its own name, when there is one. Cells are text: a field that holds several values
(``aliases``, ``sources``, ``parties``) is split on ``;``; ``identifiers`` are
``scheme:identifier`` (``wikidata:Q28942948; ucdp:1131``) and ``links`` URLs; a whole-number field
(``number``) is read as a number, a claim's ``value`` as a number when it looks like
one, an empty cell leaves an optional field at its default. Dates and periods are
EDTF text, as everywhere in peacetrack.

Examples
--------
>>> import io
>>> text = ("actor_id,actor,type,also_known_as\\n"
...         "hnc,High Negotiations Committee,opposition,HNC;Riyadh group\\n")
>>> t = from_csv(io.StringIO(text), "party",
...              {"id": "actor_id", "name": "actor", "kind": "type", "aliases": "also_known_as"})
>>> t["hnc"].aliases
('HNC', 'Riyadh group')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal, overload

import attrs

from peacetrack import records
from peacetrack.errors import LoadError, PeacetrackError, ValidationError
from peacetrack.importers._rows import Rows, Source
from peacetrack.interop.imported import Collector, Imported, build_timeline
from peacetrack.records import Identifier, Link, Record
from peacetrack.timeline import Timeline

__all__ = ["RECORD_TYPES", "from_csv"]

_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?", re.ASCII)
_NOT_FROM_A_CELL = frozenset({"exclusions"})


def _record_types() -> dict[str, type[Record]]:
    """The record classes ``peacetrack.records`` makes public, by name (a subclass made
    elsewhere, a test's say, is not one of them)."""
    found = {}
    for name in records.__all__:
        cls = getattr(records, name)
        if isinstance(cls, type) and issubclass(cls, Record) and cls is not Record:
            found[cls.record_type] = cls
    return dict(sorted(found.items()))


RECORD_TYPES: dict[str, type[Record]] = _record_types()
"""The record types a CSV file can hold, by name (``"party"``, ``"incident"``, ...)."""


def _identifier(text: str) -> Identifier:
    scheme, sep, value = text.partition(":")
    if not (sep and scheme.strip() and value.strip()):
        raise ValueError(f"expected scheme:identifier (wikidata:Q28942948), got {text!r}")
    return Identifier(scheme.strip(), value.strip())


def _cell(field: attrs.Attribute[Any], text: str) -> Any:
    kind = str(field.type)
    if "tuple[" in kind:
        parts = [part.strip() for part in text.split(";") if part.strip()]
        if field.name == "identifiers":
            return tuple(map(_identifier, parts))
        if field.name == "links":
            return tuple(Link(url) for url in parts)
        return tuple(parts)
    if kind.startswith("int"):
        if not (text.lstrip("-").isascii() and text.lstrip("-").isdigit()):
            raise ValueError(f"expected a whole number, got {text!r}")
        return int(text)
    if field.name == "value" and _NUMBER.fullmatch(text):
        return float(text) if any(c in text for c in ".eE") else int(text)
    return text


@overload
def from_csv(
    file: Source,
    record_type: str,
    columns: Mapping[str, str] | None = ...,
    *,
    base: Timeline | None = ...,
    lenient: Literal[False] = ...,
    delimiter: str = ...,
) -> Timeline: ...
@overload
def from_csv(
    file: Source,
    record_type: str,
    columns: Mapping[str, str] | None = ...,
    *,
    base: Timeline | None = ...,
    lenient: Literal[True],
    delimiter: str = ...,
) -> Imported: ...
def from_csv(
    file: Source,
    record_type: str,
    columns: Mapping[str, str] | None = None,
    *,
    base: Timeline | None = None,
    lenient: bool = False,
    delimiter: str = ",",
) -> Timeline | Imported:
    """Read one record per row of a CSV file.

    Parameters
    ----------
    file
        A path, ``"-"`` for standard input, or an open text stream (UTF-8).
    record_type
        What each row is: a key of :data:`RECORD_TYPES` (``"party"``, ``"person"``,
        ``"incident"``, ``"claim"``, ...).
    columns
        Field name → column name. Fields left out are read from the column of the
        same name, if the header has one.
    base
        A timeline the rows may refer to (the parties of an incidents file, say); the
        result holds its records too.
    lenient
        ``False``: any bad row, or a column no field reads, is an error. ``True``:
        leave them out and return ``Imported(timeline, report)``.
    delimiter
        The cell separator (``","``; ``"\\t"`` for TSV, ``";"`` as some spreadsheets
        write).

    Raises
    ------
    LoadError
        For an unknown record type or field, a mapped column not in the header, a
        required field with no column, or a file that is not CSV.
    ImportFailedError
        (strict) For bad rows, each problem naming file, line, column and reason.
    """
    cls = RECORD_TYPES.get(record_type)
    if cls is None:
        raise LoadError(
            f"unknown record type {record_type!r}; expected one of {', '.join(RECORD_TYPES)}"
        )
    fields = {f.name: f for f in attrs.fields(cls)}
    rows = Rows(file, delimiter=delimiter)
    mapping = {
        name: name for name in fields if name in rows.header and name not in _NOT_FROM_A_CELL
    }
    for name, column in (columns or {}).items():
        if name not in fields or name in _NOT_FROM_A_CELL:
            raise LoadError(
                f"a {record_type} has no field {name!r} a CSV column can fill; "
                f"its fields: {', '.join(f for f in fields if f not in _NOT_FROM_A_CELL)}"
            )
        mapping[name] = column
    rows.require(tuple(mapping.values()))
    required = [n for n, f in fields.items() if f.default is attrs.NOTHING and n not in mapping]
    if required:
        raise LoadError(
            f"{rows.name}: no column for the required {record_type} field"
            f"{'s' if len(required) > 1 else ''} {', '.join(map(repr, required))}; "
            "map one with columns="
        )
    found = Collector(rows.name)
    made: list[Record] = [] if base is None else list(base.records)
    unread = {c: 0 for c in rows.header if c not in set(mapping.values())}
    for line, row in rows.good(found):
        where = f"{rows.name}:{line}"
        kwargs: dict[str, Any] = {}
        ok = True
        for name, column in mapping.items():
            text = row[column].strip()
            if not text and fields[name].default is not attrs.NOTHING:
                continue
            try:
                kwargs[name] = _cell(fields[name], text)
            except ValueError as exc:
                found.skip(f"bad {column}", f"{where}: {column}: {exc}")
                ok = False
        for column in unread:
            unread[column] += bool(row[column].strip())
        if not ok:
            continue
        try:
            made.append(cls(**kwargs))
        except ValidationError as err:
            for p in err.problems:
                column = mapping.get(p.field or "", p.field or "")
                found.skip(
                    f"bad {column}" if column else "bad row", f"{where}: {column}: {p.message}"
                )
        except (PeacetrackError, TypeError, ValueError) as exc:
            found.skip("bad row", f"{where}: {exc}")
    for column, n in unread.items():
        if n:
            found.skip(
                f"value of column {column!r}", f"{rows.name}: {column}: {n} rows have a value", n
            )
    t = build_timeline(made, found, lenient=lenient, keep=() if base is None else base.records)
    if not lenient:
        return t
    new = t.records if base is None else [r for r in t.records if base.get(r.id) is None]
    return Imported(t, found.report(new))
