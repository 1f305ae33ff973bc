"""Build: read article files, extract, resolve against the store, write one graph per article.

`build(store, paths)` returns a BuildReport; the CLI only draws the progress bar around it.
"""
from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import Literal, URIRef

from .errors import DiskFull, InputError
from .ingest.readers import ArticleInput, iter_files, read_file
from .namespaces import resource_ns


@dataclass
class BuildReport:
    files: int = 0
    articles: int = 0
    written: int = 0
    unchanged: int = 0
    triples: int = 0
    facts: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # inputs taken as an earlier one, and why
    stopped: str | None = None  # why the build stopped before the end (a full disk)

    def summary(self) -> str:
        """'2 article(s) written, 1 unchanged, 0 skipped, 1 merged': an article read is written,
        unchanged, merged into another, or skipped (with the files that could not be read)."""
        return (f"{self.written} article(s) written, {self.unchanged} unchanged, "
                f"{len(self.errors)} skipped" + (f", {len(self.merged)} merged"
                                                 if self.merged else ""))


def content_hash(a: ArticleInput) -> str:
    meta = "|".join(str(x or "") for x in (a.title, a.published, a.url, a.publisher, a.dateline))
    return hashlib.sha256((meta + "\n" + a.text).encode("utf-8")).hexdigest()


def article_iri(a: ArticleInput) -> URIRef:
    """Stable, readable, derived from the article: its URL, else its headline (or opening
    words) and date. Editing the body keeps the IRI, so the article replaces its own graph."""
    from .extract.text import norm, slug

    opening = a.title or " ".join(a.text.split()[:30])
    key = a.url or f"{norm(opening)}|{a.published or ''}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return URIRef(f"{resource_ns()}article/{slug(opening, 6)}-{digest}")


def _name(a: ArticleInput, iri: URIRef) -> str:
    return a.source or a.title or str(iri)


def one_per_iri(articles: list[ArticleInput], report: BuildReport
                ) -> list[tuple[ArticleInput, URIRef]]:
    """The articles with their IRIs, the first of those that share an IRI (no URL, the same
    headline and date) standing for them all; each one left out is named in report.merged."""
    first: dict[URIRef, ArticleInput] = {}
    out = []
    for a in articles:
        iri = article_iri(a)
        kept = first.setdefault(iri, a)
        if kept is a:
            out.append((a, iri))
        elif content_hash(kept) == content_hash(a):
            report.merged.append(f"{_name(a, iri)}: a copy of {_name(kept, iri)} (the same "
                                 "headline, date and text); built once")
        else:
            same, fix = ((f"the same URL as {_name(kept, iri)}", "correct the url of either")
                         if a.url else
                         (f"the same headline and date as {_name(kept, iri)} and no URL",
                          "give either a url (or its own headline)"))
            report.merged.append(f"{_name(a, iri)}: {same}, so both are one article: "
                                 f"{_name(kept, iri)} was kept, {_name(a, iri)} left out; "
                                 f"{fix} to keep both")
    return out


def read_inputs(paths: list, report: BuildReport) -> list[ArticleInput]:
    articles: list[ArticleInput] = []
    for path in iter_files(paths):
        report.files += 1
        try:
            found = read_file(path)
        except InputError as exc:
            report.errors.append(str(exc))
            continue
        for a in found:
            report.warnings += a.notes
        articles.extend(found)
    return articles


def _stored_hash(store, iri: URIRef) -> str | None:
    """The content hash of the article the store holds under `iri`, if it holds one."""
    rows = store.query("SELECT ?a ?h WHERE { ?a a kg:Article ; kg:contentHash ?h }",
                       {"a": iri}).rows
    return str(rows[0][1]) if rows else None


def _stored_from(store, source: str) -> list[str]:
    """The article graphs the store holds read from the file `source`. Look-ups by article
    and by file, not a scan of every stored article: adding to a big store costs the same."""
    rows = store.query("SELECT ?a ?f WHERE { ?a kg:sourceFile ?f ; kg:contentHash ?h }",
                       {"f": Literal(source)}).rows
    return sorted({str(a) for a, _ in rows})


def build(store, paths: list, *, model: str | None = None, jobs: int = 1,
          progress: Callable[[str, int], None] | None = None,
          on_start: Callable[[int], None] | None = None) -> BuildReport:
    """Read, extract and write every article under `paths` into `store`."""
    report = BuildReport()
    articles = read_inputs(paths, report)
    try:
        return build_articles(store, articles, model=model, jobs=jobs, progress=progress,
                              on_start=on_start, report=report)
    except DiskFull as exc:  # each article graph is whole or absent; the next build finishes
        report.stopped = str(exc)
        return report


