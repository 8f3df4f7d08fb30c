#!/usr/bin/env bash
# Brings the database schema up to this version of the app. Run it before starting a new version
# (deploy/README.md, "Upgrading"); it is safe to run again and changes nothing when the schema is current.
#
# Usage: deploy/migrate.sh [--script]
#
#   (no option)  Runs `dotnet $APP_DLL migrate` with the app's own configuration: Database__Provider,
#                ConnectionStrings__Dealership and Auth__SigningKey (the app checks it even for this
#                command), from the environment or appsettings. Works for Sqlite, SqlServer and PostgreSql.
#                APP_DLL defaults to out/Dealership.Web.dll (the output of
#                `dotnet publish src/Dealership.Web -c Release -o out`).
#
#   --script     Applies the committed idempotent script for Database__Provider instead, for a DBA who
#                prefers plain SQL (no .NET needed on the machine):
#                  SqlServer   db/scripts/sqlserver.sql with sqlcmd. Connection options come from
#                              MIGRATE_SQLCMD_ARGS, split on spaces, e.g.
#                              MIGRATE_SQLCMD_ARGS="-S db.example.com -d Dealership -U dealership_owner"
#                              (put the password in SQLCMDPASSWORD rather than on the command line).
#                  PostgreSql  db/scripts/postgresql.sql with psql. The connection comes from
#                              MIGRATE_PSQL_URL, a libpq URL or key=value string, e.g.
#                              MIGRATE_PSQL_URL="postgresql://dealership_owner@db.example.com:5432/dealership"
#                              (put the password in PGPASSWORD or ~/.pgpass).
#                  Sqlite      has no script: SQLite migrates itself at start-up.
#
# Exit codes: 0 done (or nothing to do), 2 a setting or tool is missing (the message says which),
# anything else is the failing tool's own exit code.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
provider="${Database__Provider:-Sqlite}"

fail() {
  echo "migrate.sh: $*" >&2
  exit 2
}

case "${1:-}" in
  "")
    app_dll="${APP_DLL:-out/Dealership.Web.dll}"
    [[ -f "$app_dll" ]] || fail "$app_dll not found: publish first (dotnet publish src/Dealership.Web -c Release -o out) or set APP_DLL."
    command -v dotnet >/dev/null || fail "dotnet is not on PATH."
    echo "Migrating the $provider database with $app_dll ..."
    exec dotnet "$app_dll" migrate
    ;;
  --script)
    ;;
  -h|--help)
    sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    fail "unknown option '$1'. Usage: deploy/migrate.sh [--script]"
    ;;
esac

shopt -s nocasematch
case "$provider" in
  SqlServer)
    script="$repo_root/db/scripts/sqlserver.sql"
    command -v sqlcmd >/dev/null || fail "sqlcmd is not on PATH."
    [[ -n "${MIGRATE_SQLCMD_ARGS:-}" ]] || fail "set MIGRATE_SQLCMD_ARGS to sqlcmd's connection options (-S server -d database -U user)."
    [[ -f "$script" ]] || fail "$script not found."
    read -r -a sqlcmd_args <<<"$MIGRATE_SQLCMD_ARGS"
    echo "Applying $script with sqlcmd ..."
    # -b: stop and exit non-zero on the first error.
    sqlcmd "${sqlcmd_args[@]}" -b -i "$script"
    ;;
  PostgreSql)
    script="$repo_root/db/scripts/postgresql.sql"
    command -v psql >/dev/null || fail "psql is not on PATH."
    [[ -n "${MIGRATE_PSQL_URL:-}" ]] || fail "set MIGRATE_PSQL_URL to the database's libpq URL (postgresql://user@host:5432/database)."
    [[ -f "$script" ]] || fail "$script not found."
    echo "Applying $script with psql ..."
    # The script manages its own transactions; ON_ERROR_STOP makes the first error fatal.
    psql "$MIGRATE_PSQL_URL" --no-psqlrc --quiet -v ON_ERROR_STOP=1 -f "$script"
    ;;
  Sqlite)
    fail "Database__Provider is Sqlite, which has no script: SQLite migrates itself at start-up (or run deploy/migrate.sh without --script)."
    ;;
  *)
    fail "Database__Provider '$provider' is not supported. Use Sqlite, SqlServer or PostgreSql."
    ;;
esac
echo "Schema is current."
