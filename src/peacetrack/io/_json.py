"""Reading JSON text safely: size and depth limits, UTF-8, no NaN, repeated keys.

:func:`parse` turns text or bytes into plain Python values with :mod:`json`, after
checking the size and the nesting depth, and marks what the record layer must
report rather than what the parser should guess at: a whole number out of the safe
range becomes an :class:`OutOfRange`, an object with a key given twice a
:class:`JSONObject` listing the key. :func:`describe` and :func:`short` put values
into messages without echoing a huge input back whole.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from typing import Any, Final

import attrs

from peacetrack.errors import LoadError

MAX_BYTES: Final = 512 * 1024 * 1024
"""The default size limit of :func:`loads` and :func:`load`: 512 MiB."""

MAX_DEPTH: Final = 64
"""The deepest nesting of JSON arrays and objects a document may have.

A valid file needs 5 levels (document, records, record, exclusions, exclusion);
anything far deeper is refused before parsing.
"""

MAX_SAFE_INTEGER: Final = 2**53 - 1
"""The largest whole number a file may hold (as in JavaScript): larger ones would be
read differently by other JSON tools."""

_LONG = 200  # longest quoted value or id kept whole in a message


# -- values the parser marks instead of converting -------------------------------------


@attrs.frozen
class OutOfRange:
    """A JSON number too large to keep; the hooks report it where it stands."""

    text: str

    def __str__(self) -> str:
        digits = len(self.text)
        shown = self.text if digits <= 40 else f"{self.text[:20]}…({digits} characters)"
        return f"number {shown} is out of range (whole numbers must lie within ±{MAX_SAFE_INTEGER})"


class JSONObject(dict[str, Any]):
    """A JSON object that had some keys more than once (``repeated``)."""

    repeated: tuple[str, ...] = ()


_RUN = re.compile(rf"\S{{{_LONG},}}")


def short(text: str, limit: int = _LONG) -> str:
    """``text`` with every run of more than ``limit`` non-space characters cut down,
    so that an error never echoes a huge input back whole."""
    if len(text) <= limit:
        return text
    text = _RUN.sub(lambda m: f"{m[0][:80]}…({len(m[0])} characters)…{m[0][-20:]}", text)
    if len(text) > 5 * limit:  # long but spaced out
        text = f"{text[: 2 * limit]}…({len(text)} characters)…{text[-2 * limit :]}"
    return text


def describe(value: Any) -> str:
    """A parsed JSON value as a message shows it: its kind, and itself if scalar."""
    if isinstance(value, OutOfRange):
        return str(value)
    if value is None:
        return "null"
    kind = {
        bool: "true/false",
        int: "number",
        float: "number",
        str: "text",
        list: "list",
        dict: "object",
        JSONObject: "object",
    }
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, dict | list) else ""
    return short(f"{kind.get(type(value), type(value).__name__)} {shown}".strip())


# -- parsing ----------------------------------------------------------------------------

_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_QUOTED = re.compile(rb'"[^"]*"')
_NOT_MARK = bytes(b for b in range(256) if b not in b'"[]{}')
_SQUARE = bytes.maketrans(b"{}", b"[]")
_STEP = {ord("["): 1, ord("]"): -1}


def _marks(text: str) -> bytes:
    """The quotes and brackets of ``text`` that matter for nesting, as bytes.

    Escapes go first (``\\.`` from left to right, so ``\\\\`` is one escape and
    ``\\"`` cannot end a string), then every byte but quotes and brackets. Each
    step is one pass at C speed, whatever the shape of the input.
    """
    data = text.encode("utf-8", "surrogatepass")
    if b"\\" in data:
        data = _ESCAPE.sub(b"", data)
    return data.translate(None, _NOT_MARK)


def _nesting(text: str) -> int:
    """How deep arrays and objects nest, with brackets inside strings ignored.

    Exact and linear in the length of ``text`` for any input: after :func:`_marks`
    every quote opens or closes a string, so the pieces between quotes alternate
    outside/inside; the brackets outside are counted in one pass. (A string left
    open hides the brackets after it; the parser then refuses the text anyway.)
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0  # cannot be too deep
    outside = b"".join(_marks(text).split(b'"')[::2]).translate(_SQUARE)
    return max(itertools.accumulate(map(_STEP.__getitem__, outside)), default=0)


def _shallow(text: str) -> bool:
    """Whether ``text`` is JSON whose arrays and objects certainly nest at most
    :data:`MAX_DEPTH` deep; ``False`` when unsure (then :func:`_nesting` counts).

    :func:`_nesting` is exact but counts bracket by bracket in Python; this works on
    bytes at C speed only (a few passes, each linear). After :func:`_marks`, each
    ``""`` left is a string without brackets in it, or the end of one string and the
    start of the next with nothing between them, and dropping it keeps every bracket
    on its side of the quotes. What is left of the brackets (with ``{}`` written as
    ``[]``) is balanced and at most ``MAX_DEPTH`` deep exactly when ``MAX_DEPTH``
    rounds of deleting every ``[]`` empty it: a round deletes the innermost pairs, and
    a pair at depth *d* needs *d* rounds.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return True
    marks = _marks(text).replace(b'""', b"")
    if b'"' in marks:  # a string with brackets in it, or one left open
        marks = _QUOTED.sub(b"", marks).replace(b'"', b"")
    brackets = marks.translate(_SQUARE)
    for _ in range(MAX_DEPTH):
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            break
        brackets = shorter
    return not brackets


def _refuse_constant(name: str) -> Any:
    raise LoadError(f"{name} is not a number JSON allows; numbers must be finite")


def _parse_int(text: str) -> int | OutOfRange:
    if len(text) > 17:
        return OutOfRange(text)
    value = int(text)
    return value if abs(value) <= MAX_SAFE_INTEGER else OutOfRange(text)


def _parse_float(text: str) -> float | OutOfRange:
    value = float(text)
    return value if math.isfinite(value) else OutOfRange(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = JSONObject(pairs)
    if len(obj) != len(pairs):
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        obj.repeated = tuple(key for key, n in counts.items() if n > 1)
    return obj


def _decode(text: str | bytes, max_bytes: int) -> str:
    if isinstance(text, bytes | bytearray | memoryview):
        data = bytes(text)
        if len(data) > max_bytes:
            raise LoadError(f"input is {len(data)} bytes, more than the limit of {max_bytes}")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError(
                f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be "
                "decoded; peacetrack files are UTF-8 JSON"
            ) from None
    if isinstance(text, str):
        size = len(text)
        if size > max_bytes or (
            size * 4 > max_bytes
            and (size := len(text.encode("utf-8", "surrogatepass"))) > max_bytes
        ):
            raise LoadError(f"input is {size} bytes, more than the limit of {max_bytes}")
        return text.removeprefix("\ufeff")
    raise TypeError(f"expected str or bytes, got {type(text).__name__}")


def parse(text: str | bytes, max_bytes: int) -> Any:
    """The JSON value in ``text``, checked for size, encoding and depth first.

    Raises :class:`~peacetrack.errors.LoadError` for input that is too large, not
    UTF-8, empty, nested more than :data:`MAX_DEPTH` deep, not JSON, or holding
    ``NaN`` or ``Infinity``.
    """
    source = _decode(text, max_bytes)
    if not source.strip():
        raise LoadError('empty input; expected a JSON object {"peacetrack": "1", "records": [...]}')
    if not _shallow(source) and (depth := _nesting(source)) > MAX_DEPTH:
        raise LoadError(f"arrays and objects nest {depth} deep; the limit is {MAX_DEPTH}")
    try:
        return json.loads(
            source,
            object_pairs_hook=_object,
            parse_constant=_refuse_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        if exc.pos >= len(source.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise LoadError(
                f"not valid JSON: {exc.msg} ({where}); is the file truncated?"
            ) from None
        raise LoadError(f"not valid JSON: {exc.msg} ({where})") from None
    except RecursionError:
        raise LoadError(f"arrays and objects nest too deeply; the limit is {MAX_DEPTH}") from None
    except ValueError as exc:  # e.g. a number with more digits than int() accepts
        raise LoadError(f"not valid JSON: {short(str(exc))}") from None
