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
    "Target", "Apple", "Ball", "Gap", "Visa", "Oracle", "Shell", "Delta", "Vertex", "Match", "Coherent", "Resmed",
    "Fortune", "Block", "Square", "Progressive", "Equity", "Public", "Global", "Linde", "Southern", "Dominion",
    "Fastenal", "Align", "Ameren", "Best", "Carnival", "Cigna", "Discovery", "Entergy", "Eversource", "Evergy",
    "Exelon", "Fox", "Garmin", "Hess", "Loews", "Masco", "Mosaic", "News", "Pool", "Regions", "Salesforce", "Sealed",
    "Snap", "Stryker", "Textron", "Tyson", "Universal", "Ventas", "Waters", "Welltower", "Xylem", "Zoetis", "Amcor",
    "Assurant", "Church", "Citizens", "Comerica", "Everest", "Generac", "Henry", "Hologic", "Incyte", "Invesco",
    "Jacobs", "Keysight", "Leidos", "Lumen", "Mohawk", "Newmont", "Paycom", "Prologis", "Quanta", "Rollins", "Teradyne",
    "Trimble", "Truist", "Twitter", "Viatris", "Wabtec", "Zebra", "Continental", "Merck", "Bayer", "Allianz",
    "Infineon", "Siemens", "Adidas", "Puma", "Sartorius", "Symrise", "Vonovia", "Zalando", "Porsche",
    "Brenntag", "Covestro", "Heidelberg", "Daimler", "Prudential", "Aviva", "Barratt", "Burberry", "Centrica",
    "Compass", "Croda", "Diageo", "Experian", "Halma", "Hiscox", "Informa", "Intertek", "Legal", "Next", "Ocado",
    "Pearson", "Persimmon", "Rightmove", "Sage", "Schroders", "Segro", "Smiths", "Spirax", "Tesco", "Unite", "Whitbread",
    "Kering", "Orange", "Engie", "Safran", "Thales", "Vivendi", "Atos", "Capgemini", "Alstom", "Renault", "Danone",
    "Michelin", "Worldline", "Air", "Accor", "Amundi", "Arkema", "Legrand", "Publicis", "Sodexo", "Teleperformance",
    "Valeo", "Ford", "Meta", "Amazon", "Nvidia", "Canon", "Fast", "Ross", "Ulta", "Copart", "Dover", "Eaton", "Emerson",
    "Mastercard", "General", "American", "National", "First", "United", "International", "Western", "Eastern",
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
    max_words: int
    entries: dict[str, Entry]  # symbol -> entry
    curated: frozenset[str]  # symbols from the hand-kept table

    def get(self, text: str) -> Entry | None:
        return self.names.get(text)


def _us_symbol(yahoo: list[str], home: str) -> str:
    """Prefer the plain US listing (ADRs included) of a pytickersymbols entry, else the home listing."""
    plain = [s for s in yahoo if s and "." not in s and not (len(s) == 5 and s.endswith(("F", "Y")))]
    if plain:
        return plain[0]
    return home if home else (yahoo[0] if yahoo else "")


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
        symbol = _us_symbol(yahoo, next((s for s in yahoo if s), stock.get("symbol") or ""))
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
    max_words = max(len(n.split()) for n in names)
    return Gazetteer(names, descriptors, max_words, entries, curated)
