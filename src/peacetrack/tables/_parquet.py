"""Parquet datasets: the tables of a timeline on disk, partitioned so readers can prune.

Layout of a dataset directory::

    peacetrack-tables.json         the manifest: layout version, tables, row counts
    events/year=2016/part-0.parquet
    incident/year=2016/part-0.parquet
    ...                            one directory per record type (only non-empty ones)
    designation/year=__HIVE_DEFAULT_PARTITION__/part-0.parquet   undated records
    references/part-0.parquet      one file, sorted by target

``year`` is the year of the earliest day any of the record's dates and periods can
hold (of the event's date, for events; an incident's date or period), as a Hive
partition, so a query over 2016 reads only
the ``year=2016`` files (pyarrow, DuckDB, Dask and Spark all prune this way). Within
a file, rows are sorted by that earliest day and kept in row groups of
:data:`ROW_GROUP` rows, whose min/max statistics let a reader skip most of a year.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.io import FORMAT_VERSION, RECORD_TYPES
from peacetrack.tables._arrow import (
    EVENTS,
    PARTITION,
    REFERENCES,
    _pa,
    to_arrow,
)
from peacetrack.tables._layout import columns_of
from peacetrack.tables._read import from_arrow
from peacetrack.timeline import Timeline

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "LAYOUT_VERSION",
    "MANIFEST",
    "ROW_GROUP",
    "first_day_columns",
    "manifest",
    "partitioned",
    "read_parquet",
    "write_parquet",
]

MANIFEST: Final = "peacetrack-tables.json"
LAYOUT_VERSION: Final = "1"
ROW_GROUP: Final = 65_536


def first_day_columns(name: str) -> tuple[str, ...]:
    """The bound columns whose earliest day partitions a table by year: the earliest
    day of each of its date and period fields (none for an unpartitioned table).

    >>> first_day_columns("incident")
    ('date_fuzzy_earliest', 'period_possible_first')
    >>> first_day_columns("references")
    ()
    """
    if name == EVENTS:
        return ("date_earliest",)
    cls = RECORD_TYPES.get(name)
    if cls is None or name == REFERENCES:
        return ()
    found = []
    for column in columns_of(cls):
        if column.kind == "date":
            found.append(column.name + "_fuzzy_earliest")
        elif column.kind == "period":
            found.append(column.name + "_possible_first")
    return tuple(found)


def partitioned(name: str) -> bool:
    """Whether a dataset's table ``name`` is partitioned by ``year`` (else one file)."""
    return bool(first_day_columns(name))


def _with_year(table: pa.Table, days: tuple[str, ...]) -> pa.Table:
    """The table sorted by its first day (the least of ``days``), with ``year``."""
    pa = _pa()
    import pyarrow.compute as pc

    first = table.column(days[0])
    for other in days[1:]:
        first = pc.min_element_wise(first, table.column(other))  # nulls skipped
    order = pc.array_sort_indices(first, order="ascending", null_placement="at_end")
    table = table.take(order)
    years = pc.year(first.take(order)).cast(pa.int16())
    return table.append_column(pa.field(PARTITION, pa.int16()), years)


def _partitioning() -> Any:
    pa = _pa()
    import pyarrow.dataset as ds

    return ds.partitioning(pa.schema([(PARTITION, pa.int16())]), flavor="hive")


def _write(table: pa.Table, path: Path, days: tuple[str, ...]) -> None:
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    if not days:
        path.mkdir()
        if path.name == REFERENCES:  # by target, so involving's steps read few row groups
            table = table.sort_by([("target", "ascending")])
        pq.write_table(table, path / "part-0.parquet", row_group_size=ROW_GROUP)
        return
    ds.write_dataset(
        _with_year(table, days),
        path,
        format="parquet",
        partitioning=_partitioning(),
        basename_template="part-{i}.parquet",
        max_rows_per_group=ROW_GROUP,
        min_rows_per_group=min(ROW_GROUP, 4096),
        max_rows_per_file=1 << 24,
        existing_data_behavior="error",
        preserve_order=True,  # rows stay in event (record) order within each day
    )


