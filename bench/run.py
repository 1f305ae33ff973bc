"""kg against bare spaCy, pyoxigraph and rdflib, in one run, as a Markdown table.

    python bench/run.py            # 100k and 1M triples, growth at 100/1,000 articles
    python bench/run.py --quick    # small sizes: a couple of minutes on two cores

Every figure is measured in this run, each step in a process of its own (bench/steps.py), so
the ratios compare like with like on the same machine at the same moment. Targets are in
bench/README.md; a ratio is kg's time over the reference's (1.00 = as fast).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_corpus  # noqa: E402
import gen_graph  # noqa: E402
from steps import QUERIES  # noqa: E402

ROWS: list[tuple[str, str, str, str]] = []


def measure(*args) -> dict:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, str(HERE / "steps.py"), *map(str, args)],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"step {args[0]} failed:\n{out.stderr[-2000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["wall"] = time.perf_counter() - t
    return res


def row(what: str, kg: str, ref: str, ratio: str) -> None:
    ROWS.append((what, kg, ref, ratio))
    print(f"  {what}: kg {kg} | ref {ref} | {ratio}", file=sys.stderr, flush=True)


def bench_build(tmp: Path, n: int) -> None:
    corpus = gen_corpus.write(n, tmp / f"build-{n}.jsonl")
    bare = measure("spacy", corpus)
    for jobs in (1, 2):
        # The extractors' tables are loaded before the clock (steps.build's `warm`), as the
        # model is; the setup's seconds are printed beside.
        kg = measure("build", corpus, tmp / f"build-store-{jobs}", jobs, 1)
        ratio = (kg["words"] / kg["s"]) / (bare["words"] / bare["s"])
        row(f"build {n} articles, --jobs {jobs} (words/s; setup {kg['setup']:.1f} s apart)",
            f"{kg['words'] / kg['s']:,.0f}",
            f"{bare['words'] / bare['s']:,.0f} (bare spaCy, 1 core)", f"{ratio:.0%} of spaCy")


def bench_growth(tmp: Path, sizes: list[int], add: int = 10, keep: bool = False) -> None:
    per = {}
    for n in sizes:
        corpus = gen_corpus.write(n, tmp / f"grow-{n}.jsonl")
        res = measure("build", corpus, tmp / f"grow-{n}", 1)
        per[n] = 1000 * res["s"] / n
        if res["marks"]:
            print(f"  {n:,} articles, seconds at each 1,000th of the first pass: {res['marks']}",
                  file=sys.stderr, flush=True)
        row(f"build {n:,} articles into an empty store (ms/article)", f"{per[n]:.0f}",
            f"{per[sizes[0]]:.0f} (at {sizes[0]:,})", f"{per[n] / per[sizes[0]]:.2f}x")
    # Two sets of articles to add: the first right after the big build, the second once the
    # store has settled (RocksDB's upkeep after a big build done, as any longer session does).
    extra = [gen_corpus.write(add, tmp / f"extra-{k}.jsonl", start=k * 10**6) for k in (1, 2)]
    empty = [measure("build", e, tmp / f"extra-empty-{k}", 1) for k, e in enumerate(extra)]
    for n in sizes:
        store = tmp / f"grow-{n}"
        if keep:  # the store as built stays for a later look; the articles go into a copy
            shutil.copytree(store, tmp / f"grow-{n}-plus-{add}", dirs_exist_ok=True)
            store = tmp / f"grow-{n}-plus-{add}"
        full = measure("build", extra[0], store, 1)
        row(f"add {add} articles to {n:,} (s)", f"{full['s']:.2f}",
            f"{empty[0]['s']:.2f} (to empty)", f"{full['s'] / empty[0]['s']:.2f}x")
        upkeep = measure("settle", store)
        full = measure("build", extra[1], store, 1)
        row(f"add {add} more to {n:,}, settled (s; upkeep {upkeep['cpu']:.1f} s CPU)",
            f"{full['s']:.2f}", f"{empty[1]['s']:.2f} (to empty)",
            f"{full['s'] / empty[1]['s']:.2f}x")


def bench_store(tmp: Path, triples: int, rdflib: bool) -> None:
    label = f"{triples // 1000:,}k" if triples < 10**6 else f"{triples / 10**6:g}M"
    nq = tmp / f"g-{label}.nq"
    gen_graph.write(triples, nq)
    kg_imp = measure("kg-import", nq, tmp / f"imp-kg-{label}")
    ox_imp = measure("ox-import", nq, tmp / f"imp-ox-{label}")
    row(f"import {label} quads (s, peak MB, left on disk MB)",
        f"{kg_imp['s']:.1f} s, {kg_imp['mb']:.0f} MB, {kg_imp['left_mb']:.0f} MB",
        f"{ox_imp['s']:.1f} s, {ox_imp['mb']:.0f} MB, {ox_imp['left_mb']:.0f} MB (pyoxigraph bulk_load)",
        f"{kg_imp['s'] / ox_imp['s']:.2f}x")
    store = tmp / f"store-{label}"
    measure("load-store", nq, store)
    for name in QUERIES:
        for fmt in ("table", "csv"):
            both = measure("query", store, name, fmt)
            ref = f"{both['ox'] * 1000:.1f} ms (pyoxigraph)"
            if rdflib:
                rl = measure("rdflib-query", nq, name, fmt)
                ref += f", {rl['s'] * 1000:.0f} ms (rdflib)"
            row(f"query {label}: {name}, {fmt}", f"{both['kg'] * 1000:.1f} ms", ref,
                f"{both['kg'] / both['ox']:.2f}x")
    for suffix in (".nq", ".ttl"):
        kg = measure("kg-export", store, tmp / f"out{suffix}")
        ox = measure("ox-dump", store, tmp / f"dump{suffix}")
        row(f"export {label} {suffix} (s, peak MB)", f"{kg['s']:.1f} s, {kg['mb']:.0f} MB",
            f"{ox['s']:.1f} s, {ox['mb']:.0f} MB (pyoxigraph dump)", f"{kg['s'] / ox['s']:.2f}x")
    launched = time.time()
    sh = measure("shell", store)
    row(f"shell {label}: start to first prompt (s)", f"{sh['prompt_at'] - launched:.2f}",
        "target 1 s", f"{sh['prompt_at'] - launched:.2f} s")
    for f in (nq, tmp / "out.nq", tmp / "out.ttl", tmp / "dump.nq", tmp / "dump.ttl"):
        f.unlink(missing_ok=True)
    for d in (store, tmp / f"imp-kg-{label}", tmp / f"imp-ox-{label}"):
        shutil.rmtree(d, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, a couple of minutes")
    ap.add_argument("--only", choices=["build", "growth", "store"], action="append")
    ap.add_argument("--triples", type=int, action="append", help="graph sizes (default 100k, 1M)")
    ap.add_argument("--articles", type=int, action="append",
                    help="growth sizes (100, 1,000; 10,000 takes about 15 minutes per size)")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="work in DIR and keep it (the stores and corpora), to look at them after")
    args = ap.parse_args()
    only = set(args.only or ["build", "growth", "store"])
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        if "build" in only:
            bench_build(tmp, 40 if args.quick else 200)
        if "growth" in only:
            bench_growth(tmp, args.articles or ([20, 80] if args.quick else [100, 1000]),
                         keep=bool(args.keep))
        if "store" in only:
            for n in args.triples or ([20_000, 100_000] if args.quick else [100_000, 1_000_000]):
                bench_store(tmp, n, rdflib=n <= 100_000)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"`python bench/run.py{''.join(' ' + a for a in sys.argv[1:])}` on "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print("| measure | kg | reference | kg / reference |\n|---|---|---|---|")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
