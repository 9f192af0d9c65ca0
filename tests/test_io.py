"""Files: the format, round trips, the schema, atomic save, and what the loader imports."""

from __future__ import annotations

import ast
import errno
import importlib
import inspect
import json
import os
import pkgutil
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacetrack import (
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Exclusion,
    Incident,
    Issue,
    LoadError,
    Membership,
    Name,
    Party,
    Person,
    Position,
    Process,
    Relation,
    Resignation,
    Round,
    SaveError,
    Source,
    Timeline,
    ValidationError,
    _timeline_rules,
    io,
)
from peacetrack.errors import Problem
from peacetrack.io import _document, _files
from peacetrack.testing import timelines

VALIDATOR = jsonschema.Draft202012Validator(io.SCHEMA)


def sample() -> Timeline:
    """One record of every type, with partial dates, open periods and exclusions."""
    return Timeline(
        [
            Source(
                "afp", "Talks suspended", "AFP", url="https://example.org/a", published="2016-04"
            ),
            Party("hnc", "High Negotiations Committee", "opposition", sources=["afp"]),
            Party("gov", "Government of Syria", "government", aliases=["Damascus"]),
            Party("nusra", "Nusra Front", "armed_group"),
            Party("unsc", "UN Security Council", "intergovernmental"),
            Party(
                "jfs",
                "Nusra Front",
                "armed_group",
                names=[
                    Name("Jabhat Fateh al-Sham", "2016-07-28/2017-01-27", note="renamed"),
                    Name("جبهة النصرة", lang="ar"),
                ],
            ),
            Person("alloush", "Mohammed Alloush"),
            Person("envoy", "Staffan de Mistura"),
            Process("geneva", "Geneva talks", "envoy"),
            Delegation("hnc-d", "hnc", "geneva", name="HNC delegation"),
            Delegation("gov-d", "gov", "geneva"),
            Round(
                "r3",
                "geneva",
                3,
                "2016-04-13/2016-04-27",
                "Geneva",
                "proximity",
                "adjourned",
                delegations=["hnc-d", "gov-d"],
            ),
            Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01~/2016-05-29"),
            Resignation("res1", "alloush", "m1", "2016-05-29", reason="no progress"),
            Issue("sequencing", "Sequencing"),
            Position("pos1", "gov", "sequencing", "counter-terrorism-first", "2016/.."),
            Position(
                "pos2",
                "alloush",
                "sequencing",
                "transition-first",
                "2016-01/2016-05-29",
                stated="2016-01-25~",
                quote="a transitional body first",
                reason="no trust in the government",
            ),
            Round("r4", "geneva", 4, "2016-06/..", None, "shuttle", None),
            Ceasefire(
                "coh",
                "Cessation of hostilities",
                "2016-02-27/..",
                parties=["hnc", "gov"],
                exclusions=[Exclusion("nusra", "designated by the UN")],
            ),
            Designation("des1", "nusra", "unsc", "terrorist organization", "2013?/2017-02~"),
            Relation("rel1", "gov", "hnc", "fights", "2012/.."),
            Incident("idlib", "air strike", "2016-05-31", "Idlib", parties=["gov"]),
            Incident("aleppo", "offensive", None, "Aleppo", period="2016-06/2016-08-05"),
            Claim("c1", "idlib", "hnc", "civilians killed", 23, qualifier="at least"),
            Claim("c2", "idlib", "gov", "responsibility", "denied", date="2016-06-01"),
            Claim("c3", "idlib", "hnc", "share", 0.25),
            Claim("c4", "idlib", "gov", "confirmed", False),
        ]
    )


