"""The fast depth check agrees with the exact count on every JSON document."""

import json
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacetrack.errors import LoadError
from peacetrack.io import loads
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


# -- the exact count is linear on any text, and exact on any text ------------------------


def _reference_depth(text: str) -> int:
    """Depth by a character-by-character walk: a backslash takes the next character
    with it, a quote opens or closes a string, brackets count only outside strings."""
    depth = deepest = 0
    in_string = False
    chars = iter(text)
    for c in chars:
        if c == "\\":
            next(chars, None)
        elif c == '"':
            in_string = not in_string
        elif not in_string and c in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif not in_string and c in "]}":
            depth -= 1
    return deepest


ANY_TEXT = st.text(alphabet='[]{}"\\a\u00e9\ud800', max_size=200)


@given(ANY_TEXT, st.integers(0, MAX_DEPTH + 4))
def test_nesting_is_exact_on_any_text(text: str, extra: int) -> None:
    text = "[" * extra + text
    expected = _reference_depth(text)
    if text.count("[") + text.count("{") > MAX_DEPTH:
        assert _nesting(text) == expected
    else:  # the shortcut: too few brackets to be too deep
        assert _nesting(text) == 0
        assert expected <= MAX_DEPTH


@given(VALUES, st.integers(0, MAX_DEPTH + 8), st.booleans())
def test_nesting_is_exact_on_json(value: object, extra: int, ascii: bool) -> None:
    text = json.dumps([value, _chain(MAX_DEPTH, _chain(extra, "x"))], ensure_ascii=ascii)
    assert _nesting(text) == _reference_depth(text) == MAX_DEPTH + 1 + extra


# Shapes that made a backtracking string pattern quadratic, and their relatives: an
# open string full of escaped quotes, many open strings, escapes of escapes,
# alternating brackets and quotes.
ADVERSARIAL = {
    "open string of escaped quotes": lambda n: "[" * 65 + '"' + '\\"' * (n // 2),
    "escaped backslashes": lambda n: "[" * 65 + '"' + "\\\\" * (n // 2),
    "bracket quote pairs": lambda n: '["' * (n // 2),
    "quotes then brackets": lambda n: '"' * (n // 2) + "[" * (n // 2),
    "only brackets": lambda n: "[{" * (n // 2),
    "escape at each step": lambda n: ('[\\"' + '"') * (n // 4),
}


@pytest.mark.parametrize("shape", list(ADVERSARIAL), ids=list(ADVERSARIAL))
def test_a_million_characters_of_any_shape_are_counted_at_once(shape: str) -> None:
    """Timing-free where it can be (the answer equals the walk on a small size), and a
    bound 20 times what a linear pass takes on a shared machine for 2e6 characters."""
    make = ADVERSARIAL[shape]
    small = make(2_000)
    assert _nesting(small) == _reference_depth(small)
    text = make(2_000_000)
    start = time.process_time()
    with pytest.raises(LoadError):
        loads(text)
    _nesting(text)
    assert time.process_time() - start < 10.0
