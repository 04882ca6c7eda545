"""Every listed company and index, and the names writers use for them.

Data files of the package, read once per process:
- data/listings.csv and data/indices.csv, built by scripts/build_gazetteer.py from the reference folder
  (49,013 listed lines with their Yahoo symbol, venue, currency, size class and whether each is the company's
  primary line, the same shares on a US exchange, or another line named by its primary; 61 indices);
- data/companies.csv, kept by hand for what the reference lacks: short and former names ("Facebook",
  "RIL"), nicknames, referring-back phrases ("the iPhone maker"), delisted companies, the day a company took a
  name that is a word ("Block"), each row with its source. It wins over the built names;
- data/symbol_history.csv and data/symbol_changes.csv, for the names companies bore before a new symbol.

Names are keyed in lower case with accents folded (`fold`), so one lookup serves "Nestlé", "NESTLE" and
"Nestle"; whether the writing in the text may stand for the name is `Name.written_as`'s decision.
"""
from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache
from importlib import resources

from .instruments import market_of_mic

CONNECTORS = frozenset({"of", "and", "the", "de", "la", "des", "du", "di", "del", "y", "und", "for", "&", "-",
                        "do", "da", "dos", "das", "dei", "della"})  # "Banco do Brasil", "Monte dei Paschi"
LOWER_OK = frozenset({"index", "composite", "average", "industrial", "industrials", "share", "stock"})
US_VENUES = frozenset({"XNYS", "XNAS", "XASE"})  # a line on one of these is a company's US line
CURATED, REGISTERED, SHORT = 3, 2, 1  # how much a name says: kept by hand, registered, a short form/initials
# Letters that do not decompose into a plain letter and a mark, and their plain letter: "Ørsted" is "Orsted".
PLAIN = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "ħ": "h"}


class Entry(NamedTuple):
    """One listed line or index. (Named tuples, immutable like a frozen dataclass, are built several times
    faster, and 49,000 of them are built at start-up.)"""

    symbol: str
    name: str  # the name writers use, for people
    exchange: str  # ISO 10383 MIC of the venue (an index: the venue whose sessions it follows)
    is_index: bool
    primary: bool = True  # the company's primary listing (an ADR, a re-listing or a second class is not)
    size: int = 0  # market-cap class: 5 mega ... 1 micro, 0 unknown
    country: str = ""  # headquarters country
    calendar: str = "XNYS"  # the market area it belongs to (Market.area): "XBOM" for both Indian venues
    currency: str = ""  # the currency the line trades in, as the reference gives it ("USD" for a London USD line)
    source: str = ""  # where the row came from: "reference" or "companies.csv"
    cross_listed: bool = False  # the same shares as the primary line, on a US exchange (Shopify on Nasdaq)