def _max_length(model: str | None) -> int:
    from .extract.nlp import load

    return load(model).max_length


def build_articles(store, articles: list[ArticleInput], *, model: str | None = None,
                   jobs: int = 1, progress: Callable[[str, int], None] | None = None,
                   on_start: Callable[[int], None] | None = None,
                   report: BuildReport | None = None) -> BuildReport:
    """Extract and write articles already read (text plus metadata) into `store`."""
    from .extract import index_file
    from .extract.nlp import load
    from .extract.resolve import StoreIndex

    report = report or BuildReport()
    report.articles = len(articles)
    unfinished = set(store.unfinished())  # graphs a killed build may have left half-resolved
    todo, replaced = [], False
    for a, iri in one_per_iri(articles, report):
        h = content_hash(a)
        had = _stored_hash(store, iri)
        if had == h and str(iri) not in unfinished:
            report.unchanged += 1
            continue
        replaced = replaced or (had is not None and str(iri) not in unfinished)
        for old in _stored_from(store, a.source) if a.source else []:
            if old != str(iri):
                store.remove_graph(URIRef(old))  # the file's article was edited: replace it
        todo.append((a, iri, h))
    limit = _max_length(model)
    for item in [t for t in todo if len(t[0].text) > limit]:
        todo.remove(item)  # spaCy would refuse it and stop the build: name it and go on
        report.errors.append(f"{item[0].source or item[1]}: {len(item[0].text):,} characters, over "
                             f"the parser's limit of {limit:,}; split it into smaller files")
    # Dated articles first: an undated one can then borrow the date of an event they share.
    todo.sort(key=lambda t: (t[0].published is None, str(t[0].published or ""), str(t[1])))
    if on_start:
        on_start(len(todo))
    leftover = unfinished - {str(iri) for _, iri, _ in todo}
    if not todo and not leftover:
        store.clear_unfinished()
        return report
    store.mark_unfinished([iri for _, iri, _ in todo])  # until the second pass is done
    for _, iri, _ in todo:
        if str(iri) in unfinished:
            store.remove_graph(iri)  # half-resolved by a killed build: resolve it afresh
    nlp = load(model)
    with _long_lived():
        # What the store holds (kept beside it by the last build, else read), kept up to date
        # as the build writes; `keeper` collects each graph's final form for the next build.
        kept, origin = index_file.load(store)
        keeper = index_file.Keeper(store, kept, origin)
        index = StoreIndex(store)
        index.fold(kept)
        gc.freeze()  # the index too
        stated_before = _stated_posts(index)
        docs = nlp.pipe((a.text for a, _, _ in todo), batch_size=16, n_process=max(1, jobs))
        revisit = first_pass(store, todo, docs, index, kept, report, progress, keeper.add)
        # Second look at articles that resolved against less than what the store now holds:
        # what later articles said (a post's state, a date) makes the result independent of
        # build order. A stored article is looked at again only when the batch answers its
        # open question.
        stated = {person for person, _ in _stated_posts(index) - stated_before}
        stored = _stored_neighbours(store, stated, {str(iri) for _, iri, _ in todo})
        stored += [s for s in _stored_articles(store, sorted(leftover))
                   if s[1] not in {x[1] for x in stored}]
        store.mark_unfinished([iri for _, iri, _ in stored])
        if len(todo) > 1 or stored:
            # The index as a fresh load would read it, from the rows kept: the store is read
            # once per build. A graph replaced in the first pass took its old triples with it,
            # which kept rows cannot forget: then the store is read again.
            index = StoreIndex(store)
            if not replaced and (revisit or stored):
                index.fold(kept)
            for ctx, restore, a, iri, h in revisit:
                restore()  # resolved again from the same extraction, not extracted again
                _write(store, index, ctx, a, iri, h)
            for (a, iri, h), doc in zip(stored, nlp.pipe(a.text for a, _, _ in stored)):
                _write(store, index, _extract(doc, a)[0], a, iri, h)
        for ctx, *_ in revisit:
            keeper.add(ctx.triples)
        store.flush()
    store.clear_unfinished()
    keeper.keep(only_added=not replaced and not stored)
    return report


