"""Timeline in memory vs pandas vs DuckDB over Parquet vs Dask, on the same questions.

Usage::

    python benchmarks/scale.py --sizes 1e5,1e6 [--repeat N] [--queries Q] [--out FILE]
                               [--engines timeline,pandas,duckdb,dask] [--workdir DIR]

For each size it builds the seeded corpus of ``benchmarks/corpus.py`` (about one event
per record), a :class:`~peacetrack.Timeline` of it, and times, as medians over ``Q``
questions asked ``N`` times each after one untimed warm-up run:

- ``between narrow`` (one day), ``between wide`` (one year), ``at`` (a day, every kind
  of record in force) and ``involving`` (a party): each engine's own answer -- a tuple
  of events or a Snapshot; a filtered DataFrame; an Arrow table; a computed DataFrame;
- ``in hand: ...``: the same questions, until the user holds the matching rows as
  Python objects (events; ``itertuples()``; ``to_pylist()``) -- not a count;
- ``export``: ``write_parquet`` of the whole timeline (and ``to_arrow`` alone).

The engines: ``timeline`` (peacetrack in memory), ``pandas`` (the dataset's tables read
into DataFrames, boolean masks), ``duckdb`` (:class:`peacetrack.scale.Store` over the
Parquet dataset) and ``dask`` (:mod:`peacetrack.scale.distributed` on a
``LocalCluster`` of two worker processes). Every answer is checked against the
Timeline's (``checks``). Memory is the growth of resident memory (RSS) while an engine
loads what it holds: the Timeline and its indexes (in this process, first); the
DataFrames, and DuckDB after a few queries, each in a fresh process; for Dask, the
workers' growth. ``export`` also gives the CPU time (``timeline_cpu``): on a shared
machine the wall time counts other people's work too.

Prints one table per size and writes everything to a JSON file.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import logging
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FIRST_DAY, LAST_DAY, corpus

from peacetrack import PartialDate, Timeline
from peacetrack.tables import read_table, to_arrow, write_parquet

ENGINES = ("timeline", "pandas", "duckdb", "dask")
QUESTIONS = ("between narrow", "between wide", "at", "involving")
ROWS = (*QUESTIONS, *(f"in hand: {q}" for q in QUESTIONS), "export")
IN_FORCE = (
    "round",
    "membership",
    "position",
    "ceasefire",
    "relation",
    "designation",
    "incident",
)


def rss() -> int:
    """Resident memory of this process, in bytes (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _median(fn: Callable[[Any], object], args: list[Any], repeat: int) -> float:
    fn(args[0])  # warm-up, not timed
    times = []
    for _ in range(repeat):
        for arg in args:
            start = time.perf_counter()
            fn(arg)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def _questions(t: Timeline, n: int, seed: int) -> dict[str, list[Any]]:
    rng = random.Random(seed)
    days = [
        PartialDate.from_date(datetime.date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY)))
        for _ in range(n)
    ]
    years = [rng.randint(2000, 2019) for _ in range(n)]
    parties = sorted(p.id for p in t.parties)
    return {
        "between narrow": [(d, d) for d in days],
        "between wide": [(PartialDate(y), PartialDate(y)) for y in years],
        "at": [
            PartialDate.from_date(datetime.date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY)))
            for _ in range(n)
        ],
        "involving": [rng.choice(parties) for _ in range(n)],
    }


# -- each engine's answers, reduced to comparable keys ----------------------------------


def _event_keys(ids: Any, kinds: Any) -> list[tuple[str, str]]:
    return list(zip(ids, kinds, strict=True))


