#!/usr/bin/env bash
# Installs (where needed) and starts PostgreSQL 15 with PostGIS for the tests, then prints a URL.
# Needs root (as CI and these machines have). Without root it prints nothing and the PostgreSQL
# tests skip; under CI=true any failure here fails the run.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
  [ "${CI:-}" = true ] && { echo "postgres.sh: CI needs root to install PostgreSQL" >&2; exit 1; }
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
log=/tmp/marsad-postgres-setup.log
if ! dpkg -s postgresql-15 postgresql-15-postgis-3 >/dev/null 2>&1; then
  echo "installing PostgreSQL 15 and PostGIS (log: $log)" >&2
  { apt-get update -qq && apt-get install -y -qq postgresql-15 postgresql-15-postgis-3; } >"$log" 2>&1 ||
    { tail -20 "$log" >&2; exit 1; }
fi
pg_lsclusters -h | grep -q '^15 main' || pg_createcluster 15 main >&2
pg_lsclusters -h | grep -q '^15 main .* online' || pg_ctlcluster 15 main start >&2
port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')
as_pg() { su postgres -c "$1"; }
as_pg "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'marsad'\"" | grep -q 1 ||
  as_pg "psql -p $port -qc \"CREATE ROLE marsad LOGIN SUPERUSER PASSWORD 'marsad'\"" >&2
echo "postgresql://marsad:marsad@127.0.0.1:$port/postgres"
