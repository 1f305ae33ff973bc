"""Text and JSON views of gold scores: the table per kind, articles with -v, and the false
positives and misses with their evidence, so a developer sees at once what to fix."""
from __future__ import annotations

from . import KINDS, ArticleScore, KindScore, totals


def _pct(x: float | None) -> str:
    return "   -" if x is None else f"{100 * x:4.0f}"


def table(scores: list[ArticleScore]) -> list[str]:
    splits = [s for s in ("dev", "test") if any(a.gold.split == s for a in scores)]
    cols = [(name, totals(scores, None if name == "all" else name))
            for name in (*splits, "all")]
    head = f"{'kind':<11}" + "".join(f" | {name:^23}" for name, _ in cols)
    sub = f"{'':<11}" + " | P    R    F1   tp/gold " * len(cols)
    lines = [head, sub.rstrip()]
    for kind in (*KINDS, "overall"):
        row = f"{kind:<11}"
        for _, tot in cols:
            k = tot[kind]
            row += f" | {_pct(k.precision)} {_pct(k.recall)} {_pct(k.f1)} {k.tp:>4}/{k.tp + k.fn:<4}"
        lines.append(row)
    n = {name: sum(1 for a in scores if name == "all" or a.gold.split == name) for name, _ in cols}
    lines.append("articles: " + ", ".join(f"{name} {n[name]}" for name, _ in cols)
                 + " (P, R, F1 in %)")
    return lines


def per_article(scores: list[ArticleScore]) -> list[str]:
    lines = []
    for a in scores:
        k = KindScore()
        for ks in a.kinds.values():
            k.add(ks)
        lines.append(f"{a.gold.article.name:<48} {a.gold.split:<4} P {_pct(k.precision)} "
                     f"R {_pct(k.recall)} F1 {_pct(k.f1)}")
    return lines


def _show(fact: dict) -> str:
    parts = []
    for key, value in fact.items():
        if key in ("node", "evidence") or value in (None, "", []):
            continue
        if isinstance(value, list):
            value = "[" + ", ".join(sorted(map(str, value))) + "]"  # the same every run
        parts.append(f"{key}={value}")
    return "; ".join(parts)


def errors(scores: list[ArticleScore], kinds: list[str] | None = None) -> list[str]:
    lines = []
    for a in scores:
        for kind, ks in a.kinds.items():
            if kinds and kind not in kinds:
                continue
            for x in ks.false_positives:
                lines.append(f"{a.gold.article.name}: FP {kind}: {_show(x)}")
                if x.get("evidence"):
                    lines.append(f"    \u201c{x['evidence'][:240]}\u201d")
            for g in ks.misses:
                lines.append(f"{a.gold.article.name}: MISS {kind}: {_show(g)}")
    return lines


def as_json(scores: list[ArticleScore]) -> dict:
    def counts(k: KindScore) -> dict:
        return {"tp": k.tp, "fp": k.fp, "fn": k.fn, "precision": k.precision,
                "recall": k.recall, "f1": k.f1}

    return {
        "splits": {name: {kind: counts(k) for kind, k in
                          totals(scores, None if name == "all" else name).items()}
                   for name in ("dev", "test", "all")},
        "articles": [{"article": a.gold.article.name, "split": a.gold.split,
                      "kind": a.gold.kind, "scores": {kind: counts(k)
                                                      for kind, k in a.kinds.items()}}
                     for a in scores],
    }
