"""Names over time: a party's or a person's other names, and what it was called when.

A :class:`Name` is Popolo's ``other_name``: a name, the period it was used, its
language and a note. :func:`name_at` is the one answer to "what was this party called
on that date", used by :meth:`peacetrack.Timeline.name_of` and, through
:func:`peacetrack._names.display_name`, by every renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from peacetrack._field_checks import (
    OPTIONAL_PERIOD,
    OPTIONAL_TEXT,
    TEXT,
    check_parts,
    field_problems,
    to_optional_period,
    to_parts,
)
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import ValidationError

__all__ = ["Name", "check_names", "name_at", "to_names"]


@attrs.frozen
class Name:
    """Another name of a party or a person, as Popolo's ``other_name``: the name, the
    period it was used (``None``: undated), its language and a note.

    A dated name is what the party or person was called during its period: a
    renamed group keeps its canonical ``name`` and gains one :class:`Name` per later
    (or earlier) name; :meth:`peacetrack.Timeline.name_of` answers "what was it
    called on this date". An undated name with a ``lang`` is a translation.

    >>> Name("Jabhat Fateh al-Sham", "2016-07-28/2017-01-27", note="renamed").period.days()
    (183, 183)
    """

    name: str = attrs.field(metadata=TEXT)
    period: Period | None = attrs.field(
        default=None, converter=to_optional_period, metadata=OPTIONAL_PERIOD
    )
    lang: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
    note: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)

    def __attrs_post_init__(self) -> None:
        problems = list(field_problems(self, None, "name."))
        if problems:
            raise ValidationError(problems)


_names_from = to_parts(Name, from_text=True)


def to_names(value: Any) -> Any:
    """A list of names as a tuple of :class:`Name` (a plain string is an undated
    name, a dict the fields of one); what cannot be read is left for the check."""
    return _names_from(value)


check_names = check_parts(Name, lambda name: name, "lists the same name twice")
"""The problem with a record's ``names``, or ``None``."""


def _throughout(period: Period, d: PartialDate) -> bool:
    """Whether ``period`` certainly covers every day ``d`` can be."""
    first, last = period.bounds(possibly=False)
    return first <= d.earliest_ordinal and d.latest_ordinal <= last


def name_at(
    name: str, names: Sequence[Name], at: PartialDate | None, lang: str | None = None
) -> str:
    """What a party or person with canonical ``name`` and other ``names`` was called.

    On ``at``: the dated name (in ``lang``, or without a language when ``lang`` is
    ``None``) whose period certainly covers the whole of ``at``; the latest-starting
    one if several do. Otherwise, with ``lang``, its first undated name in that
    language; otherwise the canonical name. A month in which a group was renamed
    is not certainly under either name, so it gets the canonical one.

    >>> names = [Name("Jabhat Fateh al-Sham", "2016-07-28/2017-01-27")]
    >>> [name_at("Nusra Front", names, PartialDate.parse(d))
    ...  for d in ("2016-05-31", "2016-08-01", "2016-07", "2017-02-01")]
    ['Nusra Front', 'Jabhat Fateh al-Sham', 'Nusra Front', 'Nusra Front']
    """
    best: Name | None = None
    if at is not None:
        for other in names:
            if other.lang != lang or other.period is None or not _throughout(other.period, at):
                continue
            if best is None or other.period.sort_key() > best.period.sort_key():  # type: ignore[union-attr]
                best = other
    if best is not None:
        return best.name
    if lang is not None:
        for other in names:
            if other.lang == lang and other.period is None:
                return other.name
    return name