class TimelineEngine:
    def __init__(self, t: Timeline) -> None:
        self.t = t

    def between(self, window: tuple[PartialDate, PartialDate]) -> Any:
        return self.t.between(*window)

    def at(self, d: PartialDate) -> Any:
        return self.t.at(d)

    def involving(self, party: str) -> Any:
        return self.t.involving(party)

    def in_hand(self, answer: Any) -> Any:
        return answer  # already Python objects

    def event_keys(self, answer: Any) -> list[tuple[str, str]]:
        return [(e.record_id, e.kind.value) for e in answer]

    def at_keys(self, snapshot: Any) -> dict[str, list[str]]:
        d = snapshot.date
        return {
            "round": sorted(r.id for r in snapshot.rounds_in_progress),
            "membership": sorted(m.id for ms in snapshot.members.values() for m in ms),
            "position": sorted(p.id for p in self.t.positions if p.period.in_force(d)),
            "ceasefire": sorted(c.id for c in snapshot.ceasefires_in_force),
            "relation": sorted(r.id for r in snapshot.relations),
            "designation": sorted(g.id for g in snapshot.designations),
            "incident": sorted(i.id for i in snapshot.incidents),
        }


class PandasEngine:
    """The dataset's tables as DataFrames; masks on the bound columns."""

    def __init__(self, directory: Path) -> None:
        import pandas as pd

        self.pd = pd
        columns = ["event_order", "date", "date_earliest", "date_latest", "kind", "record_id"]
        events = read_table(directory, "events").select([*columns, "summary"])
        self.events = events.to_pandas(date_as_object=False)
        self.periods = {}
        for name in IN_FORCE:
            try:
                table = read_table(directory, name)
            except Exception:
                continue
            self.periods[name] = table.to_pandas(date_as_object=False)
        refs = read_table(directory, "references").to_pandas()
        self.refs = refs[refs.field != "sources"][["record_id", "record_type", "target"]]

    def between(self, window: tuple[PartialDate, PartialDate]) -> Any:
        lo = self.pd.Timestamp(window[0].earliest)
        hi = self.pd.Timestamp(window[1].latest)
        e = self.events
        return e[(e.date_earliest >= lo) & (e.date_latest <= hi)]

    def at(self, d: PartialDate) -> Any:
        y, x = self.pd.Timestamp(d.earliest), self.pd.Timestamp(d.latest)
        found = {}
        for name, frame in self.periods.items():
            first, last = frame.period_certain_first, frame.period_certain_last
            if "date_fuzzy_latest" in frame:  # an incident on a date: the period date/date
                first = first.fillna(frame.date_fuzzy_latest)
                last = last.fillna(frame.date_fuzzy_earliest)
            # An undated designation (no period) is never certainly in force.
            found[name] = frame[(first <= x) & (last >= y)]
        return found

    def involving(self, target: str) -> Any:
        refs = self.refs
        ids = {target}
        frontier = [target]
        while frontier:
            hit = refs[refs.target.isin(frontier)]
            new = hit[~hit.record_id.isin(ids)].drop_duplicates("record_id")
            ids.update(new.record_id)
            frontier = list(new.record_id[new.record_type.isin(("delegation", "membership"))])
        e = self.events
        return e[e.record_id.isin(ids)]

    def in_hand(self, answer: Any) -> Any:
        if isinstance(answer, dict):
            return [list(f.itertuples(index=False)) for f in answer.values()]
        return list(answer.itertuples(index=False))

    def event_keys(self, answer: Any) -> list[tuple[str, str]]:
        return _event_keys(answer.record_id, answer.kind)

    def at_keys(self, found: Any) -> dict[str, list[str]]:
        return {name: sorted(found[name].id) for name in IN_FORCE if name in found}


class DuckEngine:
    def __init__(self, directory: Path) -> None:
        from peacetrack.scale import Store

        self.store = Store(directory, threads=2)

    def between(self, window: tuple[PartialDate, PartialDate]) -> Any:
        return self.store.between(*window)

    def at(self, d: PartialDate) -> Any:
        return self.store.at(d)

    def involving(self, party: str) -> Any:
        return self.store.involving(party)

    def in_hand(self, answer: Any) -> Any:
        if isinstance(answer, dict):
            return [table.to_pylist() for table in answer.values()]
        return answer.to_pylist()

    def event_keys(self, answer: Any) -> list[tuple[str, str]]:
        return _event_keys(
            answer.column("record_id").to_pylist(), answer.column("kind").to_pylist()
        )

    def at_keys(self, found: Any) -> dict[str, list[str]]:
        return {n: sorted(found[n].column("id").to_pylist()) for n in IN_FORCE if n in found}


