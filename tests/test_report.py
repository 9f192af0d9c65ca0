"""The report writer: dates in words, the page data, escaping, files and the CLI.

The page itself is opened in a browser by tests/browser/test_report.py; these tests
check what the writer puts in the folder.
"""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from peacetrack import (
    Claim,
    InvalidDateError,
    PartialDate,
    Party,
    PeacetrackError,
    Person,
    Source,
    Timeline,
)
from peacetrack._display import display_name
from peacetrack.cli import main
from peacetrack.datasets import geneva_2016
from peacetrack.report import (
    ReportError,
    date_in_words,
    page_data,
    period_in_words,
    write_report,
)
from peacetrack.report._html import CSP, render_index, script_json
from peacetrack.report._page import safe_url
from peacetrack.testing import partial_dates, timelines

HOSTILE = "</script><img src=x onerror=alert(1)>&amp;<!--"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# -- dates in words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("2016", "2016"),
        ("2016-04", "April 2016"),
        ("2016-05-30", "30 May 2016"),
        ("2016-05-30~", "about 30 May 2016"),
        ("2016?", "perhaps 2016"),
        ("2016-04?", "perhaps April 2016"),
        ("2016-01-29%", "perhaps about 29 January 2016"),
        ("0001-12", "December 1"),
    ],
    ids=lambda value: value,
)
def test_date_in_words(edtf: str, words: str) -> None:
    assert date_in_words(edtf) == words
    assert date_in_words(PartialDate.parse(edtf)) == words


@given(partial_dates())
def test_date_in_words_keeps_precision_and_qualifiers(d: PartialDate) -> None:
    words = date_in_words(d)
    assert words.endswith(str(d.year))
    assert words.startswith("perhaps ") == d.uncertain
    assert ("about " in words) == d.approximate
    named = [m for m in MONTHS if re.search(rf"\b{m}\b", words)]
    assert named == ([] if d.month is None else [MONTHS[d.month - 1]])
    has_day = re.search(r"(^|\s)\d{1,2} [A-Z]", words) is not None
    assert has_day == (d.day is not None)


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("2016-01-29/2016-02-03", "29 January 2016 to 3 February 2016"),
        ("2016-01/2016-05-29", "January 2016 to 29 May 2016"),
        ("2016-02-27/..", "since 27 February 2016"),
        ("2016-05/2016-05", "May 2016"),
    ],
    ids=lambda value: value,
)
def test_period_in_words(edtf: str, words: str) -> None:
    assert period_in_words(edtf) == words


def test_a_bad_date_is_a_peacetrack_error() -> None:
    with pytest.raises(InvalidDateError):
        date_in_words("2016-13")


# -- escaping ------------------------------------------------------------------------------


def _nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4)


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(), _nested))
def test_script_json_is_inert_and_round_trips(data: Any) -> None:
    text = script_json(data)
    assert text.isascii()
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text
    assert json.loads(text) == data


def test_script_json_escapes_a_closing_tag() -> None:
    text = script_json({"name": HOSTILE})
    assert "</script" not in text.lower()
    assert "<!--" not in text
    assert json.loads(text) == {"name": HOSTILE}


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("  https://example.org/x  ", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//example.org/a", False),
        ("https:///no-host", False),
        ("", False),
        (None, False),
        ("http://[::1", False),
    ],
)
def test_safe_url(url: str | None, kept: bool) -> None:
    result = safe_url(url)
    assert (result is not None) == kept
    if kept:
        assert url is not None
        assert result == url.strip()


# -- the page data -------------------------------------------------------------------------


class _Page(html.parser.HTMLParser):
    """Collects the data block, the CSP meta tags, scripts and the title."""

    def __init__(self) -> None:
        super().__init__()
        self.csp: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.data_text: list[str] = []
        self.title: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(a.get("content") or "")
        if tag == "script":
            self.scripts.append(a)
            self._in = "data" if a.get("type") == "application/json" else "script"
        if tag == "title":
            self._in = "title"

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "data":
            self.data_text.append(data)
        elif self._in == "title":
            self.title.append(data)
        elif self._in == "script":
            raise AssertionError(f"inline script: {data!r}")


def _parse(index: Path) -> _Page:
    page = _Page()
    page.feed(index.read_text(encoding="utf-8"))
    return page


def _hostile(t: Timeline) -> Timeline:
    """The bundled case plus records whose text is an HTML injection."""
    return t.with_records(
        Party("evil", HOSTILE, "armed_group"),
        Person("evil-person", f"{HOSTILE}\u2028line"),
        Source("evil-source", HOSTILE, HOSTILE, url="javascript:alert(1)"),
        Claim("evil-1", "evil", "evil-person", HOSTILE, 1, sources=("evil-source",)),
        Claim("evil-2", "evil", "un", HOSTILE, HOSTILE, quote=HOSTILE, date="2016-05"),
    )


@pytest.fixture(scope="module")
def hostile() -> Timeline:
    return _hostile(geneva_2016())