@contextmanager
def _long_lived():
    """Python's cycle collector leaves alone what exists now (the model; the index once it is
    frozen too) until the block ends: a full collection walks every live object, and with the
    index of a big store the collections cost as much as extracting the articles (0.97 s of
    5.2 s adding 10 articles to 10,000). The youngest generation is collected after 20,000
    allocations instead of 700: an article's extraction makes tens of thousands of short-lived
    objects, and each early collection moved the live ones to be walked again later."""
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 20_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def first_pass(store, todo, docs, index, kept, report: BuildReport,
               progress: Callable[[str, int], None] | None = None,
               final: Callable | None = None) -> list:
    """Extract, resolve and write each article (with its parse) in turn, each resolved against
    the index and then added to it, and its graph to `kept` (index_rows.IndexRows), so that
    what was kept is what the store now holds; a graph not to be resolved again goes to
    `final` too. Returns the articles to resolve again."""
    revisit = []
    for (a, iri, h), doc in zip(todo, docs):
        ctx, restore = _extract(doc, a)
        _write(store, index, ctx, a, iri, h)
        kept.add(ctx.triples)
        if _could_improve(ctx):
            revisit.append((ctx, restore, a, iri, h))
        elif final:
            final(ctx.triples)
        report.written += 1
        report.triples += len(ctx.triples)
        report.facts += sum(1 for n in ctx.nodes.values() if n.spans)
        report.graphs.append(str(iri))
        name = Path(a.source).name if a.source else str(iri)
        report.warnings += [f"{name}: {w}" for w in ctx.warnings]
        if progress:
            progress(name, len(ctx.triples))
    return revisit


NEIGHBOUR_LIMIT = 200


def _stated_posts(index) -> set[tuple[URIRef, str]]:
    """(person, title) of every post the index knows with its state."""
    return {key for key, pos in index.posts.items() if index.post_state.get(pos)}


def _stored_neighbours(store, people: set[URIRef],
                       batch: set[str]) -> list[tuple[ArticleInput, URIRef, str]]:
    """Articles already in the store (not in the batch) that name one of `people` holding a
    post without its state: the batch has just given a post of theirs a state, so they may
    now resolve it. One look-up by person, not a join over the store."""
    found: set[URIRef] = set()
    for person in sorted(people):
        rows = store.query(
            "SELECT DISTINCT ?a ?p WHERE { ?a kg:mentions ?p ; a kg:Article . "
            "?p kg:holdsPosition ?pos . GRAPH ?a { ?pos a kg:Position "
            "FILTER NOT EXISTS { ?pos kg:positionIn ?c } } }", {"p": person}).rows
        found |= {a for a, _ in rows if str(a) not in batch}
    return _stored_articles(store, sorted(found)[:NEIGHBOUR_LIMIT])

def _stored_articles(store, iris) -> list[tuple[ArticleInput, URIRef, str]]:
    """Articles as the store keeps them (text and metadata), to resolve them again."""
    from datetime import date

    out = []
    for iri in map(URIRef, iris):
        rows = store.query("""SELECT ?a ?text ?hash ?title ?pub ?url ?publisher ?src ?place WHERE {
            ?a kg:text ?text ; kg:contentHash ?hash .
            OPTIONAL { ?a kg:title ?title } OPTIONAL { ?a kg:published ?pub }
            OPTIONAL { ?a kg:url ?url } OPTIONAL { ?a kg:sourceFile ?src }
            OPTIONAL { ?a kg:publisher/rdfs:label ?publisher }
            OPTIONAL { ?a kg:dateline/rdfs:label ?place } } LIMIT 1""", {"a": iri}).rows
        if not rows:
            continue
        _, text, h, title, pub, url, publisher, src, place = rows[0]
        art = ArticleInput(text=str(text), title=title and str(title),
                           published=date.fromisoformat(str(pub)) if pub else None,
                           url=url and str(url), publisher=publisher and str(publisher),
                           dateline=place and str(place), source=src and str(src))
        out.append((art, iri, str(h)))
    return out

def _extract(doc, a: ArticleInput):
    """The article's extraction, and how to put it back as it is now (before resolution)."""
    from .extract.pipeline import run_extractors
    from .extract.resolve import unresolved

    ctx = run_extractors(doc, a)
    return ctx, unresolved(ctx)


def _write(store, index, ctx, a: ArticleInput, iri: URIRef, h: str):
    """Resolve the extraction against the index, write its graph, and index what it says."""
    from .extract.resolve import resolve_article
    from .extract.triples import article_triples

    resolve_article(ctx, index, iri)
    triples = article_triples(ctx, a, iri, h)
    store.replace_graph(iri, triples, previous=ctx.triples or None)  # (revisited: the first)
    index.remember(ctx)
    ctx.triples = triples
    return ctx

def _could_improve(ctx) -> bool:
    """Whether resolving again against the finished batch may change the article's graph."""
    if ctx.reference is None:
        return True
    return any(n.kind == "Position" and not n.get("positionIn") for n in ctx.nodes.values()) \
        or any(n.kind == "Person" and " " not in n.label for n in ctx.nodes.values())
