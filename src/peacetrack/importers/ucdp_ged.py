"""UCDP GED events (CSV) → incidents, parties, death-toll claims and sources.

The `UCDP Georeferenced Event Dataset <https://ucdp.uu.se/downloads/>`_ has one row
per event of organized violence. Each row becomes:

- an :class:`~peacetrack.Incident` ``ucdp-ged-<id>``: ``kind`` from
  ``type_of_violence`` ("state-based armed conflict", "non-state conflict",
  "one-sided violence"), ``place`` from ``where_coordinates``, ``adm_1`` and
  ``country``, ``description`` from ``conflict_name``, ``dyad_name`` and
  ``where_description``, and
  ``parties`` the two sides;
- a :class:`~peacetrack.Party` for each side, ``ucdp-actor-<side_x_new_id>``, with
  the UCDP actor id as its identifier (scheme ``ucdp``, so
  ``t.by_identifier("ucdp", "143")`` finds it), kind ``government`` when the side has a
  Gleditsch-Ward number (``gwnoa``/``gwnob``), ``other`` for UCDP's "Civilians"
  (actor 1), else ``armed_group``;
- three :class:`~peacetrack.Claim` records by the party ``ucdp`` (the Uppsala
  Conflict Data Program, a monitor) about the incident: ``best`` is the claim
  ``deaths`` "about" that many — the question other sources answer too, so
  :meth:`~peacetrack.Timeline.contested` sets UCDP's figure against theirs — and
  ``low`` and ``high`` are ``deaths, low estimate`` "at least" and ``deaths, high
  estimate`` "at most";
- for each pair of sides in state-based or non-state conflict, one
  :class:`~peacetrack.Relation` ``fights`` (``ucdp-dyad-<a>-<b>``) from its first
  event to its last, so a snapshot shows who was fighting whom;
- a :class:`~peacetrack.Source` for the row's source fields (headline or article,
  office, date, original source), cited by the incident with the dataset itself.

Dates: ``date_start`` equal to ``date_end`` gives that day, approximate (``~``) when
``date_prec`` is above 1. An event over several days is dated by the widest partial
date that holds both ends — the month when both fall in one month, else the year —
and each such row is counted in the report (incidents with a period are to come).
An event across a new year has no such date and is not carried.

Columns peacetrack has no place for (``priogrid_gid``, ``latitude``, ...) are
reported once each, with the number of rows that had a value.

Examples
--------
>>> import io
>>> header = ("id,type_of_violence,dyad_name,side_a_new_id,gwnoa,side_a,side_b_new_id,"
...           "gwnob,side_b,source_article,where_coordinates,adm_1,country,date_prec,"
...           "date_start,date_end,low,best,high")
>>> row = ('73641,1,Government of Bangladesh - JSS/SB,143,771,Government of Bangladesh,'
...        '285,,JSS/SB,"Reuters (3/12/1991)",Mahalchhari town,Chittagong Division,'
...        'Bangladesh,1,1991-03-06,1991-03-06,1,1,1')
>>> t = from_ucdp_ged(io.StringIO(header + "\\n" + row + "\\n"))
>>> t["ucdp-ged-73641"].date, t["ucdp-ged-73641"].parties
(PartialDate('1991-03-06'), ('ucdp-actor-143', 'ucdp-actor-285'))
>>> for c in sorted(t.claims_about("ucdp-ged-73641"), key=lambda c: c.predicate):
...     print(c.predicate, c.qualifier.value, c.value)
deaths about 1
deaths, high estimate at most 1
deaths, low estimate at least 1
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, overload

from peacetrack.dates import PartialDate, Period
from peacetrack.errors import PeacetrackError
from peacetrack.importers._rows import Filled, Row, Rows, Source
from peacetrack.interop.imported import Collector, Imported, build_timeline
from peacetrack.records import (
    Claim,
    Identifier,
    Incident,
    Party,
    PartyKind,
    Record,
    Relation,
    RelationKind,
)
from peacetrack.records import Source as SourceRecord
from peacetrack.timeline import Timeline

__all__ = ["REQUIRED", "UCDP", "from_ucdp_ged"]

UCDP = "ucdp"
"""The id of the party that makes the death-toll claims."""

DATASET = "ucdp-ged"
"""The id of the source that stands for the dataset."""

REQUIRED: tuple[str, ...] = (
    "id",
    "type_of_violence",
    "side_a_new_id",
    "side_a",
    "side_b_new_id",
    "side_b",
    "date_prec",
    "date_start",
    "date_end",
    "low",
    "best",
    "high",
)
"""The columns a GED file must have."""

_OPTIONAL = (
    "dyad_name",
    "conflict_name",
    "gwnoa",
    "gwnob",
    "where_coordinates",
    "where_description",
    "adm_1",
    "country",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
)
_KINDS = {"1": "state-based armed conflict", "2": "non-state conflict", "3": "one-sided violence"}
_CIVILIANS = "1"
_QUALIFIERS = (
    ("low", "deaths, low estimate", "at least"),
    ("best", "deaths", "about"),
    ("high", "deaths, high estimate", "at most"),
)
"""GED column, claim predicate, qualifier: the best estimate is UCDP's answer to
"deaths", the question other sources answer too; low and high are bounds of their own
(three answers to one question by one claimant would read as revisions)."""


def _day(text: str) -> PartialDate:
    """``1991-03-06`` or ``1991-03-06 00:00:00.000`` (as GED writes it) → that day."""
    return PartialDate.parse(text.strip()[:10])


class _Row(Row):
    """A GED row: death tolls and GED's dates, besides the cells every row has."""

    def count(self, column: str) -> int:
        value = self.get(column)
        if value.isascii() and value.isdigit():
            return int(value)
        self.bad(column, f"expected a whole number of deaths, got {value!r}")
        return 0

    def date(self) -> PartialDate | None:
        prec = self.get("date_prec")
        if prec not in {"1", "2", "3", "4", "5"}:
            self.bad("date_prec", f"expected 1 to 5, got {prec!r}")
            return None
        try:
            start, end = _day(self.get("date_start")), _day(self.get("date_end"))
        except PeacetrackError as exc:
            self.bad("date_start", f"expected YYYY-MM-DD dates: {exc}", "bad date_start/date_end")
            return None
        if end < start:
            self.bad("date_end", f"{end} is before date_start {start}")
            return None
        if start == end:
            return PartialDate(start.year, start.month, start.day, approximate=prec != "1")
        if start.year != end.year:
            self.bad(
                "date_end",
                f"{start} to {end} crosses a new year; no one partial date holds it",
                "event across a new year (incidents with a period are to come)",
            )
            return None
        same_month = start.month == end.month
        widest = PartialDate(start.year, start.month if same_month else None)
        self.found.skip(
            f"event over several days dated by its {'month' if same_month else 'year'}",
            f"{self.where}: date_start/date_end: {start} to {end} read as {widest}",
        )
        return widest


