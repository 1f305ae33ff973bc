"""Shared fixtures: the seed articles built into a real store, on each backend."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TESTDATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    from kg.extract.nlp import load

    return load()


def _built(location):
    from kg.build import build
    from kg.store import Store

    store = Store(location)
    build(store, [str(DATA)])
    return store


@pytest.fixture(scope="session")
def seed_memory():
    store = _built("memory")
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_oxigraph(tmp_path_factory):
    store = _built(str(tmp_path_factory.mktemp("seedstore") / "store"))
    yield store
    store.close()


@pytest.fixture()
def memory_store():
    from kg.store import Store

    store = Store("memory")
    yield store
    store.close()


@pytest.fixture()
def disk_store(tmp_path):
    from kg.store import Store

    store = Store(str(tmp_path / "store"))
    yield store
    store.close()


@pytest.fixture()
def extract(nlp):
    """Run the extractors on a text (with an optional publication date) and return the context."""
    from kg.extract.pipeline import run_extractors
    from kg.extract.resolve import StoreIndex, resolve_article
    from kg.ingest.dates import parse_date
    from kg.ingest.readers import ArticleInput
    from rdflib import URIRef

    def run(text: str, published: str | None = "2024-03-05", publisher: str | None = None):
        art = ArticleInput(text=text, published=parse_date(published) if published else None,
                           publisher=publisher)
        ctx = run_extractors(nlp(text), art)
        resolve_article(ctx, StoreIndex(None), URIRef("https://example.org/article/test"))
        return ctx
    return run


def need(tool: str):
    return pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} is not installed")
