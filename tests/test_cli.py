"""The command line: what it prints, and its exit codes for good and bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peacetrack.cli import main
from peacetrack.datasets import geneva_2016
from peacetrack.io import dumps


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m peacetrack ARGS`` in a fresh interpreter, 100 columns wide."""
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "peacetrack", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "geneva.json"
    path.write_text(dumps(geneva_2016()), encoding="utf-8")
    return path


@pytest.fixture
def invalid_file(tmp_path: Path) -> Path:
    doc = {
        "peacetrack": "1",
        "records": [
            {"type": "party", "id": "x", "name": "X", "kind": "warlord"},
            {
                "type": "claim",
                "id": "c1",
                "about": "nowhere",
                "claimant": "x",
                "predicate": "killed",
                "value": 3,
            },
        ],
    }
    path = tmp_path / "invalid.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# -- the default timeline -------------------------------------------------------------------


def test_subprocess_default_prints_the_geneva_timeline() -> None:
    result = run()
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())  # summaries wrap; compare words
    assert "UN-mediated intra-Syrian proximity talks in Geneva (2016)" in out
    for line in ("Round 1 2016-01-29 to 2016-02-03", "Round 3 2016-04-13 to 2016-04-27"):
        assert line in out
    assert "Mohammed Alloush resigns" in out
    assert "Air strikes in Idlib city" in out
    assert "killed = 23" in out
    assert "killed = more than 60" in out
    assert "carried out by Russia = no" in out
    assert "disputed" in out
    assert result.stderr == ""


def test_lines_fit_the_terminal() -> None:
    out = run().stdout
    assert max(len(line) for line in out.splitlines()) <= 100


def test_dates_keep_their_precision(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\n2016-05 +incident +Villages captured", out)
    assert "\n2015-09      " in out
    assert "2016-05-01" not in out  # a month is never shown as its first day


def test_python_dash_m_and_main_agree(capsys: pytest.CaptureFixture[str]) -> None:
    os.environ.setdefault("COLUMNS", "100")
    assert main([]) == 0
    in_process = capsys.readouterr().out
    assert in_process.splitlines()[0] == run().stdout.splitlines()[0]
    assert "Contested: the sources disagree" in in_process


def test_timeline_of_a_file(good_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(good_file)]) == 0
    assert "Mohammed Alloush resigns" in capsys.readouterr().out


def test_a_file_alone_means_timeline(good_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(good_file)]) == 0
    assert "Round 2" in capsys.readouterr().out


def test_timeline_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["period"] for r in data["processes"][0]["rounds"]] == [
        "2016-01-29/2016-02-03",
        "2016-03-14/2016-03-24",
        "2016-04-13/2016-04-27",
    ]
    resigned = [e for e in data["events"] if e["kind"] == "member_resigned"]
    assert [(e["date"], e["precision"]) for e in resigned] == [("2016-05-29", "day")]
    killed = next(g for g in data["contested"] if g["predicate"] == "killed")
    assert {(c["claimant"], c["value"], c["qualifier"]) for c in killed["claims"]} == {
        ("sohr", 23, None),
        ("turkey", 60, "more than"),
    }
    disputed = {e["record_id"] for e in data["events"] if e["disputed"]}
    assert "russia-idlib-denial" in disputed
    assert "sohr-idlib-children-killed" not in disputed


# -- snapshot -------------------------------------------------------------------------------


def test_snapshot_in_may(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["snapshot", "--at", "2016-05-01"]) == 0
    out = capsys.readouterr().out
    assert "Mohammed Alloush, chief negotiator" in out
    assert "Nusra Front" in out
    assert "Cessation of hostilities" in out
    assert "transition-first" in out


