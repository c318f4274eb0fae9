#!/usr/bin/env bash
# Installs what the tests run besides Rust and Postgres:
# - a Python virtualenv with the packages of tests/support/requirements.txt
#   (localstripe, for the billing tests' stand-in for Stripe; moto, the
#   receipt tests' S3-compatible server; Pillow, which draws the receipts
#   the OCR tests read; schemathesis and openapi-python-client, for the API
#   contract tests), kept under ~/.cache and rebuilt only when the
#   requirements change;
# - for reading receipts, Debian's Tesseract (tesseract-ocr) and Poppler
#   (poppler-utils, for PDFs), when missing;
# - for the browser tests, Debian's Chromium and Node.js when missing, and
#   playwright-core from tests/e2e/package-lock.json (`npm ci`);
# - for checking docker-compose.yml, Debian's docker-compose, and for the
#   backup check, the sqlite3 shell, when missing.
# Prints the virtualenv's python.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

venv="${SMARTEXPENSE_VENV:-$HOME/.cache/smartexpense-py}"
requirements=tests/support/requirements.txt
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  if ! python3 -m venv --help >/dev/null 2>&1; then
    echo "ensure-test-tools: installing python3-venv from Debian's packages" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  echo "ensure-test-tools: installing $requirements into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
  echo "$want" > "$stamp"
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ensure-test-tools: installing ${missing[*]} from Debian's packages" >&2
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d tests/e2e/node_modules/playwright-core ] \
  || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  echo "ensure-test-tools: installing tests/e2e's npm packages" >&2
  (cd tests/e2e && npm ci --no-audit --no-fund --silent >&2)
fi

echo "$venv/bin/python"
