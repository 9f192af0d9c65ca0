"""Which columns a record type's table has, derived from the record class's fields.

Nothing here names a record type: a column's kind follows from the attrs type of
its field, so a new record class gets a table with no change to this module.

==========  ==========================================  ===============================
kind        field type                                  columns (Arrow types)
==========  ==========================================  ===============================
text        ``str``                                     ``name`` (string)
int         ``int``                                     ``name`` (int64)
float       ``float``                                   ``name`` (float64)
bool        ``bool``                                    ``name`` (bool)
enum        an :class:`enum.Enum`                       ``name`` (string: its value)
ids         ``tuple[str, ...]``                         ``name`` (list of string)
structs     ``tuple[C, ...]``, C attrs of simple kinds  ``name`` (list of struct)
date        :class:`~peacetrack.PartialDate`            ``name`` (EDTF string),
                                                        ``name_earliest``,
                                                        ``name_latest``,
                                                        ``name_fuzzy_earliest``,
                                                        ``name_fuzzy_latest`` (date32)
period      :class:`~peacetrack.Period`                 ``name`` (EDTF interval),
                                                        ``name_certain_first``,
                                                        ``name_certain_last``,
                                                        ``name_possible_first``,
                                                        ``name_possible_last`` (date32)
json        anything else (a claim's value, ...)        ``name`` (JSON text)
==========  ==========================================  ===============================

Each kind may also be ``None`` (``str | None`` ...): the column is then nullable.
The bound columns are *derived*: :func:`~peacetrack.tables.from_arrow` ignores
them and reads the EDTF string, which alone is the fact.
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from peacetrack._registry import optional_inner
from peacetrack.dates import PartialDate, Period

__all__ = ["DERIVED_SUFFIXES", "Column", "arrow_type", "columns_of"]

DERIVED_SUFFIXES: Final = {
    "date": ("_earliest", "_latest", "_fuzzy_earliest", "_fuzzy_latest"),
    "period": ("_certain_first", "_certain_last", "_possible_first", "_possible_last"),
}
"""The bound columns each date and period field adds, after its EDTF column."""

_SIMPLE: Final = {str: "text", int: "int", float: "float", bool: "bool"}


@attrs.frozen
class Column:
    """One field of a record class as a table column."""

    name: str
    kind: str
    optional: bool
    has_default: bool
    member: type | None = None  # the enum, or the attrs class of a structs column
    inner: tuple[Column, ...] = ()  # a structs column's fields

    @property
    def derived(self) -> tuple[str, ...]:
        """The names of the bound columns this field adds."""
        return tuple(self.name + suffix for suffix in DERIVED_SUFFIXES.get(self.kind, ()))


def _column(field: attrs.Attribute[Any], nested: bool = False) -> Column:
    kind, optional = optional_inner(field.type)
    has_default = field.default is not attrs.NOTHING
    simple = _SIMPLE.get(kind) if isinstance(kind, type) else None
    if simple is not None:
        return Column(field.name, simple, optional, has_default)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return Column(field.name, "enum", optional, has_default, kind)
    if not nested and kind is PartialDate:
        return Column(field.name, "date", optional, has_default)
    if not nested and kind is Period:
        return Column(field.name, "period", optional, has_default)
    if getattr(kind, "__origin__", None) is tuple and len(kind.__args__) == 2:
        item = kind.__args__[0]
        if item is str:
            return Column(field.name, "ids", optional, has_default)
        if not nested and attrs.has(item):
            inner = tuple(_column(f, nested=True) for f in _fields(item))
            if all(c.kind in ("text", "int", "float", "bool", "enum") for c in inner):
                return Column(field.name, "structs", optional, has_default, item, inner)
    return Column(field.name, "json", optional, has_default)


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    return tuple(f for f in attrs.fields(cls) if f.init)


_COLUMNS: dict[type, tuple[Column, ...]] = {}


def columns_of(cls: type) -> tuple[Column, ...]:
    """The columns of ``cls``'s table, in field order (derived ones not listed).

    Examples
    --------
    >>> from peacetrack import Ceasefire
    >>> [(c.name, c.kind) for c in columns_of(Ceasefire)]  # doctest: +NORMALIZE_WHITESPACE
    [('id', 'text'), ('sources', 'ids'), ('name', 'text'), ('period', 'period'),
     ('parties', 'ids'), ('exclusions', 'structs'), ('agreement', 'text'),
     ('brokers', 'ids'), ('area', 'text')]
    """
    found = _COLUMNS.get(cls)
    if found is None:
        found = _COLUMNS[cls] = tuple(_column(f) for f in _fields(cls))
    return found


def arrow_type(column: Column) -> Any:
    """The Arrow type of a column's own (non-derived) values."""
    import pyarrow as pa

    simple = {
        "text": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "enum": pa.string(),
        "date": pa.string(),
        "period": pa.string(),
        "json": pa.string(),
        "ids": pa.list_(pa.string()),
    }
    if column.kind == "structs":
        return pa.list_(pa.struct([pa.field(c.name, arrow_type(c)) for c in column.inner]))
    return simple[column.kind]
