"""Older file formats, read as the current one: per-type rewrites of raw records.

A file says its format version under ``"peacetrack"``. :func:`migrate` turns the raw
records of an older file (the dicts :func:`~peacetrack.io._json.parse` returns, before
any record is made) into raw records of the current format, one step per version,
and reports what an older file cannot hold: a record type or a field that its
version did not have is an error, not something read as if the file were newer.

Each step is a table: record type -> the functions that rewrite one raw record of that
type, in order. A rewrite takes the raw dict and returns the new one (or the same one
when there is nothing to change); it never raises for bad values, which are left for
the reader to report with its usual messages.

Version 1 -> 2 (documented in ``docs/files.md``):

- ``Process.mediator`` is kept as it was: in version 2 it still means "this party or
  person mediates the process", and the timeline reads it as an undated mediator
  participation (see :func:`peacetrack.Timeline.participants`), so no record with a
  made-up id is added.
- ``participation`` and ``agreement`` records, and a ceasefire's ``agreement``,
  ``brokers`` and ``area``, are new in version 2: a version 1 file that has them is
  refused with a problem naming the record and the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

from peacetrack.errors import Problem
from peacetrack.io._migrate_v1_changing import designation_v1, position_v1

__all__ = ["NEW_IN", "NEW_VALUES_IN", "V1_TO_V2", "Rewrite", "migrate"]

Rewrite: TypeAlias = Callable[[dict[str, Any]], dict[str, Any]]
"""Rewrites one raw record of a type to the next format version."""

V1_TO_V2: dict[str, list[Rewrite]] = {
    "designation": [designation_v1],  # its date becomes the start of an open period
    "position": [position_v1],  # its party becomes its holder
}
"""The rewrites from version 1 to 2, by record type (``Process.mediator`` keeps its
meaning, so processes need none)."""

NEW_IN: dict[int, dict[str, frozenset[str] | None]] = {
    2: {
        "participation": None,
        "agreement": None,
        "ceasefire": frozenset({"agreement", "brokers", "area"}),
        "party": frozenset({"identifiers", "links", "names"}),
        "person": frozenset({"identifiers", "links", "names"}),
        "position": frozenset({"holder", "stated", "quote", "reason"}),
        "designation": frozenset({"period"}),
        "incident": frozenset({"period"}),
    },
}
"""What each version added, by record type: ``None`` for a whole new type, else the
new fields. A file of an older version that has them is refused. (Version 1 wrote a
position's ``party`` and a designation's ``date``, which the rewrites rename.)"""

NEW_VALUES_IN: dict[int, dict[str, dict[str, tuple[object, ...]]]] = {
    2: {
        "round": {
            "venue": (None,),
            "format": ("shuttle", "mixed", None),
            "outcome": ("agreement", None),
        },
        "incident": {"date": (None,)},
    },
}
"""Values each version added to fields older versions had, by record type and field
(``None``: JSON ``null``, unknown). A file of an older version that uses them is
refused, as the schema's version 1 definitions refuse them."""

STEPS: dict[int, dict[str, list[Rewrite]]] = {1: V1_TO_V2}
"""The table that takes a file of version ``n`` to version ``n + 1``."""


def _name(raw: dict[str, Any], index: int) -> str:
    record_id = raw.get("id")
    return record_id if isinstance(record_id, str) and record_id.strip() else f"records[{index}]"


def _newer(raw: dict[str, Any], index: int, major: int, current: int) -> Iterator[Problem]:
    kind = raw.get("type")
    if not isinstance(kind, str):
        return
    for version in range(major + 1, current + 1):
        added = NEW_IN.get(version, {})
        if kind not in added:
            continue
        fields = added[kind]
        if fields is None:
            yield Problem(
                _name(raw, index),
                "type",
                f"{kind!r} records are new in format version {version}; "
                f"this file says version {major}",
            )
            return
        for field in sorted(fields & raw.keys()):
            yield Problem(
                _name(raw, index),
                field,
                f"new in format version {version}; this file says version {major}",
            )
    yield from _newer_values(raw, kind, index, major, current)


def _newer_values(
    raw: dict[str, Any], kind: str, index: int, major: int, current: int
) -> Iterator[Problem]:
    for version in range(major + 1, current + 1):
        for field, values in NEW_VALUES_IN.get(version, {}).get(kind, {}).items():
            if field not in raw:
                continue
            value = raw[field]
            # Compared by type too: JSON's true is not the text "true", nor 1.
            if any(type(value) is type(v) and value == v for v in values):
                shown = "null (unknown)" if value is None else repr(value)
                yield Problem(
                    _name(raw, index),
                    field,
                    f"{shown} is new in format version {version}; this file says version {major}",
                )


def migrate(records: list[Any], major: int, current: int) -> tuple[list[Any], list[Problem]]:
    """The raw ``records`` of a file of version ``major``, rewritten to version
    ``current``, and the problems of anything the old version could not hold.

    Items that are not objects, or whose type is unknown, pass through unchanged
    for the reader to report.

    >>> migrate([{"type": "party", "id": "p", "name": "P", "kind": "state"}], 1, 2)
    ([{'type': 'party', 'id': 'p', 'name': 'P', 'kind': 'state'}], [])
    >>> _, problems = migrate([{"type": "agreement", "id": "a"}], 1, 2)
    >>> print(problems[0])
    a: type: 'agreement' records are new in format version 2; this file says version 1
    """
    problems: list[Problem] = []
    out = []
    for index, raw in enumerate(records):
        if isinstance(raw, dict):
            problems.extend(_newer(raw, index, major, current))
            for version in range(major, current):
                kind = raw.get("type")
                for rewrite in (
                    STEPS.get(version, {}).get(kind, ()) if isinstance(kind, str) else ()
                ):
                    raw = rewrite(raw)
        out.append(raw)
    return out, problems
