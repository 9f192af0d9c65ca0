"""Parquet datasets: lossless, partitioned by record type and year, refused when wrong."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings

from peacetrack import Party, Timeline
from peacetrack.datasets import geneva_2016
from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.tables import MANIFEST, read_parquet, read_table, to_arrow, write_parquet
from peacetrack.testing import timelines

_COUNTER = itertools.count()


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(timelines(max_size=30))
def test_read_parquet_of_write_parquet_is_the_timeline(tmp_path: Path, t: Timeline) -> None:
    directory = tmp_path / f"ds-{next(_COUNTER)}"  # hypothesis reuses tmp_path
    write_parquet(t, directory)
    back = read_parquet(directory)
    assert back == t
    assert back.records == t.records


def test_partitions_by_record_type_and_year(tmp_path: Path) -> None:
    t = geneva_2016()
    write_parquet(t, tmp_path / "ds")
    tables = to_arrow(t)
    for name in ("incident", "claim", "events", "round"):
        files = sorted((tmp_path / "ds" / name).glob("year=*/*.parquet"))
        assert files, name
        rows = 0
        for path in files:
            year = path.parent.name.removeprefix("year=")
            table = pq.read_table(path)
            day = "date_earliest" if "date_earliest" in table.column_names else None
            day = day or "period_possible_first"
            days = table.column(day).to_pylist()
            if year == "__HIVE_DEFAULT_PARTITION__":
                assert set(days) == {None}
            else:
                assert {d.year for d in days} == {int(year)}
            rows += table.num_rows
        assert rows == tables[name].num_rows
    manifest = json.loads((tmp_path / "ds" / MANIFEST).read_text())
    assert manifest["tables"]["incident"] == len(t.incidents)


def test_undated_records_sit_in_the_null_partition(tmp_path: Path) -> None:
    t = geneva_2016()
    write_parquet(t, tmp_path / "ds")
    table = read_table(tmp_path / "ds", "source")
    undated = [row["id"] for row in table.to_pylist() if row["year"] is None]
    assert sorted(undated) == sorted(s.id for s in t.sources if s.published is None)


def test_refuses_to_write_over_a_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / "notes.txt").write_text("mine")
    with pytest.raises(PeacetrackError, match="not empty"):
        write_parquet(geneva_2016(), tmp_path / "ds")
    with pytest.raises(PeacetrackError, match="holds no peacetrack dataset"):
        write_parquet(geneva_2016(), tmp_path / "ds", overwrite=True)
    assert (tmp_path / "ds" / "notes.txt").read_text() == "mine"


def test_overwrite_replaces_a_dataset(tmp_path: Path) -> None:
    write_parquet(geneva_2016(), tmp_path / "ds")
    small = Timeline([Party("x", "X", "state")])
    write_parquet(small, tmp_path / "ds", overwrite=True)
    assert read_parquet(tmp_path / "ds") == small
    assert not list(tmp_path.glob(".ds-*"))  # no work directory left behind


def test_a_directory_without_a_manifest_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a peacetrack dataset"):
        read_parquet(tmp_path)


def test_a_lost_file_is_a_load_error_not_fewer_records(tmp_path: Path) -> None:
    write_parquet(geneva_2016(), tmp_path / "ds")
    victim = sorted((tmp_path / "ds" / "claim").glob("year=*/*.parquet"))[0]
    victim.unlink()
    with pytest.raises(LoadError, match=r"table .claim. has .* rows, the manifest says"):
        read_parquet(tmp_path / "ds")


def test_a_bad_manifest_is_a_load_error(tmp_path: Path) -> None:
    write_parquet(geneva_2016(), tmp_path / "ds")
    (tmp_path / "ds" / MANIFEST).write_text('{"peacetrack-tables": "9"}')
    with pytest.raises(LoadError, match="layout version"):
        read_parquet(tmp_path / "ds")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("not json", "cannot read"),
        ('{"peacetrack-tables": "9"}', "layout version"),
        ('{"peacetrack-tables": "LAYOUT"}', "an object of row counts"),
        ('{"peacetrack-tables": "LAYOUT", "tables": {"claim": "many"}}', "row counts"),
    ],
)
def test_every_engine_refuses_a_bad_manifest_alike(tmp_path: Path, text: str, problem: str) -> None:
    # The Timeline reader, the DuckDB Store and the Dask engine read one manifest check.
    from peacetrack.scale import Store, distributed
    from peacetrack.tables import LAYOUT_VERSION

    write_parquet(geneva_2016(), tmp_path / "ds")
    (tmp_path / "ds" / MANIFEST).write_text(text.replace("LAYOUT", LAYOUT_VERSION))
    for read in (
        read_parquet,
        Store,
        lambda d: distributed.between(d, "2016-04-13", "2016-04-27"),
    ):
        with pytest.raises(LoadError, match=problem):
            read(tmp_path / "ds")
