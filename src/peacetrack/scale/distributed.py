"""Timeline's questions over a Parquet dataset on a Dask cluster, beyond one machine.

This module needs the ``distributed`` extra (``pip install
"peacetrack[distributed]"``: dask with its dataframe and distributed parts).
Each function reads the dataset written by
:func:`~peacetrack.tables.write_parquet` with :func:`dask.dataframe.read_parquet`,
so the work is spread over the workers of the cluster in use: the ``client`` given,
else the current :class:`distributed.Client` (the one made last), else Dask's local
scheduler. The ``year`` partitions are pruned by their directory names before any
file is opened; row groups by their statistics; the rows by the same conditions as
:class:`~peacetrack.scale.Store` uses (see :mod:`peacetrack.scale._queries`).

Every worker must see the dataset at the same path (a shared file system, or an
object store URL that fsspec reads, such as ``s3://bucket/dataset``, for which the
dataset's manifest is read through fsspec as well).

Answers are pandas DataFrames, in event order (``between``, ``involving``) or in
``t.records`` order (``at``), with the columns of the dataset's tables.

Examples
--------
>>> import tempfile
>>> from peacetrack.datasets import geneva_2016
>>> from peacetrack.tables import write_parquet
>>> t = geneva_2016()
>>> directory = write_parquet(t, tempfile.mkdtemp() + "/geneva")
>>> found = between(directory, "2016-04-13", "2016-04-27")  # the local scheduler here
>>> list(found["record_id"]) == [e.record_id for e in t.between("2016-04-13", "2016-04-27")]
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from peacetrack._extras import require
from peacetrack.dates import DateLike
from peacetrack.errors import LoadError, UnknownIdError
from peacetrack.io import RECORD_TYPES
from peacetrack.scale._queries import (
    EXPANDING,
    FIRST_DAY,
    LAST_DAY,
    MEDIATING_ROLES,
    MEDIATOR,
    TOOK_PART,
    Window,
    at_day,
    in_force_tables,
    window,
)
from peacetrack.tables import (
    EVENTS,
    MANIFEST,
    REFERENCES,
    parse_manifest,
    partitioned,
    to_arrow,
)
from peacetrack.timeline import Timeline

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["at", "between", "involving"]

_PURPOSE = "peacetrack.scale.distributed"
_DEFAULT = "__HIVE_DEFAULT_PARTITION__"


def _dd() -> Any:
    require("distributed", "distributed", _PURPOSE)
    return require("dask.dataframe", "distributed", _PURPOSE)


def _fs(directory: str | os.PathLike[str]) -> tuple[Any, str]:
    fsspec = require("fsspec", "distributed", _PURPOSE)
    fs, path = fsspec.core.url_to_fs(os.fspath(directory))
    return fs, path.rstrip("/")


def _counts(directory: str | os.PathLike[str]) -> dict[str, int]:
    fs, root = _fs(directory)
    try:
        with fs.open(f"{root}/{MANIFEST}", "rb") as file:
            data = file.read()
    except FileNotFoundError:
        raise LoadError(f"{directory} is not a peacetrack dataset: no {MANIFEST}") from None
    except OSError as exc:
        raise LoadError(f"cannot read the manifest of {directory}: {exc}") from None
    counts: dict[str, int] = parse_manifest(data, f"{directory}/{MANIFEST}")["tables"]
    return counts


def _files(
    directory: str | os.PathLike[str],
    name: str,
    last_year: int | None = None,
    first_year: int | None = None,
    undated: bool = True,
) -> list[str]:
    """The Parquet files of one table, pruned to the year partitions asked for."""
    fs, root = _fs(directory)
    if not partitioned(name):
        return sorted(fs.glob(f"{root}/{name}/*.parquet"))
    files = []
    for path in sorted(fs.glob(f"{root}/{name}/year=*/*.parquet")):
        year = path.rsplit("/", 2)[-2].removeprefix("year=")
        if year == _DEFAULT:
            if undated:
                files.append(path)
            continue
        if (last_year is None or int(year) <= last_year) and (
            first_year is None or int(year) >= first_year
        ):
            files.append(path)
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return files if protocol in ("file", "local") else [f"{protocol}://{f}" for f in files]


def _read(files: list[str], name: str, filters: list[tuple[str, str, Any]] | None) -> Any:
    dd = _dd()
    if not files:
        pd = require("pandas", "distributed", _PURPOSE)
        pa = require("pyarrow", "distributed", _PURPOSE)

        # The types dask's read_parquet gives (Arrow's, but pandas' strings), so
        # that an empty table merges and concatenates with a read one.
        def types(kind: Any) -> Any:
            return None if pa.types.is_string(kind) else pd.ArrowDtype(kind)

        empty = to_arrow(Timeline([]))[name].to_pandas(types_mapper=types)
        return dd.from_pandas(empty, npartitions=1)
    # Small year files are read together, up to a block per task, not a task per file.
    options: dict[str, Any] = {
        "filters": filters or None,
        "dtype_backend": "pyarrow",
        "blocksize": "256MiB",
        "aggregate_files": True,
    }
    # The year partitions were pruned by path already: no partition column is read.
    return dd.read_parquet(files, dataset={"partitioning": None}, **options)


def _compute(frame: Any, client: Any) -> pd.DataFrame:
    if client is not None:
        return client.compute(frame).result()
    return frame.compute()


def _in_order(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    return frame.sort_values(column, kind="stable").reset_index(drop=True)


def between(
    directory: str | os.PathLike[str],
    start: DateLike,
    end: DateLike,
    *,
    possibly: bool = False,
    client: Any = None,
) -> pd.DataFrame:
    """The rows of the events table answering ``t.between(start, end)``, in event order.

    With ``possibly=True``, the events whose date *may* lie in the window.

    Raises
    ------
    InvalidDateError
        For a date that cannot be read, or an ``end`` certainly before ``start``.
    LoadError
        If ``directory`` holds no dataset.
    """
    w = window(start, end)
    _counts(directory)
    first, last = w.years
    if possibly:
        files = _files(directory, EVENTS, last_year=last, undated=False)
        filters = [("date_latest", ">=", w.first), ("date_earliest", "<=", w.last)]
    else:
        files = _files(directory, EVENTS, last_year=last, first_year=first, undated=False)
        filters = [("date_earliest", ">=", w.first), ("date_latest", "<=", w.last)]
    frame = _read(files, EVENTS, filters)
    return _in_order(_compute(_mask(frame, filters), client), "event_order")


def _mask(frame: Any, filters: Iterable[tuple[str, str, Any]]) -> Any:
    """The rows meeting every ``(column, op, value)`` (row groups alone prune coarsely)."""
    pd = require("pandas", "distributed", _PURPOSE)
    keep = None
    for column, op, value in filters:
        scalar = pd.Timestamp(value) if hasattr(value, "toordinal") else value
        values = frame[column]
        if hasattr(value, "toordinal"):
            values = values.astype("datetime64[ms]")
        test = values >= scalar if op == ">=" else values <= scalar
        keep = test if keep is None else keep & test
    return frame if keep is None else frame[keep]


def at(
    directory: str | os.PathLike[str],
    date: DateLike,
    *,
    possibly: bool = False,
    client: Any = None,
) -> dict[str, pd.DataFrame]:
    """Record type -> the rows of the records in force on ``date``, as
    :meth:`peacetrack.scale.Store.at` answers (and ``t.at(date)`` reads them).

    Raises
    ------
    InvalidDateError
        For a date that cannot be read.
    LoadError
        If ``directory`` holds no dataset.
    """
    w = at_day(date, possibly)
    counts = _counts(directory)
    reading = "possible" if possibly else "certain"
    dask = require("dask", "distributed", _PURPOSE)
    frames = {}
    pd = require("pandas", "distributed", _PURPOSE)
    for name, date_field in in_force_tables().items():
        files = _files(directory, name, last_year=w.last.year) if counts.get(name) else []
        frame = _read(files, name, None)
        first = frame[f"period_{reading}_first"].astype("datetime64[ms]")
        last = frame[f"period_{reading}_last"].astype("datetime64[ms]")
        if date_field is not None:  # no period: the date as the one-date period
            early = frame[f"{date_field}_fuzzy_earliest"].astype("datetime64[ms]")
            late = frame[f"{date_field}_fuzzy_latest"].astype("datetime64[ms]")
            if not possibly:
                early, late = late, early
            first, last = first.fillna(early), last.fillna(late)
        keep = ((first <= pd.Timestamp(w.last)) & (last >= pd.Timestamp(w.first))).fillna(False)
        if possibly:
            keep = keep | first.isna()
        frames[name] = frame[keep]
    frames["participation"] = _participations(directory, counts, w, reading)
    frames["agreement"] = _agreements(directory, counts, w, reading)
    if client is not None:
        computed = client.compute(list(frames.values()), sync=True)
    else:
        computed = dask.compute(*frames.values())
    found = dict(zip(frames, computed, strict=True))
    for name, frame in found.items():
        if name == "participation":  # Timeline's order: by possible start, then id
            order = frame.sort_values(["in_order", "id"], kind="stable")
            found[name] = order.drop(columns="in_order").reset_index(drop=True)
        else:
            found[name] = _in_order(frame, "record_order")
    return found


def _table(
    directory: str | os.PathLike[str], counts: dict[str, int], name: str, **years: Any
) -> Any:
    files = _files(directory, name, **years) if counts.get(name) else []
    return _read(files, name, None)


def _days(values: Any) -> Any:
    return values.astype("datetime64[ms]")


def _implied(processes: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """The participations the processes' mediators stand for, as rows of ``meta``'s
    columns (those a process does not give are missing)."""
    mediated = processes[processes["mediator"].notna()]
    rows = meta.reindex(range(len(mediated)))  # missing values, of the table's types
    given = {
        "id": mediated["id"] + "/mediator",
        "sources": mediated["sources"],
        "process": mediated["id"],
        "actor": mediated["mediator"],
        "role": MEDIATOR,
        "status": TOOK_PART,
    }
    for column, values in given.items():
        array = values.to_numpy() if hasattr(values, "to_numpy") else values
        if len(rows):
            rows[column] = array
    return rows.astype({column: meta.dtypes[column] for column in given})


def _participations(
    directory: str | os.PathLike[str], counts: dict[str, int], w: Window, reading: str
) -> Any:
    """The participations in force in ``w`` (see :func:`~peacetrack.scale._queries.
    participations_sql`, whose joins this is), with an ``in_order`` column."""
    dd = _dd()
    pd = require("pandas", "distributed", _PURPOSE)
    own = _table(directory, counts, "participation", last_year=w.last.year)
    processes = _table(directory, counts, "process")
    implied = processes.map_partitions(_implied, own._meta, meta=own._meta)
    both = dd.concat([own, implied], ignore_index=True)
    bounds = [f"period_{reading}_first", f"period_{reading}_last", "period_possible_first"]
    rounds = _table(directory, counts, "round")[["id", *dict.fromkeys(bounds)]]
    rounds = rounds.rename(columns={c: f"round_{c}" for c in rounds.columns})
    joined = both.merge(rounds, how="left", left_on="round", right_on="round_id")
    dated, in_round = joined["period"].notnull(), joined["round_id"].notnull()

    def effective(bound: str, whole: Any) -> Any:
        own_day, round_day = _days(joined[bound]), _days(joined[f"round_{bound}"])
        return own_day.where(dated, round_day.where(in_round, pd.Timestamp(whole)))

    first = effective(bounds[0], FIRST_DAY)
    last = effective(bounds[1], LAST_DAY)
    joined = joined.assign(in_order=effective(bounds[2], FIRST_DAY))
    keep = (first <= pd.Timestamp(w.last)) & (last >= pd.Timestamp(w.first))
    return joined[keep][[*own.columns, "in_order"]]


def _agreements(
    directory: str | os.PathLike[str], counts: dict[str, int], w: Window, reading: str
) -> Any:
    """The agreements in force in ``w`` (see :func:`~peacetrack.scale._queries.
    agreements_sql`, whose joins this is)."""
    pd = require("pandas", "distributed", _PURPOSE)
    certain = reading == "certain"
    start = "date_fuzzy_latest" if certain else "date_fuzzy_earliest"
    adopted = "date_earliest" if certain else "date_latest"
    agreements = _table(directory, counts, "agreement", last_year=w.last.year)
    # Only a successor adopted by the window's first day can end an agreement before it.
    successors = _table(directory, counts, "agreement", last_year=w.first.year)
    successors = successors[["supersedes", adopted]].explode("supersedes")
    successors = successors[successors["supersedes"].notnull()]
    cut = successors.assign(cut=_days(successors[adopted]) - pd.Timedelta(days=1))
    cut = cut.groupby("supersedes")["cut"].min().to_frame()
    joined = agreements.merge(cut, how="left", left_on="id", right_index=True)
    first = _days(joined[f"period_{reading}_first"]).fillna(_days(joined[start]))
    last = _days(joined[f"period_{reading}_last"]).where(
        joined["period"].notnull(), pd.Timestamp(LAST_DAY)
    )
    last = last.where(~(joined["cut"] < last), joined["cut"])
    keep = (first <= pd.Timestamp(w.last)) & (last >= pd.Timestamp(w.first))
    return joined[keep][list(agreements.columns)]


def involving(
    directory: str | os.PathLike[str], record_id: str, *, client: Any = None
) -> pd.DataFrame:
    """The rows of the events table answering ``t.involving(record_id)``, in event order.

    The references table is held in the workers' memory while the question is
    asked: one distributed pass per step out from the record.

    Raises
    ------
    UnknownIdError
        If no record has this id.
    LoadError
        If ``directory`` holds no dataset.
    """
    counts = _counts(directory)
    if not isinstance(record_id, str):
        raise UnknownIdError(f"no record with id {record_id!r}")
    ids = {record_id}
    if counts.get(REFERENCES):
        refs = _read(_files(directory, REFERENCES), REFERENCES, None)
        refs = refs[refs["field"] != "sources"][["record_id", "record_type", "target"]]
        refs = client.persist(refs) if client is not None else refs.persist()
        frontier = [record_id]
        while frontier:
            found = _compute(refs[refs["target"].isin(frontier)], client)
            new = found[~found["record_id"].isin(ids)].drop_duplicates("record_id")
            ids.update(new["record_id"])
            frontier = list(new["record_id"][new["record_type"].isin(EXPANDING)])
    ids.update(_mediated_rounds(directory, counts, record_id, client))
    events = _read(_files(directory, EVENTS), EVENTS, None)
    found = _compute(events[events["record_id"].isin(sorted(ids))], client)
    if len(ids) == 1 and found.empty and not _exists(directory, counts, record_id, client):
        raise UnknownIdError(f"no record with id {record_id!r}")
    return _in_order(found, "event_order")


def _mediated_rounds(
    directory: str | os.PathLike[str], counts: dict[str, int], actor: str, client: Any
) -> set[str]:
    """The ids of the rounds ``actor`` mediated (see :func:`~peacetrack.scale._queries.
    mediated_rounds_sql`): the processes and participations that make it a mediator
    are found on the workers, then the rounds of those processes."""
    pd = require("pandas", "distributed", _PURPOSE)
    processes = _table(directory, counts, "process")
    processes = processes[processes["mediator"] == actor]["id"]
    bounds = ["period_possible_first", "period_possible_last"]
    parts = _table(directory, counts, "participation")
    mediating = (
        (parts["actor"] == actor)
        & parts["role"].isin(list(MEDIATING_ROLES))
        & (parts["status"] == TOOK_PART)
    )
    parts = parts[mediating][["process", "round", *bounds]]
    processes, parts = _compute_all([processes, parts], client)
    found = set(parts["round"].dropna())
    unnamed = parts[parts["round"].isna()]
    wanted = sorted({*processes, *unnamed["process"]})
    if not wanted:
        return found
    rounds = _table(directory, counts, "round")[["id", "process", *bounds]]
    (rounds,) = _compute_all([rounds[rounds["process"].isin(wanted)]], client)
    found.update(rounds["id"][rounds["process"].isin(set(processes))])
    pairs = unnamed.merge(rounds, on="process", suffixes=("", "_round"))
    whole = [pd.Timestamp(FIRST_DAY), pd.Timestamp(LAST_DAY)]
    first = _days(pairs["period_possible_first"]).fillna(whole[0])
    last = _days(pairs["period_possible_last"]).fillna(whole[1])
    meets = (_days(pairs["period_possible_first_round"]) <= last) & (
        _days(pairs["period_possible_last_round"]) >= first
    )
    found.update(pairs["id"][meets])
    return found


def _compute_all(frames: list[Any], client: Any) -> list[Any]:
    if client is not None:
        return list(client.compute(frames, sync=True))
    dask = require("dask", "distributed", _PURPOSE)
    return list(dask.compute(*frames))


def _exists(
    directory: str | os.PathLike[str], counts: dict[str, int], record_id: str, client: Any
) -> bool:
    """Whether a record has this id (asked only when nothing refers to it)."""
    dask = require("dask", "distributed", _PURPOSE)
    present = [n for n in RECORD_TYPES if counts.get(n)]
    filters = [("id", "==", record_id)]
    hits = [(_read(_files(directory, n), n, filters)["id"] == record_id).sum() for n in present]
    if not hits:
        return False
    found = client.compute(hits, sync=True) if client is not None else dask.compute(*hits)
    return any(found)
