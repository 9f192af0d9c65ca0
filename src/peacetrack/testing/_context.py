"""Strategies for the records around the talks: what is said and done, and on whose word.

Sources; agenda issues and the positions parties take on them; ceasefires,
designations and relations between parties; incidents; claims about any record.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peacetrack.dates import PartialDate, Period
from peacetrack.records import (
    Ceasefire,
    Claim,
    Designation,
    Exclusion,
    Incident,
    Issue,
    Position,
    Relation,
    Source,
)
from peacetrack.testing._dates import _dates_or_default, _make_period
from peacetrack.testing._draw import _BOOLS, _maybe
from peacetrack.testing._refs import (
    _IDS,
    IdArg,
    IdsArg,
    OptionalIdArg,
    _check_ids_args,
    _draw_id,
    _draw_ids,
    _draw_optional_id,
)
from peacetrack.testing._values import (
    _CLAIM_QUALIFIERS,
    _CLAIM_VALUES,
    _INCIDENT_KINDS,
    _ISSUE_NAMES,
    _LABELS,
    _NAMES,
    _PLACES,
    _PREDICATES,
    _PUBLISHERS,
    _REASONS,
    _RELATION_KINDS,
    _STANCES,
    _URLS,
)

# Each record has a plain ``_make_*`` function, which timelines() calls directly (no
# strategy object per record keeps drawing fast), and a public strategy wrapping it.


def _make_source(
    draw: st.DrawFn, id: IdArg, sources: IdsArg, dates: st.SearchStrategy[PartialDate]
) -> Source:
    record_id = _draw_id(draw, id)
    return Source(
        record_id,
        draw(_NAMES),
        draw(_PUBLISHERS),
        url=_maybe(draw, _URLS),
        published=_maybe(draw, dates),
        sources=_draw_ids(draw, sources, avoid=(record_id,)),
    )


def sources(
    *,
    id: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Source]:
    """:class:`~peacetrack.records.Source` records: a title, a publisher, maybe a URL
    and a publication date. A source never cites itself.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(sources(id="afp-1", sources=()))
    ... def test_source(s):
    ...     assert s.id == "afp-1" and s.sources == ()
    >>> test_source()
    """
    _check_ids_args(sources=sources)
    return st.composite(_make_source)(id, sources, _dates_or_default(dates))


def _make_issue(draw: st.DrawFn, id: IdArg, sources: IdsArg) -> Issue:
    return Issue(_draw_id(draw, id), draw(_ISSUE_NAMES), sources=_draw_ids(draw, sources))


def agenda_issues(*, id: IdArg = None, sources: IdsArg = None) -> st.SearchStrategy[Issue]:
    """:class:`~peacetrack.records.Issue` records: agenda items such as
    ``"sequencing"``. (Not ``issues``, which would read as a bug tracker's.)

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(agenda_issues(id="sequencing"))
    ... def test_issue(i):
    ...     assert i.id == "sequencing"
    >>> test_issue()
    """
    _check_ids_args(sources=sources)
    return st.composite(_make_issue)(id, sources)


def _draw_other(draw: st.DrawFn, id: IdArg, other: IdArg) -> str:
    """An id from ``id``, never ``other`` when that is a fixed id and ``id`` is not."""
    if isinstance(other, str) and not isinstance(id, str):
        return draw((_IDS if id is None else id).filter(lambda i: i != other))
    return _draw_id(draw, id)


def _make_position(
    draw: st.DrawFn,
    id: IdArg,
    holder: IdArg,
    issue: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
    unknown_ends: bool = False,
    period: Period | None = None,
) -> Position:
    return Position(
        _draw_id(draw, id),
        _draw_id(draw, holder),
        _draw_id(draw, issue),
        draw(_STANCES),
        _make_period(draw, True, dates, unknown_ends) if period is None else period,
        stated=_maybe(draw, dates),
        quote=_maybe(draw, _NAMES),
        reason=_maybe(draw, _REASONS),
        sources=_draw_ids(draw, sources),
    )


def positions(
    *,
    id: IdArg = None,
    holder: IdArg = None,
    issue: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Position]:
    """:class:`~peacetrack.records.Position` records: a party's or person's stance on
    an issue during a period, maybe with when it was stated, a quote and a reason.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(positions(holder="hnc", issue="sequencing"))
    ... def test_position(p):
    ...     assert (p.holder, p.issue) == ("hnc", "sequencing")
    >>> test_position()
    """
    _check_ids_args(sources=sources)
    return st.composite(_make_position)(id, holder, issue, sources, _dates_or_default(dates))


def _make_ceasefire(
    draw: st.DrawFn,
    id: IdArg,
    parties: IdsArg,
    exclusions: IdsArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
    agreement: OptionalIdArg = None,
    brokers: IdsArg = None,
    unknown_ends: bool = False,
) -> Ceasefire:
    members = _draw_ids(draw, parties)
    excluded = _draw_ids(draw, exclusions, avoid=members)
    return Ceasefire(
        _draw_id(draw, id),
        draw(_NAMES),
        _make_period(draw, True, dates, unknown_ends),
        parties=members,
        exclusions=tuple(Exclusion(party, _maybe(draw, _NAMES)) for party in excluded),
        agreement=_draw_optional_id(draw, agreement),
        brokers=_draw_ids(draw, brokers),
        area=_maybe(draw, _PLACES),
        sources=_draw_ids(draw, sources),
    )


def ceasefires(
    *,
    id: IdArg = None,
    parties: IdsArg = None,
    exclusions: IdsArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
    agreement: OptionalIdArg = None,
    brokers: IdsArg = None,
) -> st.SearchStrategy[Ceasefire]:
    """:class:`~peacetrack.records.Ceasefire` records. ``exclusions`` are the ids of
    excluded parties (each gets a reason or none); they never overlap ``parties``.
    ``agreement`` is the id of the agreement that set it up (or none), ``brokers`` the
    ids of who brokered it; the area is a place or none.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(ceasefires(parties=["gov", "hnc"], exclusions=["gov", "nusra", "isil"]))
    ... def test_ceasefire(c):
    ...     excluded = {e.party for e in c.exclusions}
    ...     assert excluded <= {"gov", "nusra", "isil"} and not excluded & set(c.parties)
    >>> test_ceasefire()
    """
    _check_ids_args(parties=parties, exclusions=exclusions, sources=sources, brokers=brokers)
    return st.composite(_make_ceasefire)(
        id, parties, exclusions, sources, _dates_or_default(dates), agreement, brokers
    )


def _make_designation(
    draw: st.DrawFn,
    id: IdArg,
    party: IdArg,
    by: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Designation:
    designated = _draw_other(draw, party, by)
    if isinstance(by, str):
        designator = by
    else:
        designator = draw((_IDS if by is None else by).filter(lambda b: b != designated))
    return Designation(
        _draw_id(draw, id),
        designated,
        designator,
        draw(_LABELS),
        _make_period(draw, True, dates) if draw(_BOOLS) else None,
        sources=_draw_ids(draw, sources),
    )


def designations(
    *,
    id: IdArg = None,
    party: IdArg = None,
    by: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Designation]:
    """:class:`~peacetrack.records.Designation` records: ``by`` calls ``party``
    something, over a period (still listed, or lifted) or undated. ``by`` is never
    ``party``.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        When ``party`` and ``by`` are the same fixed id.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(designations(party="nusra", by="unsc"))
    ... def test_designation(d):
    ...     assert (d.party, d.by) == ("nusra", "unsc")
    >>> test_designation()
    """
    if isinstance(party, str) and isinstance(by, str) and party == by:
        raise InvalidArgument(f"a party cannot designate itself, got {party!r} twice")
    _check_ids_args(sources=sources)
    return st.composite(_make_designation)(id, party, by, sources, _dates_or_default(dates))


def _make_relation(
    draw: st.DrawFn,
    id: IdArg,
    source: IdArg,
    target: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
    unknown_ends: bool = False,
) -> Relation:
    from_party = _draw_id(draw, source)
    if isinstance(target, str):
        to_party = target
    else:
        to_party = draw((_IDS if target is None else target).filter(lambda t: t != from_party))
    return Relation(
        _draw_id(draw, id),
        from_party,
        to_party,
        draw(_RELATION_KINDS),
        _make_period(draw, True, dates, unknown_ends),
        sources=_draw_ids(draw, sources),
    )


def relations(
    *,
    id: IdArg = None,
    source: IdArg = None,
    target: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Relation]:
    """:class:`~peacetrack.records.Relation` records between two different parties.

    ``source`` is the party the relation starts from (``sources`` are, as everywhere,
    the ids of :class:`~peacetrack.records.Source` records).

    Raises
    ------
    hypothesis.errors.InvalidArgument
        When ``source`` and ``target`` are the same fixed id.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(relations(source="russia", target=st.sampled_from(["russia", "gov"])))
    ... def test_relation(r):
    ...     assert (r.source, r.target) == ("russia", "gov")
    >>> test_relation()
    """
    if isinstance(source, str) and isinstance(target, str) and source == target:
        raise InvalidArgument(f"a relation needs two different parties, got {source!r} twice")
    _check_ids_args(sources=sources)
    return st.composite(_make_relation)(id, source, target, sources, _dates_or_default(dates))


def _make_incident(
    draw: st.DrawFn,
    id: IdArg,
    parties: IdsArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Incident:
    lasting = draw(_BOOLS)
    return Incident(
        _draw_id(draw, id),
        draw(_INCIDENT_KINDS),
        None if lasting else draw(dates),
        draw(_PLACES),
        description=_maybe(draw, _NAMES),
        parties=_draw_ids(draw, parties),
        sources=_draw_ids(draw, sources),
        period=_make_period(draw, True, dates) if lasting else None,
    )


def incidents(
    *,
    id: IdArg = None,
    parties: IdsArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Incident]:
    """:class:`~peacetrack.records.Incident` records: an air strike, a shelling, ...
    on a date, or an offensive, a siege, ... over a period (open or closed).

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(incidents(parties=()))
    ... def test_incident(i):
    ...     assert i.parties == () and (i.date is None) != (i.period is None)
    >>> test_incident()
    """
    _check_ids_args(parties=parties, sources=sources)
    return st.composite(_make_incident)(id, parties, sources, _dates_or_default(dates))


def _make_claim(
    draw: st.DrawFn,
    id: IdArg,
    about: IdArg,
    claimant: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Claim:
    value = draw(_CLAIM_VALUES)
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    subject = _draw_other(draw, about, claimant)
    if isinstance(claimant, str):
        who = claimant
    else:
        who = draw((_IDS if claimant is None else claimant).filter(lambda c: c != subject))
    return Claim(
        _draw_id(draw, id),
        subject,
        who,
        draw(_PREDICATES),
        value,
        qualifier=draw(_CLAIM_QUALIFIERS) if numeric else None,
        date=_maybe(draw, dates),
        quote=_maybe(draw, _NAMES),
        sources=_draw_ids(draw, sources),
    )


def claims(
    *,
    id: IdArg = None,
    about: IdArg = None,
    claimant: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Claim]:
    """:class:`~peacetrack.records.Claim` records with text, whole-number (within
    ±2**53), finite float or true/false values; numbers may carry a qualifier. A
    claim is never about its own claimant.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        When ``about`` and ``claimant`` are the same fixed id.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(claims(about="idlib-strikes", claimant=st.sampled_from(["sohr", "turkey"])))
    ... def test_claim(c):
    ...     assert c.qualifier is None or not isinstance(c.value, str | bool)
    >>> test_claim()
    """
    if isinstance(about, str) and isinstance(claimant, str) and about == claimant:
        raise InvalidArgument(f"a claim cannot be about its claimant, got {about!r} twice")
    _check_ids_args(sources=sources)
    return st.composite(_make_claim)(id, about, claimant, sources, _dates_or_default(dates))
