"""The README's reliability figures are the ones these tests reach: every test here names the
hostile inputs or faults it tries (its `tries` mark; a parametrised test tries them once per
case), and the README states their total, the number of kills the build survives and the
examples the property tests generate."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

HERE = Path(__file__).resolve().parent


def tried() -> list[dict]:
    out = HERE / ".figures.json"
    try:
        res = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                              "-p", "no:cacheprovider", str(HERE)], cwd=ROOT,
                             capture_output=True, text=True, timeout=300,
                             env=dict(os.environ, KG_RELIABILITY_FIGURES=str(out)))
        assert res.returncode == 0, res.stdout + res.stderr
        return json.loads(out.read_text(encoding="utf-8"))
    finally:
        out.unlink(missing_ok=True)


def test_the_readme_states_the_figures_the_tests_reach():
    from test_kill_build import KILLS
    from test_properties import LITERALS, TEXTS

    items = [i for i in tried() if not i["test"].startswith("tests/reliability/test_figures.py")]
    assert [i["test"] for i in items if not i["tries"]] == []  # every test is counted
    total = sum(len(i["tries"]) for i in items)
    assert total >= 50  # a sanity floor: the collection did find the tests
    section = (ROOT / "README.md").read_text(encoding="utf-8").split(
        "## What kg guarantees")[1].split("\n## ")[0]
    figures = re.search(r"(\d+)\s+hostile\s+inputs\s+and\s+faults.*?(\d+)\s+kills", section,
                        re.S)
    assert figures, "the README's reliability section states no figures"
    assert (int(figures.group(1)), int(figures.group(2))) == (total, KILLS)
    assert f"{TEXTS} generated article texts and {LITERALS} generated literals" in \
        " ".join(section.split())
