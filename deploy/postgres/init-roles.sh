#!/usr/bin/env bash
# Runs once, when the Postgres container starts on an empty volume: the
# database belongs to smartexpense_owner (migrations), and the app connects
# as smartexpense_app, which owns nothing and does not bypass row-level
# security. Passwords come from the container's environment.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres \
  -v owner_password="$OWNER_DB_PASSWORD" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE smartexpense_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE smartexpense_app LOGIN PASSWORD :'app_password' NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE smartexpense OWNER smartexpense_owner;
SQL
