"""Strategies for the records of the talks themselves: who takes part, in what structure.

Parties and people; processes, their rounds and the parties' delegations to them; the
memberships of people in delegations and their resignations.
"""

from __future__ import annotations

from hypothesis import strategies as st

from peacetrack.dates import PartialDate, Period
from peacetrack.records import (
    Delegation,
    Membership,
    Party,
    Person,
    Process,
    Resignation,
    Round,
    RoundOutcome,
)
from peacetrack.testing._dates import _dates_or_default, _make_period
from peacetrack.testing._draw import _BOOLS, _maybe
from peacetrack.testing._names import _make_names
from peacetrack.testing._refs import (
    IdArg,
    IdsArg,
    OptionalIdArg,
    _check_ids_args,
    _draw_id,
    _draw_ids,
    _draw_optional_id,
)
from peacetrack.testing._values import (
    _ALIASES,
    _CLOSED_OUTCOMES,
    _LINKS,
    _MAYBE_FORMATS,
    _MAYBE_VENUES,
    _NAMES,
    _PARTY_KINDS,
    _ROLES,
    _identifiers,
)


def _round_outcome(draw: st.DrawFn, period: Period) -> RoundOutcome | None:
    """An outcome that fits the period: an open round is ongoing, a closed one is not;
    either may be unknown."""
    if draw(_BOOLS):
        return None
    return RoundOutcome.ONGOING if period.is_open else draw(_CLOSED_OUTCOMES)


# Each record has a plain ``_make_*`` function, which timelines() calls directly (no
# strategy object per record keeps drawing fast), and a public strategy wrapping it.


def _make_party(
    draw: st.DrawFn, id: IdArg, sources: IdsArg, dates: st.SearchStrategy[PartialDate]
) -> Party:
    record_id = _draw_id(draw, id)
    return Party(
        record_id,
        draw(_NAMES),
        draw(_PARTY_KINDS),
        aliases=draw(_ALIASES),
        names=_make_names(draw, dates),
        identifiers=_identifiers(draw, record_id),
        links=draw(_LINKS),
        sources=_draw_ids(draw, sources),
    )


def parties(
    *,
    id: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Party]:
    """:class:`~peacetrack.records.Party` records of every :class:`PartyKind`, with
    other names (:class:`~peacetrack.Name`) dated from ``dates`` or undated.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(parties(sources=["un-1", "afp-2"]))
    ... def test_party(p):
    ...     assert set(p.sources) <= {"un-1", "afp-2"}
    >>> test_party()
    """
    _check_ids_args(sources=sources)
    return st.composite(_make_party)(id, sources, _dates_or_default(dates))


def _make_person(
    draw: st.DrawFn, id: IdArg, sources: IdsArg, dates: st.SearchStrategy[PartialDate]
) -> Person:
    record_id = _draw_id(draw, id)
    return Person(
        record_id,
        draw(_NAMES),
        aliases=draw(_ALIASES),
        names=_make_names(draw, dates),
        identifiers=_identifiers(draw, record_id),
        links=draw(_LINKS),
        sources=_draw_ids(draw, sources),
    )


def people(
    *,
    id: IdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Person]:
    """:class:`~peacetrack.records.Person` records, with other names as for
    :func:`parties`.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(people(id="alloush"))
    ... def test_person(p):
    ...     assert p.id == "alloush" and p.name.strip()
    >>> test_person()
    """
    _check_ids_args(sources=sources)
    return st.composite(_make_person)(id, sources, _dates_or_default(dates))


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
    _check_ids_args(sources=sources)
    return st.composite(_make_process)(id, mediator, sources)


def _make_round(
    draw: st.DrawFn,
    id: IdArg,
    process: IdArg,
    number: int | st.SearchStrategy[int] | None,
    delegations: IdsArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
    unknown_ends: bool = False,
    period: Period | None = None,
) -> Round:
    if number is None:
        number = draw(st.integers(1, 30))
    elif not isinstance(number, int):
        number = draw(number)
    if period is None:
        period = _make_period(draw, True, dates, unknown_ends)
    return Round(
        _draw_id(draw, id),
        _draw_id(draw, process),
        number,
        period,
        draw(_MAYBE_VENUES),
        draw(_MAYBE_FORMATS),
        _round_outcome(draw, period),
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
    ``ongoing`` or an unknown one (``None``), a closed one with any other outcome or
    ``None``; venue and format may be unknown too.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(rounds(process="geneva-2016", number=3, delegations=["gov", "hnc"]))
    ... def test_round(r):
    ...     assert r.number == 3 and set(r.delegations) <= {"gov", "hnc"}
    ...     assert r.outcome is not RoundOutcome.ONGOING or r.period.is_open
    >>> test_round()
    """
    _check_ids_args(delegations=delegations, sources=sources)
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
    _check_ids_args(sources=sources)
    return st.composite(_make_delegation)(id, party, process, sources)


def _make_membership(
    draw: st.DrawFn,
    id: IdArg,
    person: IdArg,
    delegation: IdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
    unknown_ends: bool = False,
) -> Membership:
    return Membership(
        _draw_id(draw, id),
        _draw_id(draw, person),
        _draw_id(draw, delegation),
        draw(_ROLES),
        _make_period(draw, True, dates, unknown_ends),
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
    _check_ids_args(sources=sources)
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
    _check_ids_args(sources=sources)
    return st.composite(_make_resignation)(
        id, person, membership, submitted_to, sources, _dates_or_default(dates)
    )
