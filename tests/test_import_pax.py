"""PA-X peace agreements CSV → agreements, processes, sources, claims: on a real
extract (tests/data/pax), on generated rows, on each kind of bad row, and from the
command line."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _bad_rows import BadFile, files_with_bad_cells
from peacetrack import Agreement, Claim, PartialDate, Process
from peacetrack.cli import main
from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.importers import Imported, ImportFailedError, from_pax
from peacetrack.importers.pax import CLAIMS, DATASET, KINDS, PAX, REQUIRED, STAGES
from peacetrack.io import dumps, load, loads

EXTRACT = Path(__file__).parent / "data" / "pax" / "pax-v6-syria-extract.csv"
READ = {*REQUIRED, *(column for column, _ in CLAIMS)}


def _rows() -> list[dict[str, str]]:
    with EXTRACT.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def imported() -> Imported:
    return from_pax(EXTRACT, lenient=True)


# -- the real extract ----------------------------------------------------------------------


def test_the_real_extract_loads_with_a_report(imported: Imported) -> None:
    t, report = imported
    rows = _rows()
    assert len(t.agreements()) == len(rows)
    assert {a.id for a in t.agreements()} == {f"pax-agt-{r['AgtId']}" for r in rows}
    assert {p.id: p.name for p in t.processes} == {
        f"pax-pp-{r['PP']}": r["PPName"].strip() for r in rows
    }
    cells = [(r, column) for r in rows for column, _ in CLAIMS if r[column].strip()]
    assert len(t.claims) == len(cells)
    assert all(c.claimant == PAX for c in t.claims)
    assert len(t.sources) == len(rows) + 1  # one entry per agreement, and the dataset
    assert [p.id for p in t.parties] == [PAX]
    assert report.not_carried["value of column 'StageSub'"] == sum(
        bool(r["StageSub"].strip()) for r in rows
    )
    assert report.carried == dict(Counter(type(r).__name__ for r in t.records).most_common())


def test_the_counts_of_the_real_extract(imported: Imported) -> None:
    # Pinned, so a change in what is carried shows here (the test above derives them).
    assert imported.report.carried == {
        "Claim": 103,
        "Source": 60,
        "Agreement": 59,
        "Process": 16,
        "Party": 1,
    }
    assert len(imported.timeline.agreements(process="pax-pp-115")) == 19


def test_each_row_becomes_its_agreement(imported: Imported) -> None:
    t = imported.timeline
    for row in _rows():
        a = t[f"pax-agt-{row['AgtId']}"]
        assert isinstance(a, Agreement)
        assert a.name == " ".join(row["Agt"].split())
        assert a.date == PartialDate.parse(row["Dat"])
        assert a.kind == KINDS[row["Stage"]]
        assert a.process == f"pax-pp-{row['PP']}"
        assert a.sources == (f"{a.id}-source", DATASET)
        assert row["AgtId"] in t[a.sources[0]].title  # PA-X's id, findable
        assert a.signatories == ()  # Part is free text: kept as a claim, not split
        said = {c.predicate: c.value for c in t.claims_about(a.id)}
        for column, predicate in CLAIMS:
            expected = row[column].strip().replace("\r\n", "\n")
            assert said.get(predicate) == (expected or None), (a.id, column)


def test_every_column_is_read_or_reported() -> None:
    rows = _rows()
    with pytest.raises(ImportFailedError) as caught:
        from_pax(EXTRACT)
    reported = {
        p.split(": ")[1]: int(p.split(": ")[2].split()[0])
        for p in caught.value.problems
        if p.endswith("rows have a value")
    }
    with_values = {c: sum(bool(r[c].strip()) for r in rows) for c in rows[0]}
    assert reported == {c: n for c, n in with_values.items() if n and c not in READ}
    assert len(reported) > 200  # PA-X v6 has 267 columns; most are provision coding
    assert str(caught.value).startswith(f"cannot import {EXTRACT}: ")
    kinds = caught.value.counts  # problems by kind: one per column
    coding = {c: n for c, n in reported.items() if f"value of column {c!r}" not in kinds}
    assert {"GCh", "ImSrc"} <= set(coding)  # PA-X's provision coding, first to last
    assert kinds["value of a provision-coding or other column"] == len(coding)
    report = from_pax(EXTRACT, lenient=True).report  # items by kind: one per value
    assert report.not_carried["value of a provision-coding or other column"] == sum(coding.values())


def test_the_syrian_peace_process(imported: Imported) -> None:
    t = imported.timeline
    syria = t.agreements(process="pax-pp-115")
    assert [a.date for a in syria] == sorted(a.date for a in syria)
    memo = t["pax-agt-2093"]
    assert memo.name.startswith("Memorandum on the Creation of De-escalation areas")
    assert memo.kind.value == "ceasefire"
    assert memo in t.agreements(at="2017-06-01")
    parties = {c.predicate: c.value for c in t.claims_about("pax-agt-2093")}
    assert parties["parties, as PA-X lists them"] == (
        "Islamic Republic of Iran;\nRussian Federation;\nRepublic of Turkey;"
    )


def test_the_imported_timeline_survives_a_file_round_trip(imported: Imported) -> None:
    t = imported.timeline
    assert loads(dumps(t)).records == t.records


# -- generated rows ------------------------------------------------------------------------

HEADER = ["Con", "PP", "PPName", "AgtId", "Agt", "Dat", "Stage", "StageSub", "Part", "ThrdPart"]
GOOD = {
    "Con": "Syria",
    "PP": "115",
    "PPName": "Syrian peace process",
    "AgtId": "2093",
    "Agt": "Memorandum on the Creation of De-escalation areas",
    "Dat": "2017-05-04",
    "Stage": "Cea",
    "StageSub": "",
    "Part": "Islamic Republic of Iran; Russian Federation",
    "ThrdPart": "",
}
"""A good row, on one line (the line numbers below count on it)."""


def _csv(rows: list[dict[str, str]], header: list[str] = HEADER) -> io.StringIO:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    out.seek(0)
    out.name = "gen.csv"
    return out


_WORDS = st.text(
    st.characters(categories=("L", "N", "P", "Zs")) | st.sampled_from(["\n", "\r", "\t"]),
    max_size=30,
)


@st.composite
def agreements(draw: st.DrawFn) -> list[dict[str, str]]:
    """Good rows: distinct ids, a few processes (each with one name), every stage and
    sub-stage, names and party lists with line breaks and any script."""
    ids = draw(st.lists(st.integers(1, 10**6), min_size=1, max_size=12, unique=True))
    rows = []
    for agt_id in ids:
        stage = draw(st.sampled_from(sorted(KINDS)))
        day = draw(st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31)))
        pp = draw(st.sampled_from(["1", "67", "115"]))
        rows.append(
            {
                **GOOD,
                "AgtId": str(agt_id),
                "Agt": draw(_WORDS.filter(lambda s: s.strip())),
                "Dat": day.isoformat(),
                "Stage": stage,
                "StageSub": draw(st.sampled_from(["", *sorted(STAGES[stage])])),
                "PP": pp,
                "PPName": f"process {pp}",
                "Part": draw(_WORDS),
                "ThrdPart": draw(_WORDS),
            }
        )
    return rows


@settings(max_examples=60, deadline=None)
@given(agreements())
def test_generated_rows_are_each_an_agreement(rows: list[dict[str, str]]) -> None:
    t, report = from_pax(_csv(rows), lenient=True)
    assert len(t.agreements()) == len(rows)
    assert {p.id for p in t.processes} == {f"pax-pp-{r['PP']}" for r in rows}
    for row in rows:
        a = t[f"pax-agt-{row['AgtId']}"]
        assert isinstance(a, Agreement)
        assert a.name == " ".join(row["Agt"].split())
        assert a.date == PartialDate.parse(row["Dat"])
        assert a.kind == KINDS[row["Stage"]]
    claims = sum(bool(r[c].strip()) for r in rows for c in ("Part", "ThrdPart"))
    assert len(t.claims) == claims
    # Only what has no place in peacetrack is reported: the sub-stage and Con.
    assert report.not_carried == {
        **{"value of column 'Con'": len(rows)},
        **(
            {"value of column 'StageSub'": n}
            if (n := sum(bool(r["StageSub"]) for r in rows))
            else {}
        ),
    }
    assert loads(dumps(t)).records == t.records


BAD_CELLS = {
    "AgtId": st.sampled_from(["0", "-3", "12a", "", "1.5", "٣"]),
    "Agt": st.sampled_from(["", " \t "]),
    "Dat": st.sampled_from(["04/05/2017", "2017-02-30", "soon", "", "2017-5-4", "2017"]),
    "Stage": st.sampled_from(["", "Peace", "cea"]),
    "StageSub": st.sampled_from(["ImpMod", "Xyz", "ceas"]),
    "PP": st.sampled_from(["x", "0", ""]),
    "PPName": st.just(""),
}


def files() -> st.SearchStrategy[BadFile]:
    """Rows, some with one bad cell; and, by line, the column that is bad."""
    return files_with_bad_cells(GOOD, BAD_CELLS, "AgtId")


@settings(max_examples=60, deadline=None)
@given(files())
def test_every_bad_row_is_a_problem_naming_file_line_and_column(
    case: tuple[list[dict[str, str]], dict[int, str]],
) -> None:
    rows, bad = case
    t, report = from_pax(_csv(rows), lenient=True)
    # Nothing dropped silently: a row is an agreement or a reported problem.
    assert len(t.agreements()) == len(rows) - len(bad)
    with pytest.raises(ImportFailedError) as caught:
        from_pax(_csv(rows))  # the Con column is never carried: strict always refuses
    problems = caught.value.problems
    for line, column in bad.items():
        assert any(p.startswith(f"gen.csv:{line}: {column}: ") for p in problems), (
            line,
            column,
            problems,
        )
    assert sum(n for k, n in report.not_carried.items() if not k.startswith("value of")) == len(bad)


CELL = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["", "1", "0", "Cea", "Rel", "ImpMod", "2017-05-04", "04/05/2017", '"', "a,b", "x\ny"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(CELL, min_size=len(HEADER), max_size=len(HEADER) + 1), max_size=6))
def test_any_cells_give_a_timeline_or_a_peacetrack_error(rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    try:
        t, report = from_pax(io.StringIO(out.getvalue()), lenient=True)
    except PeacetrackError:
        return
    assert len(t.agreements()) <= len(rows)
    left_out = sum(n for k, n in report.not_carried.items() if not k.startswith("value of"))
    assert len(t.agreements()) + left_out >= len(rows)  # each row carried or reported
    str(report)


# -- each kind of bad row ------------------------------------------------------------------


def _problems(rows: list[dict[str, str]], header: list[str] = HEADER) -> list[str]:
    """The problems a strict import lists, but the values of columns not read; the
    lenient import's report counts the same."""
    _, report = from_pax(_csv(rows, header), lenient=True)
    with pytest.raises(ImportFailedError) as caught:
        from_pax(_csv(rows, header))
    found = [p for p in caught.value.problems if not p.endswith("rows have a value")]
    assert sum(n for k, n in report.not_carried.items() if not k.startswith("value of")) == len(
        found
    )
    return found


