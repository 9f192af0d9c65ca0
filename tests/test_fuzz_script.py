"""The fuzzing job (scripts/fuzz.py), short: no finding in 20 seconds, and oracles
that do catch a traceback, a hang, a lost round trip and an overwritten input."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from peacetrack import io

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture(scope="module")
def fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz", SCRIPTS / "fuzz.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz"] = module
    spec.loader.exec_module(module)
    return module


def test_twenty_seconds_of_fuzzing_find_nothing(fuzz: ModuleType) -> None:
    report = fuzz.run(seconds=20, seed=int(time.time()) % 1000, input_seconds=10)
    assert report.findings == [], report.findings[:3]
    assert report.inputs > 200
    assert report.cli_runs > 50
    outcomes = report.outcomes
    assert outcomes.get("loads:loaded", 0) > 0  # some mutants are valid and get exported
    assert outcomes.get("loads:error", 0) > 0
    assert outcomes.get("cli:ok", 0) > 0
    assert outcomes.get("cli:error", 0) > 0


def test_mutants_differ_and_are_reproducible(fuzz: ModuleType) -> None:
    import random

    pool = fuzz.seeds()
    first = [fuzz.mutate(pool[1], random.Random(5), pool) for _ in range(3)]
    again = [fuzz.mutate(pool[1], random.Random(5), pool) for _ in range(3)]
    assert first == again
    many = {fuzz.mutate(pool[1], random.Random(n), pool) for n in range(50)}
    assert len(many) > 30


def test_the_oracle_reports_a_traceback(fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: object, **kwargs: object) -> object:
        raise KeyError("bug")

    monkeypatch.setattr(fuzz.io, "loads", broken)
    report = fuzz.run(seconds=0.5, seed=1, cli_every=10**9)
    assert report.findings
    assert {f.kind for f in report.findings} == {"traceback"}
    assert "KeyError" in report.findings[0].detail


def test_the_oracle_reports_a_hang(fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(data: object, **kwargs: object) -> object:
        time.sleep(5)
        raise AssertionError("not reached")

    monkeypatch.setattr(fuzz.io, "loads", slow)
    report = fuzz.run(seconds=0.1, seed=1, input_seconds=0.2, cli_every=10**9)
    assert [f.kind for f in report.findings] == ["hang"]


def test_the_oracle_reports_a_lost_round_trip(
    fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = fuzz.seeds()[1]
    real = io.dumps
    monkeypatch.setattr(fuzz.io, "dumps", lambda t: real(t.without("c2")))  # loses a claim
    outcome, finding = fuzz.check_loads(small)
    assert outcome == "loaded"
    assert finding is not None
    assert finding.kind == "round-trip-lost"


def test_the_oracle_reports_a_traceback_in_the_cli(
    fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    import peacetrack.cli

    def broken(args: object) -> int:
        raise ZeroDivisionError

    monkeypatch.setattr(peacetrack.cli, "_cmd_validate", broken)
    with pytest.raises(ZeroDivisionError):
        fuzz.check_cli(["validate"], b"")
    report = fuzz.Report()
    fuzz._guarded(report, "cli", b"", ["validate"], lambda: fuzz.check_cli(["validate"], b""), 5)
    assert [f.kind for f in report.findings] == ["traceback"]
