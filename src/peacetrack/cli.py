"""The ``peacetrack`` command: read a timeline file and show it in a terminal.

With no arguments it prints the bundled Geneva 2016 case as a timeline. Every
subcommand takes an optional FILE (a peacetrack JSON file; default: the bundled case)
and ``--json`` for machine-readable output. Bad input -- a missing file, text that
is not JSON, invalid records, an unreadable date -- is reported in one paragraph on
stderr with exit status 1; a traceback would be a bug in peacetrack.

Adding a subcommand takes two small edits: a ``_cmd_<name>(args) -> int`` function,
and one registration block in :func:`build_parser`.

Examples
--------
>>> main(["validate"])
OK: the bundled Geneva 2016 case is valid (97 records, 29 sources).
0
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from peacetrack import __version__
from peacetrack.dates import PartialDate
from peacetrack.errors import PeacetrackError, ValidationError
from peacetrack.events import Event, EventKind
from peacetrack.records import (
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Incident,
    Issue,
    Membership,
    Party,
    Person,
    Position,
    Process,
    Relation,
    Resignation,
    Round,
)
from peacetrack.timeline import Snapshot, Timeline

__all__ = ["build_parser", "main"]

BUNDLED = "the bundled Geneva 2016 case"
"""How messages name the default input."""

Command = Callable[[argparse.Namespace], int]


# -- loading ------------------------------------------------------------------------------


def _load(file: str | None) -> Timeline:
    """The timeline in ``file``, or the bundled case; raises PeacetrackError."""
    if file is None:
        from peacetrack.datasets import geneva_2016

        return geneva_2016()
    from peacetrack.io import load

    return load(file)


def _where(file: str | None) -> str:
    return BUNDLED if file is None else file


def _fail(message: str) -> int:
    """Print one wrapped paragraph on stderr; return exit status 1."""
    print(textwrap.fill("peacetrack: " + " ".join(message.split()), width=100), file=sys.stderr)
    return 1


def _describe_error(file: str | None, exc: PeacetrackError) -> str:
    if isinstance(exc, ValidationError):
        n = len(exc.problems)
        shown = "; ".join(str(p) for p in exc.problems[:3])
        more = f"; and {n - 3} more" if n > 3 else ""
        hint = f" Run `peacetrack validate {file}` to list every problem." if file else ""
        return (
            f"{_where(file)} is not a valid timeline: {n} problem{'s' * (n != 1)} "
            f"({shown}{more}).{hint}"
        )
    message = str(exc)
    return message if file is None or file in message else f"cannot read {file}: {message}"


# -- names and labels -----------------------------------------------------------------------


def _name(t: Timeline, record_id: str) -> str:
    """A record's display name: people, parties, processes and issues by name."""
    record = t.get(record_id)
    if isinstance(record, Party | Person | Process | Issue):
        return record.name
    if isinstance(record, Delegation):
        return record.name or f"{_name(t, record.party)} delegation"
    if isinstance(record, Incident):
        return f"{record.kind} in {record.place}, {record.date}"
    if isinstance(record, Resignation):
        return f"{_name(t, record.person)}'s resignation"
    if isinstance(record, Claim):
        return f"{_name(t, record.claimant)}: {record.predicate} = {_value(t, record)}"
    if isinstance(record, Round):
        return f"round {record.number}"
    return record_id


def _value(t: Timeline, claim: Claim) -> str:
    """A claim's value as read aloud: yes/no, a bound, a record by name."""
    value = claim.value
    if isinstance(value, bool):
        shown = "yes" if value else "no"
    elif isinstance(value, str) and value in t:
        shown = _name(t, value)
    else:
        shown = str(value)
    return f"{claim.qualifier.value} {shown}" if claim.qualifier is not None else shown


def _quoted(text: str | None) -> str:
    return f'; "{text}"' if text else ""


_RELATION_VERBS = {
    "supports": "supporting",
    "allied_with": "allied with",
    "part_of": "part of",
    "fights": "fighting",
    "opposes": "opposing",
}

_KIND_LABELS = {
    EventKind.ROUND_OPENED: "round opens",
    EventKind.ROUND_CLOSED: "round ends",
    EventKind.MEMBER_JOINED: "in post",
    EventKind.MEMBER_RESIGNED: "RESIGNS",
    EventKind.MEMBER_LEFT: "leaves",
    EventKind.POSITION_STATED: "position",
    EventKind.POSITION_ENDED: "position ends",
    EventKind.RELATION_BEGAN: "relation",
    EventKind.RELATION_ENDED: "relation ends",
    EventKind.CEASEFIRE_BEGAN: "ceasefire",
    EventKind.CEASEFIRE_ENDED: "ceasefire ends",
    EventKind.DESIGNATION: "designation",
    EventKind.INCIDENT: "incident",
    EventKind.CLAIM: "claim",
}
DISPUTED = "disputed"
"""The kind shown for a claim that other claims contradict."""


