"""Timeline queries: hand-made cases for every query, and laws checked with hypothesis
(indexed answers equal a brute-force scan of all records)."""

from __future__ import annotations

import itertools
import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import (
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Event,
    EventKind,
    Exclusion,
    Incident,
    InvalidDateError,
    Issue,
    Membership,
    PartialDate,
    Participation,
    Party,
    Period,
    Person,
    Position,
    Process,
    Relation,
    Resignation,
    Round,
    Source,
    Timeline,
    UnknownIdError,
    ValidationError,
)
from peacetrack._display import Words, sentence
from peacetrack._index import IntervalIndex
from peacetrack._participation_queries import mediated_rounds
from peacetrack.datasets import geneva_2016
from peacetrack.events import _ENDS, event_date, event_kinds
from peacetrack.records import Record
from peacetrack.testing import partial_dates, timelines


def _geneva() -> list[Record]:
    return [
        Source("src-a", "Talks resume", "Agency"),
        Party("gov", "Government", "government"),
        Party("hnc", "High Negotiations Committee", "opposition"),
        Party("nusra", "Nusra Front", "armed_group"),
        Party("unsc", "UN Security Council", "intergovernmental"),
        Party("russia", "Russia", "state"),
        Person("alloush", "Mohammed Alloush"),
        Person("hijab", "Riyad Hijab"),
        Person("envoy", "The Envoy"),
        Process("geneva", "Geneva talks", "envoy"),
        Delegation("hnc-d", "hnc", "geneva"),
        Delegation("gov-d", "gov", "geneva"),
        Round("r1", "geneva", 1, "2016-01-29/2016-02-03", "Geneva", "proximity", "suspended"),
        Round("r2", "geneva", 2, "2016-03-14/2016-03-24", "Geneva", "proximity", "adjourned"),
        Round(
            "r3",
            "geneva",
            3,
            "2016-04-13/2016-04-27",
            "Geneva",
            "proximity",
            "adjourned",
            delegations=("hnc-d", "gov-d"),
        ),
        Membership("m-alloush", "alloush", "hnc-d", "chief negotiator", "2016-01/2016-05-29"),
        Membership("m-hijab", "hijab", "hnc-d", "coordinator", "2015-12-10/.."),
        Resignation("res-alloush", "alloush", "m-alloush", "2016-05-29", reason="stalled talks"),
        Issue("sequencing", "Sequencing"),
        Position("p-hnc", "hnc", "sequencing", "transition-first", "2016-01/.."),
        Position("p-gov-1", "gov", "sequencing", "counter-terrorism-first", "2016-01-29/.."),
        Position("p-gov-0", "gov", "sequencing", "elections", "2015/2016-01"),
        Ceasefire(
            "cessation",
            "Cessation of hostilities",
            "2016-02-27/..",
            parties=("gov", "hnc"),
            exclusions=(Exclusion("nusra", "designated"),),
        ),
        Designation("d-nusra", "nusra", "unsc", "terrorist organization", "2014-05/.."),
        Designation("d-undated", "hnc", "russia", "extremist"),
        Relation("rel-1", "russia", "gov", "supports", "2015-09~/.."),
        Incident("idlib", "air strike", "2016-04-19", "Idlib", parties=("russia",)),
        Incident("aleppo", "shelling", "2016-04", "Aleppo"),
        Incident("homs", "shelling", "2016", "Homs"),
        Claim("c-sohr", "idlib", "hnc", "killed", 23, date="2016-04-19"),
        Claim("c-turkey", "idlib", "gov", "killed", 60, qualifier="more than", date="2016-04-20"),
        Claim("c-russia", "idlib", "russia", "responsible", "denied", date="2016-04-19"),
        Claim("c-undated", "aleppo", "hnc", "killed", 5),
    ]


@pytest.fixture
def t() -> Timeline:
    return Timeline(_geneva())


def _kinds(events: tuple[Event, ...]) -> list[tuple[str, str]]:
    return [(e.record_id, e.kind.value) for e in events]


# -- container and views -----------------------------------------------------------


def test_records_keep_their_order_and_lookup_works(t: Timeline) -> None:
    assert [r.id for r in t.records] == [r.id for r in _geneva()]
    assert t["r2"].number == 2  # type: ignore[attr-defined]
    assert t.get("nope") is None
    assert "idlib" in t
    assert len(t) == len(_geneva())


