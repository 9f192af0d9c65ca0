"""Arrow tables (or pandas DataFrames) back to a timeline: :func:`from_arrow`,
:func:`from_pandas`. The record tables are read through the file format's own
readers, so a bad value gets the message a bad file would."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from peacetrack.errors import LoadError, Problem, ValidationError
from peacetrack.io import RECORD_TYPES

# io's own converter and readers, shared with this one other layout (tests/test_architecture.py)
from peacetrack.io._convert import structure_record
from peacetrack.io._fast_reader import FastReader
from peacetrack.records import Record
from peacetrack.tables._arrow import DERIVED_TABLES, ORDER, PARTITION, _pa
from peacetrack.tables._layout import Column, arrow_type, columns_of
from peacetrack.timeline import Timeline

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["from_arrow", "from_pandas"]


def _read_value(column: Column) -> Callable[[Any], Any]:
    if column.kind == "json":
        return json.loads
    if column.kind == "structs":
        optional = {c.name for c in column.inner if c.has_default}

        def items(value: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [
                {k: v for k, v in item.items() if v is not None or k not in optional}
                for item in value
            ]

        return items
    return lambda value: value


def _raw_records(name: str, table: pa.Table) -> Iterable[tuple[int | None, dict[str, Any]]]:
    """``(record_order, raw record dict)`` for each row of one record type's table."""
    cls = RECORD_TYPES.get(name)
    if cls is None:
        known = ", ".join(repr(n) for n in (*RECORD_TYPES, *DERIVED_TABLES))
        raise LoadError(f"unknown table {name!r}; expected one of {known}")
    columns = columns_of(cls)
    allowed = {c.name for c in columns} | {d for c in columns for d in c.derived}
    allowed |= {ORDER, PARTITION}
    present = set(table.column_names)
    missing = [c.name for c in columns if c.name not in present]
    if missing:
        raise LoadError(f"table {name!r} has no column {missing[0]!r}")
    unknown = sorted(present - allowed)
    if unknown:
        raise LoadError(f"table {name!r}: unknown column {unknown[0]!r}")
    order = table.column(ORDER).to_pylist() if ORDER in present else [None] * table.num_rows
    data = [
        (c.name, c.has_default, _read_value(c), table.column(c.name).to_pylist()) for c in columns
    ]
    for i in range(table.num_rows):
        raw: dict[str, Any] = {"type": name}
        for field, has_default, read, values in data:
            value = values[i]
            if value is None:
                if not has_default:
                    raw[field] = None
            else:
                raw[field] = read(value)
        yield order[i], raw


def _structure(raws: list[dict[str, Any]]) -> list[Record]:
    """Records from raw dicts as the io layer reads them; every problem at once."""
    fast = FastReader().read
    records: list[Record] = []
    problems: list[Problem] = []
    for index, raw in enumerate(raws):
        record = fast(raw)
        if record is None:
            record, found = structure_record(raw, index)
            problems.extend(found)
        if record is not None:
            records.append(record)
    if problems:
        raise ValidationError(problems)
    return records


def from_arrow(tables: Mapping[str, pa.Table]) -> Timeline:
    """The timeline the tables of :func:`to_arrow` hold: ``from_arrow(to_arrow(t)) == t``,
    with ``t.records`` in the same order.

    Only the record tables are read (the ``events`` and ``references`` tables and
    the bound columns are derived, and ignored); a missing record type is an empty
    one. Records keep the order of their ``record_order`` column, or else the
    order of the tables and rows.

    Raises
    ------
    LoadError
        For a table of an unknown name, a missing field column or an unknown column.
    ValidationError
        Listing every bad value, and every timeline rule the records break.
    """
    _pa()
    rows: list[tuple[int | None, dict[str, Any]]] = []
    for name, table in tables.items():
        if name not in DERIVED_TABLES:
            rows.extend(_raw_records(name, table))
    if all(order is not None for order, _ in rows):
        rows.sort(key=lambda row: row[0])  # type: ignore[arg-type, return-value]
    return Timeline(_structure([raw for _, raw in rows]))


def from_pandas(frames: Mapping[str, pd.DataFrame]) -> Timeline:
    """The timeline the DataFrames of :func:`to_pandas` hold (see :func:`from_arrow`)."""
    pa = _pa()
    tables = {}
    for name, frame in frames.items():
        cls = RECORD_TYPES.get(name)
        if name in DERIVED_TABLES or cls is None:
            tables[name] = pa.Table.from_pandas(frame, preserve_index=False)
            continue
        fields = [pa.field(c.name, arrow_type(c)) for c in columns_of(cls) if c.name in frame]
        wanted = [f.name for f in fields]
        table = pa.Table.from_pandas(frame[wanted], schema=pa.schema(fields), preserve_index=False)
        for extra in frame.columns:
            if extra not in wanted:
                table = table.append_column(extra, pa.array(frame[extra], from_pandas=True))
        tables[name] = table
    return from_arrow(tables)
