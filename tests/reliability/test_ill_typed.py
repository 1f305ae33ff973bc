"""Ill-typed literals ("x"^^xsd:boolean) are shown as written, in every format, without a
traceback, and `kg validate` reports them."""
import subprocess
import sys

import pytest

KG = [sys.executable, "-m", "kg.cli"]
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("ill") / "st")
    res = subprocess.run(KG + ["--store", path, "query",
                               f'INSERT DATA {{ <urn:a> <urn:b> "x"^^<{XSD}boolean> , '
                               f'"abc"^^<{XSD}integer> }}'], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return path


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml", "vertical", "md"])
@pytest.mark.tries("ill-typed literals in a result format")
def test_shown_as_written(store, fmt):
    res = subprocess.run(KG + ["--store", store, "query", "SELECT ?o WHERE { <urn:a> ?p ?o }",
                               "--format", fmt], capture_output=True, text=True)
    assert res.returncode == 0 and "Traceback" not in res.stderr and not res.stderr.strip()
    assert "abc" in res.stdout and "x" in res.stdout and "false" not in res.stdout.lower()


@pytest.mark.tries("ill-typed literals under kg validate")
def test_validate_reports_them(store):
    res = subprocess.run(KG + ["--store", store, "validate"], capture_output=True, text=True)
    assert res.returncode == 1
    assert "'x' is not a valid xsd:boolean" in res.stdout + res.stderr
    assert "'abc' is not a valid xsd:integer" in res.stdout + res.stderr
