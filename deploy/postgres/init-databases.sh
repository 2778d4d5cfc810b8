#!/bin/bash
# Runs once, on the first start of the postgres container (docker-entrypoint-initdb.d):
# one role for the services and one database per service, as DESIGN.md prescribes.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v app_user="${RAPPORT_DB_USER:-rapport}" -v app_password="${RAPPORT_DB_PASSWORD:-rapport}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', db, :'app_user')
FROM unnest(ARRAY['customer', 'feedback', 'loyalty', 'segmentation']) AS db
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = db) \gexec
SQL
