"""Mutation fuzzing of peacetrack's file reader, exports and command line.

Usage::

    nice -n 10 python scripts/fuzz.py --seconds 600 [--seed N] [--findings DIR]

Each round takes a seed document (the bundled Geneva case, small hand-made files,
the adversarial shapes of issue 12), mutates it -- bytes flipped, spliced, cut or
repeated, hostile characters inserted, or, on the parsed JSON, a field set to a
hostile value (huge or unsafe numbers, ``true`` for ``1``, control characters, lone
surrogates, dates at the ends of the range, malformed URLs, repeated ids) -- and
feeds it to:

- ``io.loads``: the outcome must be a Timeline or a PeacetrackError. A Timeline must
  survive ``loads(dumps(t)) == t`` (no loss) and every export (Mermaid both styles,
  TimelineJS, Popolo, ``contested``, ``events``, the party graph) without raising.
- ``peacetrack.cli.main`` with an argument list drawn from the grammar of every
  subcommand (the file, ``--at`` dates good and bad, ``--format``, ``-o`` pointing
  at a new file, the input itself, a FIFO, a device, a directory): the exit status
  must be 0, or 1 with one paragraph on stderr starting ``peacetrack:`` (``validate``
  may instead print INVALID on stdout), or 2 for an argparse usage error.

Anything else is a finding: an exception that is not a PeacetrackError, a
traceback, a lost round trip, or an input that takes longer than
``--input-seconds`` (a hang). Findings are printed and, with ``--findings DIR``,
saved as reproducers. The process runs under a 3 GiB address-space limit so that a
memory blow-up is a finding too, not a swapping machine.

:func:`run` is the entry point the test suite uses for its short version.
"""

# ruff: noqa: E501

from __future__ import annotations

import argparse
import contextlib
import io as _io
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import attrs

from peacetrack import PeacetrackError, Timeline, io
from peacetrack.cli import main as cli_main
from peacetrack.datasets import geneva_2016

# -- seeds ------------------------------------------------------------------------------

# One record a line reads as a document; long lines are the price (E501 off below).
_SMALL = {
    "peacetrack": "1",
    "records": [
        {"type": "source", "id": "afp", "title": "Talks", "publisher": "AFP", "url": "https://afp.com"},
        {"type": "party", "id": "hnc", "name": "HNC", "kind": "opposition", "sources": ["afp"]},
        {"type": "party", "id": "nusra", "name": "Nusra", "kind": "armed_group"},
        {"type": "person", "id": "a", "name": "Alloush"},
        {"type": "process", "id": "g", "name": "Geneva", "mediator": "hnc"},
        {"type": "delegation", "id": "d", "party": "hnc", "process": "g"},
        {"type": "round", "id": "r1", "process": "g", "number": 1, "period": "2016-01/2016-02",
         "venue": "Geneva", "format": "proximity", "outcome": "suspended", "delegations": ["d"]},
        {"type": "membership", "id": "m", "person": "a", "delegation": "d", "role": "head",
         "period": "2016-01/2016-05-29"},
        {"type": "resignation", "id": "res", "person": "a", "membership": "m", "date": "2016-05-29"},
        {"type": "ceasefire", "id": "coh", "name": "CoH", "period": "2016-02-27/..",
         "parties": ["hnc"], "exclusions": [{"party": "nusra", "reason": "designated"}]},
        {"type": "incident", "id": "i", "kind": "air strike", "date": "2016-05-31", "place": "Idlib"},
        {"type": "claim", "id": "c1", "about": "i", "claimant": "hnc", "predicate": "killed", "value": 23},
        {"type": "claim", "id": "c2", "about": "i", "claimant": "a", "predicate": "killed", "value": 60,
         "qualifier": "more than"},
    ],
}  # fmt: skip


