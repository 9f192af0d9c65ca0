"""``loads`` reads well-formed records the fast way; it must agree with the slow way.

:class:`peacetrack.io._convert.FastReader` either returns ``None`` (and the record
goes through the converter, whose messages users see) or a record equal to the one
:func:`~peacetrack.io._convert.structure_record` returns with no problems.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import PeacetrackError, io
from peacetrack.io._convert import structure_record
from peacetrack.io._fast_reader import FastReader
from peacetrack.io._json import MAX_SAFE_INTEGER, parse
from peacetrack.records import Incident
from peacetrack.testing import timelines
from peacetrack.timeline import Timeline

_BAD_INPUT = Path(__file__).with_name("test_bad_input.py")


def _catalogue() -> Any:
    spec = importlib.util.spec_from_file_location("_bad_input_catalogue", _BAD_INPUT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CATALOGUE = _catalogue()


def _agree(raw: Any, index: int, reader: FastReader) -> bool:
    """The fast way agrees with the slow way on ``raw``; True if it took the record."""
    fast = reader.read(raw)
    slow, problems = structure_record(raw, index)
    if fast is None:
        return False
    assert problems == []
    assert type(fast) is type(slow)
    assert fast == slow
    return True


def _raw_records(t: Timeline) -> list[Any]:
    records = parse(io.dumps(t), io.MAX_BYTES)["records"]
    assert isinstance(records, list)
    return records


@settings(max_examples=60, deadline=None)
@given(timelines(max_size=40))
def test_fast_way_reads_every_valid_record_like_the_slow_way(t: Timeline) -> None:
    reader = FastReader()
    for index, raw in enumerate(_raw_records(t)):
        # Every well-formed record takes the fast way, nested objects included.
        assert _agree(raw, index, reader)


def test_fast_way_shares_repeated_strings_and_dates() -> None:
    text = json.dumps(
        {
            "peacetrack": "1",
            "records": [
                {"type": "party", "id": "gov", "name": "Government", "kind": "government"},
                *(
                    {
                        "type": "incident",
                        "id": f"i{n}",
                        "kind": "shelling",
                        "date": "2016-04-27",
                        "place": "Aleppo",
                        "parties": ["gov"],
                    }
                    for n in range(3)
                ),
            ],
        }
    )
    # The reader itself, so that the test holds with PEACETRACK_SLOW_PATHS=1 too (loads
    # then takes the slow way for every record).
    reader = FastReader()
    incidents = [reader.read(raw) for raw in parse(text, io.MAX_BYTES)["records"][1:]]
    assert all(isinstance(i, Incident) for i in incidents)
    assert len(incidents) == 3
    first = incidents[0]
    for other in incidents[1:]:
        assert other.date is first.date
        assert other.place is first.place
        assert other.kind is first.kind
        assert other.parties[0] is first.parties[0]


def test_fast_way_agrees_on_the_bad_input_catalogue() -> None:
    seen = taken = 0
    for _, build, _, _ in _CATALOGUE.CASES:
        try:
            document = parse(build(), io.MAX_BYTES)
        except PeacetrackError:
            continue
        records = document.get("records") if isinstance(document, dict) else None
        if not isinstance(records, list):
            continue
        reader = FastReader()
        for index, raw in enumerate(records):
            seen += 1
            taken += _agree(raw, index, reader)
    assert seen > 100
    assert 0 < taken < seen  # both ways were exercised


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["", " ", "2016-04", "2016-02-30", "2016/..", "2016-04-13/2016-04", "gov"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(timelines(min_size=1, max_size=15), st.data())
def test_fast_way_agrees_on_damaged_records(t: Timeline, data: st.DataObject) -> None:
    raws = _raw_records(t)
    index = data.draw(st.integers(0, len(raws) - 1))
    raw = raws[index]
    keys = sorted(raw)
    action = data.draw(st.sampled_from(["set", "drop", "add"]))
    if action == "set":
        raw[data.draw(st.sampled_from(keys))] = data.draw(_JSON)
    elif action == "drop":
        del raw[data.draw(st.sampled_from(keys))]
    else:
        raw[data.draw(st.text(max_size=8))] = data.draw(_JSON)
    _agree(raw, index, FastReader())


def test_fast_way_refuses_a_whole_number_beyond_the_safe_range() -> None:
    raw = {
        "type": "claim",
        "id": "c1",
        "about": "x",
        "claimant": "y",
        "predicate": "killed",
        "value": MAX_SAFE_INTEGER + 1,
    }
    assert FastReader().read(raw) is None
    record, problems = structure_record(raw, 0)
    assert record is None
    assert [(p.record_id, p.field) for p in problems] == [("c1", "value")]


def test_a_nested_object_with_a_repeated_key_goes_the_slow_way() -> None:
    """Repeated keys inside an exclusion are only seen by the slow way, which names them."""
    text = (
        '{"peacetrack": "1", "records": ['
        '{"type": "party", "id": "nusra", "name": "Nusra", "kind": "armed_group"},'
        '{"type": "ceasefire", "id": "coh", "name": "CoH", "period": "2016-02-27/..",'
        ' "exclusions": [{"party": "nusra", "party": "nusra"}]}]}'
    )
    raw = parse(text, io.MAX_BYTES)["records"][1]
    assert FastReader().read(raw) is None
    with pytest.raises(PeacetrackError, match="given more than once"):
        io.loads(text)