def test_a_day_month_year_date_is_refused_with_its_reason() -> None:
    (problem,) = _problems([{**GOOD, "Dat": "04/05/2017"}])
    assert problem == (
        "gen.csv:2: Dat: expected YYYY-MM-DD as in the PA-X codebook, got '04/05/2017' "
        "(day/month or month/day cannot be told)"
    )
    (problem,) = _problems([{**GOOD, "Dat": "2017-02-30"}])
    assert problem.startswith("gen.csv:2: Dat: '2017-02-30' is not a valid EDTF date: day 30")


def test_a_spreadsheet_midnight_is_the_day() -> None:
    t, report = from_pax(_csv([{**GOOD, "Dat": "2017-05-04 00:00:00"}]), lenient=True)
    assert t["pax-agt-2093"].date == PartialDate(2017, 5, 4)
    assert report.not_carried == {"value of column 'Con'": 1}


def test_a_sub_stage_of_another_stage_is_a_bad_row() -> None:
    assert _problems([{**GOOD, "StageSub": "ImpMod"}]) == [
        "gen.csv:2: StageSub: 'ImpMod' is a sub-stage of Imp, not of Cea"
    ]
    assert _problems([{**GOOD, "Stage": "Oth", "StageSub": "Xyz"}]) == [
        "gen.csv:2: StageSub: 'Xyz' is not a PA-X sub-stage (of Oth: Other)"
    ]
    assert _problems([{**GOOD, "Stage": "Peace"}]) == [
        "gen.csv:2: Stage: expected one of Pre, Cea, SubPar, SubComp, Imp, Ren, Oth, got 'Peace'"
    ]


