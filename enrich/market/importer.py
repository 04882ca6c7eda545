"""`enrich data import`: a market folder into the store, in one transaction.

The folder is read by the same code as `--data DIR`, so a glitch row is set aside and a conflict
resolved the same way in both; the problems are stored beside the data (and listed by `enrich data
check --store`), replacing those of an earlier import of the same folder.
"""
from __future__ import annotations

from ..models import DataProblem
from .directory import DirectorySource
from .store import Store, now_utc


def import_folder(folder: DirectorySource, store: Store) -> dict[str, int]:
    """Read and check every file first, then write all rows in one transaction (all or nothing)."""
    bars, splits, shares, coverage = [], [], [], []
    problems: list[tuple[str, str, DataProblem]] = []
    known = folder.symbols()
    for symbol in known:
        rows = folder.all_bars(symbol)
        bars.extend(rows)
        splits.extend(folder.splits(symbol))
        shares.extend(folder.shares(symbol))
        problems += [("bars", folder.name, p) for p in folder.price_problems(symbol)]
        problems += [("splits", folder.name, p) for p in folder.split_problems(symbol)]
        problems += [("shares", folder.name, p) for p in folder.shares_problems(symbol) if p.symbol == symbol]
        if rows:
            coverage.append((symbol, "bars", rows[0].date, rows[-1].date, folder.name))
    problems += [("shares", folder.name, p) for p in folder.shares_problems("") if not p.symbol]
    spans = folder.symbol_spans()
    store.put(bars=bars, splits=splits, shares=shares, spans=spans, coverage=coverage, problems=problems,
              replace_problems=[(s, folder.name) for s in ["", *known]], fetched_at=now_utc())
    return {"bars": len(bars), "splits": len(splits), "shares": len(shares), "symbols": len(spans),
            "prices files": len(known), "rows set aside": len(problems)}
