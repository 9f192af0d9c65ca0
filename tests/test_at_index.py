"""What is in force on a date: the interval index, the snapshot and the graph views
agree with :meth:`peacetrack.Period.in_force` record by record."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import PartialDate, Party, Period, Relation, Timeline, graph
from peacetrack.graph._in_force import designated, live
from peacetrack.testing import partial_dates, timelines

dates_2014_2018 = partial_dates(2014, 2018)


def test_a_period_ending_at_a_coarser_date_is_in_force_from_its_start() -> None:
    # "2016-04-13/2016" cannot end before 13 April: on that day it is certainly in force.
    t = Timeline(
        [
            Party("a", "A", "state"),
            Party("b", "B", "state"),
            Relation("r", "a", "b", "supports", "2016-04-13/2016"),
        ]
    )
    period = t["r"].period  # type: ignore[attr-defined]
    for day in ("2016-04-12", "2016-04-13", "2016-04", "2016-06-01", "2016"):
        for possibly in (False, True):
            expected = period.in_force(day, possibly=possibly)
            assert bool(t.at(day, possibly=possibly).relations) == expected, (day, possibly)
            g = graph.parties(t, at=day, possibly=possibly)
            assert g.has_edge("a", "b", "r") == expected, (day, possibly)


def _counts(t: Timeline, record_id: str, d: PartialDate, possibly: bool) -> bool:
    record = t[record_id]
    if record.record_type == "designation":
        return designated(record, d, possibly)  # type: ignore[arg-type]
    if record.record_type == "agreement":  # a signatory's edge: from the agreement's date on
        return live(Period(record.date), d, possibly)  # type: ignore[attr-defined]
    period = getattr(record, "period", None)
    if record.record_type == "participation" and period is None and record.round is not None:  # type: ignore[attr-defined]
        period = t[record.round].period  # type: ignore[attr-defined]  # the round's days
    return period is None or live(period, d, possibly)


@settings(max_examples=150, deadline=None)
@given(timelines(max_size=60, dates=dates_2014_2018), dates_2014_2018, st.booleans())
def test_parties_at_a_date_is_the_whole_graph_filtered_by_in_force(
    t: Timeline, d: PartialDate, possibly: bool
) -> None:
    whole = graph.parties(t)
    g = graph.parties(t, at=d, possibly=possibly)
    # Adjacency order depends on which edges came first, which filtering changes:
    # compare the edges as a mapping.
    expected_edges = {
        (u, v, k): data
        for u, v, k, data in whole.edges(keys=True, data=True)
        if _counts(t, data["record"], d, possibly)
    }
    edges = {(u, v, k): data for u, v, k, data in g.edges(keys=True, data=True)}
    assert edges == expected_edges
    assert g.number_of_edges() == len(expected_edges)
    # Parties and people are named as they were called on the date asked.
    expected_nodes = [
        (n, {**data, "name": t.name_of(n, at=d)} if data["kind"] != "ceasefire" else data)
        for n, data in whole.nodes(data=True)
        if data.get("kind") != "ceasefire" or _counts(t, n, d, possibly)
    ]
    assert list(g.nodes(data=True)) == expected_nodes


@settings(max_examples=100, deadline=None)
@given(timelines(max_size=60, dates=dates_2014_2018), dates_2014_2018, st.booleans())
def test_ceasefire_exclusions_at_a_date_keeps_the_ceasefires_in_force(
    t: Timeline, d: PartialDate, possibly: bool
) -> None:
    g = graph.ceasefire_exclusions(t, at=d, possibly=possibly)
    shown = [n for n, kind in g.nodes(data="kind") if kind == "ceasefire"]
    assert shown == [c.id for c in t.ceasefires if live(c.period, d, possibly)]
