"""Nothing is lost without a word: values of different JSON types stay distinct,
records that no file could hold are refused where they are made, and ambiguous
replacements are refused rather than guessed.

Each test is a class of inputs (hypothesis where it fits), from the hostile-input
report in issue 12.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacetrack import Claim, Party, Person, Record, Timeline, ValidationError, io
from peacetrack._cli_text import timeline_text
from peacetrack._field_checks import MAX_SAFE_INTEGER
from peacetrack.interop import to_mermaid, to_timelinejs

# Scalars that Python calls equal but JSON does not: True == 1 == 1.0, False == 0 == 0.0.
_LOOKALIKES = [(True, 1, 1.0), (False, 0, 0.0)]


@pytest.mark.parametrize("values", _LOOKALIKES, ids=["true-1-1.0", "false-0-0.0"])
def test_claim_values_of_different_types_are_different_claims(values: tuple[object, ...]) -> None:
    claims = [Claim("c", "q", "p", "said", v) for v in values]  # type: ignore[arg-type]
    assert len(set(claims)) == len(values)
    for a in claims:
        for b in claims:
            assert (a == b) is (type(a.value) is type(b.value))


@given(st.sampled_from([True, False, 0, 1, 0.0, 1.0, -0.0]), st.sampled_from([True, 1, 1.0]))
def test_timelines_differing_only_in_a_value_type_differ_and_refuse_to_merge(
    a: object, b: object
) -> None:
    base = [Person("p", "P"), Person("q", "Q")]
    left = Timeline([*base, Claim("c", "q", "p", "said", a)])  # type: ignore[arg-type]
    right = Timeline([*base, Claim("c", "q", "p", "said", b)])  # type: ignore[arg-type]
    same = type(a) is type(b) and a == b
    assert (left == right) is same
    if same:
        assert left.merge(right) == left
    else:
        with pytest.raises(ValidationError, match="different content"):
            left.merge(right)
    # And the type survives a file.
    assert io.loads(io.dumps(left)) == left


@given(st.integers(MAX_SAFE_INTEGER + 1, 2**200), st.booleans())
def test_a_claim_value_no_file_could_hold_is_refused_where_it_is_made(
    n: int, negative: bool
) -> None:
    n = -n if negative else n
    with pytest.raises(ValidationError, match="out of range") as info:
        Claim("c", "q", "p", "killed", n)
    assert [(p.record_id, p.field) for p in info.value.problems] == [("c", "value")]


@given(st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER))
def test_every_safe_whole_number_is_kept(n: int) -> None:
    t = Timeline([Person("p", "P"), Person("q", "Q"), Claim("c", "q", "p", "killed", n)])
    assert io.loads(io.dumps(t))["c"].value == n  # type: ignore[attr-defined]


def test_a_round_number_no_file_could_hold_is_refused() -> None:
    from peacetrack import Round

    with pytest.raises(ValidationError, match="out of range"):
        Round("r", "g", 2**53, "2016/2016", "Geneva", "proximity", "concluded")


@attrs.frozen
class _PartyWithNote(Party):
    note: str = "extra"


@attrs.frozen
class _Bare(Record):
    pass


@pytest.mark.parametrize(
    ("record", "said"),
    [
        (Record("r"), "Record is not a registered record type"),
        (_Bare("b"), "_Bare is not a registered record type"),
        (
            _PartyWithNote("x", "X", "state"),
            "_PartyWithNote is a subclass of Party, not a registered record type",
        ),
    ],
    ids=["bare-record", "unregistered-class", "subclass-with-a-field"],
)
def test_records_no_file_could_hold_are_refused_by_the_timeline(record: Record, said: str) -> None:
    with pytest.raises(ValidationError) as info:
        Timeline([Person("p", "P"), record])
    (problem,) = info.value.problems
    assert said in problem.message
    assert "register_record_type" in problem.message


def test_with_records_refuses_two_records_with_one_id() -> None:
    t = Timeline([Person("p", "Someone")])
    for records in (
        [Person("p", "First"), Person("p", "Second")],  # replacing an existing record
        [Person("q", "First"), Person("q", "Second")],  # adding a new one
    ):
        with pytest.raises(ValidationError, match="used by 2 records"):
            t.with_records(*records)
    assert t["p"].name == "Someone"  # type: ignore[attr-defined]


@given(st.integers(1, 6))
def test_claims_whose_values_name_claims_render_without_recursion(n: int) -> None:
    # A ring of claims, each naming the next (the last names the first), and one
    # naming itself: every renderer names them without recursing.
    day = "2016-05-01"
    claims = [Claim(f"c{i}", "q", "p", "cites", f"c{(i + 1) % n}", date=day) for i in range(n)]
    t = Timeline(
        [
            Person("p", "P"),
            Person("q", "Q"),
            *claims,
            Claim("self", "self", "p", "is", "self", date=day),
        ]
    )
    text = timeline_text(t, 100)
    assert all(f"cites = c{(i + 1) % n}" in text for i in range(n))
    assert len(to_timelinejs(t)["events"]) == n + 1
    assert to_mermaid(t, style="timeline").count("cites") == n
