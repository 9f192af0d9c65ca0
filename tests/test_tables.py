"""Timelines as Arrow and pandas tables: lossless both ways, bounds from the date API."""

from __future__ import annotations

import json
import sys
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings

from peacetrack import Incident, PartialDate, Party, Period, Timeline
from peacetrack.datasets import geneva_2016
from peacetrack.errors import LoadError, ValidationError
from peacetrack.io import RECORD_TYPES
from peacetrack.io._convert import CONVERTER
from peacetrack.plot import MissingExtraError
from peacetrack.tables import (
    EVENTS,
    ORDER,
    REFERENCES,
    _arrow,
    from_arrow,
    from_pandas,
    to_arrow,
    to_pandas,
)
from peacetrack.tables._layout import columns_of
from peacetrack.testing import timelines

_EPOCH = 719163


def _ordinal(day: Any) -> int:
    return int(day.toordinal())


@given(timelines(max_size=40))
def test_from_arrow_of_to_arrow_is_the_timeline_in_order(t: Timeline) -> None:
    back = from_arrow(to_arrow(t))
    assert back == t
    assert back.records == t.records


@settings(max_examples=25)
@given(timelines(max_size=30))
def test_from_pandas_of_to_pandas_is_the_timeline(t: Timeline) -> None:
    back = from_pandas(to_pandas(t))
    assert back == t
    assert back.records == t.records


@given(timelines(max_size=40))
def test_rows_hold_the_io_layers_unstructured_form(t: Timeline) -> None:
    tables = to_arrow(t)
    for record in t.records:
        table = tables[record.record_type]
        columns = columns_of(type(record))
        (row,) = table.filter(pa.compute.equal(table.column("id"), record.id)).to_pylist()
        raw = {"type": record.record_type}
        for c in columns:
            value = row[c.name]
            if c.kind == "json" and value is not None:
                value = json.loads(value)
            if c.kind == "structs" and value is not None:
                value = [{k: v for k, v in item.items() if v is not None} for item in value]
            if value is None:
                if not c.has_default:  # a required field that may be unknown (a venue)
                    raw[c.name] = None
            elif not (c.has_default and value == []):
                raw[c.name] = value
        expected = CONVERTER.unstructure(record, type(record))
        assert raw == expected


@given(timelines(max_size=40))
def test_bound_columns_are_the_date_apis_bounds(t: Timeline) -> None:
    tables = to_arrow(t)
    for record in t.records:
        table = tables[record.record_type]
        (row,) = table.filter(pa.compute.equal(table.column("id"), record.id)).to_pylist()
        for c in columns_of(type(record)):
            value = getattr(record, c.name)
            if c.kind == "date":
                got = (row[f"{c.name}_earliest"], row[f"{c.name}_latest"])
                fuzzy = (row[f"{c.name}_fuzzy_earliest"], row[f"{c.name}_fuzzy_latest"])
                if value is None:
                    assert got == fuzzy == (None, None)
                else:
                    assert tuple(map(_ordinal, got)) == (
                        value.earliest_ordinal,
                        value.latest_ordinal,
                    )
                    assert tuple(map(_ordinal, fuzzy)) == value.bounds(True)
            if c.kind == "period":
                certain = (row[f"{c.name}_certain_first"], row[f"{c.name}_certain_last"])
                possible = (row[f"{c.name}_possible_first"], row[f"{c.name}_possible_last"])
                if value is None:  # an undated designation, an incident on a date
                    assert certain == possible == (None, None)
                    continue
                assert tuple(map(_ordinal, certain)) == value.bounds(False)
                assert tuple(map(_ordinal, possible)) == value.bounds(True)
        assert row[ORDER] == t.records.index(record)


@given(timelines(max_size=40))
def test_events_table_is_t_events_in_order(t: Timeline) -> None:
    table = to_arrow(t)[EVENTS]
    rows = table.to_pylist()
    events = t.events()
    assert [r["event_order"] for r in rows] == list(range(len(events)))
    assert [(r["date"], r["kind"], r["record_id"], r["summary"]) for r in rows] == [
        (str(e.date), e.kind.value, e.record_id, e.summary) for e in events
    ]
    for r, e in zip(rows, events, strict=True):
        assert _ordinal(r["date_earliest"]) == e.date.earliest_ordinal
        assert _ordinal(r["date_latest"]) == e.date.latest_ordinal
        assert r["record_type"] == t[e.record_id].record_type


@given(timelines(max_size=40))
def test_references_table_lists_every_reference(t: Timeline) -> None:
    rows = to_arrow(t)[REFERENCES].to_pylist()
    expected = [
        (r.id, r.record_type, field, target) for r in t.records for field, target in r.references()
    ]
    assert [(r["record_id"], r["record_type"], r["field"], r["target"]) for r in rows] == expected


def test_every_registered_record_type_has_a_table() -> None:
    tables = to_arrow(Timeline([]))
    assert set(tables) == {*RECORD_TYPES, EVENTS, REFERENCES}
    assert all(table.num_rows == 0 for table in tables.values())
    assert from_arrow(tables) == Timeline([])


def test_geneva_survives_and_keeps_its_exclusions_as_structs() -> None:
    t = geneva_2016()
    table = to_arrow(t)["ceasefire"]
    assert pa.types.is_list(table.schema.field("exclusions").type)
    assert pa.types.is_struct(table.schema.field("exclusions").type.value_type)
    parties = {e["party"] for row in table.column("exclusions").to_pylist() for e in row}
    assert parties == {e.party for c in t.ceasefires for e in c.exclusions}
    assert from_arrow(to_arrow(t)) == t