def _side(r: _Row, side: str, gwno: str) -> Party | None:
    actor, name = r.text(f"side_{side}_new_id"), r.text(f"side_{side}")
    if not (actor and name):
        return None
    if r.get(gwno):
        kind = PartyKind.GOVERNMENT
    elif actor == _CIVILIANS:
        kind = PartyKind.OTHER
    else:
        kind = PartyKind.ARMED_GROUP
    return Party(
        f"ucdp-actor-{actor}",
        name,
        kind,
        identifiers=(Identifier(UCDP, actor),),
        sources=(DATASET,),
    )


def _source(r: _Row, event: str) -> SourceRecord | None:
    title = r.get("source_headline") or r.get("source_article")
    if not title:
        return None
    original = r.get("source_original")
    if original:
        title += f" (original source: {original})"
    published = None
    if r.get("source_date"):
        try:
            published = _day(r.get("source_date"))
        except PeacetrackError:
            r.found.skip(
                "source_date not one day",
                f"{r.where}: source_date: {r.get('source_date')!r} kept out of the source",
            )
    publisher = r.get("source_office") or "cited by UCDP GED"
    return SourceRecord(f"{event}-source", title, publisher, published=published)


def _records(r: _Row) -> list[Record]:
    event = r.text("id")
    kind = _KINDS.get(r.get("type_of_violence"))
    if kind is None:
        r.bad("type_of_violence", f"expected 1, 2 or 3, got {r.get('type_of_violence')!r}")
    date = r.date()
    deaths = {column: r.count(column) for column, _, _ in _QUALIFIERS}
    a, b = _side(r, "a", "gwnoa"), _side(r, "b", "gwnob")
    if not r.ok or kind is None or date is None or a is None or b is None:
        return []
    place = ", ".join(
        dict.fromkeys(v for v in map(r.get, ("where_coordinates", "adm_1", "country")) if v)
    )
    parts = map(r.get, ("conflict_name", "dyad_name", "where_description"))
    description = "; ".join(dict.fromkeys(v for v in parts if v))
    iid = f"ucdp-ged-{event}"
    source = _source(r, iid)
    cited = (source.id, DATASET) if source else (DATASET,)
    incident = Incident(
        iid,
        kind,
        date,
        place or "unknown",
        description or None,
        parties=(a.id, b.id),
        sources=cited,
    )
    claims = [
        Claim(
            f"{iid}-deaths-{column}",
            iid,
            UCDP,
            predicate,
            deaths[column],
            qualifier,
            sources=(DATASET,),
        )
        for column, predicate, qualifier in _QUALIFIERS
    ]
    return [*([source] if source else []), a, b, incident, *claims]


