"""Time peacetrack against pandas, sqlite3 and intervaltree on synthetic corpora.

Usage::

    python benchmarks/run.py --sizes 1e3,1e4,1e5,1e6 [--repeat N] [--queries Q] [--out FILE]

For each size it builds a seeded corpus (``benchmarks/corpus.py``), then times, as
medians: ``build`` (``Timeline(records)``: validation only, indexes are lazy),
``build+index`` (the same plus every index the queries use), ``loads``/``dumps``
of the JSON file (with ``json.loads`` and ``orjson.loads`` of the same text as the
floor), ``between`` with a narrow window (about 100 events) and a wide one (a
year), ``at`` (a day-precise snapshot), ``involving`` (a party) and
``graph.parties(at=)``. The peers answer the same questions from the same data:
pandas DataFrames with boolean masks, sqlite3 in memory with B-tree indexes on the
date and id columns, and intervaltree for what is in force. Every peer answer is
checked against peacetrack's; a mismatch is recorded in ``checks`` (and fails the
smoke test). Peak memory and bytes per record are measured in a separate pass with
tracemalloc, so tracing never slows the timed runs.

Prints one table per size and writes everything to a JSON file.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FIRST_DAY, LAST_DAY, corpus

from peacetrack import (
    Ceasefire,
    Designation,
    Membership,
    PartialDate,
    Position,
    Relation,
    Round,
    Timeline,
)
from peacetrack.events import event_date, event_kinds

ROWS = (
    "build",
    "build+index",
    "loads",
    "dumps",
    "between narrow",
    "between wide",
    "at",
    "at: in force only",
    "involving",
    "graph.parties(at=)",
)
PERIODIC = ("round", "membership", "position", "ceasefire", "relation")
FAR = datetime.date.max.toordinal()


def _median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _median_over(fn: Callable[[Any], object], args: list[Any]) -> float:
    times = []
    for arg in args:
        start = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _force_indexes(t: Timeline) -> Timeline:
    t.between("2000-01-01", "2000-01-01")
    t.at("2000-01-01")
    t.involving(t.records[0].id)
    return t


# -- the peers' data: the same events, periods and references as flat rows ------------


def _rows(t: Timeline) -> dict[str, list[tuple[Any, ...]]]:
    resigned = frozenset(r.membership for r in t.resignations)
    events, periods, refs, types = [], [], [], []
    for record in t.records:
        types.append((record.id, record.record_type))
        for kind in event_kinds(record, resigned):
            d = event_date(record, kind)
            events.append((d.earliest_ordinal, d.latest_ordinal, kind.value, record.id))
        if record.record_type in PERIODIC:
            p = record.period  # type: ignore[attr-defined]
            end = FAR if p.end is None else p.end.earliest_ordinal
            periods.append((record.id, record.record_type, p.start.latest_ordinal, end))
        elif record.record_type == "designation":
            g = record.period  # type: ignore[attr-defined]
            if g is not None:
                end = FAR if g.end is None else g.end.earliest_ordinal
                periods.append((record.id, "designation", g.start.latest_ordinal, end))
        for field, target in record.references():
            if field != "sources":
                refs.append((record.id, target))
    return {"events": events, "periods": periods, "refs": refs, "types": types}


class PandasPeer:
    def __init__(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        import pandas as pd

        self.events = pd.DataFrame(rows["events"], columns=["lo", "hi", "kind", "record_id"])
        self.periods = pd.DataFrame(rows["periods"], columns=["record_id", "type", "a", "b"])
        self.refs = pd.DataFrame(rows["refs"], columns=["source", "target"])
        types = dict(rows["types"])
        self.expands = {i for i, kind in types.items() if kind in ("delegation", "membership")}
        # A process reached from its mediator stands for its rounds only.
        self.processes = {i for i, kind in types.items() if kind == "process"}
        self.rounds = {i for i, kind in types.items() if kind == "round"}

    def between(self, lo: int, hi: int) -> list[tuple[str, str]]:
        e = self.events
        hit = e[(e.lo >= lo) & (e.hi <= hi)]
        return list(zip(hit.record_id.tolist(), hit.kind.tolist(), strict=True))

    def at(self, y: int, x: int) -> set[str]:
        p = self.periods
        return set(p.record_id[(p.a <= x) & (p.b >= y)].tolist())

    def involving(self, target: str) -> list[tuple[str, str]]:
        refs = self.refs
        ids = {target}
        frontier, processes = [target], []
        while frontier or processes:
            found = set(refs.source[refs.target.isin(frontier)].tolist())
            found |= set(refs.source[refs.target.isin(processes)].tolist()) & self.rounds
            found -= ids
            ids |= found
            frontier = [i for i in found if i in self.expands]
            processes = [i for i in found if i in self.processes]
        e = self.events
        hit = e[e.record_id.isin(ids)]
        return list(zip(hit.record_id.tolist(), hit.kind.tolist(), strict=True))


class SqlitePeer:
    def __init__(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        db = self.db = sqlite3.connect(":memory:")
        db.executescript(
            """
            CREATE TABLE events (lo INTEGER, hi INTEGER, kind TEXT, record_id TEXT);
            CREATE TABLE periods (record_id TEXT, type TEXT, a INTEGER, b INTEGER);
            CREATE TABLE refs (source TEXT, target TEXT);
            CREATE TABLE types (id TEXT PRIMARY KEY, type TEXT);
            """
        )
        db.executemany("INSERT INTO events VALUES (?, ?, ?, ?)", rows["events"])
        db.executemany("INSERT INTO periods VALUES (?, ?, ?, ?)", rows["periods"])
        db.executemany("INSERT INTO refs VALUES (?, ?)", rows["refs"])
        db.executemany("INSERT INTO types VALUES (?, ?)", rows["types"])
        db.executescript(
            """
            CREATE INDEX events_lo ON events (lo, hi);
            CREATE INDEX events_id ON events (record_id);
            CREATE INDEX periods_a ON periods (a);
            CREATE INDEX periods_b ON periods (b);
            CREATE INDEX refs_target ON refs (target);
            ANALYZE;
            """
        )

    def between(self, lo: int, hi: int) -> list[tuple[str, str]]:
        # lo <= hi for every date, so "lo BETWEEN" lets the index bound the scan.
        return self.db.execute(
            "SELECT record_id, kind FROM events WHERE lo BETWEEN ? AND ? AND hi <= ?",
            (lo, hi, hi),
        ).fetchall()

    def at(self, y: int, x: int) -> set[str]:
        rows = self.db.execute(
            "SELECT record_id FROM periods WHERE a <= ? AND b >= ?", (x, y)
        ).fetchall()
        return {r[0] for r in rows}

    def involving(self, target: str) -> list[tuple[str, str]]:
        return self.db.execute(
            """
            WITH RECURSIVE ids(id, kind) AS (
                SELECT ?, 'start'
                UNION
                SELECT refs.source, types.type
                FROM refs JOIN ids ON refs.target = ids.id
                JOIN types ON types.id = refs.source
                WHERE ids.kind IN ('start', 'delegation', 'membership')
                   OR (ids.kind = 'process' AND types.type = 'round')
            )
            SELECT record_id, kind FROM events WHERE record_id IN (SELECT id FROM ids)
            """,
            (target,),
        ).fetchall()


class IntervalTreePeer:
    def __init__(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        from intervaltree import Interval, IntervalTree

        # intervaltree intervals are half-open: [a, b] becomes [a, b + 1).
        self.tree = IntervalTree(
            Interval(a, b + 1, rid) for rid, _, a, b in rows["periods"] if a <= b
        )

    def at(self, y: int, x: int) -> set[str]:
        return {iv.data for iv in self.tree.overlap(y, x + 1)}


def _in_force_records(t: Timeline, d: PartialDate) -> list[Any]:
    found: list[Any] = []
    for kind in (Round, Membership, Position, Ceasefire, Relation, Designation):
        found.extend(t.in_force(kind, d))
    return found


def _whole_snapshot(t: Timeline, d: PartialDate) -> Any:
    """A snapshot with every part read (parts are found when first read)."""
    snap = t.at(d)
    return (
        snap.rounds_in_progress,
        snap.members,
        snap.positions,
        snap.excluded,
        snap.designations,
        snap.relations,
    )


def _snapshot_ids(t: Timeline, d: PartialDate) -> set[str]:
    """Everything in force in a snapshot, before positions are reduced per issue."""
    snap = t.at(d)
    ids = {r.id for r in snap.rounds_in_progress}
    ids |= {m.id for ms in snap.members.values() for m in ms}
    ids |= {c.id for c in snap.ceasefires_in_force}
    ids |= {r.id for r in snap.relations}
    ids |= {g.id for g in snap.designations}
    ids |= {p.id for p in t.positions if p.period.in_force(d)}
    return ids


# -- one size -----------------------------------------------------------------------


def run_size(n: int, repeat: int, queries: int, seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed)
    records = corpus(n, seed)
    n = len(records)
    t = _force_indexes(Timeline(records))
    from peacetrack import io

    text = io.dumps(t, indent=None)
    results: dict[str, dict[str, float]] = {row: {} for row in ROWS}
    checks: dict[str, bool] = {}

    gc.collect()
    results["build"]["peacetrack"] = _median_time(lambda: Timeline(records), repeat)
    results["build+index"]["peacetrack"] = _median_time(
        lambda: _force_indexes(Timeline(records)), repeat
    )
    results["loads"]["peacetrack"] = _median_time(lambda: io.loads(text), repeat)
    results["loads"]["json.loads"] = _median_time(lambda: json.loads(text), repeat)
    try:
        import orjson

        results["loads"]["orjson.loads"] = _median_time(lambda: orjson.loads(text), repeat)
    except ImportError:  # pragma: no cover - bench extra missing
        pass
    results["dumps"]["peacetrack"] = _median_time(lambda: io.dumps(t, indent=None), repeat)
    results["dumps"]["json.dumps"] = _median_time(lambda: json.dumps(json.loads(text)), repeat)

    rows = _rows(t)
    import intervaltree  # noqa: F401  (imports are not part of the peers' build time)
    import pandas  # noqa: F401

    start = time.perf_counter()
    pandas_peer = PandasPeer(rows)
    results["build"]["pandas"] = time.perf_counter() - start
    start = time.perf_counter()
    sqlite_peer = SqlitePeer(rows)
    results["build"]["sqlite"] = time.perf_counter() - start
    start = time.perf_counter()
    tree_peer = IntervalTreePeer(rows)
    results["build"]["intervaltree"] = time.perf_counter() - start

    # Query arguments: random days, and a narrow window sized for ~100 events.
    n_events = len(rows["events"])
    width = max(0, round(100 * (LAST_DAY - FIRST_DAY) / max(n_events, 1)) - 1)
    days = [rng.randint(FIRST_DAY + 400, LAST_DAY - 400) for _ in range(queries)]
    narrow = [(d, d + width) for d in days]
    wide = [(d, d + 364) for d in days]
    dates = [PartialDate.from_date(datetime.date.fromordinal(d)) for d in days]
    parties = [p.id for p in t.parties]
    targets = [rng.choice(parties) for _ in range(queries)]

    def as_dates(window: tuple[int, int]) -> tuple[PartialDate, PartialDate]:
        a, b = window
        return (
            PartialDate.from_date(datetime.date.fromordinal(a)),
            PartialDate.from_date(datetime.date.fromordinal(b)),
        )

    for row, windows in (("between narrow", narrow), ("between wide", wide)):
        args = [as_dates(w) for w in windows]
        results[row]["peacetrack"] = _median_over(lambda a: t.between(*a), args)
        results[row]["pandas"] = _median_over(lambda w: pandas_peer.between(*w), windows)
        results[row]["sqlite"] = _median_over(lambda w: sqlite_peer.between(*w), windows)
        ours = sorted((e.record_id, e.kind.value) for e in t.between(*args[0]))
        checks[f"{row} = pandas"] = ours == sorted(pandas_peer.between(*windows[0]))
        checks[f"{row} = sqlite"] = ours == sorted(sqlite_peer.between(*windows[0]))
        results[row]["results"] = len(ours)

    results["at"]["peacetrack"] = _median_over(lambda d: _whole_snapshot(t, d), dates)
    results["at"]["pandas"] = _median_over(lambda d: pandas_peer.at(d, d), days)
    results["at"]["sqlite"] = _median_over(lambda d: sqlite_peer.at(d, d), days)
    results["at"]["intervaltree"] = _median_over(lambda d: tree_peer.at(d, d), days)
    # The peers' question exactly: which records are in force, without building a
    # Snapshot (its per-delegation and per-issue dicts).
    row = results["at: in force only"]
    row["peacetrack"] = _median_over(lambda d: _in_force_records(t, d), dates)
    row["pandas"], row["sqlite"] = results["at"]["pandas"], results["at"]["sqlite"]
    row["intervaltree"] = results["at"]["intervaltree"]
    checks["at: in force only = sqlite"] = {
        r.id for r in _in_force_records(t, dates[0])
    } == sqlite_peer.at(days[0], days[0])
    ours_at = _snapshot_ids(t, dates[0])
    checks["at = pandas"] = ours_at == pandas_peer.at(days[0], days[0])
    checks["at = sqlite"] = ours_at == sqlite_peer.at(days[0], days[0])
    periodic = {i for i in ours_at if t[i].record_type in PERIODIC}
    checks["at = intervaltree"] = periodic == tree_peer.at(days[0], days[0]) - {
        i for i in tree_peer.at(days[0], days[0]) if t[i].record_type not in PERIODIC
    }
    results["at"]["results"] = len(ours_at)

    results["involving"]["peacetrack"] = _median_over(t.involving, targets)
    results["involving"]["pandas"] = _median_over(pandas_peer.involving, targets)
    results["involving"]["sqlite"] = _median_over(sqlite_peer.involving, targets)
    ours_inv = sorted((e.record_id, e.kind.value) for e in t.involving(targets[0]))
    checks["involving = pandas"] = ours_inv == sorted(pandas_peer.involving(targets[0]))
    checks["involving = sqlite"] = ours_inv == sorted(sqlite_peer.involving(targets[0]))
    results["involving"]["results"] = len(ours_inv)

    try:
        from peacetrack import graph
    except ImportError:
        results["graph.parties(at=)"]["note"] = "peacetrack.graph not available"  # type: ignore[assignment]
    else:
        few = dates[: max(1, min(queries, 5))]
        results["graph.parties(at=)"]["peacetrack"] = _median_over(
            lambda d: graph.parties(t, at=d), few
        )

    memory = _memory(records, text)
    return {
        "n": n,
        "events": n_events,
        "narrow_window_days": width + 1,
        "rows": results,
        "checks": checks,
        "memory": memory,
    }


def _memory(records: list[Any], text: str) -> dict[str, float]:
    """Peak and retained memory (tracemalloc), in a pass of its own."""
    from peacetrack import io

    n = len(records)
    gc.collect()
    tracemalloc.start()
    t = Timeline(records)
    _, build_peak = tracemalloc.get_traced_memory()
    built = tracemalloc.get_traced_memory()[0]
    _force_indexes(t)
    indexed, index_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del t
    gc.collect()
    tracemalloc.start()
    loaded = io.loads(text)
    retained, loads_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Incidents alone (and the parties and sources they cite), loaded from JSON.
    incidents = [r for r in loaded.records if r.record_type == "incident"]
    cited = {i for r in incidents for _, i in r.references()}
    subset = Timeline([*(r for r in loaded.records if r.id in cited), *incidents])
    del loaded
    subset_text = io.dumps(subset, indent=None)
    del subset
    gc.collect()
    tracemalloc.start()
    only = _force_indexes(io.loads(subset_text))
    incident_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    n_incidents = sum(1 for r in only.records if r.record_type == "incident")
    del only
    return {
        "build_peak_bytes": build_peak,
        "build+index_peak_bytes": index_peak,
        "timeline_bytes_per_record": built / n,
        "indexes_bytes_per_record": (indexed - built) / n,
        "loads_peak_bytes": loads_peak,
        "loaded_bytes_per_record": retained / n,
        "incident_bytes_per_record": incident_bytes / max(n_incidents, 1),
        "file_bytes_per_record": len(text.encode()) / n,
    }


# -- output -------------------------------------------------------------------------


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def _ratio(ours: float | None, peer: float | None) -> str:
    if not ours or not peer:
        return "-"
    return f"{peer / ours:.1f}×" if peer >= ours else f"1/{ours / peer:.1f}×"


def table(result: dict[str, Any]) -> str:
    """A text table for one size: times, and how many times faster peacetrack is."""
    lines = [
        f"n = {result['n']:,} records, {result['events']:,} events "
        f"(narrow window {result['narrow_window_days']} days)",
        f"{'query':20} {'peacetrack':>11} {'pandas':>10} {'sqlite':>10} {'itree':>10} "
        f"{'floor':>10}  {'vs pandas':>9} {'vs sqlite':>9} {'vs itree':>9} {'vs floor':>9}",
    ]
    for row, times in result["rows"].items():
        ours = times.get("peacetrack")
        floor = times.get("json.loads") if row == "loads" else times.get("json.dumps")
        lines.append(
            f"{row:20} {_fmt(ours):>11} {_fmt(times.get('pandas')):>10} "
            f"{_fmt(times.get('sqlite')):>10} {_fmt(times.get('intervaltree')):>10} "
            f"{_fmt(floor):>10}  {_ratio(ours, times.get('pandas')):>9} "
            f"{_ratio(ours, times.get('sqlite')):>9} "
            f"{_ratio(ours, times.get('intervaltree')):>9} {_ratio(ours, floor):>9}"
            + (f"  ({times['note']})" if "note" in times else "")
        )
    m = result["memory"]
    n = result["n"]
    lines.append(
        f"build {result['rows']['build']['peacetrack'] / n * 1e6:.2f} µs/record, "
        f"build+index {result['rows']['build+index']['peacetrack'] / n * 1e6:.2f} µs/record; "
        f"peak {m['build+index_peak_bytes'] / 2**20:.1f} MiB building; "
        f"timeline {m['timeline_bytes_per_record']:.0f} B + indexes "
        f"{m['indexes_bytes_per_record']:.0f} B per record; loaded from JSON "
        f"{m['loaded_bytes_per_record']:.0f} B/record; incident "
        f"{m['incident_bytes_per_record']:.0f} B/record (with indexes)"
    )
    bad = [k for k, ok in result["checks"].items() if not ok]
    lines.append("answers: all equal" if not bad else f"ANSWERS DIFFER: {', '.join(bad)}")
    return "\n".join(lines)


def markdown(results: dict[str, Any]) -> str:
    """Markdown tables for the docs: every row at the largest size with its peers and
    ratios, then peacetrack's own times across sizes."""
    sizes = sorted(results["sizes"].values(), key=lambda r: r["n"])
    big = sizes[-1]
    peers = ("pandas", "sqlite", "intervaltree")
    out = [
        f"**{big['n']:,} records** ({big['events']:,} events); times are medians; "
        "a ratio is how many times faster peacetrack is (below 1: slower).",
        "",
        "| query | results | peacetrack | pandas | sqlite3 | intervaltree | floor "
        "| vs pandas | vs sqlite3 | vs intervaltree | vs floor |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row, times in big["rows"].items():
        ours = times.get("peacetrack")
        floor = times.get("json.loads") if row == "loads" else times.get("json.dumps")

        def ratio(peer: float | None, ours: float | None = ours) -> str:
            return f"{peer / ours:.1f}" if ours and peer else ""

        cells = [
            f"`{row}`",
            str(times.get("results", "")),
            _fmt(ours),
            *(_fmt(times[p]) if p in times else "" for p in peers),
            _fmt(floor) if floor else "",
            *(ratio(times.get(p)) for p in peers),
            ratio(floor),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out += [
        "",
        "peacetrack across sizes:",
        "",
        "| query | " + " | ".join(f"{r['n']:,}" for r in sizes) + " |",
        "|---|" + "--:|" * len(sizes),
    ]
    for row in big["rows"]:
        cells = [_fmt(r["rows"][row].get("peacetrack")) for r in sizes]
        out.append(f"| `{row}` | " + " | ".join(cells) + " |")
    out += [
        "",
        "Memory (tracemalloc), per record:",
        "",
        "| | " + " | ".join(f"{r['n']:,}" for r in sizes) + " |",
        "|---|" + "--:|" * len(sizes),
    ]
    labels = {
        "timeline_bytes_per_record": "Timeline itself (ids, groups), records aside",
        "indexes_bytes_per_record": "all indexes",
        "loaded_bytes_per_record": "everything `loads` returns, average record",
        "incident_bytes_per_record": "an incident loaded from JSON, with indexes",
        "file_bytes_per_record": "JSON file size",
    }
    for key, label in labels.items():
        cells = [f"{r['memory'][key]:.0f} B" for r in sizes]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = [f"{r['memory']['build+index_peak_bytes'] / 2**20:.1f} MiB" for r in sizes]
    out.append("| peak while building and indexing | " + " | ".join(cells) + " |")
    return "\n".join(out)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "platform": platform.platform(),
    }


def run(sizes: list[int], repeat: int = 3, queries: int = 15) -> dict[str, Any]:
    """Run every size; returns the JSON-ready results."""
    return {
        "machine": machine(),
        "repeat": repeat,
        "queries": queries,
        "sizes": {str(n): run_size(n, repeat, queries) for n in sizes},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1e3,1e4,1e5", help="comma-separated, e.g. 1e3,1e4")
    parser.add_argument("--repeat", type=int, default=3, help="runs per build/loads/dumps timing")
    parser.add_argument("--queries", type=int, default=15, help="query arguments per query row")
    parser.add_argument("--out", default="benchmarks/results.json", help="JSON results file")
    parser.add_argument(
        "--report", metavar="RESULTS", help="print Markdown tables for RESULTS and exit"
    )
    args = parser.parse_args(argv)
    if args.report:
        print(markdown(json.loads(Path(args.report).read_text())))
        return 0
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    results: dict[str, Any] = {"machine": machine(), "repeat": args.repeat, "sizes": {}}
    print(json.dumps(results["machine"]))
    for n in sizes:
        result = run_size(n, args.repeat, args.queries)
        results["sizes"][str(n)] = result
        print(table(result), flush=True)
        print(flush=True)
        Path(args.out).write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(all(r["checks"].values()) for r in results["sizes"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
