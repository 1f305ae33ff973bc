"""CPU seconds of each extractor over articles parsed beforehand, and a digest of what they
found (every node, property, span, mention and warning), so a change meant to be for speed
only can be shown to leave the extraction as it was.

    python bench/extractor_stages.py CORPUS [ROUNDS]

CORPUS is a file `bench/gen_corpus.py` wrote. The model and what the extractors load on first
use are loaded first; the articles are parsed once, outside the clock; then each round runs
the extractors over every article. Prints, for each stage, the least CPU time of the rounds
(the one least disturbed by other load on a shared machine), and the digest of each round.
Run it from another checkout's bench/ to measure that code.
"""
from __future__ import annotations

import collections
import dataclasses
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.build import BuildReport, read_inputs  # noqa: E402
from kg.extract import registry  # noqa: E402
from kg.extract.nlp import load  # noqa: E402
from kg.extract.pipeline import run_extractors, warm  # noqa: E402


def _digest(ctx, h) -> None:
    for key, n in ctx.nodes.items():
        h.update(repr((key, n.kind, n.label, sorted(n.aliases), n.wikidata, n.props, n.spans,
                       n.dates, n.gender, sorted(map(repr, n.data.items())))).encode())
    h.update(repr(sorted((i, repr(n)) for i, n in ctx.tok2node.items())).encode())
    h.update(repr((ctx.demonym, ctx.quotes, ctx.reference, ctx.warnings)).encode())


def main(corpus: str, rounds: str = "3") -> None:
    nlp = load(None)
    warm()
    articles = read_inputs([corpus], BuildReport())
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    spent: collections.Counter = collections.Counter()
    for ex in registry.extractors():  # each stage timed where the pipeline calls it
        def timed(ctx, func=ex.func, name=ex.name):
            t = time.process_time()
            try:
                return func(ctx)
            finally:
                spent[name] += time.process_time() - t
        registry.EXTRACTORS._entries.register(ex.name, func=dataclasses.replace(ex, func=timed))
    # (the stage list is kept until the registry changes; older code keeps none)
    registry.EXTRACTORS.version = getattr(registry.EXTRACTORS, "version", 0) + 1
    best: dict[str, float] = {}
    for _ in range(int(rounds)):
        spent.clear()
        h = hashlib.sha256()
        t = time.process_time()
        for doc, article in zip(docs, articles):
            _digest(run_extractors(doc, article), h)
        spent["all (with the digest)"] = time.process_time() - t
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
        print(f"digest {h.hexdigest()[:16]}", flush=True)
    for name, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"{seconds:7.3f} s  {name}")


if __name__ == "__main__":
    main(*sys.argv[1:])
