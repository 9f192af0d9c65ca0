"""Reading CSV rows with the line each starts on, and every bad cell as a problem."""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO

from peacetrack.errors import LoadError
from peacetrack.interop.imported import Collector

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

    def good(self, found: Collector) -> Iterator[tuple[int, dict[str, str]]]:
        """``(line, row)`` for each record with as many cells as the header; one with
        another number of cells is reported to ``found`` (file, line, the count
        expected) and left out. Blank lines are skipped."""
        width = len(self.header)
        while True:
            line = self._reader.line_num + 1
            cells = self._next()
            if cells is None:
                return
            if not cells:
                continue
            if len(cells) != width:
                found.skip(
                    "row with the wrong number of cells",
                    f"{self.name}:{line}: expected {width} cells as in the header",
                )
                continue
            yield line, dict(zip(self.header, cells, strict=True))


class Row:
    """One row's cells and the problems found in them: each names the file, the line,
    the column and the reason, and marks the row as not to be carried (``ok`` False)."""

    def __init__(self, rows: Rows, line: int, row: dict[str, str], found: Collector) -> None:
        self.where = f"{rows.name}:{line}"
        self.row = row
        self.found = found
        self.ok = True

    def get(self, column: str) -> str:
        """The cell, stripped; ``""`` when the file has no such column."""
        return self.row.get(column, "").strip()

    def bad(self, column: str, reason: str, kind: str | None = None) -> None:
        """The cell cannot be carried: report it (by ``kind``, ``bad <column>`` unless
        given) and leave the row out."""
        self.ok = False
        self.found.skip(kind or f"bad {column}", f"{self.where}: {column}: {reason}")

    def text(self, column: str) -> str:
        """The cell, which must not be empty."""
        value = self.get(column)
        if not value:
            self.bad(column, "empty; expected text", f"empty {column}")
        return value


class Filled:
    """How many rows have a value in each column, to report the columns an importer
    does not read (a value left out is never silent)."""

    def __init__(self, header: Iterable[str]) -> None:
        self.counts = dict.fromkeys(header, 0)

    def add(self, row: Mapping[str, str]) -> None:
        for column, value in row.items():
            self.counts[column] += bool(value.strip())

    def report(
        self,
        found: Collector,
        name: str,
        read: Iterable[str],
        kind: Callable[[str], str] = lambda column: f"value of column {column!r}",
    ) -> None:
        """Report each column not in ``read`` that has values, once, counting them;
        ``kind`` names the kind of problem for a column."""
        skip = set(read)
        for column, n in self.counts.items():
            if column not in skip and n:
                found.skip(kind(column), f"{name}: {column}: {n} rows have a value", n)
