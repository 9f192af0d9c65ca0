"""The Timeline: a validated set of records and the questions asked of it.

A :class:`Timeline` is built once from records, checked as a whole (every problem
reported at once), and then answers queries: typed views, the chronological
:meth:`~Timeline.events` stream, :meth:`~Timeline.between`,
:meth:`~Timeline.involving`, :meth:`~Timeline.at` (a :class:`Snapshot`),
:meth:`~Timeline.gaps`, :meth:`~Timeline.claims_about` and
:meth:`~Timeline.contested`. It is immutable: :meth:`~Timeline.with_records` and
:meth:`~Timeline.merge` return new timelines.

Partial dates and ``at``
------------------------
``t.at(d)`` answers *with certainty*: a membership, round, ceasefire, position or
relation is in the snapshot only if, however its partial ends are read, it was in
force at some time during ``d`` (see :meth:`peacetrack.Period.in_force`). For a day
that means "certainly in force that day"; for a month, "certainly in force at some
time that month". Pass ``possibly=True`` for everything that *may* have been in
force. A designation counts over its period, from listing to delisting (undated
designations are left out of a certain snapshot and kept in a possible one); an
incident over its date or its period.

>>> from peacetrack import Party, Person, Process, Delegation, Membership
>>> t = Timeline([
...     Party("hnc", "High Negotiations Committee", "opposition"),
...     Person("alloush", "Mohammed Alloush"),
...     Process("geneva", "Geneva talks", None),
...     Delegation("hnc-d", "hnc", "geneva"),
...     Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01-20/2016-05-29"),
... ])
>>> [m.person for m in t.at("2016-05-01").members["hnc-d"]]
['alloush']
>>> t.at("2016-06-01").members
{}
>>> [e.kind.value for e in t.involving("alloush")]
['member_joined', 'member_left']

Indexes
-------
Queries run on indexes built once per timeline, by the first query that needs
them (construction only validates): events sorted by date for
:meth:`~Timeline.between`, an interval tree per kind of period for
:meth:`~Timeline.at`, and who-refers-to-whom for :meth:`~Timeline.involving`.
Each of those costs O(log n + k) for k results. The indexes are private; see
``docs/performance.md`` for how they work and what they cost.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from peacetrack import _claims, _html, _other_names, _participation_queries
from peacetrack._event_queries import EventQueries
from peacetrack._in_force_queries import InForceQueries
from peacetrack._snapshot import Snapshot
from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import (
    PeacetrackError,
    UnknownIdError,
)
from peacetrack.records import (
    Agreement,
    Claim,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Party,
    Person,
    Process,
    Record,
)

__all__ = ["Snapshot", "Timeline"]


class Timeline(InForceQueries, EventQueries):
    """A checked, immutable collection of records, and the queries over them.

    Parameters
    ----------
    records
        Any iterable of :class:`~peacetrack.Record`. Their order is kept in
        :attr:`records`.

    Raises
    ------
    ValidationError
        Listing every problem: duplicate ids, references to unknown ids or to a
        record of the wrong type (with the field that holds them), a resignation
        outside its membership or on another date than the membership's end, round
        numbers repeated within a process, a round whose delegations belong to
        another process, a participation or agreement in a round of another
        process (or a participation dated outside its round), an actor who takes
        part and is excluded in one role over certainly overlapping periods, and
        agreements that supersede each other in a cycle.

    Notes
    -----
    Construction validates everything and does nothing else. The indexes behind
    the queries (events sorted by date, an interval tree per kind of period, who
    refers to whom) are built once, by the first query that needs them, so a chain
    of :meth:`with_records` calls pays for no index it never uses. With them
    ``between``, ``at`` and ``involving`` cost O(log n + k) for k results (see
    ``docs/performance.md``).
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The timeline as HTML tables, for notebooks (text escaped)."""
        return _html.timeline_html(self)

    # -- who takes part, what is signed ------------------------------------------------

    def participants(
        self,
        process: str,
        *,
        at: DateLike | None = None,
        role: ParticipationRole | str | None = None,
        status: ParticipationStatus | str | None = None,
        possibly: bool = False,
    ) -> tuple[Participation, ...]:
        """The participations of a process, of any role and status unless asked.

        With ``at=``, only those in force then (certainly, or with ``possibly=True``
        possibly), by their effective period: their own, their round's when they
        have none, the whole process when they have neither. A ``Process.mediator``
        counts as an undated mediator participation that took part, with the id
        ``"<process>/mediator"`` (it is not a record of the timeline). Ordered by
        effective start, then id.

        Raises
        ------
        UnknownIdError
            If ``process`` is not a process of this timeline.
        PeacetrackError
            For a role or status that is not one, or a date that cannot be read.

        Examples
        --------
        >>> from peacetrack import Participation, Party, Process
        >>> t = Timeline([
        ...     Party("pyd", "Democratic Union Party", "armed_group"),
        ...     Party("un", "United Nations", "intergovernmental"),
        ...     Process("geneva", "Geneva talks", "un"),
        ...     Participation("pyd-out", "geneva", "pyd", "participant", "excluded",
        ...                   "2016-01-29/2016-04-27"),
        ... ])
        >>> [(p.actor, p.status.value) for p in t.participants("geneva", at="2016-03-01")]
        [('un', 'took_part'), ('pyd', 'excluded')]
        >>> t.participants("geneva", at="2017-03-01", status="excluded")
        ()
        """
        return _participation_queries.participants(self, process, at, role, status, possibly)

    def mediators(
        self, process: str, *, at: DateLike | None = None, possibly: bool = False
    ) -> tuple[str, ...]:
        """The ids of the actors who mediate a process (mediators and co-mediators
        who took part), at a date or ever, in :meth:`participants` order.

        Raises
        ------
        UnknownIdError
            If ``process`` is not a process of this timeline.
        """
        return _participation_queries.mediators(self, process, at, possibly)

    def agreements(
        self,
        *,
        process: str | None = None,
        at: DateLike | None = None,
        possibly: bool = False,
    ) -> tuple[Agreement, ...]:
        """Agreements, in chronological order: of one process, or in force at a date.

        An agreement is in force over its ``period`` when it has one, otherwise from
        its date on; either way it ends when an agreement that supersedes it is
        adopted. ``possibly`` reads partial dates as for :meth:`at`.

        Raises
        ------
        UnknownIdError
            If ``process`` is given and is not a process of this timeline.
        """
        return _participation_queries.agreements(self, process, at, possibly)

    # -- snapshots ------------------------------------------------------------------

    def at(
        self, date: DateLike | Period, *, possibly: bool = False, throughout: bool = False
    ) -> Snapshot:
        """What was in force on ``date``, or in a window of time.

        A period counts when it was *certainly* in force at some time during
        ``date`` (however its partial ends are read), or, with ``possibly=True``,
        when it *may* have been; see the module docs and
        :meth:`peacetrack.Period.in_force`. A designation counts over its period,
        from listing to delisting (undated ones only in a possible snapshot); an
        incident over its date or its period. Every tuple is in chronological
        order; for ``positions`` the latest-starting position per ``(holder, issue)``
        wins.

        ``date`` may also be a window, a :class:`~peacetrack.Period` or an EDTF
        interval such as ``"2017-01/2017-03"`` (read at its widest): the snapshot
        then holds what was in force at *any* time in it, or with
        ``throughout=True`` what was in force at *every* time in it. A month is a
        window too: ``at("2016-05", throughout=True)`` is what held all May.

        Each part of the snapshot is looked up in an interval tree (built on first
        use) the first time it is read, so asking one thing of a day costs only
        that thing: O(log n + k) for k records in force.

        Raises
        ------
        InvalidDateError
            For a date or window that cannot be read.

        Examples
        --------
        >>> from peacetrack import Ceasefire, Exclusion, Party
        >>> t = Timeline([
        ...     Party("nusra", "Nusra Front", "armed_group"),
        ...     Ceasefire("coh", "Cessation of hostilities", "2016-02/..",
        ...               exclusions=[Exclusion("nusra", "designated")]),
        ... ])
        >>> sorted(t.at("2016-03-01").excluded)
        ['nusra']

        Begun "in February": on the 10th it may not have begun yet.

        >>> t.at("2016-02-10").ceasefires_in_force
        ()
        >>> [c.id for c in t.at("2016-02-10", possibly=True).ceasefires_in_force]
        ['coh']

        At any time in a window, or throughout it:

        >>> [c.id for c in t.at("2016-01/2016-03").ceasefires_in_force]
        ['coh']
        >>> t.at("2016-01/2016-03", throughout=True).ceasefires_in_force
        ()
        """
        for flag, value in (("possibly", possibly), ("throughout", throughout)):
            if not isinstance(value, bool):
                raise PeacetrackError(f"{flag} must be True or False, got {value!r}")
        if isinstance(date, Period) or (isinstance(date, str) and "/" in date):
            return Snapshot(self, Period.coerce(date), possibly, throughout)
        return Snapshot(self, PartialDate.coerce(date), possibly, throughout)

    def gaps(self, process: str) -> tuple[Period, ...]:
        """The periods between consecutive rounds of a process, from one round's end
        to the next one's start, in round-number order.

        A round that has not ended or ended on an unknown day, a next round whose
        start is unknown, or a next round that may begin before the previous one
        ends, leaves no gap.

        Raises
        ------
        UnknownIdError
            If ``process`` is not a process in this timeline.
        """
        if not isinstance(self.get(process), Process):
            raise UnknownIdError(f"no process with id {process!r}")
        rounds = sorted((r for r in self.rounds if r.process == process), key=lambda r: r.number)
        gaps = []
        for previous, following in itertools.pairwise(rounds):
            end, start = previous.period.end, following.period.start
            if (
                end is not None
                and start is not None
                and end.earliest_ordinal <= start.latest_ordinal
            ):
                gaps.append(Period(end, start))
        return tuple(gaps)

    # -- names ----------------------------------------------------------------------

    def name_of(
        self, record_id: str, at: DateLike | None = None, *, lang: str | None = None
    ) -> str:
        """What a party or person was called on ``at`` (its canonical ``name`` when
        ``at`` is ``None``).

        The dated :class:`~peacetrack.Name` whose period certainly covers the whole
        of ``at`` wins (the latest-starting one if several do); with ``lang``, names
        in that language are read, and an undated one stands in. Any other record
        with a ``name`` gives that name.

        Raises
        ------
        UnknownIdError
            If no record has this id, or the record has no name.
        InvalidDateError
            For a date that cannot be read.

        Examples
        --------
        >>> from peacetrack import Name, Party
        >>> t = Timeline([Party("nusra", "Nusra Front", "armed_group", names=[
        ...     Name("Jabhat Fateh al-Sham", "2016-07-28/2017-01-27")])])
        >>> t.name_of("nusra", at="2016-05-31"), t.name_of("nusra", at="2016-09")
        ('Nusra Front', 'Jabhat Fateh al-Sham')
        """
        record = self[record_id]
        d = None if at is None else PartialDate.coerce(at)
        if isinstance(record, Party | Person):
            return _other_names.name_at(record.name, record.names, d, lang)
        name = getattr(record, "name", None)
        if not isinstance(name, str):
            raise UnknownIdError(f"{record_id!r} is a {record.record_type}, which has no name")
        return name

    # -- claims ---------------------------------------------------------------------

    def citing(self, source_id: str) -> tuple[Record, ...]:
        """The records that cite a source, in the timeline's order.

        Raises
        ------
        UnknownIdError
            If no record has this id.

        >>> from peacetrack import Party, Source
        >>> t = Timeline([Source("afp", "Report", "AFP"),
        ...               Party("hnc", "HNC", "opposition", sources=["afp"])])
        >>> [r.id for r in t.citing("afp")]
        ['hnc']
        """
        self[source_id]

        def build() -> dict[str, list[Record]]:
            cited: dict[str, list[Record]] = defaultdict(list)
            for record in self._records:
                for source in record.sources:
                    cited[source].append(record)
            return cited

        return tuple(self._cached("citing", build).get(source_id, ()))

    def by_identifier(self, scheme: str, identifier: str) -> Party | Person | None:
        """The party or person holding an outside identifier (a Wikidata item, a UCDP
        actor id), or ``None``.

        >>> from peacetrack import Party
        >>> t = Timeline([Party("hts", "Hayat Tahrir al-Sham", "armed_group",
        ...                     identifiers=[{"scheme": "wikidata", "identifier": "Q28942948"}])])
        >>> t.by_identifier("wikidata", "Q28942948").name
        'Hayat Tahrir al-Sham'
        >>> t.by_identifier("ucdp", "1") is None
        True
        """

        def build() -> dict[tuple[str, str], Party | Person]:
            found: dict[tuple[str, str], Party | Person] = {}
            holders: tuple[Party | Person, ...] = (*self.parties, *self.people)
            for record in holders:
                for i in record.identifiers:
                    found.setdefault((i.scheme, i.identifier), record)
            return found

        return self._cached("identifiers", build).get((scheme, identifier))  # type: ignore[no-any-return]

    def claims_about(self, record_id: str) -> tuple[Claim, ...]:
        """Claims about a record, in chronological order (undated last).

        Raises
        ------
        UnknownIdError
            If no record has this id.
        """
        self[record_id]

        def build() -> dict[str, list[Claim]]:
            about: dict[str, list[Claim]] = defaultdict(list)
            for claim in self.claims:
                about[claim.about].append(claim)
            return about

        return tuple(self._cached("claims about", build).get(record_id, ()))

    def contested(self) -> dict[tuple[str, str], tuple[Claim, ...]]:
        """Claims that cannot all be true, grouped by ``(about, predicate)``.

        Two claims disagree when one is a number and the other is not ("23" vs
        "denied"), when two texts differ, or when the ranges two numbers allow do
        not meet: "23" and "more than 60" disagree; "at least 20" and "23" agree.
        "about N" allows N ± 10%. A question is listed when the latest claims of two
        claimants disagree; it holds all its claims, in chronological order. One
        claimant changing its own figure (58, later 86) is a revision, not a
        dispute: see :meth:`revisions`. Predicates are grouped regardless of case
        and spacing; the key holds the predicate as the first claim wrote it.
        """
        return _claims.contested_groups(self.claims)

    def revisions(self) -> dict[tuple[str, str, str], tuple[Claim, ...]]:
        """Claimants that changed their answer: ``(about, predicate, claimant)`` ->
        that claimant's claims on the question, earliest first, when they hold more
        than one value (predicates grouped as in :meth:`contested`)."""
        return _claims.revision_groups(self.claims)

    def latest_claims(self, about: str, predicate: str) -> dict[str, Claim]:
        """Each claimant's latest claim on a question: claimant id -> claim (by date; a
        dated claim is later than an undated one). The predicate is matched
        regardless of case and spacing.

        Raises
        ------
        UnknownIdError
            If no record has the id ``about``.
        """
        wanted = " ".join(predicate.casefold().split())
        claims = [c for c in self.claims_about(about) if _claims.question(c)[1] == wanted]
        return _claims.latest_by_claimant(claims)


def require_timeline(value: object) -> Timeline:
    """``value`` if it is a Timeline; otherwise a TypeError naming what it is.

    Every function that takes a timeline (writers, graph views, exports, figures)
    calls this first, so a list of records or ``None`` gets one clear message
    rather than an AttributeError from deep inside.
    """
    if not isinstance(value, Timeline):
        raise TypeError(f"expected a Timeline, got {type(value).__name__}")
    return value
