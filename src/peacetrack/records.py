"""The records a timeline is made of: immutable attrs value objects.

Every record has a string ``id`` and a tuple of ``sources`` (ids of :class:`Source`
records). Records refer to each other by id, as Popolo does, so files stay plain and
diffs readable; a :class:`~peacetrack.timeline.Timeline` resolves and checks the
references. A record checks only itself: a bad field raises
:class:`~peacetrack.errors.ValidationError` naming the record id, *every* bad field
and the reason. Rules that need neighbours (does the person exist? does the
resignation fall inside the membership?) belong to the Timeline.

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
import math
import operator
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, TypeAlias

import attrs

from peacetrack.dates import PartialDate, Period
from peacetrack.errors import InvalidDateError, Problem, ValidationError

__all__ = [
    "Ceasefire",
    "Claim",
    "ClaimValue",
    "Delegation",
    "Designation",
    "Exclusion",
    "Incident",
    "Issue",
    "Membership",
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
    "Source",
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
    """How delegations meet: through a mediator (proximity) or face to face."""

    PROXIMITY = "proximity"
    DIRECT = "direct"


class RoundOutcome(enum.Enum):
    """How a round ended, or that it has not."""

    ONGOING = "ongoing"
    CONCLUDED = "concluded"
    ADJOURNED = "adjourned"
    SUSPENDED = "suspended"
    COLLAPSED = "collapsed"


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


# -- field checks ----------------------------------------------------------------------
# Each field carries a check in its metadata that returns a message or None. A record
# runs all of them after construction and raises one ValidationError listing every bad
# field, so a user fixes a record in one pass. Converters are lenient on purpose: they
# normalise what they can and leave the rest for the check to report.

_CHECK = "peacetrack_check"
Check = Callable[[Any], str | None]


def _check_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected text, got {type(value).__name__} {value!r}"
    if not value.strip():
        return "must not be empty"
    return None


def _check_optional_text(value: Any) -> str | None:
    return None if value is None else _check_text(value)


def _check_ids(value: Any) -> str | None:
    if not isinstance(value, tuple):
        return f"expected a list of ids, got {type(value).__name__} {value!r}"
    for item in value:
        problem = _check_text(item)
        if problem:
            return f"item {item!r}: {problem}"
    if len(set(value)) != len(value):
        return f"repeats an id: {sorted(v for v in set(value) if value.count(v) > 1)}"
    return None


def _check_texts(value: Any) -> str | None:
    if not isinstance(value, tuple):
        return f"expected a list of strings, got {type(value).__name__} {value!r}"
    for item in value:
        problem = _check_text(item)
        if problem:
            return f"item {item!r}: {problem}"
    return None


def _is_instance(kind: type, label: str, *, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if optional and value is None:
            return None
        if isinstance(value, kind):
            return None
        if isinstance(value, _Invalid):
            return value.message
        return f"expected {label}, got {type(value).__name__} {value!r}"

    return check


def _check_enum(enum_type: type[enum.Enum], *, optional: bool = False) -> Check:
    choices = ", ".join(repr(m.value) for m in enum_type)

    def check(value: Any) -> str | None:
        if (optional and value is None) or isinstance(value, enum_type):
            return None
        return f"{value!r} is not a {enum_type.__name__}; expected one of {choices}"

    return check


@attrs.frozen
class _Invalid:
    """What a lenient converter leaves behind when it cannot convert; checks report it."""

    value: Any
    message: str


def _to_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list | tuple) else value


def _to_enum(enum_type: type[enum.Enum], value: Any) -> Any:
    if isinstance(value, str):
        try:
            return enum_type(value)
        except ValueError:
            return value
    return value


def _to_date(value: Any) -> Any:
    if value is None or isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.coerce(value)
    except InvalidDateError as exc:
        return _Invalid(value, str(exc))


def _to_period(value: Any) -> Any:
    if isinstance(value, Period):
        return value
    try:
        return Period.coerce(value)
    except InvalidDateError as exc:
        return _Invalid(value, str(exc))


def _check_positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"expected a whole number, got {type(value).__name__} {value!r}"
    if value < 1:
        return f"must be 1 or more, got {value}"
    return None


_TEXT = {_CHECK: _check_text}
_OPTIONAL_TEXT = {_CHECK: _check_optional_text}
_IDS = {_CHECK: _check_ids}
_TEXTS = {_CHECK: _check_texts}
_DATE = {_CHECK: _is_instance(PartialDate, "an EDTF date")}
_OPTIONAL_DATE = {_CHECK: _is_instance(PartialDate, "an EDTF date", optional=True)}
_PERIOD = {_CHECK: _is_instance(Period, "an EDTF interval")}


def _to_party_kind(value: Any) -> Any:
    return _to_enum(PartyKind, value)


def _to_round_format(value: Any) -> Any:
    return _to_enum(RoundFormat, value)


def _to_round_outcome(value: Any) -> Any:
    return _to_enum(RoundOutcome, value)


def _to_relation_kind(value: Any) -> Any:
    return _to_enum(RelationKind, value)


def _to_qualifier(value: Any) -> Any:
    return _to_enum(Qualifier, value)


_CHECKS: dict[type, tuple[tuple[str, Check], ...]] = {}


def _checks(cls: type) -> tuple[tuple[str, Check], ...]:
    """``(field name, check)`` for every checked field of ``cls``, in field order.

    Read from the fields' metadata on a class's first record and kept, so that a
    record costs only its checks, not a walk through ``attrs.fields``.
    """
    checks = _CHECKS.get(cls)
    if checks is None:
        checks = _CHECKS[cls] = tuple(
            (field.name, field.metadata[_CHECK])
            for field in attrs.fields(cls)
            if _CHECK in field.metadata
        )
    return checks


_Getter: TypeAlias = Callable[[Any], tuple[Any, ...]]
_Plan: TypeAlias = tuple[
    _Getter,  # the values of the required text fields
    _Getter | None,  # of the lists of ids, if any
    tuple[tuple[str, Check], ...],  # every other checked field, with its check
    bool,  # whether the class has rules of its own (``_rules``)
]
_PLANS: dict[type, _Plan] = {}


def _getter(names: list[str]) -> _Getter | None:
    if not names:
        return None
    if len(names) == 1:
        get = operator.attrgetter(names[0])
        return lambda obj: (get(obj),)
    return operator.attrgetter(*names)


def _plan(cls: type[Record]) -> _Plan:
    """How a record of ``cls`` tells quickly that every field is good: the required
    text fields are tested together at C speed, the lists of ids with one loop, and
    the other checks one by one."""
    plan = _PLANS.get(cls)
    if plan is None:
        checks = _checks(cls)
        texts = _getter([name for name, check in checks if check is _check_text])
        assert texts is not None  # every record has an id
        plan = _PLANS[cls] = (
            texts,
            _getter([name for name, check in checks if check is _check_ids]),
            tuple((n, c) for n, c in checks if c is not _check_text and c is not _check_ids),
            cls._rules is not Record._rules,
        )
    return plan


def _fields_pass(obj: Record, plan: _Plan) -> bool:
    """``True`` if no field check of ``obj`` finds a problem; ``False`` if one might
    (the full checks then say which)."""
    texts, ids, others, _ = plan
    try:
        # str.strip raises TypeError for anything but text; '' and blanks are falsy.
        if not all(map(str.strip, texts(obj))):
            return False
        if ids is not None:
            for value in ids(obj):
                if type(value) is not tuple or not all(map(str.strip, value)):
                    return False
                if len(value) > 1 and len(set(value)) != len(value):
                    return False
    except TypeError:
        return False
    for name, check in others:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if check(getattr(obj, name)):
            return False
    return True


def _field_problems(obj: Any, record_id: str | None, prefix: str = "") -> Iterator[Problem]:
    for name, check in _checks(type(obj)):
        message = check(getattr(obj, name))
        if message:
            yield Problem(record_id, prefix + name, message)


# -- records -----------------------------------------------------------------------------


@attrs.frozen
class Record:
    """What every record has: an ``id`` and the ids of its ``sources``.

    Subclasses name themselves in ``record_type`` (``"party"``, ``"round"``, ...),
    the tag used in files and in error messages.
    """

    record_type: ClassVar[str] = "record"

    id: str = attrs.field(metadata=_TEXT)
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=_to_tuple, kw_only=True, metadata=_IDS
    )

    def __attrs_post_init__(self) -> None:
        plan = _PLANS.get(type(self)) or _plan(type(self))
        fields_pass = _fields_pass(self, plan)
        if fields_pass and not plan[3]:
            return
        record_id = self.id if isinstance(self.id, str) and self.id.strip() else None
        problems = [] if fields_pass else list(_field_problems(self, record_id))
        problems.extend(self._rules(record_id))
        if problems:
            raise ValidationError(problems)

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        """Rules that involve more than one field of this record."""
        return iter(())

    def references(self) -> Iterator[tuple[str, str]]:
        """Yield ``(field, id)`` for every id this record refers to, sources included."""
        for source in self.sources:
            yield "sources", source


@attrs.frozen
class Source(Record):
    """Where a fact comes from: a report, a statement, a resolution.

    >>> Source("afp-2016-05-31", "Russia denies air strikes in Idlib", "Agencies",
    ...        published="2016-05-31").published.precision.value
    'day'
    """

    record_type: ClassVar[str] = "source"

    title: str = attrs.field(metadata=_TEXT)
    publisher: str = attrs.field(metadata=_TEXT)
    url: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)
    published: PartialDate | None = attrs.field(
        default=None, converter=_to_date, metadata=_OPTIONAL_DATE
    )


@attrs.frozen
class Party(Record):
    """An actor: a state, a government, an opposition body, an armed group, ..."""

    record_type: ClassVar[str] = "party"

    name: str = attrs.field(metadata=_TEXT)
    kind: PartyKind = attrs.field(
        converter=_to_party_kind, metadata={_CHECK: _check_enum(PartyKind)}
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, metadata=_TEXTS)


@attrs.frozen
class Person(Record):
    """A named person: a negotiator, an envoy, a spokesperson."""

    record_type: ClassVar[str] = "person"

    name: str = attrs.field(metadata=_TEXT)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, metadata=_TEXTS)


@attrs.frozen
class Process(Record):
    """A negotiation process; ``mediator`` is a party or person id, or ``None``."""

    record_type: ClassVar[str] = "process"

    name: str = attrs.field(metadata=_TEXT)
    mediator: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        if self.mediator is not None:
            yield "mediator", self.mediator


@attrs.frozen
class Round(Record):
    """One round of a process: when, where, in which format, with what outcome."""

    record_type: ClassVar[str] = "round"

    process: str = attrs.field(metadata=_TEXT)
    number: int = attrs.field(metadata={_CHECK: _check_positive_int})
    period: Period = attrs.field(converter=_to_period, metadata=_PERIOD)
    venue: str = attrs.field(metadata=_TEXT)
    format: RoundFormat = attrs.field(
        converter=_to_round_format, metadata={_CHECK: _check_enum(RoundFormat)}
    )
    outcome: RoundOutcome = attrs.field(
        converter=_to_round_outcome, metadata={_CHECK: _check_enum(RoundOutcome)}
    )
    delegations: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, metadata=_IDS)

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        yield "process", self.process
        for delegation in self.delegations:
            yield "delegations", delegation


@attrs.frozen
class Delegation(Record):
    """A party's team at a process."""

    record_type: ClassVar[str] = "delegation"

    party: str = attrs.field(metadata=_TEXT)
    process: str = attrs.field(metadata=_TEXT)
    name: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        yield "party", self.party
        yield "process", self.process


