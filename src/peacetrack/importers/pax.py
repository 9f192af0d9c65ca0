"""PA-X peace agreements (CSV) → agreements, peace processes, and PA-X's own lists.

`PA-X <https://www.peaceagreements.org/>`_, the Peace Agreements Database of the
University of Edinburgh (PeaceRep), publishes its dataset as a CSV file with one row
per agreement. Each row becomes:

- an :class:`~peacetrack.Agreement` ``pax-agt-<AgtId>``: ``name`` from ``Agt`` (its
  line breaks read as spaces), ``date`` from ``Dat``, ``kind`` from ``Stage`` (see
  :data:`KINDS`), ``process`` its peace process;
- a :class:`~peacetrack.Process` ``pax-pp-<PP>`` named ``PPName``, one for each
  peace process (the first name is kept when a process number comes with another);
- a :class:`~peacetrack.Source` ``pax-agt-<AgtId>-source`` for the agreement's
  entry in PA-X, cited by the agreement with the dataset itself (``pa-x``);
- up to three :class:`~peacetrack.Claim` records by the party ``pax`` (the PA-X
  team) about the agreement, holding ``Part``, ``ThrdPart`` and ``OthAgr`` word for
  word (see :data:`CLAIMS`).

``Part`` and ``ThrdPart`` name the signatories and the third parties as the
agreement text does: free text, split by line breaks, semicolons, commas or prose
("delegates of the Congress of the Syrian national dialogue, representing all
segments of Syrian society, ..."), with people, offices and states mixed. Splitting
it into parties would invent a structure PA-X does not give, so they are kept whole,
as PA-X's statements, and the agreement has no :class:`~peacetrack.Signatory`.
``OthAgr`` (other agreements referred to) is kept the same way.

``StageSub`` is checked against ``Stage`` (a sub-stage of another stage is a bad
row) but peacetrack's kinds stop at the stage, so its values are reported as not
carried. So are the other columns' values (``Con``, ``Reg``, ``Status``, ``Lgt``,
... each counted by name; PA-X's 240-odd provision-coding columns, ``GCh`` to
``ImSrc``, counted together).

``Dat`` is ``YYYY-MM-DD``, as the PA-X codebook gives it (a spreadsheet's
``2016-02-22 00:00:00`` is read too). A day/month/year date (``22/02/2016``) is a
bad row: whether ``02/03/2016`` is 2 March or 3 February cannot be told.

Examples
--------
>>> import io
>>> text = ("PP,PPName,AgtId,Agt,Dat,Stage,Part\\n"
...         "115,Syrian peace process,2093,Memorandum on the Creation of De-escalation "
...         'areas,2017-05-04,Cea,"Islamic Republic of Iran;\\nRussian Federation"\\n')
>>> t = from_pax(io.StringIO(text))
>>> a = t["pax-agt-2093"]
>>> a.kind.value, str(a.date), t[a.process].name
('ceasefire', '2017-05-04', 'Syrian peace process')
>>> [c.value for c in t.claims_about("pax-agt-2093")]
['Islamic Republic of Iran;\\nRussian Federation']
"""

from __future__ import annotations

import re
from typing import Literal, overload

from peacetrack.dates import PartialDate
from peacetrack.errors import PeacetrackError
from peacetrack.importers._rows import Filled, Row, Rows, Source
from peacetrack.interop.imported import Collector, Imported, build_timeline
from peacetrack.records import (
    Agreement,
    AgreementKind,
    Claim,
    Party,
    PartyKind,
    Process,
    Record,
)
from peacetrack.records import Source as SourceRecord
from peacetrack.timeline import Timeline

__all__ = ["CLAIMS", "DATASET", "KINDS", "PAX", "REQUIRED", "STAGES", "from_pax"]

PAX = "pax"
"""The id of the party whose statements the ``Part``/``ThrdPart``/``OthAgr`` claims are."""

DATASET = "pa-x"
"""The id of the source that stands for the dataset."""

REQUIRED: tuple[str, ...] = ("PP", "PPName", "AgtId", "Agt", "Dat", "Stage")
"""The columns a PA-X file must have."""

