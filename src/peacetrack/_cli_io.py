"""What every ``peacetrack`` command reads and writes: the timeline it is given, an
``--at`` date, its output (to stdout, or safely to a file) and its one-paragraph
failure message.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import textwrap

from peacetrack.dates import PartialDate
from peacetrack.errors import PeacetrackError
from peacetrack.timeline import Timeline

__all__ = [
    "BUNDLED",
    "_BadArgument",
    "_at",
    "_fail",
    "_load",
    "_print_json",
    "_where",
    "_write",
]

BUNDLED = "the bundled Geneva 2016 case"
"""How messages name the default input."""


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


def _at(text: str, option: str = "--at") -> PartialDate:
    """The date given to ``option`` (``--at``, ``--start``, ...), or a _BadArgument that
    says what a date looks like."""
    try:
        return PartialDate.parse(text)
    except PeacetrackError as exc:
        raise _BadArgument(
            f"{option} {text!r} is not a date: {exc}. Give a date such as 2016-05-01 or 2016-05."
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


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))
