"""Questions over a window of time, and the small queries around them.

``at(window)`` holds what was in force at any time in the window, or with
``throughout=True`` at every time in it; each answer equals a brute-force scan over
the records with the one reading of a period, ``Period.bounds``.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import (
    Ceasefire,
    Designation,
    Membership,
    Period,
    Position,
    Relation,
    Round,
    Timeline,
)
from peacetrack.datasets import geneva_2016
from peacetrack.testing import partial_dates, periods, timelines

KINDS = [Round, Membership, Position, Ceasefire, Relation]
DATES = partial_dates(2014, 2018)


def _scan(t: Timeline, kind: type, lo: int, hi: int, possibly: bool, throughout: bool) -> list:
    found = []
    for record in t.view(kind):
        if kind is Designation and record.period is None:
            if possibly:  # held at some unknown time: possibly, all along
                found.append(record)
            continue
        first, last = record.period.bounds(possibly)
        hit = (first <= lo and hi <= last) if throughout else (first <= hi and lo <= last)
        if hit:
            found.append(record)
    return found


@settings(max_examples=60, deadline=None)
@given(
    timelines(max_size=40, dates=DATES),
    periods(False, dates=DATES),
    st.booleans(),
    st.booleans(),
)
def test_a_window_equals_a_scan(
    t: Timeline, window: Period, possibly: bool, throughout: bool
) -> None:
    lo, hi = window.bounds(possibly=True)
    for kind in [*KINDS, Designation]:
        got = t.in_force(kind, window, possibly=possibly, throughout=throughout)
        expected = _scan(t, kind, lo, hi, possibly, throughout)
        assert list(got) == expected, kind.__name__
    s = t.at(str(window), possibly=possibly, throughout=throughout)
    assert s.ceasefires_in_force == t.in_force(
        Ceasefire, window, possibly=possibly, throughout=throughout
    )


@settings(max_examples=40, deadline=None)
@given(timelines(max_size=40, dates=DATES), DATES, st.booleans())
def test_throughout_a_day_is_what_is_certain_on_that_day(
    t: Timeline, d: object, possibly: bool
) -> None:
    """For a window and a date alike, throughout ⊆ at any time."""
    for kind in KINDS:
        every = set(t.in_force(kind, d, possibly=possibly, throughout=True))  # type: ignore[arg-type]
        some = set(t.in_force(kind, d, possibly=possibly))  # type: ignore[arg-type]
        assert every <= some


def test_a_mediator_is_involved_in_the_rounds_it_mediates() -> None:
    t = geneva_2016()
    process = t.processes[0]
    (mediator,) = t.mediators(process.id)
    rounds = {e.record_id for e in t.involving(mediator) if e.record_id in t}
    assert {r.id for r in t.rounds if r.process == process.id} <= rounds


def test_citing_lists_every_record_that_cites_a_source_and_only_those() -> None:
    t = geneva_2016()
    for source in t.sources:
        assert list(t.citing(source.id)) == [r for r in t.records if source.id in r.sources]
    assert sum(len(t.citing(s.id)) for s in t.sources) == sum(len(r.sources) for r in t)
