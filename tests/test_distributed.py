"""The Dask functions on a local cluster of two worker processes give Timeline's answers."""

from __future__ import annotations

import importlib.util
import logging
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster, get_task_stream

from peacetrack import PartialDate, Timeline
from peacetrack.errors import InvalidDateError, LoadError, UnknownIdError
from peacetrack.scale import distributed
from peacetrack.tables import write_parquet

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _corpus(n: int, seed: int) -> list[Any]:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("corpus", BENCHMARKS / "corpus.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.corpus(n, seed)  # type: ignore[no-any-return]
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as made,
    ):
        yield made


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline(_corpus(3000, seed=17))


@pytest.fixture(scope="module")
def dataset(timeline: Timeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_parquet(timeline, tmp_path_factory.mktemp("dask") / "ds")


def _day(rng: random.Random) -> PartialDate:
    year = rng.randint(2000, 2019)
    roll = rng.random()
    if roll < 0.6:
        return PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
    return PartialDate(year, rng.randint(1, 12)) if roll < 0.9 else PartialDate(year)


def _events(frame: Any) -> list[tuple[str, str, str]]:
    return list(zip(frame["date"], frame["kind"], frame["record_id"], strict=True))


def _expected(events: Any) -> list[tuple[str, str, str]]:
    return [(str(e.date), e.kind.value, e.record_id) for e in events]


def test_the_cluster_has_two_worker_processes(client: Client) -> None:
    assert len(client.scheduler_info()["workers"]) == 2


def test_between_equals_timeline_and_runs_on_the_workers(
    client: Client, timeline: Timeline, dataset: Path
) -> None:
    rng = random.Random(1)
    asked = 0
    with get_task_stream(client) as tasks:
        for _ in range(2):
            start = _day(rng)
            end = PartialDate.from_date(start.earliest.add(days=rng.choice([3, 40, 400])))
            found = distributed.between(dataset, start, end, client=client)
            assert _events(found) == _expected(timeline.between(start, end))
            lo, hi = start.earliest_ordinal, end.latest_ordinal
            maybe = [
                e
                for e in timeline.events()
                if e.date.latest_ordinal >= lo and e.date.earliest_ordinal <= hi
            ]
            found = distributed.between(dataset, start, end, possibly=True, client=client)
            assert _events(found) == _expected(maybe)
            asked += len(maybe)
    assert asked > 0
    workers = set(client.scheduler_info()["workers"])
    assert {task["worker"] for task in tasks.data} <= workers
    assert tasks.data


@pytest.mark.parametrize("possibly", [False, True], ids=["certain", "possible"])
def test_at_equals_timeline(
    client: Client, timeline: Timeline, dataset: Path, possibly: bool
) -> None:
    rng = random.Random(2)
    for _ in range(1):
        d = _day(rng)
        answer = distributed.at(dataset, d, possibly=possibly, client=client)
        snapshot = timeline.at(d, possibly=possibly)
        expected = {
            "round": [r.id for r in snapshot.rounds_in_progress],
            "membership": [m.id for ms in snapshot.members.values() for m in ms],
            "ceasefire": [c.id for c in snapshot.ceasefires_in_force],
            "relation": [r.id for r in snapshot.relations],
            "designation": [g.id for g in snapshot.designations],
            "incident": [i.id for i in snapshot.incidents],
            "position": [
                p.id for p in timeline.positions if p.period.in_force(d, possibly=possibly)
            ],
        }
        assert set(answer) == set(expected)
        for kind, ids in expected.items():
            assert sorted(answer[kind]["id"]) == sorted(ids), kind
        assert sum(len(ids) for ids in expected.values()) > 0


def test_involving_equals_timeline(client: Client, timeline: Timeline, dataset: Path) -> None:
    rng = random.Random(3)
    ids = [
        rng.choice([p.id for p in timeline.parties]),
        rng.choice([d.id for d in timeline.delegations]),
    ]
    for record_id in ids:
        found = distributed.involving(dataset, record_id, client=client)
        assert _events(found) == _expected(timeline.involving(record_id))


def test_clear_errors(client: Client, dataset: Path, tmp_path: Path) -> None:
    with pytest.raises(UnknownIdError, match="nobody"):
        distributed.involving(dataset, "nobody", client=client)
    with pytest.raises(InvalidDateError, match="before start"):
        distributed.between(dataset, "2017", "2016", client=client)
    with pytest.raises(LoadError, match="not a peacetrack dataset"):
        distributed.between(tmp_path, "2016", "2017", client=client)


def test_missing_dask_says_which_extra(monkeypatch: pytest.MonkeyPatch, dataset: Path) -> None:
    from peacetrack.plot import MissingExtraError

    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(MissingExtraError, match=r"peacetrack\[distributed\]"):
        distributed.between(dataset, "2016", "2017")
