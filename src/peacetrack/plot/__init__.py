"""Figures of a timeline and of its party graph, drawn with matplotlib.

This module needs the ``plot`` extra (``pip install "peacetrack[plot]"``).
matplotlib is imported only when a figure is drawn, so ``import peacetrack.plot``
always works; without matplotlib the drawing functions raise
:class:`MissingExtraError`, which says what to install.

Figures are built with matplotlib's object-oriented API on the Agg canvas: no
pyplot, no global state, no window. Each function returns a
:class:`matplotlib.figure.Figure`; save it with ``fig.savefig("out.png")``. The
formats ``peacetrack plot -o`` writes are ``.png``, ``.svg`` and ``.pdf``; ``savefig``
writes any other format matplotlib knows.

How partial dates are drawn
---------------------------
A date known only to the month covers the whole month. What is certain is drawn
solid; the span a partial end *might* cover is drawn hatched and faded, so "a round
that began in January 2016" shows a hatched January before its solid part, and a
resignation dated "2016-05" is a marker over a hatched May.

Examples
--------
>>> from peacetrack import Process, Round, Timeline
>>> t = Timeline([
...     Process("geneva", "Geneva talks", None),
...     Round("r1", "geneva", 1, "2016-01/2016-02-03", "Geneva", "proximity", "suspended"),
...     Round("r2", "geneva", 2, "2016-03-14/2016-03-24", "Geneva", "proximity", "concluded"),
... ])
>>> fig = timeline_figure(t)
>>> sorted(s for s in figure_texts(fig) if s.startswith("Round "))
['Round 1', 'Round 2']
>>> "40 days" in figure_texts(fig)
True
"""

from peacetrack.plot._graph import graph_figure
from peacetrack.plot._mpl import MissingExtraError, figure_texts
from peacetrack.plot._timeline import timeline_figure

__all__ = ["MissingExtraError", "figure_texts", "graph_figure", "timeline_figure"]
