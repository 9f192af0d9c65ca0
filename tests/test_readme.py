"""The README's examples run, and its quick start is the one CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
TEXT = README.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, flags=re.DOTALL)


def test_readme_has_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=lambda i: f"block{i}")
def test_readme_example_runs(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(BLOCKS[index], f"README.md[block {index}]", "exec"), {})
    assert capsys.readouterr().out.strip(), "each README example prints something"


def test_quick_start_is_two_commands() -> None:
    match = re.search(r"<!-- quickstart:start -->(.*?)<!-- quickstart:end -->", TEXT, re.DOTALL)
    assert match is not None
    commands = [line for line in match.group(1).splitlines() if line and not line.startswith("```")]
    assert commands == ['pip install -e ".[dev]" && peacetrack', "pytest"]
