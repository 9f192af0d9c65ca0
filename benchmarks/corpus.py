"""Seeded synthetic corpora with the shape of a real conflict dataset next to talks.

``corpus(n, seed)`` returns about ``n`` valid peacetrack records: a few processes with
their rounds and delegations, long-lived memberships, positions and relations, a few
ceasefires and designations, and above all many incidents (~55%) and claims (~33%)
spread over twenty years, with date precisions mixed 70% day / 20% month / 10% year.
The same ``(n, seed)`` always gives the same records.

Run it to see the mix: ``python benchmarks/corpus.py 10000``.
"""

from __future__ import annotations

import datetime
import random
import sys
from collections import Counter

from peacetrack import (
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Exclusion,
    Incident,
    Issue,
    Membership,
    PartialDate,
    Party,
    Period,
    Person,
    Position,
    Process,
    Record,
    Relation,
    Resignation,
    Round,
    Source,
)

FIRST_DAY = datetime.date(2000, 1, 1).toordinal()
LAST_DAY = datetime.date(2019, 12, 31).toordinal()
KINDS = ["air strike", "shelling", "clash", "ambush", "bombing", "capture", "siege", "raid"]
PLACES = [f"place-{i}" for i in range(500)]
PREDICATES = ["killed", "wounded", "responsible", "displaced"]
RELATION_KINDS = ["supports", "allied_with", "part_of", "fights", "opposes"]
QUALIFIERS = [None, None, None, "about", "at least", "more than", "at most", "fewer than"]


def _date(rng: random.Random, lo: int = FIRST_DAY, hi: int = LAST_DAY) -> PartialDate:
    """A date in [lo, hi] at a random precision (70% day, 20% month, 10% year)."""
    day = datetime.date.fromordinal(rng.randint(lo, hi))
    roll = rng.random()
    if roll < 0.7:
        return PartialDate(day.year, day.month, day.day)
    if roll < 0.9:
        return PartialDate(day.year, day.month)
    return PartialDate(day.year)


def _period(rng: random.Random, min_days: int, max_days: int, open_share: float) -> Period:
    start = _date(rng)
    if rng.random() < open_share:
        return Period(start)
    first = start.latest_ordinal + rng.randint(min_days, max_days)
    end = _date(rng, min(first, LAST_DAY), min(first + 30, LAST_DAY))
    while end.earliest_ordinal < start.latest_ordinal:  # keep periods unambiguous
        end = PartialDate.from_date(datetime.date.fromordinal(start.latest_ordinal + 1))
    return Period(start, end)