def test_unknown_id_raises_unknown_id_error_naming_it(t: Timeline) -> None:
    with pytest.raises(UnknownIdError, match="'nope'"):
        t["nope"]
    with pytest.raises(KeyError):
        t["nope"]


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ("rounds", ["r1", "r2", "r3"]),
        ("memberships", ["m-hijab", "m-alloush"]),
        ("positions", ["p-gov-0", "p-hnc", "p-gov-1"]),
        ("incidents", ["homs", "aleppo", "idlib"]),
        ("claims", ["c-russia", "c-sohr", "c-turkey", "c-undated"]),
        ("designations", ["d-nusra", "d-undated"]),
        ("parties", ["gov", "hnc", "nusra", "russia", "unsc"]),
    ],
)
def test_typed_views_are_chronological(t: Timeline, view: str, expected: list[str]) -> None:
    assert [r.id for r in getattr(t, view)] == expected


def test_sources_are_ordered_by_publication_date() -> None:
    t = Timeline(
        [
            Source("b", "T", "P", published="2016-05"),
            Source("a", "T", "P"),
            Source("c", "T", "P", published="2016-04-30"),
        ]
    )
    assert [s.id for s in t.sources] == ["c", "b", "a"]


def test_empty_timeline_answers_every_query() -> None:
    t = Timeline()
    assert t.events() == ()
    assert t.between("2016", "2016") == ()
    snap = t.at("2016-01-01")
    assert snap.members == {}
    assert snap.rounds_in_progress == ()
    assert snap.designations == ()
    assert t.contested() == {}
    assert repr(t) == "<Timeline (empty)>"


def test_equality_ignores_record_order() -> None:
    records = _geneva()
    assert Timeline(records) == Timeline(list(reversed(records)))
    changed = [attrs.evolve(r, name="Other") if r.id == "gov" else r for r in records]
    assert Timeline(records) != Timeline(changed)
    assert Timeline(records) != records


# -- events --------------------------------------------------------------------------


def test_events_are_sorted_and_same_date_order_is_by_kind_then_id(t: Timeline) -> None:
    events = t.events()
    assert [e.sort_key() for e in events] == sorted(e.sort_key() for e in events)
    on_0419 = [(e.record_id, e.kind) for e in events if str(e.date) == "2016-04-19"]
    assert on_0419 == [
        ("idlib", EventKind.INCIDENT),
        ("c-russia", EventKind.CLAIM),
        ("c-sohr", EventKind.CLAIM),
    ]


def test_partial_dates_sort_before_the_days_they_contain(t: Timeline) -> None:
    ids = [e.record_id for e in t.events() if e.date.year == 2016 and e.kind.value == "incident"]
    assert ids == ["homs", "aleppo", "idlib"]


def test_resigned_membership_has_no_second_left_event(t: Timeline) -> None:
    assert _kinds(t.involving("m-alloush")) == [
        ("m-alloush", "member_joined"),
        ("res-alloush", "member_resigned"),
    ]


def test_undated_records_have_no_event(t: Timeline) -> None:
    ids = {e.record_id for e in t.events()}
    assert "c-undated" not in ids
    assert "d-undated" not in ids
    assert "d-nusra" in ids


# -- between -----------------------------------------------------------------------


def test_between_is_a_containment_window(t: Timeline) -> None:
    assert _kinds(t.between("2016-04-19", "2016-04-19")) == [
        ("idlib", "incident"),
        ("c-russia", "claim"),
        ("c-sohr", "claim"),
    ]
    # "2016-04" lies in April, but not inside 19..20 April; "2016" in no month.
    april = [e.record_id for e in t.between("2016-04", "2016-04")]
    assert "aleppo" in april
    assert "homs" not in april
    assert "r3" in april
    assert "c-turkey" in april
    assert "homs" in [e.record_id for e in t.between("2016", "2016")]


def test_between_empty_and_reversed_windows(t: Timeline) -> None:
    assert t.between("1990", "1990") == ()
    with pytest.raises(InvalidDateError, match="end 2016-04 is before start 2016-05"):
        t.between("2016-05", "2016-04")


# -- involving -----------------------------------------------------------------------


