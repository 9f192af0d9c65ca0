"""Timeline's questions over data too big for Python objects: DuckDB embedded, Dask beyond.

:class:`Store` (the ``scale`` extra: duckdb) asks a Parquet dataset written by
:func:`peacetrack.tables.write_parquet` the questions of
:class:`~peacetrack.Timeline` -- ``between``, ``at`` and ``involving``, certain and
possible -- and answers with Arrow tables or pandas DataFrames.
:mod:`peacetrack.scale.distributed` (the ``distributed`` extra: dask) asks the same
questions of the same dataset on a Dask cluster. Both give Timeline's answers; the
test suite checks it on random timelines.
"""

from peacetrack.scale._store import Store

__all__ = ["Store"]
