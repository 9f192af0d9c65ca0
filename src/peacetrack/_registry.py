"""The registry of record types: which classes are records, their tags, their references.

Each record class is registered once, by :func:`register_record_type` (in
:mod:`peacetrack.records`, or in a user's own module), under the tag files and
messages use (``"party"``, ``"round"``). Each field that holds ids says so on the field,
in its metadata, with :func:`ref` (one id), :func:`optional_ref` (an id or ``None``),
:func:`refs` (a list of ids) or :func:`ref_items` (a list of small objects, each
holding an id) and the record types the id may point to. Everything that needs to
know "which fields of which records hold ids, and what may they point at" reads it
from here: ``Record.references()``, the timeline's reference checks and referrer
index, the file reader and the JSON Schema.

>>> from peacetrack.records import Resignation
>>> for r in spec_of(Resignation).references:
...     print(r.field, r.targets, r.shape.value)
sources ('source',) many
person ('person',) one
membership ('membership',) one
submitted_to ('party', 'person') optional
"""

from __future__ import annotations

import enum
import types
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import attrs

from peacetrack._field_checks import CHECK, Check, check_ids, check_optional_text, check_text

if TYPE_CHECKING:
    from peacetrack.records import Record

__all__ = [
    "RECORD_TYPES",
    "Reference",
    "Shape",
    "optional_inner",
    "optional_ref",
    "ref",
    "ref_items",
    "references_of",
    "refs",
    "register_record_type",
    "spec_of",
]

REFS = "peacetrack_refs"
"""The metadata key of a reference field: ``(targets, shape, item attribute)``."""


class Shape(enum.Enum):
    """How many ids a reference field holds."""

    ONE = "one"
    OPTIONAL = "optional"
    MANY = "many"


class Reference(NamedTuple):
    """One reference field of a record class.

    ``targets`` are the record types the ids may point to (``None``: any record);
    ``item`` is, for a list of small objects (a ceasefire's exclusions), the
    attribute of each object that holds the id.
    """

    field: str
    targets: tuple[str, ...] | None
    shape: Shape
    item: str | None = None

    def ids(self, record: Any) -> Iterator[str]:
        """The ids this field of ``record`` holds, in order."""
        value = getattr(record, self.field)
        if self.shape is Shape.ONE:
            yield value
        elif self.shape is Shape.OPTIONAL:
            if value is not None:
                yield value
        elif self.item is None:
            yield from value
        else:
            for obj in value:
                yield getattr(obj, self.item)


def _meta(targets: tuple[str, ...], shape: Shape, check: Check, item: str | None = None) -> Any:
    return {CHECK: check, REFS: (targets or None, shape, item)}


def ref(*targets: str) -> Any:
    """Field metadata: the field holds one id of a record of one of ``targets``
    (any record when none is named)."""
    return _meta(targets, Shape.ONE, check_text)


def optional_ref(*targets: str) -> Any:
    """Field metadata: the field holds one id, or ``None``."""
    return _meta(targets, Shape.OPTIONAL, check_optional_text)


def refs(*targets: str) -> Any:
    """Field metadata: the field holds a list of distinct ids."""
    return _meta(targets, Shape.MANY, check_ids)


def ref_items(*targets: str, item: str, check: Check) -> Any:
    """Field metadata: the field holds a list of objects whose ``item`` attribute is
    an id; ``check`` checks the list."""
    return _meta(targets, Shape.MANY, check, item)


class RecordSpec(NamedTuple):
    """What the registry knows of one record class."""

    cls: type[Record]
    tag: str
    references: tuple[Reference, ...]


_SPECS: dict[type, RecordSpec] = {}
_BY_TAG: dict[str, type[Record]] = {}
RECORD_TYPES: Mapping[str, type[Record]] = MappingProxyType(_BY_TAG)
"""Every registered record class by its tag (``"party"`` -> :class:`Party`), in the
order they were registered. Read-only; :func:`register_record_type` adds to it."""

_Listener = Callable[[], None]
_LISTENERS: list[_Listener] = []

R = TypeVar("R", bound=type)


def _references(cls: type) -> tuple[Reference, ...]:
    return tuple(
        Reference(f.name, *f.metadata[REFS]) for f in attrs.fields(cls) if REFS in f.metadata
    )


def register_record_type(tag: str) -> Callable[[R], R]:
    """Register an attrs record class under ``tag`` (a class decorator, applied on top
    of ``@attrs.frozen``).

    The tag is the ``"type"`` of the record in files and names the type in messages.
    A tag or a class can be registered once.

    Raises
    ------
    TypeError
        For a class that is not an attrs subclass of :class:`~peacetrack.Record`, or a
        tag already taken.
    """

    def register(cls: R) -> R:
        # Record itself is defined above this module's layer: known by its fields.
        if not (
            isinstance(cls, type)
            and attrs.has(cls)
            and {"id", "sources"} <= attrs.fields_dict(cls).keys()
            and callable(getattr(cls, "references", None))
        ):
            raise TypeError(f"{cls!r} is not an attrs subclass of Record")
        record_cls: type[Record] = cls  # type: ignore[assignment]
        if not isinstance(tag, str) or not tag.strip():
            raise TypeError(f"a record type's tag must be text, got {tag!r}")
        if tag in _BY_TAG:
            raise TypeError(f"record type {tag!r} is already registered ({_BY_TAG[tag].__name__})")
        record_cls.record_type = tag
        _SPECS[cls] = RecordSpec(record_cls, tag, _references(cls))
        _BY_TAG[tag] = record_cls
        for listener in _LISTENERS:
            listener()
        return cls  # type: ignore[return-value]

    return register


def unregister(tag: str) -> None:
    """Remove a registered record type (for tests that register a toy type)."""
    cls = _BY_TAG.pop(tag)
    del _SPECS[cls]
    for listener in _LISTENERS:
        listener()


def on_change(listener: _Listener) -> None:
    """Call ``listener`` whenever the registry changes (caches derived from it)."""
    _LISTENERS.append(listener)


_OTHER_REFERENCES: dict[type, tuple[Reference, ...]] = {}


def references_of(cls: type) -> tuple[Reference, ...]:
    """The reference fields of any attrs record class, registered or not."""
    spec = _SPECS.get(cls)
    if spec is not None:
        return spec.references
    found = _OTHER_REFERENCES.get(cls)
    if found is None:
        found = _OTHER_REFERENCES[cls] = _references(cls)
    return found


def spec_of(cls: type) -> RecordSpec:
    """The registry's entry for ``cls``.

    Raises
    ------
    KeyError
        If ``cls`` is not a registered record class (a subclass of one is not).
    """
    return _SPECS[cls]


def is_registered(cls: type) -> bool:
    """Whether ``cls`` itself (not a base of it) is a registered record class."""
    return cls in _SPECS


def optional_inner(kind: Any) -> tuple[Any, bool]:
    """``(T, True)`` for a record field of type ``T | None``, else ``(kind, False)``:
    how the schema, the fast reader and the table layout read a field's type.

    >>> optional_inner(int | None), optional_inner(str)
    ((<class 'int'>, True), (<class 'str'>, False))
    """
    if isinstance(kind, types.UnionType) and type(None) in kind.__args__:
        rest = [k for k in kind.__args__ if k is not type(None)]
        if len(rest) == 1:
            return rest[0], True
    return kind, False