def write_parquet(
    t: Timeline, directory: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write the tables of :func:`~peacetrack.tables.to_arrow` as a Parquet dataset.

    The dataset is written next to ``directory`` and moved into place when complete,
    so a reader never sees half of one.

    Parameters
    ----------
    t
        The timeline.
    directory
        Where the dataset goes; it must not exist (or be empty) unless ``overwrite``.
    overwrite
        Replace an existing dataset (any directory holding a manifest).

    Returns
    -------
    Path
        ``directory``.

    Raises
    ------
    PeacetrackError
        If ``directory`` is a file, or a non-empty directory that is not to be
        overwritten (or holds no dataset).
    MissingExtraError
        Without pyarrow (the ``tables`` extra).
    """
    target = Path(directory)
    if target.exists():
        if not target.is_dir():
            raise PeacetrackError(f"{target} is a file, not a directory for a dataset")
        if any(target.iterdir()):
            if not overwrite:
                raise PeacetrackError(f"{target} is not empty; pass overwrite=True to replace it")
            if not (target / MANIFEST).is_file():
                raise PeacetrackError(f"{target} holds no peacetrack dataset; not replacing it")
    tables = to_arrow(t)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        counts = {}
        for name, table in tables.items():
            if table.num_rows:
                _write(table, work / name, first_day_columns(name))
            counts[name] = table.num_rows
        manifest = {
            "peacetrack-tables": LAYOUT_VERSION,
            "format": FORMAT_VERSION,
            "partitioning": PARTITION,
            "tables": counts,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def manifest(directory: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of the dataset in ``directory``.

    Raises
    ------
    LoadError
        If there is no readable manifest of a layout version this peacetrack reads.
    """
    path = Path(directory) / MANIFEST
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{directory} is not a peacetrack dataset: no {MANIFEST}") from None
    except OSError as exc:
        raise LoadError(f"cannot read {path}: {exc}") from None
    return parse_manifest(data, str(path))


def parse_manifest(data: bytes | str, where: str) -> dict[str, Any]:
    """A dataset's manifest from the text of its ``manifest.json`` (read by
    :func:`manifest`, or by an engine that reads the dataset elsewhere, such as
    :mod:`peacetrack.scale.distributed` through fsspec); ``where`` names the file
    in messages.

    Raises
    ------
    LoadError
        If the text is not JSON, or not a manifest of a layout version this
        peacetrack reads, with row counts.
    """
    try:
        found = json.loads(data)
    except ValueError as exc:
        raise LoadError(f"cannot read {where}: {exc}") from None
    if not isinstance(found, dict) or found.get("peacetrack-tables") != LAYOUT_VERSION:
        raise LoadError(f"{where}: expected layout version {LAYOUT_VERSION!r}")
    tables = found.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(n, int) for n in tables.values()):
        raise LoadError(f'{where}: expected "tables": an object of row counts')
    return found


def read_table(directory: str | os.PathLike[str], name: str) -> pa.Table:
    """One table of a dataset (with its ``year`` partition column, where it has one)."""
    _pa()
    import pyarrow.dataset as ds

    path = Path(directory) / name
    if not path.is_dir():
        raise LoadError(f"{directory}: no table {name!r}")
    try:
        return ds.dataset(path, format="parquet", partitioning=_partitioning()).to_table()
    except (OSError, ValueError) as exc:
        raise LoadError(f"cannot read table {name!r} in {directory}: {exc}") from None


def read_parquet(directory: str | os.PathLike[str]) -> Timeline:
    """The timeline written by :func:`write_parquet`: ``read_parquet(write_parquet(t,
    d)) == t``, records in the same order.

    Raises
    ------
    LoadError
        For a directory without a dataset, a missing or unreadable table, or a row
        count that differs from the manifest's.
    ValidationError
        Listing every bad value and every timeline rule the records break.
    """
    found = manifest(directory)
    tables = {}
    for name, count in found["tables"].items():
        if name in (EVENTS, REFERENCES) or count == 0:
            continue
        table = read_table(directory, name)
        if table.num_rows != count:
            raise LoadError(
                f"{directory}: table {name!r} has {table.num_rows} rows, the manifest says {count}"
            )
        tables[name] = table
    return from_arrow(tables)
