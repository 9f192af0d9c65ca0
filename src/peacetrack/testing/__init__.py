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
>>> from hypothesis import strategies as st
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

from collections.abc import Callable, Mapping
from types import MappingProxyType

from hypothesis import strategies as st

from peacetrack.records import Record
from peacetrack.testing._context import (
    agenda_issues,
    ceasefires,
    claims,
    designations,
    incidents,
    positions,
    relations,
    sources,
)
from peacetrack.testing._dates import partial_dates, periods
from peacetrack.testing._names import other_names
from peacetrack.testing._participation import agreements, participations
from peacetrack.testing._refs import IdArg, IdsArg, OptionalIdArg
from peacetrack.testing._talks import (
    delegations,
    memberships,
    parties,
    people,
    processes,
    resignations,
    rounds,
)
from peacetrack.testing._timelines import record_lists, timelines

STRATEGIES: Mapping[str, Callable[..., st.SearchStrategy[Record]]] = MappingProxyType(
    {
        "source": sources,
        "party": parties,
        "person": people,
        "process": processes,
        "round": rounds,
        "delegation": delegations,
        "membership": memberships,
        "resignation": resignations,
        "issue": agenda_issues,
        "position": positions,
        "ceasefire": ceasefires,
        "designation": designations,
        "relation": relations,
        "incident": incidents,
        "claim": claims,
        "participation": participations,
        "agreement": agreements,
    }
)
"""The strategy for each record type, by its tag (``STRATEGIES["party"]`` is
:func:`parties`). A test walks the record registry and checks that every record type
has one here, and that :func:`timelines` makes records of it."""

__all__ = [
    "STRATEGIES",
    "IdArg",
    "IdsArg",
    "OptionalIdArg",
    "agenda_issues",
    "agreements",
    "ceasefires",
    "claims",
    "delegations",
    "designations",
    "incidents",
    "memberships",
    "other_names",
    "partial_dates",
    "participations",
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