def seeds() -> list[bytes]:
    """The documents every mutation starts from."""
    return [
        io.dumps(geneva_2016()).encode("utf-8"),
        json.dumps(_SMALL).encode("utf-8"),
        json.dumps(_SMALL, indent=None, separators=(",", ":")).encode("utf-8"),
        b'{"peacetrack": "1", "records": []}',
        ("[" * 65 + '"' + '\\"' * 2000).encode(),
        ('["' * 2000).encode(),
    ]


# -- mutations --------------------------------------------------------------------------

_TOKENS = [
    b"[", b"]", b"{", b"}", b'"', b"\\", b"\\u0000", b"\\ud800", b"\\udfff", b"\x00", b"\xff",
    b"\xed\xa0\x80", b"NaN", b"-Infinity", b"1e400", b"9007199254740993", b"-0", b"true", b"null",
    b",", b":", b"\r\n", b"\t", b"\xef\xbb\xbf", b'"peacetrack"', b'"records"', b"..", b"/",
]  # fmt: skip

_HOSTILE_VALUES: list[Any] = [
    True, False, 1, 1.0, 0, -1, 2**53 - 1, 2**53 + 1, 10**30, 1e308, -1e-308, 0.1, None,
    "", " ", "\x00", "\ud800", "a\u202eb", "x" * 5000, "$x$", "<img src=x onerror=1>",
    "#58;", "\r\n", "9999-12-31", "0001-01-01", "0001", "9999", "2016-02-30", "2016-04~",
    "2016-04?/..", "../2016", "2016-04-13/2016-04-12", "http://[::1", "javascript:alert(1)",
    "https://exa mple.org", "r1", "hnc", "c1", "i", [], {}, ["hnc", "hnc"], [{"party": "i"}],
]  # fmt: skip


def _mutate_bytes(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        where = rng.randint(0, len(buf))
        choice = rng.randrange(6)
        if choice == 0 and buf:
            buf[min(where, len(buf) - 1)] = rng.randrange(256)
        elif choice == 1:
            buf[where:where] = rng.choice(_TOKENS) * rng.choice([1, 1, 2, 70])
        elif choice == 2 and buf:
            end = min(len(buf), where + rng.randint(1, 64))
            del buf[where:end]
        elif choice == 3 and buf:
            end = min(len(buf), where + rng.randint(1, 64))
            buf[where:where] = buf[where:end] * rng.randint(2, 8)
        elif choice == 4:
            other = rng.choice(pool)
            start = rng.randint(0, len(other))
            buf[where:where] = other[start : start + rng.randint(1, 200)]
        else:
            del buf[where:]
    return bytes(buf)


def _mutate_json(data: bytes, rng: random.Random) -> bytes | None:
    try:
        document = json.loads(data)
    except ValueError:
        return None
    records = document.get("records") if isinstance(document, dict) else None
    if not isinstance(records, list) or not records:
        return None
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        record = rng.choice(records)
        if not isinstance(record, dict) or not record:
            continue
        key = rng.choice([*record, "extra", "sources", "value", "qualifier", "date", "url"])
        choice = rng.randrange(5)
        if choice == 0:
            record[key] = rng.choice(_HOSTILE_VALUES)
        elif choice == 1:
            record.pop(key, None)
        elif choice == 2:
            records.append(dict(record))  # a repeated id
        elif choice == 3 and isinstance(record.get("id"), str):
            other = rng.choice(records)
            if isinstance(other, dict):
                record[key] = other.get("id")  # a reference to some record
        else:
            records.insert(rng.randint(0, len(records)), rng.choice(_HOSTILE_VALUES))
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5)
    return text.encode("utf-8", "surrogatepass")


