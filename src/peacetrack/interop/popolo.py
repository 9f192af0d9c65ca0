"""Read and write `Popolo <https://www.popoloproject.com/>`_: people, organizations
and memberships.

:func:`to_popolo` writes the part of a timeline that Popolo models, as the usual
Popolo export document ``{"persons": [...], "organizations": [...], "memberships":
[...]}``. Every item validates against the Popolo JSON Schemas.

- ``Person`` → a person (aliases become ``other_names``).
- ``Party`` → an organization whose ``classification`` is the party kind
  (``"state"``, ``"opposition"``, ...), with ``other_names``.
- A party's or person's ``names`` (:class:`~peacetrack.Name`) → ``other_names``
  with ``start_date``, ``end_date`` (none while the name is in use) and ``note``;
  a name's language goes in a ``lang`` key, which Popolo does not define but its
  schema allows. Read back, an other_name with only a ``name`` is an alias, one
  with any of the others a :class:`~peacetrack.Name` (so an undated name with no
  note or language comes back as an alias); an ``end_date`` needs a ``start_date``.
- ``Process`` → an organization classified ``"process"``; its mediator is a
  membership in it with role ``"mediator"``.
- ``Delegation`` → an organization classified ``"delegation"`` whose ``parent_id`` is
  its party; it is a member (an organization membership, role ``"delegation"``) of
  its process.
- ``Membership`` → a membership: ``person_id``, ``organization_id`` (the
  delegation), ``on_behalf_of_id`` (the party), ``role``, ``start_date`` and
  ``end_date``.
- ``Resignation`` → the ``end_date`` of the membership it ends.
- ``sources`` → ``sources`` links: the ``url`` (``urn:peacetrack:source:ID`` for a
  source without one) and a ``note``, "title — publisher (published)".

Dates are written in Popolo's reduced-precision ISO form (``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``): the precision is kept, the EDTF qualifiers ``~ ? %`` are dropped
(Popolo cannot say "approximately"). Rounds, positions, ceasefires, designations,
relations, incidents, claims, issues and a resignation's reason and quote have no
Popolo form and are not written; nor is a source no record cites.

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
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from peacetrack.dates import PartialDate, Period
from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.records import (
    Delegation,
    Membership,
    Name,
    Party,
    PartyKind,
    Person,
    Process,
    Record,
    Source,
)
from peacetrack.timeline import Timeline, require_timeline

__all__ = ["from_popolo", "to_popolo"]

PROCESS = "process"
DELEGATION = "delegation"
MEDIATOR_ROLE = "mediator"
DELEGATION_ROLE = "delegation"
SOURCE_URN = "urn:peacetrack:source:"
_NOTE_SEP = " — "
_PUBLISHED = re.compile(r"^(?P<rest>.*) \((?P<date>\d{4}(?:-\d{2}){0,2})\)$", re.ASCII | re.S)
_NAME_DETAILS = frozenset({"start_date", "end_date", "note", "lang"})
_POPOLO_DATE = re.compile(r"(\d{4}(?:-\d{2}){0,2})(?:T.*)?", re.ASCII | re.S)


# -- writing --------------------------------------------------------------------------


def popolo_date(d: PartialDate) -> str:
    """A date in Popolo's reduced-precision ISO form: the EDTF string without its
    qualifier.

    >>> popolo_date(PartialDate.parse("2015-09~"))
    '2015-09'
    """
    return str(PartialDate(d.year, d.month, d.day))


def _link(source: Source) -> dict[str, str]:
    note = f"{source.title}{_NOTE_SEP}{source.publisher}"
    if source.published is not None:
        note += f" ({popolo_date(source.published)})"
    return {"url": source.url or f"{SOURCE_URN}{source.id}", "note": note}


def _common(t: Timeline, record: Record, out: dict[str, Any]) -> dict[str, Any]:
    links = [_link(s) for s in (t.get(i) for i in record.sources) if isinstance(s, Source)]
    if links:
        out["sources"] = links
    return out


def _other_names(record: Party | Person) -> dict[str, Any]:
    """Aliases as bare other_names; names with their dates, note and language."""
    out: list[dict[str, Any]] = [{"name": a} for a in record.aliases]
    for n in record.names:
        item: dict[str, Any] = {"name": n.name}
        if n.period is not None:
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
    persons = [_common(t, p, {"id": p.id, "name": p.name, **_other_names(p)}) for p in t.people]
    organizations: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    for party in t.parties:
        out = {"id": party.id, "name": party.name, "classification": party.kind.value}
        organizations.append(_common(t, party, {**out, **_other_names(party)}))
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
        out["start_date"] = popolo_date(m.period.start)
        if m.period.end is not None:
            out["end_date"] = popolo_date(m.period.end)
        memberships.append(_common(t, m, out))
    return {"persons": persons, "organizations": organizations, "memberships": memberships}


# -- reading --------------------------------------------------------------------------


class _Reader:
    """Collects every problem with a Popolo document before raising one LoadError."""

    def __init__(self, default_kind: PartyKind | None) -> None:
        self.default_kind = default_kind
        self.problems: list[str] = []
        self.sources: dict[str, Source] = {}

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def items(self, doc: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
        value = doc.get(key, [])
        if not isinstance(value, list):
            self.problem(key, f"expected a list, got {type(value).__name__}")
            return []
        good = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                good.append(item)
            else:
                self.problem(f"{key}[{i}]", f"expected an object, got {type(item).__name__}")
        return good

    def text(self, where: str, item: Mapping[str, Any], key: str) -> str | None:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
        self.problem(where, f"{key}: expected text, got {value!r}")
        return None

    def date(self, where: str, item: Mapping[str, Any], key: str) -> PartialDate | None:
        value = item.get(key)
        match = _POPOLO_DATE.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            self.problem(where, f"{key}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
            return None
        try:
            return PartialDate.parse(match.group(1))
        except PeacetrackError as exc:
            self.problem(where, f"{key}: {exc}")
            return None

    def listed(self, where: str, item: Mapping[str, Any], key: str) -> list[Any]:
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(where, f"{key}: expected a list, got {type(value).__name__}")
            return []
        return value

    def aliases(
        self, where: str, item: Mapping[str, Any]
    ) -> tuple[tuple[str, ...], tuple[Name, ...]]:
        """The other_names: bare ones as aliases, the others (with a date, a note or
        a language) as :class:`~peacetrack.Name`\\ s."""
        aliases: list[str] = []
        names: list[Name] = []
        for other in self.listed(where, item, "other_names"):
            if not (isinstance(other, dict) and isinstance(other.get("name"), str)):
                self.problem(where, f"other_names: expected {{'name': text}}, got {other!r}")
            elif not other.keys() & _NAME_DETAILS:
                aliases.append(other["name"])
            else:
                name = self._name(where, other)
                if name is not None:
                    names.append(name)
        return tuple(aliases), tuple(dict.fromkeys(names))

    def _name(self, where: str, other: Mapping[str, Any]) -> Name | None:
        given = {k: other.get(k) for k in ("note", "lang")}
        for key, value in given.items():
            if value is not None and not (isinstance(value, str) and value.strip()):
                self.problem(where, f"other_names: {key}: expected text, got {value!r}")
                return None
        start = end = None
        if other.get("start_date") is not None:
            start = self.date(where, other, "start_date")
            if start is None:
                return None
        if other.get("end_date") is not None:
            end = self.date(where, other, "end_date")
            if end is None:
                return None
            if start is None:
                self.problem(
                    where,
                    f"other_names: {other['name']!r} has an end_date but no start_date; "
                    "peacetrack needs the start of a dated name",
                )
                return None
        try:
            period = None if start is None else Period(start, end)
            return Name(other["name"], period, lang=given["lang"], note=given["note"])
        except PeacetrackError as exc:
            self.problem(where, f"other_names: {other['name']!r}: {exc}")
            return None

    def source_ids(self, where: str, item: Mapping[str, Any]) -> tuple[str, ...]:
        ids: list[str] = []
        for link in self.listed(where, item, "sources"):
            url = link.get("url") if isinstance(link, dict) else None
            if not isinstance(url, str) or not url:
                self.problem(where, f"sources: expected a link with a url, got {link!r}")
                continue
            source = self._source(url, link.get("note"))
            self.sources.setdefault(source.id, source)
            if source.id not in ids:
                ids.append(source.id)
        return tuple(ids)

    @staticmethod
    def _source(url: str, note: object) -> Source:
        text = note if isinstance(note, str) and note.strip() else url
        published = None
        match = _PUBLISHED.fullmatch(text)
        if match is not None:
            text, published = match.group("rest"), match.group("date")
        title, sep, publisher = text.rpartition(_NOTE_SEP)
        if not sep:
            title, publisher = text, "unknown"
        if url.startswith(SOURCE_URN):
            return Source(url[len(SOURCE_URN) :], title, publisher, published=published)
        digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
        return Source(f"src-{digest}", title, publisher, url=url, published=published)

    def kind(self, where: str, classification: object) -> PartyKind | None:
        try:
            return PartyKind(classification)
        except ValueError:
            if self.default_kind is not None:
                return self.default_kind
            choices = ", ".join(repr(k.value) for k in PartyKind)
            self.problem(
                where,
                f"classification {classification!r} is not a party kind ({choices}), "
                f"{PROCESS!r} or {DELEGATION!r}; pass default_kind= to read it as a party",
            )
            return None


def _member_id(m: Mapping[str, Any]) -> str | None:
    if isinstance(m.get("person_id"), str):
        return str(m["person_id"])
    member = m.get("member")
    if isinstance(member, dict) and isinstance(member.get("id"), str):
        return str(member["id"])
    return None


def from_popolo(doc: Mapping[str, Any], *, default_kind: PartyKind | None = None) -> Timeline:
    """Read a Popolo document into a :class:`~peacetrack.Timeline`.

    Parameters
    ----------
    doc
        ``{"persons": [...], "organizations": [...], "memberships": [...]}`` as
        written by :func:`to_popolo` (any key may be missing).
    default_kind
        The :class:`~peacetrack.PartyKind` for an organization whose
        ``classification`` is not one (``None``, the default, makes that an error).

    Returns
    -------
    Timeline
        Persons, parties, processes, delegations, memberships, and a
        :class:`~peacetrack.Source` for each distinct source link (id from a
        ``urn:peacetrack:source:`` URL, else ``src-`` and a hash of the URL).

    Raises
    ------
    LoadError
        Listing every problem: items without an id or a name, a date that is not
        reduced-precision ISO, an unknown classification, a delegation without a
        party or a process, a person's membership in anything but a delegation, a
        membership without a start date.
    ValidationError
        When the records read do not make a valid timeline.

    Examples
    --------
    >>> t = from_popolo({"persons": [{"id": "p1", "name": "Riad Hijab"}]})
    >>> t["p1"].name
    'Riad Hijab'
    >>> from_popolo({"organizations": [{"id": "x", "name": "X", "classification": "bank"}]})
    Traceback (most recent call last):
    ...
    peacetrack.errors.LoadError: not a peacetrack timeline (1 problem):
      organization x: classification 'bank' is not a party kind (...
    """
    if not isinstance(doc, Mapping):
        raise LoadError(f"expected a Popolo document (a JSON object), got {type(doc).__name__}")
    r = _Reader(default_kind)
    persons = r.items(doc, "persons")
    organizations = r.items(doc, "organizations")
    memberships = r.items(doc, "memberships")
    orgs_by_id = {o["id"]: o for o in organizations if isinstance(o.get("id"), str)}

    def classification(org_id: object) -> object:
        org = orgs_by_id.get(org_id) if isinstance(org_id, str) else None
        return None if org is None else org.get("classification")

    # Structural memberships: a process's mediator, a delegation's process.
    mediators: dict[str, str] = {}
    delegation_process: dict[str, str] = {}
    person_memberships = []
    for i, m in enumerate(memberships):
        where = f"membership {m.get('id') or f'#{i}'}"
        org_id, member = m.get("organization_id"), _member_id(m)
        if classification(org_id) == PROCESS and isinstance(org_id, str) and member:
            if m.get("role") == MEDIATOR_ROLE:
                mediators[org_id] = member
            elif classification(member) == DELEGATION:
                delegation_process[member] = org_id
            else:
                r.problem(
                    where, f"a member of process {org_id} must be its mediator or a delegation"
                )
        elif classification(org_id) == DELEGATION and isinstance(m.get("person_id"), str):
            person_memberships.append((i, where, m))
        else:
            r.problem(
                where,
                f"peacetrack keeps people's memberships in delegations only; "
                f"{member!r} in {org_id!r} ({classification(org_id)!r}) has no peacetrack form",
            )

    records: list[Record] = []
    for i, p in enumerate(persons):
        where = f"person {p.get('id') or f'#{i}'}"
        pid, name = r.text(where, p, "id"), r.text(where, p, "name")
        if pid and name:
            (aliases, names), cited = r.aliases(where, p), r.source_ids(where, p)
            records.append(Person(pid, name, aliases=aliases, names=names, sources=cited))
    for i, o in enumerate(organizations):
        where = f"organization {o.get('id') or f'#{i}'}"
        oid = r.text(where, o, "id")
        if oid is None:
            continue
        cited = r.source_ids(where, o)
        kind = o.get("classification")
        if kind == DELEGATION:
            parent, process = o.get("parent_id"), delegation_process.get(oid)
            if not isinstance(parent, str) or process is None:
                r.problem(where, "a delegation needs parent_id (its party) and a process")
                continue
            name = o.get("name") if isinstance(o.get("name"), str) else None
            records.append(Delegation(oid, parent, process, name, sources=cited))
            continue
        name = r.text(where, o, "name")
        if name is None:
            continue
        if kind == PROCESS:
            records.append(Process(oid, name, mediators.get(oid), sources=cited))
        elif (party_kind := r.kind(where, kind)) is not None:
            aliases, names = r.aliases(where, o)
            records.append(
                Party(oid, name, party_kind, aliases=aliases, names=names, sources=cited)
            )
    for i, where, m in person_memberships:
        start = r.date(where, m, "start_date")
        end = r.date(where, m, "end_date") if m.get("end_date") is not None else None
        role = r.text(where, m, "role")
        if start is None or role is None:
            continue
        given = m.get("id")
        mid = given if isinstance(given, str) and given.strip() else f"membership-{i + 1}"
        try:
            period = Period(start, end)
        except PeacetrackError as exc:
            r.problem(where, f"start_date/end_date: {exc}")
            continue
        cited = r.source_ids(where, m)
        person, delegation = m["person_id"], m["organization_id"]
        records.append(Membership(mid, person, delegation, role, period, sources=cited))
    if r.problems:
        n = len(r.problems)
        lines = "\n".join(f"  {p}" for p in r.problems)
        raise LoadError(f"not a peacetrack timeline ({n} problem{'s' if n != 1 else ''}):\n{lines}")
    return Timeline(_with_sources(r.sources.values(), records))


def _with_sources(sources: Iterable[Source], records: list[Record]) -> list[Record]:
    return [*sorted(sources, key=lambda s: s.id), *records]
