"""The kg store: a dataset with one named graph per article and the ontology in its own graph.

`Store(location)` opens it: a directory (Oxigraph on disk, the default `./.kg`), or "memory"
(rdflib's memory store); `Store.over(backend)` wraps a backend kg does not own (a remote
endpoint, kg/interop/remote.py). Every backend implements kg.store.protocol.Backend and callers
use only the Store. Queries run over the union of the graphs; SERVICE and LOAD are refused
unless the store was opened with allow_network=True.
"""
from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, URIRef

from ..errors import DiskFull, KGError, StoreError, UsageError, is_disk_full
from ..namespaces import ONTOLOGY_IRI, PREFIXES, prefix_problem
from .backends import OxigraphBackend, QueryResult
from .lock import WriterLock
from .memory import MemoryBackend
from .protocol import Backend, Triple
from .sparql import guard_network, is_update

ONTOLOGY_GRAPH = URIRef(ONTOLOGY_IRI)
DEFAULT_LOCATION = ".kg"

__all__ = ["Store", "Backend", "QueryResult", "ONTOLOGY_GRAPH", "resolve_location"]


def resolve_location(location: str | os.PathLike | None) -> str:
    """--store wins, then KG_STORE, then ./.kg."""
    if location is None or str(location) == "":
        location = os.environ.get("KG_STORE") or DEFAULT_LOCATION
    return str(location)


def ontology_turtle() -> str:
    return resources.files("kg.ontology").joinpath("kg.ttl").read_text(encoding="utf-8")


def _digest() -> str:
    return hashlib.sha256(ontology_turtle().encode()).hexdigest()


