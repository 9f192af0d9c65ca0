"""The one switch between the fast paths and the slow ones.

Several checks and constructors have a fast way for the common case and a slow way
that says exactly what is wrong (or builds an object through its checked
constructor); they are named alike, ``*_ok`` for the yes/no fast check and
``*_problems`` for the full report. Each fast way must agree with its slow way, and
the test suite proves it by running once more with the fast ways off:

    PEACETRACK_SLOW_PATHS=1 pytest

The switch is read once, at import. The pairs it turns:

- a record's own field checks (``_field_checks.fields_ok`` / ``field_problems``);
- a timeline's reference checks (``_timeline_rules.references_ok`` /
  ``reference_problems``);
- reading a file (``io._convert.FastReader`` / ``structure_record``);
- making events (slots filled directly / ``Event(...)``) and sorting them (packed keys
  for incidents and claims / the general rule).
- the events and references tables of ``peacetrack.tables`` (column by column from the
  event index and the registry's reference fields / ``t.events()`` and each record's
  ``references()``).
"""

from __future__ import annotations

import os
from typing import Final

FAST_PATHS: Final = os.environ.get("PEACETRACK_SLOW_PATHS", "") in ("", "0")
"""False when the environment sets ``PEACETRACK_SLOW_PATHS=1``."""
