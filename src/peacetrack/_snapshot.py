"""A snapshot: what was in force on a date, each part worked out when first read.

:meth:`Timeline.at <peacetrack.Timeline.at>` returns a :class:`Snapshot` at once; asking
it one thing (``excluded``, say) costs only that thing: the parts are looked up in the
timeline's interval indexes the first time they are read, and kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from peacetrack import _html, _participation_queries
from peacetrack.dates import PartialDate, Period
from peacetrack.records import (
    Agreement,
    Ceasefire,
    Designation,
    Incident,
    Membership,
    Participation,
    ParticipationRole,
    Position,
    Relation,
    Round,
)

if TYPE_CHECKING:
    from peacetrack.timeline import Timeline

__all__ = ["Snapshot"]

T = TypeVar("T")

_PARTS = (
    "rounds_in_progress",
    "members",
    "positions",
    "ceasefires_in_force",
    "excluded",
    "designations",
    "relations",
    "incidents",
    "participations",
    "participants",
    "mediators",
    "excluded_from_talks",
    "boycotting",
    "agreements_in_force",
)


class Snapshot:
    """What was in force on a date, as answered by :meth:`Timeline.at`.

    Each part is worked out from the timeline's indexes the first time it is read
    and then kept, so asking one thing of a day costs only that thing. Two snapshots
    are equal when they are of the same date and reading and every part is equal.

    Attributes
    ----------
    date
        The date asked about, or the window (a :class:`~peacetrack.Period`).
    possibly
        ``False`` for a certain answer, ``True`` for everything that may hold.
    throughout
        ``True`` when only what held on every day of ``date`` counts.
    rounds_in_progress
        Rounds whose period covers the date.
    members
        Delegation id -> memberships in force (only delegations with members).
    positions
        ``(holder, issue)`` -> the position in force (the latest-starting one if
        several are); the holder is a party or a person.
    ceasefires_in_force, excluded
        Ceasefires in force, and the ids of parties excluded from any of them.
    designations
        Designations in force: listed by then and not yet lifted.
    relations
        Relations between parties in force.
    incidents
        Incidents under way: those on the date, and those whose period covers it.
    participations, participants, mediators
        Participations in force; process id -> role -> actors taking part; process id
        -> its mediators taking part.
    excluded_from_talks, boycotting
        Process id -> the actors excluded from its talks; those who boycott, suspend
        their participation or walk out.
    agreements_in_force
        Agreements in force.
    """

    __slots__ = ("_parts", "_timeline", "date", "possibly", "throughout")

    date: PartialDate | Period
    possibly: bool
    throughout: bool

    def __init__(
        self,
        timeline: Timeline,
        date: PartialDate | Period,
        possibly: bool,
        throughout: bool = False,
    ) -> None:
        self._timeline = timeline
        self.date = date
        self.possibly = possibly
        self.throughout = throughout
        self._parts: dict[str, Any] = {}

    def _part(self, name: str, build: Callable[[], T]) -> T:
        try:
            return self._parts[name]  # type: ignore[no-any-return]
        except KeyError:
            value = self._parts[name] = build()
            return value

    def _in_force(self, kind: type[T]) -> tuple[T, ...]:
        return self._timeline.in_force(  # type: ignore[type-var]
            kind,
            self.date,
            possibly=self.possibly,
            throughout=self.throughout,
        )

    @property
    def rounds_in_progress(self) -> tuple[Round, ...]:
        """Rounds whose period covers the date."""
        return self._part("rounds_in_progress", lambda: self._in_force(Round))

    @property
    def members(self) -> Mapping[str, tuple[Membership, ...]]:
        """Delegation id -> memberships in force (only delegations with members)."""

        def build() -> dict[str, tuple[Membership, ...]]:
            found: dict[str, list[Membership]] = defaultdict(list)
            for membership in self._in_force(Membership):
                found[membership.delegation].append(membership)
            return {k: tuple(v) for k, v in found.items()}

        return self._part("members", build)

    @property
    def positions(self) -> Mapping[tuple[str, str], Position]:
        """``(holder, issue)`` -> the position in force (the holder a party or a
        person); in chronological order, so the latest-starting one wins."""
        return self._part(
            "positions", lambda: {(p.holder, p.issue): p for p in self._in_force(Position)}
        )

    @property
    def ceasefires_in_force(self) -> tuple[Ceasefire, ...]:
        """Ceasefires in force."""
        return self._part("ceasefires_in_force", lambda: self._in_force(Ceasefire))

    @property
    def excluded(self) -> frozenset[str]:
        """The ids of parties excluded from any ceasefire in force."""
        return self._part(
            "excluded",
            lambda: frozenset(e.party for c in self.ceasefires_in_force for e in c.exclusions),
        )

    @property
    def designations(self) -> tuple[Designation, ...]:
        """Designations in force: listed by then and not yet lifted."""
        return self._part("designations", lambda: self._in_force(Designation))

    @property
    def incidents(self) -> tuple[Incident, ...]:
        """Incidents under way: those on the date, and those whose period covers it."""
        return self._part("incidents", lambda: self._in_force(Incident))

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Relations between parties in force."""
        return self._part("relations", lambda: self._in_force(Relation))

    def _talks(self) -> dict[str, Any]:
        return self._part(
            "talks",
            lambda: _participation_queries.snapshot_fields(
                self._timeline, self.date, self.possibly, self.throughout
            ),
        )

    @property
    def participations(self) -> tuple[Participation, ...]:
        """Participations in force (their own period, their round's, or, undated, the
        whole process), a ``Process.mediator`` as one too."""
        return self._talks()["participations"]  # type: ignore[no-any-return]

    @property
    def participants(self) -> Mapping[str, Mapping[ParticipationRole, tuple[str, ...]]]:
        """Process id -> role -> the ids of the actors who take part in that role."""
        return self._talks()["participants"]  # type: ignore[no-any-return]

    @property
    def mediators(self) -> Mapping[str, tuple[str, ...]]:
        """Process id -> the ids of its mediators and co-mediators who take part."""
        return self._talks()["mediators"]  # type: ignore[no-any-return]

    @property
    def excluded_from_talks(self) -> Mapping[str, frozenset[str]]:
        """Process id -> the ids of the actors excluded from its talks."""
        return self._talks()["excluded_from_talks"]  # type: ignore[no-any-return]

    @property
    def boycotting(self) -> Mapping[str, frozenset[str]]:
        """Process id -> the ids of those who boycott, suspend their participation or
        walk out."""
        return self._talks()["boycotting"]  # type: ignore[no-any-return]

    @property
    def agreements_in_force(self) -> tuple[Agreement, ...]:
        """Agreements in force (their period, or from their date on until an agreement
        that supersedes them is adopted)."""
        return self._talks()["agreements_in_force"]  # type: ignore[no-any-return]

    def _key(self) -> tuple[Any, ...]:
        parts = (getattr(self, name) for name in _PARTS)
        return (self.date, self.possibly, self.throughout, *parts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Snapshot):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return _html.snapshot_repr(self)

    def _repr_html_(self) -> str:
        """The snapshot as HTML tables, for notebooks (text escaped)."""
        return _html.snapshot_html(self)
