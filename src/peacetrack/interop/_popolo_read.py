"""Reading Popolo: the strict reader of peacetrack's own exports, and the lenient one
for the Popolo files of the world (EveryPolitician's, say)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal, overload

from peacetrack.dates import PartialDate, Period
from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.interop.imported import Collector, Imported, build_timeline
from peacetrack.records import (
    Delegation,
    Identifier,
    Link,
    Membership,
    Party,
    PartyKind,
    Person,
    Process,
    Record,
    Source,
)
from peacetrack.timeline import Timeline

PROCESS = "process"
DELEGATION = "delegation"
MEDIATOR_ROLE = "mediator"
DELEGATION_ROLE = "delegation"
SOURCE_URN = "urn:peacetrack:source:"
NOTE_SEP = " — "
_PUBLISHED = re.compile(r"^(?P<rest>.*) \((?P<date>\d{4}(?:-\d{2}){0,2})\)$", re.ASCII | re.S)
_POPOLO_DATE = re.compile(r"(\d{4}(?:-\d{2}){0,2})(?:T.*)?", re.ASCII | re.S)
_DATE_FORM = "YYYY, YYYY-MM or YYYY-MM-DD"

# What peacetrack carries of each Popolo item; any other field is reported.
_TOP = frozenset({"persons", "organizations", "memberships"})
_PERSON = frozenset({"id", "name", "other_names", "sources", "identifiers", "links"})
_ORGANIZATION = frozenset({"id", "name", "classification", "other_names", "sources", "parent_id"})
_OUTSIDE = frozenset({"identifiers", "links"})  # a party's, not a process's or delegation's
_DELEGATION_ONLY = frozenset({"abstract"})  # written by to_popolo, derived from the rest
_MEMBERSHIP = frozenset(
    {"id", "person_id", "member", "organization_id", "on_behalf_of_id", "role"}
    | {"start_date", "end_date", "sources"}
)


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _short(value: object) -> str:
    """A value's repr for a kind of problem: short, so kinds stay few and readable."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _where(kind: str, item: Mapping[str, Any], i: int) -> str:
    given = item.get("id")
    return f"{kind} {given if isinstance(given, str) and given else f'#{i}'}"


