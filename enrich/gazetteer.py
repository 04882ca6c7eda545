"""Names of listed companies and indices, and the phrases writers use to refer back to them.

Two sources: enrich/data/companies.csv (maintained by hand: short names, former names,
referring-back phrases; it wins) and pytickersymbols (about 1,800 index constituents with
their Yahoo symbols) for breadth. Lookups are by word n-gram, so scanning an article costs
a few dictionary probes per word whatever the size of the table.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Legal-form words dropped to make the short name from a formal one ("Zions Bancorporation" stays).
_SUFFIXES = re.compile(
    r"[ ,]+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|plc|PLC|Plc|AG|SE|SA|S\.A\.|N\.V\.|NV|Ltd\.?|"
    r"Limited|Holdings?|Group|A/S|ASA|AB|Oyj|KGaA|& Co\.? KGaA|S\.p\.A\.|SpA|Class [ABC])$")
# Single words too common in prose to be a company name without corroboration.
_COMMON = {
    "Target", "Apple", "Ball", "Gap", "Visa", "Oracle", "Shell", "Delta", "Vertex", "Match", "Coherent", "Fortune",
    "Block", "Square", "Progressive", "Equity", "Public", "Global", "Southern", "Dominion", "Align", "Best", "Carnival",
    "Discovery", "Fox", "Mosaic", "News", "Pool", "Regions", "Sealed", "Snap", "Universal", "Waters", "Church",
    "Citizens", "Everest", "Henry", "Jacobs", "Continental", "Prudential", "Legal", "Next", "Compass", "Sage",
    "Smiths", "Unite", "Orange", "Air", "Ford", "Meta", "Amazon", "Fast", "Ross", "Dover", "Emerson", "Rollins",
    "Tyson", "Puma", "Persimmon", "Lumen", "Canon", "General", "American", "National", "First", "United",
    "International", "Western", "Eastern", "Twitter", "Linde", "Merck", "Quanta", "Hess", "Eaton", "Mohawk",
}


@dataclass(frozen=True)
class Entry:
    symbol: str
    name: str
    exchange: str
    ambiguous: bool  # needs a corporate cue nearby
    is_index: bool


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, Entry]  # exact surface form -> entry
    descriptors: dict[str, str]  # "iphone maker" -> AAPL
    entries: dict[str, Entry]  # symbol -> entry
    curated: frozenset[str]  # symbols from the hand-kept table


HOME_SUFFIXES = (".DE", ".PA", ".AS", ".MC", ".MI", ".L", ".SW", ".T", ".HK", ".HE", ".ST", ".BR", ".CO", ".OL",
                 ".VI", ".LS", ".IR", ".TO", ".AX", ".NS", ".BO", ".KS", ".SS", ".SZ")


def _yahoo_symbol(yahoo: list[str], home: str, country: str) -> str:
    """US companies: the plain US symbol. Others: the main home listing (an ADR symbol in the list may be stale;
    ADRs that news cites, such as HSBC or UL, are in the hand-kept table)."""
    plain = [s for s in yahoo if s and "." not in s and not (len(s) == 5 and s.endswith(("F", "Y")))]
    us = country in ("United States", "") or "," in country  # pytickersymbols gives US cities as "City, State"
    if us and plain:
        return plain[0]
    if country == "Germany":  # pytickersymbols lists German shares on Frankfurt (.F); Xetra (.DE) is the main line
        frankfurt = next((s for s in yahoo if s.endswith(".F") and s[:-2].isalnum()), None)
        if frankfurt:
            return frankfurt[:-2] + ".DE"
    for suffix in HOME_SUFFIXES:
        hit = next((s for s in yahoo if s.endswith(suffix)), None)
        if hit:
            return hit
    return plain[0] if plain else (home or (yahoo[0] if yahoo else ""))


def _short(name: str) -> str:
    prev = None
    while prev != name:
        prev, name = name, _SUFFIXES.sub("", name).strip(" ,")
    return name


def _load_curated(names: dict[str, Entry], descriptors: dict[str, str], entries: dict[str, Entry]) -> None:
    text = resources.files("enrich").joinpath("data/companies.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        is_index = row["exchange"] == "INDEX"
        base = Entry(row["symbol"], row["name"], row["exchange"], False, is_index)
        entries[base.symbol] = base
        for alias in row["aliases"].split(";"):
            alias = alias.strip()
            if not alias:
                continue
            ambiguous = alias.startswith("?")
            alias = alias.lstrip("?")
            names[alias] = Entry(base.symbol, base.name, base.exchange, ambiguous, is_index)
        for d in (row.get("descriptors") or "").split(";"):
            if d.strip():
                descriptors[d.strip().lower()] = base.symbol


def _load_pytickersymbols(names: dict[str, Entry], entries: dict[str, Entry]) -> None:
    try:
        from pytickersymbols import PyTickerSymbols
    except ImportError:  # the curated table still works alone
        return
    curated_symbols = set(entries)
    for stock in PyTickerSymbols().get_all_stocks():
        name = (stock.get("name") or "").strip()
        yahoo = [s.get("yahoo", "") for s in stock.get("symbols") or []]
        symbol = _yahoo_symbol(yahoo, next((s for s in yahoo if s), stock.get("symbol") or ""), stock.get("country") or "")
        if not name or not symbol or symbol in curated_symbols:
            continue
        entry = Entry(symbol, name, "", False, False)
        entries.setdefault(symbol, entry)
        for alias in {name, _short(name)}:
            if len(alias) < 3 or alias in names:
                continue
            single = " " not in alias
            if single and (alias in _COMMON or alias.isupper() and len(alias) < 3):
                continue
            names[alias] = Entry(symbol, name, "", single and alias.istitle() and len(alias) < 6, False)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built once per process (it is read-only afterwards)."""
    names: dict[str, Entry] = {}
    descriptors: dict[str, str] = {}
    entries: dict[str, Entry] = {}
    _load_curated(names, descriptors, entries)
    curated = frozenset(entries)
    _load_pytickersymbols(names, entries)
    return Gazetteer(names, descriptors, entries, curated)
