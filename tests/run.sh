#!/usr/bin/env bash
# Install kg with its test dependencies into .venv and run the test suite.
# Debian packages the tests use (rapper, tmux, Virtuoso) are installed when we are root and they
# are missing; tests that need one of them are skipped with a reason when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  need=""
  command -v rapper >/dev/null || need="$need raptor2-utils"
  command -v tmux >/dev/null || need="$need tmux"
  command -v virtuoso-t >/dev/null || need="$need virtuoso-opensource-7"
  if [ -n "$need" ]; then
    printf 'virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba\nvirtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba\n' \
      | debconf-set-selections 2>/dev/null || true
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need) >/dev/null \
      || echo "run.sh: could not install$need; tests needing them will be skipped" >&2
  fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check kg shell ontology tests bench
exec .venv/bin/python -m pytest -q "$@"
