"""The records a timeline is made of: immutable attrs value objects.

Every record has a string ``id`` and a tuple of ``sources`` (ids of :class:`Source`
records). Records refer to each other by id, as Popolo does, so files stay plain and
diffs readable; a :class:`~peacetrack.timeline.Timeline` resolves and checks the
references. A record checks only itself: a bad field raises
:class:`~peacetrack.errors.ValidationError` naming the record id, *every* bad field
and the reason. Rules that need neighbours (does the person exist? does the
resignation fall inside the membership?) belong to the Timeline.

Adding a record type takes (``tests/test_registry.py`` checks each piece, and
``docs/architecture.md`` says more):

- the class: ``@register_record_type("tag")`` on an ``@attrs.frozen`` subclass of
  :class:`Record`, with ``ref(...)`` / ``optional_ref(...)`` / ``refs(...)`` /
  ``ref_items(...)`` metadata on each field that holds ids (references, checks,
  the file format and the schema follow from it);
- its hypothesis strategy in :mod:`peacetrack.testing` (and in ``timelines()``);
- its words in ``_display`` (a name; a sentence per event if it is dated) and, if
  dated, its events in :mod:`peacetrack.events`;
- its docs: a docstring, and a name in ``__all__`` here and in :mod:`peacetrack`.

Strings are accepted where a date, a period or an enum is expected, so records read
naturally:

>>> r = Round("r3", "geneva-2016", 3, "2016-04-13/2016-04-27", "Geneva", "proximity",
...           "adjourned", delegations=("gov", "hnc"))
>>> r.period.days(), r.format
((14, 14), <RoundFormat.PROXIMITY: 'proximity'>)
>>> attrs.evolve(r, outcome=RoundOutcome.SUSPENDED).outcome.value
'suspended'
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, ClassVar, TypeAlias

import attrs

from peacetrack._fast import FAST_PATHS
from peacetrack._field_checks import (
    CHECK,
    DATE,
    OPTIONAL_DATE,
    OPTIONAL_PERIOD,
    OPTIONAL_TEXT,
    PERIOD,
    PLANS,
    TEXT,
    TEXTS,
    check_claim_value,
    check_enum,
    check_ids,
    check_positive_int,
    field_problems,
    fields_ok,
    plan_of,
    to_date,
    to_enum,
    to_optional_period,
    to_period,
    to_tuple,
    typed,
)
from peacetrack._other_names import Name, check_names, to_names
from peacetrack._parts import Exclusion, Identifier, Link, check_parts, to_parts
from peacetrack._registry import (
    RECORD_TYPES,
    optional_ref,
    ref,
    ref_items,
    references_of,
    refs,
    register_record_type,
)
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import Problem, ValidationError

__all__ = [
    "RECORD_TYPES",
    "Agreement",
    "AgreementKind",
    "Ceasefire",
    "Claim",
    "ClaimValue",
    "Delegation",
    "Designation",
    "Exclusion",
    "Identifier",
    "Incident",
    "Issue",
    "Link",
    "Membership",
    "Name",
    "Participation",
    "ParticipationRole",
    "ParticipationStatus",
    "Party",
    "PartyKind",
    "Person",
    "Position",
    "Process",
    "Qualifier",
    "Record",
    "Relation",
    "RelationKind",
    "Resignation",
    "Round",
    "RoundFormat",
    "RoundOutcome",
    "Signatory",
    "SignatoryRole",
    "Source",
    "register_record_type",
]

ClaimValue: TypeAlias = str | int | float | bool
"""A claim's value: a JSON scalar (23, "denied", True)."""


class PartyKind(enum.Enum):
    """What kind of actor a party is."""

    STATE = "state"
    GOVERNMENT = "government"
    OPPOSITION = "opposition"
    ARMED_GROUP = "armed_group"
    INTERGOVERNMENTAL = "intergovernmental"
    MEDIATOR = "mediator"
    MONITOR = "monitor"
    OTHER = "other"


class RoundFormat(enum.Enum):
    """How delegations meet: through a mediator in one place (proximity), face to face
    (direct), through a mediator travelling between them (shuttle), or several of these
    in one round (mixed)."""

    PROXIMITY = "proximity"
    DIRECT = "direct"
    SHUTTLE = "shuttle"
    MIXED = "mixed"


class RoundOutcome(enum.Enum):
    """How a round ended, or that it has not."""

    ONGOING = "ongoing"
    CONCLUDED = "concluded"
    ADJOURNED = "adjourned"
    SUSPENDED = "suspended"
    COLLAPSED = "collapsed"
    AGREEMENT = "agreement"
    """It ended with an agreement reached."""


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