@attrs.frozen
class Membership(Record):
    """A person's place in a delegation, with a free-text ``role`` and a period."""

    record_type: ClassVar[str] = "membership"

    person: str = attrs.field(metadata=_TEXT)
    delegation: str = attrs.field(metadata=_TEXT)
    role: str = attrs.field(metadata=_TEXT)
    period: Period = attrs.field(converter=_to_period, metadata=_PERIOD)

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        yield "person", self.person
        yield "delegation", self.delegation


@attrs.frozen
class Resignation(Record):
    """A person leaving a membership; the membership's period must end on ``date``.

    ``submitted_to`` is the party the resignation was handed to, when known.
    """

    record_type: ClassVar[str] = "resignation"

    person: str = attrs.field(metadata=_TEXT)
    membership: str = attrs.field(metadata=_TEXT)
    date: PartialDate = attrs.field(converter=_to_date, metadata=_DATE)
    reason: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)
    quote: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)
    submitted_to: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        yield "person", self.person
        yield "membership", self.membership
        if self.submitted_to is not None:
            yield "submitted_to", self.submitted_to


@attrs.frozen
class Issue(Record):
    """An agenda item parties take positions on, e.g. ``"sequencing"``."""

    record_type: ClassVar[str] = "issue"

    name: str = attrs.field(metadata=_TEXT)


