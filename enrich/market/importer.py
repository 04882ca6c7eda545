"""`enrich data import`: a market folder into the store, in one transaction."""
from __future__ import annotations

from .directory import DirectorySource
from .store import Store, now_utc


def import_folder(folder: DirectorySource, store: Store) -> dict[str, int]:
    """Read and check every file first, then write all rows in one transaction (all or nothing)."""
    bars, splits, shares, coverage = [], [], [], []
    for symbol in folder.symbols():
        rows = folder.all_bars(symbol)
        bars.extend(rows)
        splits.extend(folder.splits(symbol))
        shares.extend(folder.shares(symbol))
        if rows:
            coverage.append((symbol, "bars", rows[0].date, rows[-1].date, folder.name))
    spans = folder.symbol_spans()
    known = set(folder.symbols())
    store.put(bars=bars, splits=splits, shares=shares, spans=spans, coverage=coverage, fetched_at=now_utc())
    return {"bars": len(bars), "splits": len(splits), "shares": len(shares), "symbols": len(spans),
            "prices files": len(known)}

