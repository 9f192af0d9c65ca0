"""`peacetrack import --from popolo|ucdp-ged|pax|csv FILE -o OUT` and `-` for standard input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from peacetrack.cli import main
from peacetrack.datasets import geneva_2016
from peacetrack.io import dumps, load

DATA = Path(__file__).parent / "data"
GED = DATA / "ucdp" / "ged-bangladesh-extract.csv"
ESTONIA = DATA / "everypolitician" / "estonia-ep-popolo-v1.0.json"


def test_import_ucdp_ged_then_snapshot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ged.json"
    assert main(["import", "--from", "ucdp-ged", str(GED), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    t = load(out)
    assert err.startswith(f"{GED}: carried {len(t.records)} records")
    assert "event over several days dated by its month" in err
    assert main(["snapshot", str(out), "--at", "2001-07", "--possibly"]) == 0
    shown = capsys.readouterr().out
    assert "Supporters of Awami League  fighting  Supporters of BNP" in shown


def test_import_popolo_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(ESTONIA.read_text(encoding="utf-8")))
    assert main(["import", "--from", "popolo", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["peacetrack"]
    assert captured.err.startswith("popolo: carried 19 records (8 Person, 6 Party, 5 Source)")


def test_strict_import_refuses_with_counts_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--from", "popolo", "--strict", str(ESTONIA)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("peacetrack: cannot import popolo: ")
    # Most frequent first; other_names (languages, notes) are carried, not counted.
    assert err[1].strip() == "14 × membership in an organization classified 'legislature'"
    assert not any("other_name" in line for line in err)
    n = int(err[0].split(": ")[2].split()[0])
    assert n > 20
    listed = [line for line in err if line.startswith("  ") and " × " not in line]
    assert len(listed) == 21
    assert listed[-1] == f"  ... and {n - 20} more (all in .problems)"
    assert main(["import", "--from", "popolo", "--strict", "--all-problems", str(ESTONIA)]) == 1
    full = capsys.readouterr().err.splitlines()
    assert f"every problem ({n}):" in full
    assert len(full) - full.index(f"every problem ({n}):") - 1 == n


def test_import_csv_with_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "actors.csv"
    src.write_text("actor_id,actor,type\nhnc,High Negotiations Committee,opposition\n")
    args = ["import", "--from", "csv", str(src), "--type", "party"]
    columns = ["--column", "id=actor_id", "--column", "name=actor", "--column", "kind=type"]
    assert main([*args, *columns]) == 0
    out = capsys.readouterr()
    assert '"High Negotiations Committee"' in out.out
    assert out.err.startswith(f"{src}: carried 1 record (1 Party)")
    assert main([*args, "--column", "name"]) == 1
    assert "--column 'name': expected FIELD=COLUMN" in capsys.readouterr().err
    assert main(["import", "--from", "csv", str(src)]) == 1
    assert "--from csv needs --type" in capsys.readouterr().err


def test_import_never_writes_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "actors.csv"
    src.write_text("id,name,kind\nhnc,HNC,opposition\n")
    assert main(["import", "--from", "csv", "--type", "party", str(src), "-o", str(src)]) == 1
    assert "it is the input file" in " ".join(capsys.readouterr().err.split())
    assert src.read_text() == "id,name,kind\nhnc,HNC,opposition\n"


@pytest.mark.parametrize(
    "command", [["validate", "-"], ["timeline", "-"], ["snapshot", "-", "--at", "2016-04"]]
)
def test_a_dash_reads_the_timeline_from_standard_input(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = geneva_2016()
    monkeypatch.setattr("sys.stdin", io.StringIO(dumps(case)))
    assert main(command) == 0
    out = capsys.readouterr().out
    assert out
    if command[0] == "validate":
        assert out.startswith(f"OK: standard input is valid ({len(case)} records")


def test_bad_standard_input_is_a_clean_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("{not json"))
    assert main(["validate", "-"]) == 1
    assert capsys.readouterr().err.startswith("peacetrack: ")
    monkeypatch.setattr("sys.stdin", io.StringIO("[" * 100_000))
    assert main(["import", "--from", "popolo", "-"]) == 1
    assert "peacetrack: " in capsys.readouterr().err


def test_standard_input_that_is_not_utf8_is_a_clean_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = io.TextIOWrapper(
        io.BytesIO(b'{"peacetrack": "1", "records": ["\xff"]}'), encoding="utf-8"
    )
    monkeypatch.setattr("sys.stdin", raw)
    assert main(["validate", "-"]) == 1
    assert "standard input is not UTF-8" in capsys.readouterr().err