def check_schema(text: str) -> None:
    errors = sorted(VALIDATOR.iter_errors(json.loads(text)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


# -- format ---------------------------------------------------------------------------


def test_sample_round_trips_and_matches_the_schema() -> None:
    t = sample()
    text = io.dumps(t)
    assert io.loads(text) == t
    check_schema(text)


def test_records_keep_their_order_and_keys_their_field_order() -> None:
    t = sample()
    document = json.loads(io.dumps(t))
    assert next(iter(document)) == "peacetrack"
    assert document["peacetrack"] == io.FORMAT_VERSION == "2"
    assert [r["id"] for r in document["records"]] == [r.id for r in t.records]
    party = document["records"][1]
    assert list(party) == ["type", "id", "name", "kind", "sources"]
    round_ = next(r for r in document["records"] if r["type"] == "round")
    assert list(round_) == [
        "type",
        "id",
        "process",
        "number",
        "period",
        "venue",
        "format",
        "outcome",
        "delegations",
    ]


def test_values_are_written_as_edtf_strings_enum_values_and_lists() -> None:
    records = {r["id"]: r for r in json.loads(io.dumps(sample()))["records"]}
    assert records["m1"]["period"] == "2016-01~/2016-05-29"
    assert records["pos1"]["period"] == "2016/.."
    assert records["des1"]["period"] == "2013?/2017-02~"
    assert records["aleppo"]["date"] is None
    assert records["aleppo"]["period"] == "2016-06/2016-08-05"
    assert records["r4"]["venue"] is None
    assert records["r4"]["outcome"] is None
    assert records["jfs"]["names"][0] == {
        "name": "Jabhat Fateh al-Sham",
        "period": "2016-07-28/2017-01-27",
        "note": "renamed",
    }
    assert records["hnc"]["kind"] == "opposition"
    assert records["c1"]["qualifier"] == "at least"
    assert records["coh"]["exclusions"] == [{"party": "nusra", "reason": "designated by the UN"}]
    assert records["c4"]["value"] is False


def test_defaults_are_left_out_and_accepted_when_present() -> None:
    records = {r["id"]: r for r in json.loads(io.dumps(sample()))["records"]}
    assert records["gov-d"] == {
        "type": "delegation",
        "id": "gov-d",
        "party": "gov",
        "process": "geneva",
    }
    explicit = {
        "peacetrack": "1",
        "records": [
            {"type": "person", "id": "p", "name": "A", "aliases": [], "sources": []},
            {"type": "process", "id": "g", "name": "G", "mediator": None, "sources": []},
        ],
    }
    t = io.loads(json.dumps(explicit))
    assert t == Timeline([Person("p", "A"), Process("g", "G", None)])


def test_dumps_is_deterministic_and_indent_is_honoured() -> None:
    t = sample()
    assert io.dumps(t) == io.dumps(io.loads(io.dumps(t)))
    one_line = io.dumps(t, indent=None)
    assert "\n" not in one_line
    assert io.loads(one_line) == t
    assert io.dumps(Timeline()) == '{\n  "peacetrack": "2",\n  "records": []\n}'


def test_non_ascii_text_is_written_as_is() -> None:
    t = Timeline([Party("jai", "جيش الإسلام", "armed_group")])
    assert "جيش الإسلام" in io.dumps(t)
    assert io.loads(io.dumps(t).encode("utf-8")) == t


def test_a_lone_surrogate_is_escaped_so_the_file_can_be_written(tmp_path: Path) -> None:
    t = Timeline([Person("p", "broken \ud800 text")])
    text = io.dumps(t)
    assert "\\ud800" in text
    io.save(t, tmp_path / "t.json")
    assert io.load(tmp_path / "t.json") == t


def test_a_whole_number_other_json_readers_would_misread_is_refused_before_dumps() -> None:
    people = [Person("x", "X"), Person("y", "Y")]
    with pytest.raises(ValidationError) as info:
        Claim("c", "x", "y", "count", 2**60)  # refused where it is made, not at dumps
    assert [(p.record_id, p.field) for p in info.value.problems] == [("c", "value")]
    edge = Timeline([*people, Claim("c", "x", "y", "count", -io.MAX_SAFE_INTEGER)])
    assert io.loads(io.dumps(edge)) == edge


def test_dumps_refuses_what_is_not_a_timeline() -> None:
    with pytest.raises(TypeError, match="expected a Timeline"):
        io.dumps([Person("p", "A")])  # type: ignore[arg-type]


def test_loads_accepts_bytes_with_a_byte_order_mark() -> None:
    t = sample()
    assert io.loads(b"\xef\xbb\xbf" + io.dumps(t).encode("utf-8")) == t


def test_loads_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError, match="expected str or bytes"):
        io.loads({"peacetrack": "1"})  # type: ignore[arg-type]


@given(timelines(max_size=25))
def test_loads_dumps_round_trip(t: Timeline) -> None:
    text = io.dumps(t)
    back = io.loads(text)
    assert back == t
    assert [r.id for r in back.records] == [r.id for r in t.records]
    assert io.dumps(back) == text


@given(timelines(max_size=25), st.sampled_from([None, 0, 2, 4]))
def test_every_dumps_output_is_valid_against_the_schema(t: Timeline, indent: int | None) -> None:
    check_schema(io.dumps(t, indent=indent))


# -- the schema -----------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(io.SCHEMA)
    assert io.SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert io.SCHEMA["properties"]["peacetrack"] == {
        "enum": ["1", io.FORMAT_VERSION],
        "description": "The format version.",
    }


@pytest.mark.parametrize("record_type", sorted(io.RECORD_TYPES))
def test_the_schema_describes_every_record_type_field_by_field(record_type: str) -> None:
    cls = io.RECORD_TYPES[record_type]
    definition = io.SCHEMA["$defs"][record_type]
    fields = attrs.fields(cls)
    assert definition["additionalProperties"] is False
    assert set(definition["properties"]) == {"type"} | {f.name for f in fields}
    assert definition["properties"]["type"] == {"const": record_type}
    required = {"type"} | {f.name for f in fields if f.default is attrs.NOTHING}
    assert set(definition["required"]) == required
    assert {"$ref": f"#/$defs/{record_type}"} in io.SCHEMA["$defs"]["record"]["oneOf"]


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("colour", "red"),
        ("kind", "empire"),
        ("name", ""),
        ("name", 5),
        ("sources", ["a", "a"]),
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(change: str, value: Any) -> None:
    document = {
        "peacetrack": "1",
        "records": [{"type": "party", "id": "p", "name": "P", "kind": "state", change: value}],
    }
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(ValidationError):
        io.loads(json.dumps(document))


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2016", True),
        ("2016-04", True),
        ("2016-04-27", True),
        ("2016-04~", True),
        ("2016-04-27%", True),
        ("2016?", True),
        ("0000", False),
        ("2016-13", False),
        ("2016-4", False),
        ("16-04", False),
        ("20160", False),
        ("2016-04-32", False),
        ("", False),
    ],
)
def test_the_schema_date_pattern_agrees_with_the_parser(text: str, valid: bool) -> None:
    document = {
        "peacetrack": "1",
        "records": [{"type": "incident", "id": "i", "kind": "k", "date": text, "place": "p"}],
    }
    assert VALIDATOR.is_valid(document) is valid
    if valid:
        assert str(io.loads(json.dumps(document))["i"].date) == text  # type: ignore[attr-defined]


