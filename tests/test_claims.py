"""When two claims disagree: the qualifier ranges, checked against a brute-force scan."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacetrack import Claim, Incident, Party, Qualifier, Timeline
from peacetrack import _claims as _claims_module
from peacetrack._claims import any_disagree, contested_groups, disagree, revision_groups

QUALIFIERS = [None, *Qualifier]


def claim(value: int | float | str, qualifier: Qualifier | None = None, cid: str = "c") -> Claim:
    """A claim on one question, each claim id its own claimant (so none is a revision)."""
    return Claim(cid, "incident", f"by-{cid}", "killed", value, qualifier=qualifier)


def allows(c: Claim, x: Fraction) -> bool:
    """Does the claim allow the number x? Written out, independently of _claims."""
    assert isinstance(c.value, int | float)
    v = Fraction(c.value)
    return {
        None: x == v,
        Qualifier.ABOUT: min(v * 9 / 10, v * 11 / 10) <= x <= max(v * 9 / 10, v * 11 / 10),
        Qualifier.AT_LEAST: x >= v,
        Qualifier.MORE_THAN: x > v,
        Qualifier.AT_MOST: x <= v,
        Qualifier.FEWER_THAN: x < v,
    }[c.qualifier]


@given(
    st.integers(-50, 50),
    st.sampled_from(QUALIFIERS),
    st.integers(-50, 50),
    st.sampled_from(QUALIFIERS),
)
def test_numbers_disagree_exactly_when_no_value_satisfies_both(
    a: int, qa: Qualifier | None, b: int, qb: Qualifier | None
) -> None:
    ca, cb = claim(a, qa, "a"), claim(b, qb, "b")
    # Every boundary lies on a multiple of 1/10 within [-56, 56]; a grid of 1/20
    # steps wide enough past both ends hits every region the ranges can share.
    grid = [Fraction(i, 20) for i in range(-20 * 60, 20 * 60 + 1)]
    some_value_fits_both = any(allows(ca, x) and allows(cb, x) for x in grid)
    assert disagree(ca, cb) is (not some_value_fits_both)
    assert disagree(cb, ca) is disagree(ca, cb)


def test_a_number_and_a_text_always_disagree() -> None:
    assert disagree(claim(23), claim("denied"))
    assert disagree(claim("denied"), claim(0, Qualifier.AT_LEAST))


def test_texts_disagree_when_they_differ() -> None:
    assert disagree(claim("denied"), claim("confirmed"))
    assert not disagree(claim("denied"), claim("denied"))


def test_huge_numbers_compare_exactly() -> None:
    """No rounding: the largest safe whole numbers, and floats near the largest, are
    compared as the numbers they are (whole numbers beyond ±(2**53-1) cannot be made;
    see test_silent_loss)."""
    for huge in (2**53 - 2, 1.5e308):
        bigger = huge + 1 if isinstance(huge, int) else 1.6e308
        assert not disagree(claim(huge, Qualifier.ABOUT), claim(bigger))
        assert disagree(claim(huge), claim(bigger))
        assert disagree(claim(huge, Qualifier.MORE_THAN), claim(huge))
        assert not disagree(claim(huge, Qualifier.AT_LEAST), claim(huge))


# -- contested_groups: one pass per group, equal to the pairwise scan --------------------

NUMBERS = st.integers(-30, 30) | st.fractions(-30, 30, max_denominator=4).map(float)
VALUES = NUMBERS | st.sampled_from(["denied", "confirmed", "", True, False])


@st.composite
def claim_lists(draw: st.DrawFn) -> list[Claim]:
    """Claims on a few (about, predicate) questions, numbers and texts mixed."""
    n = draw(st.integers(0, 12))
    claims = []
    for i in range(n):
        value = draw(VALUES)
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        qualifier = draw(st.sampled_from(QUALIFIERS)) if numeric else None
        about = draw(st.sampled_from(["strikes", "talks"]))
        predicate = draw(st.sampled_from(["killed", "status", "Killed", " killed  ", "STATUS"]))
        claimant = draw(st.sampled_from(["sohr", "turkey", "russia"]))
        date = draw(st.none() | st.sampled_from(["2016-05-30", "2016-05-31", "2016-06"]))
        claims.append(
            Claim(f"c{i}", about, claimant, predicate, value, qualifier=qualifier, date=date)
        )
    return claims


def _latest(claims: list[Claim]) -> list[Claim]:
    """Each claimant's latest claim, written out: dated after undated, then by date
    order, then by id."""
    latest: dict[str, Claim] = {}
    for c in claims:
        rank = (c.date is not None, c.date.sort_key() if c.date else (), c.id)
        held = latest.get(c.claimant)
        if held is None or rank > (
            held.date is not None,
            held.date.sort_key() if held.date else (),
            held.id,
        ):
            latest[c.claimant] = c
    return list(latest.values())


def brute_force(claims: list[Claim]) -> dict[tuple[str, str], tuple[Claim, ...]]:
    """Grouped by about and the predicate in lower case with single spaces; a group is
    contested when two claimants' latest claims disagree, pair by pair."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        groups.setdefault((c.about, " ".join(c.predicate.lower().split())), []).append(c)
    found = {}
    for (about, _), group in groups.items():
        latest = _latest(group)
        if any(disagree(a, b) for i, a in enumerate(latest) for b in latest[i + 1 :]):
            found[(about, group[0].predicate)] = tuple(group)  # as first written
    return found


