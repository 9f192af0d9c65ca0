"""The peacetrack document: its version, its schema, and the text of a timeline.

:func:`dumps` writes ``{"peacetrack": "2", "records": [...]}``; :func:`loads` reads
it back, collecting the problems of every record and then the timeline-wide ones
before raising once. Files of an older version are read through
:mod:`peacetrack.io._migrate`.
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
from collections.abc import Iterator
from typing import Any, Final

from peacetrack import _timeline_rules
from peacetrack._fast import FAST_PATHS
from peacetrack.errors import LoadError, Problem, ValidationError
from peacetrack.io._convert import CONVERTER, record_name, structure_record
from peacetrack.io._fast_reader import FastReader
from peacetrack.io._json import (
    MAX_BYTES,
    MAX_SAFE_INTEGER,
    JSONObject,
    OutOfRange,
    describe,
    parse,
    short,
)
from peacetrack.io._migrate import migrate
from peacetrack.io._schema import build_schema
from peacetrack.records import Record
from peacetrack.timeline import Timeline, require_timeline

FORMAT_VERSION: Final = "2"
"""The version of the file format this peacetrack writes; it reads this one and every
older one (``"1"``), migrated."""

_READS = ", ".join(str(v) for v in range(1, int(FORMAT_VERSION))) + f" and {FORMAT_VERSION}"

SCHEMA: Final[dict[str, Any]] = build_schema()
"""The JSON Schema (draft 2020-12) of the file format, as a dict.

