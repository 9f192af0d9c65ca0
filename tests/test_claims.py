"""When two claims disagree: the qualifier ranges, checked against a brute-force scan."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from peacetrack import Claim, Qualifier
from peacetrack._claims import disagree

QUALIFIERS = [None, *Qualifier]


def claim(value: int | float | str, qualifier: Qualifier | None = None, cid: str = "c") -> Claim:
    return Claim(cid, "incident", "someone", "killed", value, qualifier=qualifier)


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
