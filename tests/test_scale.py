"""DuckDB over Parquet gives Timeline's answers: between, at and involving, certain and possible."""

from __future__ import annotations

import itertools
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import Agreement, PartialDate, Participation, Party, Process, Round, Timeline
from peacetrack.datasets import geneva_2016
from peacetrack.errors import InvalidDateError, LoadError, PeacetrackError, UnknownIdError
from peacetrack.scale import Store
from peacetrack.tables import write_parquet
from peacetrack.testing import partial_dates, timelines

_counter = itertools.count()
_ROOT = Path(tempfile.mkdtemp(prefix="peacetrack-scale-tests-"))

# Timelines whose dates fall in a few years, so that questions about those years
# find something; and questions drawn from the same years.
small_timelines = timelines(max_size=40, dates=partial_dates(2014, 2017))
days = partial_dates(2013, 2018)

_TALK_KINDS = ("party", "person", "process", "round", "delegation", "participation", "agreement")


@st.composite
def talks(draw: st.DrawFn) -> Timeline:
    """Random talks, with more of what effective periods and mediated rounds depend
    on than ``timelines()`` draws: participations that took part as mediators, in a
    round or not, and undated participations in a round (they take its period)."""
    t = draw(
        timelines(
            max_size=30, dates=partial_dates(2014, 2017), kinds=_TALK_KINDS, unknown_ends=True
        )
    )
    rounds: dict[str, list[str]] = defaultdict(list)
    for r in t.rounds:
        rounds[r.process].append(r.id)
    # Taking part is safe for an actor never excluded from the process (a rule).
    excluded = {(p.process, p.actor) for p in t.participations if p.status.value == "excluded"}
    records = []
    for record in t.records:
        if isinstance(record, Participation):
            if (record.process, record.actor) not in excluded and draw(st.booleans()):
                role = draw(st.sampled_from(["mediator", "co_mediator"]))
                record = attrs.evolve(record, role=role, status="took_part")
            where = draw(st.sampled_from(["as drawn", "in a round", "in no round"]))
            if where == "in a round" and rounds.get(record.process):
                chosen = draw(st.sampled_from(rounds[record.process]))
                record = attrs.evolve(record, round=chosen, period=None)
            elif where == "in no round":
                record = attrs.evolve(record, round=None)
        records.append(record)
    return Timeline(records)


def _store(t: Timeline, **options: Any) -> Store:
    directory = write_parquet(t, _ROOT / f"ds-{next(_counter)}")
    return Store(directory, threads=1, **options)


def _events(table: Any) -> list[tuple[str, str, str]]:
    return list(
        zip(
            table.column("date").to_pylist(),
            table.column("kind").to_pylist(),
            table.column("record_id").to_pylist(),
            strict=True,
        )
    )


def _expected(events: Any) -> list[tuple[str, str, str]]:
    return [(str(e.date), e.kind.value, e.record_id) for e in events]


def _ids(table: Any) -> list[str]:
    return list(table.column("id").to_pylist())


@settings(max_examples=25)
@given(small_timelines, st.lists(st.tuples(days, days), min_size=1, max_size=5))
def test_between_equals_timeline(
    t: Timeline, windows: list[tuple[PartialDate, PartialDate]]
) -> None:
    with _store(t) as store:
        for start, end in windows:
            if end.latest_ordinal < start.earliest_ordinal:
                with pytest.raises(InvalidDateError):
                    store.between(start, end)
                continue
            assert _events(store.between(start, end)) == _expected(t.between(start, end))
            lo, hi = start.earliest_ordinal, end.latest_ordinal
            maybe = [
                e
                for e in t.events()
                if e.date.latest_ordinal >= lo and e.date.earliest_ordinal <= hi
            ]
            assert _events(store.between(start, end, possibly=True)) == _expected(maybe)


def _in_force_ids(t: Timeline, d: PartialDate, possibly: bool) -> dict[str, list[str]]:
    snapshot = t.at(d, possibly=possibly)
    return {
        "round": [r.id for r in snapshot.rounds_in_progress],
        "membership": [m.id for ms in snapshot.members.values() for m in ms],
        "ceasefire": [c.id for c in snapshot.ceasefires_in_force],
        "relation": [r.id for r in snapshot.relations],
        "designation": [g.id for g in snapshot.designations],
        "incident": [i.id for i in snapshot.incidents],
        "participation": [p.id for p in snapshot.participations],
        "agreement": [a.id for a in snapshot.agreements_in_force],
    }


