"""Feed each adversarial input shape of issue 12 to peacetrack at a given size and
print the time and the peak memory.

Usage::

    python benchmarks/adversarial.py --sizes 1e5,1e6 [--shapes a,b] [--timeout S] [--out FILE]

Each (shape, size) runs in a fresh interpreter, under a time limit (``--timeout``,
default 120 s) and a 3 GiB address-space limit, so a quadratic path or a memory
blow-up shows as ``timeout`` or ``MemoryError`` instead of stalling the machine.
The child builds the input (not timed), runs the operation once timed (wall clock
and CPU time: on a shared machine the CPU time is the steadier), and once more under
:mod:`tracemalloc` for the peak memory (traced runs are slower, so they
are not the timed ones). The *size* is characters for the text shapes and records
(or claims, or sources) for the record shapes.

The shapes (what is measured):

- ``nesting-open-string``: ``"[" * 65 + '"' + '\\"' * n`` -- ``io.loads`` refuses it.
- ``nesting-many-strings``: ``'["' * n`` -- ``io.loads`` refuses it.
- ``nesting-brackets``: ``"[" * n`` -- ``io.loads`` refuses it.
- ``ids-used-twice``: n person records, each id used twice -- ``io.loads``.
- ``sources-one-repeat``: n sources, one party citing all of them and one twice.
- ``rounds-numbered-1``: one process, n rounds all numbered 1.
- ``agreeing-claims``: n claims on one question that all agree -- ``loads`` and
  ``Timeline.contested()``.
- ``contested-only``: the same n claims, ``contested()`` alone on a built timeline.
- ``big-valid-file``: a valid file of n incidents -- ``io.loads`` (the baseline).

Some of these (ids, sources, rounds) are fixed by the lead on main; this script
measures whatever the checked-out branch does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _doc(records: list[dict[str, Any]]) -> str:
    return json.dumps({"peacetrack": "1", "records": records}, separators=(",", ":"))


def _loads(text: str) -> Callable[[], str]:
    def run() -> str:
        from peacetrack import PeacetrackError, ValidationError, io

        try:
            t = io.loads(text)
        except ValidationError as exc:
            return f"ValidationError ({len(exc.problems)} problems, message {len(str(exc))} chars)"
        except PeacetrackError as exc:
            return f"{type(exc).__name__}: {str(exc)[:60]}"
        return f"loaded {len(t)} records"

    return run


def _claims(n: int) -> list[dict[str, Any]]:
    head: list[dict[str, Any]] = [
        {"type": "party", "id": "p", "name": "P", "kind": "other"},
        {"type": "incident", "id": "i", "kind": "strike", "date": "2016", "place": "x"},
    ]
    return head + [
        {
            "type": "claim",
            "id": f"c{k}",
            "about": "i",
            "claimant": "p",
            "predicate": "killed",
            "value": k % 1000,
            "qualifier": "at least",
        }
        for k in range(n)
    ]


def _shape(name: str, n: int) -> Callable[[], str]:
    """Build the input of ``name`` at size ``n``; return the operation to measure."""
    if name == "nesting-open-string":
        return _loads("[" * 65 + '"' + '\\"' * (n // 2))
    if name == "nesting-many-strings":
        return _loads('["' * (n // 2))
    if name == "nesting-brackets":
        return _loads("[" * n)
    if name == "ids-used-twice":
        people = [{"type": "person", "id": f"p{k // 2}", "name": "X"} for k in range(n)]
        return _loads(_doc(people))
    if name == "sources-one-repeat":
        sources = [
            {"type": "source", "id": f"s{k}", "title": "T", "publisher": "P"} for k in range(n)
        ]
        cited = [s["id"] for s in sources] + ["s0"]
        party = {"type": "party", "id": "p", "name": "P", "kind": "other", "sources": cited}
        return _loads(_doc([*sources, party]))
    if name == "rounds-numbered-1":
        rounds = [
            {
                "type": "round",
                "id": f"r{k}",
                "process": "g",
                "number": 1,
                "period": "2016-01/2016-02",
                "venue": "Geneva",
                "format": "direct",
                "outcome": "concluded",
            }
            for k in range(n)
        ]
        return _loads(_doc([{"type": "process", "id": "g", "name": "G"}, *rounds]))
    if name == "agreeing-claims":
        text = _doc(_claims(n))

        def loads_and_contested() -> str:
            from peacetrack import io

            return f"{len(io.loads(text).contested())} contested groups"

        return loads_and_contested
    if name == "contested-only":
        from peacetrack import io

        t = io.loads(_doc(_claims(n)))
        return lambda: f"{len(t.contested())} contested groups"
    if name == "big-valid-file":
        incidents = [
            {"type": "incident", "id": f"i{k}", "kind": "strike", "date": "2016-05", "place": "x"}
            for k in range(n)
        ]
        return _loads(_doc(incidents))
    raise SystemExit(f"unknown shape {name!r}")


SHAPES = (
    "nesting-open-string",
    "nesting-many-strings",
    "nesting-brackets",
    "ids-used-twice",
    "sources-one-repeat",
    "rounds-numbered-1",
    "agreeing-claims",
    "contested-only",
    "big-valid-file",
)


def _child(name: str, n: int) -> dict[str, Any]:
    """Measure one shape at one size, in this process."""
    import peacetrack.io  # imported before the clock starts
    import peacetrack.timeline  # noqa: F401

    _shape(name, 10)()  # and every lazy import on the path warmed up
    operation = _shape(name, n)
    start, cpu = time.perf_counter(), time.process_time()
    outcome = operation()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    timed = {"seconds": seconds, "cpu_seconds": cpu, "peak_bytes": None, "outcome": outcome}
    print(json.dumps(timed), flush=True)  # kept if the traced run below runs out of time
    tracemalloc.start()
    operation = _shape(name, n)  # build again, so its memory is not what is measured
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    operation()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_bytes": peak, "outcome": outcome}


def measure(name: str, n: int, timeout: float, memory_gib: float = 3.0) -> dict[str, Any]:
    """Measure one shape at one size in a fresh interpreter, with limits."""
    command = [
        sys.executable,
        __file__,
        "--child",
        name,
        "--size",
        str(n),
        "--memory-gib",
        str(memory_gib),
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        if out.strip():  # timed, but the slower traced run did not finish
            partial: dict[str, Any] = json.loads(out.strip().splitlines()[0])
            partial["outcome"] += f"; peak not measured (traced run > {timeout:.0f} s)"
            return partial
        outcome = f"timeout (> {timeout:.0f} s)"
        return {"seconds": None, "cpu_seconds": None, "peak_bytes": None, "outcome": outcome}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        elapsed = time.perf_counter() - start
        outcome = f"{last[:80]} after {elapsed:.0f} s"
        return {"seconds": None, "cpu_seconds": None, "peak_bytes": None, "outcome": outcome}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _size(text: str) -> int:
    return int(float(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1e5,1e6", help="comma-separated, e.g. 1e3,1e5")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per shape and size")
    parser.add_argument("--memory-gib", type=float, default=3.0)
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=_size, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        limit = int(args.memory_gib * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
        print(json.dumps(_child(args.child, args.size)))
        return 0
    sizes = [_size(s) for s in args.sizes.split(",")]
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = set(shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shapes: {sorted(unknown)}; known: {', '.join(SHAPES)}")
    results: dict[str, dict[str, Any]] = {}
    print(f"{'shape':22} {'size':>9} {'seconds':>9} {'cpu s':>9} {'peak MiB':>9}  outcome")
    for name in shapes:
        for n in sizes:
            r = measure(name, n, args.timeout, args.memory_gib)
            results.setdefault(name, {})[str(n)] = r
            secs = "-" if r["seconds"] is None else f"{r['seconds']:.3f}"
            cpu = "-" if r.get("cpu_seconds") is None else f"{r['cpu_seconds']:.3f}"
            mib = "-" if r["peak_bytes"] is None else f"{r['peak_bytes'] / 2**20:.1f}"
            print(f"{name:22} {n:>9} {secs:>9} {cpu:>9} {mib:>9}  {r['outcome']}", flush=True)
    if args.out:
        args.out.write_text(json.dumps({"sizes": sizes, "results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