class DaskEngine:
    def __init__(self, directory: Path, workers: int) -> None:
        from distributed import Client, LocalCluster

        from peacetrack.scale import distributed

        self.d = distributed
        self.directory = directory
        self.cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        self.client = Client(self.cluster)

    def worker_rss(self) -> int:
        return sum(self.client.run(rss).values())

    def close(self) -> None:
        self.client.close()
        self.cluster.close()

    def between(self, window: tuple[PartialDate, PartialDate]) -> Any:
        return self.d.between(self.directory, *window, client=self.client)

    def at(self, d: PartialDate) -> Any:
        return self.d.at(self.directory, d, client=self.client)

    def involving(self, party: str) -> Any:
        return self.d.involving(self.directory, party, client=self.client)

    in_hand = PandasEngine.in_hand
    event_keys = PandasEngine.event_keys
    at_keys = PandasEngine.at_keys


# -- a K-times dataset without K-times the Python objects --------------------------------

_ID_COLUMNS = {"events": ("record_id",), "references": ("record_id", "target")}
_ORDER_COLUMNS = ("event_order", "record_order")


def replicate(source: Path, target: Path, copies: int) -> None:
    """Write ``copies`` disjoint copies of the dataset in ``source`` as one dataset:
    every id (and every reference) prefixed ``c0-``, ``c1-``, ..., every order column
    ``order * copies + copy``, so each copy keeps its own order and the copies of one
    event sit together. Only the columns the questions read are rewritten."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from peacetrack.tables import MANIFEST, first_day_columns, manifest
    from peacetrack.tables._parquet import _write

    found = manifest(source)
    target.mkdir(parents=True)
    counts = {}
    for name, count in found["tables"].items():
        counts[name] = count * copies
        if not count:
            continue
        table = read_table(source, name)
        if "year" in table.column_names:
            table = table.drop_columns(["year"])
        parts = []
        for copy in range(copies):
            part = table
            for column in _ID_COLUMNS.get(name, ("id",)):
                joined = pc.binary_join_element_wise(f"c{copy}", part[column], "-")
                part = part.set_column(part.schema.get_field_index(column), column, joined)
            for column in _ORDER_COLUMNS:
                if column in part.column_names:
                    shifted = pc.add(pc.multiply(part[column], copies), copy)
                    index = part.schema.get_field_index(column)
                    part = part.set_column(index, column, shifted)
            parts.append(part)
        whole = pa.concat_tables(parts)
        order = [c for c in _ORDER_COLUMNS if c in whole.column_names]
        if order:  # as write_parquet leaves it: in event (record) order within each day
            whole = whole.take(pc.sort_indices(whole, sort_keys=[(order[0], "ascending")]))
        _write(whole, target / name, first_day_columns(name))
    found["tables"] = counts
    (target / MANIFEST).write_text(json.dumps(found, indent=1) + "\n")


def _replicated(
    questions: dict[str, list[Any]], expected: dict[str, list[Any]], copies: int
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """The questions and answers for ``copies`` copies: events and records of every copy;
    ``involving`` asks about the party of copy ``i % copies``."""
    asked = dict(questions)
    answers: dict[str, list[Any]] = {}
    for q in ("between narrow", "between wide"):
        answers[q] = [
            [(f"c{c}-{rid}", kind) for rid, kind in keys for c in range(copies)]
            for keys in expected[q]
        ]
    answers["at"] = [
        {kind: sorted(f"c{c}-{i}" for i in ids for c in range(copies)) for kind, ids in k.items()}
        for k in expected["at"]
    ]
    asked["involving"] = [f"c{i % copies}-{p}" for i, p in enumerate(questions["involving"])]
    answers["involving"] = [
        [(f"c{i % copies}-{rid}", kind) for rid, kind in keys]
        for i, keys in enumerate(expected["involving"])
    ]
    return asked, answers


def _ask(engine: Any, question: str) -> Callable[[Any], Any]:
    if question.startswith("between"):
        return engine.between  # type: ignore[no-any-return]
    return getattr(engine, question)  # type: ignore[no-any-return]


def _measure(
    engine: Any,
    name: str,
    questions: dict[str, list[Any]],
    repeat: int,
    expected: dict[str, list[Any]],
    rows: dict[str, dict[str, float]],
    checks: dict[str, bool],
) -> None:
    for q in QUESTIONS:
        ask = _ask(engine, q)
        rows[q][name] = _median(ask, questions[q], repeat)
        rows[f"in hand: {q}"][name] = _median(
            lambda arg, ask=ask: engine.in_hand(ask(arg)), questions[q], repeat
        )
        answers = [ask(arg) for arg in questions[q]]
        keys = [engine.at_keys(a) if q == "at" else engine.event_keys(a) for a in answers]
        if name == "timeline":
            expected[q] = keys
            rows[q]["results"] = statistics.median(
                sum(map(len, k.values())) if isinstance(k, dict) else len(k) for k in keys
            )
        else:
            checks[f"{name} {q}"] = keys == expected[q]


def _child_memory(kind: str, directory: Path, questions: dict[str, list[Any]]) -> int:
    """Resident memory an engine adds in a fresh process, loading and answering a few
    questions (so nothing freed by the Timeline before it is counted)."""
    spec = {
        "kind": kind,
        "directory": str(directory),
        "between": [[str(a), str(b)] for a, b in questions["between wide"][:2]],
        "at": [str(d) for d in questions["at"][:2]],
        "involving": list(questions["involving"][:2]),
    }
    script = str(Path(__file__).resolve())
    done = subprocess.run(
        [sys.executable, script, "--child-memory", json.dumps(spec)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.split()[-1])


def _child(spec: dict[str, Any]) -> int:
    import duckdb  # noqa: F401  (imported before measuring: code is not data)
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    gc.collect()
    before = rss()
    directory = Path(spec["directory"])
    engine: Any = PandasEngine(directory) if spec["kind"] == "pandas" else DuckEngine(directory)
    for start, end in spec["between"]:
        engine.between((PartialDate.parse(start), PartialDate.parse(end)))
    for d in spec["at"]:
        engine.at(PartialDate.parse(d))
    for party in spec["involving"]:
        engine.involving(party)
    gc.collect()
    return rss() - before


def _save_partial(
    args: argparse.Namespace,
    n: int,
    rows: dict[str, dict[str, float]],
    memory: dict[str, float],
    checks: dict[str, bool],
) -> None:
    """What one size has measured so far, in ``OUT.partial.json`` (a long run that is
    stopped keeps what it measured)."""
    partial = {"records": n, "rows": rows, "memory_bytes_per_event": memory, "checks": checks}
    Path(f"{args.out}.partial.json").write_text(json.dumps(partial, indent=1) + "\n")


def run_size(n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    engines = args.engines
    rows: dict[str, dict[str, float]] = {row: {} for row in ROWS}
    checks: dict[str, bool] = {}
    memory: dict[str, float] = {}
    expected: dict[str, list[Any]] = {}
    directory = work / f"ds-{n}"
    gc.collect()
    before = rss()
    start = time.perf_counter()
    t = Timeline(corpus(n, seed=args.seed))
    build = time.perf_counter() - start
    questions = _questions(t, args.queries, args.seed)
    engine = TimelineEngine(t)
    for q in QUESTIONS:
        _ask(engine, q)(questions[q][0])  # build every index
    gc.collect()
    n_events = len(t._event_index())
    memory["timeline"] = (rss() - before) / n_events
    _measure(engine, "timeline", questions, args.repeat, expected, rows, checks)
    to_arrow(Timeline([]))  # imports pyarrow before the clock starts
    if args.replicate == 1:  # (the replicated run measures the other engines, not this)
        start = time.perf_counter()
        to_arrow(t)
        rows["export"]["to_arrow"] = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    write_parquet(t, directory)
    rows["export"]["timeline"] = time.perf_counter() - start
    rows["export"]["timeline_cpu"] = time.process_time() - cpu
    del engine, t
    gc.collect()
    base_rows = rows
    if args.replicate > 1:
        copies = args.replicate
        start = time.perf_counter()
        replicate(directory, work / f"ds-{n}x{copies}", copies)
        shutil.rmtree(directory)
        directory = work / f"ds-{n}x{copies}"
        replicate_seconds = time.perf_counter() - start
        questions, expected = _replicated(questions, expected, copies)
        n_events *= copies
        rows = {row: {} for row in ROWS}
    disk = sum(f.stat().st_size for f in directory.rglob("*") if f.is_file())

    if "pandas" in engines:
        memory["pandas"] = _child_memory("pandas", directory, questions) / n_events
        pandas_engine = PandasEngine(directory)
        _measure(pandas_engine, "pandas", questions, args.repeat, expected, rows, checks)
        del pandas_engine
        gc.collect()
    _save_partial(args, n, rows, memory, checks)
    if "duckdb" in engines:
        memory["duckdb"] = _child_memory("duckdb", directory, questions) / n_events
        duck = DuckEngine(directory)
        _measure(duck, "duckdb", questions, args.repeat, expected, rows, checks)
        duck.store.close()
        del duck
        gc.collect()
    _save_partial(args, n, rows, memory, checks)
    if "dask" in engines:
        dask_engine = DaskEngine(directory, args.workers)
        try:
            before = dask_engine.worker_rss()
            _measure(dask_engine, "dask", questions, args.repeat, expected, rows, checks)
            memory["dask"] = (dask_engine.worker_rss() - before) / n_events
        finally:
            dask_engine.close()
    shutil.rmtree(directory, ignore_errors=True)
    if args.replicate > 1:
        return {
            "records": n * args.replicate,
            "events": n_events,
            "replicated": {
                "copies": args.replicate,
                "of_records": n,
                "seconds": replicate_seconds,
                "timeline_rows_at_base_size": base_rows,
                "timeline_memory_at_base_size": memory.pop("timeline"),
            },
            "parquet_bytes": disk,
            "rows": rows,
            "memory_bytes_per_event": memory,
            "checks": checks,
        }
    return {
        "records": n,
        "events": n_events,
        "build_seconds": build,
        "parquet_bytes": disk,
        "rows": rows,
        "memory_bytes_per_event": memory,
        "checks": checks,
    }


def _print(size: str, result: dict[str, Any], engines: list[str]) -> None:
    print(f"\n== {result['records']} records, {result['events']} events (median seconds) ==")
    print(f"{'':26}" + "".join(f"{e:>12}" for e in engines) + f"{'pandas/tl':>11}")
    for row, times in result["rows"].items():
        cells = "".join(f"{times[e]:12.5f}" if e in times else f"{'':>12}" for e in engines)
        ratio = times.get("pandas", 0) / times["timeline"] if times.get("timeline") else 0
        print(f"{row:26}{cells}{ratio:10.1f}x" if ratio else f"{row:26}{cells}")
    memory = result["memory_bytes_per_event"]
    print("memory, bytes/event:", ", ".join(f"{k} {v:.0f}" for k, v in memory.items()))
    bad = [k for k, v in result["checks"].items() if not v]
    print("checks:", "all equal to Timeline's" if not bad else f"MISMATCH {bad}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e4")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--queries", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--replicate",
        type=int,
        default=1,
        help="measure the other engines on this many disjoint copies of each size's dataset",
    )
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--out", default="benchmarks/scale-results.json")
    parser.add_argument("--child-memory", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_memory:
        print(_child(json.loads(args.child_memory)))
        return 0
    args.engines = [e for e in args.engines.split(",") if e]
    unknown = set(args.engines) - set(ENGINES)
    if unknown or "timeline" not in args.engines:
        parser.error(f"engines are {', '.join(ENGINES)} (timeline always); got {args.engines}")
    work = Path(tempfile.mkdtemp(prefix="peacetrack-scale-", dir=args.workdir))
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "load_average": os.getloadavg(),
        },
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "repeat": args.repeat,
        "queries": args.queries,
        "sizes": {},
    }
    try:
        for size in args.sizes.split(","):
            n = int(float(size))
            result = run_size(n, args, work)
            results["sizes"][str(result["records"])] = result
            _print(str(n), result, args.engines)
            Path(args.out).write_text(json.dumps(results, indent=1) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_average_end"] = os.getloadavg()
    Path(args.out).write_text(json.dumps(results, indent=1) + "\n")
    ok = all(all(r["checks"].values()) for r in results["sizes"].values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
