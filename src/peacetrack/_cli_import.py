"""The ``peacetrack import`` command: Popolo, UCDP GED or any CSV into a peacetrack
JSON file (its ``--from`` choices are :data:`peacetrack.cli.IMPORT_FORMATS`).
"""

from __future__ import annotations

import argparse
import json
import sys

from peacetrack._cli_io import _BadArgument, _fail, _write

__all__ = ["_cmd_import"]


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
