"""Simulate extraction as a map step: K workers each build a shard of the corpus on their own
and write N-Quads; the shards are concatenated and bulk-loaded into one store.

    python bench/simulate_shards.py [--articles 80] [--shards 4]

Compares with one build of the whole corpus: the time of the longest shard (what K machines
would take), the triples the sharded graph gets right or wrong, the entities split or merged
because a worker could not see what the others read (what a shared identity index has to fix),
and the bulk load of the shards. Figures for the plan in bench/README.md; not cluster code.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import gen_corpus  # noqa: E402


def build_to_nquads(articles: list[dict], folder: Path) -> tuple[float, Path]:
    import json

    from kg.build import build
    from kg.export import export
    from kg.store import Store

    folder.mkdir(parents=True)
    src = folder / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    with Store(str(folder / "store")) as st:
        t = time.perf_counter()
        build(st, [str(src)])
        took = time.perf_counter() - t
        export(st, folder / "out.nq")
    return took, folder / "out.nq"


def triples(nq: Path) -> set[str]:
    """The union's triples as text, article graphs left out (the same either way)."""
    out = set()
    for line in nq.read_text(encoding="utf-8").splitlines():
        out.add(line.rsplit(" ", 2)[0])
    return out


ENTITY = re.compile(r"<https://w3id.org/newskg/resource/(person|organization|country|event|"
                    r"position|meeting|summit)[^>]*>")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--shards", type=int, default=4)
    args = ap.parse_args()
    from kg.extract.nlp import load

    load()
    recs = gen_corpus.records(args.articles)
    tmp = Path(tempfile.mkdtemp(prefix="kg-shards-"))
    try:
        whole_s, whole = build_to_nquads(recs, tmp / "whole")
        times, shards = [], []
        for k in range(args.shards):
            s, nq = build_to_nquads(recs[k::args.shards], tmp / f"shard-{k}")
            times.append(s)
            shards.append(nq)
        merged = tmp / "merged.nq"
        with open(merged, "w", encoding="utf-8") as f:
            for nq in shards:
                f.write(nq.read_text(encoding="utf-8"))
        import pyoxigraph as ox

        t = time.perf_counter()
        ox.Store(str(tmp / "loaded")).bulk_load(path=str(merged), format=ox.RdfFormat.N_QUADS)
        load_s = time.perf_counter() - t
        a, b = triples(whole), triples(merged)
        ea = set(m.group(0) for m in ENTITY.finditer(whole.read_text()))
        eb = set(m.group(0) for m in ENTITY.finditer(merged.read_text()))
        print(f"| articles | {args.articles} |\n| shards | {args.shards} |")
        print(f"| one build (s) | {whole_s:.1f} |")
        print(f"| longest shard / sum of shards (s) | {max(times):.1f} / {sum(times):.1f} |")
        print(f"| speed-up with {args.shards} workers | {whole_s / max(times):.2f}x |")
        print(f"| bulk load of the merged shards (s) | {load_s:.2f} |")
        print(f"| triples: one build / sharded / in both | {len(a)} / {len(b)} / {len(a & b)} "
              f"({len(a & b) / len(a):.1%}) |")
        print(f"| entity IRIs: one build / sharded / only sharded / only one build | {len(ea)} / "
              f"{len(eb)} / {len(eb - ea)} / {len(ea - eb)} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
