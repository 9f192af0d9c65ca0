"""A griffe extension for the API reference: attrs signatures and enum values.

griffe reads source code, and an attrs class has no ``__init__`` in its source: attrs
writes it at import time. Without one, mkdocstrings shows ``class Round`` with no
arguments, and a reader has to call ``inspect.signature`` to learn the argument order.
This extension imports each attrs class of the package and gives griffe an
``__init__`` with attrs' own signature (names, order, annotations, defaults,
keyword-only markers), which ``merge_init_into_class`` then shows as the class
signature. The field table (types, defaults, meanings) comes from griffe-fieldz,
wired next to this extension in ``mkdocs.yml``.

An enum's members have no docstrings, so the reference would hide them; this
extension appends a "Values" table (member and stored value) to each enum's
docstring instead.

It changes only what the docs show; the code stays as it is.
"""

from __future__ import annotations

import enum
import inspect
from typing import Any

import griffe
from griffe_fieldz import FieldzExtension

_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: griffe.ParameterKind.positional_only,
    inspect.Parameter.POSITIONAL_OR_KEYWORD: griffe.ParameterKind.positional_or_keyword,
    inspect.Parameter.VAR_POSITIONAL: griffe.ParameterKind.var_positional,
    inspect.Parameter.KEYWORD_ONLY: griffe.ParameterKind.keyword_only,
    inspect.Parameter.VAR_KEYWORD: griffe.ParameterKind.var_keyword,
}


def _annotation(value: Any, cls: griffe.Class) -> str | griffe.Expr | None:
    if value is inspect.Parameter.empty:
        return None
    text = value if isinstance(value, str) else inspect.formatannotation(value)
    return griffe.parse_docstring_annotation(text, griffe.Docstring("", parent=cls))


def _init(cls: griffe.Class, runtime: type) -> griffe.Function:
    """An ``__init__`` with the runtime signature of an attrs class."""
    import attrs

    signature = inspect.signature(runtime.__init__)  # type: ignore[misc]
    # A field with a lenient converter takes ``Any`` in attrs' __init__; the field's
    # own type says what the reader should pass (and what they get back).
    types = {f.alias or f.name: f.type for f in attrs.fields(runtime)}
    parameters = [
        griffe.Parameter(
            name,
            annotation=_annotation(types.get(name) or p.annotation, cls),
            kind=_KINDS[p.kind],
            default=None if p.default is inspect.Parameter.empty else repr(p.default),
        )
        for name, p in signature.parameters.items()
    ]
    return griffe.Function(
        "__init__", parameters=griffe.Parameters(*parameters), returns="None", parent=cls
    )


def _values_table(runtime: type[enum.Enum]) -> str:
    rows = [f"| `{m.name}` | `{m.value!r}` |" for m in runtime]
    return "\n".join(["**Values**", "", "| Member | Value |", "| --- | --- |", *rows])


def _attributes_to_parameters(cls: griffe.Class, fields: set[str]) -> None:
    """Move the fields a docstring describes under "Attributes" to "Parameters".

    griffe-fieldz lists fields as parameters and drops them from an Attributes
    section, description and all; moved first, the descriptions are kept (fieldz
    keeps an existing entry's description and fills in its type and default). A
    numpy entry naming several fields (``a, b``) gives each the description.
    """
    if cls.docstring is None:
        return
    sections = cls.docstring.parsed
    moved: list[griffe.DocstringParameter] = []
    for section in sections:
        if not isinstance(section, griffe.DocstringSectionAttributes):
            continue
        kept = []
        for item in section.value:
            names = [n.strip() for n in item.name.split(",")]
            if not all(n in fields for n in names):
                kept.append(item)
                continue
            moved += [
                griffe.DocstringParameter(
                    n, description=item.description, annotation=item.annotation
                )
                for n in names
            ]
        section.value = kept
    if not moved:
        return
    sections[:] = [
        s for s in sections if not isinstance(s, griffe.DocstringSectionAttributes) or s.value
    ]
    params = next((s for s in sections if isinstance(s, griffe.DocstringSectionParameters)), None)
    if params is None:
        params = griffe.DocstringSectionParameters([])
        sections.insert(1 if sections and sections[0].kind.value == "text" else 0, params)
    present = {p.name for p in params.value}
    params.value.extend(p for p in moved if p.name not in present)


class AttrsReference(FieldzExtension):
    """griffe-fieldz's field tables, attrs signatures and enum value tables.

    griffe-fieldz parses a class docstring when it adds the fields. Run that early
    and the parse is cached before ``griffe_sphinx_markup`` has rewritten the Sphinx
    roles, which then show raw. So this subclass only notes each class as griffe
    visits it and does the work in ``on_package``, after every extension listed
    before it (list it last in ``mkdocs.yml``).
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._classes: list[griffe.Class] = []

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        self._classes.append(cls)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        import attrs

        for cls in self._classes:
            if cls.package is not pkg:
                continue
            try:
                runtime = griffe.dynamic_import(cls.path)
            except ImportError:
                continue
            if not isinstance(runtime, type):
                continue
            if attrs.has(runtime):
                if "__init__" not in cls.members:
                    cls.set_member("__init__", _init(cls, runtime))
                _attributes_to_parameters(cls, {f.alias or f.name for f in attrs.fields(runtime)})
                super().on_class_members(node=None, cls=cls, agent=None)
            elif issubclass(runtime, enum.Enum) and len(runtime):
                if cls.docstring is None:
                    cls.docstring = griffe.Docstring("", parent=cls)
                cls.docstring.parsed.append(griffe.DocstringSectionText(_values_table(runtime)))
