"""kg eval --gold: build a gold corpus, score it, print the table (or JSON)."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import UsageError


def gold_eval(folder: Path, *, split: str, min_f1: float, errors: bool, kinds, as_json: bool,
              verbose: bool, store=None) -> int:
    from ..gold import KINDS, evaluate_corpus, totals
    from ..gold import report

    if split not in ("dev", "test", "all"):
        raise UsageError(f"--split is dev, test or all, not {split!r}")
    unknown = set(kinds or []) - set(KINDS)
    if unknown:
        raise UsageError(f"unknown fact kind(s) {', '.join(sorted(unknown))}; "
                         f"kinds: {', '.join(KINDS)}")
    scores, build_report = evaluate_corpus(folder, store)
    for e in build_report.errors:
        typer.echo(f"kg: skipped {e}", err=True)
    chosen = [s for s in scores if split == "all" or s.gold.split == split]
    if as_json:
        typer.echo(json.dumps(report.as_json(chosen), indent=2))
    else:
        if errors:
            for line in report.errors(chosen, kinds):
                typer.echo(line)
        if verbose:
            for line in report.per_article(chosen):
                typer.echo(line)
        for line in report.table(chosen):
            typer.echo(line)
    f1 = totals(chosen)["overall"].f1 or 0.0
    if f1 < min_f1:
        typer.echo(f"kg: overall F1 {f1:.3f} is below --min-f1 {min_f1}", err=True)
        return 1
    return 0
