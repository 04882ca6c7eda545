"""Lower-cased text with the offsets of the original, and patterns written for it.

`re` matches case-insensitively several times slower than it matches plain text, so the reading stages
lower-case an article once and match lower-case patterns against that."""
from __future__ import annotations

import re
from collections.abc import Iterator


def lowered(text: str) -> str:
    """text.lower() with the same offsets (the few characters that grow when lower-cased are kept as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def icase(pattern: str) -> re.Pattern[str]:
    """`pattern` for lowered text: its letters lower-cased except escapes (\\S, \\W, \\D, \\B keep their
    meaning) and group names."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if pattern.startswith("(?P<", i):
            j = pattern.index(">", i)
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        out.append(c.lower())
        i += 1
    return re.compile("".join(out))


def trie_pattern(words: tuple[str, ...] | list[str]) -> str:
    """A regular expression matching any of `words`, longest first, shaped as a trie of their characters
    ("a(?:fter|head of the)|b(?:...)"). `re` tries the alternatives of a flat list one by one at every
    position; a trie's first characters form a class `re` skips ahead with, and each step tries few
    alternatives. A word ending in "*" is a stem: any word characters may follow it."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [(r"\w*" if c == "*" and not sub.keys() - {""} else re.escape(c)) + emit(sub)
                for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(trie)


def word_pattern(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """re.compile(r"\b(?:w1|w2|...)\b") for lowered text, with the words as a trie: same matches, fewer
    alternatives tried at each position (a word ending in "*" is a stem)."""
    return re.compile(r"\b(?:" + trie_pattern(words) + r")\b")


def near(pattern: re.Pattern[str], text: str, anchors: list[int], lead: int) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), looking only from `lead` characters before each anchor (sorted positions of a
    word every match holds, at most `lead` characters in): the text between is never scanned. Exact when the
    bound holds."""
    done = 0
    pending: re.Match[str] | None = None
    for a in anchors:
        if a < done:
            continue
        lo = max(done, a - lead)
        while True:
            if pending is None or pending.start() < lo:
                pending = pattern.search(text, lo)
                if pending is None:
                    return
            if pending.start() > a:
                break  # it holds a later anchor
            yield pending
            done = lo = max(pending.end(), pending.start() + 1)
            pending = None


def word_starts(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What re.compile(r"\b(?:" + pattern.pattern + ")").finditer(text, start, end) finds, for a pattern
    whose every alternative begins with a word character: without the leading \b `re` can skip ahead by
    first character; a match that begins inside a word is dropped and the search goes on from the next
    character, as the \b pattern would."""
    while True:
        m = pattern.search(text, start, end)
        if m is None:
            return
        a = m.start()
        if a and (text[a - 1].isalnum() or text[a - 1] == "_"):
            start = a + 1
            continue
        yield m
        start = m.end() if m.end() > a else a + 1
