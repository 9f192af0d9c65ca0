"""The questions a Timeline answers from its events: :meth:`~peacetrack.Timeline.events`,
:meth:`~peacetrack.Timeline.between` and :meth:`~peacetrack.Timeline.involving`.

:class:`EventQueries` is a base of :class:`~peacetrack.Timeline`, which documents its
methods; the indexes it reads (events sorted by date, who refers to whom) are built by
the first query that needs them (see :mod:`peacetrack._index`).
"""

from __future__ import annotations

from peacetrack import _index, _participation_queries
from peacetrack._display import Words
from peacetrack._period import window_ordinals
from peacetrack._store import Store
from peacetrack.dates import DateLike
from peacetrack.events import Event, record_events
from peacetrack.records import Delegation, Membership, Participation, Process, Record, Resignation

__all__ = ["EventQueries"]


class EventQueries(Store):
    """The event queries of a :class:`~peacetrack.Timeline` (a base it documents)."""

    __slots__ = ()

    def _resigned(self) -> frozenset[str]:
        return self._cached(  # type: ignore[no-any-return]
            "resigned", lambda: frozenset(r.membership for r in self._view(Resignation))
        )

    def _words(self) -> Words:
        """How this timeline's events name records: by name. An event's summary
        depends only on its record and the names it refers to, so merging timelines
        keeps their events equal."""
        return self._cached("words", lambda: Words(self))  # type: ignore[no-any-return]

    def _event_index(self) -> _index.EventIndex:
        return self._cached(  # type: ignore[no-any-return]
            "events",
            lambda: _index.EventIndex(self._by_class.values(), self._resigned(), self._words()),
        )

    def events(self) -> tuple[Event, ...]:
        """Every event, in chronological order (see :mod:`peacetrack.events`)."""
        index = self._event_index()
        return index.events(range(len(index)))

    def between(self, start: DateLike, end: DateLike) -> tuple[Event, ...]:
        """Events whose whole date lies from ``start`` to ``end``, both included.

        The window runs from ``start.earliest`` to ``end.latest``, so
        ``between("2016-05", "2016-05")`` is all of May. An event dated only
        "2016" is not between two days of 2016: it may lie outside them.

        Raises
        ------
        InvalidDateError
            For a date that cannot be read, or an ``end`` certainly before ``start``.
        """
        lo, hi = window_ordinals(start, end)
        index = self._event_index()
        return index.events(index.within(lo, hi))

    def _referrer_index(self) -> dict[str, list[Record]]:
        return self._cached(  # type: ignore[no-any-return]
            "referrers",
            lambda: _index.build_referrers(self._by_class.values()),
        )

    def _involved(self, record_id: str) -> set[str]:
        referrers = self._referrer_index()
        ids = {record_id}
        todo = list(referrers.get(record_id, ()))
        while todo:
            record = todo.pop()
            if record.id not in ids:
                ids.add(record.id)
                # A delegation stands for its members, a membership for its end,
                # and a process reached from its mediator for the rounds mediated.
                if isinstance(record, Delegation | Membership):
                    todo.extend(referrers.get(record.id, ()))
                # A mediator takes part in the rounds it mediates.
                elif isinstance(record, Participation | Process):
                    ids.update(_participation_queries.mediated_rounds(self, record, record_id))
        return ids

    def involving(self, record_id: str) -> tuple[Event, ...]:
        """Events of the record itself and of every record that refers to it.

        A party also stands for its delegations, a delegation for its
        memberships, and a membership for its resignation, so
        ``involving("hnc")`` includes its members joining and resigning (and the
        rounds its delegation attended). A mediator (by participation, or as a
        process's ``mediator``) is involved in the rounds it mediated: those of the
        process that may overlap its participation, or that one round. Source
        citations do not count as involvement (see :meth:`citing
        <peacetrack.Timeline.citing>`).

        Raises
        ------
        UnknownIdError
            If no record has this id.
        """
        self[record_id]
        resigned, words = self._resigned(), self._words()
        by_id = self._by_id
        events = [
            e for i in self._involved(record_id) for e in record_events(by_id[i], resigned, words)
        ]
        events.sort(key=Event.sort_key)
        return tuple(events)
