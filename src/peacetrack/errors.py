"""The exceptions peacetrack raises.

Every error a user can cause derives from :class:`PeacetrackError`, so a caller can
catch one class and be sure a bad file or a bad record never escapes as anything
else. Validation collects *every* problem before raising, so a file is fixed in one
pass, the way cattrs groups class errors.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "InvalidDateError",
    "LoadError",
    "PeacetrackError",
    "Problem",
    "SaveError",
    "UnknownIdError",
    "ValidationError",
]


class PeacetrackError(Exception):
    """Base class of every error peacetrack raises on bad input."""


@attrs.frozen
class Problem:
    """One thing wrong with a record: which record, which field, and why.

    ``record_id`` is ``None`` when the problem is not tied to one record (a file
    that is not a JSON object, say); ``field`` is ``None`` when it concerns the whole
    record.

    Examples
    --------
    >>> str(Problem("r3", "period", "end 2016-04-01 is before start 2016-04-13"))
    'r3: period: end 2016-04-01 is before start 2016-04-13'
    """

    record_id: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [p for p in (self.record_id, self.field) if p]
        return ": ".join([*parts, self.message])


class ValidationError(PeacetrackError, ValueError):
    """One or more records break a rule; ``problems`` lists every one of them.

    Examples
    --------
    >>> err = ValidationError([Problem("m1", "person", "unknown id 'p9'")])
    >>> err.problems[0].field
    'person'
    >>> print(err)
    1 problem:
      m1: person: unknown id 'p9'
    """

    problems: tuple[Problem, ...]

    SHOWN = 100
    """How many problems the message lists; :attr:`problems` holds every one."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        n = len(self.problems)
        head = f"{n:,} problem{'s' if n != 1 else ''}:"
        lines = [head, *(f"  {p}" for p in self.problems[: self.SHOWN])]
        if n > self.SHOWN:
            lines.append(f"  ... and {n - self.SHOWN:,} more (the error's .problems lists all)")
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))


class LoadError(PeacetrackError):
    """A file or string could not be read as a peacetrack timeline.

    Raised for unreadable files, text that is not JSON, unknown format versions and
    documents whose shape is wrong. The message says what was found and what was
    expected.
    """


class SaveError(PeacetrackError, OSError):
    """A file could not be written where it was asked to be.

    Raised for a path peacetrack will not write to -- a directory, a FIFO, a socket,
    a device, a name holding a NUL -- and for an existing file that is not a
    peacetrack file when ``overwrite`` is false. It is also an :class:`OSError`, as
    every other failed write is.
    """


class InvalidDateError(PeacetrackError, ValueError):
    """A string or a set of numbers is not a date peacetrack can represent.

    The message quotes the input and says what was expected, e.g.
    ``'2016-13' is not a valid EDTF date: month 13 is not in 1..12``.
    """


class UnknownIdError(PeacetrackError, KeyError):
    """A query named a record id the timeline does not hold.

    It is also a :class:`KeyError`, so ``t["nope"]`` behaves like a mapping.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown id"
