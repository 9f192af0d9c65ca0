"""peacetrack.plot: the timeline and graph figures, and the missing-extra message."""

from __future__ import annotations

import io
import itertools
import struct
import subprocess
import sys
from typing import Any

import pytest

from peacetrack import (
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Incident,
    InvalidDateError,
    Membership,
    Party,
    PeacetrackError,
    Person,
    Process,
    Resignation,
    Round,
    Timeline,
    UnknownIdError,
)
from peacetrack.plot import MissingExtraError, figure_texts, graph_figure, timeline_figure


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _render(fig: Any, fmt: str = "png") -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def talks() -> Timeline:
    """A small Geneva-like case with every kind of thing the timeline draws."""
    return Timeline(
        [
            Party("un", "United Nations", "intergovernmental"),
            Party("us", "United States", "state"),
            Party("hnc", "High Negotiations Committee", "opposition"),
            Party("nusra", "Nusra Front", "armed_group"),
            Party("turkey", "Turkey", "state"),
            Party("sohr", "Syrian Observatory for Human Rights", "monitor"),
            Person("alloush", "Mohammed Alloush"),
            Process("geneva", "Intra-Syrian talks in Geneva", "un"),
            Process("other", "Some other talks", None),
            Delegation("hnc-d", "hnc", "geneva"),
            Round("r1", "geneva", 1, "2016-01/2016-02-03", "Geneva", "proximity", "suspended"),
            Round("r2", "geneva", 2, "2016-03-14/2016-03-24", "Geneva", "proximity", "concluded"),
            Round("r3", "geneva", 3, "2016-04-13/2016-04-27", "Geneva", "proximity", "adjourned"),
            Round("o1", "other", 1, "2016-02-10/2016-02-12", "Vienna", "direct", "concluded"),
            Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01-20/2016-05-29"),
            Resignation("res", "alloush", "m1", "2016-05-29"),
            Ceasefire(
                "coh",
                "Cessation of hostilities",
                "2016-02-27/..",
                exclusions=[{"party": "nusra", "reason": "designated"}],
            ),
            Designation("d-us", "nusra", "us", "terrorist organization", "2012-12/.."),
            Incident("idlib", "air strike", "2016-05-30", "Idlib"),
            Incident("captures", "capture", "2016-05", "northern Aleppo"),
            Claim("c1", "idlib", "sohr", "killed", 23),
            Claim("c2", "idlib", "turkey", "civilians killed", 60, qualifier="more than"),
            Claim("c3", "idlib", "turkey", "killed", 60, qualifier="more than"),
        ]
    )


def test_timeline_png_has_the_expected_size(talks: Timeline) -> None:
    fig = timeline_figure(talks)
    width, height = _png_size(_render(fig))
    assert (width, height) == tuple(round(v * fig.dpi) for v in fig.get_size_inches())
    assert width == 1200
    assert height >= 400


def test_bundled_case_figures_carry_their_labels_as_text_artists() -> None:
    from matplotlib.text import Text

    from peacetrack.datasets import geneva_2016

    t = geneva_2016()
    fig = timeline_figure(t)
    width, height = _png_size(_render(fig))
    assert width == 1200
    assert 400 <= height <= 1400
    artists = {a.get_text() for a in fig.findobj(Text)}
    for label in ("Round 1", "Round 2", "Round 3", "Mohammed Alloush resigned"):
        assert label in artists
    graph = graph_figure(t, at="2016-05-01")
    assert _png_size(_render(graph)) == (1100, 800)
    names = {a.get_text() for a in graph.findobj(Text)}
    assert {"Mohammed Alloush", "High Negotiations Committee", "member of"} <= names


def test_timeline_labels_rounds_resignation_and_gaps(talks: Timeline) -> None:
    texts = figure_texts(timeline_figure(talks, process="geneva"))
    for label in ("Round 1", "Round 2", "Round 3", "Mohammed Alloush resigned"):
        assert label in texts
    # 2016-02-03 to 2016-03-14, and 2016-03-24 to 2016-04-13
    assert "40 days" in texts
    assert "20 days" in texts
    assert "Intra-Syrian talks in Geneva" in texts
    assert "suspended" in texts


def test_timeline_marks_contested_incidents_and_ceasefire_exclusions(talks: Timeline) -> None:
    texts = figure_texts(timeline_figure(talks))
    assert "air strike, Idlib (contested)" in texts
    assert "capture, northern Aleppo" in texts
    assert any("Cessation of hostilities" in s and "excludes Nusra Front" in s for s in texts)


def test_designation_before_the_window_is_pinned_with_its_date(talks: Timeline) -> None:
    texts = figure_texts(timeline_figure(talks))
    assert "2012-12: United States: Nusra Front — terrorist organization" in texts


def test_partial_dates_are_hatched_and_exact_ones_are_not() -> None:
    def hatches(period: str) -> list[str | None]:
        t = Timeline(
            [
                Process("p", "Talks", None),
                Round("r", "p", 1, period, "Geneva", "proximity", "concluded"),
            ]
        )
        ax = timeline_figure(t).axes[0]
        return [patch.get_hatch() for patch in ax.patches]

    assert hatches("2016-03-14/2016-03-24") == [None]
    # January is uncertain (hatched), 31 January to 3 February is certain (solid)
    assert sorted(hatches("2016-01/2016-02-03"), key=str) == ["////", None]
    # A round known only to April: every day of it is uncertain
    assert hatches("2016-04/2016-04") == ["////"]


