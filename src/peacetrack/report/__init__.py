"""A timeline as a page people would rather look at: ``write_report``.

:func:`write_report` writes a static site (``index.html`` and ``assets/``) that works
from the file system with no network: a timeline overview, a date slider showing who
was in which delegation, which ceasefires were in force and who was excluded, the
party graph on that date (an SVG laid out here, with names as labels and a legend of
edge kinds), the contested claims side by side with their sources, every event
(paged, with a filter) and the list of sources. Dates read as they were given:
"April 2016", "about 30 May 2016", "perhaps 2016".

The page runs its own small script (no framework, no TimelineJS) under a strict
Content-Security-Policy; record text is data, never markup, so a name such as
``<img src=x onerror=alert(1)>`` shows as text.

Examples
--------
>>> date_in_words("2016-05-30~")
'about 30 May 2016'
"""

from peacetrack.report._page import page_data
from peacetrack.report._words import date_in_words, period_in_words
from peacetrack.report._write import ReportError, write_report

__all__ = ["ReportError", "date_in_words", "page_data", "period_in_words", "write_report"]
