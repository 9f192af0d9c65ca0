"""Tests for `peacetrack graph`: the party graph on the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from peacetrack.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_default_is_graphml_of_the_bundled_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "graph")
    assert (code, err) == (0, "")
    g = nx.read_graphml(io.StringIO(out), force_multigraph=True)
    assert g.nodes["nusra"]["kind"] == "party"
    assert ("alloush", "hnc", "alloush-chief-negotiator") in g.edges(keys=True)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "dot"])
def test_every_format(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(capsys, "graph", "--format", fmt, "--at", "2016-05-01")
    assert code == 0
    if fmt == "graphml":
        g = nx.read_graphml(io.StringIO(out), force_multigraph=True)
    elif fmt == "gexf":
        g = nx.read_gexf(io.BytesIO(out.encode()))
    elif fmt == "json":
        g = nx.node_link_graph(json.loads(out), edges="edges")
    else:
        assert out.startswith("digraph peacetrack {\n")
        assert '"alloush" -> "hnc"' in out
        return
    assert "hnc" in g
    assert any(d["kind"] == "member_of" for *_, d in g.edges(data=True))


def test_at_filters_by_date(capsys: pytest.CaptureFixture[str]) -> None:
    _, may, _ = run(capsys, "graph", "--format", "dot", "--at", "2016-05-01")
    _, june, _ = run(capsys, "graph", "--format", "dot", "--at", "2016-06-01")
    assert '"alloush" -> "hnc"' in may
    assert '"alloush" -> "hnc"' not in june
    assert '"at"="2016-06-01";' in june


def test_json_flag_means_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "--json")
    assert code == 0
    assert json.loads(out)["directed"] is True
    code, out, err = run(capsys, "graph", "--json", "--format", "dot")
    assert (code, out) == (1, "")
    assert "--json" in err


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "geneva.gexf"
    code, out, _ = run(capsys, "graph", "--format", "gexf", "-o", str(target))
    assert (code, out) == (0, "")
    assert "nusra" in nx.read_gexf(target)


def test_file_argument(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(
        json.dumps(
            {
                "peacetrack": "1",
                "records": [
                    {"type": "party", "id": "a", "name": 'A "quoted" party', "kind": "state"},
                    {"type": "party", "id": "b", "name": "B", "kind": "state"},
                    {"type": "relation", "id": "r", "source": "a", "target": "b",
                     "kind": "supports", "period": "2016/.."},
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    code, out, _ = run(capsys, "graph", str(path), "--format", "dot")
    assert code == 0
    assert '"a" ["label"="A \\"quoted\\" party"' in out
    assert '"a" -> "b" ["label"="supports"' in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["graph", "--at", "2016-13"], "'2016-13' is not a date"),
        (["graph", "/no/such/file.json"], "/no/such/file.json"),
        (["graph", "-o", "/no/such/dir/out.graphml"], "cannot write /no/such/dir/out.graphml"),
    ],
)
def test_bad_input_is_one_message_and_status_1(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert expected in " ".join(err.split())
    assert "Traceback" not in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["graph", "--format", "svg"])
    assert exit_.value.code == 2
    assert "invalid choice: 'svg'" in capsys.readouterr().err
