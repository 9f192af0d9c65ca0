"""Hypothesis strategies for peacetrack dates, records and whole timelines.

Use them in your own property tests: every strategy here produces values that
peacetrack accepts, and :func:`timelines` produces valid, referentially consistent
:class:`~peacetrack.timeline.Timeline`\\ s of mixed record types. peacetrack's own
test suite uses them too, so they are known to work.

This module needs `hypothesis <https://hypothesis.readthedocs.io>`_ (it is in the
``dev`` extra); nothing else in peacetrack imports it.

Record strategies take the ids they refer to as arguments, so records can point at
each other. A single reference (``process=``, ``person=``) is an id string, a
strategy of ids, or ``None`` for an arbitrary id. A list of references
(``sources=``, ``delegations=``, ``parties=``) is a sequence of ids to pick a
unique subset from (possibly empty), a strategy of tuples, or ``None`` for arbitrary
ids. Dated records take ``dates=``, the strategy their dates and periods are drawn
from (default :func:`partial_dates`).

Examples
--------
>>> from hypothesis import given, settings
>>> from peacetrack import PartialDate
>>> @settings(max_examples=25)
... @given(partial_dates(min_year=2016, max_year=2016))
... def test_round_trip(d):
...     assert PartialDate.parse(str(d)) == d
>>> test_round_trip()

A delegation that always belongs to one of two processes:

>>> @settings(max_examples=25)
... @given(delegations(process=st.sampled_from(["geneva", "vienna"])))
... def test_process(d):
...     assert d.process in {"geneva", "vienna"}
>>> test_process()
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeAlias, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peacetrack.dates import PartialDate, Period, Precision
from peacetrack.records import (
    Ceasefire,
    Claim,
    ClaimValue,
    Delegation,
    Designation,
    Exclusion,
    Incident,
    Issue,
    Membership,
    Party,
    PartyKind,
    Person,
    Position,
    Process,
    Qualifier,
    Record,
    Relation,
    RelationKind,
    Resignation,
    Round,
    RoundFormat,
    RoundOutcome,
    Source,
)

if TYPE_CHECKING:
    from peacetrack.timeline import Timeline

__all__ = [
    "IdArg",
    "IdsArg",
    "OptionalIdArg",
    "agenda_issues",
    "ceasefires",
    "claims",
    "delegations",
    "designations",
    "incidents",
    "memberships",
    "partial_dates",
    "parties",
    "people",
    "periods",
    "positions",
    "processes",
    "record_lists",
    "relations",
    "resignations",
    "rounds",
    "sources",
    "timelines",
]

T = TypeVar("T")

IdArg: TypeAlias = str | st.SearchStrategy[str] | None
"""One reference: a fixed id, a strategy of ids, or ``None`` for an arbitrary id."""

OptionalIdArg: TypeAlias = str | st.SearchStrategy[str | None] | None
"""An optional reference: a fixed id, a strategy of ids or ``None``s, or ``None`` for
an arbitrary id or none at all."""

IdsArg: TypeAlias = Sequence[str] | st.SearchStrategy[tuple[str, ...]] | None
"""Several references: ids to pick a unique subset from, a strategy of tuples, or
``None`` for arbitrary ids."""

_PRECISIONS = (Precision.YEAR, Precision.MONTH, Precision.DAY)
_QUALIFIERS = ("", "~", "?", "%")
_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_"
_MAX_REFS = 3

# Realistic values first (hypothesis shrinks towards them), then arbitrary text, so
# that exporters meet quotes, markup and right-to-left scripts as well as plain names.
_SAMPLE_NAMES = (
    "High Negotiations Committee",
    "Government of Syria",
    "Jaysh al-Islam",
    "Mohammed Alloush",
    "Staffan de Mistura",
    "جيش الإسلام",
    'O\'Brien & "Partners"',
    "<script>alert(1)</script>",
)


def _not_blank(text: str) -> bool:
    return bool(text.strip())


_TEXT = st.text(min_size=1, max_size=24).filter(_not_blank)
_NAMES = st.one_of(st.sampled_from(_SAMPLE_NAMES), _TEXT)
_ALIASES = st.lists(_NAMES, max_size=2).map(tuple)
_IDS = st.text(alphabet=_ID_ALPHABET, min_size=1, max_size=12)
_SOME_IDS = st.lists(_IDS, max_size=_MAX_REFS, unique=True)
_URLS = _IDS.map(lambda slug: f"https://example.org/{slug}")
_BOOLS = st.booleans()
# Picking from a pool by index keeps drawing cheap: no new strategy per record.
_INDEX = st.integers(0, 1023)
_COUNT = st.integers(0, _MAX_REFS)
_MONTHS = st.integers(1, 12)
_DAYS = {n: st.integers(1, n) for n in (28, 29, 30, 31)}
_OFFSETS = st.integers(0, 400)
_QUALIFIER_TEXT = st.sampled_from(_QUALIFIERS)


def _vocabulary(*samples: str) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(samples), _TEXT)


_PUBLISHERS = _vocabulary("Agencies", "AFP", "Reuters", "UN News")
_VENUES = _vocabulary("Geneva", "Vienna", "Astana", "Kuwait City")
_ROLES = _vocabulary("head", "chief negotiator", "member", "coordinator", "adviser")
_ISSUE_NAMES = _vocabulary("sequencing", "transition", "detainees", "humanitarian access")
_STANCES = _vocabulary("transition-first", "counter-terrorism-first", "opposed", "in favour")
_LABELS = _vocabulary("terrorist organization", "moderate opposition", "party to the talks")
_INCIDENT_KINDS = _vocabulary("air strike", "shelling", "capture", "siege", "attack")
_PLACES = _vocabulary("Idlib", "Aleppo", "Maarat al-Numan", "Kafr Nabl")
_PREDICATES = _vocabulary("civilians killed", "responsible", "took place", "fighters killed")
_SAFE_INT = 2**53 - 1  # exact in every JSON reader, JavaScript's included
_CLAIM_VALUES: st.SearchStrategy[ClaimValue] = st.one_of(
    st.integers(-_SAFE_INT, _SAFE_INT),
    _vocabulary("denied", "confirmed", "unknown"),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
_CLAIM_QUALIFIERS = st.none() | st.sampled_from(Qualifier)
_PARTY_KINDS = st.sampled_from(PartyKind)
_RELATION_KINDS = st.sampled_from(RelationKind)
_FORMATS = st.sampled_from(RoundFormat)
_CLOSED_OUTCOMES = st.sampled_from([o for o in RoundOutcome if o is not RoundOutcome.ONGOING])


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[T]) -> T | None:
    return draw(strategy) if draw(_BOOLS) else None


def _pick(draw: st.DrawFn, pool: Sequence[str]) -> str:
    return pool[draw(_INDEX) % len(pool)]


# -- argument handling ---------------------------------------------------------------


def _draw_id(draw: st.DrawFn, arg: IdArg) -> str:
    if arg is None:
        return draw(_IDS)
    if isinstance(arg, str):
        return arg
    return draw(arg)


def _draw_optional_id(draw: st.DrawFn, arg: OptionalIdArg) -> str | None:
    if arg is None:
        return _maybe(draw, _IDS)
    if isinstance(arg, str):
        return arg
    return draw(arg)


def _draw_ids(draw: st.DrawFn, arg: IdsArg, avoid: Sequence[str] = ()) -> tuple[str, ...]:
    if isinstance(arg, st.SearchStrategy):
        drawn: Sequence[str] = draw(arg)
    elif arg is None:
        drawn = draw(_SOME_IDS)
    else:
        pool = [i for i in dict.fromkeys(arg) if i not in avoid]
        if not pool:
            return ()
        drawn = [_pick(draw, pool) for _ in range(draw(_COUNT))]
    return tuple(i for i in dict.fromkeys(drawn) if i not in avoid)


def _check_ids_arg(name: str, arg: IdsArg) -> None:
    if isinstance(arg, str):
        raise InvalidArgument(
            f"{name}= takes a sequence of ids or a strategy of tuples, not the string {arg!r}; "
            f"write {name}=[{arg!r}]"
        )


def _dates_or_default(
    dates: st.SearchStrategy[PartialDate] | None,
) -> st.SearchStrategy[PartialDate]:
    return partial_dates() if dates is None else dates


# -- dates ---------------------------------------------------------------------------


def _make_partial_date(
    draw: st.DrawFn,
    years: st.SearchStrategy[int],
    precisions: st.SearchStrategy[Precision],
    qualifiers: bool,
) -> PartialDate:
    year = draw(years)
    precision = draw(precisions)
    month = day = None
    if precision is not Precision.YEAR:
        month = draw(_MONTHS)
        if precision is Precision.DAY:
            day = draw(_DAYS[calendar.monthrange(year, month)[1]])
    qualifier = draw(_QUALIFIER_TEXT) if qualifiers else ""
    return PartialDate(
        year,
        month,
        day,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
    )


def partial_dates(
    min_year: int = 1900,
    max_year: int = 2100,
    qualifiers: bool = True,
    *,
    precisions: Sequence[Precision] | None = None,
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of mixed precision between ``min_year`` and ``max_year``.

    Parameters
    ----------
    min_year, max_year
        The range of years, inclusive, within 1..9999.
    qualifiers
        Whether the EDTF qualifiers ``~``, ``?`` and ``%`` may appear.
    precisions
        The precisions to draw from (default: year, month and day).

    Returns
    -------
    SearchStrategy[PartialDate]

    Raises
    ------
    hypothesis.errors.InvalidArgument
        For years outside 1..9999, ``min_year > max_year`` or no precisions.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(partial_dates(2016, 2016, qualifiers=False, precisions=[Precision.DAY]))
    ... def test_days(d):
    ...     assert d.is_exact and d.year == 2016
    >>> test_days()
    """
    if not 1 <= min_year <= max_year <= 9999:
        raise InvalidArgument(
            f"need 1 <= min_year <= max_year <= 9999, got min_year={min_year}, max_year={max_year}"
        )
    chosen = _PRECISIONS if precisions is None else tuple(precisions)
    if not chosen or not all(isinstance(p, Precision) for p in chosen):
        raise InvalidArgument(f"precisions must be a non-empty list of Precision, got {chosen!r}")
    return st.composite(_make_partial_date)(
        st.integers(min_year, max_year), st.sampled_from(chosen), qualifiers
    )


