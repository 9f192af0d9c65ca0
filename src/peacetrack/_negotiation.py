"""The talks themselves: processes, their rounds, the delegations and their members,
resignations, and the positions parties and people hold on the issues.

Re-exported from :mod:`peacetrack.records` and :mod:`peacetrack`, which document them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

import attrs

from peacetrack._field_checks import (
    CHECK,
    DATE,
    OPTIONAL_DATE,
    OPTIONAL_TEXT,
    PERIOD,
    TEXT,
    check_enum,
    check_positive_int,
    to_date,
    to_enum,
    to_period,
    to_tuple,
)
from peacetrack._record import Record
from peacetrack._registry import optional_ref, ref, refs, register_record_type
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import Problem

__all__ = [
    "Delegation",
    "Issue",
    "Membership",
    "Position",
    "Process",
    "Resignation",
    "Round",
    "RoundFormat",
    "RoundOutcome",
]


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


def _to_round_format(value: Any) -> Any:
    return to_enum(RoundFormat, value)


def _to_round_outcome(value: Any) -> Any:
    return to_enum(RoundOutcome, value)


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
