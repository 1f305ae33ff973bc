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


def _mount(*args) -> bool:
    import subprocess

    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture()
def read_only_view(tmp_path):
    """make(path) -> a view of the directory `path` that this process cannot write: a read-only
    bind mount as root (file modes do not stop root), the write bits taken away otherwise.
    Skips, with the reason, where neither can be done."""
    import os
    import subprocess

    mounted = []

    def make(path: Path) -> Path:
        if os.geteuid() != 0:
            subprocess.run(["chmod", "-R", "a-w", str(path)], check=True)
            mounted.append(("chmod", path))
            return path
        view = tmp_path / f"ro{len(mounted)}"
        view.mkdir()
        if not (_mount("--bind", str(path), str(view))):
            pytest.skip("running as root and cannot bind-mount (needs CAP_SYS_ADMIN): no way "
                        "to make a directory root cannot write")
        mounted.append(("mount", view))
        if not _mount("-o", "remount,ro,bind", str(view)):
            pytest.skip("cannot remount a bind mount read-only here")
        return view

    yield make
    for kind, path in reversed(mounted):
        if kind == "mount":
            subprocess.run(["umount", str(path)], capture_output=True)
        else:
            subprocess.run(["chmod", "-R", "u+w", str(path)], capture_output=True)


@pytest.fixture()
def small_tmpfs(tmp_path):
    """make(megabytes) -> a directory on a tmpfs of that size (real ENOSPC when it fills).
    Skips, with the reason, where this process may not mount one (not root, no CAP_SYS_ADMIN)."""
    import subprocess

    mounted = []

    def make(megabytes: int) -> Path:
        where = tmp_path / f"tmpfs{len(mounted)}"
        where.mkdir()
        if not _mount("-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(where)):
            pytest.skip("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN), so there is "
                        "no real full disk to test on")
        mounted.append(where)
        return where

    yield make
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def pytest_collection_finish(session):
    """With KG_RELIABILITY_FIGURES=FILE, write each collected test item and the hostile inputs
    or faults it tries (its `tries` mark) to FILE: tests/reliability/test_figures.py counts them."""
    import json
    import os

    out = os.environ.get("KG_RELIABILITY_FIGURES")
    if not out:
        return
    items = []
    for item in session.items:
        mark = item.get_closest_marker("tries")
        items.append({"test": item.nodeid, "tries": list(mark.args) if mark else []})
    with open(out, "w", encoding="utf-8") as f:
        json.dump(items, f, indent=1)
