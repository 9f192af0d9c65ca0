"""What every figure shares: the lazy matplotlib import, its error, a blank figure,
and a way to read a figure's text back."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from peacetrack.errors import PeacetrackError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

INSTALL_HINT = 'pip install "peacetrack[plot]"'


class MissingExtraError(PeacetrackError, ImportError):
    """An optional dependency is not installed; the message names the extra.

    It is also an :class:`ImportError`, so code that already guards optional
    imports keeps working.
    """

    # Tracebacks and reprs name it where users import it from.
    __module__ = "peacetrack.plot"


def require_matplotlib() -> None:
    """Import matplotlib (Agg canvas, no pyplot) or say which extra to install."""
    try:
        importlib.import_module("matplotlib")
        importlib.import_module("matplotlib.figure")
        importlib.import_module("matplotlib.backends.backend_agg")
    except ImportError as exc:
        raise MissingExtraError(
            f"peacetrack.plot draws with matplotlib, which is not installed; "
            f"install the plot extra: {INSTALL_HINT}"
        ) from exc


def new_figure(width: float, height: float) -> Figure:
    """A blank figure of this size in inches, on its own Agg canvas."""
    require_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def figure_texts(fig: Figure) -> list[str]:
    """Every non-empty string drawn in a figure: labels, titles, ticks, legend.

    Useful in tests: ``"Round 3" in figure_texts(fig)``.

    Examples
    --------
    >>> from peacetrack import Timeline
    >>> from peacetrack.plot import timeline_figure
    >>> figure_texts(timeline_figure(Timeline()))
    ['Nothing to draw']
    """
    fig.canvas.draw()  # tick labels are made when the figure is drawn
    titles: list[str] = []
    texts: list[Any] = []
    for ax in fig.axes:
        titles += [ax.get_title(loc) for loc in ("left", "center", "right")]
        texts += list(ax.texts)
        if ax.axison:
            for axis in (ax.xaxis, ax.yaxis):
                texts += [axis.label, axis.get_offset_text(), *axis.get_ticklabels()]
        legend = ax.get_legend()
        if legend is not None:
            texts += [legend.get_title(), *legend.get_texts()]
    for legend in fig.legends:
        texts += [legend.get_title(), *legend.get_texts()]
    drawn = [t.get_text() for t in texts if t.get_visible()]
    return [text for text in titles + drawn if text]
