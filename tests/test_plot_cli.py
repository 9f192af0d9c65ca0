"""`peacetrack plot`: images from the command line, and clear errors for bad input."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from peacetrack import Party, Timeline
from peacetrack.cli import main
from peacetrack.datasets import geneva_2016
from peacetrack.io import dumps


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "geneva.json"
    path.write_text(dumps(geneva_2016()), encoding="utf-8")
    return path


def test_timeline_png_from_the_bundled_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "timeline.png"
    assert main(["plot", "-o", str(out)]) == 0
    assert _png_size(out)[0] == 1200
    assert "wrote" in capsys.readouterr().out


def test_graph_svg_from_a_file_at_a_date(tmp_path: Path, case_file: Path) -> None:
    out = tmp_path / "graph.svg"
    assert main(["plot", str(case_file), "-o", str(out), "--kind", "graph", "--at", "2016-05"]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "<svg" in svg
    assert "2016-05" in svg  # the title says the date


def test_graph_png_is_the_graph_figure_size(tmp_path: Path) -> None:
    out = tmp_path / "graph.png"
    assert main(["plot", "--kind", "graph", "-o", str(out)]) == 0
    assert _png_size(out) == (1100, 800)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "out.gif"], "must end in .png, .svg or .pdf"),
        (["-o", "noextension"], "must end in .png, .svg or .pdf"),
        (["-o", "out.png", "--at", "2016-05"], "use it with --kind graph"),
        (["-o", "out.png", "--kind", "graph", "--at", "May 2016"], "is not a date"),
        (["missing.json", "-o", "out.png"], "cannot read missing.json"),
        (["-o", "out.png", "--process", "nope"], "no process with id 'nope'"),
        (["-o", "out.png", "--start", "May 2016"], "--start 'May 2016' is not a date"),
        (["-o", "out.png", "--start", "2016-05", "--end", "2016-04"], "before start"),
        (["-o", "out.png", "--kind", "graph", "--process", "x"], "use without --kind graph"),
    ],
    ids=[
        "gif",
        "no-extension",
        "at-with-timeline",
        "bad-date",
        "missing-file",
        "unknown-process",
        "bad-start",
        "end-before-start",
        "process-with-graph",
    ],
)
def test_bad_input_is_one_message_and_status_1(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["plot", *args]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert message in err
    assert "Traceback" not in err
    assert not list(tmp_path.glob("out.*"))


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "out.png"
    assert main(["plot", "-o", str(target)]) == 1
    assert "cannot write" in " ".join(capsys.readouterr().err.split())


def test_invalid_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"peacetrack": "1", "records": [{"type": "party", "id": "x"}]}', "utf-8")
    assert main(["plot", str(bad), "-o", str(tmp_path / "out.png")]) == 1
    err = " ".join(capsys.readouterr().err.split())  # the message is wrapped at 100 columns
    assert "is not a valid timeline" in err


def test_output_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["plot"])
    assert info.value.code == 2
    assert "-o/--output" in capsys.readouterr().err


def test_without_matplotlib_the_extra_is_named(tmp_path: Path) -> None:
    """A fresh interpreter where matplotlib cannot be imported."""
    small = tmp_path / "small.json"
    small.write_text(dumps(Timeline([Party("un", "United Nations", "intergovernmental")])))
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from peacetrack.cli import main\n"
        f"sys.exit(main(['plot', {str(small)!r}, '-o', {str(tmp_path / 'x.png')!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert 'pip install "peacetrack[plot]"' in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_pdf_output(tmp_path: Path) -> None:
    out = tmp_path / "timeline.pdf"
    assert main(["plot", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_process_start_and_end_choose_what_the_timeline_shows(tmp_path: Path) -> None:
    from peacetrack import Process, Round

    t = geneva_2016().with_records(
        Process("astana", "Astana talks", None),
        Round("a1", "astana", 1, "2017-01-23/2017-01-24", "Astana", "proximity", "concluded"),
    )
    case = tmp_path / "two.json"
    case.write_text(dumps(t), encoding="utf-8")
    geneva = t.rounds[0].process
    for args, present, absent in [
        (["--process", "astana"], "Astana talks", "Round 2"),
        (["--process", "astana", "--process", geneva], "Astana talks", None),
        (["--start", "2017-01", "--end", "2017-01-31"], "Astana talks", None),
    ]:
        out = tmp_path / "out.svg"
        assert main(["plot", str(case), "-o", str(out), *args]) == 0
        svg = out.read_text(encoding="utf-8")
        assert present in svg, args
        if absent is not None:
            assert absent not in svg, args
    out = tmp_path / "jan.svg"
    assert main(["plot", str(case), "-o", str(out), "--start", "2017-01", "--end", "2017-01"]) == 0
    assert "Jan" in out.read_text(encoding="utf-8")


def test_the_plot_docstrings_name_the_formats_the_cli_writes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import re

    import peacetrack.plot
    from peacetrack import _cli_commands

    promised = set(re.findall(r"``\.(\w+)``", peacetrack.plot.__doc__ or ""))
    assert promised == set(_cli_commands._PLOT_FORMATS)
    with pytest.raises(SystemExit):
        main(["plot", "--help"])
    help_text = capsys.readouterr().out
    for fmt in _cli_commands._PLOT_FORMATS:
        assert f"*.{fmt}" in help_text
    for option in ("--process", "--start", "--end"):
        assert option in help_text
