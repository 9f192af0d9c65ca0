"""The small objects records hold in lists: exclusions, identifiers, links.

They are attrs value objects like records, without an id of their own. A list of them
is one field of a record; :func:`to_parts` makes the list from dicts (as a file holds
it) and :func:`check_parts` checks it, so a bad item is reported under the record's id
with the record's other problems.

>>> Identifier("wikidata", "Q7260")
Identifier(scheme='wikidata', identifier='Q7260')
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import attrs

from peacetrack._field_checks import OPTIONAL_TEXT, TEXT, Check, Invalid, field_problems
from peacetrack.errors import ValidationError

__all__ = ["Exclusion", "Identifier", "Link", "check_parts", "to_parts"]


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


def to_parts(cls: type) -> Callable[[Any], Any]:
    """A lenient converter: a list of dicts (or of ``cls``) becomes a tuple of ``cls``;
    a bad item becomes an :class:`~peacetrack._field_checks.Invalid` for the check."""
    fields = " and ".join(f.name for f in attrs.fields(cls))
    noun = cls.__name__.lower()

    def convert(value: Any) -> Any:
        if not isinstance(value, list | tuple):
            return value
        try:
            return tuple(cls(**item) if isinstance(item, dict) else item for item in value)
        except ValidationError as exc:
            return Invalid(value, "; ".join(f"{p.field}: {p.message}" for p in exc.problems))
        except TypeError as exc:
            article = "an" if noun[0] in "aeiou" else "a"
            return Invalid(value, f"{article} {noun} has the fields {fields} ({exc})")

    return convert


def check_parts(cls: type, key: Callable[[Any], Hashable], repeated: str) -> Check:
    """A check for a tuple of ``cls``: no two items with the same ``key``."""

    def check(value: Any) -> str | None:
        if isinstance(value, Invalid):
            return value.message
        if not isinstance(value, tuple) or not all(isinstance(v, cls) for v in value):
            return f"expected a list of {cls.__name__}, got {value!r}"
        keys = [key(v) for v in value]
        if len(set(keys)) != len(keys):
            return repeated
        return None

    return check
