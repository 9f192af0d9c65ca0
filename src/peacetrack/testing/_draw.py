"""Drawing helpers every strategy module shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")

_BOOLS = st.booleans()
# Picking from a pool by index keeps drawing cheap: no new strategy per record.
_INDEX = st.integers(0, 1023)


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[T]) -> T | None:
    return draw(strategy) if draw(_BOOLS) else None


def _pick(draw: st.DrawFn, pool: Sequence[str]) -> str:
    return pool[draw(_INDEX) % len(pool)]