def test_involving_a_party_includes_its_delegations_members(t: Timeline) -> None:
    found = _kinds(t.involving("hnc"))
    assert ("m-alloush", "member_joined") in found
    assert ("res-alloush", "member_resigned") in found
    assert ("p-hnc", "position_stated") in found
    assert ("cessation", "ceasefire_began") in found
    assert ("c-sohr", "claim") in found  # hnc is the claimant


def test_involving_a_person_includes_their_resignation(t: Timeline) -> None:
    assert [e.record_id for e in t.involving("alloush")] == ["m-alloush", "res-alloush"]


def test_involving_does_not_count_source_citations() -> None:
    t = Timeline([Source("s", "T", "P"), Party("p", "P", "state", sources=("s",))])
    assert t.involving("s") == ()


def test_involving_unknown_id_raises(t: Timeline) -> None:
    with pytest.raises(UnknownIdError):
        t.involving("nope")


def test_involving_an_incident_lists_claims_about_it(t: Timeline) -> None:
    assert [e.record_id for e in t.involving("idlib")] == [
        "idlib",
        "c-russia",
        "c-sohr",
        "c-turkey",
    ]


# -- at ----------------------------------------------------------------------------


def test_at_day_certain(t: Timeline) -> None:
    snap = t.at("2016-04-20")
    assert [r.id for r in snap.rounds_in_progress] == ["r3"]
    assert {k: [m.id for m in v] for k, v in snap.members.items()} == {
        "hnc-d": ["m-hijab", "m-alloush"]
    }
    assert snap.positions[("gov", "sequencing")].id == "p-gov-1"
    assert [c.id for c in snap.ceasefires_in_force] == ["cessation"]
    assert snap.excluded == frozenset({"nusra"})
    assert [g.id for g in snap.designations] == ["d-nusra"]
    assert [r.id for r in snap.relations] == ["rel-1"]
    assert not snap.possibly


def test_at_partial_start_is_uncertain(t: Timeline) -> None:
    # Alloush joined "2016-01": on 15 January he was possibly, not certainly, a member.
    certain, possible = t.at("2016-01-15"), t.at("2016-01-15", possibly=True)
    assert "m-alloush" not in [m.id for ms in certain.members.values() for m in ms]
    assert "m-alloush" in [m.id for ms in possible.members.values() for m in ms]
    # Certainly a member at some time in January as a whole.
    assert "m-alloush" in [m.id for m in t.at("2016-01").members["hnc-d"]]


def test_at_end_day_is_included_and_next_day_is_not(t: Timeline) -> None:
    assert [m.id for m in t.at("2016-05-29").members["hnc-d"]] == ["m-hijab", "m-alloush"]
    assert [m.id for m in t.at("2016-05-30").members["hnc-d"]] == ["m-hijab"]


def test_at_later_position_wins_and_overlap_is_month_precise(t: Timeline) -> None:
    # p-gov-0 ends "2016-01": on 30 January it may not have ended, and p-gov-1 had begun.
    assert t.at("2016-01-30", possibly=True).positions[("gov", "sequencing")].id == "p-gov-1"
    assert t.at("2016-03-01").positions[("gov", "sequencing")].id == "p-gov-1"
    assert t.at("2016-02-01", possibly=True).positions[("gov", "sequencing")].id == "p-gov-1"
    # It began in "2015": only certainly in force from the last day of 2015.
    assert ("gov", "sequencing") not in t.at("2015-06").positions
    assert t.at("2015-06", possibly=True).positions[("gov", "sequencing")].id == "p-gov-0"
    assert t.at("2015-12-31").positions[("gov", "sequencing")].id == "p-gov-0"


def test_at_designations_from_their_date_on(t: Timeline) -> None:
    # d-nusra is "2014-05": certain from 31 May, possible from 1 May.
    assert t.at("2014-05-15").designations == ()
    assert [g.id for g in t.at("2014-05-15", possibly=True).designations] == [
        "d-nusra",
        "d-undated",
    ]
    assert [g.id for g in t.at("2014-05-31").designations] == ["d-nusra"]


def test_at_partial_date_of_a_year(t: Timeline) -> None:
    snap = t.at("2016")
    assert [r.id for r in snap.rounds_in_progress] == ["r1", "r2", "r3"]
    assert t.at("2015").rounds_in_progress == ()


