"""Symbol history: which symbol a company traded under on a date, and which one Yahoo serves today."""
from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

from .source import SymbolSpan


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("enrich").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def builtin_spans() -> list[SymbolSpan]:
    """The tables shipped with the package, each row naming its source: enrich/data/symbol_history.csv (kept by
    hand; it comes first, so its spans win) and enrich/data/symbol_changes.csv (built from the reference folder:
    US renames and NSE India's symbol changes; the old symbol ends the day before the new one starts)."""
    out = []
    for r in _rows("symbol_history.csv"):
        out.append(SymbolSpan(r["company"], r["symbol"],
                              dt.date.fromisoformat(r["valid_from"]) if r["valid_from"] else None,
                              dt.date.fromisoformat(r["valid_to"]) if r["valid_to"] else None, r["source"]))
    # Rows that end in one symbol are one company's renames in date order ("CBS, VIAC, PARA -> PSKY": CBS until
    # ViacomCBS, VIAC until Paramount, PARA until Paramount Skydance): each old symbol runs from the change before.
    changes = sorted(_rows("symbol_changes.csv"), key=lambda r: r["date"])
    chains: dict[str, list[dict[str, str]]] = {}
    for r in changes:
        chains.setdefault(r["new_symbol"], []).append(r)
    starts: dict[str, dt.date] = {}
    for r in changes:
        chain = chains[r["new_symbol"]]
        k = chain.index(r)
        day = dt.date.fromisoformat(r["date"])
        company = f"{chain[-1]['company']} ({r['new_symbol']})"
        begin = dt.date.fromisoformat(chain[k - 1]["date"]) if k else starts.get(r["old_symbol"])
        out.append(SymbolSpan(company, r["old_symbol"], begin, day - dt.timedelta(days=1), r["source"]))
        if k == len(chain) - 1:
            out.append(SymbolSpan(company, r["new_symbol"], day, None, r["source"]))
        starts[r["new_symbol"]] = day
    return out


class SymbolHistory:
    def __init__(self, spans: list[SymbolSpan]) -> None:
        self._by_symbol: dict[str, str] = {}
        self._by_company: dict[str, list[SymbolSpan]] = {}
        for s in spans:
            key = s.company.strip().lower()
            group = self._by_company.setdefault(key, [])
            if all(g.symbol != s.symbol or g.valid_from != s.valid_from for g in group):
                group.append(s)
            self._by_symbol.setdefault(s.symbol.upper(), key)
        for group in self._by_company.values():
            group.sort(key=lambda s: s.valid_from or dt.date.min)

    def family(self, symbol: str) -> list[str]:
        """The symbol first, then every other symbol of the same company, newest first."""
        key = self._by_symbol.get(symbol.upper())
        if key is None:
            return [symbol]
        others = [s.symbol for s in reversed(self._by_company[key]) if s.symbol != symbol]
        return [symbol, *dict.fromkeys(others)]

    def on(self, symbol: str, day: dt.date) -> str:
        """The company's symbol valid on `day` (FB on 2018-08-06, even when given META)."""
        key = self._by_symbol.get(symbol.upper())
        if key is None:
            return symbol
        for s in self._by_company[key]:
            if (s.valid_from is None or s.valid_from <= day) and (s.valid_to is None or day <= s.valid_to):
                return s.symbol
        return symbol

    def valid_from(self, symbol: str) -> dt.date | None:
        """The first day the symbol was used (None when unknown)."""
        key = self._by_symbol.get(symbol.upper())
        spans = [s for s in self._by_company.get(key or "", []) if s.symbol == symbol.upper()]
        return spans[0].valid_from if spans else None

    def current(self, symbol: str) -> str:
        """The symbol to ask a live vendor for today (FB -> META)."""
        key = self._by_symbol.get(symbol.upper())
        if key is None:
            return symbol
        open_ended = [s for s in self._by_company[key] if s.valid_to is None]
        return open_ended[-1].symbol if open_ended else self._by_company[key][-1].symbol
