"""Reading and writing timelines as JSON files.

A peacetrack file is one JSON object: the format version under ``"peacetrack"``
first, then the records, in the timeline's order::

    {"peacetrack": "2", "records": [
      {"type": "party", "id": "russia", "name": "Russia", "kind": "state"},
      {"type": "round", "id": "r3", "process": "geneva", "number": 3,
       "period": "2016-04-13/2016-04-27", "venue": "Geneva",
       "format": "proximity", "outcome": "adjourned"}]}

Each record's ``"type"`` is its :attr:`~peacetrack.records.Record.record_type`; its
other keys are the record's fields, in field order (``sources`` last). Dates are EDTF
strings, periods EDTF intervals (``..`` for an open end), enums their values. Fields
equal to their default are left out when writing and accepted either way when
reading. :data:`SCHEMA` is the JSON Schema (draft 2020-12) of the format, for
version 2 and the version 1 files this peacetrack still reads (migrated as
``docs/files.md`` says).

The guarantees:

- :func:`dumps` is deterministic and ``loads(dumps(t)) == t`` for every timeline.
- Nothing is dropped or guessed: an unknown field, an unknown record type, a key
  given twice or a value of the wrong type is an error that names it.
- Every problem in a file is reported at once, as one
  :class:`~peacetrack.errors.ValidationError` whose problems carry the record id
  and the field. A record without a usable id is named by its place,
  ``records[3]``. Problems with the document as a whole (not JSON, not UTF-8, too
  large, nested too deeply, a missing or unknown format version) raise
  :class:`~peacetrack.errors.LoadError`.
- Limits are checked before parsing: ``max_bytes`` (512 MiB by default) and a
  nesting depth of :data:`MAX_DEPTH`. ``NaN`` and ``Infinity`` are refused, and
  whole numbers must lie within ±(2**53 - 1) so that every JSON reader sees the
  same number.
- Reading never runs code: the loader is :mod:`json` and cattrs, nothing else.
- :func:`save` is atomic: a reader sees the old file or the new one, never half
  of one. :func:`save` and :func:`load` touch only regular files (or new paths): a
  directory, FIFO, socket or device is refused, never replaced, read or waited on.
  ``docs/files.md`` lists every guarantee about files.

Examples
--------
>>> from peacetrack import Party, Timeline
>>> t = Timeline([Party("russia", "Russia", "state")])
>>> text = dumps(t, indent=None)
>>> print(text[:60])
{"peacetrack": "2", "records": [{"type": "party", "id": "rus
>>> loads(text) == t
True
"""

from __future__ import annotations

# The package, one idea per module, each importing only those above it:
#   _json      reading JSON text safely (size, depth, UTF-8, NaN, repeated keys)
#   _convert   the cattrs converter: records to dicts and back, errors as problems
#   _migrate   older format versions, rewritten record by record to the current one
#   _document  the format version, the schema, dumps and loads
#   _schema    the JSON Schema, derived from the record registry
#   _write     writing one file safely: regular files only, atomic, no stale temp files
#   _files     load and save
from peacetrack._registry import RECORD_TYPES
from peacetrack.io._document import FORMAT_VERSION, SCHEMA, dumps, loads
from peacetrack.io._files import load, save
from peacetrack.io._json import MAX_BYTES, MAX_DEPTH, MAX_SAFE_INTEGER
from peacetrack.io._write import write_atomic

__all__ = [
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_SAFE_INTEGER",
    "RECORD_TYPES",
    "SCHEMA",
    "dumps",
    "load",
    "loads",
    "save",
    "write_atomic",
]