def _claim_line(t: Timeline, claim: Claim) -> str:
    return (
        f"{_name(t, claim.claimant)} (on {_name(t, claim.about)}): "
        f"{claim.predicate} = {_value(t, claim)}{_quoted(claim.quote)}"
    )


def _summary(t: Timeline, event: Event) -> str:
    """A readable line for one event, naming people and parties rather than ids."""
    record = t[event.record_id]
    kind = event.kind
    if isinstance(record, Round):
        of = f" of {_name(t, record.process)}" if len(t.processes) > 1 else ""
        if kind is EventKind.ROUND_OPENED:
            return (
                f"Round {record.number}{of} opens in {record.venue} ({record.format.value} talks)"
            )
        return f"Round {record.number}{of} ends: {record.outcome.value}"
    if isinstance(record, Membership):
        return f"{_name(t, record.person)}: {record.role} ({_name(t, record.delegation)})"
    if isinstance(record, Resignation):
        to = f", to the {_name(t, record.submitted_to)}" if record.submitted_to else ""
        because = f": {record.reason}" if record.reason else ""
        return f"{_name(t, record.person)} resigns{to}{because}.{_quoted(record.quote)}"
    if isinstance(record, Position):
        ended = " (ended)" if kind is EventKind.POSITION_ENDED else ""
        return f"{_name(t, record.party)}, on {_name(t, record.issue)}: {record.stance}{ended}"
    if isinstance(record, Relation):
        verb = _RELATION_VERBS[record.kind.value]
        ended = " (ended)" if kind is EventKind.RELATION_ENDED else ""
        return f"{_name(t, record.source)}: {verb} {_name(t, record.target)}{ended}"
    if isinstance(record, Ceasefire):
        if kind is EventKind.CEASEFIRE_ENDED:
            return f"{record.name} ends"
        excluded = ", ".join(_name(t, e.party) for e in record.exclusions)
        return f"{record.name} takes effect" + (f"; excludes {excluded}" if excluded else "")
    if isinstance(record, Designation):
        return f"{_name(t, record.by)} designates {_name(t, record.party)}: {record.label}"
    if isinstance(record, Incident):
        text = f"{record.kind.capitalize()} in {record.place}"
        return text + (f": {record.description}" if record.description else "")
    if isinstance(record, Claim):
        return _claim_line(t, record)
    return event.summary  # a record type added later: the library's own summary


def _contested_ids(t: Timeline) -> set[str]:
    return {c.id for claims in t.contested().values() for c in claims}


# -- tables -----------------------------------------------------------------------------------


def _width() -> int:
    """The terminal width, kept between 72 and 100 columns."""
    return max(72, min(shutil.get_terminal_size((100, 24)).columns, 100))


