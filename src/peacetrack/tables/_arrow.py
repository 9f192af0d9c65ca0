"""Timelines to Arrow tables: one table per record type, events, references (and back,
in :mod:`peacetrack.tables._read`)."""

from __future__ import annotations

import itertools
import json
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any, Final

from peacetrack._extras import require
from peacetrack._fast import FAST_PATHS
from peacetrack._registry import Shape, references_of
from peacetrack.dates import PartialDate, Period
from peacetrack.events import EventKind
from peacetrack.io import RECORD_TYPES

# io's own converter and readers, shared with this one other layout (tests/test_architecture.py)
from peacetrack.io._convert import CONVERTER
from peacetrack.records import Record
from peacetrack.tables._layout import Column, arrow_type, columns_of
from peacetrack.timeline import Timeline, require_timeline

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "DERIVED_TABLES",
    "EVENTS",
    "ORDER",
    "REFERENCES",
    "to_arrow",
    "to_pandas",
]

EVENTS: Final = "events"
"""The name of the events table (``t.events()``, one row per event, in order)."""
REFERENCES: Final = "references"
"""The name of the references table: one row per ``record.references()`` pair."""
DERIVED_TABLES: Final = (EVENTS, REFERENCES)
ORDER: Final = "record_order"
"""The column holding each record's place in ``t.records``, so order survives."""
PARTITION: Final = "year"
"""The Parquet partition column (see :mod:`peacetrack.tables._parquet`)."""

_EPOCH: Final = 719163  # datetime.date(1970, 1, 1).toordinal(): date32 counts from there


def _pa() -> Any:
    return require("pyarrow", "tables", "peacetrack.tables")


def _dates(ordinals: Sequence[int | None]) -> Any:
    """Day ordinals as an Arrow date32 array (``None`` stays null)."""
    pa = _pa()
    import pyarrow.compute as pc

    days = pc.subtract(pa.array(ordinals, pa.int64()), _EPOCH)
    return days.cast(pa.int32()).cast(pa.date32())


class _Texts:
    """The text of each date or period object already written, by ``id``: an
    event's date is its record's date object, and a file's equal dates are one
    object, so most are printed once per export. The objects are kept alive with
    their texts, so an ``id`` is never reused for another object while it is here."""

    __slots__ = ("alive", "by_id")

    def __init__(self) -> None:
        self.by_id: dict[int, str] = {}
        self.alive: list[Any] = []


def _texts(values: Iterable[Any], cache: _Texts) -> list[str | None]:
    """``str`` of each value (``None`` stays ``None``), each object once (``cache``).

    Equal values not yet seen by id share one text too, worked out once (equal
    dates and periods print the same: equality compares every part they print),
    and one string object for them makes the Arrow column quicker to build."""
    get = cache.by_id.get
    by_id, keep = cache.by_id, cache.alive.append
    by_value: dict[Any, str] = {}
    out: list[str | None] = []
    add = out.append
    for value in values:
        if value is None:
            add(None)
            continue
        text = get(id(value))
        if text is None:
            text = by_value.get(value)
            if text is None:
                text = by_value[value] = str(value)
            by_id[id(value)] = text
            keep(value)
        add(text)
    return out


# -- records to columns -----------------------------------------------------------------

_MEMO_TYPES: Final = (str, int, bool)
"""Types whose equal values (of one type) have one JSON text: a claim's value is
mostly one of a few words, so each is written once. Not floats: ``0.0 == -0.0``."""


def _json_texts(values: list[Any]) -> list[str | None]:
    """Each value's JSON text, as the io layer writes it (``None`` stays ``None``)."""
    memo: dict[tuple[type, Any], str] = {}
    out: list[str | None] = []
    add = out.append
    for value in values:
        if value is None:
            add(None)
        elif type(value) in _MEMO_TYPES:
            key = (type(value), value)
            text = memo.get(key)
            if text is None:
                text = memo[key] = json.dumps(CONVERTER.unstructure(value))
            add(text)
        else:
            add(json.dumps(CONVERTER.unstructure(value)))
    return out


