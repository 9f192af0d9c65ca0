"""What an import carried, what it did not, and the error a strict import raises.

Every reader of outside data (:func:`peacetrack.interop.popolo.from_popolo`, the
importers in :mod:`peacetrack.importers`) works the same way: it sends each thing it
cannot carry to a :class:`Collector`, by kind and place, then calls
:func:`build_timeline`. Strict, that raises an :class:`ImportFailedError` listing the
problems (counted by kind first); lenient, the reader returns
``Imported(timeline, report)`` with the :class:`Report` of what was left out. The
names are public so that a new importer, in this package or outside it, can do the
same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import attrs

from peacetrack.errors import LoadError, ValidationError
from peacetrack.records import Record
from peacetrack.timeline import Timeline

__all__ = ["Collector", "ImportFailedError", "Imported", "Report", "build_timeline"]

EXAMPLES = 3
"""How many examples a report keeps of each kind of thing it did not carry."""

SHOWN = 20
"""How many problems (and kinds) a message lists; all are in ``problems`` and ``counts``."""

_LONGEST = 300
"""Examples and listed problems are cut to this many characters."""


def _cut(text: str) -> str:
    return text if len(text) <= _LONGEST else text[:_LONGEST] + "…"


def _counted(counts: Mapping[str, int], examples: Mapping[str, tuple[str, ...]]) -> list[str]:
    lines = []
    for kind, n in list(counts.items())[:SHOWN]:
        seen = "; ".join(examples.get(kind, ()))
        lines.append(f"  {n} × {kind}" + (f"  (e.g. {seen})" if seen else ""))
    if len(counts) > SHOWN:
        lines.append(f"  ... and {len(counts) - SHOWN} more kinds")
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@attrs.frozen(hash=False)
class Report:
    """What an import carried into the timeline, and what it did not.

    Attributes
    ----------
    source
        What was read (``"popolo"``, a file name, ...).
    carried
        Records made, by record type (``{"Person": 8, "Party": 6}``).
    not_carried
        Items or fields left out, counted by kind of reason, most frequent first.
    examples
        Up to three examples of each kind, each naming where it was.

    Examples
    --------
    >>> r = Report("demo", {"Person": 2}, {"person field 'gender'": 2},
    ...            {"person field 'gender'": ("person p1", "person p2")})
    >>> print(r)
    demo: carried 2 records (2 Person)
    not carried: 2 items of 1 kind
      2 × person field 'gender'  (e.g. person p1; person p2)
    """

    source: str
    carried: Mapping[str, int]
    not_carried: Mapping[str, int]
    examples: Mapping[str, tuple[str, ...]]

    @property
    def complete(self) -> bool:
        """True when everything read was carried."""
        return not self.not_carried

    def __str__(self) -> str:
        total = sum(self.carried.values())
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.carried.items())
        lines = [
            f"{self.source}: carried {_plural(total, 'record')}" + (f" ({kinds})" if kinds else "")
        ]
        if self.not_carried:
            left = sum(self.not_carried.values())
            lines.append(
                f"not carried: {_plural(left, 'item')} of {_plural(len(self.not_carried), 'kind')}"
            )
            lines += _counted(self.not_carried, self.examples)
        return "\n".join(lines)


class Imported(NamedTuple):
    """A lenient import's result: the timeline and the report of what was not carried."""

    timeline: Timeline
    report: Report


class ImportFailedError(LoadError):
    """A strict import found problems: the message counts them by kind first, then
    lists the first ones; ``problems`` holds every one and ``counts`` the count of
    each kind.

    Examples
    --------
    >>> err = ImportFailedError("x.csv", [("bad date", "x.csv:2: date: 'soon'")] * 3)
    >>> print(err)
    cannot import x.csv: 3 problems of 1 kind:
      3 × bad date
    each:
      x.csv:2: date: 'soon'
      x.csv:2: date: 'soon'
      x.csv:2: date: 'soon'
    >>> err.counts
    {'bad date': 3}
    """

    problems: tuple[str, ...]
    counts: dict[str, int]

    def __init__(self, source: str, problems: Iterable[tuple[str, str]]) -> None:
        pairs = list(problems)
        self.source = source
        self._pairs = pairs
        self.problems = tuple(text for _, text in pairs)
        self.counts = dict(Counter(kind for kind, _ in pairs).most_common())
        n, kinds = len(pairs), len(self.counts)
        head = f"cannot import {source}: {_plural(n, 'problem')} of {_plural(kinds, 'kind')}:"
        lines = [head, *_counted(self.counts, {})]
        if n > 1:
            lines.append(f"the first {min(n, SHOWN)}:" if n > SHOWN else "each:")
        lines += [f"  {_cut(p)}" for p in self.problems[:SHOWN]]
        if n > SHOWN:
            lines.append(f"  ... and {n - SHOWN} more (all in .problems)")
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[ImportFailedError], tuple[str, list[tuple[str, str]]]]:
        return (type(self), (self.source, self._pairs))


class Collector:
    """Problems met while reading, by kind; a strict import raises them all at the
    end, a lenient one turns them into the report.

    Examples
    --------
    >>> found = Collector("demo.csv")
    >>> found.skip("bad date", "demo.csv:3: date: 'soon' is not a date")
    >>> found.report([]).not_carried
    {'bad date': 1}
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[tuple[str, str]] = []
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}

    def skip(self, kind: str, where: str, count: int = 1) -> None:
        """Record one thing not carried: ``kind`` names the reason, ``where`` the place
        and details (``"file.csv:12: low: expected a number, got 'x'"``); ``count``
        items of that kind are left out there (a column's values, say)."""
        self.problems.append((kind, where))
        self.counts[kind] += count
        shown = self.examples.setdefault(kind, [])
        if len(shown) < EXAMPLES:
            shown.append(_cut(where))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ImportFailedError(self.source, self.problems)

    def report(self, records: Iterable[Record]) -> Report:
        carried = Counter(type(r).__name__ for r in records)
        return Report(
            self.source,
            dict(carried.most_common()),
            dict(self.counts.most_common()),
            {k: tuple(v) for k, v in self.examples.items()},
        )


_ROUNDS = 8
"""How many times a lenient import drops refused records and tries again (a record can
only be refused for a record dropped in the round before)."""


def build_timeline(
    records: list[Record],
    found: Collector,
    *,
    lenient: bool,
    keep: Iterable[Record] = (),
) -> Timeline:
    """The timeline of ``records``. Strict: raise the problems found, then any
    :class:`~peacetrack.errors.ValidationError`. Lenient: leave out each record the
    timeline refuses (and, in the next round, what referred to it), reporting each;
    the records in ``keep`` (a base timeline's) are never left out, so a new record
    with a base record's id goes and the base record stays."""
    if not lenient:
        found.raise_if_any()
        return Timeline(records)
    kept = {id(r) for r in keep}
    for _ in range(_ROUNDS):
        try:
            return Timeline(records)
        except ValidationError as err:
            refused = {p.record_id for p in err.problems}
            for problem in err.problems:
                found.skip("record refused by the timeline's rules", str(problem))
            if None in refused:
                raise
            left = [r for r in records if r.id not in refused or id(r) in kept]
            if len(left) == len(records):
                raise  # only kept records are refused: nothing to leave out
            records = left
    return Timeline(records)