@attrs.frozen
class Position(Record):
    """What a party holds on an issue during a period, e.g. ``"transition-first"``."""

    record_type: ClassVar[str] = "position"

    party: str = attrs.field(metadata=_TEXT)
    issue: str = attrs.field(metadata=_TEXT)
    stance: str = attrs.field(metadata=_TEXT)
    period: Period = attrs.field(converter=_to_period, metadata=_PERIOD)

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        yield "party", self.party
        yield "issue", self.issue


@attrs.frozen
class Exclusion:
    """A party left out of a ceasefire, and why."""

    party: str = attrs.field(metadata=_TEXT)
    reason: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)

    def __attrs_post_init__(self) -> None:
        problems = list(_field_problems(self, None, "exclusion."))
        if problems:
            raise ValidationError(problems)


def _to_exclusions(value: Any) -> Any:
    if not isinstance(value, list | tuple):
        return value
    # A bad item is left for the check to report under the ceasefire's id, with the
    # ceasefire's other problems, instead of escaping as a bare TypeError.
    try:
        return tuple(Exclusion(**item) if isinstance(item, dict) else item for item in value)
    except ValidationError as exc:
        return _Invalid(value, "; ".join(f"{p.field}: {p.message}" for p in exc.problems))
    except TypeError as exc:
        return _Invalid(value, f"an exclusion has the fields party and reason ({exc})")


