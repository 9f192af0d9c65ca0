"""Read and write `Popolo <https://www.popoloproject.com/>`_: people, organizations
and memberships.

:func:`to_popolo` writes the part of a timeline that Popolo models, as the usual
Popolo export document ``{"persons": [...], "organizations": [...], "memberships":
[...]}``. Every item validates against the Popolo JSON Schemas.

- ``Person`` → a person (aliases become ``other_names``; ``identifiers`` and
  ``links`` are Popolo's own).
- ``Party`` → an organization whose ``classification`` is the party kind
  (``"state"``, ``"opposition"``, ...), with ``other_names``, ``identifiers`` and
  ``links``.
- A party's or person's ``names`` (:class:`~peacetrack.Name`) → ``other_names``
  with ``start_date``, ``end_date`` (none while the name is in use) and ``note``;
  a name's language goes in a ``lang`` key, which Popolo does not define but its
  schema allows.
- ``Process`` → an organization classified ``"process"``; its ``mediator`` is a
  membership in it with role ``"mediator"`` and nothing else (no id, status or
  dates), as earlier exports wrote it.
- ``Delegation`` → an organization classified ``"delegation"`` whose ``parent_id`` is
  its party; it is a member (an organization membership, role ``"delegation"``) of
  its process.
- ``Participation`` → a membership in its process, with the participation's ``id``;
  the actor as ``person_id`` (a person) or as an organization ``member`` (a party or
  a delegation, as a delegation is a member of its process); ``role`` the
  participation role (``"mediator"``, ``"co_mediator"``, ``"guarantor"``, ...);
  ``label`` the status (``"took_part"``, ``"boycotted"``, ``"excluded"``, ...);
  ``start_date`` and ``end_date`` from its period; the reason in a ``reason`` key,
  which Popolo does not define but its schema allows. A Popolo reader that ignores
  ``label`` would take an excluded or boycotting actor for a member: the status
  is what says who was at the table. Rounds are not written, so a participation
  in a round is written over its own period, or the round's when it has none.
- ``Membership`` → a membership: ``person_id``, ``organization_id`` (the
  delegation), ``on_behalf_of_id`` (the party), ``role``, ``start_date`` and
  ``end_date``.
- ``Resignation`` → the ``end_date`` of the membership it ends.
- ``sources`` → ``sources`` links: the ``url`` (``urn:peacetrack:source:ID`` for a
  source without one) and a ``note``, "title — publisher (published)".

Dates are written in Popolo's reduced-precision ISO form (``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``): the precision is kept, the EDTF qualifiers ``~ ? %`` are dropped
(Popolo cannot say "approximately"), and so is whether a missing end is open or
unknown. Rounds, positions, ceasefires, designations, relations, incidents, claims,
issues, agreements, a participation's round and a resignation's reason and quote
have no Popolo form and are not written; nor is a source no record cites. An
agreement is a document, not a body people or parties belong to: Popolo has no type
for it, and writing it as an organization with its signatories as members would
tell Popolo readers something false.

:func:`from_popolo` reads such a document back into a :class:`~peacetrack.Timeline`.

Examples
--------
>>> from peacetrack import Timeline, Party, Person, Process, Delegation, Membership
>>> t = Timeline([
...     Party("hnc", "High Negotiations Committee", "opposition"),
...     Person("alloush", "Mohammed Alloush"),
...     Process("geneva", "Geneva talks"),
...     Delegation("hnc-d", "hnc", "geneva"),
...     Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01~/2016-05-29"),
... ])
>>> doc = to_popolo(t)
>>> [o["classification"] for o in doc["organizations"]]
['opposition', 'process', 'delegation']
>>> m = doc["memberships"][-1]
>>> m["person_id"], m["organization_id"], m["on_behalf_of_id"], m["start_date"], m["end_date"]
('alloush', 'hnc-d', 'hnc', '2016-01', '2016-05-29')
>>> back = from_popolo(doc)
>>> back["m1"].period.start    # the qualifier "~" is not carried by Popolo
PartialDate('2016-01')
>>> back.people == t.people and back.delegations == t.delegations
True

A participation travels as a membership in its process, its status in ``label``:

>>> from peacetrack import Participation
>>> t = t.with_records(Party("pyd", "Democratic Union Party", "opposition"),
...                    Participation("pyd-out", "geneva", "pyd", "participant", "excluded",
...                                  period="2016-01-29/..", reason="Turkey objected"))
>>> doc = to_popolo(t)
>>> written = doc["memberships"][-1]
>>> written["member"], written["organization_id"], written["role"], written["label"]
({'@type': 'Organization', 'id': 'pyd'}, 'geneva', 'participant', 'excluded')
>>> written["start_date"], "end_date" in written, written["reason"]
('2016-01-29', False, 'Turkey objected')
>>> from_popolo(doc)["pyd-out"] == t["pyd-out"]
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, overload

from peacetrack.dates import PartialDate, Period
from peacetrack.interop._popolo_items import (
    DELEGATION,
    DELEGATION_ROLE,
    MEDIATOR_ROLE,
    NOTE_SEP,
    PROCESS,
    REASON,
    SOURCE_URN,
)
from peacetrack.interop._popolo_read import read_popolo
from peacetrack.interop.imported import Imported
from peacetrack.records import (
    Delegation,
    Participation,
    Party,
    PartyKind,
    Person,
    Process,
    Record,
    Round,
    Source,
)
from peacetrack.timeline import Timeline, require_timeline

__all__ = ["from_popolo", "to_popolo"]


# -- writing --------------------------------------------------------------------------


def popolo_date(d: PartialDate) -> str:
    """A date in Popolo's reduced-precision ISO form: the EDTF string without its
    qualifier.

    >>> popolo_date(PartialDate.parse("2015-09~"))
    '2015-09'
    """
    return str(PartialDate(d.year, d.month, d.day))


def _link(source: Source) -> dict[str, str]:
    note = f"{source.title}{NOTE_SEP}{source.publisher}"
    if source.published is not None:
        note += f" ({popolo_date(source.published)})"
    return {"url": source.url or f"{SOURCE_URN}{source.id}", "note": note}


def _common(t: Timeline, record: Record, out: dict[str, Any]) -> dict[str, Any]:
    links = [_link(s) for s in (t.get(i) for i in record.sources) if isinstance(s, Source)]
    if links:
        out["sources"] = links
    return out


def _outside(record: Party | Person) -> dict[str, Any]:
    """Popolo's ``identifiers`` and ``links`` of a party or person (left out when none)."""
    out: dict[str, Any] = {}
    if record.identifiers:
        out["identifiers"] = [
            {"scheme": i.scheme, "identifier": i.identifier} for i in record.identifiers
        ]
    if record.links:
        out["links"] = [
            {"url": link.url, **({} if link.note is None else {"note": link.note})}
            for link in record.links
        ]
    return out