def _make_period(draw: st.DrawFn, open_end: bool, dates: st.SearchStrategy[PartialDate]) -> Period:
    start = draw(dates)
    if open_end and draw(_BOOLS):
        return Period(start)
    end = draw(dates)
    if end.latest_ordinal < start.earliest_ordinal:
        # Swapped, the period is valid: start.latest >= start.earliest > end.latest.
        start, end = end, start
    return Period(start, end)


def periods(
    open_end: bool = True, *, dates: st.SearchStrategy[PartialDate] | None = None
) -> st.SearchStrategy[Period]:
    """Valid periods: the end, when there is one, is never certainly before the start.

    Parameters
    ----------
    open_end
        Whether periods may be open (``end=None``, still running).
    dates
        The strategy both ends are drawn from (default :func:`partial_dates`), so the
        ends mix precisions: ``2016/2016-04`` is a valid period.

    Returns
    -------
    SearchStrategy[Period]

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(periods(open_end=False))
    ... def test_measurable(p):
    ...     low, high = p.days()
    ...     assert 0 <= low <= high
    >>> test_measurable()
    """
    return st.composite(_make_period)(open_end, _dates_or_default(dates))


def _on_or_after(
    draw: st.DrawFn, start: PartialDate, dates: st.SearchStrategy[PartialDate]
) -> PartialDate:
    """A date certainly not before ``start`` (its earliest day is on or after
    ``start.latest``): from ``dates`` when it gives one, else a day soon after."""
    candidate = draw(dates)
    if candidate.earliest_ordinal >= start.latest_ordinal:
        return candidate
    ordinal = min(start.latest_ordinal + draw(_OFFSETS), datetime.date.max.toordinal())
    return PartialDate.from_date(datetime.date.fromordinal(ordinal))


