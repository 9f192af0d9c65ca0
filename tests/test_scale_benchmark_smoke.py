"""benchmarks/scale.py at 1e3 records, as a smoke test: not timed, but every row must be
measured for every engine asked, and every engine must give the Timeline's answers."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
ENGINES = ["timeline", "pandas", "duckdb"]  # dask has its own tests (test_distributed.py)


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(f"_{name}", BENCHMARKS / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("scale")


@pytest.fixture(scope="module")
def result(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("scale") / "results.json"
    argv = ["--sizes", "1e3", "--repeat", "1", "--queries", "2", "--out", str(out)]
    status = bench.main([*argv, "--engines", ",".join(ENGINES)])
    assert status == 0
    loaded: dict[str, object] = json.loads(out.read_text())
    return loaded


def test_every_row_is_measured_for_every_engine(
    bench: ModuleType, result: dict[str, object]
) -> None:
    size = result["sizes"]["1000"]  # type: ignore[index]
    assert list(size["rows"]) == list(bench.ROWS)
    for row in bench.ROWS:
        if row == "export":
            assert size["rows"][row]["timeline"] > 0
            assert size["rows"][row]["to_arrow"] > 0
            continue
        for engine in ENGINES:
            assert size["rows"][row][engine] > 0, (row, engine)


def test_every_engine_gives_the_timelines_answers(result: dict[str, object]) -> None:
    checks = result["sizes"]["1000"]["checks"]  # type: ignore[index]
    assert len(checks) == 2 * len(("between narrow", "between wide", "at", "involving"))
    assert all(checks.values()), {k: v for k, v in checks.items() if not v}


def test_questions_find_something_and_memory_is_measured(result: dict[str, object]) -> None:
    size = result["sizes"]["1000"]  # type: ignore[index]
    assert size["rows"]["between wide"]["results"] > 0
    assert size["rows"]["involving"]["results"] > 0
    memory = size["memory_bytes_per_event"]
    # Measured in fresh processes, so never hidden by memory freed earlier in this one
    # (the Timeline's is measured in the benchmark's own process, first thing: inside
    # a test session that has freed memory before, its growth can be zero).
    assert memory["pandas"] > 0
    assert memory["duckdb"] > 0
    assert set(memory) == set(ENGINES)
    assert size["parquet_bytes"] > 0
    assert size["events"] > 900
