"""Take the screenshots of the bundled case's report shown in docs/report.md.

Run from anywhere, after changing the report's page or the case::

    python scripts/render_report_screenshot.py    # writes docs/img/report*.png

It writes the report of ``peacetrack.datasets.geneva_2016()`` (opening on 1 May 2016,
when Alloush was still chief negotiator) into a temporary folder and opens it in
Debian's Chromium through ``tests/browser/report_check.mjs`` (playwright-core, from
``tests/browser/setup.sh``), which saves the pictures. Nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from peacetrack.datasets import geneva_2016
from peacetrack.report import write_report

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "docs" / "img"
DRIVER = ROOT / "tests" / "browser" / "report_check.mjs"
AT = "2016-05-01"


def render(out: Path = IMG) -> list[Path]:
    """Write ``report.png`` (the first screen) and ``report-graph.png`` (the date
    panels and the party graph) into ``out``; return their paths."""
    chromium = os.environ.get("PEACETRACK_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Chromium is not installed; run tests/browser/setup.sh")
    out.mkdir(parents=True, exist_ok=True)
    shots = [out / "report.png", out / "report-graph.png"]
    with tempfile.TemporaryDirectory(prefix="peacetrack-report-") as folder:
        index = write_report(geneva_2016(), folder, at=AT)
        config = {
            "url": index.as_uri(),
            "chromium": chromium,
            "viewport": {"width": 1200, "height": 1000},
            "shots": [
                {"path": str(shots[0])},
                {"path": str(shots[1]), "selector": "#snapshot"},
            ],
        }
        proc = subprocess.run(
            ["node", str(DRIVER), json.dumps(config)],
            cwd=DRIVER.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0:
        raise SystemExit(f"the browser driver failed:\n{proc.stderr}")
    seen = json.loads(proc.stdout)
    if seen["console"] or seen["pageErrors"]:
        raise SystemExit(f"the page reported errors: {seen['console'] + seen['pageErrors']}")
    return shots


if __name__ == "__main__":
    for path in render():
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
