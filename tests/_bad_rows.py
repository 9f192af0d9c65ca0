"""A hypothesis strategy the importer tests share: CSV rows, some with one bad cell."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import strategies as st

BadFile = tuple[list[dict[str, str]], dict[int, str]]


@st.composite
def files_with_bad_cells(
    draw: st.DrawFn,
    good: Mapping[str, str],
    bad_cells: Mapping[str, st.SearchStrategy[str]],
    id_column: str,
) -> BadFile:
    """Rows copied from ``good`` (each its own ``id_column``), some with one cell drawn
    from ``bad_cells``; and, by line in the file (the header is line 1), the column
    that is bad."""
    rows, bad = [], {}
    for i in range(draw(st.integers(1, 8))):
        row = {**good, id_column: str(i + 1)}
        if draw(st.booleans()):
            column = draw(st.sampled_from(sorted(bad_cells)))
            row[column] = draw(bad_cells[column])
            bad[i + 2] = column
        rows.append(row)
    return rows, bad
