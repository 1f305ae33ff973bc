"""Read gold files (YAML, one per article) and check them against the format in
tests/corpus/README.md; a malformed file is one clear error naming the file and the fact.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

KINDS = ("entities", "posts", "members", "quotes", "claims", "events", "agreements",
         "statistics")

# The fields each kind of fact may have; the first ones listed are required.
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "entities": (("name", "class"), ("aka",)),
    "posts": (("person", "post"), ("of",)),
    "members": (("member", "org", "role"), ()),
    "quotes": (("speaker", "text"), ()),
    "claims": (("claimant", "text"), ("disputed_by",)),
    "events": (("class",), ("participants", "agent", "target", "date", "place", "what")),
    "agreements": (("parties",), ("what", "date")),
    "statistics": (("value",), ("unit", "measure", "qualifier", "period", "place", "source")),
}

ENTITY_CLASSES = {"Person", "Organization", "GovernmentBody", "Company", "CriminalOrganization",
                  "Delegation", "WorkingGroup", "Country", "Place", "Substance"}
EVENT_CLASSES = {"Meeting", "Summit", "EnforcementAction", "CourtDecision", "Election", "Vote",
                 "NaturalDisaster", "Accident", "Attack", "Protest", "Strike", "Outbreak",
                 "Launch", "Appointment", "Resignation", "RateDecision", "Acquisition", "Death",
                 "Announcement"}


@dataclass
class GoldArticle:
    path: Path
    article: Path
    split: str
    kind: str
    facts: dict[str, list[dict]] = field(default_factory=dict)


def load_gold(folder: str | Path) -> list[GoldArticle]:
    """Every gold file under `folder` (a corpus folder with gold/ and articles/, or gold/ itself)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder (give the corpus folder holding gold/)")
    gold_dir = folder / "gold" if (folder / "gold").is_dir() else folder
    files = sorted(p for p in gold_dir.iterdir() if p.suffix in (".yaml", ".yml"))
    if not files:
        raise InputError(f"{gold_dir}: no gold files (*.yaml)")
    return [read_gold(p) for p in files]


def read_gold(path: Path) -> GoldArticle:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise InputError(f"{path}{where}: malformed YAML ({getattr(exc, 'problem', exc)})") \
            from None
    if not isinstance(data, dict) or "article" not in data:
        raise InputError(f"{path}: a gold file is a mapping with 'article' and fact lists")
    unknown = set(data) - {"article", "split", "kind", *KINDS}
    if unknown:
        raise InputError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}")
    article = path.parent.parent / "articles" / str(data["article"])
    if not article.is_file():
        article = path.parent / str(data["article"])
    if not article.is_file():
        raise InputError(f"{path}: its article {data['article']} is not in ../articles")
    split = str(data.get("split") or "dev")
    if split not in ("dev", "test"):
        raise InputError(f"{path}: split is 'dev' or 'test', not {split!r}")
    facts = {kind: _facts(path, kind, data.get(kind) or []) for kind in KINDS}
    return GoldArticle(path, article, split, str(data.get("kind") or ""), facts)


def _facts(path: Path, kind: str, items) -> list[dict]:
    if not isinstance(items, list):
        raise InputError(f"{path}: {kind} is a list")
    required, optional = FIELDS[kind]
    out = []
    for n, item in enumerate(items, start=1):
        where = f"{path}: {kind} #{n}"
        if not isinstance(item, dict):
            raise InputError(f"{where}: each fact is a mapping")
        missing = [f for f in required if item.get(f) in (None, "", [])]
        extra = set(item) - set(required) - set(optional)
        if missing or extra:
            raise InputError(f"{where}: " + "; ".join(
                ([f"needs {', '.join(missing)}"] if missing else [])
                + ([f"unknown field(s) {', '.join(sorted(extra))}"] if extra else [])))
        _check_class(where, kind, item)
        out.append(item)
    return out


def _check_class(where: str, kind: str, item: dict) -> None:
    allowed = {"entities": ENTITY_CLASSES, "events": EVENT_CLASSES}.get(kind)
    if allowed and item["class"] not in allowed:
        raise InputError(f"{where}: class {item['class']!r} is not one of "
                         f"{', '.join(sorted(allowed))}")
    if kind == "members" and item["role"] not in ("member", "leads"):
        raise InputError(f"{where}: role is 'member' or 'leads'")
