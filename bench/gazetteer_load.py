"""Start-up cost of the gazetteer: time and memory to load it, and to build the mention finder on it, beside a
floor (reading the shipped data file bare, with csv.reader) measured in the same run.

    .venv/bin/python bench/gazetteer_load.py

Each figure is measured in a fresh process (the loaders cache per process), best and median of five runs; memory
is the growth of the process's peak resident size (ru_maxrss) over an interpreter that imported the package.
"""
from __future__ import annotations

import statistics
import subprocess
import sys

STEPS = {
    "floor: csv.reader over data/listings.csv": (
        "import csv; from importlib import resources; "
        "text = resources.files('enrich').joinpath('data/listings.csv').read_text(encoding='utf-8'); "
        "rows = list(csv.reader(l for l in text.splitlines() if not l.startswith('#')))"),
    "gazetteer.load()": "from enrich.gazetteer import load; load()",
    "gazetteer.load() + MentionFinder()": "from enrich.mentions import MentionFinder; MentionFinder()",
}
PROBE = """
import resource, time
import enrich.instruments, enrich.textcase, csv, importlib.resources
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
{step}
took = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(took, (after - before) / 1024)
"""


def main() -> None:
    for label, step in STEPS.items():
        runs = []
        for _ in range(5):
            out = subprocess.run([sys.executable, "-c", PROBE.format(step=step)], capture_output=True, text=True,
                                 check=True).stdout.split()
            runs.append((float(out[0]), float(out[1])))
        times = sorted(r[0] for r in runs)
        mem = max(r[1] for r in runs)
        print(f"{label:40s} best {times[0]:.3f} s  median {statistics.median(times):.3f} s  "
              f"memory +{mem:.0f} MB")


if __name__ == "__main__":
    main()
