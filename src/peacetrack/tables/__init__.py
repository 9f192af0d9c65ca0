"""Timelines as tables: Arrow, pandas and Parquet datasets.

This module needs the ``tables`` extra (``pip install "peacetrack[tables]"``:
pyarrow and pandas), imported only when a function runs; without it the functions
raise :class:`~peacetrack.plot.MissingExtraError`, which says what to install.

:func:`to_arrow` gives one table per record type, one row per record and one
column per field (see :mod:`peacetrack.tables._layout` for the kinds), plus two
derived tables: ``events`` (``t.events()`` in order) and ``references`` (who
refers to whom). Dates and periods keep their EDTF strings, which are the facts,
*and* gain date32 bound columns so the certain and the possible reading survive
outside Python:

- a date field ``date`` adds ``date_earliest`` and ``date_latest`` (the days it
  covers as written) and ``date_fuzzy_earliest``/``_latest`` (widened for a
  qualified date: :meth:`~peacetrack.PartialDate.bounds` with ``possibly=True``);
- a period field ``period`` adds ``period_certain_first``/``_last`` (the days it
  is certainly in force: :meth:`~peacetrack.Period.bounds` with
  ``possibly=False``; first may be after last) and ``period_possible_first``/
  ``_last`` (``possibly=True``). An open end reads as 9999-12-31
  (:data:`~peacetrack.dates.FAR_FUTURE`).

Reading back is lossless: ``from_arrow(to_arrow(t)) == t`` with records in the
same order, and the same for :func:`from_pandas`, :func:`read_parquet`.

Examples
--------
>>> from peacetrack.datasets import geneva_2016
>>> t = geneva_2016()
>>> tables = to_arrow(t)
>>> row = tables["round"].slice(0, 1).to_pylist()[0]
>>> row["period"], str(row["period_certain_first"]), str(row["period_possible_last"])
('2016-01-29/2016-02-03', '2016-01-29', '2016-02-03')
>>> tables["events"].num_rows == len(t.events())
True
>>> from_arrow(tables) == t
True
"""

from peacetrack.tables._arrow import (
    EVENTS,
    ORDER,
    PARTITION,
    REFERENCES,
    to_arrow,
    to_pandas,
)
from peacetrack.tables._parquet import (
    LAYOUT_VERSION,
    MANIFEST,
    first_day_columns,
    manifest,
    parse_manifest,
    partitioned,
    read_parquet,
    read_table,
    write_parquet,
)
from peacetrack.tables._read import from_arrow, from_pandas

__all__ = [
    "EVENTS",
    "LAYOUT_VERSION",
    "MANIFEST",
    "ORDER",
    "PARTITION",
    "REFERENCES",
    "first_day_columns",
    "from_arrow",
    "from_pandas",
    "manifest",
    "parse_manifest",
    "partitioned",
    "read_parquet",
    "read_table",
    "to_arrow",
    "to_pandas",
    "write_parquet",
]