@settings(max_examples=25)
@given(small_timelines, st.lists(days, min_size=1, max_size=4), st.booleans())
def test_at_equals_timeline(t: Timeline, dates: list[PartialDate], possibly: bool) -> None:
    with _store(t) as store:
        for d in dates:
            answer = store.at(d, possibly=possibly)
            expected = _in_force_ids(t, d, possibly)
            assert set(answer) == {*expected, "position"}
            for kind, ids in expected.items():
                assert sorted(_ids(answer[kind])) == sorted(ids), kind
            # Participations come in Timeline's order, implied mediators among them.
            assert _ids(answer["participation"]) == expected["participation"]
            # Every position in force is listed; the snapshot keeps the latest per key.
            positions = [t[i] for i in _ids(answer["position"])]
            in_force = [p for p in t.positions if p.period.in_force(d, possibly=possibly)]
            assert sorted(p.id for p in positions) == sorted(p.id for p in in_force)
            snapshot = t.at(d, possibly=possibly)
            assert set(snapshot.positions.values()) <= set(positions)
            excluded = {
                e["party"] for row in answer["ceasefire"].to_pylist() for e in row["exclusions"]
            }
            assert excluded == snapshot.excluded


@settings(max_examples=25)
@given(small_timelines.filter(len), st.data())
def test_involving_equals_timeline(t: Timeline, data: st.DataObject) -> None:
    with _store(t) as store:
        ids = data.draw(st.lists(st.sampled_from([r.id for r in t.records]), max_size=5))
        for record_id in ids:
            assert _events(store.involving(record_id)) == _expected(t.involving(record_id))


def _check_participations_and_agreements(
    store: Store, t: Timeline, d: PartialDate, possibly: bool
) -> None:
    answer = store.at(d, possibly=possibly)
    in_force = t.in_force(Participation, d, possibly=possibly)
    assert _ids(answer["participation"]) == [p.id for p in in_force]
    assert [p.id for p in t.at(d, possibly=possibly).participations] == [p.id for p in in_force]
    # Rows carry the participations' fields, the implied mediators' too.
    rows = answer["participation"].to_pylist()
    assert [(r["process"], r["actor"], r["role"], r["status"], r["round"]) for r in rows] == [
        (p.process, p.actor, p.role.value, p.status.value, p.round) for p in in_force
    ]
    agreements = t.agreements(at=d, possibly=possibly)
    assert sorted(_ids(answer["agreement"])) == sorted(a.id for a in agreements)
    assert {a.id for a in t.in_force(Agreement, d, possibly=possibly)} == {a.id for a in agreements}


@settings(max_examples=30)
@given(talks(), st.lists(days, min_size=1, max_size=4))
def test_participations_and_agreements_at_equal_timeline(
    t: Timeline, dates: list[PartialDate]
) -> None:
    with _store(t) as store:
        for d in dates:
            for possibly in (False, True):
                _check_participations_and_agreements(store, t, d, possibly)


@settings(max_examples=20)
@given(talks())
def test_involving_every_record_of_talks_equals_timeline(t: Timeline) -> None:
    with _store(t) as store:
        for record in t.records:
            assert _events(store.involving(record.id)) == _expected(t.involving(record.id))


def test_geneva_participations_agreements_and_mediators() -> None:
    t = geneva_2016()
    with _store(t) as store:
        for month in range(1, 13):
            for year in (2015, 2016, 2017):
                for possibly in (False, True):
                    d = PartialDate.coerce(f"{year}-{month:02d}-15")
                    _check_participations_and_agreements(store, t, d, possibly)
        mediators = {p.actor for p in t.participations if p.role.value == "mediator"}
        assert mediators, "the Geneva case has mediators"
        for record in t.records:
            assert _events(store.involving(record.id)) == _expected(t.involving(record.id))
        # A mediator is involved in the rounds it mediated, which do not refer to it.
        for mediator in mediators:
            rounds = {e.record_id for e in t.involving(mediator)} & {r.id for r in t.rounds}
            assert rounds, mediator


