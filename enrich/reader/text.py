"""The text layer: sentences, tokens with character offsets, and clauses, from one splitter.

Everything the reader matches is a sequence of `Token`s of one sentence; offsets are those of the article text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A word (letters, with an inner apostrophe: "don't"), a number with thousands groups (Indian groups of two as well:
# "10,02,380"), a possessive ending on its own ("'s"), or any other single non-space character. The first three begin
# with different characters (a letter, a digit, a quote), so their order changes no token; the commonest is tried
# first, and the possessive's look back is made only at a quote.
TOKEN = re.compile(r"[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*|\d+(?:,\d{2,3})*(?:\.\d+)?|['’](?<=[A-Za-z0-9]['’])s\b|\S")

# Where a sentence ends: a stop, then space and a capital, digit, quote, bracket, dash or currency sign; or a line
# break. Abbreviations before a stop do not end one ("Corp. said", "U.S. stocks", "Jan. 4"). The pattern begins with
# the one character either kind starts with, so the scan skips every other character in C (an alternation at the top
# is tried at each character of the text: four times the instructions).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”'’)]?\s+(?=[\"“‘(\[]?[A-Z0-9$£€¥₹\-–—]|\s)|(?<=\n)\n*)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Cos|Ltd|Plc|Bhd|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Nos|vs|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|U\.S|U\.K|U\.N|E\.U|a\.m|p\.m|Rs|Gov|Sen|"
    r"Rep|Gen|Ft|Mt|Ave|Calif|Mass|Wash|Conn|Ill|Fla|Minn|Mich|Penn|Tenn|Ariz|Colo|Ore|Nev)\.|(?:\b|(?<=\s))"
    r"[A-Z]\.)$")


class Token:
    """One token of a sentence: its character span in the article, its text as written and lowered ("’" as "'"),
    whether whitespace comes right before it, and whether it is a number or a word (by its first character).

    A plain class with slots rather than a frozen dataclass: an article has thousands of tokens, and a frozen
    dataclass takes five times as long to build one. Nothing assigns to a token after tokenize() makes it."""

    __slots__ = ("start", "end", "text", "low", "space_before", "is_number", "is_word")

    def __init__(self, start: int, end: int, text: str, low: str, space_before: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = low
        self.space_before = space_before  # whitespace (or the start of the sentence) right before it
        self.is_number = text[0].isdigit()
        self.is_word = text[0].isalpha()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # the sentence's own text (text[start:end] of the article)
    tokens: tuple[Token, ...]

    def index_at(self, pos: int) -> int:
        """The index of the first token starting at or after character `pos`."""
        for i, t in enumerate(self.tokens):
            if t.start >= pos:
                return i
        return len(self.tokens)


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    end = len(text) if end is None else end
    out = []
    prev_end = start
    for m in TOKEN.finditer(text, start, end):
        s, e = m.span()
        word = m.group()
        out.append(Token(s, e, word, word.lower().replace("’", "'"), s == start or s > prev_end))
        prev_end = e
    return tuple(out)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; headlines, list items and table rows are sentences of their own."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        cut = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if text[m.start()] == "." and "\n" not in m.group() and _ABBREVIATION.search(text, max(0, cut - 8), cut):
            continue  # "U.S. Steel", "Jan. 4", "Apple Inc. said": an abbreviation's stop ends no sentence
        if text[start:cut].strip():
            spans.append((start, cut))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return [_trim(text, a, b) for a, b in spans]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentences(text: str) -> list[Sentence]:
    return [Sentence(a, b, text[a:b], tokenize(text, a, b)) for a, b in sentence_spans(text)]


def headlines(text: str, sents: list[Sentence]) -> list[Sentence]:
    """The lines above the body that are headlines: each a line of its own with no closing stop, before the first
    sentence that ends with one ("Dow closes over 10,000", a kicker, a standfirst without a full stop)."""
    out: list[Sentence] = []
    for s in sents:
        line_start = text.rfind("\n", 0, s.start) + 1
        line_end = text.find("\n", s.end)
        line = text[line_start:len(text) if line_end < 0 else line_end].strip()
        if line != s.text.strip() or line_end < 0:
            break  # the body has begun: a line of several sentences, or the last line
        if line[-1:] in ".!?\"'”’":
            break
        out.append(s)
    return out


# ---------------------------------------------------------------------------------------------------------
# Clauses

@dataclass(frozen=True)
class Clause:
    """Tokens [first, last) of a sentence. `role` says what the clause takes from the one before it:
    "main" (the sentence's first clause), "own" (may name its own subject and time: "while the Nasdaq fell 1%",
    "; on Monday it recovered 2%"), "relative" (refers back to the date or thing just named: "..., when it closed
    at $41.07", "..., which is now worth"), "continue" (a participle: same subject, and the time before it unless
    it names its own: ", wiping out $100 billion"), "resume" (the main clause again after a relative clause a
    comma closed). A parenthesis stays inside the clause around it."""

    first: int
    last: int
    role: str
    opener: str = ""  # the word that opened it ("when", "while"), "" when none


# Marks that end a clause by themselves.
_HARD_BREAKS = {";", "—", "–"}
# Every token clauses() looks at: brackets, breaks, dashes, a colon, a comma, and the conjunctions that may open a
# clause of their own.
_CLAUSE_MARKS = frozenset({"(", "[", ")", "]", *_HARD_BREAKS, "-", ":", ",", "and", "but", "while", "whereas", "as",
                           "because"})


def clauses(sent: Sentence, openers: dict[str, str]) -> list[Clause]:
    """Split a sentence at ';', dashes, a colon and a comma before a clause opener (`openers` maps the lowered
    opener phrase to its role: relative or own)."""
    toks = sent.tokens
    cuts: list[tuple[int, int, str, str]] = []  # (index where the new clause starts, tokens skipped, role, opener)
    depth = 0
    paired = _paired_dashes(toks)
    for i in [i for i, t in enumerate(toks) if t.low in _CLAUSE_MARKS]:  # no other token opens or ends a clause
        t = toks[i]
        c = t.text
        if i in paired:
            continue
        if c in "([":
            depth += 1
            continue
        if c in ")]":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue  # a parenthesis belongs to the clause around it ("Best Buy (BBY) plunged 28.59%")
        if c in _HARD_BREAKS or (c == "-" and t.space_before and i + 1 < len(toks) and toks[i + 1].space_before):
            cuts.append((i + 1, 0, "own", ""))
            continue
        if c == "-" and i + 1 < len(toks) and toks[i + 1].text == "-":  # "--"
            cuts.append((i + 2, 0, "own", ""))
            continue
        if c == ":" and i + 1 < len(toks) and not toks[i + 1].is_number:
            cuts.append((i + 1, 0, "own", ""))
            continue
        if c == ",":
            opener, role = _opener_at(toks, i + 1, openers)
            if not role and i + 1 < len(toks) and (_participle(toks[i + 1]) or toks[i + 1].low in ("a", "an")):
                # ", wiping out ...", ", paring a weekly loss ...", ", a price it had not seen in two decades"
                opener, role = toks[i + 1].low, "continue"
            if not role and cuts and cuts[-1][2] == "relative" and cuts[-1][3] in PRONOUNS and _verb_like(toks, i + 1):
                opener, role = "", "resume"  # "Qualcomm, which had closed at $57.18, jumped 23%": the main clause again
            subject = 1 if i + 1 < len(toks) and toks[i + 1].low in ("it", "they") else 2 if i + 2 < len(toks) and (
                toks[i + 1].low == "the" and toks[i + 2].low in RESUMING_NOUNS) else 0
            if not role and cuts and cuts[-1][2] == "relative" and subject and _verb_like(toks, i + 1 + subject):
                opener, role = "", "own"  # "Since May 9, when it closed at 6,132.7, the index has shed 8.3%": the
                # main clause again
            if role:
                cuts.append((i + 1, 0, role, opener))
        elif t.low in ("and", "but", "while", "whereas") and any(x.is_number for x in toks[last_cut(cuts):i]) \
                and i + 1 < len(toks) and _new_subject(toks[i + 1]):
            cuts.append((i, 0, "own", t.low))  # "... dropped 12.3% and Carnival declined 10.32%"
        elif t.low in ("as", "while", "because", "whereas") and i > 0 and toks[i - 1].text != "," and i + 1 < len(
                toks) and toks[i + 1].low in ("the", "its", "their"):
            cuts.append((i, 0, "own", t.low))  # "... halted trading in GameStop as the shares soared 135%"
    out: list[Clause] = []
    start, role, opener = 0, "main", ""
    for at, _, new_role, new_opener in sorted(cuts):
        if at > start:
            out.append(Clause(start, at, role, opener))
            start, role, opener = at, new_role, new_opener
        else:
            role, opener = new_role, new_opener
    if start < len(toks):
        out.append(Clause(start, len(toks), role, opener))
    return out


def _paired_dashes(toks: tuple[Token, ...]) -> set[int]:
    """Dashes that open and close an aside ("up 75 cents — or nearly 22% — over the past week"): not breaks."""
    dashes = [i for i, t in enumerate(toks) if t.text in ("—", "–") or (t.text == "-" and t.space_before and
                                                                        i + 1 < len(toks) and toks[i + 1].space_before)]
    return set(dashes[:2]) if len(dashes) == 2 and dashes[1] - dashes[0] <= 8 else set()


PRONOUNS = frozenset("which who whose that".split())  # relative clauses that a comma may close


RESUMING_NOUNS = frozenset("index stock shares company group bank benchmark gauge market".split())


def _verb_like(toks: tuple[Token, ...], i: int) -> bool:
    """A lowercase word that is no article, preposition or conjunction: the main clause's verb after a relative
    clause ("..., who started the company in 2009, holds 17.6 million shares")."""
    return i < len(toks) and toks[i].is_word and toks[i].text[0].islower() and toks[i].low not in (
        "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "for", "to", "with", "by", "from", "its",
        "their", "his", "her", "as", "than", "up", "down")


def _new_subject(t: Token) -> bool:
    """What may open a clause of its own after "and": a determiner, a name, a number ("and the Nasdaq fell",
    "and Carnival declined", "and 16 percent over ..."), not "co-founder and former chief executive"."""
    return t.low in ("the", "its", "their", "a", "an", "shares", "stocks") or t.text[0].isupper() or t.is_number


def last_cut(cuts: list[tuple[int, int, str, str]]) -> int:
    return cuts[-1][0] if cuts else 0


NOT_PARTICIPLES = frozenset("including according during following trading morning evening closing opening ending "
                            "something nothing anything everything bring".split())


def _participle(t: Token) -> bool:
    """A participle opening a clause after a comma: "wiping", "paring", "leaving"; not "including" or "trading"."""
    return t.is_word and len(t.low) > 4 and t.low.endswith("ing") and t.low not in NOT_PARTICIPLES


def _opener_at(toks: tuple[Token, ...], i: int, openers: dict[str, str]) -> tuple[str, str]:
    for n in (3, 2, 1):
        words = " ".join(t.low for t in toks[i:i + n])
        if len(toks[i:i + n]) == n and words in openers:
            return words, openers[words]
    return "", ""
