#!/usr/bin/env bash
# Regenerates the idempotent schema scripts deploy/migrate.sh applies in production (server databases never
# migrate themselves there): db/scripts/sqlserver.sql and db/scripts/postgresql.sql. Run after adding a
# migration; a test fails when either is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project db/Dealership.Migrations.SqlServer --output db/scripts/sqlserver.sql
dotnet ef migrations script --idempotent --project db/Dealership.Migrations.PostgreSql --output db/scripts/postgresql.sql
echo "Wrote db/scripts/sqlserver.sql and db/scripts/postgresql.sql"
