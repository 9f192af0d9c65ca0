"""``peacetrack export``: every format, to stdout or a file, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacetrack import Person, Timeline
from peacetrack.cli import main
from peacetrack.datasets import geneva_2016
from peacetrack.interop import from_popolo, to_mermaid, to_popolo, to_timelinejs
from peacetrack.io import loads, save


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_is_the_peacetrack_file_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "export", "--format", "json")
    assert (status, err) == (0, "")
    assert loads(out) == geneva_2016()


def test_popolo_and_timelinejs_are_the_interop_documents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    t = geneva_2016()
    status, out, _ = _run(capsys, "export", "--format", "popolo")
    assert status == 0
    assert json.loads(out) == to_popolo(t)
    back = from_popolo(json.loads(out))
    assert [(p.id, p.name) for p in back.people] == [(p.id, p.name) for p in t.people]
    status, out, _ = _run(capsys, "export", "--format", "timelinejs")
    assert status == 0
    assert json.loads(out) == to_timelinejs(t)


@pytest.mark.parametrize(
    ("fmt", "style"),
    [("mermaid-timeline", "timeline"), ("mermaid-gantt", "gantt"), ("mermaid", "timeline")],
)
def test_mermaid_styles(capsys: pytest.CaptureFixture[str], fmt: str, style: str) -> None:
    status, out, _ = _run(capsys, "export", "--format", fmt)
    assert status == 0
    assert out == to_mermaid(geneva_2016(), style=style)  # type: ignore[arg-type]
    assert out.splitlines()[0] == style


def test_a_file_in_and_a_file_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "small.json"
    save(Timeline([Person("p1", "Riad Hijab")]), source)
    target = tmp_path / "out.json"
    status, out, err = _run(capsys, "export", str(source), "--format", "popolo", "-o", str(target))
    assert (status, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["persons"] == [
        {"id": "p1", "name": "Riad Hijab"}
    ]


def test_a_missing_file_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.json"
    status, out, err = _run(capsys, "export", str(missing), "--format", "popolo")
    assert (status, out) == (1, "")
    assert err.startswith("peacetrack: ")
    assert "nope.json" in err
    assert "Traceback" not in err


def test_an_unwritable_output_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-dir" / "out.mmd"
    status, _, err = _run(capsys, "export", "--format", "mermaid-gantt", "-o", str(target))
    assert status == 1
    assert "cannot write" in err
    assert "".join(err.split()).count("no-such-dir/out.mmd") == 1


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "--format", "csv"])
    assert caught.value.code == 2
    assert "invalid choice: 'csv'" in capsys.readouterr().err
