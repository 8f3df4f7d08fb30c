using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Data;

/// <summary>What one passive checkpoint found: whether it was kept from copying, the log's frames, and how many are in the file.</summary>
public sealed record CheckpointOutcome(bool Busy, int LogFrames, int CopiedFrames)
{
    /// <summary>Every frame the log held is in the database file.</summary>
    public bool CopiedAll => !Busy && CopiedFrames >= LogFrames;
}

/// <summary>
/// The checkpoints of SQLite's write-ahead log that commits which wrote rows in bulk left to the background
/// (<see cref="DealershipDbContext.CommitAsync"/>; a hosted service in the web project runs them). SQLite's own
/// checkpoint runs inside the commit that takes the log past 1,000 pages, while this process's write gate is held: a
/// job's bulk save of thousands of tasks, touchpoints and messages made every other writer wait while it copied them
/// into a 2 GB file (issue #14: the parts planner's commit 749 -> 75 ms). A passive checkpoint waits for no reader and
/// no writer; the log's frames are durable before it copies them, so a crash at any point loses nothing: SQLite
/// replays the log when the file is next opened. Everyday commits keep SQLite's own checkpoint, which also copies
/// whatever these have not. ADR 0028.
/// </summary>
public sealed class DeferredCheckpoints
{
    // At most one request waits: requests made while a checkpoint runs make it run once more, not once each.
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private int _complete;

    /// <summary>The requests, for the one loop that runs them.</summary>
    public ChannelReader<bool> Requests => _requests.Reader;

    /// <summary>How many checkpoints so far left every frame of the log copied into the file.</summary>
    public int CompleteCheckpoints => Volatile.Read(ref _complete);

    /// <summary>Asks for a checkpoint soon; returns at once.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    /// <summary>Runs one passive checkpoint on <paramref name="db"/>'s connection.</summary>
    public async Task<CheckpointOutcome> CheckpointAsync(DealershipDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // One row: kept from copying (1 when another connection was checkpointing), frames in the log, frames copied.
            var outcome = await reader.ReadAsync(cancellationToken)
                ? new CheckpointOutcome(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2))
                : new CheckpointOutcome(Busy: true, -1, -1);
            if (outcome.CopiedAll)
            {
                Interlocked.Increment(ref _complete);
            }

            return outcome;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