def test_snapshot_json_after_the_resignation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["snapshot", "--at", "2016-06-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "hnc-delegation" not in data["members"]
    assert data["excluded"] == ["islamic-state", "nusra"]
    assert data["rounds_in_progress"] == []


def test_snapshot_during_round_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["snapshot", "--at", "2016-04-20", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rounds_in_progress"] == ["round-3"]


def test_snapshot_possibly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["snapshot", "--at", "2016-05", "--json"]) == 0
    certain = json.loads(capsys.readouterr().out)
    assert main(["snapshot", "--at", "2016-05", "--possibly", "--json"]) == 0
    possible = json.loads(capsys.readouterr().out)
    assert certain["possibly"] is False
    assert possible["possibly"] is True
    assert set(certain["relations"]) <= set(possible["relations"])


# -- validate -------------------------------------------------------------------------------


def test_validate_good_file(good_file: Path) -> None:
    result = run("validate", str(good_file))
    assert result.returncode == 0
    assert result.stdout.startswith("OK:")
    assert "114 records" in result.stdout


def test_validate_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "OK: the bundled Geneva 2016 case is valid" in capsys.readouterr().out


def test_validate_lists_every_problem_with_id_and_field(invalid_file: Path) -> None:
    result = run("validate", str(invalid_file))
    assert result.returncode == 1
    assert "2 problems" in result.stdout
    assert "x: kind:" in result.stdout
    assert "c1: about: refers to unknown id 'nowhere'" in result.stdout
    assert "Traceback" not in result.stderr


def test_validate_json(invalid_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(invalid_file), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is False
    assert {(p["record_id"], p["field"]) for p in data["problems"]} == {
        ("x", "kind"),
        ("c1", "about"),
    }


# -- bad input: one paragraph on stderr, exit 1, never a traceback ---------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["timeline", "{missing}"], "No such file"),
        (["timeline", "{bad_json}"], "not valid JSON"),
        (["timeline", "{invalid}"], "is not a valid timeline: 2 problems"),
        (["snapshot", "--at", "2016-05-01", "{invalid}"], "c1: about"),
        (["snapshot", "--at", "2016-13"], "'2016-13' is not a date"),
        (["snapshot", "--at", "May 2016"], "is not a date"),
        (["validate", "{missing}"], "No such file"),
        (["validate", "{bad_json}"], "not valid JSON"),
        (["timeline", "{directory}"], "cannot read"),
    ],
    ids=[
        "missing",
        "bad-json",
        "invalid-records",
        "snapshot-invalid",
        "bad-month",
        "not-edtf",
        "validate-missing",
        "validate-bad-json",
        "directory",
    ],
)
def test_bad_input(args: list[str], expected: str, tmp_path: Path, invalid_file: Path) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"peacetrack": "1", "records": [', encoding="utf-8")
    paths = {
        "missing": str(tmp_path / "nope.json"),
        "bad_json": str(bad_json),
        "invalid": str(invalid_file),
        "directory": str(tmp_path),
    }
    result = run(*(a.format(**paths) for a in args))
    assert result.returncode == 1
    assert result.stdout == ""
    assert expected in " ".join(result.stderr.split())
    assert result.stderr.startswith("peacetrack: ")
    assert "\n\n" not in result.stderr.strip()  # one paragraph
    assert "Traceback" not in result.stderr


def test_bad_input_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(tmp_path / "nope.json")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nope.json" in captured.err


def test_unknown_subcommand_is_a_usage_error() -> None:
    result = run("frobnicate", "--bogus")
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_the_subcommands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for name in ("timeline", "snapshot", "validate"):
        assert name in result.stdout


def test_a_closed_pipe_ends_quietly() -> None:
    """`peacetrack | head -1` prints one line and no complaint about the pipe."""
    done = subprocess.run(
        f"{sys.executable} -m peacetrack | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""


def test_the_resignation_reads_as_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    (resign,) = [e["summary"] for e in events if e["kind"] == "member_resigned"]
    assert "resigns" in resign
    assert ".;" not in resign


def test_a_failed_output_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "graph.dot"
    out.write_text("the old picture", encoding="utf-8")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    assert main(["graph", "--format", "dot", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "the old picture"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.dot"]  # no temporary file left
    assert "No space left on device" in " ".join(capsys.readouterr().err.split())
