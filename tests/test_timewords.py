"""The time-word gate: a sentence skips a pattern family only when the family could not match in it, and
a pattern is tried only near its gate words.

`find` with an article's TimeWords must return exactly what it returns when every family is run over every
sentence (words=None)."""
from __future__ import annotations

import datetime as dt
import random

from enrich import timerefs as tr
from enrich.claims import sentences
from enrich.textcase import lowered

REF = dt.date(2018, 8, 7)


PHRASES = [
    "on Monday", "last Friday", "Thursday's close", "Tuesday morning", "Friday night", "today", "this morning",
    "tonight", "yesterday's", "last night", "the previous session", "the day before", "a day earlier",
    "the prior session", "ended 2017", "end of 2019", "on July 26", "Aug. 3, 2018", "Sept 30", "May 5",
    "in May 5", "so far this year", "year-to-date", "so far in 2018", "in 2016", "in early 2018 two years ago",
    "for the year", "YTD", "over the past year", "in the last 12 months", "than a year earlier", "year-on-year",
    "over the past three months", "during the last 5 sessions", "over two weeks", "four sessions in a row",
    "three straight days", "a 5-day losing streak", "over that stretch", "in that period", "last week",
    "this week", "the past week", "in a month", "within a week", "in May", "over March 2019", "for December",
    "last month", "this month", "since then", "since June 3", "since March 2015", "since last Tuesday",
    "since Friday", "record close of Jan. 26", "its Sept 20 record high", "its September 30, 2018 record close",
    "a twelve-day winning streak", "last   Friday", "on  Aug. 7", "above its $38 IPO price",
    "IPO price of $17", "after hours", "after-hours", "in extended trading", "after the bell", "aftermarket",
    "post-market", "premarket", "pre-market", "before the opening bell", "ahead of the open", "at 10:30 a.m.",
    "at 4pm", "by 11 am", "10am", "at the opening of trading", "in the first few minutes", "shortly after the open",
    "minutes into", "when the market opened", "at the open", "opened", "opening price", "as much as",
    "as high as", "up to", "a high of", "touched", "session low", "at one point", "mid-day", "midday",
    "in early trading", "in morning trade", "afternoon trading", "during the session", "intraday",
    "earlier in the session", "were trading", "is currently trading", "in early deals", "is climbing", "is down",
    "closed", "closing", "ended", "finished", "settled", "final bell", "regular session", "to end",
    "will", "expected to", "if", "unless", "next Monday", "until Friday",
    "team", "amazon", "first quarter", "previously", "aftermath", "marked", "decline", "octane", "sample",
]
FILLER = ["Apple shares", "rose 3.6 percent", "fell 2%", "the S&P 500", "and", "while", "to $184.24", ",", "the company",
          "said", "Facebook", "lost $100 billion"]


def _case(rng: random.Random) -> str:
    words = [rng.choice(PHRASES if rng.random() < 0.5 else FILLER) for _ in range(rng.randint(1, 9))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", "!", ". "])


def test_gate_changes_no_result() -> None:
    rng = random.Random(3)
    for _ in range(1500):
        text = " ".join(_case(rng) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.5:
            text = text.upper() if rng.random() < 0.3 else text.title()
        low = lowered(text)
        words = tr.TimeWords(low)
        for s, e in sentences(text):
            for days_only in (False, True):
                gated = tr.find(text, low, s, e, REF, words, days_only)
                full = tr.find(text, low, s, e, REF, None, days_only)
                assert gated == full, text[s:e]


def test_every_phrase_opens_its_gate() -> None:
    for phrase in PHRASES:
        text = f"Shares rose 2% {phrase} as well."
        low = lowered(text)
        full = tr.find(text, low, 0, len(text), REF, None)
        gated = tr.find(text, low, 0, len(text), REF, tr.TimeWords(low))
        assert gated == full, phrase


def test_lowered_keeps_offsets() -> None:
    text = "İstanbul shares closed up 2% on Monday"  # "İ".lower() is two characters
    low = lowered(text)
    assert len(low) == len(text) and low.endswith("closed up 2% on monday")