def _values(column: Column, values: list[Any], texts: _Texts) -> list[Any]:
    """A field's values as the io layer's unstructured form holds them."""
    kind = column.kind
    if kind == "enum":
        enum_type: Any = column.member
        members: dict[Any, Any] = {m: m.value for m in enum_type}
        return list(map(members.get, values))
    if kind in ("date", "period"):
        return _texts(values, texts)
    if kind == "ids":
        return values  # tuples of strings: Arrow reads them as lists
    if kind == "structs":
        member = column.member
        return [
            None if v is None else [CONVERTER.unstructure(item, member) for item in v]
            for v in values
        ]
    if kind == "json":
        return _json_texts(values)
    return values


def _pairs(values: list[Any], possibly: bool) -> tuple[list[int | None], list[int | None]]:
    """``value.bounds(possibly)`` of each value as two lists (``None`` stays ``None``).

    Each pair is unpacked as it comes, so no tuple outlives its loop step: a million
    of them kept in a list cost more in garbage collection than in reading them."""
    firsts: list[int | None] = []
    lasts: list[int | None] = []
    add_first, add_last = firsts.append, lasts.append
    for value in values:
        if value is None:
            add_first(None)
            add_last(None)
        else:
            first, last = value.bounds(possibly)
            add_first(first)
            add_last(last)
    return firsts, lasts


def _bounds(column: Column, values: list[Any]) -> list[list[int | None]]:
    """The derived bound columns of a date or period field, as day ordinals."""
    if column.kind == "date":
        dates: list[PartialDate | None] = values
        return [
            [None if d is None else d.earliest_ordinal for d in dates],
            [None if d is None else d.latest_ordinal for d in dates],
            *_pairs(dates, True),
        ]
    periods: list[Period | None] = values
    return [*_pairs(periods, False), *_pairs(periods, True)]


def _record_table(
    cls: type[Record],
    records: list[Record],
    order: list[int],
    texts: _Texts,
    read: dict[str, list[Any] | None] | None = None,
) -> pa.Table:
    """The table of one record type (``read``: where to keep the values read of the
    fields it names, for the references table to use again)."""
    pa = _pa()
    fields, arrays = [], []
    for column in columns_of(cls):
        values = list(map(operator.attrgetter(column.name), records))
        if read is not None and column.name in read:
            read[column.name] = values
        fields.append(pa.field(column.name, arrow_type(column), nullable=True))
        arrays.append(pa.array(_values(column, values, texts), arrow_type(column)))
        bounds = _bounds(column, values) if column.derived else []
        for name, bound in zip(column.derived, bounds, strict=True):
            meta = {b"peacetrack.derived_from": column.name.encode()}
            fields.append(pa.field(name, pa.date32(), metadata=meta))
            arrays.append(_dates(bound))
    fields.append(pa.field(ORDER, pa.int64()))
    arrays.append(pa.array(order, pa.int64()))
    meta = {b"peacetrack.table": cls.record_type.encode()}
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=meta))


def events_table(
    t: Timeline, types: Mapping[str, str] | None = None, texts: _Texts | None = None
) -> pa.Table:
    """The table of ``t.events()``, in event order (``types``: record id -> type;
    ``texts``: see :func:`_texts`)."""
    pa = _pa()
    events = t.events()
    by_id = types if types is not None else {r.id: r.record_type for r in t.records}
    dates = [e.date for e in events]
    columns = {
        "event_order": pa.array(range(len(events)), pa.int64()),
        "date": pa.array(_texts(dates, _Texts() if texts is None else texts), pa.string()),
        "date_earliest": _dates([d.earliest_ordinal for d in dates]),
        "date_latest": _dates([d.latest_ordinal for d in dates]),
        "kind": pa.array([e.kind.value for e in events], pa.string()),
        "record_id": pa.array([e.record_id for e in events], pa.string()),
        "record_type": pa.array([by_id[e.record_id] for e in events], pa.string()),
        "summary": pa.array([e.summary for e in events], pa.string()),
    }
    return pa.table(columns).replace_schema_metadata({b"peacetrack.table": EVENTS.encode()})