@given(claim_lists())
def test_revisions_are_each_claimants_changed_answers(claims: list[Claim]) -> None:
    found = revision_groups(claims)
    for (about, predicate, claimant), own in found.items():
        assert all(c.about == about and c.claimant == claimant for c in own)
        folded = " ".join(predicate.lower().split())
        assert all(" ".join(c.predicate.lower().split()) == folded for c in own)
        assert len({(type(c.value), c.value, c.qualifier) for c in own}) > 1
    counted: dict[tuple[str, str, str], set[object]] = {}
    for c in claims:
        key = (c.about, " ".join(c.predicate.lower().split()), c.claimant)
        counted.setdefault(key, set()).add((type(c.value), c.value, c.qualifier))
    folded = {(a, " ".join(p.lower().split()), c) for a, p, c in found}
    assert folded == {k for k, values in counted.items() if len(values) > 1}


def test_a_claimant_revising_its_figure_is_a_revision_not_a_dispute() -> None:
    early = Claim("c1", "strikes", "sohr", "killed", 58, date="2016-05-31")
    later = Claim("c2", "strikes", "sohr", "Killed ", 86, date="2016-06-02")
    turkey = Claim("c3", "strikes", "turkey", "killed", 60, qualifier="more than")
    assert contested_groups([early, later]) == {}
    assert revision_groups([early, later]) == {("strikes", "killed", "sohr"): (early, later)}
    # SOHR's latest figure agrees with Turkey's "more than 60"; its first did not.
    assert contested_groups([early, later, turkey]) == {}
    assert list(contested_groups([early, turkey])) == [("strikes", "killed")]


@given(claim_lists())
def test_contested_groups_equals_the_pairwise_scan(claims: list[Claim]) -> None:
    assert contested_groups(claims) == brute_force(claims)


@given(st.lists(st.tuples(NUMBERS, st.sampled_from(QUALIFIERS)), min_size=2, max_size=8))
def test_any_disagree_on_numbers_equals_the_pairwise_scan(
    values: list[tuple[float, Qualifier | None]],
) -> None:
    claims = [claim(v, q, f"c{i}") for i, (v, q) in enumerate(values)]
    pairwise = any(disagree(a, b) for i, a in enumerate(claims) for b in claims[i + 1 :])
    assert any_disagree(claims) is pairwise
    assert any_disagree(reversed(claims)) is pairwise


def test_many_agreeing_claims_are_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """200,000 agreeing claims on one question are read once each, not once per pair:
    the count of range computations is the timing-free check."""
    claims = [claim(n % 1000, Qualifier.AT_LEAST, f"c{n}") for n in range(200_000)]
    claims.append(claim(1000, None, "exact"))
    calls = 0
    original = _claims_module._bounds

    def counting(c: Claim) -> tuple[object, ...]:
        nonlocal calls
        calls += 1
        return original(c)

    monkeypatch.setattr(_claims_module, "_bounds", counting)
    assert contested_groups(claims) == {}
    assert calls == len(claims)
    claims.append(claim(999, Qualifier.AT_MOST, "low"))  # 999 is below the exact 1000
    assert list(contested_groups(claims)) == [("incident", "killed")]


def test_timeline_contested_is_the_grouping() -> None:
    claims = [claim(n % 100, Qualifier.AT_LEAST, f"c{n}") for n in range(5_000)]
    records = [Incident("incident", "strike", "2016", "Idlib")]
    records += [Party(f"by-{c.id}", c.id, "other") for c in claims]
    t = Timeline([*records, *claims])
    assert t.contested() == {}
    t = t.with_records(Party("by-denial", "D", "state"), claim("denied", None, "denial"))
    assert t.contested() == {("incident", "killed"): t.claims}
    assert len(t.claims) == len(claims) + 1
