"""Rewrites of version 1 records for facts that change over time (issue #14).

Each function takes one raw record (a dict read from a version "1" file) of its
type and returns the record as version "2" writes it; a record already in the new
shape, or one the rewrite cannot read, comes back unchanged, for the loader to
read or to report. The input is never modified.

- ``designation``: ``date`` becomes the start of an open ``period`` (listed from
  then, never delisted); a ``null`` date becomes no period.
- ``position``: ``party`` becomes ``holder``.

>>> designation_v1({"type": "designation", "id": "d1", "party": "nusra", "by": "unsc",
...                 "label": "terrorist organization", "date": "2013-05-30"})["period"]
'2013-05-30/..'
>>> position_v1({"type": "position", "id": "p1", "party": "hnc", "issue": "x",
...              "stance": "y", "period": "2016/.."})["holder"]
'hnc'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["MIGRATIONS_V1", "designation_v1", "position_v1"]


def _renamed(raw: dict[str, Any], old: str, new: str, value: Any) -> dict[str, Any]:
    """A copy of ``raw`` with key ``old`` replaced, in place, by ``new`` (``value``);
    with no ``new`` key at all when ``value`` is ``None``."""
    out: dict[str, Any] = {}
    for key, item in raw.items():
        if key != old:
            out[key] = item
        elif value is not None:
            out[new] = value
    return out


def _movable(raw: Any, old: str, new: str) -> bool:
    # A record with repeated keys is left whole, for the loader to report them.
    return (
        isinstance(raw, dict) and old in raw and new not in raw and not getattr(raw, "repeated", ())
    )


def designation_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """A version 1 designation with its ``date`` as the start of an open period."""
    if not _movable(raw, "date", "period"):
        return raw
    date = raw["date"]
    return _renamed(raw, "date", "period", f"{date}/.." if isinstance(date, str) else date)


def position_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """A version 1 position with ``party`` renamed ``holder``."""
    if not _movable(raw, "party", "holder"):
        return raw
    return _renamed(raw, "party", "holder", raw["party"])


MIGRATIONS_V1: dict[str, list[Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "designation": [designation_v1],
    "position": [position_v1],
}
"""Record type tag -> the rewrites of this module, for the shared migration table."""
