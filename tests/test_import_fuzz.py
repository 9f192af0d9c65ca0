"""Hostile input to the readers of outside data: any text gives a timeline (lenient),
or a PeacetrackError — never a traceback, never a hang."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacetrack import graph
from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.importers import from_csv, from_ucdp_ged
from peacetrack.importers.ucdp_ged import REQUIRED
from peacetrack.interop.popolo import from_popolo

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CELL = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["", "1", "-1", "1991-02-30", "2016-04~", '"', "a,b", "x\ny", "0" * 30]
)


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@FUZZ
@given(st.lists(st.lists(CELL, min_size=len(REQUIRED), max_size=len(REQUIRED) + 1), max_size=6))
def test_ucdp_ged_takes_any_cells(rows: list[list[str]]) -> None:
    text = _csv_text(list(REQUIRED), rows)
    try:
        t, report = from_ucdp_ged(io.StringIO(text), lenient=True)
    except PeacetrackError:
        return
    assert len(t.incidents) <= len(rows)
    str(report)


@FUZZ
@given(st.text(max_size=300))
def test_csv_readers_take_any_text(text: str) -> None:
    for read in (
        lambda f: from_ucdp_ged(f, lenient=True),
        lambda f: from_csv(f, "party", lenient=True),
        lambda f: from_csv(f, "incident", lenient=True),
    ):
        with contextlib.suppress(PeacetrackError):
            read(io.StringIO(text))


@FUZZ
@given(st.text(max_size=300))
def test_graph_readers_take_any_text(text: str) -> None:
    for fmt in graph.READABLE:
        with contextlib.suppress(PeacetrackError):
            graph.from_text(text, fmt)


@FUZZ
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=6),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
        ),
        max_leaves=20,
    )
)
def test_popolo_takes_any_json(doc: object) -> None:
    for key in ("persons", "organizations", "memberships"):
        for candidate in (doc, {key: doc}, {key: [doc]}):
            with contextlib.suppress(PeacetrackError):
                from_popolo(candidate, lenient=True)  # type: ignore[arg-type]


def test_a_cell_beyond_the_limit_an_empty_file_or_a_doubled_column_is_a_load_error() -> None:
    header = ",".join(REQUIRED)
    with pytest.raises(LoadError, match="not CSV"):
        from_ucdp_ged(io.StringIO(header + "\n" + "x" * (1 << 21) + "\n"))
    # A NUL is data to Python 3.11's csv, and kept as it is.
    assert from_csv(io.StringIO("id,name,kind\na,x\x00y,state\n"), "party")["a"].name == "x\x00y"
    with pytest.raises(LoadError, match="empty file"):
        from_csv(io.StringIO(""), "party")
    with pytest.raises(LoadError, match="column 'id' appears twice"):
        from_csv(io.StringIO("id,id,name,kind\n"), "party")