class _Reader:
    """Reads items, sending every problem (and everything not carried) to a collector."""

    def __init__(self, found: Collector, default_kind: PartyKind | None, lenient: bool) -> None:
        self.found = found
        self.default_kind = default_kind
        self.lenient = lenient
        self.sources: dict[str, Source] = {}

    def problem(self, kind: str, where: str, message: str) -> None:
        self.found.skip(kind, f"{where}: {message}")

    def extra_fields(
        self, what: str, where: str, item: Mapping[str, Any], known: frozenset[str]
    ) -> None:
        for key in item:
            if key not in known:
                self.problem(f"{what} field {_short(key)}", where, f"{key}: has no peacetrack form")

    def items(self, doc: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
        value = doc.get(key, [])
        if not isinstance(value, list):
            self.problem(
                "document of the wrong shape", key, f"expected a list, got {type(value).__name__}"
            )
            return []
        good = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                good.append(item)
            else:
                self.problem(
                    "document of the wrong shape",
                    f"{key}[{i}]",
                    f"expected an object, got {type(item).__name__}",
                )
        return good

    def text(self, what: str, where: str, item: Mapping[str, Any], key: str) -> str | None:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
        self.problem(f"{what} without {key}", where, f"{key}: expected text, got {value!r}")
        return None

    def date(self, where: str, item: Mapping[str, Any], key: str) -> PartialDate | None:
        value = item.get(key)
        if value is None:
            self.problem(
                f"membership without {key}",
                where,
                f"{key}: missing; a peacetrack membership needs it",
            )
            return None
        match = _POPOLO_DATE.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            self.problem(
                "date not in Popolo form", where, f"{key}: expected {_DATE_FORM}, got {value!r}"
            )
            return None
        try:
            return PartialDate.parse(match.group(1))
        except PeacetrackError as exc:
            self.problem("date not in Popolo form", where, f"{key}: {exc}")
            return None

    def listed(self, where: str, item: Mapping[str, Any], key: str) -> list[Any]:
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(
                f"{key} not a list", where, f"{key}: expected a list, got {type(value).__name__}"
            )
            return []
        return value

    def aliases(self, where: str, item: Mapping[str, Any], name: str) -> tuple[str, ...]:
        """Other names as aliases. A name given in a language (``lang``) is kept once,
        and not when it is the main name: a multilingual file repeats a name in every
        language. What an other_name says besides its name (language, dates, note) is
        reported."""
        names: list[str] = []
        seen = {name}
        for other in self.listed(where, item, "other_names"):
            if not (isinstance(other, dict) and isinstance(other.get("name"), str)):
                self.problem(
                    "other_name without a name",
                    where,
                    f"other_names: expected {{'name': text}}, got {other!r}",
                )
                continue
            for key in other:
                if key != "name":
                    self.problem(
                        f"other_name field {_short(key)}",
                        where,
                        f"other_names: {key}: has no peacetrack form",
                    )
            if "lang" not in other or other["name"] not in seen:
                names.append(other["name"])
                seen.add(other["name"])
        return tuple(names)

    def identifiers(self, where: str, item: Mapping[str, Any]) -> tuple[Identifier, ...]:
        """Popolo identifiers, each (scheme, identifier) once."""
        found: dict[tuple[str, str], None] = {}
        for i in self.listed(where, item, "identifiers"):
            scheme = i.get("scheme") if isinstance(i, dict) else None
            value = i.get("identifier") if isinstance(i, dict) else None
            if not (isinstance(scheme, str) and _text(scheme)) or not (
                isinstance(value, str) and _text(value)
            ):
                self.problem(
                    "identifier without scheme or identifier",
                    where,
                    f"identifiers: expected {{'scheme': text, 'identifier': text}}, got {i!r}",
                )
                continue
            for key in i:
                if key not in ("scheme", "identifier"):
                    self.problem(
                        f"identifier field {_short(key)}",
                        where,
                        f"identifiers: {key}: has no peacetrack form",
                    )
            found[scheme, value] = None
        return tuple(Identifier(scheme, value) for scheme, value in found)

    def links(self, where: str, item: Mapping[str, Any]) -> tuple[Link, ...]:
        """Popolo links, each URL once (a repeat with another note is reported)."""
        found: dict[str, str | None] = {}
        for link in self.listed(where, item, "links"):
            url = link.get("url") if isinstance(link, dict) else None
            note = link.get("note") if isinstance(link, dict) else None
            if not (isinstance(url, str) and _text(url)) or not (note is None or _text(note)):
                self.problem(
                    "link without a url",
                    where,
                    f"links: expected {{'url': text, 'note': text}}, got {link!r}",
                )
                continue
            for key in link:
                if key not in ("url", "note"):
                    self.problem(
                        f"link field {_short(key)}", where, f"links: {key}: has no peacetrack form"
                    )
            if url in found:
                if found[url] != note:
                    self.problem(
                        "link repeated with another note",
                        where,
                        f"links: {url!r} again, note {note!r} (first: {found[url]!r})",
                    )
                continue
            found[url] = note
        return tuple(Link(url, note) for url, note in found.items())

    def source_ids(self, where: str, item: Mapping[str, Any]) -> tuple[str, ...]:
        ids: list[str] = []
        for link in self.listed(where, item, "sources"):
            url = link.get("url") if isinstance(link, dict) else None
            if not isinstance(url, str) or not url.strip():
                self.problem(
                    "source link without a url",
                    where,
                    f"sources: expected a link with a url, got {link!r}",
                )
                continue
            try:
                source = _source(url, link.get("note"))
            except PeacetrackError as exc:
                self.problem("source refused", where, "sources: " + str(exc).replace("\n", " "))
                continue
            self.sources.setdefault(source.id, source)
            ids.append(source.id)
        return tuple(dict.fromkeys(ids))  # each source once, in order: O(n), not O(n²)

    def kind(self, where: str, classification: object) -> PartyKind | None:
        try:
            return PartyKind(classification)
        except ValueError:
            pass
        if self.default_kind is not None:
            return self.default_kind
        if self.lenient:
            kind = f"organization classification {_short(classification)} (read as kind 'other')"
            self.problem(kind, where, f"classification {classification!r}")
            return PartyKind.OTHER
        choices = ", ".join(repr(k.value) for k in PartyKind)
        self.problem(
            "organization classification with no peacetrack form",
            where,
            f"classification {classification!r} is not a party kind ({choices}), "
            f"{PROCESS!r} or {DELEGATION!r}; pass default_kind= to read it as a party",
        )
        return None


def _source(url: str, note: object) -> Source:
    text = note if isinstance(note, str) and note.strip() else url
    published = None
    match = _PUBLISHED.fullmatch(text)
    if match is not None:
        text, published = match.group("rest"), match.group("date")
    title, sep, publisher = text.rpartition(NOTE_SEP)
    if not sep:
        title, publisher = text, "unknown"
    if url.startswith(SOURCE_URN):
        return Source(url[len(SOURCE_URN) :], title, publisher, published=published)
    # surrogatepass: a lone surrogate in a URL is hashed, not an UnicodeEncodeError.
    digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return Source(f"src-{digest}", title, publisher, url=url, published=published)


def _make(r: _Reader, where: str, cls: type[Record], *args: Any, **kwargs: Any) -> list[Record]:
    """The record, or (when its fields are refused) nothing and a problem."""
    try:
        return [cls(*args, **kwargs)]
    except PeacetrackError as exc:
        r.problem(f"{cls.__name__.lower()} refused", where, str(exc).replace("\n", " "))
        return []


def _member_id(m: Mapping[str, Any]) -> str | None:
    if isinstance(m.get("person_id"), str):
        return str(m["person_id"])
    member = m.get("member")
    if isinstance(member, dict) and isinstance(member.get("id"), str):
        return str(member["id"])
    return None


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

    # Structural memberships: a process's mediator, a delegation's process.
    mediators: dict[str, str] = {}
    delegation_process: dict[str, str] = {}
    person_memberships = []
    for i, m in enumerate(memberships):
        where = _where("membership", m, i)
        org_id, member = m.get("organization_id"), _member_id(m)
        if classification(org_id) == PROCESS and isinstance(org_id, str) and member:
            if m.get("role") == MEDIATOR_ROLE:
                mediators[org_id] = member
            elif classification(member) == DELEGATION:
                delegation_process[member] = org_id
            else:
                r.problem(
                    "member of a process neither mediator nor delegation",
                    where,
                    f"a member of process {org_id} must be its mediator or a delegation",
                )
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
            aliases, cited = r.aliases(where, p, name), r.source_ids(where, p)
            outside = {"identifiers": r.identifiers(where, p), "links": r.links(where, p)}
            records += _make(r, where, Person, pid, name, aliases=aliases, sources=cited, **outside)
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
            aliases, cited = r.aliases(where, o, name), r.source_ids(where, o)
            outside = {"identifiers": r.identifiers(where, o), "links": r.links(where, o)}
            records += _make(
                r, where, Party, oid, name, party_kind, aliases=aliases, sources=cited, **outside
            )
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
    everything = _with_sources(r.sources.values(), records)
    t = build_timeline(everything, found, lenient=lenient)
    return Imported(t, found.report(t.records)) if lenient else t


def _with_sources(sources: Iterable[Source], records: list[Record]) -> list[Record]:
    return [*sorted(sources, key=lambda s: s.id), *records]