def _add(records: dict[str, Record], record: Record, r: _Row) -> None:
    """Add ``record``; a side seen before is the same party (the first name is kept,
    another is reported), an event id seen before is reported and left out."""
    known = records.get(record.id)
    if known is None:
        records[record.id] = record
    elif isinstance(record, Party):
        if isinstance(known, Party) and known.name != record.name:
            r.found.skip(
                "actor id with another name (the first is kept)",
                f"{r.where}: {record.id}: {record.name!r}, first seen as {known.name!r}",
            )
    elif isinstance(record, Incident):
        r.found.skip("event id seen before", f"{r.where}: id: {record.id} is on an earlier line")


@overload
def from_ucdp_ged(file: Source, *, lenient: Literal[False] = ...) -> Timeline: ...
@overload
def from_ucdp_ged(file: Source, *, lenient: Literal[True]) -> Imported: ...
def from_ucdp_ged(file: Source, *, lenient: bool = False) -> Timeline | Imported:
    """Read a UCDP GED events CSV file into a timeline.

    Parameters
    ----------
    file
        A path, ``"-"`` for standard input, or an open text stream (UTF-8 CSV with
        GED's header line; see :data:`REQUIRED` for the columns it must have).
    lenient
        ``False``: any bad row is an error. ``True``: leave bad rows out, and return
        ``Imported(timeline, report)``.

    Returns
    -------
    Timeline or Imported
        Incidents, parties, claims and sources as described in the module
        documentation, with the party ``ucdp`` and the source ``ucdp-ged``.

    Raises
    ------
    LoadError
        For a file that cannot be read, is not CSV or lacks a required column.
    ImportFailedError
        (strict) For bad rows and for anything not carried, each problem naming the
        file, the line, the column and the reason.
    """
    rows = Rows(file)
    rows.require(REQUIRED)
    found = Collector(rows.name)
    records: dict[str, Record] = {
        UCDP: Party(UCDP, "Uppsala Conflict Data Program", PartyKind.MONITOR, sources=(DATASET,)),
        DATASET: SourceRecord(
            DATASET,
            "UCDP Georeferenced Event Dataset",
            "Uppsala Conflict Data Program",
            url="https://ucdp.uu.se/downloads/",
        ),
    }
    filled = Filled(rows.header)
    for line, row in rows.good(found):
        filled.add(row)
        r = _Row(rows, line, row, found)
        for record in _records(r):
            _add(records, record, r)
    filled.report(found, rows.name, (*REQUIRED, *_OPTIONAL))
    relations = _dyads(r for r in records.values() if isinstance(r, Incident))
    t = build_timeline([*records.values(), *relations], found, lenient=lenient)
    return Imported(t, found.report(t.records)) if lenient else t


def _dyads(incidents: Iterable[Incident]) -> list[Relation]:
    """One ``fights`` relation per pair of sides in armed conflict (state-based or
    non-state), from its first event to its last."""
    spans: dict[tuple[str, str], tuple[PartialDate, PartialDate]] = {}
    for incident in incidents:
        if incident.kind == _KINDS["3"] or len(incident.parties) != 2:
            continue
        a, b = incident.parties
        assert incident.date is not None  # UCDP events are dated, never spans
        first, last = spans.get((a, b), (incident.date, incident.date))
        first = min(first, incident.date, key=lambda d: d.earliest)
        last = max(last, incident.date, key=lambda d: d.latest)
        spans[a, b] = (first, last)
    return [
        Relation(
            f"ucdp-dyad-{a.removeprefix('ucdp-actor-')}-{b.removeprefix('ucdp-actor-')}",
            a,
            b,
            RelationKind.FIGHTS,
            Period(first, last),
            sources=(DATASET,),
        )
        for (a, b), (first, last) in sorted(spans.items())
    ]
