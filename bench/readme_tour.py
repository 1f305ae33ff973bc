"""Regenerate the output of the `$ kg …` commands in README.md from a real run.

    python bench/readme_tour.py           # rewrite README.md in place
    python bench/readme_tour.py --check   # exit 1 (and name the command) if README.md drifted

Every ```console block is read in order; each line `$ kg ARGS` is run (in the repository, on one
fresh store shared by the whole README, so `kg build data` comes first) and the lines after it,
up to the next `$ ` line or the end of the block, become what the command printed. Shell sessions
(`kg> ` lines) are left as they are.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def _kg() -> str:
    here = Path(sys.executable).with_name("kg")
    return str(here) if here.is_file() else "kg"


def _run(command: str, env: dict) -> str:
    args = shlex.split(command)
    done = subprocess.run([_kg(), *args[1:]], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    return (done.stdout + done.stderr).rstrip("\n")


def regenerate(text: str, store: str) -> tuple[str, list[str]]:
    """The README with every `$ kg` command's output replaced, and the commands whose output
    changed."""
    env = {**os.environ, "KG_STORE": store, "COLUMNS": "200", "NO_COLOR": "1"}
    changed: list[str] = []

    def block(match: re.Match) -> str:
        lines = match.group(1).rstrip("\n").split("\n")
        if any(line.startswith("kg> ") for line in lines):
            return match.group(0)
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.startswith("$ kg"):
                out.append(line)
                i += 1
                continue
            j = i + 1
            while j < len(lines) and not lines[j].startswith("$ "):
                j += 1
            old = "\n".join(lines[i + 1:j]).rstrip("\n")
            new = _run(line[2:], env)
            if old != new:
                changed.append(line[2:])
            out += [line, *new.split("\n"), ""] if j < len(lines) else [line, *new.split("\n")]
            i = j
        while out and out[-1] == "":
            out.pop()
        return "```console\n" + "\n".join(out) + "\n```"

    return BLOCK.sub(block, text), changed


def main() -> int:
    readme = ROOT / "README.md"
    with tempfile.TemporaryDirectory() as tmp:
        text, changed = regenerate(readme.read_text(), str(Path(tmp) / "store"))
    if "--check" in sys.argv:
        for command in changed:
            print(f"README.md: the output of `{command}` has drifted", file=sys.stderr)
        return 1 if changed else 0
    readme.write_text(text)
    print(f"README.md: {len(changed)} command output(s) regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