def test_at_accepts_dates_and_rejects_nonsense(t: Timeline) -> None:
    import datetime

    from peacetrack import InvalidDateError

    assert t.at(datetime.date(2016, 4, 20)) == t.at("2016-04-20")
    with pytest.raises(InvalidDateError):
        t.at("2016-13")


# -- gaps, claims ----------------------------------------------------------------------


def test_gaps_between_rounds(t: Timeline) -> None:
    assert [str(p) for p in t.gaps("geneva")] == [
        "2016-02-03/2016-03-14",
        "2016-03-24/2016-04-13",
    ]
    with pytest.raises(UnknownIdError):
        t.gaps("hnc")


def test_claims_about(t: Timeline) -> None:
    assert [c.id for c in t.claims_about("idlib")] == ["c-russia", "c-sohr", "c-turkey"]
    assert [c.id for c in t.claims_about("aleppo")] == ["c-undated"]
    assert t.claims_about("homs") == ()
    with pytest.raises(UnknownIdError):
        t.claims_about("nope")


def test_contested_groups_by_about_and_predicate(t: Timeline) -> None:
    contested = t.contested()
    assert list(contested) == [("idlib", "killed")]
    assert [c.id for c in contested[("idlib", "killed")]] == ["c-sohr", "c-turkey"]


def _claims(*pairs: tuple[object, str | None]) -> Timeline:
    records: list[Record] = [Incident("x", "raid", "2016", "X")]
    for i, (value, qualifier) in enumerate(pairs):  # each claim by its own claimant
        records.append(Party(f"p{i}", f"P{i}", "state"))
        records.append(Claim(f"c{i}", "x", f"p{i}", "killed", value, qualifier=qualifier))  # type: ignore[arg-type]
    return Timeline(records)


@pytest.mark.parametrize(
    ("a", "b", "disagree"),
    [
        ((23, None), (23, None), False),
        ((23, None), (24, None), True),
        ((23, None), (60, "more than"), True),
        ((60, None), (60, "more than"), True),
        ((60, None), (60, "at least"), False),
        ((20, "at least"), (23, None), False),
        ((100, "about"), (109, None), False),
        ((100, "about"), (111, None), True),
        ((10, "fewer than"), (10, "at least"), True),
        ((10, "at most"), (10, "at least"), False),
        ((10, "at most"), (5, "fewer than"), False),
        ((23, None), ("denied", None), True),
        (("denied", None), ("denied", None), False),
        (("denied", None), ("confirmed", None), True),
        ((True, None), (1, None), True),
    ],
    ids=lambda v: repr(v),
)
def test_contested_qualifier_logic(
    a: tuple[object, str | None], b: tuple[object, str | None], disagree: bool
) -> None:
    assert bool(_claims(a, b).contested()) is disagree
    assert bool(_claims(b, a).contested()) is disagree


# -- new timelines ---------------------------------------------------------------------


def test_with_records_adds_and_replaces(t: Timeline) -> None:
    added = t.with_records(Incident("new", "raid", "2016-05-01", "Daraa"))
    assert "new" in added
    assert "new" not in t
    assert added.records[-1].id == "new"
    renamed = t.with_records(attrs.evolve(t["gov"], name="Syrian Government"))
    assert renamed["gov"].name == "Syrian Government"  # type: ignore[attr-defined]
    assert [r.id for r in renamed.records] == [r.id for r in t.records]
    assert t["gov"].name == "Government"  # type: ignore[attr-defined]


def test_with_records_still_validates_what_it_adds(t: Timeline) -> None:
    with pytest.raises(ValidationError) as info:
        t.with_records(Incident("new", "raid", "2016", "X", parties=("ghost",)))
    assert [(p.record_id, p.field) for p in info.value.problems] == [("new", "parties")]
    with pytest.raises(ValidationError) as info:
        t.with_records(Round("r9", "geneva", 3, "2016-06/2016-07", "Geneva", "direct", "concluded"))
    assert {(p.record_id, p.field) for p in info.value.problems} == {
        ("r3", "number"),
        ("r9", "number"),
    }


def test_with_records_keeps_queries_of_the_old_timeline(t: Timeline) -> None:
    before = t.between("2016-04-19", "2016-04-19")
    t.with_records(Incident("new", "raid", "2016-04-19", "Daraa"))
    assert t.between("2016-04-19", "2016-04-19") == before


