"""Small text helpers: quotation spans, slugs, the one `norm` names are compared in, edit
distance, and `cut` (text shortened to a width with an ellipsis)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

OPENERS = {"\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", '"': '"'}
_MARK = re.compile("[\u201c\u2018\u00ab\"]")


def quote_spans(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Character spans of quoted passages (inside the marks), and whether marks were unbalanced.

    Curly and straight double quotes pair up; a single curly quote counts only where it opens at
    a word start (an apostrophe inside a word is not a quote). An unclosed quote runs to the end
    of its paragraph.
    """
    spans: list[tuple[int, int]] = []
    unbalanced = False
    i, n = 0, len(text)
    while i < n:
        m = _MARK.search(text, i)  # the next character that may open a quote
        if m is None:
            break
        i = m.start()
        ch = text[i]
        opens = ch in ("\u201c", "\u00ab") or (ch == '"') or (
            ch == "\u2018" and (i == 0 or not text[i - 1].isalnum()))
        if not opens:
            i += 1
            continue
        close = OPENERS[ch]
        j = i + 1
        para_end = text.find("\n\n", j)
        para_end = n if para_end < 0 else para_end
        while j < para_end:
            j = text.find(close, j, para_end)
            if j < 0:
                j = para_end
            elif close != "\u2019" or j + 1 >= n or not text[j + 1].isalpha():
                break
            else:
                j += 1
        if j >= para_end:
            unbalanced = True
            if para_end - i > 1:
                spans.append((i + 1, para_end))
            i = para_end
            continue
        if j > i + 1:
            spans.append((i + 1, j))
        i = j + 1
    return spans, unbalanced


# A paragraph that ends by introducing the next one as someone's words: 'X said:',
# 'X told The Guardian that:'.
_INTRODUCES = re.compile(r"\b(said|says|told|tells|stated|states|added|adds|explained|wrote|"
                         r"declared|remarked|commented|warned)\b[^.:\n]{0,60}:\s*$")
_NEXT_PARAGRAPH = re.compile(r"\n\s*\n([^\n]+)")


def block_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs quoted without marks (a block quotation whose formatting was lost): the one
    paragraph after a paragraph ending in 'said:' and holding no quotation marks of its own."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if not _INTRODUCES.search(m.group()):
            continue
        nxt = _NEXT_PARAGRAPH.match(text, m.end())
        if nxt is None:
            continue
        a, b = nxt.start(1), nxt.end(1)
        body = text[a:b]
        if len(body.split()) >= 4 and not any(ch in body for ch in OPENERS) and not any(
                x < b and a < y for x, y in spans):
            out.append((a, b))
    return sorted(spans + out)


def slug(text: str, max_words: int = 10) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = t.replace("'s ", " ").replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", t)[:max_words]
    return "-".join(words) or "x"


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower-cased words, for comparing names."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", t))


MINOR_WORDS = {"of", "for", "the", "and", "on", "in", "to", "&", "de", "du", "des", "la", "le", "del",
               "y", "e", "et", "und", "ng", "na", "van", "von", "der"}


def initials(name: str) -> set[str]:
    """What a body's name is shortened to: 'Federal Trade Commission' -> FTC, 'Voice of
    America' -> VA or VOA, 'Office of the United States Trade Representative' -> OUSTR or USTR
    (the office named by what it serves)."""
    name = re.sub(r"['\u2019]s\b", "", name)  # "Lord's Resistance Army" -> LRA
    words = re.findall(r"[A-Za-z][A-Za-z.\-]*", name)
    lower = [w.lower() for w in words]

    def letters(ws: list[str], keep: set[str]) -> str:
        out = ""
        for w in ws:
            bare = w.replace(".", "")
            if w.lower() in MINOR_WORDS and w.lower() not in keep:
                continue
            out += bare if bare.isupper() else w[0].upper()
        return out

    found = {letters(words, set()), letters(words, {"of"})}
    if "of" in lower[1:]:
        found.add(letters(words[lower.index("of", 1) + 1:], set()))
    return {f for f in found if len(f) >= 2}


def cut(text: str, size: int, *, tidy: bool = False) -> str:
    """White space folded, then at most `size` characters, ending in an ellipsis when cut
    (with `tidy`, no space left before the ellipsis)."""
    text = " ".join(str(text).split())
    if len(text) <= size:
        return text
    kept = text[:max(size - 1, 1)]
    return (kept.rstrip() if tidy else kept) + "\u2026"


def clean(text: str) -> str:
    """Collapse white space and strip surrounding punctuation and quote marks."""
    t = re.sub(r"\s+", " ", text).strip()
    return t.strip(" ,;:\u201c\u201d\u2018\u2019\"'")


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance (rapidfuzz); anything over `limit` is limit + 1."""
    return Levenshtein.distance(a, b, score_cutoff=limit)