# Bound by assignment, not import: CPython 3.11 compiles ``PLANS.get(...)`` on an imported
# name as an attribute load (it expects a module), which costs ~30 ns on every record.
_PLANS = PLANS
_FAST_PATHS = FAST_PATHS

# Lenient converters for the enum fields: a string becomes its member when it names one.


def _to_party_kind(value: Any) -> Any:
    return to_enum(PartyKind, value)


def _to_round_format(value: Any) -> Any:
    return to_enum(RoundFormat, value)


def _to_round_outcome(value: Any) -> Any:
    return to_enum(RoundOutcome, value)


def _to_relation_kind(value: Any) -> Any:
    return to_enum(RelationKind, value)


def _to_qualifier(value: Any) -> Any:
    return to_enum(Qualifier, value)


_NUMBERS = (int, float)  # exact types: a bool is an int subclass, but not a number here

# -- records -----------------------------------------------------------------------------


@attrs.frozen
class Record:
    """What every record has: an ``id`` and the ids of its ``sources``.

    Subclasses name themselves in ``record_type`` (``"party"``, ``"round"``, ...),
    the tag used in files and in error messages.
    """

    record_type: ClassVar[str] = "record"

    id: str = attrs.field(metadata=TEXT)
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, kw_only=True, metadata=refs("source")
    )

    def __attrs_post_init__(self) -> None:
        plan = _PLANS.get(type(self)) or plan_of(type(self), Record._rules)
        passed = _FAST_PATHS and fields_ok(self, plan)
        if passed and (not plan.has_rules or self._rules_hold()):
            return
        record_id = self.id if isinstance(self.id, str) and self.id.strip() else None
        problems = [] if passed else list(field_problems(self, record_id))
        problems.extend(self._rules(record_id))
        if problems:
            raise ValidationError(problems)

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        """Rules that involve more than one field of this record."""
        return iter(())

    def _rules_hold(self) -> bool:
        """A quick test, run once every field is good: ``True`` when :meth:`_rules`
        would find nothing (``False``: it may, so run it). Records are made by the
        million when a file is read; this spares them the rules' generator."""
        return False

    def references(self) -> Iterator[tuple[str, str]]:
        """Yield ``(field, id)`` for every id this record refers to, sources included,
        in field order (the fields declared with :func:`~peacetrack._registry.ref` and
        its kin)."""
        for reference in references_of(type(self)):
            for target in reference.ids(self):
                yield reference.field, target


_exclusions_from = to_parts(Exclusion)
_identifiers_from = to_parts(Identifier)
_links_from = to_parts(Link)


# Named functions, as mypy's attrs plugin reads converters by name.
def _to_exclusions(value: Any) -> Any:
    return _exclusions_from(value)


def _to_identifiers(value: Any) -> Any:
    return _identifiers_from(value)


def _to_links(value: Any) -> Any:
    return _links_from(value)


_check_exclusions = check_parts(Exclusion, lambda e: e.party, "excludes the same party twice")
_IDENTIFIERS = {
    CHECK: check_parts(Identifier, lambda i: (i.scheme, i.identifier), "repeats an identifier")
}
_LINKS = {CHECK: check_parts(Link, lambda link: link.url, "repeats a link")}


@register_record_type("source")
@attrs.frozen
class Source(Record):
    """Where a fact comes from: a report, a statement, a resolution.

    >>> Source("afp-2016-05-31", "Russia denies air strikes in Idlib", "Agencies",
    ...        published="2016-05-31").published.precision.value
    'day'
    """

    title: str = attrs.field(metadata=TEXT)
    publisher: str = attrs.field(metadata=TEXT)
    url: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
    published: PartialDate | None = attrs.field(
        default=None, converter=to_date, metadata=OPTIONAL_DATE
    )


_NAMES = {CHECK: check_names}


@register_record_type("party")
@attrs.frozen
class Party(Record):
    """An actor: a state, a government, an opposition body, an armed group, ...

    ``aliases`` are other spellings and short forms, undated ("HNC"); ``names`` are
    other names with a period, a language or a note (:class:`Name`), such as the
    name a group took when it renamed itself.
    """

    name: str = attrs.field(metadata=TEXT)
    kind: PartyKind = attrs.field(converter=_to_party_kind, metadata={CHECK: check_enum(PartyKind)})
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, metadata=TEXTS)
    names: tuple[Name, ...] = attrs.field(default=(), converter=to_names, metadata=_NAMES)
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=_to_identifiers, metadata=_IDENTIFIERS
    )
    links: tuple[Link, ...] = attrs.field(default=(), converter=_to_links, metadata=_LINKS)