_TEXT_FIELDS = (
    "name",
    "title",
    "publisher",
    "venue",
    "place",
    "description",
    "role",
    "reason",
    "quote",
    "label",
    "kind",
    "predicate",
)
_HOSTILE_TEXT = [
    "$x^2$", "<script>alert(1)</script>", "a\u202eb", "\ud800", "\udfff x", "line\nbreak\r", "#58;", "\t", "excludes",
    ": ; # % < > & \" ' ` { } [ ] ( ) | = \\", "\x00 nul", "\x1b[31m", "x" * 3000, "\u200b", "\ufb02\u00b6",
    "http://[::1", "-->", "]]>", "é" * 50, "\U0001f600", "section 2016", "dateFormat", "click x call y()",
]  # fmt: skip
_EDGE_DATES = [
    "0001",
    "0001-01-01",
    "9999",
    "9999-12-31",
    "9999-12",
    "2016-02-29",
    "1900-02-28",
    "2016-04~",
    "2016?",
    "2016%",
]
_EDGE_PERIODS = [
    "0001/9999",
    "0001-01-01/9999-12-31",
    "2016-01/..",
    "9999-12-31/..",
    "9999-12-31/9999-12-31",
    "0001/0001",
]
_CLAIM_VALUES: list[Any] = [
    True,
    False,
    1,
    1.0,
    0,
    -0.0,
    2**53 - 1,
    -(2**53) + 1,
    1e300,
    5e-324,
    "",
    "denied",
    "\ud800",
    23,
    24,
]