# -- records -------------------------------------------------------------------------
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
    _check_ids_arg("sources", sources)
    return st.composite(_make_source)(id, sources, _dates_or_default(dates))


def _make_party(draw: st.DrawFn, id: IdArg, sources: IdsArg) -> Party:
    return Party(
        _draw_id(draw, id),
        draw(_NAMES),
        draw(_PARTY_KINDS),
        aliases=draw(_ALIASES),
        sources=_draw_ids(draw, sources),
    )


def parties(*, id: IdArg = None, sources: IdsArg = None) -> st.SearchStrategy[Party]:
    """:class:`~peacetrack.records.Party` records of every :class:`PartyKind`.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(parties(sources=["un-1", "afp-2"]))
    ... def test_party(p):
    ...     assert set(p.sources) <= {"un-1", "afp-2"}
    >>> test_party()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_party)(id, sources)


def _make_person(draw: st.DrawFn, id: IdArg, sources: IdsArg) -> Person:
    return Person(
        _draw_id(draw, id),
        draw(_NAMES),
        aliases=draw(_ALIASES),
        sources=_draw_ids(draw, sources),
    )


def people(*, id: IdArg = None, sources: IdsArg = None) -> st.SearchStrategy[Person]:
    """:class:`~peacetrack.records.Person` records.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(people(id="alloush"))
    ... def test_person(p):
    ...     assert p.id == "alloush" and p.name.strip()
    >>> test_person()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_person)(id, sources)


