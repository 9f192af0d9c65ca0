"""The command line and files: what it will not write over, and what its messages say."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
import time
from pathlib import Path

import pytest

from peacetrack.cli import main
from peacetrack.datasets import geneva_2016
from peacetrack.io import dumps


@pytest.fixture
def talks(tmp_path: Path) -> Path:
    path = tmp_path / "talks.json"
    path.write_text(dumps(geneva_2016()), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, " ".join(err.split())


def _one_paragraph(err: str) -> None:
    assert err.startswith("peacetrack: ")
    assert "Traceback" not in err


_NO_PLOT = importlib.util.find_spec("matplotlib") is None
WRITERS = [
    ["export", "{input}", "--format", "json", "-o", "{output}"],
    ["export", "{input}", "--format", "mermaid-gantt", "-o", "{output}"],
    ["graph", "{input}", "--format", "dot", "-o", "{output}"],
    pytest.param(
        ["plot", "{input}", "-o", "{output}"],
        marks=pytest.mark.skipif(_NO_PLOT, reason="the plot extra is not installed"),
    ),
]
WRITER_IDS = ["export-json", "export-mermaid", "graph", "plot"]


def _args(args: list[str], **paths: str) -> list[str]:
    return [a.format(**paths) for a in args]


@pytest.mark.parametrize("args", WRITERS, ids=WRITER_IDS)
@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink"])
def test_the_cli_never_writes_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], spelling: str
) -> None:
    name = "talks.png" if args[0] == "plot" else "talks.json"
    source = tmp_path / name
    source.write_text(dumps(geneva_2016()), encoding="utf-8")
    before = source.read_bytes()
    output = {
        "same": str(source),
        "dotted": str(tmp_path / "." / ".." / tmp_path.name / name),
        "symlink": str(tmp_path / f"link-{name}"),
        "hardlink": str(tmp_path / f"hard-{name}"),
    }[spelling]
    if spelling == "symlink":
        Path(output).symlink_to(source)
    if spelling == "hardlink":
        os.link(source, output)
    status, _, err = _run(capsys, *_args(args, input=str(source), output=output))
    assert status == 1
    _one_paragraph(err)
    assert "cannot write" in err
    assert "is the input file" in err
    assert source.read_bytes() == before


@pytest.mark.parametrize("args", WRITERS, ids=WRITER_IDS)
@pytest.mark.parametrize("kind", ["fifo", "device", "directory"])
def test_the_cli_refuses_to_write_a_special_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], talks: Path, args: list[str], kind: str
) -> None:
    target = tmp_path / ("out.png" if args[0] == "plot" else "out.txt")
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target.symlink_to("/dev/null")
    else:
        target.mkdir()
    status, _, err = _run(capsys, *_args(args, input=str(talks), output=str(target)))
    assert status == 1
    _one_paragraph(err)
    assert f"cannot write {target}" in err
    assert "regular files" in err or "is a directory" in err
    assert "cannot read" not in err
    test = {"fifo": stat.S_ISFIFO, "device": stat.S_ISCHR, "directory": stat.S_ISDIR}[kind]
    assert test(target.stat().st_mode)  # left as it was


def test_a_nul_in_a_path_is_one_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], talks: Path
) -> None:
    status, _, err = _run(capsys, "validate", str(tmp_path / "a\0b.json"))
    assert status == 1
    _one_paragraph(err)
    assert "NUL" in err
    status, _, err = _run(capsys, "export", str(talks), "--format", "json", "-o", "out\0.json")
    assert status == 1
    _one_paragraph(err)
    assert "cannot write" in err
    assert "NUL" in err


@pytest.mark.parametrize("name", ["graph.json", "timeline.json", "snapshot.txt", "./export"])
def test_a_missing_file_named_like_a_command_is_a_missing_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = _run(capsys, name)
    assert status == 1
    _one_paragraph(err)
    assert "did you mean" not in err
    assert f"cannot read {name}: No such file or directory" in err


def test_a_mistyped_command_still_gets_a_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as caught:
        main(["grapj"])
    assert caught.value.code == 2
    assert "did you mean 'graph'?" in capsys.readouterr().err


class _FullDisk:
    """A standard output on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("args", [[], ["validate"], ["export", "--format", "json"]])
def test_a_failed_write_to_stdout_says_cannot_write(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    status = main(args)
    err = " ".join(capsys.readouterr().err.split())
    assert status == 1
    assert err == "peacetrack: cannot write to standard output: No space left on device"


def test_a_new_output_follows_the_umask(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], talks: Path
) -> None:
    previous = os.umask(0o027)
    try:
        status, _, _ = _run(
            capsys, "export", str(talks), "-o", str(tmp_path / "o.json"), "--format", "json"
        )
    finally:
        os.umask(previous)
    assert status == 0
    assert stat.S_IMODE((tmp_path / "o.json").stat().st_mode) == 0o640


def test_validate_refuses_the_quadratic_nesting_shape_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "hostile.json"
    hostile.write_text("[" * 65 + '"' + '\\"' * 1_000_000, encoding="utf-8")
    started = time.process_time()
    status, out, err = _run(capsys, "validate", str(hostile))
    assert time.process_time() - started < 5
    assert (status, out) == (1, "")
    _one_paragraph(err)
    assert "nest 65 deep" in err
