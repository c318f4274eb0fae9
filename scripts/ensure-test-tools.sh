#!/usr/bin/env bash
# Installs what the tests run besides Rust and Postgres: a Python virtualenv
# with the packages of tests/support/requirements.txt (localstripe, for the
# billing tests' stand-in for Stripe). Kept under ~/.cache and rebuilt only
# when the requirements change. Prints the virtualenv's python.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${SMARTEXPENSE_VENV:-$HOME/.cache/smartexpense-py}"
requirements=tests/support/requirements.txt
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  if ! python3 -m venv --help >/dev/null 2>&1; then
    echo "ensure-test-tools: installing python3-venv from Debian's packages" >&2
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  echo "ensure-test-tools: installing $requirements into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
  echo "$want" > "$stamp"
fi
echo "$venv/bin/python"