def _other_names(record: Party | Person) -> dict[str, Any]:
    """Aliases as bare other_names; names with their dates, note and language."""
    out: list[dict[str, Any]] = [{"name": a} for a in record.aliases]
    for n in record.names:
        item: dict[str, Any] = {"name": n.name}
        if n.period is not None and n.period.start is not None:
            item["start_date"] = popolo_date(n.period.start)
            if n.period.end is not None:
                item["end_date"] = popolo_date(n.period.end)
        if n.note is not None:
            item["note"] = n.note
        if n.lang is not None:
            item["lang"] = n.lang  # not a Popolo property; Popolo's schema allows it
        out.append(item)
    return {"other_names": out} if out else {}


def _member_ref(t: Timeline, record_id: str) -> dict[str, Any]:
    if isinstance(t.get(record_id), Person):
        return {"person_id": record_id}
    return {"member": {"@type": "Organization", "id": record_id}}


def _dates(period: Period | None) -> dict[str, str]:
    """A period's known ends as Popolo ``start_date`` and ``end_date``."""
    out = {}
    if period is not None and period.start is not None:
        out["start_date"] = popolo_date(period.start)
    if period is not None and period.end is not None:
        out["end_date"] = popolo_date(period.end)
    return out


def _participation(t: Timeline, p: Participation) -> dict[str, Any]:
    """A participation as a membership in its process: the role in ``role``, the
    status in ``label``, the period (or, undated in a round, the round's) in the
    dates, the reason in ``reason``."""
    out = {"id": p.id, **_member_ref(t, p.actor), "organization_id": p.process}
    out |= {"role": p.role.value, "label": p.status.value}
    period = p.period
    if period is None and p.round is not None:
        round_ = t.get(p.round)
        period = round_.period if isinstance(round_, Round) else None
    out |= _dates(period)
    if p.reason is not None:
        out[REASON] = p.reason  # not a Popolo property; Popolo's schema allows it
    return _common(t, p, out)


def to_popolo(t: Timeline) -> dict[str, list[dict[str, Any]]]:
    """The people, organizations and memberships of ``t`` as a Popolo document.

    Parameters
    ----------
    t
        Any timeline; only the records Popolo models are written (see the module
        documentation for the mapping and what is left out).

    Returns
    -------
    dict
        ``{"persons": [...], "organizations": [...], "memberships": [...]}``, ready
        for ``json.dumps``; absent values are left out rather than written as null.

    Examples
    --------
    >>> from peacetrack import Timeline, Party
    >>> to_popolo(Timeline([Party("ru", "Russia", "state", aliases=("RF",))]))["organizations"]
    [{'id': 'ru', 'name': 'Russia', 'classification': 'state', 'other_names': [{'name': 'RF'}]}]
    """
    require_timeline(t)
    persons = [
        _common(t, p, {"id": p.id, "name": p.name, **_other_names(p), **_outside(p)})
        for p in t.people
    ]
    organizations: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    for party in t.parties:
        out = {"id": party.id, "name": party.name, "classification": party.kind.value}
        out.update(_other_names(party))
        organizations.append(_common(t, party, {**out, **_outside(party)}))
    for process in t.processes:
        out = {"id": process.id, "name": process.name, "classification": PROCESS}
        organizations.append(_common(t, process, out))
        if process.mediator is not None:
            ref = _member_ref(t, process.mediator)
            memberships.append({**ref, "organization_id": process.id, "role": MEDIATOR_ROLE})
    for d in t.delegations:
        out = {"id": d.id}
        if d.name is not None:
            out["name"] = d.name
        out["classification"] = DELEGATION
        out["parent_id"] = d.party
        owner, forum = t.get(d.party), t.get(d.process)
        if isinstance(owner, Party) and isinstance(forum, Process):
            out["abstract"] = f"Delegation of {owner.name} to {forum.name}"
        organizations.append(_common(t, d, out))
        memberships.append(
            {**_member_ref(t, d.id), "organization_id": d.process, "role": DELEGATION_ROLE}
        )
    for m in t.memberships:
        delegation = t[m.delegation]
        out = {"id": m.id, "person_id": m.person, "organization_id": m.delegation}
        if isinstance(delegation, Delegation):
            out["on_behalf_of_id"] = delegation.party
        out["role"] = m.role
        out.update(_dates(m.period))
        memberships.append(_common(t, m, out))
    memberships += [_participation(t, p) for p in t.participations]
    return {"persons": persons, "organizations": organizations, "memberships": memberships}


