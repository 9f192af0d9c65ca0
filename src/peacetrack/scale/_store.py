"""The embedded engine: DuckDB over a Parquet dataset, asked Timeline's questions."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from peacetrack._extras import require
from peacetrack.dates import DateLike
from peacetrack.errors import LoadError, PeacetrackError, UnknownIdError
from peacetrack.io import RECORD_TYPES
from peacetrack.scale._queries import (
    EXPANDING,
    agreements_sql,
    at_day,
    in_force_bounds,
    in_force_tables,
    mediated_rounds_sql,
    participations_sql,
    window,
)
from peacetrack.tables import EVENTS, PARTITION, REFERENCES, manifest, partitioned, to_arrow
from peacetrack.timeline import Timeline

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["Store"]

Output = Literal["arrow", "pandas"]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


class Store:
    """A Parquet dataset (written by :func:`~peacetrack.tables.write_parquet`) queried
    in place by DuckDB: the questions of :class:`~peacetrack.Timeline`, for data too big
    to hold as Python objects.

    Each table of the dataset is a DuckDB view over its Parquet files; queries read
    only the ``year`` partitions and row groups that can hold an answer. Answers are
    Arrow tables (or pandas DataFrames, with ``output="pandas"``) with the columns
    of the dataset's tables, less the ``year`` partition column.

    Parameters
    ----------
    directory
        The dataset.
    output
        ``"arrow"`` (the default) or ``"pandas"``.
    threads
        DuckDB's worker threads (default: DuckDB's, one per core).
    memory_limit
        DuckDB's memory limit, e.g. ``"2GB"`` (default: DuckDB's).

    Raises
    ------
    LoadError
        If ``directory`` holds no dataset.
    MissingExtraError
        Without duckdb (the ``scale`` extra).

    Examples
    --------
    >>> import tempfile
    >>> from peacetrack.datasets import geneva_2016
    >>> from peacetrack.tables import write_parquet
    >>> t = geneva_2016()
    >>> directory = write_parquet(t, tempfile.mkdtemp() + "/geneva")
    >>> with Store(directory) as store:
    ...     events = store.between("2016-04-13", "2016-04-27")
    ...     in_force = store.at("2016-03-01")
    >>> events.column("record_id").to_pylist() == [e.record_id for e in
    ...     t.between("2016-04-13", "2016-04-27")]
    True
    >>> in_force["ceasefire"].column("id").to_pylist()
    ['cessation-of-hostilities']
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        *,
        output: Output = "arrow",
        threads: int | None = None,
        memory_limit: str | None = None,
    ) -> None:
        if output not in ("arrow", "pandas"):
            raise PeacetrackError(f"output must be 'arrow' or 'pandas', got {output!r}")
        duckdb = require("duckdb", "scale", "peacetrack.scale.Store")
        self.directory = Path(directory)
        self.output: Output = output
        self._counts: dict[str, int] = manifest(self.directory)["tables"]
        config: dict[str, Any] = {}
        if threads is not None:
            config["threads"] = threads
        if memory_limit is not None:
            config["memory_limit"] = memory_limit
        self._db = duckdb.connect(":memory:", config=config)
        self._column_lists: dict[str, list[str]] = {}
        # Parquet footers read once per file, not once per query.
        self._db.execute("SET parquet_metadata_cache = true")
        for name in {*RECORD_TYPES, *self._counts, EVENTS, REFERENCES}:
            if self._counts.get(name, 0) == 0:
                self._register_empty(name)
                continue
            path = self.directory / name
            if not partitioned(name):  # written as one file, unpartitioned
                source = f"read_parquet({_literal(path / '*.parquet')})"
                year = "" if name == REFERENCES else f", NULL::SMALLINT AS {PARTITION}"
            else:
                year = ""
                source = (
                    f"read_parquet({_literal(path / '*' / '*.parquet')}, hive_partitioning=true, "
                    f"hive_types={{'{PARTITION}': SMALLINT}})"
                )
            try:
                self._db.execute(f"CREATE VIEW {_quote(name)} AS SELECT *{year} FROM {source}")
            except duckdb.Error as exc:
                raise LoadError(f"cannot read table {name!r} in {directory}: {exc}") from None
        self._in_force = {n: how for n, how in in_force_tables().items() if n in self._counts}

    def _register_empty(self, name: str) -> None:
        """An empty table of the right columns (and ``year``) for a table with no rows."""
        empty = to_arrow(Timeline([])).get(name)
        if empty is None:
            return
        if name != REFERENCES:
            pa = require("pyarrow", "tables", "peacetrack.scale.Store")
            empty = empty.append_column(pa.field(PARTITION, pa.int16()), pa.array([], pa.int16()))
        self._db.register(name, empty)

    def close(self) -> None:
        """Close the DuckDB connection."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _answer(self, sql: str, params: list[Any] | dict[str, Any]) -> Any:
        result = self._db.sql(sql, params=params)
        return result.df() if self.output == "pandas" else result.to_arrow_table()

    def _column_names(self, name: str) -> list[str]:
        """The quoted columns of a table, less ``year``."""
        found = self._column_lists.get(name)
        if found is None:
            names = [row[0] for row in self._db.execute(f"DESCRIBE {_quote(name)}").fetchall()]
            found = self._column_lists[name] = [_quote(n) for n in names if n != PARTITION]
        return found

    def _columns(self, name: str) -> str:
        return ", ".join(self._column_names(name))

    def sql(self, query: str, params: list[Any] | None = None) -> Any:
        """Run any SQL over the dataset's views (one per table, named as the tables).

        >>> import tempfile
        >>> from peacetrack.datasets import geneva_2016
        >>> from peacetrack.tables import write_parquet
        >>> store = Store(write_parquet(geneva_2016(), tempfile.mkdtemp() + "/g"))
        >>> store.sql("SELECT count(*) AS n FROM incident").column("n").to_pylist()
        [7]
        """
        return self._answer(query, params or [])

    def between(self, start: DateLike, end: DateLike, *, possibly: bool = False) -> Any:
        """The rows of the events table answering ``t.between(start, end)``, in event order.

        With ``possibly=True``, the events whose date *may* lie in the window.

        Raises
        ------
        InvalidDateError
            For a date that cannot be read, or an ``end`` certainly before ``start``.
        """
        w = window(start, end)
        first_year, last_year = w.years
        if possibly:
            where = "date_latest >= ? AND date_earliest <= ? AND year <= ?"
            params: list[Any] = [w.first, w.last, last_year]
        else:
            where = "date_earliest >= ? AND date_latest <= ? AND year BETWEEN ? AND ?"
            params = [w.first, w.last, first_year, last_year]
        sql = f"SELECT {self._columns(EVENTS)} FROM events WHERE {where} ORDER BY event_order"
        return self._answer(sql, params)

    def at(self, date: DateLike, *, possibly: bool = False) -> dict[str, Any]:
        """Record type -> the rows of the records in force on ``date``, as ``t.at(date)``
        reads them, in ``t.records`` order (participations in the order of
        ``t.at(date).participations``).

        Records with a ``period`` (rounds, memberships, positions, ceasefires,
        relations, designations, incidents) count when in force at some time during
        ``date``, as ``t.in_force`` reads them: an incident over its period or its
        date, an undated designation only with ``possibly=True``.
        ``Snapshot.positions`` keeps only the latest-starting position per
        ``(holder, issue)``; here every position in force is listed.

        Participations and agreements count over their effective periods, found by
        joining the rounds, processes and superseding agreements (see
        :mod:`peacetrack.scale._queries`): ``"participation"`` holds the rows of
        ``t.at(date).participations`` (with a process's ``mediator`` as the
        participation ``"<process id>/mediator"``, whose ``record_order`` is
        NULL), ``"agreement"`` those of ``t.agreements(at=date)``.

        Raises
        ------
        InvalidDateError
            For a date that cannot be read.
        """
        w = at_day(date, possibly)
        reading = "possible" if possibly else "certain"
        found = {}
        for name, date_field in self._in_force.items():
            first, last = in_force_bounds(date_field, reading)
            where = f"{first} <= ? AND {last} >= ?" + (f" OR {first} IS NULL" if possibly else "")
            sql = (
                f"SELECT {self._columns(name)} FROM {_quote(name)} "
                f"WHERE ({where}) AND (year <= ? OR year IS NULL) ORDER BY record_order"
            )
            found[name] = self._answer(sql, [w.last, w.first, w.last.year])
        window_params = {"first": w.first, "last": w.last, "year": w.last.year}
        found["participation"] = self._answer(
            participations_sql(self._column_names("participation"), reading), window_params
        )
        found["agreement"] = self._answer(
            agreements_sql(self._column_names("agreement"), reading),
            {**window_params, "first_year": w.first.year},
        )
        return found

    def _exists(self, record_id: str) -> bool:
        parts = [f"SELECT 1 FROM {_quote(n)} WHERE id = ?" for n in RECORD_TYPES]
        sql = " UNION ALL ".join(parts) + " LIMIT 1"
        return bool(self._db.execute(sql, [record_id] * len(parts)).fetchall())

    def involving(self, record_id: str) -> Any:
        """The rows of the events table answering ``t.involving(record_id)``, in event order.

        As ``Timeline.involving``: the record's events and those of every record
        referring to it (not as a source), a delegation and a membership standing
        for their referrers, and a mediator involved in the rounds it mediated.

        Raises
        ------
        UnknownIdError
            If no record has this id.
        """
        if not isinstance(record_id, str):
            raise UnknownIdError(f"no record with id {record_id!r}")
        # One step out per query: the references file is sorted by target, so each
        # step reads only the row groups that can hold the frontier.
        ids = {record_id}
        frontier = [record_id]
        while frontier:
            found = self._db.execute(
                f"SELECT DISTINCT record_id, record_type FROM {_quote(REFERENCES)} "
                f"WHERE target IN (SELECT unnest(?::VARCHAR[])) AND field <> 'sources'",
                [frontier],
            ).fetchall()
            new = sorted({(i, kind) for i, kind in found if i not in ids})
            ids.update(i for i, _ in new)
            frontier = [i for i, kind in new if kind in EXPANDING]
        # A mediator is involved in the rounds it mediated.
        rounds = self._db.execute(mediated_rounds_sql(), {"id": record_id}).fetchall()
        ids.update(i for (i,) in rounds)
        sql = (
            f"SELECT {self._columns(EVENTS)} FROM events "
            f"WHERE record_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY event_order"
        )
        answer = self._answer(sql, [sorted(ids)])
        # Something refers to it, or it has events, or else it must be looked for.
        if len(ids) == 1 and len(answer) == 0 and not self._exists(record_id):
            raise UnknownIdError(f"no record with id {record_id!r}")
        return answer

    def table(self, name: str) -> pa.Table:
        """A whole table of the dataset, as Arrow (``year`` left out)."""
        if name not in {*RECORD_TYPES, *self._counts}:
            raise PeacetrackError(f"no table {name!r} in {self.directory}")
        query = f"SELECT {self._columns(name)} FROM {_quote(name)}"
        return self._db.sql(query).to_arrow_table()
