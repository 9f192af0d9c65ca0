"""Bundled cases: real negotiations, modelled record by record, every fact sourced.

Each case is a JSON file in the peacetrack file format shipped inside the package,
read with :func:`peacetrack.io.loads` and validated like any user file. The parsed
:class:`~peacetrack.timeline.Timeline` is immutable, so it is built once and cached.

Examples
--------
>>> from peacetrack.datasets import geneva_2016
>>> t = geneva_2016()
>>> [str(r.period) for r in t.rounds]
['2016-01-29/2016-02-03', '2016-03-14/2016-03-24', '2016-04-13/2016-04-27']
>>> geneva_2016() is t
True
"""

from __future__ import annotations

import functools
from importlib import resources

from peacetrack.io import loads
from peacetrack.timeline import Timeline

__all__ = ["geneva_2016"]


@functools.cache
def geneva_2016() -> Timeline:
    """The 2016 UN-mediated intra-Syrian proximity talks in Geneva.

    Modelled from an agency report published on Tuesday 31 May 2016 ("Russia denies
    conducting fatal air strikes in Syria's Idlib"), with further public sources for
    every fact the report does not give: the rounds' exact dates, Nusra's place in
    the Army of Conquest, the US and UN designations, the February 2016 cessation of
    hostilities. ``docs/geneva-2016.md`` explains each date and each choice.

    Returns
    -------
    Timeline
        The same (immutable) object on every call.

    Examples
    --------
    >>> t = geneva_2016()
    >>> alloush = t["alloush-resigns"]
    >>> str(alloush.date), alloush.submitted_to
    ('2016-05-29', 'hnc')
    >>> sorted(c.claimant for c in t.contested()[("idlib-air-strikes", "killed")])
    ['sohr', 'turkey']
    """
    text = resources.files(__name__).joinpath("geneva_2016.json").read_text(encoding="utf-8")
    return loads(text)
