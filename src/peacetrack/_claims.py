"""When two claims cannot both be true.

``Timeline.contested`` groups claims by ``(about, predicate)`` and lists a group when
two of its claims disagree (:func:`contested_groups`). Numbers are read as the
ranges their qualifiers allow ("more than 60" is the open range above 60, "about 60"
is 54 to 66); a number and a text always disagree ("23" and "denied"); two texts
disagree when they differ.
Arithmetic is exact (fractions), so any whole number, however large, compares
correctly.

Whether *some* pair in a group disagrees is answered without looking at every pair,
in one pass over the group: texts disagree when there is more than one distinct
text; a number and a text when both kinds are present; and numbers when the ranges
they allow have no point in common -- for intervals on a line, "every two meet" and
"all meet" are the same thing (Helly's theorem in one dimension), and all meet
exactly when the greatest low end lies below the least high end (or on it, with
both ends closed).
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from peacetrack.records import Claim, Qualifier

__all__ = ["any_disagree", "contested_groups", "disagree"]

_INF = float("inf")
_NINE_TENTHS, _ELEVEN_TENTHS = Fraction(9, 10), Fraction(11, 10)

# low, low is open, high, high is open; infinite ends are floats, finite ones exact
# (an int, a float or a fraction).
_Bounds = tuple[Fraction | float, bool, Fraction | float, bool]


def _bounds(claim: Claim) -> _Bounds:
    # A finite int or float (records refuse NaN and infinity). Python compares ints,
    # floats and fractions with one another exactly, so only "about", which
    # multiplies, needs a fraction.
    v: Any = claim.value
    q = claim.qualifier
    if q is Qualifier.ABOUT:
        a, b = Fraction(v) * _NINE_TENTHS, Fraction(v) * _ELEVEN_TENTHS
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


def _ranges_disjoint(ranges: Iterable[_Bounds]) -> bool:
    """Whether the ranges have no point in common (none given: they share every point)."""
    lo: Fraction | float = -_INF
    lo_open = True
    hi: Fraction | float = _INF
    hi_open = True
    for r_lo, r_lo_open, r_hi, r_hi_open in ranges:
        if r_lo > lo:
            lo, lo_open = r_lo, r_lo_open
        elif r_lo == lo:
            lo_open = lo_open or r_lo_open
        if r_hi < hi:
            hi, hi_open = r_hi, r_hi_open
        elif r_hi == hi:
            hi_open = hi_open or r_hi_open
    return lo > hi or (lo == hi and (lo_open or hi_open))


def any_disagree(claims: Iterable[Claim]) -> bool:
    """True when some two of ``claims`` disagree (see :func:`disagree`), in O(n).

    >>> from peacetrack import Claim
    >>> claims = [Claim(f"c{n}", "strikes", "sohr", "killed", n, qualifier="at least")
    ...           for n in range(1000)]
    >>> any_disagree(claims)
    False
    >>> any_disagree([*claims, Claim("x", "strikes", "ru", "killed", 500, qualifier="at most")])
    True
    """
    texts: set[object] = set()
    ranges: list[_Bounds] = []
    for claim in claims:
        if _is_number(claim.value):
            ranges.append(_bounds(claim))
        else:
            texts.add(claim.value)
            if len(texts) > 1:
                return True
    if texts and ranges:
        return True
    return len(ranges) > 1 and _ranges_disjoint(ranges)


Question = tuple[str, str]
"""``(about, predicate)``."""


def question(claim: Claim) -> Question:
    """What a claim answers: ``(about, predicate)``, the predicate folded to lower case
    with its spacing collapsed, so "Civilians  killed" and "civilians killed" are one
    question."""
    return claim.about, " ".join(claim.predicate.casefold().split())


def _recency(claim: Claim) -> tuple[int, tuple[Any, ...], str]:
    # Dated claims after undated ones; by date, then by id for a total order.
    if claim.date is None:
        return (0, (), claim.id)
    return (1, claim.date.sort_key(), claim.id)


def latest_by_claimant(claims: Iterable[Claim]) -> dict[str, Claim]:
    """Each claimant's latest claim among ``claims`` (by date; a dated claim is later
    than an undated one; ties broken by id)."""
    latest: dict[str, Claim] = {}
    for claim in claims:
        held = latest.get(claim.claimant)
        if held is None or _recency(claim) > _recency(held):
            latest[claim.claimant] = claim
    return latest


def _groups(claims: Iterable[Claim]) -> dict[Question, list[Claim]]:
    """Claims by question, keyed ``(about, predicate)`` with the predicate as the first
    claim on the question wrote it."""
    groups: dict[Question, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(question(claim), []).append(claim)
    return {(key[0], group[0].predicate): group for key, group in groups.items()}


def contested_groups(claims: Iterable[Claim]) -> dict[Question, tuple[Claim, ...]]:
    """The questions on which claimants disagree, each with all its claims in the order
    given: a question is contested when the *latest* claims of two claimants disagree
    (one claimant revising its own figure is a revision, not a dispute; see
    :func:`revision_groups`). O(n) in the number of claims.

    >>> from peacetrack import Claim
    >>> contested_groups([
    ...     Claim("c1", "strikes", "sohr", "killed", 23),
    ...     Claim("c2", "strikes", "turkey", "killed", 60, qualifier="more than"),
    ...     Claim("c3", "talks", "hnc", "status", "suspended"),
    ... ])
    {('strikes', 'killed'): (Claim(id='c1', ...), Claim(id='c2', ...))}
    >>> contested_groups([
    ...     Claim("c1", "strikes", "sohr", "killed", 58, date="2016-05-31"),
    ...     Claim("c2", "strikes", "sohr", "Killed", 86, date="2016-06-02"),
    ... ])
    {}
    """
    return {
        key: tuple(group)
        for key, group in _groups(claims).items()
        if any_disagree(latest_by_claimant(group).values())
    }


def revision_groups(claims: Iterable[Claim]) -> dict[tuple[str, str, str], tuple[Claim, ...]]:
    """Claimants that changed their answer to a question: ``(about, predicate,
    claimant)`` -> that claimant's claims on it, earliest first, when they hold more
    than one value.

    >>> from peacetrack import Claim
    >>> revision_groups([
    ...     Claim("c1", "strikes", "sohr", "killed", 58, date="2016-05-31"),
    ...     Claim("c2", "strikes", "sohr", "killed", 86, date="2016-06-02"),
    ... ])
    {('strikes', 'killed', 'sohr'): (Claim(id='c1', ...), Claim(id='c2', ...))}
    """
    found: dict[tuple[str, str, str], tuple[Claim, ...]] = {}
    for (about, predicate), group in _groups(claims).items():
        by_claimant: dict[str, list[Claim]] = {}
        for claim in group:
            by_claimant.setdefault(claim.claimant, []).append(claim)
        for claimant, own in by_claimant.items():
            values = {(type(c.value), c.value, c.qualifier) for c in own}
            if len(values) > 1:
                found[(about, predicate, claimant)] = tuple(sorted(own, key=_recency))
    return found
