"""Odd input never hangs or crashes a build: verbless fragments, bare numbers, stray quote
marks, emoji, right-to-left text, markdown tables, a run-on line with no sentence end."""
import signal

import pytest

from kg.build import build_articles
from kg.ingest.readers import ArticleInput

from conftest import ROOT

ODD = [
    "12,345 67.8 9 $ % 1e5 2024-13-45",
    "Fentanyl crisis: 100,000 deaths, $5 billion, 3 ministries",
    '"""',
    "\u201c\u201d \u2018\u2019 said he. \u201cgo\u201d",
    "\U0001F680 Rocket launch \U0001F680 scheduled for Tuesday (May 9) at 10:00",
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 "
    "\u0647\u0630\u0627 \u0646\u0635",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "word " * 3000,
    "Minister. President. Secretary of State. Director General.",
]


def _alarm(signum, frame):
    raise TimeoutError("extraction did not finish")


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_text_builds_quickly(memory_store, text):
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(60)
    try:
        report = build_articles(memory_store, [ArticleInput(text=text)])
    finally:
        signal.alarm(0)
    assert report.written == 1
    assert not any("failed" in w for w in report.warnings), report.warnings


def test_the_readme_as_an_article(memory_store):
    from kg.ingest.readers import read_file

    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(120)
    try:
        report = build_articles(memory_store, read_file(ROOT / "README.md"))
    finally:
        signal.alarm(0)
    assert report.written == 1
