"""UCDP GED events CSV → incidents, parties, claims, sources: on a real extract
(tests/data/ucdp) and on generated rows."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _bad_rows import BadFile, files_with_bad_cells
from peacetrack import Claim, Incident, PartialDate, Party
from peacetrack.errors import LoadError
from peacetrack.importers import Imported, ImportFailedError, from_ucdp_ged
from peacetrack.importers.ucdp_ged import REQUIRED

EXTRACT = Path(__file__).parent / "data" / "ucdp" / "ged-bangladesh-extract.csv"


def _rows() -> list[dict[str, str]]:
    with EXTRACT.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def imported() -> Imported:
    return from_ucdp_ged(EXTRACT, lenient=True)


def test_the_real_extract_loads_with_a_report(imported: Imported) -> None:
    t, report = imported
    rows = _rows()
    across_years = [r for r in rows if r["date_start"][:4] != r["date_end"][:4]]
    carried = [r for r in rows if r not in across_years]
    sides = {r[f"side_{s}_new_id"] for r in carried for s in "ab"}
    assert len(t.incidents) == len(carried)
    assert {p.id for p in t.parties} == {f"ucdp-actor-{i}" for i in sides} | {"ucdp"}
    assert len(t.claims) == 3 * len(carried)
    dyads = {
        (r["side_a_new_id"], r["side_b_new_id"]) for r in carried if r["type_of_violence"] != "3"
    }
    assert {(r.source, r.target) for r in t.relations} == {
        (f"ucdp-actor-{a}", f"ucdp-actor-{b}") for a, b in dyads
    }
    assert {r.kind.value for r in t.relations} == {"fights"}
    with_source = [r for r in carried if r["source_headline"] or r["source_article"]]
    assert len(t.sources) == len(with_source) + 1  # one per event, and the dataset
    multi = [r for r in carried if r["date_start"] != r["date_end"]]
    by_month = [r for r in multi if r["date_start"][:7] == r["date_end"][:7]]
    assert report.not_carried["event over several days dated by its month"] == len(by_month)
    assert report.not_carried["event over several days dated by its year"] == len(multi) - len(
        by_month
    )
    assert report.not_carried["value of column 'priogrid_gid'"] == sum(
        bool(r["priogrid_gid"]) for r in rows
    )
    assert report.carried == dict(Counter(type(r).__name__ for r in t.records).most_common())


def test_the_counts_of_the_real_extract(imported: Imported) -> None:
    # Pinned, so a change in what is carried shows here (the test above derives them).
    assert imported.report.carried == {
        "Claim": 138,
        "Source": 46,
        "Incident": 46,
        "Party": 13,
        "Relation": 6,
    }
    assert imported.report.not_carried["event over several days dated by its month"] == 20


def test_rows_become_incidents_with_parties_claims_and_sources(imported: Imported) -> None:
    t = imported.timeline
    by_id = {r["id"]: r for r in _rows()}
    for incident in t.incidents:
        row = by_id[incident.id.removeprefix("ucdp-ged-")]
        assert incident.parties == (
            f"ucdp-actor-{row['side_a_new_id']}",
            f"ucdp-actor-{row['side_b_new_id']}",
        )
        start, end = PartialDate.parse(row["date_start"]), PartialDate.parse(row["date_end"])
        # The date holds both ends, and is the day itself when they are one day.
        assert incident.date.earliest <= start.earliest
        assert end.latest <= incident.date.latest
        if start == end:
            assert (incident.date.day, incident.date.approximate) == (
                start.day,
                row["date_prec"] != "1",
            )
        claims = {
            (c.predicate, c.qualifier.value): c.value
            for c in t.claims_about(incident.id)
            if c.qualifier
        }
        assert claims == {
            ("deaths, low estimate", "at least"): int(row["low"]),
            ("deaths", "about"): int(row["best"]),
            ("deaths, high estimate", "at most"): int(row["high"]),
        }
        assert all(c.claimant == "ucdp" for c in t.claims_about(incident.id))
        assert "ucdp-ged" in incident.sources
    # One claimant, one answer per question: nothing reads as a revision or a dispute.
    assert not t.revisions()
    assert not t.contested()
    for party in t.parties:  # the UCDP actor id is each side's identifier
        if party.id != "ucdp":
            assert t.by_identifier("ucdp", party.id.removeprefix("ucdp-actor-")) == party
    government = t["ucdp-actor-143"]
    assert isinstance(government, Party)
    assert government.kind.value == "government"
    assert t["ucdp-actor-1"].kind.value == "other"  # UCDP's "Civilians"
    assert t["ucdp-actor-285"].kind.value == "armed_group"


def test_ucdps_best_estimate_meets_other_sources(imported: Imported) -> None:
    t = imported.timeline
    witness = Party("witness", "A local monitor", "monitor")
    far = Claim("w1", "ucdp-ged-73641", "witness", "Deaths", 40, qualifier="more than")
    near = Claim("w2", "ucdp-ged-73663", "witness", "deaths", 3)
    both = t.with_records(witness, far, near)
    # UCDP said "about 1" on 73641: "more than 40" cannot also be true; 73663 agrees.
    assert set(both.contested()) == {("ucdp-ged-73641", "deaths")}


def test_strict_reading_refuses_what_it_does_not_carry() -> None:
    with pytest.raises(ImportFailedError) as caught:
        from_ucdp_ged(EXTRACT)
    assert "value of column 'latitude'" in caught.value.counts
    assert str(caught.value).startswith(f"cannot import {EXTRACT}: ")


# -- generated rows ------------------------------------------------------------------------

GOOD = {
    "id": "1",
    "type_of_violence": "1",
    "side_a_new_id": "143",
    "side_a": "Government of Bangladesh",
    "side_b_new_id": "285",
    "side_b": "JSS/SB",
    "date_prec": "1",
    "date_start": "1991-03-06",
    "date_end": "1991-03-06",
    "low": "1",
    "best": "2",
    "high": "3",
}


def _csv(rows: list[dict[str, str]]) -> io.StringIO:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(GOOD), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    out.seek(0)
    out.name = "gen.csv"
    return out


BAD_CELLS = {
    "type_of_violence": st.sampled_from(["0", "4", "x", ""]),
    "date_prec": st.sampled_from(["0", "6", "", "one"]),
    "date_start": st.sampled_from(["1991-13-01", "soon", ""]),
    "low": st.sampled_from(["-1", "1.5", "many", ""]),
    "best": st.sampled_from(["x", "2e3"]),
    "side_a": st.just(""),
}


def files() -> st.SearchStrategy[BadFile]:
    """Rows, some with one bad cell; and, by line, the column that is bad."""
    return files_with_bad_cells(GOOD, BAD_CELLS, "id")


@settings(max_examples=60, deadline=None)
@given(files())
def test_every_bad_row_is_a_problem_naming_file_line_and_column(
    case: tuple[list[dict[str, str]], dict[int, str]],
) -> None:
    rows, bad = case
    t, report = from_ucdp_ged(_csv(rows), lenient=True)
    # Nothing dropped silently: a row is an incident or a reported problem.
    assert len(t.incidents) == len(rows) - len(bad)
    reported = [e for examples in report.examples.values() for e in examples]
    if bad:
        with pytest.raises(ImportFailedError) as caught:
            from_ucdp_ged(_csv(rows))
        problems = caught.value.problems
        for line, column in bad.items():
            assert any(
                p.startswith(f"gen.csv:{line}: {column}")
                or (column == "date_start" and p.startswith(f"gen.csv:{line}: date_start"))
                for p in problems
            ), (line, column, problems)
        assert reported
    else:
        assert report.complete
        assert isinstance(from_ucdp_ged(_csv(rows))["ucdp-ged-1"], Incident)


def test_an_event_across_a_new_year_is_not_carried() -> None:
    row = {**GOOD, "date_prec": "5", "date_start": "1991-12-30", "date_end": "1992-01-02"}
    t, report = from_ucdp_ged(_csv([row]), lenient=True)
    assert not t.incidents
    (kind,) = [k for k in report.not_carried if k.startswith("event across a new year")]
    assert report.examples[kind][0].startswith("gen.csv:2: date_end: 1991-12-30 to 1992-01-02")


def test_a_missing_column_or_a_file_that_is_not_csv_is_a_load_error(tmp_path: Path) -> None:
    header = ",".join(c for c in GOOD if c != "best")
    with pytest.raises(LoadError, match="missing column 'best'"):
        from_ucdp_ged(io.StringIO(header + "\n"))
    path = tmp_path / "latin1.csv"
    path.write_bytes(",".join(GOOD).encode() + b"\n1,\xe9\n")
    with pytest.raises(LoadError, match="not UTF-8"):
        from_ucdp_ged(path)
    with pytest.raises(LoadError, match="cannot read"):
        from_ucdp_ged(tmp_path / "missing.csv")
    assert set(REQUIRED) <= set(GOOD)


def test_the_same_event_twice_is_reported() -> None:
    t, report = from_ucdp_ged(_csv([GOOD, GOOD]), lenient=True)
    assert len(t.incidents) == 1
    assert report.examples["event id seen before"] == (
        "gen.csv:3: id: ucdp-ged-1 is on an earlier line",
    )
    assert isinstance(t["ucdp-ged-1-deaths-best"], Claim)
