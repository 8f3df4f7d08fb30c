using Dealership.Application.Data;

namespace Dealership.Application.Common;

/// <summary>
/// Queues this process's writers to an embedded SQLite file before they ask for its one write lock.
/// </summary>
/// <remarks>
/// SQLite lets one transaction write at a time. A unit opens its transaction with BEGIN IMMEDIATE, so a second
/// writer in the same process finds the file busy, and Microsoft.Data.Sqlite answers busy by blocking a thread and
/// retrying after a fixed sleep. Under 32 concurrent requests on two cores that turned most writes into sleeps on
/// blocked pool threads (issue #14: 43 milestones a second, p99 4 s). Waiting here instead is asynchronous and first come,
/// first served, and the writer that holds the gate holds the lock. Another process on the same file still meets
/// the busy retry, as before. Server databases lock rows, not the file, so they never wait here.
/// </remarks>
public sealed class SqliteWriteGate : IDisposable
{
    /// <summary>As long as a busy command would retry before giving up (Microsoft.Data.Sqlite's default 30 s).</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // A flow that holds the gate and opens a second write of its own (another scope's unit) must not wait for
    // itself: it goes straight to SQLite, which refuses it as it always did.
    private readonly AsyncLocal<bool> _heldHere = new();

    /// <summary>Runs one write (a transaction, or a save that is its own) in this process's turn when the database is SQLite.</summary>
    public async Task<T> WriteAsync<T>(DealershipDbContext db, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        if (!db.OnSqlite || _heldHere.Value)
        {
            return await write();
        }

        // After the longest wait the writer goes on to SQLite's own busy retry rather than queueing for ever.
        if (!await _gate.WaitAsync(LongestWait, cancellationToken))
        {
            return await write();
        }

        try
        {
            // Seen by everything the write awaits, and by nothing after it returns.
            _heldHere.Value = true;
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
