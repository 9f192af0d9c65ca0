"""The Dask functions on a local cluster of two worker processes give Timeline's answers."""

from __future__ import annotations

import importlib.util
import logging
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from distributed import Client, LocalCluster, get_task_stream
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacetrack import Agreement, PartialDate, Participation, Timeline
from peacetrack.datasets import geneva_2016
from peacetrack.errors import InvalidDateError, LoadError, UnknownIdError
from peacetrack.scale import distributed
from peacetrack.tables import write_parquet
from peacetrack.testing import partial_dates, timelines

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
            "participation": [p.id for p in snapshot.participations],
            "agreement": [a.id for a in snapshot.agreements_in_force],
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


def _check_at(directory: Path, t: Timeline, d: PartialDate, client: Client) -> None:
    for possibly in (False, True):
        answer = distributed.at(directory, d, possibly=possibly, client=client)
        # Participations in Timeline's order, a process's mediator among them.
        expected = [p.id for p in t.in_force(Participation, d, possibly=possibly)]
        assert list(answer["participation"]["id"]) == expected, (d, possibly)
        agreements = t.in_force(Agreement, d, possibly=possibly)
        assert sorted(answer["agreement"]["id"]) == sorted(a.id for a in agreements)


def _mediators(t: Timeline) -> set[str]:
    roles = {"mediator", "co_mediator"}
    return {p.actor for p in t.participations if p.role.value in roles} | {
        p.mediator for p in t.processes if p.mediator is not None
    }


def test_geneva_participations_agreements_and_mediators(client: Client, tmp_path: Path) -> None:
    t = geneva_2016()
    directory = write_parquet(t, tmp_path / "geneva")
    for day in ("2016-01", "2016-03-01", "2016-05-10", "2017-03"):
        _check_at(directory, t, PartialDate.coerce(day), client)
    assert _mediators(t)
    for record_id in _mediators(t):
        found = distributed.involving(directory, record_id, client=client)
        assert _events(found) == _expected(t.involving(record_id))
        assert set(found["record_id"]) & {r.id for r in t.rounds}  # the rounds mediated


_TALK_KINDS = ("party", "person", "process", "round", "delegation", "participation", "agreement")


@st.composite
def _talks(draw: st.DrawFn) -> Timeline:
    """Random talks where actors never excluded from a process often mediate it."""
    t = draw(timelines(max_size=25, dates=partial_dates(2014, 2017), kinds=_TALK_KINDS))
    excluded = {(p.process, p.actor) for p in t.participations if p.status.value == "excluded"}
    records = [
        attrs.evolve(r, role="mediator", status="took_part")
        if isinstance(r, Participation)
        and (r.process, r.actor) not in excluded
        and draw(st.booleans())
        else r
        for r in t.records
    ]
    return Timeline(records)


@settings(max_examples=6, suppress_health_check=[HealthCheck.too_slow])
@given(_talks(), st.lists(partial_dates(2013, 2018), min_size=1, max_size=2))
def test_participations_agreements_and_mediators_on_random_talks(
    client: Client, tmp_path_factory: pytest.TempPathFactory, t: Timeline, days: list[PartialDate]
) -> None:
    directory = write_parquet(t, tmp_path_factory.mktemp("talks") / "ds")
    for d in days:
        _check_at(directory, t, d, client)
    for record_id in sorted(_mediators(t))[:3]:
        found = distributed.involving(directory, record_id, client=client)
        assert _events(found) == _expected(t.involving(record_id))


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
