"""``write_report``: a timeline as a folder holding a page a person can open and send on."""

from __future__ import annotations

import os
from pathlib import Path

from peacetrack.dates import DateLike, PartialDate
from peacetrack.errors import PeacetrackError
from peacetrack.report._html import render_index, write_assets
from peacetrack.report._page import page_data
from peacetrack.timeline import Timeline, require_timeline

__all__ = ["ReportError", "write_report"]


class ReportError(PeacetrackError, ValueError):
    """The report cannot be written: a bad argument, or a folder that cannot be used."""


def _limit(name: str, value: object, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ReportError(f"{name} must be an integer of at least {least}, got {value!r}")
    return value


def write_report(
    t: Timeline,
    directory: str | os.PathLike[str],
    *,
    at: DateLike | None = None,
    title: str | None = None,
    max_snapshots: int = 60,
    max_graph_nodes: int = 60,
) -> Path:
    """Write ``t`` as a self-contained static web page into ``directory``.

    The folder gets ``index.html`` and ``assets/`` (a script and a style sheet, no
    other files, nothing fetched from the network); open ``index.html`` from the
    file system or publish the folder as it is. The page shows a timeline overview,
    what was in force on each snapshot date (delegations and their members,
    ceasefires and exclusions, designations, positions, and the party graph), the
    contested claims side by side, every event (paged, with a filter) and the
    sources. Files already in the folder are left alone, except ``index.html`` and
    ``assets/report.*``, which are replaced.

    Parameters
    ----------
    t
        The timeline.
    directory
        The folder to write into; created if missing.
    at
        The date the page opens on (added to the snapshot dates). Default: the
        snapshot date with the most in force.
    title
        The page title. Default: the name of the timeline's one process, or a
        count of its processes.
    max_snapshots
        At most this many snapshot dates, spread evenly over the event dates.
    max_graph_nodes
        The graph shows at most this many parties, people and ceasefires: the most
        connected ones (the page says how many there are in all).

    Returns
    -------
    pathlib.Path
        The path of ``index.html``.

    Raises
    ------
    ReportError
        If a limit is not an integer of at least 2, or the folder cannot be
        created or written (the message says why).
    InvalidDateError
        If ``at`` is not a date.

    Examples
    --------
    >>> import tempfile
    >>> from peacetrack.datasets import geneva_2016
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     index = write_report(geneva_2016(), folder, at="2016-04")
    ...     sorted(p.name for p in index.parent.rglob("*"))
    ['assets', 'index.html', 'report.css', 'report.js']
    """
    require_timeline(t)
    date = None if at is None else PartialDate.coerce(at)
    snapshots = _limit("max_snapshots", max_snapshots, 2)
    nodes = _limit("max_graph_nodes", max_graph_nodes, 2)
    if title is not None and not isinstance(title, str):
        raise ReportError(f"title must be a string, got {type(title).__name__}")
    data = page_data(t, at=date, title=title, max_snapshots=snapshots, max_graph_nodes=nodes)
    folder = Path(directory)
    index = folder / "index.html"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_assets(folder)
        from peacetrack.io import write_atomic

        write_atomic(index, render_index(data).encode("utf-8"))
    except OSError as exc:
        raise ReportError(
            f"cannot write the report into {os.fspath(directory)}: {exc.strerror or exc}"
        ) from None
    return index
