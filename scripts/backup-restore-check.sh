#!/usr/bin/env bash
# Proves the backup and restore procedures of docs/OPERATIONS.md: for SQLite
# and for Postgres, a running app gets a household with expenses, is backed
# up the documented way while it runs, the backup is restored into a new
# database, and the app started on the restored copy must show the same
# expenses, total and login. Run by scripts/test (so by CI).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/smartexpense-target}"
ROOT_URL="${TEST_POSTGRES_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
PORT="${RESTORE_CHECK_PORT:-5198}"
BASE="http://127.0.0.1:$PORT"
PASSWORD="restore-check-password-42"
export PGOPTIONS="-c client_min_messages=warning"

cargo build --locked --quiet --bin smartexpense-cli
bin="$CARGO_TARGET_DIR/debug/smartexpense-cli"

# The app runs in a folder of its own (its data/ holds the secret key, the
# job queue and the mail), with the project's templates and assets.
work="$(mktemp -d)"
server=""
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
cleanup() {
  stop
  psql "$ROOT_URL" -qc "DROP DATABASE IF EXISTS smartexpense_backup_src WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS smartexpense_backup_dst WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
for shared in config views assets; do ln -s "$repo/$shared" "$work/$shared"; done

start() { # start <database url>
  (cd "$work" && LOCO_ENV=development DATABASE_URL="$1" PORT="$PORT" LOG_LEVEL=error \
    exec "$bin" start >"$work/server.log" 2>&1) &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$BASE/_readiness" >/dev/null 2>&1 && return 0; sleep 0.5; done
  cat "$work/server.log" >&2
  echo "backup-restore-check: the app did not start on $1" >&2
  exit 1
}

api() { # api <method> <path> [json]
  curl -fsS -X "$1" "$BASE$2" -H 'Content-Type: application/json' \
    ${token:+-H "Authorization: Bearer $token"} ${3:+-d "$3"}
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

seed() {
  token=""
  api POST /api/auth/register "{\"name\":\"Rita\",\"email\":\"rita@example.com\",\"password\":\"$PASSWORD\"}" >/dev/null
  token="$(api POST /api/auth/login "{\"email\":\"rita@example.com\",\"password\":\"$PASSWORD\"}" | json "['token']")"
  ws="$(api POST /api/v1/workspaces '{"name":"Backed up","kind":"household","currency":"EUR"}' | json "['id']")"
  for expense in '"12.50","Bakery"' '"80.00","Train"' '"3.20","Coffee"'; do
    IFS=, read -r amount what <<<"$expense"
    api POST "/api/v1/workspaces/$ws/expenses" "{\"amount\":$amount,\"date\":\"2026-11-02\",\"description\":$what}" >/dev/null
  done
}

# What a member sees: logging in works, and the list with its total.
snapshot() {
  token="$(api POST /api/auth/login "{\"email\":\"rita@example.com\",\"password\":\"$PASSWORD\"}" | json "['token']")"
  ws="$(api GET /api/v1/workspaces | json "['items'][0]['id']")"
  api GET "/api/v1/workspaces/$ws/expenses?sort=largest" | python3 -c "
import json, sys
d = json.load(sys.stdin)
print(d['total'], d['count'], [e['description'] + ' ' + e['amount'] for e in d['items']])"
}

compare() { # compare <what> <before> <after>
  if [ "$2" != "$3" ]; then
    echo "backup-restore-check: $1: the restored app shows $3, the original $2" >&2
    exit 1
  fi
  echo "backup-restore-check: $1 restored: $3"
}

# SQLite: the online backup API (sqlite3's .backup) while the app runs.
start "sqlite://$work/data/live.sqlite?mode=rwc"
seed
before="$(snapshot)"
sqlite3 "$work/data/live.sqlite" ".backup '$work/backup.sqlite'"
stop
mkdir -p "$work/restored"
cp "$work/backup.sqlite" "$work/restored/smartexpense.sqlite"
start "sqlite://$work/restored/smartexpense.sqlite?mode=rwc"
compare SQLite "$before" "$(snapshot)"
stop

# Postgres: pg_dump's custom format while the app runs, pg_restore into a
# new database, both as a superuser (the tables force row-level security).
scripts/ensure-postgres.sh >/dev/null
src="${ROOT_URL%/*}/smartexpense_backup_src"
dst="${ROOT_URL%/*}/smartexpense_backup_dst"
psql "$ROOT_URL" -qc "DROP DATABASE IF EXISTS smartexpense_backup_src WITH (FORCE)" -c "CREATE DATABASE smartexpense_backup_src" >/dev/null
start "$src"
seed
before="$(snapshot)"
pg_dump --format=custom --file="$work/backup.dump" "$src"
stop
psql "$ROOT_URL" -qc "DROP DATABASE IF EXISTS smartexpense_backup_dst WITH (FORCE)" -c "CREATE DATABASE smartexpense_backup_dst" >/dev/null
pg_restore --exit-on-error --dbname="$dst" "$work/backup.dump"
start "$dst"
compare Postgres "$before" "$(snapshot)"
