"""The conflict around the talks, and what is said about it: ceasefires, designations,
relations between parties, incidents, and the claims sources disagree on.

Re-exported from :mod:`peacetrack.records` and :mod:`peacetrack`, which document them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, TypeAlias

import attrs

from peacetrack._field_checks import (
    CHECK,
    OPTIONAL_DATE,
    OPTIONAL_PERIOD,
    OPTIONAL_TEXT,
    PERIOD,
    TEXT,
    check_claim_value,
    check_enum,
    check_ids,
    check_parts,
    to_date,
    to_enum,
    to_optional_period,
    to_parts,
    to_period,
    to_tuple,
    typed,
)
from peacetrack._parts import Exclusion
from peacetrack._record import Record
from peacetrack._registry import optional_ref, ref, ref_items, refs, register_record_type
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import Problem

__all__ = [
    "Ceasefire",
    "Claim",
    "ClaimValue",
    "Designation",
    "Incident",
    "Qualifier",
    "Relation",
    "RelationKind",
]

ClaimValue: TypeAlias = str | int | float | bool
"""A claim's value: a JSON scalar (23, "denied", True)."""


class RelationKind(enum.Enum):
    """How one party stands to another."""

    SUPPORTS = "supports"
    ALLIED_WITH = "allied_with"
    PART_OF = "part_of"
    FIGHTS = "fights"
    OPPOSES = "opposes"


class Qualifier(enum.Enum):
    """Bounds a numeric claim: "more than 60" is ``(60, Qualifier.MORE_THAN)``."""

    ABOUT = "about"
    AT_LEAST = "at least"
    AT_MOST = "at most"
    MORE_THAN = "more than"
    FEWER_THAN = "fewer than"


def _to_relation_kind(value: Any) -> Any:
    return to_enum(RelationKind, value)


def _to_qualifier(value: Any) -> Any:
    return to_enum(Qualifier, value)


_NUMBERS = (int, float)  # exact types: a bool is an int subclass, but not a number here

_exclusions_from = to_parts(Exclusion)


# A named function, as mypy's attrs plugin reads converters by name.
def _to_exclusions(value: Any) -> Any:
    return _exclusions_from(value)


_check_exclusions = check_parts(Exclusion, lambda e: e.party, "excludes the same party twice")


@register_record_type("ceasefire")
@attrs.frozen
class Ceasefire(Record):
    """A ceasefire: who is party to it, and who is excluded from it.

    ``agreement`` is the agreement that set it up, ``brokers`` the parties or people
    who brokered it, ``area`` where it applies, in words ("all of Syria").
    """

    name: str = attrs.field(metadata=TEXT)
    period: Period = attrs.field(converter=to_period, metadata=PERIOD)
    parties: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, metadata=refs("party"))
    exclusions: tuple[Exclusion, ...] = attrs.field(
        default=(),
        converter=_to_exclusions,
        metadata=ref_items("party", item="party", check=_check_exclusions),
    )
    agreement: str | None = attrs.field(default=None, metadata=optional_ref("agreement"))
    brokers: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=refs("party", "person")
    )
    area: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        # Only once both fields are well formed (their checks report them otherwise).
        if check_ids(self.parties) is None and _check_exclusions(self.exclusions) is None:
            both = set(self.parties) & {e.party for e in self.exclusions}
            if both:
                yield Problem(record_id, "exclusions", f"{sorted(both)} both party to and excluded")


@register_record_type("designation")
@attrs.frozen
class Designation(Record):
    """``by`` calls ``party`` something, e.g. a terrorist organization, from the start
    of ``period`` (listed) to its end (delisted). An open period: still listed;
    ``None``: when is not known.

    >>> Designation("d1", "nusra", "unsc", "terrorist organization", "2013-05-30/..").period
    Period('2013-05-30/..')
    """

    party: str = attrs.field(metadata=ref("party"))
    by: str = attrs.field(metadata=ref("party", "person"))
    label: str = attrs.field(metadata=TEXT)
    period: Period | None = attrs.field(
        default=None, converter=to_optional_period, metadata=OPTIONAL_PERIOD
    )

    def _rules_hold(self) -> bool:
        return self.party != self.by

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        if self.party == self.by:
            yield Problem(record_id, "by", f"a party cannot designate itself ({self.party})")


