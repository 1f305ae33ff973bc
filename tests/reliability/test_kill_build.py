"""A build killed at any moment (loading, first pass, the revisit of articles, the final writes)
is repaired by the next build: the store then equals a clean build, byte for byte."""
import filecmp
import shutil
import subprocess
import sys
import time

import pytest

from conftest import DATA

KG = [sys.executable, "-m", "kg.cli"]
KILLS = 30


@pytest.mark.slow
@pytest.mark.tries("kill -9 during a build (KILLS of them)")
def test_every_kill_is_repaired_by_the_next_build(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in list(DATA.iterdir()) + list((DATA.parent / "tests" / "own_corpus" / "articles")
                                         .iterdir()):
        shutil.copy(f, src / f.name)
    ref = tmp_path / "ref"
    times = []
    for store in (tmp_path / "warm", ref):  # the second, warm build sets the pace
        start = time.monotonic()
        assert subprocess.run(KG + ["--store", str(store), "build", str(src)],
                              capture_output=True).returncode == 0
        times.append(time.monotonic() - start)
    took = min(times)
    assert subprocess.run(KG + ["--store", str(ref), "export", "-o", str(tmp_path / "ref.nq")],
                          capture_output=True).returncode == 0
    killed_during = 0
    for k in range(KILLS):
        store = tmp_path / f"s{k}"
        proc = subprocess.Popen(KG + ["--store", str(store), "build", str(src)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(took * (0.25 + 0.7 * k / KILLS))  # from loading to the last writes
        killed_during += proc.poll() is None
        proc.kill()
        proc.wait()
        again = subprocess.run(KG + ["--store", str(store), "build", str(src)],
                               capture_output=True, text=True)
        assert again.returncode == 0, again.stderr
        out = tmp_path / f"s{k}.nq"
        subprocess.run(KG + ["--store", str(store), "export", "-o", str(out)], check=True,
                       capture_output=True)
        assert filecmp.cmp(out, tmp_path / "ref.nq", shallow=False), \
            f"kill {k} after {took * (0.25 + 0.7 * k / KILLS):.2f} s: the rebuild differs"
        shutil.rmtree(store)
    assert killed_during >= 20  # the kills did land while the build ran
