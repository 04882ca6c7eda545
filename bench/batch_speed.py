"""End-to-end verification speed with a warm store: `enrich verify --workers N` and `enrich batch --dask local:N`.

    python bench/batch_speed.py [--n 3000] [--workers 1,2,4] [--no-dask]

The articles are bench/extract_speed.py's news-like mix (about 3 KB, a dozen numbers each, published 7 August
2018). The store is made warm first: every symbol those articles name gets two years of synthetic daily bars and
a share count, imported with the library's own importer, so no run fetches anything (--offline, --store).

Each line times the command line as a user runs it, reading the JSONL file and writing JSONL. Start-up (imports,
gazetteer, calendar, worker processes, a Dask cluster) is taken out by timing a short input too: the rate is
(n - short) / (t(n) - t(short)), the steady rate an archive sees. The floor of the issue is printed beside each:
500 articles/s on one core, and 2 workers at least 1.7 times 1 worker on this 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
FLOOR_PER_CORE, FLOOR_GAIN_2 = 500.0, 1.7
SHORT = 40


def warm_store(articles: list[dict[str, str]], folder: Path, store: Path) -> list[str]:
    """Synthetic bars for every symbol the articles name, imported into the store; the symbols."""
    import datetime as dt

    import enrich
    from enrich.calendar import get_calendar
    from enrich.market import DirectorySource, Store
    from enrich.market.importer import import_folder

    symbols = sorted({m["symbol"] for a in articles[:200] for m in enrich.extract(a).to_dict()["mentions"]} |
                     {"^GSPC", "^DJI", "^IXIC"})
    (folder / "prices").mkdir(parents=True)
    days = get_calendar().between(dt.date(2017, 1, 3), dt.date(2018, 12, 31))
    rng = random.Random(3)
    for sym in symbols:
        price, lines = rng.uniform(20, 900), ["Date,Open,High,Low,Close,Adj Close,Volume"]
        for d in days:
            close = price * math.exp(rng.gauss(0, 0.015))
            lo, hi = min(price, close) * 0.99, max(price, close) * 1.01
            lines.append(f"{d},{price:.2f},{hi:.2f},{lo:.2f},{close:.2f},{close:.2f},{rng.randint(10**6, 10**8)}")
            price = close
        (folder / "prices" / f"{sym}.csv").write_text("\n".join(lines) + "\n")
    (folder / "shares.csv").write_text("symbol,date,shares,source\n" + "".join(
        f"{s},2018-06-30,{rng.randint(10**8, 5 * 10**9)},synthetic\n" for s in symbols if not s.startswith("^")))
    with Store(store) as st:
        import_folder(DirectorySource(folder), st)
    return symbols


def timed(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def steady_rate(make_args: object, n: int) -> tuple[float, float]:
    """Articles per second past start-up, and the wall time of the whole run."""
    assert callable(make_args)
    short, full = timed(make_args(SHORT)), timed(make_args(n))
    return (n - SHORT) / max(full - short, 1e-9), full


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--no-dask", action="store_true")
    a = ap.parse_args()
    from extract_speed import make_article

    rng = random.Random(7)
    articles = [make_article(rng, i, dense=False) for i in range(a.n)]
    counts = [int(w) for w in a.workers.split(",")]
    enrich_cmd = [str(Path(sys.executable).parent / "enrich")]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = tmp / "warm.sqlite"
        symbols = warm_store(articles, tmp / "market", store)
        inputs = {}
        for size in (SHORT, a.n):
            inputs[size] = tmp / f"articles-{size}.jsonl"
            inputs[size].write_text("".join(json.dumps(r) + "\n" for r in articles[:size]))
        print(f"{a.n} news-like articles of about 3 KB, {len(symbols)} symbols in a warm store; {os.cpu_count()} cores")
        base = 0.0
        for w in counts:
            rate, wall = steady_rate(lambda size, w=w: enrich_cmd + [
                "verify", str(inputs[size]), "--store", str(store), "--offline", "--format", "jsonl",
                "--workers", str(w)], a.n)
            base = base or rate
            note = (f"floor {FLOOR_PER_CORE:.0f}/s per core" if w == 1 else
                    f"gain {rate / base:.2f}x" + (f", floor {FLOOR_GAIN_2}x" if w == 2 else ""))
            print(f"verify --workers {w}: {rate:.0f} articles/s past start-up ({wall:.1f} s in all); {note}")
        if a.no_dask:
            return
        base = 0.0
        for w in counts:
            out = tmp / f"out-{w}"
            rate, wall = steady_rate(lambda size, w=w, out=out: enrich_cmd + [
                "batch", str(inputs[size]), "-o", str(out), "--dask", f"local:{w}", "--store", str(store),
                "--offline", "--part-size", "250"], a.n)
            base = base or rate
            print(f"batch --dask local:{w}: {rate:.0f} articles/s past start-up ({wall:.1f} s in all); "
                  f"gain {rate / base:.2f}x")


if __name__ == "__main__":
    main()
