"""Optional dependencies, imported on first use, with a message that names the extra.

The table, scale and distributed modules import pyarrow, pandas, duckdb and dask
only inside the functions that need them, through :func:`require`, so ``import
peacetrack.tables`` always works and a missing package is a
:class:`~peacetrack.plot.MissingExtraError` that says what to install.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from peacetrack.plot import MissingExtraError

__all__ = ["require"]


def require(module: str, extra: str, purpose: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``extra``.

    Examples
    --------
    >>> require("json", "tables", "reading").__name__
    'json'
    >>> require("no_such_module_here", "tables", "peacetrack.tables")
    Traceback (most recent call last):
    ...
    peacetrack.plot.MissingExtraError: peacetrack.tables needs no_such_module_here, \
which is not installed; install the tables extra: pip install "peacetrack[tables]"
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.split(".")[0]
        raise MissingExtraError(
            f"{purpose} needs {top}, which is not installed; "
            f'install the {extra} extra: pip install "peacetrack[{extra}]"'
        ) from exc