def _make_process(draw: st.DrawFn, id: IdArg, mediator: OptionalIdArg, sources: IdsArg) -> Process:
    return Process(
        _draw_id(draw, id),
        draw(_NAMES),
        _draw_optional_id(draw, mediator),
        sources=_draw_ids(draw, sources),
    )


def processes(
    *, id: IdArg = None, mediator: OptionalIdArg = None, sources: IdsArg = None
) -> st.SearchStrategy[Process]:
    """:class:`~peacetrack.records.Process` records; ``mediator`` is a party or person
    id, or ``None``.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(processes(mediator=st.none()))
    ... def test_unmediated(p):
    ...     assert p.mediator is None
    >>> test_unmediated()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_process)(id, mediator, sources)


def _make_round(
    draw: st.DrawFn,
    id: IdArg,
    process: IdArg,
    number: int | st.SearchStrategy[int] | None,
    delegations: IdsArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Round:
    if number is None:
        number = draw(st.integers(1, 30))
    elif not isinstance(number, int):
        number = draw(number)
    period = _make_period(draw, True, dates)
    # An open round is still going on; a closed one has some other outcome.
    outcome = RoundOutcome.ONGOING if period.is_open else draw(_CLOSED_OUTCOMES)
    return Round(
        _draw_id(draw, id),
        _draw_id(draw, process),
        number,
        period,
        draw(_VENUES),
        draw(_FORMATS),
        outcome,
        delegations=_draw_ids(draw, delegations),
        sources=_draw_ids(draw, sources),
    )


def rounds(
    *,
    id: IdArg = None,
    process: IdArg = None,
    number: int | st.SearchStrategy[int] | None = None,
    delegations: IdsArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Round]:
    """:class:`~peacetrack.records.Round` records. An open period goes with the outcome
    ``ongoing``, a closed one with any other outcome.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(rounds(process="geneva-2016", number=3, delegations=["gov", "hnc"]))
    ... def test_round(r):
    ...     assert r.number == 3 and set(r.delegations) <= {"gov", "hnc"}
    ...     assert r.period.is_open == (r.outcome is RoundOutcome.ONGOING)
    >>> test_round()
    """
    _check_ids_arg("delegations", delegations)
    _check_ids_arg("sources", sources)
    return st.composite(_make_round)(
        id, process, number, delegations, sources, _dates_or_default(dates)
    )


def _make_delegation(
    draw: st.DrawFn, id: IdArg, party: IdArg, process: IdArg, sources: IdsArg
) -> Delegation:
    return Delegation(
        _draw_id(draw, id),
        _draw_id(draw, party),
        _draw_id(draw, process),
        _maybe(draw, _NAMES),
        sources=_draw_ids(draw, sources),
    )


def delegations(
    *, id: IdArg = None, party: IdArg = None, process: IdArg = None, sources: IdsArg = None
) -> st.SearchStrategy[Delegation]:
    """:class:`~peacetrack.records.Delegation` records: a party's team at a process.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(delegations(party="hnc", process="geneva-2016"))
    ... def test_delegation(d):
    ...     assert (d.party, d.process) == ("hnc", "geneva-2016")
    >>> test_delegation()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_delegation)(id, party, process, sources)


