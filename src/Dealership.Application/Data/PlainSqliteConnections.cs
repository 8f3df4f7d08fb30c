using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dealership.Application.Data;

/// <summary>
/// Creates a context's SQLite connection itself, plain, without EF's SQL functions. Microsoft.Data.Sqlite registers a
/// connection's functions again on every open and unregisters them when it goes back to its pool: about a dozen
/// functions and aggregates (regexp, ef_add, ef_compare, ef_sum and the rest), two native registrations each a lease.
/// They serve decimal arithmetic, comparisons and sums and regular expressions in queries. The model has no decimal
/// column (a test keeps that true: <c>PlatformTests.TheModel_HasNoDecimalColumn</c>) and no query casts to decimal or
/// uses a regular expression (no test can see that: such a query would fail with "no such function"). Measured under
/// the journey's load (issue #14, session 17): within the noise of alternating runs.
/// </summary>
/// <param name="createConnection">Makes a provider's connection from a connection string (this project does not reference the SQLite provider).</param>
public sealed class PlainSqliteConnections(Func<string, DbConnection> createConnection) : DbConnectionInterceptor
{
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.ConnectionString is { Length: > 0 } connectionString
            ? InterceptionResult<DbConnection>.SuppressWithResult(createConnection(connectionString))
            : result;
    }
}