def test_the_schema_ships_inside_the_package() -> None:
    from importlib.resources import files

    shipped = files("peacetrack.schema").joinpath("peacetrack.schema.json")
    assert json.loads(shipped.read_text(encoding="utf-8")) == io.SCHEMA


# -- save and load ----------------------------------------------------------------------


def test_save_then_load(tmp_path: Path) -> None:
    path = tmp_path / "talks.json"
    io.save(sample(), path)
    assert io.load(path) == sample()
    assert path.read_text(encoding="utf-8") == io.dumps(sample()) + "\n"
    assert io.load(str(path)) == sample()


def test_save_replaces_an_existing_peacetrack_file(tmp_path: Path) -> None:
    path = tmp_path / "talks.json"
    io.save(sample(), path)
    smaller = Timeline([Person("p", "A")])
    io.save(smaller, path)
    assert io.load(path) == smaller
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talks.json"]


def test_save_recognises_a_hand_edited_peacetrack_file(tmp_path: Path) -> None:
    path = tmp_path / "talks.json"
    path.write_text('{\n  "records": [],\n  "peacetrack": "1"\n}\n', encoding="utf-8")
    io.save(sample(), path)
    assert io.load(path) == sample()


@pytest.mark.parametrize(
    "content",
    [b"my notes", b'{"name": "not ours"}', b"", b"\xff\xfe binary", b"[1, 2, 3]"],
    ids=["text", "other-json", "empty", "binary", "json-list"],
)
def test_save_refuses_to_overwrite_a_file_that_is_not_a_peacetrack_file(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(SaveError, match=r"notes\.txt.*overwrite=True") as refused:
        io.save(sample(), path)
    assert refused.value.errno == errno.EEXIST
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    io.save(sample(), path, overwrite=True)
    assert io.load(path) == sample()


def test_save_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="is a directory") as refused:
        io.save(sample(), tmp_path, overwrite=True)
    assert refused.value.errno == errno.EISDIR
    assert isinstance(refused.value, OSError)