def _make_membership(
    draw: st.DrawFn,
    id: IdArg,
    person: IdArg,
    delegation: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Membership:
    return Membership(
        _draw_id(draw, id),
        _draw_id(draw, person),
        _draw_id(draw, delegation),
        draw(_ROLES),
        _make_period(draw, True, dates),
        sources=_draw_ids(draw, sources),
    )


def memberships(
    *,
    id: IdArg = None,
    person: IdArg = None,
    delegation: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Membership]:
    """:class:`~peacetrack.records.Membership` records: a person in a delegation, with
    a role and a period (open or closed).

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(memberships(person="alloush", delegation="hnc-delegation"))
    ... def test_membership(m):
    ...     assert m.person == "alloush" and m.role.strip()
    >>> test_membership()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_membership)(id, person, delegation, sources, _dates_or_default(dates))


def _make_resignation(
    draw: st.DrawFn,
    id: IdArg,
    person: IdArg,
    membership: IdArg,
    submitted_to: OptionalIdArg,
    sources: IdsArg,
    date: PartialDate | st.SearchStrategy[PartialDate],
) -> Resignation:
    return Resignation(
        _draw_id(draw, id),
        _draw_id(draw, person),
        _draw_id(draw, membership),
        date if isinstance(date, PartialDate) else draw(date),
        reason=_maybe(draw, _NAMES),
        quote=_maybe(draw, _NAMES),
        submitted_to=_draw_optional_id(draw, submitted_to),
        sources=_draw_ids(draw, sources),
    )


def resignations(
    *,
    id: IdArg = None,
    person: IdArg = None,
    membership: IdArg = None,
    submitted_to: OptionalIdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Resignation]:
    """:class:`~peacetrack.records.Resignation` records.

    A resignation alone cannot know its membership; in a timeline the membership's
    period must end on the resignation's date. :func:`timelines` takes care of that;
    here pass ``dates=st.just(membership.period.end)`` to match one membership.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> from peacetrack import PartialDate
    >>> @settings(max_examples=25)
    ... @given(resignations(membership="m1", dates=st.just(PartialDate(2016, 5, 29))))
    ... def test_resignation(r):
    ...     assert str(r.date) == "2016-05-29"
    >>> test_resignation()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_resignation)(
        id, person, membership, submitted_to, sources, _dates_or_default(dates)
    )


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
    _check_ids_arg("sources", sources)
    return st.composite(_make_issue)(id, sources)


