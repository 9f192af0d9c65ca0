"""Timeline rules: what a record cannot check alone, checked over the whole timeline.

:func:`timeline_problems` is the one entry point: :class:`~peacetrack.Timeline` calls it
on construction and :func:`peacetrack.io.loads` on the records it could read. Every
rule runs and every problem is collected, so one :class:`ValidationError` tells a user
everything wrong with a file. Each rule is O(n log n) in the records (no rule compares
every record with every other), and a message names at most a few other records
("... and 11,997 others"), so a hostile file cannot make the report quadratic.

Which fields hold ids and what they may point at is read from the record registry
(:mod:`peacetrack._registry`), never listed here.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import attrgetter

from peacetrack._fast import FAST_PATHS
from peacetrack._participation_rules import participation_problems
from peacetrack._registry import Reference, Shape, references_of
from peacetrack.dates import Period
from peacetrack.errors import Problem
from peacetrack.records import Membership, Position, Record, Resignation, Round

__all__ = [
    "duplicate_problems",
    "reference_problems",
    "references_ok",
    "rule_problems",
    "timeline_problems",
]

NAMED = 3
"""How many other records a message names before it counts the rest."""


def timeline_problems(
    records: Sequence[Record],
    by_id: Mapping[str, Record],
    fresh: Mapping[type[Record], Sequence[Record]],
    by_type: Mapping[str, Sequence[Record]],
    *,
    known_missing: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Every problem of a timeline of ``records``, in one list (empty if valid).

    ``by_id`` maps each id to its (last) record, ``fresh`` holds by class the records
    whose references need checking (all of them, or those added to a timeline known
    to be valid), ``by_type`` every record by type tag (for the cross-record rules).
    References to an id in ``known_missing`` (a record in a file that could not be
    read, and is reported already) are not reported again.
    """
    problems: list[Problem] = []
    if len(by_id) != len(records):
        problems.extend(duplicate_problems(records))
    if known_missing or not FAST_PATHS or not references_ok(by_id, fresh):
        checked = itertools.chain.from_iterable(fresh.values())
        problems.extend(reference_problems(checked, by_id, known_missing=known_missing))
    problems.extend(rule_problems(by_id, by_type))
    return problems


def check_records(
    records: Sequence[Record], *, known_missing: frozenset[str] = frozenset()
) -> list[Problem]:
    """:func:`timeline_problems` of a plain list of records."""
    by_id = {r.id: r for r in records}
    by_class: dict[type[Record], list[Record]] = defaultdict(list)
    by_type: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_class[type(record)].append(record)
        by_type[record.record_type].append(record)
    return timeline_problems(records, by_id, by_class, by_type, known_missing=known_missing)


def duplicate_problems(records: Sequence[Record]) -> Iterator[Problem]:
    """One problem per id used more than once."""
    counts = Counter(r.id for r in records)
    repeated = {record_id for record_id, count in counts.items() if count > 1}
    kinds: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if record.id in repeated:
            kinds[record.id].add(record.record_type)
    for record_id in (i for i, count in counts.items() if count > 1):  # first-seen order
        yield Problem(
            record_id,
            "id",
            f"used by {counts[record_id]} records ({', '.join(sorted(kinds[record_id]))}); "
            "ids must be unique",
        )


def _allowed(reference: Reference) -> str:
    return " or ".join(reference.targets or ())


def reference_problems(
    records: Iterable[Record],
    by_id: Mapping[str, Record],
    *,
    known_missing: frozenset[str] = frozenset(),
) -> Iterator[Problem]:
    """Dangling references of ``records``, and references to a record of the wrong
    type, resolved in ``by_id``. References to an id in ``known_missing`` (a record
    that exists but could not be read) are not reported."""
    for record in records:
        for reference in references_of(type(record)):
            for target_id in reference.ids(record):
                target = by_id.get(target_id)
                if target is None:
                    if target_id not in known_missing:
                        yield Problem(
                            record.id, reference.field, f"refers to unknown id {target_id!r}"
                        )
                elif reference.targets is not None and target.record_type not in reference.targets:
                    yield Problem(
                        record.id,
                        reference.field,
                        f"{target_id!r} is a {target.record_type}; expected {_allowed(reference)}",
                    )


def _targets(records: Sequence[Record], reference: Reference) -> set[str]:
    """Every id ``reference`` holds in any of ``records``, gathered in bulk."""
    get = attrgetter(reference.field)
    if reference.shape is Shape.MANY:
        values = itertools.chain.from_iterable(map(get, records))
        if reference.item is not None:
            return set(map(attrgetter(reference.item), values))
        return set(values)
    found: set[str] = set(map(get, records))
    if reference.shape is Shape.OPTIONAL:
        found.discard(None)  # type: ignore[arg-type, unused-ignore]
    return found


def references_ok(
    by_id: Mapping[str, Record], by_class: Mapping[type[Record], Sequence[Record]]
) -> bool:
    """Whether every reference resolves to a record of an allowed type.

    The fast path of :func:`reference_problems`: it checks each distinct target id
    once per (class, field), in bulk, and says only yes or no; on no, the caller
    runs :func:`reference_problems` for the full report.
    """
    for cls, records in by_class.items():
        for reference in references_of(cls):
            allowed = reference.targets
            for target_id in _targets(records, reference):
                target = by_id.get(target_id)
                if target is None:
                    return False
                if allowed is not None and target.record_type not in allowed:
                    return False
    return True


