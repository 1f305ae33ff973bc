"""The README's tour shows what kg prints today: every `$ kg …` command in it is run on a fresh
store and its output compared (bench/readme_tour.py regenerates them)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_readme_tour_is_what_kg_prints():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "readme_tour.py"), "--check"],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr + "\nrun: python bench/readme_tour.py"
