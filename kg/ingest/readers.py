"""Readers turn files into articles: text plus metadata. Registered by file suffix.

A reader raises InputError naming the file (and the line for JSON Lines) when it cannot read it;
the build reports that and goes on with the other files.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

import frontmatter
import yaml

from ..errors import InputError
from ..registry import Registry
from .dates import parse_date

READERS = Registry("readers", duplicate="a reader for {name} is already registered")


@dataclass
class ArticleInput:
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    source: str | None = None
    notes: list[str] = field(default_factory=list)  # what the reader fixed or left out


def reader(*suffixes: str) -> Callable[[Callable[[Path], list[ArticleInput]]], Callable]:
    """Register a reader for file suffixes; a suffix registered twice is an error."""
    return READERS(*suffixes)


def suffixes() -> list[str]:
    return READERS.names()


def path_text(path: Path) -> str:
    """A path as text that any RDF store accepts: bytes of a file name that are not UTF-8 show
    as U+FFFD."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: looks binary, not text; skipped")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start}); convert it with iconv") from None
    if not text.strip():
        raise InputError(f"{path}: empty; skipped")
    return strip_controls(text)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_controls(text: str) -> str:
    """Article text without control characters (no news text needs them, and XML 1.0 cannot
    hold them: every export must parse)."""
    return _CONTROL.sub("", text)


# "date 2024-01-30 Beijing, (APP - UrduPoint / Pakistan Point News - 30th Jan, 2024) Body..."
_DATE_LINE = re.compile(
    r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?:(?P<place>[A-Z][\w.' -]{1,40}?),\s*)?"
    r"(?:\((?P<paren>[^()]{1,200})\)\s*)?")
# "BEIJING, Jan 30 (Reuters) - Body..."
_WIRE_LINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'-]{1,40}?),?\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"\s*\((?P<paren>[A-Za-z .&/-]{2,40})\)\s*[-\u2013\u2014:]+\s*")


# "WASHINGTON – Body", "Washington, D.C., Dec. 15, 2008 - Body", "Washington, DC - Body",
# "Washington -- Body": a press release's dateline. A lone title-case word before a single
# dash ("Israel - Hamas talks …") is not one.
_RELEASE_LINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}"
    r"(?P<region>, [A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]+)?)?)"
    r"(?:,? (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
    r"\s+(?P<dash>--|[-\u2013\u2014])\s+(?=[A-Z\"\u201c])")


def _release_line(text: str):
    m = _RELEASE_LINE.match(text)
    if m is None:
        return None
    first = m.group("place").split()[0]
    if first.isupper() or m.group("region") or m.group("date") or m.group("dash") != "-":
        return m
    return None


def _place_case(place: str) -> str:
    """A dateline's place as a name: 'WASHINGTON, DC' -> 'Washington, D.C.', 'AUSTIN, TX' ->
    'Austin, TX', 'NAIROBI' -> 'Nairobi'."""
    place = place.strip().rstrip(",")
    if re.fullmatch(r"(?i)washington,?\s*d\.?\s*c\.?", place):
        return "Washington, D.C."
    city, comma, region = place.partition(", ")
    if city.isupper() and not place.isupper():
        return f"{city.title()}{comma}{region}"  # "NEW ORLEANS, La."
    if not place.isupper():
        return place
    return re.sub(r", ([A-Z][a-z])$", lambda m: ", " + m.group(1).upper(), place.title())


def dateline_place(dateline: str | None) -> str | None:
    """The place a dateline names, as the body would name it: 'NEW ORLEANS, La.' -> 'New
    Orleans', 'Austin, TX' -> 'Austin' (a state's short form after the city is where it lies);
    'Washington, D.C.' stays whole."""
    if not dateline or dateline == "Washington, D.C.":
        return dateline
    m = re.fullmatch(r"(.+?), ([A-Z][A-Za-z]{0,3}\.?(?:[A-Z]\.)?)", dateline.strip())
    city = m.group(1) if m else dateline
    return city.title() if city.isupper() else city


def split_dateline(text: str) -> tuple[dict, str]:
    """Metadata from a dateline at the start of the text, and the body after it."""
    for pattern in (_DATE_LINE, _WIRE_LINE):
        m = pattern.match(text)
        if not m:
            continue
        meta: dict = {}
        if m.group("date"):
            meta["published"] = parse_date(m.group("date"))
        if m.group("place"):
            meta["dateline"] = _place_case(m.group("place"))
        paren = m.group("paren")
        if paren:
            parts = [p.strip() for p in re.split(r"\s+[-\u2013\u2014]\s+", paren) if p.strip()]
            names = [p for p in parts if parse_date(p) is None]
            if names:
                meta["publisher"] = max(names, key=len)
            if "published" not in meta or meta["published"] is None:
                dates = [parse_date(p) for p in parts if parse_date(p)]
                if dates:
                    meta["published"] = dates[0]
        return meta, text[m.end():]
    m = _release_line(text)
    if m is not None:
        meta = {"dateline": _place_case(m.group("place"))}
        if m.group("date"):
            meta["published"] = parse_date(m.group("date"))
        return {k: v for k, v in meta.items() if v}, text[m.end():]
    return {}, text


def _headline(body: str) -> str | None:
    """A short first line followed by more text is the headline."""
    lines = body.strip().split("\n", 1)
    if len(lines) == 2 and lines[1].strip() and 3 <= len(lines[0].split()) <= 30:
        return lines[0].strip()
    return None


