"""Extraction speed on one core: articles of about 3 KB per second.

    python bench/extract_speed.py [--n 1000] [--rounds 5]

Two mixes, each article about 3 KB:
- "news": paragraphs like the seed's, where a few sentences state market figures among prose
  (about 8 numbers per article, the seed has 5 in 2.5 KB);
- "dense": every sentence states figures (about 40 numbers per article, like the condensed
  labelled cases).
A third line times one 1 MB article (330 news articles run together) against the same text in pieces.
Timing covers reading the article (publish time from its text), mentions, figures and time
references; the one-off start-up (gazetteer, calendar) is reported separately. The same articles are
timed over several passes: a shared virtual machine's speed drifts by 10-20% from minute to minute, so the
best pass is the code's speed and the spread is shown beside it.

The floor, timed in the same passes: splitting the same articles into the reader's tokens with its one token
pattern and nothing else, the least any reader of tokens does. Its ratio to the reader drifts less with the
machine's load than either rate.
"""
from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPHS = [
    "Shares in {co} plummeted last week, wiping out some ${b} billion, after the firm missed quarterly revenue "
    "forecasts and warned growth would be far weaker than previously estimated.",
    "Shares in the company have regained some ground, and were trading up {p} percent to USD {px} in mid-day "
    "trading on Monday.",
    "{co2} shares fell {p2}% on Friday, while the S&P 500 index lost {p} percent and the Nasdaq slid {p2} per cent.",
    "The stock closed at ${px} on Thursday, down ${d} or {p} percent, valuing the company at about ${b} billion.",
    "{co} said it had 1.3 billion users and that revenue rose {p2} percent to ${b} billion in the quarter.",
    "Analysts at {co2} said {co} could keep growing, according to a note seen by Reuters on Tuesday.",
    "So far this year the shares have climbed more than {p2} percent, while the Dow Jones Industrial Average "
    "has gained {p} percent.",
]
PROSE = [
    "The company did not say when the new services would start, and the banks declined to give details of the talks.",
    "{co} has come under intense criticism for sharing user data with many app developers, according to the source.",
    "Regulators in Washington and Brussels have been looking at how the largest technology groups handle privacy.",
    "A spokesman for {co2} directed reporters to a statement that said the bank does not share customer data.",
    "The chief executive told analysts on a call that the group would keep investing heavily in its platforms.",
    "People familiar with the matter said talks were at an early stage and might not lead to an agreement.",
]
COMPANIES = ["Facebook", "Apple", "Netflix", "Tesla", "Amazon", "Citigroup", "JPMorgan Chase", "Wells Fargo",
             "General Electric", "Nvidia", "Intel", "Microsoft", "Alphabet", "Bank of America"]


def make_article(rng: random.Random, n: int, dense: bool = True) -> dict[str, str]:
    parts = []
    while sum(len(p) for p in parts) < 3000:
        pool = PARAGRAPHS if dense or rng.random() < 0.25 else PROSE
        parts.append(rng.choice(pool).format(
            co=rng.choice(COMPANIES), co2=rng.choice(COMPANIES), b=rng.randint(5, 300), p=round(rng.uniform(0.1, 9), 1),
            p2=round(rng.uniform(1, 30), 1), px=round(rng.uniform(10, 900), 2), d=round(rng.uniform(0.1, 20), 2)))
    text = "\n\n".join(parts) + "\n\nFirst Published: Tue, August 07 2018. 00:05 IST"
    return {"id": f"bench-{n}", "text": text}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5, help="timed passes over the same articles; the best is reported")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    t0 = time.perf_counter()
    from enrich.article import make_article as to_article
    from enrich.pipeline import Enricher

    enricher = Enricher()
    enricher.extract(to_article("warm", "Apple shares rose 2% on Monday.", published="2018-08-06"))
    startup = time.perf_counter() - t0
    from enrich.reader.text import TOKEN

    medians = {}
    for dense in (False, True):
        rng = random.Random(7)
        raw = [make_article(rng, i, dense) for i in range(a.n)]
        size = sum(len(r["text"].encode()) for r in raw) / len(raw)
        rates, floors = [], []
        for _ in range(a.rounds):
            t1 = time.perf_counter()
            n_claims = 0
            for r in raw:
                n_claims += len(enricher.extract(to_article(r["id"], r["text"])).claims)
            rates.append(a.n / (time.perf_counter() - t1))
            t1 = time.perf_counter()
            for r in raw:
                sum(1 for _ in TOKEN.finditer(r["text"]))
            floors.append(a.n / (time.perf_counter() - t1))
        rates.sort()
        floors.sort()
        kind = "dense" if dense else "news"
        medians[kind] = rates[len(rates) // 2]
        print(f"{kind}: {a.n} articles of {size / 1024:.1f} KB on one core: best "
              f"{rates[-1]:.0f} articles/s, median {rates[len(rates) // 2]:.0f}, worst {rates[0]:.0f} over "
              f"{a.rounds} passes ({n_claims / a.n:.1f} figures found each); floor (tokens only) median "
              f"{floors[len(floors) // 2]:.0f}/s: the reader takes {floors[len(floors) // 2] / medians[kind]:.0f}x "
              f"its time")
    # one long article (about 1 MB: 330 of the news articles run together) must cost about what its pieces
    # cost apart: nothing in extraction may grow faster than the text
    rng = random.Random(7)
    long_text = "\n\n".join(make_article(rng, i, False)["text"] for i in range(330))
    t2 = time.perf_counter()
    n_long = len(enricher.extract(to_article("long", long_text)).claims)
    took = time.perf_counter() - t2
    print(f"one article of {len(long_text.encode()) / 1e6:.1f} MB: {took:.2f} s, {len(long_text.encode()) / 1024 / took:.0f} "
          f"KB/s ({n_long} figures); its 330 pieces at the news median: {330 / medians['news']:.2f} s")
    print(f"start-up (once per process): {startup:.2f} s")


if __name__ == "__main__":
    main()