class Name(NamedTuple):
    """One way writers name an entry."""

    entry: Entry
    form: str  # as spelled in the source
    ambiguous: bool  # an ordinary word or phrase: counts only with a corporate cue
    weight: int  # CURATED, REGISTERED or SHORT
    local: bool = False  # holds only in an article about the entry's own market ("Nestle" for Nestle India)

    @property
    def exact(self) -> bool:
        """Acronyms and initials ("HSBC", "M&M", "RIL") count only in capitals; "eBay" only as spelled. A name
        registered all in lower case ("lululemon", "adidas") is a styling: writers capitalise it like any name."""
        if self.entry.is_index:
            return False  # "Dax", "Kospi": index names are written in any case (ordinary words were left out)
        letters = [c for c in self.form if c.isalpha()]
        spoken = self.form.isalpha() and len(letters) >= 4 and sum(c in "AEIOU" for c in letters) >= 2
        # a brand styled in capitals that reads as a word ("NAVER", "ASOS", "ENEL") is also written "Naver"
        return (bool(letters) and all(c.isupper() for c in letters) and len(self.form) <= 6 and not spoken) or \
            (self.form[:1].islower() and self.form[:1].isalpha() and any(c.isupper() for c in letters))

    def written_as(self, surface: str) -> bool:
        """Whether `surface` (the words in the text) writes this name: as spelled, or in capitals, or with each
        word capitalised ("Hero Motocorp" for "Hero MotoCorp"); never in lower case ("apple", "target")."""
        if surface == self.form:
            return True
        if self.exact:  # only in capitals, as spelled otherwise
            return self.form[:1].isupper() and not any(c.islower() for c in surface)
        if self.form.islower() and self.form[:1].isalpha():  # "lululemon" is also "Lululemon" and "LULULEMON"
            return surface[:1].isupper()
        words = [w for w in surface.replace("-", " ").split() if w.lower() not in CONNECTORS]
        if not words or words[0][0].isalpha() and not words[0][0].isupper():
            return False  # "apple", "target"
        # an index: "Nasdaq composite index", "Dow Jones industrial average"; a company's name has no word in lower
        # case ("Best buy", "London stock" is no "London Stock Exchange Group")
        ok = LOWER_OK if self.entry.is_index else frozenset()
        return all(not w[0].isalpha() or w[0].isupper() or w.lower() in ok for w in words)


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, list[Name]]  # folded name -> the entries it may stand for (read-only once loaded)
    descriptors: dict[str, str]  # "iphone maker" -> AAPL
    entries: dict[str, Entry]  # symbol -> entry (every line, primary or not, and every index)
    curated: frozenset[str]  # symbols of the hand-kept table
    index_markets: dict[str, str]  # index symbol -> the calendar of its market
    named_from: dict[str, dt.date]  # symbol -> the first day the company bore its name (hand-kept, sourced)
    former_names: dict[str, str]  # symbol -> its company's earlier names, folded, "|"-parted
    us_lines: dict[str, str]  # a foreign company's primary symbol -> its line on a US exchange (an ADR: INFY.NS -> INFY)
    lines: dict[str, tuple[str, ...]]  # a primary symbol -> the company's other lines (RIO.L -> RIO.AX, RIO, ...)


def fold(text: str) -> str:
    """Lower case without accents, a hyphen as a space ("Rolls-Royce" is "rolls royce", as EDGAR writes it), one
    character for one ("Nestlé" -> "nestle"), so offsets survive."""
    low = text.lower().replace("-", " ")
    if low.isascii() and len(low) == len(text):
        return low
    out = []
    for c, lc in zip(text, low if len(low) == len(text) else text):
        if c.isascii():
            out.append(lc)
            continue
        base = PLAIN.get(lc) or unicodedata.normalize("NFKD", lc)[:1]
        out.append(base if base and len(base.lower()) == 1 else c)
    return "".join(out).replace("-", " ")


def _lines(name: str) -> list[str]:
    text = resources.files("enrich").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if not line.startswith("#")]


def _data(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_lines(name)))


def _add(names: dict[str, list[Name]], name: Name) -> None:
    names.setdefault(fold(name.form), []).append(name)


def _load_reference(names: dict[str, list[Name]], entries: dict[str, Entry], lines: dict[str, list[str]]) -> None:
    calendars: dict[str, str] = {}
    rows = csv.reader(_lines("listings.csv"))
    assert next(rows) == ["symbol", "mic", "currency", "country", "primary", "size", "names", "home"]
    for symbol, mic, currency, country, primary, size, forms, home in rows:
        if home:
            lines.setdefault(home, []).append(symbol)
        marked = forms.split("|") if forms else []
        calendar = calendars.get(mic) or calendars.setdefault(mic, market_of_mic(mic).area)
        entry = Entry(symbol, marked[0].lstrip("?~@") if marked else symbol, mic, False, primary == "1",
                      int(size or 0), country, calendar, currency, "reference", primary == "2")
        entries[symbol] = entry
        for form in marked:
            ambiguous = form[0] == "?"
            if ambiguous:
                form = form[1:]
            if form[0] in "~@":
                _add(names, Name(entry, form[1:], ambiguous, SHORT, form[0] == "@"))
            else:
                _add(names, Name(entry, form, ambiguous, REGISTERED, False))