def _check_exclusions(value: Any) -> str | None:
    if isinstance(value, _Invalid):
        return value.message
    if not isinstance(value, tuple) or not all(isinstance(v, Exclusion) for v in value):
        return f"expected a list of Exclusion, got {value!r}"
    parties = [e.party for e in value]
    if len(set(parties)) != len(parties):
        return "excludes the same party twice"
    return None


@attrs.frozen
class Ceasefire(Record):
    """A ceasefire: who is party to it, and who is excluded from it."""

    record_type: ClassVar[str] = "ceasefire"

    name: str = attrs.field(metadata=_TEXT)
    period: Period = attrs.field(converter=_to_period, metadata=_PERIOD)
    parties: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, metadata=_IDS)
    exclusions: tuple[Exclusion, ...] = attrs.field(
        default=(), converter=_to_exclusions, metadata={_CHECK: _check_exclusions}
    )

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        # Only once both fields are well formed (their checks report them otherwise).
        if _check_ids(self.parties) is None and _check_exclusions(self.exclusions) is None:
            both = set(self.parties) & {e.party for e in self.exclusions}
            if both:
                yield Problem(record_id, "exclusions", f"{sorted(both)} both party to and excluded")

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        for party in self.parties:
            yield "parties", party
        for exclusion in self.exclusions:
            yield "exclusions", exclusion.party


@attrs.frozen
class Designation(Record):
    """``by`` calls ``party`` something, e.g. a terrorist organization."""

    record_type: ClassVar[str] = "designation"

    party: str = attrs.field(metadata=_TEXT)
    by: str = attrs.field(metadata=_TEXT)
    label: str = attrs.field(metadata=_TEXT)
    date: PartialDate | None = attrs.field(
        default=None, converter=_to_date, metadata=_OPTIONAL_DATE
    )

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        yield "party", self.party
        yield "by", self.by


@attrs.frozen
class Relation(Record):
    """A directed relation between two parties during a period."""

    record_type: ClassVar[str] = "relation"

    source: str = attrs.field(metadata=_TEXT)
    target: str = attrs.field(metadata=_TEXT)
    kind: RelationKind = attrs.field(
        converter=_to_relation_kind, metadata={_CHECK: _check_enum(RelationKind)}
    )
    period: Period = attrs.field(converter=_to_period, metadata=_PERIOD)

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        if self.source == self.target:
            yield Problem(record_id, "target", f"a party cannot relate to itself ({self.source})")

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        yield "source", self.source
        yield "target", self.target


@attrs.frozen
class Incident(Record):
    """Something that happened on a day: an air strike, a shelling, a capture.

    ``parties`` are the parties the sources tie to it without dispute; who did what,
    when sources disagree, belongs in :class:`Claim` records.
    """

    record_type: ClassVar[str] = "incident"

    kind: str = attrs.field(metadata=_TEXT)
    date: PartialDate = attrs.field(converter=_to_date, metadata=_DATE)
    place: str = attrs.field(metadata=_TEXT)
    description: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)
    parties: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, metadata=_IDS)

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        for party in self.parties:
            yield "parties", party


_SCALARS = (str, int, float, bool)  # a tuple: isinstance with one is faster than with a union


def _check_claim_value(value: Any) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, got {value!r}"
    if isinstance(value, _SCALARS):
        return None
    return f"expected a JSON scalar (text, number or true/false), got {type(value).__name__}"


@attrs.frozen
class Claim(Record):
    """One party's or person's statement about a record: disagreement is data.

    >>> Claim("c2", "idlib-strikes", "turkey", "civilians killed", 60,
    ...       qualifier="more than").qualifier
    <Qualifier.MORE_THAN: 'more than'>
    """

    record_type: ClassVar[str] = "claim"

    about: str = attrs.field(metadata=_TEXT)
    claimant: str = attrs.field(metadata=_TEXT)
    predicate: str = attrs.field(metadata=_TEXT)
    value: ClaimValue = attrs.field(metadata={_CHECK: _check_claim_value})
    qualifier: Qualifier | None = attrs.field(
        default=None,
        converter=_to_qualifier,
        metadata={_CHECK: _check_enum(Qualifier, optional=True)},
    )
    date: PartialDate | None = attrs.field(
        default=None, converter=_to_date, metadata=_OPTIONAL_DATE
    )
    quote: str | None = attrs.field(default=None, metadata=_OPTIONAL_TEXT)

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        numeric = isinstance(self.value, int | float) and not isinstance(self.value, bool)
        if self.qualifier is not None and not numeric:
            yield Problem(record_id, "qualifier", f"bounds a number, but value is {self.value!r}")

    def references(self) -> Iterator[tuple[str, str]]:
        yield from super().references()
        yield "about", self.about
        yield "claimant", self.claimant
