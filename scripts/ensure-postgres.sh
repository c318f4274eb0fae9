#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 and accepts the
# role the tests use (postgres / postgres). Uses a running server; else
# starts the installed cluster; else installs PostgreSQL from Debian's
# packages. Never assumes a server someone started by hand.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ready() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432
}

if ! ready; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "ensure-postgres: installing PostgreSQL from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  if [ -z "$version" ]; then
    echo "ensure-postgres: no PostgreSQL cluster found under /etc/postgresql" >&2
    exit 1
  fi
  echo "ensure-postgres: starting cluster $version/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    ready && break
    sleep 1
  done
  ready || { echo "ensure-postgres: PostgreSQL did not come up" >&2; exit 1; }
fi

# The tests log in as postgres/postgres over TCP. Under password auth the
# role needs that password; under trust auth this changes nothing.
if ! PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  echo "ensure-postgres: setting the test password of role postgres"
  as_root runuser -u postgres -- psql -q -c "ALTER ROLE postgres PASSWORD 'postgres'"
fi
echo "ensure-postgres: ready on 127.0.0.1:5432"