def test_without(t: Timeline) -> None:
    smaller = t.without("c-undated", "homs")
    assert "homs" not in smaller
    assert len(smaller) == len(t) - 2
    with pytest.raises(ValidationError) as info:
        t.without("idlib")
    assert {p.record_id for p in info.value.problems} == {"c-sohr", "c-turkey", "c-russia"}
    with pytest.raises(UnknownIdError):
        t.without("nope")


def test_merge(t: Timeline) -> None:
    other = Timeline([Party("gov", "Government", "government"), Party("x", "X", "other")])
    merged = t.merge(other)
    assert len(merged) == len(t) + 1
    assert merged["x"].name == "X"
    assert merged == other.merge(t)
    clash = Timeline([Party("gov", "Someone else", "government")])
    with pytest.raises(ValidationError) as info:
        t.merge(clash)
    assert [(p.record_id, p.field) for p in info.value.problems] == [("gov", None)]


# -- the interval index on its own -----------------------------------------------------


@settings(max_examples=300)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=60),
    st.integers(-5, 65),
    st.integers(0, 30),
)
def test_interval_index_equals_scan(intervals: list[tuple[int, int]], y: int, width: int) -> None:
    starts, ends = [a for a, _ in intervals], [b for _, b in intervals]
    index = IntervalIndex(starts, ends, range(len(intervals)))
    x = y + width
    expected = [i for i, (a, b) in enumerate(intervals) if a <= x and b >= y]
    assert sorted(index.overlapping(y, x)) == expected


# -- laws on random timelines ----------------------------------------------------------

dates_2014_2018 = partial_dates(2014, 2018)


def _brute_events(t: Timeline) -> list[Event]:
    # Built with Event's own constructor, not the index's short path.
    resigned = frozenset(r.membership for r in t.resignations)
    words = Words(t)
    events = [
        Event(
            event_date(r, kind),
            kind,
            r.id,
            sentence(r, kind not in _ENDS, words, event_date(r, kind)),
        )
        for r in t.records
        for kind in event_kinds(r, resigned)
    ]
    return sorted(events, key=Event.sort_key)


@given(timelines(max_size=60), dates_2014_2018, dates_2014_2018)
def test_between_equals_scan(t: Timeline, a: PartialDate, b: PartialDate) -> None:
    lo, hi = a.earliest_ordinal, b.latest_ordinal
    if hi < lo:  # an end certainly before the start is refused, not read as empty
        with pytest.raises(InvalidDateError, match="before start"):
            t.between(a, b)
        return
    expected = [
        e for e in _brute_events(t) if lo <= e.date.earliest_ordinal and e.date.latest_ordinal <= hi
    ]
    assert list(t.between(a, b)) == expected


@given(timelines(max_size=60))
def test_events_equal_scan_and_sort_is_total(t: Timeline) -> None:
    events = t.events()
    assert list(events) == _brute_events(t)
    keys = [e.sort_key() for e in events]
    assert len(set(keys)) == len(keys)  # total: no two events tie
    for first, second in itertools.pairwise(events):
        assert not second.date.definitely_before(first.date)


@given(timelines(max_size=60), st.booleans(), dates_2014_2018)
def test_at_equals_scan(t: Timeline, possibly: bool, d: PartialDate) -> None:
    snap = t.at(d, possibly=possibly)

    def live(records: tuple[Record, ...]) -> tuple[Record, ...]:
        return tuple(r for r in records if r.period.in_force(d, possibly=possibly))  # type: ignore[attr-defined]

    assert snap.rounds_in_progress == live(t.rounds)
    assert snap.ceasefires_in_force == live(t.ceasefires)
    assert snap.relations == live(t.relations)
    members: dict[str, list[Membership]] = {}
    for m in live(t.memberships):
        members.setdefault(m.delegation, []).append(m)  # type: ignore[attr-defined]
    assert snap.members == {k: tuple(v) for k, v in members.items()}
    positions = {(p.holder, p.issue): p for p in live(t.positions)}  # type: ignore[attr-defined]
    assert snap.positions == positions
    assert snap.excluded == {e.party for c in live(t.ceasefires) for e in c.exclusions}  # type: ignore[attr-defined]
    # Designations over their period, listed to delisted; undated ones only possibly.
    assert snap.designations == tuple(
        g
        for g in t.designations
        if (g.period is None and possibly)
        or (g.period is not None and g.period.in_force(d, possibly=possibly))
    )
    # Incidents over their date or their period.
    assert snap.incidents == tuple(i for i in t.incidents if i.span.in_force(d, possibly=possibly))


