"""Imports point one way: from the edges of the house to its core (docs/architecture.md).

Each part of the package sits on a layer; a module may import from its own part and
from parts on lower layers, never from a higher one, and never a private module or
name of another package (``peacetrack.io._convert`` from outside ``peacetrack.io``).
Imports under ``if TYPE_CHECKING:`` are for the type checker only and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "peacetrack"

# The layers, lowest first, as docs/architecture.md draws them. A part of the package
# not listed here fails the test, so a new module is placed on purpose.
LAYERS: list[set[str]] = [
    {"errors", "_fast", "_version"},
    {"_edtf"},
    {"_dateparts"},
    {"dates"},
    {"_field_checks"},
    {"_registry", "_parts", "_other_names"},
    {"records"},
    {"_display", "_claims", "_html"},
    {"events"},
    {"_participation_rules"},
    {"_index", "_timeline_rules"},
    {"_participation_queries"},
    {"_snapshot", "_store"},
    {"_event_queries", "_in_force_queries"},
    {"timeline"},
    {"io", "graph", "schema", "testing"},
    {"interop", "plot", "datasets"},
    # Optional dependencies (pyarrow, duckdb, dask) imported on first use; a missing
    # one raises peacetrack.plot.MissingExtraError, so this sits above plot.
    {"_extras"},
    {"tables"},
    {"scale", "report", "importers", "_cli_text"},
    {"_cli_io"},
    {"_cli_commands", "_cli_import"},
    {"cli"},
    {"__main__", "__init__"},
]
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}


# ``Period`` lives in its own module but belongs to the dates layer (dates re-exports
# it; it reads PartialDate), so the two are one part; so are the record classes, in a
# module per family, and ``records``, which re-exports them.
_SAME_PART = {
    "_period": "dates",
    "_record": "records",
    "_actors": "records",
    "_negotiation": "records",
    "_conflict": "records",
    "_participation": "records",
}


# The only private modules another part may read, and why: peacetrack.tables writes and
# reads records in another layout (Arrow, Parquet) with the file format's own converter
# and fast reader, which peacetrack.io keeps out of its public API. (importing part,
# private module)
_SHARED_PRIVATES = {
    ("tables", "peacetrack.io._convert"),
    ("tables", "peacetrack.io._fast_reader"),
}


def _shared(own: str, imported: str) -> bool:
    return any(
        own == part and (imported == private or imported.startswith(private + "."))
        for part, private in _SHARED_PRIVATES
    )


def _part(module: str) -> str:
    """``peacetrack.io._convert`` -> ``io``; ``peacetrack`` -> ``__init__``."""
    parts = module.split(".")
    part = parts[1] if len(parts) > 1 else "__init__"
    return _SAME_PART.get(part, part)


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(("peacetrack", *parts)).removesuffix(".__init__")
        found.append((name, path))
    return found


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _imports(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` for every peacetrack module or name imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("peacetrack")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "peacetrack":
                found += [(node.lineno, f"peacetrack.{a.name}") for a in node.names]
            elif node.module.startswith("peacetrack."):
                found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


MODULES = _modules()


@pytest.mark.parametrize(("name", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_imports_point_down_and_keep_out_of_other_packages_privates(name: str, path: Path) -> None:
    own = _part(name)
    assert own in RANK, f"{name}: place {own!r} on a layer in LAYERS (docs/architecture.md)"
    wrong = []
    for line, imported in _imports(path):
        part = _part(imported)
        if part in ("__version__", "__init__"):
            continue
        if part not in RANK:
            wrong.append(f"line {line}: {imported} is not on any layer")
        elif part != own and RANK[part] >= RANK[own]:
            wrong.append(f"line {line}: {imported} is on a layer above or beside {own}")
        pieces = imported.split(".")
        # peacetrack.<package>.<_private...>, imported from outside that package.
        package = (SRC / part).is_dir()
        private = any(p.startswith("_") for p in pieces[2:])
        if package and part != own and private and not _shared(own, imported):
            wrong.append(f"line {line}: {imported} is private to peacetrack.{part}")
    assert not wrong, f"{name}:\n" + "\n".join(wrong)


def test_the_layers_named_here_are_the_layers_the_docs_draw() -> None:
    page = (SRC.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    for parts in LAYERS:
        for part in parts - {"__main__", "__init__", "_version", "tables", "importers", "scale"}:
            if part in (
                "_edtf",
                "_dateparts",
                "_participation_rules",
                "_participation_queries",
                "_other_names",
                "_extras",
            ):
                continue
            if (SRC / f"{part}.py").exists() or (SRC / part).is_dir():
                assert f"`{part}`" in page, f"docs/architecture.md does not place {part}"


def test_each_shared_private_module_is_still_read_by_the_part_named() -> None:
    """An exception to the rule that nobody needs any more is removed, not kept."""
    used = {
        (_part(name), private)
        for name, path in MODULES
        for _, imported in _imports(path)
        for part, private in _SHARED_PRIVATES
        if _shared(part, imported) and _part(name) == part
    }
    assert used == _SHARED_PRIVATES