def test_page_data_counts_what_the_timeline_holds(hostile: Timeline) -> None:
    data = page_data(hostile)
    assert data["counts"]["records"] == len(hostile)
    assert len(data["events"]) == data["counts"]["events"] == len(hostile.events())
    assert [e[5] for e in data["events"]] == [e.record_id for e in hostile.events()]
    assert len(data["sources"]) == len(hostile.sources)
    assert [g["predicate"] for g in data["contested"]] == [
        predicate for _, predicate in hostile.contested()
    ]
    assert len(data["bands"]) == len(hostile.rounds) + len(hostile.ceasefires)
    # A javascript: URL never reaches the page; an https one does.
    urls = {s["id"]: s["url"] for s in data["sources"]}
    assert urls["evil-source"] is None
    assert all(u is None or u.startswith(("http://", "https://")) for u in urls.values())
    json.dumps(data, allow_nan=False)  # plain JSON data throughout


def test_each_snapshot_shows_what_timeline_at_says(hostile: Timeline) -> None:
    data = page_data(hostile)
    event_dates = {str(e.date) for e in hostile.events()}
    assert data["snapshots"]
    for snap in data["snapshots"]:
        assert snap["date"] in event_dates
        s = hostile.at(snap["date"])
        members = sorted(display_name(hostile, m.person) for ms in s.members.values() for m in ms)
        assert sorted(m[0] for d in snap["delegations"] for m in d["members"]) == members
        assert [c["name"] for c in snap["ceasefires"]] == [c.name for c in s.ceasefires_in_force]
        assert sorted(snap["excluded"]) == sorted(display_name(hostile, p) for p in s.excluded)
        assert snap["words"] == date_in_words(snap["date"])


def test_the_page_opens_on_the_date_asked_for() -> None:
    t = geneva_2016()
    data = page_data(t, at=PartialDate.parse("2016-04-20"))
    assert data["snapshots"][data["initial"]]["date"] == "2016-04-20"
    # The round in progress then is round 3 (13 to 27 April 2016).
    assert any("round 3" in r for r in data["snapshots"][data["initial"]]["rounds"])


@given(timelines(), st.integers(min_value=2, max_value=6))
def test_page_data_for_any_timeline(t: Timeline, limit: int) -> None:
    data = page_data(t, max_snapshots=limit, max_graph_nodes=limit)
    assert len(data["events"]) == len(t.events())
    assert len(data["snapshots"]) <= limit
    assert len(data["graph"]["nodes"]) <= limit
    distinct = sorted({e.date for e in t.events()})
    assert data["counts"]["dates"] == len(distinct)
    if distinct:
        assert data["snapshots"][0]["date"] == str(distinct[0])
        assert data["snapshots"][-1]["date"] == str(distinct[-1])
        assert 0 <= data["initial"] < len(data["snapshots"])
    kinds = len(data["graph"]["legend"])
    for snap in data["snapshots"]:
        assert all(0 <= k < kinds for _, _, k in snap["edges"])
    json.loads(script_json(data))


def test_graph_nodes_are_the_most_connected_and_on_the_unit_circle() -> None:
    from peacetrack import graph

    t = geneva_2016()
    whole = graph.parties(t)
    data = page_data(t, max_graph_nodes=5)
    nodes = data["graph"]["nodes"]
    assert data["graph"]["total"] == whole.number_of_nodes()
    least_shown = min(whole.degree(n["id"]) for n in nodes)
    hidden = set(whole.nodes) - {n["id"] for n in nodes}
    assert all(whole.degree(n) <= least_shown for n in hidden)
    assert all(n["x"] ** 2 + n["y"] ** 2 <= 1.0001 for n in nodes)
    assert data["graph"]["legend"], "every edge kind has a legend entry"


# -- the files -----------------------------------------------------------------------------


def test_write_report_writes_a_safe_page(hostile: Timeline, tmp_path: Path) -> None:
    index = write_report(hostile, tmp_path / "out", title=HOSTILE)
    assert index == tmp_path / "out" / "index.html"
    assert (tmp_path / "out" / "assets" / "report.js").stat().st_size > 1000
    assert (tmp_path / "out" / "assets" / "report.css").stat().st_size > 100
    text = index.read_text(encoding="utf-8")
    page = _parse(index)
    assert page.csp == [CSP]
    assert "script-src 'self'" in CSP
    assert "unsafe-inline" not in CSP
    # One data block and one external script from the page's own folder.
    assert [s.get("src") for s in page.scripts] == [None, "assets/report.js"]
    assert "".join(page.title).startswith(HOSTILE)  # escaped in the source, text once parsed
    data = json.loads("".join(page.data_text))
    assert data == json.loads(json.dumps(page_data(hostile, title=HOSTILE)))
    # No record text as markup anywhere in the file.
    assert "<img" not in text
    assert text.lower().count("</script>") == 2
    for ref in re.findall(r'(?:href|src)="([^"]+)"', text):
        # In-page anchors, the empty icon (no favicon request), or the page's own files.
        assert ref.startswith("#") or ref == "data:," or (index.parent / ref).is_file(), ref


