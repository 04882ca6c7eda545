"""Time `enrich report` for an article naming five subjects (target: under 5 seconds on this machine).

    python bench/report_speed.py [--runs 3]

Builds a market folder of synthetic bars for five companies and the S&P 500 in a temporary folder,
then times the whole report (verdicts, ten charts with their compact versions, appendix, HTML) in
this process after a warm-up run, and the command line end to end (start-up included).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = ("Apple shares rose 3 percent to $103.00 on Monday, while Microsoft shares climbed 2.5 percent. Amazon "
        "shares gained 1.5 percent and Netflix shares added 4 percent. Tesla Inc. shares fell 2 percent on Monday, "
        "wiping out some $1 billion of market value. The S&P 500 rose 1 percent.")


def market(root: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from helpers import market_folder

    day = {"2018-08-06": (100.0, 104.0, 97.0, 103.0, 1e6)}
    return market_folder(root, {s: day for s in ("AAPL", "MSFT", "AMZN", "NFLX", "TSLA", "^GSPC")},
                         shares=[("TSLA", "2018-07-01", 170_000_000)])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    from enrich.article import make_article
    from enrich.pipeline import Enricher, open_market
    from enrich.report import write_report

    with tempfile.TemporaryDirectory() as tmp:
        root = market(Path(tmp) / "market")
        article = make_article("five", TEXT, published="2018-08-06T18:00:00-04:00")
        enricher = Enricher(open_market([str(root)], offline=True, use_store=False))
        write_report(enricher, article, Path(tmp) / "warm", {"html", "md", "png", "svg"})
        times = []
        for i in range(a.runs):
            t0 = time.perf_counter()
            paths = write_report(enricher, article, Path(tmp) / f"out{i}", {"html", "md", "png", "svg"})
            times.append(time.perf_counter() - t0)
        charts = len([p for p in paths if p.suffix == ".png"])
        print(f"report of 5 subjects ({charts} charts, html, md, svg): best {min(times):.2f} s, "
              f"worst {max(times):.2f} s over {a.runs} runs in one process")
        src = Path(tmp) / "five.txt"
        src.write_text(TEXT + "\n\nPublished: 2018-08-06T18:00:00-04:00\n")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "enrich", "report", str(src), "--offline", "--data", str(root), "-o",
                        str(Path(tmp) / "cli")], check=True, capture_output=True)
        print(f"enrich report on the command line, start-up included: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
