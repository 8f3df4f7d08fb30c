#!/usr/bin/env bash
# Regenerates db/scripts/sqlserver.sql, the idempotent SQL Server script a DBA applies in production
# (SQL Server never migrates itself there). Run after adding a migration; a test fails when it is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent \
  --project db/Dealership.Migrations.SqlServer \
  --output db/scripts/sqlserver.sql
echo "Wrote db/scripts/sqlserver.sql"
