"""The ``peacetrack`` command: read a timeline file and show it in a terminal.

With no arguments it prints the bundled Geneva 2016 case as a timeline. Every
subcommand takes an optional FILE (a peacetrack JSON file; default: the bundled case),
and all but ``plot`` and ``export`` take ``--json`` for machine-readable output. Bad
input -- a missing file, text that is not JSON, invalid records, an unreadable date --
is reported in one paragraph on stderr with exit status 1; a traceback would be a bug
in peacetrack.

Adding a subcommand takes two small edits: a ``_cmd_<name>(args) -> int`` function,
and one registration block in :func:`build_parser`.

Examples
--------
>>> main(["validate"])
OK: the bundled Geneva 2016 case is valid (114 records, 38 sources).
0
"""

from __future__ import annotations

import argparse
import difflib
import errno
import io
import json
import os
import sys
import textwrap
from collections.abc import Callable, Sequence

from peacetrack import __version__, _cli_text
from peacetrack.dates import PartialDate
from peacetrack.errors import InvalidDateError, PeacetrackError, UnknownIdError, ValidationError
from peacetrack.timeline import Timeline

__all__ = ["build_parser", "main"]

BUNDLED = "the bundled Geneva 2016 case"
"""How messages name the default input."""

Command = Callable[[argparse.Namespace], int]


# -- loading ------------------------------------------------------------------------------


def _load(file: str | None) -> Timeline:
    """The timeline in ``file`` (``-``: standard input), or the bundled case; raises
    PeacetrackError."""
    if file is None:
        from peacetrack.datasets import geneva_2016

        return geneva_2016()
    if file == "-":
        from peacetrack.errors import LoadError
        from peacetrack.io import loads

        try:
            text = sys.stdin.read()
        except UnicodeDecodeError as exc:
            raise LoadError(f"standard input is not UTF-8 ({exc.reason})") from None
        return loads(text)
    from peacetrack.io import load

    return load(file)


def _where(file: str | None) -> str:
    if file == "-":
        return "standard input"
    return BUNDLED if file is None else file


def _fail(message: str) -> int:
    """Print one wrapped paragraph on stderr; return exit status 1."""
    print(textwrap.fill("peacetrack: " + " ".join(message.split()), width=100), file=sys.stderr)
    return 1


class _BadArgument(PeacetrackError):
    """A command-line value that cannot be used; reported like any bad input."""


def _at(text: str) -> PartialDate:
    """The ``--at`` date, or a _BadArgument that says what a date looks like."""
    try:
        return PartialDate.parse(text)
    except PeacetrackError as exc:
        raise _BadArgument(
            f"--at {text!r} is not a date: {exc}. Give a date such as 2016-05-01 or 2016-05."
        ) from None


