using Dealership.Application.Common;
using Dealership.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Jobs;

/// <summary>
/// Recurring job on the embedded SQLite database: refreshes the statistics the query planner chooses indexes by,
/// for the tables that have changed a lot since they were last measured. The watchdog and a whole parts-planning run
/// also ask for it as they finish, because each may add thousands of rows at once.
/// </summary>
/// <remarks>
/// SQLite never refreshes them by itself. Statistics taken when a table was small stay until someone runs ANALYZE
/// again: a task table measured at 3 rows was still scanned whole at 8,700 (issue #14: every recorded milestone
/// scanned it, twice). `PRAGMA optimize` is SQLite's own advice for long-lived databases: with 0x10012 it looks at
/// every table, not only those this connection queried (0x10000), re-measures only those whose size changed a lot
/// (0x2; by SQLite's own rule, more than tenfold: a test's table grown 14-fold was left alone, one grown 30-fold was
/// re-measured), and samples instead of reading whole indexes (0x10), so a run costs milliseconds when nothing changed.
/// Server databases keep their statistics current themselves (auto-analyze, auto-update statistics).
/// </remarks>
public sealed class RefreshQueryStatistics(DealershipDbContext db, SqliteWriteGate writers)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!db.OnSqlite)
        {
            return;
        }

        // ANALYZE writes its results into the file, so it takes its turn like any other write.
        await writers.WriteAsync(db, () => db.Database.ExecuteSqlRawAsync("PRAGMA optimize = 0x10012;", cancellationToken), cancellationToken);
    }
}
