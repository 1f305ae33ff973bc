"""A full disk (a real tmpfs, filled): an import or a build says so in one line, the files after
it still import, what the store held is intact, and the next build, with room, finishes."""
import os
import subprocess
import sys

import pytest

from conftest import DATA, ROOT

KG = [sys.executable, "-m", "kg.cli"]
MORE = ROOT / "tests" / "own_corpus" / "articles"


def kg(store, *args):
    res = subprocess.run(KG + ["--store", str(store), *args], capture_output=True, text=True,
                         timeout=300)
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr, res.stderr
    return res


def fill(disk, leave: int):
    """Take all but `leave` bytes of the file system holding `disk`."""
    st = os.statvfs(disk)
    with open(disk / "filler", "wb") as f:
        os.posix_fallocate(f.fileno(), 0, st.f_bavail * st.f_frsize - leave)


def errors(res) -> list[str]:
    return [line for line in res.stderr.splitlines()
            if line.strip() and not line.startswith("kg: warning:")]


@pytest.mark.slow
@pytest.mark.tries("a full disk during an import", "a full disk during a build")
def test_a_full_disk_is_one_line_and_the_store_keeps_what_it_held(tmp_path, small_tmpfs):
    disk = small_tmpfs(40)
    store = disk / "st"
    assert kg(store, "build", str(DATA)).returncode == 0
    assert kg(store, "export", "-o", str(tmp_path / "before.nq")).returncode == 0
    before = set((tmp_path / "before.nq").read_text().splitlines())
    fill(disk, leave=300_000)

    big, tiny = tmp_path / "big.nt", tmp_path / "tiny.ttl"
    with open(big, "w") as f:
        for i in range(100_000):
            f.write(f'<https://example.org/s{i}> <https://example.org/p> "value {i}, padded" .\n')
    tiny.write_text("<https://example.org/tiny> <https://example.org/p> 1 .\n")
    res = kg(store, "import", str(big), str(tiny))
    assert res.returncode == 1
    assert errors(res) == [f"kg: error: the disk holding the store {store} is full (importing "
                           "big.nt failed: no space left on the device); free some space, then "
                           "run the command again"]
    assert res.stdout.startswith(f"{tiny}: 1 triples into <")  # the file after it fits
    graph = res.stdout.strip().split(" into ")[1]
    assert kg(store, "export", "-o", str(tmp_path / "after.nq")).returncode == 0
    after = set((tmp_path / "after.nq").read_text().splitlines())
    assert after - before == {"<https://example.org/tiny> <https://example.org/p> "
                              f'"1"^^<http://www.w3.org/2001/XMLSchema#integer> {graph} .'}

    res = kg(store, "build", str(MORE))
    assert res.returncode == 1
    [line] = errors(res)
    assert line.startswith(f"kg: error: the disk holding the store {store} is full (")
    assert line.endswith("free some space, then run the command again; the articles written "
                         "before are whole, and the next kg build finishes the rest")
    assert kg(store, "export", "-o", str(tmp_path / "stopped.nq")).returncode == 0
    assert before <= set((tmp_path / "stopped.nq").read_text().splitlines())

    (disk / "filler").unlink()
    assert kg(store, "build", str(MORE)).returncode == 0
    ref = tmp_path / "ref"
    for source in (DATA, MORE):
        assert kg(ref, "build", str(source)).returncode == 0
    assert kg(ref, "import", str(tiny)).returncode == 0
    for s, out in ((store, "got.nq"), (ref, "ref.nq")):
        assert kg(s, "export", "-o", str(tmp_path / out)).returncode == 0
    assert (tmp_path / "got.nq").read_bytes() == (tmp_path / "ref.nq").read_bytes()
