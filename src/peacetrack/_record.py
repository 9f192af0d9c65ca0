"""The base of every record, and the record every record cites: :class:`Record` and
:class:`Source`.

A record checks its own fields when it is made (:class:`Record` runs the checks its
fields declare, then its own rules); rules that need neighbours belong to the
timeline. Both classes are re-exported from :mod:`peacetrack.records` and
:mod:`peacetrack`, which document them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs

from peacetrack._fast import FAST_PATHS
from peacetrack._field_checks import (
    OPTIONAL_DATE,
    OPTIONAL_TEXT,
    PLANS,
    TEXT,
    field_problems,
    fields_ok,
    plan_of,
    to_date,
    to_tuple,
)
from peacetrack._registry import references_of, refs, register_record_type
from peacetrack.dates import PartialDate
from peacetrack.errors import Problem, ValidationError

__all__ = ["Record", "Source"]

# Bound by assignment, not import: CPython 3.11 compiles ``PLANS.get(...)`` on an imported
# name as an attribute load (it expects a module), which costs ~30 ns on every record.
_PLANS = PLANS
_FAST_PATHS = FAST_PATHS


@attrs.frozen
class Record:
    """What every record has: an ``id`` and the ids of its ``sources``.

    Subclasses name themselves in ``record_type`` (``"party"``, ``"round"``, ...),
    the tag used in files and in error messages.
    """

    record_type: ClassVar[str] = "record"

    id: str = attrs.field(metadata=TEXT)
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, kw_only=True, metadata=refs("source")
    )

    def __attrs_post_init__(self) -> None:
        plan = _PLANS.get(type(self)) or plan_of(type(self), Record._rules)
        passed = _FAST_PATHS and fields_ok(self, plan)
        if passed and (not plan.has_rules or self._rules_hold()):
            return
        record_id = self.id if isinstance(self.id, str) and self.id.strip() else None
        problems = [] if passed else list(field_problems(self, record_id))
        problems.extend(self._rules(record_id))
        if problems:
            raise ValidationError(problems)

    def _rules(self, record_id: str | None) -> Iterator[Problem]:
        """Rules that involve more than one field of this record."""
        return iter(())

    def _rules_hold(self) -> bool:
        """A quick test, run once every field is good: ``True`` when :meth:`_rules`
        would find nothing (``False``: it may, so run it). Records are made by the
        million when a file is read; this spares them the rules' generator."""
        return False

    def references(self) -> Iterator[tuple[str, str]]:
        """Yield ``(field, id)`` for every id this record refers to, sources included,
        in field order (the fields declared with :func:`~peacetrack._registry.ref` and
        its kin)."""
        for reference in references_of(type(self)):
            for target in reference.ids(self):
                yield reference.field, target


@register_record_type("source")
@attrs.frozen
class Source(Record):
    """Where a fact comes from: a report, a statement, a resolution.

    >>> Source("afp-2016-05-31", "Russia denies air strikes in Idlib", "Agencies",
    ...        published="2016-05-31").published.precision.value
    'day'
    """

    title: str = attrs.field(metadata=TEXT)
    publisher: str = attrs.field(metadata=TEXT)
    url: str | None = attrs.field(default=None, metadata=OPTIONAL_TEXT)
    published: PartialDate | None = attrs.field(
        default=None, converter=to_date, metadata=OPTIONAL_DATE
    )
