"""Uncertainty that changes the answer, on whole timelines.

Random timelines whose periods have qualified, partial, open and unknown ends: every
certain answer is also a possible one, the interval index agrees with a brute-force
scan of ``Period.in_force``, and ``between`` still lists every event in order.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import Membership, PartialDate, Timeline, graph
from peacetrack.testing import partial_dates, timelines

DATES = partial_dates(2014, 2018, seasons=True, unspecified=True, times=True)
QUERY = partial_dates(2012, 2020, seasons=True)
UNCERTAIN = timelines(max_size=60, dates=DATES, unknown_ends=True)


def _ids(records: object) -> set[str]:
    return {r.id for r in records}  # type: ignore[attr-defined]


@settings(max_examples=120, deadline=None)
@given(UNCERTAIN, QUERY)
def test_every_certain_answer_is_a_possible_answer(t: Timeline, d: PartialDate) -> None:
    certain, possible = t.at(d), t.at(d, possibly=True)
    assert _ids(certain.rounds_in_progress) <= _ids(possible.rounds_in_progress)
    assert _ids(certain.ceasefires_in_force) <= _ids(possible.ceasefires_in_force)
    assert _ids(certain.relations) <= _ids(possible.relations)
    assert _ids(certain.designations) <= _ids(possible.designations)
    assert certain.excluded <= possible.excluded
    for delegation, members in certain.members.items():
        assert _ids(members) <= _ids(possible.members.get(delegation, ()))
    assert set(certain.positions) <= set(possible.positions)
    certain_edges = set(graph.parties(t, at=d).edges(keys=True))
    possible_edges = set(graph.parties(t, at=d, possibly=True).edges(keys=True))
    assert certain_edges <= possible_edges


@settings(max_examples=120, deadline=None)
@given(UNCERTAIN, QUERY, st.booleans())
def test_the_interval_index_equals_a_brute_force_scan(
    t: Timeline, d: PartialDate, possibly: bool
) -> None:
    snapshot = t.at(d, possibly=possibly)
    for found, records in (
        (snapshot.rounds_in_progress, t.rounds),
        (snapshot.ceasefires_in_force, t.ceasefires),
        (snapshot.relations, t.relations),
    ):
        expected = [r for r in records if r.period.in_force(d, possibly=possibly)]
        assert _ids(found) == _ids(expected)
    members = {m.id for ms in snapshot.members.values() for m in ms}
    expected_members = {m.id for m in t.memberships if m.period.in_force(d, possibly=possibly)}
    assert members == expected_members


@settings(max_examples=80, deadline=None)
@given(UNCERTAIN, QUERY, QUERY)
def test_between_lists_events_in_order_within_the_window(
    t: Timeline, a: PartialDate, b: PartialDate
) -> None:
    start, end = (a, b) if a.earliest_ordinal <= b.earliest_ordinal else (b, a)
    events = t.between(start, end)
    assert [e.sort_key() for e in events] == sorted(e.sort_key() for e in events)
    for e in events:
        assert start.earliest_ordinal <= e.date.earliest_ordinal
        assert e.date.latest_ordinal <= end.latest_ordinal


def test_a_membership_may_start_at_an_unknown_date() -> None:
    from peacetrack import Delegation, Party, Person, Process

    t = Timeline(
        [
            Party("hnc", "HNC", "opposition"),
            Process("geneva", "Geneva III"),
            Delegation("hnc-d", "hnc", "geneva"),
            Person("alloush", "Mohammed Alloush"),
            Membership("m1", "alloush", "hnc-d", "chief negotiator", "/2016-05-29"),
        ]
    )
    assert [m.id for m in t.at("2016-05-29").members["hnc-d"]] == ["m1"]
    assert "hnc-d" not in t.at("2016-05-28").members
    assert [m.id for m in t.at("2010-01", possibly=True).members["hnc-d"]] == ["m1"]
    # Nothing happened on a known date at its start: one event, its end.
    assert [e.kind.value for e in t.between("2000", "2020")] == ["member_left"]