def test_effective_periods_by_hand() -> None:
    # A process's mediator stands for an undated participation; an undated one in a
    # round takes its period; participations come by their possible start; an
    # agreement ends the day before a successor is adopted (certainly: before its
    # first day, 1 May; possibly: before its last, 31 May).
    t = Timeline(
        [
            Party("un", "United Nations", "intergovernmental"),
            Party("hnc", "High Negotiations Committee", "opposition"),
            Process("talks", "Talks", "un"),
            Round("r1", "talks", 1, "2016-03-14/2016-03-24", None, None, None),
            Round("r2", "talks", 2, "2016-04-13/2016-04-27", None, None, None),
            Participation("p-r2", "talks", "hnc", "participant", "took_part", round="r2"),
            Participation("p-day", "talks", "hnc", "observer", "invited", "2016-03-15/2016-03-20"),
            Participation("p-month", "talks", "hnc", "host", "invited", "2016-03/2016-05-10"),
            Agreement("a1", "First", "statement", "2016-02-27"),
            Agreement("a2", "Second", "statement", "2016-05", supersedes=["a1"]),
        ]
    )
    expected = {
        ("2016-03", False): (["talks/mediator", "p-month", "p-day"], ["a1"]),
        ("2016-04-20", False): (["talks/mediator", "p-month", "p-r2"], ["a1"]),
        ("2016-05-10", False): (["talks/mediator", "p-month"], []),  # a2 may begin 31 May
        ("2016-05-10", True): (["talks/mediator", "p-month"], ["a1", "a2"]),
        ("2016-06", True): (["talks/mediator"], ["a2"]),
    }
    with _store(t) as store:
        for (day, possibly), (participations, agreements) in expected.items():
            d = PartialDate.coerce(day)
            answer = store.at(d, possibly=possibly)
            assert _ids(answer["participation"]) == participations, day
            assert _ids(answer["agreement"]) == agreements, day
            _check_participations_and_agreements(store, t, d, possibly)
        implied = store.at("2016-03").get("participation").to_pylist()[0]
        assert (implied["actor"], implied["role"], implied["record_order"]) == (
            "un",
            "mediator",
            None,
        )
        # The mediator is involved in both rounds; the host of no round in none.
        assert {"r1", "r2"} <= set(store.involving("un").column("record_id").to_pylist())
        assert _events(store.involving("un")) == _expected(t.involving("un"))


def test_geneva_answers_and_pandas_output() -> None:
    t = geneva_2016()
    with _store(t, output="pandas") as store:
        frame = store.between("2016", "2016")
        assert list(frame["record_id"]) == [e.record_id for e in t.between("2016", "2016")]
        hnc = store.involving("hnc")
        assert list(hnc["record_id"]) == [e.record_id for e in t.involving("hnc")]
        assert "year" not in frame.columns


def test_unknown_ids_and_bad_dates_are_clear_errors() -> None:
    with _store(geneva_2016()) as store:
        with pytest.raises(UnknownIdError, match="no record with id 'nobody'"):
            store.involving("nobody")
        with pytest.raises(InvalidDateError):
            store.between("2016-13", "2017")
        with pytest.raises(InvalidDateError, match="before start"):
            store.between("2017", "2016")
        with pytest.raises(PeacetrackError, match="possibly must be True or False"):
            store.at("2016", possibly="yes")  # type: ignore[arg-type]


def test_an_empty_timeline_answers_nothing() -> None:
    with _store(Timeline([])) as store:
        assert store.between("2016", "2016").num_rows == 0
        assert all(table.num_rows == 0 for table in store.at("2016").values())


def test_a_directory_without_a_dataset_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a peacetrack dataset"):
        Store(tmp_path)


def test_bad_output_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PeacetrackError, match="output must be"):
        Store(tmp_path, output="polars")  # type: ignore[arg-type]


@pytest.fixture(autouse=True, scope="module")
def _clean_up() -> Iterator[None]:
    yield
    import shutil

    shutil.rmtree(_ROOT, ignore_errors=True)


def test_missing_duckdb_says_which_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from peacetrack.plot import MissingExtraError

    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(MissingExtraError, match=r"peacetrack\[scale\]"):
        Store(tmp_path)
