"""References between records: the id arguments record strategies take, and drawing ids.

A single reference (``process=``) is an :data:`IdArg` or, when it may be absent, an
:data:`OptionalIdArg`; a list of references (``sources=``) is an :data:`IdsArg`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peacetrack.testing._draw import _maybe, _pick

IdArg: TypeAlias = str | st.SearchStrategy[str] | None
"""One reference: a fixed id, a strategy of ids, or ``None`` for an arbitrary id."""

OptionalIdArg: TypeAlias = str | st.SearchStrategy[str | None] | None
"""An optional reference: a fixed id, a strategy of ids or ``None``s, or ``None`` for
an arbitrary id or none at all."""

IdsArg: TypeAlias = Sequence[str] | st.SearchStrategy[tuple[str, ...]] | None
"""Several references: ids to pick a unique subset from, a strategy of tuples, or
``None`` for arbitrary ids."""

_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_"
_MAX_REFS = 3
_IDS = st.text(alphabet=_ID_ALPHABET, min_size=1, max_size=12)
_SOME_IDS = st.lists(_IDS, max_size=_MAX_REFS, unique=True)
_COUNT = st.integers(0, _MAX_REFS)


def _draw_id(draw: st.DrawFn, arg: IdArg) -> str:
    if arg is None:
        return draw(_IDS)
    if isinstance(arg, str):
        return arg
    return draw(arg)


def _draw_optional_id(draw: st.DrawFn, arg: OptionalIdArg) -> str | None:
    if arg is None:
        return _maybe(draw, _IDS)
    if isinstance(arg, str):
        return arg
    return draw(arg)


def _draw_ids(draw: st.DrawFn, arg: IdsArg, avoid: Sequence[str] = ()) -> tuple[str, ...]:
    if isinstance(arg, st.SearchStrategy):
        drawn: Sequence[str] = draw(arg)
    elif arg is None:
        drawn = draw(_SOME_IDS)
    else:
        pool = [i for i in dict.fromkeys(arg) if i not in avoid]
        if not pool:
            return ()
        drawn = [_pick(draw, pool) for _ in range(draw(_COUNT))]
    return tuple(i for i in dict.fromkeys(drawn) if i not in avoid)


def _check_ids_args(**args: IdsArg) -> None:
    """Reject a lone string where a list of ids belongs (it would read as its letters)."""
    for name, arg in args.items():
        if isinstance(arg, str):
            raise InvalidArgument(
                f"{name}= takes a sequence of ids or a strategy of tuples, not the string {arg!r}; "
                f"write {name}=[{arg!r}]"
            )