KINDS: dict[str, AgreementKind] = {
    "Pre": AgreementKind.PRE_NEGOTIATION,
    "Cea": AgreementKind.CEASEFIRE,
    "SubPar": AgreementKind.FRAMEWORK,
    "SubComp": AgreementKind.COMPREHENSIVE,
    "Imp": AgreementKind.IMPLEMENTATION,
    "Ren": AgreementKind.RENEWAL,
    "Oth": AgreementKind.OTHER,
}
"""PA-X ``Stage`` → agreement kind: pre-negotiation/process, ceasefire/related,
framework-substantive partial, framework-substantive comprehensive,
implementation/renegotiation, renewal, other."""

STAGES: dict[str, frozenset[str]] = {
    "Pre": frozenset({"Proc", "Prin", "Conf", "PreMix", "PreOth"}),
    "Cea": frozenset({"Ceas", "Rel", "CeaMix"}),
    "SubPar": frozenset({"Iss", "MultIss", "FrparOth"}),
    "SubComp": frozenset({"FrAg", "FrCons", "FrcomOth"}),
    "Imp": frozenset({"ImpMod", "ExtSub", "ExtPar", "ImpOth"}),
    "Ren": frozenset({"Repre", "Resub", "Reimp", "Reoth"}),
    "Oth": frozenset({"Other"}),
}
"""The ``StageSub`` codes of each ``Stage``. An empty ``StageSub`` is allowed, as in
the dataset (31 of PA-X version 6's 2003 agreements have none); ``FrcomOth`` and
``Other`` are not in version 6 but are in a later release (version 9, as PeaceRep's
PA-Xplorer dashboard holds it)."""

CLAIMS: tuple[tuple[str, str], ...] = (
    ("Part", "parties, as PA-X lists them"),
    ("ThrdPart", "third parties, as PA-X lists them"),
    ("OthAgr", "other agreements referred to, as PA-X lists them"),
)
"""Column → the predicate of the claim by :data:`PAX` that keeps it word for word.
The predicates are PA-X's own, so another source's list in other words is not read
as contesting it."""

_DESCRIBED = (
    "Con",
    "Contp",
    "Reg",
    "Ver",
    "Status",
    "Lgt",
    "N_characters",
    "Agtp",
    "StageSub",
    "Loc1ISO",
    "Loc2ISO",
    "Loc1GWNO",
    "Loc2GWNO",
    "UcdpCon",
    "UcdpAgr",
    "PamAgr",
    "CowWar",
    "Interim",
)
"""PA-X's descriptive columns peacetrack does not carry, each reported by name; any
other column (PA-X's provision coding) is reported under one kind."""

_DAY = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?", re.ASCII)
_SLASHED = re.compile(r"[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{4}", re.ASCII)
_SPACES = re.compile(r"\s+")


def _number(r: Row, column: str, what: str) -> str:
    value = r.get(column)
    if value.isascii() and value.isdigit() and int(value) > 0:
        return str(int(value))
    if not value:
        r.bad(column, f"empty; expected {what}", f"empty {column}")
    else:
        r.bad(column, f"expected {what} (a whole number), got {value!r}")
    return ""


def _date(r: Row) -> PartialDate | None:
    value = r.get("Dat")
    day = _DAY.fullmatch(value)
    if day is not None:
        try:
            return PartialDate.parse(day[1])
        except PeacetrackError as exc:
            r.bad("Dat", str(exc))
            return None
    if _SLASHED.fullmatch(value):
        reason = (
            f"expected YYYY-MM-DD as in the PA-X codebook, got {value!r} "
            "(day/month or month/day cannot be told)"
        )
    else:
        reason = f"expected YYYY-MM-DD as in the PA-X codebook, got {value!r}"
    r.bad("Dat", reason)
    return None


def _kind(r: Row) -> AgreementKind | None:
    stage, sub = r.get("Stage"), r.get("StageSub")
    kind = KINDS.get(stage)
    if kind is None:
        r.bad("Stage", f"expected one of {', '.join(KINDS)}, got {stage!r}")
        return None
    if sub and sub not in STAGES[stage]:
        home = [s for s, subs in STAGES.items() if sub in subs]
        if home:
            reason = f"{sub!r} is a sub-stage of {home[0]}, not of {stage}"
        else:
            expected = ", ".join(sorted(STAGES[stage]))
            reason = f"{sub!r} is not a PA-X sub-stage (of {stage}: {expected})"
        r.bad("StageSub", reason)
    return kind


