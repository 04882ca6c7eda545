"""The lexicon (lexicon.toml) compiled for matching: every phrase, tokenised as articles are, mapped to its classes.

A class is the dotted path of its table in lexicon.toml ("direction.verb.up", "hedge.about", "level.close",
"scale.1e9"); tables of numbers ("number_words") give each phrase a value. `Tags` answers, for one sentence,
which phrases of a class start or end at a token.
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping, Set
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .text import Token, tokenize


class Phrase(NamedTuple):
    """A lexicon phrase found in a sentence: tokens [first, last), its class and value. (A named tuple, immutable
    like a frozen dataclass, is built three times faster, and an article has hundreds of phrases.)"""

    first: int
    last: int
    cls: str
    value: float | None = None


def _key(tokens: Iterable[Token]) -> tuple[str, ...]:
    return tuple(t.low for t in tokens if t.text not in ("-", "‐"))


def _entries(node: object, path: str) -> Iterator[tuple[str, str, float | None]]:
    """(phrase, class, value) for every phrase under a TOML table. A table of two lists, `first` and `then`, holds
    every phrase of a word of the first followed by one of the second ("lunchtime" + "deals")."""
    if isinstance(node, dict) and set(node) == {"first", "then"}:
        for a in node["first"]:
            for b in node["then"]:
                yield f"{a} {b}", path, None
        return
    if isinstance(node, dict):
        for key, sub in node.items():
            if key == "words" or key == "phrases":
                yield from _entries(sub, path)
            elif isinstance(sub, (int, float)) and not isinstance(sub, bool):
                yield key, path, float(sub)
            else:
                yield from _entries(sub, f"{path}.{key}" if path else key)
    elif isinstance(node, str):
        for w in node.split():
            yield w, path, None
    elif isinstance(node, list):
        for w in node:
            yield str(w), path, None


class Lexicon:
    def __init__(self, table: dict[str, object]) -> None:
        self.table = table
        self.phrases: dict[tuple[str, ...], list[tuple[str, float | None]]] = {}
        # A phrase written as one word with a sign in it ("a$", "$a", "hk$", "s&p") is that word only when its
        # tokens are written together: "a $5 gain" holds the article "a" and a dollar, not Australian dollars.
        spaced: set[tuple[str, ...]] = set()
        self.glued: set[tuple[str, ...]] = set()
        for phrase, cls, value in _entries(table, ""):
            key = _key(tokenize(phrase.lower()))
            if len(key) > 1:
                one_word = " " not in phrase and not phrase.replace("-", "").isalnum()
                (self.glued if one_word else spaced).add(key)
            if key:
                entries = self.phrases.setdefault(key, [])
                if (cls, value) not in entries:
                    entries.append((cls, value))
        # first word -> the lengths of the phrases of two words or more it begins, longest first: tag() tries only
        # those lengths at a token, not every length up to the longest phrase (half of an article's tokens begin some
        # phrase); and each one-word phrase's entries by its word, found without building a key
        lengths: dict[str, set[int]] = {}
        for k in self.phrases:
            lengths.setdefault(k[0], set()).update([len(k)] if len(k) > 1 else ())
        self.lengths = {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}
        self.single = {k[0]: es for k, es in self.phrases.items() if len(k) == 1}
        self.pairs = {k[:2] for k in self.phrases if len(k) > 1}  # the first two words of each longer phrase
        # Every class with the classes above it ("time.unit_week" -> "time", "time.unit_week"): a phrase answers a
        # lookup of any of them, and Tags indexes it under each once instead of testing prefixes on every lookup.
        self.lineage = {cls: _lineage(cls) for es in self.phrases.values() for cls, _ in es}
        self.glued -= spaced  # also written with spaces ("us $"): any spacing will do

    def words(self, cls: str) -> set[str]:
        """Every phrase (lowered, space-joined) whose class is `cls` or under it."""
        return {" ".join(k) for k, es in self.phrases.items() if any(c == cls or c.startswith(cls + ".")
                                                                      for c, _ in es)}

    def tag(self, tokens: tuple[Token, ...]) -> Tags:
        """Every lexicon phrase in a sentence's tokens (a hyphen inside a word is skipped: "blue-chip")."""
        keep: list[int] | range = range(len(tokens))
        lows = [t.low for t in tokens]
        if "-" in lows or "‐" in lows:
            keep = [i for i, t in enumerate(tokens) if not (t.text in ("-", "‐") and not t.space_before and i + 1 < len(
                tokens) and not tokens[i + 1].space_before)]
            lows = [lows[i] for i in keep]
        found: list[Phrase] = []
        lengths, single, phrases, pairs, glued = self.lengths, self.single, self.phrases, self.pairs, self.glued
        count = len(lows)
        for a, low in enumerate(lows):
            ns = lengths.get(low)
            if ns is None:
                continue
            if ns and a + 1 < count and (low, lows[a + 1]) in pairs:  # a phrase of two words or more can start here
                for n in ns:
                    if a + n <= count:
                        key = tuple(lows[a:a + n])
                        if key in glued and any(tokens[keep[k]].space_before for k in range(a + 1, a + n)):
                            continue  # "a $5 gain": "a$" is Australian dollars only written together
                        for cls, value in phrases.get(key, ()):
                            found.append(Phrase(keep[a], keep[a + n - 1] + 1, cls, value))
            for cls, value in single.get(low, ()):
                found.append(Phrase(keep[a], keep[a] + 1, cls, value))
        return Tags(found, self.lineage)


