using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dealership.Application.Data;

/// <summary>
/// On SQLite, keeps a context's connection open from its first query until the context is disposed or goes back
/// to the pool, instead of EF's open and close around every query. Opening a pooled Microsoft.Data.Sqlite
/// connection is not cheap: it registers EF's SQL functions again (regexp, ef_mod and the rest), and every
/// registration leaves a handle for the finalizer thread. A request that ran four queries paid that four times,
/// and the finalizer took a fifth to a quarter of the CPU under load (issue #14; ADR 0026). An open connection
/// outside a transaction holds no lock and no snapshot in WAL mode, so nothing else waits on it. The server
/// databases keep EF's behaviour: there an idle open connection is a scarce pooled resource.
/// Limits: an explicit Database.CloseConnection() is swallowed too, and so is the close inside EnsureDeleted (nothing
/// here calls either); code that opens GetDbConnection() itself must check its state first.
/// </summary>
/// <remarks>
/// It also creates the context's connection itself, plain, without EF's SQL functions. Microsoft.Data.Sqlite registers
/// a connection's functions again on every open and unregisters them when it goes back to its pool: about a dozen
/// functions and aggregates (regexp, ef_add, ef_compare, ef_sum and the rest), two native registrations each a lease.
/// They serve decimal arithmetic, comparisons and sums and regular expressions in queries. The model has no decimal
/// column (a test keeps that true: <c>PlatformTests.TheModel_HasNoDecimalColumn</c>) and no query casts to decimal or
/// uses a regular expression (no test can see that: such a query would fail with "no such function"). Measured under
/// the journey's load (session 17): within the noise of alternating runs.
/// </remarks>
public sealed class SqliteConnectionPerLease(Func<string, DbConnection> createConnection) : DbConnectionInterceptor
{
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.ConnectionString is { Length: > 0 } connectionString
            ? InterceptionResult<DbConnection>.SuppressWithResult(createConnection(connectionString))
            : result;
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}