def test_process_filter_and_window(talks: Timeline) -> None:
    only_other = figure_texts(timeline_figure(talks, process="other"))
    assert "Round 1" in only_other
    assert "Round 3" not in only_other
    april = figure_texts(timeline_figure(talks, start="2016-04", end="2016-04"))
    assert "Round 3" in april
    assert "Round 2" not in april


def test_timeline_bad_arguments_raise_peacetrack_errors(talks: Timeline) -> None:
    with pytest.raises(UnknownIdError, match="no process with id 'nope'"):
        timeline_figure(talks, process="nope")
    with pytest.raises(UnknownIdError):
        timeline_figure(talks, process="alloush")  # a record, but not a process
    with pytest.raises(InvalidDateError, match="before start"):
        timeline_figure(talks, start="2016-05", end="2016-04")
    with pytest.raises(InvalidDateError):
        timeline_figure(talks, start="May 2016")


def test_empty_timeline_says_so() -> None:
    assert figure_texts(timeline_figure(Timeline())) == ["Nothing to draw"]


def test_svg_output(talks: Timeline) -> None:
    svg = _render(timeline_figure(talks), "svg")
    assert svg.lstrip().startswith(b"<?xml")
    assert b"<svg" in svg


def test_graph_png_size_names_and_legend(talks: Timeline) -> None:
    fig = graph_figure(talks)
    width, height = _png_size(_render(fig))
    assert (width, height) == (1100, 800)
    texts = figure_texts(fig)
    for name in ("Mohammed Alloush", "High Negotiations Committee", "Nusra Front"):
        assert name in texts
    for kind in ("member of", "excluded from", "designated by"):
        assert kind in texts


def test_graph_at_a_date_drops_what_was_not_in_force(talks: Timeline) -> None:
    before = figure_texts(graph_figure(talks, at="2016-05-01"))
    after = figure_texts(graph_figure(talks, at="2016-06-01"))
    assert "Parties and people on 2016-05-01" in before
    assert "member of" in before
    assert "member of" not in after
    with pytest.raises(InvalidDateError):
        graph_figure(talks, at="yesterday")


def test_graph_arrows_are_coloured_by_kind(talks: Timeline) -> None:
    ax = graph_figure(talks).axes[0]
    colours = {a.arrow_patch.get_edgecolor() for a in ax.texts if getattr(a, "arrow_patch", None)}
    assert len(colours) >= 3


def _overlapping_labels(fig: Any) -> list[tuple[str, str]]:
    """Pairs of node labels whose drawn boxes overlap, measured by the renderer."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [
        (text.get_text(), text.get_bbox_patch().get_window_extent(renderer))
        for text in fig.axes[0].texts
        if text.get_text() and text.get_bbox_patch() is not None
    ]
    assert len(boxes) >= 2
    return [
        (a, b)
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
        if box_a.overlaps(box_b)
    ]


@pytest.mark.parametrize("at", [None, "2016-04-20", "2016-05-01"], ids=["all", "round-3", "may"])
def test_geneva_graph_labels_do_not_overlap(at: str | None) -> None:
    from peacetrack.datasets import geneva_2016

    fig = graph_figure(geneva_2016(), at=at)
    assert _overlapping_labels(fig) == []
    inside = fig.bbox
    for text in fig.axes[0].texts:
        box = text.get_window_extent(fig.canvas.get_renderer())
        assert inside.x0 <= box.x0, text.get_text()
        assert box.x1 <= inside.x1, text.get_text()


def test_many_unlinked_nodes_are_laid_out_in_rows_without_overlap() -> None:
    t = Timeline(
        [Party(f"p{i}", f"Party number {i} " + "x" * (i % 17), "state") for i in range(40)]
    )
    fig = graph_figure(t)
    assert _overlapping_labels(fig) == []
    rows = {round(text.get_position()[1], 6) for text in fig.axes[0].texts}
    assert 1 < len(rows) < 40


@pytest.fixture
def no_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every ``import matplotlib...`` fail, as on a machine without the extra."""
    for name in list(sys.modules):
        if name == "matplotlib" or name.startswith("matplotlib."):
            monkeypatch.delitem(sys.modules, name)
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.usefixtures("no_matplotlib")
def test_missing_matplotlib_names_the_extra(talks: Timeline) -> None:
    for draw in (timeline_figure, graph_figure):
        with pytest.raises(PeacetrackError) as info:
            draw(talks)
        assert isinstance(info.value, ImportError)
        assert type(info.value).__name__ == "MissingExtraError"
        assert 'pip install "peacetrack[plot]"' in str(info.value)


def test_module_imports_without_matplotlib() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import peacetrack.plot\n"
        "try:\n"
        "    peacetrack.plot.timeline_figure(__import__('peacetrack').Timeline())\n"
        "except peacetrack.plot.MissingExtraError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 'pip install "peacetrack[plot]"' in out.stdout


def test_importing_the_module_does_not_import_matplotlib() -> None:
    code = "import peacetrack.plot, sys; assert 'matplotlib' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_missing_extra_error_is_both_kinds() -> None:
    err = MissingExtraError("x")
    assert isinstance(err, PeacetrackError)
    assert isinstance(err, ImportError)