# -- reading --------------------------------------------------------------------------


@overload
def from_popolo(
    doc: Mapping[str, Any], *, default_kind: PartyKind | None = ..., lenient: Literal[False] = ...
) -> Timeline: ...
@overload
def from_popolo(
    doc: Mapping[str, Any], *, default_kind: PartyKind | None = ..., lenient: Literal[True]
) -> Imported: ...
def from_popolo(
    doc: Mapping[str, Any], *, default_kind: PartyKind | None = None, lenient: bool = False
) -> Timeline | Imported:
    """Read a Popolo document into a :class:`~peacetrack.Timeline`.

    Parameters
    ----------
    doc
        ``{"persons": [...], "organizations": [...], "memberships": [...]}``, as
        written by :func:`to_popolo` or by anyone else (any key may be missing).
    default_kind
        The :class:`~peacetrack.PartyKind` for an organization whose
        ``classification`` is not one (by default an error; ``"other"`` when lenient).
    lenient
        ``False`` (the default): everything in ``doc`` must have a peacetrack form,
        else :class:`~peacetrack.interop.imported.ImportFailedError`. ``True``: load what
        has a peacetrack form and report the rest.

    Returns
    -------
    Timeline or Imported
        Strict: the timeline. Lenient: ``Imported(timeline, report)``, where the
        :class:`~peacetrack.interop.imported.Report` counts what was not carried by kind
        (a legislature membership, a person's ``birth_date``, an other_name's
        ``family_name``, a top-level ``areas`` list, ...) with a few examples of each.
        Persons, parties, processes, delegations, memberships, participations, and a
        :class:`~peacetrack.Source` for each distinct source link (id from a
        ``urn:peacetrack:source:`` URL, else ``src-`` and a hash of the URL).
        A process's members: a membership with role ``"mediator"`` and no other
        field than its member is the process's ``mediator`` (as earlier exports
        wrote it); one in role ``"delegation"`` whose member is a delegation puts the
        delegation in the process; any other is a
        :class:`~peacetrack.Participation`, whose ``role`` must be a participation
        role and ``label`` a participation status (its id, when it has none, is
        ``participation-N``, N its position in the document).
        A bare ``other_name`` (only a ``name``) becomes an alias; one with a
        ``start_date``, ``end_date``, ``note`` or ``lang`` a :class:`~peacetrack.Name`,
        each distinct name once (a multilingual file gives a name in each language).

    Raises
    ------
    ImportFailedError
        (a :class:`~peacetrack.errors.LoadError`) In strict mode, for anything not
        carried: the message counts the problems by kind, then lists the first
        twenty; ``problems`` holds them all and ``counts`` the count of each kind.
    LoadError
        For a document that is not a JSON object.
    ValidationError
        Strict: when the records read do not make a valid timeline. (Lenient: such
        records are left out and reported.)

    Examples
    --------
    >>> t = from_popolo({"persons": [{"id": "p1", "name": "Riad Hijab"}]})
    >>> t["p1"].name
    'Riad Hijab'
    >>> from_popolo({"organizations": [{"id": "x", "name": "X", "classification": "bank"}]})
    Traceback (most recent call last):
    ...
    peacetrack.interop.imported.ImportFailedError: cannot import popolo: 1 problem of 1 kind:
      1 × organization classification with no peacetrack form
      organization x: classification 'bank' is not a party kind (...
    >>> doc = {"persons": [{"id": "p1", "name": "Riad Hijab", "gender": "male"}]}
    >>> t, report = from_popolo(doc, lenient=True)
    >>> print(report)
    popolo: carried 1 record (1 Person)
    not carried: 1 item of 1 kind
      1 × person field 'gender'  (e.g. person p1: gender: has no peacetrack form)
    """
    if lenient:
        return read_popolo(doc, default_kind=default_kind, lenient=True)
    return read_popolo(doc, default_kind=default_kind)
