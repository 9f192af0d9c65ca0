"""Whole-timeline validation: the rules a record cannot check alone.

Every rule runs and every problem is collected, so one :class:`ValidationError`
tells a user everything that is wrong with a file.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter

from peacetrack.errors import Problem
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
    Record,
    Relation,
    Resignation,
    Round,
    Source,
)

# What each reference field may point at, by record type. A field not listed here
# may point at any record (a claim is about anything).
_TARGETS: dict[tuple[str, str], tuple[str, ...]] = {
    ("*", "sources"): ("source",),
    ("process", "mediator"): ("party", "person"),
    ("round", "process"): ("process",),
    ("round", "delegations"): ("delegation",),
    ("delegation", "party"): ("party",),
    ("delegation", "process"): ("process",),
    ("membership", "person"): ("person",),
    ("membership", "delegation"): ("delegation",),
    ("resignation", "person"): ("person",),
    ("resignation", "membership"): ("membership",),
    ("resignation", "submitted_to"): ("party", "person"),
    ("position", "party"): ("party",),
    ("position", "issue"): ("issue",),
    ("ceasefire", "parties"): ("party",),
    ("ceasefire", "exclusions"): ("party",),
    ("designation", "party"): ("party",),
    ("designation", "by"): ("party", "person"),
    ("relation", "source"): ("party",),
    ("relation", "target"): ("party",),
    ("incident", "parties"): ("party",),
    ("claim", "claimant"): ("party", "person"),
}


def duplicate_problems(records: Sequence[Record]) -> Iterator[Problem]:
    """One problem per id used more than once."""
    counts = Counter(r.id for r in records)
    for record_id, count in counts.items():
        if count > 1:
            kinds = sorted({r.record_type for r in records if r.id == record_id})
            yield Problem(
                record_id, "id", f"used by {count} records ({', '.join(kinds)}); ids must be unique"
            )


def reference_problems(
    records: Mapping[str, Record],
    by_id: Mapping[str, Record] | None = None,
    *,
    known_missing: frozenset[str] = frozenset(),
) -> Iterator[Problem]:
    """Dangling references of ``records``, and references to a record of the wrong
    type, resolved in ``by_id`` (default: ``records`` itself). References to an id
    in ``known_missing`` (a record that exists but could not be read) are not
    reported."""
    if by_id is None:
        by_id = records
    for record in records.values():
        for field, target_id in record.references():
            target = by_id.get(target_id)
            if target is None:
                if target_id not in known_missing:
                    yield Problem(record.id, field, f"refers to unknown id {target_id!r}")
                continue
            allowed = _TARGETS.get((record.record_type, field)) or _TARGETS.get(("*", field))
            if allowed is not None and target.record_type not in allowed:
                yield Problem(
                    record.id,
                    field,
                    f"{target_id!r} is a {target.record_type}; expected {' or '.join(allowed)}",
                )


# The reference fields of each record class, for the bulk check below: (field, how
# many ids it holds). It must list exactly what each class's ``references()`` yields;
# a test holds the two together. Records of other classes (user subclasses) are
# checked one by one through ``references()``.
_ONE, _OPTIONAL, _MANY = "one", "optional", "many"
_FIELDS: dict[type[Record], tuple[tuple[str, str], ...]] = {
    Source: (),
    Party: (),
    Person: (),
    Issue: (),
    Process: (("mediator", _OPTIONAL),),
    Round: (("process", _ONE), ("delegations", _MANY)),
    Delegation: (("party", _ONE), ("process", _ONE)),
    Membership: (("person", _ONE), ("delegation", _ONE)),
    Resignation: (("person", _ONE), ("membership", _ONE), ("submitted_to", _OPTIONAL)),
    Position: (("party", _ONE), ("issue", _ONE)),
    Ceasefire: (("parties", _MANY), ("exclusions", _MANY)),
    Designation: (("party", _ONE), ("by", _ONE)),
    Relation: (("source", _ONE), ("target", _ONE)),
    Incident: (("parties", _MANY),),
    Claim: (("about", _ONE), ("claimant", _ONE)),
}


def _targets(records: Sequence[Record], field: str, count: str) -> set[str]:
    get: Callable[[Record], object] = attrgetter(field)
    if field == "exclusions":
        return {e.party for r in records for e in r.exclusions}  # type: ignore[attr-defined]
    if count == _MANY:
        return set(itertools.chain.from_iterable(map(get, records)))  # type: ignore[arg-type]
    found: set[str] = set(map(get, records))  # type: ignore[arg-type]
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
        fields = _FIELDS.get(cls)
        if fields is None:
            if any(True for _ in reference_problems({r.id: r for r in records}, by_id)):
                return False
            continue
        checks = [("sources", _MANY), *fields]
        for field, count in checks:
            allowed = _TARGETS.get((cls.record_type, field)) or _TARGETS.get(("*", field))
            for target_id in _targets(records, field, count):
                target = by_id.get(target_id)
                if target is None:
                    return False
                if allowed is not None and target.record_type not in allowed:
                    return False
    return True


def rule_problems(
    by_id: Mapping[str, Record], by_type: Mapping[str, Iterable[Record]]
) -> Iterator[Problem]:
    """Cross-record rules: resignations, round numbers, round delegations."""
    yield from _resignation_problems(by_id, by_type.get("resignation", ()))
    yield from _round_problems(by_id, by_type.get("round", ()))


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
                others = ", ".join(repr(i) for i in ids if i != round_id)
                yield Problem(
                    round_id,
                    "number",
                    f"round {number} of process {process!r} is also numbered by {others}",
                )
