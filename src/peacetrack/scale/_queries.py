"""What the engines share: the questions as day ordinals, which tables answer ``at``.

Both the DuckDB store and the Dask functions ask the same questions of the same
Parquet dataset (see :mod:`peacetrack.tables`), with the same readings as
:class:`~peacetrack.Timeline`:

``between(start, end)``
    Events whose whole date lies in ``[start.earliest, end.latest]``; with
    ``possibly=True``, events whose date may fall in it (it meets the window).
``at(date)``
    Records of a kind with a ``period`` in force during the date, as
    ``Timeline.in_force`` reads them: ``first <= date.latest and last >= date.earliest``
    on the certain (or, ``possibly=True``, the possible) bound columns; a record
    without a period falls back on its ``date`` as the one-date period ``date/date``
    (a dated incident), or, with no date either (an undated designation), counts
    only in a possible answer.

    Participations and agreements hold over *effective* periods that come from
    other records, found by joins (:func:`participations_sql`,
    :func:`agreements_sql`). A participation holds over its own period, else its
    round's, else (undated, outside any round) throughout its process, from the
    first day to :data:`~peacetrack.dates.FAR_FUTURE`; a process's ``mediator``
    stands for the undated participation ``"<process id>/mediator"``. An agreement
    holds over its period, else from its date on (certain: from the date's last
    fuzzy day; possible: from its first), in both cases until the day before the
    earliest of its successors (the agreements that supersede it) is adopted:
    certain, before the successor's first day; possible, before its last.
``involving(id)``
    Events of the record and of every record that refers to it (not as a source);
    a delegation also stands for its referrers, and so does a membership. A
    mediator is involved in the rounds it mediated (:func:`mediated_rounds_sql`):
    every round of a process it is the ``mediator`` of; the round of a mediating
    participation of it that took part, or, with no round, every round of the
    process whose possible period meets the participation's.

The SQL here is DuckDB's, run by :class:`~peacetrack.scale.Store`;
:mod:`peacetrack.scale.distributed` asks the same questions with Dask dataframe
operations (merges and group-bys) that follow the same rules, join for join.
"""

from __future__ import annotations

import datetime
from typing import Final

import attrs

from peacetrack._participation import MEDIATING, ParticipationRole, ParticipationStatus
from peacetrack._participation_rules import WHOLE
from peacetrack._period import window_ordinals
from peacetrack.dates import DateLike, PartialDate
from peacetrack.errors import PeacetrackError
from peacetrack.io import RECORD_TYPES
from peacetrack.tables import first_day_columns

__all__ = [
    "DERIVED",
    "EXPANDING",
    "FIRST_DAY",
    "LAST_DAY",
    "MEDIATING_ROLES",
    "MEDIATOR",
    "TOOK_PART",
    "Window",
    "agreements_sql",
    "at_day",
    "in_force_bounds",
    "in_force_tables",
    "mediated_rounds_sql",
    "participations_sql",
    "window",
]

DERIVED: Final = ("participation", "agreement")
"""Record types whose effective periods come from other records (see the module docs)."""
FIRST_DAY: Final = datetime.date.fromordinal(WHOLE[0])
LAST_DAY: Final = datetime.date.fromordinal(WHOLE[1])
"""The effective period of an undated participation outside any round: the whole process."""
MEDIATING_ROLES: Final = tuple(sorted(role.value for role in MEDIATING))
"""The roles of a participation that make its actor a mediator."""
TOOK_PART: Final = ParticipationStatus.TOOK_PART.value
MEDIATOR: Final = ParticipationRole.MEDIATOR.value
"""The role and status of the participation a process's ``mediator`` stands for."""
EXPANDING: Final = ("delegation", "membership")
"""Record types that stand for the records referring to them (as ``Timeline.involving``)."""


@attrs.frozen
class Window:
    """A closed window of days, as dates and as the years a partition can hold."""

    first: datetime.date
    last: datetime.date

    @property
    def years(self) -> tuple[int, int]:
        return self.first.year, self.last.year


def _day(ordinal: int) -> datetime.date:
    return datetime.date.fromordinal(ordinal)


def window(start: DateLike, end: DateLike) -> Window:
    """The window ``between(start, end)`` asks about.

    Raises
    ------
    InvalidDateError
        For a date that cannot be read, or an ``end`` certainly before ``start``.
    """
    lo, hi = window_ordinals(start, end)
    return Window(_day(lo), _day(hi))


def at_day(date: DateLike, possibly: object) -> Window:
    """The days ``at(date)`` asks about (checks ``possibly`` as ``Timeline.at`` does)."""
    if not isinstance(possibly, bool):
        raise PeacetrackError(f"possibly must be True or False, got {possibly!r}")
    d = PartialDate.coerce(date)
    return Window(_day(d.earliest_ordinal), _day(d.latest_ordinal))


def in_force_tables() -> dict[str, str | None]:
    """Record type -> the date field ``at`` falls back on when a record has no period
    (``None``: none, so an undated record counts only when possibly), for every
    registered type with a ``period`` but those of :data:`DERIVED`."""
    found: dict[str, str | None] = {}
    for name in RECORD_TYPES:
        bounds = first_day_columns(name)  # a date's earliest, a period's possible first
        if "period_possible_first" not in bounds or name in DERIVED:
            continue
        found[name] = "date" if "date_fuzzy_earliest" in bounds else None
    return found


