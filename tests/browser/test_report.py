"""``peacetrack report`` pages open in headless Chromium and read as they should.

Debian's Chromium is driven by ``report_check.mjs`` through playwright-core (npm,
pinned in package.json; it never downloads a browser). The page is opened from the
file system (``file://``), as a reader who was sent the folder would open it, under
its own Content-Security-Policy. The script reports what it saw as JSON (console
errors, dialogs, DOM facts, timings, the axe-core accessibility violations); the
assertions are here, against what the timeline itself says.

Screenshots are kept as test artifacts in ``$PEACETRACK_ARTIFACTS`` when set, else in
a pytest temporary folder (the path is printed).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from peacetrack import Claim, Person, Source, Timeline
from peacetrack._display import display_name
from peacetrack.report import date_in_words, page_data, write_report

HERE = Path(__file__).parent
DRIVER = HERE / "report_check.mjs"
NEEDED = [
    HERE / "node_modules/playwright-core/index.mjs",
    HERE / "node_modules/axe-core/axe.min.js",
]
XSS_NAME = "<img src=x onerror=alert(1)>"  # as in conftest.geneva_case
SCRIPT_PROBE = "</script><script>alert(2)</script>"
LOAD_BUDGET_MS = 3000
LINK_DATE = "2016-04-20%3F"  # "2016-04-20?", not an event date: the last one before it

Check = Callable[..., dict[str, Any]]


def _chromium() -> str | None:
    """Chromium to run: $PEACETRACK_CHROMIUM if set, else ``chromium`` on the PATH."""
    chosen = os.environ.get("PEACETRACK_CHROMIUM") or shutil.which("chromium")
    return chosen if chosen and os.path.isfile(chosen) else None


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _missing() -> str | None:
    if _chromium() is None:
        return "Chromium is not installed (apt-get install chromium)"
    if shutil.which("node") is None:
        return "Node.js is not installed"
    for path in NEEDED:
        if not path.is_file():
            return f"{path} is missing"
    return None


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("PEACETRACK_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("report-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def check(artifacts: Path) -> Check:
    """``check(index, name, filter=None, link_date=None, url=None)``: open ``index``
    (from the file system, or at ``url``) in Chromium, screenshot it to
    ``artifacts/<name>.png``, run axe-core, return what the driver saw."""
    missing = _missing()
    if missing:
        message = f"{missing}; run tests/browser/setup.sh"
        if _in_ci():
            pytest.fail(f"browser tests cannot run in CI: {message}")
        pytest.skip(message)
    chromium = _chromium()

    def run(
        index: Path,
        name: str,
        filter: str | None = None,
        link_date: str | None = None,
        url: str | None = None,
    ) -> dict[str, Any]:
        shot = artifacts / f"{name}.png"
        config = {
            "url": url or index.resolve().as_uri(),
            "chromium": chromium,
            "screenshot": str(shot),
            "axe": True,
            **({"filter": filter} if filter is not None else {}),
            **({"linkDate": link_date} if link_date is not None else {}),
        }
        proc = subprocess.run(
            ["node", str(DRIVER), json.dumps(config)],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
            cwd=HERE,
        )
        if proc.returncode != 0:
            pytest.fail(f"the driver failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
        print(f"screenshot: {shot}", file=sys.stderr)
        result: dict[str, Any] = json.loads(proc.stdout)
        result["screenshot"] = shot
        return result

    return run


def _assert_clean(seen: dict[str, Any], index: Path) -> None:
    """No console errors or warnings, no script errors, no dialogs, no network."""
    assert seen["console"] == []
    assert seen["pageErrors"] == []
    assert seen["dialogs"] == []
    folder = index.parent.resolve().as_uri()
    assert all(url.startswith(folder) for url in seen["requests"]), seen["requests"]


def _assert_screenshot(seen: dict[str, Any]) -> None:
    shot: Path = seen["screenshot"]
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(head[16:20], "big")
    height = int.from_bytes(head[20:24], "big")
    assert width == 1280
    assert height > 2000, "the full page, not only the first screen"


def _assert_accessible(seen: dict[str, Any]) -> None:
    bad = [v for v in seen["axe"] if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.fixture(scope="session")
def hostile_case(geneva_case: Timeline) -> Timeline:
    """The Geneva case with an injected party (conftest), plus a person whose name
    closes a script block, a source with a javascript: link, and two contested claims
    whose text is markup."""
    return geneva_case.with_records(
        Person("script-person", SCRIPT_PROBE),
        Source("xss-source", XSS_NAME, SCRIPT_PROBE, url="javascript:alert(3)"),
        Claim("xss-claim-1", "xss-incident", "xss-party", XSS_NAME, 5, sources=("xss-source",)),
        Claim(
            "xss-claim-2", "xss-incident", "script-person", XSS_NAME, SCRIPT_PROBE, quote=XSS_NAME
        ),
    )


@pytest.fixture(scope="session")
def geneva_report(hostile_case: Timeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(hostile_case, tmp_path_factory.mktemp("geneva-report"))


@pytest.fixture(scope="session")
def geneva_seen(check: Check, geneva_report: Path) -> dict[str, Any]:
    return check(geneva_report, "report-geneva", filter="Alloush", link_date=LINK_DATE)


def test_geneva_report_opens_cleanly(geneva_seen: dict[str, Any], geneva_report: Path) -> None:
    _assert_clean(geneva_seen, geneva_report)
    _assert_screenshot(geneva_seen)
    _assert_accessible(geneva_seen)


def test_hostile_text_shows_as_text(geneva_seen: dict[str, Any], hostile_case: Timeline) -> None:
    first = geneva_seen["first"]
    assert first["imgs"] == 0, "no <img> element was made from record text"
    assert geneva_seen["dialogs"] == []
    body = first["bodyText"]
    assert XSS_NAME in body  # the injected party, as text
    assert SCRIPT_PROBE in body  # the person whose name closes a script block
    assert any(XSS_NAME in h for h in first["contestHeadings"])
    # The javascript: link of the hostile source is shown as plain text, never a link.
    assert all(href.startswith(("http://", "https://")) for href in first["sourceLinks"])
    linked = sum(1 for s in hostile_case.sources if s.url and s.url.startswith("http"))
    assert len(first["sourceLinks"]) == linked
    assert first["sources"] == len(hostile_case.sources)


def test_timeline_and_graph_render(geneva_seen: dict[str, Any], hostile_case: Timeline) -> None:
    from peacetrack import graph

    first = geneva_seen["first"]
    assert first["h1"] == "UN-mediated intra-Syrian proximity talks in Geneva (2016)"
    assert first["bands"] == len(hostile_case.rounds) + len(hostile_case.ceasefires)
    assert first["bars"] > 0
    whole = graph.parties(hostile_case)
    assert first["nodes"] == min(60, whole.number_of_nodes())
    names = {str(whole.nodes[n]["name"]) for n in whole.nodes}
    for label in first["nodeLabels"]:  # labels are names (long ones shortened with …)
        assert label in names or (
            label.endswith("\u2026") and any(n.startswith(label[:-1]) for n in names)
        )
    assert first["edges"] > 0
    kinds = {str(k).replace("_", " ") for _, _, k in whole.edges(data="kind")}
    assert kinds <= set(first["legend"])
    assert len(first["events"]) == min(50, len(hostile_case.events()))


def test_overview_zooms_from_the_talks_to_the_whole_timeline(
    geneva_seen: dict[str, Any], hostile_case: Timeline
) -> None:
    zoom = geneva_seen["zoom"]
    # The bundled case opens on the months of the talks (month ticks) ...
    assert any(label.endswith(" 2016") and " " in label for label in zoom["before"])
    # ... and "Whole timeline" shows every year from the first event on.
    years = {str(e.date.year) for e in hostile_case.events()}
    assert min(years) in zoom["after"]
    assert all(label.isdigit() for label in zoom["after"])
    assert zoom["pressed"] == "true"


def test_snapshot_shows_what_timeline_at_says(
    geneva_seen: dict[str, Any], hostile_case: Timeline
) -> None:
    data = page_data(hostile_case)
    for seen, index in [
        (geneva_seen["first"], data["initial"]),
        (geneva_seen["stepped"], data["initial"] - 1),
        (geneva_seen["home"], 0),
    ]:
        date = data["snapshots"][index]["date"]
        s = hostile_case.at(date)
        assert seen["snapshotDate"] == date_in_words(date)
        assert seen["slider"]["value"] == str(index)
        assert seen["slider"]["valuetext"] == date_in_words(date)
        assert seen["ceasefires"] == [c.name for c in s.ceasefires_in_force]
        members = sorted(
            display_name(hostile_case, m.person) for ms in s.members.values() for m in ms
        )
        assert sorted(m.split(", ")[0] for m in seen["members"] if m != "none") == members
        delegations = sorted(display_name(hostile_case, d) for d, ms in s.members.items() if ms)
        assert sorted(seen["delegations"]) == delegations
        assert seen["openDelegations"] == len(delegations)  # few members: all open
        excluded = sorted(display_name(hostile_case, p) for p in s.excluded)
        assert sorted(x for x in seen["excluded"] if x != "none") == excluded


def test_snapshot_control_changes_what_is_shown(geneva_seen: dict[str, Any]) -> None:
    first, stepped, home = geneva_seen["first"], geneva_seen["stepped"], geneva_seen["home"]
    assert stepped["snapshotDate"] != first["snapshotDate"]
    assert home["snapshotDate"] == "2011"
    # The bundled case opens on round 2 in progress; on the first date nothing is.
    assert first["rounds"] != home["rounds"]
    assert first["graphNote"] != home["graphNote"]
    assert first["edges"] > home["edges"]


def test_a_link_opens_the_page_on_a_date(
    geneva_seen: dict[str, Any], hostile_case: Timeline
) -> None:
    from peacetrack import PartialDate

    snapshots = page_data(hostile_case)["snapshots"]
    assert geneva_seen["hashAfterSlider"] == f"#at={snapshots[0]['date']}"
    day = PartialDate.parse(LINK_DATE.replace("%3F", "?")).earliest_ordinal
    expected = [s for s in snapshots if s["day"] <= day][-1]
    assert expected["date"] == "2016-04-18"  # the HNC stepped back from round 3
    assert geneva_seen["linked"] == expected["words"]


def test_event_filter(geneva_seen: dict[str, Any], hostile_case: Timeline) -> None:
    filtered = geneva_seen["filtered"]
    assert filtered["events"]
    assert all("alloush" in e.lower() for e in filtered["events"])
    assert (
        f"of {len(filtered['events'])} matching (of {len(hostile_case.events())})"
        in (filtered["status"])
    )


def test_the_report_works_served_over_http(check: Check, geneva_report: Path) -> None:
    """Published as it is (GitHub Pages, any static server), the page works the same:
    the CSP's 'self' is then the server's origin."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(geneva_report.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        seen = check(geneva_report, "report-geneva-http", url=base + "index.html")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert seen["console"] == []
    assert seen["pageErrors"] == []
    assert all(url.startswith(base) for url in seen["requests"]), seen["requests"]
    assert seen["first"]["edges"] > 0
    assert seen["first"]["snapshotDate"]
    _assert_accessible(seen)


