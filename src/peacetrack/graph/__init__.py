"""networkx views over a Timeline: who links to whom, and who is left out.

Every view is a plain function that takes a :class:`~peacetrack.timeline.Timeline`
and returns a fresh networkx graph; nothing here subclasses networkx. Node ids are
record ids (ids are unique across a timeline, so a party, a person and a ceasefire
never collide).

Attributes are GraphML scalars only (``str``, ``int``, ``bool``), so
:func:`networkx.write_graphml`, :func:`networkx.write_gexf` and node-link JSON work
on every graph here with no conversion. A missing date is ``""`` (GraphML has no
null); dates are EDTF strings and keep their precision ("2016-04" stays a month).

Writing graphs out
------------------
:func:`to_text` writes GraphML 1.0 and GEXF 1.2 that validate against the official
schemas, node-link JSON and Graphviz DOT; :func:`from_text` reads the first three back
as they were. Edge ids are unique (a multigraph edge's key, ``key:2`` for a repeat).
Characters a format cannot carry are escaped reversibly as ``_xHHHH_`` (and ``_x`` as
``_x005F_x``): in values the characters XML 1.0 cannot hold and ``\\r``; in GraphML ids,
which are ``xs:NMTOKEN``, every character but ASCII letters, digits and ``.-_:``.
:func:`unescape` undoes it.

Dates and ``at=``
-----------------
With ``at=`` a view keeps only what was in force that day, by the same rule as
:meth:`Timeline.at <peacetrack.timeline.Timeline.at>`: a period counts when it was
*certainly* in force at some time during ``at`` (:meth:`peacetrack.Period.in_force`),
or *possibly* in force with ``possibly=True``. A designation counts over its period,
from listing to delisting; an undated one only when ``possibly=True``. Parties and
people are named as they were called on ``at`` (``name``), beside their
``canonical_name``. Put as a law over edge attributes: an
edge with ``start`` S and ``end`` E is in the view at D exactly when
``Period(S, E or None).in_force(D, possibly=...)``, and an edge with ``start == ""``
(an undated designation) only when ``possibly`` is true.

Examples
--------
>>> from peacetrack import Timeline, Party, Person, Process, Delegation, Membership
>>> t = Timeline([
...     Party("hnc", "High Negotiations Committee", "opposition"),
...     Person("alloush", "Mohammed Alloush"),
...     Process("geneva", "Geneva talks"),
...     Delegation("hnc-d", "hnc", "geneva"),
...     Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01/2016-05-29"),
... ])
>>> [(u, v, d["kind"], d["role"]) for u, v, d in parties(t, at="2016-05-01").edges(data=True)]
[('alloush', 'hnc', 'member_of', 'chief negotiator')]
>>> parties(t, at="2016-06-01").number_of_edges()
0
"""

from peacetrack.graph._escape import unescape
from peacetrack.graph._questions import (
    Hop,
    backers,
    designated_in_coalitions,
    excluded_from_all,
    link_between,
)
from peacetrack.graph._read import READABLE, from_text
from peacetrack.graph._talks import agreement_network
from peacetrack.graph._text import FORMATS, to_text
from peacetrack.graph._views import ceasefire_exclusions, parties, round_topology

__all__ = [
    "FORMATS",
    "READABLE",
    "Hop",
    "agreement_network",
    "backers",
    "ceasefire_exclusions",
    "designated_in_coalitions",
    "excluded_from_all",
    "from_text",
    "link_between",
    "parties",
    "round_topology",
    "to_text",
    "unescape",
]
