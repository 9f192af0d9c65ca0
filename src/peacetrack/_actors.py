"""The actors of the talks: :class:`Party` and :class:`Person`, with the kinds of party.

Both carry the same lists of small objects: other names over time (:class:`Name`),
outside identifiers and web links. Re-exported from :mod:`peacetrack.records` and
:mod:`peacetrack`, which document them.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from peacetrack._field_checks import (
    CHECK,
    TEXT,
    TEXTS,
    check_enum,
    check_parts,
    to_enum,
    to_parts,
    to_tuple,
)
from peacetrack._other_names import Name, check_names, to_names
from peacetrack._parts import Identifier, Link
from peacetrack._record import Record
from peacetrack._registry import register_record_type

__all__ = ["Party", "PartyKind", "Person"]


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


def _to_party_kind(value: Any) -> Any:
    return to_enum(PartyKind, value)


_identifiers_from = to_parts(Identifier)
_links_from = to_parts(Link)


# Named functions, as mypy's attrs plugin reads converters by name.
def _to_identifiers(value: Any) -> Any:
    return _identifiers_from(value)


def _to_links(value: Any) -> Any:
    return _links_from(value)


_IDENTIFIERS = {
    CHECK: check_parts(Identifier, lambda i: (i.scheme, i.identifier), "repeats an identifier")
}
_LINKS = {CHECK: check_parts(Link, lambda link: link.url, "repeats a link")}

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
