"""Reading the items of a Popolo document: fields, dates, names, identifiers, links
and source links, every problem sent to a :class:`~peacetrack.interop.imported.Collector`."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from peacetrack.dates import PartialDate, Period
from peacetrack.errors import PeacetrackError
from peacetrack.interop.imported import Collector
from peacetrack.records import Identifier, Link, Name, PartyKind, Record, Source

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
_STRUCTURAL = frozenset({"person_id", "member", "organization_id", "role"})
"""All a process's mediator membership or a delegation's membership in its process
holds (any other field makes a process membership a participation)."""
_PARTICIPATION = frozenset(
    {"id", "person_id", "member", "organization_id", "role", "label", "reason"}
    | {"start_date", "end_date", "sources"}
)
REASON = "reason"
"""A participation's reason: not a Popolo property; the membership schema allows it."""


_NAMED = frozenset({"start_date", "end_date", "note", "lang"})
"""What makes an other_name a :class:`~peacetrack.Name` (dated, noted or in a
language) rather than a bare alias."""
_OTHER_NAME = _NAMED | {"name"}


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

    def aliases(self, where: str, item: Mapping[str, Any]) -> tuple[str, ...]:
        """The bare other_names (only a ``name``) as aliases; the others are names,
        read by :meth:`names`."""
        names: list[str] = []
        for other in self.listed(where, item, "other_names"):
            if isinstance(other, dict) and other.keys() & _NAMED:
                continue  # a name with a date, note or language, read by names()
            if not (isinstance(other, dict) and isinstance(other.get("name"), str)):
                self.problem(
                    "other_name without a name",
                    where,
                    f"other_names: expected {{'name': text}}, got {other!r}",
                )
                continue
            self._other_fields(where, other)
            names.append(other["name"])
        return tuple(names)

    def _other_fields(self, where: str, other: Mapping[str, Any]) -> None:
        for key in other:
            if key not in _OTHER_NAME:
                self.problem(
                    f"other_name field {_short(key)}",
                    where,
                    f"other_names: {key}: has no peacetrack form",
                )

    def names(self, where: str, item: Mapping[str, Any]) -> tuple[Name, ...]:
        """The other_names with a date, a note or a language, as
        :class:`~peacetrack.Name`\\ s, each once: what a party or person was called
        when, or in a language (a multilingual file gives a name in each)."""
        found: list[Name] = []
        for other in self.listed(where, item, "other_names"):
            if not (isinstance(other, dict) and other.keys() & _NAMED):
                continue
            if not (isinstance(other.get("name"), str) and _text(other["name"])):
                self.problem("other_name without a name", where, f"other_names: {other!r}")
                continue
            self._other_fields(where, other)
            given = {k: other.get(k) for k in ("start_date", "end_date")}
            start = None if given["start_date"] is None else self.date(where, other, "start_date")
            end = None if given["end_date"] is None else self.date(where, other, "end_date")
            if end is not None and start is None:
                self.problem(
                    "other_name with an end_date but no start_date",
                    where,
                    f"other_names: {other['name']!r} has an end_date but no start_date; "
                    "peacetrack needs the start of a dated name",
                )
                continue
            try:
                period = None if start is None else Period(start, end)
                note, lang = other.get("note"), other.get("lang")
                found.append(Name(other["name"], period, lang=lang, note=note))
            except PeacetrackError as exc:
                self.problem("other_name that is not valid", where, f"other_names: {exc}")
        return tuple(dict.fromkeys(found))

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

    def described(self, where: str, item: Mapping[str, Any]) -> dict[str, Any]:
        """What a person and an organization both carry, as record fields: aliases,
        sources, identifiers, links and dated names (each one's problems reported)."""
        return {
            "aliases": self.aliases(where, item),
            "sources": self.source_ids(where, item),
            "identifiers": self.identifiers(where, item),
            "links": self.links(where, item),
            "names": self.names(where, item),
        }

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
