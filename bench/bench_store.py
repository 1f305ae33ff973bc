"""Benchmark the store at scale: a news-shaped graph of about a million triples.

    python bench/bench_store.py [--articles 10000]

Writes synthetic article graphs (people, organizations, statements, statistics with
provenance) straight into an Oxigraph store, then times typical queries, an export, the shell's
catalog load, and the time until `kg shell` shows its prompt.
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERIES = {
    "people by mentions": "SELECT ?p (COUNT(?a) AS ?n) WHERE { ?a kg:mentions ?p . ?p a kg:Person }"
                          " GROUP BY ?p ORDER BY DESC(?n) LIMIT 20",
    "statements by speaker label": "SELECT ?q WHERE { ?s kg:speaker ?p ; kg:quote ?q . "
                                   "?p rdfs:label ?l FILTER(CONTAINS(?l, 'Person 12')) }",
    "count per class": "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c",
    "describe one": "SELECT ?p ?o WHERE { <https://w3id.org/newskg/resource/person/person-7> ?p ?o }",
}


def synth(store, articles: int) -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import PROV, RDF, RDFS, XSD

    from kg.vocab import KG

    R = "https://w3id.org/newskg/resource/"
    rnd = random.Random(7)
    for i in range(articles):
        a = URIRef(f"{R}article/a-{i}")
        text = f"Article {i} text."
        t = [(a, RDF.type, KG.Article), (a, RDFS.label, Literal(f"Article {i}")),
             (a, KG.text, Literal(text))]
        for j in range(8):
            p = URIRef(f"{R}person/person-{rnd.randrange(5000)}")
            t += [(p, RDF.type, KG.Person), (p, RDF.type, KG.Actor),
                  (p, RDFS.label, Literal(f"Person {str(p).rsplit('-', 1)[1]}")),
                  (a, KG.mentions, p)]
            s = URIRef(f"{R}statement/{i}-{j}")
            t += [(s, RDF.type, KG.Statement), (s, KG.speaker, p),
                  (s, KG.quote, Literal(f"quote {i} {j}")), (s, PROV.wasDerivedFrom, a),
                  (s, KG.evidence, Literal(text)), (s, KG.startOffset, Literal(0)),
                  (s, KG.endOffset, Literal(len(text)))]
        st = URIRef(f"{R}statistic/{i}")
        t += [(st, RDF.type, KG.Statistic), (st, KG.value, Literal(str(i), datatype=XSD.decimal)),
              (st, KG.measure, Literal("deaths")), (st, PROV.wasDerivedFrom, a)]
        store.replace_graph(a, t)


def timed(label: str, fn):
    t = time.perf_counter()
    out = fn()
    print(f"{label:<32} {time.perf_counter() - t:8.3f} s")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from kg.export import export
    from kg.shell.catalog import load
    from kg.store import Store

    tmp = Path(tempfile.mkdtemp())
    try:
        store = Store(str(tmp / "store"))
        timed(f"write {args.articles} articles", lambda: synth(store, args.articles))
        print(f"{'triples (union)':<32} {store.count():8d}")
        for name, q in QUERIES.items():
            timed(f"query: {name}", lambda q=q: store.query(q))
        timed("export N-Quads", lambda: export(store, tmp / "g.nq"))
        timed("export Turtle", lambda: export(store, tmp / "g.ttl"))
        timed("shell catalog load", lambda: load(store))
        store.close()
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c",
                        "from kg.shell.app import run_shell; from kg.store import Store; "
                        f"Store({str(tmp / 'store')!r})"], check=True)
        print(f"{'shell modules + store open':<32} {time.perf_counter() - t:8.3f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