def _make_position(
    draw: st.DrawFn,
    id: IdArg,
    party: IdArg,
    issue: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Position:
    return Position(
        _draw_id(draw, id),
        _draw_id(draw, party),
        _draw_id(draw, issue),
        draw(_STANCES),
        _make_period(draw, True, dates),
        sources=_draw_ids(draw, sources),
    )


def positions(
    *,
    id: IdArg = None,
    party: IdArg = None,
    issue: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Position]:
    """:class:`~peacetrack.records.Position` records: a party's stance on an issue
    during a period.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(positions(party="hnc", issue="sequencing"))
    ... def test_position(p):
    ...     assert (p.party, p.issue) == ("hnc", "sequencing")
    >>> test_position()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_position)(id, party, issue, sources, _dates_or_default(dates))


def _make_ceasefire(
    draw: st.DrawFn,
    id: IdArg,
    parties: IdsArg,
    exclusions: IdsArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Ceasefire:
    members = _draw_ids(draw, parties)
    excluded = _draw_ids(draw, exclusions, avoid=members)
    return Ceasefire(
        _draw_id(draw, id),
        draw(_NAMES),
        _make_period(draw, True, dates),
        parties=members,
        exclusions=tuple(Exclusion(party, _maybe(draw, _NAMES)) for party in excluded),
        sources=_draw_ids(draw, sources),
    )


def ceasefires(
    *,
    id: IdArg = None,
    parties: IdsArg = None,
    exclusions: IdsArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Ceasefire]:
    """:class:`~peacetrack.records.Ceasefire` records. ``exclusions`` are the ids of
    excluded parties (each gets a reason or none); they never overlap ``parties``.

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
    _check_ids_arg("parties", parties)
    _check_ids_arg("exclusions", exclusions)
    _check_ids_arg("sources", sources)
    return st.composite(_make_ceasefire)(id, parties, exclusions, sources, _dates_or_default(dates))


def _make_designation(
    draw: st.DrawFn,
    id: IdArg,
    party: IdArg,
    by: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Designation:
    return Designation(
        _draw_id(draw, id),
        _draw_id(draw, party),
        _draw_id(draw, by),
        draw(_LABELS),
        _maybe(draw, dates),
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
    something, on a date or undated.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(designations(party="nusra", by="unsc"))
    ... def test_designation(d):
    ...     assert (d.party, d.by) == ("nusra", "unsc")
    >>> test_designation()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_designation)(id, party, by, sources, _dates_or_default(dates))


def _make_relation(
    draw: st.DrawFn,
    id: IdArg,
    source: IdArg,
    target: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
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
        _make_period(draw, True, dates),
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
    _check_ids_arg("sources", sources)
    return st.composite(_make_relation)(id, source, target, sources, _dates_or_default(dates))


def _make_incident(
    draw: st.DrawFn,
    id: IdArg,
    parties: IdsArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> Incident:
    return Incident(
        _draw_id(draw, id),
        draw(_INCIDENT_KINDS),
        draw(dates),
        draw(_PLACES),
        description=_maybe(draw, _NAMES),
        parties=_draw_ids(draw, parties),
        sources=_draw_ids(draw, sources),
    )


def incidents(
    *,
    id: IdArg = None,
    parties: IdsArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Incident]:
    """:class:`~peacetrack.records.Incident` records: an air strike, a shelling, ...

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(incidents(parties=()))
    ... def test_incident(i):
    ...     assert i.parties == () and i.date is not None
    >>> test_incident()
    """
    _check_ids_arg("parties", parties)
    _check_ids_arg("sources", sources)
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
    return Claim(
        _draw_id(draw, id),
        _draw_id(draw, about),
        _draw_id(draw, claimant),
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
    ±2**53), finite float or true/false values; numbers may carry a qualifier.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(claims(about="idlib-strikes", claimant=st.sampled_from(["sohr", "turkey"])))
    ... def test_claim(c):
    ...     assert c.qualifier is None or not isinstance(c.value, str | bool)
    >>> test_claim()
    """
    _check_ids_arg("sources", sources)
    return st.composite(_make_claim)(id, about, claimant, sources, _dates_or_default(dates))


# -- whole timelines ---------------------------------------------------------------------

# In the order hypothesis shrinks towards: records that need nothing first.
_TIMELINE_KINDS = (
    "party",
    "person",
    "source",
    "issue",
    "process",
    "incident",
    "ceasefire",
    "delegation",
    "round",
    "membership",
    "resignation",
    "position",
    "designation",
    "relation",
    "claim",
)
_NONE = st.none()


@attrs.define
class _Builder:
    """The records drawn so far, indexed, for drawing the next one consistently."""

    draw: st.DrawFn
    dates: st.SearchStrategy[PartialDate]
    prefix: str
    records: list[Record] = attrs.Factory(list)
    ids: dict[str, list[str]] = attrs.Factory(dict)
    position: dict[str, int] = attrs.Factory(dict)
    open_memberships: list[str] = attrs.Factory(list)
    round_numbers: dict[str, int] = attrs.Factory(dict)
    delegations_of: dict[str, list[str]] = attrs.Factory(dict)

    def of(self, *kinds: str) -> list[str]:
        return [i for kind in kinds for i in self.ids.get(kind, ())]

    def available(self) -> list[str]:
        parties, people = len(self.of("party")), len(self.of("person"))
        ready = {
            "delegation": parties > 0 and bool(self.of("process")),
            "round": bool(self.of("process")),
            "membership": people > 0 and bool(self.of("delegation")),
            "resignation": bool(self.open_memberships),
            "position": parties > 0 and bool(self.of("issue")),
            "designation": parties > 0 and parties + people >= 2,
            "relation": parties >= 2,
            "claim": parties + people > 0,
        }
        return [kind for kind in _TIMELINE_KINDS if ready.get(kind, True)]

    def pick(self, *kinds: str) -> str:
        return _pick(self.draw, self.of(*kinds))

    def maybe_pick(self, *kinds: str) -> str | st.SearchStrategy[None]:
        pool = self.of(*kinds)
        if not pool or not self.draw(_BOOLS):
            return _NONE
        return _pick(self.draw, pool)

    def add(self, kind: str) -> None:
        draw, dates = self.draw, self.dates
        record_id = f"{self.prefix}{kind}-{len(self.of(kind)) + 1}"
        cited = self.of("source")
        record: Record
        if kind == "party":
            record = _make_party(draw, record_id, cited)
        elif kind == "person":
            record = _make_person(draw, record_id, cited)
        elif kind == "source":
            record = _make_source(draw, record_id, cited, dates)
        elif kind == "issue":
            record = _make_issue(draw, record_id, cited)
        elif kind == "process":
            record = _make_process(draw, record_id, self.maybe_pick("party", "person"), cited)
        elif kind == "incident":
            record = _make_incident(draw, record_id, self.of("party"), cited, dates)
        elif kind == "ceasefire":
            parties = self.of("party")
            record = _make_ceasefire(draw, record_id, parties, parties, cited, dates)
        elif kind == "delegation":
            process = self.pick("process")
            self.delegations_of.setdefault(process, []).append(record_id)
            record = _make_delegation(draw, record_id, self.pick("party"), process, cited)
        elif kind == "round":
            process = self.pick("process")
            number = self.round_numbers[process] = self.round_numbers.get(process, 0) + 1
            in_process = self.delegations_of.get(process, [])
            record = _make_round(draw, record_id, process, number, in_process, cited, dates)
        elif kind == "membership":
            person, delegation = self.pick("person"), self.pick("delegation")
            record = _make_membership(draw, record_id, person, delegation, cited, dates)
            self.open_memberships.append(record_id)
        elif kind == "resignation":
            record = self._resignation(record_id, cited)
        elif kind == "position":
            party, issue = self.pick("party"), self.pick("issue")
            record = _make_position(draw, record_id, party, issue, cited, dates)
        elif kind == "designation":
            party = self.pick("party")
            by = _pick(draw, [i for i in self.of("party", "person") if i != party])
            record = _make_designation(draw, record_id, party, by, cited, dates)
        elif kind == "relation":
            source = self.pick("party")
            target = _pick(draw, [i for i in self.of("party") if i != source])
            record = _make_relation(draw, record_id, source, target, cited, dates)
        else:
            about = _pick(draw, [r.id for r in self.records])
            claimant = self.pick("party", "person")
            record = _make_claim(draw, record_id, about, claimant, cited, dates)
        self.position[record_id] = len(self.records)
        self.records.append(record)
        self.ids.setdefault(kind, []).append(record_id)

    def _resignation(self, record_id: str, cited: list[str]) -> Resignation:
        membership_id = _pick(self.draw, self.open_memberships)
        self.open_memberships.remove(membership_id)
        membership = self.records[self.position[membership_id]]
        assert isinstance(membership, Membership)
        start = membership.period.start
        date = _on_or_after(self.draw, start, self.dates)
        # The resignation ends the membership: its period ends on the same date.
        ended = attrs.evolve(membership, period=Period(start, date))
        self.records[self.position[membership_id]] = ended
        recipient = self.maybe_pick("party", "person")
        return _make_resignation(
            self.draw, record_id, membership.person, membership_id, recipient, cited, date
        )


def _make_record_list(
    draw: st.DrawFn,
    min_size: int,
    max_size: int,
    dates: st.SearchStrategy[PartialDate],
    id_prefix: str,
) -> list[Record]:
    builder = _Builder(draw, dates, id_prefix)
    for _ in range(draw(st.integers(min_size, max_size))):
        builder.add(_pick(draw, builder.available()))
    return builder.records


def record_lists(
    min_size: int = 0,
    max_size: int = 50,
    *,
    dates: st.SearchStrategy[PartialDate] | None = None,
    id_prefix: str = "",
) -> st.SearchStrategy[list[Record]]:
    """Lists of records of mixed types that together make a valid timeline.

    Every cross-record rule holds: ids are unique; every reference resolves to a
    record of the right type (sources to sources, a delegation's party to a party,
    a claim to any record, ...); a round's delegations belong to its process and
    round numbers are unique per process; each resignation ends one membership of
    the same person, on or after its start, and that membership's period ends on
    the resignation's date; a ceasefire never excludes one of its own parties.
    Nothing refers to a record later in the list.

    Parameters
    ----------
    min_size, max_size
        How many records, inclusive.
    dates
        The strategy dates and periods are drawn from; default
        ``partial_dates(2014, 2018)``, narrow enough that periods overlap.
    id_prefix
        Put before every id (ids are ``"<prefix><type>-<n>"``, e.g. ``"party-1"``),
        so that timelines drawn with different prefixes have disjoint ids.

    Returns
    -------
    SearchStrategy[list[Record]]

    Raises
    ------
    hypothesis.errors.InvalidArgument
        Unless ``0 <= min_size <= max_size``.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(record_lists(max_size=20, id_prefix="a-"))
    ... def test_ids(records):
    ...     ids = [r.id for r in records]
    ...     assert len(set(ids)) == len(ids) and all(i.startswith("a-") for i in ids)
    >>> test_ids()
    """
    if not 0 <= min_size <= max_size:
        raise InvalidArgument(
            f"need 0 <= min_size <= max_size, got min_size={min_size}, max_size={max_size}"
        )
    if not isinstance(id_prefix, str):
        raise InvalidArgument(f"id_prefix must be a string, got {id_prefix!r}")
    chosen = partial_dates(2014, 2018) if dates is None else dates
    return st.composite(_make_record_list)(min_size, max_size, chosen, id_prefix)


def timelines(
    min_size: int = 0,
    max_size: int = 50,
    *,
    dates: st.SearchStrategy[PartialDate] | None = None,
    id_prefix: str = "",
) -> st.SearchStrategy[Timeline]:
    """Valid :class:`~peacetrack.timeline.Timeline`\\ s of ``min_size`` to ``max_size``
    records of mixed types: the records of :func:`record_lists` with the same
    parameters.

    Returns
    -------
    SearchStrategy[Timeline]

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(timelines(min_size=1, max_size=30), timelines(max_size=10, id_prefix="b-"))
    ... def test_merge_disjoint(a, b):
    ...     assert len(a.merge(b).records) == len(a.records) + len(b.records)
    >>> test_merge_disjoint()
    """
    from peacetrack.timeline import Timeline

    return record_lists(min_size, max_size, dates=dates, id_prefix=id_prefix).map(Timeline)