@register_record_type("relation")
@attrs.frozen
class Relation(Record):
    """A directed relation between two parties during a period."""

    source: str = attrs.field(metadata=ref("party"))
    target: str = attrs.field(metadata=ref("party"))
    kind: RelationKind = attrs.field(
        converter=_to_relation_kind, metadata={CHECK: check_enum(RelationKind)}
    )
    period: Period = attrs.field(converter=to_period, metadata=PERIOD)

    def _rules_hold(self) -> bool:
        return self.source != self.target

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        if self.source == self.target:
            yield Problem(record_id, "target", f"a party cannot relate to itself ({self.source})")


@register_record_type("incident")
@attrs.frozen
class Incident(Record):
    """Something that happened on a day (an air strike, a shelling, a capture), or
    over a period (an offensive, a siege): exactly one of ``date`` and ``period``.

    ``parties`` are the parties the sources tie to it without dispute; who did what,
    when sources disagree, belongs in :class:`Claim` records.

    >>> Incident("aleppo-offensive", "offensive", None, "Aleppo",
    ...          period="2016-06-25/2016-08").span
    Period('2016-06-25/2016-08')
    """

    kind: str = attrs.field(metadata=TEXT)
    date: PartialDate | None = attrs.field(converter=to_date, metadata=OPTIONAL_DATE)
    place: str = attrs.field(metadata=TEXT)
    description: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
    parties: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, metadata=refs("party"))
    period: Period | None = attrs.field(
        default=None, converter=to_optional_period, metadata=OPTIONAL_PERIOD, kw_only=True
    )

    def _rules_hold(self) -> bool:
        return (self.date is None) is not (self.period is None)

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        if (self.date is None) == (self.period is None):
            said = "neither" if self.date is None else "both"
            yield Problem(record_id, "date", f"give a date or a period, exactly one; got {said}")

    @property
    def span(self) -> Period:
        """The days the incident covers: its period, or its date as a one-date period."""
        if self.period is not None:
            return self.period
        assert self.date is not None  # exactly one is set
        return Period(self.date, self.date)


@register_record_type("claim")
@attrs.frozen
class Claim(Record):
    """One party's or person's statement about a record: disagreement is data.

    >>> Claim("c2", "idlib-strikes", "turkey", "civilians killed", 60,
    ...       qualifier="more than").qualifier
    <Qualifier.MORE_THAN: 'more than'>
    """

    about: str = attrs.field(metadata=ref())
    claimant: str = attrs.field(metadata=ref("party", "person"))
    predicate: str = attrs.field(metadata=TEXT)
    # Compared with its type: True, 1 and 1.0 are three values, never merged.
    value: ClaimValue = attrs.field(eq=typed, metadata={CHECK: check_claim_value})
    qualifier: Qualifier | None = attrs.field(
        default=None,
        converter=_to_qualifier,
        metadata={CHECK: check_enum(Qualifier, optional=True)},
    )
    date: PartialDate | None = attrs.field(default=None, converter=to_date, metadata=OPTIONAL_DATE)
    quote: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)

    def _rules_hold(self) -> bool:
        return self.about != self.claimant and (
            self.qualifier is None or type(self.value) in _NUMBERS
        )

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        numeric = isinstance(self.value, int | float) and not isinstance(self.value, bool)
        if self.qualifier is not None and not numeric:
            yield Problem(record_id, "qualifier", f"bounds a number, but value is {self.value!r}")
        if self.about == self.claimant:
            yield Problem(
                record_id, "about", f"a claim cannot be about its own claimant ({self.claimant})"
            )
