"""Reading Popolo: the strict reader of peacetrack's own exports, and the lenient one
for the Popolo files of the world (EveryPolitician's, say)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, overload

from peacetrack.dates import Period
from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.interop._popolo_items import (
    _DELEGATION_ONLY,
    _MEMBERSHIP,
    _ORGANIZATION,
    _OUTSIDE,
    _PARTICIPATION,
    _PERSON,
    _STRUCTURAL,
    _TOP,
    DELEGATION,
    DELEGATION_ROLE,
    MEDIATOR_ROLE,
    PROCESS,
    REASON,
    _make,
    _member_id,
    _Reader,
    _short,
    _where,
)
from peacetrack.interop.imported import Collector, Imported, build_timeline
from peacetrack.records import (
    Delegation,
    Membership,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Party,
    PartyKind,
    Person,
    Process,
    Record,
    Source,
)
from peacetrack.timeline import Timeline


@overload
def read_popolo(
    doc: Mapping[str, Any], *, default_kind: PartyKind | None = ..., lenient: Literal[False] = ...
) -> Timeline: ...
@overload
def read_popolo(
    doc: Mapping[str, Any], *, default_kind: PartyKind | None = ..., lenient: Literal[True]
) -> Imported: ...
def read_popolo(
    doc: Mapping[str, Any], *, default_kind: PartyKind | None = None, lenient: bool = False
) -> Timeline | Imported:
    """The reader behind :func:`peacetrack.interop.popolo.from_popolo` (documented there)."""
    if not isinstance(doc, Mapping):
        raise LoadError(f"expected a Popolo document (a JSON object), got {type(doc).__name__}")
    found = Collector("popolo")
    r = _Reader(found, default_kind, lenient)
    for key in doc:
        if key not in _TOP and doc[key] not in ([], {}, None):
            value = doc[key]
            n = len(value) if isinstance(value, list) else 1
            r.problem(
                f"top-level {_short(key)}",
                key,
                f"{n} item{'s' if n != 1 else ''} with no peacetrack form",
            )
    persons = r.items(doc, "persons")
    organizations = r.items(doc, "organizations")
    memberships = r.items(doc, "memberships")
    orgs_by_id = {o["id"]: o for o in organizations if isinstance(o.get("id"), str)}

    def classification(org_id: object) -> object:
        org = orgs_by_id.get(org_id) if isinstance(org_id, str) else None
        return None if org is None else org.get("classification")

    # A process's members: its mediator (Process.mediator), its delegations, and the
    # participations (with a status in "label"); a delegation's members: its people.
    mediators: dict[str, str] = {}
    delegation_process: dict[str, str] = {}
    person_memberships = []
    participations = []
    for i, m in enumerate(memberships):
        where = _where("membership", m, i)
        org_id, member = m.get("organization_id"), _member_id(m)
        if classification(org_id) == PROCESS and isinstance(org_id, str):
            if not member or _two_members(m):
                r.problem(
                    "member of a process without one member",
                    where,
                    "person_id or member: expected the id of one person, party or delegation "
                    f"taking part in process {org_id}",
                )
            elif m.get("role") == MEDIATOR_ROLE and m.keys() <= _STRUCTURAL:
                if mediators.setdefault(org_id, member) != member:
                    r.problem(
                        "process with two undated mediators",
                        where,
                        f"process {org_id} already has the mediator {mediators[org_id]!r}; "
                        f"give {member!r} a status in label to read it as a participation",
                    )
            elif m.get("role") in (DELEGATION_ROLE, None) and classification(member) == DELEGATION:
                r.extra_fields("membership", where, m, _STRUCTURAL)
                if delegation_process.setdefault(member, org_id) != org_id:
                    r.problem(
                        "delegation in two processes",
                        where,
                        f"delegation {member} is already in process {delegation_process[member]}",
                    )
            else:
                participations.append((i, where, m))
        elif classification(org_id) == DELEGATION and isinstance(m.get("person_id"), str):
            person_memberships.append((i, where, m))
        else:
            r.problem(
                f"membership in an organization classified {_short(classification(org_id))}",
                where,
                f"peacetrack keeps people's memberships in delegations only; "
                f"{member!r} in {org_id!r} ({classification(org_id)!r}) has no peacetrack form",
            )

    records: list[Record] = []
    for i, p in enumerate(persons):
        where = _where("person", p, i)
        pid, name = r.text("person", where, p, "id"), r.text("person", where, p, "name")
        if pid and name:
            r.extra_fields("person", where, p, _PERSON)
            records += _make(r, where, Person, pid, name, **r.described(where, p))
    for i, o in enumerate(organizations):
        where = _where("organization", o, i)
        oid = r.text("organization", where, o, "id")
        if oid is None:
            continue
        kind = o.get("classification")
        if kind == DELEGATION:
            parent, process = o.get("parent_id"), delegation_process.get(oid)
            if not isinstance(parent, str) or process is None:
                r.problem(
                    "delegation without party or process",
                    where,
                    "a delegation needs parent_id (its party) and a process",
                )
                continue
            r.extra_fields("organization", where, o, _ORGANIZATION | _DELEGATION_ONLY)
            name = o.get("name") if isinstance(o.get("name"), str) else None
            cited = r.source_ids(where, o)
            records += _make(r, where, Delegation, oid, parent, process, name, sources=cited)
            continue
        name = r.text("organization", where, o, "name")
        if name is None:
            continue
        if kind == PROCESS:
            r.extra_fields("organization", where, o, _ORGANIZATION - {"parent_id"})
            cited = r.source_ids(where, o)
            records += _make(r, where, Process, oid, name, mediators.get(oid), sources=cited)
        elif (party_kind := r.kind(where, kind)) is not None:
            r.extra_fields("organization", where, o, (_ORGANIZATION | _OUTSIDE) - {"parent_id"})
            records += _make(r, where, Party, oid, name, party_kind, **r.described(where, o))
    for i, where, m in person_memberships:
        start = r.date(where, m, "start_date")
        end = r.date(where, m, "end_date") if m.get("end_date") is not None else None
        role = r.text("membership", where, m, "role")
        if start is None or role is None:
            continue
        r.extra_fields("membership", where, m, _MEMBERSHIP)
        given = m.get("id")
        mid = given if isinstance(given, str) and given.strip() else f"membership-{i + 1}"
        try:
            period = Period(start, end)
        except PeacetrackError as exc:
            r.problem("membership ending before it starts", where, f"start_date/end_date: {exc}")
            continue
        cited = r.source_ids(where, m)
        person, delegation = m["person_id"], m["organization_id"]
        records += _make(r, where, Membership, mid, person, delegation, role, period, sources=cited)
    for i, where, m in participations:
        records += _participation(r, i, where, m)
    everything = _with_sources(r.sources.values(), records)
    t = build_timeline(everything, found, lenient=lenient)
    return Imported(t, found.report(t.records)) if lenient else t


_ROLE_VALUES = frozenset(role.value for role in ParticipationRole)
_STATUS_VALUES = frozenset(status.value for status in ParticipationStatus)
_ROLES = ", ".join(repr(role.value) for role in ParticipationRole)
_STATUSES = ", ".join(repr(status.value) for status in ParticipationStatus)


def _participation(r: _Reader, i: int, where: str, m: Mapping[str, Any]) -> list[Record]:
    """A process membership that is not its mediator's nor a delegation's: a
    :class:`~peacetrack.Participation`, with the role in ``role`` and the status in
    ``label`` (or nothing, and the problems)."""
    r.extra_fields("membership", where, m, _PARTICIPATION)
    role, status = m.get("role"), m.get("label")
    ok = True
    if role not in _ROLE_VALUES:
        ok = False
        r.problem(
            f"member of a process in the role {_short(role)}",
            where,
            f"role {role!r}: a member of a process is its delegation (role 'delegation') "
            f"or takes part in one of the roles {_ROLES}",
        )
    if status not in _STATUS_VALUES:
        ok = False
        r.problem(
            "participation without a status",
            where,
            f"label: expected the participation's status, one of {_STATUSES}; got {status!r}",
        )
    given = {k: m.get(k) is not None for k in ("start_date", "end_date")}
    start = r.date(where, m, "start_date") if given["start_date"] else None
    end = r.date(where, m, "end_date") if given["end_date"] else None
    if (given["start_date"] and start is None) or (given["end_date"] and end is None) or not ok:
        return []
    try:
        period = Period(start, end) if start is not None or end is not None else None
    except PeacetrackError as exc:
        r.problem("participation ending before it starts", where, f"start_date/end_date: {exc}")
        return []
    pid = m.get("id")
    pid = pid if isinstance(pid, str) and pid.strip() else f"participation-{i + 1}"
    cited = r.source_ids(where, m)
    process, actor = m["organization_id"], _member_id(m)
    return _make(
        r,
        where,
        Participation,
        pid,
        process,
        actor,
        role,
        status,
        period=period,
        reason=m.get(REASON),
        sources=cited,
    )


def _two_members(m: Mapping[str, Any]) -> bool:
    """Whether a membership names two different members (a person_id and a member)."""
    member = m.get("member")
    if m.get("person_id") is None or member is None:
        return False
    return not (isinstance(member, dict) and member.get("id") == m["person_id"])


def _with_sources(sources: Iterable[Source], records: list[Record]) -> list[Record]:
    return [*sorted(sources, key=lambda s: s.id), *records]