def _same_file(a: str, b: str) -> bool:
    """Whether the paths ``a`` and ``b`` name one existing file (links, ``..``, hard
    links and all)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _write(data: str | bytes, output: str | None, source: str | None = None) -> int:
    """Write ``data`` to stdout, or atomically to the file ``output`` (a failed write
    leaves the old file as it was); return the exit status.

    Only a regular file or a new path is written, and never the input file ``source``:
    a directory, FIFO, socket or device is refused and left alone.
    """
    if output is None:
        if isinstance(data, bytes):  # pragma: no cover - images always go to a file
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return 0
    from peacetrack.io import write_atomic

    if source is not None and _same_file(source, output):
        return _fail(
            f"cannot write {output}: it is the input file {source}; "
            "give -o another file so the input stays as it is."
        )
    if isinstance(data, str):
        data = data.encode("utf-8", errors="backslashreplace")
    try:
        write_atomic(output, data)
    except OSError as exc:
        hint = " (leave out -o to write to standard output)" if exc.errno == errno.EPERM else ""
        return _fail(f"cannot write {output}: {exc.strerror or exc}{hint}")
    return 0


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
    if isinstance(exc, _BadArgument):
        return message
    return message if file is None or file in message else f"cannot read {file}: {message}"


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
    start = None if args.start is None else _plot_date("--start", args.start)
    end = None if args.end is None else _plot_date("--end", args.end)
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


def _plot_date(option: str, text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except PeacetrackError as exc:
        raise _BadArgument(
            f"{option} {text!r} is not a date: {exc}. Give a date such as 2016-05-01 or 2016-05."
        ) from None


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
    return _write(text, args.output, args.file)


# -- import -----------------------------------------------------------------------------------

IMPORT_FORMATS = ("popolo", "ucdp-ged", "pax", "csv")
"""``import --from`` choices."""


def _popolo_doc(file: str) -> object:
    from peacetrack.errors import LoadError

    try:
        if file == "-":
            text = sys.stdin.read()
        else:
            with open(file, encoding="utf-8") as f:
                text = f.read()
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise LoadError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise LoadError(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise LoadError("not a Popolo document: JSON nested too deeply") from None


def _columns(pairs: list[str]) -> dict[str, str]:
    columns = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not (sep and field and column):
            raise _BadArgument(f"--column {pair!r}: expected FIELD=COLUMN, e.g. name=actor_name")
        columns[field] = column
    return columns


def _cmd_import(args: argparse.Namespace) -> int:
    from peacetrack import importers
    from peacetrack.interop.popolo import from_popolo
    from peacetrack.io import dumps

    if (args.type or args.column) and args.source != "csv":
        return _fail("--type and --column are for --from csv.")
    if args.source == "csv" and not args.type:
        return _fail(f"--from csv needs --type, one of: {', '.join(importers.RECORD_TYPES)}.")
    lenient = not args.strict
    try:
        if args.source == "popolo":
            doc = _popolo_doc(args.file)
            result = from_popolo(doc, lenient=lenient)  # type: ignore[call-overload]
        elif args.source == "ucdp-ged":
            result = importers.from_ucdp_ged(args.file, lenient=lenient)  # type: ignore[call-overload]
        elif args.source == "pax":
            result = importers.from_pax(args.file, lenient=lenient)  # type: ignore[call-overload]
        else:
            result = importers.from_csv(  # type: ignore[call-overload]
                args.file, args.type, _columns(args.column), lenient=lenient
            )
    except importers.ImportFailedError as exc:
        print(f"peacetrack: {exc}", file=sys.stderr)
        if args.all_problems:
            print(f"every problem ({len(exc.problems)}):", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
        return 1
    if isinstance(result, importers.Imported):
        t = result.timeline
        print(str(result.report), file=sys.stderr)
    else:
        t = result
    return _write(dumps(t) + "\n", args.output, None if args.file == "-" else args.file)


# -- report -----------------------------------------------------------------------------------


def _cmd_report(args: argparse.Namespace) -> int:
    from peacetrack.report import write_report

    date = None if args.at is None else _at(args.at)
    t = _load(args.file)
    index = write_report(t, args.output, at=date, title=args.title)
    print(f"wrote {index} (report of {_where(args.file)}); open it in a web browser")
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

    plot_help = "draw the timeline or the party graph as a PNG, SVG or PDF image (extra: plot)"
    p = sub.add_parser("plot", help=plot_help, description=plot_help)
    p.add_argument(
        "file", nargs="?", metavar="FILE", help="a peacetrack JSON file (default: the bundled case)"
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="an image: *.png, *.svg or *.pdf"
    )
    p.add_argument("--kind", choices=["timeline", "graph"], default="timeline")
    p.add_argument("--at", metavar="DATE", help="with --kind graph: as it stood on this date")
    p.add_argument(
        "--process",
        action="append",
        metavar="ID",
        help="timeline: draw only this process's rounds (repeat for several; default: all)",
    )
    p.add_argument("--start", metavar="DATE", help="timeline: the first date shown")
    p.add_argument("--end", metavar="DATE", help="timeline: the last date shown")
    p.set_defaults(func=_cmd_plot)

    export_help = "write the timeline in another format: Popolo, TimelineJS, Mermaid, JSON"
    p = sub.add_parser("export", help=export_help, description=export_help)
    p.add_argument(
        "file", nargs="?", metavar="FILE", help="a peacetrack JSON file (default: the bundled case)"
    )
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="the format to write")
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file, not stdout")
    p.set_defaults(func=_cmd_export)

    import_help = "read Popolo, UCDP GED, PA-X or any CSV into a peacetrack JSON file"
    p = sub.add_parser("import", help=import_help, description=import_help)
    p.add_argument("file", metavar="FILE", help="the file to read; - for standard input")
    p.add_argument("--from", dest="source", required=True, choices=IMPORT_FORMATS)
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file, not stdout")
    p.add_argument(
        "--strict", action="store_true", help="refuse the file if anything cannot be carried"
    )
    p.add_argument(
        "--all-problems", action="store_true", help="with --strict: list every problem, not 20"
    )
    p.add_argument("--type", metavar="TYPE", help="with --from csv: what each row is (party, ...)")
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="with --from csv: the column that holds a field (repeat for each)",
    )
    p.set_defaults(func=_cmd_import)

    report_help = "write a web page of the timeline (index.html and assets/) into a folder"
    p = sub.add_parser("report", help=report_help, description=report_help)
    p.add_argument(
        "file", nargs="?", metavar="FILE", help="a peacetrack JSON file (default: the bundled case)"
    )
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write")
    p.add_argument("--at", metavar="DATE", help="the date the page opens on (EDTF)")
    p.add_argument("--title", help="the page title (default: the process name)")
    p.set_defaults(func=_cmd_report)

    return parser


def _looks_like_a_path(arg: str) -> bool:
    """Whether a first argument names a file rather than a (mistyped) command."""
    return any(mark in arg for mark in (".", "/", os.sep, "\0"))


def _with_default_command(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """Put ``timeline`` in front when no subcommand is named (``peacetrack f.json``)."""
    commands: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands |= set(action.choices)
    if argv and (argv[0] in commands or argv[0] in {"-h", "--help", "--version"}):
        return argv
    if argv and not os.path.exists(argv[0]) and not _looks_like_a_path(argv[0]):
        # `peacetrack snaphot --at 2016-05` is a typo, not a missing file named snaphot;
        # `peacetrack graph.json` is a missing file, not a typo of `graph`.
        close = difflib.get_close_matches(argv[0], sorted(commands), n=1)
        if close:
            parser.error(f"unknown command {argv[0]!r}; did you mean {close[0]!r}?")
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
    if isinstance(sys.stdout, io.TextIOWrapper):
        # Text a terminal cannot show (a lone surrogate, which a file may hold as
        # "\ud800"; any non-ASCII text on an ASCII terminal) is written escaped.
        sys.stdout.reconfigure(errors="backslashreplace")
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="backslashreplace")
    try:
        status = func(args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return status
    except PeacetrackError as exc:
        return _fail(_describe_error(args.file, exc))
    except BrokenPipeError:
        # The reader went away (`peacetrack | head`): stop quietly, as cat does, and
        # keep Python from complaining about the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # io.load reports a file it cannot read as a LoadError
        output = getattr(args, "output", None)
        where = "to standard output" if output is None else output
        return _fail(f"cannot write {where}: {exc.strerror or exc}")
