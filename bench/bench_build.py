"""Benchmark `kg build`: articles per second and peak memory.

    python bench/bench_build.py [--copies 20] [--jobs 1]

Builds the seed and corpus articles, each copied N times with a distinct headline (so every
copy is its own article), into a fresh Oxigraph store, and reports throughput and peak RSS.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, copies: int) -> int:
    sources = sorted((ROOT / "data").glob("*.txt")) + sorted(
        (ROOT / "tests" / "corpus" / "articles").glob("*.txt"))
    n = 0
    for c in range(copies):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            (folder / f"{c:04d}-{src.name}").write_text(f"Report {c}: {text}", encoding="utf-8")
            n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from kg.build import build
    from kg.extract.nlp import load
    from kg.store import Store

    tmp = Path(tempfile.mkdtemp())
    try:
        (tmp / "in").mkdir()
        n = make_corpus(tmp / "in", args.copies)
        t0 = time.perf_counter()
        load()
        t_model = time.perf_counter() - t0
        store = Store(str(tmp / "store"))
        t1 = time.perf_counter()
        report = build(store, [str(tmp / "in")], jobs=args.jobs)
        took = time.perf_counter() - t1
        words = sum(len(p.read_text().split()) for p in (tmp / "in").iterdir())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"articles       {report.written} of {n}")
        print(f"model load     {t_model:.2f} s")
        print(f"build          {took:.2f} s  ({report.written / took:.1f} articles/s, "
              f"{words / took:.0f} words/s, jobs={args.jobs})")
        print(f"triples        {store.count()}")
        print(f"peak memory    {peak:.0f} MB")
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