@register_record_type("person")
@attrs.frozen
class Person(Record):
    """A named person: a negotiator, an envoy, a spokesperson (``aliases`` and
    ``names`` as for a :class:`Party`)."""

    name: str = attrs.field(metadata=TEXT)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, metadata=TEXTS)
    names: tuple[Name, ...] = attrs.field(default=(), converter=to_names, metadata=_NAMES)
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=_to_identifiers, metadata=_IDENTIFIERS
    )
    links: tuple[Link, ...] = attrs.field(default=(), converter=_to_links, metadata=_LINKS)


@register_record_type("process")
@attrs.frozen
class Process(Record):
    """A negotiation process; ``mediator`` is a party or person id, or ``None``."""

    name: str = attrs.field(metadata=TEXT)
    mediator: str | None = attrs.field(default=None, metadata=optional_ref("party", "person"))


@register_record_type("round")
@attrs.frozen
class Round(Record):
    """One round of a process: when, where, in which format, with what outcome.

    ``venue``, ``format`` and ``outcome`` may be ``None``: unknown. A round whose
    outcome is ``ongoing`` has an open period.
    """

    process: str = attrs.field(metadata=ref("process"))
    number: int = attrs.field(metadata={CHECK: check_positive_int})
    period: Period = attrs.field(converter=to_period, metadata=PERIOD)
    venue: str | None = attrs.field(metadata=OPTIONAL_TEXT)
    format: RoundFormat | None = attrs.field(
        converter=_to_round_format, metadata={CHECK: check_enum(RoundFormat, optional=True)}
    )
    outcome: RoundOutcome | None = attrs.field(
        converter=_to_round_outcome, metadata={CHECK: check_enum(RoundOutcome, optional=True)}
    )
    delegations: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=refs("delegation")
    )

    def _rules_hold(self) -> bool:
        return self.outcome is not RoundOutcome.ONGOING or self.period.end is None

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        if (
            self.outcome is RoundOutcome.ONGOING
            and isinstance(self.period, Period)
            and self.period.end is not None
        ):
            yield Problem(
                record_id,
                "outcome",
                f"a round marked ongoing cannot have ended, but its period is {self.period}",
            )


@register_record_type("delegation")
@attrs.frozen
class Delegation(Record):
    """A party's team at a process."""

    party: str = attrs.field(metadata=ref("party"))
    process: str = attrs.field(metadata=ref("process"))
    name: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)


@register_record_type("membership")
@attrs.frozen
class Membership(Record):
    """A person's place in a delegation, with a free-text ``role`` and a period."""

    person: str = attrs.field(metadata=ref("person"))
    delegation: str = attrs.field(metadata=ref("delegation"))
    role: str = attrs.field(metadata=TEXT)
    period: Period = attrs.field(converter=to_period, metadata=PERIOD)


@register_record_type("resignation")
@attrs.frozen
class Resignation(Record):
    """A person leaving a membership; the membership's period must end on ``date``.

    ``submitted_to`` is the party the resignation was handed to, when known.
    """

    person: str = attrs.field(metadata=ref("person"))
    membership: str = attrs.field(metadata=ref("membership"))
    date: PartialDate = attrs.field(converter=to_date, metadata=DATE)
    reason: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
    quote: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
    submitted_to: str | None = attrs.field(default=None, metadata=optional_ref("party", "person"))


@register_record_type("issue")
@attrs.frozen
class Issue(Record):
    """An agenda item parties take positions on, e.g. ``"sequencing"``."""

    name: str = attrs.field(metadata=TEXT)


@register_record_type("position")
@attrs.frozen
class Position(Record):
    """What a party or a person (the ``holder``) holds on an issue during a period,
    e.g. ``"transition-first"``; ``stated`` is when it was said, with a ``quote``
    and a ``reason`` when known. One holder holds one position per issue at a time.

    >>> Position("p1", "hnc", "sequencing", "transition-first", "2016-01/..",
    ...          stated="2016-01-20", quote="No role for Assad").stated.precision.value
    'day'
    """

    holder: str = attrs.field(metadata=ref("party", "person"))
    issue: str = attrs.field(metadata=ref("issue"))
    stance: str = attrs.field(metadata=TEXT)
    period: Period = attrs.field(converter=to_period, metadata=PERIOD)
    stated: PartialDate | None = attrs.field(
        default=None, converter=to_date, metadata=OPTIONAL_DATE
    )
    quote: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
    reason: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)


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


# The v2 record types live in their own module (this one is near its size limit); they
# need Record, defined above, so they are imported last.
from peacetrack._participation import (  # noqa: E402
    Agreement,
    AgreementKind,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Signatory,
    SignatoryRole,
)
