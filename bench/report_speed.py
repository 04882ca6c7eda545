"""How long `enrich report` takes, side by side with the floor matplotlib sets, in one run.

    python bench/report_speed.py [--runs 5] [--cold-runs 3]

The floor is a bare matplotlib figure of the chart's size (1200x700 pixels, a price panel and a volume panel
with one line each) saved as the same images the report writes. Runs are interleaved (floor, seed, one
subject, ten subjects, then again) so the machine's drift touches each alike; each line gives the best and
the median of the runs.

- In process (warm): the library call `write_report` with the Enricher built once, as a pipeline
  enriching many articles runs it; the floor saves the figure once per image the report writes (full PNG,
  SVG, compact PNG for the HTML).
- From the command line (cold): `enrich report` as a process, start-up included; the floor is a fresh
  Python process that imports matplotlib and saves the bare figure as a PNG.

The bars of issue 13: the seed's report within 2x the floor, ten subjects within 4x one subject.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7903127f19e28dd9.txt"
FORMATS = {"html", "md", "png", "svg"}
COMPANIES = [("Apple", "AAPL"), ("Microsoft", "MSFT"), ("Amazon", "AMZN"), ("Netflix", "NFLX"),
             ("Tesla Inc.", "TSLA"), ("Intel", "INTC"), ("Nvidia", "NVDA"), ("Boeing", "BA"), ("Walmart", "WMT"),
             ("Exxon Mobil", "XOM")]
FLOOR = """
import io, sys
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg

def bare(kinds):
    fig = Figure(figsize=(12, 7), dpi=100)
    FigureCanvasAgg(fig)
    top, bottom = fig.add_axes([0.06, 0.34, 0.62, 0.54]), fig.add_axes([0.06, 0.15, 0.62, 0.17])
    top.plot(range(60), range(60))
    bottom.plot(range(60), range(60))
    for kind in kinds:
        if kind == "compact":
            fig.set_size_inches(6.4, 6.0)
            kind = "png"
        fig.savefig(io.BytesIO(), format=kind, dpi=100)
"""


def article_text(n: int) -> str:
    return " ".join(f"{name} shares rose {1 + k % 4}.5 percent on Monday." for k, (name, _) in
                    enumerate(COMPANIES[:n]))


def market(root: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import market_folder

    day = {"2018-08-06": (100.0, 104.0, 97.0, 103.0, 1e6)}
    return market_folder(root, {s: day for s in [s for _, s in COMPANIES] + ["^GSPC"]},
                         shares=[(s, "2018-07-01", 170_000_000) for _, s in COMPANIES])


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def line(label: str, times: list[float]) -> str:
    return f"  {label:<58} best {min(times):6.3f} s   median {statistics.median(times):6.3f} s"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cold-runs", type=int, default=3)
    a = ap.parse_args()
    from enrich.article import make_article, read
    from enrich.pipeline import Enricher, open_market
    from enrich.report import write_report

    floor_ns: dict = {}
    exec(FLOOR, floor_ns)
    bare = floor_ns["bare"]
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        root = market(t / "market")
        seed = next(read([str(SEED)]))
        seed_enricher = Enricher(open_market(None, offline=True, near=[str(SEED)], use_store=False))
        synth = Enricher(open_market([str(root)], offline=True, use_store=False))
        one = make_article("one", article_text(1), published="2018-08-06T18:00:00-04:00")
        ten = make_article("ten", article_text(10), published="2018-08-06T18:00:00-04:00")
        jobs = {
            "floor: bare figure, PNG + SVG + compact PNG": lambda: bare(["png", "svg", "compact"]),
            "floor: bare figure, PNG only": lambda: bare(["png"]),
            "seed report (1 subject; html, md, png, svg)": lambda: write_report(seed_enricher, seed, t / "s", FORMATS),
            "one subject (html, md, png, svg)": lambda: write_report(synth, one, t / "o", FORMATS),
            "ten subjects (html, md, png, svg)": lambda: write_report(synth, ten, t / "t", FORMATS),
        }
        for job in jobs.values():  # warm-up: fonts, calendars, the data folder's files
            job()
        warm: dict[str, list[float]] = {k: [] for k in jobs}
        for _ in range(a.runs):
            for k, job in jobs.items():
                warm[k].append(timed(job))
        print(f"In process, after a warm-up ({a.runs} interleaved runs):")
        for k, v in warm.items():
            print(line(k, v))
        best = {k: min(v) for k, v in warm.items()}
        floor = best["floor: bare figure, PNG + SVG + compact PNG"]
        seed_r, ten_r = best["seed report (1 subject; html, md, png, svg)"] / floor, \
            best["ten subjects (html, md, png, svg)"] / best["one subject (html, md, png, svg)"]
        print(f"  seed report / floor = {seed_r:.2f} (bar 2.0: {'met' if seed_r <= 2 else 'NOT met'}); "
              f"ten subjects / one = {ten_r:.2f} (bar 4.0: {'met' if ten_r <= 4 else 'NOT met'})")

        (t / "one.txt").write_text(article_text(1) + "\n\nPublished: 2018-08-06T18:00:00-04:00\n")
        (t / "ten.txt").write_text(article_text(10) + "\n\nPublished: 2018-08-06T18:00:00-04:00\n")
        enrich = [sys.executable, "-m", "enrich", "report", "--offline", "-o"]
        cold_jobs = {
            "floor: python + matplotlib + bare figure as PNG": [sys.executable, "-c", FLOOR + "bare(['png'])"],
            "enrich report seed (start-up included)": enrich + [str(t / "cs"), str(SEED)],
            "enrich report, one subject": enrich + [str(t / "c1"), "--data", str(root), str(t / "one.txt")],
            "enrich report, ten subjects": enrich + [str(t / "c10"), "--data", str(root), str(t / "ten.txt")],
        }
        cold: dict[str, list[float]] = {k: [] for k in cold_jobs}
        for _ in range(a.cold_runs):
            for k, cmd in cold_jobs.items():
                cold[k].append(timed(lambda: subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)))
        print(f"From the command line, each a new process ({a.cold_runs} interleaved runs):")
        for k, v in cold.items():
            print(line(k, v))
        cbest = {k: min(v) for k, v in cold.items()}
        seed_c = cbest["enrich report seed (start-up included)"] / cbest["floor: python + matplotlib + bare figure as PNG"]
        ten_c = cbest["enrich report, ten subjects"] / cbest["enrich report, one subject"]
        print(f"  seed report / floor = {seed_c:.2f} (bar 2.0: {'met' if seed_c <= 2 else 'NOT met'}); "
              f"ten subjects / one = {ten_c:.2f} (bar 4.0: {'met' if ten_c <= 4 else 'NOT met'})")


if __name__ == "__main__":
    main()
