"""The one-pass finders of an article's market context find what the plain patterns find: place words as the
alternation of every place word did, the city pattern's matches as finditer gives them, and a mention's sentence
as a search over the whole text did."""
from __future__ import annotations

import random
import re

from enrich import market_context as mc
from enrich.mention_rules import sentence

SAMPLES = [
    "Stocks in Milan and Madrid slid while the yen firmed; Wall Street opened flat.",
    "European bourses in Paris, Frankfurt and  Amsterdam closed lower, and Madrid fell 1.2% by midday.",
    "The rand weakened as Johannesburg's benchmark lost ground; the brand's shares were really firm.",
    "xmarkets in Tokyo, Seoul's index rose 3, HK$ deposits grew and the won slipped to 1,300 per dollar.",
    "Indexes in\nZurich\nand Stockholm advanced; Oslo's stock market was shut. $Dublin? _London_ Londoner",
]


def _texts() -> list[str]:
    rng = random.Random(11)
    words = sorted(mc._places()[1]) + list(mc.cities()) + ["bourses", "Markets", "STOCKS", "in", "and", ",", "fell 2",
                                                            "index", "'s", "stock market", "$", "_", "x", "\n", "  "]
    made = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 18))) for _ in range(1500)]
    return SAMPLES + made + ["".join(rng.choice(words) for _ in range(6)) for _ in range(500)]


def test_place_words_are_those_the_alternation_finds() -> None:
    calendars = mc._places()[1]
    plain = re.compile(r"(?<![\w$])(?:" + "|".join(re.escape(w) for w in sorted(calendars, key=len, reverse=True))
                       + r")(?!\w)")
    found = 0
    for text in _texts():
        want = [(m.start(), m.group()) for m in plain.finditer(text)]
        assert mc.place_words(text) == want, text
        found += len(want)
    assert found > 1000


def test_city_matches_are_those_finditer_finds() -> None:
    pattern = mc.city_pattern()
    found = 0
    for text in _texts():
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in mc.city_matches(text)] == want, text
        found += len(want)
    assert found > 50


def _sentence_searching_everywhere(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1, text.rfind("! ", 0, start) + 1,
             text.rfind("? ", 0, start) + 1, 0)
    ends = [i for i in (text.find(". ", end), text.find("\n", end), text.find("! ", end)) if i >= 0]
    return lo, min(ends) if ends else len(text)


def test_a_mentions_sentence_is_found_within_its_line() -> None:
    text = "\n".join(SAMPLES) + " Why? Because! It fell. Then\n\nit rose"
    for start in range(len(text)):
        for end in (start, min(len(text), start + 4)):
            assert sentence(text, start, end) == _sentence_searching_everywhere(text, start, end)


def test_local_money_cues_are_those_of_every_pattern_run_on_every_text() -> None:
    texts = _texts() + ["Barratt rose 4p to 446p; Rs 1,020 crore, ₹5, INR 7, ¥300, JPY 12, HK$4, A$2, C$9, US$1.5bn",
                        "USD 40 and $ 12 but not X$3 or $$4; 12.5p, 1,234p and 3p. EUR 4 and 5 €"]
    for text in texts:
        want = sorted((m.start(), area) for money, area, _ in mc.LOCAL_MONEY for m in money.finditer(text))
        got = sorted((m.start(), area) for money, area, marks in mc.LOCAL_MONEY if any(k in text for k in marks)
                     for m in money.finditer(text))
        assert got == want, text
    assert {area for _, area in mc.Context(texts[-2]).cues} >= {"XLON", "XBOM", "XTKS", "XHKG", "XASX", "XTSE",
                                                                 "XNYS"}