def rule_problems(
    by_id: Mapping[str, Record], by_type: Mapping[str, Iterable[Record]]
) -> Iterator[Problem]:
    """Cross-record rules: resignations, round numbers, round delegations, rounds and
    positions that overlap, identifiers, participations and agreements."""
    yield from _resignation_problems(by_id, by_type.get("resignation", ()))
    yield from _round_problems(by_id, by_type.get("round", ()))
    yield from _identifier_problems(
        itertools.chain(by_type.get("party", ()), by_type.get("person", ()))
    )
    yield from participation_problems(by_id, by_type)
    yield from _changing_problems(by_type)


def _identifier_problems(records: Iterable[Record]) -> Iterator[Problem]:
    """An outside identifier names one thing: two records holding it are one problem
    each, naming the first holder."""
    first: dict[tuple[str, str], str] = {}
    for record in records:
        for identifier in getattr(record, "identifiers", ()):
            key = (identifier.scheme, identifier.identifier)
            holder = first.setdefault(key, record.id)
            if holder != record.id:
                yield Problem(
                    record.id,
                    "identifiers",
                    f"{identifier.scheme} {identifier.identifier!r} is also held by {holder!r}; "
                    "an identifier names one party or person",
                )


# -- facts that change over time (issue #14) --------------------------------------------


def _changing_problems(by_type: Mapping[str, Iterable[Record]]) -> Iterator[Problem]:
    """Rounds of one process that certainly overlap; positions of one holder on one
    issue that certainly overlap."""
    rounds: dict[str, list[tuple[Period, str]]] = defaultdict(list)
    for record in by_type.get("round", ()):
        assert isinstance(record, Round)
        rounds[record.process].append((record.period, record.id))
    for process, group in rounds.items():
        for later, earlier in certain_overlaps(group):
            yield Problem(
                later,
                "period",
                f"overlaps round {earlier!r} of the same process {process!r}; "
                "rounds of one process follow each other",
            )
    positions: dict[tuple[str, str], list[tuple[Period, str]]] = defaultdict(list)
    for record in by_type.get("position", ()):
        assert isinstance(record, Position)
        positions[(record.holder, record.issue)].append((record.period, record.id))
    for (holder, issue), group in positions.items():
        for later, earlier in certain_overlaps(group):
            yield Problem(
                later,
                "period",
                f"{holder!r} already holds position {earlier!r} on issue {issue!r} over an "
                "overlapping period; end one before the other starts",
            )


def certain_overlaps(periods: Iterable[tuple[Period, str]]) -> Iterator[tuple[str, str]]:
    """``(later id, earlier id)`` for each item whose period certainly shares a day
    with an earlier-starting one's, naming one such earlier item; O(n log n).

    "Certainly" reads both periods by their certain core (:meth:`Period.bounds` with
    ``possibly=False``); a period with an empty core overlaps nothing for certain.
    Sorted by the core's first day, an item overlaps some earlier item exactly when
    it overlaps the earlier item whose core reaches furthest, so one pass suffices.
    """
    cores = []
    for period, item in periods:
        first, last = period.bounds(possibly=False)
        if first <= last:
            cores.append((first, last, item))
    cores.sort()
    furthest: tuple[int, str] | None = None
    for first, last, item in cores:
        if furthest is not None and first <= furthest[0]:
            yield item, furthest[1]
        if furthest is None or last > furthest[0]:
            furthest = (last, item)


def _resignation_problems(
    by_id: Mapping[str, Record], resignations: Iterable[Record]
) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for record in resignations:
        assert isinstance(record, Resignation)
        membership = by_id.get(record.membership)
        if not isinstance(membership, Membership):
            continue  # reported as a reference problem
        if membership.id in seen:
            yield Problem(
                record.id,
                "membership",
                f"{membership.id!r} was already ended by resignation {seen[membership.id]!r}",
            )
        seen.setdefault(membership.id, record.id)
        if membership.person != record.person:
            yield Problem(
                record.id,
                "person",
                f"{record.person!r} resigned from {membership.id!r}, "
                f"which belongs to {membership.person!r}",
            )
        if not membership.period.contains(record.date):
            yield Problem(
                record.id,
                "date",
                f"{record.date} is outside membership {membership.id!r} ({membership.period})",
            )
        elif membership.period.end != record.date:
            end = membership.period.end
            said = "is still open" if end is None else f"ends {end}"
            yield Problem(
                membership.id,
                "period",
                f"{said}, but resignation {record.id!r} ends it on {record.date}",
            )


def _round_problems(by_id: Mapping[str, Record], rounds: Iterable[Record]) -> Iterator[Problem]:
    numbers: dict[tuple[str, int], list[str]] = defaultdict(list)
    for record in rounds:
        assert isinstance(record, Round)
        numbers[(record.process, record.number)].append(record.id)
        for delegation_id in record.delegations:
            delegation = by_id.get(delegation_id)
            process = getattr(delegation, "process", record.process)
            if delegation is not None and process != record.process:
                yield Problem(
                    record.id,
                    "delegations",
                    f"delegation {delegation_id!r} belongs to process {process!r}, "
                    f"not {record.process!r}",
                )
    for (process, number), ids in numbers.items():
        if len(ids) > 1:
            for round_id in ids:
                # The first few others: O(1) per round, not O(group).
                others = [i for i in ids[: NAMED + 1] if i != round_id][:NAMED]
                rest = len(ids) - 1 - len(others)
                more = f" and {rest:,} other{'s' * (rest != 1)}" if rest > 0 else ""
                yield Problem(
                    round_id,
                    "number",
                    f"round {number} of process {process!r} is also numbered by "
                    f"{', '.join(repr(i) for i in others)}{more}",
                )
