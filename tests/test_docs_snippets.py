"""The HTML shown on docs/notebooks.md is what the code renders today."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def script() -> Any:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import render_docs_images
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return render_docs_images


def test_the_notebook_page_shows_every_snippet(script: Any) -> None:
    page = (ROOT / "docs" / "notebooks.md").read_text(encoding="utf-8")
    for name in script.snippets():
        assert f'--8<-- "docs/snippets/{name}"' in page


def test_the_snippets_are_current(script: Any) -> None:
    for name, html in script.snippets().items():
        path = ROOT / "docs" / "snippets" / name
        assert path.read_text(encoding="utf-8") == html + "\n", (
            f"{path} is out of date: run python scripts/render_docs_images.py"
        )


def test_the_two_process_sample_holds_two_processes_with_rounds(script: Any) -> None:
    from peacetrack.io import load

    t = load(script.TWO_PROCESSES)
    assert len(t.processes) == 2
    assert {r.process for r in t.rounds} == {p.id for p in t.processes}
    assert all(r.sources for r in t.rounds)