It describes the shape of a file, and is derived from the record registry: a
record type is in it once registered. The loader checks more than a schema can say:
that dates exist in the calendar, that a period does not end before it starts,
that ids are unique and references resolve.
"""


def _check_version(document: dict[str, Any]) -> int:
    """The major format version of ``document``, if this peacetrack reads it."""
    if "peacetrack" not in document:
        raise LoadError(
            f'missing the format version: expected "peacetrack": "{FORMAT_VERSION}" '
            "as the first key of the document"
        )
    version = document["peacetrack"]
    if not isinstance(version, str):
        raise LoadError(
            f'the format version "peacetrack" must be a string such as "{FORMAT_VERSION}", '
            f"got {describe(version)}"
        )
    match = re.fullmatch(r"(\d{1,9})(?:\.(\d{1,9}))?", version, re.ASCII)
    if match is None or int(match[1]) < 1:
        raise LoadError(
            f"unknown format version {short(version)!r}; this peacetrack reads versions {_READS}"
        )
    if (int(match[1]), int(match[2] or 0)) > (int(FORMAT_VERSION), 0):
        raise LoadError(
            f"the file is format version {version}, newer than version {FORMAT_VERSION} that "
            "this peacetrack reads; upgrade peacetrack to read it"
        )
    return int(match[1])


def _shorten(problem: Problem) -> Problem:
    record_id = None if problem.record_id is None else short(problem.record_id)
    field = None if problem.field is None else short(problem.field)
    return Problem(record_id, field, short(problem.message))


def dumps(t: Timeline, *, indent: int | None = 2) -> str:
    """The timeline as peacetrack JSON text.

    Records are written in the timeline's order, each record's keys in field order
    (``type`` and ``id`` first, ``sources`` last); fields equal to their default
    are left out. The same timeline always gives the same text.

    Parameters
    ----------
    t
        The timeline to write.
    indent
        Spaces per level, or ``None`` for one line.

    Returns
    -------
    str
        JSON text; non-ASCII text is written as is (UTF-8 when saved).

    Raises
    ------
    ValidationError
        For a whole number beyond ±(2**53 - 1), which other JSON readers would
        misread (and :func:`loads` refuses).

    Examples
    --------
    >>> from peacetrack import Person, Timeline
    >>> print(dumps(Timeline([Person("alloush", "Mohammed Alloush")])))
    {
      "peacetrack": "2",
      "records": [
        {
          "type": "person",
          "id": "alloush",
          "name": "Mohammed Alloush"
        }
      ]
    }
    """
    require_timeline(t)
    records = [CONVERTER.unstructure(record, type(record)) for record in t.records]
    problems = [
        Problem(record["id"], key, str(OutOfRange(str(value))))
        for record in records
        for key, value in record.items()
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER
    ]
    if problems:
        raise ValidationError(problems)
    document = {"peacetrack": FORMAT_VERSION, "records": records}
    text = json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: escape it, or no file could hold it
        text = json.dumps(document, indent=indent, ensure_ascii=True, allow_nan=False)
    return text


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector for the block, if it was running.

    Reading a file makes millions of objects and no reference cycles; the collector,
    which starts after every few hundred new objects and now and then walks the
    whole heap, would find nothing, yet it took about a third of the time of
    reading a large file (CPython 3.11). Objects that are not part of a cycle are
    still freed at once; whatever cycles the block makes are found at the next
    collection after it. A collector paused by someone else stays paused.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def loads(text: str | bytes, *, max_bytes: int = MAX_BYTES) -> Timeline:
    """Read a timeline from peacetrack JSON text.

    Every record is read, and every problem in every record is collected, before
    anything is raised; the timeline-wide rules (unique ids, references, ...) are
    then checked on the records that could be read.

    Parameters
    ----------
    text
        JSON text, or UTF-8 bytes.
    max_bytes
        Refuse larger input before parsing it.

    Returns
    -------
    Timeline

    Raises
    ------
    LoadError
        For input that is too large, not UTF-8, not JSON, nested more than
        :data:`MAX_DEPTH` deep, not a JSON object, or without a format version this
        peacetrack reads (version 1 files are read as version 2: see
        ``docs/files.md``).
    ValidationError
        Listing every problem with the records, each with the record id (or
        ``records[i]`` when the record has no usable id) and the field.

    Examples
    --------
    >>> t = loads('{"peacetrack": "2", "records": [{"type": "person", "id": "p", "name": "A"}]}')
    >>> t["p"].name
    'A'
    >>> loads('{"peacetrack": "2", "records": [{"type": "person", "id": "p", "nam": "A"}]}')
    Traceback (most recent call last):
    ...
    peacetrack.errors.ValidationError: 2 problems:
      p: name: missing; this field is required
      p: nam: unknown field; Person has id, sources, name, aliases, names, identifiers, links
    """
    with _cycle_collector_paused():
        return _loads(text, max_bytes)


def _no_fast_way(raw: Any) -> None:
    return None


def _loads(text: str | bytes, max_bytes: int) -> Timeline:
    document = parse(text, max_bytes)
    if not isinstance(document, dict):
        raise LoadError(
            f"expected a JSON object at the top level, got {describe(document).split()[0]}"
        )
    if isinstance(document, JSONObject) and document.repeated:
        raise LoadError(f"key {document.repeated[0]!r} given more than once in the document")
    major = _check_version(document)
    problems = [
        Problem(None, short(key), 'unknown top-level key; expected "peacetrack" and "records"')
        for key in document
        if key not in ("peacetrack", "records")
    ]
    if "records" not in document:
        raise LoadError('missing "records": expected a list of record objects')
    raw_records = document["records"]
    if not isinstance(raw_records, list):
        raise LoadError(f'"records" must be a list of record objects, got {describe(raw_records)}')
    if major < int(FORMAT_VERSION):
        raw_records, migration_problems = migrate(raw_records, major, int(FORMAT_VERSION))
        problems.extend(migration_problems)
    records: list[Record] = []
    failed: set[str] = set()
    fast = FastReader().read if FAST_PATHS else _no_fast_way
    add = records.append
    for index, raw in enumerate(raw_records):
        record = fast(raw)
        if record is not None:
            add(record)
            continue
        # The slow way, which says what is wrong (or reads what the fast way would not).
        record, record_problems = structure_record(raw, index)
        problems.extend(record_problems)
        if record is None:
            failed.add(record_name(raw, index))
        else:
            add(record)
    if problems:
        # The timeline rules too, less references to records that are in the file but
        # could not be read (their own problems are reported already).
        problems.extend(_timeline_rules.check_records(records, known_missing=frozenset(failed)))
        raise ValidationError(_shorten(p) for p in problems)
    try:
        return Timeline(records)
    except ValidationError as exc:
        raise ValidationError(_shorten(p) for p in exc.problems) from None
