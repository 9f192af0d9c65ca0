"""Run every Python example in the Markdown docs as a test.

Each ```python block runs in order, sharing one namespace per page, so a page reads
like a session; `>>>` lines inside a block are checked as doctests. Assertions in
the blocks are what make them tests.
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["*.md"],
).pytest()
