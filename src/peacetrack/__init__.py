"""peacetrack: model peace negotiations over time.

Processes and rounds, delegations and their members, positions, resignations,
ceasefires and who is excluded from them, designations, incidents and contested
claims — with dates that keep their precision and a Timeline that answers questions
about them.

>>> import peacetrack
>>> peacetrack.PartialDate.parse("2016-04").precision.value
'month'
"""

from peacetrack._version import __version__
from peacetrack.dates import DateLike, PartialDate, Period, Precision, days_between
from peacetrack.errors import (
    InvalidDateError,
    LoadError,
    PeacetrackError,
    Problem,
    SaveError,
    UnknownIdError,
    ValidationError,
)
from peacetrack.events import Event, EventKind
from peacetrack.records import (
    Agreement,
    AgreementKind,
    Ceasefire,
    Claim,
    ClaimValue,
    Delegation,
    Designation,
    Exclusion,
    Identifier,
    Incident,
    Issue,
    Link,
    Membership,
    Name,
    Participation,
    ParticipationRole,
    ParticipationStatus,
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
    Signatory,
    SignatoryRole,
    Source,
)
from peacetrack.timeline import Snapshot, Timeline

__all__ = [
    "Agreement",
    "AgreementKind",
    "Ceasefire",
    "Claim",
    "ClaimValue",
    "DateLike",
    "Delegation",
    "Designation",
    "Event",
    "EventKind",
    "Exclusion",
    "Identifier",
    "Incident",
    "InvalidDateError",
    "Issue",
    "Link",
    "LoadError",
    "Membership",
    "Name",
    "PartialDate",
    "Participation",
    "ParticipationRole",
    "ParticipationStatus",
    "Party",
    "PartyKind",
    "PeacetrackError",
    "Period",
    "Person",
    "Position",
    "Precision",
    "Problem",
    "Process",
    "Qualifier",
    "Record",
    "Relation",
    "RelationKind",
    "Resignation",
    "Round",
    "RoundFormat",
    "RoundOutcome",
    "SaveError",
    "Signatory",
    "SignatoryRole",
    "Snapshot",
    "Source",
    "Timeline",
    "UnknownIdError",
    "ValidationError",
    "__version__",
    "days_between",
]
