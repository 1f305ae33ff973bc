"""Export and import of RDF, with formats registered by name and file suffix.

Exports are written with Oxigraph's serializers from the store's sorted N-Triples or N-Quads
lines (Store.sorted_lines, streamed into the serializer), so two exports of the same graph are
byte-identical, whatever the backend; quad formats keep one named graph per article.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from .errors import InputError, UsageError
from .registry import Registry
from .store import dump


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    ox: "ox.RdfFormat"
    quads: bool


_FORMATS = Registry("export formats",
                    duplicate="an export format named {name!r} is already registered")


def register(fmt: Format) -> None:
    """Register an RDF format under its name (a name taken twice is an error)."""
    _FORMATS.add(fmt, fmt.name)


for _f in (Format("turtle", (".ttl",), ox.RdfFormat.TURTLE, False),
           Format("ntriples", (".nt",), ox.RdfFormat.N_TRIPLES, False),
           Format("nquads", (".nq",), ox.RdfFormat.N_QUADS, True),
           Format("trig", (".trig",), ox.RdfFormat.TRIG, True),
           Format("jsonld", (".jsonld", ".json"), ox.RdfFormat.JSON_LD, True),
           Format("rdfxml", (".rdf", ".owl", ".xml"), ox.RdfFormat.RDF_XML, False)):
    register(_f)

ALIASES = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "json-ld": "jsonld",
           "xml": "rdfxml", "rdf": "rdfxml", "n-triples": "ntriples", "n-quads": "nquads"}


def formats() -> list[str]:
    return sorted(_FORMATS)


def format_for(path: str | Path | None, name: str | None = None) -> Format:
    if name:
        key = ALIASES.get(name.lower(), name.lower())
        if key not in _FORMATS:
            raise UsageError(f"unknown format {name!r}; choose one of {', '.join(formats())}")
        return _FORMATS[key]
    suffix = Path(str(path)).suffix.lower() if path else ""
    for f in _FORMATS.values():
        if suffix in f.suffixes:
            return f
    raise UsageError(f"cannot tell the RDF format of {path!r} from its suffix; pass --format "
                     f"({', '.join(formats())})")


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(items):
    """XML 1.0 cannot hold control characters: rather than write a file no parser reads, say
    which literal holds one and which formats can."""
    for t in items:
        o = t.object
        if isinstance(o, ox.Literal) and _NOT_XML.search(o.value):
            raise UsageError(f"a literal of {t.subject} holds a control character that RDF/XML "
                             "cannot represent; export to Turtle, N-Triples, N-Quads, TriG or "
                             "JSON-LD instead")
        yield t


def export(store, dest, fmt: Format | None = None, *, graph: str | None = None,
           with_ontology: bool = False) -> int:
    """Write the store (or one graph) to `dest` (a path or a binary stream); return the number
    of triples or quads written. A file is written whole or not at all."""
    fmt = fmt or format_for(dest)
    g = URIRef(graph) if graph else None
    if g is not None and not store.has_graph(g):
        raise UsageError(f"no graph {graph} in the store; `kg stats` lists the article graphs")
    prefixes = None if fmt.name in ("ntriples", "nquads") else dict(store.prefixes)
    with dump.workdir_near(dest) as tmp:
        work = Path(tmp)
        lines = _Lines(store.sorted_lines(g, as_triples=not fmt.quads, workdir=work,
                                          with_ontology=with_ontology))
        done = work / "out"
        if fmt.name in ("ntriples", "nquads"):
            with open(done, "wb") as out:
                shutil.copyfileobj(lines, out, 1 << 20)
        else:
            # The lines are Oxigraph's own canonical N-Triples/N-Quads (its dump, or its terms'
            # text), checked when they were made: read without checking them twice.
            items = ox.parse(lines, format=ox.RdfFormat.N_QUADS, lenient=True)
            if fmt.name == "rdfxml":
                items = _xml_safe(items)
            ox.serialize(items, str(done), format=fmt.ox, prefixes=prefixes)
        _deliver(done, dest)
    return lines.count


class _Lines:
    """Sorted lines, a list at a time, read as one binary file (what Oxigraph's parser and
    copyfileobj read), never joined whole; `count` is how many lines have been read."""

    STEP = 4096  # lines joined at a time

    def __init__(self, blocks):
        self.blocks, self.count = iter(blocks), 0
        self.block: list[bytes] = []
        self.at, self.buf = 0, memoryview(b"")

    def read(self, size: int = -1) -> bytes:
        while not self.buf:
            if self.at >= len(self.block):
                self.block, self.at = next(self.blocks, None), 0
                if self.block is None:
                    self.block = []
                    return b""
                self.count += len(self.block)
                continue
            self.buf = memoryview(b"".join(self.block[self.at:self.at + self.STEP]))
            self.at += self.STEP
        size = len(self.buf) if size is None or size < 0 else size
        out, self.buf = self.buf[:size], self.buf[size:]
        return bytes(out)


def _deliver(path: Path, dest) -> None:
    """Move the finished file into place (a rename on the same file system), or copy it into
    a stream."""
    if isinstance(dest, (str, os.PathLike)):
        try:
            os.replace(path, dest)
        except OSError:  # another file system
            shutil.copyfile(path, dest)
    else:
        with open(path, "rb") as f:
            shutil.copyfileobj(f, dest, 1 << 20)


def import_graph_iri(path: Path) -> URIRef:
    from .extract.text import slug
    from .namespaces import resource_ns

    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    return URIRef(f"{resource_ns()}graph/{slug(path.stem, 6)}-{digest}")


def refuse_entities(path: Path, chunk: int = 1 << 20) -> None:
    """XML entity declarations expand without bound (a 1 KB file can become gigabytes): an
    RDF/XML file that declares any is refused before a byte of it is parsed."""
    tail = b""
    with open(path, "rb") as f:
        while block := f.read(chunk):
            if b"<!ENTITY" in tail + block:
                raise InputError(f"{path}: declares XML entities (<!ENTITY …>); kg does not expand "
                                 "them, since they can grow without bound. Remove the DTD or "
                                 "convert the file to Turtle or N-Triples")
            tail = block[-16:]


def import_file(store, path: str | Path, fmt_name: str | None = None,
                progress=None) -> tuple[URIRef, int]:
    """Load an RDF file into a named graph of its own (quad formats keep their graphs).
    A file with a syntax error writes nothing and names the line and column. `progress`
    is called with (stage, done, total)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    fmt = format_for(path, fmt_name)
    if fmt.name == "rdfxml":
        refuse_entities(path)
    graph = import_graph_iri(path)
    before = store.count(with_ontology=True)

    def check(graphs) -> None:
        from .store import ONTOLOGY_GRAPH
        from .vocab import KG

        for g in sorted(graphs):
            if g == ONTOLOGY_GRAPH or store.query(
                    "ASK { GRAPH ?g { ?g a ?article } }",
                    {"g": g, "article": KG.Article}).boolean:
                raise InputError(f"{path}: writes into <{g}>, a graph kg build or the ontology "
                                 "owns; nothing was imported (remove that graph from the file)")
    try:
        store.load_file(path, fmt.ox, graph, check, progress)
    except SyntaxError as exc:
        raise InputError(f"{path}: {exc}") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot be read as {fmt.name}: {exc}") from None
    store.flush()
    return graph, store.count(with_ontology=True) - before
