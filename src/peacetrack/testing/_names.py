"""Strategies for names over time: the other names of parties and people."""

from __future__ import annotations

from hypothesis import strategies as st

from peacetrack._other_names import Name
from peacetrack.dates import PartialDate
from peacetrack.testing._dates import _dates_or_default, _make_period
from peacetrack.testing._draw import _BOOLS, _maybe
from peacetrack.testing._values import _LANGS, _NAMES

_HOW_MANY = st.integers(0, 2)


def _make_name(draw: st.DrawFn, dates: st.SearchStrategy[PartialDate]) -> Name:
    return Name(
        draw(_NAMES),
        _make_period(draw, True, dates) if draw(_BOOLS) else None,
        lang=_maybe(draw, _LANGS),
        note=_maybe(draw, _NAMES),
    )


def _make_names(draw: st.DrawFn, dates: st.SearchStrategy[PartialDate]) -> tuple[Name, ...]:
    """A few distinct other names, dated or not."""
    return tuple(dict.fromkeys(_make_name(draw, dates) for _ in range(draw(_HOW_MANY))))


def other_names(*, dates: st.SearchStrategy[PartialDate] | None = None) -> st.SearchStrategy[Name]:
    """:class:`~peacetrack.Name` values: a name, maybe a period (open or closed), a
    language and a note.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(other_names())
    ... def test_name(n):
    ...     assert n.name.strip() and (n.period is None or n.period.start is not None)
    >>> test_name()
    """
    return st.composite(_make_name)(_dates_or_default(dates))