def _fast_events_table(t: Timeline, texts: _Texts) -> pa.Table:
    """:func:`events_table`, column by column from the timeline's event index: the
    same table, without an Event object per event."""
    pa = _pa()
    # The timeline's own cached index (as peacetrack.graph reads its caches).
    events = t._event_index().columns()
    kind_values = {kind: kind.value for kind in EventKind}
    columns = {
        "event_order": pa.array(range(len(events.dates)), pa.int64()),
        "date": pa.array(_texts(events.dates, texts), pa.string()),
        "date_earliest": _dates(events.earliest),
        "date_latest": _dates(events.latest),
        "kind": pa.array(list(map(kind_values.__getitem__, events.kinds)), pa.string()),
        "record_id": pa.array(list(map(_ID, events.records)), pa.string()),
        "record_type": pa.array(list(map(_TYPE, events.records)), pa.string()),
        "summary": pa.array(events.summaries, pa.string()),
    }
    return pa.table(columns).replace_schema_metadata({b"peacetrack.table": EVENTS.encode()})


_ID: Final = operator.attrgetter("id")
_TYPE: Final = operator.attrgetter("record_type")


def references_table(t: Timeline) -> pa.Table:
    """One row per reference a record makes: ``record_id, record_type, field, target``."""
    pa = _pa()
    ids: list[str] = []
    types: list[str] = []
    fields: list[str] = []
    targets: list[str] = []
    for record in t.records:
        found = list(record.references())
        if found:
            ids += [record.id] * len(found)
            types += [record.record_type] * len(found)
            fields += [f for f, _ in found]
            targets += [target for _, target in found]
    columns = {
        name: pa.array(values, pa.string())
        for name, values in zip(
            ("record_id", "record_type", "field", "target"),
            (ids, types, fields, targets),
            strict=True,
        )
    }
    return pa.table(columns).replace_schema_metadata({b"peacetrack.table": REFERENCES.encode()})


def _fast_references_table(
    by_class: Mapping[type[Record], list[int]],
    t: Timeline,
    read: Mapping[type[Record], dict[str, list[Any] | None]],
) -> pa.Table:
    """:func:`references_table`, field by field of each record class (``by_class``:
    the positions in ``t.records`` of each class's records; ``read``: the fields'
    values the record tables read already, by class), then put back in record order
    by one stable sort on the position: the same rows in the same order."""
    pa = _pa()
    import pyarrow.compute as pc

    records = t.records
    positions: list[int] = []
    ids: list[str] = []
    types: list[str] = []
    fields: list[str] = []
    targets: list[str] = []
    for cls, places in by_class.items():
        known = {field: v for field, v in read.get(cls, {}).items() if v is not None}
        missing = any(field not in known for field in _wanted(cls))
        group = list(map(records.__getitem__, places)) if missing else []
        group_ids = known["id"] if "id" in known else list(map(_ID, group))
        for reference in references_of(cls):
            field = reference.field
            values = (
                known[field] if field in known else list(map(operator.attrgetter(field), group))
            )
            if reference.shape is Shape.ONE:
                found, owners, owner_ids = values, places, group_ids
            else:
                if reference.shape is Shape.OPTIONAL:
                    counts = [0 if v is None else 1 for v in values]
                    found = [v for v in values if v is not None]
                else:
                    counts = list(map(len, values))
                    found = list(itertools.chain.from_iterable(values))
                    if reference.item is not None:
                        found = list(map(operator.attrgetter(reference.item), found))
                owners = list(itertools.chain.from_iterable(map(repeat, places, counts)))
                owner_ids = list(itertools.chain.from_iterable(map(repeat, group_ids, counts)))
            positions += owners
            ids += owner_ids
            targets += found
            types += [cls.record_type] * len(found)
            fields += [reference.field] * len(found)
    names = ("record_id", "record_type", "field", "target")
    table = pa.table(
        {
            name: pa.array(v, pa.string())
            for name, v in zip(names, (ids, types, fields, targets), strict=True)
        }
    )
    # Within one record, rows are already in field order, and the sort is stable.
    order = pc.sort_indices(pa.array(positions, pa.int64()))
    table = table.take(order).combine_chunks()
    return table.replace_schema_metadata({b"peacetrack.table": REFERENCES.encode()})