@reader(".txt")
def read_text(path: Path) -> list[ArticleInput]:
    raw = _decode(path)
    meta, body = split_dateline(raw)
    title = None if meta else _headline(body)
    if title and not meta:  # "Headline\nBEIJING (AP) — Body": a dateline under the headline
        first, rest = body.strip().split("\n", 1)
        lead = rest.lstrip("\n")
        meta, after = split_dateline(lead)
        if meta:
            body = first + "\n\n" + after
    return [ArticleInput(text=body, title=title, source=path_text(path), **meta)]


_YAML = frontmatter.YAMLHandler()


def front_matter(raw: str, path: Path) -> tuple[dict, str, list[str]]:
    """The YAML front matter of a Markdown file (keys lower-cased, dates and numbers as text),
    the body after it, and notes on what was left out."""
    if not _YAML.detect(raw):
        return {}, raw, []
    try:
        fm, content = _YAML.split(raw)
    except ValueError:  # an opening '---' and no closing one: no front matter
        return {}, raw, []
    lead = re.match(r"\s*\n", content)  # the blank lines after the closing '---'
    body = content[lead.end():] if lead else content
    try:
        fields = _YAML.load(fm)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""  # fm starts on the line of the first '---'
        problem = getattr(exc, "problem", None) or "not YAML"
        return {}, body, [f"{path}{where}: front matter is not 'key: value' YAML ({problem}); "
                          "ignored"]
    if fields is None:
        return {}, body, []
    if not isinstance(fields, dict):
        return {}, body, [f"{path}: front matter is not 'key: value' pairs; ignored"]
    return {str(k).lower(): _scalar_text(v) for k, v in fields.items()}, body, []


def _scalar_text(value):
    """YAML reads '2025-05-09' as a date and '7' as a number; kg reads them as the text written.
    Lists and mappings stay as they are (and are refused as a field of the wrong type)."""
    if value is None or isinstance(value, (str, list, dict)):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@reader(".md", ".markdown")
def read_markdown(path: Path) -> list[ArticleInput]:
    raw = _decode(path)
    fields, body, notes = front_matter(raw, path)
    title = fields.get("title")
    if not title:
        h = re.match(r"\s*#\s+(.+)\n", body)
        title = h.group(1).strip() if h else None
    article = _from_record({**fields, "text": body, "title": title}, path)
    article.notes += notes
    return [article]


def _from_record(rec: dict, path: Path, where: str = "") -> ArticleInput:
    text = rec.get("text") or rec.get("body") or rec.get("content")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{path}{where}: record has no 'text'; skipped")
    text = strip_controls(text)
    for key in ("title", "url", "publisher", "date"):
        if rec.get(key) is not None and not isinstance(rec[key], (str, int, float)) or \
                key in ("title", "url", "publisher") and isinstance(rec.get(key), (int, float)):
            raise InputError(f"{path}{where}: '{key}' is a {type(rec[key]).__name__}, not text; "
                             "skipped")
    meta, body = split_dateline(text)
    published = parse_date(str(rec["date"])) if rec.get("date") else meta.get("published")
    if rec.get("date") and published is None:
        raise InputError(f"{path}{where}: cannot read the date {rec['date']!r} (use YYYY-MM-DD)")
    return ArticleInput(
        text=body, title=rec.get("title") or None, published=published,
        url=rec.get("url") or None, publisher=rec.get("publisher") or meta.get("publisher"),
        dateline=meta.get("dateline"), source=path_text(path) + where)


@reader(".json")
def read_json(path: Path) -> list[ArticleInput]:
    raw = _decode(path)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: malformed JSON ({exc.msg})") from None
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply to be an article; skipped") from None
    records = data if isinstance(data, list) else [data]
    if not all(isinstance(r, dict) for r in records):
        raise InputError(f"{path}: expected an object or a list of objects with 'text'")
    return [_from_record(r, path, f"#{i}" if len(records) > 1 else "")
            for i, r in enumerate(records)]


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path) -> list[ArticleInput]:
    """One article per line; a bad line is named and left out, the good lines still build."""
    raw = _decode(path)
    out, problems = [], []
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise InputError(f"{path}:{n}: expected an object with 'text'; skipped")
            out.append(_from_record(rec, path, f":{n}"))
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{n}: malformed JSON ({exc.msg}); skipped")
        except RecursionError:
            problems.append(f"{path}:{n}: JSON nested too deeply; skipped")
        except InputError as exc:
            problems.append(str(exc))
    if not out and problems:
        raise InputError(problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1
                                        else ""))
    if out:
        out[0].notes += problems
    return out


def iter_files(paths: list[str | Path]) -> Iterator[Path]:
    """Files to read under the given paths, in a stable order; unknown suffixes are skipped."""
    for p in map(Path, paths):
        if not p.exists():
            raise InputError(f"{p}: no such file or directory")
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file()
                              and f.suffix.lower() in READERS and not f.name.startswith("."))
        else:
            yield p


def read_file(path: Path) -> list[ArticleInput]:
    fn = READERS.get(path.suffix.lower())
    if fn is None:
        raise InputError(f"{path}: unknown file type; kg reads {', '.join(suffixes())}")
    return fn(path)
