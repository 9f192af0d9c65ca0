"""Every public name appears in the API reference.

Some reference pages list their members by hand (to keep a reading order when the
names live in private modules); a new public name left off such a list would vanish
from the docs silently. This test keeps each list equal to the module's ``__all__``.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "reference"
PAGES = sorted(REFERENCE.glob("*.md"))


def directives(text: str) -> list[tuple[str, list[str] | None]]:
    """``(module, members)`` per ``::: module`` directive; members None when not listed."""
    found: list[tuple[str, list[str] | None]] = []
    for block in re.split(r"(?m)^(?=::: )", text):
        head = re.match(r"::: ([\w.]+)", block)
        if head is None:
            continue
        members = re.search(r"(?m)^ +members:\n((?: +- \S+\n?)+)", block)
        listed = None if members is None else re.findall(r"- (\S+)", members.group(1))
        found.append((head.group(1), listed))
    return found


def test_there_are_reference_pages() -> None:
    assert len(PAGES) >= 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_listed_members_equal_all(page: Path) -> None:
    for module_name, listed in directives(page.read_text(encoding="utf-8")):
        module = importlib.import_module(module_name)
        if listed is not None:
            assert sorted(listed) == sorted(module.__all__), module_name


def test_the_directive_reader_sees_a_member_list() -> None:
    text = "::: peacetrack.graph\n    options:\n      members:\n        - parties\n        - Hop\n"
    assert directives(text) == [("peacetrack.graph", ["parties", "Hop"])]