def test_a_timeline_without_events(check: Check, tmp_path: Path) -> None:
    from peacetrack import Party

    t = Timeline([Party("a", "Alpha", "state"), Party("b", "Beta", "state")])
    index = write_report(t, tmp_path / "empty")
    seen = check(index, "report-empty")
    _assert_clean(seen, index)
    _assert_accessible(seen)
    first = seen["first"]
    assert "No dated events." in first["bodyText"]
    assert first["events"] == []
    assert first["eventsStatus"] == "Events 0 of 0; page 1 of 1."
    assert sorted(first["nodeLabels"]) == ["Alpha", "Beta"]
    assert first["snapshotDate"] == ""
    assert "no date to show" in first["bodyText"]
    assert first["edges"] == 0


# -- 10,000 records --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def big_case() -> Timeline:
    sys.path.insert(0, str(HERE.parent.parent / "benchmarks"))
    try:
        from corpus import corpus
    finally:
        sys.path.pop(0)
    return Timeline(corpus(10_000, seed=19))


def test_ten_thousand_records_open_in_under_three_seconds(
    check: Check, big_case: Timeline, tmp_path: Path
) -> None:
    index = write_report(big_case, tmp_path / "big")
    seen = check(index, "report-10k", filter="shelling 2003")
    print(
        f"10k records: load {seen['loadMs']} ms, script {seen['readyMs']} ms, "
        f"redraw {seen['redrawMs']} ms",
        file=sys.stderr,
    )
    assert seen["loadMs"] < LOAD_BUDGET_MS
    _assert_clean(seen, index)
    _assert_screenshot(seen)
    _assert_accessible(seen)
    first = seen["first"]
    n = len(big_case.events())
    assert first["eventsStatus"] == f"Events 1\u201350 of {n:,}; page 1 of {-(-n // 50)}."
    assert len(first["events"]) == 50
    assert seen["nextPage"] != first["events"][:3]
    assert first["nodes"] == 60
    assert first["delegations"]
    assert first["openDelegations"] == (
        0 if len(first["members"]) > 15 else len(first["delegations"])
    )
    # The rounds and ceasefires span most of the twenty years: one view, no zoom.
    assert seen["zoom"] is None
    assert "most connected" in first["graphNote"]
    assert seen["stepped"]["snapshotDate"] != first["snapshotDate"]
    assert seen["redrawMs"] < 500  # the page's own time to show another date
    data = page_data(big_case)
    positions = data["snapshots"][data["initial"]]["positions"]
    assert len(first["positions"]) == min(20, len(positions))
    assert (f"Show all {len(positions)}" in first["moreButtons"]) == (len(positions) > 20)
    rows = data["events"]
    words = ["shelling", "2003"]
    expected = [r for r in rows if all(w in f"{r[2]} {r[3]} {r[4]}".lower() for w in words)]
    shown = seen["filtered"]["events"]
    assert len(shown) == min(50, len(expected)) > 0
    assert all(all(w in e.lower() for w in words) for e in shown)
    assert f"of {len(expected):,} matching" in seen["filtered"]["status"]
