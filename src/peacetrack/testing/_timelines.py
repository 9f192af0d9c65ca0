"""Strategies for whole timelines: lists of records of mixed types that refer to each
other consistently, and the :class:`~peacetrack.timeline.Timeline`\\ s they make."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peacetrack.dates import PartialDate, Period
from peacetrack.records import (
    Agreement,
    Membership,
    Participation,
    ParticipationStatus,
    Record,
    Resignation,
    Round,
    RoundOutcome,
)
from peacetrack.testing._context import (
    _make_ceasefire,
    _make_claim,
    _make_designation,
    _make_incident,
    _make_issue,
    _make_position,
    _make_relation,
    _make_source,
)
from peacetrack.testing._dates import _on_or_after, partial_dates
from peacetrack.testing._draw import _BOOLS, _INDEX, _pick
from peacetrack.testing._participation import _make_agreement, _make_participation
from peacetrack.testing._talks import (
    _make_delegation,
    _make_membership,
    _make_party,
    _make_person,
    _make_process,
    _make_resignation,
    _make_round,
)
from peacetrack.testing._values import _CLOSED_OUTCOMES

if TYPE_CHECKING:
    from peacetrack.timeline import Timeline

# In the order hypothesis shrinks towards: records that need nothing first.
_TIMELINE_KINDS = (
    "party",
    "person",
    "source",
    "issue",
    "process",
    "incident",
    "ceasefire",
    "delegation",
    "round",
    "membership",
    "resignation",
    "position",
    "designation",
    "relation",
    "claim",
    "agreement",
    "participation",
)
_NONE = st.none()
_TOOK_PART, _EXCLUDED = ParticipationStatus.TOOK_PART, ParticipationStatus.EXCLUDED
_OTHER = {_TOOK_PART: _EXCLUDED, _EXCLUDED: _TOOK_PART}
_WITHOUT = {status: tuple(s for s in ParticipationStatus if s is not status) for status in _OTHER}
_GAP = st.integers(0, 60)
_LAST_DAY = datetime.date.max.toordinal() - 1


@attrs.define
class _Builder:
    """The records drawn so far, indexed, for drawing the next one consistently."""

    draw: st.DrawFn
    dates: st.SearchStrategy[PartialDate]
    prefix: str
    unknown_ends: bool = False
    records: list[Record] = attrs.Factory(list)
    ids: dict[str, list[str]] = attrs.Factory(dict)
    # Membership id -> its index in ``records``, until a resignation ends it.
    open_memberships: dict[str, int] = attrs.Factory(dict)
    round_numbers: dict[str, int] = attrs.Factory(dict)
    delegations_of: dict[str, list[str]] = attrs.Factory(dict)
    kinds: tuple[str, ...] = _TIMELINE_KINDS
    # (process, actor) -> took part or excluded, once drawn: never both (one rule).
    took_part_or_excluded: dict[tuple[str, str], ParticipationStatus] = attrs.Factory(dict)
    # The index of the latest round of each process, and of the latest position of
    # each (holder, issue): the next one starts after it ends (rounds of a process
    # and a holder's positions on an issue never certainly overlap).
    last_round: dict[str, int] = attrs.Factory(dict)
    last_position: dict[tuple[str, str], int] = attrs.Factory(dict)

    def of(self, *kinds: str) -> list[str]:
        return [i for kind in kinds for i in self.ids.get(kind, ())]

    def available(self) -> list[str]:
        parties, people = len(self.of("party")), len(self.of("person"))
        processes = bool(self.of("process"))
        ready = {
            "delegation": parties > 0 and processes,
            "round": processes,
            "membership": people > 0 and bool(self.of("delegation")),
            "resignation": bool(self.open_memberships),
            "position": parties + people > 0 and bool(self.of("issue")),
            "designation": parties > 0 and parties + people >= 2,
            "relation": parties >= 2,
            "claim": parties + people > 0 and len(self.records) >= 2,
            "participation": processes and parties + people > 0,
        }
        return [kind for kind in self.kinds if ready.get(kind, True)]

    def pick(self, *kinds: str) -> str:
        return _pick(self.draw, self.of(*kinds))

    def maybe_pick(self, *kinds: str) -> str | st.SearchStrategy[None]:
        pool = self.of(*kinds)
        if not pool or not self.draw(_BOOLS):
            return _NONE
        return _pick(self.draw, pool)

    def add(self, kind: str) -> None:
        draw, dates = self.draw, self.dates
        record_id = f"{self.prefix}{kind}-{len(self.of(kind)) + 1}"
        cited = self.of("source")
        record: Record
        if kind == "party":
            record = _make_party(draw, record_id, cited, dates)
        elif kind == "person":
            record = _make_person(draw, record_id, cited, dates)
        elif kind == "source":
            record = _make_source(draw, record_id, cited, dates)
        elif kind == "issue":
            record = _make_issue(draw, record_id, cited)
        elif kind == "process":
            record = _make_process(draw, record_id, self.maybe_pick("party", "person"), cited)
        elif kind == "incident":
            record = _make_incident(draw, record_id, self.of("party"), cited, dates)
        elif kind == "ceasefire":
            parties = self.of("party")
            record = _make_ceasefire(
                draw,
                record_id,
                parties,
                parties,
                cited,
                dates,
                self.maybe_pick("agreement"),
                self.of("party", "person"),
                self.unknown_ends,
            )
        elif kind == "delegation":
            process = self.pick("process")
            self.delegations_of.setdefault(process, []).append(record_id)
            record = _make_delegation(draw, record_id, self.pick("party"), process, cited)
        elif kind == "round":
            process = self.pick("process")
            number = self.round_numbers[process] = self.round_numbers.get(process, 0) + 1
            in_process = self.delegations_of.get(process, [])
            period = self._after(self.last_round.get(process))
            self.last_round[process] = len(self.records)
            record = _make_round(
                draw,
                record_id,
                process,
                number,
                in_process,
                cited,
                dates,
                self.unknown_ends,
                period,
            )
        elif kind == "membership":
            person, delegation = self.pick("person"), self.pick("delegation")
            record = _make_membership(
                draw, record_id, person, delegation, cited, dates, self.unknown_ends
            )
            if record.period.start is not None:  # a resignation needs a start to follow
                self.open_memberships[record_id] = len(self.records)
        elif kind == "resignation":
            record = self._resignation(record_id, cited)
        elif kind == "position":
            holder, issue = self.pick("party", "person"), self.pick("issue")
            period = self._after(self.last_position.get((holder, issue)))
            self.last_position[(holder, issue)] = len(self.records)
            record = _make_position(
                draw, record_id, holder, issue, cited, dates, self.unknown_ends, period
            )
        elif kind == "designation":
            party = self.pick("party")
            by = _pick(draw, [i for i in self.of("party", "person") if i != party])
            record = _make_designation(draw, record_id, party, by, cited, dates)
        elif kind == "relation":
            source = self.pick("party")
            target = _pick(draw, [i for i in self.of("party") if i != source])
            record = _make_relation(
                draw, record_id, source, target, cited, dates, self.unknown_ends
            )
        elif kind == "participation":
            record = self._participation(record_id, cited)
        elif kind == "agreement":
            record = self._agreement(record_id, cited)
        else:
            claimant = self.pick("party", "person")
            about = _pick(draw, [r.id for r in self.records if r.id != claimant])
            record = _make_claim(draw, record_id, about, claimant, cited, dates)
        self.records.append(record)
        self.ids.setdefault(kind, []).append(record_id)

    def _participation(self, record_id: str, cited: list[str]) -> Participation:
        process = self.pick("process")
        actor = self.pick("party", "person", "delegation")
        rounds = [r for r in self.records if isinstance(r, Round) and r.process == process]
        round_ = self._maybe_round(rounds)
        # Took part and excluded never both for one actor: the rule may see them overlap.
        drawn = self.took_part_or_excluded.get((process, actor))
        record = _make_participation(
            self.draw,
            record_id,
            process,
            actor,
            _NONE if round_ is None else round_.id,
            cited,
            self.dates,
            round_period=None if round_ is None else round_.period,
            statuses=None if drawn is None else _WITHOUT[_OTHER[drawn]],
        )
        if record.status in (_TOOK_PART, _EXCLUDED):
            self.took_part_or_excluded[(process, actor)] = record.status
        return record

    def _maybe_round(self, rounds: list[Round]) -> Round | None:
        if not rounds or not self.draw(_BOOLS):
            return None
        return rounds[self.draw(_INDEX) % len(rounds)]

    def _agreement(self, record_id: str, cited: list[str]) -> Agreement:
        rounds = [r for r in self.records if isinstance(r, Round)]
        round_ = self._maybe_round(rounds)
        process = round_.process if round_ is not None else self.maybe_pick("process")
        return _make_agreement(
            self.draw,
            record_id,
            process,
            _NONE if round_ is None else round_.id,
            self.of("party", "person", "delegation"),
            self.of("agreement"),  # only earlier ones: supersedes has no cycle
            cited,
            self.dates,
        )

    def _after(self, index: int | None) -> Period | None:
        """A period for a record that follows ``records[index]`` (``None``: draw one
        freely): that record is closed if open, and the period starts the day after
        its end."""
        if index is None:
            return None
        before: Any = self.records[index]
        end = before.period.end
        if end is None:
            end = _on_or_after(self.draw, before.period.start, self.dates)
            changes: dict[str, Any] = {"period": Period(before.period.start, end)}
            if isinstance(before, Round) and before.outcome is RoundOutcome.ONGOING:
                changes["outcome"] = self.draw(_CLOSED_OUTCOMES)
            self.records[index] = attrs.evolve(before, **changes)
        if end.latest_ordinal >= _LAST_DAY:
            # No day left after it: a year-long period, whose certain core is empty
            # (it may have ended before it certainly began), never certainly
            # overlaps another, and it ends last, so the next one falls back too.
            return Period(PartialDate(end.year), PartialDate(end.year))
        ordinal = min(end.latest_ordinal + 1 + self.draw(_GAP), _LAST_DAY)
        start = PartialDate.from_date(datetime.date.fromordinal(ordinal))
        if self.draw(_BOOLS):
            return Period(start)
        return Period(start, _on_or_after(self.draw, start, self.dates))

    def _resignation(self, record_id: str, cited: list[str]) -> Resignation:
        membership_id = _pick(self.draw, list(self.open_memberships))
        index = self.open_memberships.pop(membership_id)
        membership = self.records[index]
        assert isinstance(membership, Membership)
        start = membership.period.start
        assert start is not None  # resigned memberships are open, so start is a date
        date = _on_or_after(self.draw, start, self.dates)
        # The resignation ends the membership: its period ends on the same date.
        ended = attrs.evolve(membership, period=Period(start, date))
        self.records[index] = ended
        recipient = self.maybe_pick("party", "person")
        return _make_resignation(
            self.draw, record_id, membership.person, membership_id, recipient, cited, date
        )


def _make_record_list(
    draw: st.DrawFn,
    min_size: int,
    max_size: int,
    dates: st.SearchStrategy[PartialDate],
    id_prefix: str,
    kinds: tuple[str, ...],
    unknown_ends: bool = False,
) -> list[Record]:
    builder = _Builder(draw, dates, id_prefix, unknown_ends, kinds=kinds)
    for _ in range(draw(st.integers(min_size, max_size))):
        available = builder.available()
        if not available:  # the kinds asked for all need something that is not asked for
            break
        builder.add(_pick(draw, available))
    return builder.records


def _check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return _TIMELINE_KINDS
    if isinstance(kinds, str):
        raise InvalidArgument(f"kinds= takes a list of record types, not the string {kinds!r}")
    wanted = set(kinds)
    unknown = wanted.difference(_TIMELINE_KINDS)
    if unknown:
        raise InvalidArgument(
            f"unknown record types {sorted(unknown)}; expected some of {list(_TIMELINE_KINDS)}"
        )
    return tuple(kind for kind in _TIMELINE_KINDS if kind in wanted)


def record_lists(
    min_size: int = 0,
    max_size: int = 50,
    *,
    dates: st.SearchStrategy[PartialDate] | None = None,
    id_prefix: str = "",
    unknown_ends: bool = False,
    kinds: Iterable[str] | None = None,
) -> st.SearchStrategy[list[Record]]:
    """Lists of records of mixed types that together make a valid timeline.

    Every cross-record rule holds: ids are unique; every reference resolves to a
    record of the right type (sources to sources, a delegation's party to a party,
    a claim to any record, ...); a round's delegations belong to its process and
    round numbers are unique per process; each resignation ends one membership of
    the same person, on or after its start, and that membership's period ends on
    the resignation's date; a ceasefire never excludes one of its own parties.
    Nothing refers to a record later in the list.

    Parameters
    ----------
    min_size, max_size
        How many records, inclusive.
    dates
        The strategy dates and periods are drawn from; default
        ``partial_dates(2014, 2018)``, narrow enough that periods overlap.
    id_prefix
        Put before every id (ids are ``"<prefix><type>-<n>"``, e.g. ``"party-1"``),
        so that timelines drawn with different prefixes have disjoint ids.
    unknown_ends
        Whether periods (rounds, memberships, positions, ceasefires, relations) may
        have an unknown start or end, or an open start (see :func:`periods`).
    kinds
        The record types to draw (their tags, ``"party"``, ``"round"``, ...); default
        all of them. A type that needs another one not listed (a round needs a
        process) is not drawn; the list may then be shorter than ``min_size``.

    Returns
    -------
    SearchStrategy[list[Record]]

    Raises
    ------
    hypothesis.errors.InvalidArgument
        Unless ``0 <= min_size <= max_size``, or for an unknown record type in
        ``kinds``.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(record_lists(max_size=20, id_prefix="a-"))
    ... def test_ids(records):
    ...     ids = [r.id for r in records]
    ...     assert len(set(ids)) == len(ids) and all(i.startswith("a-") for i in ids)
    >>> test_ids()
    """
    if not 0 <= min_size <= max_size:
        raise InvalidArgument(
            f"need 0 <= min_size <= max_size, got min_size={min_size}, max_size={max_size}"
        )
    if not isinstance(id_prefix, str):
        raise InvalidArgument(f"id_prefix must be a string, got {id_prefix!r}")
    chosen = partial_dates(2014, 2018) if dates is None else dates
    drawn = _check_kinds(kinds)
    return st.composite(_make_record_list)(
        min_size, max_size, chosen, id_prefix, drawn, unknown_ends
    )


def timelines(
    min_size: int = 0,
    max_size: int = 50,
    *,
    dates: st.SearchStrategy[PartialDate] | None = None,
    id_prefix: str = "",
    unknown_ends: bool = False,
    kinds: Iterable[str] | None = None,
) -> st.SearchStrategy[Timeline]:
    """Valid :class:`~peacetrack.timeline.Timeline`\\ s of ``min_size`` to ``max_size``
    records of mixed types: the records of :func:`record_lists` with the same
    parameters.

    Returns
    -------
    SearchStrategy[Timeline]

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(timelines(min_size=1, max_size=30), timelines(max_size=10, id_prefix="b-"))
    ... def test_merge_disjoint(a, b):
    ...     assert len(a.merge(b).records) == len(a.records) + len(b.records)
    >>> test_merge_disjoint()
    """
    from peacetrack.timeline import Timeline

    chosen = record_lists(
        min_size,
        max_size,
        dates=dates,
        id_prefix=id_prefix,
        unknown_ends=unknown_ends,
        kinds=kinds,
    )
    return chosen.map(Timeline)