def in_force_bounds(date_field: str | None, reading: str) -> tuple[str, str]:
    """SQL expressions of a record's first and last day in force under ``reading``
    (``"certain"`` or ``"possible"``): its period's bound columns, else its date's
    as the one-date period ``date/date`` (certain: from its latest day to its
    earliest, both fuzzy, as ``Period.bounds`` reads a qualified date), else NULL."""
    first, last = f"period_{reading}_first", f"period_{reading}_last"
    if date_field is None:
        return first, last
    # Period(date, date).bounds(possibly): a qualified date read at its widest.
    early, late = f"{date_field}_fuzzy_earliest", f"{date_field}_fuzzy_latest"
    if reading == "certain":
        early, late = late, early
    return f"coalesce({first}, {early})", f"coalesce({last}, {late})"


def _day_literal(day: datetime.date) -> str:
    return f"DATE '{day.isoformat()}'"


def _list(values: tuple[str, ...]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def participations_sql(columns: list[str], reading: str) -> str:
    """DuckDB SQL of the participations in force at some day from ``$first`` to
    ``$last`` under ``reading`` (``"certain"`` or ``"possible"``), with the
    participation table's ``columns`` (quoted), in the order of
    ``t.at(date).participations``: by the first day of the effective period's
    possible reading, then id.

    The implied mediator participations of the processes join the table's rows
    (``UNION ALL BY NAME``: the columns they lack are NULL, ``record_order`` too).
    Participations with a period of their own are pruned by ``year <= $year``.
    """
    chosen = ", ".join(f"p.{c}" for c in columns)
    first, last = _day_literal(FIRST_DAY), _day_literal(LAST_DAY)

    def effective(bound: str, whole: str) -> str:
        return (
            f"CASE WHEN p.period IS NOT NULL THEN p.{bound} "
            f"WHEN r.id IS NOT NULL THEN r.{bound} ELSE {whole} END"
        )

    return f"""
WITH p AS (
    SELECT * FROM participation WHERE year <= $year OR year IS NULL
    UNION ALL BY NAME
    SELECT id || '/mediator' AS id, sources, id AS process, mediator AS actor,
           '{MEDIATOR}' AS role, '{TOOK_PART}' AS status
    FROM process WHERE mediator IS NOT NULL
), effective AS (
    SELECT {chosen},
        {effective(f"period_{reading}_first", first)} AS in_force_first,
        {effective(f"period_{reading}_last", last)} AS in_force_last,
        {effective("period_possible_first", first)} AS in_order
    FROM p LEFT JOIN round r ON p.period IS NULL AND p.round = r.id
)
SELECT {", ".join(columns)} FROM effective
WHERE in_force_first <= $last AND in_force_last >= $first
ORDER BY in_order, id
"""


def agreements_sql(columns: list[str], reading: str) -> str:
    """DuckDB SQL of the agreements in force at some day from ``$first`` to ``$last``
    under ``reading``, with the agreement table's ``columns`` (quoted), in
    ``t.records`` order.

    An agreement's last day is cut to the day before its earliest successor's
    adoption. Only a successor adopted by ``$first`` can cut an agreement short of
    the window, and its ``year`` is at most ``$first_year`` (a partition's year is
    its rows' earliest fuzzy day), so only those partitions are read for the cut.
    """
    chosen = ", ".join(f"a.{c}" for c in columns)
    certain = reading == "certain"
    start = "date_fuzzy_latest" if certain else "date_fuzzy_earliest"
    adopted = "date_earliest" if certain else "date_latest"
    return f"""
WITH successor AS (
    SELECT unnest(supersedes) AS id, {adopted} - 1 AS cut FROM agreement
    WHERE year <= $first_year AND len(supersedes) > 0
), cut AS (
    SELECT id, min(cut) AS cut FROM successor GROUP BY id
)
SELECT {chosen} FROM agreement a LEFT JOIN cut c ON a.id = c.id
WHERE a.year <= $year
  AND coalesce(a.period_{reading}_first, a.{start}) <= $last
  AND least(CASE WHEN a.period IS NULL THEN {_day_literal(LAST_DAY)}
                 ELSE a.period_{reading}_last END, c.cut) >= $first
ORDER BY a.record_order
"""


def mediated_rounds_sql() -> str:
    """DuckDB SQL of the ids of the rounds the actor ``$id`` mediated (see the
    module docs), for ``involving``."""
    roles = _list(MEDIATING_ROLES)
    mediating = f"p.actor = $id AND p.role IN ({roles}) AND p.status = '{TOOK_PART}'"
    return f"""
SELECT r.id FROM round r JOIN process pr ON r.process = pr.id WHERE pr.mediator = $id
UNION
SELECT p.round FROM participation p WHERE {mediating} AND p.round IS NOT NULL
UNION
SELECT r.id FROM participation p JOIN round r ON r.process = p.process
WHERE {mediating} AND p.round IS NULL
  AND r.period_possible_first <= coalesce(p.period_possible_last, {_day_literal(LAST_DAY)})
  AND r.period_possible_last >= coalesce(p.period_possible_first, {_day_literal(FIRST_DAY)})
"""