class Store:
    """`read_only=True` is for commands that only read: the store must exist, and it is opened
    without waiting for a writer and without writing anything (see kg/store/readonly.py). Only
    when the store needs a repair (an ontology to bring up to date, an import a kill left half
    done) and no one writes it does a reader open it as the writer, to repair it first."""

    def __init__(self, location: str | os.PathLike | None = None, *, allow_network: bool = False,
                 lock_wait: float = 10.0, create: bool = True, read_only: bool = False):
        self.location = resolve_location(location)
        self.allow_network = allow_network
        self.managed = True  # kg keeps the ontology graph and the metadata
        self.read_only = False
        self._lock: WriterLock | None = None
        fresh = False
        if self.location == "memory":
            self.backend: Backend = MemoryBackend(allow_network)
            self.directory = None
        else:
            self.directory = Path(self.location)
            if self.directory.exists() and not self.directory.is_dir():
                raise StoreError(f"--store {self.location} is a file; give a directory or 'memory'")
            if (read_only or not create) and not (self.directory / "oxigraph").is_dir():
                raise StoreError(f"no store at {self.location}; build one with "
                                 f"kg --store {self.location} build PATH (or check the path)")
            if read_only:
                self._meta = self._read_meta()
                if not self._needs_repair() or not self._try_lock():
                    self._open_read_only()
                    return
            else:
                self.directory.mkdir(parents=True, exist_ok=True)
                self._lock = WriterLock(self.directory, wait=lock_wait)
                self._lock.acquire()
            fresh = not (self.directory / "oxigraph").exists()
            try:
                self.backend = OxigraphBackend(self.directory / "oxigraph")
            except StoreError:
                self._lock.release()
                raise
        self._meta = self._read_meta()
        if self.directory and fresh:
            self._meta["union_exact"] = True  # written with the ontology, just below
        self._ensure_ontology()
        self._undo_unfinished_import()

    @classmethod
    def over(cls, backend: Backend, location: str, *, allow_network: bool = False) -> "Store":
        """A store on a backend kg does not own (a remote endpoint): no directory or lock,
        the ontology graph is left to its owner, and declared prefixes last the session."""
        self = cls.__new__(cls)
        self.location, self.allow_network, self.backend = location, allow_network, backend
        self.managed, self.directory, self._lock, self.read_only = False, None, None, False
        self._meta = {"prefixes": {}}
        return self

    # -- opened by a command that only reads
    def _needs_repair(self) -> bool:
        return bool(self._meta.get("importing")) or self._meta.get("ontology") != _digest()

    def _try_lock(self) -> bool:
        lock = WriterLock(self.directory, wait=0)
        try:
            lock.acquire()
        except StoreError:  # held by a writer, or the directory cannot be written
            return False
        self._lock = lock
        return True

    def _open_read_only(self) -> None:
        from .readonly import ReadOnlyOxigraphBackend

        self.backend = ReadOnlyOxigraphBackend(self.directory / "oxigraph", self.directory)
        self.read_only = True

    def _check_writable(self) -> None:
        if self.read_only:
            from .readonly import why_read_only

            raise StoreError(why_read_only(self.directory))

    # -- resolution's index kept beside the data (kg/extract/index_file.py): index.bin, valid
    # up to the length index.ok gives. Every write removes index.ok before it touches the
    # data; a build writes it again once its writes are done, so a kill at any point leaves the
    # file true to the store, or ignored.
    def kept_index(self) -> bytes | None:
        if not self.directory:
            return None
        try:
            length = int((self.directory / "index.ok").read_text())
            with open(self.directory / "index.bin", "rb") as f:
                data = f.read(length)
        except (OSError, ValueError):
            return None
        return data if len(data) == length else None

    def keep_index(self, part: bytes, after: int | None) -> None:
        """Append `part` to the first `after` bytes of index.bin, or (None) make it the whole
        file; skipped quietly when it cannot be written (the next build reads the store)."""
        if not self.directory or self.read_only:
            return
        path, ok = self.directory / "index.bin", self.directory / "index.ok"
        try:
            if after is None:
                path.with_suffix(".tmp").write_bytes(part)
                path.with_suffix(".tmp").replace(path)
                after = 0
            else:
                with open(path, "r+b") as f:
                    f.truncate(after)
                    f.seek(after)
                    f.write(part)
            ok.with_suffix(".oktmp").write_text(str(after + len(part)))
            ok.with_suffix(".oktmp").replace(ok)
            self._index_dropped = False
        except OSError:
            pass

    def _drop_index(self) -> None:
        if not getattr(self, "_index_dropped", False) and self.directory:
            (self.directory / "index.ok").unlink(missing_ok=True)
            self._index_dropped = True

    # -- metadata kept beside the data: prefixes and the ontology's hash
    def _meta_path(self) -> Path | None:
        return self.directory / "meta.json" if self.directory else None

    def _read_meta(self) -> dict:
        path = self._meta_path()
        if path and path.exists():
            try:
                return json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                raise StoreError(f"{path} is corrupt; delete it to reset the prefixes") from None
        return {"prefixes": {}}

    def _write_meta(self) -> None:
        self._check_writable()
        path = self._meta_path()
        if path:
            tmp = path.with_suffix(".tmp")
            with self._disk(f"writing {path.name}"):
                try:
                    tmp.write_text(json.dumps(self._meta, indent=2, sort_keys=True),
                                   encoding="utf-8")
                    tmp.replace(path)
                except OSError:
                    tmp.unlink(missing_ok=True)  # the old meta.json is left as it was
                    raise

    @contextmanager
    def _disk(self, doing: str):
        """A full disk while `doing` becomes one DiskFull naming the store and what to do."""
        try:
            yield
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            raise DiskFull(f"the disk holding the store {self.location} is full ({doing} "
                           "failed: no space left on the device); free some space, then run "
                           "the command again") from None

    @property
    def prefixes(self) -> dict[str, str]:
        """The built-in prefixes and the user's; a stored one that is not valid (written by an
        older kg) is left out and named in `prefix_warnings`, never breaks a query."""
        good = {p: i for p, i in self._meta.get("prefixes", {}).items()
                if prefix_problem(p, i) is None}
        return {**PREFIXES, **good}

    @property
    def prefix_warnings(self) -> list[str]:
        return [f"stored prefix {p}: ignored: {prefix_problem(p, i)}; remove it with "
                f"\\prefixes {p} -" for p, i in self._meta.get("prefixes", {}).items()
                if prefix_problem(p, i)]

    def bind(self, prefix: str, iri: str) -> None:
        """Declare a prefix; it survives a restart. A name or IRI SPARQL cannot use is refused."""
        problem = prefix_problem(prefix, iri)
        if problem:
            raise UsageError(problem)
        self._check_writable()
        self._meta.setdefault("prefixes", {})[prefix] = iri
        self._write_meta()

    # -- a build that did not finish: its article graphs are redone by the next build
    def unfinished(self) -> list[str]:
        return list(self._meta.get("unfinished", []))

    def mark_unfinished(self, iris) -> None:
        self._check_writable()
        self._meta["unfinished"] = sorted(set(self.unfinished()) | {str(i) for i in iris})
        self._write_meta()

    def clear_unfinished(self) -> None:
        if self._meta.pop("unfinished", None) is not None:
            self._write_meta()

    # -- an import that did not finish: its graphs are removed, so it is all out
    def _undo_unfinished_import(self) -> None:
        graphs = self._meta.get("importing")
        if not graphs:
            return
        self._drop_index()
        for g in graphs:
            self.backend.remove_graph(URIRef(g))
        self.backend.flush()
        del self._meta["importing"]
        self._write_meta()

    def load_file(self, path: Path, fmt, graph: URIRef, check=lambda graphs: None,
                  progress=None) -> None:
        """Load an RDF file: its triples outside a graph into `graph`, its graphs replacing
        the store's graphs of the same names; `check` may refuse the graphs before anything
        is written. All or nothing, even if the process is killed: the graphs are noted
        before the first write and removed by the next opening if the note is still there."""
        self._check_writable()

        def noted(graphs) -> None:
            names = sorted(graphs)
            check(names)
            self._meta["importing"] = [str(g) for g in names]
            self._write_meta()

        with self._disk(f"importing {Path(path).name}"):
            self._drop_index()
            try:
                self.backend.load(Path(path), fmt, graph, noted, progress)
            except BaseException:  # a failed write (a full disk, Ctrl-C) leaves it all out
                try:
                    self._undo_unfinished_import()
                except (OSError, KGError):  # no room even to undo: the next open does it
                    pass
                raise
            if self._meta.pop("importing", None) is not None:
                self._write_meta()

    def unbind(self, prefix: str) -> bool:
        """Forget a prefix the user declared; False when there was none."""
        self._check_writable()
        found = self._meta.get("prefixes", {}).pop(prefix, None) is not None
        if found:
            self._write_meta()
        return found

    def _ensure_ontology(self) -> None:
        if not self.managed:
            return
        text = ontology_turtle()
        digest = _digest()
        if self._meta.get("ontology") == digest and self.backend.has_graph(ONTOLOGY_GRAPH):
            return
        from rdflib import Graph

        self._drop_index()
        self.backend.replace_graph(ONTOLOGY_GRAPH, Graph().parse(data=text, format="turtle"))
        self._meta["ontology"] = digest
        self._write_meta()

    # -- reading
    def query(self, text: str, bindings: dict | None = None) -> QueryResult:
        """Run a SPARQL query; `bindings` ({"a": URIRef(…)}) give variables their values the
        way Oxigraph's substitutions and rdflib's initBindings do, so no IRI is ever pasted
        into query text."""
        guard_network(text, self.allow_network)
        return self.backend.query(text, self.prefixes, bindings)

    @property
    def union_exact(self) -> bool:
        """Whether the union holds only what the named graphs hold: true for a store kg
        created, until the first SPARQL update (which can insert outside any graph)."""
        return bool(self._meta.get("union_exact"))

    def update(self, text: str) -> None:
        guard_network(text, self.allow_network)
        self._check_writable()
        if self._meta.pop("union_exact", None):
            self._write_meta()
        with self._disk("the update"):
            self._drop_index()
            self.backend.update(text, self.prefixes)
            self._ensure_ontology()  # an update never takes the ontology graph away for good
            self.backend.flush()

    def run(self, text: str) -> QueryResult | None:
        """Run a query or an update (None for an update)."""
        if is_update(text):
            self.update(text)
            return None
        return self.query(text)

    def graphs(self) -> list[URIRef]:
        """The article graphs and any imported graphs (not the ontology's)."""
        return [g for g in self.backend.named_graphs() if g != ONTOLOGY_GRAPH]

    def count(self, graph: URIRef | None = None, with_ontology: bool = False) -> int:
        """Triples in one graph, or distinct triples in the union (the ontology's left out
        unless asked for)."""
        if graph is not None:
            return self.backend.count(graph)
        total = self.backend.count()
        return total if with_ontology else total - self.backend.count(ONTOLOGY_GRAPH)

    def has_graph(self, graph: URIRef) -> bool:
        return self.backend.has_graph(graph)

    @property
    def concurrent_reads(self) -> bool:
        """Whether queries may run beside each other and beside an update."""
        return self.backend.concurrent_reads

    # -- streaming reads, as pyoxigraph terms (what the writers serialize)
    def quads(self, graph: URIRef | None = None, *,
              with_ontology: bool = False) -> Iterator["ox.Quad"]:
        """One graph's quads, or every graph's (the ontology's left out unless asked for)
        plus what only the default graph holds."""
        if graph is not None:
            return self.backend.quads(graph)
        onto = ox.NamedNode(ONTOLOGY_IRI)
        return (q for q in self.backend.quads() if with_ontology or q.graph_name != onto)

    def triples(self, *, with_ontology: bool = False) -> Iterator["ox.Triple"]:
        """The union, each triple once: the ontology graph's triples left out unless asked."""
        skip = set() if with_ontology else {q.triple for q in self.backend.quads(ONTOLOGY_GRAPH)}
        return (t for t in self.backend.triples() if t not in skip)

    def sorted_lines(self, graph: URIRef | None = None, *, as_triples: bool, workdir: Path,
                     with_ontology: bool = False) -> Iterator[list[bytes]]:
        """One graph or the store as sorted N-Triples (`as_triples`) or N-Quads lines, a list
        at a time, the same bytes on every backend (what makes exports byte-identical)."""
        return self.backend.sorted_lines(
            graph, skip=None if with_ontology else ONTOLOGY_GRAPH,
            as_triples=as_triples, workdir=workdir, union_exact=self.union_exact)

    # -- writing
    def replace_graph(self, graph: URIRef, triples: Iterable[Triple],
                      previous: list | None = None) -> None:
        """Write one named graph in one transaction, replacing what it held. `previous`: the
        triples this process last wrote to the graph; the same list again is not written where
        that would leave the store as it is (Oxigraph; the memory backend's answers follow
        the order of its writes, so it writes again)."""
        self._check_writable()
        with self._disk("writing a graph"):
            self._drop_index()
            triples = list(triples)
            if previous is not None and getattr(self.backend, "same_graph_unchanged", False) \
                    and triples == previous and not any(
                        isinstance(t, BNode) for trip in triples for t in trip):
                return  # (blank nodes would be new ones: such a graph is written again)
            self.backend.replace_graph(graph, triples)

    def remove_graph(self, graph: URIRef) -> None:
        self._check_writable()
        with self._disk("removing a graph"):
            self._drop_index()
            self.backend.remove_graph(graph)

    def flush(self) -> None:
        with self._disk("flushing"):
            self.backend.flush()

    def close(self) -> None:
        if self.backend is not None:
            try:
                self.backend.close()  # a read-only backend also lets go of its snapshot
            except OSError as exc:  # a full disk: what was committed is in the log already
                if not is_disk_full(exc):
                    raise
            self.backend = None
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
