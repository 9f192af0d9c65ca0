"""The ``peacetrack`` subcommands but ``import``: one ``_cmd_<name>(args) -> int``
function each, registered in :func:`peacetrack.cli.build_parser`.

They read with :mod:`peacetrack._cli_io`, show text with :mod:`peacetrack._cli_text`,
and report bad input by raising :class:`~peacetrack.errors.PeacetrackError` (which
:func:`peacetrack.cli.main` turns into one paragraph on stderr) or returning 1.
"""

from __future__ import annotations

import argparse
import io
import json

from peacetrack import _cli_text
from peacetrack._cli_io import _at, _fail, _load, _print_json, _where, _write
from peacetrack.errors import InvalidDateError, UnknownIdError, ValidationError
from peacetrack.timeline import Timeline

__all__ = [
    "_cmd_export",
    "_cmd_graph",
    "_cmd_plot",
    "_cmd_report",
    "_cmd_snapshot",
    "_cmd_timeline",
    "_cmd_validate",
]


def _cmd_timeline(args: argparse.Namespace) -> int:
    t = _load(args.file)
    if args.json:
        _print_json(_cli_text.timeline_json(t))
    else:
        print(_cli_text.timeline_text(t, _cli_text.terminal_width()))
    return 0


def _cmd_snapshot(args: argparse.Namespace) -> int:
    date = _at(args.at)
    t = _load(args.file)
    snapshot = t.at(date, possibly=args.possibly)
    if args.json:
        _print_json(_cli_text.snapshot_json(snapshot))
    else:
        print(_cli_text.snapshot_text(t, snapshot, _cli_text.terminal_width()))
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
    date = None if args.at is None else _at(args.at)
    t = _load(args.file)
    text = graph.to_text(graph.parties(t, at=date, possibly=args.possibly), fmt)
    return _write(text, args.output, args.file)


# -- plot -------------------------------------------------------------------------------------


def _cmd_plot(args: argparse.Namespace) -> int:
    from peacetrack.plot import MissingExtraError, graph_figure, timeline_figure

    fmt = args.output.rpartition(".")[2].lower() if "." in args.output else ""
    if fmt not in _PLOT_FORMATS:
        return _fail(f"-o {args.output!r}: the file name must end in .png, .svg or .pdf.")
    if args.at is not None and args.kind != "graph":
        return _fail("--at draws the graph as it stood on a date; use it with --kind graph.")
    options = (("--process", args.process), ("--start", args.start), ("--end", args.end))
    timeline_only = [name for name, value in options if value]
    if timeline_only and args.kind != "timeline":
        given = ", ".join(timeline_only)
        return _fail(f"{given} choose what the timeline shows; use without --kind graph.")
    date = None if args.at is None else _at(args.at)
    start = None if args.start is None else _at(args.start, "--start")
    end = None if args.end is None else _at(args.end, "--end")
    t = _load(args.file)
    try:
        if args.kind == "timeline":
            fig = timeline_figure(t, process=args.process, start=start, end=end)
        else:
            fig = graph_figure(t, at=date)
    except MissingExtraError as exc:
        return _fail(str(exc))
    except UnknownIdError as exc:
        known = ", ".join(sorted(p.id for p in t.processes)) or "none"
        return _fail(f"--process: {exc} in {_where(args.file)} (its processes: {known}).")
    except InvalidDateError as exc:
        return _fail(f"--start/--end: {exc}.")
    image = io.BytesIO()
    fig.savefig(image, format=fmt)
    if _write(image.getvalue(), args.output, args.file):
        return 1
    print(f"wrote {args.output} ({args.kind} of {_where(args.file)})")
    return 0


_PLOT_FORMATS = ("png", "svg", "pdf")
"""The image formats ``plot -o`` writes, by file name ending (matplotlib's own writers)."""


# -- export -----------------------------------------------------------------------------------


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
    return _write(text, args.output, args.file)


# -- report -----------------------------------------------------------------------------------


def _cmd_report(args: argparse.Namespace) -> int:
    from peacetrack.report import write_report

    date = None if args.at is None else _at(args.at)
    t = _load(args.file)
    index = write_report(t, args.output, at=date, title=args.title)
    print(f"wrote {index} (report of {_where(args.file)}); open it in a web browser")
    return 0