class Tags:
    """The lexicon phrases of one sentence, looked up by where they start or end and by class.

    The time readers ask "which phrase of class C starts at token i" hundreds of times per sentence, so the answers
    are indexed once per sentence: for each token, the longest phrase starting there of each class (the phrase's
    class and each class above it); the index by end and each class's phrases in reading order on first use.
    """

    def __init__(self, found: list[Phrase], lineage: Mapping[str, tuple[str, ...]] | None = None) -> None:
        """`found`: the phrases in reading order, those starting at the same token longest first (as tag() finds
        them)."""
        self.all = found
        self._lineage = lineage or {}
        self._at: dict[int, dict[str, Phrase]] = {}  # first token -> class (or a class above it) -> longest phrase
        lineage = self._lineage
        for p in found:
            at = self._at.get(p.first)
            if at is None:
                at = self._at[p.first] = {}
            # Lexicon.tag finds the phrases starting at a token longest first, so the first phrase of a class found
            # there is its longest (and the first found of the longest)
            for cls in lineage.get(p.cls) or _lineage(p.cls):
                if cls not in at:
                    at[cls] = p
        # Built on first use: most sentences never look a phrase up by its end or list a class's phrases.
        self._ends: dict[tuple[int, str], Phrase] | None = None  # (token after the last, class or one above) -> longest
        self._in_order: list[tuple[Phrase, tuple[str, ...]]] | None = None  # reading order, longest first where
        # two start together, each phrase with its classes
        self._of_class: dict[str, list[Phrase]] = {}  # filled on first use by within()

    def _classes_of(self, p: Phrase) -> tuple[str, ...]:
        return self._lineage.get(p.cls) or _lineage(p.cls)

    def starts(self, i: int, cls: str) -> Phrase | None:
        """The longest phrase of class `cls` (or under it) starting at token i."""
        at = self._at.get(i)
        return None if at is None else at.get(cls)

    def ends(self, j: int, cls: str) -> Phrase | None:
        """The longest phrase of class `cls` (or under it) ending just before token j."""
        if self._ends is None:
            self._ends = {}
            for p in self.all:
                size = p.last - p.first
                for c in self._classes_of(p):  # the longest phrase wins; the first found wins a tie
                    best = self._ends.get((p.last, c))
                    if best is None or size > best.last - best.first:
                        self._ends[p.last, c] = p
        return self._ends.get((j, cls))

    def classes_at(self, i: int) -> Set[str]:
        """The classes of the phrases starting at token i, with every class above them."""
        at = self._at.get(i)
        return _NONE if at is None else at.keys()

    def classes(self) -> set[str]:
        """Every class of the sentence's phrases, with the classes above them."""
        return set().union(*self._at.values())

    def starting(self, classes: Set[str]) -> list[int]:
        """The tokens at which a phrase of one of `classes` (or a class under one) starts, in no set order."""
        return [i for i, at in self._at.items() if not classes.isdisjoint(at)]

    def within(self, first: int, last: int, cls: str) -> list[Phrase]:
        """Phrases of class `cls` inside tokens [first, last), in order, longest first where they overlap."""
        of_class = self._of_class.get(cls)
        if of_class is None:
            if self._in_order is None:  # stable: equal keys keep the order found
                self._in_order = sorted(((p, self._classes_of(p)) for p in self.all),
                                        key=lambda pc: (pc[0].first, pc[0].first - pc[0].last))
            of_class = self._of_class[cls] = [p for p, classes in self._in_order if cls in classes]
        kept: list[Phrase] = []
        for p in of_class:
            if first <= p.first and p.last <= last and (not kept or p.first >= kept[-1].last):
                kept.append(p)
        return kept

    def has(self, i: int, cls: str) -> bool:
        at = self._at.get(i)
        return at is not None and cls in at


_NONE: frozenset[str] = frozenset()  # the classes at a token where no phrase starts


def _lineage(cls: str) -> tuple[str, ...]:
    parts = cls.split(".")
    return tuple(".".join(parts[:k]) for k in range(1, len(parts) + 1))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The package's lexicon, read once per process (it is immutable)."""
    data = resources.files("enrich.reader").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return Lexicon(tomllib.loads(data))