def _mutate_values(data: bytes, rng: random.Random) -> bytes | None:
    """Type-preserving changes (texts, dates, URLs, claim values) that keep a valid
    file valid as often as not, so the exports see hostile data."""
    try:
        document = json.loads(data)
    except ValueError:
        return None
    records = document.get("records") if isinstance(document, dict) else None
    if not isinstance(records, list) or not records:
        return None
    for _ in range(rng.randint(1, 6)):
        record = rng.choice(records)
        if not isinstance(record, dict):
            continue
        texts = [k for k in _TEXT_FIELDS if isinstance(record.get(k), str)]
        choice = rng.randrange(5)
        if choice == 0 and texts:
            record[rng.choice(texts)] = rng.choice(_HOSTILE_TEXT)
        elif choice == 1 and "date" in record:
            record["date"] = rng.choice(_EDGE_DATES)
        elif choice == 2 and "period" in record:
            record["period"] = rng.choice(_EDGE_PERIODS)
        elif choice == 3 and record.get("type") == "source":
            record["url"] = rng.choice([*_HOSTILE_TEXT, 'https://example.org/a?b=1&c="2"'])
        elif choice == 4 and record.get("type") == "claim":
            record["value"] = rng.choice(_CLAIM_VALUES)
            record.pop("qualifier", None)
    return json.dumps(document, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    """One mutant of ``data``: a third each type-preserving value changes, structural
    JSON changes and byte-level changes (the first two only if ``data`` parses)."""
    mode = rng.randrange(3)
    changed = None
    if mode == 0:
        changed = _mutate_values(data, rng)
    elif mode == 1:
        changed = _mutate_json(data, rng)
    return changed if changed is not None else _mutate_bytes(data, rng, pool)


# -- the oracles ------------------------------------------------------------------------


@attrs.frozen
class Finding:
    """An outcome the rules do not allow, with what reproduces it."""

    kind: str
    target: str
    detail: str
    data: bytes
    argv: tuple[str, ...] = ()


class _Hang(BaseException):
    """Raised by the alarm when one input runs too long (a BaseException, so no
    ``except Exception`` in the code under test can swallow it)."""


@contextlib.contextmanager
def _limit(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: object) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _exports(t: Timeline) -> None:
    """Every reader of a loaded timeline; each must run without raising."""
    from peacetrack import graph, interop

    interop.to_mermaid(t, style="timeline")
    interop.to_mermaid(t, style="gantt")
    json.dumps(interop.to_timelinejs(t), ensure_ascii=False)
    json.dumps(interop.to_popolo(t), ensure_ascii=False)
    t.contested()
    list(t.events())
    graph.parties(t)


def check_loads(data: bytes) -> tuple[str, Finding | None]:
    """Feed ``data`` to ``io.loads``; the outcome name and a finding if not allowed."""
    try:
        t = io.loads(data)
    except PeacetrackError as exc:
        if not str(exc):
            return "error", Finding("empty-message", "loads", repr(exc), data)
        return "error", None
    try:
        again = io.loads(io.dumps(t))
    except PeacetrackError as exc:
        return "loaded", Finding("round-trip-refused", "loads", str(exc)[:2000], data)
    if again != t:
        return "loaded", Finding("round-trip-lost", "loads", "loads(dumps(t)) != t", data)
    with contextlib.suppress(PeacetrackError):  # a clear refusal is allowed
        _exports(t)
    return "loaded", None


_COMMANDS = ["timeline", "snapshot", "validate", "graph", "export", None]
_DATES = ["2016-05-01", "2016-05", "2016", "9999-12-31", "0001", "2016-13", "May", "", "\x00"]


def _argv(rng: random.Random, path: str, outputs: dict[str, str]) -> list[str]:
    command = rng.choice(_COMMANDS)
    argv = [] if command is None else [command]
    if rng.random() < 0.9:
        argv.append(path)
    if command in ("snapshot", "graph") and rng.random() < 0.8:
        argv += ["--at", rng.choice(_DATES)]
    if command in ("snapshot", "graph") and rng.random() < 0.3:
        argv.append("--possibly")
    if command == "graph":
        argv += ["--format", rng.choice(["graphml", "gexf", "json", "dot"])]
    if command == "export":
        argv += [
            "--format",
            rng.choice(["json", "popolo", "timelinejs", "mermaid-gantt", "mermaid"]),
        ]
    if command in ("graph", "export") and rng.random() < 0.5:
        argv += ["-o", rng.choice([*outputs.values(), path])]
    if command not in ("export",) and rng.random() < 0.3:
        argv.append("--json")
    if rng.random() < 0.05:
        argv.insert(rng.randint(0, len(argv)), rng.choice(["--bogus", "-o", "--at", "-"]))
    return argv


def _says_invalid(out: str) -> bool:
    """``validate``'s answer for an invalid file: INVALID and the problems, as text or JSON."""
    if out.startswith("INVALID:"):
        return True
    try:
        answer = json.loads(out)
    except ValueError:
        return False
    return isinstance(answer, dict) and answer.get("valid") is False and bool(answer["problems"])


def check_cli(argv: list[str], data: bytes) -> tuple[str, Finding | None]:
    """Run ``main(argv)``; the outcome name and a finding if not allowed."""
    out, err = _io.StringIO(), _io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli_main(argv)
    except SystemExit as exc:
        if exc.code == 2 and err.getvalue().startswith("usage:"):
            return "usage", None
        return "exit", Finding(
            "system-exit", "cli", f"{exc.code!r}: {err.getvalue()}", data, tuple(argv)
        )
    message = err.getvalue()
    if "Traceback" in message:
        return "traceback", Finding("traceback", "cli", message, data, tuple(argv))
    if status == 0:
        return "ok", None
    if status == 1 and message.startswith("peacetrack: ") and "\n\n" not in message.strip():
        return "error", None
    if status == 1 and not message and _says_invalid(out.getvalue()):
        return "invalid", None
    return "bad-exit", Finding(
        "bad-exit", "cli", f"status {status}: {message!r}", data, tuple(argv)
    )


# -- the loop ---------------------------------------------------------------------------


@attrs.define
class Report:
    """What a run tried and found."""

    inputs: int = 0
    cli_runs: int = 0
    outcomes: dict[str, int] = attrs.field(factory=dict)
    findings: list[Finding] = attrs.field(factory=list)
    seconds: float = 0.0

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1


def _guarded(
    report: Report,
    target: str,
    data: bytes,
    argv: list[str],
    call: Callable[[], tuple[str, Finding | None]],
    limit: float,
) -> None:
    started = time.perf_counter()
    try:
        with _limit(limit):
            outcome, finding = call()
    except _Hang:
        outcome = "hang"
        finding = Finding("hang", target, f"more than {limit} s", data, tuple(argv))
    except RecursionError:
        outcome = "crash"
        finding = Finding(
            "RecursionError", target, traceback.format_exc()[-3000:], data, tuple(argv)
        )
    except MemoryError:
        outcome = "crash"
        finding = Finding("MemoryError", target, "", data, tuple(argv))
    except Exception:
        outcome = "crash"
        finding = Finding("traceback", target, traceback.format_exc()[-3000:], data, tuple(argv))
    report.count(f"{target}:{outcome}")
    if finding is not None:
        report.findings.append(finding)
    elif time.perf_counter() - started > limit:  # pragma: no cover - the alarm fires first
        report.findings.append(Finding("slow", target, "", data, tuple(argv)))


def _special_outputs(folder: Path) -> dict[str, str]:
    fifo = folder / "fifo.out"
    os.mkfifo(fifo)
    device = folder / "device.out"
    device.symlink_to("/dev/null")
    (folder / "dir.out").mkdir()
    return {
        "new": str(folder / "new.out"),
        "fifo": str(fifo),
        "device": str(device),
        "dir": str(folder / "dir.out"),
    }


def run(seconds: float, seed: int = 0, input_seconds: float = 10.0, cli_every: int = 4) -> Report:
    """Fuzz for ``seconds``; every ``cli_every``-th input also goes through the CLI."""
    rng = random.Random(seed)
    pool = seeds()
    report = Report()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="peacetrack-fuzz-") as tmp:
        folder = Path(tmp)
        outputs = _special_outputs(folder)
        path = folder / "input.json"
        while time.perf_counter() - started < seconds:
            base = rng.choice(pool[:3] if rng.random() < 0.3 else pool)  # often a valid file
            data = mutate(base, rng, pool)
            report.inputs += 1
            _guarded(report, "loads", data, [], partial(check_loads, data), input_seconds)
            if report.inputs % cli_every == 0:
                path.write_bytes(data)
                argv = _argv(rng, str(path), outputs)
                report.cli_runs += 1
                _guarded(report, "cli", data, argv, partial(check_cli, argv, data), input_seconds)
                given = (len(argv) > 1 and argv[1] == str(path)) or argv[:1] == [str(path)]
                if given and path.read_bytes() != data:
                    report.findings.append(Finding("input-overwritten", "cli", "", data, (*argv,)))
            if rng.random() < 0.02 and len(data) < 200_000:
                pool.append(data)  # keep some mutants to mutate further
                if len(pool) > 200:
                    del pool[len(seeds()) :: 2]
    report.seconds = time.perf_counter() - started
    return report