def test_tables_without_record_order_keep_the_table_order() -> None:
    t = Timeline([Party("b", "B", "state"), Party("a", "A", "state")])
    tables = {"party": to_arrow(t)["party"].drop_columns([ORDER])}
    assert from_arrow(tables).records == t.records


# -- bad input --------------------------------------------------------------------------


def _party_table() -> pa.Table:
    return to_arrow(Timeline([Party("a", "A", "state")]))["party"]


def test_an_unknown_table_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="unknown table 'parties'"):
        from_arrow({"parties": _party_table()})


def test_a_missing_field_column_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="table 'party' has no column 'kind'"):
        from_arrow({"party": _party_table().drop_columns(["kind"])})


def test_an_unknown_column_is_a_load_error_not_dropped() -> None:
    table = _party_table().append_column("colour", pa.array(["red"]))
    with pytest.raises(LoadError, match="unknown column 'colour'"):
        from_arrow({"party": table})


def test_bad_values_name_the_record_and_the_field() -> None:
    t = Timeline([Incident("i1", "shelling", "2016-02-03", "Aleppo")])
    table = to_arrow(t)["incident"]
    table = table.set_column(table.schema.get_field_index("date"), "date", pa.array(["2016-13"]))
    with pytest.raises(ValidationError) as caught:
        from_arrow({"incident": table})
    (problem,) = caught.value.problems
    assert (problem.record_id, problem.field) == ("i1", "date")


def test_broken_references_are_validation_errors() -> None:
    incident = Incident("i1", "shelling", "2016-02-03", "Aleppo", parties=["a"])
    t = Timeline([Party("a", "A", "state"), incident])
    with pytest.raises(ValidationError, match="i1"):
        from_arrow({"incident": to_arrow(t)["incident"]})  # the party table left out


def test_missing_pyarrow_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"peacetrack\[tables\]"):
        to_arrow(geneva_2016())


def _same_tables(fast: dict[str, pa.Table], slow: dict[str, pa.Table]) -> None:
    assert list(fast) == list(slow)
    for name, table in slow.items():
        assert fast[name].schema.equals(table.schema, check_metadata=True), name
        assert fast[name].equals(table), name


@given(timelines(max_size=40))
def test_the_columnwise_tables_are_the_tables_of_the_public_api(t: Timeline) -> None:
    # to_arrow builds the events and references tables column by column from the
    # event index and the registry's reference fields; PEACETRACK_SLOW_PATHS=1 reads
    # t.events() and each record's references() instead. Both give the same tables.
    slow = _arrow._slow_to_arrow(t)
    _same_tables(_arrow._fast_to_arrow(t), slow)
    # The references table reading every field itself too (not reusing the values
    # the record tables read).
    by_class: dict[type, list[int]] = {}
    for i, record in enumerate(t.records):
        by_class.setdefault(type(record), []).append(i)
    assert _arrow._fast_references_table(by_class, t, {}).equals(slow[REFERENCES])


@settings(max_examples=10)
@given(timelines(min_size=20, max_size=60, unknown_ends=True))
def test_the_columnwise_tables_agree_with_unknown_ends_too(t: Timeline) -> None:
    _same_tables(_arrow._fast_to_arrow(t), _arrow._slow_to_arrow(t))


def test_the_columnwise_tables_of_geneva_are_its_events_and_references() -> None:
    t = geneva_2016()
    tables = _arrow._fast_to_arrow(t)
    _same_tables(tables, _arrow._slow_to_arrow(t))
    assert tables[EVENTS].num_rows == len(t.events()) > 0
    assert tables[REFERENCES].num_rows == sum(len(list(r.references())) for r in t.records) > 0


def test_json_texts_written_once_per_value_keep_types_and_signed_zeros_apart() -> None:
    values: list[Any] = [True, 1, 1.0, 0.0, -0.0, "yes", "yes", None, False, 0]
    texts = _arrow._json_texts(values)
    assert texts == ["true", "1", "1.0", "0.0", "-0.0", '"yes"', '"yes"', None, "false", "0"]
    assert texts == [None if v is None else json.dumps(CONVERTER.unstructure(v)) for v in values]


def test_texts_of_equal_dates_are_shared_and_of_unequal_ones_kept_apart() -> None:
    written = ["2016", "2016-XX", "2016-05-01T10:00:00+02:00", "2016-05-01T08:00:00Z", "2016~"]
    dates = [PartialDate.parse(text) for text in written * 2]  # each value, two objects
    periods = [Period.parse("2016/2017"), Period.parse("2016/2017-XX"), Period.parse("2016/..")]
    cache = _arrow._Texts()
    assert _arrow._texts([*dates, None, *periods], cache) == [
        *(written * 2),
        None,
        "2016/2017",
        "2016/2017-XX",
        "2016/..",
    ]
    assert _arrow._texts(dates[:1], cache) == ["2016"]  # by id now
    assert len(cache.by_id) == len(dates) + len(periods)


def test_a_text_is_never_taken_for_another_object_that_reused_an_id() -> None:
    # Dates made and dropped between calls free their ids for the next ones: the
    # cache must not hand a freed date's text to a new date at the same address.
    cache = _arrow._Texts()
    for year in range(1990, 2090):
        assert _arrow._texts([PartialDate(year)], cache) == [str(year)]
