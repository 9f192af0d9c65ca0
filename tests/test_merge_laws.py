"""The laws of Timeline.merge, on random timelines from peacetrack.testing."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from peacetrack import Person, Timeline, ValidationError
from peacetrack.testing import timelines

A = timelines(max_size=12, id_prefix="a-")
B = timelines(max_size=12, id_prefix="b-")
C = timelines(max_size=12, id_prefix="c-")


@given(A, B, C)
def test_merge_is_associative_on_disjoint_ids(a: Timeline, b: Timeline, c: Timeline) -> None:
    left = a.merge(b).merge(c)
    right = a.merge(b.merge(c))
    assert left == right
    assert [r.id for r in left.records] == [r.id for r in right.records]
    assert len(left) == len(a) + len(b) + len(c)


@given(A, B)
def test_disjoint_merge_holds_both_in_any_order(a: Timeline, b: Timeline) -> None:
    merged = a.merge(b)
    assert merged == b.merge(a)
    assert set(merged.records) == set(a.records) | set(b.records)


@given(A)
def test_merge_is_idempotent(a: Timeline) -> None:
    assert a.merge(a) == a
    assert a.merge(a).records == a.records


@given(A)
def test_the_empty_timeline_is_the_identity(a: Timeline) -> None:
    assert a.merge(Timeline()) == a
    assert Timeline().merge(a) == a


@given(A, B)
def test_shared_equal_records_merge_without_complaint(a: Timeline, b: Timeline) -> None:
    assert a.merge(b).merge(a) == a.merge(b)


@given(timelines(min_size=1, max_size=12), st.data())
def test_conflicting_ids_raise_a_validation_error_naming_the_id(
    a: Timeline, data: st.DataObject
) -> None:
    record = data.draw(st.sampled_from(a.records))
    rival = Person(record.id, "Someone else entirely")
    assume(a[record.id] != rival)
    with pytest.raises(ValidationError) as info:
        a.merge(Timeline([rival]))
    assert [p.record_id for p in info.value.problems] == [record.id]
    assert record.id in str(info.value)
