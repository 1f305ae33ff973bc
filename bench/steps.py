"""One measured step of bench/run.py, run in a process of its own so its peak memory is its own.

    python bench/steps.py STEP ARGS...

Prints one JSON line: seconds (`s`), peak resident memory in MB (`mb`) and what the step counts.
Setup (loading the model, opening the store) is outside the timed part.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUERIES = {
    "group by (20 rows)": "SELECT ?p (COUNT(?a) AS ?n) WHERE { ?a kg:mentions ?p . ?p a kg:Person }"
                          " GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 20",
    "statements (rows)": "SELECT ?s ?speaker ?q WHERE { ?s a kg:Statement ; kg:speaker ?speaker ; "
                         "kg:quote ?q }",
    "labels (rows)": "SELECT ?e ?l WHERE { ?e rdfs:label ?l }",
    "one resource": "SELECT ?p ?o WHERE { <https://w3id.org/newskg/resource/person/person-7> ?p ?o }",
}
STEPS = {}


def step(fn):
    STEPS[fn.__name__] = fn
    return fn


def _texts(corpus: str) -> list[str]:
    from kg.build import BuildReport, read_inputs

    return [a.text for a in read_inputs([corpus], BuildReport())]


@step
def spacy(corpus: str) -> dict:
    """Bare spaCy: the same model, the same texts, one process."""
    from kg.extract.nlp import load

    texts, nlp = _texts(corpus), load()
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return {"s": time.perf_counter() - t, "words": sum(len(x.split()) for x in texts),
            "articles": len(texts)}


@step
def build(corpus: str, store: str, jobs: str = "1", warm: str = "0") -> dict:
    """kg build. `warm` 1 also loads what the extractors read on first use before the clock
    (pipeline.warm), as the model is: the build's throughput apart from its setup."""
    from kg.build import build as kg_build
    from kg.extract.nlp import load
    from kg.extract.pipeline import warm as warm_up
    from kg.store import Store

    load(None)  # the build's own call, so the model is loaded before the clock starts
    setup = time.perf_counter()
    if warm == "1":
        warm_up()
    setup = time.perf_counter() - setup
    words = sum(len(x.split()) for x in _texts(corpus))
    marks, seen = [], [0]  # seconds into the build at every 1,000th article of the first pass

    def progress(name, triples):
        seen[0] += 1
        if seen[0] % 1000 == 0:
            marks.append((seen[0], round(time.perf_counter() - t, 1)))
    with Store(store) as st:
        t = time.perf_counter()
        report = kg_build(st, [corpus], jobs=int(jobs), progress=progress)
        took = time.perf_counter() - t
    return {"s": took, "words": words, "articles": report.written, "marks": marks,
            "setup": setup}


@step
def kg_import(nq: str, store: str) -> dict:
    from kg.export import import_file
    from kg.store import Store

    with Store(store) as st:
        t = time.perf_counter()
        _, n = import_file(st, nq)
        took = time.perf_counter() - t
    return {"s": took, "quads": n, "left_mb": _size(Path(store)) }


@step
def ox_import(nq: str, store: str) -> dict:
    import pyoxigraph as ox

    raw = ox.Store(store)
    t = time.perf_counter()
    raw.bulk_load(path=nq, format=ox.RdfFormat.N_QUADS)
    raw.flush()
    took = time.perf_counter() - t
    del raw
    return {"s": took, "left_mb": _size(Path(store))}


def _size(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


@step
def kg_export(store: str, out: str) -> dict:
    from kg.export import export
    from kg.store import Store

    with Store(store, create=False) as st:
        t = time.perf_counter()
        n = export(st, out)
        took = time.perf_counter() - t
    return {"s": took, "n": n}


@step
def ox_dump(store: str, out: str) -> dict:
    """pyoxigraph's own dump: every quad for .nq, the default graph (the union) for .ttl."""
    import pyoxigraph as ox

    raw = ox.Store.read_only(str(Path(store) / "oxigraph"))
    t = time.perf_counter()
    if out.endswith(".nq"):
        raw.dump(out, ox.RdfFormat.N_QUADS)
    else:
        raw.dump(out, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    return {"s": time.perf_counter() - t}


def _best(fn, runs: int = 3) -> float:
    took = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        took.append(time.perf_counter() - t)
    return min(took)


@step
def query(store: str, name: str, fmt: str, runs: str = "5") -> dict:
    """kg and pyoxigraph alone on the same query, runs interleaved so both meet the same load:
    kg renders the result (table or csv); pyoxigraph serializes csv, or for a table gives
    every term's text."""
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES
    from kg.results import render
    from kg.store import Store

    st = Store(store, create=False)
    raw = st.backend.ox

    def kg():
        return render(st.query(QUERIES[name]), fmt, st.prefixes)

    def bare():
        res = raw.query(QUERIES[name], prefixes=PREFIXES)
        if fmt == "csv":
            return res.serialize(format=ox.QueryResultsFormat.CSV)
        return [[str(t) for t in sol] for sol in res]
    took = {"kg": [], "ox": []}
    for _ in range(int(runs)):
        for who, fn in (("kg", kg), ("ox", bare)):
            t = time.perf_counter()
            fn()
            took[who].append(time.perf_counter() - t)
    st.close()
    return {"kg": min(took["kg"]), "ox": min(took["ox"])}


@step
def rdflib_query(nq: str, name: str, fmt: str) -> dict:
    from rdflib import Dataset

    from kg.namespaces import PREFIXES

    ds = Dataset(default_union=True)
    ds.parse(nq, format="nquads")

    def run():
        res = ds.query(QUERIES[name], initNs=PREFIXES)
        return res.serialize(format="csv") if fmt == "csv" else [[str(t) for t in r] for r in res]
    return {"s": _best(run, 1)}


@step
def shell(store: str) -> dict:
    """Open the shell on the store and leave at the first prompt (Ctrl-D), as a user would."""
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from kg.shell.app import run_shell
    from kg.store import Store

    shown = []
    with Store(store, create=False) as st, create_pipe_input() as inp:
        inp.send_text("\x04")
        run_shell(st, input=inp, output=DummyOutput(), history=InMemoryHistory(),
                  write=lambda s: shown.append(time.time()))
    return {"prompt_at": shown[0]}


@step
def settle(store: str) -> dict:
    """Open the store as a writer, read it, and wait until RocksDB's background work is done:
    after a big build the first writer that reads compacts for seconds (and drops the work
    unfinished if it exits first). Returns the CPU seconds that took."""
    import pyoxigraph as ox

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    raw = ox.Store(str(Path(store) / "oxigraph"))
    start = cpu()
    sum(1 for _ in raw.query("SELECT ?s WHERE { ?s a ?t } LIMIT 1000"))
    last, deadline = -1.0, time.monotonic() + 300
    while cpu() - last > 0.01 and time.monotonic() < deadline:
        last = cpu()
        time.sleep(2)
    raw.flush()
    return {"cpu": cpu() - start}


@step
def load_store(nq: str, location: str) -> dict:
    import gen_graph

    gen_graph.load_store(Path(nq), Path(location))
    return {}

def peak_mb() -> float:
    """This process's peak resident memory. ru_maxrss would do, but on Linux a child keeps the
    high-water mark of the parent it was forked from; VmHWM starts afresh at exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    result = STEPS[sys.argv[1].replace("-", "_")](*sys.argv[2:])
    result["mb"] = peak_mb()
    print(json.dumps(result))
