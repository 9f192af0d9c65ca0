"""One reversible escape for text that a graph format cannot carry as it is.

A character that a format cannot hold (or that a reader would change) is written as
``_xHHHH_`` (``_xHHHHHHHH_`` above U+FFFF), its code point in upper-case hex; an
underscore followed by ``x`` is itself written ``_x005F_`` so that every ``_x`` in
escaped text starts an escape. :func:`unescape` undoes it exactly. This is the
convention of XML name encoding (``XmlConvert.EncodeName``) that other graph tools
already know.

Two sets of characters are escaped:

- in values (and GEXF and DOT ids): the characters XML 1.0 cannot carry at all
  (``\\x00``–``\\x08``, ``\\x0b``, ``\\x0c``, ``\\x0e``–``\\x1f``, lone surrogates,
  U+FFFE, U+FFFF) and ``\\r``, which an XML parser turns into ``\\n``;
- in GraphML node and edge ids, which the GraphML 1.0 schema types as ``xs:NMTOKEN``:
  every character that is not an XML name character (spaces, ``/``, ``#``, ...).
"""

from __future__ import annotations

import re

__all__ = ["escape_id", "escape_value", "unescape"]

# The ASCII XML name characters: an xs:NMTOKEN under every edition of XML 1.0 (XML
# 1.0 fourth edition, which libxml2 and Xerces apply to schema types, and the fifth
# disagree on many letters beyond ASCII, so those are escaped too).
_NAME_CHARS = ":A-Z_a-z\\-.0-9"
_VALUE_UNSAFE = re.compile("_(?=x)|[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ID_UNSAFE = re.compile(f"_(?=x)|[^{_NAME_CHARS}]")
_ESCAPED = re.compile("_x([0-9A-F]{8}|[0-9A-F]{4})_")


def _code(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"_x{code:04X}_" if code <= 0xFFFF else f"_x{code:08X}_"


def escape_value(text: str) -> str:
    """Escape the characters XML 1.0 cannot carry, and ``\\r``.

    Examples
    --------
    >>> escape_value("a\\x00b\\rc_x")
    'a_x0000_b_x000D_c_x005F_x'
    """
    return _VALUE_UNSAFE.sub(_code, text)


def escape_id(text: str) -> str:
    """Escape every character an ``xs:NMTOKEN`` (a GraphML id) cannot hold.

    Examples
    --------
    >>> escape_id("round 1/geneva")
    'round_x0020_1_x002F_geneva'
    """
    return _ID_UNSAFE.sub(_code, text)


def unescape(text: str) -> str:
    """Undo :func:`escape_value` or :func:`escape_id`: the text as it was.

    Examples
    --------
    >>> unescape("round_x0020_1_x002F_geneva")
    'round 1/geneva'
    >>> unescape(escape_value("\\ud800 lone"))
    '\\ud800 lone'
    """
    return _ESCAPED.sub(_char, text)


def _char(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return chr(code) if code <= 0x10FFFF else match.group()
