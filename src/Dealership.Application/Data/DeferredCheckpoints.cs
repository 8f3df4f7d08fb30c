using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background, after a commit that wrote rows in bulk
/// left that to it (<see cref="DealershipDbContext.CommitAsync"/>). SQLite's own checkpoint runs inside the commit
/// that takes the log past 1,000 pages, while this process's write gate is held: a bulk save of a job's thousands of
/// tasks, touchpoints and messages made every other writer wait while it copied them into a 2 GB file (issue #14: the
/// watchdog's first run over 50,000 orders 3.1 -> 2.4-2.6 s, the parts planner's 3.2-3.7 -> 2.8-2.9 s without it).
/// A passive checkpoint waits for no reader and no writer; the log's frames are durable before it copies them, so a
/// crash at any point loses nothing (SQLite replays the log when the file is next opened). Everyday commits keep
/// SQLite's own checkpoint, which also takes over whatever this one has not copied. Requests while one runs make it
/// run once more, not once each. ADR 0028.
/// </summary>
public sealed class DeferredCheckpoints(IServiceScopeFactory scopes, ILogger<DeferredCheckpoints> logger)
{
    private int _requested;
    private int _running;

    /// <summary>How many checkpoints have finished (for tests and diagnostics).</summary>
    public int Completed => Volatile.Read(ref _completed);

    private int _completed;

    /// <summary>Asks for a checkpoint soon, on a connection of its own; returns at once.</summary>
    public void Request()
    {
        Volatile.Write(ref _requested, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (Interlocked.Exchange(ref _requested, 0) == 1)
            {
                await CheckpointAsync();
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
            // A request that came after the loop's last look and before it stood down.
            if (Volatile.Read(ref _requested) == 1 && Interlocked.CompareExchange(ref _running, 1, 0) == 0)
            {
                _ = Task.Run(RunAsync);
            }
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);");
            Interlocked.Increment(ref _completed);
        }
        catch (ObjectDisposedException)
        {
            // The app is stopping: SQLite checkpoints when its last connection to the file closes, or replays the log at the next start.
        }
#pragma warning disable CA1031 // A failed checkpoint changes nothing: the next bulk commit or SQLite's own checkpoint copies the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "A deferred checkpoint of the SQLite log failed; SQLite's own checkpoint copies it at a later commit");
        }
    }
}
