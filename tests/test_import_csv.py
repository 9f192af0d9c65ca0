"""The generic CSV reader: a column mapping, records of one type, every bad row a
problem naming file, line and column."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import Incident, Party, Timeline
from peacetrack.errors import LoadError
from peacetrack.importers import RECORD_TYPES, ImportFailedError, from_csv


def _file(text: str, name: str = "in.csv") -> io.StringIO:
    f = io.StringIO(text)
    f.name = name
    return f


PARTIES = (
    "actor_id,actor,type,aka\n"
    "hnc,High Negotiations Committee,opposition,HNC; Riyadh group\n"
    "gov,Government of Syria,government,\n"
)


def test_parties_through_a_mapping() -> None:
    t = from_csv(
        _file(PARTIES),
        "party",
        {"id": "actor_id", "name": "actor", "kind": "type", "aliases": "aka"},
    )
    assert t["hnc"] == Party(
        "hnc", "High Negotiations Committee", "opposition", aliases=("HNC", "Riyadh group")
    )
    assert t["gov"] == Party("gov", "Government of Syria", "government")


def test_rows_may_refer_to_a_base_timeline() -> None:
    base = from_csv(
        _file(PARTIES),
        "party",
        {"id": "actor_id", "name": "actor", "kind": "type", "aliases": "aka"},
    )
    text = "id,kind,date,place,parties\nstrike-1,air strike,2016-04-19,Maarat al-Numan,gov\n"
    t, report = from_csv(_file(text), "incident", base=base, lenient=True)
    assert t["strike-1"] == Incident(
        "strike-1", "air strike", "2016-04-19", "Maarat al-Numan", parties=("gov",)
    )
    assert report.carried == {"Incident": 1}
    assert report.complete
    assert t["hnc"] == base["hnc"]


def test_every_bad_row_names_file_line_and_column() -> None:
    text = (
        "id,name,kind\n"
        "a,A,state\n"
        'b,"B\nwith a line break",nonsense\n'  # a quoted cell over two lines: row on line 3
        "c,,state\n"
        "d,D\n"
    )
    with pytest.raises(ImportFailedError) as caught:
        from_csv(_file(text), "party")
    problems = caught.value.problems
    assert any(p.startswith("in.csv:3: kind: ") for p in problems), problems
    assert any(p.startswith("in.csv:5: name: ") for p in problems), problems
    assert "in.csv:6: expected 3 cells as in the header" in problems
    t, report = from_csv(_file(text), "party", lenient=True)
    assert [p.id for p in t.parties] == ["a"]
    assert sum(report.not_carried.values()) == len(problems)


def test_columns_nothing_reads_are_reported_not_dropped() -> None:
    t, report = from_csv(
        _file("id,name,kind,colour\na,A,state,red\nb,B,state,\n"), "party", lenient=True
    )
    assert len(t.parties) == 2
    assert report.not_carried == {"value of column 'colour'": 1}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("party", {"nickname": "x"}), "a party has no field 'nickname'"),
        (("party", {"name": "missing"}), "missing column 'missing'"),
        (("treaty", None), "unknown record type 'treaty'"),
        (("claim", None), "no column for the required claim fields"),
    ],
)
def test_a_mapping_that_cannot_work_is_a_load_error(args: tuple, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        from_csv(_file("id,name,kind\n"), *args)


def test_record_types_are_the_models() -> None:
    assert {"party", "person", "incident", "claim", "source"} <= set(RECORD_TYPES)


# Any text but NUL and a lone "\r" (a line end of its own, that csv.writer with "\n"
# line ends does not quote); quoted line breaks "\n" included.
NAMES = st.text(st.characters(codec="utf-8", exclude_characters="\x00\r"), min_size=1, max_size=10)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(NAMES, st.sampled_from(["state", "opposition", "bank", ""])),
        min_size=1,
        max_size=8,
    )
)
def test_line_numbers_hold_with_any_cell_text(rows: list[tuple[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "kind"])
    lines = []
    for i, (name, kind) in enumerate(rows):
        lines.append(out.getvalue().count("\n") + 1)
        writer.writerow([f"p{i}", name, kind])
    t, report = from_csv(_file(out.getvalue()), "party", lenient=True)
    good = [kind in ("state", "opposition") and name.strip() for name, kind in rows]
    problems: tuple[str, ...] = ()
    if not all(good):
        with pytest.raises(ImportFailedError) as caught:
            from_csv(_file(out.getvalue()), "party")
        problems = caught.value.problems
    for i, (name, _) in enumerate(rows):
        if good[i]:
            assert t[f"p{i}"].name == name.strip()
        else:  # left out, and reported with the line the row starts on
            assert t.get(f"p{i}") is None
            assert any(p.startswith(f"in.csv:{lines[i]}: ") for p in problems), (lines[i], problems)
    assert report.complete == all(good)
    assert isinstance(t, Timeline)


def test_a_row_with_a_base_records_id_goes_and_the_base_record_stays() -> None:
    base = from_csv(
        _file(PARTIES), "party", {"id": "actor_id", "name": "actor", "kind": "type"}, lenient=True
    ).timeline
    text = "id,name,kind\nhnc,Someone else,state\nnew,New,state\n"
    t, report = from_csv(_file(text), "party", base=base, lenient=True)
    assert t["hnc"] == base["hnc"]
    assert t["new"].name == "New"
    assert report.not_carried == {"record refused by the timeline's rules": 1}
    (example,) = report.examples["record refused by the timeline's rules"]
    assert example.startswith("hnc: id: ")
    assert report.carried == {"Party": 1}


def test_identifiers_and_links_from_cells() -> None:
    text = (
        "id,name,kind,ids,pages\n"
        "hts,Hayat Tahrir al-Sham,armed_group,wikidata:Q28942948; ucdp:1131,https://example.org/hts\n"
        "bad,Bad,armed_group,Q123,\n"
    )
    columns = {"identifiers": "ids", "links": "pages"}
    t, report = from_csv(_file(text), "party", columns, lenient=True)
    assert t.by_identifier("ucdp", "1131") == t["hts"]
    assert [link.url for link in t["hts"].links] == ["https://example.org/hts"]
    assert t.get("bad") is None
    assert report.examples["bad ids"] == (
        "in.csv:3: ids: expected scheme:identifier (wikidata:Q28942948), got 'Q123'",
    )