@given(timelines(max_size=60), st.data())
def test_involving_equals_scan(t: Timeline, data: st.DataObject) -> None:
    if not t.records:
        return
    target = data.draw(st.sampled_from([r.id for r in t.records]))

    def referring(rid: str) -> set[str]:
        return {
            r.id for r in t.records if any(f != "sources" and i == rid for f, i in r.references())
        }

    ids = {target} | referring(target)
    for rid in referring(target):
        if isinstance(t[rid], Delegation):
            for mid in referring(rid):
                ids.add(mid)
                if isinstance(t[mid], Membership):
                    ids |= referring(mid)  # its members, and how they left
        elif isinstance(t[rid], Membership):
            ids |= referring(rid)
        elif isinstance(t[rid], Process) and t[rid].mediator == target:  # type: ignore[attr-defined]
            # A process's mediator is involved in all its rounds.
            ids |= {r.id for r in t.rounds if r.process == rid}
        elif isinstance(t[rid], Participation):
            # A mediating participation: the rounds it mediated (see its own tests).
            ids |= set(mediated_rounds(t, t[rid], target))  # type: ignore[arg-type]
    assert list(t.involving(target)) == [e for e in _brute_events(t) if e.record_id in ids]


@given(timelines(max_size=40), st.randoms(use_true_random=False), dates_2014_2018)
def test_queries_do_not_depend_on_record_order(
    t: Timeline, rng: random.Random, d: PartialDate
) -> None:
    shuffled = list(t.records)
    rng.shuffle(shuffled)
    u = Timeline(shuffled)
    assert u == t
    assert u.events() == t.events()
    assert u.at(d) == t.at(d)
    assert u.at(d, possibly=True) == t.at(d, possibly=True)
    assert u.between(d, d) == t.between(d, d)
    for kind in ("rounds", "memberships", "positions", "claims", "designations", "incidents"):
        assert getattr(u, kind) == getattr(t, kind)
    assert u.contested() == t.contested()


@given(timelines(max_size=30), timelines(max_size=30, id_prefix="b-"))
def test_merge_and_with_records_equal_a_fresh_build(a: Timeline, b: Timeline) -> None:
    fresh = Timeline([*a.records, *b.records])
    assert a.merge(b) == fresh
    assert a.merge(b).records == fresh.records
    assert a.with_records(*b.records).events() == fresh.events()


@given(timelines(max_size=40))
def test_period_views_are_sorted_by_period(t: Timeline) -> None:
    for view in (t.rounds, t.memberships, t.positions, t.relations, t.ceasefires):
        keys = [r.period.sort_key() for r in view]  # type: ignore[attr-defined]
        assert keys == sorted(keys)


def test_event_key_packing_keeps_far_dates_in_order() -> None:
    # Dates late in the calendar make packed keys wider than a machine word.
    t = Timeline(
        [
            Incident("late", "raid", "9999-12-31", "X"),
            Incident("early", "raid", "0001-01-01", "X"),
            Incident("year", "raid", "9999", "X"),
        ]
    )
    assert [e.record_id for e in t.events()] == ["early", "year", "late"]
    assert [e.record_id for e in t.between("9999", "9999")] == ["year", "late"]
    assert Period("9999-12-31").latest_ordinal >= PartialDate(9999).latest_ordinal


def test_a_snapshot_works_out_only_what_is_asked() -> None:
    """Asking one thing of a day builds only that part (and what it needs)."""
    t = geneva_2016()
    s = t.at("2016-03-01")
    assert s._parts == {}
    assert s.excluded == {"nusra", "islamic-state"}
    assert set(s._parts) == {"excluded", "ceasefires_in_force"}
    assert s == t.at("2016-03-01")  # equal snapshots, every part compared
    wider = t.at("2016-03-01", possibly=True)
    assert s != wider  # another reading is another snapshot
    assert set(s.ceasefires_in_force) <= set(wider.ceasefires_in_force)
    assert repr(s).startswith("<Snapshot at 2016-03-01 (certain): ")
    assert len(repr(s)) < 300
