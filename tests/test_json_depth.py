"""The fast depth check agrees with the exact count on every JSON document."""

import json

from hypothesis import given
from hypothesis import strategies as st

from peacetrack.io._json import MAX_DEPTH, _nesting, _shallow

TEXT = st.text(alphabet='[]{}"\\ab\n\u00e9/', max_size=8)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=20,
)


def _chain(depth: int, leaf: object) -> object:
    for _ in range(depth):
        leaf = [leaf]
    return leaf


@given(VALUES, st.integers(0, MAX_DEPTH + 8), st.booleans())
def test_shallow_is_exactly_depth_at_most_the_limit(value: object, extra: int, ascii: bool) -> None:
    text = json.dumps([value, _chain(extra, "x")], ensure_ascii=ascii)
    assert _shallow(text) == (_nesting(text) <= MAX_DEPTH)
