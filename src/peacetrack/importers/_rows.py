"""Reading CSV rows with the line each starts on, and every bad cell as a problem."""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterator
from typing import IO

from peacetrack.errors import LoadError

Source = str | os.PathLike[str] | IO[str]
"""A CSV file: a path, ``"-"`` for standard input, or an open text stream."""

_FIELD_LIMIT = 1 << 20
"""The longest cell read (1 MiB); a longer one is a LoadError, not a memory blow-up."""


def name_of(file: Source) -> str:
    if isinstance(file, str | os.PathLike):
        return "<stdin>" if str(file) == "-" else os.fspath(file)
    return str(getattr(file, "name", "<stream>"))


def _text(file: Source) -> str:
    """The whole text: CSV rows are read in one pass, and a file that is not UTF-8 is
    refused here rather than halfway through."""
    try:
        if isinstance(file, str | os.PathLike):
            if str(file) == "-":
                return sys.stdin.read()
            with open(file, encoding="utf-8-sig", newline="") as stream:
                return stream.read()
        return file.read()
    except UnicodeDecodeError as err:
        raise LoadError(
            f"{name_of(file)}: not UTF-8 text ({err.reason} at byte {err.start})"
        ) from None
    except OSError as err:
        raise LoadError(f"{name_of(file)}: cannot read: {err.strerror or err}") from None


class Rows:
    """The header and the rows of a CSV file, each row with the line it starts on."""

    def __init__(self, file: Source, *, delimiter: str = ",") -> None:
        self.name = name_of(file)
        text = _text(file)
        if text.startswith("\ufeff"):
            text = text[1:]
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        self.header = self._next() or []
        if not self.header:
            raise LoadError(f"{self.name}: empty file; expected a header line of column names")
        seen: set[str] = set()
        doubled = [c for c in self.header if c in seen or seen.add(c)]  # type: ignore[func-returns-value]
        if doubled:
            raise LoadError(f"{self.name}: line 1: column {doubled[0]!r} appears twice")

    def _next(self) -> list[str] | None:
        limit = csv.field_size_limit()
        csv.field_size_limit(_FIELD_LIMIT)
        try:
            return next(self._reader, None)
        except csv.Error as err:
            raise LoadError(f"{self.name}: line {self._reader.line_num}: not CSV: {err}") from None
        finally:
            csv.field_size_limit(limit)

    def require(self, columns: tuple[str, ...]) -> None:
        missing = [c for c in columns if c not in self.header]
        if missing:
            raise LoadError(
                f"{self.name}: line 1: missing column{'s' if len(missing) > 1 else ''} "
                f"{', '.join(map(repr, missing))}; the header has {len(self.header)} columns"
            )

    def __iter__(self) -> Iterator[tuple[int, dict[str, str] | None]]:
        """``(line, row)`` for each record; ``row`` is None when its number of cells is
        not the header's (the caller reports it). Blank lines are skipped."""
        width = len(self.header)
        while True:
            line = self._reader.line_num + 1
            cells = self._next()
            if cells is None:
                return
            if not cells:
                continue
            yield (
                line,
                (dict(zip(self.header, cells, strict=True)) if len(cells) == width else None),
            )

    def width_problem(self, line: int) -> str:
        return f"{self.name}:{line}: expected {len(self.header)} cells as in the header"
