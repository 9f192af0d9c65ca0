"""The ``at=`` rule shared by the views and the questions: what was in force on a day."""

from __future__ import annotations

from typing import TypeVar

from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import PeacetrackError
from peacetrack.records import Designation, Record
from peacetrack.timeline import Timeline

R = TypeVar("R", bound=Record)


def check_at(at: DateLike | None, possibly: bool) -> PartialDate | None:
    """``at`` as a date (``None`` for none), after checking ``possibly`` is a bool."""
    if not isinstance(possibly, bool):
        raise PeacetrackError(f"possibly must be True or False, got {possibly!r}")
    return None if at is None else PartialDate.coerce(at)


def live(period: Period, d: PartialDate | None, possibly: bool) -> bool:
    """Whether ``period`` counts on ``d`` (everything counts when ``d`` is None)."""
    return d is None or period.in_force(d, possibly=possibly)


def in_force(t: Timeline, kind: type[R], d: PartialDate | None, possibly: bool) -> tuple[R, ...]:
    """The records of ``kind`` (a periodic record type) that count on ``d``, in the
    timeline's chronological order: the same records as filtering the whole view
    with :func:`live`, found with the timeline's interval index in O(log n + k)."""
    if d is None:
        return t.view(kind)
    return t.in_force(kind, d, possibly=possibly)


def designations(t: Timeline, d: PartialDate | None, possibly: bool) -> tuple[Designation, ...]:
    """The designations that hold on ``d`` (see :func:`designated`), in chronological
    order, from the timeline's index of designation dates."""
    if d is None:
        return t.designations
    return t.in_force(Designation, d, possibly=possibly)


def designated(designation: Designation, d: PartialDate | None, possibly: bool) -> bool:
    """Whether ``designation`` holds on ``d``: over its period, from listing to
    delisting; an undated one only when ``possibly`` (or when ``d`` is None)."""
    if designation.period is None:
        return d is None or possibly
    return live(designation.period, d, possibly)


def edtf(value: object | None) -> str:
    """An attribute's text: ``str(value)``, or ``""`` for None (GraphML has no null)."""
    return "" if value is None else str(value)
