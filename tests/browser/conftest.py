"""Browser tests: the real TimelineJS and mermaid, in headless Chromium.

The exports are served from a local HTTP server on 127.0.0.1 (a free port) together
with the npm packages that ``tests/browser/setup.sh`` installs into
``tests/browser/node_modules``. Chromium (Debian's ``chromium``) loads a page with
``--dump-dom`` and a virtual-time budget; the page does its checks itself and writes
the results as JSON into ``<pre id="result">``, which the tests read back.

When Chromium or the npm packages are missing the tests fail under CI (``CI=true``)
and are skipped with the reason otherwise.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from peacetrack import Designation, Exclusion, Incident, Party, Timeline
from peacetrack.datasets import geneva_2016

HERE = Path(__file__).parent
NODE_MODULES = HERE / "node_modules"
PAGES = HERE / "pages"
NEEDED = {
    "TimelineJS": NODE_MODULES / "@knight-lab/timelinejs/dist/js/timeline.js",
    "mermaid": NODE_MODULES / "mermaid/dist/mermaid.min.js",
}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
_RESULT = re.compile(r'<pre id="result">(.*?)</pre>', re.S)

RenderPage = Callable[[str, dict[str, Any]], dict[str, Any]]


def _chromium() -> str | None:
    """Chromium to run: $PEACETRACK_CHROMIUM if set, else ``chromium`` on the PATH."""
    chosen = os.environ.get("PEACETRACK_CHROMIUM") or shutil.which("chromium")
    return chosen if chosen and os.path.isfile(chosen) else None


def _missing() -> str | None:
    if _chromium() is None:
        return "Chromium is not installed (apt-get install chromium)"
    for label, path in NEEDED.items():
        if not path.is_file():
            return f"{label} is not installed ({path} is missing)"
    return None


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def served_dir() -> Iterator[Path]:
    """A folder served on 127.0.0.1, holding the pages and a link to node_modules."""
    missing = _missing()
    if missing:
        message = f"{missing}; run tests/browser/setup.sh"
        if _in_ci():
            pytest.fail(f"browser tests cannot run in CI: {message}")
        pytest.skip(message)
    with tempfile.TemporaryDirectory(prefix="peacetrack-browser-") as tmp:
        root = Path(tmp)
        (root / "node_modules").symlink_to(NODE_MODULES.resolve(), target_is_directory=True)
        for page in PAGES.iterdir():
            shutil.copy(page, root / page.name)
        yield root


@pytest.fixture(scope="session")
def base_url(served_dir: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(served_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def render_page(served_dir: Path, base_url: str) -> RenderPage:
    """``render_page(page, data)``: write ``data`` as ``data.json`` beside ``page``,
    load the page in headless Chromium and return the JSON it wrote into
    ``<pre id="result">``."""
    chromium = _chromium()
    assert chromium is not None

    def render(page: str, data: dict[str, Any]) -> dict[str, Any]:
        stem = Path(page).stem
        (served_dir / f"{stem}.data.json").write_text(json.dumps(data), encoding="utf-8")
        with tempfile.TemporaryDirectory(prefix="peacetrack-chromium-") as profile:
            proc = subprocess.run(
                [
                    chromium,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={profile}",
                    "--window-size=1200,900",
                    "--virtual-time-budget=30000",
                    "--dump-dom",
                    f"{base_url}/{page}",
                ],
                capture_output=True,
                text=True,
                timeout=90,
                check=False,
            )
        match = _RESULT.search(proc.stdout)
        if match is None or not match.group(1).strip():
            pytest.fail(
                f"the page wrote no result (exit {proc.returncode});\n"
                f"stdout: {proc.stdout[-3000:]}\nstderr: {proc.stderr[-3000:]}"
            )
        result: dict[str, Any] = json.loads(html.unescape(match.group(1)))
        return result

    return render


XSS_NAME = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def geneva_case() -> Timeline:
    """The Geneva 2016 case, plus a party whose name is an HTML injection, designated
    and excluded from a ceasefire so that it appears in headlines and in text."""
    t = geneva_2016()
    ceasefire = t.ceasefires[0]
    excluded = attrs.evolve(
        ceasefire, exclusions=(*ceasefire.exclusions, Exclusion("xss-party", XSS_NAME))
    )
    return t.without(ceasefire.id).with_records(
        excluded,
        Party("xss-party", XSS_NAME, "armed_group"),
        Designation("xss-designation", "xss-party", "un", "listed <b>group</b>", "2016-05-17/.."),
        Incident(
            "xss-incident",
            "shelling",
            "2016-05-18",
            XSS_NAME,
            description=f"claimed by {XSS_NAME}",
            parties=("xss-party",),
        ),
    )
