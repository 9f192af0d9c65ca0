"""What drawn field values look like: names, free text and each field's vocabulary."""

from __future__ import annotations

from hypothesis import strategies as st

from peacetrack.records import (
    ClaimValue,
    Identifier,
    Link,
    PartyKind,
    Qualifier,
    RelationKind,
    RoundFormat,
    RoundOutcome,
)
from peacetrack.testing._refs import _IDS

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
_URLS = _IDS.map(lambda slug: f"https://example.org/{slug}")


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


_SCHEMES = st.lists(st.sampled_from(["wikidata", "ucdp", "acled", "pax"]), unique=True, max_size=2)
_LINKS = st.lists(
    st.builds(
        Link,
        st.sampled_from(["https://www.un.org/", "https://ucdp.uu.se/", "https://example.org/a b"]),
        st.none() | _NAMES,
    ),
    max_size=2,
    unique_by=lambda link: link.url,
).map(tuple)


def _identifiers(draw: st.DrawFn, record_id: str) -> tuple[Identifier, ...]:
    """Outside identifiers for one record; each value holds the record's id, so the
    records of a generated timeline never share one (a timeline rule)."""
    return tuple(Identifier(scheme, f"{scheme}:{record_id}") for scheme in draw(_SCHEMES))


_LANGS = st.sampled_from(("ar", "en", "fr", "ru"))
_MAYBE_FORMATS = st.none() | _FORMATS
_MAYBE_VENUES = st.none() | _VENUES
_REASONS = _vocabulary("to keep the talks going", "after the strikes on Idlib", "under pressure")