def test_save_keeps_permissions_and_follows_symbolic_links(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    io.save(sample(), real)
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    io.save(Timeline([Person("p", "A")]), link)
    assert link.is_symlink()
    assert io.load(real) == Timeline([Person("p", "A")])
    assert real.stat().st_mode & 0o777 == 0o600


def _fail(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize(
    "target", ["os.replace", "os.fsync", "os.chmod"], ids=["replace", "fsync", "chmod"]
)
def test_a_failed_save_leaves_the_old_file_intact_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    path = tmp_path / "talks.json"
    io.save(sample(), path)
    before = path.read_bytes()
    monkeypatch.setattr(target, _fail)
    with pytest.raises(OSError, match="No space left"):
        io.save(Timeline([Person("p", "A")]), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["talks.json"]


def test_a_save_interrupted_mid_write_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "talks.json"
    io.save(sample(), path)
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fd: int, mode: str) -> None:
            self.file = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> int:
            self.file.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(_files.os, "fdopen", HalfWriter)
    with pytest.raises(KeyboardInterrupt):
        io.save(Timeline([Person("p", "A")]), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["talks.json"]


def test_a_new_file_that_fails_to_save_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.replace", _fail)
    with pytest.raises(OSError, match="No space left"):
        io.save(sample(), tmp_path / "new.json")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_load_names_a_file_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"cannot read .*missing\.json"):
        io.load(tmp_path / "missing.json")
    with pytest.raises(LoadError, match="cannot read"):
        io.load(tmp_path)


def test_load_refuses_a_file_over_the_limit_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "talks.json"
    io.save(sample(), path)
    size = path.stat().st_size

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed a file over the limit")

    monkeypatch.setattr(_document, "parse", no_parsing)  # what load() -> loads() parses with
    with pytest.raises(AssertionError, match="parsed a file"):  # the patch is on that path
        io.loads(io.dumps(sample()))
    with pytest.raises(LoadError, match=rf"talks\.json: {size} bytes, more than the limit of 100"):
        io.load(path, max_bytes=100)


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"peacetrack": "1", "records": [', encoding="utf-8")
    with pytest.raises(LoadError, match=r"broken\.json: not valid JSON"):
        io.load(path)


# -- no code execution --------------------------------------------------------------------

_RUNS_CODE = {"pickle", "marshal", "shelve", "yaml", "dill", "cloudpickle"}
_CALLS_CODE = {"eval", "exec", "compile", "__import__", "breakpoint"}
_CALLS_CODE_ATTRIBUTE = {"eval", "exec", "import_module", "__import__"}


def _walk(source: str) -> tuple[set[str], set[str], set[str]]:
    """The top-level modules ``source`` imports, the names it calls, the attributes it calls."""
    imported: set[str] = set()
    names_called: set[str] = set()
    attributes_called: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                names_called.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                attributes_called.add(node.func.attr)
    return imported, names_called, attributes_called


def _code_runners(source: str) -> set[str]:
    """What in ``source`` could run code it reads: imports and calls, by name."""
    imported, names_called, attributes_called = _walk(source)
    return (
        (imported & _RUNS_CODE)
        | (names_called & _CALLS_CODE)
        | (attributes_called & _CALLS_CODE_ATTRIBUTE)
    )


def _io_modules() -> dict[str, str]:
    """The source of every module of the ``peacetrack.io`` package, by name."""
    names = ["peacetrack.io"] + [
        info.name for info in pkgutil.walk_packages(io.__path__, prefix="peacetrack.io.")
    ]
    return {name: inspect.getsource(importlib.import_module(name)) for name in names}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("import pickle", {"pickle"}),
        ("from yaml import safe_load", {"yaml"}),
        ("import marshal.x as m", {"marshal"}),
        ("eval(text)", {"eval"}),
        ("f(exec(text))", {"exec"}),
        ("importlib.import_module(name)", {"import_module"}),
        ("import json\njson.loads(text)", set()),
    ],
)
def test_the_code_runner_check_sees_what_it_looks_for(source: str, found: set[str]) -> None:
    assert _code_runners(source) == found


def test_the_loader_imports_nothing_that_runs_code_it_reads() -> None:
    modules = _io_modules()
    # every module of the package is seen, the new ones too
    assert {"peacetrack.io", "peacetrack.io._json", "peacetrack.io._files"} <= set(modules)
    assert all(name.startswith("peacetrack.io") for name in modules)
    walked = [_walk(source) for source in modules.values()]
    imported = set().union(*(w[0] for w in walked))
    names_called = set().union(*(w[1] for w in walked))
    assert {"json", "cattrs"} <= imported  # the walk sees imports
    assert {"isinstance", "open"} <= names_called  # ... and calls
    offenders = {
        name: found for name, source in modules.items() if (found := _code_runners(source))
    }
    assert offenders == {}


# -- problems: references to records that failed to load -------------------------------

_MIRROR_CASES = {
    "valid": [Party("a", "A", "state")],
    "duplicate": [Party("a", "A", "state"), Person("a", "B")],
    "dangling": [Delegation("d", "nowhere", "elsewhere")],
    "wrong-type": [Person("p", "P"), Process("g", "G", None), Delegation("d", "p", "g")],
    "resignation": [
        Person("p", "P"),
        Person("q", "Q"),
        Party("a", "A", "state"),
        Process("g", "G", None),
        Delegation("d", "a", "g"),
        Membership("m", "p", "d", "member", "2016-01/.."),
        Resignation("r", "q", "m", "2016-05-29"),
    ],
    "sample-and-more": [
        *sample().records,
        Person("alloush", "Again"),
        Claim("c9", "x", "y", "z", 1),
    ],
}


@pytest.mark.parametrize("records", list(_MIRROR_CASES.values()), ids=list(_MIRROR_CASES))
def test_loads_checks_the_timeline_as_timeline_does(records: list[Any]) -> None:
    """loads runs the timeline rules through the same entry point as Timeline
    (``check_records``) when records failed; with no failed records it must report
    exactly what Timeline reports."""
    try:
        Timeline(records)
        expected: list[Problem] = []
    except ValidationError as exc:
        expected = list(exc.problems)
    assert _timeline_rules.check_records(records) == expected


def test_references_to_a_record_that_failed_are_not_reported_but_others_are() -> None:
    document = json.loads(io.dumps(sample()))
    for raw in document["records"]:
        if raw["id"] == "gov":
            raw["kind"] = "empire"  # gov fails; many records refer to it
        if raw["id"] == "c1":
            raw["claimant"] = "kerry"  # a real dangling reference
    with pytest.raises(ValidationError) as info:
        io.loads(json.dumps(document))
    assert [(p.record_id, p.field) for p in info.value.problems] == [
        ("gov", "kind"),
        ("c1", "claimant"),
    ]
    assert "refers to unknown id 'kerry'" in info.value.problems[1].message
