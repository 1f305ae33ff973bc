"""A real-text news corpus of any size, as JSON Lines kg builds.

    python bench/gen_corpus.py N OUT.jsonl [--start K]

Every article is real text: the body of one of the articles in data/, tests/corpus/articles
and tests/own_corpus/articles (about 80 real and realistic news texts), plus one paragraph of
another, under its own headline and URL. Articles keep their source's date, shifted by a day
per round through the sources, or stay undated when the source is undated (so about a third
are), which exercises date borrowing and cross-article resolution like a real feed. The same
N and K give the same file.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("data", "tests/corpus/articles", "tests/own_corpus/articles")


def sources() -> list:
    """The real articles, read the way kg reads them, in a fixed order."""
    sys.path.insert(0, str(ROOT))
    from kg.build import BuildReport, read_inputs

    arts = read_inputs([str(ROOT / s) for s in SOURCES], BuildReport())
    return sorted(arts, key=lambda a: (a.source or "", a.title or ""))


def records(n: int, start: int = 0) -> list[dict]:
    base = sources()
    out = []
    for i in range(start, start + n):
        a, other = base[i % len(base)], base[(i * 7 + 3) % len(base)]
        paras = [p for p in other.text.split("\n\n") if len(p.split()) > 12]
        extra = paras[i % len(paras)] if paras and other is not a else ""
        rec = {"title": f"{a.title or a.text.split(chr(10))[0][:60]} (report {i})",
               "text": a.text.rstrip() + ("\n\n" + extra if extra else ""),
               "url": f"https://bench.example/news/{i}", "publisher": a.publisher}
        if a.published:
            rec["date"] = (a.published + timedelta(days=i // len(base))).isoformat()
        out.append({k: v for k, v in rec.items() if v})
    return out


def write(n: int, dest: Path, start: int = 0) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "w", encoding="utf-8") as f:
        for rec in records(n, start):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return dest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--start", type=int, default=0, help="number of the first article")
    args = ap.parse_args()
    write(args.n, args.out, args.start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