def test_ids_and_names_that_are_not_there() -> None:
    assert _problems([{**GOOD, "AgtId": ""}, {**GOOD, "AgtId": "7", "Agt": " "}]) == [
        "gen.csv:2: AgtId: empty; expected PA-X's agreement id",
        "gen.csv:3: Agt: empty; expected text",
    ]
    assert _problems([{**GOOD, "PP": "x"}, {**GOOD, "AgtId": "8", "PPName": ""}]) == [
        "gen.csv:2: PP: expected PA-X's peace process number (a whole number), got 'x'",
        "gen.csv:3: PPName: empty; expected text",
    ]


def test_an_agreement_in_no_process_is_carried_without_one() -> None:
    t, report = from_pax(_csv([{**GOOD, "PP": "", "PPName": ""}]), lenient=True)
    assert t["pax-agt-2093"].process is None
    assert not t.processes
    assert report.not_carried == {"value of column 'Con'": 1}


def test_the_same_agreement_twice_and_a_renamed_process_are_reported() -> None:
    twice = [GOOD, {**GOOD, "Agt": "Another name"}]
    t, report = from_pax(_csv(twice), lenient=True)
    assert t["pax-agt-2093"].name == GOOD["Agt"]
    assert report.examples["agreement id seen before"] == (
        "gen.csv:3: AgtId: pax-agt-2093 is on an earlier line",
    )
    renamed = [GOOD, {**GOOD, "AgtId": "9", "PPName": "Geneva"}]
    t, report = from_pax(_csv(renamed), lenient=True)
    assert t["pax-pp-115"].name == "Syrian peace process"
    assert t["pax-agt-9"].process == "pax-pp-115"
    assert report.examples["process number with another name (the first is kept)"] == (
        "gen.csv:3: PPName: pax-pp-115: 'Geneva', first seen as 'Syrian peace process'",
    )


