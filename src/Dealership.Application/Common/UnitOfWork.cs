using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Common;

/// <summary>
/// The one commit owner. Every caller that changes data (the command pipeline, the Idempotency-Key filter,
/// staff form submissions, every job) goes through it: it hands domain events to their subscribers, saves,
/// commits, and only then runs the actions registered during the unit (enqueue the dispatcher when any
/// notification row was added, the parts planner when a visit was booked with parts or moved). A unit that fails or is
/// abandoned commits nothing and runs none of them. A unit opened inside another joins it: the outer one
/// commits and runs the actions.
/// </summary>
public sealed class UnitOfWork(DealershipDbContext db, DomainEventDispatcher events, CoalescedJobs sweeps, Journey.JourneyRecorder journey, SqliteWriteGate writers,
    DeferredCheckpoints checkpoints, DealershipMetrics metrics, Sites.SiteContext siteContext, StaffNames staffNames, ILogger<UnitOfWork> logger)
{
    private readonly Dictionary<string, Action> _afterCommit = new(StringComparer.Ordinal);

    // Set while a unit reads before the write lock: it has no transaction yet, so a unit or a save opened inside it
    // must not commit on its own; the outer one saves everything in turn.
    private bool _readingFirst;
    private readonly List<Func<Task>> _againInTurn = [];

    /// <summary>
    /// Runs <paramref name="step"/> once more under the write lock, just before the save, when this unit read before
    /// taking it (ADR 0027): for a step that reads rows this unit does not change, which another writer may have added
    /// or changed since (a late task the watchdog raised meanwhile). The step has run once already on the caller's own
    /// read, so it must be safe to run twice. In any other unit that read was already in turn, and nothing is kept.
    /// </summary>
    public void AgainInTurn(Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_readingFirst)
        {
            _againInTurn.Add(step);
        }
    }

    /// <summary>Registers something to do once the unit has committed (once per key per unit): never before, because a job must find the rows.</summary>
    public void AfterCommit(string key, Action action) => _afterCommit.TryAdd(key, action);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it, unless <paramref name="commitWhen"/>
    /// says the result is a failure (then everything is rolled back).
    /// </summary>
    /// <remarks>
    /// With <paramref name="readFirst"/> on SQLite, <see cref="ExecuteReadingFirstAsync"/> runs the work and its
    /// events' subscribers before taking the file's write lock; a conflict found at the save runs it again here.
    /// </remarks>
    public async Task<T> ExecuteAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken, Func<T, bool>? commitWhen = null, bool readFirst = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_readingFirst)
        {
            return await work();
        }

        if (db.Database.CurrentTransaction is not null)
        {
            var joined = await work();
            if (commitWhen is null || commitWhen(joined))
            {
                await SaveAsync(cancellationToken);
            }

            return joined;
        }

        if (readFirst && db.OnSqlite && await ExecuteReadingFirstAsync(work, commitWhen, cancellationToken) is { Done: true } optimistic)
        {
            return optimistic.Value;
        }

        (T Value, bool Committed) result;
        try
        {
            result = await writers.WriteAsync(db, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var value = await work();
                if (commitWhen is not null && !commitWhen(value))
                {
                    return (value, false);
                }

                await SaveAsync(cancellationToken);
                await db.CommitAsync(transaction, cancellationToken);
                return (value, true);
            }, cancellationToken);
        }
        catch
        {
            _afterCommit.Clear();
            throw;
        }

        if (result.Committed)
        {
            RunAfterCommit();
        }
        else
        {
            _afterCommit.Clear();
        }

        return result.Value;
    }

    /// <summary>
    /// Runs the work, and hands its events to their subscribers, outside any transaction and without the write lock;
    /// then takes the lock only to save and commit. Safe only for work whose every rule rests on rows it changes
    /// (their versions are checked by the save) or on unique indexes (<see cref="ReadsBeforeWriteLockAttribute"/>):
    /// a row changed by someone else since it was read fails the save, which is then undone, and the caller runs the
    /// whole work again in turn, under the lock, reading everything afresh, exactly as if it had waited from the
    /// start. Not done: the save was refused (the caller runs it in turn). Any other failure is thrown as it was.
    /// </summary>
    private async Task<(T Value, bool Done)> ExecuteReadingFirstAsync<T>(Func<Task<T>> work, Func<T, bool>? commitWhen, CancellationToken cancellationToken)
    {
        T value;
        try
        {
            _readingFirst = true;
            try
            {
                value = await work();
                if (commitWhen is not null && !commitWhen(value))
                {
                    _afterCommit.Clear();
                    return (value, true);
                }

                // The subscribers read too (the facts of a message, open tasks and promises): before the lock as well.
                await events.DispatchAsync(cancellationToken);
            }
            finally
            {
                _readingFirst = false;
            }

            await writers.WriteAsync(db, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var step in _againInTurn)
                {
                    await step();
                }

                await SaveAsync(cancellationToken);
                await db.CommitAsync(transaction, cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // A stale read shows here as a version that moved on (another writer changed a row this unit changes), or
            // as a unique index refusing a twin another writer added first (a message's deduplication key). Whatever
            // this attempt read or changed is dropped, and the run in turn loads it all again. SQLite reports other
            // refusals the same way (a full disk at the commit): they run again in turn too and fail there as before,
            // so they are logged as warnings here.
            db.ChangeTracker.Clear();
            siteContext.Forget();
            staffNames.Forget();
            _afterCommit.Clear();
            metrics.UnitRerun();
            if (ex is DbUpdateConcurrencyException)
            {
                logger.LogDebug(ex, "A read before the write lock went stale; running the unit again in turn");
            }
            else
            {
                logger.LogWarning(ex, "A save after reading before the write lock was refused; running the unit again in turn");
            }

            return (default!, false);
        }
        catch
        {
            _afterCommit.Clear();
            throw;
        }
        finally
        {
            _againInTurn.Clear();
        }

        RunAfterCommit();
        return (value, true);
    }

    public async Task ExecuteAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await ExecuteAsync(async () =>
        {
            await work();
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Turns pending domain events into rows and saves. Inside a unit the save is part of its transaction;
    /// outside one (a job's step) the save is itself the commit, so the after-commit actions run at once.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await events.DispatchAsync(cancellationToken);
        if (_readingFirst)
        {
            return;
        }

        // Dispatching the events ended with a scan of every tracked entity for changes. Every step below reads entry
        // states, and each would scan again (and SaveChanges once more): a dispatch batch saves once per message
        // and paid ten scans of the whole batch each time. Nothing below changes an entity behind EF's back: the
        // journey adds rows, and the version bump marks its property itself.
        var committed = false;
        await db.WithoutScanningAsync(async () =>
        {
            journey.Record();
            if (db.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added))
            {
                // If the process dies before this runs, the minutely sweep sends the rows anyway.
                AfterCommit(nameof(NotificationDispatcher), () => sweeps.Enqueue<NotificationDispatcher>(d => d.DispatchDueAsync(CancellationToken.None)));
            }

            if (db.ChangeTracker.Entries<StaffText>().Any(e => e.State == EntityState.Added))
            {
                AfterCommit(nameof(StaffTexts), () => sweeps.Enqueue<StaffTexts>(t => t.SendDueAsync(CancellationToken.None)));
            }

            if (db.Database.CurrentTransaction is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            // Outside a unit the save opens and commits its own transaction: it takes its turn like any other write.
            await writers.WriteAsync(db, () => db.SaveChangesAsync(cancellationToken), cancellationToken);
            committed = true;
        });

        if (committed)
        {
            RunAfterCommit();
        }
    }

    /// <summary>
    /// Saves a sender's record of one outcome, unless another worker took the row over after this one's lease ran
    /// out: then its record stands, and everything this outcome would have written (the row, its touchpoint, a
    /// fallback, tasks) is dropped with it. Earlier outcomes were saved already, so only this one's changes go.
    /// </summary>
    public async Task SaveOrLetGoAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    private void RunAfterCommit()
    {
        // Out of the write gate now: the log's copy into the file no longer holds up the next writer.
        if (db.TakeDeferredCheckpoint())
        {
            checkpoints.Request();
        }

        var actions = _afterCommit.Values.ToList();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }
}
