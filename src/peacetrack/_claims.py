"""When two claims cannot both be true.

``Timeline.contested`` groups claims by ``(about, predicate)`` and lists a group when
two of its claims disagree. Numbers are read as the ranges their qualifiers allow
("more than 60" is the open range above 60, "about 60" is 54 to 66); a number and a
text always disagree ("23" and "denied"); two texts disagree when they differ.
Arithmetic is exact (fractions), so any whole number, however large, compares
correctly.
"""

from __future__ import annotations

from fractions import Fraction

from peacetrack.records import Claim, Qualifier

__all__ = ["disagree"]

_INF = float("inf")
_NINE_TENTHS, _ELEVEN_TENTHS = Fraction(9, 10), Fraction(11, 10)

# low, low is open, high, high is open; infinite ends are floats, finite ones exact.
_Bounds = tuple[Fraction | float, bool, Fraction | float, bool]


def _bounds(claim: Claim) -> _Bounds:
    v = Fraction(claim.value)  # a finite int or float: records refuse NaN and infinity
    q = claim.qualifier
    if q is Qualifier.ABOUT:
        a, b = v * _NINE_TENTHS, v * _ELEVEN_TENTHS
        return (min(a, b), False, max(a, b), False)
    if q is Qualifier.AT_LEAST:
        return (v, False, _INF, True)
    if q is Qualifier.MORE_THAN:
        return (v, True, _INF, True)
    if q is Qualifier.AT_MOST:
        return (-_INF, True, v, False)
    if q is Qualifier.FEWER_THAN:
        return (-_INF, True, v, True)
    return (v, False, v, False)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def disagree(a: Claim, b: Claim) -> bool:
    """True when the two claims cannot both be true.

    >>> from peacetrack import Claim
    >>> sohr = Claim("c1", "strikes", "sohr", "killed", 23)
    >>> turkey = Claim("c2", "strikes", "turkey", "killed", 60, qualifier="more than")
    >>> at_least = Claim("c3", "strikes", "lcc", "killed", 20, qualifier="at least")
    >>> disagree(sohr, turkey), disagree(sohr, at_least)
    (True, False)
    """
    if _is_number(a.value) and _is_number(b.value):
        a_lo, a_lo_open, a_hi, a_hi_open = _bounds(a)
        b_lo, b_lo_open, b_hi, b_hi_open = _bounds(b)
        lo = max(a_lo, b_lo)
        lo_open = (a_lo == lo and a_lo_open) or (b_lo == lo and b_lo_open)
        hi = min(a_hi, b_hi)
        hi_open = (a_hi == hi and a_hi_open) or (b_hi == hi and b_hi_open)
        return lo > hi or (lo == hi and (lo_open or hi_open))
    if _is_number(a.value) or _is_number(b.value):
        return True
    return a.value != b.value
