"""Whose figure it is: the names and referring phrases of a sentence, and the subject of each figure.

The subject of a figure is the grammatical subject of its clause: the company or index named before the word
that governs the figure, not one inside a prepositional phrase ("behind Walmart", "in the S&P 500") or one that
only modifies another noun ("the Dow's worst performer", "Apple's revenue"). Names joined by "and" share the
figure ("Seagate and Western Digital fell at least 3 percent"); "respectively" pairs them off in order. A clause
with no subject of its own takes the subject of the clause before it; a sentence with none takes the article's
running subject.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..models import Mention
from .lexicon import Tags
from .listing import initials
from .nodes import Figure, NameNode, SentenceView
from .text import Clause, Token
from .unresolved import COMMON_CAPITALS, PREPOSITIONS, unknown_subject

MODIFIED = frozenset("""worst best biggest largest top other leading weakest strongest most least heaviest
smallest""".split())
# Words that open a list of examples: names after them are not the subject ("the index, home to companies such as
# Volkswagen and SAP, was up 0.1 percent").
LIST_OPENERS = (("such", "as"), ("including",), ("like",), ("led", "by"), ("among", "them"), ("notably",),
                ("especially",), ("particularly",), ("home", "to"), ("ahead", "of"))
LIST_OPENER_FIRSTS = frozenset(opener[0] for opener in LIST_OPENERS)
# Nouns that refer back to whichever company the article is about ("the company"); any other noun describes one
# ("the cinema chain", "the lender"): the company just written about.
GENERIC_NOUNS = frozenset("company firm group business corporation corp concern outfit".split())
# "-based", "-led": a capitalised word before one of these describes the company ("the Kyoto-based game maker",
# "the Ambani-led conglomerate"); it is no company name.
MODIFIER_PARTICIPLES = frozenset("based listed headquartered led owned controlled backed run founded focused".split())


@dataclass(frozen=True)
class Descriptors:
    """The hand-kept phrases that refer to one company ("the iPhone maker"): their lowered words -> its symbol, and
    the words they begin with (a phrase is looked up only at those)."""

    phrases: Mapping[tuple[str, ...], str]
    firsts: frozenset[str]

    @classmethod
    def of(cls, phrases: Mapping[str, str]) -> Descriptors:
        by_words = {tuple(k.split()): v for k, v in phrases.items()}
        return cls(by_words, frozenset(k[0] for k in by_words if k))

    def get(self, words: tuple[str, ...]) -> str | None:
        return self.phrases.get(words)


def name_nodes(toks: tuple[Token, ...], tags: Tags, mentions: Sequence[Mention], descriptors: Descriptors,
               named: set[str]) -> list[NameNode]:
    """The names of a sentence (from the article's mentions) and its referring phrases, in order."""
    out: list[NameNode] = []
    taken: set[int] = set()
    starts = [t.start for t in toks]
    for m in mentions:
        a, b = bisect_left(starts, m.start), bisect_left(starts, m.end)  # the tokens starting inside the mention
        if a == b:
            continue
        if b + 1 < len(toks) and toks[b].text == "-" and toks[b + 1].low in MODIFIER_PARTICIPLES \
                and not toks[b].space_before:
            continue  # "the SoftBank-owned chip designer": the owner describes the company referred to
        kind = "index" if m.symbol.startswith("^") or m.role == "index" else "company"
        out.append(NameNode(a, b, m.symbol, kind, b < len(toks) and toks[b].low == "'s"))
        taken.update(range(a, b))
    end = 0  # where the last referring phrase found ends: the next one starts at or after it
    for i in [i for i, t in enumerate(toks) if t.low in REFERRING_OPENERS]:
        if i < end or i in taken:
            continue
        node = _referring(toks, tags, i, descriptors, named)
        if node is None or any(k in taken for k in range(node.first, node.last)):
            continue
        out.append(node)
        taken.update(range(node.first, node.last))
        end = node.last
    return sorted(out, key=lambda n: n.first)


# What a referring phrase begins with: a pronoun ("it"), a determiner before a noun ("the iPhone maker") or the
# shares themselves ("Shares rose"). name_nodes tries _referring only at these words.
REFERRING_PRONOUNS = ("it", "its", "they", "their")
REFERRING_DETERMINERS = ("the", "its", "their", "this", "that")
SHARE_WORDS = ("shares", "stock")
REFERRING_OPENERS = frozenset(REFERRING_PRONOUNS + REFERRING_DETERMINERS + SHARE_WORDS + ("both",))
PAIR_NOUNS = frozenset("stocks shares companies firms banks lenders groups carmakers miners insurers".split())


def _referring(toks: tuple[Token, ...], tags: Tags, i: int, descriptors: Descriptors,
               named: set[str]) -> NameNode | None:
    """A phrase referring back to a company or index at token i: "the iPhone maker", "the blue-chip index", "its
    shares", "the Irvine, Calif.-based company", "it"."""
    low = toks[i].low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if low == "both" and (i == 0 or toks[i - 1].text in (",", ";", ":")) and nxt not in ("of", "the", "its"):
        return NameNode(i, i + 1, None, "pair", False)  # "Both had fallen by more than 10%": the two just named
    if low == "the" and nxt == "two" and i + 2 < len(toks) and toks[i + 2].low in PAIR_NOUNS:
        return NameNode(i, i + 3, None, "pair", False)  # "as the two stocks sank 7.9 per cent and 10.1 per cent"
    if low in REFERRING_PRONOUNS and not (low == "its" and tags.starts(i + 1, "market_noun")) \
            and not toks[i].text.isupper():  # "IT firm SAP": information technology
        return NameNode(i, i + 1, None, "pronoun", False)
    if low in REFERRING_DETERMINERS:
        j, words = i + 1, 0
        while words < 5 and j < len(toks):  # up to four words between the determiner and the noun
            k = initials(toks, j)[1]
            if k > j and "".join(t.low for t in toks[j:k]).rstrip(".") in COMMON_CAPITALS:
                j, words = k, words + 1  # "The largest U.S. consumer bank's stock": a place, not a name
                continue
            if toks[j].text[:1].isupper() and toks[j].low not in COMMON_CAPITALS \
                    and tags.starts(j, "refer") is None and descriptors.get((toks[j].low,)) is None:
                based = next((k for k in range(j + 1, min(j + 6, len(toks))) if toks[k].low in MODIFIER_PARTICIPLES
                              and toks[k - 1].text == "-"), None)  # "the Kyoto-based", "the Ambani-led"
                if based is None and j + 2 < len(toks) and toks[j + 1].text == "-" and toks[j + 2].text[:1].isupper() \
                        and not toks[j + 1].space_before and not toks[j + 2].space_before:
                    based = j + 2  # "the Anglo-Dutch group": a compound of places is a modifier
                k = j + 1  # "the Cupertino company", "the Santa Clara firm": a place before the noun
                while k < min(j + 3, len(toks)) and toks[k].text[:1].isupper() and tags.starts(k, "refer") is None:
                    k += 1
                place = tags.starts(k, "refer.company")
                if based is None and place is not None and not _noun_goes_on(toks, tags, place.last) and not (
                        place.last < len(toks) and toks[place.last].low in ("index", "indices", "indexes", "sector")):
                    j, words = k, words + k - j
                    continue
                if based is None:
                    return None  # "the broader Topix index": a name the article has not resolved
                j, words = based + 1, words + 1  # "the Irvine, Calif.-based company": a place, then the noun
                continue
            for width in (3, 2, 1) if toks[j].low in descriptors.firsts or toks[j].text == "-" else ():
                key = tuple(t.low for t in toks[j:j + width] if t.text != "-")
                sym = descriptors.get(key)
                if sym is not None and len(key) == width:
                    end = j + width
                    return NameNode(i, end, sym if sym in named else None, "company", _poss(toks, end))
            outside = tags.starts(j, "not_subject")
            if outside is not None and outside.last > j + 1:
                return None  # "the dollar index", "the consumer price index": no market's index
            if tags.starts(j, "refer.index") is not None and not _noun_goes_on(toks, tags, j + 1):
                return NameNode(i, j + 1, None, "index", _poss(toks, j + 1))
            p = tags.starts(j, "refer.company") or tags.starts(j, "market_noun")
            if p is not None and not _noun_goes_on(toks, tags, p.last):
                noun = toks[p.last - 1].low
                kind = "shares" if tags.starts(j, "market_noun") is not None else (
                    "company" if noun in GENERIC_NOUNS else "described")
                return NameNode(i, p.last, None, kind, _poss(toks, p.last))
            if toks[j].text in ("-", "–") or toks[j].low == "and" and words:
                j += 1  # "the mid-cap index", "the mining and trading group": modifiers joined, and a hyphened
                words -= toks[j - 1].text != "and"  # compound is one word ("the export-driven ... index")
                continue
            if not toks[j].is_word or tags.starts(j, "direction") is not None or tags.starts(
                    j, "value.level_verbs") is not None or toks[j].low in (  # ("That valued the operator at")
                    "of", "in", "and", "or", "to", "at", "on", "for", "was", "is", "were", "are", "has", "had"):
                return None
            j, words = j + 1, words + 1
        return None
    if low in SHARE_WORDS and (i == 0 or not toks[i - 1].is_word) and nxt not in ("of", "in") \
            and (i == 0 or toks[i - 1].low != "'s") \
            and not (i >= 2 and toks[i - 1].text == "." and toks[i - 2].is_word and toks[i - 2].text[0].isupper()):
        return NameNode(i, i + 1, None, "shares", False)  # ("Citigroup Inc. shares": the name's own shares)
    return None


def _poss(toks: tuple[Token, ...], j: int) -> bool:
    return j < len(toks) and toks[j].low == "'s"


def _noun_goes_on(toks: tuple[Token, ...], tags: Tags, j: int) -> bool:
    """"the company's" ends a referring phrase; "the bank stocks" or "the index fund" do not refer back."""
    return j < len(toks) and toks[j].is_word and (tags.starts(j, "not_subject") is not None or toks[j].low in (
        "fund", "funds", "futures", "options", "sector", "provider", "providers", "members", "rules"))


def subjects(sv: SentenceView, fig: Figure, clause: Clause, gov: int) -> list[NameNode] | None:
    """The names a figure belongs to, looked for before the governing word `gov` in its clause, then after the
    figure ("a 4.2% rise in the Dow Transports"); [] when the clause names none (the caller decides then); None
    when its subject is a name the article does not resolve ("Pharmasset shares jumped", "Hero MotoCorp was the
    top gainer"), so no other subject may be put in its place."""
    toks = sv.toks
    listed = _after_list_opener(sv, clause.first, gov)
    before = [n for n in sv.names if clause.first <= n.first and n.last <= gov and _can_be_subject(sv, n)
              and n.first not in listed and not _in_apposition(sv, n, clause, gov)]
    if any(n.kind in ("company", "shares", "described") for n in before):
        # "Diageo, the heaviest faller in the Footsie, lost 4%": an index a company is "in" or "on" is no subject
        before = [n for n in before if not (n.kind == "index" and not n.possessive and _object_of_preposition(sv, n))]
    if any(n.kind != "pronoun" for n in before):  # "The Nifty touched its lifetime high of ...": the name, not "its"
        first_named = next(n for n in before if n.kind != "pronoun")
        before = [n for n in before if n.kind != "pronoun" or n.first < first_named.first]
    apposed = _apposed(sv, fig)
    if apposed is not None:
        return [apposed]
    k = fig.q.first
    if k >= 2 and toks[k - 1].text == "(" and toks[k - 2].is_word and toks[k - 2].text[0].isupper() and not any(
            n.first <= k - 2 < n.last for n in sv.names):
        return None  # "gains in Commonwealth Bank (1.4 per cent)" when the name is not resolved: nobody else's
    objects = [n for n in sv.names if gov <= n.first and n.last <= fig.q.first and n.first >= clause.first]
    if objects and (fig.reading == "value_change" or sv.tags.within(gov, objects[0].first, "causative")):
        return objects[-1:]  # "a weak forecast cost Facebook more than $120 billion", "lifting Newmont shares 3%"
    owner = _owner_after(sv, fig, clause)
    if owner is not None:  # (the Composite's "energy subindex" is neither)
        # "dwarfed by a 3.8% slump in the chip index", "compared with 8% for the Stoxx 600"
        return None if _owns_other(sv, owner) else [owner]
    if fig.reading == "gapped":
        near = [n for n in sv.names if n.last <= fig.q.first and n.first >= clause.first]
        return near[-1:]
    if before:
        last = before[-1]
        group = [last]
        for n in reversed(before[:-1]):
            between = [t.low for t in toks[n.last:group[0].first]]
            if between and all(w in (",", ".", "and", "&", "'s", "both", "as", "well", "the") for w in between) \
                    and "and" in between or between == [","]:
                group.insert(0, n)
            else:
                break
        return group
    if clause.role in ("resume", "continue"):  # "The shares, which have lagged the FTSE 100 this year, rose 2.1p",
        # "The shares were little changed, edging up 0.2%": the subject of the clause before
        head = next((c for c in reversed(sv.clauses) if c.last <= clause.first and c.role != "relative"), None)
        named = [] if head is None else [n for n in sv.names if head.first <= n.first and n.last <= head.last
                                         and _can_be_subject(sv, n)]  # of the clause the relative one interrupts
        once: dict[str, NameNode] = {}  # each company once: "BP Plc (NYSE: BP)" is one
        for n in joined(sv, named):
            once.setdefault(n.symbol or str(n.first), n)
        if once:
            return list(once.values())
    after = [n for n in sv.names if fig.q.last <= n.first < clause.last]
    for n in after:
        k = n.first - 1 if toks[n.first - 1].low != "the" else n.first - 2
        if toks[k].low in ("in", "for", "of", "by") and n.first - fig.q.last <= 6:
            return None if _owns_other(sv, n) else [n]
    named_in = [n for n in sv.names if clause.first <= n.first < gov or (gov <= n.first < fig.q.first and n.symbol)]
    if named_in and gov < named_in[0].first and toks[named_in[0].first - 1].low in ("in", "for", "of"):
        return joined(sv, named_in)  # "Volumes in Barclays and Lloyds reached 120 million and 310 million shares"
    opener = _fronted_participle(sv, fig)
    if opener is not None:
        return [opener]  # "Having fallen 3.1% during the session, Tesla shares are trading 4.7% higher"
    if not _level_noun_phrase(sv, fig) and unknown_subject(sv, clause, gov, listed):
        return None
    if clause.role == "relative" and clause.opener in ("which", "who", "whose", "that"):
        antecedent = [n for n in sv.names if n.last <= clause.first and n.symbol]
        reach = max(antecedent[-1].last if antecedent else 0, clause.first - 6)
        if any(sv.tags.starts(p.first, "market_noun") is None for cls in ("not_subject", "not_market")
               for p in sv.tags.within(reach, clause.first, cls)):  # (not "Netflix shares, which ...")
            return None  # "Unlike the broader market, which edged up 0.6%, Pfizer fell": the market's figure
        return antecedent[-1:]
    return []


APPOSED_WORDS = frozenset("worth at valued down up off higher lower".split())


def _apposed(sv: SentenceView, fig: Figure) -> NameNode | None:
    """The name a figure is set off by commas or brackets right after ("ahead of Microsoft, worth $3.32 trillion, and
    Apple", "Infosys, down 1.2%, dragged", "with losses in CBA (1.4 per cent)"): that name's figure, whatever role
    the name has in its clause."""
    toks = sv.toks
    k = fig.q.first
    while k > 0 and (toks[k - 1].low in APPOSED_WORDS or sv.tags.ends(k, "hedge") is not None):
        h = sv.tags.ends(k, "hedge")
        k = h.first if h is not None and toks[k - 1].low not in APPOSED_WORDS else k - 1
    bracket = k >= 2 and toks[k - 1].text == "("  # "with losses in CBA (1.4 per cent)"
    if not bracket and (k == fig.q.first or k < 2 or toks[k - 1].text != ","):
        return None
    name = next((n for n in sv.names if n.last == k - 1 and n.symbol), None)
    end = fig.q.last + (1 if fig.q.last < len(toks) and toks[fig.q.last].low in ("%", "percent") else 0)
    closing = (")",) if bracket else (",", ".", ";")
    if name is None or end < len(toks) and toks[end].text not in closing and (bracket or toks[end].low != "and"):
        return None
    return name


def _in_apposition(sv: SentenceView, n: NameNode, clause: Clause, gov: int) -> bool:
    """A name inside a description set off by commas after the name it describes ("Prosus, the Amsterdam-listed
    Tencent shareholder, climbed 3.6%"): part of the description, not the subject."""
    toks = sv.toks
    k = n.first - 1
    while k > clause.first and toks[k].text not in (",", ";", ":", "(") and sv.tags.starts(k, "direction") is None:
        k -= 1
    if k <= clause.first or toks[k].text != "," or toks[k + 1].low not in ("the", "a", "an", "its", "their") \
            or not any(m.last == k and m.symbol for m in sv.names):
        return False
    return any(t.text == "," for t in toks[n.last:gov])


def joined(sv: SentenceView, names: list[NameNode]) -> list[NameNode]:
    """The first of `names` and those joined to it by nothing but commas and "and" ("Barclays and Lloyds")."""
    group = names[:1]
    for n in names[1:]:
        if not {t.low for t in sv.toks[group[-1].last:n.first]} <= {",", "and", "&"}:
            break
        group.append(n)
    return group


def _object_of_preposition(sv: SentenceView, n: NameNode) -> bool:
    k = n.first - 1
    if k >= 0 and sv.toks[k].low in ("the", "a", "an"):
        k -= 1
    return k >= 0 and sv.toks[k].low in PREPOSITIONS


def _owner_after(sv: SentenceView, fig: Figure, clause: Clause) -> NameNode | None:
    """The name a figure written as a noun phrase belongs to, after it: "a 3.8% slump in the Nasdaq", "with 8% for
    the Stoxx 600", "a gain of 2% in Unilever". Only a figure that opens a noun phrase ("a", "an", "with", "than"
    before it), or goes on a list of such figures ("gains of 1.1% for Microsoft and 1.5% for Apple"), is owned this
    way; "Shell rose 2% in London" keeps its subject."""
    j, opener = _opener(sv, fig)
    head = fig
    while opener in ("and", ","):  # walk back along the list to the figure that opens it
        earlier = [g for g in sv.figures if g.q.unit == fig.q.unit and g.q.last < j]
        if not earlier or _name_after(sv, earlier[-1], clause) is None:
            return None
        head = earlier[-1]
        j, opener = _opener(sv, head)
    if opener not in ("a", "an", "with", "than", "versus", "vs", "against", "to", "of"):
        return None
    if opener == "of" and not (j > 1 and sv.tags.ends(j - 1, "direction.noun") is not None):
        return None  # "a drop of 4% in the Dax" and not "worth of ..."
    return _name_after(sv, fig, clause)


def _opener(sv: SentenceView, fig: Figure) -> tuple[int, str]:
    """Where the figure's noun phrase starts (before its hedge) and the word before it; "the" after "than", "with"
    and the like gives way to that word ("steeper than the 41.5 percent slide in the S&P 500")."""
    j = fig.q.first - (len(fig.hedge.split()) if fig.hedge else 0)
    opener = sv.toks[j - 1].low if j > 0 else ""
    if opener == "the" and j > 1 and sv.toks[j - 2].low in ("than", "with", "versus", "vs", "against"):
        opener = sv.toks[j - 2].low
    return j, opener


def _name_after(sv: SentenceView, fig: Figure, clause: Clause) -> NameNode | None:
    """The name right after a figure (and its move noun) and "in", "for" or "at": "2% in Shell", "a 4% drop in BP"."""
    k = fig.q.last
    noun = sv.tags.starts(k, "direction.noun") if k < len(sv.toks) else None
    if noun is not None:
        k = noun.last
    if k >= len(sv.toks) or sv.toks[k].low not in ("in", "for", "at"):
        return None
    k += 1 + (sv.toks[k + 1].low in ("the", "its") if k + 1 < len(sv.toks) else 0)
    return next((n for n in sv.names if n.first == k and n.symbol and n.first < clause.last + 8), None)


def _owns_other(sv: SentenceView, n: NameNode) -> bool:
    """A name owning something that is no company, index or share: "the S&P/TSX's energy subindex", "Apple's
    services revenue", "the Dow's worst performer"."""
    if not n.possessive:
        return False
    j = n.last + 1
    if j < len(sv.toks) and sv.toks[j].low in MODIFIED:
        return True
    for k in range(j, min(j + 3, len(sv.toks))):
        if sv.tags.starts(k, "market_noun") is not None or sv.tags.starts(k, "value.nouns") is not None or \
                sv.toks[k].low in ("'s", ",", "and") or sv.toks[k].is_number:
            return False
        if sv.tags.starts(k, "not_market") is not None or sv.tags.starts(k, "not_subject") is not None or (
                n.kind == "index" and sv.tags.starts(k, "refer.index") is not None):
            return True  # (an index's "financials index" is a part of it)
    return False


PARTICIPLE_OPENERS = frozenset("having after before despite since while".split())


def _fronted_participle(sv: SentenceView, fig: Figure) -> NameNode | None:
    """A figure in a participle phrase that opens the sentence ("Having fallen 3.1% ..., Tesla shares ...",
    "After rising 4% on Monday, Ford ...", "With a market value of $63 billion, the lender ...") belongs to the
    subject of the clause after its comma."""
    toks = sv.toks
    first = toks[0].low if toks else ""
    if not (first in PARTICIPLE_OPENERS and len(toks) > 1 and (toks[1].low.endswith("ing") or first == "having")
            or first.endswith("ing") and sv.tags.starts(0, "direction.verb") is not None or first == "with"):
        return None
    if any(n.first < fig.q.first for n in sv.names if n.symbol):
        return None
    comma = next((k for k in range(fig.q.last, len(toks)) if toks[k].text == ","), None)
    if comma is None:
        return None
    return next((n for n in sv.names if n.first > comma and (n.symbol or n.kind in ("company", "shares", "described"))
                 and n.first <= comma + 3), None)  # a name, or one referring back: "..., the lender said"


def _level_noun_phrase(sv: SentenceView, fig: Figure) -> bool:
    """"Thursday's closing stock price of $122.99", "a record high of $423.21": a level named by a noun is the
    stock's whoever the clause is about ("Founder R.J. Scaringe holds shares worth ... based on ...")."""
    j = fig.q.first - (len(fig.hedge.split()) if fig.hedge else 0)
    return fig.reading == "level" and j > 0 and sv.toks[j - 1].low == "of"


def _after_list_opener(sv: SentenceView, first: int, gov: int) -> set[int]:
    """Token indexes in [first, gov) that follow a list opener ("such as", "including") in the same stretch."""
    words = [t.low for t in sv.toks]
    starts = {n.first for n in sv.names}
    ends = {n.last for n in sv.names}
    for n in sv.names:  # "Volkswagen (VOWG_p.DE)," ends its item with the name too
        if n.last < len(words) and words[n.last] == "(" and ")" in words[n.last:n.last + 8]:
            ends.add(words.index(")", n.last) + 1)
    for i in range(first, gov):
        for opener in LIST_OPENERS if words[i] in LIST_OPENER_FIRSTS else ():
            if tuple(words[i:i + len(opener)]) == opener:
                end = gov
                for j in range(i + len(opener), gov):  # the list ends at a comma no name follows ("Led by a jump
                    # in Adani, the Nifty"), one no name ends before ("Ahead of the Fed's decision, Apple fell"),
                    # or one after its "and" ("Ahead of results from Nvidia and Marvell, AMD rose")
                    k = j + 1 + (words[j + 1] == "and" if j + 1 < len(words) else 0)
                    named = k in starts or (k < gov and sv.toks[k].text[:1].isupper())
                    if words[j] == "," and (not named or j not in ends or "and" in words[i:j]):
                        end = j
                        break
                return set(range(i, end))
    return set()


def _can_be_subject(sv: SentenceView, n: NameNode) -> bool:
    toks = sv.toks
    prev = toks[n.first - 1].low if n.first > 0 else ""
    # a name that opens its clause after the preposition is its subject: ", with JPMorgan down 8.3%"
    opens = (n.symbol is not None or n.kind == "pair") and n.first > 0 and sv.clause_of(n.first).first == n.first - 1
    if prev in PREPOSITIONS and not opens and not (prev in ("of", "in") and n.first >= 2 and toks[n.first - 2].low in (
            "shares", "stock", "stocks")):
        return False
    if _owns_other(sv, n):
        return False  # "the Dow's worst performer", "Apple's revenue", "the TSX's energy subindex"
    if n.last < len(toks) and sv.tags.starts(n.last, "not_subject") is not None and sv.tags.starts(
            n.last, "market_noun") is None:
        return False  # "Nasdaq futures", "the S&P 500 sector"
    return sv.tags.starts(n.last, "relation") is None  # "the Tencent shareholder": Tencent's tie names another
