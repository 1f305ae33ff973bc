"""A kg-shaped graph of any size, as N-Quads: one named graph per article.

    python bench/gen_graph.py TRIPLES OUT.nq

Each article graph holds what `kg build` writes for a news article of ordinary length: the
article (title, text, date, publisher, hash, mentions), about eight actors drawn from a shared
population (people with posts, organizations, countries, so they recur across articles as real
ones do), statements with quotes, a statistic, an event with participants, and the evidence
sentence with offsets for every fact. About 100 quads an article; a fixed seed, so the same size
gives the same file. `load_store` turns the file into a kg store (named graphs plus the union),
the layout `kg build` leaves.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

R = "https://w3id.org/newskg/resource/"
KG = "https://w3id.org/newskg/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
XSD = "http://www.w3.org/2001/XMLSchema#"
WORDS = ("talks officials minister said agreed border trade sanctions police drug summit vote "
         "election court report health water energy security president delegation").split()
QUADS_PER_ARTICLE = 95


def _lit(text: str, dt: str | None = None) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"^^<{XSD}{dt}>' if dt else f'"{text}"'


def _k(name: str) -> str:
    return f"<{KG}{name}>"


def article(i: int, rnd: random.Random) -> list[str]:
    """The quads of article i, as N-Quads lines."""
    a = f"<{R}article/report-{i}>"
    g = a
    sentences = [" ".join(rnd.choice(WORDS) for _ in range(18)).capitalize() + "." for _ in range(6)]
    text = " ".join(sentences)
    day = f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    t = [(a, RDF_TYPE, _k("Article")), (a, _k("title"), _lit(f"Report {i} on {sentences[0][:40]}")),
         (a, LABEL, _lit(f"Report {i}")), (a, _k("text"), _lit(text)),
         (a, _k("published"), _lit(day, "date")), (a, _k("contentHash"), _lit(f"{i:064x}")),
         (a, _k("publisher"), f"<{R}organization/publisher-{i % 40}>")]
    actors = []
    for j in range(8):
        kind, n = (("person", rnd.randrange(20000)) if j < 5 else
                   ("organization", rnd.randrange(3000)) if j < 7 else ("country", rnd.randrange(200)))
        e = f"<{R}{kind}/{kind}-{n}>"
        actors.append(e)
        cls = {"person": "Person", "organization": "Organization", "country": "Country"}[kind]
        t += [(e, RDF_TYPE, _k(cls)), (e, RDF_TYPE, _k("Actor")),
              (e, LABEL, _lit(f"{cls} {n}")), (a, _k("mentions"), e)]
        if kind == "person":
            pos = f"<{R}position/minister-{n % 500}>"
            t += [(e, _k("holdsPosition"), pos), (pos, RDF_TYPE, _k("Position")),
                  (pos, LABEL, _lit(f"Minister {n % 500}"))]
    for j in range(4):
        s, start = f"<{R}statement/{i}-{j}>", sum(len(x) + 1 for x in sentences[:j])
        t += [(s, RDF_TYPE, _k("Statement")), (s, _k("speaker"), actors[j]),
              (s, _k("quote"), _lit(sentences[j])), (s, DERIVED, a),
              (s, _k("evidence"), _lit(sentences[j])),
              (s, _k("startOffset"), _lit(str(start), "integer")),
              (s, _k("endOffset"), _lit(str(start + len(sentences[j])), "integer"))]
    st = f"<{R}statistic/{i}>"
    t += [(st, RDF_TYPE, _k("Statistic")), (st, _k("value"), _lit(str(rnd.randrange(10**6)), "decimal")),
          (st, _k("measure"), _lit("overdose deaths")), (st, DERIVED, a),
          (st, _k("evidence"), _lit(sentences[4]))]
    ev = f"<{R}event/meeting-{i // 3}>"
    t += [(ev, RDF_TYPE, _k("Meeting")), (ev, RDF_TYPE, _k("Event")), (ev, DERIVED, a),
          (ev, LABEL, _lit(f"Meeting {i // 3}")), (ev, _k("date"), _lit(day, "date")),
          (ev, _k("participant"), actors[0]), (ev, _k("participant"), actors[1]),
          (ev, _k("evidence"), _lit(sentences[5]))]
    return [f"{s} {p} {o} {g} .\n" for s, p, o in t]


def write(triples: int, dest: Path) -> int:
    """Write about `triples` quads; return the number of articles."""
    rnd = random.Random(13)
    n = max(1, round(triples / QUADS_PER_ARTICLE))
    with open(dest, "w", encoding="utf-8") as f:
        for i in range(n):
            f.writelines(article(i, rnd))
    return n


def load_store(nq: Path, location: Path) -> None:
    """A kg store holding the file's graphs and their union, as `kg build` leaves it."""
    import pyoxigraph as ox

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from kg.store import Store

    Store(str(location)).close()  # a store kg created: the ontology graph and the metadata
    raw = ox.Store(str(location / "oxigraph"))
    raw.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    _union(raw, nq)
    raw.flush()


def _union(raw, nq: Path) -> None:
    import pyoxigraph as ox

    raw.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                    for q in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("triples", type=int)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    print(f"{write(args.triples, args.out)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
