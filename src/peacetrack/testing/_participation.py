"""Strategies for who takes part in the talks and what they sign: participations and
agreements."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from peacetrack import records
from peacetrack.dates import PartialDate, Period
from peacetrack.testing._dates import _dates_or_default, _make_period
from peacetrack.testing._draw import _BOOLS, _maybe
from peacetrack.testing._refs import (
    IdArg,
    IdsArg,
    OptionalIdArg,
    _check_ids_args,
    _draw_id,
    _draw_ids,
    _draw_optional_id,
)
from peacetrack.testing._values import _NAMES, _URLS

_ROLES = st.sampled_from(records.ParticipationRole)
_STATUSES = st.sampled_from(records.ParticipationStatus)
_AGREEMENT_KINDS = st.sampled_from(records.AgreementKind)
_SIGNATORY_ROLES = st.sampled_from(records.SignatoryRole)


def _make_participation(
    draw: st.DrawFn,
    id: IdArg,
    process: IdArg,
    actor: IdArg,
    round: OptionalIdArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
    *,
    round_period: Period | None = None,
    statuses: Sequence[records.ParticipationStatus] | None = None,
) -> records.Participation:
    """``round_period``: the period of the round, when drawing inside a timeline (a
    dated participation in a round then takes the round's period, which overlaps it).
    ``statuses``: the statuses allowed (to keep the took-part/excluded rule)."""
    round_id = _draw_optional_id(draw, round)
    if round_id is not None and round_period is not None:
        period: Period | None = round_period if draw(_BOOLS) else None
    else:
        period = _make_period(draw, True, dates) if draw(_BOOLS) else None
    status = draw(_STATUSES if statuses is None else st.sampled_from(statuses))
    return records.Participation(
        _draw_id(draw, id),
        _draw_id(draw, process),
        _draw_id(draw, actor),
        draw(_ROLES),
        status,
        period=period,
        round=round_id,
        reason=_maybe(draw, _NAMES),
        sources=_draw_ids(draw, sources),
    )


def participations(
    *,
    id: IdArg = None,
    process: IdArg = None,
    actor: IdArg = None,
    round: OptionalIdArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[records.Participation]:
    """:class:`~peacetrack.records.Participation` records: any role and status, dated
    or not, in a round or not, with a reason or not.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(participations(process="geneva", round=st.none()))
    ... def test_participation(p):
    ...     assert p.process == "geneva" and p.round is None
    >>> test_participation()
    """
    _check_ids_args(sources=sources)
    return st.composite(_make_participation)(
        id, process, actor, round, sources, _dates_or_default(dates)
    )


def _make_agreement(
    draw: st.DrawFn,
    id: IdArg,
    process: OptionalIdArg,
    round: OptionalIdArg,
    signatories: IdsArg,
    others: IdsArg,
    sources: IdsArg,
    dates: st.SearchStrategy[PartialDate],
) -> records.Agreement:
    record_id = _draw_id(draw, id)
    avoid = (record_id,)
    return records.Agreement(
        record_id,
        draw(_NAMES),
        draw(_AGREEMENT_KINDS),
        draw(dates),
        process=_draw_optional_id(draw, process),
        round=_draw_optional_id(draw, round),
        signatories=tuple(
            records.Signatory(actor, draw(_SIGNATORY_ROLES))
            for actor in _draw_ids(draw, signatories)
        ),
        period=_make_period(draw, True, dates) if draw(_BOOLS) else None,
        url=_maybe(draw, _URLS),
        endorses=_draw_ids(draw, others, avoid=avoid),
        amends=_draw_ids(draw, others, avoid=avoid),
        supersedes=_draw_ids(draw, others, avoid=avoid),
        sources=_draw_ids(draw, sources),
    )


def agreements(
    *,
    id: IdArg = None,
    process: OptionalIdArg = None,
    round: OptionalIdArg = None,
    signatories: IdsArg = None,
    others: IdsArg = None,
    sources: IdsArg = None,
    dates: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[records.Agreement]:
    """:class:`~peacetrack.records.Agreement` records. ``signatories`` are the ids
    of the actors who sign (each gets a role); ``others`` the ids of agreements it
    may endorse, amend or supersede (never itself).

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(agreements(signatories=["russia", "turkey", "iran"], others=()))
    ... def test_agreement(a):
    ...     assert {s.actor for s in a.signatories} <= {"russia", "turkey", "iran"}
    ...     assert a.supersedes == ()
    >>> test_agreement()
    """
    _check_ids_args(signatories=signatories, others=others, sources=sources)
    return st.composite(_make_agreement)(
        id, process, round, signatories, others, sources, _dates_or_default(dates)
    )
