"""Expected faults give one clear line naming the file or the cause, the rest of the work goes
on, and nothing is an internal error."""
import json
import os
import socket
import subprocess
import sys

import pytest

KG = [sys.executable, "-m", "kg.cli"]


def kg(*args, cwd=None):
    return subprocess.run(KG + list(args), capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "nested.json").write_text("[" * 50000 + "]" * 50000)
    (d / "types.json").write_text(json.dumps({"text": "Ana Lima met Bo Chen in Lima.",
                                              "title": ["a", "b"]}))
    (d / "lines.jsonl").write_text(json.dumps({"text": "Ana Lima met Bo Chen in Quito."}) +
                                   "\n{bad\n" + json.dumps({"text": "Carlos Ruiz visited Quito."}) +
                                   "\n")
    (d / "fm.md").write_text("---\ntitle: Talks\nno colon here\n---\nAna Lima met Bo Chen.\n")
    (d / os.fsdecode(b"bad\xffname.txt")).write_text("Officials from Peru and Chile met.\n")
    return d


@pytest.mark.tries("deeply nested JSON",
                   "a list as a title",
                   "a bad line in a JSONL file",
                   "malformed front matter",
                   "a file name that is not UTF-8")
def test_hostile_inputs_are_named_and_the_rest_builds(tmp_path, inputs):
    res = kg("--store", str(tmp_path / "st"), "build", str(inputs))
    assert res.returncode == 0, res.stderr
    assert "internal error" not in res.stderr and "Traceback" not in res.stderr
    assert "nested.json" in res.stderr and "nested too deeply" in res.stderr
    assert "types.json" in res.stderr and "'title' is a list" in res.stderr
    assert "lines.jsonl:2" in res.stderr and "fm.md:3" in res.stderr
    # two good JSONL lines, the markdown file (front matter kept), the oddly named file
    assert res.stdout.startswith("4 article(s) written")


@pytest.mark.tries("an export folder that does not exist",
                   "a serve port out of range",
                   "a serve port in use")
def test_export_to_a_missing_folder_and_bad_ports(tmp_path):
    store = str(tmp_path / "st")
    assert kg("--store", store, "query", "INSERT DATA { <urn:a> <urn:b> 1 }").returncode == 0
    res = kg("--store", store, "export", "-o", str(tmp_path / "nope" / "g.ttl"))
    assert res.returncode == 2 and "does not exist" in res.stderr
    res = kg("--store", store, "serve", "--port", "99999")
    assert res.returncode == 2 and "--port" in res.stderr
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    try:
        res = kg("--store", store, "serve", "--port", str(busy.getsockname()[1]))
    finally:
        busy.close()
    assert res.returncode == 2 and "cannot listen" in res.stderr
    assert "internal error" not in res.stderr


@pytest.mark.tries("an article over the parser's length limit")
def test_an_article_over_the_parser_limit_is_named_and_the_build_goes_on():
    from kg.build import build_articles
    from kg.ingest.readers import ArticleInput
    from kg.store import Store

    store = Store("memory")
    try:
        report = build_articles(store, [ArticleInput(text="Ana Lima met Bo Chen. " * 100_000,
                                                     source="huge.txt"),
                                        ArticleInput(text="Ana Lima met Bo Chen in Quito.",
                                                     source="small.txt")])
    finally:
        store.close()
    assert report.written == 1
    assert len(report.errors) == 1 and "huge.txt" in report.errors[0]
    assert "limit" in report.errors[0]
