"""Whether a figure's subject slot holds something the article does not resolve: a capitalised word that is no
name it knows ("Pharmasset shares jumped"), or a noun of its own (", with energy down more than 4%"). Such a
figure is nobody's: no other subject may be put in its place.
"""
from __future__ import annotations

from .listing import place_listing
from .nodes import SentenceView
from .text import Clause

# Words before a name that put it in a prepositional phrase, so that it is not the clause's subject.
PREPOSITIONS = frozenset("""in of for on at against than behind like with from to including such as over under versus
vs ahead past beside besides unlike outpacing trailing lagging beating into by about toward towards among between
amid after before via per""".split())
# Verbs whose subject is a buyer or seller of the shares, not the company.
BUYERS = frozenset("paid pays paying bought buying buys sold selling sells purchased acquired".split())
# Capitalised words that are no company name: they never make a subject unknown.
COMMON_CAPITALS = frozenset("""the a an its their this that these those shares share stock stocks in on at of for
and but while as after before by with from it they he she we i its investors analysts traders wall street u.s us uk
eu u.k ceo chief president executive officer mr mrs ms dr new york london tokyo hong kong mumbai frankfurt paris
meanwhile also still elsewhere overall however so over since during earlier later today yesterday tuesday monday
wednesday thursday friday saturday sunday january february march april may june july august september october
november december nyse nasdaq lse bse nse reuters bloomberg ap afp british american german french japanese chinese
indian european asian swiss dutch italian spanish korean canadian australian brazilian russian mexican irish
scottish swedish danish norwegian finnish belgian austrian israeli saudi taiwanese singaporean had has have was were
is are will would could should might been being up down""".split())  # a bullet's "Had been up as much as 4.97%"


def unknown_subject(sv: SentenceView, clause: Clause, gov: int, skip: set[int]) -> bool:
    """A capitalised word that is no name the article resolved, in subject position before the governing word
    (not in a prepositional phrase, a parenthesis or a list of examples)."""
    names = {k for n in sv.names for k in range(n.first, n.last)}
    timed = {k for e in sv.times for k in range(e.first, e.last)}
    timed |= {k for q in sv.quantities for k in range(q.first, q.last)}  # "HK" of "HK$382.60" is money, no name
    depth, in_pp = 0, False
    start = clause.first + (1 if clause.opener else 0)
    if gov < len(sv.toks) and sv.toks[gov].low in BUYERS:
        return False  # "Neal paid $7.90": the buyer is no company; the price is the stock's
    for i in range(start, min(gov, len(sv.toks))):
        t = sv.toks[i]
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        if not depth and t.text == "," and i not in timed:
            in_pp = False  # "In Stockholm, Volvo Cars tumbled 14%": a fronted phrase ends at its comma
        if depth or i in skip or i in timed or not t.is_word:
            continue
        if i in names:
            in_pp = False
            continue
        if t.low in PREPOSITIONS:
            in_pp = True
            continue
        listing = place_listing(sv, i)
        if listing is not None:
            skip = skip | set(range(i, listing[1] - 1))  # "its Hong Kong stock slid": where it trades, no company
            continue
        if clause.role == "own" and not in_pp and _content_word(sv, i) and t.low not in QUOTE_LABELS:
            return True  # ", with energy and consumer discretionary down more than 4%": a subject of its own
        capital = t.text[0].isupper() and t.low not in COMMON_CAPITALS and not _market_word(sv, i)
        if capital and not in_pp and sv.tags.starts(i, "refer") is None and not (
                i == 0 and sv.tags.has(i, "market_noun")):
            nxt = sv.toks[i + 1] if i + 1 < len(sv.toks) else None
            if nxt is not None and nxt.low == "'s" and sv.tags.starts(i + 2, "market_noun") is None:
                continue  # "Immelt's purchase was at $8.26": a person's purchase of the stock
            return True
        if not capital:
            in_pp = in_pp and t.low in ("the", "a", "an", "its", "their")
    return False


def _market_word(sv: SentenceView, i: int) -> bool:
    """A word the lexicon knows as a move, a level or a hedge: capitalised only because it opens a line ("* Settled
    at $338.15, up 0.9%", "-- Fell as much as 5.2%")."""
    return any(p.first <= i < p.last and p.cls.split(".")[0] in ("direction", "level", "hedge", "causative")
               for p in sv.tags.all)


# The labels of a quote line ("last 147.20, change +2.31"): no subject of their own.
QUOTE_LABELS = frozenset("last change chg chng net pct vol volume price close open high low prev previous".split())

FUNCTION_WORDS = frozenset("""and or but while with as also still now then only just even all both each the a an its
their his her this that these those is are was were be been being has have had do does did will would could should
may might can not no yet further more most less least very so some any other another new latest recent earlier later
early late today yesterday there here it they what which who whose whom meanwhile respectively again already""".split())


def _content_word(sv: SentenceView, i: int) -> bool:
    """A noun, adjective or verb the lexicon does not know, in a subject slot: something other than the stock."""
    t = sv.toks[i]
    return t.is_word and t.low not in FUNCTION_WORDS and not t.low.endswith("ly") and not any(
        p.first <= i < p.last for p in sv.tags.all)
