"""The records a timeline is made of: immutable attrs value objects.

Every record has a string ``id`` and a tuple of ``sources`` (ids of :class:`Source`
records). Records refer to each other by id, as Popolo does, so files stay plain and
diffs readable; a :class:`~peacetrack.timeline.Timeline` resolves and checks the
references. A record checks only itself: a bad field raises
:class:`~peacetrack.errors.ValidationError` naming the record id, *every* bad field
and the reason. Rules that need neighbours (does the person exist? does the
resignation fall inside the membership?) belong to the Timeline.

Adding a record type takes (``tests/test_registry.py`` checks each piece, and
``docs/architecture.md`` says more):

- the class: ``@register_record_type("tag")`` on an ``@attrs.frozen`` subclass of
  :class:`Record`, with ``ref(...)`` / ``optional_ref(...)`` / ``refs(...)`` /
  ``ref_items(...)`` metadata on each field that holds ids (references, checks,
  the file format and the schema follow from it), in the module of its family
  (``_record``: the base and sources; ``_actors``: parties and people;
  ``_negotiation``: the talks; ``_conflict``: the conflict and claims about it;
  ``_participation``: who takes part, what is signed), imported below;
- its hypothesis strategy in :mod:`peacetrack.testing` (and in ``timelines()``);
- its words in ``_display`` (a name; a sentence per event if it is dated) and, if
  dated, its events in :mod:`peacetrack.events`;
- its docs: a docstring, and a name in ``__all__`` here and in :mod:`peacetrack`.

Strings are accepted where a date, a period or an enum is expected, so records read
naturally:

>>> import attrs
>>> r = Round("r3", "geneva-2016", 3, "2016-04-13/2016-04-27", "Geneva", "proximity",
...           "adjourned", delegations=("gov", "hnc"))
>>> r.period.days(), r.format
((14, 14), <RoundFormat.PROXIMITY: 'proximity'>)
>>> attrs.evolve(r, outcome=RoundOutcome.SUSPENDED).outcome.value
'suspended'
"""

from __future__ import annotations

# The record types register in the order these modules are imported, and files, the
# schema and error messages list them in that order: keep it.
from peacetrack._record import Record, Source

# isort: split
from peacetrack._actors import Party, PartyKind, Person

# isort: split
from peacetrack._negotiation import (
    Delegation,
    Issue,
    Membership,
    Position,
    Process,
    Resignation,
    Round,
    RoundFormat,
    RoundOutcome,
)

# isort: split
from peacetrack._conflict import (
    Ceasefire,
    Claim,
    ClaimValue,
    Designation,
    Incident,
    Qualifier,
    Relation,
    RelationKind,
)

# isort: split
from peacetrack._participation import (
    Agreement,
    AgreementKind,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Signatory,
    SignatoryRole,
)

# isort: split
from peacetrack._other_names import Name
from peacetrack._parts import Exclusion, Identifier, Link
from peacetrack._registry import RECORD_TYPES, register_record_type

__all__ = [
    "RECORD_TYPES",
    "Agreement",
    "AgreementKind",
    "Ceasefire",
    "Claim",
    "ClaimValue",
    "Delegation",
    "Designation",
    "Exclusion",
    "Identifier",
    "Incident",
    "Issue",
    "Link",
    "Membership",
    "Name",
    "Participation",
    "ParticipationRole",
    "ParticipationStatus",
    "Party",
    "PartyKind",
    "Person",
    "Position",
    "Process",
    "Qualifier",
    "Record",
    "Relation",
    "RelationKind",
    "Resignation",
    "Round",
    "RoundFormat",
    "RoundOutcome",
    "Signatory",
    "SignatoryRole",
    "Source",
    "register_record_type",
]
