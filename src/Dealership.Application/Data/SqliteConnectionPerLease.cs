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
/// databases keep EF's behaviour: there an idle open connection is a scarce pooled resource. A read gives its
/// connection back when it leaves its place among the reads (<c>ReadBulkhead</c>, ADR 0030), through
/// <see cref="DealershipDbContext.ReleaseIdleSqliteConnection"/>.
/// Limits: an explicit Database.CloseConnection() is swallowed too, and so is the close inside EnsureDeleted (nothing
/// here calls either); code that opens GetDbConnection() itself must check its state first.
/// </summary>
public sealed class SqliteConnectionPerLease : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}
