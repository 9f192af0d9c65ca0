"""The benchmark at 1e3 records, as a smoke test: not timed, but every row must be
there and every peer (pandas, sqlite3, intervaltree) must give peacetrack's answers."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("run")


@pytest.fixture(scope="module")
def result(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("bench") / "results.json"
    status = bench.main(["--sizes", "1e3", "--repeat", "1", "--queries", "3", "--out", str(out)])
    assert status == 0
    loaded: dict[str, object] = json.loads(out.read_text())
    return loaded


def test_every_row_is_measured(bench: ModuleType, result: dict[str, object]) -> None:
    sizes = result["sizes"]
    assert isinstance(sizes, dict)
    assert list(sizes) == ["1000"]
    rows = sizes["1000"]["rows"]
    assert list(rows) == list(bench.ROWS)
    for name, times in rows.items():
        assert times.get("peacetrack", 0) > 0, name
    for name in ("between narrow", "between wide", "at", "involving"):
        assert rows[name]["pandas"] > 0
        assert rows[name]["sqlite"] > 0
    assert rows["at"]["intervaltree"] > 0
    assert rows["loads"]["json.loads"] > 0
    assert rows["loads"]["orjson.loads"] > 0


def test_peers_give_peacetracks_answers(result: dict[str, object]) -> None:
    checks = result["sizes"]["1000"]["checks"]  # type: ignore[index]
    assert len(checks) >= 10
    assert all(checks.values()), {k: v for k, v in checks.items() if not v}


def test_queries_return_something_to_compare(result: dict[str, object]) -> None:
    rows = result["sizes"]["1000"]["rows"]  # type: ignore[index]
    assert rows["between narrow"]["results"] > 0
    assert rows["involving"]["results"] > 0


def test_memory_is_measured(result: dict[str, object]) -> None:
    memory = result["sizes"]["1000"]["memory"]  # type: ignore[index]
    assert memory["incident_bytes_per_record"] > 0
    assert memory["build+index_peak_bytes"] >= memory["build_peak_bytes"] > 0
    assert result["machine"]["cores"] >= 1  # type: ignore[index]


def test_corpus_is_reproducible_and_has_the_shape_asked_for() -> None:
    corpus = _load("corpus")
    first, second = corpus.corpus(2000, seed=7), corpus.corpus(2000, seed=7)
    assert first == second
    assert corpus.corpus(2000, seed=8) != first
    kinds = [r.record_type for r in first]
    assert kinds.count("incident") / len(kinds) > 0.5
    assert kinds.count("claim") / len(kinds) > 0.25
    assert kinds.count("process") == 3
    from peacetrack import Precision, Timeline

    dated = [r.date for r in first if r.record_type == "incident"]
    day = sum(d.precision is Precision.DAY for d in dated) / len(dated)
    month = sum(d.precision is Precision.MONTH for d in dated) / len(dated)
    assert 0.6 < day < 0.8
    assert 0.12 < month < 0.28
    assert len(Timeline(first)) == len(first)


# -- benchmarks/adversarial.py at a smoke size ---------------------------------------------

CHEAP_SHAPES = ("nesting-open-string", "nesting-many-strings", "agreeing-claims", "big-valid-file")


def test_adversarial_shapes_are_measured_at_a_smoke_size(tmp_path: Path) -> None:
    adversarial = _load("adversarial")
    assert set(CHEAP_SHAPES) <= set(adversarial.SHAPES)
    out = tmp_path / "adversarial.json"
    shapes = ",".join(CHEAP_SHAPES)
    args = ["--sizes", "1e3", "--shapes", shapes, "--timeout", "60", "--out", str(out)]
    assert adversarial.main(args) == 0
    results = json.loads(out.read_text())["results"]
    assert list(results) == list(CHEAP_SHAPES)
    for shape, by_size in results.items():
        r = by_size["1000"]
        assert r["seconds"] is not None, (shape, r["outcome"])
        assert r["seconds"] >= 0
        assert r["cpu_seconds"] >= 0
        assert r["peak_bytes"] >= 0
    assert results["nesting-open-string"]["1000"]["outcome"].startswith("LoadError")
    assert "nest 250 deep" in results["nesting-many-strings"]["1000"]["outcome"]
    assert results["agreeing-claims"]["1000"]["outcome"] == "0 contested groups"
    assert results["big-valid-file"]["1000"]["outcome"] == "loaded 1000 records"
    assert results["big-valid-file"]["1000"]["peak_bytes"] > 0
