"""Speak the field's standards: one module per format.

- :mod:`peacetrack.interop.popolo` — people, organizations and memberships as
  `Popolo <https://www.popoloproject.com/>`_ JSON (``to_popolo`` / ``from_popolo``).
- :mod:`peacetrack.interop.timelinejs` — a TimelineJS3 JSON document
  (``to_timelinejs``), every string from the data HTML-escaped.
- :mod:`peacetrack.interop.mermaid` — a Mermaid ``timeline`` or ``gantt`` diagram
  (``to_mermaid``), text sanitized so it cannot break the diagram syntax.
- :mod:`peacetrack.interop.imported` — what reading outside data gives back: the
  :class:`~peacetrack.interop.imported.Report` of what was not carried, and the
  error a strict reading raises (shared with :mod:`peacetrack.importers`).

Dates are already EDTF strings throughout peacetrack; ``docs/interop-edtf.md`` says
how they compare with the reference implementation.

Examples
--------
>>> from peacetrack import Timeline, Person
>>> from peacetrack.interop import to_popolo
>>> to_popolo(Timeline([Person("p1", "Riad Hijab")]))["persons"]
[{'id': 'p1', 'name': 'Riad Hijab'}]
"""

from peacetrack.interop.mermaid import to_mermaid
from peacetrack.interop.popolo import from_popolo, to_popolo
from peacetrack.interop.timelinejs import to_timelinejs

__all__ = ["from_popolo", "to_mermaid", "to_popolo", "to_timelinejs"]