def _table(rows: Sequence[tuple[str, ...]], width: int) -> list[str]:
    """Align columns; the last column wraps under itself."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    indent = sum(widths) + 2 * len(widths)
    room = max(width - indent, 30)
    lines = []
    for row in rows:
        head = "".join(cell.ljust(w + 2) for cell, w in zip(row, widths, strict=False))
        wrapped = textwrap.wrap(row[-1], room) or [""]
        lines.append((head + wrapped[0]).rstrip())
        lines.extend(" " * indent + more for more in wrapped[1:])
    return lines


def _rule(title: str, width: int) -> str:
    return f"-- {title} " + "-" * max(width - len(title) - 4, 3)


def _header(t: Timeline, width: int) -> list[str]:
    lines: list[str] = []
    for process in t.processes:
        lines.append(process.name)
        lines.append("=" * min(len(process.name), width))
        if process.mediator is not None:
            roles = sorted({m.role for m in t.memberships if m.person == process.mediator})
            role = f" ({', '.join(roles)})" if roles else ""
            lines.append(f"Mediator: {_name(t, process.mediator)}{role}")
        rounds = sorted((r for r in t.rounds if r.process == process.id), key=lambda r: r.number)
        rows = []
        for r in rounds:
            end = "open" if r.period.end is None else str(r.period.end)
            rows.append(
                (
                    f"Round {r.number}",
                    f"{r.period.start} to {end}",
                    f"{r.venue}, {r.format.value}, {r.outcome.value}",
                )
            )
        lines.extend("  " + line for line in _table(rows, width - 2))
        lines.append("")
    n_sources = len(t.sources)
    counts = f"{len(t)} records, {n_sources} sources, {len(t.claims)} claims"
    lines.append(f"{counts}; {len(t.contested())} questions on which the claims disagree.")
    return lines


# -- timeline ---------------------------------------------------------------------------------


def _timeline_text(t: Timeline, width: int) -> str:
    disputed = _contested_ids(t)
    rows = [("DATE", "WHAT", "")]
    for event in t.events():
        label = _KIND_LABELS.get(event.kind, event.kind.value)
        if event.kind is EventKind.CLAIM and event.record_id in disputed:
            label = DISPUTED
        rows.append((str(event.date), label, _summary(t, event)))
    lines = [*_header(t, width), "", *_table(rows, width)]
    undated = [c for c in t.claims if c.date is None]
    if undated:
        lines += ["", _rule("Standing claims (no date)", width)]
        lines += [
            line
            for c in undated
            for line in textwrap.wrap(_claim_line(t, c), width, subsequent_indent="  ")
        ]
    contested = t.contested()
    if contested:
        lines += ["", _rule("Contested: the sources disagree", width)]
        for (about, predicate), claims in contested.items():
            lines.append(f"{_name(t, about)} -- {predicate}")
            rows = [
                (f"  {_name(t, c.claimant)}", str(c.date or "undated"), _value(t, c))
                for c in claims
            ]
            lines.extend(_table(rows, width))
    lines += ["", "Dates keep their precision: 2016-04 is a month, 2016-05-30~ about that day."]
    return "\n".join(lines)


def _claim_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "claimant": c.claimant,
        "value": c.value,
        "qualifier": None if c.qualifier is None else c.qualifier.value,
        "date": None if c.date is None else str(c.date),
        "quote": c.quote,
    }


def _timeline_json(t: Timeline) -> dict[str, Any]:
    disputed = _contested_ids(t)
    return {
        "processes": [
            {
                "id": p.id,
                "name": p.name,
                "mediator": p.mediator,
                "rounds": [
                    {
                        "id": r.id,
                        "number": r.number,
                        "period": str(r.period),
                        "venue": r.venue,
                        "format": r.format.value,
                        "outcome": r.outcome.value,
                    }
                    for r in sorted(t.rounds, key=lambda r: r.number)
                    if r.process == p.id
                ],
            }
            for p in t.processes
        ],
        "events": [
            {
                "date": str(e.date),
                "precision": e.date.precision.value,
                "kind": e.kind.value,
                "record_id": e.record_id,
                "summary": _summary(t, e),
                "disputed": e.record_id in disputed,
            }
            for e in t.events()
        ],
        "contested": [
            {"about": about, "predicate": predicate, "claims": [_claim_json(c) for c in claims]}
            for (about, predicate), claims in t.contested().items()
        ],
        "undated_claims": [_claim_json(c) for c in t.claims if c.date is None],
    }


def _cmd_timeline(args: argparse.Namespace) -> int:
    t = _load(args.file)
    if args.json:
        _print_json(_timeline_json(t))
    else:
        print(_timeline_text(t, _width()))
    return 0


# -- snapshot ---------------------------------------------------------------------------------


def _since(period: Any) -> str:
    return f"since {period.start}" + ("" if period.end is None else f", until {period.end}")


def _snapshot_text(t: Timeline, s: Snapshot, width: int) -> str:
    reading = "may have been in force" if s.possibly else "was certainly in force"
    lines = [f"What {reading} at {s.date}", ""]

    def section(title: str, rows: list[tuple[str, ...]]) -> None:
        lines.append(_rule(title, width))
        lines.extend(_table(rows, width) if rows else ["  (none)"])
        lines.append("")

    section(
        "Rounds in progress",
        [
            (f"  Round {r.number}", str(r.period), f"{_name(t, r.process)}, {r.venue}")
            for r in s.rounds_in_progress
        ],
    )
    section(
        "Members by delegation",
        [
            (f"  {_name(t, d)}", f"{_name(t, m.person)}, {m.role}, {_since(m.period)}")
            for d, members in s.members.items()
            for m in members
        ],
    )
    section(
        "Positions",
        [
            (f"  {_name(t, party)}", f"on {_name(t, issue)}: {p.stance}")
            for (party, issue), p in s.positions.items()
        ],
    )
    section(
        "Ceasefires in force",
        [(f"  {c.name}", _since(c.period)) for c in s.ceasefires_in_force],
    )
    reasons = {e.party: e.reason for c in s.ceasefires_in_force for e in c.exclusions}
    section(
        "Excluded from a ceasefire in force",
        [(f"  {_name(t, p)}", reasons.get(p) or "") for p in sorted(s.excluded)],
    )
    section(
        "Designations made by then",
        [
            (f"  {g.date}", f"{_name(t, g.by)} designates {_name(t, g.party)}", g.label)
            for g in s.designations
        ],
    )
    section(
        "Relations in force",
        [
            (f"  {_name(t, r.source)}", _RELATION_VERBS[r.kind.value], _name(t, r.target))
            for r in s.relations
        ],
    )
    return "\n".join(lines).rstrip()


def _snapshot_json(s: Snapshot) -> dict[str, Any]:
    return {
        "date": str(s.date),
        "possibly": s.possibly,
        "rounds_in_progress": [r.id for r in s.rounds_in_progress],
        "members": {d: [m.id for m in ms] for d, ms in s.members.items()},
        "positions": [
            {"party": party, "issue": issue, "stance": p.stance, "position": p.id}
            for (party, issue), p in s.positions.items()
        ],
        "ceasefires_in_force": [c.id for c in s.ceasefires_in_force],
        "excluded": sorted(s.excluded),
        "designations": [g.id for g in s.designations],
        "relations": [r.id for r in s.relations],
    }


def _cmd_snapshot(args: argparse.Namespace) -> int:
    try:
        date = PartialDate.parse(args.at)
    except PeacetrackError as exc:
        return _fail(
            f"--at {args.at!r} is not a date: {exc}. Give a date such as 2016-05-01 or 2016-05."
        )
    t = _load(args.file)
    snapshot = t.at(date, possibly=args.possibly)
    if args.json:
        _print_json(_snapshot_json(snapshot))
    else:
        print(_snapshot_text(t, snapshot, _width()))
    return 0


# -- validate ---------------------------------------------------------------------------------


def _cmd_validate(args: argparse.Namespace) -> int:
    try:
        t = _load(args.file)
    except ValidationError as exc:
        if args.json:
            _print_json(
                {
                    "valid": False,
                    "problems": [
                        {"record_id": p.record_id, "field": p.field, "message": p.message}
                        for p in exc.problems
                    ],
                }
            )
        else:
            n = len(exc.problems)
            print(f"INVALID: {_where(args.file)} has {n} problem{'s' * (n != 1)}:")
            for p in exc.problems:
                print(f"  {p.record_id or '(file)'}: {p.field or '(record)'}: {p.message}")
        return 1
    if args.json:
        _print_json({"valid": True, "records": len(t), "sources": len(t.sources)})
    else:
        print(f"OK: {_where(args.file)} is valid ({len(t)} records, {len(t.sources)} sources).")
    return 0


# -- graph ------------------------------------------------------------------------------------


def _cmd_graph(args: argparse.Namespace) -> int:
    from peacetrack import graph

    fmt = args.format or ("json" if args.json else "graphml")
    if args.json and fmt != "json":
        return _fail(f"--json asks for JSON but --format asks for {fmt}; give one of them.")
    date = None
    if args.at is not None:
        try:
            date = PartialDate.parse(args.at)
        except PeacetrackError as exc:
            return _fail(
                f"--at {args.at!r} is not a date: {exc}. Give a date such as 2016-05-01 or 2016-05."
            )
    t = _load(args.file)
    text = graph.to_text(graph.parties(t, at=date, possibly=args.possibly), fmt)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    return 0


# -- plot -------------------------------------------------------------------------------------


def _cmd_plot(args: argparse.Namespace) -> int:
    from peacetrack.plot import MissingExtraError, graph_figure, timeline_figure

    fmt = args.output.rpartition(".")[2].lower() if "." in args.output else ""
    if fmt not in ("png", "svg"):
        return _fail(f"-o {args.output!r}: the file name must end in .png or .svg.")
    if args.at is not None and args.kind != "graph":
        return _fail("--at draws the graph as it stood on a date; use it with --kind graph.")
    date = None
    if args.at is not None:
        try:
            date = PartialDate.parse(args.at)
        except PeacetrackError as exc:
            return _fail(
                f"--at {args.at!r} is not a date: {exc}. Give a date such as 2016-05-01 or 2016-05."
            )
    t = _load(args.file)
    try:
        fig = timeline_figure(t) if args.kind == "timeline" else graph_figure(t, at=date)
    except MissingExtraError as exc:
        return _fail(str(exc))
    try:
        fig.savefig(args.output, format=fmt)
    except OSError as exc:
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    print(f"wrote {args.output} ({args.kind} of {_where(args.file)})")
    return 0


# -- export -----------------------------------------------------------------------------------

EXPORT_FORMATS = ("json", "popolo", "timelinejs", "mermaid-timeline", "mermaid-gantt", "mermaid")
"""``export --format`` choices; ``mermaid`` is short for ``mermaid-timeline``."""


def _export_text(t: Timeline, fmt: str) -> str:
    if fmt == "json":
        from peacetrack.io import dumps

        return dumps(t) + "\n"
    from peacetrack import interop

    if fmt in ("mermaid", "mermaid-timeline", "mermaid-gantt"):
        return interop.to_mermaid(t, style="gantt" if fmt == "mermaid-gantt" else "timeline")
    doc = interop.to_popolo(t) if fmt == "popolo" else interop.to_timelinejs(t)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _cmd_export(args: argparse.Namespace) -> int:
    text = _export_text(_load(args.file), args.format)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    return 0


# -- the parser -------------------------------------------------------------------------------


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, func: Command, help: str
) -> argparse.ArgumentParser:
    """Register a subcommand with the arguments every subcommand shares."""
    parser = sub.add_parser(name, help=help, description=help)
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="a peacetrack JSON file (default: the bundled case)"
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.set_defaults(func=func)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one block per subcommand.

    Examples
    --------
    >>> build_parser().parse_args(["snapshot", "--at", "2016-05"]).at
    '2016-05'
    """
    parser = argparse.ArgumentParser(
        prog="peacetrack",
        description="Show a peace-negotiations timeline (default: the 2016 Geneva talks).",
        epilog="With no subcommand, `timeline` runs.",
    )
    parser.add_argument("--version", action="version", version=f"peacetrack {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    _add_command(sub, "timeline", _cmd_timeline, "print the chronological timeline (the default)")

    p = _add_command(sub, "snapshot", _cmd_snapshot, "print what was in force on a date")
    p.add_argument("--at", required=True, metavar="DATE", help="an EDTF date: 2016-05-01, 2016-05")
    p.add_argument("--possibly", action="store_true", help="include what may have been in force")

    _add_command(sub, "validate", _cmd_validate, "check a file and list every problem")

    p = _add_command(sub, "graph", _cmd_graph, "write the party graph (networkx) as text")
    p.add_argument("--at", metavar="DATE", help="only what was in force on this date")
    p.add_argument("--possibly", action="store_true", help="include what may have been in force")
    p.add_argument("--format", choices=["graphml", "gexf", "json", "dot"], help="default: graphml")
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file, not stdout")

    plot_help = "draw the timeline or the party graph as a PNG or SVG image (extra: plot)"
    p = sub.add_parser("plot", help=plot_help, description=plot_help)
    p.add_argument(
        "file", nargs="?", metavar="FILE", help="a peacetrack JSON file (default: the bundled case)"
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="an image: *.png or *.svg")
    p.add_argument("--kind", choices=["timeline", "graph"], default="timeline")
    p.add_argument("--at", metavar="DATE", help="with --kind graph: as it stood on this date")
    p.set_defaults(func=_cmd_plot)

    export_help = "write the timeline in another format: Popolo, TimelineJS, Mermaid, JSON"
    p = sub.add_parser("export", help=export_help, description=export_help)
    p.add_argument(
        "file", nargs="?", metavar="FILE", help="a peacetrack JSON file (default: the bundled case)"
    )
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="the format to write")
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file, not stdout")
    p.set_defaults(func=_cmd_export)

    return parser


def _with_default_command(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """Put ``timeline`` in front when no subcommand is named (``peacetrack f.json``)."""
    commands: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands |= set(action.choices)
    if argv and (argv[0] in commands or argv[0] in {"-h", "--help", "--version"}):
        return argv
    return ["timeline", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Parameters
    ----------
    argv
        The arguments, without the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success, 1 on bad input (message on stderr), 2 on a usage error.

    Examples
    --------
    >>> main(["snapshot", "--at", "2016-13"])
    1
    """
    parser = build_parser()
    args = parser.parse_args(
        _with_default_command(parser, list(sys.argv[1:] if argv is None else argv))
    )
    func: Command = args.func
    try:
        return func(args)
    except PeacetrackError as exc:
        return _fail(_describe_error(args.file, exc))
    except OSError as exc:  # a file io.load could not open, a closed pipe
        return _fail(f"cannot read {_where(args.file)}: {exc.strerror or exc}")
