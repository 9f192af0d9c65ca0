"""The page itself: an HTML frame, the data as JSON in it, and the assets beside it.

Nothing from a record is ever written into the HTML as markup. The frame holds only
the title (escaped with :func:`html.escape`); the data goes into a
``<script type="application/json">`` block, which browsers never execute, and JSON
there escapes ``<``, ``>``, ``&`` and U+2028/U+2029 as ``\\u`` escapes so no text can
close the block or start a comment. ``report.js`` reads the block with ``JSON.parse``
and puts every string in the page with ``textContent``. A Content-Security-Policy
meta tag allows scripts and styles only from the page's own folder, so even if markup
got in it could not run.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["ASSETS", "CSP", "render_index", "script_json", "write_assets"]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'"
)
"""The page's Content-Security-Policy: no inline script, nothing from elsewhere."""

ASSETS = ("report.js", "report.css")
"""The files copied into ``<directory>/assets``."""

_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script type="application/json">``
    block: ASCII only, with ``<``, ``>`` and ``&`` escaped.

    Examples
    --------
    >>> script_json({"name": "</script><img src=x onerror=alert(1)>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.translate(_ESCAPES)


_INDEX = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="peacetrack {version}">
<title>{title} - peacetrack report</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/report.css">
<script type="application/json" id="peacetrack-data">{data}</script>
<script src="assets/report.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header>
<h1 id="title">{title}</h1>
<p id="summary">This report needs JavaScript to show its data; open it in a web browser.</p>
<nav aria-label="Sections">
<ul>
<li><a href="#timeline">Timeline</a></li>
<li><a href="#snapshot">On a date</a></li>
<li><a href="#contested">Contested claims</a></li>
<li><a href="#events">Events</a></li>
<li><a href="#sources">Sources</a></li>
</ul>
</nav>
</header>
<main id="main">
<section id="timeline" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">Timeline</h2>
<p class="hint">Rounds of talks and ceasefires over time, and how many events fell in each
stretch. The line marks the date chosen below; click the picture to move it.</p>
<div class="controls" id="overview-zoom" role="group" aria-label="Show"></div>
<div class="scroll"><svg id="overview" role="img" aria-labelledby="overview-label"
 viewBox="0 0 1000 170"><title id="overview-label">Timeline overview</title></svg></div>
</section>
<section id="snapshot" aria-labelledby="snapshot-heading">
<h2 id="snapshot-heading">On a date</h2>
<div class="controls">
<button type="button" id="snapshot-prev">Earlier</button>
<label for="snapshot-slider">Date</label>
<input type="range" id="snapshot-slider" min="0" max="0" value="0" step="1">
<button type="button" id="snapshot-next">Later</button>
<output id="snapshot-date" for="snapshot-slider" aria-live="polite"></output>
</div>
<p id="snapshot-note" class="hint"></p>
<div class="panels">
<section aria-labelledby="rounds-heading"><h3 id="rounds-heading">Rounds in progress</h3>
<ul id="snapshot-rounds"></ul></section>
<section aria-labelledby="delegations-heading"><h3 id="delegations-heading">Delegations</h3>
<div id="snapshot-delegations"></div></section>
<section aria-labelledby="ceasefires-heading"><h3 id="ceasefires-heading">Ceasefires in force</h3>
<div id="snapshot-ceasefires"></div></section>
<section aria-labelledby="excluded-heading"><h3 id="excluded-heading">Excluded</h3>
<ul id="snapshot-excluded"></ul></section>
<section aria-labelledby="designations-heading"><h3 id="designations-heading">Designations</h3>
<ul id="snapshot-designations"></ul></section>
<section aria-labelledby="positions-heading"><h3 id="positions-heading">Positions</h3>
<ul id="snapshot-positions"></ul></section>
</div>
<figure id="graph-figure">
<div class="scroll"><svg id="graph" role="img" aria-labelledby="graph-label"
 viewBox="0 0 1000 760"><title id="graph-label">Party graph</title></svg></div>
<figcaption>
<p id="graph-note"></p>
<ul id="graph-legend" class="legend" aria-label="Legend"></ul>
<details><summary>The ties as a list</summary><ul id="graph-ties"></ul></details>
</figcaption>
</figure>
</section>
<section id="contested" aria-labelledby="contested-heading">
<h2 id="contested-heading">Contested claims</h2>
<p class="hint">Where sources disagree about the same fact, each claim side by side.</p>
<div id="contested-list"></div>
</section>
<section id="events" aria-labelledby="events-heading">
<h2 id="events-heading">Events</h2>
<div class="controls">
<label for="events-filter">Filter</label>
<input type="search" id="events-filter" placeholder="a name, a place, a year">
</div>
<p id="events-status" aria-live="polite"></p>
<ol id="event-list"></ol>
<div class="controls pager">
<button type="button" id="events-first">First</button>
<button type="button" id="events-prev">Previous</button>
<button type="button" id="events-next">Next</button>
<button type="button" id="events-last">Last</button>
</div>
</section>
<section id="sources" aria-labelledby="sources-heading">
<h2 id="sources-heading">Sources</h2>
<ol id="source-list"></ol>
</section>
</main>
<footer>
<p>Made with peacetrack {version}. Dates keep their precision: "April 2016" is the
month, "about" marks an approximate date and "perhaps" an uncertain one.</p>
</footer>
</body>
</html>
"""


def render_index(data: dict[str, Any]) -> str:
    """The ``index.html`` text for the page data (see ``_page.page_data``)."""
    return _INDEX.format(
        csp=html.escape(CSP, quote=True),
        version=html.escape(str(data["version"]), quote=True),
        title=html.escape(str(data["title"]), quote=True),
        data=script_json(data),
    )


def write_assets(directory: Path) -> list[Path]:
    """Copy the script and the style sheet into ``directory/assets``; return the paths."""
    target = directory / "assets"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ASSETS:
        source = resources.files("peacetrack.report").joinpath("assets", name)
        path = target / name
        path.write_bytes(source.read_bytes())
        written.append(path)
    return written
