"""The small objects records hold in lists: exclusions, identifiers, links.

They are attrs value objects like records, without an id of their own. A list of them
is one field of a record; :func:`~peacetrack._field_checks.to_parts` makes the list
from dicts (as a file holds it) and :func:`~peacetrack._field_checks.check_parts`
checks it, so a bad item is reported under the record's id with the record's other
problems.

>>> Identifier("wikidata", "Q7260")
Identifier(scheme='wikidata', identifier='Q7260')
"""

from __future__ import annotations

import attrs

from peacetrack._field_checks import OPTIONAL_TEXT, TEXT, field_problems
from peacetrack.errors import ValidationError

__all__ = ["Exclusion", "Identifier", "Link"]


class _Part:
    """What every small object does on construction: check its fields, all at once."""

    def __attrs_post_init__(self) -> None:
        problems = list(field_problems(self, None, f"{type(self).__name__.lower()}."))
        if problems:
            raise ValidationError(problems)


@attrs.frozen
class Exclusion(_Part):
    """A party left out of a ceasefire, and why."""

    party: str = attrs.field(metadata=TEXT)
    reason: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)


@attrs.frozen
class Identifier(_Part):
    """An outside identifier of a party or person: ``scheme`` names the register
    (``"wikidata"``, ``"ucdp"``, ``"acled"``, ...), ``identifier`` the value there.
    Popolo's identifier shape."""

    scheme: str = attrs.field(metadata=TEXT)
    identifier: str = attrs.field(metadata=TEXT)


@attrs.frozen
class Link(_Part):
    """A web page about a party or person, with an optional note. Popolo's link shape."""

    url: str = attrs.field(metadata=TEXT)
    note: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
