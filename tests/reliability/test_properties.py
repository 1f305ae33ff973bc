"""Property tests: any article text is read without a crash and every fact's offsets point into
it; any literal survives an export and re-import through every format."""
import io

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import UsageError
from kg.export import export, format_for
from kg.store import Store

NEWS = st.sampled_from([
    "President Ana Lima said on Tuesday that Peru and Chile signed a trade deal.",
    '"We will rebuild," the mayor said. ', "At least 40 people died, police said. ",
    "The central bank raised rates to 5.25 percent. ", "\u201cNo comment,\u201d he added.",
    "Earthquake hits Quito (AFP) - ", "\n\n", " (", ")", "\u00e9", "\U0001F600", "\t",
])
TEXTS, LITERALS = 60, 40  # examples per run; the README states them (test_figures.py)
TEXT = st.lists(st.one_of(NEWS, st.text(max_size=40)), max_size=12).map("".join)


@pytest.fixture(scope="module")
def nlp():
    from kg.extract.nlp import load

    return load()


@settings(max_examples=TEXTS, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
@pytest.mark.tries("arbitrary article text (hypothesis)")
def test_any_text_extracts_and_offsets_point_into_it(nlp, text):
    from kg.extract.pipeline import run_extractors
    from kg.ingest.readers import ArticleInput, strip_controls

    text = strip_controls(text)
    ctx = run_extractors(nlp(text), ArticleInput(text=text))
    for node in ctx.nodes.values():
        for start, end in node.spans:
            assert 0 <= start < end <= len(text)
            assert text[start:end] == text[start:end].strip()


LITERAL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=LITERALS, deadline=None)
@given(value=LITERAL)
@pytest.mark.tries("arbitrary literals through six formats (hypothesis)")
def test_any_literal_round_trips_through_every_format(value):
    store = Store("memory")
    try:
        store.replace_graph(URIRef("https://example.org/g"), [
            (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(value))])
        for name in ("ttl", "nt", "nq", "trig", "jsonld", "rdf"):
            fmt = format_for(f"x.{name}")
            buf = io.BytesIO()
            try:
                export(store, buf, fmt)
            except UsageError:
                assert name == "rdf"  # control characters: RDF/XML says so instead of lying
                continue
            got = {q.object.value for q in ox.parse(buf.getvalue(), format=fmt.ox)
                   if isinstance(q.object, ox.Literal)}
            assert value in got, name
    finally:
        store.close()
