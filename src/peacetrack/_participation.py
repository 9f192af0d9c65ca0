"""Who takes part in a process, and what they adopt or sign: two record types.

:class:`Participation` says that an actor (a party, a person or a delegation) had a
role in a process, or in one round of it, with a status, over a period, and why:
"de Mistura mediated the Geneva talks", "the PYD was kept out of them", "the HNC
suspended its participation in round 3".

:class:`Agreement` is a document that parties adopt or sign -- a Security Council
resolution, a communiqué, a joint statement, a memorandum, a ceasefire agreement --
with its :class:`Signatory` list and the agreements it endorses, amends or
supersedes. The kinds follow the agreement stages of PA-X (the Peace Agreements
Database of the University of Edinburgh) where they match.

Both are re-exported from :mod:`peacetrack.records` and :mod:`peacetrack`.

>>> p = Participation("pyd-out", "geneva", "pyd", "participant", "excluded",
...                   period="2016-01-29/2016-04-27", reason="Turkey's objection")
>>> p.status, p.period.days()
(<ParticipationStatus.EXCLUDED: 'excluded'>, (89, 89))
>>> a = Agreement("mou", "Memorandum on de-escalation areas", "memorandum", "2017-05-04",
...               signatories=[Signatory("russia", "guarantor")])
>>> a.signatories[0].role.value
'guarantor'
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from peacetrack._field_checks import (
    CHECK,
    DATE,
    OPTIONAL_PERIOD,
    OPTIONAL_TEXT,
    TEXT,
    check_enum,
    check_ids,
    check_parts,
    field_problems,
    to_date,
    to_enum,
    to_optional_period,
    to_parts,
    to_tuple,
)
from peacetrack._record import Record
from peacetrack._registry import optional_ref, ref, ref_items, refs, register_record_type
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import Problem, ValidationError

__all__ = [
    "Agreement",
    "AgreementKind",
    "Participation",
    "ParticipationRole",
    "ParticipationStatus",
    "Signatory",
    "SignatoryRole",
]

ACTORS = ("party", "person", "delegation")
"""The record types an actor of a participation or a signatory may be."""


class ParticipationRole(enum.Enum):
    """The part an actor plays in a process."""

    MEDIATOR = "mediator"
    CO_MEDIATOR = "co_mediator"
    GUARANTOR = "guarantor"
    CO_CHAIR = "co_chair"
    FACILITATOR = "facilitator"
    HOST = "host"
    OBSERVER = "observer"
    PARTICIPANT = "participant"


class ParticipationStatus(enum.Enum):
    """Whether the actor took that part: invited, took part, or stayed or was kept away."""

    INVITED = "invited"
    TOOK_PART = "took_part"
    BOYCOTTED = "boycotted"
    SUSPENDED = "suspended"
    WALKED_OUT = "walked_out"
    EXCLUDED = "excluded"


MEDIATING = frozenset({ParticipationRole.MEDIATOR, ParticipationRole.CO_MEDIATOR})
"""The roles that make an actor a mediator of the process."""

ABSENT = frozenset(
    {
        ParticipationStatus.BOYCOTTED,
        ParticipationStatus.SUSPENDED,
        ParticipationStatus.WALKED_OUT,
        ParticipationStatus.EXCLUDED,
    }
)
"""The statuses of an actor who is not at the table (by choice or not)."""


class AgreementKind(enum.Enum):
    """What kind of document an agreement is.

    The first five are PA-X's agreement stages (pre-negotiation/process, ceasefire,
    framework/substantive-partial, comprehensive, implementation); the rest are the
    documents around a negotiation that PA-X does not list as peace agreements.
    """

    PRE_NEGOTIATION = "pre_negotiation"
    CEASEFIRE = "ceasefire"
    FRAMEWORK = "framework"
    COMPREHENSIVE = "comprehensive"
    IMPLEMENTATION = "implementation"
    RENEWAL = "renewal"
    RESOLUTION = "resolution"
    COMMUNIQUE = "communique"
    STATEMENT = "statement"
    MEMORANDUM = "memorandum"
    OTHER = "other"


class SignatoryRole(enum.Enum):
    """How an actor stands to an agreement it put its name to."""

    SIGNATORY = "signatory"
    WITNESS = "witness"
    GUARANTOR = "guarantor"


def _to_role(value: Any) -> Any:
    return to_enum(ParticipationRole, value)


def _to_status(value: Any) -> Any:
    return to_enum(ParticipationStatus, value)


def _to_agreement_kind(value: Any) -> Any:
    return to_enum(AgreementKind, value)


def _to_signatory_role(value: Any) -> Any:
    return to_enum(SignatoryRole, value)


@register_record_type("participation")
@attrs.frozen
class Participation(Record):
    """An actor's part in a process (or in one ``round`` of it): role, status, period.

    ``actor`` is a party, a person or a delegation. ``period=None`` means the dates
    are not recorded: the participation then holds over its round's period when
    ``round`` is given, and otherwise over the whole process (this is what a
    version 1 file's ``Process.mediator`` becomes). ``reason`` says why, in words
    ("Turkey objected", "air strikes on civilians").
    """

    process: str = attrs.field(metadata=ref("process"))
    actor: str = attrs.field(metadata=ref(*ACTORS))
    role: ParticipationRole = attrs.field(
        converter=_to_role, metadata={CHECK: check_enum(ParticipationRole)}
    )
    status: ParticipationStatus = attrs.field(
        converter=_to_status, metadata={CHECK: check_enum(ParticipationStatus)}
    )
    period: Period | None = attrs.field(
        default=None, converter=to_optional_period, metadata=OPTIONAL_PERIOD
    )
    round: str | None = attrs.field(default=None, metadata=optional_ref("round"))
    reason: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)


@attrs.frozen
class Signatory:
    """An actor who put its name to an agreement, and as what."""

    actor: str = attrs.field(metadata=TEXT)
    role: SignatoryRole = attrs.field(
        default=SignatoryRole.SIGNATORY,
        converter=_to_signatory_role,
        metadata={CHECK: check_enum(SignatoryRole)},
    )

    def __attrs_post_init__(self) -> None:
        problems = list(field_problems(self, None, "signatory."))
        if problems:
            raise ValidationError(problems)


_signatories_from = to_parts(Signatory)


# A named function, as mypy's attrs plugin reads converters by name.
def _to_signatories(value: Any) -> Any:
    return _signatories_from(value)


def _twice(actors: list[str]) -> str:
    return f"names an actor twice: {sorted(a for a, n in Counter(actors).items() if n > 1)}"


_check_signatories = check_parts(Signatory, lambda s: s.actor, _twice)


@register_record_type("agreement")
@attrs.frozen
class Agreement(Record):
    """A document parties adopt or sign, on ``date``.

    ``process`` and ``round`` place it in the talks (both optional); ``period`` is
    when it is in force, if it says; ``endorses``, ``amends`` and ``supersedes``
    name other agreements (a resolution endorsing a joint statement, a memorandum
    superseding another).
    """

    name: str = attrs.field(metadata=TEXT)
    kind: AgreementKind = attrs.field(
        converter=_to_agreement_kind, metadata={CHECK: check_enum(AgreementKind)}
    )
    date: PartialDate = attrs.field(converter=to_date, metadata=DATE)
    process: str | None = attrs.field(default=None, metadata=optional_ref("process"))
    round: str | None = attrs.field(default=None, metadata=optional_ref("round"))
    signatories: tuple[Signatory, ...] = attrs.field(
        default=(),
        converter=_to_signatories,
        metadata=ref_items(*ACTORS, item="actor", check=_check_signatories),
    )
    period: Period | None = attrs.field(
        default=None, converter=to_optional_period, metadata=OPTIONAL_PERIOD
    )
    url: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
    endorses: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=refs("agreement")
    )
    amends: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=refs("agreement")
    )
    supersedes: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=refs("agreement")
    )

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        for name in ("endorses", "amends", "supersedes"):
            value = getattr(self, name)
            if check_ids(value) is None and self.id in value:
                yield Problem(record_id, name, f"an agreement cannot name itself ({self.id})")