def _process(r: Row) -> Process | None:
    if not (r.get("PP") or r.get("PPName")):
        return None  # an agreement PA-X places in no process: carried without one
    number = _number(r, "PP", "PA-X's peace process number")
    name = r.text("PPName")
    if not (number and name):
        return None
    return Process(f"pax-pp-{number}", name, sources=(DATASET,))


def _records(r: Row) -> list[Record]:
    number = _number(r, "AgtId", "PA-X's agreement id")
    name = _SPACES.sub(" ", r.text("Agt"))
    date = _date(r)
    kind = _kind(r)
    process = _process(r)
    if not r.ok or not number or date is None or kind is None:
        return []
    aid = f"pax-agt-{number}"
    entry = SourceRecord(
        f"{aid}-source", f"{name} (PA-X agreement {number})", "PA-X Peace Agreements Database"
    )
    agreement = Agreement(
        aid,
        name,
        kind,
        date,
        process=process.id if process else None,
        sources=(entry.id, DATASET),
    )
    claims = [
        Claim(
            f"{aid}-{column.lower()}",
            aid,
            PAX,
            predicate,
            r.get(column).replace("\r\n", "\n"),
            sources=(entry.id,),
        )
        for column, predicate in CLAIMS
        if r.get(column)
    ]
    return [*([process] if process else []), entry, agreement, *claims]


def _add(records: dict[str, Record], made: list[Record], r: Row) -> None:
    """Add a row's records. An agreement id seen before is reported and the row left
    out; a process seen before is the same process (its first name is kept, another
    is reported)."""
    agreement = next(m for m in made if isinstance(m, Agreement))
    if agreement.id in records:
        r.found.skip(
            "agreement id seen before",
            f"{r.where}: AgtId: {agreement.id} is on an earlier line",
        )
        return
    for record in made:
        known = records.setdefault(record.id, record)
        if isinstance(record, Process) and isinstance(known, Process) and known.name != record.name:
            r.found.skip(
                "process number with another name (the first is kept)",
                f"{r.where}: PPName: {record.id}: {record.name!r}, first seen as {known.name!r}",
            )


def _other_column(column: str) -> str:
    if column in _DESCRIBED:
        return f"value of column {column!r}"
    return "value of a provision-coding or other column"


@overload
def from_pax(file: Source, *, lenient: Literal[False] = ...) -> Timeline: ...
@overload
def from_pax(file: Source, *, lenient: Literal[True]) -> Imported: ...
def from_pax(file: Source, *, lenient: bool = False) -> Timeline | Imported:
    """Read a PA-X peace agreements CSV file into a timeline.

    Parameters
    ----------
    file
        A path, ``"-"`` for standard input, or an open text stream (UTF-8 CSV with
        PA-X's header line; see :data:`REQUIRED` for the columns it must have).
    lenient
        ``False``: any bad row, or any value not carried, is an error. ``True``:
        leave them out, and return ``Imported(timeline, report)``.

    Returns
    -------
    Timeline or Imported
        Agreements, processes, sources and claims as described in the module
        documentation, with the party ``pax`` and the source ``pa-x``.

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
        PAX: Party(
            PAX,
            "PA-X Peace Agreements Database (PeaceRep, University of Edinburgh)",
            PartyKind.MONITOR,
            sources=(DATASET,),
        ),
        DATASET: SourceRecord(
            DATASET,
            "PA-X Peace Agreements Database and Dataset",
            "PeaceRep, University of Edinburgh",
            url="https://www.peaceagreements.org/",
        ),
    }
    filled = Filled(rows.header)
    for line, row in rows.good(found):
        filled.add(row)
        r = Row(rows, line, row, found)
        made = _records(r)
        if made:
            _add(records, made, r)
    read = (*REQUIRED, *(column for column, _ in CLAIMS))
    filled.report(found, rows.name, read, _other_column)
    t = build_timeline(list(records.values()), found, lenient=lenient)
    return Imported(t, found.report(t.records)) if lenient else t
