"""Importers for the field's datasets, and the report every lenient import returns.

Each importer reads one kind of file into a :class:`~peacetrack.Timeline`. Strict (the
default), anything that cannot be carried is an
:class:`ImportFailedError` that counts the problems by kind and names each place (file,
line, column). Lenient, the importer loads what it can and returns
``Imported(timeline, report)``: the :class:`Report` counts what was left out, by kind,
with examples. Nothing is dropped without a word.
"""

from peacetrack.importers.csv import RECORD_TYPES, from_csv
from peacetrack.importers.pax import from_pax
from peacetrack.importers.ucdp_ged import from_ucdp_ged
from peacetrack.interop.imported import Imported, ImportFailedError, Report

__all__ = [
    "RECORD_TYPES",
    "ImportFailedError",
    "Imported",
    "Report",
    "from_csv",
    "from_pax",
    "from_ucdp_ged",
]