def test_write_report_keeps_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    write_report(geneva_2016(), tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "index.html").is_file()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_snapshots": 1}, "max_snapshots must be an integer of at least 2, got 1"),
        ({"max_graph_nodes": "10"}, "max_graph_nodes must be an integer of at least 2"),
        ({"max_snapshots": True}, "max_snapshots must be an integer"),
        ({"title": 3}, "title must be a string, got int"),
    ],
)
def test_bad_arguments(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ReportError, match=re.escape(message)):
        write_report(geneva_2016(), tmp_path, **kwargs)
    assert not (tmp_path / "index.html").exists()


def test_a_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ReportError, match=r"cannot write the report into .*file"):
        write_report(geneva_2016(), blocker)
    assert issubclass(ReportError, PeacetrackError)


def test_bad_at_and_not_a_timeline(tmp_path: Path) -> None:
    with pytest.raises(InvalidDateError):
        write_report(geneva_2016(), tmp_path, at="2016-02-30")
    with pytest.raises(TypeError, match="expected a Timeline, got list"):
        write_report(list(geneva_2016()), tmp_path)  # type: ignore[arg-type]


def test_render_index_escapes_the_title() -> None:
    data = page_data(geneva_2016(), title='"><script>alert(1)</script>')
    text = render_index(data)
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# -- the command line ----------------------------------------------------------------------


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert main(["report", "-o", str(out), "--at", "2016-05"]) == 0
    assert f"wrote {out / 'index.html'}" in capsys.readouterr().out
    data = json.loads("".join(_parse(out / "index.html").data_text))
    assert data["snapshots"][data["initial"]]["words"] == "May 2016"


def test_cli_report_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from peacetrack.io import save

    t = Timeline([Party("a", "Alpha", "state"), Party("b", "Beta", "state")])
    save(t, tmp_path / "t.json")
    assert main(["report", str(tmp_path / "t.json"), "-o", str(tmp_path / "site")]) == 0
    data = json.loads("".join(_parse(tmp_path / "site" / "index.html").data_text))
    assert data["counts"]["records"] == 2
    assert data["events"] == []
    assert sorted(n["name"] for n in data["graph"]["nodes"]) == ["Alpha", "Beta"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--at", "2016-13"], "--at '2016-13' is not a date"),
        (["missing.json"], "cannot read missing.json"),
    ],
)
def test_cli_report_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["report", *argv, "-o", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "site" / "index.html").exists()


def test_cli_report_into_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    assert main(["report", "-o", str(tmp_path / "f")]) == 1
    assert "cannot write the report into" in capsys.readouterr().err


def test_claim_values_and_qualifiers_are_apart() -> None:
    t = geneva_2016()
    data = page_data(t)
    claims = [c for g in data["contested"] for c in g["claims"]]
    by_turkey = [c for c in claims if c["claimant"] == "Turkey" and c["qualifier"]]
    assert by_turkey
    assert by_turkey[0]["qualifier"] == "more than"
    assert by_turkey[0]["value"] == "60"


# -- events as sentences -------------------------------------------------------------------


def test_every_event_kind_has_a_label() -> None:
    from peacetrack import EventKind
    from peacetrack.report._sentences import KIND_LABELS

    assert set(KIND_LABELS) == set(EventKind)


def test_event_sentences_name_people_and_parties() -> None:
    from peacetrack import Membership, Relation, Resignation
    from peacetrack.report._sentences import event_sentence

    t = geneva_2016()
    checked = 0
    for event in t.events():
        record = t[event.record_id]
        sentence = event_sentence(t, event)
        if isinstance(record, Membership | Resignation):
            assert display_name(t, record.person) in sentence
            checked += 1
        if isinstance(record, Relation):
            assert display_name(t, record.source) in sentence
            assert display_name(t, record.target) in sentence
            checked += 1
    assert checked >= 5


_MARKUP = st.sampled_from(["<", ">", "&", "</script>", "<!--", "\u2028", '"', "'", "<img src=x>"])


@given(st.lists(st.text(max_size=8) | _MARKUP, min_size=1, max_size=6).map("".join))
def test_any_name_stays_data(name: str) -> None:
    """Whatever a name holds, the page has the same tags and the name comes back
    from the data block unchanged."""
    try:
        t = Timeline([Party("p", name, "state"), Person("q", name)])
    except PeacetrackError:
        reject()
    text = render_index(page_data(t, title=name))
    page = _Page()
    page.feed(text)
    assert [s.get("src") for s in page.scripts] == [None, "assets/report.js"]
    data = json.loads("".join(page.data_text))
    assert data["title"] == name
    assert sorted(n["name"] for n in data["graph"]["nodes"]) == [name, name]
