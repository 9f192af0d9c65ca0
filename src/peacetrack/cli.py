"""The ``peacetrack`` command: read a timeline file and show it in a terminal.

With no arguments it prints the bundled Geneva 2016 case as a timeline. Every
subcommand takes an optional FILE (a peacetrack JSON file; default: the bundled case),
and all but ``plot`` and ``export`` take ``--json`` for machine-readable output. Bad
input -- a missing file, text that is not JSON, invalid records, an unreadable date --
is reported in one paragraph on stderr with exit status 1; a traceback would be a bug
in peacetrack.

Adding a subcommand takes two small edits: a ``_cmd_<name>(args) -> int`` function
(in ``_cli_commands``, beside the others; ``import`` has ``_cli_import`` to itself),
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
import io
import os
import sys
from collections.abc import Callable, Sequence

from peacetrack import __version__, _cli_io
from peacetrack._cli_commands import (
    _cmd_export,
    _cmd_graph,
    _cmd_plot,
    _cmd_report,
    _cmd_snapshot,
    _cmd_timeline,
    _cmd_validate,
)
from peacetrack._cli_import import _cmd_import
from peacetrack._cli_io import _BadArgument, _fail, _where
from peacetrack.errors import PeacetrackError, ValidationError

__all__ = ["build_parser", "main"]

BUNDLED = _cli_io.BUNDLED
"""How messages name the default input: "the bundled Geneva 2016 case"."""

Command = Callable[[argparse.Namespace], int]


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


# -- the parser -------------------------------------------------------------------------------

EXPORT_FORMATS = ("json", "popolo", "timelinejs", "mermaid-timeline", "mermaid-gantt", "mermaid")
"""``export --format`` choices; ``mermaid`` is short for ``mermaid-timeline``."""

IMPORT_FORMATS = ("popolo", "ucdp-ged", "pax", "csv")
"""``import --from`` choices."""


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
