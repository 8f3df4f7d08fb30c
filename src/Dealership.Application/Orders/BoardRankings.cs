using System.Collections.Concurrent;
using Dealership.Domain.Handover;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Dealership.Application.Orders;

/// <summary>
/// The deliveries board's ranking of a site's active orders, kept for a few seconds (ADR 0029). Ranking 5,000 active
/// orders costs about 60 ms of SQLite per request, so at a busy site a board refreshed by many salespeople queued on it
/// (p99 2.5 s at 32 connections; issue #14). The ranking is only which orders come first and how many there are of each
/// kind: every row on the page is read and judged afresh. A save that changes what the ranking reads (an order, a
/// collection booked, a message sent from the site) makes the site's kept ranking stale at once, here, and again when
/// its unit commits. Within <see cref="KeptFor"/>, not at once: another process's changes, the clock moving an order
/// into late or silent, and a message another site sends to a customer with an order here (silence counts every
/// message; dropping every site's ranking on each of the day's messages would keep nothing). Requests that find no
/// ranking kept share one query rather than each running its own.
/// </summary>
public sealed class BoardRankings(TimeProvider clock)
{
    /// <summary>How long a ranking is used without anything this process knows of changing it.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(10);

    // Sites × people with their own filter × today: a few hundred at most; past days and expired ones are dropped beyond this.
    private const int SweepAbove = 256;

    private readonly ConcurrentDictionary<Guid, long> _siteGenerations = new();
    private readonly ConcurrentDictionary<Key, Kept> _kept = new();
    private long _allSites;

    /// <summary>One ranking: a site's active orders, or one person's among them, on the site's today.</summary>
    public readonly record struct Key(Guid SiteId, Guid? OwnerStaffId, DateOnly Today);

    // Previous: the ranking this one replaces once it merely aged (no change since), served while this one is worked out.
    private sealed record Kept(long Generation, DateTime TakenAt, TaskCompletionSource<IReadOnlyList<GetDeliveriesBoard.Ranked>> Ranking,
        IReadOnlyList<GetDeliveriesBoard.Ranked>? Previous = null);

    /// <summary>Rankings worked out in the database since this process started (a measure, and what the tests read).</summary>
    public long Computed => Interlocked.Read(ref _computed);

    private long _computed;

    /// <summary>
    /// The kept ranking, or a new one from <paramref name="rank"/>, which runs on the caller's own context: only the
    /// request that runs it waits for it with the query's own cancellation, so its context is never returned to the pool
    /// while the query runs. Others wait for it and, should it fail, rank for themselves; while a ranking that only aged
    /// is worked out again, they are given that one (nothing known changed since), so the board's requests do not all
    /// stop every ten seconds behind one query (p99 213 → 172 ms at 32 connections, issue #14).
    /// </summary>
    public async Task<IReadOnlyList<GetDeliveriesBoard.Ranked>> GetAsync(Key key, Func<Task<IReadOnlyList<GetDeliveriesBoard.Ranked>>> rank,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rank);

        // Read before the ranking is: a change saved while it runs leaves it under an older generation, never used.
        var generation = GenerationOf(key.SiteId);
        var now = clock.GetUtcNow().UtcDateTime;
        // Whoever's completion source is in the entry runs the query: decided by the source, not by the record, which
        // the dictionary may take from either of its factories (and call the update one more than once).
        var ranking = new TaskCompletionSource<IReadOnlyList<GetDeliveriesBoard.Ranked>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var used = _kept.AddOrUpdate(key,
            _ => new Kept(generation, now, ranking),
            (_, kept) => Usable(kept, generation, now) ? kept : new Kept(generation, now, ranking, AgedButCurrent(kept, generation, now)));
        if (!ReferenceEquals(used.Ranking, ranking))
        {
            if (!used.Ranking.Task.IsCompleted && used.Previous is { } aged)
            {
                return aged;
            }

            try
            {
                return await used.Ranking.Task.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The request that ran the shared query failed or went away: this one ranks for itself, and keeps nothing.
                Interlocked.Increment(ref _computed);
                return await rank();
            }
        }

        if (_kept.Count > SweepAbove)
        {
            Sweep(now);
        }

        try
        {
            Interlocked.Increment(ref _computed);
            var result = await rank();
            ranking.SetResult(result);
            return result;
        }
        catch (Exception ex)
        {
            _kept.TryRemove(KeyValuePair.Create(key, used));
            ranking.SetException(ex);
            _ = ranking.Task.Exception; // seen: nobody else may be waiting for it
            throw;
        }
    }

    /// <summary>
    /// The ranking a new one replaces, to serve while the new one is worked out: only one that merely aged (no change
    /// since it was taken) and by no more than another <see cref="KeptFor"/>; an older one waits like everyone else.
    /// </summary>
    private static IReadOnlyList<GetDeliveriesBoard.Ranked>? AgedButCurrent(Kept kept, long generation, DateTime now) =>
        kept.Generation >= generation && now - kept.TakenAt < KeptFor * 2 && kept.Ranking.Task.IsCompletedSuccessfully ? kept.Ranking.Task.Result : null;

    /// <summary>What the ranking reads has changed at these sites (null: at a site not known, so at every site).</summary>
    public void Changed(IEnumerable<Guid?> siteIds)
    {
        ArgumentNullException.ThrowIfNull(siteIds);
        foreach (var siteId in siteIds)
        {
            if (siteId is { } site)
            {
                _siteGenerations.AddOrUpdate(site, 1, (_, generation) => generation + 1);
            }
            else
            {
                Interlocked.Increment(ref _allSites);
            }
        }
    }

    /// <summary>
    /// The sites whose ranking a save of these entries changes: an order (its milestones, promises, cancellation), a
    /// collection booked or moved, a message sent to a customer (what "silent" is measured by). Read from entry states,
    /// without scanning for changes (the caller's save has just scanned).
    /// </summary>
    public static HashSet<Guid?> SitesChangedBy(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var sites = new HashSet<Guid?>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case VehicleOrder order:
                    sites.Add(order.SiteId);
                    break;
                case CollectionBooking booking:
                    sites.Add(booking.SiteId);
                    break;
                case Touchpoint { Kind: TouchpointKind.MessageSent, Direction: TouchpointDirection.Outbound } message:
                    sites.Add(message.SiteId);
                    break;
            }
        }

        return sites;
    }

    private long GenerationOf(Guid siteId) => _siteGenerations.GetValueOrDefault(siteId) + Interlocked.Read(ref _allSites);

    // A ranking taken after a later change than this request saw is as good for it (a request that read its generation
    // before a change does not replace a newer ranking still running).
    private static bool Usable(Kept kept, long generation, DateTime now) =>
        kept.Generation >= generation && now - kept.TakenAt < KeptFor && !kept.Ranking.Task.IsFaulted;

    private void Sweep(DateTime now)
    {
        foreach (var (key, kept) in _kept)
        {
            if (now - kept.TakenAt >= KeptFor)
            {
                _kept.TryRemove(KeyValuePair.Create(key, kept));
            }
        }
    }
}
