"""Bare spaCy and `kg build` over the same articles, one after the other in one process, in CPU
seconds (less swayed than wall time by other load on a shared machine).

    python bench/paired_build.py CORPUS [ROUNDS] [WARM]

WARM 1 loads what the extractors read on first use before the build (pipeline.warm), as the
model is loaded before both. Run it from another checkout's bench/ to measure that code.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.build import BuildReport, build, read_inputs  # noqa: E402
from kg.extract.nlp import load  # noqa: E402
from kg.store import Store  # noqa: E402


def main(corpus: str, rounds: str = "1", warm: str = "0") -> None:
    nlp = load(None)
    if warm == "1":
        from kg.extract.pipeline import warm as warm_up

        warm_up()
    texts = [a.text for a in read_inputs([corpus], BuildReport())]
    for _ in range(int(rounds)):
        t = time.process_time()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        bare = time.process_time() - t
        tmp = tempfile.mkdtemp(prefix="kg-paired-")
        try:
            with Store(Path(tmp) / "store") as st:
                t = time.process_time()
                build(st, [corpus])
                kg = time.process_time() - t
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print(f"bare spaCy {bare:.2f} s CPU, kg build {kg:.2f} s CPU: {bare / kg:.0%}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