def to_arrow(t: Timeline) -> dict[str, pa.Table]:
    """The timeline as Arrow tables: one per record type, plus ``events`` and
    ``references``.

    Every registered record type has a table (empty if the timeline holds none),
    with a column per field (see :mod:`peacetrack.tables`), the derived bound
    columns of each date and period, and ``record_order``, the record's place in
    ``t.records``.

    Raises
    ------
    MissingExtraError
        Without pyarrow (the ``tables`` extra).

    Examples
    --------
    >>> from peacetrack.datasets import geneva_2016
    >>> from peacetrack.tables import from_arrow
    >>> tables = to_arrow(geneva_2016())
    >>> tables["round"].column("period").to_pylist()[0]
    '2016-01-29/2016-02-03'
    >>> from_arrow(tables) == geneva_2016()
    True
    """
    require_timeline(t)
    _pa()
    return _fast_to_arrow(t) if FAST_PATHS else _slow_to_arrow(t)


def _slow_to_arrow(t: Timeline) -> dict[str, pa.Table]:
    """:func:`to_arrow` through the timeline's public API: its events and each
    record's ``references()`` (``PEACETRACK_SLOW_PATHS=1``)."""
    groups: dict[str, list[Record]] = defaultdict(list)
    orders: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(t.records):
        groups[record.record_type].append(record)
        orders[record.record_type].append(i)
    texts = _Texts()
    tables = {
        name: _record_table(cls, groups.get(name, []), orders.get(name, []), texts)
        for name, cls in RECORD_TYPES.items()
    }
    for name, cls in {type(r).record_type: type(r) for r in t.records}.items():
        if name not in tables:  # a record class the registry does not list
            tables[name] = _record_table(cls, groups[name], orders[name], texts)
    types: dict[str, str] = {}
    for name, group in groups.items():
        types.update(dict.fromkeys(map(operator.attrgetter("id"), group), name))
    tables[EVENTS] = events_table(t, types, texts)
    tables[REFERENCES] = references_table(t)
    return tables


def _wanted(cls: type[Record]) -> tuple[str, ...]:
    """The fields the references table reads of a record class: its id, and each
    field that holds ids."""
    return ("id", *(reference.field for reference in references_of(cls)))


def _fast_to_arrow(t: Timeline) -> dict[str, pa.Table]:
    """:func:`to_arrow` with the events and references tables built column by column
    (see :func:`_fast_events_table`, :func:`_fast_references_table`); the same
    tables (``PEACETRACK_SLOW_PATHS=1`` selects the other way, and a test compares)."""
    records = t.records
    by_class: dict[type[Record], list[int]] = defaultdict(list)
    for i, cls in enumerate(map(type, records)):
        by_class[cls].append(i)
    orders: dict[str, list[int]] = {}
    for cls, places in by_class.items():
        found = orders.get(cls.record_type)
        # Two classes of one record type (a subclass) share a table, in record order.
        orders[cls.record_type] = places if found is None else sorted(found + places)
    texts = _Texts()
    tables = {}
    # As to_arrow does: each registered type, then any other, named by the class of
    # its last record.
    extras: dict[str, type[Record]] = {}
    for cls, places in by_class.items():
        name = cls.record_type
        if name not in RECORD_TYPES:
            other = extras.get(name)
            if other is None or by_class[other][-1] < places[-1]:
                extras[name] = cls
    read: dict[type[Record], dict[str, list[Any] | None]] = {}
    for name, cls in {**RECORD_TYPES, **extras}.items():
        order = orders.get(name, [])
        group = list(map(records.__getitem__, order))
        wanted = None
        if order and order is by_class.get(cls):  # the table holds this class alone
            wanted = read[cls] = dict.fromkeys(_wanted(cls))
        tables[name] = _record_table(cls, group, order, texts, wanted)
    tables[EVENTS] = _fast_events_table(t, texts)
    tables[REFERENCES] = _fast_references_table(by_class, t, read)
    return tables


def to_pandas(t: Timeline) -> dict[str, pd.DataFrame]:
    """The tables of :func:`to_arrow` as pandas DataFrames.

    Bound columns become ``datetime64[ms]``, list columns arrays of values; read
    them back with :func:`from_pandas`.

    Raises
    ------
    MissingExtraError
        Without pyarrow and pandas (the ``tables`` extra).
    """
    require("pandas", "tables", "peacetrack.tables.to_pandas")
    return {name: table.to_pandas(date_as_object=False) for name, table in to_arrow(t).items()}