def corpus(n: int, seed: int = 0) -> list[Record]:
    """About ``n`` records forming a valid timeline (reproducible for a seed)."""
    rng = random.Random(seed)
    n = max(int(n), 200)
    n_parties = max(10, min(2000, n // 200))
    n_people = max(10, n // 100)
    n_processes = 3
    n_sources = max(5, n // 100)
    records: list[Record] = []
    sources = [f"src-{i}" for i in range(n_sources)]
    records += [
        Source(s, f"Report {i}", f"Agency {i % 17}", published=_date(rng))
        for i, s in enumerate(sources)
    ]
    parties = [f"party-{i}" for i in range(n_parties)]
    kinds = ["state", "government", "opposition", "armed_group", "other"]
    records += [Party(p, f"Party {i}", kinds[i % len(kinds)]) for i, p in enumerate(parties)]
    people = [f"person-{i}" for i in range(n_people)]
    records += [Person(p, f"Person {i}") for i, p in enumerate(people)]
    processes = [f"process-{i}" for i in range(n_processes)]
    records += [Process(p, f"Process {i}", rng.choice(parties)) for i, p in enumerate(processes)]
    issues = [f"issue-{i}" for i in range(20)]
    records += [Issue(i, f"Issue {i}") for i in issues]

    # Delegations: a few parties per process.
    delegations: dict[str, list[str]] = {p: [] for p in processes}
    for i in range(max(6, n // 1000)):
        process = processes[i % n_processes]
        d = f"delegation-{i}"
        delegations[process].append(d)
        records.append(Delegation(d, rng.choice(parties), process))
    all_delegations = [d for ds in delegations.values() for d in ds]

    # Rounds: consecutive, numbered per process, each in its own slot of the twenty
    # years so that they follow each other at every size (a rule of the timeline).
    n_rounds = max(3, n // 3000)
    for p_i, process in enumerate(processes):
        first = FIRST_DAY + p_i * 40
        slot = (LAST_DAY - first) // n_rounds
        for number in range(1, n_rounds + 1):
            day = first + (number - 1) * slot + rng.randint(0, slot // 4)
            length = rng.randint(min(3, slot // 2), max(min(3, slot // 2), min(20, slot // 2)))
            start = datetime.date.fromordinal(day)
            end = datetime.date.fromordinal(day + length)
            chosen = rng.sample(delegations[process], min(3, len(delegations[process])))
            records.append(
                Round(
                    f"round-{p_i}-{number}",
                    process,
                    number,
                    Period(PartialDate.from_date(start), PartialDate.from_date(end)),
                    "Geneva",
                    rng.choice(["proximity", "direct"]),
                    "concluded",
                    delegations=chosen,
                )
            )

    # Long-lived memberships, some ended by a resignation.
    n_members = n // 50
    for i in range(n_members):
        period = _period(rng, 60, 2000, 0.3)
        m = Membership(
            f"membership-{i}",
            rng.choice(people),
            rng.choice(all_delegations),
            rng.choice(["head", "member", "chief negotiator", "adviser"]),
            period,
        )
        records.append(m)
        if period.end is not None and rng.random() < 0.25:
            records.append(
                Resignation(f"resignation-{i}", m.person, m.id, period.end, reason="protest")
            )
    # One position per (holder, issue): a holder's positions on an issue may not overlap.
    pairs = rng.sample(range(len(parties) * len(issues)), n // 100)
    for i, pair in enumerate(pairs):
        records.append(
            Position(
                f"position-{i}",
                parties[pair // len(issues)],
                issues[pair % len(issues)],
                rng.choice(["for", "against", "conditional"]),
                _period(rng, 30, 1500, 0.2),
            )
        )
    for i in range(n // 100):
        source, target = rng.sample(parties, 2)
        records.append(
            Relation(
                f"relation-{i}",
                source,
                target,
                rng.choice(RELATION_KINDS),
                _period(rng, 100, 3000, 0.4),
            )
        )
    for i in range(max(2, n // 2000)):
        members = rng.sample(parties, 4)
        records.append(
            Ceasefire(
                f"ceasefire-{i}",
                f"Truce {i}",
                _period(rng, 7, 200, 0.1),
                parties=members[:3],
                exclusions=[Exclusion(members[3], "designated")],
            )
        )
    for i in range(max(2, n // 500)):
        party, by = rng.sample(parties, 2)
        records.append(
            Designation(
                f"designation-{i}", party, by, "terrorist", Period(_date(rng)) if i % 5 else None
            )
        )

    # The bulk: incidents and the claims about them.
    n_incidents = int(n * 0.55)
    incidents = [f"incident-{i}" for i in range(n_incidents)]
    for i, inc in enumerate(incidents):
        records.append(
            Incident(
                inc,
                KINDS[i % len(KINDS)],
                _date(rng),
                rng.choice(PLACES),
                parties=rng.sample(parties, rng.randint(0, 2)),
                sources=(rng.choice(sources),),
            )
        )
    claimants = parties + people
    for i in range(max(0, n - len(records))):
        about = rng.choice(incidents)
        predicate = rng.choice(PREDICATES)
        if predicate == "responsible":
            value: str | int = rng.choice(parties)
            qualifier = None
        else:
            value = rng.randint(0, 200)
            qualifier = rng.choice(QUALIFIERS)
        records.append(
            Claim(
                f"claim-{i}",
                about,
                rng.choice(claimants),
                predicate,
                value,
                qualifier=qualifier,
                date=_date(rng) if rng.random() < 0.9 else None,
            )
        )
    rng.shuffle(records)
    return records


def main() -> None:
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10_000
    records = corpus(n)
    counts = Counter(r.record_type for r in records)
    print(f"{len(records)} records")
    for kind, count in counts.most_common():
        print(f"  {kind:12} {count:8}  {count / len(records):6.1%}")


if __name__ == "__main__":
    main()
