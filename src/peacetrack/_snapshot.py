"""A snapshot: what was in force on a date, each part worked out when first read.

:meth:`Timeline.at <peacetrack.Timeline.at>` returns a :class:`Snapshot` at once; asking
it one thing (``excluded``, say) costs only that thing: the parts are looked up in the
timeline's interval indexes the first time they are read, and kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from peacetrack import _html
from peacetrack.dates import PartialDate, Period
from peacetrack.records import Ceasefire, Designation, Membership, Position, Relation, Round

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
        ``(party, issue)`` -> the position in force (the latest-starting one if
        several are).
    ceasefires_in_force, excluded
        Ceasefires in force, and the ids of parties excluded from any of them.
    designations
        Designations made by then.
    relations
        Relations between parties in force.
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
        """``(party, issue)`` -> the position in force; in chronological order, so the
        latest-starting one wins."""
        return self._part(
            "positions", lambda: {(p.party, p.issue): p for p in self._in_force(Position)}
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
        """Designations made by then."""
        return self._part("designations", lambda: self._in_force(Designation))

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Relations between parties in force."""
        return self._part("relations", lambda: self._in_force(Relation))

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