def _save(findings: list[Finding], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, f in enumerate(findings):
        (folder / f"{n:04d}-{f.kind}.json").write_bytes(f.data)
        (folder / f"{n:04d}-{f.kind}.txt").write_text(
            f"target: {f.target}\nargv: {list(f.argv)!r}\n\n{f.detail}\n",
            encoding="utf-8",
            errors="backslashreplace",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--input-seconds", type=float, default=10.0, help="time limit per input")
    parser.add_argument("--findings", type=Path, help="save reproducers here")
    parser.add_argument("--memory-gib", type=float, default=3.0, help="address-space limit")
    args = parser.parse_args(argv)
    limit = int(args.memory_gib * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    report = run(args.seconds, args.seed, args.input_seconds)
    print(
        f"{report.inputs} inputs ({report.cli_runs} through the CLI) "
        f"in {report.seconds:.0f} s, seed {args.seed}"
    )
    for outcome, n in sorted(report.outcomes.items()):
        print(f"  {outcome:20} {n}")
    print(f"{len(report.findings)} findings")
    for f in report.findings[:20]:
        print(f"- {f.kind} in {f.target} {list(f.argv)!r}: {f.detail[-500:]}")
    if args.findings and report.findings:
        _save(report.findings, args.findings)
    return 1 if report.findings else 0


if __name__ == "__main__":
    sys.exit(main())