def test_a_row_with_the_wrong_number_of_cells_is_reported() -> None:
    text = ",".join(HEADER) + "\nSyria,115\n"
    t, report = from_pax(io.StringIO(text), lenient=True)
    assert not t.agreements()
    assert report.not_carried == {"row with the wrong number of cells": 1}


def test_a_missing_column_or_a_file_that_is_not_csv_is_a_load_error(tmp_path: Path) -> None:
    header = [c for c in HEADER if c != "Dat"]
    with pytest.raises(LoadError, match="missing column 'Dat'"):
        from_pax(_csv([], header))
    path = tmp_path / "latin1.csv"
    path.write_bytes(",".join(HEADER).encode() + b"\nSyria,\xe9\n")
    with pytest.raises(LoadError, match="not UTF-8"):
        from_pax(path)
    with pytest.raises(LoadError, match="cannot read"):
        from_pax(tmp_path / "missing.csv")
    assert set(REQUIRED) <= set(HEADER)


def test_claims_keep_pax_words_and_cite_its_entry() -> None:
    row = {**GOOD, "Con": "", "Part": " Islamic Republic of Iran;\r\nRussian Federation\r\n"}
    t = from_pax(_csv([row]))
    (claim,) = t.claims_about("pax-agt-2093")
    assert isinstance(claim, Claim)
    assert claim.value == "Islamic Republic of Iran;\nRussian Federation"
    assert claim.sources == ("pax-agt-2093-source",)
    assert isinstance(t["pax-pp-115"], Process)


# -- the command line ----------------------------------------------------------------------


def test_import_pax_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pax.json"
    assert main(["import", "--from", "pax", str(EXTRACT), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    t = load(out)
    assert err.startswith(f"{EXTRACT}: carried {len(t.records)} records")
    assert "value of column 'StageSub'" in err
    assert len(t.agreements()) == len(_rows())
    assert main(["import", "--from", "pax", "--strict", str(EXTRACT)]) == 1
    assert capsys.readouterr().err.startswith(f"peacetrack: cannot import {EXTRACT}: ")


def test_import_pax_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", _csv([GOOD]))
    assert main(["import", "--from", "pax", "-"]) == 0
    captured = capsys.readouterr()
    records = json.loads(captured.out)["records"]
    assert any(r.get("id") == "pax-agt-2093" for r in records)
    assert captured.err.startswith(
        "<stdin>: carried 6 records (2 Source, 1 Party, 1 Process, 1 Agreement, 1 Claim)"
    )
