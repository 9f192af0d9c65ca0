"""The API reference shows what a user needs to write code: signatures, fields, values.

These tests load the package with griffe and the extensions that ``mkdocs.yml`` wires
into mkdocstrings, and read the data the reference pages are rendered from: every attrs
class has its runtime signature, a Parameters table listing every field with its type
and default, and every enum a table of its values.
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import peacetrack.dates
import peacetrack.errors
import peacetrack.events
import peacetrack.records
import peacetrack.timeline

ROOT = Path(__file__).resolve().parents[1]
# The reference is built with the docs extra (CI installs it); the README's quick
# start installs only dev, where these tests cannot run.
griffe = pytest.importorskip("griffe", reason="the docs extra is not installed")
pytest.importorskip("griffe_fieldz", reason="the docs extra is not installed")


def _extension_options() -> dict[str, Any]:
    """The options of the reference extension, read from mkdocs.yml as written."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"griffe_attrs_reference\.py:AttrsReference:\n((?: {18}\S.*\n)+)", text)
    assert block is not None, "mkdocs.yml no longer wires the AttrsReference extension"
    options: dict[str, Any] = {}
    for line in block.group(1).splitlines():
        key, value = (part.strip() for part in line.split(":", 1))
        options[key] = {"true": True, "false": False}.get(value, value)
    return options


@pytest.fixture(scope="module")
def package() -> Any:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from griffe_attrs_reference import AttrsReference
        from griffe_sphinx_markup import SphinxMarkup
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    extensions = griffe.load_extensions(SphinxMarkup(), AttrsReference(**_extension_options()))
    return griffe.load(
        "peacetrack",
        search_paths=[str(ROOT / "src")],
        extensions=extensions,
        docstring_parser="numpy",
    )


PUBLIC = [
    (module, name, getattr(module, name))
    for module in (
        peacetrack.records,
        peacetrack.dates,
        peacetrack.events,
        peacetrack.errors,
        peacetrack.timeline,
    )
    for name in module.__all__
]
ATTRS_CLASSES = [(m, n, o) for m, n, o in PUBLIC if isinstance(o, type) and attrs.has(o)]
ENUMS = [(m, n, o) for m, n, o in PUBLIC if isinstance(o, type) and issubclass(o, enum.Enum)]


def _griffe_class(package: Any, module: Any, name: str) -> Any:
    obj = package[f"{module.__name__.split('.', 1)[1]}.{name}"]
    return obj.final_target if obj.is_alias else obj


def _bare(text: str) -> str:
    """A type as shown, without spaces or module paths: ``tuple[str,...]``, ``Period``."""
    return re.sub(r"\b(?:[a-z_][\w]*\.)+(?=[A-Za-z_])", "", re.sub(r"\s+", "", text))


# Public type aliases (``ClaimValue``) are shown by name; they stand for their value.
ALIASES = {
    name: _bare(inspect.formatannotation(obj))
    for module in (peacetrack.records, peacetrack.dates)
    for name in module.__all__
    if not isinstance(obj := getattr(module, name), type) and not callable(obj)
}


def _rendered_type(annotation: Any) -> str:
    shown = _bare(str(annotation))
    return re.sub(r"\w+", lambda m: ALIASES.get(m.group(), m.group()), shown)


def _runtime_type(field: attrs.Attribute[Any]) -> str:
    text = field.type if isinstance(field.type, str) else inspect.formatannotation(field.type)
    return _bare(text)


def test_every_record_class_is_covered() -> None:
    names = {n for m, n, _ in ATTRS_CLASSES if m is peacetrack.records}
    assert {"Round", "Ceasefire", "Exclusion", "Claim", "Membership"} <= names
    assert {n for _, n, _ in ENUMS} >= {"PartyKind", "RoundFormat", "RoundOutcome"}


@pytest.mark.parametrize(("module", "name", "cls"), ATTRS_CLASSES, ids=lambda v: str(v))
def test_fields_are_listed_with_their_types_and_defaults(
    package: Any, module: Any, name: str, cls: type
) -> None:
    documented = _griffe_class(package, module, name)
    sections = documented.docstring.parsed
    listed = {
        p.name: p
        for section in sections
        if section.kind.value == "parameters"
        for p in section.value
    }
    for field in attrs.fields(cls):
        if not field.init:
            continue
        param = field.alias or field.name
        assert param in listed, f"{name}: field {param} is not in the reference"
        assert _rendered_type(listed[param].annotation) == _runtime_type(field), (name, param)
        if field.default is attrs.NOTHING:
            assert listed[param].value is None, (name, param)
        else:
            assert listed[param].value == repr(field.default), (name, param)


@pytest.mark.parametrize(("module", "name", "cls"), ATTRS_CLASSES, ids=lambda v: str(v))
def test_the_signature_is_the_runtime_signature(
    package: Any, module: Any, name: str, cls: type
) -> None:
    init = _griffe_class(package, module, name).members["__init__"]
    runtime = inspect.signature(cls.__init__)  # type: ignore[misc]
    shown = [(p.name, p.kind.name, p.default is not None) for p in init.parameters]
    expected = [
        (p.name, p.kind.name.lower(), p.default is not inspect.Parameter.empty)
        for p in runtime.parameters.values()
    ]
    assert shown == expected


@pytest.mark.parametrize(("module", "name", "cls"), ENUMS, ids=lambda v: str(v))
def test_every_enum_lists_its_values(package: Any, module: Any, name: str, cls: Any) -> None:
    sections = _griffe_class(package, module, name).docstring.parsed
    text = "\n".join(s.value for s in sections if s.kind.value == "text")
    for member in cls:
        assert f"| `{member.name}` | `{member.value!r}` |" in text, (name, member)


def test_sphinx_roles_are_still_rewritten_in_record_docstrings(package: Any) -> None:
    """The field tables must not freeze a docstring before its roles are rewritten."""
    with_roles = [
        (m, n)
        for m, n, c in ATTRS_CLASSES
        if c.__doc__ and re.search(r":(class|meth):`", c.__doc__)
    ]
    assert with_roles, "no attrs class docstring uses a Sphinx role: this test checks nothing"
    for module, name in with_roles:
        sections = _griffe_class(package, module, name).docstring.parsed
        text = "\n".join(str(s.value) for s in sections if s.kind.value == "text")
        assert not re.search(r":(class|meth):`", text), name


def _described(cls: type) -> set[str]:
    """Field names the class docstring itself describes (Attributes or Parameters)."""
    text = inspect.cleandoc(cls.__doc__ or "")
    names: set[str] = set()
    for section in griffe.Docstring(text).parse("numpy"):
        if section.kind.value in ("attributes", "parameters"):
            for item in section.value:
                names |= {n.strip() for n in item.name.split(",")}
    return names & {f.alias or f.name for f in attrs.fields(cls)}


def test_fields_described_in_a_docstring_keep_their_description(package: Any) -> None:
    checked = 0
    for module, name, cls in ATTRS_CLASSES:
        params = {
            p.name: p
            for section in _griffe_class(package, module, name).docstring.parsed
            if section.kind.value == "parameters"
            for p in section.value
        }
        for field in _described(cls):
            assert params[field].description.strip(), (name, field)
            checked += 1
    assert checked >= 5  # else this test would check (next to) nothing