def _load_indices(names: dict[str, list[Name]], entries: dict[str, Entry], markets: dict[str, str]) -> None:
    for row in _data("indices.csv"):
        calendar = market_of_mic(row["mic"]).area
        entry = Entry(row["symbol"], row["name"], row["mic"], True, True, 5, row["country"], calendar, "",
                      "reference")
        entries[entry.symbol] = entry
        markets[entry.symbol] = calendar
        for form in row["aliases"].split("|"):
            generic = form[:1].islower()  # "the blue-chip index", "fear gauge": only in the index's market
            _add(names, Name(entry, form, False, REGISTERED, generic))


def _load_curated(names: dict[str, list[Name]], descriptors: dict[str, str], entries: dict[str, Entry],
                  markets: dict[str, str], named_from: dict[str, dt.date]) -> frozenset[str]:
    curated = set()
    for row in _data("companies.csv"):
        if row.get("named_from"):
            named_from[row["symbol"]] = dt.date.fromisoformat(row["named_from"])
        is_index = row["exchange"] == "INDEX"
        known = entries.get(row["symbol"])
        mic = known.exchange if known else ("" if is_index else row["exchange"])
        calendar = known.calendar if known else markets.get(row["symbol"], market_of_mic(mic).area)
        entry = Entry(row["symbol"], row["name"], mic, is_index, True, max(known.size if known else 0, 4),
                      known.country if known else "", calendar, known.currency if known else "", "companies.csv")
        entries[entry.symbol] = entry
        if is_index:
            markets.setdefault(entry.symbol, calendar)
        curated.add(entry.symbol)
        for alias in row["aliases"].split(";"):
            alias = alias.strip()
            if alias:
                _add(names, Name(entry, alias.lstrip("?"), alias.startswith("?"), CURATED))
        for d in (row.get("descriptors") or "").split(";"):
            if d.strip():
                descriptors[d.strip().lower()] = entry.symbol
    return frozenset(curated)


def _load_former(names: dict[str, list[Name]], entries: dict[str, Entry]) -> None:
    """A company's names from the symbol changes it went through ("ViacomCBS" before it became Paramount): the
    company named so is the one of the new symbol, which the symbol history takes back to the symbol of the
    article's date. A one-word name needs a corporate cue, like any ordinary word."""
    for row in _data("symbol_changes.csv"):
        entry = entries.get(row["new_symbol"])
        form = row["company"].strip()
        if entry is None or not form or any(n.entry.symbol == entry.symbol for n in names.get(fold(form), [])):
            continue
        _add(names, Name(entry, form, " " not in form, REGISTERED, False))


def _former_names() -> dict[str, str]:
    """Symbol -> the name its company bore before the symbol replaced an older one, from the symbol tables the
    package ships: a hand-kept span names the company "Old / New"; a built change names the old company. A name
    the company already bore ("Ball Corp" traded as BLL before BALL) is no newer than the company."""
    out: dict[str, str] = {}
    for row in _data("symbol_history.csv"):
        if " / " in row["company"]:
            out.setdefault(row["symbol"], fold(row["company"].split(" / ")[0]))
    for row in _data("symbol_changes.csv"):  # every name of a chain of renames ("cbs | viacomcbs | paramount global")
        former = fold(row["company"])
        out[row["new_symbol"]] = f"{out[row['new_symbol']]} | {former}" if row["new_symbol"] in out else former
    return out


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built once per process (it is read-only afterwards)."""
    names: dict[str, list[Name]] = {}
    descriptors: dict[str, str] = {}
    entries: dict[str, Entry] = {}
    markets: dict[str, str] = {}
    named_from: dict[str, dt.date] = {}
    lines: dict[str, list[str]] = {}
    _load_reference(names, entries, lines)
    _load_indices(names, entries, markets)
    curated = _load_curated(names, descriptors, entries, markets, named_from)
    _load_former(names, entries)
    us_lines: dict[str, str] = {}  # the first US line of a company listed elsewhere (file order: the built order)
    for home, others in lines.items():
        abroad = entries.get(home) is not None and entries[home].exchange not in US_VENUES
        us = [s for s in others if entries[s].exchange in US_VENUES] if abroad else []
        if us:
            us_lines[home] = us[0]
    return Gazetteer(names, descriptors, entries, curated, markets, named_from, _former_names(), us_lines,
                     {home: tuple(others) for home, others in lines.items()})
